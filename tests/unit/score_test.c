/* Scorer: each status rule of domain.md, the traps it names, the weighted
 * score and the findings. */
#include "config.h"

#include "../test_common.h"
#include "shenyue/score.h"
#include "shenyue/similar.h"

#define TITLE "青禾县云溪镇关于2024年法治政府建设情况的报告\n"
#define PREAMBLE "2024年，云溪镇扎实推进法治政府建设。现将有关情况报告如下：\n"
#define MEASURES "一、2024年推进法治政府建设的主要举措和成效\n全年开展普法活动12场，办理行政复议案件5件。\n"
#define DUTY "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头讲法治课3次，专题研究法治工作4次。\n"
#define SHORT "三、存在的不足和原因\n一是执法人员不足。究其原因，编制少、培训少。\n"
#define PLAN "四、2025年推进法治政府建设的主要安排\n一是加强培训，二是完善制度。\n"
#define DATE "青禾县云溪镇人民政府\n2025年1月15日\n"

static void test_complete_report(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY SHORT PLAN DATE);
	assert_int_equal(test_status(&rep, "measures"), SY_PRESENT);
	assert_int_equal(test_status(&rep, "duty"), SY_PRESENT);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PRESENT);
	assert_int_equal(test_status(&rep, "plan"), SY_PRESENT);
	assert_int_equal(test_status(&rep, "other"), SY_MISSING);
	assert_int_equal(test_line(&rep, "measures"), 3);
	assert_int_equal(test_line(&rep, "duty"), 5);
	assert_int_equal(test_line(&rep, "shortfalls"), 7);
	assert_int_equal(test_line(&rep, "plan"), 9);
	assert_int_equal(rep.score.score, 100);
	assert_int_equal(test_count_findings(&rep, "missing-part"), 0);
	assert_int_equal(test_count_findings(&rep, "order"), 0);
	assert_int_equal(test_count_findings(&rep, "thin-part"), 0);
	assert_int_equal(test_count_findings(&rep, "no-date"), 0);
	assert_int_equal(test_count_findings(&rep, "late"), 0);
	int d = sy_rubric_part_index(test_rubric(), "duty");
	assert_string_equal(rep.score.parts[d].heading_text, "二、党政主要负责人履行推进法治建设第一责任人职责情况");
	sy_report_free(&rep);
}

static void test_missing_part(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES SHORT PLAN DATE);
	assert_int_equal(test_status(&rep, "duty"), SY_MISSING);
	assert_int_equal(test_line(&rep, "duty"), 0);
	assert_int_equal(rep.score.score, 75);
	const struct sy_finding *f = test_finding(&rep, "missing-part");
	assert_non_null(f);
	assert_int_equal(f->severity, SY_SEV_ERROR);
	assert_string_equal(f->part, "duty");
	sy_report_free(&rep);
}

static void test_empty_heading_is_partial(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES "二、党政主要负责人履行推进法治建设第一责任人职责情况\n" SHORT PLAN DATE);
	assert_int_equal(test_status(&rep, "duty"), SY_PARTIAL);
	assert_int_equal(test_line(&rep, "duty"), 5);
	assert_int_equal(test_count_findings(&rep, "empty-part"), 1);
	assert_int_equal(rep.score.score, 88); /* 87.5 rounds half away from zero */
	sy_report_free(&rep);
}

static void test_shortfalls_without_causes_is_partial(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在的问题\n一是执法人员不足。二是宣传形式单一。\n" PLAN DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PARTIAL);
	assert_int_equal(test_line(&rep, "shortfalls"), 7);
	assert_int_equal(test_count_findings(&rep, "causes-missing"), 1);
	sy_report_free(&rep);
}

static void test_causes_in_text_make_shortfalls_present(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY
		    "三、存在的问题\n一是执法人员不足。主要原因是编制紧张。\n" PLAN DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PRESENT);
	assert_int_equal(test_count_findings(&rep, "causes-missing"), 0);
	sy_report_free(&rep);
}

