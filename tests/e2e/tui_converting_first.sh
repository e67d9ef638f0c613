#!/bin/sh
# Conversions run one at a time; the report on screen goes first. Two
# workers (-j 2) take two .docs: one converts (LibreOffice is a stand-in
# held by a gate, lib.sh), the other waits its turn. Moving onto a third
# .doc converts it next, before the one a worker was waiting with, and its
# text fills in with no key pressed.
. "$(dirname "$0")/lib.sh"

e2e_fake_soffice
e2e_doc "$FIX/b_legacy1.doc" one
e2e_doc "$FIX/b_legacy2.doc" two
e2e_doc "$FIX/b_legacy3.doc" three
e2e_start 160 40 SHENYUE_SOFFICE="$E2E_TMP/soffice" -- -j 2 "$FIX"
e2e_wait "Reports 6/6"
e2e_wait_conversions 1
case $(sed -n 1p "$E2E_TMP/conversions") in
one | two) ;; # the workers' two, whichever got its turn first
*) e2e_fail "first conversion: $(sed -n 1p "$E2E_TMP/conversions")" ;;
esac
# from the end of the list onto the third, past the text files only
e2e_keys G
e2e_wait "c_missing.txt · L1/" 3
e2e_keys k k
e2e_wait "b_legacy3.doc · L0/0" 3
e2e_wait "converting with LibreOffice" 3
sleep 0.5 # both wait their turn now
touch "$GATE"
e2e_wait_conversions 2
[ "$(sed -n 2p "$E2E_TMP/conversions")" = three ] ||
	e2e_fail "the report on screen was not converted next: $(tr '\n' ' ' <"$E2E_TMP/conversions")"
touch "$GATE"
e2e_wait "b_legacy3.doc · L1/" 10
e2e_has "关于2024年度法治政府建设情况的报告"
e2e_wait_conversions 3
touch "$GATE"
e2e_wait_gone "loading" 10
e2e_keys q
e2e_wait_exit
echo ok
