#!/bin/sh
# The batch desk in the UI: with a roster beside the reports, the units that
# did not report are greyed 未报送 rows and counted in the status bar; B opens
# the summary page (counts, progress, parts, lists, the units × parts
# matrix), s sorts the matrix, Enter opens a report; D sets the received
# date (late shows as L and L filters), A assigns a unit by hand.
. "$(dirname "$0")/lib.sh"

cat >"$FIX/名单.yaml" <<'YAML'
units:
  - {name: 城关镇人民政府, aliases: [城关镇], kind: 乡镇}
  - {name: 河口乡, kind: 乡镇}
  - {name: 石桥街道办事处, kind: 街道}
  - {name: 云溪镇, kind: 乡镇}
  - {name: 白沙乡, kind: 乡镇}
YAML
touch -d 2025-02-20T12:00 "$FIX"/*.txt

e2e_start 160 48 SHENYUE_USER=张三 -- "$FIX"
e2e_wait "2 not received (未报送)"
e2e_has "未报送       白沙乡"
e2e_has "未报送       云溪镇"
e2e_has "· 2 未报送"

# a greyed row cannot be opened
e2e_keys 1 G Enter
e2e_wait "云溪镇: 未报送 (not received): no report to show"

# the summary page (B) from the checklist pane
e2e_keys 3 B
e2e_wait "Batch summary (汇总) · roster"
e2e_has "Expected 5 · received 3 · not received 2 · late 0"
e2e_has "0/3 reviewed · 3 not yet · 0 to re-review"
e2e_has "Not received: 白沙乡、云溪镇"
e2e_has "By part: 举措成效 ✓3 ~0 ✗0"
e2e_has "第一责任人 ✓2 ~1 ✗0"
e2e_row 10 | grep -q "Unit (unit)" || e2e_fail "matrix header"
e2e_row 11 | grep -q "白沙乡 *未报送 not received" || e2e_fail "first row in pinyin order: 白沙乡"
e2e_row 12 | grep -q "城关镇人民政府 *✓ *✓ *✓ *✓ *未定 *2025-02-20" || e2e_fail "城关镇's row"
e2e_row 13 | grep -q "河口乡 *✓ *~ *~ *✓" || e2e_fail "河口乡's row"
# at 80 columns the parts that do not fit on the row go on the next, not cut;
# the matrix moves down a row
e2e_resize 80 24
e2e_wait "下年安排 ✓2 ~0 ✗1"
e2e_row 11 | grep -q "Unit (unit)" || e2e_fail "matrix header under the two rows of parts"
e2e_row 12 | grep -q "白沙乡" || e2e_fail "first matrix row at 80 columns"
e2e_resize 160 48
e2e_wait "By part: 举措成效 ✓3 ~0 ✗0"
e2e_row 10 | grep -q "Unit (unit)" || e2e_fail "matrix header back at 160 columns"

# e writes the draft 情况通报 beside the reports, never over a file blindly
e2e_keys e
e2e_wait "情况通报-reports.docx (the draft 情况通报)"
[ -s "$FIX/情况通报-reports.docx" ] || e2e_fail "no 情况通报 written"
if command -v unzip >/dev/null; then
	unzip -p "$FIX/情况通报-reports.docx" word/document.xml | grep -q "白沙乡、云溪镇" ||
		e2e_fail "the 情况通报 does not name the units not received"
fi
e2e_keys e
e2e_wait "exists. Overwrite it?"
e2e_keys n
e2e_wait "is left as it was"

# sorted by status: the units not received first, then the worst report
e2e_keys s
e2e_wait "Unit (status)"
e2e_row 11 | grep -q "白沙乡" || e2e_fail "status order, row 1"
e2e_row 12 | grep -q "云溪镇" || e2e_fail "status order, row 2"
e2e_row 13 | grep -q "石桥街道办事处 *✓ *✓ *✓ *✗" || e2e_fail "status order, row 3: the missing part"

# Enter on 石桥街道 opens its report
e2e_keys j j Enter
e2e_wait "2 c_missing.txt"
e2e_lacks "Batch summary"

# a received date set by hand, after the deadline: L in the list, the filter
e2e_keys D
e2e_wait "Received c_missing.txt on"
e2e_type "2025年3月9日"
e2e_keys Enter
e2e_wait "saved: received 2025-03-09"
grep -q '2025-03-09' "$FIX/.shenyue/c_missing.txt.yaml" || e2e_fail "received date not on disk"
e2e_screen | grep -q "L✗  75!1 石桥街道办事处" || e2e_fail "late mark on the row"
e2e_keys 1 L
e2e_wait "Reports 1/3 · name · received late"
e2e_keys L
e2e_wait "Reports 3/3 · name · 2 未报送"
e2e_keys 3 B
e2e_wait "late 1"
e2e_has "Late: 石桥街道办事处 (2025-03-09)"
e2e_keys q

# a unit by hand: 河口乡's report assigned to 白沙乡 leaves 河口乡 not received
e2e_keys 1 g j A
e2e_wait "Unit of b_partial.txt"
e2e_keys C-u
e2e_type "黄河镇"
e2e_keys Enter
e2e_wait "黄河镇 is not on the roster"
e2e_keys A C-u
e2e_type "白沙乡"
e2e_keys Enter
e2e_wait "saved: unit 白沙乡"
e2e_wait "未报送       河口乡"
e2e_lacks "未报送       白沙乡"
grep -q '白沙乡' "$FIX/.shenyue/b_partial.txt.yaml" || e2e_fail "the unit is not in the review file"
e2e_keys u
e2e_wait "未报送       白沙乡"
e2e_keys q
e2e_wait_exit
echo "ok"
