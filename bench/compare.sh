#!/bin/sh
# The batches of `make bench-compare`: N reports made by gen_batch.py in one
# folder, and N/2 of them as 2024/ with a 2023/ copy whose years are one
# less (every report then has last year's, nearly the same: the comparisons'
# worst case). Runs bench_compare on both. Prints figures; asserts nothing.
# usage: bench/compare.sh [-n N] [-d DIR] BENCH_COMPARE
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
n=10000 dir=/tmp/shenyue-bench
while [ $# -gt 1 ]; do
	case $1 in
	-n) n=$2; shift 2 ;;
	-d) dir=$2; shift 2 ;;
	*) break ;;
	esac
done
bench=$1
gen=${GEN_BATCH:-$srcdir/../shared/tools/gen_batch.py}
[ -f "$gen" ] || { echo "bench/compare.sh: no $gen: skipped"; exit 0; }
command -v python3 >/dev/null || { echo "bench/compare.sh: python3 is needed: skipped"; exit 0; }
one=$dir/compare-$n
two=$dir/compare-years-$n
if [ ! -f "$one/.complete" ]; then
	rm -rf "$one" && python3 "$gen" "$n" "$one" >/dev/null && touch "$one/.complete"
fi
if [ ! -f "$two/.complete" ]; then
	rm -rf "$two" && python3 "$gen" $((n / 2)) "$two/2024" >/dev/null
	python3 - "$two/2024" "$two/2023" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
for name in os.listdir(src):
    data = open(os.path.join(src, name), 'rb').read()
    for enc in (('utf-16',) if data[:2] == b'\xff\xfe' else ('utf-8-sig', 'gb18030')):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            pass
    text = text.replace('2025', '\0').replace('2024', '2023').replace('\0', '2024')
    open(os.path.join(dst, name), 'w', encoding='utf-8').write(text)
PY
	touch "$two/.complete"
fi
echo "== $n reports in one folder"
"$bench" "$one"
echo "== $((n / 2)) reports in 2024/ and their 2023 copies in 2023/"
"$bench" "$two/2023" "$two/2024"
