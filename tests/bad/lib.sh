# Shared helpers of the bad-input suite (issue 14): hostile files and
# situations, each command under a timeout so a hang fails instead of
# stalling make check, each case named in the log.
: "${SHENYUE:?}" "${SRCDIR:?}" "${BUILDDIR:?}"
export LC_ALL=C.UTF-8 LANGUAGE=
BAD_NAME=$(basename "$0")
T=$(mktemp -d "${TMPDIR:-/tmp}/shenyue-bad.XXXXXX") || exit 99
bad_cleanup() {
	for m in $BAD_MOUNTS; do umount "$m" 2>/dev/null; done
	rm -rf "$T"
}
trap bad_cleanup EXIT
trap 'exit 1' INT TERM HUP
BAD_FAILS=0
BAD_SKIPS=0
BAD_OK=0
BAD_TIMEOUT=${BAD_TIMEOUT:-30}
EXAMPLES=$SRCDIR/examples
NOTE=$BUILDDIR/tests/bad/review_note
YAMLCHECK=$BUILDDIR/tests/bad/yamlcheck

ok() { echo "ok: $*"; BAD_OK=$((BAD_OK + 1)); }
bad() { echo "FAIL: $*"; BAD_FAILS=$((BAD_FAILS + 1)); }
# skip_loudly WHAT: a case this machine does not permit (mount, mknod as a user).
skip_loudly() { echo "SKIPPED: $* (not permitted here)"; BAD_SKIPS=$((BAD_SKIPS + 1)); }

# run CMD...: runs CMD under the timeout; stdout in $OUT, stderr in $ERR,
# exit status in $rc (124: it hung and was stopped).
OUT=$T/.stdout
ERR=$T/.stderr
run() {
	timeout -k 5 "$BAD_TIMEOUT" "$@" >"$OUT" 2>"$ERR" </dev/null
	rc=$?
}

# expect NAME STATUS [WORDS...]: the last run exited STATUS and said every
# word (on stdout or stderr).
expect() {
	_x_name=$1 _x_want=$2
	shift 2
	if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		bad "$_x_name: hung (stopped after ${BAD_TIMEOUT}s)"
		return 1
	fi
	if [ "$rc" != "$_x_want" ]; then
		bad "$_x_name: exit status $rc, expected $_x_want"
		sed 's/^/    stderr: /' "$ERR" | head -5
		return 1
	fi
	for _x_w in "$@"; do
		if ! cat "$OUT" "$ERR" | grep -qF -- "$_x_w"; then
			bad "$_x_name: did not say '$_x_w'"
			sed 's/^/    stderr: /' "$ERR" | head -5
			return 1
		fi
	done
	ok "$_x_name"
}

# raw_bytes FILE: true when FILE holds a byte or character a terminal acts
# on: C0 controls but tab and newline (and CR), DEL, C1 (U+0080-009F), bidi
# controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C).
raw_bytes() {
	LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" "$1" && return 0
	LC_ALL=C grep -qE "$(printf '\302[\200-\237]|\342\200[\252-\256\216\217]|\342\201[\246-\251]|\330\234')" "$1"
}

bad_finish() {
	echo "$BAD_NAME: $BAD_OK passed, $BAD_FAILS failed, $BAD_SKIPS skipped (not permitted here)"
	[ "$BAD_FAILS" -eq 0 ] || exit 1
	[ "$BAD_OK" -gt 0 ] || exit 77
	exit 0
}

# A report folder with the examples in it.
reports() {
	d=$T/$1
	mkdir -p "$d"
	cp "$EXAMPLES/01-complete.txt" "$d/a.txt"
	cp "$EXAMPLES/03-partial.txt" "$d/c.txt"
	echo "$d"
}
