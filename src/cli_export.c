/* `shenyue export`: the reviews of a batch as 审查意见 (.docx, one per unit
 * or one file for the batch; Markdown), CSV or YAML. Settings (office,
 * reviewer, resubmit_days, rubric, state) come from the config file; the
 * command line wins. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shenyue/cli.h"
#include "shenyue/compare.h"
#include "shenyue/config.h"
#include "shenyue/export.h"
#include "shenyue/i18n.h"
#include "shenyue/options.h"
#include "shenyue/order.h"
#include "shenyue/review_store.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

struct export_opts {
	const struct sy_export_format *fmt;
	const char *out;
	const char *state;
	const char *rubric;
	enum sy_order order;
	const char *config;
	bool one_file;
	struct sy_export_opts x; /* office, reviewer, date, language... */
	int resubmit_days;       /* -1: from the config */
	int jobs;                /* threads reading reports; 0: one per core */
};

/* Takes one option of the table; returns -1 on a bad value (told). */
static int export_take(void *ctx, int opt, const char *arg)
{
	struct export_opts *o = ctx;
	char *end = NULL;
	int y, m, d;
	char tail;
	switch (opt) {
	case SY_OPT_EXPORT_FORMAT:
		if ((o->fmt = sy_export_format_find(arg)))
			return 0;
		fprintf(stderr, _("shenyue: unknown format '%s' (%s)\n"), arg, sy_export_format_names());
		return -1;
	case SY_OPT_SORT: {
		int order = sy_order_parse(arg);
		if (order >= 0) {
			o->order = (enum sy_order)order;
			return 0;
		}
		fprintf(stderr, _("shenyue: unknown order '%s' (path, unit or score)\n"), arg);
		return -1;
	}
	case SY_OPT_OUTPUT: o->out = arg; return 0;
	case SY_OPT_STATE: o->state = arg; return 0;
	case SY_OPT_RUBRIC: o->rubric = arg; return 0;
	case SY_OPT_CONFIG: o->config = arg; return 0;
	case SY_OPT_ONE_FILE: o->one_file = true; return 0;
	case SY_OPT_JOBS: return sy_cli_take_jobs(arg, &o->jobs);
	case SY_OPT_OFFICE: o->x.office = arg; return 0;
	case SY_OPT_REVIEWER: o->x.reviewer = arg; return 0;
	case SY_OPT_ALL_FINDINGS: o->x.all_findings = true; return 0;
	case SY_OPT_RESUBMIT_DAYS:
		o->resubmit_days = (int)strtol(arg, &end, 10);
		if (*arg && !*end && o->resubmit_days >= 0 && o->resubmit_days <= 365)
			return 0;
		fprintf(stderr, _("shenyue: --resubmit-days takes a number of days from 0 to 365, not '%s'\n"), arg);
		return -1;
	case SY_OPT_DATE:
		if (sscanf(arg, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
			o->x.date = arg;
			return 0;
		}
		fprintf(stderr, _("shenyue: --date takes YYYY-MM-DD, not '%s'\n"), arg);
		return -1;
	case SY_OPT_LANG:
		if (strcmp(arg, "zh") && strcmp(arg, "en")) {
			fprintf(stderr, _("shenyue: --lang takes zh or en, not '%s'\n"), arg);
			return -1;
		}
		o->x.lang = strcmp(arg, "en") ? SY_EXPORT_ZH : SY_EXPORT_EN;
		return 0;
	default: return -1;
	}
}

/* Parses the options (the option table's rows for export); returns -1 to
 * exit with *status. */
static int export_parse_args(int argc, char **argv, struct export_opts *o, int *status)
{
	if (sy_cli_parse(SY_CMD_EXPORT, argc, argv, export_take, o, status) < 0)
		return -1;
	if ((o->fmt->flags & SY_FORMAT_BINARY) && o->x.lang == SY_EXPORT_EN) {
		fprintf(stderr, _("shenyue: %s is always in Chinese; --lang en is for md and csv\n"), o->fmt->name);
		sy_options_usage_error(stderr, SY_CMD_EXPORT);
		return -1;
	}
	return 0;
}

/* Writes the export to stdout, or atomically to path (a device or FIFO is
 * written to, never replaced). Returns 0 or -1 (said on stderr). */
static int export_emit(const struct sy_export_format *f, const char *path, const struct sy_export_doc *x)
{
	char err[1024];
	if (path && strcmp(path, "-")) {
		if (sy_export_save(path, f, x, SY_WRITE_DEVICES, err, sizeof err) == SY_WRITE_OK)
			return 0;
		sy_text_printf(stderr, "shenyue: %s\n", err);
		return -1;
	}
	if ((f->flags & SY_FORMAT_BINARY) && isatty(STDOUT_FILENO)) {
		fprintf(stderr, _("shenyue: %s is a binary format: write it to a file with -o FILE\n"), f->name);
		return -1;
	}
	char *data;
	size_t len;
	if (sy_export_render(f, x, &data, &len, err, sizeof err) < 0) {
		sy_text_printf(stderr, "shenyue: %s\n", err);
		return -1;
	}
	int rc = fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0 ? 0 : -1;
	if (rc < 0)
		perror("shenyue: stdout");
	free(data);
	return rc;
}

/* Saves one file of a per-report or one-file export, naming it on stdout. */
static int export_save_named(const struct sy_export_format *f, const char *path, const struct sy_export_doc *x)
{
	if (export_emit(f, path, x) < 0)
		return -1;
	printf("%s\n", path);
	return 0;
}

/* The folder the batch came from: the first PATH that is a folder, else the
 * first file's folder. */
static char *export_batch_dir(char *const *paths, size_t n)
{
	struct stat st;
	for (size_t i = 0; i < n; i++)
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			return xstrdup(paths[i]);
	const char *slash = n ? strrchr(paths[0], '/') : NULL;
	return slash ? xstrndup(paths[0], (size_t)(slash - paths[0])) : xstrdup(".");
}

static bool name_taken(const char *name, char **taken, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(taken[i], name))
			return true;
	return false;
}

