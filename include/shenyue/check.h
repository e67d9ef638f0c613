/* The batch check: `shenyue check` and its three output formats. */
#ifndef SHENYUE_CHECK_H
#define SHENYUE_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "shenyue/report.h"
#include "shenyue/yamlutil.h"

enum sy_check_format { SY_FMT_TEXT, SY_FMT_YAML, SY_FMT_CSV };

/* Writes one line per report and its findings. utf8 selects ✓ ~ ✗ over + ~ -. */
void sy_check_write_text(FILE *out, const struct sy_batch *b, const struct sy_rubric *r, bool utf8);
/* Writes the YAML document described in the README. */
void sy_check_write_yaml(FILE *out, const struct sy_batch *b, const struct sy_rubric *r);
/* Writes, for one report, the outline shenyue saw (levels, where the body
 * starts and ends, what it skipped as contents, chrome, preamble or annex)
 * and why each part has its status (check --explain). */
void sy_explain_write(FILE *out, const struct sy_report *rep, const struct sy_rubric *r, bool utf8);
/* Writes CSV (UTF-8 with BOM), one row per report. */
void sy_check_write_csv(FILE *out, const struct sy_batch *b, const struct sy_rubric *r);
/* 0 all required parts present, 1 some partial or missing, 2 a file unreadable. */
int sy_check_exit_status(const struct sy_batch *b, const struct sy_rubric *r);
/* Runs `shenyue check ARGS` (argv[0] is "check"). Returns the exit status. */
int sy_cli_check(int argc, char **argv);

#endif
