/* Drawing measured text: every character on screen goes through
 * sy_glyph_next (src/width.c) and is placed as a cchar_t, so report bytes
 * never reach the terminal raw and wide characters never split. */
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

void ui_draw_title(struct ui *ui, enum sy_pane p, const char *title)
{
	const struct sy_rect *r = &ui->lay.pane[p];
	bool focused = ui->focus == p && ui->mode != UI_MODE_HELP && ui->mode != UI_MODE_MESSAGES;
	const struct ui_style *st = &ui->style[focused ? SY_SLOT_TITLE_FOCUS : SY_SLOT_TITLE];
	char buf[512];
	snprintf(buf, sizeof buf, " %d %s", (int)p + 1, title);
	ui_draw_field(ui, r->y, r->x, buf, r->w, SY_ALIGN_LEFT, st);
}

const char *ui_status_mark(const struct ui *ui, enum sy_status st)
{
	static const char *const utf8[] = {"✗", "~", "✓"};
	static const char *const ascii[] = {"-", "~", "+"};
	return (ui->utf8 ? utf8 : ascii)[st <= SY_PRESENT ? st : SY_MISSING];
}

enum sy_slot ui_status_slot(enum sy_status st)
{
	return st == SY_PRESENT ? SY_SLOT_PRESENT : st == SY_PARTIAL ? SY_SLOT_PARTIAL : SY_SLOT_MISSING;
}

const char *ui_part_short(const struct ui *ui, size_t i)
{
	const struct sy_part *p = &ui->rubric.parts[i];
	if (p->short_label && *p->short_label)
		return p->short_label;
	return p->label ? p->label : p->id;
}

const char *ui_part_short_by_id(const struct ui *ui, const char *id)
{
	int p = id ? sy_rubric_part_index(&ui->rubric, id) : -1;
	return p >= 0 ? ui_part_short(ui, (size_t)p) : id ? id : "";
}

const char *ui_status_label(enum sy_status st)
{
	/* TRANSLATORS: the status of a required part of the report. */
	static const char *const names[] = {N_("missing"), N_("partial"), N_("present")};
	return _(names[st <= SY_PRESENT ? st : SY_MISSING]);
}

char *ui_key_describe(const struct ui *ui, const char *key)
{
	enum sy_note_on on;
	char *part = NULL, *finding = NULL;
	long line = 0;
	if (!strcmp(key, SY_KEY_VERDICT))
		return xstrdup(_("verdict"));
	if (!strcmp(key, SY_KEY_SEEN))
		return xstrdup(_("reviewed version"));
	if (!strncmp(key, "override/", 9))
		return xasprintf(_("override of %s"), ui_part_short_by_id(ui, key + 9));
	if (sy_key_note_parse(key, &on, &part, &finding, &line) != 0)
		return xstrdup(key);
	char *s;
	if (on == SY_NOTE_PART)
		s = xasprintf(_("note on %s"), ui_part_short_by_id(ui, part));
	else if (on == SY_NOTE_FINDING && line > 0)
		s = xasprintf(_("note on finding %s (line %ld)"), finding ? finding : "", line);
	else if (on == SY_NOTE_FINDING)
		s = xasprintf(_("note on finding %s"), finding ? finding : "");
	else
		s = xstrdup(_("report note"));
	free(part);
	free(finding);
	return s;
}

const char *ui_value_describe(const char *key, const char *value)
{
	if (!value)
		return _("(none)");
	if (!strcmp(value, SY_CONFLICT_REMOVED))
		return _("(removed)");
	if (key && !strncmp(key, "override/", 9) && sy_status_parse(value) >= 0)
		return ui_status_label((enum sy_status)sy_status_parse(value));
	if (key && !strcmp(key, SY_KEY_VERDICT) && sy_verdict_parse(value) >= 0)
		return sy_verdict_label((enum sy_verdict)sy_verdict_parse(value));
	return value;
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

/* Draws the vertical separators between panes. */
static void draw_separators(struct ui *ui)
{
	const struct ui_style *st = &ui->style[SY_SLOT_BORDER];
	uint32_t line = ui->utf8 ? 0x2502 : '|';
	for (int i = 0; i < ui->lay.nsep; i++) {
		const struct sy_rect *r = &ui->lay.sep[i];
		for (int y = r->y; y < r->y + r->h; y++)
			draw_cell(y, r->x, line, st);
	}
}

/* The screen below the minimum size: one clear message, nothing else. */
static void draw_too_small(struct ui *ui)
{
	char buf[128];
	snprintf(buf, sizeof buf, _("terminal too small: %dx%d, need %dx%d"), ui->lay.cols,
		 ui->lay.rows, SY_LAYOUT_MIN_COLS, SY_LAYOUT_MIN_ROWS);
	int w = ui->lay.cols;
	int y = ui->lay.rows / 2;
	if (w <= 0 || ui->lay.rows <= 0)
		return;
	ui_draw_field(ui, y > 0 ? y - 1 : 0, 0, buf, w, SY_ALIGN_LEFT, &ui->style[SY_SLOT_MESSAGE_ERROR]);
	if (y + 1 < ui->lay.rows)
		ui_draw_field(ui, y, 0, _("enlarge the window, or press q to quit"), w, SY_ALIGN_LEFT,
			      &ui->style[SY_SLOT_NORMAL]);
}

/* Shows the terminal cursor where the line editor wants it, else hides it. */
static void draw_cursor(const struct ui *ui)
{
	if (ui->cursor_y < 0) {
		curs_set(0);
		return;
	}
	curs_set(1);
	move(ui->cursor_y, ui->cursor_x);
}

void ui_draw_screen(struct ui *ui)
{
	bkgdset(' ' | ui->style[SY_SLOT_NORMAL].attr | COLOR_PAIR(ui->style[SY_SLOT_NORMAL].pair));
	erase();
	ui->cursor_y = ui->cursor_x = -1;
	if (ui->lay.too_small) {
		draw_too_small(ui);
		draw_cursor(ui);
		refresh();
		return;
	}
	if (ui->lay.visible[SY_PANE_LIST])
		ui_list_draw(ui);
	if (ui->lay.visible[SY_PANE_VIEWER])
		ui_viewer_draw(ui);
	if (ui->lay.visible[SY_PANE_CHECKLIST])
		ui_checklist_draw(ui);
	draw_separators(ui);
	if (ui->mode == UI_MODE_HELP)
		ui_help_draw(ui);
	else if (ui->mode == UI_MODE_OUTLINE)
		ui_outline_draw(ui);
	else if (ui->mode == UI_MODE_MESSAGES)
		ui_messages_draw(ui);
	ui_status_draw(ui);
	draw_cursor(ui);
	refresh();
}
