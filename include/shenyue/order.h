/* The orders a batch of reports is written in by `check` and `export`: as
 * given, by unit in pinyin order, or by score. */
#ifndef SHENYUE_ORDER_H
#define SHENYUE_ORDER_H

#include "shenyue/report.h"

enum sy_order { SY_ORDER_PATH, SY_ORDER_UNIT, SY_ORDER_SCORE };

/* Returns the order named "path", "unit" or "score", or -1. */
int sy_order_parse(const char *name);

/* Reorders the reports of b, stably: PATH leaves them as given (folders in
 * file-name order); UNIT by issuing unit in pinyin order (sy_collate), the
 * reports whose unit is unknown or that could not be read last; SCORE
 * lowest detected score first, unreadable reports before all. */
void sy_batch_order(struct sy_batch *b, enum sy_order o, const struct sy_rubric *r);

#endif
