#!/bin/sh
# One thread (-j 1, as on a one-core machine): the reports are still read
# off the input loop's thread, so a .doc reached by loading in the
# background (never shown) leaves the keys answered while LibreOffice (a
# stand-in held by a gate, lib.sh) converts it; the batch loads once it is
# through.
. "$(dirname "$0")/lib.sh"

e2e_fake_soffice
e2e_doc "$FIX/b_legacy.doc"
e2e_start 160 40 SHENYUE_SOFFICE="$E2E_TMP/soffice" -- -j 1 "$FIX"
e2e_wait "Reports 4/4"
e2e_wait "a_complete.txt · L1/"
e2e_wait_conversions 1
# the list moves past the .doc to the last report and back while it converts
e2e_keys G
e2e_wait "c_missing.txt · L1/" 3
e2e_keys g
e2e_wait "a_complete.txt · L1/" 3
e2e_has "loading"
[ -e "$GATE" ] && e2e_fail "the gate opened before the keys were answered"
touch "$GATE"
e2e_wait_gone "loading" 10
e2e_wait "✓ 100   青禾县云溪镇…  2024 b_leg" 3
e2e_keys q
e2e_wait_exit
echo ok
