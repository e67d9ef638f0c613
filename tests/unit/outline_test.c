/* Outline: heading markers and levels, unnumbered and broken headings, title
 * block, unit and year, chrome, footers, preamble and the date line. */
#include "config.h"

#include "../test_common.h"
#include "shenyue/meta.h"
#include "shenyue/outline.h"
#include "shenyue/score.h"

static int marker_level(const char *s, size_t *ml)
{
	return sy_heading_marker(s, ml);
}

static void test_markers(void **state)
{
	size_t ml;
	assert_int_equal(marker_level("一、主要举措", &ml), 1);
	assert_int_equal(ml, strlen("一、"));
	assert_int_equal(marker_level("十二.其他", &ml), 1);
	assert_int_equal(marker_level("(三)强化", &ml), 2);
	assert_int_equal(marker_level("(10)细项", &ml), 3);
	assert_int_equal(marker_level("3.落实", &ml), 3);
	assert_int_equal(marker_level("3、落实", &ml), 3);
	assert_int_equal(marker_level("3)落实", &ml), 3);
	assert_int_equal(marker_level("第二部分工作成效", &ml), 1);
	/* not markers: running enumerations, decimals, years, dates */
	assert_int_equal(marker_level("一是落实责任", &ml), 0);
	assert_int_equal(marker_level("1.5万元", &ml), 0);
	assert_int_equal(marker_level("2024.1.20", &ml), 0);
	assert_int_equal(marker_level("2024年", &ml), 0);
	assert_int_equal(marker_level("一一对应", &ml), 0);
}

static void build(struct sy_report *rep, const char *text)
{
	test_report(rep, text);
}

