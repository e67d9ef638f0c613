/* Undo and redo across the batch: a journal of change sets. Each change says
 * which report, which item key, and the item before and after. A step may
 * span several reports (a verdict applied to every tagged report). Pure data:
 * the caller applies a step and saves (see desk.h). */
#ifndef SHENYUE_UNDO_H
#define SHENYUE_UNDO_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/review.h"

struct sy_change {
	size_t report;         /* index of the report in the batch */
	char *key;
	struct sy_item before; /* no value: the item did not exist */
	struct sy_item after;
};

struct sy_undo_step {
	char *label;           /* what the step did, for the status bar */
	struct sy_change *c;
	size_t n;
};

struct sy_undo {
	struct sy_undo_step *s;
	size_t n;              /* steps recorded */
	size_t pos;            /* steps [0, pos) can be undone, [pos, n) redone */
	size_t max;            /* oldest steps are dropped past this many */
};

/* Starts an empty journal keeping at most max steps (0: 1000). */
void sy_undo_init(struct sy_undo *u, size_t max);
/* Frees the journal. */
void sy_undo_free(struct sy_undo *u);
/* Starts a new step (drops whatever could be redone); returns it to fill. */
struct sy_undo_step *sy_undo_begin(struct sy_undo *u, const char *label);
/* Adds a change to step st (copies key and both items; NULL means absent). */
void sy_undo_add(struct sy_undo_step *st, size_t report, const char *key,
		 const struct sy_item *before, const struct sy_item *after);
/* Removes the last step if it holds no change (a no-op action). */
void sy_undo_end(struct sy_undo *u);
/* Returns the step to revert and moves back, or NULL when nothing to undo. */
const struct sy_undo_step *sy_undo_back(struct sy_undo *u);
/* Returns the step to apply again and moves forward, or NULL. */
const struct sy_undo_step *sy_undo_forward(struct sy_undo *u);
/* True when a step can be undone. */
bool sy_undo_can_undo(const struct sy_undo *u);
/* True when a step can be redone. */
bool sy_undo_can_redo(const struct sy_undo *u);

#endif
