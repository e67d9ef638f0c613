#!/bin/sh
# `shenyue check` as a script sees it: exit statuses, per-file messages that
# name the file, the rest of the batch still loading, and the three formats.
set -u
: "${SHENYUE:?}" "${SRCDIR:?}"
ex="$SRCDIR/examples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_status() { # want cmd...
	want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else bad "$* exited $got, want $want"; cat "$tmp/err"; fi
}
expect_in() { # file text
	if grep -qF -- "$2" "$1"; then ok; else bad "$1 lacks '$2'"; sed 's/^/  | /' "$1" | head -20; fi
}

expect_status 2 "$SHENYUE" check
expect_in "$tmp/err" "usage: shenyue check"
expect_status 2 "$SHENYUE" check --format xml "$ex"
expect_in "$tmp/err" "unknown format 'xml'"

expect_status 0 "$SHENYUE" check "$ex/01-complete.txt"
expect_in "$tmp/out" "01-complete.txt"
expect_status 1 "$SHENYUE" check "$ex"
expect_in "$tmp/out" "missing-part"

# a folder holding one good report, one binary file and one empty file
cp "$ex/01-complete.txt" "$tmp/a-good.txt"
printf 'ELF\000\000\001\002\003' >"$tmp/b-binary.txt"
: >"$tmp/c-empty.txt"
expect_status 2 "$SHENYUE" check "$tmp"
expect_in "$tmp/out" "a-good.txt"
expect_in "$tmp/err" "$tmp/b-binary.txt: binary file"
expect_in "$tmp/err" "$tmp/c-empty.txt: empty file"
expect_status 2 "$SHENYUE" check "$tmp/nope.txt"
expect_in "$tmp/err" "$tmp/nope.txt: cannot open"

# a broken rubric: file:line:col and status 2
printf 'parts:\n  - id: a\n    headings: [x]\n    colour: red\n' >"$tmp/r.yaml"
expect_status 2 "$SHENYUE" check --rubric "$tmp/r.yaml" "$ex"
expect_in "$tmp/err" "$tmp/r.yaml:4:5: unknown key 'colour'"

# yaml: the GB18030 example is decoded and keeps its line numbers
expect_status 0 "$SHENYUE" check --format yaml "$ex/04-gb18030.txt"
expect_in "$tmp/out" "encoding: GB18030"
expect_in "$tmp/out" "status: present"
iconv -f GB18030 -t UTF-8 "$ex/04-gb18030.txt" | tr -d '\r' >"$tmp/04-utf8.txt"
"$SHENYUE" check --format yaml "$tmp/04-utf8.txt" | grep -E '^ +(line|status):' >"$tmp/utf8.lines"
grep -E '^ +(line|status):' "$tmp/out" >"$tmp/gb.lines"
if cmp -s "$tmp/utf8.lines" "$tmp/gb.lines"; then ok; else bad "GB18030+CRLF twin scores differently"; fi

# csv: BOM first
"$SHENYUE" check --format csv "$ex" >"$tmp/out.csv"
if [ "$(head -c 3 "$tmp/out.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then ok; else bad "csv has no BOM"; fi
expect_in "$tmp/out.csv" "path,unit,year,score,measures,duty,shortfalls,plan,other,findings"

# --sort unit: pinyin order (观 guān, 鲁 lǔ, 渠 qú, 田 tián), where code
# point order would be 渠 田 观 鲁; a report without a unit comes last.
mkdir "$tmp/pinyin"
n=0
for unit in 渠县渠南街道 田镇街道 观音堂镇 鲁山县汇源街道办事处; do
	n=$((n + 1))
	sed "1s/.*/$unit/" "$ex/01-complete.txt" >"$tmp/pinyin/$n.txt"
done
units() { sed 1d "$tmp/out" | cut -d, -f2 | tr '\n' ' '; }
expect_status 0 "$SHENYUE" check --format csv --sort unit "$tmp/pinyin"
[ "$(units)" = "观音堂镇 鲁山县汇源街道办事处 渠县渠南街道 田镇街道 " ] && ok || bad "--sort unit: $(units)"
expect_status 0 "$SHENYUE" check --format csv --sort path "$tmp/pinyin"
[ "$(units)" = "渠县渠南街道 田镇街道 观音堂镇 鲁山县汇源街道办事处 " ] && ok || bad "--sort path: $(units)"
expect_status 1 "$SHENYUE" check --format csv --sort score "$tmp/pinyin" "$ex"
sed 1d "$tmp/out" | cut -d, -f4 >"$tmp/scores"
sort -n -c "$tmp/scores" 2>/dev/null && ok || bad "--sort score is not lowest first: $(tr '\n' ' ' <"$tmp/scores")"
# export --sort unit: the same order (the export's csv: 单位 is the 1st column)
expect_status 0 "$SHENYUE" export --format csv --sort unit "$tmp/pinyin"
export_units=$(sed 1d "$tmp/out" | cut -d, -f1 | tr '\n' ' ')
[ "$export_units" = "观音堂镇 鲁山县汇源街道办事处 渠县渠南街道 田镇街道 " ] && ok || bad "export --sort unit: $export_units"
expect_status 2 "$SHENYUE" check --sort size "$ex"
expect_in "$tmp/err" "unknown order 'size'"

# evidence: each part says why (rule, lines), uncertain only where weak
shapes="$SRCDIR/tests/fixtures/shapes"
expect_status 1 "$SHENYUE" check --format yaml "$shapes/causes-3.txt" "$shapes/runon-2.txt"
expect_in "$tmp/out" "rule: causes-missing"
expect_in "$tmp/out" "lines: [14, 15]"
grep -c "uncertain: true" "$tmp/out" >"$tmp/n"
[ "$(cat "$tmp/n")" = 3 ] && ok || bad "runon-2 should have 3 uncertain parts, has $(cat "$tmp/n")"
# --explain: the outline it saw and the reason for each part
expect_status 1 "$SHENYUE" check --explain "$shapes/contents-2.txt"
expect_in "$tmp/out" "4-8       contents page"
expect_in "$tmp/out" "L2   （一）深化"
expect_in "$tmp/out" "missing -     [none] no heading names it and the body never mentions it; line 7 names it in the contents page"
expect_status 1 "$SHENYUE" check --explain "$shapes/annex-2.txt"
expect_in "$tmp/out" "20-25     annex after the date line"
expect_in "$tmp/out" "line 21 names it in an annex after the date line, which does not count"
# --explain states the score the other outputs state: a rubric's deductions taken
sed 's/^deductions: {}$/deductions:\n  rectification-missing: 7/' "$SRCDIR/rubrics/default.yaml" >"$tmp/deduct.yaml"
expect_status 0 "$SHENYUE" check --rubric "$tmp/deduct.yaml" "$ex/01-complete.txt"
expect_in "$tmp/out" "2024   93  measures"
expect_status 0 "$SHENYUE" check --explain --rubric "$tmp/deduct.yaml" "$ex/01-complete.txt"
expect_in "$tmp/out" "UTF-8, score 93"

echo "$pass passed, $fails failed"
[ "$fails" -eq 0 ]
