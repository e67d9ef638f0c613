/* Output formats of `shenyue check` and its exit status. */
#include "config.h"

#include <yaml.h>

#include "../test_common.h"
#include "shenyue/check.h"
#include "shenyue/yamlutil.h"

#define GOOD "云溪镇关于2024年法治政府建设情况的报告\n现报告如下：\n" \
	"一、主要举措和成效\n开展活动12场。\n二、第一责任人职责履行情况\n书记讲课3次。\n" \
	"三、存在的不足和原因\n原因是人手少。\n四、2025年工作计划\n加强培训。\n2025年1月5日\n"
#define BAD "石桥街道,\"特别\"单位关于2024年法治政府建设情况的报告\n一、主要举措和成效\n开展活动12场。\n"

/* A batch of one good report, one incomplete report and one unreadable file. */
static void make_batch(struct sy_batch *b)
{
	memset(b, 0, sizeof *b);
	b->n = 3;
	b->r = calloc(3, sizeof *b->r);
	test_report(&b->r[0], GOOD);
	test_report(&b->r[1], BAD);
	free(b->r[0].path);
	b->r[0].path = strdup("a/01.txt");
	b->r[2].path = strdup("a/broken.txt");
	b->r[2].error = strdup("binary file (contains NUL bytes), not a text report");
	b->r[2].loaded = true;
}

static char *capture(void (*write)(FILE *, const struct sy_batch *, const struct sy_rubric *),
		     const struct sy_batch *b)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	write(f, b, test_rubric());
	fclose(f);
	return buf;
}

static void test_yaml_parses_back_with_documented_keys(void **state)
{
	struct sy_batch b;
	make_batch(&b);
	char *out = capture(sy_check_write_yaml, &b);
	struct sy_yaml y;
	char err[512];
	assert_int_equal(sy_yaml_parse(&y, "out", out, strlen(out), err, sizeof err), 0);
	yaml_node_t *reports = sy_yaml_get(&y, sy_yaml_root(&y), "reports");
	assert_int_equal(sy_yaml_len(reports), 3);
	yaml_node_t *r0 = sy_yaml_item(&y, reports, 0);
	static const char *const keys[] = { "path", "unit", "year", "encoding", "score", "parts", "findings", NULL };
	assert_int_equal(sy_yaml_check_keys(&y, r0, keys, err, sizeof err), 0);
	assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, r0, "path")), "a/01.txt");
	assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, r0, "unit")), "云溪镇");
	assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, r0, "year")), "2024");
	assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, r0, "encoding")), "UTF-8");
	assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, r0, "score")), "100");
	yaml_node_t *parts = sy_yaml_get(&y, r0, "parts");
	assert_int_equal(sy_yaml_len(parts), 5);
	yaml_node_t *p1 = sy_yaml_item(&y, parts, 1);
	assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, p1, "id")), "duty");
	assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, p1, "status")), "present");
	assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, p1, "line")), "5");
	assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, p1, "heading")), "二、第一责任人职责履行情况");
	yaml_node_t *p4 = sy_yaml_item(&y, parts, 4);
	assert_true(sy_yaml_is_null(sy_yaml_get(&y, p4, "line")));
	assert_true(sy_yaml_is_null(sy_yaml_get(&y, p4, "heading")));
	/* quotes in user text survive the round trip */
	yaml_node_t *r1 = sy_yaml_item(&y, reports, 1);
	assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, r1, "unit")), "石桥街道,\"特别\"单位");
	yaml_node_t *f0 = sy_yaml_item(&y, sy_yaml_get(&y, r1, "findings"), 0);
	static const char *const fkeys[] = { "id", "severity", "line", "message", NULL };
	assert_int_equal(sy_yaml_check_keys(&y, f0, fkeys, err, sizeof err), 0);
	/* the unreadable file: an error and no parts */
	yaml_node_t *r2 = sy_yaml_item(&y, reports, 2);
	assert_null(sy_yaml_get(&y, r2, "parts"));
	assert_non_null(strstr(sy_yaml_scalar(sy_yaml_get(&y, r2, "error")), "binary"));
	sy_yaml_free(&y);
	free(out);
	sy_batch_free(&b);
}

static void test_csv_bom_header_and_quoting(void **state)
{
	struct sy_batch b;
	make_batch(&b);
	char *out = capture(sy_check_write_csv, &b);
	assert_memory_equal(out, "\xEF\xBB\xBF", 3);
	assert_non_null(strstr(out, "path,unit,year,score,measures,duty,shortfalls,plan,other,findings\r\n"));
	assert_non_null(strstr(out, "a/01.txt,云溪镇,2024,100,present,present,present,present,missing,"));
	assert_non_null(strstr(out, "test.txt,\"石桥街道,\"\"特别\"\"单位\",2024,"));
	assert_non_null(strstr(out, "a/broken.txt,,,,error,error,error,error,error,0\r\n"));
	free(out);
	sy_batch_free(&b);
}

static void test_csv_field_guards_formulas(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	sy_csv_write_field(f, "=HYPERLINK(\"x\")");
	fputc('|', f);
	sy_csv_write_field(f, "plain");
	fclose(f);
	assert_string_equal(buf, "\"'=HYPERLINK(\"\"x\"\")\"|plain");
	free(buf);
}

static void test_yaml_string_escapes_controls(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	sy_yaml_write_str(f, "甲\"\\\n\x1b[31m");
	fputc(' ', f);
	sy_yaml_write_str(f, NULL);
	fclose(f);
	assert_string_equal(buf, "\"甲\\\"\\\\\\n\\u001B[31m\" null");
	free(buf);
}

static void test_text_marks(void **state)
{
	struct sy_batch b;
	make_batch(&b);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	sy_check_write_text(f, &b, test_rubric(), false);
	fclose(f);
	/* paths padded to the longest (a/broken.txt), units to the widest by
	 * display width; the optional part left out is a dot, not a fault */
	assert_non_null(strstr(buf, "a/01.txt      云溪镇  "));
	assert_non_null(strstr(buf, "2024  100  measures+ duty+ shortfalls+ plan+ other.\n"));
	assert_non_null(strstr(buf, "plan- other.\n"));
	/* findings: severity, line, id, each column as wide as its widest */
	assert_non_null(strstr(buf, "\n    info   line 7  rectification-missing  不足原因: "));
	assert_non_null(strstr(buf, "\n    error          missing-part           第一责任人: "));
	assert_non_null(strstr(buf, "a/broken.txt  ERROR  binary"));
	free(buf);
	sy_batch_free(&b);
}

static void test_exit_status(void **state)
{
	struct sy_batch b;
	make_batch(&b);
	assert_int_equal(sy_check_exit_status(&b, test_rubric()), 2);
	b.n = 2;
	assert_int_equal(sy_check_exit_status(&b, test_rubric()), 1);
	b.n = 1;
	assert_int_equal(sy_check_exit_status(&b, test_rubric()), 0);
	b.n = 3;
	sy_batch_free(&b);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_parses_back_with_documented_keys),
		cmocka_unit_test(test_csv_bom_header_and_quoting),
		cmocka_unit_test(test_csv_field_guards_formulas),
		cmocka_unit_test(test_yaml_string_escapes_controls),
		cmocka_unit_test(test_text_marks),
		cmocka_unit_test(test_exit_status),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