/* name, or name-2.docx, name-3.docx... when an earlier report of this run
 * took it (two reports of one unit and year). Takes name. */
static char *unique_name(char *name, char **taken, size_t n)
{
	if (!name_taken(name, taken, n))
		return name;
	char *dot = strrchr(name, '.');
	char *stem = xstrndup(name, dot ? (size_t)(dot - name) : strlen(name));
	char *next = NULL;
	for (int k = 2; !next || name_taken(next, taken, n); k++) {
		free(next);
		next = xasprintf("%s-%d%s", stem, k, dot ? dot : "");
	}
	free(stem);
	free(name);
	return next;
}

/* One file per report in folder dir (made when missing). */
static int export_each(const struct sy_export_format *f, const char *dir, const struct sy_export_doc *x)
{
	int rc = 0;
	char **taken = xcalloc(x->n + 1, sizeof *taken);
	for (size_t i = 0; i < x->n && rc == 0; i++) {
		struct sy_export_doc one;
		sy_export_doc_slice(x, i, &one);
		taken[i] = unique_name(sy_export_report_name(&x->r[i], f), taken, i);
		char *path = xasprintf("%s/%s", dir, taken[i]);
		rc = export_save_named(f, path, &one);
		free(path);
	}
	for (size_t i = 0; i < x->n; i++)
		free(taken[i]);
	free(taken);
	return rc;
}

/* Does -o name a file of format f (审查意见.docx), not a folder to fill? */
static bool names_a_file_of(const char *out, const struct sy_export_format *f)
{
	struct stat st;
	const char *dot = strrchr(out, '.');
	if (!dot || strchr(dot, '/') || strcasecmp(dot + 1, f->extension))
		return false;
	return stat(out, &st) != 0 || !S_ISDIR(st.st_mode);
}

/* Writes the document in the chosen format; returns 0 or -1. */
static int export_output(const struct export_opts *o, const struct sy_export_doc *x, const char *batch_dir)
{
	const struct sy_export_format *f = o->fmt;
	if (o->out && !strcmp(o->out, "-"))
		return export_emit(f, NULL, x); /* all in one, to stdout */
	bool to_file = o->out && names_a_file_of(o->out, f);
	if ((f->flags & SY_FORMAT_PER_REPORT) && !o->one_file && to_file && x->n > 1) {
		sy_text_printf(stderr, _("shenyue: %s names one file, but %zu reports make %zu documents: "
					 "give a folder with -o, or --one-file\n"), o->out, x->n, x->n);
		return -1;
	}
	if ((f->flags & SY_FORMAT_PER_REPORT) && !o->one_file && !to_file)
		return export_each(f, o->out ? o->out : ".", x);
	if (f->flags & (SY_FORMAT_PER_REPORT | SY_FORMAT_BINARY)) { /* a file, named after the batch */
		char *name = o->out ? xstrdup(o->out) : sy_export_default_name(batch_dir, f);
		int rc = export_save_named(f, name, x);
		free(name);
		return rc;
	}
	return export_emit(f, o->out, x);
}

