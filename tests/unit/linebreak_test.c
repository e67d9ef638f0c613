/* Tests of line breaking by the rules of Chinese text (src/linebreak.c):
 * no row of the five seed reports, at any width from 30 to 120, starts with
 * closing punctuation or ends with opening punctuation; a number keeps its
 * unit; rows never split a glyph nor exceed their width; the same holds for
 * the plain rules used without ICU. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "shenyue/doc.h"
#include "shenyue/utf8.h"
#include "shenyue/width.h"
#include "ui_test_common.h"

static const char *const seed_files[] = {
	"000_06e11f169beecc49.txt", "001_e130f611d196ff54.txt", "002_28ee2d7a8fa26c2d.txt",
	"003_3dc1a203e122848d.txt", "004_080feac8481725d6.txt",
};

/* A paragraph with every kind of punctuation the rules are about. */
static const char *const sample =
	"2024年，全镇共调处矛盾纠纷312件，调处成功率98%，涉及金额1.5亿元；开展了“3·15”、"
	"“6.25”等主题宣传活动（共计12场次），印发《关于规范行政执法的庭审办法》,组织旁听庭审"
	"……。所谓“关键少数”，着力推进『领导干部』学法用法！是否到位？「是」。see https://"
	"example.gov.cn/a/b?c=d for 100km of roads, 38℃ and 5‰.";

static int setup_table(void **state)
{
	(void)state;
	sy_width_set_mode(SY_WIDTH_TABLE);
	sy_width_set_ascii(false);
	sy_width_set_ambiguous(1);
	sy_breaks_use_icu(true);
	return 0;
}

static int setup_plain(void **state)
{
	setup_table(state);
	sy_breaks_use_icu(false);
	return 0;
}

static uint32_t first_cp(const char *s, size_t n)
{
	size_t len;
	return n ? utf8_decode(s, n, &len) : 0;
}

/* The code point of the glyph that ends at byte end (> start). */
static uint32_t last_cp(const char *s, size_t start, size_t end)
{
	size_t i = start, len = 0;
	uint32_t cp = 0;
	while (i < end) {
		cp = utf8_decode(s + i, end - i, &len);
		i += len;
	}
	return cp;
}

/* True when pos is the start of a glyph of s (as the width module decodes it). */
static bool at_glyph_start(const char *s, size_t n, size_t pos)
{
	struct sy_glyph g;
	for (size_t i = 0; i < n; i += sy_glyph_next(s + i, n - i, &g))
		if (i >= pos)
			return i == pos;
	return pos == n;
}

/* A row wider than cols is only allowed to be one glyph (a wide one in one
 * column), or an opening punctuation mark and the glyph after it, with the
 * closing punctuation after them hanging past the end. */
static bool row_overflows(const char *s, size_t start, size_t end, size_t cols)
{
	if (sy_width_strn(s + start, end - start) <= cols)
		return false;
	struct sy_glyph g;
	size_t i = start + sy_glyph_next(s + start, end - start, &g);
	if (sy_is_opening_punct(g.cp) && i < end)
		i += sy_glyph_next(s + i, end - i, &g);
	while (i < end) {
		i += sy_glyph_next(s + i, end - i, &g);
		if (!sy_is_closing_punct(g.cp))
			return true;
	}
	return false;
}

/* Wraps one line at cols and checks every rule on every row; where names
 * the text in a failure. */
