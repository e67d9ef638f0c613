#!/bin/sh
# The compare page (issue 11): the seeds with made-up 2023 versions
# (tests/fixtures/compare), both years open. The checklist flags the
# repeated shortfalls, the dropped plan item and the copied section; Y shows
# this year and last year side by side by part with the shared sentences
# marked (=); a finding's places are marked (▶) on both sides at once —
# the checklist's selected finding first, then n steps to the next, whose
# other report (another unit's) takes the right-hand side.
. "$(dirname "$0")/lib.sh"

cmp=$E2E_TMP/cmp
mkdir -p "$cmp"
cp -R "$SRCDIR/tests/fixtures/compare/2023" "$SRCDIR/tests/fixtures/compare/2024" "$cmp"/ ||
	e2e_fail "cannot copy the compare fixtures"

cd "$cmp" || e2e_fail "no $cmp"
e2e_start 160 44 -- 2023 2024
e2e_wait "10 reports"
e2e_wait_gone "cross-checking" 20

# the list: 观音堂镇 2023, 2024, 汇源街道 2023, 2024 ... 张良镇 2023, 2024
e2e_keys 1 g j
e2e_wait "观音堂镇.txt · L1"
e2e_has "I L4   举措成效: last year's"

# 张良镇 2024: the repeated shortfalls and the copied section, in the checklist
e2e_keys G
e2e_wait "张良镇.txt · L1"
e2e_has "W L17  不足原因: this problem"
e2e_has "W L17  不足原因: about"
e2e_has "as the same part of 田镇街道's report"

# Y without a finding selected: last year's report on the right, the
# first finding naming it selected
e2e_keys Y
e2e_wait "Compare · = both hold it"
e2e_has "1/2  W L17 ⇄ L12  不足原因: this problem was already reported last year"
# the finding is said in words, not by its id
e2e_lacks "repeated-shortfall"
e2e_has "2024/张良镇.txt  鲁山县张良镇人民政府 2024"
e2e_has "│2023/张良镇.txt  鲁山县张良镇人民政府 2023"
# last year's plan items the report took up are shared sentences
e2e_screen | grep -q "│= 4.创新普法机制，扩大普法教育覆盖面。" || e2e_fail "no shared sentence marked"
# Enter: both places at once
e2e_keys Enter
e2e_screen | grep -q "^▶ 不足：一是执法人员业务水平有待提高" || e2e_fail "this year's line 17 not shown"
e2e_screen | grep -q "│▶ 一是执法人员业务水平有待提高，全年仅组织执法业务培训3次" || e2e_fail "last year's line 12 not shown"
# n: the copied section, 田镇街道's report on the right
e2e_keys n
e2e_wait "2/2  W L17 ⇄ L37  不足原因: about"
e2e_has "│2024/田镇街道.txt  田镇街道 2024"
e2e_screen | grep -q "│▶ 不足：一是执法人员业务水平有待提高" || e2e_fail "田镇街道's copied line 37 not shown"
# ] goes to the next part on both sides
e2e_keys g ]
e2e_screen | sed -n 5p | grep -q "^第一责任人 ✓  L5 *│第一责任人 ✓  L7" || e2e_fail "] did not bring both sides to the duty part"
# the optional part neither report has is "-", as in the checklist: no ✗ for what is not a fault
e2e_keys G
e2e_wait "其他情况 -"
e2e_lacks "其他情况 ✗"
e2e_keys q
e2e_wait_gone "Compare · = both hold it"

# 田镇街道 2024: the checklist's finding chosen, Y opens on it
e2e_keys 1 k k
e2e_wait "田镇街道.txt · L1"
e2e_keys 3 G
e2e_wait "here lines 37-39"
e2e_keys Y
e2e_wait "1/1  W L37 ⇄ L17  不足原因: about"
e2e_has "│2024/张良镇.txt  鲁山县张良镇人民政府 2024"
e2e_keys Escape

# an untouched report: compared with last year's, where only its
# rectification finding points (it names last year's problems)
e2e_keys 1 g j j j
e2e_wait "汇源街道.txt · L1"
e2e_keys Y
e2e_wait "1/1  I L32 ⇄ L15  不足原因: the heading promises"
e2e_has "│2023/汇源街道.txt"
e2e_keys q

# a report of a unit with no earlier report and no such finding: refused
mkdir -p "$cmp/one"
cp "$SRCDIR/tests/fixtures/compare/2023/田镇街道.txt" "$cmp/one/石门镇.txt"
e2e_stop
e2e_start 120 30 -- one
e2e_wait "1 report"
e2e_keys Y
e2e_wait "nothing to compare with"
e2e_lacks "Compare · = both hold it"
e2e_keys q
e2e_wait_exit
