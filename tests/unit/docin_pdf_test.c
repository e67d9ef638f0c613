/* The PDF reader, on PDFs typeset here with cairo and a packaged CJK font
 * (tests/tools/pdf_writer.c): a two-page Chinese report with page footers
 * and a running header read as its paragraphs with their pages; paragraphs
 * across a page break; each page-number style; scans, partly scanned,
 * encrypted, broken and over-limit PDFs each get their message. Without a
 * font with Chinese glyphs the typeset tests SKIP, saying so. */
#include "config.h"

#include <unistd.h>

#include "../test_common.h"
#include "../tools/pdf_writer.h"
#include "shenyue/docin_reader.h"
#include "shenyue/fileio.h"
#include "shenyue/xalloc.h"

static char tmpdir[] = "/tmp/shenyue-pdf-test-XXXXXX";

static const char report[] =
	"青禾县云溪镇人民政府\n"
	"关于2024年度法治政府建设情况的报告\n"
	"\n"
	"一、2024年推进法治政府建设的主要举措和成效\n"
	"全年提交会议研究的重大事项21项，均经镇司法所和法律顾问审查，出具审查意见21份。镇综合行政执法队全面落实"
	"行政执法公示、执法全过程记录和重大执法决定法制审核三项制度，全年办理行政处罚案件43件，全部在县政务网公示。\n"
	"二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
	"镇党委书记、镇长把法治建设列入年度重点工作，全年召开镇党委会议专题研究法治建设4次。\n"
	"三、存在的不足和原因\n"
	"执法队伍人员偏少，究其原因，一是执法编制有限，二是专业法律人才引进渠道不畅。\n"
	"四、2025年推进法治政府建设的主要安排\n"
	"2025年计划组织村干部和镇机关干部法治培训6期，补充执法人员3名。\n"
	"\n"
	"青禾县云溪镇人民政府\n"
	"2025年1月15日\n";

/* Typesets text into tmpdir/name; skips the test when no font has Chinese glyphs. */
static char *typeset(const char *name, const char *text, const struct pdf_options *o, struct pdf_marks *m)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	int rc = pdf_write(path, text, strlen(text), o, m);
	if (rc == 77) {
		fprintf(stderr, "SKIP: no font with Chinese glyphs (apt-get install fonts-wqy-microhei)\n");
		free(path);
		skip();
	}
	assert_int_equal(rc, 0);
	return path;
}

static void load(struct sy_doc *d, const char *path)
{
	char err[512];
	if (sy_doc_load(d, path, err, sizeof err) != 0)
		fail_msg("%s: %s", path, err);
}

/* The text of line i squeezed of spaces (the PDF has no indentation spaces). */
static bool line_is(const struct sy_doc *d, size_t i, const char *want)
{
	char *w = sy_squeeze(want);
	bool yes = i < d->nlines && !strcmp(d->lines[i].sq, w);
	free(w);
	return yes;
}

static void test_two_pages_with_footers(void **state)
{
	/* 12 lines a page: the report runs onto a second page */
	struct pdf_options o = { .header = "云溪镇法治政府建设年度报告", .number_fmt = "— %d —", .lines_per_page = 12 };
	struct pdf_marks m;
	char *path = typeset("two.pdf", report, &o, &m);
	assert_int_equal(m.pages, 2);
	struct sy_doc d;
	load(&d, path);
	assert_int_equal(d.kind, SY_KIND_PDF);
	/* the text's lines, blank ones included, and nothing of the margins */
	assert_int_equal(d.nlines, 14);
	assert_true(line_is(&d, 0, "青禾县云溪镇人民政府"));
	assert_int_equal(d.lines[2].sq[0], '\0');
	assert_true(line_is(&d, 4, "全年提交会议研究的重大事项21项，均经镇司法所和法律顾问审查，出具审查意见21份。"
				   "镇综合行政执法队全面落实行政执法公示、执法全过程记录和重大执法决定法制审核三项制度，"
				   "全年办理行政处罚案件43件，全部在县政务网公示。"));
	assert_true(line_is(&d, 13, "2025年1月15日"));
	for (size_t i = 0; i < d.nlines; i++)
		if (strstr(d.lines[i].text, "—") || strstr(d.lines[i].text, "年度报告") ||
		    (i > 1 && strstr(d.lines[i].text, "云溪镇法治")))
			fail_msg("line %zu is page furniture: %s", i + 1, d.lines[i].text);
	assert_int_equal(sy_doc_page(&d, 0), 1);
	assert_int_equal(sy_doc_page(&d, d.nlines - 1), (unsigned)m.last_para_page);
	assert_int_equal(m.last_para_page, 2);
	for (size_t i = 1; i < d.nlines; i++)
		assert_true(sy_doc_page(&d, i) >= sy_doc_page(&d, i - 1));
	sy_doc_free(&d);
	unlink(path);
	free(path);
}

