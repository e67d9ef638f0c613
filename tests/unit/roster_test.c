/* The roster: YAML and CSV (UTF-8, BOM, GB18030, tab-separated), broken
 * files named by line and column, name cores, matching reports to units
 * (aliases, county prefix, suffixes, file names, ambiguity, by hand) and
 * the copy-paste tell. */
#include "config.h"

#include <iconv.h>

#include "../test_common.h"
#include "shenyue/roster.h"
#include "shenyue/xalloc.h"

static void load_ok(struct sy_roster *r, const char *text, bool yaml)
{
	char err[512] = "";
	if (sy_roster_load_string(r, yaml ? "t.yaml" : "t.csv", text, strlen(text), yaml, err, sizeof err))
		fail_msg("roster: %s", err);
}

/* Loads text expecting failure; returns the message. */
static const char *load_bad(const char *text, bool yaml)
{
	static char err[512];
	struct sy_roster r = { 0 };
	err[0] = '\0';
	assert_int_equal(sy_roster_load_string(&r, yaml ? "t.yaml" : "t.csv", text, strlen(text), yaml, err,
					       sizeof err), -1);
	assert_null(r.u);
	return err;
}

static void test_yaml_roster(void **state)
{
	(void)state;
	struct sy_roster r = { 0 };
	load_ok(&r, "units:\n"
		    "  - name: 云溪镇人民政府\n"
		    "    aliases: [云溪镇, 云溪]\n"
		    "    kind: 乡镇\n"
		    "    contact: 张三\n"
		    "  - 石门镇\n"
		    "  - name: 县司法局\n"
		    "    aliases: 司法局、县司法\n",
		true);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.u[0].name, "云溪镇人民政府");
	assert_int_equal(r.u[0].aliases.n, 2);
	assert_string_equal(r.u[0].aliases.v[1], "云溪");
	assert_int_equal(r.u[0].kind, SY_KIND_TOWN);
	assert_string_equal(r.u[0].contact, "张三");
	assert_int_equal(r.u[0].line, 2);
	assert_string_equal(r.u[1].name, "石门镇");
	assert_int_equal(r.u[1].kind, SY_KIND_TOWN); /* guessed from 镇 */
	assert_int_equal(r.u[2].aliases.n, 2);       /* one string split at 、 */
	assert_int_equal(r.u[2].kind, SY_KIND_DEPT);
	assert_int_equal(sy_roster_find_unit(&r, "云溪"), 0);
	assert_int_equal(sy_roster_find_unit(&r, "县司法"), 2);
	assert_int_equal(sy_roster_find_unit(&r, "白沙镇"), -1);
	sy_roster_free(&r);
}

static void test_yaml_broken(void **state)
{
	(void)state;
	assert_non_null(strstr(load_bad("units:\n  - name: 云溪镇\n    kind: 村\n", true), "t.yaml:3:11:"));
	assert_non_null(strstr(load_bad("units:\n  - name: 云溪镇\n    phone: 1\n", true), "t.yaml:3:"));
	assert_non_null(strstr(load_bad("units:\n  - name: 云溪镇\n  - name: [\n", true), "t.yaml:"));
	assert_non_null(strstr(load_bad("units: []\n", true), "t.yaml:1:"));
	assert_non_null(strstr(load_bad("people:\n  - 云溪镇\n", true), "t.yaml:1:1:"));
	const char *dup = load_bad("units:\n  - name: 云溪镇\n  - name: 石门镇\n    aliases: [云溪镇]\n", true);
	assert_non_null(strstr(dup, "t.yaml:3:5:"));
	assert_non_null(strstr(dup, "云溪镇"));
}

static void test_csv_roster(void **state)
{
	(void)state;
	struct sy_roster r = { 0 };
	load_ok(&r, "\xEF\xBB\xBF序号,单位,简称,类型,联系人\r\n"
		    "1,云溪镇人民政府,云溪镇、云溪,乡镇,张三\r\n"
		    "2,\"石门镇\",\"石门;石门乡\",,\"李四, 王五\"\r\n"
		    ",,,,\r\n"
		    "3,县司法局,,部门,\r\n",
		false);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.u[0].name, "云溪镇人民政府");
	assert_int_equal(r.u[0].aliases.n, 2);
	assert_string_equal(r.u[1].aliases.v[1], "石门乡");
	assert_string_equal(r.u[1].contact, "李四,王五");
	assert_int_equal(r.u[2].kind, SY_KIND_DEPT);
	assert_int_equal(r.u[2].line, 5);
	sy_roster_free(&r);

	load_ok(&r, "name,aliases,kind,contact\n云溪镇,云溪,town,\n", false);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.u[0].kind, SY_KIND_TOWN);
	sy_roster_free(&r);

	load_ok(&r, "单位\t简称\n云溪镇\t云溪\n石门镇\t\n", false); /* Excel's tab-separated text */
	assert_int_equal(r.n, 2);
	assert_string_equal(r.u[0].aliases.v[0], "云溪");
	sy_roster_free(&r);
}

