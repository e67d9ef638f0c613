/* Comparing reports: sentence keys and near-same matching (sentence.h), the
 * pairing of a unit's reports across years and the findings it gives
 * (compare.h), on inline text and on the fixtures made from the seeds
 * (tests/fixtures/compare/make_fixtures.py). */
#include "config.h"

#include "../test_common.h"

#include "shenyue/compare.h"
#include "shenyue/sentence.h"
#include "shenyue/similar.h"
#include "shenyue/spool.h"
#include "shenyue/textprint.h"

/* ---- keys and matching ---- */

static bool same_key(const char *a, const char *b)
{
	size_t na, nb;
	uint32_t *ka = sy_sentence_key(a, &na), *kb = sy_sentence_key(b, &nb);
	bool same = na == nb && !memcmp(ka, kb, na * sizeof *ka);
	free(ka);
	free(kb);
	return same;
}

static void test_keys_ignore_figures_stops_spacing(void **state)
{
	(void)state;
	assert_true(same_key("2023年开展执法培训12次，参训人员86人。", "2024 年开展执法培训 15 次,参训人员 120 人"));
	assert_true(same_key("全年调解纠纷十二件", "全年调解纠纷15件"));
	assert_true(same_key("（一）ＡＢＣ普法", "(二)abc普法"));
	assert_false(same_key("全年调解纠纷12件", "全年化解纠纷12件"));
}

/* The sentences of the report whose text is t. */
static void sentences_of(struct sy_report *rep, struct sy_sentences *s, const char *t)
{
	test_report(rep, t);
	sy_sentences_build(s, rep, test_rubric(), SY_WANT_SPANS | SY_WANT_TEXT);
}

static const char *report_a = "云溪镇关于2023年法治政府建设情况的报告\n"
			       "一、主要举措和成效\n"
			       "全年组织执法人员培训12次，覆盖全部一线执法岗位。开展普法宣传活动8场，发放资料3000份。\n"
			       "二、存在的不足和原因\n"
			       "一是执法人员业务水平有待提高，对新修订的法律法规掌握不够。二是普法宣传形式较为单一，群众参与度不高。"
			       "究其原因，主要是执法力量分散。\n"
			       "三、2024年工作安排\n"
			       "1.建立行政执法案卷评查制度。\n2.拓宽政务信息公开渠道。\n";

static void test_sentences_cut_and_placed(void **state)
{
	(void)state;
	struct sy_report rep;
	struct sy_sentences s;
	sentences_of(&rep, &s, report_a);
	/* 执法人员业务水平… is one sentence of the problems part, at line 5 */
	bool found = false;
	for (size_t i = 0; i < s.n; i++) {
		const char *t = s.text + s.text_at[i];
		if (!strncmp(t, "一是执法人员业务水平有待提高", strlen("一是执法人员业务水平有待提高"))) {
			found = true;
			assert_int_equal(s.s[i].line, 5);
			assert_int_equal(s.s[i].role, SY_ROLE_PROBLEMS);
			assert_false(s.s[i].flags & SY_SENT_ASPECT);
			assert_int_equal(s.span[i].line, 4);
		}
		if (strstr(t, "执法力量分散")) /* the causes are not a problem */
			assert_true(s.s[i].flags & SY_SENT_ASPECT);
		if (strstr(t, "工作安排"))
			assert_true(s.s[i].flags & SY_SENT_PART_HEADING);
	}
	assert_true(found);
	sy_sentences_free(&s);
	sy_report_free(&rep);
}

/* The sentence of s whose text holds part. */
static const struct sy_sentence *find_sentence(const struct sy_sentences *s, const char *part)
{
	for (size_t i = 0; i < s->n; i++)
		if (strstr(s->text + s->text_at[i], part))
			return &s->s[i];
	fail_msg("no sentence holding %s", part);
	return NULL;
}