static void test_report_scores_like_its_text(void **state)
{
	struct pdf_options o = { .number_fmt = "第%d页", .lines_per_page = 10 };
	char *path = typeset("report.pdf", report, &o, NULL);
	struct sy_report pdf = {0}, txt = {0};
	assert_int_equal(sy_report_load(&pdf, path, test_rubric()), 0);
	test_report(&txt, report);
	assert_int_equal(pdf.score.score, txt.score.score);
	for (size_t i = 0; i < txt.score.nparts; i++) {
		assert_int_equal(pdf.score.parts[i].status, txt.score.parts[i].status);
		assert_int_equal(test_paragraph_of(&pdf.doc, pdf.score.parts[i].line),
				 test_paragraph_of(&txt.doc, txt.score.parts[i].line));
	}
	assert_string_equal(pdf.outline.unit, txt.outline.unit);
	assert_int_equal(test_paragraph_of(&pdf.doc, pdf.outline.date_line + 1),
			 test_paragraph_of(&txt.doc, txt.outline.date_line + 1));
	sy_report_free(&pdf);
	sy_report_free(&txt);
	unlink(path);
	free(path);
}

static void test_automatic_spacing_is_not_a_space(void **state)
{
	/* Word, WPS and LibreOffice widen the gap between 2024 and 年; poppler
	 * reads a space there; the text had none. A typed space stays. */
	const char *text = "全年办理案件43件，2024年召开会议4次，审查合同34份，开展普法活动36场，覆盖群众9000人次，"
			   "12名执法人员全部持证上岗。\n田镇街道 2024 年度报告\n";
	struct pdf_options o = { .autospace = true };
	char *path = typeset("autospace.pdf", text, &o, NULL);
	struct sy_doc d;
	load(&d, path);
	assert_int_equal(d.nlines, 2);
	assert_string_equal(d.lines[0].text, "全年办理案件43件，2024年召开会议4次，审查合同34份，开展普法活动36场，"
					     "覆盖群众9000人次，12名执法人员全部持证上岗。");
	assert_string_equal(d.lines[1].text, "田镇街道 2024 年度报告");
	sy_doc_free(&d);
	unlink(path);
	free(path);
}

static void test_page_number_styles(void **state)
{
	static const char *const styles[] = { "-%d-", "%d", "第 %d 页", "%d / 3", "Page %d" };
	for (size_t k = 0; k < sizeof styles / sizeof *styles; k++) {
		struct pdf_options o = { .number_fmt = styles[k], .lines_per_page = 6 };
		struct pdf_marks m;
		char *path = typeset("numbers.pdf", report, &o, &m);
		assert_true(m.pages >= 2);
		struct sy_doc d;
		load(&d, path);
		assert_int_equal(d.nlines, 14);
		assert_true(line_is(&d, 13, "2025年1月15日"));
		sy_doc_free(&d);
		unlink(path);
		free(path);
	}
}

