/* Each of the five seed reports, made into a document on this machine (a
 * .docx with Word numbering and heading styles, a plain .docx, one with
 * tracked changes and a comment; a PDF typeset with page numbers and a
 * running header), scores exactly like its .txt: the same statuses, score
 * and findings (id, severity, message), each line the line of the same
 * paragraph (a PDF has no blank lines at the top of a page, so the line
 * numbers inside its messages are compared as such). The folder is
 * $SHENYUE_SEEDS; without it the test says so and SKIPs. */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "../test_common.h"
#include "../tools/docx_writer.h"
#include "../tools/pdf_writer.h"
#include "shenyue/fileio.h"
#include "shenyue/xalloc.h"

static const char *const seed_names[] = {
	"000_06e11f169beecc49", "001_e130f611d196ff54", "002_28ee2d7a8fa26c2d",
	"003_3dc1a203e122848d", "004_080feac8481725d6",
};

static char seeds[1024];
static char tmpdir[] = "/tmp/shenyue-twins-XXXXXX";

/* Findings the document itself adds (the twin has them, the text cannot). */
static bool document_only(const char *id)
{
	return !strcmp(id, "tracked-changes") || !strcmp(id, "comments-left");
}

static void same_line(const struct sy_report *a, long la, const struct sy_report *b, long lb, const char *what)
{
	if (test_paragraph_of(&a->doc, la) != test_paragraph_of(&b->doc, lb))
		fail_msg("%s: %s at line %ld (paragraph %ld), its twin at line %ld (paragraph %ld)", b->path, what, la,
			 test_paragraph_of(&a->doc, la), lb, test_paragraph_of(&b->doc, lb));
}

/* A message with its numbers as #: they are line numbers where blank lines may differ. */
static char *without_numbers(const char *s)
{
	char *out = xstrdup(s), *w = out;
	for (const char *r = s; *r; r++) {
		if (*r >= '0' && *r <= '9') {
			if (w == out || w[-1] != '#')
				*w++ = '#';
			continue;
		}
		*w++ = *r;
	}
	*w = '\0';
	return out;
}

static bool same_message(const char *a, const char *b, bool exact)
{
	if (exact)
		return !strcmp(a, b);
	char *x = without_numbers(a), *y = without_numbers(b);
	bool same = !strcmp(x, y);
	free(x);
	free(y);
	return same;
}

/* Same statuses, score and findings; lines compared as paragraphs. */
static void assert_twins(const struct sy_report *txt, const struct sy_report *twin, bool exact)
{
	assert_null(twin->error);
	assert_int_equal(txt->score.score, twin->score.score);
	assert_string_equal(txt->outline.unit, twin->outline.unit);
	assert_int_equal(txt->outline.year, twin->outline.year);
	for (size_t i = 0; i < txt->score.nparts; i++) {
		const struct sy_part_result *a = &txt->score.parts[i], *b = &twin->score.parts[i];
		if (a->status != b->status)
			fail_msg("%s: part %zu is %s, %s in the text", twin->path, i, sy_status_name(b->status),
				 sy_status_name(a->status));
		same_line(txt, a->line, twin, b->line, "a part");
	}
	size_t k = 0;
	for (size_t i = 0; i < twin->score.nf; i++) {
		const struct sy_finding *f = &twin->score.f[i];
		if (document_only(f->id))
			continue;
		if (k >= txt->score.nf)
			fail_msg("%s: finding %s (%s) that the text does not have", twin->path, f->id, f->message);
		const struct sy_finding *g = &txt->score.f[k++];
		if (strcmp(f->id, g->id) || f->severity != g->severity || !same_message(f->message, g->message, exact))
			fail_msg("%s: finding %s \"%s\", the text has %s \"%s\"", twin->path, f->id, f->message, g->id,
				 g->message);
		same_line(txt, g->line, twin, f->line, f->id);
	}
	assert_int_equal(k, txt->score.nf);
}

