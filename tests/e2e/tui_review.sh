#!/bin/sh
# Nothing typed is lost: mark a part missing (an override with a reason),
# type a Chinese note, set the verdict 退回修改, kill -9 the program, start it
# again and see all three back, where the supervisor was; then
# `shenyue export --format md` on the folder holds all three. Also: a
# resubmitted report is marked changed, a corrupt review file is moved aside
# and said, and --state DIR keeps everything out of the report folder.
. "$(dirname "$0")/lib.sh"

e2e_start 160 48 SHENYUE_USER=张三 -- "$FIX"
e2e_wait "3 reports · 2 incomplete · 0 reviewed"

# b_partial.txt: 第一责任人 (duty) is only mentioned: detected partial.
e2e_keys j
e2e_wait "2 b_partial.txt"
e2e_keys 3 j
e2e_keys x
e2e_wait "第一责任人 is ~ partial as detected"
e2e_keys m
e2e_wait "reason (optional):"
e2e_type "全文未提第一责任人"
e2e_keys Enter
e2e_wait "saved: 第一责任人 is missing by your review"
e2e_has "~→✗ 人工"
e2e_has "reason: 全文未提第一责任人"
# The part's row leads with the reviewer's status, the detected one beside it.
e2e_screen | grep -q "│ ✗ 第一责任人 " || e2e_fail "the part row leads with the reviewer's status"

# A Chinese note on the part, typed as an input method delivers it.
e2e_keys c
e2e_wait "Note on 第一责任人:"
tm send-keys -t e2e -l '需要补充数据'
e2e_wait "Note on 第一责任人: 需要补充数据"
e2e_keys Enter
e2e_wait "saved: note"
e2e_has "✎ 需要补充数据"

# The verdict.
e2e_keys r
e2e_wait "saved: 退回修改 · b_partial.txt"
e2e_has "verdict: 退回修改 (张三)"
e2e_screen | grep -q "退✎  ✗  63!2 河口乡" || e2e_fail "the list row shows verdict, note marks and the reviewer's status and score"
e2e_keys C-l
e2e_wait "3 reports · 2 incomplete · 1 reviewed"

# kill -9: no chance to save anything on the way out.
pid=$(e2e_pid)
[ -n "$pid" ] || e2e_fail "no shenyue process"
kill -9 "$pid"
e2e_wait "shenyue exited 137"
e2e_stop

# Restart: the three decisions are back, on the report the supervisor was on.
e2e_start 160 48 SHENYUE_USER=张三 -- "$FIX"
e2e_wait "2 b_partial.txt"
e2e_wait "~→✗ 人工"
e2e_has "reason: 全文未提第一责任人"
e2e_has "✎ 需要补充数据"
e2e_has "verdict: 退回修改 (张三)"
e2e_screen | grep -q "退✎  ✗  63!2 河口乡" || e2e_fail "the list row after restart"
e2e_has "3 reports · 2 incomplete · 1 reviewed"
e2e_keys q
e2e_wait_exit
e2e_has "shenyue exited 0"
e2e_stop

# The review file is plain YAML beside the reports.
[ -f "$FIX/.shenyue/b_partial.txt.yaml" ] || e2e_fail "no review file in .shenyue/"
grep -q "需要补充数据" "$FIX/.shenyue/b_partial.txt.yaml" || e2e_fail "the note is not in the review file"

# The command-line export holds the override, the note and the verdict.
"$SHENYUE" export --format md "$FIX" >"$E2E_TMP/out.md" || e2e_fail "shenyue export failed"
grep -q "：缺失（第[0-9]*行）。系统识别：部分具备；审查认定：缺失，理由：全文未提第一责任人" "$E2E_TMP/out.md" || e2e_fail "export lacks the override"
grep -q "需要补充数据" "$E2E_TMP/out.md" || e2e_fail "export lacks the note"
grep -q "审查结论：退回修改" "$E2E_TMP/out.md" || e2e_fail "export lacks the verdict"

# A resubmission: the list marks it changed since review, the old notes stay;
# v marks it reviewed as it is now. A corrupt review file is moved aside and
# the user is told at once, in a popup.
printf '\n（重新提交）\n' >>"$FIX/b_partial.txt"
printf 'verdict: [broken\n' >"$FIX/.shenyue/c_missing.txt.yaml"
e2e_start 160 48 SHENYUE_USER=张三 -- "$FIX"
e2e_wait "Opening the reviews"
e2e_has "c_missing.txt.yaml"
e2e_has "moved aside"
e2e_keys Escape
e2e_wait_gone "Opening the reviews"
# Closing the popup repaints every cell it covered (wide characters too).
e2e_wait "（一）加强组织领导\""
e2e_wait "changed since review: the notes are"
e2e_screen | grep -q "退✎↻ ✗  63!2 河口乡" || e2e_fail "changed mark in the list"
e2e_has "✎ 需要补充数据"
e2e_keys v
e2e_wait "saved: marked as reviewed as it is now"
e2e_lacks "changed since review"
e2e_screen | grep -q "退✎  ✗  63!2 河口乡" || e2e_fail "changed mark still in the list"
e2e_keys q
e2e_wait_exit
e2e_stop
ls "$FIX/.shenyue" | grep -q "c_missing.txt.yaml.corrupt" || e2e_fail "the corrupt file was not kept aside"

# --state DIR: reviews and exports go there, nothing beside the reports.
mkdir -p "$E2E_TMP/ro" && cp "$FIX"/a_complete.txt "$E2E_TMP/ro/"
e2e_start 100 30 -- --state "$E2E_TMP/state" "$E2E_TMP/ro"
e2e_wait "1 report · 0 incomplete"
e2e_keys a
e2e_wait "saved: 通过 · a_complete.txt"
e2e_keys e Enter
e2e_wait "Issuing office signed under the 审查意见"
e2e_type "青禾县司法局"
e2e_keys Enter
e2e_wait "wrote $E2E_TMP/state/审查意见-城关镇人民政府-2024.md"
e2e_keys q
e2e_wait_exit
set -- "$E2E_TMP"/state/ro-*/a_complete.txt.yaml
[ -f "$1" ] || e2e_fail "no review file under --state"
[ ! -e "$E2E_TMP/ro/.shenyue" ] || e2e_fail "--state still wrote beside the reports"
echo "ok"
