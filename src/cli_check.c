/* `shenyue check`: score reports in batch, for scripts and CI. */
#include "config.h"

#include <errno.h>

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/check.h"
#include "shenyue/compare.h"
#include "shenyue/i18n.h"
#include "shenyue/options.h"
#include "shenyue/order.h"
#include "shenyue/width.h"
#include "shenyue/roster.h"
#include "shenyue/xalloc.h"

static int parse_format(const char *s, enum sy_check_format *fmt)
{
	if (!strcmp(s, "text"))
		*fmt = SY_FMT_TEXT;
	else if (!strcmp(s, "yaml"))
		*fmt = SY_FMT_YAML;
	else if (!strcmp(s, "csv"))
		*fmt = SY_FMT_CSV;
	else
		return -1;
	return 0;
}

static bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

/* Writes "shenyue: [path: ]message" on stderr, control characters shown as
 * ^[ and the like (a file name can hold any byte). */
static void say_shown(const char *path, const char *message)
{
	char *text = xasprintf("%s%s%s", path, *path ? ": " : "", message);
	char *shown = sy_width_pad(text, sy_width_str(text), SY_ALIGN_LEFT, NULL);
	fprintf(stderr, "shenyue: %s\n", shown);
	free(shown);
	free(text);
}

/* Tells on stderr about every file that could not be read. */
static void report_errors(const struct sy_batch *b)
{
	for (size_t i = 0; i < b->errors.n; i++)
		say_shown("", b->errors.v[i]);
	for (size_t i = 0; i < b->n; i++)
		if (b->r[i].error)
			say_shown(b->r[i].path, b->r[i].error);
}

static int load_rubric(struct sy_rubric *r, const char *path)
{
	char err[1024];
	int rc = path ? sy_rubric_load_file(r, path, err, sizeof err)
		      : sy_rubric_load_default(r, err, sizeof err);
	if (rc)
		fprintf(stderr, "shenyue: %s\n", err);
	return rc;
}

/* The roster named by --roster or found beside the reports (for the
 * other-unit finding); a broken one is reported and fails. */
static int load_roster(struct sy_roster *r, const char *explicit_path, char *const *paths, size_t n, bool *have)
{
	char err[1024];
	char *path = sy_roster_pick(explicit_path, paths, n, NULL);
	int rc = path ? sy_roster_load_file(r, path, err, sizeof err) : 0;
	if (rc)
		fprintf(stderr, "shenyue: %s\n", err);
	*have = path && !rc;
	free(path);
	return rc;
}

struct check_opts {
	enum sy_check_format fmt;
	enum sy_order order;
	const char *rubric, *roster;
	bool explain;
};

/* Takes one option of the table; returns -1 on a bad value (told). */
static int check_take(struct check_opts *o, int opt, const char *arg)
{
	int order;
	switch (opt) {
	case SY_OPT_CHECK_FORMAT:
		if (parse_format(arg, &o->fmt) == 0)
			return 0;
		fprintf(stderr, _("shenyue: unknown format '%s' (text, yaml or csv)\n"), arg);
		return -1;
	case SY_OPT_SORT:
		if ((order = sy_order_parse(arg)) >= 0) {
			o->order = (enum sy_order)order;
			return 0;
		}
		fprintf(stderr, _("shenyue: unknown order '%s' (path, unit or score)\n"), arg);
		return -1;
	case SY_OPT_RUBRIC: o->rubric = arg; return 0;
	case SY_OPT_ROSTER: o->roster = arg; return 0;
	case SY_OPT_EXPLAIN: o->explain = true; return 0;
	default: return -1;
	}
}

/* Parses the options; returns -1 to exit with *status. */
static int check_parse_args(int argc, char **argv, struct check_opts *o, int *status)
{
	struct sy_optparse p;
	sy_optparse_init(&p, SY_CMD_CHECK);
	int opt, rc = 0;
	*status = 2;
	while (rc == 0 && (opt = sy_optparse_next(&p, argc, argv)) != SY_OPT_END) {
		if (opt == SY_OPT_HELP) {
			sy_options_help(stdout, SY_CMD_CHECK);
			*status = 0;
			rc = -1;
		} else if (opt == SY_OPT_BAD || check_take(o, opt, p.arg) != 0) {
			if (opt != SY_OPT_BAD)
				sy_options_usage_error(stderr, SY_CMD_CHECK);
			rc = -1;
		}
	}
	sy_optparse_free(&p);
	if (rc == 0 && optind >= argc) {
		fputs(_("shenyue: check needs at least one PATH\n"), stderr);
		sy_options_usage_error(stderr, SY_CMD_CHECK);
		rc = -1;
	}
	return rc;
}

int sy_cli_check(int argc, char **argv)
{
	struct check_opts o = {SY_FMT_TEXT, SY_ORDER_PATH, NULL, NULL, false};
	int status;
	if (check_parse_args(argc, argv, &o, &status) < 0)
		return status;
	struct sy_rubric rubric;
	if (load_rubric(&rubric, o.rubric))
		return 2;
	struct sy_roster roster = {0};
	bool have_roster = false;
	if (load_roster(&roster, o.roster, argv + optind, (size_t)(argc - optind), &have_roster)) {
		sy_rubric_free(&rubric);
		return 2;
	}
	struct sy_batch batch = {0};
	sy_batch_expand(&batch, argv + optind, (size_t)(argc - optind));
	sy_batch_load_all(&batch, &rubric);
	sy_batch_crosscheck_opts(&batch, &(struct sy_crosscheck_opts){ .rubric = &rubric,
								 .roster = have_roster ? &roster : NULL });
	if (have_roster)
		sy_roster_check_batch(&roster, &batch);
	sy_roster_free(&roster);
	sy_batch_order(&batch, o.order, &rubric);
	if (o.explain)
		for (size_t i = 0; i < batch.n; i++)
			sy_explain_write(stdout, &batch.r[i], &rubric, locale_is_utf8());
	else if (o.fmt == SY_FMT_YAML)
		sy_check_write_yaml(stdout, &batch, &rubric);
	else if (o.fmt == SY_FMT_CSV)
		sy_check_write_csv(stdout, &batch, &rubric);
	else
		sy_check_write_text(stdout, &batch, &rubric, locale_is_utf8());
	errno = 0;
	int write_error = fflush(stdout) != 0 || ferror(stdout) ? (errno ? errno : EIO) : 0;
	report_errors(&batch);
	status = sy_check_exit_status(&batch, &rubric);
	if (write_error) { /* a full disk or a closed pipe is not a clean check */
		fprintf(stderr, _("shenyue: cannot write the output: %s\n"), strerror(write_error));
		status = 2;
	}
	sy_batch_free(&batch);
	sy_rubric_free(&rubric);
	return status;
}
