# libFuzzer targets for every parser; built only with --enable-fuzzing (clang).
# Run: ./tests/fuzz/report_fuzzer $(srcdir)/examples  (a seed corpus)
if ENABLE_FUZZING
FUZZERS = tests/fuzz/report_fuzzer tests/fuzz/rubric_fuzzer tests/fuzz/review_fuzzer tests/fuzz/text_fuzzer
noinst_PROGRAMS += $(FUZZERS)
FUZZ_FLAGS = -fsanitize=fuzzer,address,undefined
tests_fuzz_report_fuzzer_CFLAGS = $(AM_CFLAGS) $(FUZZ_FLAGS)
tests_fuzz_report_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_report_fuzzer_LDADD = $(CORE_LIBS)
tests_fuzz_rubric_fuzzer_CFLAGS = $(AM_CFLAGS) $(FUZZ_FLAGS)
tests_fuzz_rubric_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_rubric_fuzzer_LDADD = $(CORE_LIBS)
tests_fuzz_review_fuzzer_CFLAGS = $(AM_CFLAGS) $(FUZZ_FLAGS)
tests_fuzz_review_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_review_fuzzer_LDADD = $(CORE_LIBS)
tests_fuzz_text_fuzzer_CFLAGS = $(AM_CFLAGS) $(FUZZ_FLAGS)
tests_fuzz_text_fuzzer_LDFLAGS = $(FUZZ_FLAGS)
tests_fuzz_text_fuzzer_LDADD = $(CORE_LIBS)
endif
EXTRA_DIST += tests/fuzz/report_fuzzer.c tests/fuzz/rubric_fuzzer.c tests/fuzz/review_fuzzer.c tests/fuzz/text_fuzzer.c tests/fuzz/rubric.dict