static void test_near_same(void **state)
{
	(void)state;
	struct sy_report ra, rb;
	struct sy_sentences a, b;
	sentences_of(&ra, &a, report_a);
	sentences_of(&rb, &b, "石桥镇关于2024年法治政府建设情况的报告\n"
				 "一、存在的不足和原因\n"
				 "一是执法人员的业务水平有待提高,对新修订的法律法规掌握还不够。\n"
				 "二是普法宣传形式较为单一。群众参与度不高。\n"
				 "三是法律顾问参与重大行政决策的深度不够，过程参与较少。\n");
	const struct sy_sentence *x = find_sentence(&a, "执法人员业务水平");
	const struct sy_sentence *y = find_sentence(&b, "执法人员的业务水平");
	const struct sy_sentence *z = find_sentence(&b, "法律顾问参与");
	assert_true(sy_sentence_near(x, y)); /* two words more, a stop changed */
	assert_false(sy_sentence_near(x, z));
	/* 。 written where ， was: matched through its clauses */
	struct sy_sentence_set set;
	sy_sentence_set_init(&set, &b, NULL, 0);
	const struct sy_sentence *w = find_sentence(&a, "普法宣传形式");
	long m = sy_sentence_set_match(&set, &a, w, NULL, NULL);
	assert_true(m >= 0);
	assert_int_equal(b.s[m].line, 4);
	sy_sentence_set_free(&set);
	sy_sentences_free(&a);
	sy_sentences_free(&b);
	sy_report_free(&ra);
	sy_report_free(&rb);
}

/* ---- years and links ---- */

static void test_years_and_file_keys(void **state)
{
	(void)state;
	assert_int_equal(sy_compare_folder_year("reports/2023/云溪镇.txt"), 2023);
	assert_int_equal(sy_compare_folder_year("2024年度/云溪镇.txt"), 2024);
	assert_int_equal(sy_compare_folder_year("云溪镇.txt"), 0);
	assert_int_equal(sy_compare_folder_year("2023-old/云溪镇.txt"), 0);
	char *a = sy_compare_file_key("2023/2023年云溪镇.docx"), *b = sy_compare_file_key("x/2024年 云溪镇.txt");
	assert_string_equal(a, b);
	free(a);
	free(b);
}

/* A batch of the reports whose paths and texts are given. */
static void batch_of(struct sy_batch *b, size_t n, const char *const *paths, const char *const *texts)
{
	memset(b, 0, sizeof *b);
	b->n = n;
	b->r = calloc(n, sizeof *b->r);
	for (size_t i = 0; i < n; i++) {
		test_report(&b->r[i], texts[i]);
		free(b->r[i].path);
		b->r[i].path = strdup(paths[i]);
	}
}

static void compare_batch(struct sy_batch *b)
{
	struct sy_crosscheck_opts o = { .rubric = test_rubric() };
	sy_batch_crosscheck_opts(b, &o);
}

static const char *report_b = "关于2024年法治政府建设情况的报告\n"
			       "一、主要举措和成效\n"
			       "组织开展“宪法宣传周”活动，发放资料5000份。推进政务信息公开，拓宽公开渠道，公开信息46条。\n"
			       "二、存在的不足和原因\n"
			       "一是执法人员业务水平有待提高，对新修订的法律法规掌握不够。二是村级调解组织作用发挥不充分。"
			       "究其原因，主要是培训不够系统。\n"
			       "三、2025年工作安排\n"
			       "1.加强执法队伍建设。\n";

/* Units not named: linked by file name; the later report gets the findings. */
static void test_last_year_by_file_name(void **state)
{
	(void)state;
	const char *paths[] = { "x/2024/云溪镇.txt", "x/2023/云溪镇.txt" };
	const char *texts[] = { report_b, report_a + strlen("云溪镇") };
	struct sy_batch b;
	batch_of(&b, 2, paths, texts);
	compare_batch(&b);
	assert_int_equal(sy_compare_previous(&b, 0), 1);
	assert_int_equal(sy_compare_previous(&b, 1), -1);
	const struct sy_finding *f = test_finding(&b.r[0], "repeated-shortfall");
	assert_non_null(f);
	assert_int_equal(f->line, 5);
	assert_string_equal(f->other, "x/2023/云溪镇.txt");
	assert_int_equal(f->other_line, 5);
	assert_int_equal(test_count_findings(&b.r[0], "repeated-shortfall"), 1);
	/* 案卷评查 was never taken up; 政务信息公开渠道 was */
	assert_int_equal(test_count_findings(&b.r[0], "plan-not-followed"), 1);
	f = test_finding(&b.r[0], "plan-not-followed");
	assert_non_null(strstr(f->message, "建立行政执法案卷评查制度"));
	assert_int_equal(f->other_line, 7);
	assert_int_equal(test_count_findings(&b.r[0], "same-as-last-year"), 0);
	assert_int_equal(test_count_findings(&b.r[1], "repeated-shortfall"), 0);
	assert_int_equal(test_count_findings(&b.r[1], "plan-not-followed"), 0);
	assert_int_equal(test_count_findings(&b.r[0], "duplicate"), 0);
	sy_batch_free(&b);
}

/* A file name that two reports of one year share names no unit: numbered
 * files (b06.txt, b07.txt) of units that do not say who they are are not
 * one unit's years. */
