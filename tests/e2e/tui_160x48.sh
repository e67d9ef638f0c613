#!/bin/sh
# The review UI at 160x48: three columns side by side, Chinese columns
# aligned, the outline popup, line numbers, a jump to a missing and a partial
# part, search, and a resize down to 80x24 and back mid-session.
. "$(dirname "$0")/lib.sh"

e2e_start 160 48 -- "$FIX/a_complete.txt" "$FIX/b_partial.txt" "$FIX/c_missing.txt"
e2e_wait "3 reports · 2 incomplete"

# Three columns: list | viewer | checklist, all titled on the top row.
e2e_row 1 | grep -q "1 Reports 3/3" || e2e_fail "list title"
e2e_row 1 | grep -q "2 a_complete.txt" || e2e_fail "viewer title"
e2e_row 1 | grep -q "3 Checklist · score 100/100" || e2e_fail "checklist title"
e2e_screen | grep -q "✓ 100   城关镇人民政府 *2024 a_com" || e2e_fail "complete row"
e2e_screen | grep -q "~  75!2 河口乡人民政府 *2024 b_par" || e2e_fail "partial row"
e2e_assert_column "│" 40 1 47
e2e_assert_last_column "│" 114 1 47

# The headings carry their part's tag in the viewer.
e2e_has "✓举措成效"
e2e_has "✓第一责任人"

# Outline popup: pick the third top-level heading.
e2e_keys 2 o
e2e_wait "Outline · Enter goes"
e2e_has "  5 一、2024年推进法治政府建设的主要举措和成效"
e2e_keys G Enter
e2e_wait_gone "Outline · Enter goes"
e2e_wait "→L14"

# ] and [ step through headings.
e2e_keys g "]"
e2e_wait "→L5"
e2e_keys "]"
e2e_wait "→L6"
e2e_keys "["
e2e_wait "→L5"

# Line numbers on: the numbers line up in a gutter.
e2e_keys "#"
e2e_wait " 5 一、2024年推进法治政府建设"
e2e_assert_last_column "│" 114 1 47

# The partial report: jump to its shortfalls (no causes), search Chinese.
e2e_keys J
e2e_wait "2 b_partial.txt"
e2e_has "~不足原因"
e2e_keys 3 j j Enter
e2e_wait "→L12"
e2e_keys 2 /
e2e_type "调解成功"
e2e_keys Enter
e2e_wait "/调解成功 1/2"

# The missing report: the plan part is missing and says so.
e2e_keys J
e2e_wait "2 c_missing.txt"
e2e_keys 3 j j j Enter
e2e_wait "下年安排 missing"
e2e_assert_column "│" 40 1 47

# Resize mid-session to 80x24 (stacked) and back (three columns).
e2e_resize 80 24
e2e_wait "1 Reports 3/3"
# The message no longer fits one row: it wraps over the pane's last row, whole.
e2e_has "府建设的主要安排)"
e2e_assert_column "│" 30 1 22
e2e_resize 160 48
e2e_wait "3 Checklist · score 75/100"
e2e_assert_column "│" 40 1 47
e2e_assert_last_column "│" 114 1 47

# Zoom the viewer to the whole screen and back.
e2e_keys 2 z
e2e_wait_gone "1 Reports 3/3"
e2e_keys z
e2e_wait "1 Reports 3/3"

# Esc and a resize at once (curses may swallow the KEY_RESIZE while it
# waits out the Esc): the screen is still repainted whole, no stale cells.
e2e_keys 2 o
e2e_wait "Outline · Enter goes"
tm send-keys -t e2e Escape
e2e_resize 80 24
e2e_wait_gone "Outline · Enter goes"
e2e_screen | sed -n '1,24p' | grep -n -v '^ ' && e2e_fail "stale cells in column 0 after resize"
e2e_assert_column "│" 30 1 23

e2e_keys q
e2e_wait_exit
e2e_has "shenyue exited 0"
echo "ok"
