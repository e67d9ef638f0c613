# The TUI driven in a real terminal through tmux (skipped without tmux).
# Adding one is one line in E2E_TESTS.
E2E_TESTS = \
	tests/e2e/tui_160x48.sh \
	tests/e2e/tui_80x24.sh \
	tests/e2e/tui_background.sh \
	tests/e2e/tui_compare.sh \
	tests/e2e/tui_config.sh \
	tests/e2e/tui_conflict.sh \
	tests/e2e/tui_converting.sh \
	tests/e2e/tui_converting_first.sh \
	tests/e2e/tui_converting_live.sh \
	tests/e2e/tui_converting_one.sh \
	tests/e2e/tui_converting_quit.sh \
	tests/e2e/tui_decide.sh \
	tests/e2e/tui_desk.sh \
	tests/e2e/tui_diff.sh \
	tests/e2e/tui_effective.sh \
	tests/e2e/tui_evidence.sh \
	tests/e2e/tui_exit.sh \
	tests/e2e/tui_live.sh \
	tests/e2e/tui_mouse.sh \
	tests/e2e/tui_narrow.sh \
	tests/e2e/tui_oom.sh \
	tests/e2e/tui_one_thread.sh \
	tests/e2e/tui_pdf_page.sh \
	tests/e2e/tui_pinyin.sh \
	tests/e2e/tui_reread.sh \
	tests/e2e/tui_review.sh \
	tests/e2e/tui_units.sh \
	tests/e2e/tui_unreadable.sh \
	tests/e2e/tui_zh.sh
TESTS += $(E2E_TESTS)
EXTRA_DIST += $(E2E_TESTS) tests/e2e/lib.sh
