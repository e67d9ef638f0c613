/* `shenyue export`: reviews of a batch in any format of the export-format
 * table (Markdown 审查意见, CSV, YAML...). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shenyue/export.h"
#include "shenyue/i18n.h"
#include "shenyue/review_store.h"
#include "shenyue/xalloc.h"

struct export_opts {
	const struct sy_export_format *fmt;
	const char *out;
	const char *state;
	const char *rubric;
};

static void export_usage(FILE *out)
{
	fprintf(out, _("usage: shenyue export [--format %s] [-o FILE] [--state DIR] [--rubric FILE] PATH...\n"),
		sy_export_format_names());
	fputs(_("\nWrites the reviews of the reports (files, or every report file in a folder):\n"), out);
	sy_export_formats_doc(out, false);
	fputs(_("Reviews are read from .shenyue/ beside the reports, or from --state DIR.\n"
		"Output goes to stdout, or replaces FILE atomically with -o FILE.\n"
		"\n"
		"Exit status: 0 written; 1 written, but some report or review file could\n"
		"not be read; 2 usage error, broken rubric, or the output could not be written.\n"),
	      out);
}

/* Parses the options; returns -1 to exit with *status. */
static int export_parse_args(int argc, char **argv, struct export_opts *o, int *status)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
		{"state", required_argument, NULL, 's'},  {"rubric", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
	};
	optind = 1;
	for (int c; (c = getopt_long(argc, argv, "f:o:s:r:h", opts, NULL)) != -1;) {
		const struct sy_export_format *fmt = c == 'f' ? sy_export_format_find(optarg) : NULL;
		if (fmt)
			o->fmt = fmt;
		else if (c == 'o')
			o->out = optarg;
		else if (c == 's')
			o->state = optarg;
		else if (c == 'r')
			o->rubric = optarg;
		else {
			if (c == 'f')
				fprintf(stderr, _("shenyue: unknown format '%s' (%s)\n"), optarg, sy_export_format_names());
			export_usage(c == 'h' ? stdout : stderr);
			*status = c == 'h' ? 0 : 2;
			return -1;
		}
	}
	if (optind >= argc) {
		fputs(_("shenyue: export needs at least one PATH\n"), stderr);
		export_usage(stderr);
		*status = 2;
		return -1;
	}
	return 0;
}

/* Reads every report's review; returns how many could not be read. */
static size_t export_read_reviews(const struct sy_batch *b, const char *state, struct sy_review *rv)
{
	size_t bad = 0;
	for (size_t i = 0; i < b->n; i++) {
		char err[1024];
		if (sy_review_read(&rv[i], b->r[i].path, state, err, sizeof err) < 0) {
			fprintf(stderr, _("shenyue: %s (review left out)\n"), err);
			bad++;
		} else if (sy_review_nconflicts(&rv[i])) {
			fprintf(stderr, _("shenyue: %s: %zu unresolved conflict(s) between reviewers\n"),
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
		fprintf(stderr, "shenyue: %s\n", err);
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
			fprintf(stderr, "shenyue: %s: %s\n", b->r[i].path, b->r[i].error);
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

int sy_cli_export(int argc, char **argv)
{
	struct export_opts o = {.fmt = &sy_export_formats[0]};
	int status = 0;
	if (export_parse_args(argc, argv, &o, &status) < 0)
		return status;
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
	status = export_batch(&o, &batch, &rubric);
	sy_batch_free(&batch);
	sy_rubric_free(&rubric);
	return status;
}
