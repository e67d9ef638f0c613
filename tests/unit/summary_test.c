/* Deadlines and received dates (late and on time by each source), the
 * review file's desk items, and the batch summary on the five seeds with a
 * roster of seven units. */
#include "config.h"

#include <sys/stat.h>
#include <sys/time.h>

#include "ooxml_fixture.h"
#include "review_fixture.h"
#include "shenyue/builtin.h"
#include "shenyue/deadline.h"
#include "shenyue/review_store.h"
#include "shenyue/summary.h"
#include "shenyue/utf8.h"

/* Sets a file's modification time to noon of a date. */
static void set_mtime(const char *path, int y, int m, int d)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12, .tm_isdst = -1 };
	struct timeval tv[2] = { { mktime(&tm), 0 }, { mktime(&tm), 0 } };
	if (utimes(path, tv))
		fail_msg("utimes %s: %s", path, strerror(errno));
}

static void test_dates(void **state)
{
	(void)state;
	struct sy_date d;
	assert_int_equal(sy_date_parse("2025-02-27", &d), 0);
	assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20250227);
	assert_int_equal(sy_date_parse("2025年3月1日", &d), 0);
	assert_int_equal(d.m, 3);
	assert_int_equal(sy_date_parse("next tuesday", &d), -1);
	char buf[16];
	sy_date_format(&(struct sy_date){ 2025, 3, 1 }, buf, sizeof buf);
	assert_string_equal(buf, "2025-03-01");
}

static void test_deadlines(void **state)
{
	(void)state;
	struct sy_rubric r = *test_rubric(); /* a shallow copy: only the deadline fields change */
	struct sy_deadline dl = sy_deadline_submission(&r, 2024);
	assert_false(dl.configured);
	assert_int_equal(dl.date.y * 10000 + dl.date.m * 100 + dl.date.d, 20250301);
	dl = sy_deadline_publication(&r, 2024);
	assert_int_equal(dl.date.y * 10000 + dl.date.m * 100 + dl.date.d, 20250401);
	r.deadline_month = 2;
	r.deadline_day = 15;
	r.publication_month = 3;
	r.publication_day = 20;
	dl = sy_deadline_submission(&r, 2024);
	assert_true(dl.configured);
	assert_int_equal(dl.date.y * 10000 + dl.date.m * 100 + dl.date.d, 20250215);
	dl = sy_deadline_publication(&r, 2024);
	assert_int_equal(dl.date.y * 10000 + dl.date.m * 100 + dl.date.d, 20250320);
	assert_int_equal(sy_deadline_submission(&r, 0).date.y, 0);
}

/* The rubric carries both deadlines; a set publication deadline makes a
 * late web page a warning. */
static void test_publication_deadline_setting(void **state)
{
	(void)state;
	const struct sy_builtin *bi = sy_builtin_find("rubrics/default.yaml");
	assert_non_null(bi);
	char *text = xstrndup(bi->data, bi->len);
	char *at = strstr(text, "publication_deadline_month: 0");
	assert_non_null(at);
	at[strlen("publication_deadline_month: ")] = '3';
	at = strstr(text, "publication_deadline_day: 0");
	assert_non_null(at);
	memcpy(at + strlen("publication_deadline_day: ") - 1, " 9", 2);
	struct sy_rubric r;
	char err[512];
	if (sy_rubric_load_string(&r, "r.yaml", text, strlen(text), err, sizeof err))
		fail_msg("%s", err);
	assert_int_equal(r.publication_month, 3);
	assert_int_equal(r.publication_day, 9);
	const char *page = "云溪镇2024年法治政府建设情况报告\n发布日期：2025-03-12\n一、主要举措和成效\n开展培训3次。\n";
	struct sy_report rep = { 0 };
	rep.path = xstrdup("p.txt");
	assert_int_equal(sy_doc_decode(&rep.doc, "p.txt", (const unsigned char *)page, strlen(page), err, sizeof err), 0);
	sy_report_from_doc(&rep, &r);
	bool found = false;
	for (size_t i = 0; i < rep.score.nf; i++)
		if (!strcmp(rep.score.f[i].id, "published-late")) {
			found = true;
			assert_int_equal(rep.score.f[i].severity, SY_SEV_WARNING);
			assert_non_null(strstr(rep.score.f[i].message, "2025-03-09"));
		}
	assert_true(found);
	rep.loaded = true;
	struct sy_date pub;
	assert_true(sy_report_published(&rep, &pub));
	assert_int_equal(pub.y * 10000 + pub.m * 100 + pub.d, 20250312);
	/* a reader that knows the page's date (HTML metadata) is believed first */
	rep.doc.pub_y = 2025, rep.doc.pub_m = 4, rep.doc.pub_d = 2;
	assert_true(sy_report_published(&rep, &pub));
	assert_int_equal(pub.y * 10000 + pub.m * 100 + pub.d, 20250402);
	sy_report_free(&rep);
	sy_rubric_free(&r);
	free(text);
}