/* Says what the 审查意见 will lack because a setting is not there. */
static void export_warn_settings(const struct export_opts *o, const struct sy_export_doc *x)
{
	if (!(o->fmt->flags & SY_FORMAT_FOR_UNITS))
		return;
	if (!x->office)
		fputs(_("shenyue: no issuing office (office: in config.yaml, or --office): "
			"the 审查意见 are signed without one\n"), stderr);
	bool returned = false;
	for (size_t i = 0; i < x->n; i++)
		returned |= sy_review_verdict(&x->r[i].review) == SY_VERDICT_RETURN;
	if (returned && !x->deadline[0])
		fputs(_("shenyue: no days to resubmit (resubmit_days: in config.yaml, or --resubmit-days): "
			"the 整改要求 give no deadline\n"), stderr);
}

/* Builds and writes the export of a loaded batch; returns the exit status. */
static int export_batch(const struct export_opts *o, const struct sy_batch *b, const struct sy_rubric *r,
			const char *batch_dir)
{
	struct sy_review *rv = xcalloc(b->n + 1, sizeof *rv);
	struct sy_export_entry *e = xcalloc(b->n + 1, sizeof *e);
	size_t bad = sy_cli_read_reviews(b, o->state, rv, true);
	/* ordered once the reviews are read: by score is by the score that counts */
	size_t *order = sy_batch_order_index(b, rv, o->order, r);
	for (size_t i = 0; i < b->n; i++) {
		e[i].rep = &b->r[order[i]];
		e[i].rv = &rv[order[i]];
		bad += b->r[i].error != NULL;
	}
	sy_cli_report_errors(b);
	struct sy_export_opts xo = o->x;
	xo.batch = b;
	struct sy_export_doc x;
	sy_export_build(&x, e, b->n, r, &xo);
	export_warn_settings(o, &x);
	int status = export_output(o, &x, batch_dir) < 0 ? 2 : (bad || b->errors.n) ? 1 : 0;
	sy_export_free(&x);
	for (size_t i = 0; i < b->n; i++)
		sy_review_free(&rv[i]);
	free(rv);
	free(e);
	free(order);
	return status;
}

/* The reviewer's name: --reviewer, reviewer:, $SHENYUE_USER, $USER. */
static const char *export_reviewer(const struct export_opts *o, const struct sy_config *c)
{
	if (o->x.reviewer && *o->x.reviewer)
		return o->x.reviewer;
	if (c->reviewer && *c->reviewer)
		return c->reviewer;
	const char *u = getenv("SHENYUE_USER");
	if (!u || !*u)
		u = getenv("USER");
	return u && *u ? u : NULL;
}

/* Settings from the config file under what the command line gave; a
 * broken file named by --config fails. */
static int export_settings(struct export_opts *o, struct sy_config *c)
{
	if (sy_cli_load_config(c, o->config) && o->config)
		return -1;
	if (!o->x.office)
		o->x.office = c->office;
	o->x.reviewer = export_reviewer(o, c);
	o->x.resubmit_days = o->resubmit_days >= 0 ? o->resubmit_days : c->resubmit_days;
	if (!o->state)
		o->state = c->state;
	if (!o->rubric)
		o->rubric = c->rubric;
	return 0;
}

/* --state must name a folder: a file or a typo would export no reviews at
 * all and still exit 0. Returns 0, or -1 (said on stderr). */
static int export_check_state(const char *state)
{
	struct stat sb;
	if (!state)
		return 0;
	if (stat(state, &sb) < 0) {
		sy_text_printf(stderr, _("shenyue: --state %s: %s\n"), state, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		sy_text_printf(stderr, _("shenyue: --state %s is %s, not a folder of reviews\n"), state,
			       S_ISREG(sb.st_mode) ? _("a file") : sy_file_kind(sb.st_mode));
		return -1;
	}
	return 0;
}

int sy_cli_export(int argc, char **argv)
{
	struct export_opts o = {.fmt = &sy_export_formats[0], .resubmit_days = -1};
	int status = 0;
	if (export_parse_args(argc, argv, &o, &status) < 0)
		return status;
	struct sy_config cfg;
	if (export_settings(&o, &cfg) < 0 || export_check_state(o.state) < 0) {
		sy_config_free(&cfg);
		return 2;
	}
	struct sy_rubric rubric;
	if (sy_cli_load_rubric(&rubric, o.rubric)) {
		sy_config_free(&cfg);
		return 2;
	}
	struct sy_batch batch = {0};
	sy_batch_expand(&batch, argv + optind, (size_t)(argc - optind));
	sy_batch_load(&batch, &rubric, o.jobs, stderr);
	sy_batch_crosscheck_opts(&batch, &(struct sy_crosscheck_opts){ .rubric = &rubric, .threads = o.jobs });
	char *dir = export_batch_dir(argv + optind, (size_t)(argc - optind));
	status = export_batch(&o, &batch, &rubric, dir);
	free(dir);
	sy_batch_free(&batch);
	sy_rubric_free(&rubric);
	sy_config_free(&cfg);
	return status;
}
