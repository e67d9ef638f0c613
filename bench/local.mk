# `make bench`: speed and memory figures, printed, never asserted.
EXTRA_PROGRAMS = bench/bench_score
bench_bench_score_SOURCES = bench/bench_score.c
bench_bench_score_LDADD = $(CORE_LIBS)
CLEANFILES += bench/bench_score
BENCH_COPIES ?= 2000

bench: bench/bench_score$(EXEEXT)
	@echo "== core: decode, outline, score, crosscheck ($(BENCH_COPIES) reports)"
	@LC_ALL=C.UTF-8 ./bench/bench_score$(EXEEXT) $(top_srcdir)/examples $(BENCH_COPIES)
	@if [ -d $(top_srcdir)/../shared/seeds ]; then \
		echo "== the same over the seed reports"; \
		LC_ALL=C.UTF-8 ./bench/bench_score$(EXEEXT) $(top_srcdir)/../shared/seeds $(BENCH_COPIES); fi
.PHONY: bench
