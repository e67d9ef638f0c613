#!/bin/sh
# Reports the live folder brings in later are converted off the input
# loop's thread too: a .doc dropped into the folder, and one changed on
# disk, leave the keys answered while LibreOffice (a stand-in held by a
# gate, lib.sh) converts them. A verdict on the changed one is refused
# while it converts; once in, its review is still its own, marked changed
# (↻) since the new content is not what was judged.
. "$(dirname "$0")/lib.sh"

e2e_fake_soffice
e2e_start 160 40 SHENYUE_SOFFICE="$E2E_TMP/soffice" SHENYUE_USER=李四 -- "$FIX"
e2e_wait "Reports 3/3"
e2e_wait_gone "loading" 10
e2e_wait "a_complete.txt · L1/"

# a .doc arrives: it is converted while the keys are answered
e2e_doc "$E2E_TMP/e_new.doc"
mv "$E2E_TMP/e_new.doc" "$FIX/e_new.doc"
e2e_wait "new report: e_new.doc" 3
e2e_wait_conversions 1
e2e_keys j
e2e_wait "b_partial.txt · L1/" 3
e2e_keys k
e2e_wait "a_complete.txt · L1/" 3
[ -e "$GATE" ] && e2e_fail "the gate opened before the keys were answered"
touch "$GATE"
e2e_wait "✓ 100   青禾县云溪镇…  2024 e_new" 10

# a verdict on it, then the unit sends it again
e2e_keys G
e2e_wait "e_new.doc · L1/" 3
e2e_keys r
e2e_wait "saved: 退回修改 · e_new.doc" 3
e2e_doc "$E2E_TMP/e_new.doc" v2
mv "$E2E_TMP/e_new.doc" "$FIX/e_new.doc"
e2e_wait "report file changed: e_new.doc" 3
e2e_wait_conversions 2
e2e_wait "converting with LibreOffice" 3
# keys answered while it converts; a verdict waits for the new content
e2e_keys k
e2e_wait "c_missing.txt · L1/" 3
e2e_keys j
e2e_wait "e_new.doc · L0/0" 3
e2e_keys a
e2e_wait "e_new.doc is still being converted by LibreOffice" 3
[ -e "$GATE" ] && e2e_fail "the gate opened before the keys were answered"
grep -q 'return' "$FIX/.shenyue/e_new.doc.yaml" || e2e_fail "the verdict on e_new.doc is gone"
touch "$GATE"
# the new content is in: the verdict is still there, marked changed
e2e_wait "changed since review" 10
e2e_wait_gone "converting with LibreOffice" 3
e2e_screen | grep -q "退 ↻" || e2e_fail "the changed report is not marked ↻ in the list"
grep -q 'return' "$FIX/.shenyue/e_new.doc.yaml" || e2e_fail "the verdict on e_new.doc is gone"
for f in a_complete b_partial c_missing; do
	grep -qs 'return' "$FIX/.shenyue/$f.txt.yaml" && e2e_fail "the verdict went to $f.txt"
done
[ "$(e2e_conversions)" = 2 ] || e2e_fail "$(e2e_conversions) conversions, want 2"
e2e_keys q
e2e_wait_exit
echo ok
