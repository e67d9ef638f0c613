#!/bin/sh
# `shenyue summary` as a script sees it: the roster found beside the reports
# or given with --roster (YAML, GB18030 CSV), units not received and late
# ones named, reviews counted, the three formats, and the exit statuses of
# `shenyue check` (2 for a broken roster, with file:line:col).
set -u
: "${SHENYUE:?}" "${SRCDIR:?}"
ex="$SRCDIR/examples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
export XDG_CONFIG_HOME="$tmp/no-config"

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
	if grep -qF -- "$2" "$1"; then ok; else bad "$1 lacks '$2'"; sed 's/^/  | /' "$1" | head -30; fi
}
expect_not_in() { # file text
	if grep -qF -- "$2" "$1"; then bad "$1 has '$2'"; else ok; fi
}

expect_status 2 "$SHENYUE" summary
expect_in "$tmp/err" "usage: shenyue summary"
expect_status 0 "$SHENYUE" summary --help
expect_in "$tmp/out" "  docx   the draft 情况通报 of the batch (Word)"
expect_status 2 "$SHENYUE" summary --format pdf "$ex"
expect_in "$tmp/err" "unknown format 'pdf'"

mkdir "$tmp/batch"
cp "$ex"/*.txt "$tmp/batch/"
touch -d 2025-02-20T12:00 "$tmp/batch"/*.txt
touch -d 2025-03-04T12:00 "$tmp/batch/04-gb18030.txt"
# the roster as Excel saves it on Chinese Windows: GB18030, CRLF
printf '单位,简称,类型,联系人\r\n青禾县云溪镇人民政府,云溪镇,乡镇,张三\r\n石桥街道办事处,石桥街道,街道,\r\n青禾县市场监督管理局,市场监管局,部门,\r\n白沙乡人民政府,白沙乡,乡镇,\r\n松林镇,,乡镇,\r\n北坡街道,,街道,\r\n' |
	iconv -f UTF-8 -t GB18030 >"$tmp/batch/名单.csv"

# not every required part present: 1, as check
expect_status 1 "$SHENYUE" summary --format yaml "$tmp/batch"
expect_in "$tmp/out" "expected: 6"
expect_in "$tmp/out" "received: 4"
expect_in "$tmp/out" "not_received:
  - \"北坡街道\"
  - \"松林镇\""
expect_in "$tmp/out" "late:
  - \"白沙乡人民政府\""
expect_in "$tmp/out" "reviewed: 0"
expect_in "$tmp/out" "roster: \"$tmp/batch/名单.csv\""

# a verdict saved in the review file is counted, and its reason named
mkdir "$tmp/batch/.shenyue"
cat >"$tmp/batch/.shenyue/03-partial.txt.yaml" <<'YAML'
format: 1
report: "03-partial.txt"
verdict:
  value: "return"
notes:
  - on: "report"
    text: "请补充第一责任人履职情况"
YAML
expect_status 1 "$SHENYUE" summary "$tmp/batch"
expect_in "$tmp/out" "Expected 6, received 4, not received 2, late 1"
expect_in "$tmp/out" "Not received: 北坡街道, 松林镇"
expect_in "$tmp/out" "Returned: 青禾县市场监督管理局: 请补充第一责任人履职情况"
expect_in "$tmp/out" "1 reviewed, 3 not yet"

# csv: one row per unit, the ones not received too
"$SHENYUE" summary --format csv -o "$tmp/out.csv" "$tmp/batch" 2>"$tmp/err"
if [ "$(head -c 3 "$tmp/out.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then ok; else bad "csv has no BOM"; fi
expect_in "$tmp/out.csv" "unit,kind,path,received,received_from,late,late_publication,review,verdict,measures"
expect_in "$tmp/out.csv" "松林镇,乡镇,,,,,,not_received"
expect_in "$tmp/out.csv" "白沙乡人民政府,乡镇,$tmp/batch/04-gb18030.txt,2025-03-04,mtime,yes"

# docx: the draft 情况通报, never to a terminal
expect_status 1 "$SHENYUE" summary --format docx -o "$tmp/tb.docx" "$tmp/batch"
if [ "$(head -c 2 "$tmp/tb.docx")" = PK ]; then ok; else bad "summary docx is not a zip"; fi
if command -v unzip >/dev/null; then
	unzip -p "$tmp/tb.docx" word/document.xml >"$tmp/doc.xml"
	expect_in "$tmp/doc.xml" "北坡街道、松林镇"
	expect_in "$tmp/doc.xml" "请补充第一责任人履职情况"
	expect_in "$tmp/doc.xml" "（发文单位）"
fi
# the office setting signs it; --office wins
mkdir -p "$tmp/no-config/shenyue"
printf 'office: 青禾县依法治县办\n' >"$tmp/no-config/shenyue/config.yaml"
"$SHENYUE" summary --format docx -o "$tmp/tb2.docx" "$tmp/batch" 2>"$tmp/err"
"$SHENYUE" summary --format docx --office 青禾县司法局 -o "$tmp/tb3.docx" "$tmp/batch" 2>"$tmp/err"
rm -r "$tmp/no-config/shenyue"
if command -v unzip >/dev/null; then
	unzip -p "$tmp/tb2.docx" word/document.xml >"$tmp/doc2.xml"
	expect_in "$tmp/doc2.xml" "青禾县依法治县办"
	unzip -p "$tmp/tb3.docx" word/document.xml >"$tmp/doc3.xml"
	expect_in "$tmp/doc3.xml" "青禾县司法局"
	expect_not_in "$tmp/doc3.xml" "青禾县依法治县办"
fi

# xlsx: the matrix as a spreadsheet
expect_status 1 "$SHENYUE" summary --format xlsx -o "$tmp/tb.xlsx" "$tmp/batch"
if [ "$(head -c 2 "$tmp/tb.xlsx")" = PK ]; then ok; else bad "summary xlsx is not a zip"; fi
if command -v unzip >/dev/null; then
	unzip -p "$tmp/tb.xlsx" xl/sharedStrings.xml >"$tmp/strings.xml"
	expect_in "$tmp/strings.xml" "北坡街道"
	expect_in "$tmp/strings.xml" "未报送"
fi

# --roster wins over the folder's; a YAML roster; a set deadline
cat >"$tmp/r.yaml" <<'YAML'
units:
  - name: 青禾县云溪镇人民政府
  - name: 白沙乡
YAML
expect_status 1 "$SHENYUE" summary --roster "$tmp/r.yaml" --format yaml "$tmp/batch"
expect_in "$tmp/out" "expected: 2"
expect_in "$tmp/out" "unmatched: 2"
sed 's/^deadline_month: 0/deadline_month: 3/; s/^deadline_day: 0/deadline_day: 5/' "$SRCDIR/rubrics/default.yaml" >"$tmp/rubric.yaml"
expect_status 1 "$SHENYUE" summary --rubric "$tmp/rubric.yaml" --format yaml "$tmp/batch"
expect_in "$tmp/out" "late: []"
expect_in "$tmp/out" "submission: \"2025-03-05\""

# a broken roster: file:line:col and 2, nothing printed
printf 'units:\n  - name: 云溪镇\n    kind: 村\n' >"$tmp/bad.yaml"
expect_status 2 "$SHENYUE" summary --roster "$tmp/bad.yaml" "$tmp/batch"
expect_in "$tmp/err" "bad.yaml:3:11:"
if [ -s "$tmp/out" ]; then bad "a broken roster still printed a summary"; else ok; fi
printf '单位,类型\n云溪镇,乡镇\n"石门镇,乡镇\n' >"$tmp/bad.csv"
expect_status 2 "$SHENYUE" summary --roster "$tmp/bad.csv" "$tmp/batch"
expect_in "$tmp/err" "bad.csv:3:1:"
expect_status 2 "$SHENYUE" summary --roster "$tmp/none.csv" "$tmp/batch"
expect_in "$tmp/err" "none.csv"

# without a roster every report stands for itself
mkdir "$tmp/plain"
cp "$ex/01-complete.txt" "$tmp/plain/"
expect_status 0 "$SHENYUE" summary --format yaml "$tmp/plain"
expect_in "$tmp/out" "roster: null"
expect_in "$tmp/out" "expected: 1"
expect_not_in "$tmp/out" "units:"

# a report's text never reaches the terminal raw
printf '\033]0;pwned\007云溪镇2024年法治政府建设情况报告\n一、主要举措和成效\n开展培训3次。\n' >"$tmp/plain/esc.txt"
"$SHENYUE" summary "$tmp/plain" >"$tmp/out" 2>&1
if grep -q "$(printf '\033')" "$tmp/out"; then bad "an escape from a report reached the output"; else ok; fi

# check: the roster beside the reports brings the copy-paste tell
mkdir "$tmp/tell"
printf 'units:\n  - 云溪镇\n  - 石门镇\n' >"$tmp/tell/名单.yaml"
printf '云溪镇2024年法治政府建设情况报告\n2024年，石门镇在县委领导下推进法治建设。\n一、主要举措和成效\n开展培训3次。\n' >"$tmp/tell/a.txt"
"$SHENYUE" check "$tmp/tell" >"$tmp/out" 2>"$tmp/err"
expect_in "$tmp/out" "other-unit"
expect_in "$tmp/out" "石门镇"
"$SHENYUE" check --roster "$tmp/r.yaml" "$tmp/tell" >"$tmp/out" 2>"$tmp/err"
expect_not_in "$tmp/out" "other-unit"
expect_status 2 "$SHENYUE" check --roster "$tmp/bad.yaml" "$tmp/tell"
expect_in "$tmp/err" "bad.yaml:3:11:"

echo "$pass passed, $fails failed"
[ "$fails" -eq 0 ]
