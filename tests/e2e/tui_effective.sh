#!/bin/sh
# The reviewer's status wins everywhere (issue 8): `1 g 3 g j j x a <reason>
# Enter` marks a complete report's shortfalls partial; the checklist header's
# score, the list row's mark and score, the status bar's incomplete count,
# the `i` filter and the sort by score all follow; X takes it back. Reports
# with warnings carry "!N"; a resubmitted report needs re-review; exports
# ask for the office and the days once, and are named after the unit (one
# report) or the folder's real name (the batch, opened as "DIR/.").
. "$(dirname "$0")/lib.sh"

e2e_start 160 48 SHENYUE_USER=张三 -- "$FIX/."
e2e_wait "3 reports · 2 incomplete · 0 reviewed"
e2e_keys 1 g
e2e_wait "Checklist · score 100/100"
e2e_screen | grep -q "^ ·    ✓ 100   城关镇" || e2e_fail "a_complete.txt starts complete, without warnings"
# warnings at a glance: b_partial.txt has two that stand, c_missing.txt one
e2e_screen | grep -q "~  75!2 河口乡" || e2e_fail "the warning count of b_partial.txt"
e2e_screen | grep -q "✗  75!1 石桥" || e2e_fail "the warning count of c_missing.txt"
# i: only the two incomplete reports.
e2e_keys i
e2e_wait "Reports 2/3"
e2e_lacks "城关镇人民政府 2024"
e2e_keys i
e2e_wait "Reports 3/3"

e2e_keys 1 g 3 g j j x
e2e_wait "不足原因 is ✓ present as detected"
e2e_keys a
e2e_wait "reason (optional):"
e2e_type "原因只有一句"
e2e_keys Enter
e2e_wait "saved: 不足原因 is partial by your review"
e2e_has "✓→~ 人工"
e2e_wait "Checklist · score 88/100"
e2e_screen | grep -q "^ ·    ~  88   城关镇" || e2e_fail "the list row follows the override"
e2e_keys C-l
e2e_wait "3 reports · 3 incomplete · 0 reviewed"
# i now lists the report the reviewer found incomplete.
e2e_keys 1 i
e2e_wait "Reports 3/3 · name · incomplete"
e2e_has "城关镇人民政府 2024"
e2e_keys i
# Sort by score: 88 comes after the two 75s, no longer last.
e2e_keys 1 s
e2e_wait "sorted by score"
e2e_row 2 | grep -q " 75!" || e2e_fail "lowest score first"
e2e_row 4 | grep -q "88   城关镇" || e2e_fail "the overridden report sorts by its new score"

# X: back to the detected status, everything follows again.
e2e_keys 1 G
e2e_wait "2 a_complete.txt"
e2e_keys 3 g j j X
e2e_wait "不足原因 is back to its detected status"
e2e_wait "Checklist · score 100/100"
e2e_screen | grep -q "✓ 100   城关镇" || e2e_fail "the list row after X"
e2e_keys C-l
e2e_wait "3 reports · 2 incomplete · 0 reviewed"

# A verdict counts as reviewed until the report is resubmitted.
e2e_keys r
e2e_wait "saved: 退回修改 · a_complete.txt"
e2e_keys C-l
e2e_wait "3 reports · 2 incomplete · 1 reviewed"
printf '\n（重新报送）\n' >>"$FIX/a_complete.txt"
e2e_keys C-l
e2e_wait "report file changed: a_complete.txt"
e2e_screen | grep -q "^ 退 ↻ ✓ 100   城关镇" || e2e_fail "the resubmitted report is marked changed"
e2e_keys C-l
e2e_wait "0 reviewed · 1 needs re-review"
e2e_has "a_complete.txt (needs re-review)"

# One report as Word: office and days asked once, kept, the file named
# after the unit and year; the deadline is in 整改要求.
e2e_keys e
e2e_wait "Export a_complete.txt as:"
e2e_has "d Word"
e2e_keys d
e2e_wait "Issuing office signed under the 审查意见"
e2e_type "青禾县依法治县办"
e2e_keys Enter
e2e_wait "Days a returned report has to come back"
e2e_type "15"
e2e_keys Enter
one="$FIX/审查意见-城关镇人民政府-2024.docx"
e2e_wait "wrote $one (1 report, docx)"
unzip -p "$one" word/document.xml >"$E2E_TMP/doc.xml" || e2e_fail "not a .docx: $one"
grep -q "整改要求" "$E2E_TMP/doc.xml" || e2e_fail "the 审查意见 lacks 整改要求"
grep -q "日前将修改后的报告重新报送青禾县依法治县办" "$E2E_TMP/doc.xml" || e2e_fail "no deadline and office in 整改要求"
grep -q '^resubmit_days: 15' "$E2E_TMP/no-config/shenyue/config.yaml" || e2e_fail "the days were not kept"
# The batch: named after the folder's real name, though opened as ".";
# nothing asked again; the single report's file is left alone.
e2e_keys E d
e2e_wait "wrote $FIX/审查意见-reports.docx (3 reports, docx)"
e2e_keys E x
e2e_wait "wrote $FIX/汇总表-reports.xlsx (3 reports, xlsx)"
unzip -p "$FIX/汇总表-reports.xlsx" xl/sharedStrings.xml | grep -q "城关镇人民政府" || e2e_fail "the 汇总表 lacks a unit"
[ -s "$one" ] || e2e_fail "the batch export touched the single report's file"
# the summary page's 情况通报 takes the folder's real name too
e2e_keys B e
e2e_wait "wrote $FIX/情况通报-reports.docx (the draft 情况通报)"
e2e_keys q
e2e_keys e d
e2e_wait "审查意见-城关镇人民政府-2024.docx exists. Overwrite it?"
e2e_keys n
e2e_wait "left as it was"
e2e_keys q
e2e_wait_exit
echo ok
