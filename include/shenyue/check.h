/* The batch check: `shenyue check` and its three output formats. */
#ifndef SHENYUE_CHECK_H
#define SHENYUE_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "shenyue/order.h"
#include "shenyue/report.h"
#include "shenyue/roster.h"
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
/* The same, a report at a time, for a check that does not hold the batch
 * in memory (the output is byte for byte the batch writers'). */
/* The widths of the text output's columns, so that every line lines up by
 * display width: start from {0} and widen by every report written. */
struct sy_check_cols {
	size_t path, unit, year, sev, where, id;
};
/* Widens c so that rep's path, unit, year and findings fit their columns. */
void sy_check_text_measure(const struct sy_report *rep, struct sy_check_cols *c);
/* Writes rep's line and its findings' lines in c's columns (an unreadable
 * report: its path, ERROR and why). */
void sy_check_text_report(FILE *out, const struct sy_report *rep, const struct sy_rubric *r,
			  const struct sy_check_cols *c, bool utf8);
/* "reports:" (or "reports: []" when n is 0), then each report. */
void sy_check_yaml_head(FILE *out, size_t n);
/* Writes rep as one item of the "reports:" list. */
void sy_check_yaml_report(FILE *out, const struct sy_report *rep, const struct sy_rubric *r);
/* The BOM and header row, then a row per report. */
void sy_check_csv_head(FILE *out, const struct sy_rubric *r);
/* Writes rep's row, the columns in the header's order. */
void sy_check_csv_row(FILE *out, const struct sy_report *rep, const struct sy_rubric *r);
/* 0 all required parts present, 1 some partial or missing, 2 a file unreadable. */
int sy_check_exit_status(const struct sy_batch *b, const struct sy_rubric *r);
/* A whole check, as `shenyue check` runs it. */
struct sy_check_run {
	char *const *paths;             /* files and folders as given */
	size_t npaths;
	const struct sy_rubric *rubric;
	const struct sy_roster *roster; /* for the other-unit finding, or NULL */
	enum sy_check_format fmt;
	enum sy_order order;
	int jobs;                       /* threads reading reports; 0: one per core */
	bool utf8;                      /* ✓ ~ ✗ rather than + ~ - */
	bool in_memory;                 /* keep the results in memory, not a temporary file */
	FILE *out;                      /* the output */
	FILE *progress;                 /* the progress line, when a terminal (else NULL) */
};
/* Runs the check with bounded memory: reports are read and scored on
 * 'jobs' threads, their results spooled to a temporary file as they come
 * and their text freed; the cross-check and the output follow from the
 * spool. The output is byte for byte what loading the batch and calling
 * the writers above gives. Tells of unreadable files on stderr; returns the
 * exit status (sy_check_exit_status, or 2 when the output cannot be written). */
int sy_check_stream(const struct sy_check_run *run);
/* Runs `shenyue check ARGS` (argv[0] is "check"). Returns the exit status. */
int sy_cli_check(int argc, char **argv);

#endif
