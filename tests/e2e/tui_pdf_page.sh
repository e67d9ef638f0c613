#!/bin/sh
# A PDF report in the viewer: its title says the page of the top line and
# the last page (p.1/N at the start, a later page at the end); a text report
# says none.
. "$(dirname "$0")/lib.sh"

mkpdf=$BUILDDIR/tests/tools/mkpdf
mkdir -p "$E2E_TMP/pdf"
"$mkpdf" --numbers "— %d —" "$SRCDIR/examples/01-complete.txt" "$E2E_TMP/pdf/report.pdf" >/dev/null 2>&1
case $? in
0) ;;
77) echo "SKIP: no font with Chinese glyphs (apt-get install fonts-wqy-microhei)"; e2e_cleanup; exit 77 ;;
*) e2e_fail "mkpdf failed" ;;
esac
pages=$(printf '%s' "$("$BUILDDIR/tests/tools/doctext" -v "$E2E_TMP/pdf/report.pdf" | tail -n 2 | head -n 1 | cut -f3)")
last=${pages#p}
[ "$last" -ge 2 ] || e2e_fail "the test PDF has $last pages, want 2 or more"
cp "$SRCDIR/examples/01-complete.txt" "$E2E_TMP/pdf/text.txt"

e2e_start 100 24 -- "$E2E_TMP/pdf"
e2e_wait "report.pdf · L1/"
e2e_has "p.1/$last"
e2e_keys 2 G
e2e_wait_gone "p.1/$last"
later=no
for k in $(seq 2 "$last"); do e2e_screen | grep -qF "p.$k/$last" && later=yes; done
[ "$later" = yes ] || e2e_fail "no later page in the title at the end of the report"
e2e_keys J
e2e_wait "text.txt · L1/"
e2e_lacks " · p."
e2e_keys q
e2e_wait_exit
e2e_stop
