#!/bin/sh
# The review workflow on screen: accepting an incomplete report asks for a
# waiver (empty or Esc cancels); undo and redo; a verdict on the tagged set
# shows "N tagged / M visible" and asks first; e writes a file and a second
# e asks before overwriting it; the line editor moves by character and
# scrolls a long note; notes in $EDITOR, and an editor that fails.
. "$(dirname "$0")/lib.sh"

# Editors for C: one that adds a line, one that fails.
cat >"$E2E_TMP/ed-add.sh" <<'ED'
printf '第二行：请附整改清单\n' >>"$1"
ED
cat >"$E2E_TMP/ed-fail.sh" <<'ED'
printf 'never saved\n' >>"$1"
exit 3
ED

e2e_start 160 48 SHENYUE_USER=李四 VISUAL= "EDITOR='sh $E2E_TMP/ed-add.sh'" -- "$FIX"
e2e_wait "3 reports · 2 incomplete · 0 reviewed"

# Accepting b_partial.txt (第一责任人 and 不足原因 partial) needs a waiver.
e2e_keys j
e2e_wait "2 b_partial.txt"
e2e_keys a
e2e_wait "通过 although 第一责任人 partial, 不足原因 partial? Waiver reason:"
e2e_keys Escape
e2e_wait "cancelled: nothing changed"
e2e_lacks "verdict: 通过"
e2e_keys a
e2e_wait "Waiver reason:"
e2e_keys Enter
e2e_wait "cancelled: accepting a report that lacks a required part needs a reason"
e2e_lacks "verdict: 通过"
e2e_keys a
e2e_wait "Waiver reason:"
e2e_type "已电话核实，下次补充"
e2e_keys Enter
e2e_wait "saved: 通过 · b_partial.txt"
e2e_has "verdict: 通过 (李四)"
e2e_has "waiver: 已电话核实，下次补充"

# Undo takes the verdict back off the screen; redo brings it back.
e2e_keys u
e2e_wait "undone: verdict · b_partial.txt"
e2e_lacks "verdict: 通过"
e2e_lacks "waiver: 已电话核实"
e2e_keys C-r
e2e_wait "redone: verdict · b_partial.txt"
e2e_has "verdict: 通过 (李四)"
e2e_has "waiver: 已电话核实，下次补充"
e2e_keys u
e2e_wait "undone: verdict"
e2e_keys u
e2e_wait "nothing to undo"

# Tags: t tags and moves down; a verdict on the set says its scope and asks.
e2e_keys g t t
e2e_wait "tagged · 2 tagged / 3 visible"
e2e_screen | grep -q "^\*·    ✓ 100   城关镇" || e2e_fail "tag mark on the first row"
e2e_keys p
e2e_wait "待定 for 2 tagged / 3 visible? y applies"
e2e_keys n
e2e_wait "cancelled: nothing changed"
e2e_keys p
e2e_wait "待定 for 2 tagged / 3 visible?"
e2e_keys y
e2e_wait "saved: 待定 on 2 tagged reports"
e2e_screen | grep -q "^\*待   ✓ 100   城关镇" || e2e_fail "待定 on the first tagged report"
e2e_screen | grep -q "^\*待   ~  75!2 河口乡" || e2e_fail "待定 on the second tagged report"
e2e_screen | grep -q "^ ·    ✗  75!1 石桥" || e2e_fail "the untagged report changed"
# A filter hides a tagged report: the scope says so.
e2e_keys f
e2e_type "石桥"
e2e_keys Enter
e2e_wait "Reports 1/3"
e2e_keys C-l
e2e_wait "2 tagged / 1 visible (2 tagged hidden by the filter)"
e2e_keys f C-u Enter
e2e_wait "Reports 3/3"
e2e_keys U
e2e_wait "untagged every report · 0 tagged / 3 visible"

