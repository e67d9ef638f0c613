/* The .docx writer: every part is well-formed XML and where Word looks for
 * it; fonts, sizes and margins as GB/T 9704-2012 has them; Chinese text
 * round-trips; what XML cannot hold is replaced; tables fill their grid;
 * nothing is overwritten without asking; LibreOffice converts the result. */
#include "config.h"

#include "ooxml_fixture.h"
#include "shenyue/docx.h"

static const char TITLE[] = "关于青禾县云溪镇2024年度法治政府建设年度报告的审查意见";

/* A document using every call of the API. */
static struct sy_docx *sample(void)
{
	struct sy_docx *d = sy_docx_new(TITLE, "张三");
	sy_docx_para(d, SY_DOCX_TITLE);
	sy_docx_text(d, TITLE);
	sy_docx_para(d, SY_DOCX_PLAIN);
	sy_docx_text(d, "青禾县云溪镇人民政府：");
	sy_docx_para(d, SY_DOCX_HEADING1);
	sy_docx_text(d, "一、审查结论");
	sy_docx_para(d, SY_DOCX_BODY);
	sy_docx_text(d, "退回修改。");
	sy_docx_text_as(d, "请于2025年3月1日前", &(struct sy_docx_run){.bold = true});
	sy_docx_text(d, "重新报送。A&B <c> \"d\"\x01\x7f 制表\t换行\n第二行 \xff\xfe 尾");
	sy_docx_para(d, SY_DOCX_BODY);
	sy_docx_text(d, "一二三四五六七八九十一二三四五六七八九十一二三四五六，七八九十一二三四五六七八九十");
	sy_docx_para(d, SY_DOCX_HEADING2);
	sy_docx_text(d, "（一）各部分");
	sy_docx_table(d, 3, (const int[]){40, 30, 86});
	sy_docx_row(d, true);
	sy_docx_cell(d, NULL);
	sy_docx_text(d, "部分");
	sy_docx_cell(d, NULL);
	sy_docx_text(d, "认定");
	sy_docx_cell(d, NULL);
	sy_docx_text(d, "理由");
	sy_docx_row(d, false);
	sy_docx_cell(d, NULL);
	sy_docx_text(d, "第一责任人");
	sy_docx_cell(d, "FCE4D6");
	sy_docx_text(d, "部分具备");
	/* a short row: the writer fills the grid */
	sy_docx_row(d, false);
	sy_docx_text(d, "不足原因");
	sy_docx_table_end(d);
	sy_docx_page_break(d);
	sy_docx_para(d, SY_DOCX_PLAIN);
	sy_docx_align(d, SY_DOCX_ALIGN_RIGHT);
	sy_docx_indent_right(d, 4);
	sy_docx_text_as(d, "依法治县办", &(struct sy_docx_run){.font = SY_DOCX_FONT_KAITI, .size = SY_DOCX_SIHAO});
	return d;
}

static void build(struct sy_docx *d, char **data, size_t *len)
{
	char err[512];
	if (sy_docx_build(d, data, len, err, sizeof err) < 0)
		fail_msg("%s", err);
}

static void test_package(void **state)
{
	char *data;
	size_t len;
	struct sy_docx *d = sample();
	build(d, &data, &len);
	sy_docx_free(d);
	assert_memory_equal(data, "PK", 2);
	char *names = ox_names(data, len);
	assert_non_null(names);
	/* [Content_Types].xml first, as Word writes it */
	assert_memory_equal(names, "[Content_Types].xml\n", 20);
	static const char *const parts[] = {
		"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
		"word/footer2.xml", "docProps/core.xml", "docProps/app.xml",
	};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		xmlFreeDoc(ox_xml(data, len, parts[i])); /* fails the test unless well-formed */
	xmlDocPtr ct = ox_xml(data, len, "[Content_Types].xml");
	ox_assert_str(ct, "string(//ct:Override[@PartName='/word/document.xml']/@ContentType)",
		      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
	/* every part but the package's own has its content type, and is in the archive */
	assert_int_equal(ox_num(ct, "count(//ct:Override)"), sizeof parts / sizeof *parts - 3);
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (strstr(parts[i], "_rels/") || !strcmp(parts[i], "[Content_Types].xml"))
			continue;
		char *xp = xasprintf("count(//ct:Override[@PartName='/%s'])", parts[i]);
		assert_int_equal(ox_num(ct, xp), 1);
		free(xp);
	}
	xmlFreeDoc(ct);
	xmlDocPtr rels = ox_xml(data, len, "word/_rels/document.xml.rels");
	xmlDocPtr doc = ox_xml(data, len, "word/document.xml");
	char *odd = ox_str(doc, "string(//w:sectPr/w:footerReference[@w:type='default']/@r:id)");
	char *xp = xasprintf("string(//rel:Relationship[@Id='%s']/@Target)", odd);
	ox_assert_str(rels, xp, "footer1.xml");
	free(xp);
	free(odd);
	xmlFreeDoc(rels);
	xmlFreeDoc(doc);
	xmlDocPtr core = ox_xml(data, len, "docProps/core.xml");
	ox_assert_str(core, "string(//dc:title)", TITLE);
	ox_assert_str(core, "string(//dc:creator)", "张三");
	xmlFreeDoc(core);
	free(names);
	free(data);
}