static void test_causes_promised_but_absent(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在的不足和原因\n一是执法人员不足。\n" PLAN DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PRESENT);
	assert_int_equal(test_count_findings(&rep, "causes-promised"), 1);
	sy_report_free(&rep);
}

static void test_mention_inside_another_part_is_partial(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE "2024年，我镇主要负责人认真履行第一责任人职责。现报告如下：\n"
		    "一、主要举措和成效\n(一)加强领导\n镇长履行第一责任人职责，开展督查6次。\n" SHORT PLAN DATE);
	assert_int_equal(test_status(&rep, "duty"), SY_PARTIAL);
	/* the preamble's mention on line 2 does not count; the one in measures does */
	assert_int_equal(test_line(&rep, "duty"), 5);
	assert_int_equal(test_count_findings(&rep, "no-heading"), 1);
	sy_report_free(&rep);
}

/* One heading covering measures and duty names both (domain.md); a
 * qualifier before the joined names reaches over both (2025年工作计划及主要举措
 * is the plan only), and a clause alone names nothing when the whole names
 * no other part. */
static void test_heading_naming_measures_and_duty(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE
		    "一、主要举措成效及党政主要负责人履行推进法治建设第一责任人职责情况\n"
		    "全年开展普法活动12场，镇党委书记带头讲法治课3次。\n" SHORT PLAN DATE);
	assert_int_equal(test_status(&rep, "measures"), SY_PRESENT);
	assert_int_equal(test_status(&rep, "duty"), SY_PRESENT);
	assert_int_equal(test_line(&rep, "measures"), 3);
	assert_int_equal(test_line(&rep, "duty"), 3);
	sy_report_free(&rep);
	/* the same inside a web line that lost its breaks */
	test_report(&rep, TITLE "现将有关情况报告如下：一、工作成效及主要负责人履行法治建设第一责任人职责情况"
			  "（一）强化执法。开展执法检查12次。二、存在的不足和原因　一是执法人员不足。"
			  "究其原因，编制少。三、2025年工作安排　一是加强培训。\n" DATE);
	assert_int_equal(test_status(&rep, "measures"), SY_PRESENT);
	assert_int_equal(test_status(&rep, "duty"), SY_PRESENT);
	assert_int_equal(test_count_findings(&rep, "numbering-gap"), 0);
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY SHORT
		    "四、2025年工作计划及主要举措\n一是加强培训，二是完善制度。\n" DATE);
	assert_int_equal(test_line(&rep, "measures"), 3);
	assert_int_equal(test_line(&rep, "plan"), 9);
	sy_report_free(&rep);
}

/* Items written inside a line that lost its breaks are not skipped
 * numbers; a number that is nowhere, or only inside a word (统一、), is. */
static void test_numbers_written_inside_a_run_on_line(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE
		    "一、主要举措和成效（一）强化执法，开展执法检查12次。（二）深化普法，开展活动8场。\n"
		    "（三）化解纠纷，调处纠纷52件。\n" DUTY SHORT PLAN DATE);
	assert_int_equal(test_count_findings(&rep, "numbering-gap"), 0);
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES
		    "（二）深化普法，开展活动8场。\n" DUTY SHORT PLAN DATE);
	assert_int_equal(test_count_findings(&rep, "numbering-gap"), 1);
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES "统一、规范执法文书12份。\n"
		    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头讲法治课3次。\n"
		    "四、存在的不足和原因\n一是执法人员不足。究其原因，编制少。\n" PLAN DATE);
	assert_int_equal(test_count_findings(&rep, "numbering-gap"), 1);
	sy_report_free(&rep);
}

static void test_preamble_mention_alone_is_missing(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE "2024年，主要负责人认真履行第一责任人职责。现报告如下：\n" MEASURES SHORT PLAN DATE);
	assert_int_equal(test_status(&rep, "duty"), SY_MISSING);
	sy_report_free(&rep);
}

