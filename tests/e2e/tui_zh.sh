#!/bin/sh
# The review UI in Chinese (LANGUAGE=zh_CN) at 80x24 and 60x16: the status
# bar counts, list title, checklist labels, help popup, a prompt and the
# "terminal too small" screen are translated; Chinese labels are measured, so
# every column still lines up; q still quits (keys are not translated).
. "$(dirname "$0")/lib.sh"

# A build without NLS (or without the catalogue) has nothing to show here.
case $(LC_ALL=C.UTF-8 LANGUAGE=zh_CN "$SHENYUE" --help 2>&1) in
*用法*) ;;
*) echo "no zh_CN catalogue (built without NLS?): skipping"; exit 77 ;;
esac

e2e_start 80 24 LANGUAGE=zh_CN -- "$FIX"
e2e_wait "3 份报告 · 2 份不完整 · 0 份已审"

# Status bar: counts on the left, the key hints flush right.
e2e_row 24 | grep -q "a_complete.txt · 3 份报告" || e2e_fail "status bar: current report and counts"
e2e_assert_column "?:帮助  q:退出" 65 24 24

# The list title, the checklist's title and labels; columns still aligned.
e2e_has "1 报告 3/3 · 按文件名"
e2e_has "3 核查清单 · 得分 100/100"
e2e_screen | grep -q "✓ 第一责任人 *具备│" || e2e_fail "checklist part row"
e2e_screen | grep -q "其他情况 *可选│" || e2e_fail "optional part row"
e2e_has "无标题，未提及"
e2e_has "发现的问题（1）"
e2e_assert_column "│" 30 1 23
# The status words are right-aligned against the separator.
e2e_assert_column "具备│" 26 11 11

# The help popup: title, section names, translated op help beside the keys.
e2e_keys '?'
e2e_wait "按键说明 · j/k 滚动 · Esc 或 q 关闭"
e2e_has "报告列表（当前窗格）"
e2e_has "在正文窗格阅读所选报告"
e2e_assert_column "在正文窗格阅读所选报告" 23 4 4
e2e_keys Escape
e2e_wait_gone "按键说明"

# Sorting says so in Chinese; the title follows.
e2e_keys s
e2e_wait "已按得分排序"
e2e_has "报告 3/3 · 按得分"

# A prompt: the override question keeps its answer keys (p/a/m); Esc cancels.
e2e_keys 3 x
e2e_wait "举措成效检测为 ✓ 具备。人工认定：p ✓ 具备 · a ~ 部分具备 · m ✗ 缺失 · Esc"
e2e_keys Escape
e2e_wait "已取消：没有改动"
# An override with a reason: the message names the part by its short label.
e2e_keys x m
e2e_wait "举措成效 ✗ 缺失 · 理由（可不填）："
e2e_has "Enter 保存 · Esc 取消"
e2e_type "抽查"
e2e_keys Enter
e2e_wait "已保存：举措成效经人工认定为缺失"
e2e_has "✓→✗ 人工"
e2e_has "理由：抽查"
e2e_assert_column "│" 30 1 23

# Smaller: 60x16 still lines up; below the minimum, one clear message.
e2e_resize 60 16
e2e_wait "报告 3/3"
e2e_assert_column "│" 26 1 15
e2e_resize 40 10
e2e_wait "终端窗口太小：40x10，至少需要 60x16"
e2e_has "请放大窗口，或按 q 退出"
e2e_resize 80 24
e2e_wait "1 报告 3/3 · 按得分"
e2e_assert_column "│" 30 1 23

# The summary page: the matrix header says its order as Chinese does
# (单位（按单位）, not 单位（单位）), and s changes it.
e2e_keys B
e2e_wait "单位（按单位）"
e2e_keys s
e2e_wait "单位（按状态）"
e2e_keys q
e2e_wait_gone "单位（按状态）"

# q quits, as in English.
e2e_keys q
e2e_wait_exit
echo "ok"
