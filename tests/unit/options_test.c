/* Tests of the option table (src/options.c): within a command no two
 * options share a long name or a letter; every option has help and a
 * command; getopt_long built from the table hands back the table's ids
 * and arguments, takes options after paths, and refuses unknown options,
 * missing arguments and arguments to options that take none. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "shenyue/options.h"

static void test_table_is_consistent(void **state)
{
	(void)state;
	for (int c = 0; c < SY_CMD_COUNT; c++)
		for (int i = 0; i < SY_OPT_COUNT; i++) {
			const struct sy_option_info *a = sy_option_info((enum sy_opt)i);
			assert_true(a->help && *a->help);
			assert_true(a->commands != 0);
			if (!(a->commands & (1u << c)))
				continue;
			for (int j = i + 1; j < SY_OPT_COUNT; j++) {
				const struct sy_option_info *b = sy_option_info((enum sy_opt)j);
				if (!(b->commands & (1u << c)))
					continue;
				if (!strcmp(a->name, b->name) || (a->letter && a->letter == b->letter))
					fail_msg("command %d: --%s and --%s clash", c, a->name, b->name);
			}
		}
	/* every command takes --help */
	for (int c = 0; c < SY_CMD_COUNT; c++)
		assert_true(sy_option_info(SY_OPT_HELP)->commands & (1u << c));
}

/* Parses argv (NULL-terminated) for cmd; writes "ID=ARG ..." into out and
 * returns optind at the end, or -1 on a usage error. */
static int parse(enum sy_command cmd, char **argv, char *out, size_t len)
{
	int argc = 0;
	while (argv[argc])
		argc++;
	struct sy_optparse p;
	sy_optparse_init(&p, cmd);
	int opt;
	size_t used = 0;
	out[0] = '\0';
	while ((opt = sy_optparse_next(&p, argc, argv)) != SY_OPT_END) {
		if (opt == SY_OPT_BAD) {
			sy_optparse_free(&p);
			return -1;
		}
		used += (size_t)snprintf(out + used, len - used, "%s=%s ", sy_option_info(opt)->name,
					 p.arg ? p.arg : "");
	}
	sy_optparse_free(&p);
	return optind;
}

static void test_parse_check(void **state)
{
	(void)state;
	char out[256];
	char *a1[] = {"check", "-f", "yaml", "--sort=unit", "dir", "--rubric", "r.yaml", NULL};
	int at = parse(SY_CMD_CHECK, a1, out, sizeof out);
	assert_string_equal(out, "format=yaml sort=unit rubric=r.yaml ");
	assert_int_equal(at, 6); /* the path, moved after the options */
	assert_string_equal(a1[at], "dir");
	char *a2[] = {"check", "--state", "d", "x", NULL}; /* --state is not check's */
	assert_int_equal(parse(SY_CMD_CHECK, a2, out, sizeof out), -1);
	char *a3[] = {"export", "--output", NULL};
	assert_int_equal(parse(SY_CMD_EXPORT, a3, out, sizeof out), -1);
	char *a4[] = {"shenyue", "--keys=1", NULL};
	assert_int_equal(parse(SY_CMD_UI, a4, out, sizeof out), -1);
	char *a5[] = {"shenyue", "-x", NULL};
	assert_int_equal(parse(SY_CMD_UI, a5, out, sizeof out), -1);
	char *a6[] = {"shenyue", "--no-mouse", "--theme", "light", "--", "--not-an-option", NULL};
	at = parse(SY_CMD_UI, a6, out, sizeof out);
	assert_string_equal(out, "no-mouse= theme=light ");
	assert_string_equal(a6[at], "--not-an-option");
	/* the same long name, per command: export's --format is its own row */
	char *a7[] = {"export", "--format=md", "-o", "out.md", "p", NULL};
	assert_int_equal(parse(SY_CMD_EXPORT, a7, out, sizeof out), 4);
	assert_string_equal(out, "format=md output=out.md ");
}

static void test_man_sections(void **state)
{
	(void)state;
	assert_string_equal(sy_man_section_name(SY_MAN_OPTIONS), "options");
	assert_null(sy_man_section_name((enum sy_man_section)99));
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	sy_options_roff(f, SY_MAN_OPTIONS);
	fclose(f);
	/* every option, hyphens escaped for roff */
	assert_non_null(strstr(buf, "\\fB\\-\\-ambiguous\\-wide\\fR"));
	assert_non_null(strstr(buf, "\\fB\\-f\\fR, \\fB\\-\\-format\\fR \\fBtext\\fR|\\fByaml\\fR|\\fBcsv\\fR"));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_is_consistent),
		cmocka_unit_test(test_parse_check),
		cmocka_unit_test(test_man_sections),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
