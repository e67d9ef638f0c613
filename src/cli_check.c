/* `shenyue check`: score reports in batch, for scripts and CI. */
#include "config.h"

#include <getopt.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/check.h"
#include "shenyue/i18n.h"
#include "shenyue/order.h"
#include "shenyue/width.h"
#include "shenyue/roster.h"
#include "shenyue/xalloc.h"

static void check_usage(FILE *out)
{
	fputs(_("usage: shenyue check [--format text|yaml|csv] [--sort path|unit|score] [--rubric FILE]\n"
	      "                     [--roster FILE] [--explain] PATH...\n"
	      "\n"
	      "Scores each report (a report file, or every report file in a folder: see\n"
	      "the README for the formats read) against the rubric and prints one line\n"
	      "per report with its findings (text), the full result (yaml), or one row\n"
	      "per report (csv, UTF-8 with BOM). --sort unit orders the reports by unit\n"
	      "in pinyin order, --sort score lowest first.\n"
	      "With a roster (--roster FILE, or 名单.yaml/名单.csv beside the reports),\n"
	      "a report naming another unit where it names itself gets the finding\n"
	      "other-unit.\n"
	      "--explain prints, for each report, the outline shenyue saw (levels, where\n"
	      "the body starts and ends, what it skipped as contents, chrome or annex)\n"
	      "and why each part has its status.\n"
	      "\n"
	      "Exit status: 0 every required part present in every report; 1 some part\n"
	      "partial or missing; 2 usage error, broken rubric or roster, or unreadable file.\n"),
	      out);
}

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

int sy_cli_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "rubric", required_argument, NULL, 'r' },
		{ "sort", required_argument, NULL, 's' },
		{ "roster", required_argument, NULL, 'R' },
		{ "explain", no_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum sy_check_format fmt = SY_FMT_TEXT;
	const char *rubric_path = NULL, *roster_path = NULL;
	int order = SY_ORDER_PATH;
	bool explain = false;
	optind = 1;
	for (int c; (c = getopt_long(argc, argv, "f:r:s:h", opts, NULL)) != -1;) {
		if (c == 'f' && parse_format(optarg, &fmt) == 0)
			continue;
		if (c == 's' && (order = sy_order_parse(optarg)) >= 0)
			continue;
		if (c == 'x') {
			explain = true;
			continue;
		}
		if (c == 'r' || c == 'R') {
			*(c == 'r' ? &rubric_path : &roster_path) = optarg;
			continue;
		}
		if (c == 'h') {
			check_usage(stdout);
			return 0;
		}
		if (c == 'f')
			fprintf(stderr, _("shenyue: unknown format '%s' (text, yaml or csv)\n"), optarg);
		if (c == 's')
			fprintf(stderr, _("shenyue: unknown order '%s' (path, unit or score)\n"), optarg);
		check_usage(stderr);
		return 2;
	}
	if (optind >= argc) {
		fputs(_("shenyue: check needs at least one PATH\n"), stderr);
		check_usage(stderr);
		return 2;
	}
	struct sy_rubric rubric;
	if (load_rubric(&rubric, rubric_path))
		return 2;
	struct sy_roster roster = {0};
	bool have_roster = false;
	if (load_roster(&roster, roster_path, argv + optind, (size_t)(argc - optind), &have_roster)) {
		sy_rubric_free(&rubric);
		return 2;
	}
	struct sy_batch batch = {0};
	sy_batch_expand(&batch, argv + optind, (size_t)(argc - optind));
	sy_batch_load_all(&batch, &rubric);
	sy_batch_crosscheck(&batch);
	if (have_roster)
		sy_roster_check_batch(&roster, &batch);
	sy_roster_free(&roster);
	sy_batch_order(&batch, (enum sy_order)order, &rubric);
	if (explain)
		for (size_t i = 0; i < batch.n; i++)
			sy_explain_write(stdout, &batch.r[i], &rubric, locale_is_utf8());
	else if (fmt == SY_FMT_YAML)
		sy_check_write_yaml(stdout, &batch, &rubric);
	else if (fmt == SY_FMT_CSV)
		sy_check_write_csv(stdout, &batch, &rubric);
	else
		sy_check_write_text(stdout, &batch, &rubric, locale_is_utf8());
	fflush(stdout);
	report_errors(&batch);
	int status = sy_check_exit_status(&batch, &rubric);
	sy_batch_free(&batch);
	sy_rubric_free(&rubric);
	return status;
}
