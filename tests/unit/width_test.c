/* Tests of src/width.c: CJK widths, cutting without splitting a wide
 * character, placeholders for controls and ESC, U+FFFD for bad bytes,
 * padding at odd column budgets, the ambiguous-width override. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "shenyue/width.h"
#include "ui_test_common.h"

static int setup_table(void **state)
{
	(void)state;
	sy_width_set_mode(SY_WIDTH_TABLE);
	sy_width_set_ascii(false);
	sy_width_set_ambiguous(1);
	return 0;
}

static void test_ascii_and_cjk(void **state)
{
	(void)state;
	assert_int_equal(sy_width_str("abc"), 3);
	assert_int_equal(sy_width_str("法治政府"), 8);
	assert_int_equal(sy_width_str("一、主要举措和成效"), 18);
	assert_int_equal(sy_width_str("（一）"), 6);       /* full-width brackets */
	assert_int_equal(sy_width_str("２０２４年"), 10);   /* full-width digits */
	assert_int_equal(sy_width_str("\xe3\x80\x80"), 2); /* U+3000 ideographic space */
	assert_int_equal(sy_width_str(""), 0);
	assert_int_equal(sy_width_str(NULL), 0);
}

static void test_fit_never_splits_wide(void **state)
{
	(void)state;
	const char *s = "ab法治";
	size_t used = 99;
	/* 3 columns: "ab" fits, 法 (2 columns) would need 4. */
	assert_int_equal(sy_width_fit(s, strlen(s), 3, &used), 2);
	assert_int_equal(used, 2);
	assert_int_equal(sy_width_fit(s, strlen(s), 4, &used), 5);
	assert_int_equal(used, 4);
	assert_int_equal(sy_width_fit("法治", 6, 1, &used), 0);
	assert_int_equal(used, 0);
}

static void test_wrap_progresses(void **state)
{
	(void)state;
	/* A row of 1 column cannot hold a wide character: wrapping still moves on. */
	assert_int_equal(sy_width_wrap("法治", 6, 1), 3);
	assert_int_equal(sy_width_wrap("法治政府", 12, 5), 6);
	assert_int_equal(sy_width_wrap("", 0, 5), 0);
}

static void test_wrap_keeps_punctuation_off_row_start(void **state)
{
	(void)state;
	/* 法治政府， at 8 columns: the comma must not start the next row, so 府
	 * moves down with it. */
	const char *s = "法治政府，建设";
	size_t b = sy_width_wrap(s, strlen(s), 8);
	assert_int_equal(b, 9); /* 法治政 */
	assert_string_equal(s + b, "府，建设");
	/* When 法 alone fills the row, 。 hangs past its end rather than
	 * starting the next one. */
	assert_int_equal(sy_width_wrap("法。", 6, 2), 6);
}

static void test_wrap_ascii_words(void **state)
{
	(void)state;
	const char *s = "no figures at all";
	size_t b = sy_width_wrap(s, strlen(s), 12);
	assert_int_equal(b, 11); /* "no figures " */
	/* One long word: cut where it must. */
	assert_int_equal(sy_width_wrap("abcdefghij", 10, 4), 4);
	/* A number is not split: 接待群众59批 at 11 columns keeps 59 together. */
	s = "接待群众59批";
	b = sy_width_wrap(s, strlen(s), 9);
	assert_string_equal(s + b, "59批");
	/* Spaces at the break hang: the next row starts with a letter. */
	s = "heading or in its text";
	b = sy_width_wrap(s, strlen(s), 10);
	assert_string_equal(s + b, "in its text");
	/* An opening quote does not end a row. */
	s = "根据“谁主管";
	b = sy_width_wrap(s, strlen(s), 6);
	assert_string_equal(s + b, "“谁主管");
}

static void test_pad_odd_budget(void **state)
{
	(void)state;
	/* 5 columns of 法治政府: two characters, then a space, never half a character. */
	char *p = sy_width_pad("法治政府", 5, SY_ALIGN_LEFT, NULL);
	assert_string_equal(p, "法治 ");
	assert_int_equal(sy_width_str(p), 5);
	free(p);
	p = sy_width_pad("法治政府", 5, SY_ALIGN_LEFT, "…");
	assert_string_equal(p, "法治…");
	free(p);
	p = sy_width_pad("法治政府", 6, SY_ALIGN_LEFT, "~");
	assert_string_equal(p, "法治~ ");
	assert_int_equal(sy_width_str(p), 6);
	free(p);
	p = sy_width_pad("75", 4, SY_ALIGN_RIGHT, NULL);
	assert_string_equal(p, "  75");
	free(p);
	p = sy_width_pad("镇", 3, SY_ALIGN_LEFT, NULL);
	assert_string_equal(p, "镇 ");
	free(p);
	p = sy_width_pad("abc", 0, SY_ALIGN_LEFT, "~");
	assert_string_equal(p, "");
	free(p);
}

