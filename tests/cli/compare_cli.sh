#!/bin/sh
# `shenyue check 2023/ 2024/` (issue 11): the seeds with made-up 2023
# versions (tests/fixtures/compare, made by make_fixtures.py). The repeated
# shortfalls, the dropped plan item and the copied section (with the lines
# of both reports) are flagged, nothing of the comparison in the untouched
# reports; a folder of year folders reads as the two folders; yaml names
# the other report and its line.
set -u
: "${SHENYUE:?}" "${SRCDIR:?}"
export LC_ALL=C.UTF-8 LANGUAGE=
fx="$SRCDIR/tests/fixtures/compare"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

cp -R "$fx/2023" "$fx/2024" "$tmp/"
cd "$tmp" || exit 1
"$SHENYUE" check 2023/ 2024/ >out
[ $? -le 1 ] && ok || bad "check exited $?"

# The findings of one report: its lines, up to the next report's line.
findings_of() {
	awk -v f="$1" '/^[^ ]/ { on = index($0, f) == 1 } on && /^    / { print }' out
}
compare_ids='same-as-last-year|repeated-shortfall|plan-not-followed|copied-part'

findings_of 2024/张良镇.txt | grep -q "line 17 .*repeated-shortfall .*2023/张良镇.txt, line 12" && ok ||
	bad "张良镇: last year's shortfalls pasted in, not flagged"
findings_of 2024/观音堂镇.txt | grep -q "plan-not-followed .*2023/观音堂镇.txt, line 15.*案卷评查" && ok ||
	bad "观音堂镇: the dropped plan item not flagged"
findings_of 2024/田镇街道.txt | grep -q "line 37 .*copied-part .*张良镇.*2024/张良镇.txt, lines 17-19.*here lines 37-39" && ok ||
	bad "田镇街道: the copied section not flagged with the lines of both"
findings_of 2024/张良镇.txt | grep -q "copied-part .*田镇街道.*lines 37-39.*here lines 17-19" && ok ||
	bad "张良镇: the other side of the copied section"
for f in 2024/汇源街道.txt 2024/渠南街道.txt 2023/汇源街道.txt 2023/张良镇.txt 2023/观音堂镇.txt 2023/田镇街道.txt 2023/渠南街道.txt; do
	n=$(findings_of "$f" | grep -cE "  ($compare_ids) ")
	[ "$n" -eq 0 ] && ok || bad "$f untouched, yet: $(findings_of "$f" | grep -E "$compare_ids")"
done
findings_of 2024/渠南街道.txt | grep -q "rectification-missing .*2023/渠南街道.txt.*网格员法律知识储备不足" && ok ||
	bad "渠南街道: the rectification finding does not name last year's problems"

# One folder holding the year folders: the same findings.
mkdir all && mv 2023 2024 all/
"$SHENYUE" check all >out2
[ "$(grep -cE "  ($compare_ids) " out2)" -eq "$(grep -cE "  ($compare_ids) " out)" ] && ok ||
	bad "a folder of year folders does not compare as the two folders"
grep -q "all/2024/田镇街道.txt" out2 && ok || bad "the year folders were not read"

# yaml: the other report and its line.
"$SHENYUE" check --format yaml all/2023 all/2024 >y
grep -A5 "id: copied-part" y | grep -q "other_line: 17" && ok || bad "yaml has no other_line"
grep -A5 "id: copied-part" y | grep -q 'other: "all/2024/张良镇.txt"' && ok || bad "yaml has no other"

# A single year: nothing compares across years.
"$SHENYUE" check all/2024 >out3
grep -qE "  (same-as-last-year|repeated-shortfall|plan-not-followed) " out3 && bad "one year, yet compared across years" || ok

echo "compare_cli: $pass passed, $fails failed"
[ "$fails" -eq 0 ]
