#!/bin/sh
# `shenyue check -j N`: the same output, messages and exit status for any
# number of threads, on the seeds, their GB18030/CRLF and UTF-16 twins, the
# fixtures and a file that cannot be read; a progress line on a terminal's
# stderr only; -j refused when it is not a number of threads. export and
# summary read on threads too: the same output for any -j, and the progress
# line on a terminal.
set -u
: "${SHENYUE:?}" "${SRCDIR:?}"
seeds=${SHENYUE_SEEDS:-$SRCDIR/../shared/seeds}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

mkdir "$tmp/twins"
if [ -d "$seeds" ]; then
	for f in "$seeds"/*.txt; do
		b=$(basename "$f")
		sed 's/$/\r/' "$f" | iconv -f UTF-8 -t GB18030 >"$tmp/twins/gb-$b"
		{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$f"; } >"$tmp/twins/u16-$b"
	done
fi
printf '\001\002\000\003 not a report' >"$tmp/twins/binary.txt"
set -- "$SRCDIR/tests/fixtures/blind" "$SRCDIR/tests/fixtures/shapes" "$tmp/twins"
[ -d "$seeds" ] && set -- "$seeds" "$@"

for fmt in text yaml csv; do
	for sort in path unit score; do
		"$SHENYUE" check -j1 --format $fmt --sort $sort "$@" >"$tmp/one" 2>"$tmp/one.err"
		s1=$?
		"$SHENYUE" check --jobs 4 --format $fmt --sort $sort "$@" >"$tmp/four" 2>"$tmp/four.err"
		s4=$?
		if cmp -s "$tmp/one" "$tmp/four" && cmp -s "$tmp/one.err" "$tmp/four.err" && [ $s1 = $s4 ]; then
			ok
		else
			bad "check --format $fmt --sort $sort: -j1 and -j4 differ (status $s1/$s4)"
			diff "$tmp/one" "$tmp/four" | head -10
		fi
	done
done
# the unreadable file is named on stderr, and nothing else is there: no progress line off a terminal
if grep -q 'binary.txt' "$tmp/one.err" && ! grep -q "$(printf '\r')" "$tmp/one.err"; then ok; else
	bad "stderr off a terminal: want the unreadable file named and no progress line"; cat "$tmp/one.err"; fi

# on a terminal, stderr gets the progress line (and stdout is still the output)
if command -v script >/dev/null; then
	# script runs it on a terminal; stdout goes to a file, stderr stays on the terminal
	script -qec "$SHENYUE check -j2 --format csv --sort score $* >$tmp/tty.out" "$tmp/typescript" >/dev/null 2>&1
	if grep -q 'reading' "$tmp/typescript" && cmp -s "$tmp/tty.out" "$tmp/one"; then ok; else
		bad "no progress line on a terminal's stderr"; head -c 300 "$tmp/typescript"; echo; fi
fi

# export and summary: their output does not depend on -j either
mkdir -p "$tmp/state"
for cmd in "export --format csv" "summary --format yaml"; do
	"$SHENYUE" $cmd -j1 --state "$tmp/state" "$@" >"$tmp/one" 2>"$tmp/one.err"
	s1=$?
	"$SHENYUE" $cmd -j3 --state "$tmp/state" "$@" >"$tmp/three" 2>"$tmp/three.err"
	s3=$?
	if cmp -s "$tmp/one" "$tmp/three" && [ $s1 = $s3 ] && [ -s "$tmp/one" ]; then ok; else
		bad "$cmd: -j1 and -j3 differ (status $s1/$s3)"; diff "$tmp/one" "$tmp/three" | head -5; fi
done
if command -v script >/dev/null; then
	script -qec "$SHENYUE summary --state $tmp/state $* >$tmp/tty.out" "$tmp/typescript" >/dev/null 2>&1
	if grep -q 'reading' "$tmp/typescript" && [ -s "$tmp/tty.out" ]; then ok; else
		bad "summary: no progress line on a terminal's stderr"; fi
fi

for j in 0 x 2000 ""; do
	"$SHENYUE" check -j "$j" "$SRCDIR/examples" >/dev/null 2>"$tmp/err"
	if [ $? = 2 ] && grep -q -- '-j' "$tmp/err"; then ok; else bad "check -j '$j' accepted"; cat "$tmp/err"; fi
done

echo "$pass passed, $fails failed"
[ "$fails" -eq 0 ]
