/* Export: the 审查意见 as .docx and Markdown (Chinese whatever the UI
 * speaks, the reviewer's statuses first, no ids, no paths, signed), CSV with
 * Chinese columns, YAML that reads back, golden files for md and csv, and
 * the `shenyue export` command line. */
#include "config.h"

#include "ooxml_fixture.h"
#include "shenyue/export.h"
#include "shenyue/i18n.h"

static const struct sy_note_target NOTE_REPORT = {.on = SY_NOTE_REPORT};
static const struct sy_note_target NOTE_DUTY = {.on = SY_NOTE_PART, .part = "duty"};
static const struct sy_note_target NOTE_MISSING = {.on = SY_NOTE_FINDING, .finding = "missing-part", .line = 0};

/* A note full of Markdown syntax: none of it may act as Markdown. */
static const char *const HOSTILE = "*重要* _强调_ [链接](http://x.cn) <script>alert(1)</script> | 表格 `代码` "
				   "&lt; ~~删~~ #标签\n- 不是列表\n1. 不是编号\n# 不是标题\n> 不是引用";

static const struct sy_export_opts OPTS = {
	.office = "青禾县依法治县办", .reviewer = "张三", .resubmit_days = 15, .date = "2025-03-01",
};

static char *md_of(const char *s)
{
	char *path = xasprintf("%s/md-%d.txt", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	sy_md_write_text(out, s, "  ");
	fclose(out);
	char *text = fx_read(path);
	unlink(path);
	free(path);
	return text;
}

/* True when every occurrence of what in s follows a backslash. */
static bool escaped_everywhere(const char *s, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = 0; s[i]; i++)
		if (!strncmp(s + i, what, n) && (i == 0 || s[i - 1] != '\\'))
			return false;
	return true;
}

/* Whatever could render as Markdown is escaped... */
static void test_md_escape_active(void **state)
{
	char *md = md_of(HOSTILE);
	assert_true(escaped_everywhere(md, "<script>"));
	assert_non_null(strstr(md, "\\<script>"));
	assert_non_null(strstr(md, "\\</script>"));
	assert_non_null(strstr(md, "\\*重要\\*"));
	assert_non_null(strstr(md, "\\_强调\\_"));
	assert_non_null(strstr(md, "\\[链接](http"));
	assert_non_null(strstr(md, "\\`代码\\`"));
	assert_non_null(strstr(md, "&amp;lt;"));
	assert_non_null(strstr(md, "\\~\\~删\\~\\~"));
	assert_non_null(strstr(md, "  \n  \\- 不是列表"));
	assert_non_null(strstr(md, "  \n  1\\. 不是编号"));
	assert_non_null(strstr(md, "  \n  \\# 不是标题"));
	assert_non_null(strstr(md, "  \n  \\> 不是引用"));
	free(md);
	md = md_of("    缩进四格会变成代码块");
	assert_string_equal(md, "缩进四格会变成代码块");
	free(md);
	md = md_of("---");
	assert_string_equal(md, "\\---");
	free(md);
	md = md_of("[定义]: http://x.cn");
	assert_string_equal(md, "\\[定义]: http://x.cn");
	free(md);
	md = md_of("表头|列\n---|---\n甲|乙");
	assert_non_null(strstr(md, "表头\\|列"));
	free(md);
}

/* ...and nothing else: a reader sees no backslashes in ordinary text. */
static void test_md_escape_quiet(void **state)
{
	static const char *const plain[] = {
		"000_06e11f169beecc49.txt",
		"正文中残留转换痕迹“[bookmark: _GoBack]”",
		"全角　缩进和中文标点：，。不变",
		"#标签 不是标题",
		"2024年 1.5 倍，A|B 单行",
		"a < b，5 > 3，R&D 经费",
		"1.加强组织领导",
		"甲 * 乙 * 丙",
		"单个反斜杠\\中文",
		"~约数",
	};
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
		char *md = md_of(plain[i]);
		if (strcmp(md, plain[i]))
			fail_msg("escaped needlessly: \"%s\" -> \"%s\"", plain[i], md);
		free(md);
	}
}

/* Loads the zh_CN catalogue from the build tree, as the program does. */
static void use_catalogue(void)
{
	const char *build = getenv("BUILDDIR");
	char *dir = xasprintf("%s/locale", build && *build ? build : ".");
	setenv("SHENYUE_LOCALEDIR", dir, 1);
	free(dir);
	sy_i18n_init();
}

static bool have_chinese_catalogue(void)
{
	struct sy_i18n_saved saved;
	sy_i18n_switch("zh_CN", &saved);
	bool zh = !strcmp(sy_i18n_language(), "zh_CN");
	sy_i18n_restore(&saved);
	return zh;
}

static void put(struct sy_review *rv, const char *key, const char *value, const char *reason)
{
	sy_review_put(rv, key, value, reason, "张三", "2025-02-27T02:00:00Z");
}

/* Fixed reviews of the two example reports (no clock in them):
 * 01-complete.txt accepted with a note; 02-missing-part.txt's duty found
 * partial by the reviewer (✗→~), notes on the part and its finding, returned. */
static void fixed_reviews(struct sy_review rv[2])
{
	memset(rv, 0, 2 * sizeof *rv);
	sy_review_init(&rv[0], "01-complete.txt");
	put(&rv[0], SY_KEY_VERDICT, "accept", NULL);
	char *k = sy_key_note(&NOTE_REPORT);
	put(&rv[0], k, "结构完整，数据翔实。", NULL);
	free(k);
	sy_review_init(&rv[1], "02-missing-part.txt");
	k = sy_key_override("duty");
	put(&rv[1], k, "partial", "第一部分提到镇长带头学法 3 次");
	free(k);
	k = sy_key_note(&NOTE_DUTY);
	put(&rv[1], k, HOSTILE, NULL);
	free(k);
	k = sy_key_note(&NOTE_MISSING);
	put(&rv[1], k, "请单列一部分", NULL);
	free(k);
	k = sy_key_note(&NOTE_REPORT);
	put(&rv[1], k, "=SUM(A1:A9), \"请\"退回\n第二段：另附说明", NULL);
	free(k);
	put(&rv[1], SY_KEY_VERDICT, "return", NULL);
}

static void build_doc(const struct fx_world *w, const struct sy_review rv[2], const struct sy_export_opts *o,
		      struct sy_export_doc *x)
{
	struct sy_export_entry e[2];
	for (size_t i = 0; i < 2; i++)
		e[i] = (struct sy_export_entry){.rep = &w->batch.r[i], .rv = &rv[i]};
	struct sy_export_opts with = *o;
	with.batch = &w->batch;
	sy_export_build(x, e, 2, test_rubric(), &with);
}

