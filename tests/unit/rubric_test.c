/* Rubric loader and pattern matcher: the default rubric, schema errors with
 * file:line:col, transactional loading, and the pattern syntax. */
#include "config.h"

#include <unistd.h>

#include "../test_common.h"
#include "shenyue/rubric.h"

static int load(struct sy_rubric *r, const char *yaml, char *err)
{
	return sy_rubric_load_string(r, "t.yaml", yaml, strlen(yaml), err, 512);
}

static void test_default_rubric(void **state)
{
	const struct sy_rubric *r = test_rubric();
	assert_int_equal(r->nparts, 5);
	const char *ids[] = { "measures", "duty", "shortfalls", "plan", "other" };
	int total = 0;
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(r->parts[i].id, ids[i]);
		total += r->parts[i].weight;
	}
	assert_int_equal(total, 100);
	assert_false(r->parts[4].required);
	assert_string_equal(r->parts[1].short_label, "第一责任人");
	assert_true(r->partial_credit > 0.49 && r->partial_credit < 0.51);
}

static void test_minimal_rubric_defaults(void **state)
{
	struct sy_rubric r;
	char err[512];
	assert_int_equal(load(&r, "parts:\n  - id: a\n    headings: [甲]\n", err), 0);
	assert_int_equal(r.nparts, 1);
	assert_true(r.parts[0].required);
	assert_string_equal(r.parts[0].label, "a");
	assert_string_equal(r.parts[0].short_label, "a");
	assert_string_equal(r.source, "t.yaml");
	sy_rubric_free(&r);
}

static void expect_error(const char *yaml, const char *where, const char *what)
{
	struct sy_rubric r;
	memset(&r, 0x5A, sizeof r);
	struct sy_rubric before = r;
	char err[512];
	assert_int_equal(load(&r, yaml, err), -1);
	if (!strstr(err, where) || !strstr(err, what))
		fail_msg("error '%s' lacks '%s' or '%s'", err, where, what);
	/* nothing is committed on failure */
	assert_memory_equal(&r, &before, sizeof r);
}

static void test_errors_have_file_line_col(void **state)
{
	expect_error("parts:\n  - id: a\n    headings: [甲\n", "t.yaml:4:1", "");
	expect_error("parts:\n  - id: a\n    headings: [甲]\n    wieght: 3\n", "t.yaml:4:5", "unknown key 'wieght'");
	expect_error("parts:\n  - id: a\n    headings: [甲]\n    weight: heavy\n", "t.yaml:4:13", "whole number");
	expect_error("parts:\n  - id: a\n    headings: [甲]\n  - id: a\n    headings: [乙]\n", "t.yaml:4:5",
		     "duplicate part id 'a'");
	expect_error("parts: []\n", "t.yaml:1:8", "non-empty list");
	expect_error("parts:\n  - id: a\n", "t.yaml:2:5", "at least one heading");
	expect_error("partial_credit: 2\nparts:\n  - id: a\n    headings: [甲]\n", "t.yaml:1:17", "between 0 and 1");
	expect_error("parts:\n  - id: a\n    headings: [甲]\n    year: soon\n", "t.yaml:4:11", "report, next or any");
	expect_error("", "t.yaml", "empty");
	/* ids go as they are into YAML keys, CSV headers and finding ids */
	expect_error("parts:\n  - id: \"a: b\"\n    headings: [甲]\n", "t.yaml:2:5", "part id 'a: b'");
	expect_error("parts:\n  - id: \"a\\u001b[2J\"\n    headings: [甲]\n", "t.yaml:2:5", "letters, digits");
	expect_error("parts:\n  - id: 举措、成效\n    headings: [甲]\n", "t.yaml:2:5", "letters, digits");
	expect_error("parts:\n  - id: a\n    headings: [甲]\n    aspects:\n      - id: \"#x\"\n        heading: [乙]\n",
		     "t.yaml:5:9", "aspect id '#x'");
	struct sy_rubric r;
	char err[512];
	assert_int_equal(load(&r, "parts:\n  - id: 举措_1\n    headings: [甲]\n", err), 0);
	sy_rubric_free(&r);
}

static void test_load_file_names_file(void **state)
{
	char path[] = "/tmp/shenyue-rubric-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *bad = "name: x\nparts:\n  - id: a\n    headings: 甲\n    required: maybe\n";
	assert_int_equal(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
	close(fd);
	struct sy_rubric r;
	char err[512];
	assert_int_equal(sy_rubric_load_file(&r, path, err, sizeof err), -1);
	char want[600];
	snprintf(want, sizeof want, "%s:5:15: 'required' must be true or false", path);
	assert_string_equal(err, want);
	unlink(path);
	assert_int_equal(sy_rubric_load_file(&r, path, err, sizeof err), -1);
	assert_non_null(strstr(err, "cannot open"));
}

static void test_pattern_gaps_and_years(void **state)
{
	size_t at;
	assert_true(sy_pattern_match("举措*成效", "主要举措和成效", 0, &at));
	assert_int_equal(at, strlen("主要"));
	assert_false(sy_pattern_match("成效*举措", "主要举措和成效", 0, NULL));
	assert_true(sy_pattern_match("{next_year}*计划", "2025年工作计划", 2024, NULL));
	assert_false(sy_pattern_match("{next_year}*计划", "2024年工作计划", 2024, NULL));
	assert_false(sy_pattern_match("{next_year}*计划", "2025年工作计划", 0, NULL));
	assert_true(sy_pattern_match("{year}年", "2024年度", 2024, NULL));
	assert_true(sy_pattern_match("下步*", "下步打算", 0, NULL));
}

static void test_patterns_are_normalised(void **state)
{
	struct sy_rubric r;
	char err[512];
	assert_int_equal(load(&r, "parts:\n  - id: a\n    headings: [\"（一） 总体 情况\"]\n", err), 0);
	assert_string_equal(r.parts[0].headings.v[0], "(一)总体情况");
	sy_rubric_free(&r);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_rubric),
		cmocka_unit_test(test_minimal_rubric_defaults),
		cmocka_unit_test(test_errors_have_file_line_col),
		cmocka_unit_test(test_load_file_names_file),
		cmocka_unit_test(test_pattern_gaps_and_years),
		cmocka_unit_test(test_patterns_are_normalised),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
