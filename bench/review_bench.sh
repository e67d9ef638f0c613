#!/bin/sh
# Review state speed (issue 4): saves, loads and export of N review files.
# usage: sh bench/review_bench.sh BUILDDIR [N] [WORKDIR]
#   BUILDDIR  a configured and built tree (holds config.h and libshenyue_core.a)
#   WORKDIR   where the reports and .shenyue/ go (default: a fresh dir in /tmp;
#             pass one on the disk you care about: fsync cost depends on it)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: review_bench.sh BUILDDIR [N] [WORKDIR]}
n=${2:-1000}
cc=${CC:-cc}
out=$build/bench/bench_review
mkdir -p "$build/bench"
$cc -std=c11 -O2 -D_GNU_SOURCE -I"$build" -I"$srcdir/include" "$srcdir/bench/bench_review.c" \
	"$build/libshenyue_core.a" $(pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml) -lm -o "$out"
if [ $# -ge 3 ]; then mkdir -p "$3"; fi
LC_ALL=C.UTF-8 "$out" "$srcdir/examples" "$n" ${3:+"$3"}
