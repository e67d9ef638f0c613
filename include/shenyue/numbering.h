/* Numbering faults, as 公文 proofreaders flag them (GB/T 9704-2012 sets the
 * level order 一、 → （一） → 1. → （1））: a number skipped or repeated, a
 * level out of that order, marker styles mixed at one level, brackets that
 * do not pair. */
#ifndef SHENYUE_NUMBERING_H
#define SHENYUE_NUMBERING_H

#include "shenyue/outline.h"
#include "shenyue/score.h"

/* Adds numbering-gap, numbering-repeat, numbering-mixed, numbering-bracket,
 * numbering-order (warnings) and numbering-level (information) findings for
 * the headings of the outline. */
void sy_numbering_check(struct sy_score *s, const struct sy_outline *o);

#endif