/* A4, GB/T 9704-2012 margins, page numbers "— 1 —" odd right / even left. */
static void test_page_setup(void **state)
{
	char *data;
	size_t len;
	struct sy_docx *d = sample();
	build(d, &data, &len);
	sy_docx_free(d);
	xmlDocPtr doc = ox_xml(data, len, "word/document.xml");
	ox_assert_str(doc, "string(//w:sectPr/w:pgSz/@w:w)", "11906");
	ox_assert_str(doc, "string(//w:sectPr/w:pgSz/@w:h)", "16838");
	/* top 37 mm, left 28 mm, text block 156 x 225 mm (within a twip) */
	ox_assert_str(doc, "string(//w:sectPr/w:pgMar/@w:top)", "2098");
	ox_assert_str(doc, "string(//w:sectPr/w:pgMar/@w:left)", "1587");
	long text_w = 11906 - ox_num(doc, "string(//w:sectPr/w:pgMar/@w:left)") -
		      ox_num(doc, "string(//w:sectPr/w:pgMar/@w:right)");
	long text_h = 16838 - ox_num(doc, "string(//w:sectPr/w:pgMar/@w:top)") -
		      ox_num(doc, "string(//w:sectPr/w:pgMar/@w:bottom)");
	assert_true(labs(text_w - 8844) <= 1); /* 156 mm */
	assert_true(labs(text_h - 12756) <= 1); /* 225 mm */
	xmlFreeDoc(doc);
	xmlDocPtr settings = ox_xml(data, len, "word/settings.xml");
	assert_int_equal(ox_num(settings, "count(//w:evenAndOddHeaders)"), 1);
	xmlFreeDoc(settings);
	xmlDocPtr f1 = ox_xml(data, len, "word/footer1.xml"), f2 = ox_xml(data, len, "word/footer2.xml");
	ox_assert_str(f1, "string(//w:jc/@w:val)", "right");
	ox_assert_str(f2, "string(//w:jc/@w:val)", "left");
	ox_assert_str(f1, "normalize-space(//w:instrText)", "PAGE");
	ox_assert_str(f1, "string(//w:r[1]/w:t)", "— ");
	xmlFreeDoc(f1);
	xmlFreeDoc(f2);
	free(data);
}

/* Title 方正小标宋 二号, body 仿宋_GB2312 三号, headings 黑体 and 楷体; each
 * font has a fallback Word and WPS substitute. */