/* The row of the export-format table named name. */
static const struct sy_export_format *F(const char *name)
{
	const struct sy_export_format *f = sy_export_format_find(name);
	if (!f)
		fail_msg("no export format %s", name);
	return f;
}

static char *write_doc(const struct sy_export_doc *x, const char *fmt, size_t *len)
{
	char *buf = NULL, err[512];
	size_t n = 0;
	if (sy_export_render(F(fmt), x, &buf, &n, err, sizeof err) < 0)
		fail_msg("%s", err);
	if (len)
		*len = n;
	return buf;
}

/* The whole md and csv of the fixed world, compared with the golden files
 * (SHENYUE_UPDATE_GOLDEN=1 rewrites them after an intended change). */
static void golden(const char *name, const char *text)
{
	const char *src = getenv("SRCDIR");
	char *path = xasprintf("%s/tests/fixtures/export/%s", src && *src ? src : ".", name);
	if (getenv("SHENYUE_UPDATE_GOLDEN")) {
		fx_write(path, text);
		fprintf(stderr, "rewrote %s\n", path);
	}
	char *want = fx_read(path);
	if (!want)
		fail_msg("%s: missing (SHENYUE_UPDATE_GOLDEN=1 writes it)", path);
	if (strcmp(want, text)) {
		char *got = xasprintf("%s.got", name);
		fx_write(got, text);
		fail_msg("%s differs from the golden file %s (diff %s %s)", got, path, path, got);
	}
	free(want);
	free(path);
}

static void test_golden_md_csv(void **state)
{
	if (!have_chinese_catalogue()) {
		fprintf(stderr, "SKIPPED: no zh_CN catalogue: the golden files hold Chinese finding sentences\n");
		skip();
	}
	struct fx_world w;
	struct sy_review rv[2];
	struct sy_export_doc x;
	fx_world_init(&w);
	fixed_reviews(rv);
	build_doc(&w, rv, &OPTS, &x);
	char *md = write_doc(&x, "md", NULL), *csv = write_doc(&x, "csv", NULL);
	golden("review.md", md);
	golden("review.csv", csv);
	free(md);
	free(csv);
	sy_export_free(&x);
	struct sy_export_opts en = OPTS;
	en.lang = SY_EXPORT_EN;
	build_doc(&w, rv, &en, &x);
	md = write_doc(&x, "md", NULL);
	csv = write_doc(&x, "csv", NULL);
	golden("review-en.md", md);
	golden("review-en.csv", csv);
	free(md);
	free(csv);
	sy_export_free(&x);
	sy_review_free(&rv[0]);
	sy_review_free(&rv[1]);
	fx_world_free(&w);
}

/* A list of lines reads with the separators of the document's language:
 * no ASCII comma or hyphen inside the Chinese 审查意见. */
static void test_line_lists_follow_the_language(void **state)
{
	char *en = sy_line_list_say("2-4,49,51-60");
	assert_string_equal(en, "2-4, 49, 51-60");
	free(en);
	if (!have_chinese_catalogue()) {
		fprintf(stderr, "SKIPPED: no zh_CN catalogue\n");
		skip();
	}
	struct sy_i18n_saved saved;
	sy_i18n_switch("zh_CN", &saved);
	char *zh = sy_line_list_say("2-4,49,51-60");
	sy_i18n_restore(&saved);
	assert_string_equal(zh, "2至4、49、51至60");
	free(zh);
}

/* Every finding of the example and seed reports, said again in Chinese
 * from the arguments it kept, reads exactly as when scored in Chinese. */
static void test_findings_said_again(void **state)
{
	if (!have_chinese_catalogue()) {
		fprintf(stderr, "SKIPPED: no zh_CN catalogue\n");
		skip();
	}
	const char *src = getenv("SRCDIR"), *seeds = getenv("SHENYUE_SEEDS");
	char *dirs[] = {xasprintf("%s/examples", src && *src ? src : "."), xstrdup(seeds && *seeds ? seeds : "."),
			xasprintf("%s/tests/fixtures/shapes", src && *src ? src : ".")};
	size_t checked = 0;
	for (size_t d = 0; d < 3; d++) {
		struct sy_batch en = {0}, zh = {0};
		sy_batch_expand(&en, &dirs[d], 1);
		sy_batch_load_all(&en, test_rubric());
		struct sy_i18n_saved saved;
		sy_i18n_switch("zh_CN", &saved);
		sy_batch_expand(&zh, &dirs[d], 1);
		sy_batch_load_all(&zh, test_rubric());
		for (size_t i = 0; i < en.n && i < zh.n; i++) {
			assert_int_equal(en.r[i].score.nf, zh.r[i].score.nf);
			for (size_t k = 0; k < en.r[i].score.nf; k++) {
				char *again = sy_finding_message(&en.r[i].score.f[k]);
				if (strcmp(again, zh.r[i].score.f[k].message))
					fail_msg("%s: %s: \"%s\" said again as \"%s\"", en.r[i].path, en.r[i].score.f[k].id,
						 zh.r[i].score.f[k].message, again);
				free(again);
				checked++;
			}
		}
		sy_i18n_restore(&saved);
		/* and in the language it was found in, the same sentence */
		for (size_t i = 0; i < en.n; i++)
			for (size_t k = 0; k < en.r[i].score.nf; k++) {
				char *same = sy_finding_message(&en.r[i].score.f[k]);
				assert_string_equal(same, en.r[i].score.f[k].message);
				free(same);
			}
		sy_batch_free(&en);
		sy_batch_free(&zh);
		free(dirs[d]);
	}
	assert_true(checked > 20);
}