# Export the current report: the first export for the units asks for the
# issuing office and keeps it; the file is named after the unit and year,
# never like the batch; a second e asks before overwriting.
e2e_keys g
e2e_wait "2 a_complete.txt"
e2e_keys e
e2e_wait "Export a_complete.txt as: m Markdown (Enter)"
e2e_keys Enter
e2e_wait "Issuing office signed under the 审查意见"
e2e_type "青禾县依法治县办"
e2e_keys Enter
out="$FIX/审查意见-城关镇人民政府-2024.md"
e2e_wait "wrote $out (1 report, md)"
[ -s "$out" ] || e2e_fail "no export file"
grep -q "审查结论：待定" "$out" || e2e_fail "the export lacks the verdict"
grep -q "审查单位：青禾县依法治县办" "$out" || e2e_fail "the export lacks the office"
grep -q '^office: "青禾县依法治县办"' "$E2E_TMP/no-config/shenyue/config.yaml" || e2e_fail "the office was not kept in the settings"
echo "old" >"$out"
e2e_keys e Enter
e2e_wait "审查意见-城关镇人民政府-2024.md exists. Overwrite it?"
e2e_keys n
e2e_wait "left as it was"
[ "$(cat "$out")" = old ] || e2e_fail "the export was overwritten without asking"
e2e_keys E c
e2e_wait "wrote $FIX/审查意见-reports.csv (3 reports, csv)"
e2e_keys e m
e2e_wait "exists. Overwrite it?"
e2e_keys y
e2e_wait "wrote $out (1 report, md)"
grep -q "审查结论：待定" "$out" || e2e_fail "the overwrite did not write the export"

# The line editor: the cursor moves by character over wide characters.
e2e_keys c
e2e_wait "Note on the report a_complete.txt:"
e2e_type "数据"
e2e_wait "a_complete.txt: 数据"
set -- $(e2e_cursor)
x0=$1
e2e_keys Home
e2e_type "补充"
e2e_wait "a_complete.txt: 补充数据"
set -- $(e2e_cursor)
[ "$1" -eq "$x0" ] || e2e_fail "cursor after typing at the start: $1, want $x0"
e2e_keys Right
set -- $(e2e_cursor)
[ "$1" -eq $((x0 + 2)) ] || e2e_fail "Right moved the cursor to $1, want $((x0 + 2)) (one wide character)"
e2e_keys BSpace
e2e_wait "a_complete.txt: 补充据"
set -- $(e2e_cursor)
[ "$1" -eq "$x0" ] || e2e_fail "Backspace left the cursor at $1, want $x0 (a whole wide character)"
e2e_keys C-e C-u
e2e_wait_gone "补充据"
e2e_type "请补充执法数据"
e2e_keys Enter
e2e_wait "saved: note"
e2e_has "✎ report: 请补充执法数据"
e2e_screen | grep -q "^ 待✎  ✓ 100   城关镇" || e2e_fail "note mark in the list"

# Long notes in $EDITOR: the added line is saved, the note keeps both lines.
e2e_keys C
e2e_wait "saved: note on the report a_complete.txt"
e2e_has "✎ report: 请补充执法数据"
e2e_has "第二行：请附整改清单"
e2e_keys q
e2e_wait_exit
e2e_stop

# An editor that fails leaves the note as it was, and says so.
e2e_start 160 48 SHENYUE_USER=李四 VISUAL= "EDITOR='sh $E2E_TMP/ed-fail.sh'" -- "$FIX"
e2e_wait "2 a_complete.txt"
e2e_keys C
e2e_wait "the editor failed (exit status 3): the note is unchanged"
e2e_has "第二行：请附整改清单"
e2e_lacks "never saved"
e2e_keys q
e2e_wait_exit
e2e_stop

# At 80 columns a long note scrolls by display width; the cursor stays on screen.
e2e_start 80 24 -- "$FIX"
e2e_wait "3 reports"
e2e_keys j c
e2e_wait "Note on the report b_partial.txt:"
e2e_type "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十末尾"
e2e_wait "九十末尾"
set -- $(e2e_cursor)
[ "$1" -lt 80 ] || e2e_fail "cursor off screen at column $1"
[ "$2" -eq 23 ] || e2e_fail "cursor not on the prompt row: $2"
e2e_lacks "Note on the report b_partial.txt: 一二三"
e2e_keys Home
e2e_wait "b_partial.txt: 一二三"
e2e_keys Escape
e2e_wait "cancelled: nothing changed"
e2e_keys q
e2e_wait_exit
echo "ok"
