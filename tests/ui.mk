# TUI tests: cmocka unit tests of the curses-free UI support (width, ops and
# keymap, themes, layout, line editor), and end-to-end tests driven through tmux.
if HAVE_CMOCKA
UI_UNIT_TESTS = \
	tests/unit/width_test \
	tests/unit/ops_test \
	tests/unit/theme_test \
	tests/unit/layout_test \
	tests/unit/lineedit_test
check_PROGRAMS += $(UI_UNIT_TESTS)
TESTS += $(UI_UNIT_TESTS)
UI_TEST_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(YAML_CFLAGS)
UI_TEST_LDADD = $(CORE_LIBS) $(CMOCKA_LIBS)
tests_unit_width_test_SOURCES = tests/unit/width_test.c tests/unit/ui_test_common.h
tests_unit_width_test_CFLAGS = $(UI_TEST_CFLAGS)
tests_unit_width_test_LDADD = $(UI_TEST_LDADD)
tests_unit_ops_test_SOURCES = tests/unit/ops_test.c tests/unit/ui_test_common.h
tests_unit_ops_test_CFLAGS = $(UI_TEST_CFLAGS)
tests_unit_ops_test_LDADD = $(UI_TEST_LDADD)
tests_unit_theme_test_SOURCES = tests/unit/theme_test.c tests/unit/ui_test_common.h
tests_unit_theme_test_CFLAGS = $(UI_TEST_CFLAGS)
tests_unit_theme_test_LDADD = $(UI_TEST_LDADD)
tests_unit_layout_test_SOURCES = tests/unit/layout_test.c tests/unit/ui_test_common.h
tests_unit_layout_test_CFLAGS = $(UI_TEST_CFLAGS)
tests_unit_layout_test_LDADD = $(UI_TEST_LDADD)
tests_unit_lineedit_test_SOURCES = tests/unit/lineedit_test.c tests/unit/ui_test_common.h
tests_unit_lineedit_test_CFLAGS = $(UI_TEST_CFLAGS)
tests_unit_lineedit_test_LDADD = $(UI_TEST_LDADD)
endif

UI_E2E_TESTS = \
	tests/e2e/tui_80x24.sh \
	tests/e2e/tui_160x48.sh \
	tests/e2e/tui_exit.sh \
	tests/e2e/tui_mouse.sh \
	tests/e2e/tui_review.sh \
	tests/e2e/tui_decide.sh \
	tests/e2e/tui_conflict.sh \
	tests/e2e/tui_config.sh \
	tests/e2e/tui_zh.sh
TESTS += $(UI_E2E_TESTS)
EXTRA_DIST += $(UI_E2E_TESTS) tests/e2e/lib.sh \
	tests/fixtures/ui/a_complete.txt \
	tests/fixtures/ui/b_partial.txt \
	tests/fixtures/ui/c_missing.txt \
	tests/fixtures/ui/broken-theme.yaml
