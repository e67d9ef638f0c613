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

/* sy_normalise_into, the decoder's fast path, against sy_normalise on s. */
static void check_into_agrees(const char *s, size_t n)
{
	char *want = sy_normalise(s); /* s holds no NUL: the same n bytes */
	char *out = malloc(n + 1);
	bool changed = true;
	size_t k = sy_normalise_into(out, s, n, &changed);
	if (k == SIZE_MAX) {
		/* refused: only for bytes that are not UTF-8, which sy_normalise replaces */
		assert_non_null(strstr(want, "\xEF\xBF\xBD"));
	} else {
		out[k] = '\0';
		assert_string_equal(out, want);
		assert_int_equal(changed, strcmp(s, want) != 0);
	}
	free(out);
	free(want);
}

static void test_into_agrees_on_every_special_character(void **state)
{
	static const char *const cases[] = {
		"", "abc", "\t", "（一）２０２４年，ＡＢｃ：１．～", "\xE3\x80\x80一\xC2\xA0二",
		"\xE2\x80\x82\xE2\x80\x83\xE2\x80\x89\xE2\x80\xAF", "第\xE2\x80\x8B一\xE2\x80\x8C\xE2\x80\x8D",
		"\xE2\x81\xA0\xEF\xBB\xBF", "“引号”—…、。", "\xEF\xBC\x80\xEF\xBD\x9F\xEF\xBD\x9E\xEF\xBC\x81",
		"\xF0\x9F\x98\x80", "\xC3\xA9", "a\xFF" "b", "\xE0\x80\x80", "\xED\xA0\x80", "\xE4\xB8",
		"\xC0\xAF", "\xF4\x90\x80\x80",
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		check_into_agrees(cases[i], strlen(cases[i]));
}

static void test_into_agrees_on_random_text(void **state)
{
	/* pieces that matter to normalising, mixed at random, plus random bytes */
	static const char *const pieces[] = {
		"a", " ", "\t", "一", "，", "（", "Ａ", "ｚ", "～", "\xE3\x80\x80", "\xC2\xA0", "\xE2\x80\x8B",
		"\xEF\xBB\xBF", "\xE2\x80\x82", "“", "、", "\xEF\xBC\x80", "\xEF\xBD\x9F", "é", "\xF0\x9F\x98\x80",
	};
	unsigned seed = 12;
	char buf[256];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		int count = rand_r(&seed) % 24;
		for (int k = 0; k < count; k++) {
			if (rand_r(&seed) % 16 == 0) {
				unsigned char c = (unsigned char)(rand_r(&seed) % 255 + 1);
				buf[n++] = (char)c;
			} else {
				const char *p = pieces[rand_r(&seed) % (sizeof pieces / sizeof *pieces)];
				memcpy(buf + n, p, strlen(p));
				n += strlen(p);
			}
		}
		buf[n] = '\0';
		check_into_agrees(buf, n);
	}
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
		cmocka_unit_test(test_into_agrees_on_every_special_character),
		cmocka_unit_test(test_into_agrees_on_random_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
