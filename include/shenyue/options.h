/* The command line, in one table: every command (the review UI, check,
 * export, summary), every option of each, and the environment they read.
 * getopt_long's options, each command's --help and the man page's
 * SYNOPSIS, OPTIONS, ENVIRONMENT, CONFIGURATION and EXIT STATUS are all
 * generated from these tables (make docs, through docs/docgen;
 * tests/cli/options_doc.sh fails when the man page drifts).
 *
 * Adding an option is one row in SY_OPTIONS below: its id, long name,
 * short letter (0 for none), argument ("FILE", "md|csv", or NULL when it
 * takes none), the commands that take it, and one N_() sentence of help.
 * Then handle SY_OPT_<ID> in that command's parse loop (a switch on the id
 * sy_optparse_next returns), run `make docs` in the build folder (the man
 * page), mention it in the README's Usage, and translate the help in
 * po/zh_CN.po (make update-po). */
#ifndef SHENYUE_OPTIONS_H
#define SHENYUE_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

#include "shenyue/i18n.h"

/* X(ID, "name", "arguments in the synopsis", description, exit status) */
#define SY_COMMANDS(X)                                                                              \
	X(UI, "", "[PATH]...",                                                                       \
	  N_("Opens the reports (files, or folders of reports; default: the current folder) in the "  \
	     "review UI: the report list, the viewer and the checklist. Overrides, notes and "         \
	     "verdicts are saved at once, one YAML file per report in .shenyue/ beside the reports "   \
	     "(or under --state DIR). Press ? in the UI for the keys."),                              \
	  N_("0 when you quit; 2 on a usage error, a broken rubric, or a terminal that " \
	     "cannot be used. Ended by a signal (SIGTERM, SIGHUP, SIGINT), it restores the terminal, " \
	     "saves what is unsaved and dies of that signal."))                                        \
	X(CHECK, "check", "PATH...",                                                                 \
	  N_("Scores each report (a report file, or every report file in a folder) against the "      \
	     "rubric and prints one line per report with its findings (text), the full result "       \
	     "(yaml), or one row per report (csv). With a roster, a report naming another unit "      \
	     "where it names itself gets the finding other-unit."),                                   \
	  N_("0 every required part present in every report; 1 some part partial or missing; 2 "   \
	     "usage error, broken rubric or roster, or a file that could not be read (the other "     \
	     "files are still checked)."))                                                  \
	X(EXPORT, "export", "PATH...",                                                               \
	  N_("Writes the reviews of the reports (files, or every report file in a folder) in one "    \
	     "of the export formats. Reviews are read from .shenyue/ beside the reports, or from "    \
	     "--state DIR."),                                                                          \
	  N_("0 written; 1 written, but some report or review file could not be read; " \
	     "2 usage error, broken rubric, or the output could not be written."))                    \
	X(SUMMARY, "summary", "PATH...",                                                             \
	  N_("Where the batch stands: units expected (the roster), received, not received and "       \
	     "late; the review's progress and verdicts; each required part across the batch; the "   \
	     "units × parts matrix."),                                                                 \
	  N_("0 every required part present in every report; 1 some part partial or missing; 2 "   \
	     "usage error, broken rubric or roster, or a file that could not be read."))

enum sy_command {
#define SY_COMMAND_ENUM(id, name, args, desc, status) SY_CMD_##id,
	SY_COMMANDS(SY_COMMAND_ENUM)
#undef SY_COMMAND_ENUM
	SY_CMD_COUNT
};

/* The commands an option belongs to, as a bit set. */
#define SY_IN(cmd) (1u << SY_CMD_##cmd)
#define SY_IN_ALL ((1u << SY_CMD_COUNT) - 1)