static void test_shared_file_name_links_nothing(void **state)
{
	(void)state;
	const char *paths[] = { "x/b06.txt", "x/b07.txt", "x/b08.txt" };
	const char *texts[] = { report_a + strlen("云溪镇"), report_b, report_b };
	struct sy_batch b;
	batch_of(&b, 3, paths, texts);
	compare_batch(&b);
	assert_int_equal(sy_compare_year(&b.r[0]), 2023);
	assert_int_equal(sy_compare_year(&b.r[1]), 2024);
	assert_int_equal(sy_compare_previous(&b, 1), -1);
	assert_int_equal(sy_compare_previous(&b, 2), -1);
	assert_int_equal(test_count_findings(&b.r[1], "plan-not-followed"), 0);
	assert_int_equal(test_count_findings(&b.r[1], "repeated-shortfall"), 0);
	sy_batch_free(&b);
	/* one report a year under one name is still one unit's */
	const char *two[] = { "x/2023/b.txt", "x/2024/b.txt" };
	const char *texts2[] = { report_a + strlen("云溪镇"), report_b };
	batch_of(&b, 2, two, texts2);
	compare_batch(&b);
	assert_int_equal(sy_compare_previous(&b, 1), 0);
	sy_batch_free(&b);
}

/* Two different units of two years are never paired. */
static void test_other_units_not_paired(void **state)
{
	(void)state;
	const char *paths[] = { "2024/石桥镇.txt", "2023/云溪镇.txt" };
	const char *texts[] = { report_b, report_a };
	struct sy_batch b;
	batch_of(&b, 2, paths, texts);
	compare_batch(&b);
	assert_int_equal(sy_compare_previous(&b, 0), -1);
	assert_int_equal(test_count_findings(&b.r[0], "repeated-shortfall"), 0);
	sy_batch_free(&b);
}

/* The unit named, compared core to core: with and without its county it is
 * one unit; two towns of one name in two counties are two. */
static void test_units_by_name_and_county(void **state)
{
	(void)state;
	char *a = NULL, *b = NULL, *c = NULL;
	assert_true(asprintf(&a, "鲁山县汇源街道办事处\n%s", report_a + strlen("云溪镇")) > 0);
	assert_true(asprintf(&b, "汇源街道\n%s", report_b) > 0);
	assert_true(asprintf(&c, "临川县汇源街道办事处\n%s", report_b) > 0);
	/* one file name: only the county tells them apart */
	const char *paths[] = { "p/2023/汇源.txt", "p/2024/汇源.txt", "q/2024/汇源.txt" };
	const char *texts[] = { a, b, c };
	struct sy_batch bt;
	batch_of(&bt, 3, paths, texts);
	compare_batch(&bt);
	assert_int_equal(sy_compare_previous(&bt, 1), 0);  /* 汇源街道 is 鲁山县汇源街道办事处 */
	assert_int_equal(sy_compare_previous(&bt, 2), -1); /* 临川县's is another street office */
	sy_batch_free(&bt);
	free(a);
	free(b);
	free(c);
}

/* ---- copied parts and boilerplate ---- */

#define BOILER1 "对照《法治政府建设与责任落实督察工作规定》的要求，我们的工作与上级要求和群众期盼相比还存在一定差距。"
#define BOILER2 "我们将坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面推进各项工作落地见效。"
#define COPIED "一是行政执法案卷管理不规范，部分案卷缺少调查笔录和送达回证。二是重大行政决策听证程序运用较少，公众参与渠道不畅。"

/* A report of unit u whose problems part holds problems and whose plan holds plan. */
static char *unit_report(const char *u, const char *problems, const char *plan)
{
	char *t = NULL;
	assert_true(asprintf(&t, "%s关于2024年法治政府建设情况的报告\n一、主要举措和成效\n%s全年开展普法活动%zu场。\n"
				 "二、存在的不足和原因\n%s究其原因，主要是%s人员不足。\n三、2025年工作安排\n%s\n",
			     u, u, strlen(u), problems, u, plan) > 0);
	return t;
}

