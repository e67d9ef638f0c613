#!/bin/sh
# Two supervisors on one folder: a note another reviewer saved meanwhile is
# never overwritten blindly. The clash shows in the list (!) and the
# checklist, and R resolves it: take theirs, or keep mine.
. "$(dirname "$0")/lib.sh"

# The clash needs both saves to meet: the live folder would take theirs in first.
mkdir -p "$E2E_TMP/no-config/shenyue"
printf 'live: false\n' >"$E2E_TMP/no-config/shenyue/config.yaml"
e2e_start 160 48 SHENYUE_USER=张三 -- "$FIX"
e2e_wait "3 reports · 2 incomplete"
e2e_keys j c
e2e_wait "Note on the report b_partial.txt:"
e2e_type "初审：数据不全"
e2e_keys Enter
e2e_wait "saved: note"
review="$FIX/.shenyue/b_partial.txt.yaml"
grep -q "初审：数据不全" "$review" || e2e_fail "the note is not on disk"

# The second reviewer changes the same note in the file.
sed -e 's/初审：数据不全/复核：数据已补/' -e 's/张三/李四/' "$review" >"$E2E_TMP/theirs.yaml"
mv "$E2E_TMP/theirs.yaml" "$review"

# Ours changes it too: saved with both kept, the clash shown.
e2e_keys c C-u
e2e_type "初审：请补充执法数据"
e2e_keys Enter
e2e_wait "Conflicts with another reviewer (1)"
e2e_wait "1 decision clashed with yours"
e2e_screen | grep -q "· ✎! ~  75!2 河口乡" || e2e_fail "conflict mark in the list"
e2e_keys 3 G
e2e_wait "! report note · theirs (李四): 复核"
e2e_has "mine: 初审：请补充执法数据"
grep -q "复核：数据已补" "$review" || e2e_fail "their note was overwritten on disk"
grep -q "初审：请补充执法数据" "$review" || e2e_fail "our note is not on disk"

# R on the conflict: take theirs.
e2e_keys R
e2e_wait "report note: m keep mine · t take theirs (李四)"
e2e_keys t
e2e_wait "saved: took theirs"
e2e_wait_gone "Conflicts with another reviewer"
e2e_has "✎ report: 复核：数据已补"
e2e_lacks "初审：请补充执法数据"
grep -q "初审：请补充执法数据" "$review" && e2e_fail "the resolved conflict is still on disk"
e2e_keys q
e2e_wait_exit
echo "ok"