/* Converts UTF-8 to GB18030, as Excel on Chinese Windows saves CSV. */
static char *to_gb18030(const char *s, size_t *len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	size_t inleft = strlen(s), outleft = inleft * 2 + 4;
	char *out = xcalloc(outleft, 1), *op = out, *in = (char *)s;
	assert_true(iconv(cd, &in, &inleft, &op, &outleft) != (size_t)-1);
	iconv_close(cd);
	*len = (size_t)(op - out);
	return out;
}

static void test_csv_gb18030(void **state)
{
	(void)state;
	size_t len;
	char *gb = to_gb18030("单位,简称,类型,联系人\r\n云溪镇人民政府,云溪镇、云溪,乡镇,张三\r\n石门镇,,乡镇,\r\n", &len);
	struct sy_roster r = { 0 };
	char err[512] = "";
	assert_int_equal(sy_roster_load_string(&r, "gb.csv", gb, len, false, err, sizeof err), 0);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.u[0].name, "云溪镇人民政府");
	assert_string_equal(r.u[0].aliases.v[0], "云溪镇");
	assert_string_equal(r.u[0].contact, "张三");
	sy_roster_free(&r);
	free(gb);
	gb = to_gb18030("单位,类型\r\n云溪镇,村\r\n", &len);
	assert_int_equal(sy_roster_load_string(&r, "gb.csv", gb, len, false, err, sizeof err), -1);
	assert_non_null(strstr(err, "gb.csv:2:5:")); /* line and column in characters */
	free(gb);
}

static void test_csv_broken(void **state)
{
	(void)state;
	assert_non_null(strstr(load_bad("序号,联系人\n1,张三\n", false), "t.csv:1:1:"));
	assert_non_null(strstr(load_bad("单位,类型\n云溪镇,乡镇\n石门镇,村庄\n", false), "t.csv:3:5:"));
	assert_non_null(strstr(load_bad("单位,简称\n\"云溪镇,云溪\n", false), "t.csv:2:1:"));
	assert_non_null(strstr(load_bad("单位,简称\n云溪镇,\n,石门\n", false), "t.csv:3:1:"));
	assert_non_null(strstr(load_bad("单位,简称\n云溪镇,\n云溪镇,\n", false), "t.csv:3:1:"));
	assert_non_null(strstr(load_bad("单位,简称\n", false), "t.csv:"));
	assert_non_null(strstr(load_bad("", false), "t.csv:1:1:"));
	assert_non_null(strstr(load_bad("单位,单位\n云溪镇,云溪镇\n", false), "t.csv:1:4:"));
}

static void test_unit_core(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "鲁山县张良镇人民政府", "张良镇" },  { "渠县渠南街道", "渠南街道" },
		{ "鲁山县汇源街道办事处", "汇源街道" }, { "中共云溪镇委员会", "云溪镇" },
		{ "平顶山市鲁山县司法局", "司法局" },   { "城区街道", "城区街道" },
		{ "观音堂镇", "观音堂镇" },             { "鲁山县人民政府", "鲁山县" },
		{ "青禾县人民政府石桥街道办事处", "石桥街道" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *c = sy_unit_core(cases[i][0]);
		assert_string_equal(c, cases[i][1]);
		free(c);
	}
}

static const char *const roster7 = "units:\n"
				   "  - name: 鲁山县汇源街道办事处\n"
				   "  - name: 张良镇人民政府\n"
				   "  - 观音堂镇\n"
				   "  - 田镇街道\n"
				   "  - {name: 田镇, kind: 乡镇}\n"
				   "  - {name: 渠南街道办事处, aliases: [渠南]}\n"
				   "  - name: 云溪镇\n"
				   "  - name: 石门镇\n";

static void report_at(struct sy_report *rep, const char *path, const char *text)
{
	test_report(rep, text);
	free(rep->path);
	rep->path = strdup(path);
	rep->loaded = true;
}

static int match_of(const struct sy_roster *r, const char *path, const char *text,
		    const struct sy_review *rv, enum sy_match_how *how)
{
	struct sy_report rep;
	report_at(&rep, path, text);
	struct sy_match m;
	sy_roster_match(r, &rep, rv, &m);
	*how = m.how;
	int u = m.unit;
	sy_match_free(&m);
	sy_report_free(&rep);
	return u;
}

