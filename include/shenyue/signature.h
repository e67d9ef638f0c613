/* A report's content fingerprint for the duplicate check (内容雷同): made
 * when the report is scored, compared by the cross-check (similar.h). */
#ifndef SHENYUE_SIGNATURE_H
#define SHENYUE_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#include "shenyue/report.h"

#define SY_MINHASH 64

/* A MinHash signature of a report's content (5-character shingles): what
 * the duplicate check keeps of a report once its text is freed. */
struct sy_signature {
	uint32_t h[SY_MINHASH];
	size_t shingles; /* 0 when the report is too short to compare */
};

/* Computes the signature of a loaded report's content lines. */
void sy_signature_make(const struct sy_report *rep, struct sy_signature *sig);
/* Estimated Jaccard similarity of two signatures, 0..1. */
double sy_signature_estimate(const struct sy_signature *a, const struct sy_signature *b);

#endif
