/* Settings: built-in defaults, a user file over them, all-or-nothing
 * loading with file:line:col errors, key rebinding, and the dump. */
#include "config.h"

#include <unistd.h>

#include "../test_common.h"
#include "shenyue/config.h"
#include "shenyue/fileio.h"

static int load(struct sy_config *c, const char *yaml)
{
	return sy_config_load_string(c, "u.yaml", yaml, strlen(yaml));
}

static void test_defaults(void **state)
{
	struct sy_config c;
	sy_config_init(&c);
	assert_int_equal(c.errors.n, 0);
	assert_string_equal(c.theme, "default");
	assert_true(c.mouse);
	assert_null(c.rubric); /* "" means unset */
	assert_null(c.state);
	assert_false(c.ambiguous_wide);
	assert_int_equal(c.nbinds, 0);
	sy_config_free(&c);
}

static void test_user_file_over_defaults(void **state)
{
	struct sy_config c;
	sy_config_init(&c);
	assert_int_equal(load(&c, "theme: light\nreviewer: 张三\nbind:\n  quit: Q\n  search: [\"/\", C-s]\n"), 0);
	assert_string_equal(c.theme, "light");
	assert_string_equal(c.reviewer, "张三");
	assert_true(c.mouse); /* untouched */
	assert_int_equal(c.nbinds, 3);
	struct sy_keymap km;
	sy_keymap_init_default(&km);
	sy_config_apply_binds(&c, &km);
	assert_int_equal(c.errors.n, 0);
	uint32_t key;
	assert_int_equal(sy_key_parse("Q", &key), 0);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_LIST, key), SY_OP_QUIT);
	assert_int_equal(sy_key_parse("C-s", &key), 0);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_VIEWER, key), SY_OP_SEARCH);
	sy_keymap_free(&km);
	sy_config_free(&c);
}

static void test_errors_are_collected_and_nothing_is_taken(void **state)
{
	struct sy_config c;
	sy_config_init(&c);
	assert_int_equal(load(&c, "theme: light\nmouse: maybe\n"), -1);
	assert_string_equal(c.theme, "default"); /* all or nothing */
	assert_int_equal(c.errors.n, 1);
	assert_string_equal(c.errors.v[0], "u.yaml:2:8: 'mouse' must be true or false");
	assert_int_equal(load(&c, "colour: red\n"), -1);
	assert_string_equal(c.errors.v[1], "u.yaml:1:1: unknown key 'colour'");
	assert_int_equal(load(&c, "bind:\n  fly: x\n"), -1);
	assert_non_null(strstr(c.errors.v[2], "u.yaml:2:3: unknown operation 'fly'"));
	assert_int_equal(load(&c, "bind:\n  quit: NoSuchKey\n"), -1);
	assert_non_null(strstr(c.errors.v[3], "'NoSuchKey' is not a key name"));
	assert_int_equal(load(&c, "theme: [\n"), -1);
	assert_int_equal(c.errors.n, 5);
	assert_string_equal(c.theme, "default");
	sy_config_free(&c);
}

static void test_missing_optional_file_is_fine(void **state)
{
	struct sy_config c;
	sy_config_init(&c);
	assert_int_equal(sy_config_load_file(&c, "/nonexistent/shenyue.yaml", true), 0);
	assert_int_equal(c.errors.n, 0);
	assert_int_equal(sy_config_load_file(&c, "/nonexistent/shenyue.yaml", false), -1);
	assert_non_null(strstr(c.errors.v[0], "/nonexistent/shenyue.yaml: cannot open"));
	sy_config_free(&c);
}

static void test_user_path(void **state)
{
	setenv("XDG_CONFIG_HOME", "/x", 1);
	char *p = sy_config_user_path();
	assert_string_equal(p, "/x/shenyue/config.yaml");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/u", 1);
	p = sy_config_user_path();
	assert_string_equal(p, "/home/u/.config/shenyue/config.yaml");
	free(p);
}

