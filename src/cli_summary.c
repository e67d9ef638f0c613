/* `shenyue summary`: where the batch stands, from the command line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shenyue/check.h"
#include "shenyue/cli.h"
#include "shenyue/config.h"
#include "shenyue/i18n.h"
#include "shenyue/options.h"
#include "shenyue/review_store.h"
#include "shenyue/summary.h"
#include "shenyue/xalloc.h"

struct summary_opts {
	const struct sy_summary_format *fmt;
	const char *out;
	const char *roster;
	const char *rubric;
	const char *state;
	const char *config;
	const char *office;
	int jobs;               /* threads reading reports; 0: one per core */
};

static int parse_format(const char *s, const struct sy_summary_format **fmt)
{
	const struct sy_summary_format *f = sy_summary_format_find(s);
	if (!f)
		return -1;
	*fmt = f;
	return 0;
}

/* Takes one option of the table; returns -1 on a bad value (told). */
static int summary_take(void *ctx, int opt, const char *arg)
{
	struct summary_opts *o = ctx;
	switch (opt) {
	case SY_OPT_SUMMARY_FORMAT:
		if (parse_format(arg, &o->fmt) == 0)
			return 0;
		fprintf(stderr, _("shenyue: unknown format '%s' (text, yaml, csv, xlsx or docx)\n"), arg);
		return -1;
	case SY_OPT_OUTPUT: o->out = arg; return 0;
	case SY_OPT_ROSTER: o->roster = arg; return 0;
	case SY_OPT_RUBRIC: o->rubric = arg; return 0;
	case SY_OPT_STATE: o->state = arg; return 0;
	case SY_OPT_CONFIG: o->config = arg; return 0;
	case SY_OPT_OFFICE: o->office = arg; return 0;
	case SY_OPT_JOBS: return sy_cli_take_jobs(arg, &o->jobs);
	default: return -1;
	}
}

/* Renders the summary in the chosen form into *text. Returns 0 or -1. */
static int summary_render(const struct summary_opts *o, const struct sy_summary *s, const struct sy_batch *b,
			  const struct sy_rubric *r, char **text, size_t *len)
{
	char err[1024];
	if (o->fmt->build) {
		if (o->fmt->build(s, b, r, text, len, err, sizeof err) == 0)
			return 0;
		fprintf(stderr, "shenyue: %s\n", err);
		return -1;
	}
	FILE *mem = xopen_memstream(text, len);
	o->fmt->write(mem, s, b, r);
	xclose_memstream(mem); /* never a summary cut short */
	return 0;
}

/* Writes the summary to stdout, or atomically to path. Returns 0 or -1. */
static int summary_emit(const struct summary_opts *o, const struct sy_summary *s, const struct sy_batch *b,
			const struct sy_rubric *r)
{
	char *text = NULL, err[1024];
	size_t len = 0;
	if (o->fmt->build && !o->out && isatty(STDOUT_FILENO)) {
		fputs(_("shenyue: a .docx is not for the terminal: give -o FILE\n"), stderr);
		return -1;
	}
	if (summary_render(o, s, b, r, &text, &len) < 0)
		return -1;
	int rc = 0;
	if (!o->out && (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0)) {
		perror("shenyue: stdout");
		rc = -1;
	} else if (o->out && sy_file_write(o->out, text, len, SY_WRITE_DEVICES, NULL, err, sizeof err) != SY_WRITE_OK) {
		fprintf(stderr, "shenyue: %s\n", err);
		rc = -1;
	}
	free(text);
	return rc;
}

/* Summarises a loaded batch; returns the exit status. */
static int summary_batch(const struct summary_opts *o, struct sy_batch *b, const struct sy_rubric *r,
			 const struct sy_roster *roster, const char *state)
{
	struct sy_review *rv = xcalloc(b->n ? b->n : 1, sizeof *rv);
	const struct sy_review **rvp = xcalloc(b->n ? b->n : 1, sizeof *rvp);
	size_t bad = sy_cli_read_reviews(b, state, rv, false);
	for (size_t i = 0; i < b->n; i++)
		rvp[i] = &rv[i];
	struct sy_summary s;
	sy_summary_build(&s, b, r, roster, rvp);
	s.office = o->office;
	int status = summary_emit(o, &s, b, r) < 0 ? 2 : sy_check_exit_status(b, r);
	if (bad)
		status = 2;
	sy_cli_report_errors(b);
	sy_summary_free(&s);
	for (size_t i = 0; i < b->n; i++)
		sy_review_free(&rv[i]);
	free(rv);
	free(rvp);
	return status;
}

/* Loads the rubric and roster named by the options or the settings. */
static int summary_load(const struct summary_opts *o, const struct sy_config *cf, char *const *paths,
			size_t npaths, struct sy_rubric *r, struct sy_roster *roster, bool *have_roster)
{
	if (sy_cli_load_rubric(r, o->rubric ? o->rubric : cf->rubric))
		return -1;
	if (sy_cli_load_roster(roster, o->roster, paths, npaths, cf->roster, have_roster) == 0)
		return 0;
	sy_rubric_free(r);
	return -1;
}

int sy_cli_summary(int argc, char **argv)
{
	struct summary_opts o = { .fmt = &sy_summary_formats[0] };
	int status = 0;
	if (sy_cli_parse(SY_CMD_SUMMARY, argc, argv, summary_take, &o, &status) < 0)
		return status;
	struct sy_config cf;
	sy_cli_load_config(&cf, o.config);
	if (!o.office || !*o.office)
		o.office = cf.office; /* the office setting signs the 情况通报 */
	struct sy_rubric rubric;
	struct sy_roster roster = { 0 };
	bool have_roster = false;
	char *const *paths = argv + optind;
	size_t npaths = (size_t)(argc - optind);
	if (summary_load(&o, &cf, paths, npaths, &rubric, &roster, &have_roster)) {
		sy_config_free(&cf);
		return 2;
	}
	struct sy_batch batch = { 0 };
	sy_batch_expand(&batch, paths, npaths);
	sy_batch_load(&batch, &rubric, o.jobs, stderr);
	status = summary_batch(&o, &batch, &rubric, have_roster ? &roster : NULL, o.state ? o.state : cf.state);
	sy_batch_free(&batch);
	sy_roster_free(&roster);
	sy_rubric_free(&rubric);
	sy_config_free(&cf);
	return status;
}
