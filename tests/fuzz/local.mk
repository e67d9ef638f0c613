# libFuzzer targets for every parser; built only with --enable-fuzzing (clang).
# Run: ./tests/fuzz/report_fuzzer $(srcdir)/examples  (a seed corpus)
# Adding one is one line in FUZZERS (tests/fuzz/NAME.c, linked with the core).
FUZZERS = \
	tests/fuzz/docx_fuzzer \
	tests/fuzz/emit_fuzzer \
	tests/fuzz/html_fuzzer \
	tests/fuzz/odt_fuzzer \
	tests/fuzz/pdf_fuzzer \
	tests/fuzz/report_fuzzer \
	tests/fuzz/review_fuzzer \
	tests/fuzz/rubric_fuzzer \
	tests/fuzz/text_fuzzer
FUZZ_FLAGS = -fsanitize=fuzzer,address,undefined
if ENABLE_FUZZING
noinst_PROGRAMS += $(FUZZERS)
# The whole build is instrumented (configure adds -fsanitize=fuzzer-no-link);
# the fuzzers link libFuzzer's main.
tests_fuzz_docx_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_emit_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_html_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_odt_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_pdf_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_report_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_review_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_rubric_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_text_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
endif
EXTRA_DIST += $(FUZZERS:=.c) tests/fuzz/rubric.dict tests/fuzz/docx.dict tests/fuzz/docx_seeds.sh
