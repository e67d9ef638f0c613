/* What the command-line tables print: each command's --help (translated,
 * wrapped by the rules of Chinese text) and the man page's generated
 * sections (roff, English). See shenyue/options.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/config.h"
#include "shenyue/export.h"
#include "shenyue/summary.h"
#include "shenyue/options.h"
#include "shenyue/roff.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

#define HELP_OPTION_COLS 30 /* the widest option column before help moves below */
#define HELP_WIDTH 79        /* --help fits an 80-column terminal */

static bool option_in(const struct sy_option_info *o, enum sy_command cmd)
{
	return o->commands & (1u << cmd);
}

/* Writes text wrapped to width columns, every row after `indent` spaces
 * (the first too when first_indent). */
static void help_wrapped(FILE *out, const char *text, int indent, int width, bool first_indent)
{
	struct sy_span *rows;
	int cols = width - indent > 20 ? width - indent : 20;
	size_t n = sy_wrap(text, (size_t)cols, &rows);
	for (size_t i = 0; i < n; i++) {
		if (i || first_indent)
			fprintf(out, "%*s", indent, "");
		char *row = xstrndup(text + rows[i].start, rows[i].end - rows[i].start);
		char *shown = sy_width_pad(row, sy_width_str(row), SY_ALIGN_LEFT, NULL);
		fprintf(out, "%s\n", shown);
		free(shown);
		free(row);
	}
	free(rows);
}

/* "  -f, --format=text|yaml|csv" */
static void help_option_spec(const struct sy_option_info *o, char *buf, size_t len)
{
	char letter[8] = "    ";
	if (o->letter)
		snprintf(letter, sizeof letter, "-%c, ", o->letter);
	snprintf(buf, len, "  %s--%s%s%s", letter, o->name, o->arg ? "=" : "", o->arg ? o->arg : "");
}

static int help_option_column(enum sy_command cmd)
{
	int widest = 0;
	char spec[128];
	for (int i = 0; i < SY_OPT_COUNT; i++) {
		const struct sy_option_info *o = sy_option_info((enum sy_opt)i);
		help_option_spec(o, spec, sizeof spec);
		int w = (int)sy_width_str(spec);
		if (option_in(o, cmd) && w > widest && w <= HELP_OPTION_COLS)
			widest = w;
	}
	return widest + 2;
}

static void help_options(FILE *out, enum sy_command cmd, int width)
{
	int col = help_option_column(cmd);
	char spec[128];
	fprintf(out, "\n%s\n", _("Options:"));
	for (int i = 0; i < SY_OPT_COUNT; i++) {
		const struct sy_option_info *o = sy_option_info((enum sy_opt)i);
		if (!option_in(o, cmd))
			continue;
		help_option_spec(o, spec, sizeof spec);
		int w = (int)sy_width_str(spec);
		if (w + 2 > col)
			fprintf(out, "%s\n%*s", spec, col, "");
		else
			fprintf(out, "%s%*s", spec, col - w, "");
		help_wrapped(out, _(o->help), col, width, false);
	}
}

/* The usage lines: this command's, or for the UI every command's. */
static void help_usage(FILE *out, enum sy_command cmd)
{
	const char *usage = _("usage: ");
	int indent = (int)sy_width_str(usage);
	char words[64];
	for (int c = 0; c < SY_CMD_COUNT; c++) {
		if (c != (int)cmd && cmd != SY_CMD_UI)
			continue;
		sy_command_words((enum sy_command)c, words, sizeof words);
		fprintf(out, "%*s%s %s %s\n", c == (int)cmd ? 0 : indent, c == (int)cmd ? usage : "", words,
			_("[OPTION]..."), sy_command_info((enum sy_command)c)->args);
	}
}

static void help_environment(FILE *out, int width)
{
	fprintf(out, "\n%s\n", _("Environment:"));
	for (const struct sy_env_info *e = sy_environment(); e->name; e++) {
		int w = (int)strlen(e->name) + 2;
		fprintf(out, "  %s%*s", e->name, w < 20 ? 20 - w : 1, "");
		help_wrapped(out, _(e->help), w < 20 ? 20 : w + 1, width, false);
	}
	fputc('\n', out);
	help_wrapped(out, _("Settings and key rebindings: ~/.config/shenyue/config.yaml (see --dump-config); "
			    "options on the command line win. `shenyue COMMAND --help` describes each command."),
		     0, width, false);
}

void sy_options_help(FILE *out, enum sy_command cmd)
{
	int width = HELP_WIDTH;
	help_usage(out, cmd);
	help_wrapped(out, _(sy_command_info(cmd)->description), 0, width, false);
	help_options(out, cmd, width);
	if (cmd == SY_CMD_EXPORT) { /* --format's values come from the export-format table */
		fprintf(out, "\n%s\n", _("Export formats:"));
		sy_export_formats_doc(out, false);
	}
	if (cmd == SY_CMD_SUMMARY) { /* and from the summary's forms */
		fprintf(out, "\n%s\n", _("Summary formats:"));
		for (const struct sy_summary_format *f = sy_summary_formats; f->name; f++)
			fprintf(out, "  %-6s %s\n", f->name, _(f->help));
	}
	if (cmd == SY_CMD_UI)
		help_environment(out, width);
	fputc('\n', out);
	char *status = xasprintf(_("Exit status: %s"), _(sy_command_info(cmd)->exit_status));
	help_wrapped(out, status, 0, width, false);
	free(status);
}

