/* The web-page reader: a saved portal page (made here from examples/01-
 * complete.txt, in UTF-8 and in GB2312-declared GB18030) reads as the report
 * without its menus, links, scripts and footers, scores like the text, and
 * keeps its publication date; old table layouts, data tables, small pages,
 * the publication deadline, and hostile nesting. */
#include "config.h"

#include <iconv.h>
#include <unistd.h>

#include "../test_common.h"
#include "shenyue/docin_reader.h"
#include "shenyue/fileio.h"
#include "shenyue/xalloc.h"

static char tmpdir[] = "/tmp/shenyue-html-test-XXXXXX";

static char *example_text(void)
{
	const char *src = getenv("SRCDIR");
	char *path = xasprintf("%s/examples/01-complete.txt", src ? src : "..");
	char *data = NULL;
	size_t len;
	enum sy_read_result rc = sy_file_read(path, 0, &data, &len, NULL);
	free(path);
	if (rc != SY_READ_OK)
		fail_msg("cannot read examples/01-complete.txt");
	char *copy = xstrdup(data); /* (gcc 12 takes data for a pointer to itself) */
	free(data);
	return copy;
}

/* A portal page: menus, breadcrumb, title, info line, the report's lines
 * from its title on as indented paragraphs, print links, related articles,
 * footer. 'published' goes into the info line when not NULL. */
static char *portal_page(const char *charset, const char *published, const char *meta_date)
{
	char *text = example_text();
	struct sy_buf b = {0};
	sy_buf_printf(&b, "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
			  "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html><head>"
			  "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\" />"
			  "<title>关于2024年度法治政府建设情况的报告_青禾县人民政府</title>"
			  "<meta name=\"PubDate\" content=\"%s\" />"
			  "<script>var t = \"一、脚本不是标题\";</script><style>p { text-indent: 2em; }</style></head>\n"
			  "<body><div class=\"top\"><ul class=\"nav\"><li><a href=\"/\">首页</a></li>"
			  "<li><a href=\"/zwgk\">政务公开</a></li><li><a href=\"/hd\">互动交流</a></li></ul></div>"
			  "<nav><a>网站导航</a></nav><div class=\"main\"><div class=\"position\">当前位置："
			  "<a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a> &gt; <a>法治政府建设</a></div>"
			  "<div class=\"article\"><h1 class=\"article-title\">关于2024年度法治政府建设情况的报告</h1>"
			  "<div class=\"info\">来源：青禾县云溪镇人民政府&nbsp;&nbsp;%s%s&nbsp;&nbsp;浏览次数："
			  "<span id=\"hits\">123</span></div><div class=\"content\" id=\"zoom\">\n",
		      charset, meta_date, published ? "发布时间：" : "", published ? published : "");
	const char *p = strstr(text, "青禾县委");
	while (p && *p) {
		size_t k = strcspn(p, "\n");
		if (k)
			sy_buf_printf(&b, "<p>&#12288;&#12288;%.*s</p>\n", (int)k, p);
		p += k + (p[k] == '\n');
	}
	sy_buf_puts(&b, "</div><div class=\"print\">【<a href=\"javascript:window.print()\">打印本页</a>】"
			"【<a href=\"javascript:window.close()\">关闭窗口</a>】</div></div>"
			"<div class=\"related\"><h3>相关文章</h3><ul><li><a href=\"/1\">关于2023年度法治政府建设情况的报告"
			"</a></li><li><a href=\"/2\">云溪镇召开法治建设专题会议</a></li></ul></div></div>"
			"<div class=\"footer\"><p>主办单位：青禾县人民政府办公室　承办：青禾县大数据中心</p>"
			"<p>网站标识码：5113210001　蜀ICP备12345678号</p></div></body></html>\n");
	free(text);
	return sy_buf_steal(&b);
}

static char *to_gb18030(const char *s)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	size_t inleft = strlen(s), cap = inleft * 2 + 1, outleft = cap;
	char *out = xcalloc(1, cap + 1), *op = out, *ip = (char *)s;
	assert_int_not_equal(iconv(cd, &ip, &inleft, &op, &outleft), (size_t)-1);
	iconv_close(cd);
	return out;
}

