/* Tests of src/lineedit.c: typing Chinese (code points from IME input), the
 * cursor moving by character, Backspace removing a whole wide character,
 * the readline keys, Enter and Esc, and horizontal scrolling measured in
 * display columns so a wide character is never split at the field's edge. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "shenyue/lineedit.h"
#include "shenyue/ops.h"
#include "shenyue/utf8.h"
#include "shenyue/width.h"
#include "ui_test_common.h"

#define CTRL(c) ((uint32_t)((c) & 0x1F))

static int setup_table(void **state)
{
	(void)state;
	sy_width_set_mode(SY_WIDTH_TABLE);
	sy_width_set_ascii(false);
	sy_width_set_ambiguous(1);
	return 0;
}

/* Types UTF-8 text one code point at a time, as get_wch delivers it. */
static void type(struct sy_lineedit *e, const char *s)
{
	size_t n = strlen(s), len;
	for (size_t i = 0; i < n; i += len)
		assert_int_equal(sy_lineedit_key(e, utf8_decode(s + i, n - i, &len)), SY_LINEEDIT_EDITED);
}

static void assert_text(const struct sy_lineedit *e, const char *want)
{
	char *got = sy_lineedit_text(e);
	assert_string_equal(got, want);
	free(got);
}

static void test_type_chinese(void **state)
{
	(void)state;
	struct sy_lineedit e;
	sy_lineedit_init(&e, NULL);
	type(&e, "需要补充数据");
	assert_text(&e, "需要补充数据");
	assert_int_equal(e.n, 6);
	assert_int_equal(e.cur, 6);
	/* Backspace removes one whole character, never half of one. */
	assert_int_equal(sy_lineedit_key(&e, SY_KEY_BACKSPACE), SY_LINEEDIT_EDITED);
	assert_text(&e, "需要补充数");
	assert_int_equal(sy_lineedit_key(&e, 0x7F), SY_LINEEDIT_EDITED);
	assert_text(&e, "需要补充");
	/* Mixed scripts and full-width punctuation. */
	type(&e, "：2024年，ok");
	assert_text(&e, "需要补充：2024年，ok");
	sy_lineedit_free(&e);
}

static void test_cursor_moves_by_character(void **state)
{
	(void)state;
	struct sy_lineedit e;
	sy_lineedit_init(&e, "补充数据");
	assert_int_equal(sy_lineedit_key(&e, SY_KEY_LEFT), SY_LINEEDIT_EDITED);
	assert_int_equal(sy_lineedit_key(&e, SY_KEY_LEFT), SY_LINEEDIT_EDITED);
	type(&e, "详细");
	assert_text(&e, "补充详细数据");
	assert_int_equal(e.cur, 4);
	sy_lineedit_key(&e, CTRL('a'));
	assert_int_equal(e.cur, 0);
	sy_lineedit_key(&e, SY_KEY_LEFT); /* clamped */
	assert_int_equal(e.cur, 0);
	type(&e, "请");
	assert_text(&e, "请补充详细数据");
	sy_lineedit_key(&e, CTRL('e'));
	assert_int_equal(e.cur, e.n);
	sy_lineedit_key(&e, SY_KEY_RIGHT); /* clamped */
	assert_int_equal(e.cur, e.n);
	sy_lineedit_key(&e, SY_KEY_HOME);
	sy_lineedit_key(&e, SY_KEY_RIGHT);
	assert_int_equal(sy_lineedit_key(&e, SY_KEY_DELETE), SY_LINEEDIT_EDITED);
	assert_text(&e, "请充详细数据");
	sy_lineedit_key(&e, SY_KEY_END);
	assert_int_equal(e.cur, 6);
	sy_lineedit_free(&e);
}