static void test_dump_reads_back(void **state)
{
	struct sy_config c;
	sy_config_init(&c);
	assert_int_equal(load(&c, "theme: \"my \\\"dark\\\" theme.yaml\"\nmouse: false\nbind:\n  quit: Q\n"), 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	sy_config_dump(f, &c);
	fclose(f);
	assert_non_null(strstr(buf, "# Take mouse clicks and the wheel\nmouse: false\n"));
	struct sy_config d;
	sy_config_init(&d);
	assert_int_equal(sy_config_load_string(&d, "dump", buf, len), 0);
	assert_string_equal(d.theme, "my \"dark\" theme.yaml");
	assert_false(d.mouse);
	assert_int_equal(d.nbinds, 1);
	sy_config_free(&d);
	sy_config_free(&c);
	free(buf);
}

/* office and resubmit_days: unset by default, read and checked like the rest. */
static void test_export_settings(void **state)
{
	struct sy_config c;
	sy_config_init(&c);
	assert_null(c.office);
	assert_int_equal(c.resubmit_days, 0);
	assert_int_equal(load(&c, "office: 青禾县依法治县办\nresubmit_days: 15\n"), 0);
	assert_string_equal(c.office, "青禾县依法治县办");
	assert_int_equal(c.resubmit_days, 15);
	assert_int_equal(load(&c, "resubmit_days: 400\n"), -1);
	assert_string_equal(c.errors.v[0], "u.yaml:1:16: 'resubmit_days' must be between 0 and 365");
	assert_int_equal(load(&c, "resubmit_days: 十五\n"), -1);
	assert_int_equal(c.resubmit_days, 15);
	sy_config_free(&c);
}

/* An answer given at the first export is remembered in the user's file,
 * which keeps its comments and other settings. */
static void test_save_setting(void **state)
{
	char dir[] = "/tmp/shenyue-config-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256], err[512];
	snprintf(path, sizeof path, "%s/sub/config.yaml", dir);
	assert_int_equal(sy_config_save_setting(path, "office", "青禾县司法局", err, sizeof err), 0);
	struct sy_config c;
	sy_config_init(&c);
	assert_int_equal(sy_config_load_file(&c, path, false), 0);
	assert_string_equal(c.office, "青禾县司法局");
	sy_config_free(&c);
	FILE *f = fopen(path, "w");
	fputs("# 我的设置\ntheme: light\noffice: \"旧\"\nresubmit_days: 5\n", f);
	fclose(f);
	assert_int_equal(sy_config_save_setting(path, "office", "青禾县依法治县办 \"法治\"", err, sizeof err), 0);
	assert_int_equal(sy_config_save_setting(path, "resubmit_days", "20", err, sizeof err), 0);
	assert_int_equal(sy_config_save_setting(path, "reviewer", "张三", err, sizeof err), 0);
	sy_config_init(&c);
	assert_int_equal(sy_config_load_file(&c, path, false), 0);
	assert_string_equal(c.theme, "light");
	assert_string_equal(c.office, "青禾县依法治县办 \"法治\"");
	assert_int_equal(c.resubmit_days, 20);
	assert_string_equal(c.reviewer, "张三");
	sy_config_free(&c);
	char *text;
	size_t len;
	assert_int_equal(sy_file_read(path, 0, &text, &len, NULL), SY_READ_OK);
	assert_non_null(strstr(text, "# 我的设置\n"));
	assert_null(strstr(text, "旧"));
	free(text);
	/* refused: unknown key, a bad value, a second line */
	assert_int_equal(sy_config_save_setting(path, "colour", "red", err, sizeof err), -1);
	assert_int_equal(sy_config_save_setting(path, "resubmit_days", "many", err, sizeof err), -1);
	assert_non_null(strstr(err, "'resubmit_days' must be a whole number"));
	assert_int_equal(sy_config_save_setting(path, "office", "a\nb: c", err, sizeof err), -1);
	unlink(path);
	snprintf(path, sizeof path, "%s/sub", dir);
	rmdir(path);
	rmdir(dir);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_user_file_over_defaults),
		cmocka_unit_test(test_errors_are_collected_and_nothing_is_taken),
		cmocka_unit_test(test_missing_optional_file_is_fine),
		cmocka_unit_test(test_user_path),
		cmocka_unit_test(test_dump_reads_back),
		cmocka_unit_test(test_export_settings),
		cmocka_unit_test(test_save_setting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