static void load_page(struct sy_report *rep, const char *name, const char *html)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(html, f);
	fclose(f);
	memset(rep, 0, sizeof *rep);
	sy_report_load(rep, path, test_rubric());
	if (rep->error)
		fail_msg("%s: %s", path, rep->error);
	unlink(path);
	free(path);
}

static bool any_line_has(const struct sy_doc *d, const char *s)
{
	for (size_t i = 0; i < d->nlines; i++)
		if (strstr(d->lines[i].text, s))
			return true;
	return false;
}

static void check_portal(const struct sy_report *rep)
{
	const struct sy_doc *d = &rep->doc;
	assert_int_equal(d->kind, SY_KIND_HTML);
	assert_string_equal(sy_doc_source_name(d), "html");
	assert_string_equal(d->lines[0].text, "关于2024年度法治政府建设情况的报告");
	assert_non_null(strstr(d->lines[1].text, "发布时间：2025-01-20"));
	assert_string_equal(d->lines[2].text, "　　青禾县委、县人民政府：");
	assert_string_equal(d->lines[d->nlines - 1].text, "　　2025年1月15日");
	assert_int_equal(d->nlines, 35);
	static const char *const chrome[] = { "首页", "网站导航", "脚本不是标题", "打印本页", "相关文章",
					      "ICP", "text-indent", "云溪镇召开" };
	for (size_t i = 0; i < sizeof chrome / sizeof *chrome; i++)
		if (any_line_has(d, chrome[i]))
			fail_msg("\"%s\" is read as part of the report", chrome[i]);
	assert_int_equal(d->pub_y, 2025);
	assert_int_equal(d->pub_m, 1);
	assert_int_equal(d->pub_d, 20);
	assert_int_equal(d->pub_line, 2);
}

static void test_portal_page_reads_as_the_report(void **state)
{
	struct sy_report page, text;
	char *html = portal_page("utf-8", "2025-01-20", "2025-01-20 09:30");
	load_page(&page, "portal.html", html);
	check_portal(&page);
	const char *src = getenv("SRCDIR");
	char *path = xasprintf("%s/examples/01-complete.txt", src ? src : "..");
	memset(&text, 0, sizeof text);
	assert_int_equal(sy_report_load(&text, path, test_rubric()), 0);
	assert_int_equal(page.score.score, text.score.score);
	for (size_t i = 0; i < text.score.nparts; i++)
		assert_int_equal(page.score.parts[i].status, text.score.parts[i].status);
	assert_int_equal(page.outline.year, 2024);
	assert_null(test_finding(&page, "published-late"));
	sy_report_free(&page);
	sy_report_free(&text);
	free(path);
	free(html);
}

static void test_gb2312_page(void **state)
{
	char *html = portal_page("gb2312", "2025-01-20", "");
	char *gb = to_gb18030(html);
	struct sy_report page;
	load_page(&page, "portal-gb.htm", gb);
	check_portal(&page);
	sy_report_free(&page);
	free(gb);
	free(html);
}

static void test_published_after_the_deadline(void **state)
{
	char *late = portal_page("utf-8", "2025-04-15", "2025-04-15");
	struct sy_report page;
	load_page(&page, "late.html", late);
	const struct sy_finding *f = test_finding(&page, "published-late");
	assert_non_null(f);
	assert_int_equal(f->line, 2);
	assert_non_null(strstr(f->message, "2025-04-15"));
	sy_report_free(&page);
	/* the date only in <meta name="PubDate">: still checked, with no line */
	char *meta = portal_page("utf-8", NULL, "2025-05-06 10:00");
	load_page(&page, "meta.html", meta);
	assert_int_equal(page.doc.pub_m, 5);
	assert_int_equal(page.doc.pub_line, 0);
	f = test_finding(&page, "published-late");
	assert_non_null(f);
	assert_int_equal(f->line, 0);
	sy_report_free(&page);
	free(late);
	free(meta);
}

