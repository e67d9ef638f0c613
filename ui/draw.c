/* Drawing measured text: every character on screen goes through
 * sy_glyph_next (src/width.c) and is placed as a cchar_t, so report bytes
 * never reach the terminal raw and wide characters never split. Also the
 * frame of a popup. What goes where is the views' business (views.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"
#include "ui.h"

/* Places one cell holding code point cp (of width w) at (y, x). */
static void draw_cell(int y, int x, uint32_t cp, const struct ui_style *st)
{
	cchar_t cc;
	wchar_t wc[2] = {(wchar_t)cp, 0};
	setcchar(&cc, wc, st->attr, st->pair, NULL);
	mvadd_wch(y, x, &cc);
}

/* Draws a glyph's shown text: one wide or narrow cell, or a run of ASCII. */
static void draw_glyph(int y, int x, const struct sy_glyph *g, const struct ui_style *st)
{
	size_t n = strlen(g->shown), len;
	uint32_t cp = utf8_decode(g->shown, n, &len);
	if (len == n) {
		draw_cell(y, x, cp, st);
		return;
	}
	for (size_t i = 0; i < n; i++)
		draw_cell(y, x + (int)i, (unsigned char)g->shown[i], st);
}

int ui_draw_text(int y, int x, const char *s, size_t n, int cols, const struct ui_style *st)
{
	int used = 0;
	struct sy_glyph g;
	for (size_t i = 0; i < n;) {
		i += sy_glyph_next(s + i, n - i, &g);
		if (g.width == 0)
			continue;
		if (used + g.width > cols)
			break;
		draw_glyph(y, x + used, &g, st);
		used += g.width;
	}
	return used;
}

void ui_draw_fill(int y, int x, int cols, const struct ui_style *st)
{
	for (int i = 0; i < cols; i++)
		draw_cell(y, x + i, ' ', st);
}

void ui_draw_field(struct ui *ui, int y, int x, const char *s, int cols, enum sy_align align,
		   const struct ui_style *st)
{
	if (cols <= 0)
		return;
	char *f = sy_width_pad(s, (size_t)cols, align, ui->utf8 ? "…" : "~");
	int used = ui_draw_text(y, x, f, strlen(f), cols, st);
	ui_draw_fill(y, x + used, cols - used, st);
	free(f);
}

struct sy_rect ui_popup_rect(const struct ui *ui, int h, int w)
{
	int rows = ui->lay.rows - 1, cols = ui->lay.cols;
	if (h > rows - 2)
		h = rows - 2;
	if (w > cols - 4)
		w = cols - 4;
	return (struct sy_rect){(rows - h) / 2, (cols - w) / 2, h, w};
}

struct sy_rect ui_popup_frame(struct ui *ui, struct sy_rect r, const char *title)
{
	const struct ui_style *st = &ui->style[SY_SLOT_POPUP];
	const struct ui_style *bt = &ui->style[SY_SLOT_TITLE_FOCUS];
	for (int y = r.y; y < r.y + r.h; y++) {
		ui_draw_fill(y, r.x, r.w, st);
		draw_cell(y, r.x, ui->utf8 ? 0x2502 : '|', bt);
		draw_cell(y, r.x + r.w - 1, ui->utf8 ? 0x2502 : '|', bt);
	}
	ui_draw_field(ui, r.y, r.x, title, r.w, SY_ALIGN_LEFT, bt);
	ui_draw_field(ui, r.y + r.h - 1, r.x, "", r.w, SY_ALIGN_LEFT, bt);
	return (struct sy_rect){r.y + 1, r.x + 2, r.h - 2, r.w - 4};
}

void ui_draw_vline(struct ui *ui, int y, int x, int h, const struct ui_style *st)
{
	for (int i = 0; i < h; i++)
		draw_cell(y + i, x, ui->utf8 ? 0x2502 : '|', st);
}

int ui_draw_wrapped_up(struct ui *ui, const char *text, int bottom, int x, int w, int max,
		       const struct ui_style *st, int *end_x)
{
	struct sy_span *sp;
	size_t n = sy_wrap(text, (size_t)(w > 1 ? w : 1), &sp);
	int rows = (int)n < max ? (int)n : max;
	int top = bottom - rows + 1;
	for (int i = 0; i < rows; i++) {
		const struct sy_span *s = &sp[i];
		bool cut = i == rows - 1 && (size_t)rows < n;
		ui_draw_fill(top + i, x, w, st);
		if (cut) {
			char *rest = xstrdup(text + s->start); /* the row ends in "…": more is in the log */
			ui_draw_field(ui, top + i, x, rest, w, SY_ALIGN_LEFT, st);
			free(rest);
			*end_x = x + w;
		} else {
			*end_x = x + ui_draw_text(top + i, x, text + s->start, s->end - s->start, w, st);
		}
	}
	free(sp);
	return rows;
}
