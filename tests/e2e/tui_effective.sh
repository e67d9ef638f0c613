#!/bin/sh
# The reviewer's status wins everywhere (issue 8): `1 g 3 g j j x a <reason>
# Enter` marks a complete report's shortfalls partial; the checklist header's
# score, the list row's mark and score, the status bar's incomplete count,
# the `i` filter and the sort by score all follow. X takes it back.
. "$(dirname "$0")/lib.sh"

e2e_start 160 48 SHENYUE_USER=张三 -- "$FIX"
e2e_wait "3 reports · 2 incomplete · 0 reviewed"
e2e_keys 1 g
e2e_wait "Checklist · score 100/100"
e2e_screen | grep -q "^ ·    ✓ 100 城关镇" || e2e_fail "a_complete.txt starts complete"
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
e2e_screen | grep -q "^ ·    ~  88 城关镇" || e2e_fail "the list row follows the override"
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
e2e_row 2 | grep -q "75 " || e2e_fail "lowest score first"
e2e_row 4 | grep -q "88 城关镇" || e2e_fail "the overridden report sorts by its new score"

# X: back to the detected status, everything follows again.
e2e_keys 1 G
e2e_wait "2 a_complete.txt"
e2e_keys 3 g j j X
e2e_wait "不足原因 is back to its detected status"
e2e_wait "Checklist · score 100/100"
e2e_screen | grep -q "✓ 100 城关镇" || e2e_fail "the list row after X"
e2e_keys C-l
e2e_wait "3 reports · 2 incomplete · 0 reviewed"
e2e_keys q
e2e_wait_exit
echo ok
