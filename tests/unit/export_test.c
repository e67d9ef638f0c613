/* Export: Markdown 审查意见 with escaped user text, CSV with BOM, YAML that
 * reads back, and the `shenyue export` command line. */
#include "config.h"

#include "review_fixture.h"
#include "shenyue/export.h"

static const struct sy_note_target NOTE_REPORT = {.on = SY_NOTE_REPORT};
static const struct sy_note_target NOTE_DUTY = {.on = SY_NOTE_PART, .part = "duty"};

/* A note full of Markdown syntax: none of it may act as Markdown. */
static const char *const HOSTILE = "*重要* _强调_ [链接](http://x.cn) <script>alert(1)</script> | 表格 `代码` "
				   "&lt; ~~删~~ #标签\n- 不是列表\n1. 不是编号\n# 不是标题\n> 不是引用";

static char *md_of(const char *s)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);
	sy_md_write_text(out, s, "  ");
	fclose(out);
	return buf;
}

static void test_md_escape(void **state)
{
	(void)state;
	char *md = md_of(HOSTILE);
	assert_null(strstr(md, "<script>"));
	assert_non_null(strstr(md, "\\<script\\>"));
	assert_non_null(strstr(md, "\\*重要\\*"));
	assert_non_null(strstr(md, "\\_强调\\_"));
	assert_non_null(strstr(md, "\\[链接\\]"));
	assert_non_null(strstr(md, "\\| 表格"));
	assert_non_null(strstr(md, "\\`代码\\`"));
	assert_non_null(strstr(md, "&amp;lt;"));
	assert_non_null(strstr(md, "  \n  \\- 不是列表"));
	assert_non_null(strstr(md, "  \n  1\\. 不是编号"));
	assert_non_null(strstr(md, "  \n  \\# 不是标题"));
	assert_non_null(strstr(md, "  \n  \\> 不是引用"));
	free(md);
	md = md_of("    缩进四格会变成代码块");
	assert_string_equal(md, "缩进四格会变成代码块");
	free(md);
	md = md_of("全角　缩进和中文标点：，。不变");
	assert_string_equal(md, "全角　缩进和中文标点：，。不变");
	free(md);
}

/* A desk with decisions on both example reports. */
static void world_with_reviews(struct fx_world *w, struct sy_desk *d)
{
	fx_world_init(w);
	sy_desk_open(d, &w->batch, test_rubric(), NULL, "张三");
	assert_int_equal(sy_desk_set_verdict(d, 0, SY_VERDICT_ACCEPT, NULL), SY_DESK_OK);
	assert_int_equal(sy_desk_set_note(d, 0, &NOTE_REPORT, "结构完整，数据翔实。"), SY_DESK_OK);
	assert_int_equal(sy_desk_set_override(d, 1, "duty", SY_MISSING, "全文未提第一责任人"), SY_DESK_OK);
	assert_int_equal(sy_desk_set_note(d, 1, &NOTE_DUTY, HOSTILE), SY_DESK_OK);
	assert_int_equal(sy_desk_set_note(d, 1, &NOTE_REPORT, "=SUM(A1:A9), \"请\"退回"), SY_DESK_OK);
	struct sy_note_target f = {.on = SY_NOTE_FINDING, .finding = "missing-part", .line = 0};
	assert_int_equal(sy_desk_set_note(d, 1, &f, "此项必须补充"), SY_DESK_OK);
	assert_int_equal(sy_desk_set_verdict(d, 1, SY_VERDICT_RETURN, NULL), SY_DESK_OK);
}

static void build_doc(const struct sy_desk *d, struct sy_export_doc *x)
{
	struct sy_export_entry e[2];
	for (size_t i = 0; i < 2; i++)
		e[i] = (struct sy_export_entry){.rep = &d->batch->r[i], .rv = sy_desk_review(d, i)};
	sy_export_build(x, e, 2, test_rubric());
}

/* Renders x in the format the table names (name or alias). */
static char *write_doc(const struct sy_export_doc *x, const char *format, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	char err[256];
	const struct sy_export_format *f = sy_export_format_find(format);
	assert_non_null(f);
	assert_int_equal(sy_export_render(f, x, &buf, &n, err, sizeof err), 0);
	if (len)
		*len = n;
	return buf;
}

