# The bad-input suite (issue 14): hostile files and situations, each case
# under a timeout. tests/bad/review_note and yamlcheck are its helpers.
# Adding a case: a line in one of the scripts (lib.sh: run, expect, ok, bad,
# skip_loudly); a new script is one line in BAD_INPUT_TESTS.
BAD_INPUT_TESTS = \
	tests/bad/errors.sh \
	tests/bad/inputs.sh \
	tests/bad/limits.sh \
	tests/bad/nonregular.sh \
	tests/bad/outputs.sh \
	tests/bad/terminal.sh \
	tests/bad/tui_bad.sh
TESTS += $(BAD_INPUT_TESTS)
check_PROGRAMS += tests/bad/review_note tests/bad/yamlcheck
tests_bad_yamlcheck_LDADD = $(YAML_LIBS)
EXTRA_DIST += $(BAD_INPUT_TESTS) tests/bad/lib.sh
