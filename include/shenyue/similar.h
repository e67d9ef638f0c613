/* Near-identical text across reports of different units (内容雷同): their
 * signatures (signature.h) compared across the batch. */
#ifndef SHENYUE_SIMILAR_H
#define SHENYUE_SIMILAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shenyue/report.h"
#include "shenyue/signature.h"

/* An incremental cross-check of a batch, so a UI stays responsive while it
 * runs: begin, then step until it returns true. The batch must not change
 * in between. Findings are added all at once by the last step. */
struct sy_crosscheck;
struct sy_crosscheck_opts;
struct sy_cc_source;
/* Starts a cross-check of the loaded reports of b (their signatures are
 * computed when they are scored): the duplicate check only. */
struct sy_crosscheck *sy_crosscheck_begin(struct sy_batch *b);
/* Starts a cross-check that also compares (compare.h: each unit's report
 * with its earlier one, problems and plan parts across units) when o gives
 * a rubric. */
struct sy_crosscheck *sy_crosscheck_begin_opts(struct sy_batch *b, const struct sy_crosscheck_opts *o);
/* The same on any source of reports (compare.h: struct sy_cc_source, copied;
 * its ctx must outlive the cross-check); o may be NULL. */
struct sy_crosscheck *sy_crosscheck_begin_source(const struct sy_cc_source *src, const struct sy_crosscheck_opts *o);
/* Does one slice of the work (one band of the LSH index, or a slice of the
 * comparisons: a few ms for thousands of reports). Returns true when
 * finished and applied. */
bool sy_crosscheck_step(struct sy_crosscheck *cc);
/* Frees the cross-check; one not finished adds nothing. */
void sy_crosscheck_free(struct sy_crosscheck *cc);
/* Runs a whole cross-check of src (sy_crosscheck_begin_source) at once. */
void sy_crosscheck_source(const struct sy_cc_source *src, const struct sy_crosscheck_opts *o);

/* A report's key in one band of the duplicate check: its rows' hash. */
struct sy_band_key {
	uint64_t h;
	size_t report;
};
/* Orders n keys made in increasing report order by hash, then report
 * (tmp has room for n keys; the keys end in keys). */
void sy_band_keys_sort(struct sy_band_key *keys, size_t n, struct sy_band_key *tmp);

#endif