/* X(ID, "long-name", 'l' or 0, "ARG" or NULL, commands, help) */
#define SY_OPTIONS(X)                                                                               \
	X(THEME, "theme", 0, "NAME|FILE", SY_IN(UI),                                                 \
	  N_("Colour theme: default (the dark or the light one after the terminal's background, "    \
	     "which is asked with an OSC 11 query or read from COLORFGBG; the neutral one when the "  \
	     "terminal does not say), dark, light, neutral, high-contrast, mono, or a YAML theme "    \
	     "file."))                                                                                 \
	X(NO_MOUSE, "no-mouse", 0, NULL, SY_IN(UI),                                                  \
	  N_("Do not take mouse events, which leaves the terminal's own selection working."))         \
	X(AMBIGUOUS_WIDE, "ambiguous-wide", 0, NULL, SY_IN(UI),                                      \
	  N_("Draw East Asian ambiguous characters (“ ” … ①) two columns wide, for terminals that "   \
	     "do."))                                                                                   \
	X(KEYS, "keys", 0, NULL, SY_IN(UI), N_("Print the key table (Markdown) and exit."))         \
	X(DUMP_CONFIG, "dump-config", 0, NULL, SY_IN(UI),                                            \
	  N_("Print every setting with its help and value, as a settings file, and exit."))           \
	X(CHECK_FORMAT, "format", 'f', "text|yaml|csv", SY_IN(CHECK),                                \
	  N_("Output format: text for people (default), yaml with every detail, csv one row per "    \
	     "report (UTF-8 with BOM, for Excel and WPS)."))                                           \
	X(EXPORT_FORMAT, "format", 'f', "FORMAT", SY_IN(EXPORT),                                     \
	  N_("Output format: one of the export formats below (default md)."))                       \
	X(SUMMARY_FORMAT, "format", 'f', "FORMAT", SY_IN(SUMMARY),                                   \
	  N_("Output format: one of the summary formats below (default text)."))                   \
	X(SORT, "sort", 0, "path|unit|score", SY_IN(CHECK) | SY_IN(EXPORT),                          \
	  N_("Order of the reports: as given (default), by unit in pinyin order, or lowest score "    \
	     "first."))                                                                                \
	X(EXPLAIN, "explain", 0, NULL, SY_IN(CHECK),                                                 \
	  N_("Print, for each report, the outline shenyue saw (each heading with its line and "       \
	     "level; where the body starts and ends; what was skipped as title, contents page, "      \
	     "preamble, web chrome, signature, date line or annex) and why each part has its "        \
	     "status, with ? where the evidence is weak."))                                           \
	X(OUTPUT, "output", 'o', "FILE", SY_IN(EXPORT) | SY_IN(SUMMARY),                             \
	  N_("Write to FILE, replaced atomically, instead of standard output; for an export "         \
	     "written one file per report (docx), the folder to write them in (default: the "         \
	     "current one)."))                                                                         \
	X(ONE_FILE, "one-file", 0, NULL, SY_IN(EXPORT),                                              \
	  N_("Write the whole batch in one document, each unit on new pages numbered from 1, "        \
	     "instead of one 审查意见 per report (docx; default name 审查意见-<folder>.docx)."))      \
	X(OFFICE, "office", 0, "TEXT", SY_IN(EXPORT) | SY_IN(SUMMARY),                               \
	  N_("The issuing office signed under the 审查意见 and the 情况通报 (依法治县办, 司法局...); "  \
	     "else the office setting."))                                                              \
	X(REVIEWER, "reviewer", 0, "NAME", SY_IN(EXPORT),                                            \
	  N_("The reviewer named in the 审查意见 when a verdict does not name who gave it; else the " \
	     "reviewer setting, SHENYUE_USER or USER."))                                              \
	X(RESUBMIT_DAYS, "resubmit-days", 0, "N", SY_IN(EXPORT),                                     \
	  N_("Days a returned report has to come back: the deadline in 整改要求 (else the "           \
	     "resubmit_days setting; 0: no deadline)."))                                               \
	X(DATE, "date", 0, "YYYY-MM-DD", SY_IN(EXPORT),                                              \
	  N_("The date of the 审查意见 (default: today)."))                                           \
	X(LANG, "lang", 0, "zh|en", SY_IN(EXPORT),                                                   \
	  N_("The language of md and csv: Chinese (default, whatever the messages' language) or "    \
	     "English. docx is always Chinese."))                                                      \
	X(ALL_FINDINGS, "all-findings", 0, NULL, SY_IN(EXPORT),                                      \
	  N_("Also send back the information-level findings, which are left out by default."))     \
	X(JOBS, "jobs", 'j', "N", SY_IN(UI) | SY_IN(CHECK) | SY_IN(EXPORT) | SY_IN(SUMMARY),                                                       \
	  N_("Read and score the reports on N threads (default: one per core)."))                    \
	X(RUBRIC, "rubric", 'r', "FILE", SY_IN(UI) | SY_IN(CHECK) | SY_IN(EXPORT) | SY_IN(SUMMARY), \
	  N_("Score against this rubric instead of the built-in one."))                               \
	X(ROSTER, "roster", 0, "FILE", SY_IN(UI) | SY_IN(CHECK) | SY_IN(SUMMARY),                    \
	  N_("The roster (名单) of the units expected to report, YAML or CSV; else 名单.yaml, "       \
	     "名单.csv, roster.yaml or roster.csv in the report folder, else the roster setting."))   \
	X(STATE, "state", 's', "DIR", SY_IN(UI) | SY_IN(EXPORT) | SY_IN(SUMMARY),                      \
	  N_("Keep review files under DIR instead of .shenyue/ beside the reports, for report "       \
	     "folders you cannot write to; one subfolder per report folder, so reports of the same "  \
	     "name in two folders never share a review."))                                             \
	X(CONFIG, "config", 0, "FILE", SY_IN(UI) | SY_IN(EXPORT) | SY_IN(SUMMARY),                                   \
	  N_("Read the settings from FILE instead of ~/.config/shenyue/config.yaml."))              \
	X(HELP, "help", 'h', NULL, SY_IN_ALL, N_("Print this help and exit."))

