/* Normaliser: the copy of the text that matching works on. */
#include "config.h"

#include "../test_common.h"
#include "shenyue/doc.h"

static void check_norm(const char *in, const char *want)
{
	char *got = sy_normalise(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_fullwidth_ascii_folds(void **state)
{
	check_norm("（一）２０２４年，ＡＢｃ：１．", "(一)2024年,ABc:1.");
}

static void test_spaces_fold(void **state)
{
	check_norm("\xE3\x80\x80\xE3\x80\x80一、标题\xC2\xA0\t尾", "  一、标题  尾");
}

static void test_zero_width_dropped(void **state)
{
	check_norm("第\xE2\x80\x8B一\xEF\xBB\xBF责任人", "第一责任人");
}

static void test_chinese_punctuation_kept(void **state)
{
	check_norm("不足。原因、整改“情况”", "不足。原因、整改“情况”");
}

static void test_squeeze_removes_all_space(void **state)
{
	char *s = sy_squeeze("\xE3\x80\x80四、2025 年 工作 计划 ");
	assert_string_equal(s, "四、2025年工作计划");
	free(s);
}

static void test_invalid_bytes_become_replacement(void **state)
{
	check_norm("a\xFF" "b", "a\xEF\xBF\xBD" "b");
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fullwidth_ascii_folds),
		cmocka_unit_test(test_spaces_fold),
		cmocka_unit_test(test_zero_width_dropped),
		cmocka_unit_test(test_chinese_punctuation_kept),
		cmocka_unit_test(test_squeeze_removes_all_space),
		cmocka_unit_test(test_invalid_bytes_become_replacement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
