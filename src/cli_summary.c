/* `shenyue summary`: where the batch stands, from the command line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shenyue/check.h"
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
static int summary_take(struct summary_opts *o, int opt, const char *arg)
{
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
	default: return -1;
	}
}

/* Parses the options (the option table's rows for summary); returns -1 to
 * exit with *status. */
static int summary_parse_args(int argc, char **argv, struct summary_opts *o, int *status)
{
	struct sy_optparse p;
	sy_optparse_init(&p, SY_CMD_SUMMARY);
	int opt, rc = 0;
	*status = 2;
	while (rc == 0 && (opt = sy_optparse_next(&p, argc, argv)) != SY_OPT_END) {
		if (opt == SY_OPT_HELP) {
			sy_options_help(stdout, SY_CMD_SUMMARY);
			*status = 0;
			rc = -1;
		} else if (opt == SY_OPT_BAD || summary_take(o, opt, p.arg) != 0) {
			if (opt != SY_OPT_BAD)
				sy_options_usage_error(stderr, SY_CMD_SUMMARY);
			rc = -1;
		}
	}
	sy_optparse_free(&p);
	if (rc == 0 && optind >= argc) {
		fputs(_("shenyue: summary needs at least one PATH\n"), stderr);
		sy_options_usage_error(stderr, SY_CMD_SUMMARY);
		rc = -1;
	}
	return rc;
}

/* Settings the command takes from config.yaml: rubric, state and roster. */
static void summary_config(struct sy_config *cf, const char *path)
{
	sy_config_init(cf);
	char *user = path ? NULL : sy_config_user_path();
	if (path || user)
		sy_config_load_file(cf, path ? path : user, path == NULL);
	free(user);
	for (size_t i = 0; i < cf->errors.n; i++)
		fprintf(stderr, _("shenyue: config: %s\n"), cf->errors.v[i]);
}

/* Reads every report's review (never writing); returns how many failed. */
static size_t summary_read_reviews(const struct sy_batch *b, const char *state, struct sy_review *rv)
{
	size_t bad = 0;
	for (size_t i = 0; i < b->n; i++) {
		char err[1024];
		if (sy_review_read(&rv[i], b->r[i].path, state, err, sizeof err) < 0) {
			fprintf(stderr, _("shenyue: %s (review left out)\n"), err);
			bad++;
		}
	}
	return bad;
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
	FILE *mem = open_memstream(text, len);
	if (!mem)
		return -1;
	o->fmt->write(mem, s, b, r);
	fclose(mem);
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
	size_t bad = summary_read_reviews(b, state, rv);
	for (size_t i = 0; i < b->n; i++)
		rvp[i] = &rv[i];
	struct sy_summary s;
	sy_summary_build(&s, b, r, roster, rvp);
	s.office = o->office;
	int status = summary_emit(o, &s, b, r) < 0 ? 2 : sy_check_exit_status(b, r);
	if (bad)
		status = 2;
	sy_strlist_print(&b->errors, stderr, "shenyue: ");
	for (size_t i = 0; i < b->n; i++)
		if (b->r[i].error)
			fprintf(stderr, "shenyue: %s: %s\n", b->r[i].path, b->r[i].error);
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
	char err[1024];
	const char *rpath = o->rubric ? o->rubric : cf->rubric;
	if (rpath ? sy_rubric_load_file(r, rpath, err, sizeof err) : sy_rubric_load_default(r, err, sizeof err)) {
		fprintf(stderr, "shenyue: %s\n", err);
		return -1;
	}
	char *path = sy_roster_pick(o->roster, paths, npaths, cf->roster);
	*have_roster = path != NULL;
	int rc = path ? sy_roster_load_file(roster, path, err, sizeof err) : 0;
	if (rc) {
		fprintf(stderr, "shenyue: %s\n", err);
		sy_rubric_free(r);
	}
	free(path);
	return rc;
}

int sy_cli_summary(int argc, char **argv)
{
	struct summary_opts o = { .fmt = &sy_summary_formats[0] };
	int status = 0;
	if (summary_parse_args(argc, argv, &o, &status) < 0)
		return status;
	struct sy_config cf;
	summary_config(&cf, o.config);
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
	sy_batch_load_all(&batch, &rubric);
	status = summary_batch(&o, &batch, &rubric, have_roster ? &roster : NULL, o.state ? o.state : cf.state);
	sy_batch_free(&batch);
	sy_roster_free(&roster);
	sy_rubric_free(&rubric);
	sy_config_free(&cf);
	return status;
}
