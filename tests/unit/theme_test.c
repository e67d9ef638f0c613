/* Tests of src/theme.c: the shipped themes load through the same loader as
 * users' files, every error names file:line:col, a failed load leaves the
 * theme untouched, and sy_theme_load falls back to the default theme
 * (the neutral one when the background is unknown). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "shenyue/theme.h"
#include "ui_test_common.h"

static void test_builtin_themes_load(void **state)
{
	(void)state;
	const char *const *names = sy_builtin_themes;
	for (size_t i = 0; names[i]; i++) {
		struct sy_theme t = {0};
		char err[512] = "";
		if (sy_theme_load_builtin(&t, names[i], err, sizeof err) != 0)
			fail_msg("%s: %s", names[i], err);
		assert_string_equal(t.name, names[i]);
		sy_theme_free(&t);
	}
}

static void test_slots_and_colors(void **state)
{
	(void)state;
	const char *y = "name: t\n"
			"slots:\n"
			"  heading1: {fg: bright-yellow, bg: 17, attrs: [bold, underline]}\n"
			"  missing: {fg: red, attrs: reverse}\n";
	struct sy_theme t = {0};
	char err[256];
	assert_int_equal(sy_theme_load_string(&t, "t.yaml", y, strlen(y), err, sizeof err), 0);
	assert_int_equal(t.slot[SY_SLOT_HEADING1].fg, 11);
	assert_int_equal(t.slot[SY_SLOT_HEADING1].bg, 17);
	assert_int_equal(t.slot[SY_SLOT_HEADING1].attrs, SY_ATTR_BOLD | SY_ATTR_UNDERLINE);
	assert_int_equal(t.slot[SY_SLOT_MISSING].fg, 1);
	assert_int_equal(t.slot[SY_SLOT_MISSING].attrs, SY_ATTR_REVERSE);
	/* Slots left out are plain. */
	assert_int_equal(t.slot[SY_SLOT_NORMAL].fg, SY_COLOR_DEFAULT);
	assert_int_equal(t.slot[SY_SLOT_NORMAL].attrs, 0);
	sy_theme_free(&t);
}

/* Loading bad YAML fails with the expected "source:line:col" prefix. */
static void assert_load_error(const char *yaml, const char *where, const char *what)
{
	struct sy_theme t = {0};
	char err[512] = "";
	assert_int_equal(sy_theme_load_builtin(&t, "mono", err, sizeof err), 0);
	assert_int_equal(sy_theme_load_string(&t, "bad.yaml", yaml, strlen(yaml), err, sizeof err), -1);
	if (strncmp(err, where, strlen(where)) != 0 || !strstr(err, what))
		fail_msg("got '%s', want '%s...%s'", err, where, what);
	assert_string_equal(t.name, "mono"); /* untouched */
	sy_theme_free(&t);
}

static void test_errors_have_positions(void **state)
{
	(void)state;
	assert_load_error("slots:\n  heading9: {fg: red}\n", "bad.yaml:2:3:", "unknown slot 'heading9'");
	assert_load_error("slots:\n  normal: {fg: chartreuse}\n", "bad.yaml:2:16:", "colour");
	assert_load_error("slots:\n  normal: {fg: 256}\n", "bad.yaml:2:16:", "colour");
	assert_load_error("slots:\n  normal: {attrs: [blink]}\n", "bad.yaml:2:20:", "unknown attribute 'blink'");
	assert_load_error("slots:\n  normal: {colour: red}\n", "bad.yaml:2:12:", "unknown key 'colour'");
	assert_load_error("slots: [a, b]\n", "bad.yaml:1:8:", "mapping");
	assert_load_error("name: x\n", "bad.yaml:1:1:", "'slots' is required");
	assert_load_error("slots:\n  normal: {fg: red\n", "bad.yaml:3:", "");
	assert_load_error("- just\n- a list\n", "bad.yaml:1:1:", "mapping");
	assert_load_error("slots:\n  PRESENT: {fg: green}\n", "bad.yaml:2:3:", "unknown slot");
}

static void test_fallback_to_default(void **state)
{
	(void)state;
	char path[512], err[512] = "";
	struct sy_theme t = {0};
	ui_test_srcpath(path, sizeof path, "tests/fixtures/ui/broken-theme.yaml");
	assert_int_equal(sy_theme_load(&t, path, SY_BG_UNKNOWN, err, sizeof err), -1);
	char want[600];
	snprintf(want, sizeof want, "%s:5:20:", path);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("got '%s', want prefix '%s'", err, want);
	assert_string_equal(t.name, "neutral");
	assert_int_equal(sy_theme_load(&t, "no-such-theme", SY_BG_UNKNOWN, err, sizeof err), -1);
	assert_non_null(strstr(err, "no-such-theme"));
	assert_string_equal(t.name, "neutral");
	assert_int_equal(sy_theme_load(&t, "/nonexistent/theme.yaml", SY_BG_DARK, err, sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/theme.yaml"));
	assert_string_equal(t.name, "dark"); /* the default on a dark background */
	assert_int_equal(sy_theme_load(&t, "light", SY_BG_DARK, err, sizeof err), 0);
	assert_string_equal(t.name, "light");
	assert_int_equal(sy_theme_load(&t, NULL, SY_BG_UNKNOWN, err, sizeof err), 0);
	assert_string_equal(t.name, "neutral");
	sy_theme_free(&t);
}

static void test_color_helpers(void **state)
{
	(void)state;
	int c;
	bool bold;
	assert_int_equal(sy_color_parse("default", &c), 0);
	assert_int_equal(c, SY_COLOR_DEFAULT);
	assert_int_equal(sy_color_parse("bright-white", &c), 0);
	assert_int_equal(c, 15);
	assert_int_equal(sy_color_parse("bright-17", &c), -1);
	assert_int_equal(sy_color_parse("", &c), -1);
	assert_int_equal(sy_color_to_8(9, &bold), 1);
	assert_true(bold);
	assert_int_equal(sy_color_to_8(196, &bold), 1); /* xterm red */
	assert_false(bold);
	assert_int_equal(sy_color_to_8(244, &bold), 7);
	assert_int_equal(sy_slot_by_name("search-hit"), SY_SLOT_SEARCH_HIT);
	assert_string_equal(sy_slot_name(SY_SLOT_JUMP_TARGET), "jump-target");
	assert_int_equal(sy_slot_by_name("nope"), -1);
}

int main(void)
{
	if (ui_test_setup_locale() != 0)
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_themes_load),
		cmocka_unit_test(test_slots_and_colors),
		cmocka_unit_test(test_errors_have_positions),
		cmocka_unit_test(test_fallback_to_default),
		cmocka_unit_test(test_color_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
