# `make bench`: speed and memory figures, printed, never asserted.
EXTRA_PROGRAMS = bench/bench_score bench/bench_review bench/bench_wrap bench/bench_docin bench/bench_compare bench/bench_stages bench/runstat
bench_bench_score_SOURCES = bench/bench_score.c
bench_bench_score_LDADD = $(CORE_LIBS)
bench_bench_review_SOURCES = bench/bench_review.c
bench_bench_review_LDADD = $(CORE_LIBS)
bench_bench_wrap_SOURCES = bench/bench_wrap.c
bench_bench_wrap_LDADD = $(CORE_LIBS)
bench_bench_docin_SOURCES = bench/bench_docin.c $(TEST_TOOLS)
bench_bench_docin_LDADD = $(TEST_TOOLS_LIBS)
bench_bench_compare_SOURCES = bench/bench_compare.c
bench_bench_compare_LDADD = $(CORE_LIBS)
bench_bench_stages_SOURCES = bench/bench_stages.c
bench_bench_stages_LDADD = $(CORE_LIBS)
# runstat: wall time and peak memory of a command (no core inside)
bench_runstat_SOURCES = bench/runstat.c
CLEANFILES += bench/bench_score bench/bench_review bench/bench_wrap bench/bench_docin bench/bench_compare bench/bench_stages bench/runstat
# bench/NAME.c, linked with the core; built only by `make bench`.
BENCH_COPIES ?= 2000
# `make bench-batch BENCH_REPORTS=10000`: issue 12's table (check vs grep, memory, TUI)
BENCH_REPORTS ?= 10000
BENCH_RUNS ?= 3

bench: bench/bench_score$(EXEEXT) bench/bench_review$(EXEEXT) bench/bench_wrap$(EXEEXT) bench/bench_docin$(EXEEXT) \
		bench/bench_stages$(EXEEXT) bench/runstat$(EXEEXT) shenyue$(EXEEXT)
	@echo "== core: decode, outline, score, crosscheck ($(BENCH_COPIES) reports)"
	@LC_ALL=C.UTF-8 ./bench/bench_score$(EXEEXT) $(top_srcdir)/examples $(BENCH_COPIES)
	@seeds=$${SHENYUE_SEEDS:-$(top_srcdir)/../shared/seeds}; if [ -d "$$seeds" ]; then \
		echo "== the same over the seed reports"; \
		LC_ALL=C.UTF-8 ./bench/bench_score$(EXEEXT) "$$seeds" $(BENCH_COPIES); \
	else echo "== no seed reports at $$seeds (set SHENYUE_SEEDS): skipped"; fi
	@echo "== documents: one report read from .txt, .docx (Word numbering) and .pdf (typeset)"
	@seeds=$${SHENYUE_SEEDS:-$(top_srcdir)/../shared/seeds}; [ -d "$$seeds" ] || seeds=$(top_srcdir)/examples; \
		LC_ALL=C.UTF-8 ./bench/bench_docin$(EXEEXT) "$$seeds" 20
	@echo "== review state: fsynced saves, reopen, export ($(BENCH_COPIES) review files)"
	@LC_ALL=C.UTF-8 ./bench/bench_review$(EXEEXT) $(top_srcdir)/examples $(BENCH_COPIES)
	@echo "== line breaking (Chinese rules, ICU) of a 1 MB report: open, then resize"
	@seeds=$${SHENYUE_SEEDS:-$(top_srcdir)/../shared/seeds}; [ -d "$$seeds" ] || seeds=$(top_srcdir)/examples; \
		LC_ALL=C.UTF-8 ./bench/bench_wrap$(EXEEXT) "$$seeds" 1
	@echo "== the review UI opening $(BENCH_COPIES) reports (tmux)"
	@LC_ALL=C.UTF-8 sh $(top_srcdir)/bench/open.sh ./shenyue$(EXEEXT) $(BENCH_COPIES)
	@echo "== a generated batch of $(BENCH_REPORTS) reports: check vs grep, peak memory, the UI"
	@LC_ALL=C.UTF-8 sh $(top_srcdir)/bench/batch.sh -n $(BENCH_REPORTS) -r $(BENCH_RUNS) \
		./shenyue$(EXEEXT) ./bench/runstat$(EXEEXT) ./bench/bench_stages$(EXEEXT)

bench-batch: bench/runstat$(EXEEXT) bench/bench_stages$(EXEEXT) shenyue$(EXEEXT)
	@LC_ALL=C.UTF-8 sh $(top_srcdir)/bench/batch.sh -n $(BENCH_REPORTS) -r $(BENCH_RUNS) \
		./shenyue$(EXEEXT) ./bench/runstat$(EXEEXT) ./bench/bench_stages$(EXEEXT)

# issue 11: what the comparisons add to loading BENCH_REPORTS reports made by
# gen_batch.py, in one folder and as two years (the 2023 copy of each with
# its years one less: every report has last year's, nearly the same). The
# batches are made once under $(BENCH_DIR) (remove it when done).
BENCH_DIR ?= /tmp/shenyue-bench
bench-compare: bench/bench_compare$(EXEEXT)
	@LC_ALL=C.UTF-8 sh $(top_srcdir)/bench/compare.sh -n $(BENCH_REPORTS) -d $(BENCH_DIR) ./bench/bench_compare$(EXEEXT)

# the README's scaling table: 1,000 / 10,000 / 100,000 reports
bench-scale: bench/runstat$(EXEEXT) shenyue$(EXEEXT)
	@echo "| reports | MB | check reports/s | check MB/s | check peak MB | TUI reports/s | TUI MB/s | TUI resident MB |"
	@echo "|---|---|---|---|---|---|---|---|"
	@for n in $(BENCH_SCALE); do \
		LC_ALL=C.UTF-8 sh $(top_srcdir)/bench/batch.sh -n $$n -r $(BENCH_RUNS) --row --no-keys \
			./shenyue$(EXEEXT) ./bench/runstat$(EXEEXT); done
BENCH_SCALE ?= 1000 10000 100000
.PHONY: bench bench-batch bench-scale bench-compare
EXTRA_DIST += bench/open.sh bench/batch.sh bench/compare.sh