static void test_kill_keys(void **state)
{
	(void)state;
	struct sy_lineedit e;
	sy_lineedit_init(&e, "第一责任人 履职情况");
	sy_lineedit_move(&e, -3);
	sy_lineedit_key(&e, CTRL('k'));
	assert_text(&e, "第一责任人 履");
	assert_int_equal(e.cur, e.n);
	sy_lineedit_key(&e, CTRL('w'));
	assert_text(&e, "第一责任人 ");
	sy_lineedit_key(&e, CTRL('w'));
	assert_text(&e, "");
	sy_lineedit_set(&e, "一二三四");
	sy_lineedit_move(&e, -1);
	sy_lineedit_key(&e, CTRL('u'));
	assert_text(&e, "四");
	assert_int_equal(e.cur, 0);
	/* Backspace at the start does nothing but is still an editing key. */
	assert_int_equal(sy_lineedit_key(&e, SY_KEY_BACKSPACE), SY_LINEEDIT_EDITED);
	assert_text(&e, "四");
	sy_lineedit_free(&e);
}

static void test_enter_esc_and_controls(void **state)
{
	(void)state;
	struct sy_lineedit e;
	sy_lineedit_init(&e, "备注");
	assert_int_equal(sy_lineedit_key(&e, SY_KEY_ENTER), SY_LINEEDIT_ACCEPT);
	assert_int_equal(sy_lineedit_key(&e, '\r'), SY_LINEEDIT_ACCEPT);
	assert_int_equal(sy_lineedit_key(&e, SY_KEY_ESC), SY_LINEEDIT_CANCEL);
	assert_int_equal(sy_lineedit_key(&e, CTRL('g')), SY_LINEEDIT_CANCEL);
	/* Control characters and non-text keys never enter the text. */
	assert_int_equal(sy_lineedit_key(&e, CTRL('t')), SY_LINEEDIT_IGNORED);
	assert_int_equal(sy_lineedit_key(&e, SY_KEY_PGDN), SY_LINEEDIT_IGNORED);
	assert_int_equal(sy_lineedit_key(&e, 0x9B), SY_LINEEDIT_IGNORED); /* C1 CSI */
	assert_int_equal(sy_lineedit_key(&e, 0xD800), SY_LINEEDIT_IGNORED);
	/* Noncharacters and bidi controls neither (issue 14, 1: U+FFFE in a note
	 * once made the review file unreadable). */
	assert_int_equal(sy_lineedit_key(&e, 0xFFFE), SY_LINEEDIT_IGNORED);
	assert_int_equal(sy_lineedit_key(&e, 0xFFFF), SY_LINEEDIT_IGNORED);
	assert_int_equal(sy_lineedit_key(&e, 0xFDD0), SY_LINEEDIT_IGNORED);
	assert_int_equal(sy_lineedit_key(&e, 0x10FFFF), SY_LINEEDIT_IGNORED);
	assert_int_equal(sy_lineedit_key(&e, 0x202E), SY_LINEEDIT_IGNORED);
	assert_text(&e, "备注");
	sy_lineedit_set(&e, "甲\xef\xbf\xbe乙\xe2\x80\xae丙");
	assert_text(&e, "甲 乙 丙");
	sy_lineedit_set(&e, "备注");
	/* Pasted text: newlines and escapes become spaces. */
	sy_lineedit_set(&e, "一\n二\x1b[31m");
	assert_text(&e, "一 二 [31m");
	sy_lineedit_free(&e);
}

static void test_max_and_copy(void **state)
{
	(void)state;
	struct sy_lineedit e;
	sy_lineedit_init(&e, NULL);
	e.max = 3;
	type(&e, "一二三");
	assert_int_equal(sy_lineedit_key(&e, 0x56DB), SY_LINEEDIT_IGNORED);
	char buf[8];
	sy_lineedit_copy(&e, buf, sizeof buf); /* 7 bytes: two characters fit */
	assert_string_equal(buf, "一二");
	sy_lineedit_copy(&e, buf, 1);
	assert_string_equal(buf, "");
	sy_lineedit_free(&e);
}