static void test_copied_part_named_with_lines(void **state)
{
	(void)state;
	char *t[3] = { unit_report("云溪镇", COPIED, "1.推进智慧司法建设。"),
		       unit_report("石桥镇", COPIED, "1.完善人民调解网络。"),
		       unit_report("白沙乡", "一是法律明白人培养数量不足。二是村规民约修订不及时。", "1.加强村级法治阵地建设。") };
	const char *paths[] = { "a/云溪镇.txt", "a/石桥镇.txt", "a/白沙乡.txt" };
	const char *texts[] = { t[0], t[1], t[2] };
	struct sy_batch b;
	batch_of(&b, 3, paths, texts);
	compare_batch(&b);
	const struct sy_finding *f = test_finding(&b.r[0], "copied-part");
	assert_non_null(f);
	assert_string_equal(f->part, "shortfalls");
	assert_int_equal(f->line, 5);
	assert_string_equal(f->other, "a/石桥镇.txt");
	assert_non_null(strstr(f->message, "石桥镇"));
	assert_non_null(strstr(f->message, "lines 5-5"));
	assert_int_equal(test_count_findings(&b.r[1], "copied-part"), 1);
	assert_int_equal(test_count_findings(&b.r[2], "copied-part"), 0);
	for (int i = 0; i < 3; i++)
		free(t[i]);
	sy_batch_free(&b);
}

/* Parts made mostly of text many units share are not copies of each other;
 * the same two parts shared by two units only are. */
static void test_boilerplate_discounted(void **state)
{
	(void)state;
	const char *units[] = { "云溪镇", "石桥镇", "白沙乡", "龙泉镇" };
	const char *own[] = { "一是执法力量薄弱。", "一是调解组织不健全。", "一是普法阵地陈旧。", "一是决策程序不规范。" };
	char *t[4];
	const char *paths[] = { "b/云溪镇.txt", "b/石桥镇.txt", "b/白沙乡.txt", "b/龙泉镇.txt" };
	for (int i = 0; i < 4; i++) {
		char *problems = NULL;
		assert_true(asprintf(&problems, "%s%s%s", BOILER1, BOILER2, own[i]) > 0);
		t[i] = unit_report(units[i], problems, "1.推进各项工作。");
		free(problems);
	}
	const char *texts[] = { t[0], t[1], t[2], t[3] };
	struct sy_batch b;
	batch_of(&b, 4, paths, texts);
	compare_batch(&b);
	for (int i = 0; i < 4; i++)
		assert_int_equal(test_count_findings(&b.r[i], "copied-part"), 0);
	sy_batch_free(&b);
	batch_of(&b, 2, paths, texts); /* two units only: what they share is theirs */
	compare_batch(&b);
	assert_int_equal(test_count_findings(&b.r[0], "copied-part"), 1);
	assert_int_equal(test_count_findings(&b.r[1], "copied-part"), 1);
	sy_batch_free(&b);
	for (int i = 0; i < 4; i++)
		free(t[i]);
}

/* ---- the fixtures made from the seeds ---- */

static void load_fixtures(struct sy_batch *b)
{
	const char *src = getenv("SRCDIR");
	char *p2023 = NULL, *p2024 = NULL;
	assert_true(asprintf(&p2023, "%s/tests/fixtures/compare/2023", src ? src : ".") > 0);
	assert_true(asprintf(&p2024, "%s/tests/fixtures/compare/2024", src ? src : ".") > 0);
	char *paths[] = { p2023, p2024 };
	memset(b, 0, sizeof *b);
	sy_batch_expand(b, paths, 2);
	sy_batch_load_all(b, test_rubric());
	assert_int_equal(b->n, 10);
	compare_batch(b);
	free(p2023);
	free(p2024);
}

static const struct sy_report *fixture(const struct sy_batch *b, const char *tail)
{
	for (size_t i = 0; i < b->n; i++) {
		size_t n = strlen(b->r[i].path), k = strlen(tail);
		if (n >= k && !strcmp(b->r[i].path + n - k, tail))
			return &b->r[i];
	}
	fail_msg("no fixture %s", tail);
	return NULL;
}

static int compare_findings(const struct sy_report *rep)
{
	return test_count_findings(rep, "same-as-last-year") + test_count_findings(rep, "repeated-shortfall") +
	       test_count_findings(rep, "plan-not-followed") + test_count_findings(rep, "copied-part");
}

