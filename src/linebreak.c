/* Line breaking by the rules of Chinese text: ICU's line break iterator for
 * "zh" finds where a row may end, this file measures the pieces between
 * those places by display width (the width module's own glyphs) and lays
 * rows out of them. See shenyue/width.h. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "shenyue/utf8.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

/* How many bytes past the end of a row sy_width_wrap lets ICU look at: the
 * rules that decide a break look a few characters ahead at most. */
#define WRAP_LOOKAHEAD 64

static pthread_mutex_t icu_lock = PTHREAD_MUTEX_INITIALIZER;
static UBreakIterator *icu_iter;
static bool icu_failed;
static bool icu_wanted = true;

static const uint32_t closing_punct[] = {
	0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300D, 0x300F,
	0x3011, 0x300B, 0x3009, 0x3015, 0x3017, 0x201D, 0x2019, 0x2026, 0xFF3D, 0xFF5D,
	0xFF05, 0x2030, 0xFF0E, 0x30FB, 0xFE50, 0xFE51, 0xFE52, ',',    '.',    ';',
	':',    '?',    '!',    ')',    ']',    '}',    '%',
};

static const uint32_t opening_punct[] = {
	0x201C, 0x2018, 0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3008, 0x3014, 0x3016,
	0xFF3B, 0xFF5B, '(',    '[',    '{',
};

static bool cp_in(const uint32_t *set, size_t n, uint32_t cp)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == cp)
			return true;
	return false;
}

bool sy_is_closing_punct(uint32_t cp)
{
	return cp_in(closing_punct, sizeof closing_punct / sizeof closing_punct[0], cp);
}

bool sy_is_opening_punct(uint32_t cp)
{
	return cp_in(opening_punct, sizeof opening_punct / sizeof opening_punct[0], cp);
}

void sy_breaks_use_icu(bool on)
{
	icu_wanted = on;
}

static bool cp_is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* 万 亿 千 百: a number's multiplier, still part of the number (3.5亿元). */
static bool cp_is_multiplier(uint32_t cp)
{
	return cp == 0x4E07 || cp == 0x4EBF || cp == 0x5343 || cp == 0x767E;
}

/* What can be a number's unit: an ideograph (年 件 元 人次), a letter (km),
 * a sign such as ℃ or ‰. Punctuation and spaces are not. */
static bool cp_is_unit(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == 0x2103 ||
	       cp == 0x2030 || cp == 0x33A1 || cp == 0x338F || cp == 0x339E;
}

/* Where a break is tailored away, on top of ICU's rules: between a number
 * and its unit (98%, 2024年, 3.5亿元, 12km), and after 第 before a number. */
struct number_state {
	bool in_number; /* the glyph before the break ends a number */
	uint32_t prev;  /* the code point before the break */
};

static void number_step(struct number_state *st, uint32_t cp)
{
	st->in_number = cp_is_digit(cp) || (st->in_number && cp_is_multiplier(cp));
	st->prev = cp;
}

static bool number_keeps_together(const struct number_state *st, uint32_t next)
{
	if (st->in_number && cp_is_unit(next))
		return true;
	return st->prev == 0x7B2C && cp_is_digit(next); /* 第3 */
}

static bool cp_is_hanging_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

static void breaks_push(struct sy_breaks *b, size_t *cap, size_t end, size_t cols, size_t ink)
{
	if (b->n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		b->piece = xreallocarray(b->piece, *cap, sizeof *b->piece);
	}
	b->piece[b->n++] = (struct sy_break_piece){end, (uint32_t)cols, (uint32_t)ink};
}

/* Where a break may fall: the ICU line break iterator, or (without ICU) the
 * plain rules: not before closing punctuation or a space, not after opening
 * punctuation, not inside a run of ASCII letters and digits. */
struct break_source {
	UBreakIterator *bi;
	UText ut;
	const char *s;
	size_t n;
	size_t last; /* the break ICU returned last (next() goes on from it) */
};

static bool plain_is_word(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
	       cp == '-' || cp == '_' || cp == '\'' || cp == '/' || cp == '.' || cp == 0x00B7 ||
	       cp == 0x30FB || cp == 0x2027;
}

/* Without ICU: may a row end between glyphs a and b? */
static bool plain_may_break(uint32_t a, uint32_t b)
{
	if (sy_is_closing_punct(b) || sy_is_opening_punct(a) || cp_is_hanging_space(b))
		return false;
	return !(plain_is_word(a) && plain_is_word(b));
}

/* Returns the next place after pos where ICU lets a row end, or n. */
static size_t source_next(struct break_source *src, size_t pos)
{
	if (src->bi) {
		int32_t q = pos == src->last ? ubrk_next(src->bi) : ubrk_following(src->bi, (int32_t)pos);
		src->last = q == UBRK_DONE || (size_t)q > src->n ? src->n : (size_t)q;
		return src->last;
	}
	size_t len;
	uint32_t a = utf8_decode(src->s + pos, src->n - pos, &len);
	for (size_t i = pos + len; i < src->n; i += len) {
		uint32_t b = utf8_decode(src->s + i, src->n - i, &len);
		if (plain_may_break(a, b))
			return i;
		a = b;
	}
	return src->n;
}

