# Core unit tests (cmocka) and the check that the core stays curses-free.
CORE_TESTS = \
	tests/unit/decode_test \
	tests/unit/normalise_test \
	tests/unit/outline_test \
	tests/unit/rubric_test \
	tests/unit/score_test \
	tests/unit/check_format_test \
	tests/unit/seeds_test \
	tests/unit/config_test
if HAVE_CMOCKA
check_PROGRAMS += $(CORE_TESTS)
TESTS += $(CORE_TESTS)
endif
UNIT_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(YAML_CFLAGS)
UNIT_LIBS = $(CORE_LIBS) $(CMOCKA_LIBS)
tests_unit_decode_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_decode_test_LDADD = $(UNIT_LIBS)
tests_unit_normalise_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_normalise_test_LDADD = $(UNIT_LIBS)
tests_unit_outline_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_outline_test_LDADD = $(UNIT_LIBS)
tests_unit_rubric_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_rubric_test_LDADD = $(UNIT_LIBS)
tests_unit_score_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_score_test_LDADD = $(UNIT_LIBS)
tests_unit_check_format_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_format_test_LDADD = $(UNIT_LIBS)
tests_unit_seeds_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_seeds_test_LDADD = $(UNIT_LIBS)
tests_unit_config_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_config_test_LDADD = $(UNIT_LIBS)
EXTRA_DIST += tests/test_common.h

# The core must never include curses (style.md, practice 1).
TESTS += tests/core_is_curses_free.sh
EXTRA_DIST += tests/core_is_curses_free.sh

# The command line: exit statuses, messages naming files, formats.
TESTS += tests/cli/check_cli.sh
EXTRA_DIST += tests/cli/check_cli.sh tests/fixtures
