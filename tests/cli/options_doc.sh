#!/bin/sh
# The command line comes from one option table (include/shenyue/options.h):
# the man page's generated sections are what docs/docgen makes of it (run
# `make docs` when this fails), each command's --help lists exactly the
# table's options for it, each of them is accepted, and the man page and
# the README name every option, environment variable and setting.
set -u
: "${SHENYUE:?}" "${SRCDIR:?}" "${BUILDDIR:?}"
export LC_ALL=C.UTF-8 LANGUAGE=
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
man="$SRCDIR/man/shenyue.1"

# 1. the man page's sections are what the table makes
for s in synopsis options configuration exit-status environment; do
	"$BUILDDIR/docs/docgen" "$s" roff >"$tmp/want" || bad "docs/docgen $s failed"
	sh "$SRCDIR/docs/splice.sh" extract "$man" "^\.\\\\\" BEGIN $s:" "^\.\\\\\" END $s\$" >"$tmp/got"
	[ -s "$tmp/got" ] || bad "the man page has no generated $s section"
	if cmp -s "$tmp/want" "$tmp/got"; then ok; else
		bad "man/shenyue.1's $s drifted from the option table; run make docs"
		diff "$tmp/got" "$tmp/want" | head -20
	fi
done

# The long options of a --help text, sorted.
longs() { grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' "$1" | sed 's/.*--//' | sort -u; }
# The long options the man page's generated synopsis gives a command.
synopsis() { # command ("" for the UI)
	awk -v cmd="$1" '
		/BEGIN synopsis:/ { on = 1; next }
		/END synopsis/ { on = 0 }
		on && /^\.B shenyue/ { this = ($0 == ".B shenyue" ? "" : substr($0, 12)); next }
		on && this == cmd && /^\[\\fB\\-\\-/ { s = $0; sub(/^\[\\fB\\-\\-/, "", s); sub(/\\fR.*/, "", s); gsub(/\\-/, "-", s); print s }
	' "$man" | sort -u
}

# 2. each command's --help lists the options the table gives it, no more
for cmd in "" check export summary; do
	# shellcheck disable=SC2086
	"$SHENYUE" $cmd --help >"$tmp/help" 2>&1 || bad "shenyue $cmd --help failed"
	longs "$tmp/help" >"$tmp/help.longs"
	synopsis "$cmd" >"$tmp/man.longs"
	[ -s "$tmp/man.longs" ] || bad "no synopsis for '$cmd' in the man page"
	if cmp -s "$tmp/help.longs" "$tmp/man.longs"; then ok; else
		bad "shenyue $cmd --help and the man page disagree:"
		diff "$tmp/man.longs" "$tmp/help.longs"
	fi
	grep -q "^Exit status: " "$tmp/help" && ok || bad "shenyue $cmd --help says no exit status"
	# 3. every option of the table is accepted by its command
	while read -r opt; do
		# shellcheck disable=SC2086
		"$SHENYUE" $cmd --$opt=x --help >/dev/null 2>"$tmp/err" ||
			"$SHENYUE" $cmd --$opt --help >/dev/null 2>>"$tmp/err"
		grep -q "unknown option" "$tmp/err" && bad "shenyue $cmd does not take --$opt" || ok
		# 4. the README names it
		grep -q -- "--$opt" "$SRCDIR/README" && ok || bad "the README never names --$opt"
	done <"$tmp/man.longs"
done

# 5. the environment and the settings are in the man page; .shenyue/ too
for var in SHENYUE_USER NO_COLOR LANGUAGE COLORFGBG; do
	grep -q "^\.B $var\$" "$man" && ok || bad "the man page's ENVIRONMENT lacks $var"
done
for key in $("$SHENYUE" --dump-config 2>/dev/null | grep -oE '^[a-z_]+:' | tr -d :); do
	grep -q "^\\\\fB$key:" "$man" && ok || bad "the man page's CONFIGURATION lacks $key"
done
grep -q '^\.I \.shenyue/NAME\.yaml' "$man" && ok || bad "the man page's FILES lacks .shenyue/"

# 6. a usage error names the option and says where help is
"$SHENYUE" check --bogus x >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && ok || bad "check --bogus did not exit 2"
grep -q "unknown option --bogus" "$tmp/err" && grep -q "shenyue check --help" "$tmp/err" && ok ||
	bad "check --bogus: $(cat "$tmp/err")"
"$SHENYUE" export --output >/dev/null 2>"$tmp/err"
grep -q "option --output needs an argument (FILE)" "$tmp/err" && ok || bad "export --output: $(cat "$tmp/err")"

echo "$pass passed, $fails failed"
[ "$fails" -eq 0 ]
