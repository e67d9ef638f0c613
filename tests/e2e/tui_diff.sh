#!/bin/sh
# The diff page (issue 11): a verdict keeps the text judged beside the
# review; when the unit sends the report again (↻), d shows part by part
# what changed since that verdict — exactly the rewritten part (the
# fixture tests/fixtures/compare/resubmit: 汇源街道 with its plan
# rewritten) — with the note on it; the old verdict and the notes stay in
# the checklist until a new verdict, which shows the statuses that changed.
. "$(dirname "$0")/lib.sh"

rs=$E2E_TMP/rs
mkdir -p "$rs"
v1="$SRCDIR/tests/fixtures/compare/resubmit/v1/汇源街道.txt"
v2="$SRCDIR/tests/fixtures/compare/resubmit/v2/汇源街道.txt"
cp "$v1" "$rs/" || e2e_fail "cannot copy the resubmission fixture"

e2e_start 140 44 SHENYUE_USER=李四 TZ=Asia/Shanghai -- "$rs"
e2e_wait "1 report"

# no verdict yet: nothing was kept
e2e_keys d
e2e_wait "no text was kept for this report"
e2e_lacks "Changed since the verdict"

# a note on the plan, then 退回修改: the text judged is kept
e2e_keys 3 g j j j
e2e_wait "✓ 下年安排"
e2e_keys c
e2e_type "下一年度安排过于笼统"
e2e_keys Enter
e2e_wait "saved"
e2e_keys r
e2e_wait "saved: 退回修改"
[ -s "$rs/.shenyue/汇源街道.txt.judged" ] || e2e_fail "the text judged was not kept"
e2e_keys d
e2e_wait "Changed since the verdict 退回修改"
e2e_has ": 0 part(s)"
# when, on the supervisor's clock (Shanghai), not as the file keeps it (UTC, ISO 8601)
e2e_screen | grep -q "verdict 退回修改 ($(TZ=Asia/Shanghai date +%Y-%m-%d) [0-9][0-9]:[0-9][0-9])" ||
	e2e_fail "the verdict's time is not the local date and time"
e2e_keys q

# the unit sends it again with the plan rewritten
cp "$v2" "$rs/汇源街道.txt"
e2e_wait "report file changed" 8
e2e_has "verdict: 退回修改 (李四)"
e2e_keys d
e2e_wait "Changed since the verdict 退回修改"
e2e_has ": 1 part(s)"
e2e_has "下年安排  ✓  changed"
e2e_has "✎ 下一年度安排过于笼统"
e2e_has "举措成效  ✓  unchanged"
e2e_has "第一责任人  ✓  unchanged"
e2e_has "不足原因  ✓  unchanged"
e2e_has "-36 四、下一年度推进法治政府建设的初步安排"
e2e_has "+36 四、2025年度推进法治政府建设的主要安排"
e2e_has "+39 3.推进“法律明白人”培养工程"
n=$(e2e_screen | grep -c "  changed$")
[ "$n" = 1 ] || e2e_fail "$n parts shown as changed, want 1"
# the unchanged parts' text is not shown
e2e_lacks "强化政府信息公开，拓宽民主监督渠道"
e2e_keys q
e2e_wait_gone "Changed since the verdict"
e2e_has "verdict: 退回修改 (李四)"

# sent again without its plan (now only mentioned: partial): the checklist
# shows the status that changed
sed '/^四、/,$d' "$v1" >"$rs/汇源街道.txt"
e2e_wait "report file changed" 8
e2e_wait "was ✓ · L33 mentioned, no heading"
e2e_keys d
e2e_wait "下年安排  ✓→~  changed"
e2e_keys q

# a new verdict: the statuses are the new text's, nothing shows as changed
e2e_keys p
e2e_wait "saved: 待定"
e2e_wait_gone "was ✓"
e2e_keys d
e2e_wait "Changed since the verdict 待定"
e2e_has ": 0 part(s)"
e2e_keys q q
e2e_wait_exit
