/* Near-identical text across reports of different units (内容雷同). */
#ifndef SHENYUE_SIMILAR_H
#define SHENYUE_SIMILAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shenyue/report.h"

#define SY_MINHASH 64
#define SY_PART_MINHASH 32

/* The MinHash signature of one part's text (the shingles that start in it),
 * for telling a part copied from another report (issue 11). b-bit MinHash:
 * the low 16 bits of each bin's minimum (0xFFFF: no shingle in the bin),
 * 68 bytes a part, so 200,000 reports keep them in little memory. */
struct sy_part_signature {
	uint16_t h[SY_PART_MINHASH];
	uint32_t shingles; /* 0 when the part is missing or has no text */
};

/* A MinHash signature of a report's content (5-character shingles): what
 * the cross-report checks keep of a report once its text is freed. */
struct sy_signature {
	uint32_t h[SY_MINHASH];
	size_t shingles; /* 0 when the report is too short to compare */
	struct sy_part_signature *parts; /* one per rubric part, as score.parts */
	size_t nparts;
};

/* Computes the signature of a loaded, scored report's content lines, and of
 * each part's. sig starts zeroed (or holds an earlier signature, replaced). */
void sy_similar_signature(const struct sy_report *rep, struct sy_signature *sig);
/* Frees the per-part signatures (the struct itself is the caller's). */
void sy_signature_free(struct sy_signature *sig);
/* Estimated Jaccard similarity of two parts' texts, 0..1. */
double sy_similar_estimate_part(const struct sy_part_signature *a, const struct sy_part_signature *b);
/* Estimated Jaccard similarity of two signatures, 0..1. */
double sy_similar_estimate(const struct sy_signature *a, const struct sy_signature *b);

/* An incremental cross-check of a batch, so a UI stays responsive while it
 * runs: begin, then step until it returns true. The batch must not change
 * in between. Findings are added all at once by the last step. */
struct sy_crosscheck;
struct sy_crosscheck_opts;
/* Starts a cross-check of the loaded reports of b (their signatures are
 * computed when they are scored): the duplicate check only. */
struct sy_crosscheck *sy_crosscheck_begin(struct sy_batch *b);
/* Starts a cross-check that also compares (compare.h: each unit's report
 * with its earlier one, problems and plan parts across units) when o gives
 * a rubric. */
struct sy_crosscheck *sy_crosscheck_begin_opts(struct sy_batch *b, const struct sy_crosscheck_opts *o);
/* Does one slice of the work (one band of the LSH index, or a slice of the
 * comparisons: a few ms for thousands of reports). Returns true when
 * finished and applied. */
bool sy_crosscheck_step(struct sy_crosscheck *cc);
/* Frees the cross-check; one not finished adds nothing. */
void sy_crosscheck_free(struct sy_crosscheck *cc);

/* What a cross-check reads of each of n reports, when they are not a batch
 * in memory (the streaming check keeps only these): its signature (NULL
 * when unread), its unit (NULL unknown) and its path. */
struct sy_dup_source {
	size_t n;
	const struct sy_signature *(*sig)(void *ctx, size_t i);
	const char *(*unit)(void *ctx, size_t i);
	const char *(*path)(void *ctx, size_t i);
	void *ctx;
};
/* Starts a cross-check of such reports; its last step adds nothing to any
 * report: ask sy_crosscheck_add_findings for each. */
struct sy_crosscheck *sy_crosscheck_begin_source(const struct sy_dup_source *src);
/* Adds report i's duplicate findings, once the cross-check is finished. */
void sy_crosscheck_add_findings(const struct sy_crosscheck *cc, size_t i, struct sy_score *s);
/* The number of duplicate findings report i gets. */
size_t sy_crosscheck_count(const struct sy_crosscheck *cc, size_t i);

#endif