static void test_fixtures(void **state)
{
	(void)state;
	struct sy_batch b;
	load_fixtures(&b);
	const struct sy_report *zl = fixture(&b, "2024/张良镇.txt"), *td = fixture(&b, "2024/田镇街道.txt");
	const struct sy_report *gy = fixture(&b, "2024/观音堂镇.txt");
	/* last year's shortfalls pasted in */
	const struct sy_finding *f = test_finding(zl, "repeated-shortfall");
	assert_non_null(f);
	assert_int_equal(f->line, 17);
	assert_int_equal(f->other_line, 12);
	/* the section copied from 张良镇, with the lines of both */
	f = test_finding(td, "copied-part");
	assert_non_null(f);
	assert_int_equal(f->line, 37);
	assert_non_null(strstr(f->message, "张良镇"));
	assert_non_null(strstr(f->message, "lines 17-19"));
	assert_non_null(strstr(f->message, "here lines 37-39"));
	assert_int_equal(test_count_findings(zl, "copied-part"), 1);
	/* the dropped plan item */
	assert_int_equal(test_count_findings(gy, "plan-not-followed"), 1);
	assert_non_null(strstr(test_finding(gy, "plan-not-followed")->message, "案卷评查"));
	assert_int_equal(compare_findings(gy), 1);
	/* nothing in the untouched reports, nor in last year's */
	assert_int_equal(compare_findings(fixture(&b, "2024/汇源街道.txt")), 0);
	assert_int_equal(compare_findings(fixture(&b, "2024/渠南街道.txt")), 0);
	for (size_t i = 0; i < b.n; i++)
		if (strstr(b.r[i].path, "/2023/"))
			assert_int_equal(compare_findings(&b.r[i]), 0);
	/* the rectification finding names last year's problems */
	f = test_finding(fixture(&b, "2024/渠南街道.txt"), "rectification-missing");
	assert_non_null(f);
	assert_non_null(strstr(f->message, "网格员法律知识储备不足"));
	sy_batch_free(&b);
}

/* In slices: nothing is added before the last one, and the end is the same. */
static void test_in_slices(void **state)
{
	(void)state;
	struct sy_batch b;
	load_fixtures(&b);
	struct sy_crosscheck_opts o = { .rubric = test_rubric() };
	struct sy_crosscheck *cc = sy_crosscheck_begin_opts(&b, &o);
	for (size_t i = 0; i < b.n; i++) { /* drop what the first run found */
		sy_finding_drop(&b.r[i].score, "copied-part");
		sy_finding_drop(&b.r[i].score, "repeated-shortfall");
	}
	const struct sy_report *td = fixture(&b, "2024/田镇街道.txt");
	int steps = 1;
	while (!sy_crosscheck_step(cc)) {
		assert_int_equal(test_count_findings(td, "copied-part"), 0);
		steps++;
	}
	sy_crosscheck_free(cc);
	assert_true(steps > 3);
	assert_int_equal(test_count_findings(td, "copied-part"), 1);
	assert_int_equal(test_count_findings(fixture(&b, "2024/张良镇.txt"), "repeated-shortfall"), 1);
	sy_batch_free(&b);
}

/* Prints packed for a spool, read back one by one through o.print. */
struct packed_prints {
	struct sy_buf *rec;
	size_t asked;
};

static struct sy_textprint *print_back(void *ctx, size_t i)
{
	struct packed_prints *pp = ctx;
	pp->asked++;
	return pp->rec[i].len ? sy_textprint_unpack(pp->rec[i].data, pp->rec[i].len) : NULL;
}

/* Asserts that tp packs to the bytes in want. */
static void assert_packs_to(const struct sy_textprint *tp, const struct sy_buf *want)
{
	struct sy_buf got = {0};
	sy_textprint_pack(tp, &got);
	assert_int_equal(got.len, want->len);
	assert_memory_equal(got.data, want->data, want->len);
	sy_buf_free(&got);
}

/* A print packed and unpacked packs to the same bytes; cut short, it is refused. */
static void test_print_packs_and_unpacks(void **state)
{
	(void)state;
	struct sy_batch b;
	load_fixtures(&b);
	for (size_t i = 0; i < b.n; i++) {
		assert_non_null(b.r[i].print);
		struct sy_buf one = {0};
		sy_textprint_pack(b.r[i].print, &one);
		struct sy_textprint *tp = sy_textprint_unpack(one.data, one.len);
		assert_non_null(tp);
		assert_int_equal(tp->sent.n, b.r[i].print->sent.n);
		assert_packs_to(tp, &one);
		assert_null(sy_textprint_unpack(one.data, one.len - 1));
		sy_textprint_free(tp);
		sy_buf_free(&one);
	}
	sy_batch_free(&b);
}

/* A print's copy packs to the print's bytes and owns its own: it outlives
 * the print it was copied from. */
static void test_print_copied(void **state)
{
	(void)state;
	struct sy_batch b;
	load_fixtures(&b);
	for (size_t i = 0; i < b.n; i++) {
		const struct sy_textprint *tp = b.r[i].print;
		assert_non_null(tp);
		struct sy_textprint *copy = sy_textprint_copy(tp);
		assert_non_null(copy);
		assert_ptr_not_equal(copy, tp);
		assert_true(!tp->sent.n || copy->sent.s != tp->sent.s);
		assert_true(!tp->pool || copy->pool != tp->pool);
		assert_true(!tp->unit_key || copy->unit_key != tp->unit_key);
		struct sy_buf packed = {0};
		sy_textprint_pack(tp, &packed);
		assert_packs_to(copy, &packed);
		sy_textprint_free(b.r[i].print);
		b.r[i].print = NULL;
		assert_packs_to(copy, &packed); /* the original is gone: ASan would see a shared byte */
		b.r[i].print = copy;
		sy_buf_free(&packed);
	}
	sy_batch_free(&b);
}

