/* Tests of pinyin order (src/collate.c): the issue's 渠 田 观 鲁 and real
 * unit names sort as Chinese readers expect; numbers compare as numbers;
 * keys order exactly as the comparison; the sort is stable. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "shenyue/collate.h"

static const char *text_of(const void *elem)
{
	return *(const char *const *)elem;
}

/* Sorts the n strings of `in` and checks they come out as `want`. */
static void check_sorted(const char **in, const char **want, size_t n)
{
	const char **v = calloc(n, sizeof *v);
	memcpy(v, in, n * sizeof *v);
	sy_collate_sort(v, n, sizeof *v, text_of);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], want[i]))
			fail_msg("position %zu: %s, expected %s", i, v[i], want[i]);
	for (size_t i = 0; i + 1 < n; i++)
		assert_true(sy_collate(want[i], want[i + 1]) < 0);
	free(v);
}

/* 观 guān, 鲁 lǔ, 渠 qú, 田 tián: code point order would be 渠 田 观 鲁. */
static void test_issue_characters(void **state)
{
	(void)state;
	const char *in[] = {"渠", "田", "观", "鲁"};
	const char *want[] = {"观", "鲁", "渠", "田"};
	check_sorted(in, want, 4);
}

static void test_unit_names(void **state)
{
	(void)state;
	const char *in[] = {
		"鲁山县张良镇人民政府", "渠县渠南街道", "田镇街道", "鲁山县汇源街道办事处",
		"观音堂镇", "青禾县司法局", "安阳市文峰区", "郑州市金水区人民政府", "北京市朝阳区",
	};
	const char *want[] = {
		"安阳市文峰区", "北京市朝阳区", "观音堂镇", "鲁山县汇源街道办事处",
		"鲁山县张良镇人民政府", "青禾县司法局", "渠县渠南街道", "田镇街道", "郑州市金水区人民政府",
	};
	check_sorted(in, want, sizeof in / sizeof in[0]);
}

/* Digits as numbers, first; then Chinese (CLDR's zh order puts Han before
 * Latin); Latin case aside; NULL last. */
static void test_numbers_latin_and_null(void **state)
{
	(void)state;
	const char *in[] = {"第10社区", "第2社区", "ZHANG", "apple", "2024年", "999"};
	const char *want[] = {"999", "2024年", "第2社区", "第10社区", "apple", "ZHANG"};
	check_sorted(in, want, sizeof in / sizeof in[0]);
	assert_true(sy_collate(NULL, "安") > 0);
	assert_true(sy_collate("安", NULL) < 0);
	assert_int_equal(sy_collate(NULL, NULL), 0);
	assert_int_equal(sy_collate("观音堂镇", "观音堂镇"), 0);
	/* texts the collator finds alike are still told apart, consistently */
	int c = sy_collate("abc", "ABC");
	assert_true(c != 0);
	assert_true(c == -sy_collate("ABC", "abc"));
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* strcmp of keys orders every pair as sy_collate does, bad bytes too. */
static void test_keys_agree_with_compare(void **state)
{
	(void)state;
	const char *s[] = {"渠", "田", "观", "鲁", "观音堂镇", "观音", "abc", "ABC", "第2",
			   "第10", "", "a\xff" "b", "法治政府", "法治", NULL};
	size_t n = sizeof s / sizeof s[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			char *ki = sy_collate_key(s[i]), *kj = sy_collate_key(s[j]);
			if (sign(strcmp(ki, kj)) != sign(sy_collate(s[i], s[j])))
				fail_msg("key and compare disagree on %s / %s", s[i] ? s[i] : "NULL",
					 s[j] ? s[j] : "NULL");
			free(ki);
			free(kj);
		}
}

struct unit {
	const char *name;
	int seq;
};

static const char *unit_name(const void *elem)
{
	return ((const struct unit *)elem)->name;
}

static void test_sort_is_stable(void **state)
{
	(void)state;
	struct unit u[] = {{"田镇街道", 0}, {NULL, 1}, {"观音堂镇", 2}, {"田镇街道", 3}, {NULL, 4}, {"观音堂镇", 5}};
	sy_collate_sort(u, 6, sizeof u[0], unit_name);
	int want[] = {2, 5, 0, 3, 1, 4};
	for (int i = 0; i < 6; i++)
		assert_int_equal(u[i].seq, want[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_issue_characters),
		cmocka_unit_test(test_unit_names),
		cmocka_unit_test(test_numbers_latin_and_null),
		cmocka_unit_test(test_keys_agree_with_compare),
		cmocka_unit_test(test_sort_is_stable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
