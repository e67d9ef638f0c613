/* `shenyue export`: reviews of a batch in any format of the export-format
 * table (Markdown 审查意见, CSV, YAML...). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
};

/* Takes one option of the table; returns -1 on a bad value (told). */
static int export_take(struct export_opts *o, int opt, const char *arg)
{
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
	default: return -1;
	}
}

/* Parses the options (the option table's rows for export); returns -1 to
 * exit with *status. */
static int export_parse_args(int argc, char **argv, struct export_opts *o, int *status)
{
	struct sy_optparse p;
	sy_optparse_init(&p, SY_CMD_EXPORT);
	int opt, rc = 0;
	*status = 2;
	while (rc == 0 && (opt = sy_optparse_next(&p, argc, argv)) != SY_OPT_END) {
		if (opt == SY_OPT_HELP) {
			sy_options_help(stdout, SY_CMD_EXPORT);
			*status = 0;
			rc = -1;
		} else if (opt == SY_OPT_BAD || export_take(o, opt, p.arg) != 0) {
			if (opt != SY_OPT_BAD)
				sy_options_usage_error(stderr, SY_CMD_EXPORT);
			rc = -1;
		}
	}
	sy_optparse_free(&p);
	if (rc == 0 && optind >= argc) {
		fputs(_("shenyue: export needs at least one PATH\n"), stderr);
		sy_options_usage_error(stderr, SY_CMD_EXPORT);
		rc = -1;
	}
	return rc;
}

/* Reads every report's review; returns how many could not be read. */
static size_t export_read_reviews(const struct sy_batch *b, const char *state, struct sy_review *rv)
{
	size_t bad = 0;
	for (size_t i = 0; i < b->n; i++) {
		char err[1024];
		if (sy_review_read(&rv[i], b->r[i].path, state, err, sizeof err) < 0) {
			sy_text_printf(stderr, _("shenyue: %s (review left out)\n"), err);
			bad++;
		} else if (sy_review_nconflicts(&rv[i])) {
			sy_text_printf(stderr, _("shenyue: %s: %zu unresolved conflict(s) between reviewers\n"),
				       b->r[i].path, sy_review_nconflicts(&rv[i]));
		}
	}
	return bad;
}

/* Writes the export to stdout, or atomically to path (a device or FIFO is
 * written to, never replaced). Returns 0 or -1 (said on stderr). */
static int export_emit(const struct sy_export_format *f, const char *path, const struct sy_export_doc *x)
{
	char err[1024];
	if (path) {
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
		fprintf(stderr, "shenyue: %s\n", err);
		return -1;
	}
	int rc = fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0 ? 0 : -1;
	if (rc < 0)
		perror("shenyue: stdout");
	free(data);
	return rc;
}

/* Builds and writes the export of a loaded batch; returns the exit status. */
static int export_batch(const struct export_opts *o, const struct sy_batch *b, const struct sy_rubric *r)
{
	struct sy_review *rv = xcalloc(b->n, sizeof *rv);
	struct sy_export_entry *e = xcalloc(b->n, sizeof *e);
	size_t bad = export_read_reviews(b, o->state, rv);
	for (size_t i = 0; i < b->n; i++) {
		e[i].rep = &b->r[i];
		e[i].rv = &rv[i];
		if (b->r[i].error) {
			sy_text_printf(stderr, "shenyue: %s: %s\n", b->r[i].path, b->r[i].error);
			bad++;
		}
	}
	sy_strlist_print(&b->errors, stderr, "shenyue: ");
	struct sy_export_doc x;
	sy_export_build(&x, e, b->n, r);
	int status = export_emit(o->fmt, o->out, &x) < 0 ? 2 : (bad || b->errors.n) ? 1 : 0;
	sy_export_free(&x);
	for (size_t i = 0; i < b->n; i++)
		sy_review_free(&rv[i]);
	free(rv);
	free(e);
	return status;
}

/* 审查意见 (md, docx) go back to the unit, so their findings are written in
 * Chinese unless the user chose a message language (LANGUAGE). */
static void export_speak_chinese(const struct sy_export_format *fmt)
{
	const char *lang = getenv("LANGUAGE");
	if ((fmt->flags & SY_FORMAT_FOR_UNITS) && (!lang || !*lang))
		setenv("LANGUAGE", "zh_CN", 1);
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
	struct export_opts o = {.fmt = &sy_export_formats[0]};
	int status = 0;
	if (export_parse_args(argc, argv, &o, &status) < 0)
		return status;
	if (export_check_state(o.state) < 0)
		return 2;
	export_speak_chinese(o.fmt);
	struct sy_rubric rubric;
	char err[1024];
	int rc = o.rubric ? sy_rubric_load_file(&rubric, o.rubric, err, sizeof err)
			  : sy_rubric_load_default(&rubric, err, sizeof err);
	if (rc) {
		fprintf(stderr, "shenyue: %s\n", err);
		return 2;
	}
	struct sy_batch batch = {0};
	sy_batch_expand(&batch, argv + optind, (size_t)(argc - optind));
	sy_batch_load_all(&batch, &rubric);
	sy_batch_crosscheck(&batch);
	sy_batch_order(&batch, o.order, &rubric);
	status = export_batch(&o, &batch, &rubric);
	sy_batch_free(&batch);
	sy_rubric_free(&rubric);
	return status;
}
