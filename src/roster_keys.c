/* The roster's unit keys indexed by their first bytes: every place a
 * text names a unit is found in one pass over the text, whatever the number
 * of units (a province's roster has thousands; searching each key in turn
 * cost units x keys searches for every line a report has). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/doc.h"
#include "shenyue/hash.h"
#include "shenyue/roster.h"
#include "shenyue/xalloc.h"

/* Keys shorter than SHORT bytes are searched one by one (two ASCII
 * letters); keys of SHORT to MID - 1 bytes are indexed by their first
 * SHORT bytes, keys of MID to LONG - 1 by their first MID, longer ones by
 * their first LONG (hashed): a county's name (9 bytes) alone would put
 * hundreds of units behind one shorter prefix. */
#define SHORT 4
#define MID 8
#define LONG 12

/* A key: its first bytes, its length and its place in unit, key order (ord). */
struct key_entry {
	uint64_t prefix;
	uint32_t ord;
	uint32_t len;
};

/* Keys of one prefix width, sorted by prefix then ord, and a hash of the
 * prefixes: 1 + the first entry with each, 0 empty. */
struct prefix_table {
	unsigned width;
	struct key_entry *e;
	size_t ne;
	uint32_t *slot;
	size_t mask;
};

struct sy_roster_keys {
	struct { uint32_t unit, key; } *ord; /* ord -> the unit and its key */
	size_t nord;
	struct prefix_table tab[3]; /* keys of SHORT.., MID.., LONG or more bytes */
	uint32_t *shorts;       /* ords of the keys shorter than SHORT bytes */
	size_t nshorts;
	struct named { char *sq; int unit; } *names; /* squeezed names and aliases, hashed:
							the first unit of each */
	size_t names_mask;
};

/* The first width bytes of s (it has them), as a number: themselves up to
 * eight, else hashed (entries of two prefixes that hash alike share a
 * bucket; the keys are compared whole anyway). */
static uint64_t prefix_of(const char *s, unsigned width)
{
	uint64_t p = 0;
	if (width > sizeof p)
		return sy_hash64(s, width);
	memcpy(&p, s, width);
	return p;
}

static size_t prefix_slot(uint64_t p, size_t mask)
{
	return (size_t)((p * 0x9E3779B97F4A7C15ull) >> 29) & mask;
}

static int cmp_entry(const void *a, const void *b)
{
	const struct key_entry *x = a, *y = b;
	if (x->prefix != y->prefix)
		return x->prefix < y->prefix ? -1 : 1;
	return (x->ord > y->ord) - (x->ord < y->ord);
}

/* The entry index of the first key with prefix p, or SIZE_MAX. */
static size_t find_prefix(const struct prefix_table *t, uint64_t p)
{
	for (size_t s = prefix_slot(p, t->mask);; s = (s + 1) & t->mask) {
		if (!t->slot[s])
			return SIZE_MAX;
		if (t->e[t->slot[s] - 1].prefix == p)
			return t->slot[s] - 1;
	}
}

/* Which table a key of len bytes is in, or -1 (searched one by one). */
static int table_for(size_t len)
{
	return len >= LONG ? 2 : len >= MID ? 1 : len >= SHORT ? 0 : -1;
}

/* Sorts the table's keys and hashes their prefixes. */
static void table_build(struct prefix_table *t)
{
	qsort(t->e, t->ne, sizeof *t->e, cmp_entry);
	size_t want = sy_hash_slots(t->ne);
	t->mask = want - 1;
	t->slot = xcalloc(want, sizeof *t->slot);
	for (size_t i = 0; i < t->ne; i++) {
		if (i && t->e[i].prefix == t->e[i - 1].prefix)
			continue;
		size_t s = prefix_slot(t->e[i].prefix, t->mask);
		while (t->slot[s])
			s = (s + 1) & t->mask;
		t->slot[s] = (uint32_t)i + 1;
	}
}

/* Adds a hit of key ord (len bytes) at byte at. */
static void hit_add(struct sy_key_hit **h, size_t *n, size_t *cap, uint32_t ord, size_t at, size_t len)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*h = xreallocarray(*h, *cap, sizeof **h);
	}
	(*h)[(*n)++] = (struct sy_key_hit){ ord, at, len };
}

/* Adds the table's keys that begin at byte at of text (len bytes). */
static void table_hits(const struct prefix_table *t, const struct sy_roster *r, const char *text, size_t len,
		       size_t at, struct sy_key_hit **h, size_t *n, size_t *cap)
{
	if (at + t->width > len)
		return;
	uint64_t p = prefix_of(text + at, t->width);
	for (size_t e = find_prefix(t, p); e < t->ne && t->e[e].prefix == p; e++)
		if (t->e[e].len <= len - at && !memcmp(text + at, sy_roster_key(r, t->e[e].ord), t->e[e].len))
			hit_add(h, n, cap, t->e[e].ord, at, t->e[e].len);
}

/* The slot of squeezed name sq in the names hash: its own, or an empty one. */
static size_t name_slot(const struct sy_roster_keys *k, const char *sq)
{
	size_t s = (size_t)sy_hash64(sq, strlen(sq)) & k->names_mask;
	while (k->names[s].sq && strcmp(k->names[s].sq, sq))
		s = (s + 1) & k->names_mask;
	return s;
}

