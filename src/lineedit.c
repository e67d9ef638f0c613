/* The one-line editor: code points, a cursor, editing keys, and the window
 * of text that fits a field, measured by the width module. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/lineedit.h"
#include "shenyue/ops.h"
#include "shenyue/utf8.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

#define CTRL(c) ((uint32_t)((c) & 0x1F))

void sy_lineedit_init(struct sy_lineedit *e, const char *text)
{
	memset(e, 0, sizeof *e);
	sy_lineedit_set(e, text);
}

void sy_lineedit_free(struct sy_lineedit *e)
{
	free(e->cp);
	memset(e, 0, sizeof *e);
}

void sy_lineedit_set(struct sy_lineedit *e, const char *text)
{
	e->n = e->cur = e->first = 0;
	sy_lineedit_insert_text(e, text);
}

char *sy_lineedit_text(const struct sy_lineedit *e)
{
	char *s = xcalloc(e->n * 4 + 1, 1);
	size_t len = 0;
	for (size_t i = 0; i < e->n; i++)
		len += utf8_encode(e->cp[i], s + len);
	s[len] = '\0';
	return s;
}

void sy_lineedit_copy(const struct sy_lineedit *e, char *buf, size_t len)
{
	size_t used = 0;
	if (!len)
		return;
	for (size_t i = 0; i < e->n; i++) {
		char u[4];
		size_t l = utf8_encode(e->cp[i], u);
		if (used + l + 1 > len)
			break;
		memcpy(buf + used, u, l);
		used += l;
	}
	buf[used] = '\0';
}

/* True for a code point the editor holds: printable, not a surrogate, not a
 * noncharacter (U+FFFE...) nor a bidi control (utf8_is_unsafe). */
static bool lineedit_printable(uint32_t cp)
{
	if (cp >= SY_KEY_SPECIAL || (cp >= 0xD800 && cp <= 0xDFFF))
		return false;
	return cp >= 0x20 && !utf8_is_unsafe(cp);
}

bool sy_lineedit_insert(struct sy_lineedit *e, uint32_t cp)
{
	if (!lineedit_printable(cp) || (e->max && e->n >= e->max))
		return false;
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 32;
		e->cp = xreallocarray(e->cp, e->cap, sizeof *e->cp);
	}
	memmove(e->cp + e->cur + 1, e->cp + e->cur, (e->n - e->cur) * sizeof *e->cp);
	e->cp[e->cur++] = cp;
	e->n++;
	return true;
}

void sy_lineedit_insert_text(struct sy_lineedit *e, const char *text)
{
	size_t n = text ? strlen(text) : 0, len;
	for (size_t i = 0; i < n; i += len) {
		uint32_t cp = utf8_decode(text + i, n - i, &len);
		sy_lineedit_insert(e, lineedit_printable(cp) ? cp : ' ');
	}
}

/* Removes code points [from, to) and puts the cursor at from. */
static bool lineedit_erase(struct sy_lineedit *e, size_t from, size_t to)
{
	if (from >= to)
		return false;
	memmove(e->cp + from, e->cp + to, (e->n - to) * sizeof *e->cp);
	e->n -= to - from;
	e->cur = from;
	return true;
}

bool sy_lineedit_backspace(struct sy_lineedit *e)
{
	return e->cur > 0 && lineedit_erase(e, e->cur - 1, e->cur);
}

bool sy_lineedit_delete(struct sy_lineedit *e)
{
	return e->cur < e->n && lineedit_erase(e, e->cur, e->cur + 1);
}

bool sy_lineedit_move(struct sy_lineedit *e, long delta)
{
	size_t old = e->cur;
	if (delta < 0)
		e->cur = (size_t)-delta > e->cur ? 0 : e->cur - (size_t)-delta;
	else
		e->cur = (size_t)delta > e->n - e->cur ? e->n : e->cur + (size_t)delta;
	return e->cur != old;
}

bool sy_lineedit_home_end(struct sy_lineedit *e, bool home)
{
	size_t old = e->cur;
	e->cur = home ? 0 : e->n;
	return e->cur != old;
}

bool sy_lineedit_kill_end(struct sy_lineedit *e)
{
	size_t cur = e->cur;
	bool done = lineedit_erase(e, cur, e->n);
	e->cur = cur;
	return done;
}

bool sy_lineedit_kill_start(struct sy_lineedit *e)
{
	return lineedit_erase(e, 0, e->cur);
}

bool sy_lineedit_kill_word(struct sy_lineedit *e)
{
	size_t i = e->cur;
	while (i > 0 && e->cp[i - 1] == ' ')
		i--;
	while (i > 0 && e->cp[i - 1] != ' ')
		i--;
	return lineedit_erase(e, i, e->cur);
}