static void test_fonts(void **state)
{
	char *data;
	size_t len;
	struct sy_docx *d = sample();
	build(d, &data, &len);
	sy_docx_free(d);
	xmlDocPtr st = ox_xml(data, len, "word/styles.xml");
	ox_assert_str(st, "string(//w:style[@w:styleId='Title']/w:rPr/w:rFonts/@w:eastAsia)", "方正小标宋简体");
	ox_assert_str(st, "string(//w:style[@w:styleId='Title']/w:rPr/w:sz/@w:val)", "44");
	ox_assert_str(st, "string(//w:style[@w:styleId='Title']/w:pPr/w:jc/@w:val)", "center");
	ox_assert_str(st, "string(//w:style[@w:styleId='BodyText']/w:rPr/w:rFonts/@w:eastAsia)", "仿宋_GB2312");
	ox_assert_str(st, "string(//w:style[@w:styleId='BodyText']/w:rPr/w:sz/@w:val)", "32");
	ox_assert_str(st, "string(//w:style[@w:styleId='BodyText']/w:pPr/w:ind/@w:firstLineChars)", "200");
	ox_assert_str(st, "string(//w:style[@w:styleId='Heading1']/w:rPr/w:rFonts/@w:eastAsia)", "黑体");
	ox_assert_str(st, "string(//w:style[@w:styleId='Heading2']/w:rPr/w:rFonts/@w:eastAsia)", "楷体_GB2312");
	ox_assert_str(st, "string(//w:docDefaults//w:lang/@w:eastAsia)", "zh-CN");
	ox_assert_str(st, "string(//w:docDefaults//w:spacing/@w:line)", "579");
	xmlFreeDoc(st);
	xmlDocPtr ft = ox_xml(data, len, "word/fontTable.xml");
	ox_assert_str(ft, "string(//w:font[@w:name='仿宋_GB2312']/w:altName/@w:val)", "仿宋");
	ox_assert_str(ft, "string(//w:font[@w:name='方正小标宋简体']/w:altName/@w:val)", "宋体");
	ox_assert_str(ft, "string(//w:font[@w:name='楷体_GB2312']/w:altName/@w:val)", "楷体");
	ox_assert_str(ft, "string(//w:font[@w:name='黑体']/w:charset/@w:val)", "86");
	xmlFreeDoc(ft);
	xmlDocPtr doc = ox_xml(data, len, "word/document.xml");
	/* a run's own font and size */
	ox_assert_str(doc, "string(//w:r[w:t='依法治县办']/w:rPr/w:rFonts/@w:eastAsia)", "楷体_GB2312");
	ox_assert_str(doc, "string(//w:r[w:t='依法治县办']/w:rPr/w:sz/@w:val)", "28");
	assert_int_equal(ox_num(doc, "count(//w:r[w:t='请于2025年3月1日前']/w:rPr/w:b)"), 1);
	xmlFreeDoc(doc);
	free(data);
}

/* Text round-trips; markup characters are escaped, the rest replaced. */
static void test_text(void **state)
{
	char *data;
	size_t len;
	struct sy_docx *d = sample();
	build(d, &data, &len);
	sy_docx_free(d);
	xmlDocPtr doc = ox_xml(data, len, "word/document.xml");
	char *text = ox_docx_text(doc);
	assert_non_null(strstr(text, TITLE));
	assert_non_null(strstr(text, "青禾县云溪镇人民政府：\n一、审查结论\n退回修改。请于2025年3月1日前重新报送。A&B <c> \"d\""));
	/* \x01 and \x7f-less: control characters and invalid bytes become U+FFFD */
	assert_non_null(strstr(text, "\"d\"\xEF\xBF\xBD\x7f"));
	assert_non_null(strstr(text, "第二行 \xEF\xBF\xBD\xEF\xBF\xBD 尾"));
	assert_null(strstr(text, "\x01"));
	/* tab and newline became w:tab and w:br inside the paragraph */
	assert_int_equal(ox_num(doc, "count(//w:p[.//w:t[contains(., '重新报送')]]//w:tab)"), 1);
	assert_int_equal(ox_num(doc, "count(//w:p[.//w:t[contains(., '重新报送')]]//w:br)"), 1);
	/* styles of the paragraphs, in order */
	ox_assert_str(doc, "string((//w:body/w:p)[1]/w:pPr/w:pStyle/@w:val)", "Title");
	ox_assert_str(doc, "string((//w:body/w:p)[3]/w:pPr/w:pStyle/@w:val)", "Heading1");
	free(text);
	xmlFreeDoc(doc);
	free(data);
}