static void test_md_contents(void **state)
{
	(void)state;
	struct fx_world w;
	struct sy_desk d;
	struct sy_export_doc x;
	world_with_reviews(&w, &d);
	build_doc(&d, &x);
	char *md = write_doc(&x, "md", NULL);
	assert_non_null(strstr(md, "## 青禾县云溪镇人民政府 2024年度"));
	assert_non_null(strstr(md, "青禾县人民政府石桥街道办事处"));
	assert_non_null(strstr(md, "- 得分：75"));
	assert_non_null(strstr(md, "- 审查结论：通过"));
	assert_non_null(strstr(md, "- 审查结论：退回修改"));
	assert_non_null(strstr(md, "**审查认定**：缺失。理由：全文未提第一责任人"));
	/* the optional part, left out, is not reported back as missing */
	assert_non_null(strstr(md, "- 其他需要报告的情况：未报告（非必备）"));
	assert_non_null(strstr(md, "此项必须补充"));
	assert_non_null(strstr(md, "### 总体意见\n\n结构完整，数据翔实。"));
	assert_non_null(strstr(md, "\\*重要\\*"));
	assert_null(strstr(md, "<script>"));
	free(md);
	sy_export_free(&x);
	sy_desk_close(&d);
	fx_world_free(&w);
}

static void test_csv(void **state)
{
	(void)state;
	struct fx_world w;
	struct sy_desk d;
	struct sy_export_doc x;
	world_with_reviews(&w, &d);
	build_doc(&d, &x);
	char *csv = write_doc(&x, "csv", NULL);
	assert_memory_equal(csv, "\xEF\xBB\xBFpath,unit,year,score,verdict,", 27);
	size_t rows = 0;
	for (char *p = csv; (p = strstr(p, "\r\n")); p += 2)
		rows++;
	/* header + 2 rows; notes with newlines are inside quotes and use \n only */
	assert_int_equal(rows, 3);
	assert_non_null(strstr(csv, ",通过,accept,"));
	assert_non_null(strstr(csv, ",退回修改,return,"));
	assert_non_null(strstr(csv, "duty: missing（全文未提第一责任人）"));
	assert_non_null(strstr(csv, "[总体] =SUM(A1:A9), \"\"请\"\"退回"));
	free(csv);
	sy_export_free(&x);
	sy_desk_close(&d);
	fx_world_free(&w);
}

static void test_yaml_roundtrip(void **state)
{
	(void)state;
	struct fx_world w;
	struct sy_desk d;
	struct sy_export_doc x, y;
	world_with_reviews(&w, &d);
	build_doc(&d, &x);
	size_t len;
	char *first = write_doc(&x, "yaml", &len);
	char err[1024];
	assert_int_equal(sy_export_load(&y, "export.yaml", first, len, err, sizeof err), 0);
	assert_int_equal(y.n, 2);
	assert_string_equal(y.r[1].unit, "青禾县人民政府石桥街道办事处");
	assert_int_equal(y.r[1].year, 2024);
	assert_int_equal(y.r[1].score, 75);
	assert_int_equal(y.r[1].nparts, test_rubric()->nparts);
	assert_int_equal(y.r[1].nf, x.r[1].nf);
	assert_string_equal(y.r[1].f[0].message, x.r[1].f[0].message);
	assert_true(sy_review_equal(&y.r[1].review, sy_desk_review(&d, 1)));
	assert_string_equal(sy_review_note(&y.r[1].review, &NOTE_DUTY), HOSTILE);
	assert_int_equal(sy_review_verdict(&y.r[0].review), SY_VERDICT_ACCEPT);
	char *second = write_doc(&y, "yml", NULL);
	assert_string_equal(first, second);
	free(second);
	sy_export_free(&y);
	/* a broken export names the place */
	assert_int_equal(sy_export_load(&y, "bad.yaml", "format: 1\nreports:\n  - unit: 无路径\n", 39, err,
					sizeof err), -1);
	if (!strstr(err, "bad.yaml:3:"))
		fail_msg("%s", err);
	free(first);
	sy_export_free(&x);
	sy_desk_close(&d);
	fx_world_free(&w);
}

