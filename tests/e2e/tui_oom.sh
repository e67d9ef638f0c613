#!/bin/sh
# Running out of memory with curses on the screen: the terminal comes back
# (alternate screen off, cursor shown, keypad mode off) before the abort,
# and the shell shows why. A 60 MB report under a 150 MB address-space
# limit makes the file reader's buffer fail to grow.
. "$(dirname "$0")/lib.sh"

# AddressSanitizer reserves terabytes of address space: no limit fits it.
if ldd "$SHENYUE" 2>/dev/null | grep -q 'libasan'; then
	echo "built with AddressSanitizer: skipping"
	exit 77
fi

big=$E2E_TMP/big
mkdir -p "$big"
{
	printf '城关镇人民政府\n关于2024年法治政府建设情况的报告\n'
	yes '各级行政机关坚持依法行政，推进法治政府建设取得新成效。各级行政机关坚持依法行政，推进法治政府建设取得新成效。' |
		head -c 62000000
} >"$big/huge.txt"

E2E_ULIMIT_V=150000 e2e_start 80 24 -- "$big"
e2e_wait "shenyue exited" 20
e2e_has "shenyue: out of memory"
e2e_screen | grep -q "shenyue exited 134" || e2e_fail "shenyue did not abort (134)"
e2e_wait_exit
rm -rf "$big"
echo "ok"
