/* With LibreOffice installed: a real .doc made by LibreOffice from a report
 * written as .docx, and the same file named .wps (WPS writes that format),
 * read through the table score like the text. Without soffice on the PATH
 * the whole test SKIPs, saying so. */
#include "config.h"

#include <unistd.h>

#include "../test_common.h"
#include "../tools/docx_writer.h"
#include "shenyue/docin_reader.h"
#include "shenyue/fileio.h"
#include "shenyue/xalloc.h"

static char tmpdir[] = "/tmp/shenyue-soffice-test-XXXXXX";

/* soffice on the PATH, or NULL. */
static char *real_soffice(void)
{
	const char *path = getenv("PATH");
	for (const char *p = path ? path : ""; *p;) {
		size_t n = strcspn(p, ":");
		char *cand = xasprintf("%.*s/soffice", (int)n, p);
		if (access(cand, X_OK) == 0)
			return cand;
		free(cand);
		p += n + (p[n] == ':');
	}
	return NULL;
}

static void test_real_doc_and_wps_score_like_text(void **state)
{
	char *soffice = real_soffice();
	const char *src = getenv("SRCDIR");
	char *txt = xasprintf("%s/examples/01-complete.txt", src ? src : "..");
	char *text;
	size_t len;
	assert_int_equal(sy_file_read(txt, 0, &text, &len, NULL), SY_READ_OK);
	char *docx = xasprintf("%s/01.docx", tmpdir), *doc = xasprintf("%s/01.doc", tmpdir);
	assert_int_equal(docx_write(docx, text, len, DOCX_WORD, NULL), 0);
	char *cmd = xasprintf("cd '%s' && '%s' -env:UserInstallation=file://%s/lo --headless --convert-to "
			      "'doc:MS Word 97' 01.docx >/dev/null 2>&1", tmpdir, soffice, tmpdir);
	assert_int_equal(system(cmd), 0);
	struct sy_report a = {0}, b = {0};
	assert_int_equal(sy_report_load(&a, txt, test_rubric()), 0);
	assert_int_equal(sy_report_load(&b, doc, test_rubric()), 0);
	assert_int_equal(b.doc.kind, SY_KIND_DOC);
	assert_string_equal(sy_doc_source_name(&b.doc), "doc");
	assert_int_equal(a.score.score, b.score.score);
	for (size_t i = 0; i < a.score.nparts; i++) {
		assert_int_equal(a.score.parts[i].status, b.score.parts[i].status);
		assert_int_equal(a.score.parts[i].line, b.score.parts[i].line);
	}
	/* WPS writes the same binary format under .wps */
	char *wps = xasprintf("%s/01.wps", tmpdir);
	assert_int_equal(rename(doc, wps), 0);
	sy_report_free(&b);
	memset(&b, 0, sizeof b);
	assert_int_equal(sy_report_load(&b, wps, test_rubric()), 0);
	assert_int_equal(a.score.score, b.score.score);
	sy_report_free(&a);
	sy_report_free(&b);
	char *rm = xasprintf("rm -rf '%s/lo' '%s' '%s'", tmpdir, docx, wps);
	assert_int_equal(system(rm), 0);
	free(rm);
	free(wps);
	free(cmd);
	free(docx);
	free(doc);
	free(text);
	free(txt);
	free(soffice);
}

static int make_tmpdir(void **state)
{
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	char *rm = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(rm);
	free(rm);
	return rc;
}

int main(void)
{
	test_setup_locale();
	char *soffice = real_soffice();
	if (!soffice) {
		printf("SKIP: no LibreOffice (soffice) on the PATH: .doc/.wps not read for real "
		       "(apt-get install libreoffice-writer to run this test)\n");
		return 77;
	}
	free(soffice);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_doc_and_wps_score_like_text),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
