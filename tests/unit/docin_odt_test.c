/* The .odt reader: list numbering (nesting, continuation, restarts, start
 * values, headers), outline levels and outline numbering, ODF white space,
 * tables, what is not body text, tracked changes and annotations, and the
 * committed LibreOffice fixture scored like its text. */
#include "config.h"

#include "../test_common.h"
#include "shenyue/docin_reader.h"
#include "shenyue/fileio.h"
#include "shenyue/xalloc.h"

#define NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
	   "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
	   "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
	   "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
	   "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" " \
	   "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" " \
	   "xmlns:loext=\"urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0\""

/* The 公文 list: 一、 （一） 1. */
static const char list_styles[] =
	"<text:list-style style:name=\"L1\">"
	"<text:list-level-style-number text:level=\"1\" style:num-suffix=\"、\" style:num-format=\"一, 二, 三, ...\"/>"
	"<text:list-level-style-number text:level=\"2\" style:num-prefix=\"（\" style:num-suffix=\"）\" style:num-format=\"一, 二, 三, ...\"/>"
	"<text:list-level-style-number text:level=\"3\" style:num-suffix=\".\" style:num-format=\"1\"/>"
	"</text:list-style>"
	"<text:list-style style:name=\"L2\">"
	"<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" style:num-format=\"1\"/>"
	"<text:list-level-style-number text:level=\"2\" style:num-suffix=\")\" style:num-format=\"1\" text:display-levels=\"2\"/>"
	"</text:list-style>"
	"<text:list-style style:name=\"L3\">"
	"<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\"/>"
	"<text:list-level-style-number text:level=\"2\" loext:num-list-format=\"第%2%条\" style:num-format=\"一, 二, 三, ...\"/>"
	"</text:list-style>"
	"<style:style style:name=\"Heading_20_1\" style:family=\"paragraph\" style:default-outline-level=\"1\"/>"
	"<style:style style:name=\"P9\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\"/>";

static const char outline_styles[] =
	"<office:document-styles " NS "><office:styles><text:outline-style style:name=\"Outline\">"
	"<text:outline-level-style text:level=\"1\" style:num-prefix=\"第\" style:num-suffix=\"章\" style:num-format=\"一, 二, 三, ...\"/>"
	"<text:outline-level-style text:level=\"2\" style:num-format=\"\"/>"
	"</text:outline-style></office:styles></office:document-styles>";

static int read_odt(struct sy_doc *d, const char *body, const char *styles, char *err)
{
	char *content = xasprintf("<?xml version=\"1.0\"?><office:document-content " NS "><office:automatic-styles>%s"
				  "</office:automatic-styles><office:body><office:text>%s</office:text></office:body>"
				  "</office:document-content>", list_styles, body);
	memset(d, 0, sizeof *d);
	int rc = sy_odt_read_parts(d, content, strlen(content), styles, styles ? strlen(styles) : 0, err, 256);
	free(content);
	return rc;
}

static void expect_lines(const char *body, const char *styles, const char *const *want, size_t n)
{
	struct sy_doc d;
	char err[256] = "";
	if (read_odt(&d, body, styles, err) != 0)
		fail_msg("read: %s", err);
	for (size_t i = 0; i < n && i < d.nlines; i++)
		if (strcmp(d.lines[i].text, want[i]))
			fail_msg("line %zu: got \"%s\", expected \"%s\"", i + 1, d.lines[i].text, want[i]);
	assert_int_equal(d.nlines, n);
	sy_doc_free(&d);
}

#define ITEM(t) "<text:list-item><text:p>" t "</text:p></text:list-item>"