/* Opens ICU's iterator on s for this call; false when ICU is not used. */
static bool source_open(struct break_source *src, const char *s, size_t n)
{
	memset(src, 0, sizeof *src);
	src->s = s;
	src->n = n;
	if (!icu_wanted || n > INT32_MAX)
		return false;
	pthread_mutex_lock(&icu_lock);
	UErrorCode err = U_ZERO_ERROR;
	if (!icu_iter && !icu_failed) {
		icu_iter = ubrk_open(UBRK_LINE, "zh", NULL, 0, &err);
		icu_failed = U_FAILURE(err);
		err = U_ZERO_ERROR;
	}
	if (!icu_iter) {
		pthread_mutex_unlock(&icu_lock);
		return false;
	}
	src->ut = (UText)UTEXT_INITIALIZER;
	utext_openUTF8(&src->ut, s, (int64_t)n, &err);
	ubrk_setUText(icu_iter, &src->ut, &err);
	if (U_FAILURE(err)) {
		utext_close(&src->ut);
		pthread_mutex_unlock(&icu_lock);
		return false;
	}
	src->bi = icu_iter;
	ubrk_first(src->bi);
	return true;
}

static void source_close(struct break_source *src)
{
	if (!src->bi)
		return;
	utext_close(&src->ut);
	pthread_mutex_unlock(&icu_lock);
	src->bi = NULL;
}

/* Measures glyphs from *pos up to `to` (never splitting one): adds their
 * columns to *cols and sets *ink to the columns before trailing spaces. */
static void measure_to(const char *s, size_t n, size_t *pos, size_t to, size_t *cols, size_t *ink,
		       struct number_state *num)
{
	struct sy_glyph g;
	while (*pos < to && *pos < n) {
		*pos += sy_glyph_next(s + *pos, n - *pos, &g);
		*cols += (size_t)g.width;
		if (!cp_is_hanging_space(g.cp))
			*ink = *cols;
		number_step(num, g.cp);
	}
}

void sy_breaks_find(struct sy_breaks *b, const char *s, size_t n)
{
	memset(b, 0, sizeof *b);
	size_t cap = 0, pos = 0, cols = 0, ink = 0;
	struct number_state num = {0};
	struct break_source src;
	source_open(&src, s, n);
	while (pos < n) {
		size_t q = source_next(&src, pos);
		measure_to(s, n, &pos, q, &cols, &ink, &num);
		if (pos < n) {
			size_t len;
			uint32_t next = utf8_decode(s + pos, n - pos, &len);
			if (number_keeps_together(&num, next))
				continue;
		}
		breaks_push(b, &cap, pos, cols, ink);
		cols = ink = 0;
	}
	source_close(&src);
}

void sy_breaks_free(struct sy_breaks *b)
{
	free(b->piece);
	b->piece = NULL;
	b->n = 0;
}

