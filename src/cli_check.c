/* `shenyue check`: score reports in batch, for scripts and CI. */
#include "config.h"

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/check.h"
#include "shenyue/cli.h"
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

struct check_opts {
	enum sy_check_format fmt;
	enum sy_order order;
	const char *rubric, *roster;
	bool explain;
	int jobs;
};



/* Takes one option of the table; returns -1 on a bad value (told). */
static int check_take(void *ctx, int opt, const char *arg)
{
	struct check_opts *o = ctx;
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
	case SY_OPT_JOBS: return sy_cli_take_jobs(arg, &o->jobs);
	default: return -1;
	}
}

/* Parses the options; returns -1 to exit with *status. */
static int check_parse_args(int argc, char **argv, struct check_opts *o, int *status)
{
	return sy_cli_parse(SY_CMD_CHECK, argc, argv, check_take, o, status);
}

/* check --explain: the batch read whole, then for each report the outline
 * shenyue saw and why each part has its status. Returns the exit status. */
static int check_explain(const struct check_opts *o, char *const *paths, size_t npaths, const struct sy_rubric *r,
			 const struct sy_roster *roster)
{
	struct sy_batch batch = {0};
	sy_batch_expand(&batch, paths, npaths);
	sy_batch_load_all(&batch, r);
	sy_batch_crosscheck_opts(&batch, &(struct sy_crosscheck_opts){ .rubric = r, .roster = roster });
	if (roster)
		sy_roster_check_batch(roster, &batch);
	sy_batch_order(&batch, o->order, r);
	for (size_t i = 0; i < batch.n; i++)
		sy_explain_write(stdout, &batch.r[i], r, sy_locale_is_utf8());
	errno = 0;
	int write_error = fflush(stdout) != 0 || ferror(stdout) ? (errno ? errno : EIO) : 0;
	sy_cli_report_errors(&batch);
	int status = sy_check_exit_status(&batch, r);
	if (write_error) { /* a full disk or a closed pipe is not a clean check */
		fprintf(stderr, _("shenyue: cannot write the output: %s\n"), strerror(write_error));
		status = 2;
	}
	sy_batch_free(&batch);
	return status;
}

int sy_cli_check(int argc, char **argv)
{
	struct check_opts o = {SY_FMT_TEXT, SY_ORDER_PATH, NULL, NULL, false, 0};
	int status;
	if (check_parse_args(argc, argv, &o, &status) < 0)
		return status;
	struct sy_rubric rubric;
	if (sy_cli_load_rubric(&rubric, o.rubric))
		return 2;
	struct sy_roster roster = {0};
	bool have_roster = false;
	char *const *paths = argv + optind;
	size_t npaths = (size_t)(argc - optind);
	if (sy_cli_load_roster(&roster, o.roster, paths, npaths, NULL, &have_roster)) {
		sy_rubric_free(&rubric);
		return 2;
	}
	if (o.explain) {
		status = check_explain(&o, paths, npaths, &rubric, have_roster ? &roster : NULL);
	} else {
		struct sy_check_run run = { paths, npaths, &rubric, have_roster ? &roster : NULL, o.fmt, o.order,
					    o.jobs, sy_locale_is_utf8(), false, stdout, stderr };
		status = sy_check_stream(&run);
	}
	sy_roster_free(&roster);
	sy_rubric_free(&rubric);
	return status;
}