static int run_cli(int argc, const char **argv)
{
	return sy_cli_export(argc, (char **)argv);
}

static void test_cli(void **state)
{
	(void)state;
	struct fx_world w;
	struct sy_desk d;
	world_with_reviews(&w, &d);
	sy_desk_close(&d);
	char *out = xasprintf("%s/审查意见.md", w.dir);
	const char *no_path[] = {"export", "--format", "md", NULL};
	assert_int_equal(run_cli(3, no_path), 2);
	const char *bad_fmt[] = {"export", "--format", "pdf", w.dir, NULL};
	assert_int_equal(run_cli(4, bad_fmt), 2);
	const char *bad_rubric[] = {"export", "--rubric", "/nonexistent/规则.yaml", w.dir, NULL};
	assert_int_equal(run_cli(4, bad_rubric), 2);
	const char *ok[] = {"export", "-o", out, w.dir, NULL};
	assert_int_equal(run_cli(4, ok), 0);
	char *md = fx_read(out);
	assert_non_null(md);
	assert_non_null(strstr(md, "审查结论：退回修改"));
	assert_non_null(strstr(md, "全文未提第一责任人"));
	free(md);
	/* an unreadable review file: still written, exit 1, nothing moved */
	char *rv = sy_store_path(w.missing, NULL);
	fx_write(rv, "notes: [未闭合\n");
	const char *yaml[] = {"export", "--format", "yaml", "-o", out, w.dir, NULL};
	assert_int_equal(run_cli(6, yaml), 1);
	char *still = fx_read(rv);
	assert_string_equal(still, "notes: [未闭合\n");
	char *state_dir = xasprintf("%s/.shenyue", w.dir);
	assert_int_equal(fx_count(state_dir, ".corrupt-"), 0);
	free(state_dir);
	free(still);
	free(rv);
	free(out);
	fx_world_free(&w);
}

/* The TUI's export: named after the batch, never overwriting without asking. */
static void test_save_never_overwrites(void **state)
{
	(void)state;
	struct fx_world w;
	struct sy_desk d;
	struct sy_export_doc x;
	world_with_reviews(&w, &d);
	char *name = sy_export_default_name("/data/2024年报告/", sy_export_format_find("markdown"));
	assert_string_equal(name, "审查意见-2024年报告.md");
	free(name);
	size_t n;
	size_t *tagged = sy_desk_tagged_list(&d, &n);
	assert_int_equal(n, 0);
	free(tagged);
	assert_int_equal(sy_desk_tag(&d, 1, true), SY_DESK_OK);
	tagged = sy_desk_tagged_list(&d, &n);
	assert_int_equal(n, 1);
	sy_desk_export_build(&d, tagged, n, &x);
	free(tagged);
	assert_int_equal(x.n, 1);
	char *path = xasprintf("%s/审查意见.md", w.dir);
	char err[1024];
	fx_write(path, "别人的文件");
	assert_int_equal(sy_export_save(path, sy_export_format_find("md"), &x, SY_WRITE_NEW, err, sizeof err), SY_WRITE_EXISTS);
	char *kept = fx_read(path);
	assert_string_equal(kept, "别人的文件");
	free(kept);
	assert_int_equal(sy_export_save(path, sy_export_format_find("md"), &x, SY_WRITE_REPLACE, err, sizeof err), SY_WRITE_OK);
	kept = fx_read(path);
	assert_non_null(strstr(kept, "青禾县人民政府石桥街道办事处"));
	assert_null(strstr(kept, "青禾县云溪镇")); /* only the tagged report */
	free(kept);
	unlink(path);
	assert_int_equal(sy_export_save(path, sy_export_format_find("csv"), &x, SY_WRITE_NEW, err, sizeof err), SY_WRITE_OK);
	assert_int_equal(fx_count(w.dir, "审查意见.md"), 1);
	free(path);
	sy_export_free(&x);
	sy_desk_close(&d);
	fx_world_free(&w);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md_escape),
		cmocka_unit_test(test_md_contents),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_yaml_roundtrip),
		cmocka_unit_test(test_cli),
		cmocka_unit_test(test_save_never_overwrites),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