/* What the md says, checked point by point (the golden file holds it all). */
static void test_md_contents(void **state)
{
	struct fx_world w;
	struct sy_review rv[2];
	struct sy_export_doc x;
	fx_world_init(&w);
	fixed_reviews(rv);
	build_doc(&w, rv, &OPTS, &x);
	char *md = write_doc(&x, "md", NULL);
	assert_non_null(strstr(md, "## 关于青禾县云溪镇人民政府2024年度法治政府建设年度报告的审查意见"));
	assert_non_null(strstr(md, "- 报告文件：02-missing-part.txt\n"));
	/* the reviewer's status wins: score and part, with the detected one beside */
	assert_non_null(strstr(md, "- 得分：88（系统识别：75）"));
	assert_non_null(strstr(md, "：部分具备。系统识别：缺失；审查认定：部分具备，理由：第一部分提到镇长带头学法 3 次"));
	assert_non_null(strstr(md, "- 审查结论：退回修改"));
	assert_non_null(strstr(md, "- 其他需要报告的情况：未报告（非必备）"));
	assert_non_null(strstr(md, "请单列一部分"));
	assert_non_null(strstr(md, "### 总体意见\n\n结构完整，数据翔实。"));
	assert_non_null(strstr(md, "### 整改要求\n\n请对照上述问题认真整改，于2025年3月16日前重新报送。"));
	assert_non_null(strstr(md, "- 审查单位：青禾县依法治县办\n- 审查人：张三\n- 日期：2025年3月1日"));
	/* info-level findings only when asked */
	assert_null(strstr(md, "【参考】"));
	assert_non_null(strstr(md, "\\*重要\\*"));
	assert_true(escaped_everywhere(md, "<script>"));
	free(md);
	sy_export_free(&x);
	struct sy_export_opts all = OPTS;
	all.all_findings = true;
	build_doc(&w, rv, &all, &x);
	md = write_doc(&x, "md", NULL);
	assert_non_null(strstr(md, "【参考】"));
	free(md);
	sy_export_free(&x);
	sy_review_free(&rv[0]);
	sy_review_free(&rv[1]);
	fx_world_free(&w);
}

/* A finding about a part the reviewer marked present is not sent back,
 * unless the reviewer wrote a note on it: no note is ever left out. */
static void test_overruled_finding_left_out(void **state)
{
	struct fx_world w;
	struct sy_review rv[2];
	struct sy_export_doc x;
	fx_world_init(&w);
	fixed_reviews(rv);
	char *k = sy_key_override("duty");
	put(&rv[1], k, "present", "写在第一部分");
	free(k);
	build_doc(&w, rv, &OPTS, &x);
	assert_int_equal(x.r[1].score, 100);
	char *md = write_doc(&x, "md", NULL);
	assert_non_null(strstr(md, "### 存在的问题"));
	assert_non_null(strstr(md, "请单列一部分"));
	free(md);
	sy_export_free(&x);
	k = sy_key_note(&NOTE_MISSING);
	put(&rv[1], k, NULL, NULL);
	free(k);
	build_doc(&w, rv, &OPTS, &x);
	md = write_doc(&x, "md", NULL);
	assert_null(strstr(md, "### 存在的问题"));
	assert_null(strstr(md, "第一责任人：缺失"));
	free(md);
	sy_export_free(&x);
	sy_review_free(&rv[0]);
	sy_review_free(&rv[1]);
	fx_world_free(&w);
}

/* CSV: BOM, Chinese column names, a status per part as it counts, ids in
 * their own columns, formulas defused; English with lang en. */
/* A note is never lost from the 审查意见: one on an optional part the
 * report left out goes under that part; one on a part the rubric no
 * longer has goes under 其他意见, in the .docx as in the md. */
static void test_docx_keeps_part_notes(void **state)
{
	struct fx_world w;
	struct sy_review rv[2];
	struct sy_export_doc x;
	fx_world_init(&w);
	fixed_reviews(rv);
	static const struct sy_note_target other = {.on = SY_NOTE_PART, .part = "other"};
	static const struct sy_note_target gone = {.on = SY_NOTE_PART, .part = "retired-part"};
	char *k = sy_key_note(&other);
	put(&rv[1], k, "请补充年度内接受督察整改情况", NULL);
	free(k);
	k = sy_key_note(&gone);
	put(&rv[1], k, "旧规则下的意见仍须转达", NULL);
	free(k);
	build_doc(&w, rv, &OPTS, &x);
	struct sy_export_doc one;
	sy_export_doc_slice(&x, 1, &one);
	size_t len;
	char *docx = write_doc(&one, "docx", &len);
	xmlDocPtr doc = ox_xml(docx, len, "word/document.xml");
	char *text = ox_docx_text(doc);
	assert_non_null(strstr(text, "请补充年度内接受督察整改情况"));
	assert_non_null(strstr(text, "旧规则下的意见仍须转达"));
	char *md = write_doc(&one, "md", NULL);
	assert_non_null(strstr(md, "请补充年度内接受督察整改情况"));
	assert_non_null(strstr(md, "旧规则下的意见仍须转达"));
	free(md);
	free(text);
	xmlFreeDoc(doc);
	free(docx);
	sy_export_free(&x);
	sy_review_free(&rv[0]);
	sy_review_free(&rv[1]);
	fx_world_free(&w);
}

/* A note typed without its 。 ends its sentence in the .docx (the office
 * sends the document as it is); one that ends in punctuation, or opens a
 * list with ：, is left as written. */
static void test_docx_notes_end_sentences(void **state)
{
	struct fx_world w;
	struct sy_review rv[2];
	struct sy_export_doc x;
	fx_world_init(&w);
	fixed_reviews(rv);
	static const struct sy_note_target report = {.on = SY_NOTE_REPORT};
	static const struct sy_note_target other = {.on = SY_NOTE_PART, .part = "other"};
	char *k = sy_key_note(&report);
	put(&rv[1], k, "请补充以下内容：\n1.第一责任人述法情况\n2.问题原因分析（见附件）", NULL);
	free(k);
	k = sy_key_note(&other);
	put(&rv[1], k, "已按要求公开。", NULL);
	free(k);
	build_doc(&w, rv, &OPTS, &x);
	struct sy_export_doc one;
	sy_export_doc_slice(&x, 1, &one);
	size_t len;
	char *docx = write_doc(&one, "docx", &len);
	xmlDocPtr doc = ox_xml(docx, len, "word/document.xml");
	char *text = ox_docx_text(doc);
	assert_non_null(strstr(text, "\n请补充以下内容：\n"));
	assert_non_null(strstr(text, "\n1.第一责任人述法情况。\n"));
	assert_non_null(strstr(text, "\n2.问题原因分析（见附件）。\n"));
	assert_non_null(strstr(text, "已按要求公开。"));
	assert_null(strstr(text, "已按要求公开。。"));
	free(text);
	xmlFreeDoc(doc);
	free(docx);
	sy_export_free(&x);
	sy_review_free(&rv[0]);
	sy_review_free(&rv[1]);
	fx_world_free(&w);
}