static void test_match(void **state)
{
	(void)state;
	struct sy_roster r = { 0 };
	load_ok(&r, roster7, true);
	enum sy_match_how how;
	/* the unit line, with county prefix and 人民政府 */
	assert_int_equal(match_of(&r, "a.txt", "鲁山县张良镇人民政府\n关于2024年法治政府建设情况的报告\n一、主要举措和成效\n正文。\n",
				  NULL, &how), 1);
	assert_int_equal(how, SY_MATCH_UNIT);
	/* 田镇街道 is not 田镇: the longer name wins */
	assert_int_equal(match_of(&r, "b.txt", "田镇街道2024年度法治政府建设情况报告\n一、主要举措和成效\n正文。\n", NULL, &how), 3);
	/* an alias in the title */
	assert_int_equal(match_of(&r, "c.txt", "渠南2024年法治政府建设工作报告\n一、主要举措和成效\n正文。\n", NULL, &how), 5);
	/* nothing in the text: the file name */
	assert_int_equal(match_of(&r, "in/云溪镇-2024.txt", "2024年法治政府建设情况报告\n一、主要举措和成效\n正文。\n", NULL, &how), 6);
	assert_int_equal(how, SY_MATCH_FILE);
	/* two units in the file name: ambiguous */
	assert_int_equal(match_of(&r, "石门镇云溪镇.txt", "2024年法治政府建设情况报告\n一、主要举措和成效\n正文。\n", NULL, &how), -1);
	assert_int_equal(how, SY_MATCH_AMBIGUOUS);
	/* no unit anywhere */
	assert_int_equal(match_of(&r, "x.txt", "白沙镇2024年法治政府建设情况报告\n一、主要举措和成效\n正文。\n", NULL, &how), -1);
	assert_int_equal(how, SY_MATCH_NONE);
	/* the same name in two counties: the full name, then the county decide */
	struct sy_roster two = { 0 };
	load_ok(&two, "units:\n  - 东湖新安街道\n  - 临川县东湖新安街道\n  - 临川县永丰镇\n", true);
	assert_int_equal(match_of(&two, "a.txt", "临川县东湖新安街道\n关于2024年法治政府建设情况的报告\n一、主要举措和成效\n正文。\n", NULL, &how), 1);
	assert_int_equal(match_of(&two, "a.txt", "安宁县东湖新安街道\n关于2024年法治政府建设情况的报告\n一、主要举措和成效\n正文。\n", NULL, &how), 0);
	assert_int_equal(how, SY_MATCH_UNIT);
	assert_int_equal(match_of(&two, "a.txt", "永丰镇人民政府\n关于2024年法治政府建设情况的报告\n一、主要举措和成效\n正文。\n", NULL, &how), 2);
	sy_roster_free(&two);
	/* by hand: the review's unit item wins */
	struct sy_review rv = { 0 };
	sy_review_init(&rv, "x.txt");
	sy_review_put(&rv, SY_KEY_UNIT, "石门镇", NULL, "me", NULL);
	assert_int_equal(match_of(&r, "x.txt", "白沙镇2024年法治政府建设情况报告\n一、主要举措和成效\n正文。\n", &rv, &how), 7);
	assert_int_equal(how, SY_MATCH_HAND);
	sy_review_free(&rv);
	sy_roster_free(&r);
}

static size_t tells(const struct sy_roster *r, const char *text, int unit, long *line)
{
	struct sy_report rep;
	report_at(&rep, "t.txt", text);
	sy_roster_check_tells(r, &rep, unit);
	sy_roster_check_tells(r, &rep, unit); /* twice: replaces, never doubles */
	size_t n = 0;
	*line = 0;
	for (size_t i = 0; i < rep.score.nf; i++)
		if (!strcmp(rep.score.f[i].id, "other-unit")) {
			n++;
			*line = rep.score.f[i].line;
		}
	sy_report_free(&rep);
	return n;
}

static void test_tells(void **state)
{
	(void)state;
	struct sy_roster r = { 0 };
	load_ok(&r, roster7, true);
	long line;
	/* 石门镇 stands where 云溪镇 should: the subject of the opening sentence */
	assert_int_equal(tells(&r, "云溪镇2024年法治政府建设情况报告\n"
				   "2024年，石门镇在县委领导下推进法治建设。\n"
				   "一、主要举措和成效\n"
				   "石门镇党委高度重视。\n",
			       6, &line), 1);
	assert_int_equal(line, 2);
	/* a neighbour in a cooperation sentence or a list is no tell */
	assert_int_equal(tells(&r, "云溪镇2024年法治政府建设情况报告\n"
				   "一、主要举措和成效\n"
				   "我镇与石门镇联合开展执法检查，协助石门镇调解纠纷。\n"
				   "石门镇、观音堂镇等兄弟乡镇来我镇交流。\n",
			       6, &line), 0);
	/* another unit in the signature */
	assert_int_equal(tells(&r, "云溪镇2024年法治政府建设情况报告\n"
				   "一、主要举措和成效\n"
				   "我镇推进法治建设，开展培训3次。\n"
				   "石门镇人民政府\n"
				   "2025年1月20日\n",
			       6, &line), 1);
	assert_int_equal(line, 4);
	/* units of another kind (a street office) are not peers */
	assert_int_equal(tells(&r, "云溪镇2024年法治政府建设情况报告\n"
				   "一、主要举措和成效\n"
				   "田镇街道对我镇工作给予指导。\n",
			       6, &line), 0);
	sy_roster_free(&r);
}

