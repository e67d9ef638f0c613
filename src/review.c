/* The review of one report in memory: items, typed getters, three-way merge. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shenyue/doc.h"
#include "shenyue/hash.h"
#include "shenyue/review.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"

static const char *const verdict_names[] = {"none", "accept", "return", "pending"};
static const char *const verdict_labels[] = {"未定", "通过", "退回修改", "待定"};

const char *sy_verdict_name(enum sy_verdict v)
{
	return (unsigned)v < 4 ? verdict_names[v] : "none";
}

const char *sy_verdict_label(enum sy_verdict v)
{
	return (unsigned)v < 4 ? verdict_labels[v] : verdict_labels[0];
}

int sy_verdict_parse(const char *s)
{
	for (int i = 0; s && i < 4; i++)
		if (!strcmp(s, verdict_names[i]) || !strcmp(s, verdict_labels[i]))
			return i;
	return -1;
}

void sy_item_free(struct sy_item *it)
{
	free(it->key);
	free(it->value);
	free(it->reason);
	free(it->by);
	free(it->at);
	memset(it, 0, sizeof *it);
}

void sy_item_copy(struct sy_item *dst, const struct sy_item *src)
{
	sy_item_free(dst);
	if (!src)
		return;
	dst->key = xstrdup(src->key);
	dst->value = xstrdup(src->value);
	dst->reason = xstrdup(src->reason);
	dst->by = xstrdup(src->by);
	dst->at = xstrdup(src->at);
}

static bool str_same(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && !strcmp(a, b);
}

static bool item_exists(const struct sy_item *it)
{
	return it && it->value && *it->value;
}

bool sy_item_same(const struct sy_item *a, const struct sy_item *b)
{
	if (!item_exists(a) || !item_exists(b))
		return item_exists(a) == item_exists(b);
	return str_same(a->value, b->value) && str_same(a->reason, b->reason);
}

void sy_review_init(struct sy_review *rv, const char *report)
{
	sy_review_free(rv);
	rv->report = xstrdup(report);
}

void sy_review_free(struct sy_review *rv)
{
	for (size_t i = 0; i < rv->nitems; i++)
		sy_item_free(&rv->items[i]);
	free(rv->items);
	free(rv->report);
	memset(rv, 0, sizeof *rv);
}

void sy_review_copy(struct sy_review *dst, const struct sy_review *src)
{
	if (dst == src)
		return;
	sy_review_free(dst);
	dst->report = xstrdup(src->report);
	dst->items = xcalloc(src->nitems, sizeof *dst->items);
	for (size_t i = 0; i < src->nitems; i++)
		sy_item_copy(&dst->items[i], &src->items[i]);
	dst->nitems = src->nitems;
}

bool sy_review_equal(const struct sy_review *a, const struct sy_review *b)
{
	if (a->nitems != b->nitems)
		return false;
	for (size_t i = 0; i < a->nitems; i++)
		if (strcmp(a->items[i].key, b->items[i].key) || !sy_item_same(&a->items[i], &b->items[i]))
			return false;
	return true;
}

/* Index of key, or of where it would be inserted (*found says which). */
static size_t review_find(const struct sy_review *rv, const char *key, bool *found)
{
	size_t lo = 0, hi = rv->nitems;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(rv->items[mid].key, key);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

const struct sy_item *sy_review_get(const struct sy_review *rv, const char *key)
{
	bool found;
	size_t i = review_find(rv, key, &found);
	return found ? &rv->items[i] : NULL;
}

static void review_remove(struct sy_review *rv, size_t i)
{
	sy_item_free(&rv->items[i]);
	memmove(&rv->items[i], &rv->items[i + 1], (rv->nitems - i - 1) * sizeof *rv->items);
	rv->nitems--;
}

void sy_review_put(struct sy_review *rv, const char *key, const char *value, const char *reason,
		   const char *by, const char *at)
{
	bool found;
	size_t i = review_find(rv, key, &found);
	if (!value || !*value) {
		if (found)
			review_remove(rv, i);
		return;
	}
	if (!found) {
		rv->items = xreallocarray(rv->items, rv->nitems + 1, sizeof *rv->items);
		memmove(&rv->items[i + 1], &rv->items[i], (rv->nitems - i) * sizeof *rv->items);
		memset(&rv->items[i], 0, sizeof rv->items[i]);
		rv->nitems++;
	}
	struct sy_item it = {
		.key = xstrdup(key),
		.value = xstrdup(value),
		.reason = reason && *reason ? xstrdup(reason) : NULL,
		.by = xstrdup(by),
		.at = xstrdup(at),
	};
	sy_item_free(&rv->items[i]);
	rv->items[i] = it;
}

void sy_review_put_item(struct sy_review *rv, const char *key, const struct sy_item *it)
{
	if (!it)
		sy_review_put(rv, key, NULL, NULL, NULL, NULL);
	else
		sy_review_put(rv, key, it->value, it->reason, it->by, it->at);
}

char *sy_key_override(const char *part)
{
	return xasprintf("override/%s", part);
}

char *sy_key_note(const struct sy_note_target *t)
{
	switch (t->on) {
	case SY_NOTE_PART:
		return xasprintf("note/part/%s", t->part ? t->part : "");
	case SY_NOTE_FINDING:
		return xasprintf("note/finding/%s/%ld", t->finding ? t->finding : "", t->line);
	case SY_NOTE_REPORT:
	default:
		return xstrdup("note/report");
	}
}

static int parse_finding_key(const char *rest, char **finding, long *line)
{
	const char *slash = strrchr(rest, '/');
	if (!slash || slash == rest)
		return -1;
	char *end;
	long l = strtol(slash + 1, &end, 10);
	if (!slash[1] || *end || l < 0)
		return -1;
	*finding = xstrndup(rest, (size_t)(slash - rest));
	*line = l;
	return 0;
}

int sy_key_note_parse(const char *key, enum sy_note_on *on, char **part, char **finding, long *line)
{
	*part = *finding = NULL;
	*line = 0;
	if (!strcmp(key, "note/report")) {
		*on = SY_NOTE_REPORT;
		return 0;
	}
	if (!strncmp(key, "note/part/", 10) && key[10]) {
		*on = SY_NOTE_PART;
		*part = xstrdup(key + 10);
		return 0;
	}
	if (!strncmp(key, "note/finding/", 13)) {
		*on = SY_NOTE_FINDING;
		return parse_finding_key(key + 13, finding, line);
	}
	return -1;
}

enum sy_verdict sy_review_verdict(const struct sy_review *rv)
{
	const struct sy_item *it = sy_review_get(rv, SY_KEY_VERDICT);
	int v = it ? sy_verdict_parse(it->value) : -1;
	return v < 0 ? SY_VERDICT_NONE : (enum sy_verdict)v;
}

const char *sy_review_waiver(const struct sy_review *rv)
{
	const struct sy_item *it = sy_review_get(rv, SY_KEY_VERDICT);
	return it ? it->reason : NULL;
}

int sy_review_override(const struct sy_review *rv, const char *part, const char **reason)
{
	/* asked for every part of every report as the status bar counts the
	 * incomplete ones: most reviews hold nothing, and no key need be made */
	const struct sy_item *it = NULL;
	if (rv->nitems) {
		char *key = sy_key_override(part);
		it = sy_review_get(rv, key);
		free(key);
	}
	if (reason)
		*reason = it ? it->reason : NULL;
	return it ? sy_status_parse(it->value) : -1;
}

const char *sy_review_note(const struct sy_review *rv, const struct sy_note_target *t)
{
	char *key = sy_key_note(t);
	const struct sy_item *it = sy_review_get(rv, key);
	free(key);
	return it ? it->value : NULL;
}

bool sy_review_has_notes(const struct sy_review *rv)
{
	for (size_t i = 0; i < rv->nitems; i++)
		if (!strncmp(rv->items[i].key, "note/", 5))
			return true;
	return false;
}

size_t sy_review_nconflicts(const struct sy_review *rv)
{
	size_t n = 0;
	for (size_t i = 0; i < rv->nitems; i++)
		n += !strncmp(rv->items[i].key, SY_KEY_CONFLICT, strlen(SY_KEY_CONFLICT));
	return n;
}

void sy_hash_format(uint64_t hash, char *buf, size_t len)
{
	snprintf(buf, len, "fnv1a64:%016" PRIx64, hash);
}

int sy_hash_parse(const char *s, uint64_t *hash)
{
	if (!s || strncmp(s, "fnv1a64:", 8) || !s[8])
		return -1;
	char *end;
	unsigned long long v = strtoull(s + 8, &end, 16);
	if (*end || strlen(s + 8) > 16)
		return -1;
	*hash = (uint64_t)v;
	return 0;
}

bool sy_review_changed(const struct sy_review *rv, uint64_t hash)
{
	const struct sy_item *it = sy_review_get(rv, SY_KEY_SEEN);
	uint64_t seen;
	return it && sy_hash_parse(it->value, &seen) == 0 && seen != hash;
}

void sy_time_now(char *buf, size_t len)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- merge ---- */

static bool is_conflict_key(const char *key)
{
	return !strncmp(key, SY_KEY_CONFLICT, strlen(SY_KEY_CONFLICT));
}

char *sy_conflict_target(const char *key)
{
	if (!is_conflict_key(key))
		return NULL;
	const char *start = key + strlen(SY_KEY_CONFLICT);
	const char *hash = strrchr(start, '#');
	return hash ? xstrndup(start, (size_t)(hash - start)) : NULL;
}

bool sy_review_add_conflict(struct sy_review *rv, const char *key, const char *value,
			    const char *reason, const char *by, const char *at)
{
	if (!value || !*value)
		value = SY_CONFLICT_REMOVED;
	struct sy_buf b = {0};
	sy_buf_puts(&b, value);
	sy_buf_add(&b, "", 1);
	sy_buf_puts(&b, reason ? reason : "");
	uint32_t h = (uint32_t)sy_hash64(b.data, b.len);
	sy_buf_free(&b);
	char *ckey = xasprintf("%s%s#%08" PRIx32, SY_KEY_CONFLICT, key, h);
	bool added = !sy_review_get(rv, ckey);
	if (added)
		sy_review_put(rv, ckey, value, reason, by, at);
	free(ckey);
	return added;
}

/* Collects the union of keys of the three reviews, sorted, no duplicates. */
static char **merge_keys(const struct sy_review *const rv[3], size_t *n)
{
	size_t cap = rv[0]->nitems + rv[1]->nitems + rv[2]->nitems, k = 0;
	char **keys = xcalloc(cap, sizeof *keys);
	for (int r = 0; r < 3; r++)
		for (size_t i = 0; i < rv[r]->nitems; i++) {
			bool dup = false;
			for (size_t j = 0; j < k && !dup; j++)
				dup = !strcmp(keys[j], rv[r]->items[i].key);
			if (!dup)
				keys[k++] = xstrdup(rv[r]->items[i].key);
		}
	*n = k;
	return keys;
}

/* Merges one key; returns true when it made a new conflict. */
static bool merge_key(struct sy_review *mine, const struct sy_review *base,
		      const struct sy_review *theirs, const char *key)
{
	const struct sy_item *b = sy_review_get(base, key);
	const struct sy_item *m = sy_review_get(mine, key);
	const struct sy_item *t = sy_review_get(theirs, key);
	if (sy_item_same(m, t) || sy_item_same(b, t))
		return false;
	if (sy_item_same(b, m)) {
		sy_review_put_item(mine, key, t);
		return false;
	}
	if (is_conflict_key(key))
		return false;
	if (!item_exists(t))
		return sy_review_add_conflict(mine, key, SY_CONFLICT_REMOVED, NULL, NULL, NULL);
	return sy_review_add_conflict(mine, key, t->value, t->reason, t->by, t->at);
}

size_t sy_review_merge(struct sy_review *mine, const struct sy_review *base,
		       const struct sy_review *theirs)
{
	const struct sy_review *const all[3] = {mine, base, theirs};
	size_t nkeys, conflicts = 0;
	char **keys = merge_keys(all, &nkeys);
	for (size_t i = 0; i < nkeys; i++) {
		conflicts += merge_key(mine, base, theirs, keys[i]);
		free(keys[i]);
	}
	free(keys);
	if (!mine->report && theirs->report)
		mine->report = xstrdup(theirs->report);
	return conflicts;
}