static void test_csv(void **state)
{
	struct fx_world w;
	struct sy_review rv[2];
	struct sy_export_doc x;
	fx_world_init(&w);
	fixed_reviews(rv);
	build_doc(&w, rv, &OPTS, &x);
	char *csv = write_doc(&x, "csv", NULL);
	assert_memory_equal(csv, "\xEF\xBB\xBF单位,年度,得分,系统识别得分,审查结论,举措成效,第一责任人,", 70);
	size_t rows = 0;
	for (char *p = csv; (p = strstr(p, "\r\n")); p += 2)
		rows++;
	assert_int_equal(rows, 3); /* notes with newlines stay inside quotes */
	assert_non_null(strstr(csv, "青禾县人民政府石桥街道办事处,2024,88,75,退回修改,具备,部分具备,"));
	assert_non_null(strstr(csv, "第一责任人：部分具备（第一部分提到镇长带头学法 3 次）"));
	assert_non_null(strstr(csv, "[总体意见] =SUM(A1:A9), \"\"请\"\"退回"));
	assert_non_null(strstr(csv, "\"[问题] 请单列一部分\n[第一责任人] *重要*"));
	assert_non_null(strstr(csv, ",02-missing-part.txt,return,missing-part,"));
	assert_null(strstr(csv, w.dir));
	free(csv);
	sy_export_free(&x);
	struct sy_export_opts en = OPTS;
	en.lang = SY_EXPORT_EN;
	build_doc(&w, rv, &en, &x);
	csv = write_doc(&x, "csv", NULL);
	assert_memory_equal(csv, "\xEF\xBB\xBFunit,year,score,detected_score,verdict,measures,duty,", 52);
	assert_non_null(strstr(csv, ",returned for correction,present,partial,"));
	free(csv);
	sy_export_free(&x);
	sy_review_free(&rv[0]);
	sy_review_free(&rv[1]);
	fx_world_free(&w);
}

static void test_yaml_roundtrip(void **state)
{
	struct fx_world w;
	struct sy_review rv[2];
	struct sy_export_doc x, y;
	fx_world_init(&w);
	fixed_reviews(rv);
	build_doc(&w, rv, &OPTS, &x);
	size_t len;
	char *first = write_doc(&x, "yaml", &len);
	char err[1024];
	assert_int_equal(sy_export_load(&y, "export.yaml", first, len, err, sizeof err), 0);
	assert_int_equal(y.n, 2);
	assert_string_equal(y.r[1].unit, "青禾县人民政府石桥街道办事处");
	assert_string_equal(y.r[1].relpath, "02-missing-part.txt");
	assert_int_equal(y.r[1].year, 2024);
	assert_int_equal(y.r[1].score, 88);
	assert_int_equal(y.r[1].detected_score, 75);
	assert_string_equal(y.office, "青禾县依法治县办");
	assert_string_equal(y.date, "2025-03-01");
	assert_string_equal(y.deadline, "2025-03-16");
	assert_int_equal(y.r[1].nparts, test_rubric()->nparts);
	assert_int_equal(y.r[1].nf, x.r[1].nf);
	assert_string_equal(y.r[1].f[0].message, x.r[1].f[0].message);
	assert_true(sy_review_equal(&y.r[1].review, &rv[1]));
	assert_string_equal(sy_review_note(&y.r[1].review, &NOTE_DUTY), HOSTILE);
	assert_int_equal(sy_review_verdict(&y.r[0].review), SY_VERDICT_ACCEPT);
	char *second = write_doc(&y, "yaml", NULL);
	assert_string_equal(first, second);
	free(second);
	sy_export_free(&y);
	/* a broken export names the place */
	assert_int_equal(sy_export_load(&y, "bad.yaml", "format: 1\nreports:\n  - unit: 无路径\n", 39, err,
					sizeof err), -1);
	if (!strstr(err, "bad.yaml:3:"))
		fail_msg("%s", err);
	assert_int_equal(sy_export_load(&y, "bad.yaml", "format: 1\nlang: fr\n", 19, err, sizeof err), -1);
	assert_non_null(strstr(err, "'lang' must be zh or en"));
	free(first);
	sy_export_free(&x);
	sy_review_free(&rv[0]);
	sy_review_free(&rv[1]);
	fx_world_free(&w);
}

/* The .docx read back: a Chinese official document with the decisions. */
static void test_docx_contents(void **state)
{
	struct fx_world w;
	struct sy_review rv[2];
	struct sy_export_doc x, one;
	fx_world_init(&w);
	fixed_reviews(rv);
	build_doc(&w, rv, &OPTS, &x);
	sy_export_doc_slice(&x, 1, &one);
	size_t len;
	char *data = write_doc(&one, "docx", &len);
	xmlDocPtr doc = ox_xml(data, len, "word/document.xml");
	char *text = ox_docx_text(doc);
	/* the title, broken between whole words, in the title style */
	ox_assert_str(doc, "string((//w:body/w:p)[1]/w:pPr/w:pStyle/@w:val)", "Title");
	assert_non_null(strstr(text, "关于青禾县人民政府石桥街道办事处2024年度法治政府建设年度报告的审查意见\n"));
	assert_int_equal(ox_num(doc, "count((//w:body/w:p)[1]//w:br)"), 1);
	/* 主送, then the body */
	assert_non_null(strstr(text, "\n青禾县人民政府石桥街道办事处：\n你单位报送的《"));
	assert_non_null(strstr(text, "一、审查结论\n退回修改。"));
	assert_non_null(strstr(text, "报告得分88分（满分100分）。"));
	assert_non_null(strstr(text, "（二）党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况：部分具备。"
				     "系统识别：缺失；审查认定：部分具备，理由：第一部分提到镇长带头学法 3 次。"));
	/* Markdown-looking notes arrive as written: no escapes in Word */
	assert_non_null(strstr(text, "审查意见：*重要* _强调_ [链接](http://x.cn) <script>alert(1)</script>"));
	assert_non_null(strstr(text, "请单列一部分"));
	assert_non_null(strstr(text, "五、整改要求\n请对照上述问题认真整改，补充完善相关内容，于2025年3月16日前将修改后的报告重新报送青禾县依法治县办。"));
	assert_non_null(strstr(text, "\n青禾县依法治县办\n2025年3月1日\n（审查人：张三）\n"));
	/* the optional part left out is not listed; info findings are not either */
	assert_null(strstr(text, "其他需要报告的情况"));
	assert_null(strstr(text, "整改情况，标题和正文中均未见"));
	/* fonts: the part names in 楷体, headings in the 黑体 style */
	ox_assert_str(doc, "string(//w:r[starts-with(w:t, '（二）')]/w:rPr/w:rFonts/@w:eastAsia)", "楷体_GB2312");
	ox_assert_str(doc, "string(//w:p[.//w:t='一、审查结论']/w:pPr/w:pStyle/@w:val)", "Heading1");
	/* the office and the date at the foot, right-aligned, 右空 so many characters */
	ox_assert_str(doc, "string(//w:p[.//w:t='青禾县依法治县办']/w:pPr/w:jc/@w:val)", "right");
	ox_assert_str(doc, "string(//w:p[.//w:t='青禾县依法治县办']/w:pPr/w:ind/@w:rightChars)", "200");
	ox_assert_str(doc, "string(//w:p[.//w:t='2025年3月1日']/w:pPr/w:ind/@w:rightChars)", "200");
	free(text);
	xmlFreeDoc(doc);
	xmlDocPtr core = ox_xml(data, len, "docProps/core.xml");
	ox_assert_str(core, "string(//dc:creator)", "张三");
	xmlFreeDoc(core);
	free(data);
	/* the batch in one file: a section per unit, each with its title and
	 * its pages numbered from 1 (an office prints and sends each alone) */
	data = write_doc(&x, "docx", &len);
	doc = ox_xml(data, len, "word/document.xml");
	assert_int_equal(ox_num(doc, "count(//w:p[w:pPr/w:pStyle/@w:val='Title'])"), 2);
	assert_int_equal(ox_num(doc, "count(//w:sectPr)"), 2);
	assert_int_equal(ox_num(doc, "count(//w:sectPr/w:pgNumType[@w:start='1'])"), 2);
	assert_int_equal(ox_num(doc, "count(//w:p[w:pPr/w:sectPr]/following-sibling::w:p"
				     "[w:pPr/w:pStyle/@w:val='Title'])"), 1);
	assert_int_equal(ox_num(doc, "count(//w:p[w:pPr/w:sectPr]/preceding-sibling::w:p"
				     "[w:pPr/w:pStyle/@w:val='Title'])"), 1);
	text = ox_docx_text(doc);
	assert_non_null(strstr(text, "一、审查结论\n予以通过。报告得分100分（满分100分）。"));
	assert_non_null(strstr(text, "三、其他意见\n结构完整，数据翔实。"));
	free(text);
	xmlFreeDoc(doc);
	free(data);
	sy_export_free(&x);
	sy_review_free(&rv[0]);
	sy_review_free(&rv[1]);
	fx_world_free(&w);
}