/* Prints read back from a spool (on disk and in memory) at their offsets
 * are the prints put there; nothing, a short range or one past the end
 * reads back as no print. */
static void prints_read_from_spool(bool in_memory)
{
	struct sy_batch b;
	load_fixtures(&b);
	struct sy_spool *s = sy_spool_open(in_memory);
	struct sy_buf rec = {0}, tmp = {0};
	uint64_t *at = calloc(b.n, sizeof *at);
	size_t *len = calloc(b.n, sizeof *len);
	for (size_t i = 0; i < b.n; i++) {
		rec.len = 0;
		sy_textprint_pack(b.r[i].print, &rec);
		at[i] = sy_spool_put(s, rec.data, rec.len);
		assert_true(at[i] != UINT64_MAX);
		len[i] = rec.len;
	}
	for (size_t k = b.n; k-- > 0;) { /* last first: each found by its offset */
		struct sy_textprint *tp = sy_textprint_read(s, at[k], len[k], &tmp);
		assert_non_null(tp);
		rec.len = 0;
		sy_textprint_pack(b.r[k].print, &rec);
		assert_packs_to(tp, &rec);
		sy_textprint_free(tp);
		assert_null(sy_textprint_read(s, at[k], len[k] - 1, &tmp));
	}
	assert_null(sy_textprint_read(s, at[0], 0, &tmp));
	assert_null(sy_textprint_read(s, at[b.n - 1] + 1, len[b.n - 1], &tmp));
	free(at);
	free(len);
	sy_buf_free(&rec);
	sy_buf_free(&tmp);
	sy_spool_close(s);
	sy_batch_free(&b);
}

static void test_prints_read_from_spool(void **state)
{
	(void)state;
	prints_read_from_spool(false);
	prints_read_from_spool(true);
}

/* The comparisons find the same with the prints read back through o.print
 * (and the postings spread over spill files of spill reports each when
 * spill is not 0) as with the reports' own, all in memory. */
static void same_as_own(size_t spill)
{
	struct sy_batch own, back;
	load_fixtures(&own);
	const char *src = getenv("SRCDIR");
	char *paths[2] = { NULL, NULL };
	assert_true(asprintf(&paths[0], "%s/tests/fixtures/compare/2023", src ? src : ".") > 0);
	assert_true(asprintf(&paths[1], "%s/tests/fixtures/compare/2024", src ? src : ".") > 0);
	memset(&back, 0, sizeof back);
	sy_batch_expand(&back, paths, 2);
	sy_batch_load_all(&back, test_rubric());
	struct packed_prints pp = { calloc(back.n, sizeof *pp.rec), 0 };
	for (size_t i = 0; i < back.n; i++) {
		sy_textprint_pack(back.r[i].print, &pp.rec[i]);
		sy_textprint_free(back.r[i].print);
		back.r[i].print = NULL;
	}
	struct sy_crosscheck_opts o = { .rubric = test_rubric(), .print = print_back, .print_ctx = &pp,
					.spill_reports = spill };
	sy_batch_crosscheck_opts(&back, &o);
	assert_true(pp.asked >= back.n);
	int compared = 0;
	for (size_t i = 0; i < back.n; i++) {
		assert_string_equal(own.r[i].path, back.r[i].path);
		assert_int_equal(own.r[i].score.nf, back.r[i].score.nf);
		for (size_t k = 0; k < own.r[i].score.nf; k++) {
			assert_string_equal(own.r[i].score.f[k].id, back.r[i].score.f[k].id);
			assert_string_equal(own.r[i].score.f[k].message, back.r[i].score.f[k].message);
		}
		compared += compare_findings(&back.r[i]);
		sy_buf_free(&pp.rec[i]);
	}
	assert_true(compared >= 4); /* the fixtures' copies, repeat and dropped plan item */
	free(pp.rec);
	free(paths[0]);
	free(paths[1]);
	sy_batch_free(&own);
	sy_batch_free(&back);
}

static void test_prints_read_back(void **state)
{
	(void)state;
	same_as_own(0);
}

