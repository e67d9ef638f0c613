#!/bin/sh
# Makes a seed corpus for docx_fuzzer from .docx files (default: the seed
# reports written by tests/tools/mkdocx in each style): document.xml, styles
# and numbering joined by the fuzzer's separator.
# usage: sh tests/fuzz/docx_seeds.sh BUILDDIR OUTDIR [FILE.docx...]
set -eu
build=$1 out=$2
shift 2
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -eq 0 ]; then
	for t in "${SHENYUE_SEEDS:-$(dirname "$0")/../../../shared/seeds}"/*.txt; do
		for style in word plain tracked; do
			"$build/tests/tools/mkdocx" $style "$t" "$tmp/$(basename "$t" .txt)-$style.docx" >/dev/null
		done
	done
	set -- "$tmp"/*.docx
fi
for f in "$@"; do
	{ unzip -p "$f" word/document.xml; printf '\n@@@\n'; unzip -p "$f" word/styles.xml 2>/dev/null || true
	  printf '\n@@@\n'; unzip -p "$f" word/numbering.xml 2>/dev/null || true; } >"$out/$(basename "$f").xml"
done
