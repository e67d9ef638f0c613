#!/bin/sh
# docs/keys.md is what `shenyue --keys` prints: the docs come from the
# operations table and cannot drift from it (make docs regenerates).
: "${SHENYUE:?}" "${SRCDIR:?}"
want=$(mktemp)
trap 'rm -f "$want"' EXIT
"$SHENYUE" --keys >"$want" || { echo "shenyue --keys failed"; exit 1; }
if tail -n +7 "$SRCDIR/docs/keys.md" | cmp -s - "$want"; then
	echo "docs/keys.md is current"
	exit 0
fi
echo "docs/keys.md differs from shenyue --keys; run make docs"
tail -n +7 "$SRCDIR/docs/keys.md" | diff - "$want" | head -20
exit 1
