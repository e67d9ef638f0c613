# Shared helpers for the tmux end-to-end tests of the review UI.
# Each test sources this file, starts shenyue in a detached tmux server of
# its own (-L), sends keys and asserts on capture-pane output. Every wait is
# a bounded poll; every assertion can fail and prints the screen when it does.

: "${SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${BUILDDIR:=$SRCDIR}"
: "${SHENYUE:=$BUILDDIR/shenyue}"
TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null)}
if [ -z "$TMUX_BIN" ] || ! "$TMUX_BIN" -V >/dev/null 2>&1; then
	echo "tmux is not installed: skipping"
	exit 77
fi
export LC_ALL=C.UTF-8
E2E_SOCK=shenyue-e2e-$$
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/shenyue-e2e.XXXXXX")
E2E_NAME=$(basename "$0")
# The fixture reports, copied: the UI writes its review state (.shenyue/)
# beside the reports, never into the source tree.
FIX=$E2E_TMP/reports
mkdir -p "$FIX" && cp "$SRCDIR"/tests/fixtures/ui/* "$FIX"/ || { echo "cannot copy the fixtures"; exit 99; }

tm() { "$TMUX_BIN" -L "$E2E_SOCK" -f /dev/null "$@"; }

e2e_cleanup() {
	pid=$(e2e_pid 2>/dev/null)
	tm kill-server >/dev/null 2>&1
	# shenyue saves on its way out: let it finish before removing its folder.
	tries=30
	while [ -n "$pid" ] && [ "$tries" -gt 0 ] && kill -0 "$pid" 2>/dev/null; do
		sleep 0.1
		tries=$((tries - 1))
	done
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE

e2e_fail() {
	echo "FAIL ($E2E_NAME): $*"
	echo "---- screen ----"
	tm capture-pane -p -t e2e 2>/dev/null
	echo "----------------"
	exit 1
}

# e2e_start COLS ROWS [ENV=VALUE...] -- [ARGS...]: runs shenyue in a new
# session; the wrapper shell stays after exit so the restored screen can be checked.
# E2E_ULIMIT_V=KB set: shenyue runs with that much virtual memory at most.
e2e_start() {
	cols=$1 rows=$2
	shift 2
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	args=""
	for a in "$@"; do args="$args '$a'"; done
	cat >"$E2E_TMP/run.sh" <<-RUN
	trap '' INT
	echo \$\$ >"$E2E_TMP/pid"
	printf 'before shenyue\n'
	${E2E_ULIMIT_V:+ulimit -v $E2E_ULIMIT_V}
	env LC_ALL=C.UTF-8 TERM=screen XDG_CONFIG_HOME="$E2E_TMP/no-config" $envs "$SHENYUE" $args
	echo "shenyue exited \$?"
	sleep 60
	RUN
	tm new-session -d -s e2e -x "$cols" -y "$rows" "sh $E2E_TMP/run.sh" || e2e_fail "tmux new-session"
}

# e2e_stop: ends this test's tmux server and waits until it is gone, so the
# next e2e_start does not race its shutdown.
e2e_stop() {
	tm kill-server >/dev/null 2>&1
	tries=50
	while [ "$tries" -gt 0 ] && tm has-session -t e2e >/dev/null 2>&1; do
		sleep 0.1
		tries=$((tries - 1))
	done
	sleep 0.2
}

e2e_screen() { tm capture-pane -p -t e2e; }

# e2e_keys KEY...: tmux key names (j, Enter, Escape, C-c...).
e2e_keys() {
	tm send-keys -t e2e "$@"
	sleep 0.15
}

# e2e_type TEXT: types literal text (Chinese works).
e2e_type() {
	tm send-keys -t e2e -l "$1"
	sleep 0.15
}

# e2e_wait TEXT [SECONDS]: polls until the screen shows TEXT.
e2e_wait() {
	tries=$(( ${2:-5} * 10 ))
	while [ "$tries" -gt 0 ]; do
		e2e_screen | grep -qF -- "$1" && return 0
		sleep 0.1
		tries=$((tries - 1))
	done
	e2e_fail "timed out waiting for: $1"
}

# e2e_wait_gone TEXT [SECONDS]: polls until the screen no longer shows TEXT.
e2e_wait_gone() {
	tries=$(( ${2:-5} * 10 ))
	while [ "$tries" -gt 0 ]; do
		e2e_screen | grep -qF -- "$1" || return 0
		sleep 0.1
		tries=$((tries - 1))
	done
	e2e_fail "still showing: $1"
}

e2e_has() { e2e_screen | grep -qF -- "$1" || e2e_fail "screen lacks: $1"; }
e2e_lacks() { e2e_screen | grep -qF -- "$1" && e2e_fail "screen shows: $1"; return 0; }

# e2e_row N: the Nth screen row (1-based).
e2e_row() { e2e_screen | sed -n "${1}p"; }

# e2e_width TEXT: display columns of TEXT (GNU wc -L measures in the locale).
e2e_width() { printf '%s' "$1" | wc -L | tr -d ' '; }

# e2e_assert_column SEP COL FIRST LAST: on screen rows FIRST..LAST, the first
# SEP sits at display column COL (0-based). Catches any mis-measured wide
# character: everything to its right would shift.
e2e_assert_column() {
	sep=$1 col=$2 first=$3 last=$4
	e2e_screen | sed -n "${first},${last}p" >"$E2E_TMP/rows"
	n=$first
	while IFS= read -r line; do
		case $line in *"$sep"*) ;; *) e2e_fail "row $n has no $sep";; esac
		w=$(e2e_width "${line%%"$sep"*}")
		[ "$w" = "$col" ] || e2e_fail "row $n: $sep at column $w, want $col"
		n=$((n + 1))
	done <"$E2E_TMP/rows"
}

# e2e_assert_last_column SEP COL FIRST LAST: as e2e_assert_column, for the
# last SEP of each row (the separator right of the viewer in three columns).
e2e_assert_last_column() {
	sep=$1 col=$2 first=$3 last=$4
	e2e_screen | sed -n "${first},${last}p" >"$E2E_TMP/rows"
	n=$first
	while IFS= read -r line; do
		w=$(e2e_width "${line%"$sep"*}")
		[ "$w" = "$col" ] || e2e_fail "row $n: last $sep at column $w, want $col"
		n=$((n + 1))
	done <"$E2E_TMP/rows"
}

# e2e_resize COLS ROWS
e2e_resize() {
	tm resize-window -t e2e -x "$1" -y "$2" || e2e_fail "resize-window"
	sleep 0.3
}

e2e_pane() { tm display-message -p -t e2e "$1"; }

# e2e_cursor: "x y" of the terminal cursor (where the line editor put it).
e2e_cursor() { e2e_pane '#{cursor_x} #{cursor_y}'; }

# e2e_wait_exit [noalt]: waits for shenyue to end; checks the terminal came
# back: alternate screen off, cursor visible, keypad mode off, and (unless
# noalt: a terminal type without an alternate screen) the shell's text from
# before shenyue shown again.
e2e_wait_exit() {
	e2e_wait "shenyue exited" 5
	[ "$(e2e_pane '#{alternate_on}')" = 0 ] || e2e_fail "still on the alternate screen"
	[ "$(e2e_pane '#{cursor_flag}')" = 1 ] || e2e_fail "cursor left hidden"
	[ "$(e2e_pane '#{keypad_cursor_flag}')" = 0 ] || e2e_fail "keypad mode left on"
	[ "${1:-}" = noalt ] || e2e_has "before shenyue"
}

# e2e_pid: the process id of shenyue (child of the wrapper shell).
e2e_pid() { pgrep -P "$(cat "$E2E_TMP/pid")" | head -n 1; }

# e2e_fake_soffice: a stand-in for LibreOffice ($E2E_TMP/soffice, given as
# SHENYUE_SOFFICE) that converts only once the test opens the gate
# (touch "$GATE"; 30 s at most), one gate per conversion. It converts to
# the text of examples/01-complete.txt, or of 03-partial.txt when the file
# holds "v2"; it counts its runs (e2e_conversions), writing one line each
# to $E2E_TMP/conversions with what the file holds after the magic, and
# leaves its process id in $E2E_TMP/soffice.pid. e2e_doc PATH [TEXT]
# writes a .doc it takes, TEXT after the magic: OLE2's magic is all the
# reader looks at before handing a file over.
e2e_fake_soffice() {
	mkdocx=$BUILDDIR/tests/tools/mkdocx
	[ -x "$mkdocx" ] || { echo "no $mkdocx (make check builds it): skipping"; exit 77; }
	"$mkdocx" word "$SRCDIR/examples/01-complete.txt" "$E2E_TMP/converted.docx" >/dev/null || e2e_fail "mkdocx"
	"$mkdocx" word "$SRCDIR/examples/03-partial.txt" "$E2E_TMP/converted2.docx" >/dev/null || e2e_fail "mkdocx"
	GATE=$E2E_TMP/gate
	cat >"$E2E_TMP/soffice" <<-FAKE
	#!/bin/sh
	out= in=
	while [ \$# -gt 0 ]; do
		[ "\$1" = --outdir ] && { out=\$2; shift; }
		in=\$1
		shift
	done
	echo \$\$ >"$E2E_TMP/soffice.pid"
	echo "\$(tail -c +9 "\$in")" >>"$E2E_TMP/conversions"
	n=300
	while [ ! -e "$GATE" ] && [ \$n -gt 0 ]; do sleep 0.1; n=\$((n - 1)); done
	rm -f "$GATE"
	from=$E2E_TMP/converted.docx
	grep -q v2 "\$in" && from=$E2E_TMP/converted2.docx
	mkdir -p "\$out" && cp "\$from" "\$out/input.docx"
	FAKE
	chmod +x "$E2E_TMP/soffice"
}
e2e_doc() { printf '\320\317\021\340\241\261\032\341%s' "${2:-}" >"$1"; }
e2e_conversions() { wc -l <"$E2E_TMP/conversions" 2>/dev/null | tr -d ' '; }

# e2e_wait_conversions N [SECONDS]: polls until the stand-in has started N times.
e2e_wait_conversions() {
	tries=$(( ${2:-5} * 10 ))
	while [ "$tries" -gt 0 ]; do
		[ "$(e2e_conversions)" = "$1" ] && return 0
		sleep 0.1
		tries=$((tries - 1))
	done
	e2e_fail "$(e2e_conversions) conversions, want $1"
}