static void test_topical_headings_stand_for_measures(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE "一、强化组织保障\n成立领导小组，召开会议3次。\n"
		    "二、创新普法宣传\n开展活动8场。\n" DUTY SHORT PLAN DATE);
	assert_int_equal(test_status(&rep, "measures"), SY_PARTIAL);
	assert_int_equal(test_line(&rep, "measures"), 3);
	assert_int_equal(rep.score.score, 88);
	sy_report_free(&rep);
}

static void test_next_steps_measures_is_plan_not_measures(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY SHORT "四、下一步举措\n继续加强培训。\n" DATE);
	assert_int_equal(test_line(&rep, "measures"), 3);
	assert_int_equal(test_status(&rep, "plan"), SY_PRESENT);
	assert_int_equal(test_line(&rep, "plan"), 9);
	assert_int_equal(test_count_findings(&rep, "plan-no-year"), 1);
	sy_report_free(&rep);
}

static void test_one_heading_covers_two_parts(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在问题及下一步打算\n人员不足，原因在于编制少。下一步将加强培训。\n" DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PRESENT);
	assert_int_equal(test_status(&rep, "plan"), SY_PRESENT);
	assert_int_equal(test_line(&rep, "shortfalls"), 7);
	assert_int_equal(test_line(&rep, "plan"), 7);
	assert_int_equal(test_count_findings(&rep, "merged"), 1);
	sy_report_free(&rep);
}

static void test_plan_year_mismatch_with_spaced_year(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY SHORT "四、2024 年工作计划\n继续加强培训。\n" DATE);
	assert_int_equal(test_status(&rep, "plan"), SY_PRESENT);
	const struct sy_finding *f = test_finding(&rep, "year-mismatch");
	assert_non_null(f);
	assert_int_equal(f->line, 9);
	assert_string_equal(f->part, "plan");
	sy_report_free(&rep);
}

static void test_measures_naming_another_year(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE "一、2023年推进法治政府建设的主要举措和成效\n开展活动5场。\n" DUTY SHORT PLAN DATE);
	const struct sy_finding *f = test_finding(&rep, "year-mismatch");
	assert_non_null(f);
	assert_string_equal(f->part, "measures");
	sy_report_free(&rep);
}

static void test_thin_part(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES
		    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n书记高度重视，亲自部署，狠抓落实。\n" SHORT PLAN DATE);
	const struct sy_finding *f = test_finding(&rep, "thin-part");
	assert_non_null(f);
	assert_string_equal(f->part, "duty");
	assert_int_equal(f->line, 5);
	assert_int_equal(test_count_findings(&rep, "thin-part"), 1); /* plan has no figures by nature */
	sy_report_free(&rep);
}

static void test_order_is_information(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE
		    "一、党政主要负责人履行推进法治建设第一责任人职责情况\n书记讲法治课3次。\n"
		    "二、主要举措和成效\n开展活动12场。\n" SHORT PLAN DATE);
	assert_int_equal(rep.score.score, 100);
	const struct sy_finding *f = test_finding(&rep, "order");
	assert_non_null(f);
	assert_int_equal(f->severity, SY_SEV_INFO);
	sy_report_free(&rep);
}

static void test_debris_findings(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE "来源：县政府网站\n" PREAMBLE
		    "一、主要举措和成效\n[bookmark: _GoBack]XX镇开展活动 12 场，成效明显，群众满意度持续\n\n提升。\n"
		    DUTY SHORT PLAN DATE);
	assert_int_equal(test_finding(&rep, "web-chrome")->line, 2);
	assert_int_equal(test_finding(&rep, "debris")->line, 5);
	assert_int_equal(test_finding(&rep, "placeholder")->line, 5);
	assert_int_equal(test_finding(&rep, "spaced-number")->line, 5);
	const struct sy_finding *b = test_finding(&rep, "broken-sentence");
	assert_non_null(b);
	assert_int_equal(b->line, 5);
	/* the figure with a space before its unit still counts as a figure */
	assert_int_equal(test_count_findings(&rep, "thin-part"), 0);
	sy_report_free(&rep);
}

