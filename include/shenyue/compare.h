/* Comparing reports with each other beyond the whole-report duplicate check
 * (similar.h): a unit's report with its report of an earlier year, and the
 * problems and plan parts of different units.
 *
 * Years and units. A report's year is the year its folder is named after
 * (2023/, 2023年/), else the year it states. Reports are linked across
 * years by unit: the roster unit it matches (hand assignments included) when
 * there is a roster, else the unit it names (compared core to core:
 * sy_unit_core), else its file name without figures (2023年云溪镇.txt and
 * 2024年云溪镇.txt). Each report is paired with the latest earlier report of
 * its unit, and gets:
 *   same-as-last-year   SY_SAME_SHARE of its sentences are near-same
 *                       (sentence.h) to sentences of that report (at least
 *                       SY_SAME_MIN sentences);
 *   repeated-shortfall  a sentence of its problems part (not one about
 *                       causes or rectification, not a lead 主要表现在：)
 *                       near-same to one of the earlier problems part, with
 *                       the lines of both;
 *   plan-not-followed   (info) an item of the earlier plan whose title words
 *                       (generic words taken out: rubric generic_words) do
 *                       not reach SY_PLAN_TAKEN of this year's work parts;
 *   and its rectification finding (rectification-missing) names the earlier
 *   report's problems.
 *
 * Copied parts. A problems or plan part is compared with the same part of
 * every other unit's report that shares a sentence, a clause or a sketch band
 * with it. Text that the reports of many units share is boilerplate (the
 * national rule quoted, slogans) and does not count: a sentence or clause
 * found in the reports of SY_BOILERPLATE_UNITS units or more (or of 1% of
 * the units of a larger batch). A part whose counted text is SY_COPIED_SHARE
 * or more near-same to the other's (at least SY_COPIED_MIN characters)
 * gets copied-part, naming the other unit and the lines in both.
 *
 * It runs in slices inside the cross-check (similar.h); no curses, no I/O. */
#ifndef SHENYUE_COMPARE_H
#define SHENYUE_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/report.h"
#include "shenyue/review.h"
#include "shenyue/roster.h"
#include "shenyue/rubric.h"

#define SY_SAME_SHARE 0.70
#define SY_SAME_MIN 10
#define SY_PLAN_TAKEN 0.5
#define SY_BOILERPLATE_UNITS 3
#define SY_COPIED_SHARE 0.6
#define SY_COPIED_MIN 40

/* What the cross-check knows beyond the batch. */
struct sy_crosscheck_opts {
	const struct sy_rubric *rubric; /* required for the comparisons: parts and their roles */
	const struct sy_roster *roster; /* NULL: link by the unit named, then the file name */
	/* The review of report i, for its hand-assigned unit (NULL: none). */
	const struct sy_review *(*review)(void *ctx, size_t i);
	void *ctx;
	/* The print of report i, newly made (freed with sy_textprint_free), or
	 * NULL when it has none: for reports that keep their prints elsewhere
	 * (check's spool). NULL: the reports' own (rep->print). */
	struct sy_textprint *(*print)(void *print_ctx, size_t i);
	void *print_ctx;
	/* Reports whose postings (what their parts hold, to find copies
	 * across units) are sorted at once; a bigger batch spreads them over
	 * temporary files so memory stays flat. 0: 4096. */
	size_t spill_reports;
	/* When set, report i's duplicate findings (similar.h) are handed to it in
	 * dups, and freed once it returns, instead of being added to its score
	 * (its earlier duplicate findings are dropped all the same): for a
	 * caller that keeps them elsewhere. */
	void (*duplicates)(void *dup_ctx, size_t i, const struct sy_score *dups);
	void *dup_ctx;
	/* Threads the duplicate check compares signatures on (its findings do
	 * not depend on it). 0: one per core. */
	int threads;
};

/* What the cross-check reads of the reports it checks, and where it puts
 * what it finds: a batch's reports (sy_batch_source), or a caller's own
 * records (check's stream keeps a few dozen bytes a report, no struct
 * sy_report). Every callback gets ctx and a report's index below n. */
struct sy_cc_source {
	size_t n;
	void *ctx;
	/* True when report i was read and scored (loaded, no error). */
	bool (*readable)(void *ctx, size_t i);
	/* Its path, as given or folder/name. */
	const char *(*path)(void *ctx, size_t i);
	/* The unit it names (outline.unit), or NULL. */
	const char *(*unit)(void *ctx, size_t i);
	/* The year it states (outline.year), 0 when none. */
	int (*year)(void *ctx, size_t i);
	/* Its signature (similar.h), or NULL when it has none. */
	const struct sy_signature *(*sig)(void *ctx, size_t i);
	/* Its print when the report keeps it (NULL: none); o.print, when
	 * set, is asked instead. */
	const struct sy_textprint *(*print)(void *ctx, size_t i);
	/* How o->roster (never NULL here) matches readable report i. */
	void (*roster_match)(void *ctx, size_t i, const struct sy_crosscheck_opts *o, struct sy_match *m);
	/* Its findings: the cross-check drops its own earlier ones (unless
	 * fresh), adds new ones and rewrites the rectification finding. */
	struct sy_score *(*score)(void *ctx, size_t i);
	/* Tells the earlier report of its unit (-1: none) once compared;
	 * NULL: not kept. */
	void (*previous)(void *ctx, size_t i, long prev);
	/* The reports there are now: a batch that shrinks under a cross-check
	 * run in slices stops it, nothing more added. NULL: always n. */
	size_t (*now)(void *ctx);
	/* No report holds findings of an earlier cross-check: none dropped,
	 * and score is asked only of reports that get findings. */
	bool fresh;
};

/* The source of the batch's reports (they are read through b). */
void sy_batch_source(struct sy_batch *b, struct sy_cc_source *src);

/* True when the cross-check may drop or rewrite a finding with this id of a
 * report with this print (NULL: none): what must stay with the report while
 * the cross-check runs. */
bool sy_compare_touches(const char *id, const struct sy_textprint *tp);

/* A report's year: its folder's name (2023, 2023年, 2023年度), else the year
 * the report states; 0 when neither. */
int sy_compare_year(const struct sy_report *rep);
/* The year a folder or file path's parent folder is named after, or 0. */
int sy_compare_folder_year(const char *path);
/* The file name of path as it links reports: no folder, no extension, no
 * figures, no punctuation ("2024年云溪镇.txt" → "年云溪镇"); newly allocated. */
char *sy_compare_file_key(const char *path);

/* The comparisons of a batch, in slices (similar.h drives them). */
struct sy_compare;
/* Starts comparing the readable reports of src (copied; its ctx must
 * outlive the comparisons). */
struct sy_compare *sy_compare_begin(const struct sy_cc_source *src, const struct sy_crosscheck_opts *o);
/* One slice; true when finished and the findings are in. */
bool sy_compare_step(struct sy_compare *c);
/* Frees it; one not finished adds nothing. */
void sy_compare_free(struct sy_compare *c);

/* True once the first slice has run, when reports i and j are one unit's. */
bool sy_compare_same_unit(const struct sy_compare *c, size_t i, size_t j);
/* The earlier report of report i's unit, as the last finished comparison
 * of the batch found it: a batch index, or -1. */
long sy_compare_previous(const struct sy_batch *b, size_t i);

#endif
