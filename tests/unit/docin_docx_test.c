/* The .docx reader: Word numbering rebuilt as shown, heading styles, tables,
 * what is not body text, tracked changes and comments, malformed and hostile
 * parts, and packages recognised by content. */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>
#include <zip.h>

#include "../test_common.h"
#include "../tools/docx_writer.h"
#include "shenyue/docin_reader.h"
#include "shenyue/xalloc.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
	  "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""

static char tmpdir[] = "/tmp/shenyue-docx-test-XXXXXX";

/* Reads a body (the content of w:body) with optional styles and numbering definitions. */
static int read_body(struct sy_doc *d, const char *body, const char *styles, const char *numbering, char *err)
{
	char *doc = xasprintf("<?xml version=\"1.0\"?><w:document " W "><w:body>%s</w:body></w:document>", body);
	char *st = styles ? xasprintf("<w:styles " W ">%s</w:styles>", styles) : NULL;
	char *nb = numbering ? xasprintf("<w:numbering " W ">%s</w:numbering>", numbering) : NULL;
	struct sy_docx_parts p = { doc, st, nb, strlen(doc), st ? strlen(st) : 0, nb ? strlen(nb) : 0 };
	memset(d, 0, sizeof *d);
	err[0] = '\0';
	int rc = sy_docx_read_parts(d, &p, err, 256);
	free(doc);
	free(st);
	free(nb);
	return rc;
}

/* Reads a body that must read, and checks its lines. */
static void expect_lines(const char *body, const char *styles, const char *numbering, const char *const *want,
			 size_t n)
{
	struct sy_doc d;
	char err[256];
	if (read_body(&d, body, styles, numbering, err) != 0)
		fail_msg("read: %s", err);
	for (size_t i = 0; i < n && i < d.nlines; i++)
		if (strcmp(d.lines[i].text, want[i]))
			fail_msg("line %zu: got \"%s\", expected \"%s\"", i + 1, d.lines[i].text, want[i]);
	assert_int_equal(d.nlines, n);
	sy_doc_free(&d);
}

#define P(t) "<w:p><w:r><w:t>" t "</w:t></w:r></w:p>"
#define NP(num, lvl, t) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #lvl "\"/><w:numId w:val=\"" #num "\"/></w:numPr>" \
			"</w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>"
#define LVL(i, fmt, text) "<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" fmt "\"/>" \
			  "<w:lvlText w:val=\"" text "\"/><w:lvlJc w:val=\"left\"/></w:lvl>"

static const char gongwen[] = /* the 公文 levels: 一、 （一） 1. （1） */
	"<w:abstractNum w:abstractNumId=\"0\">" LVL(0, "chineseCounting", "%1、") LVL(1, "chineseCounting", "（%2）")
	LVL(2, "decimal", "%3.") LVL(3, "decimal", "（%4）") "</w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

static void test_numbering_levels_restart(void **state)
{
	static const char *const want[] = { "一、主要举措", "（一）组织", "（二）制度", "1.会议", "2.培训",
					    "二、存在不足", "（一）问题", "1.人员", "三、安排" };
	expect_lines(NP(1, 0, "主要举措") NP(1, 1, "组织") NP(1, 1, "制度") NP(1, 2, "会议") NP(1, 2, "培训")
			     NP(1, 0, "存在不足") NP(1, 1, "问题") NP(1, 2, "人员") NP(1, 0, "安排"),
		     NULL, gongwen, want, 9);
}