static void test_no_date_and_late_date(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY SHORT PLAN);
	assert_int_equal(test_finding(&rep, "no-date")->severity, SY_SEV_INFO);
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY SHORT PLAN "2025年3月15日\n");
	const struct sy_finding *f = test_finding(&rep, "late");
	assert_non_null(f);
	assert_int_equal(f->severity, SY_SEV_INFO); /* no deadline configured */
	assert_int_equal(f->line, 11);
	sy_report_free(&rep);
}

static void test_published_late(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE "发布日期：2025-04-02\n" PREAMBLE MEASURES DUTY SHORT PLAN DATE);
	const struct sy_finding *f = test_finding(&rep, "published-late");
	assert_non_null(f);
	assert_int_equal(f->line, 2);
	sy_report_free(&rep);
	test_report(&rep, TITLE "发布日期：2025-03-31\n" PREAMBLE MEASURES DUTY SHORT PLAN DATE);
	assert_null(test_finding(&rep, "published-late"));
	sy_report_free(&rep);
}

static void test_duty_heading_variants(void **state)
{
	static const char *const headings[] = {
		"二、主要负责人履职情况\n", "二、党组书记、局长履行推进法治建设职责情况\n",
		"二、落实法治建设第一责任人制度情况\n", "二、党工委书记、办事处主任述法情况\n",
		"二、局主要领导年度述法情况\n",
	};
	for (size_t i = 0; i < sizeof headings / sizeof *headings; i++) {
		char *text = NULL;
		assert_true(asprintf(&text, TITLE PREAMBLE MEASURES "%s书记讲课3次。\n" SHORT PLAN DATE, headings[i]) > 0);
		struct sy_report rep;
		test_report(&rep, text);
		assert_int_equal(test_status(&rep, "duty"), SY_PRESENT);
		assert_int_equal(test_line(&rep, "duty"), 5);
		assert_int_equal(test_line(&rep, "measures"), 3);
		sy_report_free(&rep);
		free(text);
	}
}

/* Headings seen in real reports name their parts in many ways. */
static void test_heading_variants(void **state)
{
	static const struct {
		const char *heading, *part;
	} cases[] = {
		{ "一、2024年度法治政府建设情况", "measures" },
		{ "一、重点工作完成情况", "measures" },
		{ "一、主要做法及成效", "measures" },
		{ "二、领导干部履行法治建设职责情况", "duty" },
		{ "三、工作中存在的困难和问题", "shortfalls" },
		{ "三、问题与不足", "shortfalls" },
		{ "四、2025年度工作思路", "plan" },
		{ "四、今后工作打算", "plan" },
		{ "四、下一年度工作安排", "plan" },
		{ "四、2025年法治政府建设工作要点", "plan" },
		{ "二、党政主要负责人推进法治建设情况", "duty" },
		{ "二、主要负责人述法情况", "duty" },
		{ "二、“一把手”抓法治情况", "duty" },
		{ "三、问题和原因", "shortfalls" },
		{ "三、主要问题", "shortfalls" },
		{ "一、工作亮点", "measures" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = NULL;
		assert_true(asprintf(&text, TITLE PREAMBLE "%s\n内容，开展活动3场，原因是人手少。\n", cases[i].heading) > 0);
		struct sy_report rep;
		test_report(&rep, text);
		if (test_status(&rep, cases[i].part) != SY_PRESENT || test_line(&rep, cases[i].part) != 3)
			fail_msg("\"%s\" does not name %s", cases[i].heading, cases[i].part);
		sy_report_free(&rep);
		free(text);
	}
}

/* General words name a part only in a top-level heading. */
static void test_general_words_only_at_top_level(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE "一、主要举措和成效\n（一）科学制定年度工作计划\n制定计划3项。\n" DUTY SHORT DATE);
	assert_int_equal(test_status(&rep, "plan"), SY_MISSING);
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY SHORT "四、工作计划\n继续加强培训。\n" DATE);
	assert_int_equal(test_status(&rep, "plan"), SY_PRESENT);
	assert_int_equal(test_line(&rep, "plan"), 9);
	sy_report_free(&rep);
	/* a year in Chinese digits is next year's all the same, at any level */
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY SHORT "四、展望\n（一）二〇二五年工作安排\n继续加强培训。\n" DATE);
	assert_int_equal(test_status(&rep, "plan"), SY_PRESENT);
	assert_int_equal(test_line(&rep, "plan"), 10);
	sy_report_free(&rep);
	/* "（二）整改落实情况" inside the shortfalls is not the measures */
	test_report(&rep, TITLE PREAMBLE DUTY "二、存在的不足和原因\n人手少，原因是编制紧。\n（一）整改落实情况\n已整改2项。\n" PLAN DATE);
	assert_int_not_equal(test_status(&rep, "measures"), SY_PRESENT);
	sy_report_free(&rep);
}