static void test_controls_become_placeholders(void **state)
{
	(void)state;
	struct sy_glyph g;
	sy_glyph_next("\x1b[31m", 5, &g);
	assert_true(g.placeholder);
	assert_string_equal(g.shown, "^[");
	assert_int_equal(g.width, 2);
	assert_int_equal(g.len, 1);
	sy_glyph_next("\r", 1, &g);
	assert_string_equal(g.shown, "^M");
	sy_glyph_next("\x7f", 1, &g);
	assert_string_equal(g.shown, "^?");
	sy_glyph_next("\xc2\x9b", 2, &g); /* C1 CSI */
	assert_string_equal(g.shown, "<9b>");
	assert_int_equal(g.len, 2);
	/* The escape sequence is measured as drawn: ^[ plus "[31m". */
	assert_int_equal(sy_width_str("\x1b[31m红"), 2 + 4 + 2);
	char *p = sy_width_pad("a\x1b" "b", 6, SY_ALIGN_LEFT, NULL);
	assert_null(strchr(p, 0x1b));
	assert_string_equal(p, "a^[b  ");
	free(p);
}

static void test_bad_bytes_become_replacement(void **state)
{
	(void)state;
	struct sy_glyph g;
	sy_glyph_next("\xff" "a", 2, &g);
	assert_int_equal(g.len, 1);
	assert_int_equal(g.cp, 0xFFFD);
	assert_string_equal(g.shown, "\xef\xbf\xbd");
	assert_true(g.placeholder);
	/* A truncated 3-byte sequence: one U+FFFD per byte, never a split read. */
	assert_int_equal(sy_width_strn("\xe6\xb3", 2), 2);
}

static void test_zero_width_dropped(void **state)
{
	(void)state;
	struct sy_glyph g;
	sy_glyph_next("\xe2\x80\x8b", 3, &g); /* U+200B zero-width space */
	assert_int_equal(g.width, 0);
	assert_string_equal(g.shown, "");
	sy_glyph_next("\xe2\x80\xae", 3, &g); /* U+202E right-to-left override */
	assert_int_equal(g.width, 0);
	assert_int_equal(sy_width_str("法\xe2\x80\x8b治"), 4);
}

static void test_ambiguous_override(void **state)
{
	(void)state;
	assert_true(sy_width_is_ambiguous(0x201C)); /* “ */
	assert_true(sy_width_is_ambiguous(0x25CB)); /* ○ */
	assert_false(sy_width_is_ambiguous(0x6CD5)); /* 法 */
	assert_int_equal(sy_width_str("“法”"), 4);
	sy_width_set_ambiguous(2);
	assert_int_equal(sy_width_str("“法”"), 6);
	assert_int_equal(sy_width_str("①○■"), 6);
	sy_width_set_ambiguous(1);
	assert_int_equal(sy_width_str("①○■"), 3);
}

static void test_ascii_mode(void **state)
{
	(void)state;
	sy_width_set_ascii(true);
	char *p = sy_width_pad("a法", 4, SY_ALIGN_LEFT, NULL);
	assert_string_equal(p, "a?? ");
	free(p);
	p = sy_width_pad("75 · 法…", 8, SY_ALIGN_LEFT, NULL);
	assert_string_equal(p, "75 . ??~");
	free(p);
	sy_width_set_ascii(false);
}

static void test_libc_mode_agrees_on_cjk(void **state)
{
	(void)state;
	sy_width_set_mode(SY_WIDTH_LIBC);
	assert_int_equal(sy_width_str("法治政府建设年度报告"), 20);
	assert_int_equal(sy_width_str("abc（一）"), 9);
	assert_int_equal(sy_width_str("\x1b"), 2);
	sy_width_set_mode(SY_WIDTH_TABLE);
}

int main(void)
{
	if (ui_test_setup_locale() != 0)
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_ascii_and_cjk, setup_table),
		cmocka_unit_test_setup(test_fit_never_splits_wide, setup_table),
		cmocka_unit_test_setup(test_wrap_progresses, setup_table),
		cmocka_unit_test_setup(test_wrap_keeps_punctuation_off_row_start, setup_table),
		cmocka_unit_test_setup(test_wrap_ascii_words, setup_table),
		cmocka_unit_test_setup(test_pad_odd_budget, setup_table),
		cmocka_unit_test_setup(test_controls_become_placeholders, setup_table),
		cmocka_unit_test_setup(test_bad_bytes_become_replacement, setup_table),
		cmocka_unit_test_setup(test_zero_width_dropped, setup_table),
		cmocka_unit_test_setup(test_ambiguous_override, setup_table),
		cmocka_unit_test_setup(test_ascii_mode, setup_table),
		cmocka_unit_test_setup(test_libc_mode_agrees_on_cjk, setup_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