enum sy_opt {
	SY_OPT_BAD = -2, /* a usage error, already told on stderr */
	SY_OPT_END = -1, /* no option left: optind is the first PATH; the rows count from 0 */
#define SY_OPT_ENUM(id, name, letter, arg, cmds, help) SY_OPT_##id,
	SY_OPTIONS(SY_OPT_ENUM)
#undef SY_OPT_ENUM
	SY_OPT_COUNT
};

/* X(NAME, help): the environment variables shenyue reads. */
#define SY_ENVIRONMENT(X)                                                                           \
	X("SHENYUE_USER", N_("The reviewer's name recorded with each decision; else USER."))         \
	X("NO_COLOR", N_("When set and not empty, draw without colour (the mono theme)."))           \
	X("COLORFGBG", N_("The terminal's colours (\"15;0\"): its background picks the dark or the " \
			  "light theme; else the terminal is asked (OSC 11)."))                        \
	X("LANGUAGE", N_("Messages in Chinese with LANGUAGE=zh_CN or a zh_CN locale (LC_ALL, "       \
			 "LC_MESSAGES, LANG); Chinese text needs a UTF-8 locale."))                   \
	X("VISUAL", N_("The editor for long notes; else EDITOR, else vi."))                          \
	X("XDG_CONFIG_HOME", N_("Where the settings file is: $XDG_CONFIG_HOME/shenyue/config.yaml, " \
				"by default ~/.config/shenyue/config.yaml."))                     \
	X("TERM", N_("The terminal; on TERM=linux or dumb the background is not asked."))

struct sy_command_info {
	const char *name;        /* "check"; "" for the review UI */
	const char *args;        /* what follows the options in the synopsis */
	const char *description; /* N_() paragraph */
	const char *exit_status; /* N_() paragraph, after "Exit status: " */
};

struct sy_option_info {
	const char *name;  /* long name, without -- */
	char letter;       /* short option, or 0 */
	const char *arg;   /* argument shown in help ("FILE"), NULL when it takes none */
	unsigned commands; /* SY_IN() bits */
	const char *help;  /* N_() sentence */
};

struct sy_env_info {
	const char *name;
	const char *help; /* N_() */
};

/* Returns the row of a command. */
const struct sy_command_info *sy_command_info(enum sy_command cmd);
/* Returns the row of an option (SY_OPT_THEME...). */
const struct sy_option_info *sy_option_info(enum sy_opt opt);
/* Returns the environment table, ended by a row whose name is NULL. */
const struct sy_env_info *sy_environment(void);
/* Writes to buf how cmd is typed: "shenyue check", or "shenyue" for the UI. */
void sy_command_words(enum sy_command cmd, char *buf, size_t len);

/* getopt_long over one command's options, built from the table. */
struct sy_optparse {
	enum sy_command cmd;
	struct option *longopts;
	char shortopts[2 * SY_OPT_COUNT + 2];
	const char *arg; /* the current option's argument, or NULL */
};

/* Prepares to parse argv for cmd (argv[0] is the program or the command). */
void sy_optparse_init(struct sy_optparse *p, enum sy_command cmd);
/* Returns the next option's id with its argument in p->arg; SY_OPT_END
 * when none is left (optind is the first PATH; options and paths may mix);
 * SY_OPT_BAD after telling on stderr what was wrong and how to get help. */
int sy_optparse_next(struct sy_optparse *p, int argc, char **argv);
/* Frees what sy_optparse_init allocated. */
void sy_optparse_free(struct sy_optparse *p);
/* Writes the usage line of cmd and where to get help (for usage errors). */
void sy_options_usage_error(FILE *out, enum sy_command cmd);

/* Writes cmd's --help: usage, description, options, (for the UI) the
 * commands and the environment, exit status; wrapped to 79 columns. */
void sy_options_help(FILE *out, enum sy_command cmd);

/* The man page's generated sections. */
enum sy_man_section { SY_MAN_SYNOPSIS, SY_MAN_OPTIONS, SY_MAN_ENVIRONMENT, SY_MAN_CONFIG, SY_MAN_EXIT };
/* Returns the marker name of a section ("options"), or NULL past the last. */
const char *sy_man_section_name(enum sy_man_section s);
/* Writes a section's roff (untranslated: the man page is English). */
void sy_options_roff(FILE *out, enum sy_man_section s);

#endif