/* Tables: a grid, a repeated shaded header, every row as wide as the grid. */
static void test_table(void **state)
{
	char *data;
	size_t len;
	struct sy_docx *d = sample();
	build(d, &data, &len);
	sy_docx_free(d);
	xmlDocPtr doc = ox_xml(data, len, "word/document.xml");
	assert_int_equal(ox_num(doc, "count(//w:tbl)"), 1);
	assert_int_equal(ox_num(doc, "count(//w:tbl/w:tblGrid/w:gridCol)"), 3);
	assert_true(labs(ox_num(doc, "sum(//w:tbl/w:tblGrid/w:gridCol/@w:w)") - 8844) <= 2); /* 156 mm */
	assert_int_equal(ox_num(doc, "count(//w:tr)"), 3);
	for (int r = 1; r <= 3; r++) {
		char *xp = xasprintf("count((//w:tr)[%d]/w:tc)", r);
		assert_int_equal(ox_num(doc, xp), 3);
		free(xp);
	}
	/* every cell holds a paragraph, no paragraph sits outside a cell */
	assert_int_equal(ox_num(doc, "count(//w:tc[not(w:p)])"), 0);
	assert_int_equal(ox_num(doc, "count(//w:tr/w:p)"), 0);
	assert_int_equal(ox_num(doc, "count((//w:tr)[1]/w:trPr/w:tblHeader)"), 1);
	assert_int_equal(ox_num(doc, "count((//w:tr)[1]//w:r/w:rPr/w:b)"), 3);
	ox_assert_str(doc, "string((//w:tr)[2]/w:tc[2]/w:tcPr/w:shd/@w:fill)", "FCE4D6");
	ox_assert_str(doc, "string((//w:tr)[3]/w:tc[1]//w:t)", "不足原因");
	/* the page break after the table starts the next paragraph on a new page */
	ox_assert_str(doc, "string(//w:p[w:pPr/w:pageBreakBefore]//w:t)", "依法治县办");
	xmlFreeDoc(doc);
	free(data);
}

/* An empty document and one ending in a table are still valid. */
static void test_edges(void **state)
{
	char *data;
	size_t len;
	struct sy_docx *d = sy_docx_new(NULL, NULL);
	build(d, &data, &len);
	sy_docx_free(d);
	xmlDocPtr doc = ox_xml(data, len, "word/document.xml");
	assert_int_equal(ox_num(doc, "count(//w:body/w:p)"), 1);
	xmlFreeDoc(doc);
	free(data);
	d = sy_docx_new("t", NULL);
	sy_docx_table(d, 2, NULL);
	sy_docx_text(d, "没有先开行");
	build(d, &data, &len);
	sy_docx_free(d);
	doc = ox_xml(data, len, "word/document.xml");
	/* text before any row or cell lands in a cell; the body ends in a paragraph */
	ox_assert_str(doc, "string(//w:tc[1]//w:t)", "没有先开行");
	assert_int_equal(ox_num(doc, "count(//w:tc)"), 2);
	ox_assert_str(doc, "local-name(//w:body/*[last()-1])", "p");
	xmlFreeDoc(doc);
	free(data);
}

/* Saving: atomic, never overwriting unless asked; LibreOffice opens it. */
static void test_save_and_libreoffice(void **state)
{
	char *dir = fx_tmpdir();
	char *path = xasprintf("%s/审查意见-云溪镇-2024.docx", dir);
	char err[512];
	fx_write(path, "别人的文件");
	struct sy_docx *d = sample();
	assert_int_equal(sy_docx_save(d, path, false, err, sizeof err), 1);
	char *kept = fx_read(path);
	assert_string_equal(kept, "别人的文件");
	free(kept);
	assert_int_equal(sy_docx_save(d, path, true, err, sizeof err), 0);
	sy_docx_free(d);
	if (ox_soffice_pdf(path, dir)) {
		char *pdf = xasprintf("%s/审查意见-云溪镇-2024.pdf", dir);
		char *cmd = xasprintf("pdftotext '%s' - | tr -d ' ' >'%s.txt'", pdf, pdf);
		struct stat sb;
		assert_int_equal(stat(pdf, &sb), 0);
		assert_true(sb.st_size > 1000);
		if (system("command -v pdftotext >/dev/null 2>&1") == 0) {
			assert_int_equal(system(cmd), 0);
			char *txt_path = xasprintf("%s.txt", pdf);
			char *txt = fx_read(txt_path);
			assert_non_null(txt);
			assert_non_null(strstr(txt, "审查结论"));
			assert_non_null(strstr(txt, "依法治县办"));
			assert_non_null(strstr(txt, "—2—")); /* the page break made a second page, numbered */
			/* a comma that ends a full line is still there (LibreOffice drops it
			 * from a justified line) */
			assert_non_null(strstr(txt, "六，"));
			free(txt);
			free(txt_path);
		}
		free(cmd);
		free(pdf);
	}
	free(path);
	fx_rmtree(dir);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_package),
		cmocka_unit_test(test_page_setup),
		cmocka_unit_test(test_fonts),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_save_and_libreoffice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
