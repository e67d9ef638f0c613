# Test tools: documents made from text on the machine that runs the tests
# (no fixture needs a program the quickstart does not install), and a dump
# of what shenyue reads from any file.
TEST_TOOLS = tests/tools/docx_writer.c tests/tools/docx_writer.h tests/tools/pdf_writer.c tests/tools/pdf_writer.h
TEST_TOOLS_LIBS = $(CORE_LIBS) $(CAIRO_LIBS)
check_PROGRAMS += tests/tools/doctext tests/tools/mkdocx tests/tools/mkpdf
tests_tools_mkdocx_SOURCES = tests/tools/mkdocx.c $(TEST_TOOLS)
tests_tools_mkdocx_LDADD = $(TEST_TOOLS_LIBS)
tests_tools_mkpdf_SOURCES = tests/tools/mkpdf.c $(TEST_TOOLS)
tests_tools_mkpdf_LDADD = $(TEST_TOOLS_LIBS)
tests_tools_doctext_LDADD = $(CORE_LIBS)

# make eval: how well the reading agrees with each folder's expected.yaml (the
# seeds, reading's shape fixtures, the three blind sets; or EVAL_DIRS=...). Prints
# figures and each disagreement; asserts nothing (a measurement, not a test).
check_PROGRAMS += tests/tools/eval_expected
tests_tools_eval_expected_LDADD = $(CORE_LIBS)
EVAL_DIRS = $${SHENYUE_SEEDS:-$(abs_top_srcdir)/../shared/seeds} \
	$(abs_top_srcdir)/tests/fixtures/shapes $(abs_top_srcdir)/tests/fixtures/blind \
	$(abs_top_srcdir)/tests/fixtures/blind2 \
	$(abs_top_srcdir)/tests/fixtures/blind3
eval: shenyue$(EXEEXT) tests/tools/eval_expected$(EXEEXT)
	@for d in $(EVAL_DIRS); do \
	  if test ! -f "$$d/expected.yaml"; then echo "eval: $$d: no expected.yaml, skipped"; continue; fi; \
	  LC_ALL=C.UTF-8 ./shenyue$(EXEEXT) check --format yaml "$$d" > eval-check.yaml; \
	  if test $$? -gt 1; then echo "eval: shenyue check $$d could not read everything"; fi; \
	  tests/tools/eval_expected$(EXEEXT) "$$d/expected.yaml" eval-check.yaml "$${d#$(abs_top_srcdir)/}"; \
	  echo; \
	done; rm -f eval-check.yaml
.PHONY: eval