/* Late and on time by each source: by hand beats first seen beats mtime. */
static void test_received_sources(void **state)
{
	(void)state;
	char *dir = fx_tmpdir();
	char *path = xasprintf("%s/a.txt", dir);
	fx_write(path, "x\n");
	set_mtime(path, 2025, 2, 20);
	const struct sy_rubric *r = test_rubric();
	struct sy_review rv = { 0 };
	sy_review_init(&rv, "a.txt");
	struct sy_received rc = sy_received_of(path, &rv);
	assert_int_equal(rc.from, SY_RECEIVED_MTIME);
	assert_false(sy_is_late(r, 2024, &rc));
	set_mtime(path, 2025, 3, 1);
	rc = sy_received_of(path, &rv);
	assert_true(sy_is_late(r, 2024, &rc)); /* on the deadline is late: "before 1 March" */

	sy_review_put(&rv, SY_KEY_FIRST_SEEN, "2025-02-25", NULL, NULL, NULL);
	rc = sy_received_of(path, &rv);
	assert_int_equal(rc.from, SY_RECEIVED_FIRST_SEEN);
	assert_false(sy_is_late(r, 2024, &rc));
	sy_review_put(&rv, SY_KEY_FIRST_SEEN, "2025-03-02", NULL, NULL, NULL);
	assert_true(sy_is_late(r, 2024, &(struct sy_received){ sy_received_of(path, &rv).date, 0 }));

	sy_review_put(&rv, SY_KEY_RECEIVED, "2025-02-28", NULL, "me", NULL);
	rc = sy_received_of(path, &rv);
	assert_int_equal(rc.from, SY_RECEIVED_HAND);
	assert_false(sy_is_late(r, 2024, &rc));
	sy_review_put(&rv, SY_KEY_RECEIVED, "2025-03-10", NULL, "me", NULL);
	rc = sy_received_of(path, &rv);
	assert_true(sy_is_late(r, 2024, &rc));

	/* first seen: the file's mtime when it is older than now */
	struct sy_date fs = sy_first_seen_date(path, time(NULL));
	assert_int_equal(fs.y * 10000 + fs.m * 100 + fs.d, 20250301);
	sy_review_free(&rv);
	free(path);
	fx_rmtree(dir);
}

static void test_received_late_finding(void **state)
{
	(void)state;
	struct sy_report rep;
	test_report(&rep, "云溪镇2024年法治政府建设情况报告\n一、主要举措和成效\n开展培训3次。\n");
	rep.loaded = true;
	struct sy_rubric r = *test_rubric();
	struct sy_received late = { { 2025, 3, 5 }, SY_RECEIVED_HAND };
	sy_deadline_check(&rep, &r, 0, &late);
	sy_deadline_check(&rep, &r, 0, &late); /* replaces, never doubles */
	const struct sy_finding *f = NULL;
	size_t n = 0;
	for (size_t i = 0; i < rep.score.nf; i++)
		if (!strcmp(rep.score.f[i].id, "received-late"))
			f = &rep.score.f[i], n++;
	assert_int_equal(n, 1);
	assert_int_equal(f->severity, SY_SEV_INFO); /* no deadline set */
	assert_non_null(strstr(f->message, "2025-03-05"));
	r.deadline_month = 3;
	r.deadline_day = 1;
	sy_deadline_check(&rep, &r, 0, &late);
	for (size_t i = 0; i < rep.score.nf; i++)
		if (!strcmp(rep.score.f[i].id, "received-late"))
			assert_int_equal(rep.score.f[i].severity, SY_SEV_WARNING);
	struct sy_received on_time = { { 2025, 2, 28 }, SY_RECEIVED_MTIME };
	sy_deadline_check(&rep, &r, 0, &on_time);
	for (size_t i = 0; i < rep.score.nf; i++)
		assert_string_not_equal(rep.score.f[i].id, "received-late");
	sy_report_free(&rep);
}