static void load(struct sy_report *rep, const char *path)
{
	memset(rep, 0, sizeof *rep);
	sy_report_load(rep, path, test_rubric());
	if (rep->error)
		fail_msg("%s: %s", path, rep->error);
}

/* Makes each seed into a .docx of the given style and compares the two. */
static void docx_twins(enum docx_style style, const char *tag)
{
	for (size_t k = 0; k < sizeof seed_names / sizeof *seed_names; k++) {
		char *txt = xasprintf("%s/%s.txt", seeds, seed_names[k]);
		char *docx = xasprintf("%s/%s-%s.docx", tmpdir, seed_names[k], tag);
		char *text;
		size_t len;
		assert_int_equal(sy_file_read(txt, 0, &text, &len, NULL), SY_READ_OK);
		struct docx_marks m;
		assert_int_equal(docx_write(docx, text, len, style, &m), 0);
		struct sy_report a, b;
		load(&a, txt);
		load(&b, docx);
		assert_int_equal(b.doc.kind, SY_KIND_DOCX);
		assert_twins(&a, &b, true);
		if (style == DOCX_WORD && m.numbered < 5)
			fail_msg("%s: only %zu headings got Word numbering", docx, m.numbered);
		if (style == DOCX_TRACKED) {
			assert_int_equal(b.doc.revisions, 2);
			assert_int_equal(b.doc.revision_line, m.revision_line);
			assert_int_equal(b.doc.comments, 1);
			assert_int_equal(b.doc.comment_line, m.comment_line);
		}
		sy_report_free(&a);
		sy_report_free(&b);
		free(text);
		unlink(docx);
		free(docx);
		free(txt);
	}
}

static void test_word_numbered_docx(void **state)
{
	docx_twins(DOCX_WORD, "word");
}

static void test_plain_docx(void **state)
{
	docx_twins(DOCX_PLAIN, "plain");
}

static void test_tracked_docx(void **state)
{
	docx_twins(DOCX_TRACKED, "tracked");
}

static void test_typeset_pdf(void **state)
{
	for (size_t k = 0; k < sizeof seed_names / sizeof *seed_names; k++) {
		char *txt = xasprintf("%s/%s.txt", seeds, seed_names[k]);
		char *pdf = xasprintf("%s/%s.pdf", tmpdir, seed_names[k]);
		char *text;
		size_t len;
		assert_int_equal(sy_file_read(txt, 0, &text, &len, NULL), SY_READ_OK);
		struct pdf_options o = { .header = "法治政府建设年度报告", .number_fmt = "— %d —" };
		struct pdf_marks m;
		int rc = pdf_write(pdf, text, len, &o, &m);
		free(text);
		if (rc == 77) {
			fprintf(stderr, "SKIP: no font with Chinese glyphs (apt-get install fonts-wqy-microhei)\n");
			free(txt);
			free(pdf);
			skip();
		}
		assert_int_equal(rc, 0);
		assert_true(m.pages >= 2);
		struct sy_report a, b;
		load(&a, txt);
		load(&b, pdf);
		assert_int_equal(b.doc.kind, SY_KIND_PDF);
		assert_twins(&a, &b, false);
		assert_int_equal(sy_doc_page(&b.doc, b.doc.nlines - 1), (unsigned)m.last_para_page);
		sy_report_free(&a);
		sy_report_free(&b);
		unlink(pdf);
		free(pdf);
		free(txt);
	}
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
	const char *env = getenv("SHENYUE_SEEDS");
	snprintf(seeds, sizeof seeds, "%s", env ? env : "../shared/seeds");
	char probe[1100];
	snprintf(probe, sizeof probe, "%s/%s.txt", seeds, seed_names[0]);
	struct stat st;
	if (stat(probe, &st) != 0) {
		fprintf(stderr, "SKIP: no seed reports at %s (set SHENYUE_SEEDS)\n", seeds);
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_numbered_docx),
		cmocka_unit_test(test_plain_docx),
		cmocka_unit_test(test_tracked_docx),
		cmocka_unit_test(test_typeset_pdf),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
