/* Orders of a batch: as given, by unit (pinyin), by score. See shenyue/order.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/collate.h"
#include "shenyue/effective.h"
#include "shenyue/order.h"
#include "shenyue/xalloc.h"

int sy_order_parse(const char *name)
{
	static const char *const names[] = {"path", "unit", "score"};
	for (int i = 0; i < 3; i++)
		if (name && !strcmp(name, names[i]))
			return i;
	return -1;
}

/* One item being ordered: its key (unit text or score) and where it was. */
struct order_item {
	const char *unit;
	long score;
	size_t index;
};

static const char *order_item_unit(const void *elem)
{
	return ((const struct order_item *)elem)->unit;
}

static int order_item_cmp_score(const void *pa, const void *pb)
{
	const struct order_item *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

size_t *sy_order_index(enum sy_order o, size_t n, const struct sy_order_keys *k)
{
	struct order_item *items = xcalloc(n + 1, sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i] = (struct order_item){
			o == SY_ORDER_UNIT ? k->unit(k->ctx, i) : NULL,
			o == SY_ORDER_SCORE ? k->score(k->ctx, i) : 0,
			i,
		};
	if (o == SY_ORDER_UNIT)
		sy_collate_sort(items, n, sizeof *items, order_item_unit);
	else if (o == SY_ORDER_SCORE)
		qsort(items, n, sizeof *items, order_item_cmp_score);
	size_t *idx = xcalloc(n + 1, sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = items[i].index;
	free(items);
	return idx;
}

/* The batch, its reviews and rubric, as sy_order_keys read them. */
struct batch_keys {
	const struct sy_batch *b;
	const struct sy_review *rv;
	const struct sy_rubric *r;
};

static const char *batch_unit(const void *ctx, size_t i)
{
	const struct sy_report *rep = &((const struct batch_keys *)ctx)->b->r[i];
	return rep->error ? NULL : rep->outline.unit;
}

static long batch_score(const void *ctx, size_t i)
{
	const struct batch_keys *k = ctx;
	const struct sy_report *rep = &k->b->r[i];
	return rep->error ? -1 : sy_effective_score(rep, k->rv ? &k->rv[i] : NULL, k->r);
}

size_t *sy_batch_order_index(const struct sy_batch *b, const struct sy_review *rv, enum sy_order o,
			     const struct sy_rubric *r)
{
	struct batch_keys bk = {b, rv, r};
	struct sy_order_keys k = {batch_unit, batch_score, &bk};
	return sy_order_index(o, b->n, &k);
}

void sy_batch_order(struct sy_batch *b, enum sy_order o, const struct sy_rubric *r)
{
	if (o == SY_ORDER_PATH)
		return;
	size_t *idx = sy_batch_order_index(b, NULL, o, r);
	struct sy_report *sorted = xcalloc(b->n + 1, sizeof *sorted);
	for (size_t i = 0; i < b->n; i++)
		sorted[i] = b->r[idx[i]];
	memcpy(b->r, sorted, b->n * sizeof *sorted);
	free(sorted);
	free(idx);
}