/* Returns the index of the piece that holds byte pos (the first ending after it). */
static size_t breaks_piece_at(const struct sy_breaks *b, size_t pos)
{
	size_t lo = 0, hi = b->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (b->piece[mid].end <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Returns the start of the glyph that ends at byte `end` (> from). */
static size_t glyph_before(const char *s, size_t from, size_t end)
{
	size_t i = from, last = from;
	struct sy_glyph g;
	while (i < end) {
		last = i;
		i += sy_glyph_next(s + i, end - i, &g);
	}
	return last;
}

static uint32_t cp_at(const char *s, size_t n, size_t pos)
{
	size_t len;
	return pos < n ? utf8_decode(s + pos, n - pos, &len) : 0;
}

static size_t glyph_after(const char *s, size_t pos, size_t end)
{
	struct sy_glyph g;
	return pos < end ? pos + sy_glyph_next(s + pos, end - pos, &g) : pos;
}

/* Lets the closing punctuation at pos hang past the row: returns the end of
 * the run of it. */
static size_t hang_closers(const char *s, size_t pos, size_t end)
{
	while (pos < end && sy_is_closing_punct(cp_at(s, end, pos)))
		pos = glyph_after(s, pos, end);
	return pos;
}

/* A piece wider than a whole row (a long URL, a run of characters with no
 * break allowed between them): cut it where the row is full, except just
 * before closing punctuation (the glyphs before it move down with it) or
 * just after opening punctuation. When that would leave the row empty, the
 * closing punctuation hangs past the row's end instead (the one overflow).
 * Returns where the row ends, at least one glyph past start. */
static size_t row_cut_piece(const char *s, size_t start, size_t end, size_t cols)
{
	size_t fit = start + sy_width_fit(s + start, end - start, cols, NULL);
	if (fit == start)
		fit = glyph_after(s, start, end);
	size_t cut = fit;
	while (cut > start && cut < end && sy_is_closing_punct(cp_at(s, end, cut)))
		cut = glyph_before(s, start, cut);
	if (cut == start)
		cut = hang_closers(s, fit, end);
	size_t last = glyph_before(s, start, cut);
	if (cut < end && sy_is_opening_punct(cp_at(s, end, last)))
		cut = last > start ? last : hang_closers(s, glyph_after(s, cut, end), end);
	return cut;
}

/* The columns of s[from, to) and of it before trailing spaces, counted no
 * further than past cap (the rest of a huge piece need not be measured to
 * know it does not fit). */
static void measure_span(const char *s, size_t from, size_t to, size_t cap, size_t *cols, size_t *ink)
{
	struct sy_glyph g;
	*cols = *ink = 0;
	for (size_t pos = from; pos < to && *ink <= cap;) {
		pos += sy_glyph_next(s + pos, to - pos, &g);
		*cols += (size_t)g.width;
		if (!cp_is_hanging_space(g.cp))
			*ink = *cols;
	}
}

/* Returns where the trailing spaces of s[from, to) begin. */
static size_t ink_end_of(const char *s, size_t from, size_t to)
{
	while (to > from && cp_is_hanging_space((unsigned char)s[to - 1]))
		to--;
	return to;
}

/* Skips the spaces that hang at the end of a row. */
static size_t row_skip_spaces(const char *s, size_t pos, size_t end)
{
	while (pos < end && cp_is_hanging_space((unsigned char)s[pos]))
		pos++;
	return pos;
}

size_t sy_breaks_row(const struct sy_breaks *b, const char *s, size_t start, size_t cols, size_t *end)
{
	size_t k = breaks_piece_at(b, start);
	if (k >= b->n) {
		if (end)
			*end = start;
		return start;
	}
	size_t used = 0, row_end = start, ink_end = start;
	for (size_t i = k; i < b->n; i++) {
		const struct sy_break_piece *p = &b->piece[i];
		size_t from = i == k ? start : b->piece[i - 1].end;
		size_t pc = p->cols, pi = p->ink;
		if (i == k && (k == 0 ? 0 : b->piece[k - 1].end) != start)
			measure_span(s, from, p->end, cols, &pc, &pi);
		if (used + pi > cols)
			break;
		if (pi)
			ink_end = ink_end_of(s, from, p->end);
		used += pc;
		row_end = p->end;
	}
	if (row_end == start) {
		row_end = row_cut_piece(s, start, b->piece[k].end, cols);
		ink_end = row_end;
		row_end = row_skip_spaces(s, row_end, b->piece[k].end);
	}
	if (end)
		*end = ink_end;
	return row_end;
}

size_t sy_width_wrap(const char *s, size_t n, size_t cols)
{
	if (n == 0)
		return 0;
	size_t fit = sy_width_fit(s, n, cols, NULL);
	size_t window = n - fit > WRAP_LOOKAHEAD ? fit + WRAP_LOOKAHEAD : n;
	while (window < n && ((unsigned char)s[window] & 0xC0) == 0x80)
		window++;
	struct sy_breaks b;
	sy_breaks_find(&b, s, window);
	size_t next = sy_breaks_row(&b, s, 0, cols, NULL);
	sy_breaks_free(&b);
	return next;
}

static void spans_push(struct sy_span **rows, size_t *n, size_t *cap, size_t start, size_t end)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*rows = xreallocarray(*rows, *cap, sizeof **rows);
	}
	(*rows)[(*n)++] = (struct sy_span){start, end};
}

/* Wraps one paragraph s[from, to) (no newline in it) into rows. */
static void wrap_paragraph(const char *s, size_t from, size_t to, size_t cols, struct sy_span **rows,
			   size_t *n, size_t *cap)
{
	if (from == to) {
		spans_push(rows, n, cap, from, from);
		return;
	}
	struct sy_breaks b;
	sy_breaks_find(&b, s + from, to - from);
	for (size_t pos = 0; pos < to - from;) {
		size_t end;
		size_t next = sy_breaks_row(&b, s + from, pos, cols, &end);
		spans_push(rows, n, cap, from + pos, from + end);
		pos = next;
	}
	sy_breaks_free(&b);
}

size_t sy_wrap(const char *s, size_t cols, struct sy_span **rows)
{
	if (!s)
		s = "";
	size_t n = 0, cap = 0, len = strlen(s);
	*rows = NULL;
	for (size_t from = 0;;) {
		const char *nl = memchr(s + from, '\n', len - from);
		size_t to = nl ? (size_t)(nl - s) : len;
		size_t para_end = to > from && s[to - 1] == '\r' ? to - 1 : to;
		wrap_paragraph(s, from, para_end, cols, rows, &n, &cap);
		if (!nl)
			break;
		from = to + 1;
	}
	return n;
}