static void test_list_numbering(void **state)
{
	const char *body =
		"<text:list text:style-name=\"L1\"><text:list-item><text:h text:outline-level=\"1\">主要举措</text:h>"
		"<text:list>" ITEM("组织") "<text:list-item><text:p>制度</text:p><text:p>同一项的第二段</text:p>"
		"<text:list>" ITEM("会议") ITEM("培训") "</text:list></text:list-item></text:list></text:list-item></text:list>"
		"<text:p>正文</text:p>"
		/* continues the numbering of L1 */
		"<text:list text:style-name=\"L1\" text:continue-numbering=\"true\">"
		"<text:list-item><text:h text:outline-level=\"1\">存在不足</text:h></text:list-item>"
		"<text:list-header><text:p>列表标题不编号</text:p></text:list-header>"
		"<text:list-item text:start-value=\"5\"><text:p>跳到五</text:p></text:list-item></text:list>"
		/* a new list of the same style starts again */
		"<text:list text:style-name=\"L1\">" ITEM("重新开始") "</text:list>"
		/* an item holding only a sublist has no number and is not counted (as LibreOffice shows it) */
		"<text:list text:style-name=\"L2\">" ITEM("甲") "<text:list-item><text:list>" ITEM("乙") ITEM("丙")
		"</text:list></text:list-item></text:list>"
		"<text:list text:style-name=\"L3\">" ITEM("圆点") "<text:list-item><text:list>" ITEM("自定")
		"</text:list></text:list-item></text:list>";
	static const char *const want[] = { "一、主要举措", "（一）组织", "（二）制度", "同一项的第二段", "1.会议",
					    "2.培训", "正文", "二、存在不足", "列表标题不编号", "五、跳到五",
					    "一、重新开始", "1.甲", "1.1)乙", "1.2)丙", "•圆点", "第一条自定" };
	expect_lines(body, NULL, want, 16);
}

static void test_outline_levels_and_numbers(void **state)
{
	const char *body = "<text:h text:outline-level=\"1\">总则</text:h><text:p>正文</text:p>"
			   "<text:h text:outline-level=\"2\">细则</text:h><text:h text:outline-level=\"1\">分则</text:h>"
			   "<text:p text:style-name=\"P9\">样式给的标题</text:p>";
	struct sy_doc d;
	char err[256] = "";
	assert_int_equal(read_odt(&d, body, outline_styles, err), 0);
	static const char *const want[] = { "第一章总则", "正文", "细则", "第二章分则", "样式给的标题" };
	static const int levels[] = { 1, 0, 2, 1, 1 };
	assert_int_equal(d.nlines, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(d.lines[i].text, want[i]);
		assert_int_equal(sy_doc_style_level(&d, i), levels[i]);
	}
	sy_doc_free(&d);
}

static void test_white_space_and_breaks(void **state)
{
	const char *body = "<text:p>\n   前导空白被忽略，  连续空白\n 合为一个<text:s text:c=\"3\"/>三个空格"
			   "<text:tab/>制表<text:line-break/>换行<text:soft-page-break/>分页不断行</text:p>"
			   "<text:p><text:span>跨</text:span><text:a>链接</text:a><text:bookmark text:name=\"x\"/>文字</text:p>";
	static const char *const want[] = { "前导空白被忽略， 连续空白 合为一个   三个空格\t制表", "换行分页不断行",
					    "跨链接文字" };
	expect_lines(body, NULL, want, 3);
}

static void test_tables_and_what_is_not_body_text(void **state)
{
	const char *body =
		"<table:table><table:table-column/><table:table-header-rows><table:table-row>"
		"<table:table-cell><text:p>项目</text:p></table:table-cell><table:table-cell><text:p>数量</text:p>"
		"</table:table-cell></table:table-row></table:table-header-rows><table:table-row>"
		"<table:table-cell><text:p>案件</text:p><text:p>（行政）</text:p></table:table-cell>"
		"<table:covered-table-cell/><table:table-cell><text:p>47件</text:p></table:table-cell>"
		"</table:table-row></table:table>"
		"<text:p>正文<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
		"<text:note-body><text:p>脚注</text:p></text:note-body></text:note>"
		"<draw:frame><draw:text-box><text:p>文本框</text:p></draw:text-box></draw:frame>"
		"<office:annotation><dc:creator>审核人</dc:creator><text:p>批注内容</text:p></office:annotation>继续</text:p>";
	struct sy_doc d;
	char err[256] = "";
	assert_int_equal(read_odt(&d, body, NULL, err), 0);
	static const char *const want[] = { "项目\t数量", "案件 （行政）\t\t47件", "正文继续" };
	assert_int_equal(d.nlines, 3);
	for (size_t i = 0; i < 3; i++)
		assert_string_equal(d.lines[i].text, want[i]);
	assert_int_equal(d.comments, 1);
	assert_int_equal(d.comment_line, 3);
	sy_doc_free(&d);
}