/* unit, received and first-seen survive a save and a reload. */
static void test_review_file_items(void **state)
{
	(void)state;
	struct sy_review rv = { 0 }, back = { 0 };
	sy_review_init(&rv, "a.txt");
	sy_review_put(&rv, SY_KEY_UNIT, "云溪镇", NULL, "me", "2025-03-01T00:00:00Z");
	sy_review_put(&rv, SY_KEY_RECEIVED, "2025-02-27", NULL, "me", NULL);
	sy_review_put(&rv, SY_KEY_FIRST_SEEN, "2025-02-26", NULL, NULL, NULL);
	size_t len;
	char *text = sy_review_format(&rv, &len);
	char err[256];
	assert_int_equal(sy_review_parse(&back, "r.yaml", text, len, err, sizeof err), 0);
	assert_true(sy_review_equal(&rv, &back));
	assert_string_equal(sy_review_get(&back, SY_KEY_UNIT)->by, "me");
	free(text);
	sy_review_free(&rv);
	sy_review_free(&back);
}

/* While the UI still scores in the background, a report not loaded yet
 * counts as received but in no part's column. */
static void test_summary_unloaded(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_batch b = { 0 };
	char *paths[] = { w.complete, w.missing };
	sy_batch_expand(&b, paths, 2);
	sy_report_load(&b.r[0], b.r[0].path, test_rubric());
	struct sy_summary s;
	sy_summary_build(&s, &b, test_rubric(), NULL, NULL);
	assert_int_equal(s.expected, 2);
	assert_int_equal(s.received, 2);
	int duty = sy_rubric_part_index(test_rubric(), "duty");
	assert_int_equal(s.parts[duty][SY_PRESENT] + s.parts[duty][SY_PARTIAL] + s.parts[duty][SY_MISSING], 1);
	sy_summary_free(&s);
	sy_report_load(&b.r[1], b.r[1].path, test_rubric());
	sy_summary_build(&s, &b, test_rubric(), NULL, NULL);
	assert_int_equal(s.parts[duty][SY_MISSING], 1); /* 02-missing-part lacks duty */
	sy_summary_free(&s);
	sy_batch_free(&b);
	fx_world_free(&w);
}

/* Two years opened to compare (2023/ beside 2024/): the summary is the
 * latest year's batch; last year's reports are in no count, list or
 * matrix (they doubled the verdicts, parts and the late list). */