static void test_custom_weights(void **state)
{
	struct sy_rubric r;
	char err[512];
	const char *yaml = "partial_credit: 0\nparts:\n"
			   "  - id: a\n    weight: 3\n    headings: [主要举措]\n"
			   "  - id: b\n    weight: 1\n    headings: [第一责任人]\n";
	assert_int_equal(sy_rubric_load_string(&r, "w.yaml", yaml, strlen(yaml), err, sizeof err), 0);
	struct sy_report rep = {0};
	const char *text = TITLE PREAMBLE MEASURES;
	assert_int_equal(sy_doc_decode(&rep.doc, "x", (const unsigned char *)text, strlen(text), err, sizeof err), 0);
	sy_report_from_doc(&rep, &r);
	assert_int_equal(rep.score.score, 75);
	sy_report_free(&rep);
	sy_rubric_free(&r);
}

static void test_duplicates_across_units(void **state)
{
	const char *body = PREAMBLE MEASURES DUTY SHORT PLAN
		"全年共组织执法人员参加法律知识培训六期，覆盖全部一线执法岗位，考试合格率达到较高水平。"
		"深入开展法律进机关、进乡村、进社区、进学校、进企业、进单位活动，发放宣传资料若干份。"
		"建立健全重大行政决策程序制度，严格落实合法性审查，确保决策科学民主依法。\n";
	struct sy_batch b = {0};
	b.n = 3;
	b.r = calloc(3, sizeof *b.r);
	char *t0 = NULL, *t1 = NULL, *t2 = NULL;
	assert_true(asprintf(&t0, "云溪镇关于2024年法治政府建设情况的报告\n%s", body) > 0);
	assert_true(asprintf(&t1, "石桥街道关于2024年法治政府建设情况的报告\n%s", body) > 0);
	assert_true(asprintf(&t2, "云溪镇关于2024年法治政府建设情况的报告\n%s", body) > 0);
	test_report(&b.r[0], t0);
	test_report(&b.r[1], t1);
	test_report(&b.r[2], t2);
	sy_batch_crosscheck(&b);
	sy_batch_crosscheck(&b); /* idempotent */
	assert_int_equal(test_count_findings(&b.r[0], "duplicate"), 1);
	assert_int_equal(test_count_findings(&b.r[1], "duplicate"), 2);
	assert_int_equal(test_count_findings(&b.r[2], "duplicate"), 1);
	sy_batch_free(&b);
	free(t0);
	free(t1);
	free(t2);
}

/* Five near-copies from five units: each keeps at most three duplicate
 * findings, and a cross-check done in slices ends where one in one go does. */