static void test_tracked_changes_read_as_accepted(void **state)
{
	const char *body =
		"<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><office:change-info>"
		"<dc:creator>审核人</dc:creator></office:change-info><text:p>被删除的文字</text:p></text:deletion>"
		"</text:changed-region><text:changed-region text:id=\"c2\"><text:insertion/></text:changed-region>"
		"</text:tracked-changes>"
		"<text:p>第一段</text:p><text:p>保留<text:change text:change-id=\"c1\"/><text:change-start "
		"text:change-id=\"c2\"/>插入<text:change-end text:change-id=\"c2\"/></text:p>";
	struct sy_doc d;
	char err[256] = "";
	assert_int_equal(read_odt(&d, body, NULL, err), 0);
	assert_int_equal(d.nlines, 2);
	assert_string_equal(d.lines[1].text, "保留插入");
	assert_int_equal(d.revisions, 2);
	assert_int_equal(d.revision_line, 2);
	sy_doc_free(&d);
}

static void test_malformed_content_refused(void **state)
{
	struct sy_doc d;
	char err[256] = "";
	memset(&d, 0, sizeof d);
	const char *bad = "<office:document-content " NS "><office:body><office:text><text:p>半截";
	assert_int_equal(sy_odt_read_parts(&d, bad, strlen(bad), NULL, 0, err, sizeof err), -1);
	assert_non_null(strstr(err, "content.xml"));
	sy_doc_free(&d);
	const char *dtd = "<!DOCTYPE x [<!ENTITY a \"b\">]><office:document-content " NS "/>";
	assert_int_equal(sy_odt_read_parts(&d, dtd, strlen(dtd), NULL, 0, err, sizeof err), -1);
	assert_non_null(strstr(err, "DTD"));
	sy_doc_free(&d);
}

/* tests/fixtures/documents/01-complete.odt: examples/01-complete.txt saved by
 * LibreOffice (tests/fixtures/documents/make.sh), with Word's numbering turned
 * into ODF lists, read back and scored like the text. */
static void test_libreoffice_fixture_scores_like_text(void **state)
{
	const char *src = getenv("SRCDIR");
	char *odt = xasprintf("%s/tests/fixtures/documents/01-complete.odt", src ? src : "..");
	char *txt = xasprintf("%s/examples/01-complete.txt", src ? src : "..");
	struct sy_report a = {0}, b = {0};
	assert_int_equal(sy_report_load(&a, txt, test_rubric()), 0);
	assert_int_equal(sy_report_load(&b, odt, test_rubric()), 0);
	assert_int_equal(b.doc.kind, SY_KIND_ODT);
	assert_int_equal(a.score.score, b.score.score);
	assert_int_equal(a.doc.nlines, b.doc.nlines);
	for (size_t i = 0; i < a.score.nparts; i++) {
		assert_int_equal(a.score.parts[i].status, b.score.parts[i].status);
		assert_int_equal(a.score.parts[i].line, b.score.parts[i].line);
	}
	assert_int_equal(a.score.nf, b.score.nf);
	for (size_t i = 0; i < a.outline.nh; i++)
		assert_string_equal(a.outline.h[i].marker, b.outline.h[i].marker);
	assert_true(sy_doc_style_level(&b.doc, (size_t)b.outline.h[0].line) > 0);
	sy_report_free(&a);
	sy_report_free(&b);
	free(odt);
	free(txt);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_numbering),
		cmocka_unit_test(test_outline_levels_and_numbers),
		cmocka_unit_test(test_white_space_and_breaks),
		cmocka_unit_test(test_tables_and_what_is_not_body_text),
		cmocka_unit_test(test_tracked_changes_read_as_accepted),
		cmocka_unit_test(test_malformed_content_refused),
		cmocka_unit_test(test_libreoffice_fixture_scores_like_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
