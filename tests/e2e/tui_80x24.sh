#!/bin/sh
# The review UI at 80x24: move through reports, jump to a partial and a
# missing part, search Chinese text, help, filter, sort, resize mid-session,
# Chinese columns aligned, and the terminal restored on quit.
. "$(dirname "$0")/lib.sh"

e2e_start 80 24 -- "$FIX"
e2e_wait "3 reports · 2 incomplete"

# The list: worst status at a glance, Chinese unit names, aligned columns.
e2e_row 2 | grep -q "✓ 100 城关镇" || e2e_fail "complete report row"
e2e_row 3 | grep -q "~  75 河口乡" || e2e_fail "partial report row"
e2e_row 4 | grep -q "✗  75 石桥街道" || e2e_fail "missing report row"
e2e_assert_column "│" 30 1 23

# Move through reports: the viewer and checklist follow the list.
e2e_has "a_complete.txt · L1/"
e2e_keys j
e2e_wait "b_partial.txt · L1/"
e2e_keys j
e2e_wait "c_missing.txt · L1/"
e2e_keys k
e2e_wait "b_partial.txt · L1/"

# Jump to a partial part: duty is only mentioned inside measures (line 7).
e2e_keys 3
e2e_has "~ 第一责任人"
e2e_keys j Enter
e2e_wait "→L7"
e2e_has "成立法治政府建设领导小组"
# Shortfalls without causes is partial too: its heading is line 12.
e2e_keys j Enter
e2e_wait "→L12"
e2e_has "二、存在的问题"
e2e_assert_column "│" 30 1 23

# A missing part: the plan of c_missing.txt; Enter says why there is no line.
e2e_keys J
e2e_wait "c_missing.txt"
e2e_keys j j j Enter
e2e_wait "下年安排 missing: no heading names it"
e2e_has "✗ 下年安排"

# Search Chinese text in the viewer: every hit counted, n and N step.
e2e_keys K
e2e_wait "b_partial.txt"
e2e_keys 2 /
e2e_wait "Enter accept"
e2e_type "矛盾纠纷"
e2e_wait "/矛盾纠纷"
e2e_keys Enter
e2e_wait "/矛盾纠纷 1/5"
e2e_keys n
e2e_wait "/矛盾纠纷 2/5"
e2e_keys N N
e2e_wait "/矛盾纠纷 5/5"
e2e_keys g
# The escape sequence inside the report shows as a placeholder, not raw.
e2e_has "普法宣传^[[31m教育"
e2e_assert_column "│" 30 1 23

# Help lists the focused pane's keys first, from the ops table.
e2e_keys "?"
e2e_wait "Section viewer (this pane)"
e2e_has "Search the report text"
e2e_keys Escape
e2e_wait_gone "Section viewer (this pane)"
e2e_keys 3 "?"
e2e_wait "Checklist (this pane)"
first=$(e2e_screen | grep -n "Checklist (this pane)" | cut -d: -f1)
every=$(e2e_screen | grep -n "All panes" | cut -d: -f1)
[ "$first" -lt "$every" ] || e2e_fail "the pane's own keys are not first"
e2e_keys q
e2e_wait_gone "Checklist (this pane)"

# Filter as you type (substring), then incomplete only, then sort.
e2e_keys 1 f
e2e_type "石桥"
e2e_wait "Reports 1/3"
e2e_lacks "城关镇"
e2e_keys Escape
e2e_wait "Reports 3/3"
e2e_keys i
e2e_wait "Reports 2/3 · name · incom"
e2e_lacks "城关镇"
e2e_keys i s
e2e_wait "Reports 3/3 · score"

# Resize mid-session: wider, too small, back; the layout follows.
e2e_resize 100 30
e2e_wait "?:help  q:quit"
e2e_row 30 | grep -q "?:help  q:quit" || e2e_fail "status bar not on the last row after resize"
e2e_assert_column "│" 37 1 29
e2e_resize 50 14
e2e_wait "terminal too small"
e2e_resize 80 24
e2e_wait_gone "terminal too small"
e2e_wait "Reports 3/3 · score"
e2e_assert_column "│" 30 1 23

# Quit restores the terminal.
e2e_keys q
e2e_wait_exit
e2e_has "shenyue exited 0"
e2e_lacks "Reports 3/3"
echo "ok"
