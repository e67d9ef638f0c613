/* The orders a batch of reports is written in by `check` and `export`: as
 * given, by unit in pinyin order, or by score. */
#ifndef SHENYUE_ORDER_H
#define SHENYUE_ORDER_H

#include <stddef.h>

#include "shenyue/report.h"
#include "shenyue/review.h"

enum sy_order { SY_ORDER_PATH, SY_ORDER_UNIT, SY_ORDER_SCORE };

/* Returns the order named "path", "unit" or "score", or -1. */
int sy_order_parse(const char *name);

/* What an order reads of item i of ctx: its issuing unit (NULL when unknown
 * or unreadable) and its score (-1 when unreadable). */
struct sy_order_keys {
	const char *(*unit)(const void *ctx, size_t i);
	long (*score)(const void *ctx, size_t i);
	const void *ctx;
};

/* Returns the n item indices in order o (free it): PATH as given; UNIT by
 * unit in pinyin order (sy_collate), unknown units last; SCORE lowest first,
 * unreadable before all. Stable: ties keep their order. */
size_t *sy_order_index(enum sy_order o, size_t n, const struct sy_order_keys *k);

/* Returns the indices of b's reports in order o (free it); the score is the
 * one that counts (sy_effective_score) with rv[i] as report i's review, or
 * with no reviews when rv is NULL. */
size_t *sy_batch_order_index(const struct sy_batch *b, const struct sy_review *rv, enum sy_order o,
			     const struct sy_rubric *r);

/* Reorders the reports of b in order o, as sy_batch_order_index with no
 * reviews gives it. */
void sy_batch_order(struct sy_batch *b, enum sy_order o, const struct sy_rubric *r);

#endif