static void test_summary_earlier_years(void **state)
{
	(void)state;
	char *dir = fx_tmpdir();
	char *y23 = xasprintf("%s/2023", dir), *y24 = xasprintf("%s/2024", dir);
	assert_int_equal(mkdir(y23, 0700), 0);
	assert_int_equal(mkdir(y24, 0700), 0);
	char *paths[3] = { fx_copy_example(y23, "02-missing-part.txt"), fx_copy_example(y24, "01-complete.txt"),
			   fx_copy_example(y24, "02-missing-part.txt") };
	struct sy_batch b = { 0 };
	sy_batch_expand(&b, paths, 3);
	sy_batch_load_all(&b, test_rubric());
	struct sy_summary s;
	sy_summary_build(&s, &b, test_rubric(), NULL, NULL);
	assert_int_equal(s.year, 2024);
	assert_int_equal(s.expected, 2);
	assert_int_equal(s.received, 2);
	assert_int_equal(s.not_reviewed, 2);
	assert_int_equal(s.verdicts[SY_VERDICT_NONE], 2);
	int duty = sy_rubric_part_index(test_rubric(), "duty");
	assert_int_equal(s.parts[duty][SY_MISSING], 1);
	size_t earlier = 0;
	for (size_t k = 0; k < s.nrows; k++)
		earlier += s.rows[k].earlier && strstr(b.r[s.rows[k].index].path, "/2023/") != NULL;
	assert_int_equal(earlier, 1);
	char *yaml = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&yaml, &len);
	sy_summary_write_yaml(mem, &s, &b, test_rubric());
	fclose(mem);
	assert_null(strstr(yaml, "/2023/"));
	assert_non_null(strstr(yaml, "expected: 2\n"));
	free(yaml);
	/* no roster: the 情况通报 counts the reports received and claims no
	 * number of units expected or missing (it said 应报送单位2个，未报送0个) */
	char *docx = NULL, err[256];
	size_t dlen = 0;
	struct sy_date today = { 2025, 3, 10 };
	assert_int_equal(sy_summary_docx(&s, &b, test_rubric(), NULL, &today, &docx, &dlen, err, sizeof err), 0);
	xmlDocPtr doc = ox_xml(docx, dlen, "word/document.xml");
	char *text = ox_docx_text(doc);
	assert_non_null(strstr(text, "截至2025年3月10日，已报送报告2份"));
	assert_null(strstr(text, "应报送单位2个"));
	assert_null(strstr(text, "未报送0个"));
	free(text);
	xmlFreeDoc(doc);
	free(docx);
	sy_summary_free(&s);
	/* one year-named folder only: nothing is set aside */
	sy_batch_free(&b);
	memset(&b, 0, sizeof b);
	sy_batch_expand(&b, paths + 1, 2);
	sy_batch_load_all(&b, test_rubric());
	sy_summary_build(&s, &b, test_rubric(), NULL, NULL);
	assert_int_equal(s.expected, 2);
	assert_int_equal(s.latest, 0);
	sy_summary_free(&s);
	sy_batch_free(&b);
	for (size_t i = 0; i < 3; i++)
		free(paths[i]);
	free(y23);
	free(y24);
	fx_rmtree(dir);
}

/* ---- the summary on the seeds ---- */

static char seeds[1024];

static bool seeds_present(void)
{
	const char *env = getenv("SHENYUE_SEEDS");
	const char *src = getenv("SRCDIR");
	if (env && *env)
		snprintf(seeds, sizeof seeds, "%s", env);
	else
		snprintf(seeds, sizeof seeds, "%s/../shared/seeds", src ? src : "..");
	char *p = xasprintf("%s/000_06e11f169beecc49.txt", seeds);
	bool ok = access(p, R_OK) == 0;
	free(p);
	return ok;
}

static const char *const seed_names[] = { "000_06e11f169beecc49.txt", "001_e130f611d196ff54.txt",
					  "002_28ee2d7a8fa26c2d.txt", "003_3dc1a203e122848d.txt",
					  "004_080feac8481725d6.txt" };

static const char *const roster7 = "units:\n"
				   "  - {name: 鲁山县汇源街道办事处, kind: 街道}\n"
				   "  - {name: 张良镇人民政府, kind: 乡镇}\n"
				   "  - {name: 观音堂镇, kind: 乡镇}\n"
				   "  - {name: 田镇街道, kind: 街道}\n"
				   "  - {name: 渠南街道办事处, kind: 街道}\n"
				   "  - {name: 云溪镇, kind: 乡镇}\n"
				   "  - {name: 石门镇, kind: 乡镇}\n";

static bool listed(const struct sy_summary *s, size_t u)
{
	return sy_summary_unit_row(s, u) != NULL;
}

