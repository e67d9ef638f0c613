/* Undo/redo journal of review changes across the batch. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/undo.h"
#include "shenyue/xalloc.h"

void sy_undo_init(struct sy_undo *u, size_t max)
{
	memset(u, 0, sizeof *u);
	u->max = max ? max : 1000;
}

static void step_free(struct sy_undo_step *st)
{
	for (size_t i = 0; i < st->n; i++) {
		free(st->c[i].key);
		sy_item_free(&st->c[i].before);
		sy_item_free(&st->c[i].after);
	}
	free(st->c);
	free(st->label);
	memset(st, 0, sizeof *st);
}

/* Drops steps [from, n). */
static void undo_truncate(struct sy_undo *u, size_t from)
{
	while (u->n > from)
		step_free(&u->s[--u->n]);
	if (u->pos > u->n)
		u->pos = u->n;
}

void sy_undo_free(struct sy_undo *u)
{
	undo_truncate(u, 0);
	free(u->s);
	memset(u, 0, sizeof *u);
}

/* Drops the oldest step. */
static void undo_drop_oldest(struct sy_undo *u)
{
	step_free(&u->s[0]);
	memmove(&u->s[0], &u->s[1], (u->n - 1) * sizeof *u->s);
	u->n--;
	u->pos--;
}

struct sy_undo_step *sy_undo_begin(struct sy_undo *u, const char *label)
{
	undo_truncate(u, u->pos);
	if (u->n >= u->max)
		undo_drop_oldest(u);
	u->s = xreallocarray(u->s, u->n + 1, sizeof *u->s);
	struct sy_undo_step *st = &u->s[u->n++];
	memset(st, 0, sizeof *st);
	st->label = xstrdup(label ? label : "");
	u->pos = u->n;
	return st;
}

void sy_undo_add(struct sy_undo_step *st, size_t report, const char *key,
		 const struct sy_item *before, const struct sy_item *after)
{
	st->c = xreallocarray(st->c, st->n + 1, sizeof *st->c);
	struct sy_change *c = &st->c[st->n++];
	memset(c, 0, sizeof *c);
	c->report = report;
	c->key = xstrdup(key);
	sy_item_copy(&c->before, before);
	sy_item_copy(&c->after, after);
}

void sy_undo_end(struct sy_undo *u)
{
	if (u->n && u->pos == u->n && u->s[u->n - 1].n == 0) {
		step_free(&u->s[--u->n]);
		u->pos = u->n;
	}
}

const struct sy_undo_step *sy_undo_back(struct sy_undo *u)
{
	return u->pos ? &u->s[--u->pos] : NULL;
}

const struct sy_undo_step *sy_undo_forward(struct sy_undo *u)
{
	return u->pos < u->n ? &u->s[u->pos++] : NULL;
}

bool sy_undo_can_undo(const struct sy_undo *u)
{
	return u->pos > 0;
}

bool sy_undo_can_redo(const struct sy_undo *u)
{
	return u->pos < u->n;
}