/* Ten reports, two a file: five files of postings, sorted one by one. */
static void test_postings_spilled(void **state)
{
	(void)state;
	same_as_own(2);
}

/* ---- a compact source: what check's stream hands the cross-check ---- */

/* Copies of what the cross-check reads of each report, no struct
 * sy_report: the batch they were taken from is freed. */
struct compact {
	size_t n;
	char **path, **unit;
	int *year, *roster_unit;
	bool *readable, *asked;
	struct sy_signature *sig;
	struct sy_textprint **print;
	struct sy_score *score;
};

static bool compact_readable(void *ctx, size_t i)
{
	return ((struct compact *)ctx)->readable[i];
}

static const char *compact_path(void *ctx, size_t i)
{
	return ((struct compact *)ctx)->path[i];
}

static const char *compact_unit(void *ctx, size_t i)
{
	return ((struct compact *)ctx)->unit[i];
}

static int compact_year(void *ctx, size_t i)
{
	return ((struct compact *)ctx)->year[i];
}

static const struct sy_signature *compact_sig(void *ctx, size_t i)
{
	struct compact *c = ctx;
	return c->readable[i] ? &c->sig[i] : NULL;
}

static const struct sy_textprint *compact_print(void *ctx, size_t i)
{
	return ((struct compact *)ctx)->print[i];
}

static void compact_roster_match(void *ctx, size_t i, const struct sy_crosscheck_opts *o, struct sy_match *m)
{
	(void)o;
	memset(m, 0, sizeof *m);
	m->unit = ((struct compact *)ctx)->roster_unit[i];
}

static struct sy_score *compact_score(void *ctx, size_t i)
{
	struct compact *c = ctx;
	c->asked[i] = true;
	return &c->score[i];
}

/* Takes what the cross-check reads out of the loaded batch b, and frees b;
 * with a roster, each report's match is made now, as check does while the
 * text is there. */
static void compact_of(struct compact *c, struct sy_batch *b, const struct sy_roster *roster)
{
	size_t n = c->n = b->n;
	c->path = calloc(n, sizeof *c->path);
	c->unit = calloc(n, sizeof *c->unit);
	c->year = calloc(n, sizeof *c->year);
	c->roster_unit = calloc(n, sizeof *c->roster_unit);
	c->readable = calloc(n, sizeof *c->readable);
	c->asked = calloc(n, sizeof *c->asked);
	c->sig = calloc(n, sizeof *c->sig);
	c->print = calloc(n, sizeof *c->print);
	c->score = calloc(n, sizeof *c->score);
	for (size_t i = 0; i < n; i++) {
		struct sy_report *r = &b->r[i];
		c->path[i] = strdup(r->path);
		c->unit[i] = r->outline.unit ? strdup(r->outline.unit) : NULL;
		c->year[i] = r->outline.year;
		c->readable[i] = r->loaded && !r->error;
		c->roster_unit[i] = -1;
		if (roster && c->readable[i]) {
			struct sy_match m;
			sy_roster_match(roster, r, NULL, &m);
			c->roster_unit[i] = m.unit;
			sy_match_free(&m);
		}
		if (r->sig)
			c->sig[i] = *r->sig;
		c->print[i] = r->print;
		r->print = NULL;
		c->score[i] = r->score;
		memset(&r->score, 0, sizeof r->score);
	}
	sy_batch_free(b);
}

static void compact_free(struct compact *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->path[i]);
		free(c->unit[i]);
		sy_textprint_free(c->print[i]);
		sy_score_free(&c->score[i]);
	}
	free(c->path);
	free(c->unit);
	free(c->year);
	free(c->roster_unit);
	free(c->readable);
	free(c->asked);
	free(c->sig);
	free(c->print);
	free(c->score);
}

/* The fixtures loaded, not cross-checked, under paths that state no year:
 * flat/2023-张良镇.txt, so the years are the ones the reports state. */
static void load_flat(struct sy_batch *b)
{
	const char *src = getenv("SRCDIR");
	char *paths[2] = { NULL, NULL };
	assert_true(asprintf(&paths[0], "%s/tests/fixtures/compare/2023", src ? src : ".") > 0);
	assert_true(asprintf(&paths[1], "%s/tests/fixtures/compare/2024", src ? src : ".") > 0);
	memset(b, 0, sizeof *b);
	sy_batch_expand(b, paths, 2);
	sy_batch_load_all(b, test_rubric());
	assert_int_equal(b->n, 10);
	for (size_t i = 0; i < b->n; i++) {
		char *name = strrchr(b->r[i].path, '/');
		int year = sy_compare_folder_year(b->r[i].path);
		assert_true(year == 2023 || year == 2024);
		char *flat = NULL;
		assert_true(asprintf(&flat, "flat/%d-%s", year, name + 1) > 0);
		free(b->r[i].path);
		b->r[i].path = flat;
	}
	free(paths[0]);
	free(paths[1]);
}

