#!/bin/sh
# A .doc being converted does not hold the UI. LibreOffice is played by a
# stand-in ($SHENYUE_SOFFICE, lib.sh) that converts only once the test says so (a
# gate file), so the conversion runs as long as the test needs: the
# reports after it are taken in meanwhile, moving onto the .doc shows a
# placeholder, keys are answered (the list moves on and back, a verdict says
# the report is still being converted and changes nothing), and the viewer
# and checklist fill in by themselves once the conversion ends.
. "$(dirname "$0")/lib.sh"

e2e_fake_soffice
e2e_doc "$FIX/b_legacy.doc"
# eight more reports: enough to make the UI let the .doc's text go
for k in 1 2 3 4 5 6 7 8; do cp "$FIX/a_complete.txt" "$FIX/d_$k.txt"; done
conversions() { e2e_conversions; }

e2e_start 160 40 SHENYUE_SOFFICE="$E2E_TMP/soffice" -- "$FIX"
e2e_wait "Reports 12/12"
e2e_wait "a_complete.txt · L1/"
# the reports after the .doc are taken in while it converts
e2e_wait "loading 11/12" 5
# onto the .doc, whose conversion waits for the gate: a placeholder, at once
e2e_keys j
e2e_wait "b_legacy.doc · L0/0" 3
e2e_wait "converting with LibreOffice" 3
# a key that moves elsewhere is answered while it converts
e2e_keys j
e2e_wait "b_partial.txt · L1/" 3
[ -e "$GATE" ] && e2e_fail "the gate opened before the keys were answered"
e2e_keys k
e2e_wait "b_legacy.doc · L0/0" 3
# a verdict needs the results: it says so, and nothing is decided
e2e_keys a
e2e_wait "b_legacy.doc is still being converted by LibreOffice" 3
e2e_has "converting with LibreOffice"
[ -e "$FIX/.shenyue" ] && find "$FIX/.shenyue" -name '*legacy*' | grep -q . &&
	e2e_fail "a review was written for the report still being converted"
# the conversion ends: the viewer and checklist fill in with no key pressed
touch "$GATE"
e2e_wait "关于2024年度法治政府建设情况的报告" 20
e2e_wait_gone "converting with LibreOffice" 5
e2e_has "Checklist · score"
e2e_has "b_legacy.doc · L1/"
# the text shown came from that one conversion (the job kept it)
[ "$(conversions)" = 1 ] || e2e_fail "$(conversions) conversions, want 1"

# away over nine reports, and back: its text, let go, is converted again,
# and that too leaves the keys answered
e2e_keys j j j j j j j j j
e2e_wait "d_7.txt · L1/" 3
e2e_keys g j
e2e_wait "b_legacy.doc · L0/0" 3
e2e_wait "converting with LibreOffice" 3
e2e_keys j
e2e_wait "b_partial.txt · L1/" 3
e2e_keys k
e2e_wait "converting with LibreOffice" 3
[ "$(conversions)" = 2 ] || e2e_fail "$(conversions) conversions, want 2"
touch "$GATE"
e2e_wait "b_legacy.doc · L1/" 20
e2e_has "关于2024年度法治政府建设情况的报告"
e2e_keys q
e2e_wait_exit
echo ok
