# cmocka unit tests of the core. Adding one is one line in UNIT_TESTS:
# tests/unit/NAME_test is built from tests/unit/NAME_test.c and linked with
# the core and cmocka (automake's default LDADD below).
UNIT_TESTS = \
	tests/unit/arena_test \
	tests/unit/check_format_test \
	tests/unit/check_stream_test \
	tests/unit/collate_test \
	tests/unit/compare_test \
	tests/unit/compact_test \
	tests/unit/config_test \
	tests/unit/decode_test \
	tests/unit/desk_live_test \
	tests/unit/docin_docx_test \
	tests/unit/docin_html_test \
	tests/unit/docin_legacy_test \
	tests/unit/docin_odt_test \
	tests/unit/docin_pdf_test \
	tests/unit/docin_soffice_test \
	tests/unit/docx_test \
	tests/unit/effective_test \
	tests/unit/emit_test \
	tests/unit/export_test \
	tests/unit/fileio_test \
	tests/unit/judged_test \
	tests/unit/layout_test \
	tests/unit/linebreak_test \
	tests/unit/lineedit_test \
	tests/unit/matcher_test \
	tests/unit/normalise_test \
	tests/unit/ops_test \
	tests/unit/options_test \
	tests/unit/outline_test \
	tests/unit/registry_test \
	tests/unit/review_store_test \
	tests/unit/review_test \
	tests/unit/roster_test \
	tests/unit/pool_test \
	tests/unit/rubric_test \
	tests/unit/score_test \
	tests/unit/seed_twins_test \
	tests/unit/seeds_test \
	tests/unit/similar_test \
	tests/unit/shapes_test \
	tests/unit/summary_test \
	tests/unit/termcolor_test \
	tests/unit/theme_test \
	tests/unit/undo_test \
	tests/unit/utf8_test \
	tests/unit/unitname_test \
	tests/unit/util_test \
	tests/unit/views_test \
	tests/unit/width_test
if HAVE_CMOCKA
check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS)
endif
LDADD = $(CORE_LIBS) $(CMOCKA_LIBS)
noinst_HEADERS += tests/unit/ooxml_fixture.h tests/unit/review_fixture.h tests/unit/ui_test_common.h

# write, fsync and rename are wrapped so tests can make a save fail (disk full...).
tests_unit_review_store_test_LDFLAGS = -Wl,--wrap=write,--wrap=fsync,--wrap=rename

# The view registry's test links the UI library, without starting curses.
tests_unit_views_test_CPPFLAGS = $(AM_CPPFLAGS) $(CURSES_CFLAGS)
tests_unit_views_test_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)

# Document readers' tests write their documents with the test tools.
tests_unit_docin_docx_test_SOURCES = tests/unit/docin_docx_test.c $(TEST_TOOLS)
tests_unit_docin_docx_test_LDADD = $(TEST_TOOLS_LIBS) $(CMOCKA_LIBS)
tests_unit_docin_legacy_test_SOURCES = tests/unit/docin_legacy_test.c $(TEST_TOOLS)
tests_unit_docin_legacy_test_LDADD = $(TEST_TOOLS_LIBS) $(CMOCKA_LIBS)
tests_unit_docin_pdf_test_SOURCES = tests/unit/docin_pdf_test.c $(TEST_TOOLS)
tests_unit_docin_pdf_test_LDADD = $(TEST_TOOLS_LIBS) $(CMOCKA_LIBS)
tests_unit_docin_soffice_test_SOURCES = tests/unit/docin_soffice_test.c $(TEST_TOOLS)
tests_unit_docin_soffice_test_LDADD = $(TEST_TOOLS_LIBS) $(CMOCKA_LIBS)
tests_unit_seed_twins_test_SOURCES = tests/unit/seed_twins_test.c $(TEST_TOOLS)
tests_unit_seed_twins_test_LDADD = $(TEST_TOOLS_LIBS) $(CMOCKA_LIBS)
