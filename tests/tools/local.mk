# Test tools: documents made from text on the machine that runs the tests
# (no fixture needs a program the quickstart does not install), and a dump
# of what shenyue reads from any file.
TEST_TOOLS = tests/tools/docx_writer.c tests/tools/docx_writer.h
check_PROGRAMS += tests/tools/doctext tests/tools/mkdocx
tests_tools_mkdocx_SOURCES = tests/tools/mkdocx.c $(TEST_TOOLS)
tests_tools_mkdocx_LDADD = $(CORE_LIBS)
tests_tools_doctext_LDADD = $(CORE_LIBS)