static void test_duplicates_capped_and_stepped(void **state)
{
	const char *units[] = { "云溪镇", "石桥街道", "白沙乡", "青禾县司法局", "青禾县教育局" };
	struct sy_batch b = {0};
	b.n = 5;
	b.r = calloc(5, sizeof *b.r);
	for (size_t i = 0; i < 5; i++) {
		char *t = NULL;
		assert_true(asprintf(&t, "%s关于2024年法治政府建设情况的报告\n" PREAMBLE MEASURES DUTY SHORT PLAN
				     "全年共组织执法人员参加法律知识培训六期，覆盖全部一线执法岗位，考试合格率较高。"
				     "深入开展法律进机关、进乡村、进社区、进学校、进企业活动，发放宣传资料若干份。\n",
				     units[i]) > 0);
		test_report(&b.r[i], t);
		free(t);
	}
	struct sy_crosscheck *cc = sy_crosscheck_begin(&b);
	int steps = 1;
	while (!sy_crosscheck_step(cc)) {
		assert_int_equal(test_count_findings(&b.r[0], "duplicate"), 0); /* nothing half-done */
		steps++;
	}
	sy_crosscheck_free(cc);
	assert_true(steps > 1);
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(test_count_findings(&b.r[i], "duplicate"), 3);
	sy_batch_free(&b);
}

static void test_different_reports_are_not_duplicates(void **state)
{
	struct sy_batch b = {0};
	b.n = 2;
	b.r = calloc(2, sizeof *b.r);
	test_report(&b.r[0], TITLE PREAMBLE MEASURES DUTY SHORT PLAN DATE);
	test_report(&b.r[1], "石桥街道关于2024年法治政府建设情况的报告\n"
		    "一、主要工作及成效\n街道围绕基层治理，建成矛盾纠纷调处中心1个，调解纠纷86件，成功率百分之九十八，"
		    "为辖区群众提供法律咨询214人次，开展以案释法活动9场，化解信访积案3件。\n"
		    "二、第一责任人履职情况\n街道主任主持召开法治专题会议4次，带头旁听庭审1次，述法1次。\n"
		    "三、不足及原因\n社区法律顾问作用发挥不够，原因是考核机制不完善。\n"
		    "四、2025年工作计划\n推进智慧司法，完善调解网络。\n");
	sy_batch_crosscheck(&b);
	assert_int_equal(test_count_findings(&b.r[0], "duplicate"), 0);
	assert_int_equal(test_count_findings(&b.r[1], "duplicate"), 0);
	sy_batch_free(&b);
}

/* Text under a heading: sub-headings with their text count, bare sub-headings
 * and 暂无 do not; for an optional part 无 is the normal answer. */
static void test_what_counts_as_text(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在的不足和原因\n（一）存在的不足\n（二）原因分析\n" PLAN DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PARTIAL);
	assert_int_equal(rep.score.parts[2].ev.rule, SY_RULE_EMPTY);
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在的不足和原因\n暂无。\n" PLAN "五、其他需要报告的情况\n无\n" DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PARTIAL);
	assert_int_equal(rep.score.parts[2].ev.rule, SY_RULE_NOTHING);
	assert_int_equal(test_status(&rep, "other"), SY_PRESENT);
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY SHORT "四、2025年工作安排\n1.加强培训，全年举办培训班3期。\n" DATE);
	assert_int_equal(test_status(&rep, "plan"), SY_PRESENT); /* an item is text */
	sy_report_free(&rep);
}

/* Causes: strong words, weak ones (uncertain), and a clause finding fault
 * with the analysis of causes, which is a problem, not a cause. */
