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

static const char *order_unit_of(const void *elem)
{
	const struct sy_report *rep = elem;
	return rep->error ? NULL : rep->outline.unit;
}

struct order_item {
	long key;
	size_t index;
};

static int order_item_cmp(const void *pa, const void *pb)
{
	const struct order_item *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

/* Lowest score first, unreadable (-1) before all, ties as given. */
static void order_by_score(struct sy_batch *b, const struct sy_rubric *r)
{
	struct order_item *items = xcalloc(b->n ? b->n : 1, sizeof *items);
	for (size_t i = 0; i < b->n; i++)
		items[i] = (struct order_item){b->r[i].error ? -1 : sy_effective_score(&b->r[i], NULL, r), i};
	qsort(items, b->n, sizeof *items, order_item_cmp);
	struct sy_report *sorted = xcalloc(b->n ? b->n : 1, sizeof *sorted);
	for (size_t i = 0; i < b->n; i++)
		sorted[i] = b->r[items[i].index];
	memcpy(b->r, sorted, b->n * sizeof *sorted);
	free(sorted);
	free(items);
}

void sy_batch_order(struct sy_batch *b, enum sy_order o, const struct sy_rubric *r)
{
	if (o == SY_ORDER_UNIT)
		sy_collate_sort(b->r, b->n, sizeof *b->r, order_unit_of);
	else if (o == SY_ORDER_SCORE)
		order_by_score(b, r);
}