/* Applies a cursor key; SY_LINEEDIT_IGNORED when key is not one. */
static enum sy_lineedit_result lineedit_motion(struct sy_lineedit *e, uint32_t key)
{
	switch (key) {
	case SY_KEY_LEFT:
	case CTRL('b'):
		sy_lineedit_move(e, -1);
		break;
	case SY_KEY_RIGHT:
	case CTRL('f'):
		sy_lineedit_move(e, 1);
		break;
	case SY_KEY_HOME:
	case CTRL('a'):
		sy_lineedit_home_end(e, true);
		break;
	case SY_KEY_END:
	case CTRL('e'):
		sy_lineedit_home_end(e, false);
		break;
	default:
		return SY_LINEEDIT_IGNORED;
	}
	return SY_LINEEDIT_EDITED;
}

/* Applies a deleting key; SY_LINEEDIT_IGNORED when key is not one. */
static enum sy_lineedit_result lineedit_deletion(struct sy_lineedit *e, uint32_t key)
{
	switch (key) {
	case SY_KEY_BACKSPACE:
	case CTRL('h'):
	case 0x7F:
		sy_lineedit_backspace(e);
		break;
	case SY_KEY_DELETE:
	case CTRL('d'):
		sy_lineedit_delete(e);
		break;
	case CTRL('k'):
		sy_lineedit_kill_end(e);
		break;
	case CTRL('u'):
		sy_lineedit_kill_start(e);
		break;
	case CTRL('w'):
		sy_lineedit_kill_word(e);
		break;
	default:
		return SY_LINEEDIT_IGNORED;
	}
	return SY_LINEEDIT_EDITED;
}

enum sy_lineedit_result sy_lineedit_key(struct sy_lineedit *e, uint32_t key)
{
	if (key == SY_KEY_ENTER || key == '\r' || key == '\n')
		return SY_LINEEDIT_ACCEPT;
	if (key == SY_KEY_ESC || key == CTRL('g'))
		return SY_LINEEDIT_CANCEL;
	enum sy_lineedit_result r = lineedit_motion(e, key);
	if (r == SY_LINEEDIT_IGNORED)
		r = lineedit_deletion(e, key);
	if (r == SY_LINEEDIT_IGNORED && sy_lineedit_insert(e, key))
		r = SY_LINEEDIT_EDITED;
	return r;
}

size_t sy_lineedit_cp_width(uint32_t cp)
{
	char u[4];
	struct sy_glyph g;
	size_t len = utf8_encode(cp, u);
	sy_glyph_next(u, len, &g);
	return (size_t)g.width;
}

/* Columns taken by code points [from, to). */
static size_t lineedit_cols(const struct sy_lineedit *e, size_t from, size_t to)
{
	size_t w = 0;
	for (size_t i = from; i < to; i++)
		w += sy_lineedit_cp_width(e->cp[i]);
	return w;
}

/* Columns the cursor cell needs: the character under it, or one at the end. */
static size_t lineedit_cursor_need(const struct sy_lineedit *e)
{
	size_t w = e->cur < e->n ? sy_lineedit_cp_width(e->cp[e->cur]) : 1;
	return w ? w : 1;
}

/* Moves e->first so the cursor fits in cols, and shows as much text as fits. */
static void lineedit_scroll(struct sy_lineedit *e, size_t cols)
{
	if (e->first > e->cur)
		e->first = e->cur;
	size_t need = lineedit_cursor_need(e);
	size_t w = lineedit_cols(e, e->first, e->cur);
	while (e->first < e->cur && w + need > cols)
		w -= sy_lineedit_cp_width(e->cp[e->first++]);
	size_t tail = lineedit_cols(e, e->first, e->n) + (e->cur == e->n);
	while (e->first > 0) {
		size_t prev = sy_lineedit_cp_width(e->cp[e->first - 1]);
		if (tail + prev > cols)
			break;
		tail += prev;
		e->first--;
	}
}

void sy_lineedit_window(struct sy_lineedit *e, size_t cols, struct sy_lineedit_view *v)
{
	memset(v, 0, sizeof *v);
	if (e->cur > e->n)
		e->cur = e->n;
	if (e->first > e->n)
		e->first = e->n;
	if (cols == 0) {
		v->first = v->end = e->first;
		return;
	}
	lineedit_scroll(e, cols);
	v->first = v->end = e->first;
	while (v->end < e->n) {
		size_t w = sy_lineedit_cp_width(e->cp[v->end]);
		if (v->cols + w > cols)
			break;
		v->cols += w;
		v->end++;
	}
	v->cursor_col = lineedit_cols(e, e->first, e->cur);
}
