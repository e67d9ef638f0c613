#!/bin/sh
# The list tells units apart: at 80x24 the county's name every unit of the
# batch shares is left out of the unit column, so 青禾县人力资源… and
# 青禾县人民政府… no longer look alike; F shows only a verdict, a reviewer,
# the tagged or the reports to review again; S sorts by verdict; T and U
# work from any pane; at 200 columns the list shows the verdict, the
# reviewer and the received date.
. "$(dirname "$0")/lib.sh"

batch=$E2E_TMP/county
mkdir -p "$batch"
for unit in 青禾县云溪镇人民政府 青禾县人力资源和社会保障局 青禾县人民政府办公室 青禾县市场监督管理局; do
	sed "1s/.*/$unit/" "$FIX/a_complete.txt" >"$batch/$unit.txt"
done

# unit_rows: the list's rows (2-5), their unit column (after the score).
unit_rows() { e2e_screen | sed -n '2,5p' | sed 's/^.\{12\}//; s/│.*//'; }

e2e_start 80 24 SHENYUE_USER=张三 -- "$batch"
e2e_wait "4 reports"
e2e_wait_gone "loading" 10 # the units are read by the background loader
unit_rows >"$E2E_TMP/units"
for own in 人力资源 人民政府 市场监督 云溪镇人; do
	grep -q "^$own" "$E2E_TMP/units" || e2e_fail "no unit row starts with $own: $(cat "$E2E_TMP/units")"
done
[ "$(cut -c1-12 "$E2E_TMP/units" | sort -u | wc -l)" = 4 ] || e2e_fail "units look alike: $(cat "$E2E_TMP/units")"
grep -q "^青禾县" "$E2E_TMP/units" && e2e_fail "the shared county name still fills the unit column"

# Verdicts by 张三: 通过 on the first, 退回修改 on the second (pinyin order:
# 人力资源, 人民政府, 市场监督, 云溪镇).
e2e_keys a
e2e_wait "saved: 通过"
e2e_keys j r
e2e_wait "saved: 退回修改"

# F: show only 通过, then only 张三's verdicts, then all.
e2e_keys F
e2e_wait "Show only"
e2e_has "通过 (1)"
e2e_has "no verdict (2)"
e2e_has "by 张三 (2)"
e2e_keys j j j Enter
e2e_wait "Reports 1/4 · name · 通过"
e2e_row 2 | grep -q "人力资源" || e2e_fail "the 通过 report is not the one shown"
e2e_keys F
e2e_wait "Show only"
e2e_keys G Enter
e2e_wait "showing only by 张三: 2"
e2e_has "Reports 2/4"
e2e_keys F
e2e_wait "Show only"
e2e_keys g Enter
e2e_wait "Reports 4/4 · name"

# S: sort by verdict, what is still to decide first.
e2e_keys S
e2e_wait "Sort by"
e2e_keys j j j Enter
e2e_wait "Reports 4/4 · verdict"
e2e_row 4 | grep -q "退" || e2e_fail "退回修改 is not after the undecided reports"
e2e_row 5 | grep -q "通" || e2e_fail "通过 is not last"

# T and U from the viewer: every shown report tagged, then none.
e2e_keys 2 T
e2e_wait "4 tagged / 4 visible"
e2e_keys U
e2e_wait "untagged every report"

# At 200 columns: the verdict, who gave it and the received date.
e2e_resize 200 30
e2e_wait "3 Checklist"
e2e_screen | grep "人力资源和社会保障局" | grep -q "通过 *张三 *20[0-9][0-9]-[01][0-9]-[0-3][0-9]" ||
	e2e_fail "the wide list lacks verdict, reviewer or received date"
e2e_resize 80 24
e2e_keys q
e2e_wait_exit
e2e_stop

# A report changed since its verdict: F shows it as needing re-review.
printf '补充说明：本报告已更新。\n' >>"$batch/青禾县人力资源和社会保障局.txt"
e2e_start 80 24 SHENYUE_USER=张三 -- "$batch"
e2e_wait "4 reports"
e2e_keys F
e2e_wait "needs re-review (1)"
e2e_keys G k Enter
e2e_wait "showing only needs re-review: 1"
e2e_row 2 | grep -q "人力资源" || e2e_fail "the changed report is not the one to review again"
echo "ok"
