/* The one way readers turn text into the doc's lines: each line as given,
 * its normalised and squeezed copies beside it in the doc's arena, and what
 * the format knows of it (heading style, page). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/doc.h"
#include "shenyue/docin_reader.h"
#include "shenyue/meta.h"
#include "shenyue/xalloc.h"

/* The bytes strip_spaces drops. */
#define SPACES " \f\v"

/* Copies normalised text (n bytes, NUL-terminated, none inside) without its
 * spaces (sy_squeeze, minus normalising), a run between spaces at a time;
 * returns the length kept. */
static size_t strip_spaces(char *out, const char *norm, size_t n)
{
	char *w = out;
	for (size_t i = 0; i < n;) {
		size_t run = strcspn(norm + i, SPACES);
		memcpy(w, norm + i, run);
		w += run;
		i += run;
		while (i < n && strchr(SPACES, norm[i]))
			i++;
	}
	return (size_t)(w - out);
}

/* The normalised copy of the n bytes of text (no NUL), in the doc's arena. */
static char *norm_of(struct sy_doc *doc, const char *text, size_t n, size_t *len)
{
	char *norm = sy_arena_alloc(&doc->store, n + 1);
	bool changed;
	size_t k = sy_normalise_into(norm, text, n, &changed);
	if (k == SIZE_MAX) { /* not UTF-8: the slow way, U+FFFD and all */
		sy_arena_shrink_last(&doc->store, norm, n + 1, 0);
		char *slow = sy_normalise(text);
		*len = strlen(slow);
		norm = sy_arena_strndup(&doc->store, slow, *len);
		free(slow);
		return norm;
	}
	*len = k;
	if (!changed) {
		sy_arena_shrink_last(&doc->store, norm, n + 1, 0);
		return (char *)text;
	}
	norm[k] = '\0';
	sy_arena_shrink_last(&doc->store, norm, n + 1, k + 1);
	return norm;
}

/* Could s (n bytes, NUL-terminated, none inside) hold a year in Chinese
 * digits (二〇二四年)? Its first two digits are 二 and a zero (〇 零 ○ Ο O);
 * sy_meta_arabic_years changes nothing otherwise. strstr, not memmem: the
 * C library's strstr reads many bytes at a time. */
static bool may_name_cn_year(const char *s, size_t n)
{
	if (!strstr(s, "年"))
		return false;
	for (const char *p = s; (p = strstr(p, "二")) != NULL; p += 3) {
		const char *z = p + 3;
		size_t left = n - (size_t)(z - s);
		if ((left >= 3 && (!memcmp(z, "〇", 3) || !memcmp(z, "零", 3) || !memcmp(z, "○", 3))) ||
		    (left >= 2 && !memcmp(z, "Ο", 2)) || (left >= 1 && *z == 'O'))
			return true;
	}
	return false;
}

/* The squeezed copy of norm (no spaces, years in Arabic digits), in the arena. */
static char *sq_of(struct sy_doc *doc, char *norm, size_t n)
{
	char *sq = norm;
	size_t k = n;
	if (strcspn(norm, SPACES) < n) { /* a space to drop: a copy without them */
		sq = sy_arena_alloc(&doc->store, n + 1);
		k = strip_spaces(sq, norm, n);
		sq[k] = '\0';
		sy_arena_shrink_last(&doc->store, sq, n + 1, k + 1);
	}
	if (may_name_cn_year(sq, k)) {
		char *years = sy_meta_arabic_years(sq);
		if (strcmp(years, sq))
			sq = sy_arena_strndup(&doc->store, years, strlen(years));
		free(years);
	}
	return sq;
}

/* Appends one line as given, with its normalised and squeezed copies. */
void sy_doc_push_line(struct sy_doc *doc, size_t *cap, const char *s, size_t n)
{
	if (doc->nlines == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		doc->lines = xreallocarray(doc->lines, *cap, sizeof *doc->lines);
	}
	struct sy_line *l = &doc->lines[doc->nlines++];
	n = strnlen(s, n); /* a line ends at a NUL, as a C string */
	l->text = sy_arena_strndup(&doc->store, s, n);
	size_t nn;
	l->norm = norm_of(doc, l->text, n, &nn);
	l->sq = sq_of(doc, l->norm, nn);
}

/* Grows the per-line extra array *a (when it exists or v is not 0) to cap entries. */
static void *grow_extra(void *a, size_t old_cap, size_t cap, size_t sz, bool needed)
{
	if (!a && !needed)
		return NULL;
	char *p = xreallocarray(a, cap, sz);
	size_t from = a ? old_cap : 0;
	memset(p + from * sz, 0, (cap - from) * sz);
	return p;
}

/* Appends one clean line with its extras. */
static void add_clean_line(struct sy_doc *doc, size_t *cap, const char *s, size_t n, int style,
			   unsigned page)
{
	size_t old_cap = *cap;
	sy_doc_push_line(doc, cap, s, n);
	size_t i = doc->nlines - 1;
	if (*cap != old_cap || (!doc->style_level && style) || (!doc->page && page)) {
		doc->style_level = grow_extra(doc->style_level, old_cap, *cap, 1, style != 0);
		doc->page = grow_extra(doc->page, old_cap, *cap, sizeof(unsigned), page != 0);
	}
	if (doc->style_level)
		doc->style_level[i] = (unsigned char)(style > 9 ? 9 : style < 0 ? 0 : style);
	if (doc->page) {
		doc->page[i] = page;
		doc->npage = doc->nlines;
	}
}

/* A line separator: LF, CR, U+2028, U+2029 (returns its length in bytes, or 0). */
static size_t line_break_at(const char *s, size_t n)
{
	if (*s == '\n' || *s == '\r')
		return 1;
	if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9))
		return 3;
	return 0;
}

/* Appends text as lines (breaks split, controls dropped); -1 once at SY_DOCIN_MAX_LINES. */
int sy_doc_add_text(struct sy_doc *doc, size_t *cap, const char *s, size_t n, int style, unsigned page)
{
	struct sy_buf line = {0};
	int rc = 0;
	for (size_t i = 0;; ) {
		size_t br = i < n ? line_break_at(s + i, n - i) : 0;
		if (i == n || br) {
			if (doc->nlines >= SY_DOCIN_MAX_LINES) {
				rc = -1;
				break;
			}
			add_clean_line(doc, cap, line.data ? line.data : "", line.len, style, page);
			style = 0;
			line.len = 0;
			if (i == n)
				break;
			i += br;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 || c == '\t')
			sy_buf_add(&line, s + i, 1);
		i++;
	}
	sy_buf_free(&line);
	return rc;
}
