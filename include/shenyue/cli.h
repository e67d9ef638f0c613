/* What the command-line commands (check, export, summary) share: parsing a
 * command's options, loading the settings, the rubric and the roster,
 * reading the reviews, and telling which files could not be read. Every
 * message goes to stderr made safe (a file name can hold any byte). */
#ifndef SHENYUE_CLI_H
#define SHENYUE_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/config.h"
#include "shenyue/options.h"
#include "shenyue/report.h"
#include "shenyue/review.h"
#include "shenyue/roster.h"
#include "shenyue/rubric.h"

/* Parses cmd's options from argv, handing each to take(ctx, opt, arg),
 * which tells what is wrong and returns -1 on a bad value. Returns 0 with
 * optind at the first PATH (one at least), or -1 to exit with *status: 0
 * after --help, 2 after a usage error (told, with the usage line). */
int sy_cli_parse(enum sy_command cmd, int argc, char **argv, int (*take)(void *ctx, int opt, const char *arg),
		 void *ctx, int *status);

/* Reads a -j value into *jobs; returns 0, or -1 after telling what is wrong. */
int sy_cli_take_jobs(const char *arg, int *jobs);

/* Loads the settings from path, or from the user's config.yaml (when there
 * is one) when path is NULL; tells each error. Returns how many there were. */
size_t sy_cli_load_config(struct sy_config *c, const char *path);

/* Loads the rubric at path, or the built-in one when path is NULL. Returns
 * 0, or -1 after telling why. */
int sy_cli_load_rubric(struct sy_rubric *r, const char *path);

/* Loads the roster sy_roster_pick chooses (--roster, one beside the
 * reports, the setting); *have says whether there is one. Returns 0, or -1
 * after telling why the roster is broken. */
int sy_cli_load_roster(struct sy_roster *r, const char *explicit_path, char *const *paths, size_t npaths,
		       const char *setting, bool *have);

/* Reads report i's review into rv[i] for every report of b, writing
 * nothing; tells each review that could not be read (left out) and, when
 * conflicts is true, each with unresolved conflicts. Returns how many could
 * not be read. */
size_t sy_cli_read_reviews(const struct sy_batch *b, const char *state, struct sy_review *rv, bool conflicts);

/* Tells every file of b that could not be read (folders, then reports). */
void sy_cli_report_errors(const struct sy_batch *b);

#endif