static void test_causes_strong_weak_and_not(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在的问题\n人员不足。之所以如此，是因为编制少。\n" PLAN DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PRESENT);
	assert_true(sy_evidence_uncertain(&rep.score.parts[2].ev));
	assert_int_equal(rep.score.parts[2].ev.aspect_line, 8);
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在的问题\n对败诉案件的原因分析不够深入。\n" PLAN DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PARTIAL);
	assert_int_equal(rep.score.parts[2].ev.rule, SY_RULE_ASPECT);
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在的问题\n培训少。主要原因是对形势分析不够。\n" PLAN DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PRESENT); /* a cause that is itself about analysis */
	assert_false(sy_evidence_uncertain(&rep.score.parts[2].ev));
	sy_report_free(&rep);
}

/* Inside a listed problem 原因 is the problem's own word unless its clause
 * states the cause; a sentence that points back at the problems and
 * attributes them is an analysis (uncertain), a listed problem never is. */
static void test_causes_in_items_and_attributions(void **state)
{
	static const struct {
		const char *text;
		enum sy_status want;
		bool uncertain;
	} cases[] = {
		{ "一是人员少；二是由于种种原因，培训未开展。\n", SY_PARTIAL, false },
		{ "（一）由于历史原因，档案不全。\n", SY_PARTIAL, false },
		{ "一是人员少，导致执法覆盖不全。\n", SY_PARTIAL, false },
		{ "一是由于编制紧张，人员少。\n", SY_PARTIAL, false },
		{ "一是人员少。这些问题亟待解决。\n", SY_PARTIAL, false },
		{ "一是人员少，原因在于编制未核增。\n", SY_PRESENT, false },
		{ "（一）人员少。\n（二）原因分析\n投入不足。\n", SY_PRESENT, false },
		{ "一是人员少；二是制度不全。造成上述问题的，是投入不足。\n", SY_PRESENT, true },
		{ "一是人员少。出现这些情况，关键在于重视不够。\n", SY_PRESENT, true },
		{ "一是人员少，主要是因为编制少。\n", SY_PRESENT, true },
		{ "一是人员少。上述问题的出现，主要受编制不足的影响。\n", SY_PRESENT, true },
		{ "一是人员少。这些问题如不及时解决，将造成不良影响。\n", SY_PARTIAL, false }, /* a consequence */
		{ "一是人员少。上述问题的根本解决有赖于各方努力。\n", SY_PARTIAL, false },
		/* 有关/相关 attribute only where they end their clause */
		{ "一是人员少。这与编制紧张有关，也与培训少有关。\n", SY_PRESENT, true },
		{ "一是人员少。上述问题的出现，与投入不足密切相关。\n", SY_PRESENT, true },
		{ "一是人员少。上述问题的产生与编制紧张有关。\n", SY_PRESENT, true },
		{ "一是人员少。针对上述问题，将加强与有关部门、相关单位的协调。\n", SY_PARTIAL, false },
		{ "一是与群众利益密切相关的政策宣传不够，这些问题较突出。\n", SY_PARTIAL, false },
		{ "一是人员少。归根到底，是编制少。\n", SY_PRESENT, true },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct sy_report rep;
		char text[1024];
		snprintf(text, sizeof text, "%s%s%s%s三、存在的问题\n%s%s%s", TITLE, PREAMBLE, MEASURES, DUTY,
			 cases[i].text, PLAN, DATE);
		test_report(&rep, text);
		if (test_status(&rep, "shortfalls") != (int)cases[i].want ||
		    sy_evidence_uncertain(&rep.score.parts[2].ev) != cases[i].uncertain)
			fail_msg("case %zu (%s): status %d, uncertain %d", i, cases[i].text,
				 test_status(&rep, "shortfalls"), sy_evidence_uncertain(&rep.score.parts[2].ev));
		sy_report_free(&rep);
	}
}

/* A section right after the shortfalls that names only its causes (or its
 * rectification) and has text belongs to it: the causes are reported. */