static void test_levels_and_fullwidth_indent(void **state)
{
	struct sy_report rep;
	build(&rep, "关于2024年法治政府建设情况的报告\n"
		    "\n"
		    "\xE3\x80\x80\xE3\x80\x80一．主要举措和成效\n"
		    "（一）加强领导\n"
		    "1.成立小组。正文继续写了很多内容。\n"
		    "（2）细项\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->nh, 4);
	assert_int_equal(o->h[0].level, 1);
	assert_int_equal(o->h[0].line, 2);
	assert_string_equal(o->h[0].text, "主要举措和成效");
	assert_string_equal(o->h[0].display, "一．主要举措和成效");
	assert_int_equal(o->h[1].level, 2);
	assert_int_equal(o->h[2].level, 3);
	assert_string_equal(o->h[2].text, "成立小组");
	assert_true(o->h[2].inline_body);
	assert_string_equal(o->h[2].display, "1.成立小组");
	assert_int_equal(o->h[3].level, 4); /* （1） sits below 1., the national fourth level */
	assert_int_equal(o->h[3].style, SY_MARK_PAR);
	assert_int_equal(o->h[3].number, 2);
	sy_report_free(&rep);
}

static void test_enumeration_is_not_heading(void **state)
{
	struct sy_report rep;
	build(&rep, "报告\n一、主要工作\n一是加强学习，二是完善制度。\n");
	assert_int_equal(rep.outline.nh, 1);
	assert_int_equal(rep.outline.kind[2], SY_LK_TEXT);
	sy_report_free(&rep);
}

static void test_unnumbered_heading_when_numbering_lost(void **state)
{
	struct sy_report rep;
	build(&rep, "2024年度某镇法治政府建设情况报告\n"
		    "2024年，我镇扎实推进各项工作。\n"
		    "主要举措和成效\n"
		    "开展培训12场。\n"
		    "存在的不足和原因\n"
		    "一是能力不足，究其原因是培训少。\n"
		    "部分干部学法不够主动积极\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->nh, 2);
	assert_false(o->h[0].numbered);
	assert_int_equal(o->h[0].line, 2);
	assert_int_equal(o->h[1].line, 4);
	/* a short unpunctuated line that names no part stays text */
	assert_int_equal(o->kind[6], SY_LK_TEXT);
	sy_report_free(&rep);
}

static void test_wrapped_prose_is_not_a_heading(void **state)
{
	struct sy_report rep;
	build(&rep, "某镇法治政府建设情况报告\n"
		    "一、主要举措和成效\n"
		    "镇党委书记作为推进法治建设的\n"
		    "第一责任人职责落实情况良好\n"
		    "开展培训12场。\n");
	assert_int_equal(rep.outline.nh, 1);
	assert_int_equal(rep.outline.kind[3], SY_LK_TEXT);
	assert_int_equal(test_status(&rep, "duty"), SY_PARTIAL);
	sy_report_free(&rep);
}

/* Hard-wrapped text (a PDF at the page width): a line that starts a
 * paragraph and holds a part's words is still prose when it opens like
 * prose, or is as wide as its neighbours and carries a sentence on. */
static void test_wrapped_line_starting_a_paragraph(void **state)
{
	static const struct {
		const char *line; /* the third line, after 一、 and a sentence */
		bool heading;
	} cases[] = {
		{ "一是执法力量不足，在编执法人员仅五名，承担全镇", false },     /* running enumeration */
		{ "其二是存在的问题整改不够及时彻底的现象仍然存在", false },     /* running enumeration */
		{ "等专项行动中发现存在的问题已全部督促整改到位了", false },     /* carries a sentence on */
		{ "个，针对检查中发现存在的问题开展了专项整治行动", false },     /* one character and a comma */
		{ "全镇各村均制定了年度工作计划和安排，组织开展了", false },     /* comma, wrapped */
		{ "镇主要负责人履行法治建设职责带头学法讲法用法守", false },     /* wrapped, no title ending */
		{ "党政主要负责人履行推进法治建设第一责任人职责情况", true },   /* wrapped, reads as a title */
		{ "存在的不足和原因", true },                                   /* short */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char text[512];
		snprintf(text, sizeof text,
			 "某镇2024年法治政府建设情况报告\n"
			 "一、主要举措和成效\n"
			 "开展培训十二场，办理案件三十件，调解纠纷八十件。\n"
			 "%s\n"
			 "镇党委书记带头学法三次，主持研究法治工作四次，\n"
			 "带头接访群众二十人次，督办重点信访事项五件。\n",
			 cases[i].line);
		struct sy_report rep;
		build(&rep, text);
		if ((rep.outline.kind[3] == SY_LK_HEADING) != cases[i].heading)
			fail_msg("case %zu (%s): kind %s", i, cases[i].line, sy_line_kind_name(rep.outline.kind[3]));
		sy_report_free(&rep);
	}
}

/* A heading at the start of a line running straight into its text ends
 * where the text begins; a heading alone on its line keeps all its words. */
static void test_heading_into_text_at_line_start(void **state)
{
	static const struct {
		const char *line;
		const char *heading; /* the heading's text as read */
	} cases[] = {
		{ "三、存在的问题一是对败诉案件的原因分析不够深入；二是人员少。", "存在的问题" },   /* 一是 */
		{ "三、存在的问题2024年本局对投诉的原因剖析不够，整改滞后。", "存在的问题" },      /* a year */
		{ "一、主要举措和成效今年以来按照年度工作计划和安排推进。", "主要举措和成效" },     /* text_starts */
		{ "一、主要工作开展情况我局围绕中心工作依法行政。", "主要工作开展情况" },             /* text_starts */
		{ "三、存在的问题对纠纷成因的分析不够透彻，化解不及时。", "存在的问题" },           /* its clause ends in a comma */
		{ "三、存在的不足，主要是对案件原因的分析不够深入。", "存在的不足" },               /* a comma right after */
		{ "四、下一步工作打算首先，健全机制；其次，加强培训。", "下一步工作打算" },         /* 首先 */
		{ "三、存在的问题　一是执法不规范。", "存在的问题" },                               /* spaces */
		{ "一、主要措施和成效（一）抓实学法。全年学法9次。", "主要措施和成效" },             /* a sub-marker */
		{ "一、主要举措和成效　（一）强化领导，召开会议5次，调整领导小组。", "主要举措和成效" }, /* spaces, then a sub-marker */
		{ "五、其他需要报告的情况无。", "其他需要报告的情况" },                             /* only 无 */
		/* headings alone: nothing after their words is text */
		{ "二、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
		  "党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况" },
		{ "三、存在的不足和问题整改情况", "存在的不足和问题整改情况" },
		{ "三、存在的短板弱项以及产生问题的主要原因分析", "存在的短板弱项以及产生问题的主要原因分析" },
		{ "三、存在的不足以及对2025年工作的初步打算", "存在的不足以及对2025年工作的初步打算" },
		{ "一、主要工作（2024年法治政府建设举措及成效）", "主要工作(2024年法治政府建设举措及成效)" },
		{ "四、2025 年工作计划和重点任务", "2025年工作计划和重点任务" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char text[1024];
		snprintf(text, sizeof text,
			 "某县某局2024年法治政府建设情况报告\n"
			 "%s\n"
			 "全年开展检查12次，办理案件8件。\n",
			 cases[i].line);
		struct sy_report rep;
		build(&rep, text);
		if (rep.outline.nh < 1 || strcmp(rep.outline.h[0].text, cases[i].heading))
			fail_msg("case %zu (%s): heading %s", i, cases[i].line,
				 rep.outline.nh ? rep.outline.h[0].text : "(none)");
		sy_report_free(&rep);
	}
}

/* A numbered sub-heading naming a part, right after a part heading in a line
 * that lost its breaks, is a heading at its level whatever follows it. */
static void test_sub_heading_after_part_heading_in_line(void **state)
{
	static const char *const after[] = {
		"：局长带头学法，全年主持专题会议5次。",      /* a colon */
		"\xE3\x80\x80局长带头学法，全年主持专题会议5次。", /* a full-width space */
		"局长带头学法，全年主持专题会议5次。",        /* its text straight away */
	};
	static const char *const lead[] = { "", "现将有关情况报告如下：" };
	for (size_t i = 0; i < sizeof after / sizeof *after; i++)
		for (size_t j = 0; j < sizeof lead / sizeof *lead; j++) {
			char text[1024];
			snprintf(text, sizeof text,
				 "某县某局2024年法治政府建设情况报告\n"
				 "%s一、主要举措和成效（一）局主要负责人履行推进法治建设第一责任人职责情况%s"
				 "（二）强化执法监督。全年办理案件8件。二、存在的问题一是人员少。\n",
				 lead[j], after[i]);
			struct sy_report rep;
			build(&rep, text);
			const struct sy_outline *o = &rep.outline;
			if (o->nh < 3 || o->h[1].level != 2 ||
			    strcmp(o->h[1].text, "局主要负责人履行推进法治建设第一责任人职责情况"))
				fail_msg("case %zu/%zu: %zu headings, second %s", i, j, o->nh,
					 o->nh > 1 ? o->h[1].text : "(none)");
			sy_report_free(&rep);
		}
}

/* An unnumbered heading between two numbered parts opens no part of its
 * own unless it fills the number missing between them. */
static void test_unnumbered_heading_between_numbered_parts(void **state)
{
	struct sy_report rep;
	build(&rep, "某局2024年法治政府建设情况报告\n"
		    "一、主要举措和成效\n"
		    "开展培训12场。\n"
		    "主要做法和成效\n"
		    "办理案件30件。\n"
		    "二、存在的不足和原因\n"
		    "人员少，原因是编制少。\n"
		    "下一步工作打算\n"
		    "加强培训。\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->nh, 4);
	assert_int_equal(o->h[1].line, 3);
	assert_int_equal(o->h[1].level, 2); /* between 一、 and 二、: inside 一、 */
	assert_int_equal(o->h[3].line, 7);
	assert_int_equal(o->h[3].level, 1); /* after the last numbered part */
	sy_report_free(&rep);
	build(&rep, "某局2024年法治政府建设情况报告\n"
		    "一、主要举措和成效\n"
		    "开展培训12场。\n"
		    "主要负责人履行法治建设职责情况\n"
		    "带头学法3次。\n"
		    "三、存在的不足和原因\n"
		    "人员少，原因是编制少。\n");
	assert_int_equal(rep.outline.h[1].level, 1); /* it takes the place of 二、 */
	assert_int_equal(test_status(&rep, "duty"), SY_PRESENT);
	sy_report_free(&rep);
}

static void test_heading_broken_over_two_lines(void **state)
{
	struct sy_report rep;
	build(&rep, "报告\n"
		    "二、2024年推进法治政府建设的主要举措\n"
		    "和成效\n"
		    "正文内容，开展活动5场。\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->nh, 1);
	assert_int_equal(o->h[0].nlines, 2);
	assert_string_equal(o->h[0].text, "2024年推进法治政府建设的主要举措和成效");
	assert_int_equal(o->kind[2], SY_LK_HEADCONT);
	assert_int_equal(test_status(&rep, "measures"), SY_PRESENT);
	assert_int_equal(test_line(&rep, "measures"), 2);
	sy_report_free(&rep);
}

static void test_wu_after_heading_is_not_continuation(void **state)
{
	struct sy_report rep;
	build(&rep, "报告\n五、其他需要报告的情况\n无\n");
	assert_int_equal(rep.outline.h[0].nlines, 1);
	assert_int_equal(test_status(&rep, "other"), SY_PRESENT);
	sy_report_free(&rep);
}

static void test_title_unit_year(void **state)
{
	struct sy_report rep;
	build(&rep, "青禾县云溪镇人民政府\n关于2024年法治政府建设情况的报告\n\n2024年以来，我镇……\n");
	assert_string_equal(rep.outline.unit, "青禾县云溪镇人民政府");
	assert_int_equal(rep.outline.year, 2024);
	assert_int_equal(rep.outline.title_line, 1);
	assert_int_equal(rep.outline.kind[0], SY_LK_UNIT);
	sy_report_free(&rep);
	build(&rep, "石桥街道 2023 年度法治政府建设情况报告\n正文。\n");
	assert_string_equal(rep.outline.unit, "石桥街道");
	assert_int_equal(rep.outline.year, 2023);
	sy_report_free(&rep);
	build(&rep, "2024年度白沙乡法治政府建设工作报告\n正文。\n");
	assert_string_equal(rep.outline.unit, "白沙乡");
	sy_report_free(&rep);
	build(&rep, "中共青禾县石桥街道工作委员会 青禾县人民政府石桥街道办事处关于2024年法治政府建设情况的报告\n正文。\n");
	assert_string_equal(rep.outline.unit, "青禾县石桥街道");
	sy_report_free(&rep);
}

/* Joint issuers, wherever written, are read as the place they share; a
 * 委员会 that is a government department is not a party organ. */
static void test_joint_issuers(void **state)
{
	static const struct {
		const char *text;
		const char *unit;
	} cases[] = {
		{ "中共青禾县云溪镇委员会\n青禾县云溪镇人民政府\n关于2024年法治政府建设情况的报告\n正文。\n",
		  "青禾县云溪镇" },
		{ "青禾县云溪镇人民政府\n中共青禾县云溪镇委员会\n关于2024年法治政府建设情况的报告\n正文。\n",
		  "青禾县云溪镇" },
		{ "中共青禾县委 青禾县人民政府\n关于2024年法治政府建设情况的报告\n正文。\n", "青禾县" },
		{ "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n开展培训3场。\n"
		  "中共青禾县水利局党组\n青禾县水利局\n2025年1月10日\n",
		  "青禾县水利局" },
		{ "青禾县卫生健康委员会\n关于2024年法治政府建设情况的报告\n正文。\n", "青禾县卫生健康委员会" },
		{ "中国共产党青禾县云溪镇委员会 青禾县云溪镇人民政府\n关于2024年法治政府建设情况的报告\n正文。\n",
		  "青禾县云溪镇" },
	};
	assert_string_equal(sy_meta_skip_party("中共云溪镇委员会"), "云溪镇委员会");
	assert_string_equal(sy_meta_skip_party("中国共产党云溪镇委员会"), "云溪镇委员会");
	assert_string_equal(sy_meta_skip_party("云溪镇人民政府"), "云溪镇人民政府");
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct sy_report rep;
		build(&rep, cases[i].text);
		if (!rep.outline.unit || strcmp(rep.outline.unit, cases[i].unit))
			fail_msg("case %zu: unit %s, expected %s", i, rep.outline.unit ? rep.outline.unit : "(none)",
				 cases[i].unit);
		sy_report_free(&rep);
	}
}

static void test_document_number_is_not_the_unit(void **state)
{
	struct sy_report rep;
	build(&rep, "青禾政〔2025〕3号\n青禾县人民政府\n关于2024年法治政府建设情况的报告\n正文。\n");
	assert_string_equal(rep.outline.unit, "青禾县人民政府");
	sy_report_free(&rep);
}

static void test_title_broken_over_two_lines(void **state)
{
	struct sy_report rep;
	build(&rep, "云溪镇关于2024年法治政府建设\n情况的报告\n正文。\n");
	assert_int_equal(rep.outline.title_line, 0);
	assert_int_equal(rep.outline.kind[1], SY_LK_TITLE);
	assert_int_equal(rep.outline.year, 2024);
	assert_string_equal(rep.outline.unit, "云溪镇");
	sy_report_free(&rep);
}

static void test_year_from_first_paragraph(void **state)
{
	struct sy_report rep;
	build(&rep, "法治政府建设情况报告\n\n2024 年，我局坚持依法行政。\n一、主要工作\n内容。\n");
	assert_int_equal(rep.outline.year, 2024);
	assert_int_equal(rep.outline.year_line, 2);
	sy_report_free(&rep);
}

static void test_chrome_footer_preamble_and_date(void **state)
{
	struct sy_report rep;
	build(&rep, "某县某局2024年法治政府建设情况报告\n"
		    "来源：某县人民政府\n"
		    "发布日期：2025-03-01\n"
		    "现将2024年主要举措、存在不足和下步安排报告如下：\n"
		    "一、主要举措和成效\n"
		    "开展培训3场。\n"
		    "- 2 -\n"
		    "第3页共5页\n"
		    "某县某局\n"
		    "2025年1月20日\n"
		    "分享到：\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->kind[1], SY_LK_CHROME);
	assert_int_equal(o->kind[2], SY_LK_CHROME);
	assert_int_equal(o->kind[3], SY_LK_PREAMBLE);
	assert_int_equal(o->body_start, 4);
	assert_int_equal(o->kind[6], SY_LK_CHROME);
	assert_int_equal(o->kind[7], SY_LK_CHROME);
	assert_int_equal(o->kind[8], SY_LK_SIGNATURE);
	assert_int_equal(o->kind[9], SY_LK_DATE);
	assert_int_equal(o->kind[10], SY_LK_CHROME);
	assert_int_equal(o->date_line, 9);
	assert_int_equal(o->date_m, 1);
	assert_int_equal(o->date_d, 20);
	/* the preamble's mention of 不足 and 下步安排 is not a mention of those parts */
	assert_int_equal(test_status(&rep, "shortfalls"), SY_MISSING);
	assert_int_equal(test_status(&rep, "plan"), SY_MISSING);
	sy_report_free(&rep);
}

static void test_date_after_signature_on_one_line(void **state)
{
	struct sy_report rep;
	build(&rep, "报告\n一、主要工作\n开展活动3场。\n青禾县云溪镇人民政府\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80" "2025年1月15日\n");
	assert_int_equal(rep.outline.date_line, 3);
	assert_int_equal(rep.outline.date_d, 15);
	sy_report_free(&rep);
	build(&rep, "报告\n一、主要工作\n截至2024年12月31日共开展活动3场。\n");
	assert_int_equal(rep.outline.date_line, -1);
	sy_report_free(&rep);
}

static void test_web_page_chrome_around_a_report(void **state)
{
	struct sy_report rep;
	build(&rep, "首页 > 政务公开 > 法治政府建设年度报告\n"
		    "【字体：大 中 小】【打印】【关闭】\n"
		    "扫一扫在手机打开当前页\n"
		    "云溪镇2024年法治政府建设情况报告\n"
		    "一、主要举措和成效\n"
		    "开展活动3场。\n"
		    "上一篇：云溪镇2023年法治政府建设情况报告\n"
		    "网站标识码：1234567890\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->kind[0], SY_LK_CHROME);
	assert_int_equal(o->kind[1], SY_LK_CHROME);
	assert_int_equal(o->kind[2], SY_LK_CHROME);
	assert_int_equal(o->title_line, 3);
	assert_string_equal(o->unit, "云溪镇");
	assert_int_equal(o->kind[6], SY_LK_CHROME);
	assert_int_equal(o->kind[7], SY_LK_CHROME);
	/* a sentence that opens with a chrome word is content */
	sy_report_free(&rep);
	build(&rep, "报告\n一、主要举措和成效\n审核规范性文件12件。\n");
	assert_int_equal(rep.outline.kind[2], SY_LK_TEXT);
	sy_report_free(&rep);
}

/* A portal's site name and metadata above the title are chrome, never the
 * unit; the portal's 发文机关 names the unit when the report names none. */
static void test_portal_head(void **state)
{
	struct sy_report rep;
	build(&rep, "青禾县人民政府网\n"
		    "首页 > 政务公开\n"
		    "青禾县司法局2024年法治政府建设情况报告\n"
		    "一、主要举措和成效\n"
		    "开展活动3场。\n"
		    "（三）织密基层法治网\n"
		    "开展活动4场。\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->kind[0], SY_LK_CHROME);
	assert_int_equal(o->title_line, 2);
	assert_string_equal(o->unit, "青禾县司法局");
	assert_int_not_equal(o->kind[5], SY_LK_CHROME); /* a heading ending in 网 is no site */
	sy_report_free(&rep);
	build(&rep, "青禾县政府门户网站\n"
		    "索引号：1234/2025-00118\xE3\x80\x80\xE3\x80\x80发文机关：青禾县云溪镇人民政府\n"
		    "生成日期：2025-02-27\xE3\x80\x80主题分类：法治政府\xE3\x80\x80公开方式：主动公开\n"
		    "关于2024年度法治政府建设情况的报告\n"
		    "一、主要举措和成效\n"
		    "开展活动3场。\n");
	o = &rep.outline;
	assert_int_equal(o->kind[1], SY_LK_CHROME);
	assert_int_equal(o->kind[2], SY_LK_CHROME);
	assert_int_equal(o->title_line, 3);
	assert_int_equal(o->year, 2024);
	assert_string_equal(o->unit, "青禾县云溪镇人民政府");
	sy_report_free(&rep);
}

/* The report's title below its first lines: after a cover letter, or shown
 * again under a web page's header. It is the title, never a heading. */
static void test_title_after_cover_letter_or_web_header(void **state)
{
	struct sy_report rep;
	build(&rep, "县委、县政府：\n"
		    "现将我局2024年度法治政府建设情况报送如下。\n"
		    "附件：青禾县水利局2024年度法治政府建设情况报告\n"
		    "青禾县水利局\n"
		    "2025年2月10日\n"
		    "青禾县水利局2024年度法治政府建设情况报告\n"
		    "现将有关情况报告如下。\n"
		    "一、主要举措和成效\n"
		    "开展活动3场。\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->title_line, 5);
	assert_int_equal(o->kind[5], SY_LK_TITLE);
	assert_int_equal(o->kind[1], SY_LK_PREAMBLE); /* the letter is no part */
	assert_int_equal(o->h[0].line, 7);
	assert_int_equal(o->date_line, -1); /* the letter's date ends no report */
	assert_string_equal(o->unit, "青禾县水利局");
	assert_int_equal(o->year, 2024);
	sy_report_free(&rep);
	build(&rep, "首页 > 政务公开\n"
		    "青禾县水利局2024年度法治政府建设情况报告\n"
		    "发布日期：2025-03-01\n"
		    "青禾县水利局2024年度法治政府建设情况报告\n"
		    "现将有关情况报告如下：一、主要举措和成效（一）开展活动。开展活动3场。\n");
	o = &rep.outline;
	assert_int_equal(o->title_line, 3);
	assert_int_equal(o->kind[3], SY_LK_TITLE);
	assert_string_equal(o->h[0].text, "主要举措和成效");
	assert_int_equal(o->h[0].line, 4);
	sy_report_free(&rep);
	/* an unnumbered heading naming a part, not saying 报告, starts the body */
	build(&rep, "青禾县水利局2024年度法治政府建设情况报告\n"
		    "现将有关情况报告如下。\n"
		    "2024年法治政府建设主要举措和成效\n"
		    "开展活动3场。\n");
	o = &rep.outline;
	assert_int_equal(o->title_line, 0);
	assert_int_equal(o->h[0].line, 2);
	sy_report_free(&rep);
}

/* A breadcrumb on line 1 is the page's header, never the unit: one opening
 * with the site's name, or with 网站首页. */
static void test_breadcrumb_is_no_unit(void **state)
{
	struct sy_report rep;
	build(&rep, "青禾县人民政府门户网站 > 政府信息公开 > 法定主动公开内容\n"
		    "关于2024年度法治政府建设情况的报告\n"
		    "一、主要举措和成效\n"
		    "开展活动3场。\n"
		    "青禾县云溪街道办事处\n"
		    "2025年2月18日\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->kind[0], SY_LK_CHROME);
	assert_string_equal(o->unit, "青禾县云溪街道办事处");
	sy_report_free(&rep);
	build(&rep, "云溪镇人民政府网\xE3\x80\x80首页\n"
		    "云溪镇2024年法治政府建设情况报告\n"
		    "一、主要举措和成效\n"
		    "开展活动3场。\n");
	o = &rep.outline;
	assert_int_equal(o->kind[0], SY_LK_CHROME);
	assert_string_equal(o->unit, "云溪镇");
	sy_report_free(&rep);
	build(&rep, "网站首页 > 部门动态\n"
		    "青禾县水利局2024年法治政府建设情况报告\n"
		    "一、主要举措和成效\n"
		    "开展活动3场。\n");
	o = &rep.outline;
	assert_int_equal(o->kind[0], SY_LK_CHROME);
	assert_string_equal(o->unit, "青禾县水利局");
	sy_report_free(&rep);
	/* joint issuers on one line are no breadcrumb */
	build(&rep, "中共青禾县云溪镇委员会 青禾县云溪镇人民政府\n"
		    "关于2024年度法治政府建设情况的报告\n"
		    "一、主要举措和成效\n"
		    "开展活动3场。\n");
	o = &rep.outline;
	assert_int_equal(o->kind[0], SY_LK_UNIT);
	assert_string_equal(o->unit, "青禾县云溪镇");
	sy_report_free(&rep);
}

static void test_chinese_numeral_dates(void **state)
{
	assert_int_equal(sy_meta_year("关于二〇二四年法治政府建设情况的报告"), 2024);
	assert_int_equal(sy_meta_year("二零二五年工作计划"), 2025);
	assert_int_equal(sy_meta_year("一二三四年"), 0);
	assert_int_equal(sy_meta_year("二十年来"), 0);
	/* years in Chinese digits become Arabic ones, the rest stays as it was */
	const char *const arabic[][2] = {
		{ "二〇二四年法治政府建设情况", "2024年法治政府建设情况" },
		{ "二是二零二五年和二○二六年的计划", "二是2025年和2026年的计划" },
		{ "二十年来，二二二", "二十年来，二二二" },
		{ "至二〇二四", "至二〇二四" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof arabic / sizeof *arabic; i++) {
		char *got = sy_meta_arabic_years(arabic[i][0]);
		assert_string_equal(got, arabic[i][1]);
		free(got);
	}
	int y, m, d;
	assert_true(sy_meta_date("二〇二五年一月二十日", &y, &m, &d));
	assert_int_equal(y, 2025);
	assert_int_equal(m, 1);
	assert_int_equal(d, 20);
	assert_true(sy_meta_date("2025年12月31日", &y, &m, &d));
	assert_int_equal(m, 12);
	assert_true(sy_meta_date("二〇二四年十二月三十一日", &y, &m, &d));
	assert_int_equal(d, 31);
	assert_false(sy_meta_date("2025年1月20日印发", &y, &m, &d));
	assert_false(sy_meta_date("2025年13月1日", &y, &m, &d));
}

static void test_parts_numbered_at_level_two(void **state)
{
	struct sy_report rep;
	build(&rep, "某局法治政府建设情况报告\n现报告如下：\n（一）强化组织保障\n成立小组。\n"
		    "（二）创新普法宣传\n开展活动6场。\n");
	assert_int_equal(rep.outline.top_style, SY_MARK_PCN); /* the parts are numbered （一） */
	assert_int_equal(rep.outline.h[0].level, 1);
	assert_int_equal(rep.outline.body_start, 2);
	assert_int_equal(test_status(&rep, "measures"), SY_PARTIAL); /* topical headings */
	assert_int_equal(test_line(&rep, "measures"), 3);
	sy_report_free(&rep);
}

static void test_title_without_report_word_and_year_from_date(void **state)
{
	struct sy_report rep;
	build(&rep, "石桥街道法治政府建设工作情况\n今年以来，我街道扎实推进各项工作。\n一、主要工作\n开展活动3场。\n"
		    "2025年2月1日\n");
	assert_int_equal(rep.outline.title_line, 0);
	assert_string_equal(rep.outline.unit, "石桥街道");
	assert_int_equal(rep.outline.year, 2024); /* dated early 2025 */
	sy_report_free(&rep);
}

static void test_section_end(void **state)
{
	struct sy_report rep;
	build(&rep, "报告\n一、甲甲\n（一）乙乙\n文。\n（二）丙丙\n文。\n二、丁丁\n文。\n");
	assert_int_equal(rep.outline.nh, 4);
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(sy_outline_section_end(o, 0), 6);
	assert_int_equal(sy_outline_section_end(o, 1), 4);
	assert_int_equal(sy_outline_section_end(o, 3), 8);
	assert_int_equal(sy_outline_section_of(o, 5), 2);
	sy_report_free(&rep);
}

/* Decodes text and gives its lines the heading levels a document's styles would. */
static void build_styled(struct sy_report *rep, const char *text, const unsigned char *levels)
{
	char err[256];
	memset(rep, 0, sizeof *rep);
	rep->path = strdup("styled.docx");
	assert_int_equal(sy_doc_decode(&rep->doc, "styled.docx", (const unsigned char *)text, strlen(text),
				       err, sizeof err), 0);
	rep->doc.style_level = calloc(rep->doc.nlines, 1);
	memcpy(rep->doc.style_level, levels, rep->doc.nlines);
	sy_report_from_doc(rep, test_rubric());
}

static const char styled_text[] = "关于2024年法治政府建设情况的报告\n"
				   "一、主要举措和成效\n"
				   "强化组织保障\n"
				   "成立领导小组，召开会议3次。\n"
				   "加强制度建设\n"
				   "修订制度5项。\n";

static void test_style_makes_unnumbered_line_a_heading(void **state)
{
	struct sy_report plain, styled;
	test_report(&plain, styled_text);
	assert_int_equal(plain.outline.nh, 1); /* words alone: 强化组织保障 names no part */
	static const unsigned char levels[] = { 0, 1, 2, 0, 2, 0 };
	build_styled(&styled, styled_text, levels);
	const struct sy_outline *o = &styled.outline;
	assert_int_equal(o->nh, 3);
	assert_int_equal(o->h[0].level, 1);
	assert_true(o->h[0].numbered);
	assert_int_equal(o->h[1].line, 2);
	assert_int_equal(o->h[1].level, 2);
	assert_false(o->h[1].numbered);
	assert_string_equal(o->h[1].text, "强化组织保障");
	assert_int_equal(o->h[2].line, 4);
	assert_int_equal(o->h[2].level, 2);
	/* the measures part runs over both styled sub-headings */
	assert_int_equal(sy_outline_section_end(o, 0), 6);
	sy_report_free(&plain);
	sy_report_free(&styled);
}

static void test_style_levels_relative_to_top_styled_level(void **state)
{
	/* the title styled Heading 1, the parts Heading 2, their items Heading 3 */
	struct sy_report rep;
	static const unsigned char levels[] = { 1, 2, 3, 0, 3, 0 };
	build_styled(&rep, styled_text, levels);
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->title_line, 0);
	assert_int_equal(o->nh, 3);
	assert_int_equal(o->h[0].level, 1);
	assert_int_equal(o->h[1].level, 2);
	assert_int_equal(o->h[2].level, 2);
	sy_report_free(&rep);
}

static void test_styled_long_paragraph_is_not_a_heading(void **state)
{
	const char *text = "关于2024年法治政府建设情况的报告\n"
			   "一、主要举措和成效\n"
			   "这一段正文被误设为标题样式但它很长很长很长很长很长很长很长很长很长很长很长很长很长很长"
			   "很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长\n"
			   "修订制度5项。\n";
	struct sy_report rep;
	static const unsigned char levels[] = { 0, 1, 2, 0 };
	build_styled(&rep, text, levels);
	assert_int_equal(rep.outline.nh, 1);
	assert_int_equal(rep.outline.kind[2], SY_LK_TEXT);
	sy_report_free(&rep);
}

/* A contents page is navigation: its entries are neither headings nor the
 * start of the body, even when they repeat the headings word for word. */
static void test_contents_page_is_skipped(void **state)
{
	struct sy_report rep;
	build(&rep, "某局2024年法治政府建设情况报告\n目  录\n一、主要举措和成效……1\n二、存在的不足和原因……2\n"
		    "现将情况报告如下：\n一、主要举措和成效\n开展活动3场。\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->kind[1], SY_LK_CONTENTS);
	assert_int_equal(o->kind[3], SY_LK_CONTENTS);
	assert_int_equal(o->contents_first, 1);
	assert_int_equal(o->contents_last, 3);
	assert_int_equal(o->nh, 1);
	assert_int_equal(o->h[0].line, 5);
	assert_int_equal(o->body_start, 5);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_MISSING);
	assert_int_equal(rep.score.parts[2].ev.ignored, 4); /* seen in the contents */
	sy_report_free(&rep);
}

/* After the date line, 附件 and its tables are an annex, not the report. */
static void test_annex_after_the_date_line(void **state)
{
	struct sy_report rep;
	build(&rep, "某局2024年法治政府建设情况报告\n一、主要举措和成效\n开展活动3场。\n某局\n2025年1月20日\n"
		    "附件\n序号\t存在问题\t整改措施\n1\t培训少\t加强培训\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->date_line, 4);
	assert_int_equal(o->annex_line, 5);
	assert_int_equal(o->kind[6], SY_LK_ANNEX);
	assert_int_equal(o->body_end, 3);
	assert_int_equal(o->nh, 1);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_MISSING);
	sy_report_free(&rep);
}

/* A line that lost its line breaks is cut where part headings start in it. */
static void test_run_on_line_is_cut_at_headings(void **state)
{
	struct sy_report rep;
	build(&rep, "某镇2024年法治政府建设情况报告\n"
		    "2024年，我镇推进法治建设。现报告如下：一、主要举措和成效（一）强化决策。开展活动3场。"
		    "二、存在的不足和原因人员少，原因是编制紧。\n");
	const struct sy_outline *o = &rep.outline;
	assert_true(o->run_on);
	assert_int_equal(o->nh, 3);
	assert_string_equal(o->h[0].display, "一、主要举措和成效");
	assert_true(o->h[0].run_on);
	assert_int_equal(o->h[1].level, 2);
	assert_string_equal(o->h[2].display, "二、存在的不足和原因");
	assert_int_equal(o->h[2].line, 1);
	assert_int_equal(o->pc[o->h[0].piece - 1].kind, SY_LK_PREAMBLE);
	assert_int_equal(test_status(&rep, "measures"), SY_PRESENT);
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PRESENT);
	assert_true(sy_evidence_uncertain(&rep.score.parts[0].ev));
	sy_report_free(&rep);
}

/* The top level is the style the part headings use. */
static void test_top_level_from_the_part_headings(void **state)
{
	struct sy_report rep;
	build(&rep, "报告\n第一部分 工作总结\n一、强化领导\n开展3场。\n二、规范执法\n办案5件。\n"
		    "第二部分 存在的问题及原因\n人少，原因是编制紧。\n");
	assert_int_equal(rep.outline.top_style, SY_MARK_PART);
	assert_int_equal(rep.outline.h[1].level, 2);
	assert_int_equal(sy_outline_section_end(&rep.outline, 0), 6);
	assert_int_equal(test_status(&rep, "measures"), SY_PRESENT);
	sy_report_free(&rep);
	build(&rep, "报告\n1.2024年主要举措和成效\n（1）强化领导。开展3场。\n（2）规范执法。办案5件。\n"
		    "2.存在的问题及原因\n人少，原因是编制紧。\n");
	assert_int_equal(rep.outline.top_style, SY_MARK_AR);
	assert_int_equal(rep.outline.h[0].number, 1);
	assert_int_equal(rep.outline.h[1].level, 2);
	assert_int_equal(test_status(&rep, "measures"), SY_PRESENT);
	assert_int_equal(test_line(&rep, "shortfalls"), 5);
	sy_report_free(&rep);
}

/* Markdown and Word conversions: markup is read through, never a placeholder. */
static void test_markup_is_read_through(void **state)
{
	struct sy_report rep;
	build(&rep, "# 某街道2024年法治政府建设情况报告\n\n## 一、主要举措和成效\n\n开展活动**12场**。\n\n"
		    "**二、存在的不足和原因：**\n\n人少，原因是编制紧。\n\n## 三、**2025**年工作安排\n\n1\\. 加强培训。\n");
	const struct sy_outline *o = &rep.outline;
	assert_string_equal(o->unit, "某街道");
	assert_int_equal(o->nh, 4);
	assert_string_equal(o->h[1].display, "二、存在的不足和原因");
	assert_string_equal(o->h[2].text, "2025年工作安排");
	assert_int_equal(o->h[3].style, SY_MARK_AR);
	assert_int_equal(test_status(&rep, "plan"), SY_PRESENT);
	assert_int_equal(test_count_findings(&rep, "placeholder"), 0);
	assert_int_equal(test_count_findings(&rep, "plan-no-year"), 0);
	sy_report_free(&rep);
}

/* A contents page with neither 目录 nor dot leaders: a run of headings the
 * body then repeats; and a web copy whose paragraphs kept only their
 * indentation inside one line. */
static void test_listed_contents_and_indented_run_on(void **state)
{
	struct sy_report rep;
	build(&rep, "某局2024年法治政府建设情况报告\n一、主要举措和成效 1\n二、存在的不足和原因 3\n三、2025年工作安排 4\n"
		    "现报告如下。\n一、主要举措和成效\n开展活动3场。\n二、存在的不足和原因\n人少，原因是编制紧。\n"
		    "三、2025年工作安排\n加强培训。\n");
	assert_int_equal(rep.outline.kind[1], SY_LK_CONTENTS);
	assert_int_equal(rep.outline.kind[3], SY_LK_CONTENTS);
	assert_int_equal(test_line(&rep, "measures"), 6);
	assert_int_equal(test_status(&rep, "measures"), SY_PRESENT);
	sy_report_free(&rep);
	/* the same lines with text between them are headings, not contents */
	build(&rep, "报告\n一、主要举措和成效\n开展3场。\n二、存在的不足和原因\n原因是人少。\n三、2025年工作安排\n培训。\n");
	assert_int_equal(rep.outline.contents_first, -1);
	assert_int_equal(rep.outline.nh, 3);
	sy_report_free(&rep);
	build(&rep, "某镇2024年法治政府建设情况报告\n\xE3\x80\x80\xE3\x80\x80我镇成效明显（详见附表）"
		    "\xE3\x80\x80\xE3\x80\x80一、主要举措和成效\xE3\x80\x80\xE3\x80\x80开展活动12场。\n");
	assert_int_equal(rep.outline.nh, 1);
	assert_string_equal(rep.outline.h[0].display, "一、主要举措和成效");
	assert_true(rep.outline.h[0].run_on);
	sy_report_free(&rep);
}

/* A part's items numbered like the parts (三、 then 一、 二、, then 四、) are
 * read as the part's items: the part keeps its text, and the fault is told. */
static void test_items_numbered_like_the_parts(void **state)
{
	struct sy_report rep;
	build(&rep, "某局2024年法治政府建设情况报告\n一、主要举措和成效\n开展3场。\n二、党政主要负责人履职情况\n讲课3次。\n"
		    "三、存在的不足和原因\n一、执法力量不足，原因是编制少。\n二、宣传不够。\n四、2025年工作安排\n加强培训。\n");
	const struct sy_outline *o = &rep.outline;
	assert_int_equal(o->h[3].line, 6);
	assert_int_equal(o->h[3].level, 2);
	assert_int_equal(o->h[5].level, 1); /* 四、 goes on with the parts */
	assert_int_equal(test_status(&rep, "shortfalls"), SY_PRESENT);
	assert_int_equal(test_count_findings(&rep, "numbering-order"), 1);
	assert_int_equal(test_count_findings(&rep, "numbering-repeat"), 0);
	sy_report_free(&rep);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markers),
		cmocka_unit_test(test_levels_and_fullwidth_indent),
		cmocka_unit_test(test_enumeration_is_not_heading),
		cmocka_unit_test(test_unnumbered_heading_when_numbering_lost),
		cmocka_unit_test(test_wrapped_line_starting_a_paragraph),
		cmocka_unit_test(test_heading_into_text_at_line_start),
		cmocka_unit_test(test_sub_heading_after_part_heading_in_line),
		cmocka_unit_test(test_unnumbered_heading_between_numbered_parts),
		cmocka_unit_test(test_wrapped_prose_is_not_a_heading),
		cmocka_unit_test(test_heading_broken_over_two_lines),
		cmocka_unit_test(test_wu_after_heading_is_not_continuation),
		cmocka_unit_test(test_title_unit_year),
		cmocka_unit_test(test_joint_issuers),
		cmocka_unit_test(test_document_number_is_not_the_unit),
		cmocka_unit_test(test_title_broken_over_two_lines),
		cmocka_unit_test(test_year_from_first_paragraph),
		cmocka_unit_test(test_chrome_footer_preamble_and_date),
		cmocka_unit_test(test_date_after_signature_on_one_line),
		cmocka_unit_test(test_web_page_chrome_around_a_report),
		cmocka_unit_test(test_portal_head),
		cmocka_unit_test(test_title_after_cover_letter_or_web_header),
		cmocka_unit_test(test_breadcrumb_is_no_unit),
		cmocka_unit_test(test_chinese_numeral_dates),
		cmocka_unit_test(test_parts_numbered_at_level_two),
		cmocka_unit_test(test_title_without_report_word_and_year_from_date),
		cmocka_unit_test(test_section_end),
		cmocka_unit_test(test_style_makes_unnumbered_line_a_heading),
		cmocka_unit_test(test_style_levels_relative_to_top_styled_level),
		cmocka_unit_test(test_styled_long_paragraph_is_not_a_heading),
		cmocka_unit_test(test_contents_page_is_skipped),
		cmocka_unit_test(test_annex_after_the_date_line),
		cmocka_unit_test(test_run_on_line_is_cut_at_headings),
		cmocka_unit_test(test_top_level_from_the_part_headings),
		cmocka_unit_test(test_markup_is_read_through),
		cmocka_unit_test(test_listed_contents_and_indented_run_on),
		cmocka_unit_test(test_items_numbered_like_the_parts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
