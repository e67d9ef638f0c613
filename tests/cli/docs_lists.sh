#!/bin/sh
# The README's and the man page's lists of findings and export formats are
# what the registries say (docs/docgen prints them; `make docs` splices them
# in). Fails, showing the difference, when a row was added without `make docs`.
: "${SRCDIR:?}" "${BUILDDIR:?}"
docgen="$BUILDDIR/docs/docgen"
splice="$SRCDIR/docs/splice.sh"
[ -x "$docgen" ] || { echo "no $docgen"; exit 99; }
t=$(mktemp -d) || exit 99
trap 'rm -rf "$t"' EXIT
fail=0
# same WHAT STYLE FILE START END
same() {
	LANGUAGE= "$docgen" "$1" "$2" >"$t/want" || { echo "docgen $1 $2 failed"; fail=1; return; }
	[ -s "$t/want" ] || { echo "docgen $1 $2 printed nothing"; fail=1; return; }
	sh "$splice" extract "$3" "$4" "$5" >"$t/got"
	if cmp -s "$t/want" "$t/got"; then
		echo "ok: $(basename "$3") lists the $1 of the registry"
	else
		echo "FAIL: $3: its $1 list differs from the registry (run make docs):"
		diff "$t/got" "$t/want" | head -20
		fail=1
	fi
}
same findings text "$SRCDIR/README" '^Findings .*make docs' '^$'
same formats text "$SRCDIR/README" '^Export formats .*make docs' '^$'
same findings roff "$SRCDIR/man/shenyue.1" '^\.\\" BEGIN findings' '^\.\\" END findings'
same formats roff "$SRCDIR/man/shenyue.1" '^\.\\" BEGIN formats' '^\.\\" END formats'
exit $fail
