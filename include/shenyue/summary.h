/* The batch summary (汇总): who reported and who did not, who was late,
 * how far the review has got, and each required part across the batch.
 * Built from the batch, its reviews and the roster; the TUI's summary page
 * and `shenyue summary` show the same numbers. No curses here. */
#ifndef SHENYUE_SUMMARY_H
#define SHENYUE_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "shenyue/deadline.h"
#include "shenyue/effective.h"
#include "shenyue/report.h"
#include "shenyue/review.h"
#include "shenyue/roster.h"
#include "shenyue/rubric.h"

/* One report of the batch. */
struct sy_summary_report {
	size_t index;               /* in the batch */
	struct sy_match match;
	struct sy_received received;
	struct sy_date dated;       /* its own date line (成文日期), y 0 when none */
	struct sy_date published;   /* a saved web page's 发布日期, y 0 when none */
	bool late;                  /* received on or after the submission deadline */
	bool late_publication;      /* published on or after the publication deadline */
	enum sy_verdict verdict;
	enum sy_review_state state; /* sy_effective_state */
	int *status;                /* per rubric part: enum sy_status as the reviewer sees it */
	char *reason;               /* why it was returned (退回修改), in the messages' language, or NULL */
	char *note;                 /* the reviewer's note on a returned report, or NULL */
	bool earlier;               /* of an earlier year opened beside the batch's (2023/ beside
	                             * 2024/) for comparison: in no count, list or matrix */
};

/* Returns why a returned report went back as a document for the units says
 * it, in Chinese whatever the messages' language (new string): the
 * reviewer's note, else the required parts not complete (第一责任人不完整；
 * 不足原因缺失), else 见审查意见. */
char *sy_summary_reason_zh(const struct sy_summary_report *row, const struct sy_rubric *r);

/* One unit of the roster. */
struct sy_summary_unit {
	size_t *reports;            /* indices into rows */
	size_t nreports;
	int first;                  /* the report that stands for it (earliest received), -1 */
};

struct sy_summary {
	const struct sy_roster *roster; /* NULL: every report stands for itself */
	int year;                   /* the batch's report year: the latest year-named folder when
	                             * there are several (2023/ 2024/), else the most common; 0 */
	int latest;                 /* that latest folder year when there are several, else 0 */
	struct sy_deadline submission, publication;
	size_t expected, received, not_received, late, late_publication;
	size_t reviewed, not_reviewed, recheck;
	size_t verdicts[4];         /* by enum sy_verdict, over received reports */
	size_t nparts;
	size_t (*parts)[3];         /* per part: counts by enum sy_status */
	size_t unmatched, ambiguous, unreadable;
	struct sy_summary_report *rows;
	size_t nrows;
	struct sy_summary_unit *units; /* one per roster unit */
	size_t nunits;
	size_t *unit_order;         /* roster indices in pinyin order of their names */
	size_t *row_order;          /* report rows in pinyin order of sy_summary_row_name, the
	                             * earlier years' left out: nlisted of them */
	size_t nlisted;
	const char *office;         /* who signs the 情况通报 (--office, the office setting), or NULL; not owned */
};

/* Builds the summary of batch b (loaded) scored against r. rv[i] is report
 * i's review (rv or any entry may be NULL); roster may be NULL. */
void sy_summary_build(struct sy_summary *s, const struct sy_batch *b, const struct sy_rubric *r,
		      const struct sy_roster *roster, const struct sy_review *const *rv);
/* Frees what s owns. */
void sy_summary_free(struct sy_summary *s);
/* Returns the row of the report that stands for unit u, or NULL (not received). */
const struct sy_summary_report *sy_summary_unit_row(const struct sy_summary *s, size_t u);
/* Returns the name a row goes by: its roster unit, else the unit the report
 * names, else its file name. */
const char *sy_summary_row_name(const struct sy_summary *s, const struct sy_batch *b, size_t row);
/* Returns "reviewed" (SY_REVIEW_DONE), "not_reviewed" (OPEN) or "recheck" (AGAIN). */
const char *sy_review_state_name(enum sy_review_state st);

/* Writes the summary as a spreadsheet (.xlsx): sheet 汇总 (counts, verdicts,
 * parts) and 单位×部分 (every unit, those not received too, then the reports
 * matching none; incomplete parts shaded). Returns 0, or -1 with the reason
 * in err. */
int sy_summary_xlsx(const struct sy_summary *s, const struct sy_batch *b, const struct sy_rubric *r, char **data,
		    size_t *len, char *err, size_t errlen);

/* One output form of the summary: a text writer, or a builder of bytes. */
struct sy_summary_format {
	const char *name;    /* --format NAME */
	const char *help;    /* N_() one line for --help */
	void (*write)(FILE *out, const struct sy_summary *s, const struct sy_batch *b, const struct sy_rubric *r);
	int (*build)(const struct sy_summary *s, const struct sy_batch *b, const struct sy_rubric *r, char **data,
		     size_t *len, char *err, size_t errlen);
};

/* The summary's forms, one row each (text first: the default), ending with
 * a row whose name is NULL. */
extern const struct sy_summary_format sy_summary_formats[];
/* Returns the form called name, or NULL. */
const struct sy_summary_format *sy_summary_format_find(const char *name);

/* Writes the summary for people: counts, progress, parts, lists, matrix. */
void sy_summary_write_text(FILE *out, const struct sy_summary *s, const struct sy_batch *b,
			   const struct sy_rubric *r, bool utf8);
/* Writes the summary as YAML (expected, received, not_received, late,
 * reviewed, verdicts, parts, units, reports...): see the README. */
void sy_summary_write_yaml(FILE *out, const struct sy_summary *s, const struct sy_batch *b,
			   const struct sy_rubric *r);
/* Writes the units × parts matrix as CSV (UTF-8 with BOM), one row per
 * roster unit (not received ones too), then the reports matching none. */
void sy_summary_write_csv(FILE *out, const struct sy_summary *s, const struct sy_batch *b,
			  const struct sy_rubric *r);
/* Writes the draft 情况通报 of the batch as a .docx (the layout of the 审查意见
 * documents): the counts, the units not received, the late ones, the
 * returned ones with their reasons, the parts, and the units × parts table.
 * office (may be NULL) signs it; today dates it. Returns 0, or -1 with the
 * reason in err. */
int sy_summary_docx(const struct sy_summary *s, const struct sy_batch *b, const struct sy_rubric *r,
		    const char *office, const struct sy_date *today, char **data, size_t *len, char *err,
		    size_t errlen);
/* Runs `shenyue summary ARGS` (argv[0] is "summary"). Returns the exit status. */
int sy_cli_summary(int argc, char **argv);

#endif
