/* Tests of src/termcolor.c and the built-in themes' legibility: the OSC 11
 * answer and $COLORFGBG say which background the terminal has; every text
 * slot of every built-in theme reaches WCAG AA (4.5:1) on the background it
 * is meant for (both, for a theme meant for any), with the standard xterm
 * palette; borders reach 3:1. Run with -v for the table of figures. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "shenyue/termcolor.h"
#include "shenyue/theme.h"

#define TEXT_MIN 4.5   /* WCAG 2 AA, normal text */
#define BORDER_MIN 3.0 /* WCAG 2 AA, non-text contrast */

static bool verbose;

static enum sy_background osc(const char *s)
{
	return sy_background_from_osc11(s, strlen(s));
}

static void test_osc11_answers(void **state)
{
	(void)state;
	/* xterm's default black on white, answered with ST or BEL */
	assert_int_equal(osc("\033]11;rgb:ffff/ffff/ffff\033\\"), SY_BG_LIGHT);
	assert_int_equal(osc("\033]11;rgb:0000/0000/0000\a"), SY_BG_DARK);
	/* Solarized dark and light, two-digit components, rgba, #RRGGBB */
	assert_int_equal(osc("\033]11;rgb:0000/2b2b/3636\a"), SY_BG_DARK);
	assert_int_equal(osc("\033]11;rgb:fd/f6/e3\a"), SY_BG_LIGHT);
	assert_int_equal(osc("\033]11;rgba:ffff/ffff/ffff/ffff\033\\"), SY_BG_LIGHT);
	assert_int_equal(osc("\033]11;#1e1e1e\a"), SY_BG_DARK);
	/* typed-ahead keys and the DA1 answer around it */
	assert_int_equal(osc("jj\033]11;rgb:eeee/eeee/eeee\033\\\033[?62;22c"), SY_BG_LIGHT);
	/* no answer, a cut-short one, garbage */
	assert_int_equal(osc("\033[?62;22c"), SY_BG_UNKNOWN);
	assert_int_equal(osc("\033]11;rgb:ffff/ff"), SY_BG_UNKNOWN);
	assert_int_equal(osc("\033]11;rgb:zz/00/00\a"), SY_BG_UNKNOWN);
	assert_int_equal(osc("\033]11;?\a"), SY_BG_UNKNOWN);
	assert_int_equal(sy_background_from_osc11(NULL, 0), SY_BG_UNKNOWN);
}

static void test_reply_complete(void **state)
{
	(void)state;
	const char *osc_only = "\033]11;rgb:ffff/ffff/ffff\033\\";
	const char *both = "\033]11;rgb:ffff/ffff/ffff\033\\\033[?62;22c";
	assert_false(sy_term_reply_complete(osc_only, strlen(osc_only)));
	assert_true(sy_term_reply_complete(both, strlen(both)));
	assert_false(sy_term_reply_complete(both, strlen(both) - 1)); /* the c not read yet */
	assert_true(sy_term_reply_complete("\033[?6c", 5));
	assert_false(sy_term_reply_complete("\033[6c", 4));
	assert_false(sy_term_reply_complete("", 0));
}

static void test_colorfgbg(void **state)
{
	(void)state;
	assert_int_equal(sy_background_from_colorfgbg("15;0"), SY_BG_DARK);
	assert_int_equal(sy_background_from_colorfgbg("0;15"), SY_BG_LIGHT);
	assert_int_equal(sy_background_from_colorfgbg("0;default;15"), SY_BG_LIGHT);
	assert_int_equal(sy_background_from_colorfgbg("7;8"), SY_BG_DARK);
	assert_int_equal(sy_background_from_colorfgbg("0;7"), SY_BG_LIGHT);
	assert_int_equal(sy_background_from_colorfgbg("15;default"), SY_BG_UNKNOWN);
	assert_int_equal(sy_background_from_colorfgbg("15"), SY_BG_UNKNOWN);
	assert_int_equal(sy_background_from_colorfgbg(""), SY_BG_UNKNOWN);
	assert_int_equal(sy_background_from_colorfgbg(NULL), SY_BG_UNKNOWN);
}

