#!/bin/sh
# Nothing cut off at 80x24 without a way to read it whole: the status bar
# shortens its left part with … and keeps a gap before the key hints; the
# x question and the waiver prompt show every choice and every part that is
# partial; a long message wraps whole and stays in the message log (M); the
# help popup wraps its long lines, in English and in Chinese.
. "$(dirname "$0")/lib.sh"

# rows FIRST LAST: the screen rows joined into one line.
rows() {
	e2e_screen | sed -n "$1,$2p" | sed 's/^ *//; s/ *$//' | tr '\n' ' '
}

# rows_have FIRST LAST TEXT: the rows, joined, hold TEXT whole (spaces aside:
# a row breaks at a space, or between two Chinese characters).
rows_have() {
	want=$(printf '%s' "$3" | tr -d ' ')
	rows "$1" "$2" | tr -d ' ' | grep -qF -- "$want"
}

# help_rows: the inside of the help popup, page by page to its end.
help_rows() {
	: >"$E2E_TMP/help"
	for page in 1 2 3 4 5 6; do
		e2e_screen | sed -n '3,22p' | sed 's/^[^│]*│//; s/│[^│]*$//' >>"$E2E_TMP/help"
		e2e_keys PageDown
	done
	cat "$E2E_TMP/help"
}

long=b_partial_report_of_the_township_for_the_year_2024_as_submitted.txt
mv "$FIX/b_partial.txt" "$FIX/$long"
e2e_start 80 24 -- "$FIX"
e2e_wait "3 reports · 2 incomplete"

# The status bar: the long file name gives way with …, the hints stay whole.
e2e_keys j
e2e_wait "2 b_partial_report_of"
e2e_row 24 | grep -q "b_partial_report_of.*… · 3 reports · 2 incomplete · 0 reviewed" ||
	e2e_fail "the file name was not shortened first"
e2e_row 24 | grep -Eq "0 reviewed {2,}\?:help  q:quit" || e2e_fail "the left part runs into the hints"

# x: the question wraps onto a second row with every choice and its Esc.
e2e_keys 3 j x
e2e_wait "as detected"
rows_have 22 24 "第一责任人 is ~ partial as detected. Yours: p ✓ present · a ~ partial · m ✗ missing · Esc" ||
	e2e_fail "the x question is cut: $(rows 22 24)"
e2e_keys Escape
e2e_wait "cancelled: nothing changed"

# a: the waiver prompt names every partial part; the reason is typed below it.
e2e_keys a
e2e_wait "Waiver reason:"
rows_have 22 23 "通过 although 第一责任人 partial, 不足原因 partial? Waiver reason:" ||
	e2e_fail "the waiver prompt is cut: $(rows 22 23)"
[ "$(e2e_cursor)" = "1 23" ] || e2e_fail "the reason is not typed on the bottom row: $(e2e_cursor)"
e2e_keys Escape

# A message longer than the row wraps whole; M shows it again later.
e2e_keys J
e2e_wait "c_missing.txt"
e2e_keys j j j Enter
e2e_wait "下年安排 missing"
rows_have 23 24 "下年安排 missing: no heading names it, no text mentions it (下一年度推进法治政府建设的主要安排)" ||
	e2e_fail "the message is cut: $(rows 23 24)"
e2e_keys M
e2e_wait "Messages ("
e2e_has "no text mentions it"
e2e_has "建设的主要安排)"
e2e_keys q
e2e_wait_gone "Messages ("

# Help: long lines wrap, nothing ends in … and the longest help is whole.
e2e_keys "?"
e2e_wait "Checklist (this pane)"
help_rows >"$E2E_TMP/en"
grep -q "…" "$E2E_TMP/en" && e2e_fail "a help row is cut: $(grep "…" "$E2E_TMP/en" | head -1)"
tr -s ' \n' ' ' <"$E2E_TMP/en" | grep -q "Write a note (checklist: on the part or finding; else on the report)" ||
	e2e_fail "the note key's help is not whole"
e2e_keys q
e2e_keys q
e2e_wait_exit
e2e_stop

e2e_start 80 24 LANGUAGE=zh_CN -- "$FIX"
e2e_wait "3 份报告"
e2e_keys "?"
e2e_wait "报告列表（当前窗格）"
help_rows >"$E2E_TMP/zh"
grep -q "…" "$E2E_TMP/zh" && e2e_fail "a help row is cut: $(grep "…" "$E2E_TMP/zh" | head -1)"
tr -d ' \n' <"$E2E_TMP/zh" | grep -q "填写审查意见（清单中针对所选部分或问题，否则针对报告）" ||
	e2e_fail "the note key's help is not whole in Chinese"
echo "ok"
