# The command line: exit statuses, messages naming files, formats, generated
# docs, translations. Adding one is one line in CLI_TESTS.
CLI_TESTS = \
	tests/cli/check_cli.sh \
	tests/cli/check_jobs.sh \
	tests/cli/check_text.sh \
	tests/cli/compare_cli.sh \
	tests/cli/docs_lists.sh \
	tests/cli/documents_cli.sh \
	tests/cli/export_docx_cli.sh \
	tests/cli/keys_doc.sh \
	tests/cli/options_doc.sh \
	tests/cli/summary_cli.sh \
	tests/cli/translations.sh
TESTS += $(CLI_TESTS)
EXTRA_DIST += $(CLI_TESTS)
