/* A report as the rest of the program sees it: decoded, outlined and scored;
 * and the batch of reports named on the command line. */
#ifndef SHENYUE_REPORT_H
#define SHENYUE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "shenyue/doc.h"
#include "shenyue/outline.h"
#include "shenyue/rubric.h"
#include "shenyue/score.h"

struct sy_signature;
struct sy_textprint;
struct sy_crosscheck_opts;
struct sy_buf;

struct sy_report {
	char *path;          /* as given, or folder/name */
	char *error;         /* why it could not be read, or NULL */
	struct sy_doc doc;
	struct sy_outline outline;
	struct sy_score score;
	bool loaded;         /* load was attempted (error or not) */
	struct sy_signature *sig; /* content fingerprint for the duplicate check */
	struct sy_textprint *print; /* sentences, plan items... for the comparisons (compare.h) */
	bool has_previous;   /* the comparisons linked it to its unit's earlier report: */
	size_t previous;     /* ... this batch index */
	char *title_block;   /* kept by sy_report_compact: see sy_report_title_block */
	uint64_t print_at;   /* where a caller that keeps prints out of memory put this */
	size_t print_len;    /* ... report's packed print while print is NULL (0: none) */
};

struct sy_batch {
	struct sy_report *r;
	size_t n;
	struct sy_strlist errors; /* path problems met while expanding (no such file...) */
};

/* Loads, outlines and scores one file. Always fills rep; on failure rep->error
 * names the reason and the function returns -1. */
int sy_report_load(struct sy_report *rep, const char *path, const struct sy_rubric *r);
/* Scores already decoded text (used by tests and the fuzzer). */
void sy_report_from_doc(struct sy_report *rep, const struct sy_rubric *r);
/* Frees what the report owns. */
void sy_report_free(struct sy_report *rep);
/* Lets the report's text go once it is scored and signed: its lines, their
 * outline and headings. What the results say stays (parts with heading
 * texts and evidence, findings, unit, year, title, date, hash, encoding,
 * signature, print, the title block and the publication date the text
 * states); doc.nlines, outline.nh and the like become 0. Test "readable"
 * with loaded && !error, never with doc.lines. sy_report_read_text reads
 * the text again. */
void sy_report_compact(struct sy_report *rep);
/* Reads the text of a compacted report again (decoded and outlined as when
 * it was scored; the results are kept). Returns 0 when the report has its
 * text, -1 when it has none to have: unread, unreadable, or the file no
 * longer holds what was scored (the report is then left as it was). */
int sy_report_read_text(struct sy_report *rep, const struct sy_rubric *r);

/* A report's text read again away from the report (sy_report_text_read),
 * for sy_report_text_take to hand over: a caller may read it on another
 * thread while the report stays in use. */
struct sy_report_text {
	struct sy_doc doc;
	struct sy_outline outline;
	bool ok;             /* read, and the file holds what was scored */
};
/* Reads the file at path again (decoded and outlined) into t when it still
 * holds the content hashed `hash`: 0; else -1 (t holds nothing). Touches
 * no report: any thread may run it. */
int sy_report_text_read(struct sy_report_text *t, const char *path, uint64_t hash, const struct sy_rubric *r);
/* Gives rep the text t holds when rep is readable, lacks its text and was
 * scored on the same content: 0; else -1 (rep as it was). t is emptied. */
int sy_report_text_take(struct sy_report *rep, struct sy_report_text *t);
/* Frees what t holds (t is then empty). */
void sy_report_text_free(struct sy_report_text *t);
/* The title block as the roster matches units in it: the unit and title
 * lines (squeezed) and the title, each followed by '|'. Newly allocated;
 * also once the report has let its text go. */
char *sy_report_title_block(const struct sy_report *rep);
/* Appends the report's results (not its text, outline or signature) to out
 * as bytes that sy_report_unpack turns back into the report (compacted) in
 * this same process. */
void sy_report_pack(const struct sy_report *rep, struct sy_buf *out);
/* Fills rep from a record of sy_report_pack. Returns 0, or -1 (rep empty)
 * when the bytes are not such a record. */
int sy_report_unpack(struct sy_report *rep, const void *buf, size_t len);
/* Appends n findings to out as bytes sy_findings_unpack reads back (in this
 * same process). */
void sy_findings_pack(const struct sy_finding *f, size_t n, struct sy_buf *out);
/* Appends the findings packed in [buf, buf + len) to s. Returns 0, or -1
 * (s unchanged) when the bytes are not such a record. */
int sy_findings_unpack(struct sy_score *s, const void *buf, size_t len);
/* Worst status among the rubric's required parts. */
enum sy_status sy_report_worst(const struct sy_report *rep, const struct sy_rubric *r);

/* Expands the paths (files, or folders of report files of any format a reader
 * takes, sorted by name, then the files of their subfolders named after a
 * year: reports/2023/, reports/2024/) into the batch,
 * without loading anything. Problems are kept in b->errors. */
void sy_batch_expand(struct sy_batch *b, char *const *paths, size_t npaths);
/* The same expansion into a list of file paths only (a batch too big to
 * hold as reports). Problems are added to errors. */
void sy_paths_expand(struct sy_strlist *files, struct sy_strlist *errors, char *const *paths, size_t npaths);
/* True for the files shenyue itself writes beside the reports (审查意见-*,
 * 情况通报-*): never reports of the batch. */
bool sy_batch_is_own_output(const char *name);
/* True when a folder of the batch picks up the file called name: a kind a
 * reader reads (sy_reader_wants_name) and not one of shenyue's own outputs. */
bool sy_batch_wants_name(const char *name);
/* Loads every report of the batch not loaded yet, on one thread per core. */
void sy_batch_load_all(struct sy_batch *b, const struct sy_rubric *r);
/* The same on 'jobs' threads (0: one per core), drawing a progress line on
 * progress when it is a terminal (NULL: none). */
void sy_batch_load(struct sy_batch *b, const struct sy_rubric *r, int jobs, FILE *progress);
/* Adds findings that need the whole batch (near-identical text across units),
 * replacing those of an earlier call. See similar.h to do it in slices. */
void sy_batch_crosscheck(struct sy_batch *b);
/* The same, and with a rubric in o the comparisons of compare.h (last
 * year's report, parts copied across units). */
void sy_batch_crosscheck_opts(struct sy_batch *b, const struct sy_crosscheck_opts *o);
/* Frees the batch. */
void sy_batch_free(struct sy_batch *b);

#endif
