/* Pinyin order through ICU's collator for "zh". See shenyue/collate.h. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "shenyue/collate.h"
#include "shenyue/xalloc.h"

/* The key of a missing text: after every real key (ICU's keys never start
 * with 0xFF 0xFF for text a report contains). */
#define COLLATE_KEY_LAST "\xff\xff\xff\xff"

static pthread_once_t collator_once = PTHREAD_ONCE_INIT;
static UCollator *collator; /* only const use after collator_open: thread-safe */

/* Opens the collator once: zh is pinyin order; digits compare as numbers. */
static void collator_open(void)
{
	UErrorCode err = U_ZERO_ERROR;
	UCollator *c = ucol_open("zh", &err);
	if (U_FAILURE(err)) {
		ucol_close(c);
		return;
	}
	ucol_setAttribute(c, UCOL_NUMERIC_COLLATION, UCOL_ON, &err);
	collator = U_SUCCESS(err) ? c : (ucol_close(c), NULL);
}

static const UCollator *collator_get(void)
{
	pthread_once(&collator_once, collator_open);
	return collator;
}

int sy_collate(const char *a, const char *b)
{
	if (!a || !b)
		return !a - !b;
	const UCollator *c = collator_get();
	if (c) {
		UErrorCode err = U_ZERO_ERROR;
		UCollationResult r = ucol_strcollUTF8(c, a, -1, b, -1, &err);
		if (U_SUCCESS(err) && r != UCOL_EQUAL)
			return r == UCOL_LESS ? -1 : 1;
	}
	return strcmp(a, b);
}

/* Converts UTF-8 to UTF-16 (bad bytes become U+FFFD); sets *len. */
static UChar *collate_utf16(const char *s, int32_t *len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = 0;
	u_strFromUTF8WithSub(NULL, 0, &n, s, -1, 0xFFFD, NULL, &err);
	UChar *u = xcalloc((size_t)n + 1, sizeof *u);
	err = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u, n + 1, len, s, -1, 0xFFFD, NULL, &err);
	if (U_FAILURE(err))
		*len = 0;
	return u;
}

/* Appends the text itself to a key, so that keys, like sy_collate, tell
 * apart texts the collator finds equal. */
static char *collate_key_with_text(const uint8_t *key, size_t klen, const char *s)
{
	size_t slen = strlen(s);
	char *out = xcalloc(klen + 1 + slen + 1, 1);
	if (klen) /* no collator: key is NULL, and memcpy's source may never be */
		memcpy(out, key, klen);
	out[klen] = '\x01';
	memcpy(out + klen + 1, s, slen + 1);
	return out;
}

char *sy_collate_key(const char *s)
{
	if (!s)
		return xstrdup(COLLATE_KEY_LAST);
	const UCollator *c = collator_get();
	if (!c)
		return collate_key_with_text(NULL, 0, s);
	int32_t ulen;
	UChar *u = collate_utf16(s, &ulen);
	int32_t klen = ucol_getSortKey(c, u, ulen, NULL, 0);
	uint8_t *key = xcalloc(klen > 0 ? (size_t)klen : 1, 1);
	ucol_getSortKey(c, u, ulen, key, klen);
	/* the key ends in a NUL that is not part of the order */
	char *out = collate_key_with_text(key, klen > 0 ? (size_t)klen - 1 : 0, s);
	free(key);
	free(u);
	return out;
}

struct collate_item {
	char *key;
	size_t index;
};

static int collate_item_cmp(const void *pa, const void *pb)
{
	const struct collate_item *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	return c ? c : (a->index > b->index) - (a->index < b->index);
}

void sy_collate_sort(void *base, size_t n, size_t size, const char *(*text_of)(const void *elem))
{
	if (n < 2)
		return;
	char *bytes = base;
	struct collate_item *items = xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i] = (struct collate_item){sy_collate_key(text_of(bytes + i * size)), i};
	qsort(items, n, sizeof *items, collate_item_cmp);
	char *sorted = xreallocarray(NULL, n, size);
	for (size_t i = 0; i < n; i++) {
		memcpy(sorted + i * size, bytes + items[i].index * size, size);
		free(items[i].key);
	}
	memcpy(base, sorted, n * size);
	free(sorted);
	free(items);
}