/* The cross-check through a compact source finds what it finds through the
 * batch, finding for finding; findings are asked only of reports that get
 * some. */
static void compact_same(const struct sy_roster *roster, int copies)
{
	struct sy_batch own, flat;
	load_flat(&own);
	struct sy_crosscheck_opts o = { .rubric = test_rubric(), .roster = roster };
	sy_batch_crosscheck_opts(&own, &o);
	load_flat(&flat);
	struct compact c;
	compact_of(&c, &flat, roster);
	struct sy_cc_source src = { .n = c.n, .ctx = &c, .readable = compact_readable, .path = compact_path,
				    .unit = compact_unit, .year = compact_year, .sig = compact_sig,
				    .print = compact_print, .roster_match = compact_roster_match,
				    .score = compact_score, .fresh = true };
	sy_crosscheck_source(&src, &o);
	int compared = 0, rewritten = 0;
	for (size_t i = 0; i < c.n; i++) {
		const struct sy_report *r = &own.r[i];
		assert_string_equal(r->path, c.path[i]);
		assert_int_equal(r->score.nf, c.score[i].nf);
		for (size_t k = 0; k < r->score.nf; k++) {
			const struct sy_finding *a = &r->score.f[k], *b = &c.score[i].f[k];
			assert_string_equal(a->id, b->id);
			assert_string_equal(a->message, b->message);
			assert_int_equal(a->line, b->line);
			assert_int_equal(a->other_line, b->other_line);
			assert_true(a->other ? b->other && !strcmp(a->other, b->other) : !b->other);
			rewritten += a->other && strstr(a->id, "rectification") != NULL;
		}
		int found = compare_findings(r) + test_count_findings(r, "duplicate");
		compared += found;
		bool named = false; /* a rectification finding naming last year's problems */
		for (size_t k = 0; k < r->score.nf; k++)
			named |= r->score.f[k].other && strstr(r->score.f[k].id, "rectification") != NULL;
		if (c.asked[i])
			assert_true(found > 0 || named);
	}
	assert_true(compared >= 2); /* the repeat and the dropped plan item, and the copies: */
	int copied = 0;
	for (size_t i = 0; i < own.n; i++)
		copied += test_count_findings(&own.r[i], "copied-part");
	assert_int_equal(copied, copies);
	assert_true(rewritten >= 1); /* 渠南街道's rectification names last year's problems */
	compact_free(&c);
	sy_batch_free(&own);
}

static void test_compact_source(void **state)
{
	(void)state;
	compact_same(NULL, 2);
}

/* With a roster: the units are linked by the roster matches made early.
 * This roster makes 张良镇 and 田镇街道 one unit, so 田镇街道's part
 * copied from 张良镇 is no copy across units: a source whose matches
 * were lost would find it. */
static void test_compact_source_roster(void **state)
{
	(void)state;
	static const char yaml[] = "units:\n"
				   "  - name: 鲁山县张良镇人民政府\n    aliases: [张良镇, 田镇街道]\n"
				   "  - name: 鲁山县汇源街道办事处\n    aliases: [汇源街道]\n";
	struct sy_roster roster = {0};
	char err[256];
	assert_int_equal(sy_roster_load_string(&roster, "t.yaml", yaml, strlen(yaml), true, err, sizeof err), 0);
	compact_same(&roster, 0);
	sy_roster_free(&roster);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_ignore_figures_stops_spacing),
		cmocka_unit_test(test_sentences_cut_and_placed),
		cmocka_unit_test(test_near_same),
		cmocka_unit_test(test_years_and_file_keys),
		cmocka_unit_test(test_shared_file_name_links_nothing),
		cmocka_unit_test(test_last_year_by_file_name),
		cmocka_unit_test(test_other_units_not_paired),
		cmocka_unit_test(test_units_by_name_and_county),
		cmocka_unit_test(test_copied_part_named_with_lines),
		cmocka_unit_test(test_boilerplate_discounted),
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_in_slices),
		cmocka_unit_test(test_print_packs_and_unpacks),
		cmocka_unit_test(test_print_copied),
		cmocka_unit_test(test_prints_read_from_spool),
		cmocka_unit_test(test_prints_read_back),
		cmocka_unit_test(test_postings_spilled),
		cmocka_unit_test(test_compact_source),
		cmocka_unit_test(test_compact_source_roster),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