static void check_line(const char *s, size_t cols, const char *where)
{
	size_t n = strlen(s);
	struct sy_breaks b;
	sy_breaks_find(&b, s, n);
	for (size_t pos = 0, row = 0; pos < n; row++) {
		size_t end;
		size_t next = sy_breaks_row(&b, s, pos, cols, &end);
		if (next <= pos || end < pos || end > next)
			fail_msg("%s: no progress at byte %zu (width %zu)", where, pos, cols);
		if (!at_glyph_start(s, n, next))
			fail_msg("%s: row ends inside a glyph at byte %zu (width %zu)", where, next, cols);
		if (row_overflows(s, pos, end, cols))
			fail_msg("%s: row of %zu columns in %zu: %.*s", where, sy_width_strn(s + pos, end - pos), cols, (int)(end - pos), s + pos);
		if (row > 0 && sy_is_closing_punct(first_cp(s + pos, n - pos)))
			fail_msg("%s: width %zu: row starts with closing punctuation: %.*s", where, cols,
				 (int)(end - pos), s + pos);
		if (next < n && end > pos && sy_is_opening_punct(last_cp(s, pos, end)))
			fail_msg("%s: width %zu: row ends with opening punctuation: %.*s", where, cols,
				 (int)(end - pos), s + pos);
		pos = next;
	}
	sy_breaks_free(&b);
}

static void check_seeds(void)
{
	char dir[1024], path[1200], err[512];
	const char *env = getenv("SHENYUE_SEEDS");
	if (env)
		snprintf(dir, sizeof dir, "%s", env);
	else
		ui_test_srcpath(dir, sizeof dir, "../shared/seeds");
	size_t lines = 0;
	for (size_t f = 0; f < sizeof seed_files / sizeof seed_files[0]; f++) {
		struct sy_doc doc;
		snprintf(path, sizeof path, "%s/%s", dir, seed_files[f]);
		if (sy_doc_load(&doc, path, err, sizeof err) != 0) {
			sy_doc_free(&doc); /* it holds the path even so */
			continue;
		}
		for (size_t cols = 30; cols <= 120; cols++)
			for (size_t l = 0; l < doc.nlines; l++) {
				char where[1300];
				snprintf(where, sizeof where, "%s:%zu", seed_files[f], l + 1);
				check_line(doc.lines[l].text, cols, where);
			}
		lines += doc.nlines;
		sy_doc_free(&doc);
	}
	if (!lines)
		skip();
}

static void test_seeds_obey_the_rules(void **state)
{
	(void)state;
	check_seeds();
}

static void test_sample_obeys_the_rules(void **state)
{
	(void)state;
	for (size_t cols = 8; cols <= 120; cols++)
		check_line(sample, cols, "sample");
}

/* No row boundary falls strictly inside `glued` wherever it occurs in s,
 * at any width that could hold it whole. */
static void check_kept_together(const char *s, const char *glued)
{
	size_t n = strlen(s);
	const char *at = strstr(s, glued);
	assert_non_null(at);
	size_t from = (size_t)(at - s), to = from + strlen(glued);
	for (size_t cols = sy_width_str(glued); cols <= 40; cols++) {
		struct sy_breaks b;
		sy_breaks_find(&b, s, n);
		for (size_t pos = 0; pos < n;) {
			pos = sy_breaks_row(&b, s, pos, cols, NULL);
			if (pos > from && pos < to)
				fail_msg("width %zu splits \"%s\" at byte %zu", cols, glued, pos - from);
		}
		sy_breaks_free(&b);
	}
}

/* The cases of issue 13, each in a sentence. */
static void test_issue_cases(void **state)
{
	(void)state;
	check_kept_together("全年调处成功率98%，涉及金额较大的纠纷全部化解", "98%，");
	check_kept_together("紧紧抓住领导干部这个“关键少数”，着力推进学法用法", "“关");
	check_kept_together("紧紧抓住领导干部这个“关键少数”，着力推进学法用法", "数”，");
	check_kept_together("开展了“3·15”、“6.25”等主题宣传活动共计十二场", "“3·15”、");
	check_kept_together("开展了“3·15”、“6.25”等主题宣传活动共计十二场", "“6.25”");
	check_kept_together("印发《关于规范行政执法的庭审办法》,组织旁听", "法》,");
}

static void test_number_keeps_unit(void **state)
{
	(void)state;
	check_kept_together("截至目前已经完成2024年度目标任务", "2024年");
	check_kept_together("全年共投入资金3.5亿元用于法治建设", "3.5亿元");
	check_kept_together("全年共办理行政复议案件12345件次", "12345件");
	check_kept_together("排在全省第3位的成绩令人鼓舞", "第3位");
	check_kept_together("全县新建道路100km以上", "100km");
}

