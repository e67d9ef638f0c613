#!/bin/sh
# Issue 14 in the review UI (tmux): a FIFO among the reports or as --theme
# neither freezes the UI at "loading" nor makes it ignore q (2); quitting
# after "Quit and lose it? y" exits 1, not 0 (5).
. "$(dirname "$0")/../e2e/lib.sh"

# A FIFO among the reports: the others load, the FIFO is named, q quits.
mkfifo "$FIX/d_fifo.txt"
e2e_start 100 30 -- "$FIX"
e2e_wait "4 reports" 10
# the list shows the files at once; the FIFO's error comes when the
# background loader reaches it
e2e_wait " ERR " 10
e2e_has "d_fifo.txt"
e2e_keys q
e2e_wait_exit
e2e_has "shenyue exited 0"
e2e_stop
rm -f "$FIX/d_fifo.txt"

# A FIFO as the theme: said, the default theme used, q quits.
mkfifo "$E2E_TMP/theme.yaml"
e2e_start 100 30 -- --theme "$E2E_TMP/theme.yaml" "$FIX"
e2e_wait "FIFO" 10
e2e_keys q
e2e_wait_exit
e2e_stop

# Reviews that cannot be saved (.shenyue is a file), quitting anyway: exit 1.
rm -rf "$FIX/.shenyue" && echo "not a folder" >"$FIX/.shenyue"
e2e_start 100 30 -- "$FIX"
e2e_wait "Not a directory" 10
e2e_keys Escape
e2e_keys a
e2e_wait "not saved" 10
e2e_keys q
e2e_wait "Quit and lose it?"
e2e_keys y
e2e_wait_exit
e2e_has "shenyue exited 1"
e2e_stop
echo "tui_bad.sh: all cases passed"