/* The findings and match of a report, as one string ("how unit | id line message; ..."). */
static char *read_out(const struct sy_roster *r, const char *path, const char *text, int own)
{
	struct sy_report rep;
	report_at(&rep, path, text);
	struct sy_match m;
	sy_roster_match(r, &rep, NULL, &m);
	sy_roster_check_tells(r, &rep, own);
	struct sy_buf b = { 0 };
	sy_buf_printf(&b, "%s %d |", sy_match_how_name(m.how), m.unit);
	for (size_t i = 0; i < rep.score.nf; i++)
		sy_buf_printf(&b, " %s %ld %s;", rep.score.f[i].id, rep.score.f[i].line, rep.score.f[i].message);
	sy_match_free(&m);
	sy_report_free(&rep);
	return sy_buf_steal(&b);
}

/* The roster's index finds what searching key by key finds: every match
 * (by name, alias, core and county) and tell, names inside longer names,
 * overlapping names, keys of two ASCII letters (under the index's prefix),
 * a name at the text's very end. */
static void test_index_agrees(void **state)
{
	(void)state;
	struct sy_roster r = { 0 };
	load_ok(&r, "units:\n"
		    "  - {name: 田镇, kind: 乡镇}\n"
		    "  - 田镇街道\n"
		    "  - 石门镇\n"
		    "  - {name: 石门镇门头村, kind: 乡镇}\n"
		    "  - {name: 云溪镇, aliases: [AB, 云溪]}\n"
		    "  - {name: 临川县白马镇, kind: 乡镇}\n"
		    "  - {name: 永和县白马镇, kind: 乡镇}\n"
		    "  - 镇镇镇\n",
		true);
	assert_non_null(r.index);
	static const char *const texts[] = {
		"云溪镇2024年法治政府建设情况报告\n2024年，石门镇在县委领导下推进法治建设。\n一、主要举措和成效\n"
		"石门镇门头村党委高度重视。AB推进。田镇街道、田镇联合执法。\n白马镇坚持依法行政。\n",
		"镇镇镇镇镇镇2024年报告\n一、主要举措和成效\n石门镇石门镇，田镇田镇街道。\n临川县白马镇与永和县白马镇\n",
		"AB2024年法治政府建设工作报告\n一、主要举措和成效\n正文。云溪\n",
		/* named with 人民政府: matched core to core, the county deciding */
		"永和县白马镇人民政府\n2024年法治政府建设情况报告\n一、主要举措和成效\n临川县白马镇坚持依法行政。\n",
		"白马镇人民政府\n2024年法治政府建设情况报告\n一、主要举措和成效\n正文。\n",
	};
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
		for (int own = -1; own < (int)r.n; own++) {
			char *indexed = read_out(&r, "in/石门镇.txt", texts[t], own);
			struct sy_roster_keys *index = r.index;
			r.index = NULL; /* key by key, as without an index */
			char *plain = read_out(&r, "in/石门镇.txt", texts[t], own);
			r.index = index;
			assert_string_equal(indexed, plain);
			free(indexed);
			free(plain);
		}
	/* the county decides between the two 白马镇; without one they are two */
	char *one = read_out(&r, "x.txt", texts[3], -1), *two = read_out(&r, "x.txt", texts[4], -1);
	assert_non_null(strstr(one, "unit 6 |"));
	assert_non_null(strstr(two, "ambiguous"));
	free(one);
	free(two);
	/* every occurrence, overlapping ones too, in unit, key, then text order */
	size_t n;
	struct sy_key_hit *h = sy_roster_keys_find(&r, "镇镇镇镇", &n);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].at, 0);
	assert_int_equal(h[1].at, 3);
	assert_string_equal(sy_roster_key(&r, h[0].ord), "镇镇镇");
	free(h);
	sy_roster_free(&r);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_roster), cmocka_unit_test(test_yaml_broken),
		cmocka_unit_test(test_csv_roster),  cmocka_unit_test(test_csv_gb18030),
		cmocka_unit_test(test_csv_broken),  cmocka_unit_test(test_unit_core),
		cmocka_unit_test(test_match),       cmocka_unit_test(test_tells),
		cmocka_unit_test(test_index_agrees),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