static void test_palette_and_contrast(void **state)
{
	(void)state;
	struct sy_rgb black = sy_xterm_rgb(0), white = sy_xterm_rgb(15);
	assert_true(sy_contrast(black, white) > 20.9);
	assert_true(sy_contrast(white, white) < 1.001);
	struct sy_rgb c = sy_xterm_rgb(196); /* the cube's pure red */
	assert_int_equal(c.r, 255);
	assert_int_equal(c.g, 0);
	c = sy_xterm_rgb(244);
	assert_int_equal(c.r, 128);
	/* the complaint: bright white on white, yellow on white */
	struct sy_style title = {15, SY_COLOR_DEFAULT, SY_ATTR_BOLD};
	assert_true(sy_style_contrast(&title, SY_BG_LIGHT) < 1.1);
	struct sy_style yellow = {3, SY_COLOR_DEFAULT, SY_ATTR_BOLD};
	assert_true(sy_style_contrast(&yellow, SY_BG_LIGHT) < 2.0);
	/* bold black is drawn grey by xterm: that counts */
	struct sy_style bold_black = {0, 6, SY_ATTR_BOLD};
	struct sy_style plain_black = {0, 6, 0};
	assert_true(sy_style_contrast(&bold_black, SY_BG_DARK) < sy_style_contrast(&plain_black, SY_BG_DARK));
	/* dim halves the contrast's reach; reverse swaps */
	struct sy_style dim = {SY_COLOR_DEFAULT, SY_COLOR_DEFAULT, SY_ATTR_DIM};
	assert_true(sy_style_contrast(&dim, SY_BG_DARK) < 5.0);
	struct sy_style rev = {4, 15, SY_ATTR_REVERSE};
	struct sy_style fwd = {15, 4, 0};
	assert_true(sy_style_contrast(&rev, SY_BG_DARK) == sy_style_contrast(&fwd, SY_BG_DARK));
}

static const char *bg_name(enum sy_background bg)
{
	return bg == SY_BG_DARK ? "dark" : bg == SY_BG_LIGHT ? "light" : "any";
}

/* Checks every slot of theme t on background bg; returns the failures. */
static int check_theme_on(const struct sy_theme *t, enum sy_background bg)
{
	int bad = 0;
	for (int i = 0; i < SY_SLOT_COUNT; i++) {
		double c = sy_style_contrast(&t->slot[i], bg);
		double min = i == SY_SLOT_BORDER ? BORDER_MIN : TEXT_MIN;
		if (verbose)
			printf("  %-14s %-6s %-15s %5.2f%s\n", t->name, bg_name(bg), sy_slot_name(i), c,
			       c < min ? "  FAIL" : "");
		if (c < min) {
			print_message("%s on a %s background: %s has contrast %.2f, below %.1f\n", t->name,
				      bg_name(bg), sy_slot_name(i), c, min);
			bad++;
		}
	}
	return bad;
}

static void test_builtin_themes_are_legible(void **state)
{
	(void)state;
	int bad = 0;
	for (size_t k = 0; sy_builtin_themes[k]; k++) {
		struct sy_theme t = {0};
		char err[256];
		assert_int_equal(sy_theme_load_builtin(&t, sy_builtin_themes[k], err, sizeof err), 0);
		if (t.meant_for != SY_BG_LIGHT)
			bad += check_theme_on(&t, SY_BG_DARK);
		if (t.meant_for != SY_BG_DARK)
			bad += check_theme_on(&t, SY_BG_LIGHT);
		sy_theme_free(&t);
	}
	assert_int_equal(bad, 0);
}

/* "default" is the dark theme on a dark terminal, the light one on a light
 * terminal, and one legible on both when the background is unknown. */
static void test_default_follows_background(void **state)
{
	(void)state;
	assert_string_equal(sy_theme_resolve("default", SY_BG_DARK), "dark");
	assert_string_equal(sy_theme_resolve(NULL, SY_BG_LIGHT), "light");
	assert_string_equal(sy_theme_resolve("", SY_BG_UNKNOWN), "neutral");
	assert_string_equal(sy_theme_resolve("mono", SY_BG_LIGHT), "mono");
	struct sy_theme t = {0};
	char err[256];
	assert_int_equal(sy_theme_load(&t, "default", SY_BG_LIGHT, err, sizeof err), 0);
	assert_int_equal(t.meant_for, SY_BG_LIGHT);
	assert_int_equal(sy_theme_load(&t, "default", SY_BG_DARK, err, sizeof err), 0);
	assert_int_equal(t.meant_for, SY_BG_DARK);
	assert_int_equal(sy_theme_load(&t, NULL, SY_BG_UNKNOWN, err, sizeof err), 0);
	assert_int_equal(t.meant_for, SY_BG_UNKNOWN);
	/* a broken choice falls back to the default for the background */
	assert_int_equal(sy_theme_load(&t, "no-such-theme", SY_BG_LIGHT, err, sizeof err), -1);
	assert_string_equal(t.name, "light");
	sy_theme_free(&t);
}

int main(int argc, char **argv)
{
	verbose = argc > 1 && !strcmp(argv[1], "-v");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_osc11_answers),
		cmocka_unit_test(test_reply_complete),
		cmocka_unit_test(test_colorfgbg),
		cmocka_unit_test(test_palette_and_contrast),
		cmocka_unit_test(test_builtin_themes_are_legible),
		cmocka_unit_test(test_default_follows_background),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
