#!/bin/sh
# Mouse at 80x24: a click selects a report, a click on a checklist part jumps
# the viewer to its line, the wheel scrolls the pane under the pointer.
# Events are sent as the xterm mouse bytes curses reads (ESC [ M b x y).
. "$(dirname "$0")/lib.sh"

# e2e_mouse BUTTON X Y: one event at 0-based screen cell (X, Y); BUTTON is 0
# (press left), 3 (release), 64 (wheel up) or 65 (wheel down).
e2e_mouse() {
	b=$(printf "\\$(printf '%03o' $(( $1 + 32 )))")
	x=$(printf "\\$(printf '%03o' $(( $2 + 33 )))")
	y=$(printf "\\$(printf '%03o' $(( $3 + 33 )))")
	tm send-keys -t e2e -l "$(printf '\033[M')$b$x$y"
	sleep 0.15
}

e2e_start 80 24 -- "$FIX"
e2e_wait "3 reports · 2 incomplete"

# Click the third report (screen row 3, 0-based).
e2e_mouse 0 5 3
e2e_mouse 3 5 3
e2e_wait "2 c_missing.txt · L1/"

# Click the second report, then the duty part in the checklist (rows 12-13).
e2e_mouse 0 5 2
e2e_mouse 3 5 2
e2e_wait "2 b_partial.txt · L1/"
e2e_mouse 0 5 12
e2e_mouse 3 5 12
e2e_wait "→L7"

# The wheel over the viewer scrolls it; over the list it moves the selection.
e2e_keys g
e2e_mouse 0 5 1
e2e_mouse 3 5 1
e2e_wait "2 a_complete.txt · L1/"
e2e_mouse 65 50 10
e2e_wait_gone "2 a_complete.txt · L1/"
e2e_mouse 64 50 10
e2e_wait "2 a_complete.txt · L1/"
e2e_mouse 65 5 3
e2e_wait "2 c_missing.txt"

e2e_keys q
e2e_wait_exit
echo "ok"
