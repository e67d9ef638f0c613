#!/bin/sh
# A .doc being converted does not hold the UI. LibreOffice is played by a
# stand-in ($SHENYUE_SOFFICE) that converts only once the test says so (a
# gate file), so the conversion runs as long as the test needs: the
# reports after it are taken in meanwhile, moving onto the .doc shows a
# placeholder, keys are answered (the list moves on and back, a verdict says
# the report is still being converted and changes nothing), and the viewer
# and checklist fill in by themselves once the conversion ends.
. "$(dirname "$0")/lib.sh"

MKDOCX=$BUILDDIR/tests/tools/mkdocx
[ -x "$MKDOCX" ] || { echo "no $MKDOCX (make check builds it): skipping"; exit 77; }
# OLE2's magic is all the reader looks at before handing a file to LibreOffice
printf '\320\317\021\340\241\261\032\341' >"$FIX/b_legacy.doc"
"$MKDOCX" word "$SRCDIR/examples/01-complete.txt" "$E2E_TMP/converted.docx" >/dev/null || e2e_fail "mkdocx"
GATE=$E2E_TMP/gate
cat >"$E2E_TMP/soffice" <<EOF
#!/bin/sh
# waits for the gate (30 s at most), then writes the converted file to --outdir
out=
while [ \$# -gt 0 ]; do
	[ "\$1" = --outdir ] && out=\$2
	shift
done
n=300
while [ ! -e "$GATE" ] && [ \$n -gt 0 ]; do sleep 0.1; n=\$((n - 1)); done
mkdir -p "\$out" && cp "$E2E_TMP/converted.docx" "\$out/input.docx"
EOF
chmod +x "$E2E_TMP/soffice"

e2e_start 160 40 SHENYUE_SOFFICE="$E2E_TMP/soffice" -- "$FIX"
e2e_wait "Reports 4/4"
e2e_wait "a_complete.txt · L1/"
# the reports after the .doc are taken in while it converts
e2e_wait "loading 3/4" 5
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
e2e_keys q
e2e_wait_exit
echo ok