/* The value of the cell at ref ("B3") of sheet1: the shared string, or the number. */
static char *xlsx_cell(xmlDocPtr sheet, xmlDocPtr strings, const char *ref)
{
	char *xp = xasprintf("string(//x:c[@r='%s']/@t)", ref);
	char *t = ox_str(sheet, xp);
	free(xp);
	xp = xasprintf("string(//x:c[@r='%s']/x:v)", ref);
	char *v = ox_str(sheet, xp);
	free(xp);
	if (strcmp(t, "s")) {
		free(t);
		return v;
	}
	xp = xasprintf("string((//x:si)[%ld]/x:t)", strtol(v, NULL, 10) + 1);
	char *text = ox_str(strings, xp);
	free(xp);
	free(t);
	free(v);
	return text;
}

/* The fill colour of the cell at ref ("FFFFEB9C"), through its style. */
static char *xlsx_fill(xmlDocPtr sheet, xmlDocPtr styles, const char *ref)
{
	char *xp = xasprintf("string(//x:c[@r='%s']/@s)", ref);
	char *s = ox_str(sheet, xp);
	free(xp);
	xp = xasprintf("string((//x:cellXfs/x:xf)[%ld]/@fillId)", strtol(s, NULL, 10) + 1);
	char *fill = ox_str(styles, xp);
	free(xp);
	xp = xasprintf("string((//x:fills/x:fill)[%ld]/x:patternFill/x:fgColor/@rgb)", strtol(fill, NULL, 10) + 1);
	char *rgb = ox_str(styles, xp);
	free(xp);
	free(s);
	free(fill);
	return rgb;
}

#define assert_cell(want, sheet, strings, ref)                                  \
	do {                                                                    \
		char *got_ = xlsx_cell(sheet, strings, ref);                   \
		if (strcmp(got_, want))                                         \
			fail_msg("cell %s: got \"%s\", want \"%s\"", ref, got_, want); \
		free(got_);                                                     \
	} while (0)

/* The 汇总表: a title, a frozen header, a row per report, a column per part
 * coloured by its status as it counts, widths for Chinese text; LibreOffice
 * reads it back. */
