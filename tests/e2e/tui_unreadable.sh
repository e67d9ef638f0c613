#!/bin/sh
# A report that cannot be read: at 80x24 the viewer gives the whole reason,
# wrapped over as many rows as it takes (what is wrong and what to do), not
# one row cut with "…" that no key can show whole.
. "$(dirname "$0")/lib.sh"

bad=$E2E_TMP/bad
mkdir -p "$bad"
cp "$SRCDIR/tests/fixtures/ui/a_complete.txt" "$bad"/ || e2e_fail "cannot copy a fixture"
printf 'PK\003\004 cut off here' >"$bad/broken.docx"

e2e_start 80 24 -- "$bad"
e2e_wait "Reports 2/2"
e2e_wait_gone "loading" 10
e2e_keys J
e2e_wait "broken.docx · L0/0"
e2e_has "broken zip package"
# the end of the reason, past the viewer's first row
e2e_has "Not a zip archive"
e2e_keys q
e2e_wait_exit
echo ok
