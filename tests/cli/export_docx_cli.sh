#!/bin/sh
# `shenyue export --format docx` as an office sends it: a finding's
# sentence prints numbers as the document's own prose does (仅在第8行, not
# the screen's 仅在第 8 行), whatever the messages' language.
set -u
: "${SHENYUE:?}" "${SRCDIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/no-config"
command -v unzip >/dev/null || { echo "unzip is not installed: skipping"; exit 77; }
fails=0

cp "$SRCDIR/examples/03-partial.txt" "$tmp/"
"$SHENYUE" export --format docx --office 青禾县依法治县办 -o "$tmp/o.docx" "$tmp/03-partial.txt" >/dev/null 2>"$tmp/err" ||
	{ echo "FAIL: export exited $?"; cat "$tmp/err"; exit 1; }
unzip -p "$tmp/o.docx" word/document.xml | sed 's/<\/w:p>/\n/g; s/<[^>]*>//g' >"$tmp/text"
grep -qF "仅在第8行（" "$tmp/text" || { echo "FAIL: no 仅在第8行 in the 审查意见"; fails=$((fails + 1)); }
if grep -qE "第 [0-9]+ 行" "$tmp/text"; then
	echo "FAIL: a line number spaced as on screen:"
	grep -E "第 [0-9]+ 行" "$tmp/text"
	fails=$((fails + 1))
fi
[ "$fails" -eq 0 ] || exit 1
echo ok
