/* The roster's unit keys indexed by their first four bytes: every place a
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

/* Keys shorter than this are searched one by one (two ASCII letters). */
#define PREFIX 4

/* A key of PREFIX bytes or more: its first bytes and its place in unit,
 * key order (ord). */
struct key_entry {
	uint32_t prefix;
	uint32_t ord;
};

struct sy_roster_keys {
	struct { uint32_t unit, key; } *ord; /* ord -> the unit and its key */
	size_t nord;
	struct key_entry *e;    /* sorted by prefix, then ord */
	size_t ne;
	uint32_t *slot;         /* hash of prefixes: 1 + the first entry with it, 0 empty */
	size_t mask;
	uint32_t *shorts;       /* ords of the keys shorter than PREFIX bytes */
	size_t nshorts;
	struct named { char *sq; int unit; } *names; /* squeezed names and aliases, hashed:
							the first unit of each */
	size_t names_mask;
};

static uint32_t prefix_of(const char *s)
{
	uint32_t p;
	memcpy(&p, s, sizeof p);
	return p;
}

static size_t prefix_slot(uint32_t p, size_t mask)
{
	return (size_t)((p * 2654435761u) >> 7) & mask;
}

static int cmp_entry(const void *a, const void *b)
{
	const struct key_entry *x = a, *y = b;
	if (x->prefix != y->prefix)
		return x->prefix < y->prefix ? -1 : 1;
	return (x->ord > y->ord) - (x->ord < y->ord);
}

/* The entry index of the first key with prefix p, or SIZE_MAX. */
static size_t find_prefix(const struct sy_roster_keys *k, uint32_t p)
{
	for (size_t s = prefix_slot(p, k->mask);; s = (s + 1) & k->mask) {
		if (!k->slot[s])
			return SIZE_MAX;
		if (k->e[k->slot[s] - 1].prefix == p)
			return k->slot[s] - 1;
	}
}

static void hash_prefixes(struct sy_roster_keys *k)
{
	size_t want = 16;
	while (want < 2 * k->ne + 1)
		want *= 2;
	k->mask = want - 1;
	k->slot = xcalloc(want, sizeof *k->slot);
	for (size_t i = 0; i < k->ne; i++) {
		if (i && k->e[i].prefix == k->e[i - 1].prefix)
			continue;
		size_t s = prefix_slot(k->e[i].prefix, k->mask);
		while (k->slot[s])
			s = (s + 1) & k->mask;
		k->slot[s] = (uint32_t)i + 1;
	}
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
	size_t count = 0, want = 16;
	for (size_t i = 0; i < r->n; i++)
		count += 1 + r->u[i].aliases.n;
	while (want < 2 * count + 1)
		want *= 2;
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
	k->e = xcalloc(k->nord + 1, sizeof *k->e);
	k->shorts = xcalloc(k->nord + 1, sizeof *k->shorts);
	uint32_t ord = 0;
	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < r->u[i].keys.n; j++, ord++) {
			const char *key = r->u[i].keys.v[j];
			k->ord[ord].unit = (uint32_t)i;
			k->ord[ord].key = (uint32_t)j;
			if (strlen(key) >= PREFIX)
				k->e[k->ne++] = (struct key_entry){ prefix_of(key), ord };
			else
				k->shorts[k->nshorts++] = ord;
		}
	qsort(k->e, k->ne, sizeof *k->e, cmp_entry);
	hash_prefixes(k);
	hash_names(k, r);
	r->index = k;
}

void sy_roster_keys_free(struct sy_roster_keys *k)
{
	if (!k)
		return;
	free(k->ord);
	free(k->e);
	free(k->slot);
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
	if (len >= PREFIX) {
		uint32_t p = prefix_of(s);
		for (size_t e = find_prefix(k, p); e < k->ne && k->e[e].prefix == p; e++)
			if (!strcmp(sy_roster_key(r, k->e[e].ord), s)) {
				*ords = xreallocarray(*ords, n + 1, sizeof **ords);
				(*ords)[n++] = k->e[e].ord;
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

/* Adds a hit of key ord at byte at. */
static void hit_add(struct sy_key_hit **h, size_t *n, size_t *cap, uint32_t ord, size_t at)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*h = xreallocarray(*h, *cap, sizeof **h);
	}
	(*h)[(*n)++] = (struct sy_key_hit){ ord, at };
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
	for (size_t at = 0; at + PREFIX <= len; at++) {
		uint32_t p = prefix_of(text + at);
		for (size_t e = find_prefix(k, p); e < k->ne && k->e[e].prefix == p; e++) {
			const char *key = sy_roster_key(r, k->e[e].ord);
			size_t kl = strlen(key);
			if (kl <= len - at && !memcmp(text + at, key, kl))
				hit_add(&h, n, &cap, k->e[e].ord, at);
		}
	}
	for (size_t s = 0; s < k->nshorts; s++) {
		const char *key = sy_roster_key(r, k->shorts[s]);
		for (const char *p = text; (p = strstr(p, key)); p++)
			hit_add(&h, n, &cap, k->shorts[s], (size_t)(p - text));
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