static void test_xlsx(void **state)
{
	struct fx_world w;
	struct sy_review rv[2];
	struct sy_export_doc x;
	fx_world_init(&w);
	fixed_reviews(rv);
	build_doc(&w, rv, &OPTS, &x);
	size_t len;
	char *data = write_doc(&x, "xlsx", &len);
	assert_memory_equal(data, "PK", 2);
	xmlDocPtr sheet = ox_xml(data, len, "xl/worksheets/sheet1.xml");
	xmlDocPtr strings = ox_xml(data, len, "xl/sharedStrings.xml");
	xmlDocPtr styles = ox_xml(data, len, "xl/styles.xml");
	xmlDocPtr book = ox_xml(data, len, "xl/workbook.xml");
	ox_assert_str(book, "string(//x:sheet/@name)", "汇总表");
	assert_cell("法治政府建设年度报告审查汇总表（青禾县依法治县办，2025年3月1日）", sheet, strings, "A1");
	ox_assert_str(sheet, "string(//x:mergeCell/@ref)", "A1:R1");
	static const char *const head[] = {"序号", "单位", "年度", "得分", "审查结论", "举措成效", "第一责任人",
					   "不足原因", "下年安排", "其他情况", "审查认定及理由", "存在的问题"};
	for (size_t c = 0; c < sizeof head / sizeof *head; c++) {
		char ref[8];
		snprintf(ref, sizeof ref, "%c2", (char)('A' + c));
		assert_cell(head[c], sheet, strings, ref);
	}
	/* the header and the unit column stay in view */
	ox_assert_str(sheet, "string(//x:pane/@state)", "frozen");
	ox_assert_str(sheet, "string(//x:pane/@ySplit)", "2");
	ox_assert_str(sheet, "string(//x:pane/@xSplit)", "2");
	/* one row per report, as it counts */
	assert_cell("青禾县人民政府石桥街道办事处", sheet, strings, "B4");
	assert_cell("88", sheet, strings, "D4");
	assert_cell("退回修改", sheet, strings, "E4");
	assert_cell("部分具备", sheet, strings, "G4");
	assert_cell("未报告（非必备）", sheet, strings, "J4");
	assert_cell("第一责任人：部分具备（第一部分提到镇长带头学法 3 次）", sheet, strings, "K4");
	assert_cell("02-missing-part.txt", sheet, strings, "R4");
	/* a colour per status */
	char *fill;
	assert_string_equal((fill = xlsx_fill(sheet, styles, "G4")), "FFFFEB9C");
	free(fill);
	assert_string_equal((fill = xlsx_fill(sheet, styles, "F4")), "FFC6EFCE");
	free(fill);
	assert_string_equal((fill = xlsx_fill(sheet, styles, "E4")), "FFFFC7CE");
	free(fill);
	/* a column of Chinese units is wider than one of years; notes wrap */
	assert_true(ox_num(sheet, "string(//x:col[@min='2']/@width)") > 2 * ox_num(sheet, "string(//x:col[@min='3']/@width)"));
	assert_true(ox_num(sheet, "string(//x:row[@r='4']/@ht)") >= 30);
	xmlFreeDoc(sheet);
	xmlFreeDoc(strings);
	xmlFreeDoc(styles);
	xmlFreeDoc(book);
	/* LibreOffice opens it: its own CSV of the sheet holds the table */
	char *path = xasprintf("%s/汇总表-测试.xlsx", w.dir);
	fx_write(path, "");
	char err[512];
	assert_int_equal(sy_export_save(path, F("xlsx"), &x, SY_WRITE_REPLACE, err, sizeof err), SY_WRITE_OK);
	if (system("command -v soffice >/dev/null 2>&1") == 0) {
		char *cmd = xasprintf("cd '%s' && timeout 180 soffice -env:UserInstallation=file://%s/lo --headless "
				      "--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' '%s' >/dev/null 2>&1",
				      w.dir, w.dir, path);
		assert_int_equal(system(cmd), 0);
		free(cmd);
		char *csv_path = xasprintf("%s/汇总表-测试.csv", w.dir);
		char *csv = fx_read(csv_path);
		assert_non_null(csv);
		assert_non_null(strstr(csv, "2,青禾县人民政府石桥街道办事处,2024,88,退回修改,具备,部分具备,"));
		free(csv);
		free(csv_path);
	} else {
		fprintf(stderr, "SKIPPED: LibreOffice (soffice) is not installed: the 汇总表 was not opened in it\n");
	}
	free(path);
	free(data);
	sy_export_free(&x);
	sy_review_free(&rv[0]);
	sy_review_free(&rv[1]);
	fx_world_free(&w);
}

/* No export holds an absolute path or a finding id in its prose. */
static void test_no_paths_no_ids(void **state)
{
	struct fx_world w;
	struct sy_review rv[2];
	struct sy_export_doc x;
	fx_world_init(&w);
	fixed_reviews(rv);
	build_doc(&w, rv, &OPTS, &x);
	size_t len;
	char *md = write_doc(&x, "md", NULL), *csv = write_doc(&x, "csv", NULL);
	char *data = write_doc(&x, "docx", &len);
	xmlDocPtr doc = ox_xml(data, len, "word/document.xml");
	char *docx = ox_docx_text(doc);
	size_t xlen;
	char *xlsx = write_doc(&x, "xlsx", &xlen);
	char *strings = ox_part(xlsx, xlen, "xl/sharedStrings.xml", NULL);
	assert_non_null(strings);
	for (size_t i = 0; i < x.n; i++) /* the 报告文件 column names the files */
		for (size_t k = 0, n = strlen(x.r[i].relpath); strings[k]; k++)
			if (!strncmp(strings + k, x.r[i].relpath, n))
				memset(strings + k, '_', n);
	assert_null(strstr(strings, w.dir));
	assert_true(w.dir[0] == '/');
	assert_null(strstr(md, w.dir));
	assert_null(strstr(csv, w.dir));
	assert_null(strstr(docx, w.dir));
	assert_null(strstr(docx, ".txt")); /* no file name in the Word document either */
	for (size_t i = 0; i < x.n; i++) /* the md names the files: 02-missing-part.txt is no id */
		for (size_t k = 0, n = strlen(x.r[i].relpath); md[k]; k++)
			if (!strncmp(md + k, x.r[i].relpath, n))
				memset(md + k, '_', n);
	for (size_t i = 0; i < x.n; i++)
		for (size_t k = 0; k < x.r[i].nf; k++) {
			const char *id = x.r[i].f[k].id;
			if (strstr(md, id) || strstr(docx, id) || strstr(strings, id))
				fail_msg("the finding id %s is in the prose", id);
		}
	free(strings);
	free(xlsx);
	free(docx);
	xmlFreeDoc(doc);
	free(data);
	free(md);
	free(csv);
	sy_export_free(&x);
	sy_review_free(&rv[0]);
	sy_review_free(&rv[1]);
	fx_world_free(&w);
}

/* Two units with the same text: the duplicate finding names the other
 * unit's report, never its path. */
static void test_duplicate_names_the_unit(void **state)
{
	struct fx_world w;
	fx_world_init(&w);
	char *text = fx_read(w.complete);
	char *twin = xasprintf("%s/05-twin.txt", w.dir);
	char *p = strstr(text, "云溪镇");
	assert_non_null(p);
	struct sy_buf b = {0};
	for (const char *s = text; *s;) { /* the same report, another unit */
		const char *hit = strstr(s, "云溪镇");
		size_t n = hit ? (size_t)(hit - s) : strlen(s);
		sy_buf_add(&b, s, n);
		if (!hit)
			break;
		sy_buf_puts(&b, "白沙镇");
		s = hit + strlen("云溪镇");
	}
	char *changed = sy_buf_steal(&b);
	fx_write(twin, changed);
	char *paths[] = {w.complete, w.missing, twin};
	sy_batch_free(&w.batch);
	memset(&w.batch, 0, sizeof w.batch);
	sy_batch_expand(&w.batch, paths, 3);
	sy_batch_load_all(&w.batch, test_rubric());
	sy_batch_crosscheck(&w.batch);
	struct sy_export_entry e[3];
	for (size_t i = 0; i < 3; i++)
		e[i] = (struct sy_export_entry){.rep = &w.batch.r[i], .rv = NULL};
	struct sy_export_opts o = OPTS;
	o.batch = &w.batch;
	struct sy_export_doc x;
	sy_export_build(&x, e, 3, test_rubric(), &o);
	const struct sy_export_finding *dup = NULL;
	for (size_t k = 0; k < x.r[0].nf; k++)
		if (!strcmp(x.r[0].f[k].id, "duplicate"))
			dup = &x.r[0].f[k];
	assert_non_null(dup);
	assert_null(strstr(dup->message, w.dir));
	assert_null(strstr(dup->message, ".txt"));
	if (have_chinese_catalogue())
		assert_non_null(strstr(dup->message, "青禾县白沙镇人民政府的报告"));
	sy_export_free(&x);
	free(changed);
	free(twin);
	free(text);
	fx_world_free(&w);
}