static void test_causes_in_their_own_section(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在的问题\n人员少。\n四、问题成因\n编制少。\n"
			  "五、2025年工作安排\n加强培训。\n" DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PRESENT);
	assert_false(sy_evidence_uncertain(&rep.score.parts[2].ev));
	assert_int_equal(rep.score.parts[2].ev.aspect_line, 9);
	assert_int_equal(rep.score.parts[2].body_end, 10); /* its text runs to the plan */
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在的问题\n人员少。\n四、原因分析\n"
			  "五、2025年工作安排\n加强培训。\n" DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PARTIAL); /* promised, not given */
	sy_report_free(&rep);
	test_report(&rep, TITLE PREAMBLE MEASURES DUTY "三、存在的问题\n人员少。\n四、整改情况\n已整改2项。\n"
			  "五、2025年工作安排\n加强培训。\n" DATE);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PARTIAL);
	assert_int_equal(test_count_findings(&rep, "rectification-missing"), 0);
	sy_report_free(&rep);
}

/* Numbering faults name the markers as written. */
static void test_numbering_messages(void **state)
{
	struct sy_report rep;
	test_report(&rep, TITLE PREAMBLE "一、主要举措和成效\n（一）甲项\n开展3场。\n（一)乙项\n开展4场。\n"
		    "二，党政主要负责人履职情况\n讲课3次。\n二、存在的不足和原因\n原因是人少。\n" DATE);
	const struct sy_finding *f = test_finding(&rep, "numbering-bracket");
	assert_non_null(f);
	assert_int_equal(f->line, 6);
	assert_non_null(strstr(f->message, "（一)"));
	f = test_finding(&rep, "numbering-repeat");
	assert_non_null(f);
	assert_int_equal(f->line, 10);
	assert_non_null(strstr(f->message, "\"二\" is used twice and \"三\" is missing"));
	f = test_finding(&rep, "numbering-mixed");
	assert_non_null(f);
	assert_int_equal(f->line, 8);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PRESENT); /* still read */
	assert_int_equal(test_line(&rep, "shortfalls"), 10);
	sy_report_free(&rep);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_complete_report),
		cmocka_unit_test(test_missing_part),
		cmocka_unit_test(test_empty_heading_is_partial),
		cmocka_unit_test(test_shortfalls_without_causes_is_partial),
		cmocka_unit_test(test_causes_in_text_make_shortfalls_present),
		cmocka_unit_test(test_causes_promised_but_absent),
		cmocka_unit_test(test_mention_inside_another_part_is_partial),
		cmocka_unit_test(test_preamble_mention_alone_is_missing),
		cmocka_unit_test(test_heading_naming_measures_and_duty),
		cmocka_unit_test(test_numbers_written_inside_a_run_on_line),
		cmocka_unit_test(test_topical_headings_stand_for_measures),
		cmocka_unit_test(test_next_steps_measures_is_plan_not_measures),
		cmocka_unit_test(test_one_heading_covers_two_parts),
		cmocka_unit_test(test_plan_year_mismatch_with_spaced_year),
		cmocka_unit_test(test_measures_naming_another_year),
		cmocka_unit_test(test_thin_part),
		cmocka_unit_test(test_order_is_information),
		cmocka_unit_test(test_debris_findings),
		cmocka_unit_test(test_no_date_and_late_date),
		cmocka_unit_test(test_published_late),
		cmocka_unit_test(test_duty_heading_variants),
		cmocka_unit_test(test_heading_variants),
		cmocka_unit_test(test_general_words_only_at_top_level),
		cmocka_unit_test(test_custom_weights),
		cmocka_unit_test(test_duplicates_across_units),
		cmocka_unit_test(test_duplicates_capped_and_stepped),
		cmocka_unit_test(test_different_reports_are_not_duplicates),
		cmocka_unit_test(test_what_counts_as_text),
		cmocka_unit_test(test_causes_strong_weak_and_not),
		cmocka_unit_test(test_causes_in_items_and_attributions),
		cmocka_unit_test(test_causes_in_their_own_section),
		cmocka_unit_test(test_numbering_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