/* The shown window and the cursor column, for a field of cols columns. */
static void window(struct sy_lineedit *e, size_t cols, const char *want, size_t cursor_col)
{
	struct sy_lineedit_view v;
	sy_lineedit_window(e, cols, &v);
	char shown[256] = "";
	size_t len = 0;
	for (size_t i = v.first; i < v.end; i++)
		len += utf8_encode(e->cp[i], shown + len);
	shown[len] = '\0';
	assert_string_equal(shown, want);
	assert_int_equal(v.cursor_col, cursor_col);
	assert_true(v.cols <= cols);
	assert_int_equal(v.cols, sy_width_str(shown));
	assert_true(cursor_col + 1 <= cols);
}

static void test_window_scrolls_by_width(void **state)
{
	(void)state;
	struct sy_lineedit e;
	sy_lineedit_init(&e, "需要补充数据");  /* 12 columns */
	window(&e, 20, "需要补充数据", 12);
	/* 9 columns: the cursor at the end needs one, so four characters show. */
	window(&e, 9, "补充数据", 8);
	/* 8 columns: never half a character; three fit with the cursor. */
	window(&e, 8, "充数据", 6);
	sy_lineedit_key(&e, SY_KEY_HOME);
	window(&e, 8, "需要补充", 0);
	/* Moving right scrolls only when the cursor leaves the field. */
	sy_lineedit_move(&e, 3);
	window(&e, 8, "需要补充", 6);
	sy_lineedit_move(&e, 1);
	window(&e, 8, "要补充数", 6);
	/* Moving left past the first shown character scrolls back one. */
	sy_lineedit_move(&e, -4);
	window(&e, 8, "需要补充", 0);
	sy_lineedit_free(&e);
}

static void test_window_odd_budget_and_mixed(void **state)
{
	(void)state;
	struct sy_lineedit e;
	sy_lineedit_init(&e, "ab需要cd");  /* 8 columns */
	window(&e, 7, "需要cd", 6);
	sy_lineedit_move(&e, -3); /* cursor on 要: the room left shows b again */
	window(&e, 7, "b需要cd", 3);
	sy_lineedit_key(&e, SY_KEY_HOME);
	window(&e, 7, "ab需要c", 0);
	/* After deleting, text scrolled off the left comes back when it fits. */
	sy_lineedit_key(&e, SY_KEY_END);
	window(&e, 5, "要cd", 4);
	sy_lineedit_key(&e, SY_KEY_BACKSPACE);
	sy_lineedit_key(&e, SY_KEY_BACKSPACE);
	window(&e, 5, "需要", 4);
	/* A field narrower than a wide character shows nothing and does not loop. */
	sy_lineedit_set(&e, "宽");
	sy_lineedit_key(&e, SY_KEY_HOME);
	window(&e, 1, "", 0);
	struct sy_lineedit_view v;
	sy_lineedit_window(&e, 0, &v);
	assert_int_equal(v.end, v.first);
	sy_lineedit_free(&e);
}

static void test_ambiguous_wide(void **state)
{
	(void)state;
	struct sy_lineedit e;
	sy_lineedit_init(&e, "“引”");
	window(&e, 10, "“引”", 4);
	sy_width_set_ambiguous(2);
	window(&e, 10, "“引”", 6);
	window(&e, 5, "引”", 4);
	sy_width_set_ambiguous(1);
	sy_lineedit_free(&e);
}

int main(void)
{
	if (ui_test_setup_locale() != 0)
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_type_chinese, setup_table),
		cmocka_unit_test_setup(test_cursor_moves_by_character, setup_table),
		cmocka_unit_test_setup(test_kill_keys, setup_table),
		cmocka_unit_test_setup(test_enter_esc_and_controls, setup_table),
		cmocka_unit_test_setup(test_max_and_copy, setup_table),
		cmocka_unit_test_setup(test_window_scrolls_by_width, setup_table),
		cmocka_unit_test_setup(test_window_odd_budget_and_mixed, setup_table),
		cmocka_unit_test_setup(test_ambiguous_wide, setup_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