/* A row of two columns cannot hold 法 and 。: 法 stays alone rather than
 * 。 starting a row, and wrapping always moves on. */
static void test_narrow_rows_progress(void **state)
{
	(void)state;
	assert_int_equal(sy_width_wrap("法治", 6, 1), 3);
	assert_int_equal(sy_width_wrap("法治政府", 12, 5), 6);
	assert_int_equal(sy_width_wrap("", 0, 5), 0);
	for (size_t cols = 1; cols <= 6; cols++)
		check_line("法。治，“政”府（建设）。", cols, "narrow");
}

/* Control characters count as the placeholder drawn for them (^[ is two
 * columns) and are never split from it. */
static void test_controls_measured_as_drawn(void **state)
{
	(void)state;
	const char *s = "ab\x1b[31mcd\r法治";
	for (size_t cols = 2; cols <= 12; cols++)
		check_line(s, cols, "controls");
	struct sy_span *rows;
	size_t n = sy_wrap(s, 4, &rows);
	assert_true(n >= 3);
	for (size_t i = 0; i < n; i++) {
		char *shown = sy_width_pad(s + rows[i].start, 4, SY_ALIGN_LEFT, NULL);
		for (const char *p = shown; *p; p++)
			assert_false((unsigned char)*p < 0x20 || *p == 0x7F);
		free(shown);
	}
	free(rows);
}

static void test_wrap_newlines_and_spaces(void **state)
{
	(void)state;
	struct sy_span *rows;
	const char *s = "first line\r\n\nno figures at all here";
	size_t n = sy_wrap(s, 12, &rows);
	assert_int_equal(n, 4);
	assert_int_equal(rows[0].end - rows[0].start, 10); /* "first line" */
	assert_int_equal(rows[1].start, rows[1].end);      /* the empty line */
	assert_memory_equal(s + rows[2].start, "no figures", 10);
	assert_int_equal(rows[2].end - rows[2].start, 10); /* hanging space left out */
	assert_memory_equal(s + rows[3].start, "at all here", 11);
	free(rows);
	assert_int_equal(sy_wrap(NULL, 10, &rows), 1);
	assert_int_equal(rows[0].end, 0);
	free(rows);
}

/* Pieces measured once serve every width: the same rows as one-off wraps. */
static void test_cached_pieces_match_one_off_rows(void **state)
{
	(void)state;
	size_t n = strlen(sample);
	struct sy_breaks b;
	sy_breaks_find(&b, sample, n);
	for (size_t cols = 6; cols <= 80; cols += 7)
		for (size_t pos = 0; pos < n;) {
			size_t next = sy_breaks_row(&b, sample, pos, cols, NULL);
			assert_int_equal(next - pos, sy_width_wrap(sample + pos, n - pos, cols));
			pos = next;
		}
	sy_breaks_free(&b);
}

/* Without ICU (its data missing) the plain rules keep the same promises. */
static void test_plain_rules_too(void **state)
{
	test_sample_obeys_the_rules(state);
	test_issue_cases(state);
	test_number_keeps_unit(state);
	test_narrow_rows_progress(state);
	check_seeds();
}

int main(void)
{
	if (ui_test_setup_locale() != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_seeds_obey_the_rules, setup_table),
		cmocka_unit_test_setup(test_sample_obeys_the_rules, setup_table),
		cmocka_unit_test_setup(test_issue_cases, setup_table),
		cmocka_unit_test_setup(test_number_keeps_unit, setup_table),
		cmocka_unit_test_setup(test_narrow_rows_progress, setup_table),
		cmocka_unit_test_setup(test_controls_measured_as_drawn, setup_table),
		cmocka_unit_test_setup(test_wrap_newlines_and_spaces, setup_table),
		cmocka_unit_test_setup(test_cached_pieces_match_one_off_rows, setup_table),
		cmocka_unit_test_setup(test_plain_rules_too, setup_plain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