/* Hashes every unit's squeezed name and aliases, the first unit keeping each. */
static void hash_names(struct sy_roster_keys *k, const struct sy_roster *r)
{
	size_t count = 0;
	for (size_t i = 0; i < r->n; i++)
		count += 1 + r->u[i].aliases.n;
	size_t want = sy_hash_slots(count);
	k->names_mask = want - 1;
	k->names = xcalloc(want, sizeof *k->names);
	for (size_t i = 0; i < r->n; i++)
		for (size_t a = 0; a <= r->u[i].aliases.n; a++) {
			char *sq = sy_squeeze(a ? r->u[i].aliases.v[a - 1] : r->u[i].name);
			size_t s = name_slot(k, sq);
			if (k->names[s].sq) {
				free(sq);
				continue;
			}
			k->names[s] = (struct named){ sq, (int)i };
		}
}

void sy_roster_index(struct sy_roster *r)
{
	sy_roster_keys_free(r->index);
	struct sy_roster_keys *k = xcalloc(1, sizeof *k);
	for (size_t i = 0; i < r->n; i++)
		k->nord += r->u[i].keys.n;
	k->ord = xcalloc(k->nord + 1, sizeof *k->ord);
	static const unsigned widths[3] = { SHORT, MID, LONG };
	for (int t = 0; t < 3; t++)
		k->tab[t] = (struct prefix_table){ .width = widths[t], .e = xcalloc(k->nord + 1, sizeof *k->tab[t].e) };
	k->shorts = xcalloc(k->nord + 1, sizeof *k->shorts);
	uint32_t ord = 0;
	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < r->u[i].keys.n; j++, ord++) {
			const char *key = r->u[i].keys.v[j];
			size_t len = strlen(key);
			k->ord[ord].unit = (uint32_t)i;
			k->ord[ord].key = (uint32_t)j;
			int w = table_for(len);
			struct prefix_table *t = w >= 0 ? &k->tab[w] : NULL;
			if (t)
				t->e[t->ne++] = (struct key_entry){ prefix_of(key, t->width), ord, (uint32_t)len };
			else
				k->shorts[k->nshorts++] = ord;
		}
	for (int t = 0; t < 3; t++)
		table_build(&k->tab[t]);
	hash_names(k, r);
	r->index = k;
}

void sy_roster_keys_free(struct sy_roster_keys *k)
{
	if (!k)
		return;
	free(k->ord);
	for (int t = 0; t < 3; t++) {
		free(k->tab[t].e);
		free(k->tab[t].slot);
	}
	free(k->shorts);
	for (size_t s = 0; k->names && s <= k->names_mask; s++)
		free(k->names[s].sq);
	free(k->names);
	free(k);
}

int sy_roster_keys_named(const struct sy_roster *r, const char *sq)
{
	const struct sy_roster_keys *k = r->index;
	size_t s = name_slot(k, sq);
	return k->names[s].sq ? k->names[s].unit : -1;
}

size_t sy_roster_keys_equal(const struct sy_roster *r, const char *s, uint32_t **ords)
{
	const struct sy_roster_keys *k = r->index;
	size_t n = 0, len = strlen(s);
	*ords = NULL;
	int w = table_for(len);
	if (w >= 0) {
		const struct prefix_table *t = &k->tab[w];
		uint64_t p = prefix_of(s, t->width);
		for (size_t e = find_prefix(t, p); e < t->ne && t->e[e].prefix == p; e++)
			if (t->e[e].len == len && !memcmp(sy_roster_key(r, t->e[e].ord), s, len)) {
				*ords = xreallocarray(*ords, n + 1, sizeof **ords);
				(*ords)[n++] = t->e[e].ord;
			}
		return n;
	}
	for (size_t x = 0; x < k->nshorts; x++)
		if (!strcmp(sy_roster_key(r, k->shorts[x]), s)) {
			*ords = xreallocarray(*ords, n + 1, sizeof **ords);
			(*ords)[n++] = k->shorts[x];
		}
	return n;
}

static int cmp_hit(const void *a, const void *b)
{
	const struct sy_key_hit *x = a, *y = b;
	if (x->ord != y->ord)
		return x->ord < y->ord ? -1 : 1;
	return (x->at > y->at) - (x->at < y->at);
}

struct sy_key_hit *sy_roster_keys_find(const struct sy_roster *r, const char *text, size_t *n)
{
	const struct sy_roster_keys *k = r->index;
	struct sy_key_hit *h = NULL;
	size_t cap = 0, len = strlen(text);
	*n = 0;
	for (size_t at = 0; at + SHORT <= len; at++)
		for (int t = 0; t < 3; t++)
			table_hits(&k->tab[t], r, text, len, at, &h, n, &cap);
	for (size_t s = 0; s < k->nshorts; s++) {
		const char *key = sy_roster_key(r, k->shorts[s]);
		size_t kl = strlen(key);
		for (const char *p = text; (p = strstr(p, key)); p++)
			hit_add(&h, n, &cap, k->shorts[s], (size_t)(p - text), kl);
	}
	if (*n > 1)
		qsort(h, *n, sizeof *h, cmp_hit);
	return h;
}

int sy_roster_key_unit(const struct sy_roster *r, uint32_t ord)
{
	return (int)r->index->ord[ord].unit;
}

const char *sy_roster_key(const struct sy_roster *r, uint32_t ord)
{
	return r->u[r->index->ord[ord].unit].keys.v[r->index->ord[ord].key];
}