static void test_table_layout_and_data_table(void **state)
{
	const char *html =
		"<html><head><meta charset=\"utf-8\"><title>云溪镇</title></head><body>"
		"<table width=\"100%\"><tr><td><a href=\"/\">首页</a></td><td><a>政务公开</a></td></tr></table>"
		"<table><tr><td class=\"bt\">关于2024年度法治政府建设情况的报告</td></tr>"
		"<tr><td class=\"bt_content\">一、2024年推进法治政府建设的主要举措和成效<br>"
		"　　全年召开会议研究法治建设4次，办理行政复议案件2件，审查合同34份，开展普法活动36场，覆盖群众9000人次。<br>"
		"　　镇党委书记、镇长把法治建设列入年度重点工作，做到与经济社会发展同部署、同检查、同考核，"
		"全年召开镇党委会议专题研究法治建设4次，审定年度法治政府建设工作要点和任务分工表。<br>"
		"二、存在的不足和原因<br>　　执法力量不足，主要原因是编制有限，专业人才引进渠道不畅，培训经费投入也不够。<br>"
		"<table border=\"1\"><tr><td>项目</td><td>数量</td></tr><tr><td>案件</td><td>43件</td></tr></table>"
		"三、2025年工作安排<br>　　计划组织培训6期，补充执法人员3名，开展案卷评查2次，推送普法内容48篇。"
		"</td></tr></table><table><tr><td>版权所有：青禾县人民政府</td></tr></table></body></html>";
	struct sy_report page;
	load_page(&page, "layout.htm", html);
	const struct sy_doc *d = &page.doc;
	assert_string_equal(d->lines[0].text, "关于2024年度法治政府建设情况的报告");
	assert_string_equal(d->lines[1].text, "一、2024年推进法治政府建设的主要举措和成效");
	assert_true(any_line_has(d, "项目\t数量"));
	assert_true(any_line_has(d, "案件\t43件"));
	assert_false(any_line_has(d, "版权所有"));
	assert_false(any_line_has(d, "首页"));
	assert_int_equal(test_status(&page, "measures"), SY_PRESENT);
	assert_int_equal(test_status(&page, "plan"), SY_PRESENT);
	sy_report_free(&page);
}

static void test_small_page_read_whole(void **state)
{
	const char *html = "<html><body><h2>报告</h2><p>一、主要举措和成效</p><p>正文。</p>"
			   "<pre>预排版\n两行</pre><ul><li>甲</li><li>乙</li></ul></body></html>";
	struct sy_report page;
	load_page(&page, "small.txt", html); /* the kind is decided by content */
	const struct sy_doc *d = &page.doc;
	assert_int_equal(d->kind, SY_KIND_HTML);
	static const char *const want[] = { "报告", "一、主要举措和成效", "正文。", "预排版", "两行", "甲", "乙" };
	assert_int_equal(d->nlines, 7);
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(d->lines[i].text, want[i]);
	assert_int_equal(sy_doc_style_level(d, 0), 2);
	sy_report_free(&page);
}

static void test_hostile_nesting(void **state)
{
	struct sy_buf b = {0};
	sy_buf_puts(&b, "<html><body><p>一、主要举措和成效</p>");
	for (int i = 0; i < 20000; i++)
		sy_buf_puts(&b, "<div><span>");
	sy_buf_puts(&b, "深处</body></html>");
	struct sy_doc d;
	char err[256];
	/* no crash, no hang; what is too deep is not read */
	int rc = sy_doc_decode(&d, "deep.html", (const unsigned char *)b.data, b.len, err, sizeof err);
	assert_int_equal(rc, 0);
	assert_string_equal(d.lines[0].text, "一、主要举措和成效");
	sy_doc_free(&d);
	sy_buf_free(&b);
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
		cmocka_unit_test(test_portal_page_reads_as_the_report),
		cmocka_unit_test(test_gb2312_page),
		cmocka_unit_test(test_published_after_the_deadline),
		cmocka_unit_test(test_table_layout_and_data_table),
		cmocka_unit_test(test_small_page_read_whole),
		cmocka_unit_test(test_hostile_nesting),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