/* File names: the real folder name even for ".", one report never named
 * like the batch; characters a file name cannot hold replaced. */
static void test_names(void **state)
{
	char *name = sy_export_default_name("/data/2024年报告/", F("md"));
	assert_string_equal(name, "审查意见-2024年报告.md");
	free(name);
	char *dir = fx_tmpdir();
	char *sub = xasprintf("%s/乡镇报告", dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	char cwd[4096];
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(sub), 0);
	name = sy_export_default_name(".", F("docx"));
	assert_string_equal(name, "审查意见-乡镇报告.docx");
	free(name);
	name = sy_export_default_name("./", F("docx"));
	assert_string_equal(name, "审查意见-乡镇报告.docx");
	free(name);
	name = sy_export_default_name(".", F("xlsx"));
	assert_string_equal(name, "汇总表-乡镇报告.xlsx");
	free(name);
	assert_int_equal(chdir(cwd), 0);
	struct sy_export_report r = {.path = "/x/c.txt", .unit = "青禾县/云溪镇", .year = 2024};
	name = sy_export_report_name(&r, F("docx"));
	assert_string_equal(name, "审查意见-青禾县_云溪镇-2024.docx");
	free(name);
	r.unit = NULL;
	name = sy_export_report_name(&r, F("md"));
	assert_string_equal(name, "审查意见-c.md");
	free(name);
	free(sub);
	fx_rmtree(dir);
}

static int run_cli(int argc, const char **argv)
{
	return sy_cli_export(argc, (char **)argv);
}

/* A review on disk for the command line to find. */
static void world_with_reviews(struct fx_world *w, struct sy_desk *d)
{
	fx_world_init(w);
	sy_desk_open(d, &w->batch, test_rubric(), NULL, "张三");
	assert_int_equal(sy_desk_set_verdict(d, 0, SY_VERDICT_ACCEPT, NULL), SY_DESK_OK);
	assert_int_equal(sy_desk_set_override(d, 1, "duty", SY_MISSING, "全文未提第一责任人"), SY_DESK_OK);
	assert_int_equal(sy_desk_set_note(d, 1, &NOTE_REPORT, "请补充"), SY_DESK_OK);
	assert_int_equal(sy_desk_set_verdict(d, 1, SY_VERDICT_RETURN, NULL), SY_DESK_OK);
}

static void test_cli(void **state)
{
	struct fx_world w;
	struct sy_desk d;
	world_with_reviews(&w, &d);
	sy_desk_close(&d);
	setenv("XDG_CONFIG_HOME", w.dir, 1); /* no user settings */
	char *out = xasprintf("%s/审查意见.md", w.dir);
	const char *no_path[] = {"export", "--format", "md", NULL};
	assert_int_equal(run_cli(3, no_path), 2);
	const char *bad_fmt[] = {"export", "--format", "pdf", w.dir, NULL};
	assert_int_equal(run_cli(4, bad_fmt), 2);
	const char *bad_rubric[] = {"export", "--rubric", "/nonexistent/规则.yaml", w.dir, NULL};
	assert_int_equal(run_cli(4, bad_rubric), 2);
	const char *bad_date[] = {"export", "--date", "2025/3/1", w.dir, NULL};
	assert_int_equal(run_cli(4, bad_date), 2);
	const char *bad_days[] = {"export", "--resubmit-days", "几天", w.dir, NULL};
	assert_int_equal(run_cli(4, bad_days), 2);
	const char *docx_en[] = {"export", "--format", "docx", "--lang", "en", w.dir, NULL};
	assert_int_equal(run_cli(6, docx_en), 2);
	const char *ok[] = {"export", "--office", "青禾县司法局", "--date", "2025-03-01", "-o", out, w.dir, NULL};
	assert_int_equal(run_cli(8, ok), 0);
	char *md = fx_read(out);
	assert_non_null(md);
	assert_non_null(strstr(md, "审查结论：退回修改"));
	assert_non_null(strstr(md, "理由：全文未提第一责任人"));
	assert_non_null(strstr(md, "- 审查单位：青禾县司法局\n- 审查人：张三\n- 日期：2025年3月1日"));
	free(md);
	/* settings from the config file; the command line wins */
	char *cfg = xasprintf("%s/shenyue/config.yaml", w.dir);
	char *cfg_dir = xasprintf("%s/shenyue", w.dir);
	assert_int_equal(mkdir(cfg_dir, 0755), 0);
	free(cfg_dir);
	fx_write(cfg, "office: 青禾县依法治县办\nresubmit_days: 10\nreviewer: 李四\n");
	const char *from_cfg[] = {"export", "--date", "2025-03-01", "-o", out, w.dir, NULL};
	assert_int_equal(run_cli(6, from_cfg), 0);
	md = fx_read(out);
	assert_non_null(strstr(md, "于2025年3月11日前重新报送"));
	assert_non_null(strstr(md, "- 审查单位：青禾县依法治县办\n- 审查人：张三\n")); /* who decided */
	free(md);
	/* one .docx per report, named by unit and year, in -o DIR */
	char *docs = xasprintf("%s/审查意见", w.dir);
	const char *each[] = {"export", "--format", "docx", "-o", docs, w.dir, NULL};
	assert_int_equal(run_cli(6, each), 0);
	char *one = xasprintf("%s/审查意见-青禾县人民政府石桥街道办事处-2024.docx", docs);
	char *data = fx_read(one);
	assert_non_null(data);
	assert_memory_equal(data, "PK", 2);
	free(data);
	assert_int_equal(fx_count(docs, ".docx"), 2);
	/* -o NAME.docx names a file: one report is written there; a batch of
	 * several is refused (it would be a folder named like a document) */
	char *named = xasprintf("%s/给石桥街道.docx", docs);
	const char *single[] = {"export", "--format", "docx", "-o", named, w.complete, NULL};
	assert_int_equal(run_cli(6, single), 0);
	data = fx_read(named);
	assert_non_null(data);
	assert_memory_equal(data, "PK", 2);
	free(data);
	char *many = xasprintf("%s/全部.docx", docs);
	const char *refused[] = {"export", "--format", "docx", "-o", many, w.dir, NULL};
	assert_int_equal(run_cli(6, refused), 2);
	struct stat none;
	assert_int_equal(stat(many, &none), -1);
	free(many);
	free(named);
	/* --one-file: the batch in one document */
	char *batch = xasprintf("%s/批.docx", w.dir);
	const char *whole[] = {"export", "--format", "docx", "--one-file", "-o", batch, w.dir, NULL};
	assert_int_equal(run_cli(7, whole), 0);
	char *bytes;
	size_t len;
	assert_int_equal(sy_file_read(batch, 0, &bytes, &len, NULL), SY_READ_OK);
	xmlDocPtr doc = ox_xml(bytes, len, "word/document.xml");
	assert_int_equal(ox_num(doc, "count(//w:p[w:pPr/w:pStyle/@w:val='Title'])"), 2);
	xmlFreeDoc(doc);
	free(bytes);
	/* LibreOffice opens what the command line wrote */
	if (ox_soffice_pdf(one, w.dir)) {
		char *pdf = xasprintf("%s/审查意见-青禾县人民政府石桥街道办事处-2024.pdf", w.dir);
		struct stat sb;
		assert_int_equal(stat(pdf, &sb), 0);
		assert_true(sb.st_size > 1000);
		free(pdf);
	}
	/* an unreadable review file: still written, exit 1, nothing moved */
	char *rvp = sy_store_path(w.missing, NULL);
	fx_write(rvp, "notes: [未闭合\n");
	const char *yaml[] = {"export", "--format", "yaml", "-o", out, w.dir, NULL};
	assert_int_equal(run_cli(6, yaml), 1);
	char *still = fx_read(rvp);
	assert_string_equal(still, "notes: [未闭合\n");
	char *state_dir = xasprintf("%s/.shenyue", w.dir);
	assert_int_equal(fx_count(state_dir, ".corrupt-"), 0);
	unsetenv("XDG_CONFIG_HOME");
	free(state_dir);
	free(still);
	free(rvp);
	free(batch);
	free(one);
	free(docs);
	free(cfg);
	free(out);
	fx_world_free(&w);
}

