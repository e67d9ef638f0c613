/* The command-line tables, getopt_long built from them, and the usage line
 * a broken command line gets. See shenyue/options.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/options.h"
#include "shenyue/xalloc.h"

static const struct sy_command_info commands[SY_CMD_COUNT] = {
#define SY_COMMAND_ROW(id, name, args, desc, status) {name, args, desc, status},
	SY_COMMANDS(SY_COMMAND_ROW)
#undef SY_COMMAND_ROW
};

static const struct sy_option_info options[SY_OPT_COUNT] = {
#define SY_OPTION_ROW(id, name, letter, arg, cmds, help) {name, letter, arg, cmds, help},
	SY_OPTIONS(SY_OPTION_ROW)
#undef SY_OPTION_ROW
};

static const struct sy_env_info environment[] = {
#define SY_ENV_ROW(name, help) {name, help},
	SY_ENVIRONMENT(SY_ENV_ROW)
#undef SY_ENV_ROW
	{NULL, NULL},
};

const struct sy_command_info *sy_command_info(enum sy_command cmd)
{
	return &commands[(unsigned)cmd < SY_CMD_COUNT ? cmd : SY_CMD_UI];
}

const struct sy_option_info *sy_option_info(enum sy_opt opt)
{
	return (unsigned)opt < SY_OPT_COUNT ? &options[opt] : NULL;
}

const struct sy_env_info *sy_environment(void)
{
	return environment;
}

/* Writes how cmd is typed: "shenyue check", or "shenyue" for the review UI. */
void sy_command_words(enum sy_command cmd, char *buf, size_t len)
{
	const char *name = sy_command_info(cmd)->name;
	snprintf(buf, len, "shenyue%s%s", *name ? " " : "", name);
}

/* Writes cmd's usage line and where to get help, for a broken command line. */
void sy_options_usage_error(FILE *out, enum sy_command cmd)
{
	char words[64];
	sy_command_words(cmd, words, sizeof words);
	fprintf(out, "%s%s %s %s\n", _("usage: "), words, _("[OPTION]..."), sy_command_info(cmd)->args);
	fprintf(out, _("Try '%s --help' for more.\n"), words);
}

/* getopt_long gives an option's row index plus this, out of the way of
 * short letters. */
#define OPT_VAL_BASE 256

void sy_optparse_init(struct sy_optparse *p, enum sy_command cmd)
{
	memset(p, 0, sizeof *p);
	p->cmd = cmd;
	p->longopts = xcalloc(SY_OPT_COUNT + 1, sizeof *p->longopts);
	size_t n = 0, k = 0;
	p->shortopts[k++] = ':'; /* a missing argument is told apart */
	for (int i = 0; i < SY_OPT_COUNT; i++) {
		const struct sy_option_info *o = &options[i];
		if (!(o->commands & (1u << cmd)))
			continue;
		p->longopts[n++] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL,
						   OPT_VAL_BASE + i};
		if (o->letter) {
			p->shortopts[k++] = o->letter;
			if (o->arg)
				p->shortopts[k++] = ':';
		}
	}
	p->shortopts[k] = '\0';
	optind = 0; /* glibc: start afresh, even after an earlier parse */
	opterr = 0;
}

/* The row of cmd's option with this short letter, or -1. */
static int optparse_by_letter(const struct sy_optparse *p, int letter)
{
	for (int i = 0; i < SY_OPT_COUNT; i++)
		if (options[i].letter == letter && (options[i].commands & (1u << p->cmd)))
			return i;
	return -1;
}

/* Tells what was wrong with the option just read. */
static void optparse_complain(const struct sy_optparse *p, int c, char **argv)
{
	const char *what = argv[optind - 1];
	if (c == ':') {
		int row = optopt >= OPT_VAL_BASE ? optopt - OPT_VAL_BASE : optparse_by_letter(p, optopt);
		const char *arg = row >= 0 ? options[row].arg : "";
		fprintf(stderr, _("shenyue: option %s needs an argument (%s)\n"), what, arg ? arg : "");
	} else if (optopt >= OPT_VAL_BASE) {
		fprintf(stderr, _("shenyue: option --%s takes no argument\n"),
			options[optopt - OPT_VAL_BASE].name);
	} else if (optopt) {
		fprintf(stderr, _("shenyue: unknown option -%c\n"), optopt);
	} else {
		fprintf(stderr, _("shenyue: unknown option %s\n"), what);
	}
	sy_options_usage_error(stderr, p->cmd);
}

int sy_optparse_next(struct sy_optparse *p, int argc, char **argv)
{
	p->arg = NULL;
	int c = getopt_long(argc, argv, p->shortopts, p->longopts, NULL);
	if (c == -1)
		return SY_OPT_END;
	if (c >= OPT_VAL_BASE && c < OPT_VAL_BASE + SY_OPT_COUNT) {
		p->arg = optarg;
		return c - OPT_VAL_BASE;
	}
	int row = c != '?' && c != ':' ? optparse_by_letter(p, c) : -1;
	if (row >= 0) {
		p->arg = optarg;
		return row;
	}
	optparse_complain(p, c, argv);
	return SY_OPT_BAD;
}

void sy_optparse_free(struct sy_optparse *p)
{
	free(p->longopts);
	p->longopts = NULL;
}