static void test_number_formats(void **state)
{
	static const struct {
		enum sy_numfmt f;
		int n;
		const char *want;
	} cases[] = {
		{ SY_NUM_CN_COUNT, 1, "一" },        { SY_NUM_CN_COUNT, 10, "十" },
		{ SY_NUM_CN_COUNT, 11, "十一" },     { SY_NUM_CN_COUNT, 20, "二十" },
		{ SY_NUM_CN_COUNT, 99, "九十九" },   { SY_NUM_CN_COUNT, 100, "一百" },
		{ SY_NUM_CN_COUNT, 101, "一百零一" }, { SY_NUM_CN_COUNT, 110, "一百一十" },
		{ SY_NUM_CN_COUNT, 1001, "一千零一" }, { SY_NUM_CN_COUNT, 10010, "一万零一十" },
		{ SY_NUM_CN_LEGAL, 10, "壹拾" },     { SY_NUM_CN_DIGIT, 10, "一〇" },
		{ SY_NUM_CIRCLE, 1, "①" },           { SY_NUM_CIRCLE, 20, "⑳" },
		{ SY_NUM_CIRCLE, 21, "㉑" },          { SY_NUM_CIRCLE, 51, "51" },
		{ SY_NUM_PAREN, 3, "⑶" },            { SY_NUM_FULLSTOP, 2, "⒉" },
		{ SY_NUM_TIANGAN, 1, "甲" },         { SY_NUM_TIANGAN, 11, "甲" },
		{ SY_NUM_DIZHI, 12, "亥" },          { SY_NUM_FULLWIDTH, 12, "１２" },
		{ SY_NUM_LOWER_LETTER, 27, "aa" },   { SY_NUM_UPPER_ROMAN, 1994, "MCMXCIV" },
		{ SY_NUM_LOWER_ROMAN, 4, "iv" },     { SY_NUM_DECIMAL_ZERO, 7, "07" },
		{ SY_NUM_NONE, 3, "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct sy_buf b = {0};
		sy_numfmt_append(&b, cases[i].f, cases[i].n);
		char *got = sy_buf_steal(&b);
		if (strcmp(got, cases[i].want))
			fail_msg("format %d of %d: got \"%s\", expected \"%s\"", cases[i].f, cases[i].n, got,
				 cases[i].want);
		free(got);
	}
	assert_int_equal(sy_numfmt_word("chineseCountingThousand"), SY_NUM_CN_COUNT);
	assert_int_equal(sy_numfmt_word("ideographTraditional"), SY_NUM_TIANGAN);
	assert_int_equal(sy_numfmt_word("decimalEnclosedCircleChinese"), SY_NUM_CIRCLE);
	assert_int_equal(sy_numfmt_word("somethingNew"), SY_NUM_DECIMAL);
	assert_int_equal(sy_numfmt_odf("一, 二, 三, ..."), SY_NUM_CN_COUNT);
	assert_int_equal(sy_numfmt_odf("①, ②, ③, ..."), SY_NUM_CIRCLE);
	assert_int_equal(sy_numfmt_odf("i"), SY_NUM_LOWER_ROMAN);
	assert_int_equal(sy_numfmt_odf(""), SY_NUM_NONE);
}

static void test_lists_continue_and_restart(void **state)
{
	/* nums 1 and 2 share a definition and continue each other; num 3
	 * restarts it (Word's "restart at 1"); level 1 never restarts
	 * (lvlRestart 0) and shows its number with the parent's (%1.%2) in
	 * decimal (isLgl) although level 0 counts in Chinese. */
	static const char numbering[] =
		"<w:abstractNum w:abstractNumId=\"5\">" LVL(0, "chineseCounting", "%1、")
		"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/><w:isLgl/>"
		"<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/><w:suff w:val=\"space\"/></w:lvl>"
		"</w:abstractNum>"
		"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"5\"/></w:num>"
		"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"5\"/></w:num>"
		"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"5\"/><w:lvlOverride w:ilvl=\"0\">"
		"<w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>";
	static const char *const want[] = { "一、甲", "1.1 子", "二、乙", "2.2 丑", "三、丙", "一、丁", "1.3 寅" };
	expect_lines(NP(1, 0, "甲") NP(1, 1, "子") NP(2, 0, "乙") NP(2, 1, "丑") NP(1, 0, "丙") NP(3, 0, "丁")
			     NP(3, 1, "寅"),
		     NULL, numbering, want, 7);
}

static const char heading_styles[] =
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"a\"/>"
	"<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"a\"/>"
	"<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"30\"><w:name w:val=\"标题 3\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"my\"><w:name w:val=\"我的小标题\"/><w:basedOn w:val=\"2\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"body\"><w:name w:val=\"Body\"/><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>"
	"<w:style w:type=\"character\" w:styleId=\"1\"><w:name w:val=\"heading 1 char\"/></w:style>";

static const char linked_numbering[] = /* levels linked to the heading styles */
	"<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
	"<w:pStyle w:val=\"1\"/><w:lvlText w:val=\"%1、\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
	"<w:numFmt w:val=\"chineseCounting\"/><w:pStyle w:val=\"2\"/><w:lvlText w:val=\"（%2）\"/></w:lvl></w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

#define SP(style, t) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>"

static void test_heading_styles_and_style_numbering(void **state)
{
	const char *body = SP("1", "主要举措") SP("2", "组织领导") SP("my", "自定小标题")
		SP("30", "三级") "<w:p><w:pPr><w:outlineLvl w:val=\"3\"/></w:pPr><w:r><w:t>直接大纲</w:t></w:r></w:p>"
		SP("body", "正文") "<w:p><w:pPr><w:pStyle w:val=\"2\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>"
		"<w:r><w:t>编号关掉</w:t></w:r></w:p>" P("普通");
	struct sy_doc d;
	char err[256];
	assert_int_equal(read_body(&d, body, heading_styles, linked_numbering, err), 0);
	static const char *const want[] = { "一、主要举措", "（一）组织领导", "（二）自定小标题", "三级",
					    "直接大纲", "正文", "编号关掉", "普通" };
	static const int levels[] = { 1, 2, 2, 3, 4, 0, 2, 0 };
	assert_int_equal(d.nlines, 8);
	for (size_t i = 0; i < 8; i++) {
		assert_string_equal(d.lines[i].text, want[i]);
		if (sy_doc_style_level(&d, i) != levels[i])
			fail_msg("line %zu: style level %d, expected %d", i + 1, sy_doc_style_level(&d, i), levels[i]);
	}
	sy_doc_free(&d);
}

static void test_tables_rows_of_cells(void **state)
{
	const char *body = P("表1")
		"<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>"
		"<w:tr><w:tc><w:tcPr><w:tcW w:w=\"1\"/></w:tcPr>" P("项目") "</w:tc><w:tc>" P("数量") "</w:tc></w:tr>"
		"<w:tr><w:tc>" P("案件") P("（行政）") "</w:tc><w:tc>" P("47件") "</w:tc></w:tr>"
		"<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"a\"/></w:trPr><w:tc>" P("删掉的行") "</w:tc></w:tr>"
		"<w:tr><w:tc><w:tbl><w:tr><w:tc>" P("嵌套") "</w:tc><w:tc>" P("表格") "</w:tc></w:tr></w:tbl></w:tc>"
		"<w:tc>" "<w:p/>" "</w:tc><w:tc>" P("末格") "</w:tc></w:tr></w:tbl>" P("表后");
	struct sy_doc d;
	char err[256];
	assert_int_equal(read_body(&d, body, heading_styles, NULL, err), 0);
	static const char *const want[] = { "表1", "项目\t数量", "案件 （行政）\t47件", "嵌套 表格\t\t末格", "表后" };
	assert_int_equal(d.nlines, 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(d.lines[i].text, want[i]);
	assert_int_equal(d.revisions, 1); /* the deleted row */
	sy_doc_free(&d);
}

static void test_what_is_not_body_text(void **state)
{
	const char *body =
		"<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>"
		"<w:r><w:t xml:space=\"preserve\">正文 </w:t></w:r>"
		"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>" P("文本框")
		"</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" P("文本框")
		"</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
		"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
		"<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>不隐藏</w:t></w:r>"
		"<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
		"<w:r><w:tab/><w:t>制表</w:t><w:br/><w:t>换行</w:t><w:br w:type=\"page\"/><w:t>分页</w:t></w:r>"
		"<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:sym w:font=\"SimSun\" w:char=\"2605\"/></w:r>"
		"</w:p>"
		"<w:sdt><w:sdtPr><w:alias w:val=\"目录\"/><w:placeholder><w:docPart w:val=\"x\"/></w:placeholder></w:sdtPr>"
		"<w:sdtContent>" P("控件内容") "</w:sdtContent></w:sdt>"
		"<w:p><w:r><w:t>line\nbreak</w:t></w:r></w:p>";
	static const char *const want[] = { "正文 3不隐藏\t制表", "换行分页★", "控件内容", "line break" };
	expect_lines(body, NULL, NULL, want, 4);
}

static void test_tracked_changes_read_as_accepted(void **state)
{
	const char *body = P("第一段")
		"<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>删除</w:delText></w:r>"
		"</w:del><w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>插入</w:t></w:r></w:ins>"
		"<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>移走</w:t></w:r></w:moveFrom></w:p>"
		/* a deleted paragraph mark joins the paragraph to the next */
		"<w:p><w:pPr><w:rPr><w:del w:id=\"4\" w:author=\"a\"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p>"
		"<w:p><w:pPr><w:rPr><w:rPrChange w:id=\"5\"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr></w:pPr>"
		"<w:r><w:t>后半</w:t></w:r></w:p>"
		"<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>有批注</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>"
		"<w:r><w:commentReference w:id=\"0\"/></w:r></w:p>";
	struct sy_doc d;
	char err[256];
	assert_int_equal(read_body(&d, body, NULL, NULL, err), 0);
	assert_int_equal(d.nlines, 4);
	assert_string_equal(d.lines[1].text, "保留插入");
	assert_string_equal(d.lines[2].text, "前半后半");
	assert_int_equal(d.revisions, 5);
	assert_int_equal(d.revision_line, 2);
	assert_int_equal(d.comments, 1);
	assert_int_equal(d.comment_line, 4);
	sy_doc_free(&d);
}

static void expect_refused(const char *xml, const char *why)
{
	struct sy_docx_parts p = { xml, NULL, NULL, strlen(xml), 0, 0 };
	struct sy_doc d;
	char err[256] = "";
	memset(&d, 0, sizeof d);
	assert_int_equal(sy_docx_read_parts(&d, &p, err, sizeof err), -1);
	if (!strstr(err, why))
		fail_msg("error \"%s\" does not say \"%s\"", err, why);
	sy_doc_free(&d);
}

static void test_malformed_and_hostile_xml(void **state)
{
	expect_refused("<w:document " W "><w:body><w:p><w:r><w:t>半截</w:t></w:r>", "word/document.xml");
	expect_refused("<w:document " W "><w:body><w:p></w:r></w:body></w:document>", "line 1");
	/* a DTD, with the billion laughs in it */
	expect_refused("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\">"
		       "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
		       "<w:document " W "><w:body><w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p></w:body></w:document>",
		       "DTD");
	/* an external entity never reaches the disk or the network */
	expect_refused("<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document " W
		       "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>",
		       "DTD");
	struct sy_buf deep = {0};
	sy_buf_puts(&deep, "<w:document " W "><w:body>");
	for (int i = 0; i < 300; i++)
		sy_buf_puts(&deep, "<w:sdt><w:sdtContent>");
	sy_buf_puts(&deep, "</w:body></w:document>");
	expect_refused(deep.data, "deep");
	sy_buf_free(&deep);
}

/* ---- whole packages ---- */

static char *path_in_tmp(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* Writes a zip of n members (name, NUL-terminated content). */
static void write_zip(const char *path, const char *const *members, size_t n)
{
	int e;
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &e);
	assert_non_null(za);
	for (size_t i = 0; i < n; i++) {
		zip_source_t *src = zip_source_buffer(za, members[2 * i + 1], strlen(members[2 * i + 1]), 0);
		assert_true(zip_file_add(za, members[2 * i], src, ZIP_FL_OVERWRITE) >= 0);
	}
	assert_int_equal(zip_close(za), 0);
}

static const char ct_docx[] =
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName="
	"\"/word/main.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml."
	"document.main+xml\"/></Types>";

static void expect_load_error(const char *path, const char *why)
{
	struct sy_doc d;
	char err[512];
	assert_int_equal(sy_doc_load(&d, path, err, sizeof err), -1);
	if (!strstr(err, why))
		fail_msg("%s: error \"%s\" does not say \"%s\"", path, err, why);
	sy_doc_free(&d);
}

static void test_package_by_content_not_name(void **state)
{
	/* the main part where [Content_Types].xml says, under a .txt name */
	char *path = path_in_tmp("really-a-docx.txt");
	const char *members[] = { "[Content_Types].xml", ct_docx, "word/main.xml",
				  "<w:document " W "><w:body>" P("一份报告") "</w:body></w:document>" };
	write_zip(path, members, 2);
	struct sy_doc d;
	char err[512];
	assert_int_equal(sy_doc_load(&d, path, err, sizeof err), 0);
	assert_int_equal(d.kind, SY_KIND_DOCX);
	assert_string_equal(sy_doc_source_name(&d), "docx");
	assert_string_equal(d.lines[0].text, "一份报告");
	sy_doc_free(&d);
	unlink(path);
	free(path);
}

static void test_broken_packages(void **state)
{
	char *path = path_in_tmp("other.docx");
	const char *xlsx[] = { "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>" };
	write_zip(path, xlsx, 2);
	expect_load_error(path, "not a Word (.docx) or OpenDocument (.odt)");
	const char *nobody[] = { "[Content_Types].xml", ct_docx };
	write_zip(path, nobody, 1);
	expect_load_error(path, "no word/main.xml");
	/* a docx cut off in the middle (an interrupted download) */
	struct docx_marks m;
	assert_int_equal(docx_write(path, "一、标题\n正文。\n", strlen("一、标题\n正文。\n"), DOCX_WORD, &m), 0);
	assert_int_equal(truncate(path, 300), 0);
	expect_load_error(path, "broken zip package");
	unlink(path);
	free(path);
}

static void test_zip_bomb_refused(void **state)
{
	char *path = path_in_tmp("bomb.docx");
	struct sy_buf big = {0};
	sy_buf_puts(&big, "<w:document " W "><w:body>");
	for (int i = 0; i < 400000; i++)
		sy_buf_puts(&big, "<w:p/>");
	sy_buf_puts(&big, "</w:body></w:document>");
	const char *members[] = { "[Content_Types].xml", ct_docx, "word/main.xml", big.data };
	write_zip(path, members, 2);
	expect_load_error(path, "zip bomb");
	sy_buf_free(&big);
	unlink(path);
	free(path);
}

static void test_writer_documents_read_back(void **state)
{
	/* the test tool's documents are what the seed twins rely on */
	const char *text = "关于2024年法治政府建设情况的报告\n\n一、主要举措和成效\n（一）加强领导\n1.成立小组。\n"
			   "2.制定方案。\n（二）完善制度\n二、存在的不足和原因\n三、2025年工作安排\n";
	char *path = path_in_tmp("word.docx");
	struct docx_marks m;
	assert_int_equal(docx_write(path, text, strlen(text), DOCX_WORD, &m), 0);
	assert_int_equal(m.numbered, 7);
	struct sy_doc d;
	char err[512];
	assert_int_equal(sy_doc_load(&d, path, err, sizeof err), 0);
	assert_int_equal(d.nlines, 9);
	assert_string_equal(d.lines[8].text, "三、2025年工作安排");
	assert_int_equal(sy_doc_style_level(&d, 2), 1);
	assert_int_equal(sy_doc_style_level(&d, 3), 2);
	assert_int_equal(sy_doc_style_level(&d, 4), 0);
	assert_string_equal(d.lines[5].text, "2.制定方案。");
	sy_doc_free(&d);
	unlink(path);
	free(path);
}

static int make_tmpdir(void **state)
{
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	return rmdir(tmpdir);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbering_levels_restart),
		cmocka_unit_test(test_number_formats),
		cmocka_unit_test(test_lists_continue_and_restart),
		cmocka_unit_test(test_heading_styles_and_style_numbering),
		cmocka_unit_test(test_tables_rows_of_cells),
		cmocka_unit_test(test_what_is_not_body_text),
		cmocka_unit_test(test_tracked_changes_read_as_accepted),
		cmocka_unit_test(test_malformed_and_hostile_xml),
		cmocka_unit_test(test_package_by_content_not_name),
		cmocka_unit_test(test_broken_packages),
		cmocka_unit_test(test_zip_bomb_refused),
		cmocka_unit_test(test_writer_documents_read_back),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