static void test_summary_seeds(void **state)
{
	(void)state;
	if (!seeds_present())
		skip();
	char *dir = fx_tmpdir();
	char *paths[5];
	for (size_t i = 0; i < 5; i++) {
		char *from = xasprintf("%s/%s", seeds, seed_names[i]);
		char *text = fx_read(from);
		paths[i] = xasprintf("%s/%s", dir, seed_names[i]);
		fx_write(paths[i], text);
		set_mtime(paths[i], 2025, 2, 20);
		free(text);
		free(from);
	}
	set_mtime(paths[1], 2025, 3, 5); /* 张良镇 came in late */
	struct sy_roster roster = { 0 };
	char err[512];
	assert_int_equal(sy_roster_load_string(&roster, "名单.yaml", roster7, strlen(roster7), true, err, sizeof err), 0);
	struct sy_batch b = { 0 };
	sy_batch_expand(&b, paths, 5);
	sy_batch_load_all(&b, test_rubric());
	struct sy_review rv[5] = { 0 };
	const struct sy_review *rvp[5];
	for (size_t i = 0; i < 5; i++) {
		sy_review_init(&rv[i], seed_names[i]);
		rvp[i] = &rv[i];
	}
	char hash[32];
	sy_hash_format(b.r[0].doc.hash, hash, sizeof hash);
	sy_review_put(&rv[0], SY_KEY_SEEN, hash, NULL, NULL, NULL);
	sy_review_put(&rv[0], SY_KEY_VERDICT, "accept", NULL, NULL, NULL);
	sy_hash_format(b.r[2].doc.hash, hash, sizeof hash);
	sy_review_put(&rv[2], SY_KEY_SEEN, hash, NULL, NULL, NULL);
	sy_review_put(&rv[2], SY_KEY_VERDICT, "return", NULL, NULL, NULL);
	sy_review_put(&rv[3], SY_KEY_SEEN, "fnv1a64:0000000000000001", NULL, NULL, NULL); /* changed since */
	sy_review_put(&rv[3], SY_KEY_VERDICT, "pending", NULL, NULL, NULL);
	sy_review_put(&rv[4], "override/duty", "partial", "thin", NULL, NULL);

	struct sy_summary s;
	sy_summary_build(&s, &b, test_rubric(), &roster, rvp);
	assert_int_equal(s.expected, 7);
	assert_int_equal(s.received, 5);
	assert_int_equal(s.not_received, 2);
	assert_false(listed(&s, 5));
	assert_false(listed(&s, 6));
	for (size_t u = 0; u < 5; u++)
		assert_true(listed(&s, u));
	assert_int_equal(s.late, 1);
	assert_true(sy_summary_unit_row(&s, 1)->late);
	assert_int_equal(s.reviewed, 2);
	assert_int_equal(s.recheck, 1);
	assert_int_equal(s.not_reviewed, 2);
	assert_int_equal(s.verdicts[SY_VERDICT_ACCEPT], 1);
	assert_int_equal(s.verdicts[SY_VERDICT_RETURN], 1);
	assert_int_equal(s.verdicts[SY_VERDICT_PENDING], 1);
	int duty = sy_rubric_part_index(test_rubric(), "duty");
	int shortfalls = sy_rubric_part_index(test_rubric(), "shortfalls");
	assert_int_equal(s.parts[duty][SY_PARTIAL], 2); /* 观音堂镇 as detected, 渠南 as overridden */
	assert_int_equal(s.parts[duty][SY_PRESENT], 3);
	assert_int_equal(s.parts[shortfalls][SY_PARTIAL], 1);
	const struct sy_summary_report *ret = sy_summary_unit_row(&s, 2);
	assert_int_equal(ret->verdict, SY_VERDICT_RETURN);
	assert_non_null(strstr(ret->reason, test_rubric()->parts[duty].short_label));

	char *yaml = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&yaml, &len);
	sy_summary_write_yaml(mem, &s, &b, test_rubric());
	fclose(mem);
	assert_non_null(strstr(yaml, "expected: 7\nreceived: 5\n"));
	assert_non_null(strstr(yaml, "not_received:\n  - \"石门镇\"\n  - \"云溪镇\"\n")); /* pinyin: shi < yun */
	assert_non_null(strstr(yaml, "late:\n  - \"张良镇人民政府\"\n"));
	assert_non_null(strstr(yaml, "reviewed: 2\n"));
	assert_non_null(strstr(yaml, "verdicts:\n  accept: 1\n  return: 1\n  pending: 1\n  none: 2\n"));
	free(yaml);

	/* the draft 情况通报 names the units not received and the returned one with its reason */
	char *docx = NULL;
	size_t dlen = 0;
	struct sy_date today = { 2025, 3, 10 };
	assert_int_equal(sy_summary_docx(&s, &b, test_rubric(), "青禾县依法治县办", &today, &docx, &dlen, err, sizeof err), 0);
	xmlDocPtr doc = ox_xml(docx, dlen, "word/document.xml");
	char *text = ox_docx_text(doc);
	assert_non_null(strstr(text, "关于2024年度法治政府建设年度报告报送和审查情况的通报"));
	assert_non_null(strstr(text, "应报送单位7个，已报送5个（其中逾期报送1个），未报送2个。"));
	assert_non_null(strstr(text, "以下2个单位尚未报送：石门镇、云溪镇。"));
	assert_non_null(strstr(text, "张良镇人民政府（2025年3月5日报送）"));
	/* in Chinese whatever language the messages are in (this test runs in C) */
	char *why = xstrdup("观音堂镇。退回原因：第一责任人不完整；不足原因不完整。");
	assert_non_null(strstr(text, why));
	assert_null(strstr(text, "incomplete"));
	assert_non_null(strstr(text, "青禾县依法治县办\n2025年3月10日"));
	/* the annex's header cells are wide enough for their names on one line
	 * (第一责任人 broke as 第一责任/人): a 四号 character is 280 twips, the
	 * cell margins 2 x 85 */
	long ncells = ox_num(doc, "count((//w:tbl)[last()]/w:tr[1]/w:tc)");
	assert_true(ncells >= 6);
	for (long c = 2; c <= ncells; c++) {
		char xp[160];
		snprintf(xp, sizeof xp, "(//w:tbl)[last()]/w:tr[1]/w:tc[%ld]", c);
		char *head = ox_str(doc, xp);
		snprintf(xp, sizeof xp, "(//w:tbl)[last()]/w:tr[1]/w:tc[%ld]/w:tcPr/w:tcW/@w:w", c);
		long width = ox_num(doc, xp), need = (long)utf8_count(head) * 280 + 170;
		if (width < need)
			fail_msg("annex column %ld (%s): %ld twips, %ld needed", c, head, width, need);
		free(head);
	}
	free(why);
	free(text);
	xmlFreeDoc(doc);
	free(docx);

	/* the spreadsheet: the units not received are rows of the matrix */
	char *xlsx = NULL;
	size_t xlen = 0;
	assert_int_equal(sy_summary_xlsx(&s, &b, test_rubric(), &xlsx, &xlen, err, sizeof err), 0);
	size_t slen;
	char *strings = ox_part(xlsx, xlen, "xl/sharedStrings.xml", &slen);
	assert_non_null(strings);
	assert_non_null(strstr(strings, "石门镇"));
	assert_non_null(strstr(strings, "未报送"));
	assert_non_null(strstr(strings, "逾期"));
	free(strings);
	char *names = ox_names(xlsx, xlen);
	assert_non_null(strstr(names, "xl/worksheets/sheet2.xml"));
	free(names);
	free(xlsx);
	sy_summary_free(&s);

	/* a return note typed with its 。 is the reason as written: one 。, not 。。 */
	char *key = sy_key_note(&(struct sy_note_target){.on = SY_NOTE_REPORT});
	sy_review_put(&rv[2], key, "问题原因未作分析。", NULL, NULL, NULL);
	free(key);
	sy_summary_build(&s, &b, test_rubric(), &roster, rvp);
	assert_int_equal(sy_summary_docx(&s, &b, test_rubric(), "青禾县依法治县办", &today, &docx, &dlen, err, sizeof err), 0);
	doc = ox_xml(docx, dlen, "word/document.xml");
	text = ox_docx_text(doc);
	assert_non_null(strstr(text, "观音堂镇。退回原因：问题原因未作分析。\n"));
	assert_null(strstr(text, "。。"));
	free(text);
	xmlFreeDoc(doc);
	free(docx);

	sy_summary_free(&s);
	for (size_t i = 0; i < 5; i++) {
		sy_review_free(&rv[i]);
		free(paths[i]);
	}
	sy_batch_free(&b);
	sy_roster_free(&roster);
	fx_rmtree(dir);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_deadlines),
		cmocka_unit_test(test_publication_deadline_setting),
		cmocka_unit_test(test_received_sources),
		cmocka_unit_test(test_received_late_finding),
		cmocka_unit_test(test_review_file_items),
		cmocka_unit_test(test_summary_unloaded),
		cmocka_unit_test(test_summary_earlier_years),
		cmocka_unit_test(test_summary_seeds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
