/* Line-level checks of the text itself: conversion debris, web chrome,
 * template placeholders, sentences broken by blank lines, spaced numbers. */
#ifndef SHENYUE_DEBRIS_H
#define SHENYUE_DEBRIS_H

#include <stdbool.h>

#include "shenyue/doc.h"
#include "shenyue/outline.h"
#include "shenyue/rubric.h"
#include "shenyue/score.h"

/* Adds debris, web-chrome, placeholder, broken-sentence and spaced-number findings. */
void sy_debris_scan(struct sy_score *s, const struct sy_doc *d, const struct sy_outline *o,
		    const struct sy_rubric *r);

#endif