/* ---- the man page ---- */

static const char *const section_names[] = {"synopsis", "options", "environment", "configuration",
					    "exit-status"};

const char *sy_man_section_name(enum sy_man_section s)
{
	return (unsigned)s < sizeof section_names / sizeof *section_names ? section_names[s] : NULL;
}

/* An option's argument: FILE in italics, choices (a|b) in bold. */
static void roff_arg(FILE *out, const char *arg)
{
	bool choices = strchr(arg, '|') && strcspn(arg, "abcdefghijklmnopqrstuvwxyz") < strlen(arg);
	fputs(choices ? "\\fB" : "\\fI", out);
	for (const char *p = arg; *p; p++) {
		if (*p == '|')
			fputs(choices ? "\\fR|\\fB" : "\\fR|\\fI", out);
		else if (*p == '-')
			fputs("\\-", out);
		else
			fputc(*p, out);
	}
	fputs("\\fR", out);
}

static void roff_synopsis(FILE *out)
{
	for (int c = 0; c < SY_CMD_COUNT; c++) {
		const struct sy_command_info *ci = sy_command_info((enum sy_command)c);
		fprintf(out, "%s.B shenyue%s%s\n", c ? ".br\n" : "", *ci->name ? " " : "", ci->name);
		for (int i = 0; i < SY_OPT_COUNT; i++) {
			const struct sy_option_info *o = sy_option_info((enum sy_opt)i);
			if (!option_in(o, (enum sy_command)c))
				continue;
			fputs("[\\fB\\-\\-", out);
			sy_roff_text(out, o->name);
			fputs("\\fR", out);
			if (o->arg) {
				fputc(' ', out);
				roff_arg(out, o->arg);
			}
			fputs("]\n", out);
		}
		fprintf(out, "%s\n", c ? "\\fIPATH\\fR..." : "[\\fIPATH\\fR...]");
	}
}

/* "(the review UI, check)": the commands an option belongs to. */
static void roff_commands(FILE *out, unsigned commands)
{
	if (commands == SY_IN_ALL)
		return;
	fputc('(', out);
	const char *sep = "";
	for (int c = 0; c < SY_CMD_COUNT; c++) {
		if (!(commands & (1u << c)))
			continue;
		const char *name = sy_command_info((enum sy_command)c)->name;
		fprintf(out, "%s\\fB%s\\fR", sep, *name ? name : "the review UI");
		sep = ", ";
	}
	fputs(") ", out);
}

static void roff_options(FILE *out)
{
	for (int i = 0; i < SY_OPT_COUNT; i++) {
		const struct sy_option_info *o = sy_option_info((enum sy_opt)i);
		fputs(".TP\n", out);
		if (o->letter)
			fprintf(out, "\\fB\\-%c\\fR, ", o->letter);
		fputs("\\fB\\-\\-", out);
		sy_roff_text(out, o->name);
		fputs("\\fR", out);
		if (o->arg) {
			fputc(' ', out);
			roff_arg(out, o->arg);
		}
		fputc('\n', out);
		roff_commands(out, o->commands);
		sy_roff_text(out, o->help);
		fputc('\n', out);
	}
}

static void roff_environment(FILE *out)
{
	for (const struct sy_env_info *e = sy_environment(); e->name; e++) {
		fprintf(out, ".TP\n.B %s\n", e->name);
		sy_roff_text(out, e->help);
		fputc('\n', out);
	}
}

static void roff_configuration(FILE *out)
{
	static const struct {
		const char *key, *type, *help;
	} settings[] = {
#define SY_CFG_DOC_ROW(key, type, field, help) {key, type == SY_CFG_BOOL ? "true|false" : "TEXT", help},
		SY_CONFIG_SETTINGS(SY_CFG_DOC_ROW)
#undef SY_CFG_DOC_ROW
	};
	for (size_t i = 0; i < sizeof settings / sizeof *settings; i++) {
		fputs(".TP\n\\fB", out);
		sy_roff_text(out, settings[i].key);
		fputs(":\\fR ", out);
		roff_arg(out, settings[i].type);
		fputc('\n', out);
		sy_roff_text(out, settings[i].help);
		fputs(".\n", out);
	}
}

static void roff_exit_status(FILE *out)
{
	for (int c = 0; c < SY_CMD_COUNT; c++) {
		const struct sy_command_info *ci = sy_command_info((enum sy_command)c);
		fprintf(out, ".TP\n.B shenyue%s%s\n", *ci->name ? " " : "", ci->name);
		sy_roff_text(out, ci->exit_status);
		fputc('\n', out);
	}
}

void sy_options_roff(FILE *out, enum sy_man_section s)
{
	switch (s) {
	case SY_MAN_SYNOPSIS: roff_synopsis(out); break;
	case SY_MAN_OPTIONS: roff_options(out); break;
	case SY_MAN_ENVIRONMENT: roff_environment(out); break;
	case SY_MAN_CONFIG: roff_configuration(out); break;
	case SY_MAN_EXIT: roff_exit_status(out); break;
	}
}