/* export --sort score sorts by the score that counts: the reviewer's
 * overrides read first. 01-complete (100 detected) with two parts overruled
 * to missing comes before 02-missing-part (75). */
static void test_cli_sort_score_follows_overrides(void **state)
{
	struct fx_world w;
	struct sy_desk d;
	fx_world_init(&w);
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "张三");
	assert_int_equal(sy_desk_set_override(&d, 0, "duty", SY_MISSING, "未写"), SY_DESK_OK);
	assert_int_equal(sy_desk_set_override(&d, 0, "plan", SY_MISSING, "未写"), SY_DESK_OK);
	sy_desk_close(&d);
	setenv("XDG_CONFIG_HOME", w.dir, 1); /* no user settings */
	char *out = xasprintf("%s/汇总.csv", w.dir);
	const char *argv[] = {"export", "--format", "csv", "--sort", "score", "-o", out, w.dir, NULL};
	assert_int_equal(run_cli(8, argv), 0);
	char *csv = fx_read(out);
	assert_non_null(csv);
	char *first = strstr(csv, "\r\n");
	assert_non_null(first);
	first += 2;
	if (strncmp(first, "青禾县云溪镇人民政府,", strlen("青禾县云溪镇人民政府,")))
		fail_msg("the overruled report (50) should come first:\n%s", csv);
	assert_non_null(strstr(first, "\r\n青禾县人民政府石桥街道办事处,"));
	unsetenv("XDG_CONFIG_HOME");
	free(csv);
	free(out);
	fx_world_free(&w);
}

/* The TUI's export: never overwriting without asking, only what was asked. */
static void test_save_never_overwrites(void **state)
{
	struct fx_world w;
	struct sy_desk d;
	struct sy_export_doc x;
	world_with_reviews(&w, &d);
	size_t n;
	size_t *tagged = sy_desk_tagged_list(&d, &n);
	assert_int_equal(n, 0);
	free(tagged);
	assert_int_equal(sy_desk_tag(&d, 1, true), SY_DESK_OK);
	tagged = sy_desk_tagged_list(&d, &n);
	assert_int_equal(n, 1);
	sy_desk_export_build(&d, tagged, n, &OPTS, &x);
	free(tagged);
	assert_int_equal(x.n, 1);
	char *path = xasprintf("%s/审查意见.md", w.dir);
	char err[1024];
	fx_write(path, "别人的文件");
	assert_int_equal(sy_export_save(path, F("md"), &x, SY_WRITE_NEW, err, sizeof err), SY_WRITE_EXISTS);
	assert_int_equal(sy_export_save(path, F("docx"), &x, SY_WRITE_NEW, err, sizeof err), SY_WRITE_EXISTS);
	char *kept = fx_read(path);
	assert_string_equal(kept, "别人的文件");
	free(kept);
	assert_int_equal(sy_export_save(path, F("md"), &x, SY_WRITE_REPLACE, err, sizeof err), SY_WRITE_OK);
	kept = fx_read(path);
	assert_non_null(strstr(kept, "青禾县人民政府石桥街道办事处"));
	assert_null(strstr(kept, "青禾县云溪镇")); /* only the tagged report */
	free(kept);
	free(path);
	sy_export_free(&x);
	sy_desk_close(&d);
	fx_world_free(&w);
}

int main(void)
{
	test_setup_locale();
	use_catalogue();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md_escape_active),
		cmocka_unit_test(test_md_escape_quiet),
		cmocka_unit_test(test_golden_md_csv),
		cmocka_unit_test(test_findings_said_again),
		cmocka_unit_test(test_md_contents),
		cmocka_unit_test(test_overruled_finding_left_out),
		cmocka_unit_test(test_docx_keeps_part_notes),
		cmocka_unit_test(test_docx_notes_end_sentences),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_yaml_roundtrip),
		cmocka_unit_test(test_docx_contents),
		cmocka_unit_test(test_xlsx),
		cmocka_unit_test(test_no_paths_no_ids),
		cmocka_unit_test(test_duplicate_names_the_unit),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_line_lists_follow_the_language),
		cmocka_unit_test(test_cli),
		cmocka_unit_test(test_cli_sort_score_follows_overrides),
		cmocka_unit_test(test_save_never_overwrites),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