static void test_scans(void **state)
{
	struct pdf_options scan = { .only_images = 2 };
	char *path = typeset("scan.pdf", "", &scan, NULL);
	struct sy_doc d;
	char err[512];
	assert_int_equal(sy_doc_load(&d, path, err, sizeof err), -1);
	assert_non_null(strstr(err, "scanned PDF"));
	assert_non_null(strstr(err, "2 pages"));
	sy_doc_free(&d);
	unlink(path);
	free(path);
	/* the text, then a page that is only an image: read, with a finding */
	struct pdf_options part = { .number_fmt = "— %d —", .image_pages = true };
	struct pdf_marks m;
	path = typeset("partly.pdf", report, &part, &m);
	struct sy_report rep = {0};
	assert_int_equal(sy_report_load(&rep, path, test_rubric()), 0);
	assert_int_equal(rep.doc.scanned_pages, 1);
	assert_int_equal(rep.doc.first_scanned_page, m.pages);
	const struct sy_finding *f = test_finding(&rep, "scanned-pages");
	assert_non_null(f);
	assert_int_equal(f->severity, SY_SEV_WARNING);
	sy_report_free(&rep);
	unlink(path);
	free(path);
}

/* A PDF whose standard security handler wants a user password. */
static char *encrypted_pdf(size_t *len)
{
	static const char *const objs[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
		"<< /Filter /Standard /V 1 /R 2 /O <4141414141414141414141414141414141414141414141414141414141414141> "
		"/U <4242424242424242424242424242424242424242424242424242424242424242> /P -44 >>",
	};
	struct sy_buf b = {0};
	size_t off[4];
	sy_buf_puts(&b, "%PDF-1.4\n");
	for (size_t i = 0; i < 4; i++) {
		off[i] = b.len;
		sy_buf_printf(&b, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	size_t xref = b.len;
	sy_buf_puts(&b, "xref\n0 5\n0000000000 65535 f \n");
	for (size_t i = 0; i < 4; i++)
		sy_buf_printf(&b, "%010zu 00000 n \n", off[i]);
	sy_buf_printf(&b, "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff>"
			  "<00112233445566778899aabbccddeeff>] >>\nstartxref\n%zu\n%%%%EOF\n", xref);
	*len = b.len;
	return sy_buf_steal(&b);
}

static void test_encrypted_and_broken(void **state)
{
	size_t len;
	char *pdf = encrypted_pdf(&len);
	struct sy_doc d;
	char err[512];
	assert_int_equal(sy_doc_decode(&d, "enc.txt", (const unsigned char *)pdf, len, err, sizeof err), -1);
	assert_non_null(strstr(err, "encrypted PDF"));
	assert_int_equal(d.kind, SY_KIND_PDF); /* by content, whatever the name */
	sy_doc_free(&d);
	free(pdf);
	const char broken[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage\n";
	assert_int_equal(sy_doc_decode(&d, "b.pdf", (const unsigned char *)broken, sizeof broken - 1, err, sizeof err), -1);
	assert_non_null(strstr(err, "broken PDF"));
	sy_doc_free(&d);
}

static void test_limits(void **state)
{
	struct pdf_options o = { .number_fmt = "%d", .lines_per_page = 4 };
	struct pdf_marks m;
	char *path = typeset("long.pdf", report, &o, &m);
	char *data;
	size_t len;
	assert_int_equal(sy_file_read(path, 0, &data, &len, NULL), SY_READ_OK);
	struct sy_doc d;
	char err[512];
	memset(&d, 0, sizeof d);
	struct sy_pdf_limits pages = { 2, 30 }, time = { 1000, 0 };
	assert_int_equal(sy_pdf_read_with(&d, (const unsigned char *)data, len, &pages, err, sizeof err), -1);
	assert_non_null(strstr(err, "more than 2"));
	sy_doc_free(&d);
	memset(&d, 0, sizeof d);
	assert_int_equal(sy_pdf_read_with(&d, (const unsigned char *)data, len, &time, err, sizeof err), -1);
	assert_non_null(strstr(err, "took more than"));
	sy_doc_free(&d);
	free(data);
	unlink(path);
	free(path);
}

static int make_tmpdir(void **state)
{
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	pdf_writer_cleanup();
	return rmdir(tmpdir);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_pages_with_footers),
		cmocka_unit_test(test_report_scores_like_its_text),
		cmocka_unit_test(test_automatic_spacing_is_not_a_space),
		cmocka_unit_test(test_page_number_styles),
		cmocka_unit_test(test_scans),
		cmocka_unit_test(test_encrypted_and_broken),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
