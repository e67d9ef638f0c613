#!/bin/sh
# Every way out restores the terminal: q, SIGTERM, SIGHUP, C-c (SIGINT).
# Also: a broken theme names file:line:col and the UI still runs; NO_COLOR and
# the mono theme work; a screen too small says so and q still quits.
. "$(dirname "$0")/lib.sh"

# e2e_signal_case SIGNAL STATUS: starts, signals shenyue, checks the exit.
e2e_signal_case() {
	e2e_start 80 24 -- "$FIX"
	e2e_wait "3 reports · 2 incomplete"
	pid=$(e2e_pid)
	[ -n "$pid" ] || e2e_fail "no shenyue process"
	kill -s "$1" "$pid"
	e2e_wait_exit
	e2e_has "shenyue exited $2"
	e2e_stop
}

e2e_signal_case TERM 143
e2e_signal_case HUP 129

# C-c is SIGINT from the terminal: the UI leaves cleanly.
e2e_start 80 24 -- "$FIX"
e2e_wait "3 reports · 2 incomplete"
e2e_keys C-c
e2e_wait_exit
e2e_has "shenyue exited 130"
e2e_stop

# A broken theme: the message names file:line:col; the default theme is used.
# (A short copy of its path, so the message fits 80 columns wherever the
# source tree lives.)
cp "$FIX/broken-theme.yaml" "$E2E_TMP/broken-theme.yaml"
e2e_start 80 24 -- --theme "$E2E_TMP/broken-theme.yaml" --no-mouse "$FIX"
e2e_wait "broken-theme.yaml:5:20"
e2e_has "1 Reports 3/3"
e2e_keys q
e2e_wait_exit
e2e_stop

# An unknown theme name is reported too.
e2e_start 80 24 -- --theme no-such-theme "$FIX"
e2e_wait "no theme named 'no-such-theme'"
e2e_keys q
e2e_wait_exit
e2e_stop

# NO_COLOR, and the mono theme on a terminal without colour.
e2e_start 80 24 NO_COLOR=1 -- "$FIX"
e2e_wait "3 reports · 2 incomplete"
e2e_keys j
e2e_wait "b_partial.txt"
e2e_keys q
e2e_wait_exit
e2e_stop
e2e_start 80 24 TERM=vt100 -- --theme mono "$FIX"
e2e_wait "3 reports · 2 incomplete"
e2e_keys q
e2e_wait_exit noalt
e2e_stop

# Too small from the start: a clear message, and q quits.
e2e_start 50 12 -- "$FIX"
e2e_wait "terminal too small: 50x12, need 60x16"
e2e_keys q
e2e_wait_exit
e2e_has "shenyue exited 0"
e2e_stop

# A usage error never touches the terminal.
e2e_start 80 24 -- --bogus
e2e_wait "shenyue exited 2"
e2e_has "unknown option --bogus"
echo "ok"
