#!/bin/sh
# Quitting while LibreOffice converts (a stand-in held by a gate, lib.sh)
# is prompt: the converter is stopped, not waited for (up to its time
# limit), its process group killed and its temporary folder removed; the
# verdict given meanwhile is on disk.
. "$(dirname "$0")/lib.sh"

e2e_fake_soffice
e2e_doc "$FIX/b_legacy.doc"
mkdir -p "$E2E_TMP/tmp"
e2e_start 160 40 SHENYUE_SOFFICE="$E2E_TMP/soffice" TMPDIR="$E2E_TMP/tmp" SHENYUE_USER=李四 -- "$FIX"
e2e_wait "Reports 4/4"
e2e_wait "a_complete.txt · L1/"
e2e_wait_conversions 1
# a verdict on another report while it converts
e2e_keys r
e2e_wait "saved: 退回修改 · a_complete.txt" 3
e2e_keys j
e2e_wait "converting with LibreOffice" 3
ls "$E2E_TMP/tmp" | grep -q '^shenyue-convert-' || e2e_fail "no conversion under way"
soffice=$(cat "$E2E_TMP/soffice.pid")
kill -0 "$soffice" 2>/dev/null || e2e_fail "the stand-in is not running"
# the gate stays shut: the stand-in would wait 30 s
e2e_keys q
e2e_wait_exit
kill -0 "$soffice" 2>/dev/null && e2e_fail "the converter still runs after quitting"
ls "$E2E_TMP/tmp" | grep -q '^shenyue-' && e2e_fail "left behind: $(ls "$E2E_TMP/tmp")"
grep -q 'return' "$FIX/.shenyue/a_complete.txt.yaml" || e2e_fail "the verdict given meanwhile is not on disk"
[ -e "$FIX/.shenyue/b_legacy.doc.yaml" ] && grep -q 'verdict' "$FIX/.shenyue/b_legacy.doc.yaml" &&
	e2e_fail "a verdict was written for the report being converted"
echo ok
