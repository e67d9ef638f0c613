# Review state tests (issue 4): model, files, undo, export.
REVIEW_TESTS = \
	tests/unit/review_test \
	tests/unit/review_store_test \
	tests/unit/undo_test \
	tests/unit/export_test
if HAVE_CMOCKA
check_PROGRAMS += $(REVIEW_TESTS)
TESTS += $(REVIEW_TESTS)
endif
REVIEW_TEST_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(YAML_CFLAGS)
REVIEW_TEST_LIBS = $(CORE_LIBS) $(CMOCKA_LIBS)
tests_unit_review_test_CFLAGS = $(REVIEW_TEST_CFLAGS)
tests_unit_review_test_LDADD = $(REVIEW_TEST_LIBS)
# write, fsync and rename are wrapped so tests can make a save fail (disk full...).
tests_unit_review_store_test_CFLAGS = $(REVIEW_TEST_CFLAGS)
tests_unit_review_store_test_LDADD = $(REVIEW_TEST_LIBS)
tests_unit_review_store_test_LDFLAGS = -Wl,--wrap=write,--wrap=fsync,--wrap=rename
tests_unit_undo_test_CFLAGS = $(REVIEW_TEST_CFLAGS)
tests_unit_undo_test_LDADD = $(REVIEW_TEST_LIBS)
tests_unit_export_test_CFLAGS = $(REVIEW_TEST_CFLAGS)
tests_unit_export_test_LDADD = $(REVIEW_TEST_LIBS)
EXTRA_DIST += tests/unit/review_fixture.h
