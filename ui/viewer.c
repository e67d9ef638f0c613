/* The section viewer: the report's original text wrapped by display width,
 * headings highlighted by level and tagged with their part's status, search
 * hits and the jump target highlighted, optional line numbers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

#define VIEWER_TAG_MAX 24 /* columns kept for a heading's part tags */

static const struct sy_rect *viewer_rect(const struct ui *ui)
{
	return &ui->lay.pane[SY_PANE_VIEWER];
}

int ui_viewer_height(const struct ui *ui)
{
	int h = viewer_rect(ui)->h - 1;
	return h > 1 ? h : 1;
}

static int viewer_digits(size_t n)
{
	int d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static int viewer_gutter(const struct ui *ui)
{
	const struct sy_report *rep = ui_current_report((struct ui *)ui);
	if (!ui->viewer.lineno || !rep)
		return 0;
	return viewer_digits(rep->doc.nlines) + 1;
}

/* Columns for text: the pane less a one-column margin each side and the gutter.
 * When the viewer is hidden (another pane zoomed), the whole screen's width. */
static int viewer_text_width(const struct ui *ui)
{
	int w = ui->lay.visible[SY_PANE_VIEWER] ? viewer_rect(ui)->w : ui->lay.cols;
	w -= 2 + viewer_gutter(ui);
	return w > 4 ? w : 4;
}

static void viewer_free_breaks(struct ui_viewer *v)
{
	for (size_t l = 0; l < v->nbreaks; l++)
		sy_breaks_free(&v->breaks[l]);
	free(v->breaks);
	v->breaks = NULL;
	v->nbreaks = 0;
	v->breaks_of = NULL;
}

/* Finds where each line of rep may break, once per report: a resize then
 * re-wraps from these without running the line-breaking rules again. */
static void viewer_find_breaks(struct ui_viewer *v, const struct sy_report *rep)
{
	if (v->breaks_of == rep->doc.lines && v->nbreaks == rep->doc.nlines)
		return;
	viewer_free_breaks(v);
	v->breaks = xcalloc(rep->doc.nlines ? rep->doc.nlines : 1, sizeof *v->breaks);
	for (size_t l = 0; l < rep->doc.nlines; l++)
		sy_breaks_find(&v->breaks[l], rep->doc.lines[l].text, strlen(rep->doc.lines[l].text));
	v->nbreaks = rep->doc.nlines;
	v->breaks_of = rep->doc.lines;
}

void ui_viewer_free(struct ui_viewer *v)
{
	viewer_free_breaks(v);
	free(v->rows);
	free(v->line_heading);
	free(v->hits);
	v->rows = NULL;
	v->line_heading = NULL;
	v->hits = NULL;
	v->nrows = v->nlines = v->nhits = 0;
}

void ui_viewer_reset(struct ui *ui)
{
	struct ui_viewer *v = &ui->viewer;
	free(v->rows);
	free(v->line_heading);
	v->rows = NULL;
	v->line_heading = NULL;
	v->nrows = v->nlines = 0;
	v->built_for = -1;
	v->top = 0;
	v->jump_line = -1;
}

/* Fills line_heading: for each doc line, the heading it is part of, or -1. */
static void viewer_map_headings(struct ui_viewer *v, const struct sy_report *rep)
{
	v->nlines = rep->doc.nlines;
	v->line_heading = xreallocarray(NULL, v->nlines ? v->nlines : 1, sizeof *v->line_heading);
	for (size_t i = 0; i < v->nlines; i++)
		v->line_heading[i] = -1;
	for (size_t k = 0; k < rep->outline.nh; k++) {
		const struct sy_heading *h = &rep->outline.h[k];
		for (size_t l = h->line; l < h->line + h->nlines && l < v->nlines; l++)
			v->line_heading[l] = (long)k;
	}
}

/* Writes the part tags of heading k ("✓举措成效 ~不足原因") into buf. */
static size_t viewer_heading_tag(const struct ui *ui, const struct sy_report *rep, long k,
				 char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t p = 0; p < rep->score.nparts && p < ui->rubric.nparts; p++) {
		const struct sy_part_result *pr = &rep->score.parts[p];
		if (pr->heading != k || used + 1 >= len)
			continue;
		int w = snprintf(buf + used, len - used, "%s%s%s", used ? " " : "",
				 ui_status_mark(ui, pr->status), ui_part_short(ui, p));
		used = w > 0 && (size_t)w < len - used ? used + (size_t)w : len - 1;
	}
	return used;
}

static int viewer_tag_width(const struct ui *ui, const struct sy_report *rep, size_t line)
{
	long k = line < ui->viewer.nlines ? ui->viewer.line_heading[line] : -1;
	if (k < 0 || rep->outline.h[k].line != line)
		return 0;
	char tag[128];
	if (!viewer_heading_tag(ui, rep, k, tag, sizeof tag))
		return 0;
	size_t w = sy_width_str(tag) + 1;
	return w > VIEWER_TAG_MAX ? VIEWER_TAG_MAX : (int)w;
}

static void viewer_push_row(struct ui_viewer *v, size_t *cap, struct ui_vrow row)
{
	if (v->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		v->rows = xreallocarray(v->rows, *cap, sizeof *v->rows);
	}
	v->rows[v->nrows++] = row;
}

/* Wraps one doc line into rows of at most width columns (the first row
 * leaves room for the heading's tags). */
static void viewer_wrap_line(struct ui *ui, const struct sy_report *rep, size_t line, int width,
			     size_t *cap)
{
	const char *text = rep->doc.lines[line].text;
	size_t n = strlen(text), pos = 0;
	int tagw = viewer_tag_width(ui, rep, line);
	if (n == 0)
		viewer_push_row(&ui->viewer, cap, (struct ui_vrow){line, 0, 0, true});
	while (pos < n) {
		int cols = width - (pos == 0 ? tagw : 0);
		if (cols < width / 2)
			cols = width / 2;
		size_t next = sy_breaks_row(&ui->viewer.breaks[line], text, pos, (size_t)cols, NULL);
		viewer_push_row(&ui->viewer, cap, (struct ui_vrow){line, pos, next, pos == 0});
		pos = next;
	}
}

/* Returns the first row of doc line `line` (rows are in line order). */
static size_t viewer_row_of_line(const struct ui_viewer *v, size_t line)
{
	size_t lo = 0, hi = v->nrows;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v->rows[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < v->nrows ? lo : (v->nrows ? v->nrows - 1 : 0);
}

static void viewer_clamp_top(struct ui *ui)
{
	struct ui_viewer *v = &ui->viewer;
	size_t h = (size_t)ui_viewer_height(ui);
	size_t max = v->nrows > h ? v->nrows - h : 0;
	if (v->top > max)
		v->top = max;
}

void ui_viewer_prepare(struct ui *ui)
{
	struct ui_viewer *v = &ui->viewer;
	struct sy_report *rep = ui_current_report(ui);
	int width = viewer_text_width(ui);
	if (v->built_for == ui->current && v->built_width == width && v->built_lineno == v->lineno)
		return;
	bool same = v->built_for == ui->current && v->rows && v->top < v->nrows;
	size_t top_line = same ? v->rows[v->top].line : 0;
	free(v->rows);
	free(v->line_heading);
	v->rows = NULL;
	v->line_heading = NULL;
	v->nrows = v->nlines = 0;
	v->built_for = ui->current;
	v->built_width = width;
	v->built_lineno = v->lineno;
	if (!rep || rep->error)
		return;
	viewer_map_headings(v, rep);
	viewer_find_breaks(v, rep);
	size_t cap = 0;
	for (size_t l = 0; l < rep->doc.nlines; l++)
		viewer_wrap_line(ui, rep, l, width, &cap);
	v->top = same ? viewer_row_of_line(v, top_line) : 0;
	if (ui->restore_line >= 0) { /* where the supervisor was last time */
		v->top = viewer_row_of_line(v, (size_t)ui->restore_line);
		ui->restore_line = -1;
	}
	viewer_clamp_top(ui);
}

int ui_viewer_scroll(struct ui *ui, long delta)
{
	struct ui_viewer *v = &ui->viewer;
	ui_viewer_prepare(ui);
	long top = (long)v->top + delta;
	v->top = top < 0 ? 0 : (size_t)top;
	viewer_clamp_top(ui);
	return UI_REDRAW;
}

int ui_viewer_show_line(struct ui *ui, size_t line, bool highlight)
{
	struct ui_viewer *v = &ui->viewer;
	ui_viewer_prepare(ui);
	if (!v->nrows)
		return UI_REDRAW;
	v->top = viewer_row_of_line(v, line);
	viewer_clamp_top(ui);
	if (highlight)
		v->jump_line = (long)line;
	return UI_REDRAW;
}

/* The line navigation starts from: the jump target while it is on screen,
 * else the top row's line. */
static size_t viewer_anchor_line(struct ui *ui)
{
	struct ui_viewer *v = &ui->viewer;
	size_t top_line = v->rows[v->top].line;
	size_t h = (size_t)ui_viewer_height(ui);
	size_t last = v->rows[v->top + h < v->nrows ? v->top + h - 1 : v->nrows - 1].line;
	if (v->jump_line >= 0 && (size_t)v->jump_line >= top_line && (size_t)v->jump_line <= last)
		return (size_t)v->jump_line;
	return top_line;
}

int ui_viewer_heading_step(struct ui *ui, int dir)
{
	struct sy_report *rep = ui_current_report(ui);
	ui_viewer_prepare(ui);
	if (!rep || !ui->viewer.nrows || !rep->outline.nh)
		return UI_NONE;
	size_t at = viewer_anchor_line(ui);
	long best = -1;
	for (size_t k = 0; k < rep->outline.nh; k++) {
		size_t l = rep->outline.h[k].line;
		if (dir > 0 && l > at && best < 0)
			best = (long)k;
		if (dir < 0 && l < at)
			best = (long)k;
	}
	if (best < 0) {
		ui_message(ui, false, "%s", dir > 0 ? _("no heading below") : _("no heading above"));
		return UI_REDRAW;
	}
	return ui_viewer_show_line(ui, rep->outline.h[best].line, true);
}

/* The style of a doc line before highlights: its heading level or kind. */
static enum sy_slot viewer_line_slot(const struct ui *ui, const struct sy_report *rep, size_t line)
{
	long k = line < ui->viewer.nlines ? ui->viewer.line_heading[line] : -1;
	if (k >= 0) {
		int level = rep->outline.h[k].level;
		return level <= 1 ? SY_SLOT_HEADING1 : level == 2 ? SY_SLOT_HEADING2 : SY_SLOT_HEADING3;
	}
	if (line >= rep->outline.nlines)
		return SY_SLOT_NORMAL;
	switch (rep->outline.kind[line]) {
	case SY_LK_TITLE:
	case SY_LK_UNIT:
		return SY_SLOT_TITLE_LINE;
	case SY_LK_CHROME:
		return SY_SLOT_CHROME;
	default:
		return SY_SLOT_NORMAL;
	}
}

/* Draws the text of a row glyph by glyph: hits and placeholders get their
 * own style. Returns the columns used. */
static int viewer_draw_text(struct ui *ui, int y, int x, int cols, const char *text,
			    const struct ui_vrow *row, const struct ui_style *base)
{
	int used = 0;
	struct sy_glyph g;
	for (size_t i = row->start; i < row->end;) {
		size_t len = sy_glyph_next(text + i, row->end - i, &g);
		const struct ui_style *st = base;
		if (ui_search_is_hit(ui, row->line, i))
			st = &ui->style[SY_SLOT_SEARCH_HIT];
		else if (g.placeholder)
			st = &ui->style[SY_SLOT_PLACEHOLDER];
		used += ui_draw_text(y, x + used, text + i, len, cols - used, st);
		i += len;
	}
	return used;
}

static void viewer_draw_tag(struct ui *ui, const struct sy_report *rep, int y, int right,
			    size_t line, const struct ui_style *base)
{
	long k = ui->viewer.line_heading[line];
	char tag[128];
	if (k < 0 || !viewer_heading_tag(ui, rep, k, tag, sizeof tag))
		return;
	int w = viewer_tag_width(ui, rep, line) - 1;
	enum sy_status worst = SY_PRESENT;
	for (size_t p = 0; p < rep->score.nparts; p++)
		if (rep->score.parts[p].heading == k && rep->score.parts[p].status < worst)
			worst = rep->score.parts[p].status;
	(void)base;
	ui_draw_field(ui, y, right - w, tag, w, SY_ALIGN_RIGHT, &ui->style[ui_status_slot(worst)]);
}

static void viewer_draw_row(struct ui *ui, const struct sy_report *rep, int y, size_t r)
{
	const struct sy_rect *rc = viewer_rect(ui);
	const struct ui_vrow *row = &ui->viewer.rows[r];
	bool jump = ui->viewer.jump_line == (long)row->line;
	const struct ui_style *base = &ui->style[jump ? SY_SLOT_JUMP_TARGET : viewer_line_slot(ui, rep, row->line)];
	int x = rc->x + 1, gutter = viewer_gutter(ui);
	if (jump)
		ui_draw_fill(y, rc->x, rc->w, base);
	if (gutter && row->first) {
		char num[24];
		snprintf(num, sizeof num, "%zu", row->line + 1);
		ui_draw_field(ui, y, x, num, gutter - 1, SY_ALIGN_RIGHT, &ui->style[SY_SLOT_LINE_NUMBER]);
	}
	x += gutter;
	viewer_draw_text(ui, y, x, rc->x + rc->w - 1 - x, rep->doc.lines[row->line].text, row, base);
	if (row->first && row->start == 0)
		viewer_draw_tag(ui, rep, y, rc->x + rc->w - 1, row->line, base);
}

static void viewer_draw_title(struct ui *ui, const struct sy_report *rep)
{
	char title[512];
	struct ui_viewer *v = &ui->viewer;
	if (!rep) {
		ui_draw_title(ui, SY_PANE_VIEWER, _("Viewer"));
		return;
	}
	size_t line = v->nrows ? v->rows[v->top].line + 1 : 0;
	int n = snprintf(title, sizeof title, "%s · L%zu/%zu", ui_report_name(rep), line, rep->doc.nlines);
	if (v->jump_line >= 0 && n > 0 && (size_t)n < sizeof title)
		n += snprintf(title + n, sizeof title - (size_t)n, " · %sL%ld", ui->utf8 ? "→" : "->",
			      v->jump_line + 1);
	if (v->query[0] && n > 0 && (size_t)n < sizeof title)
		snprintf(title + n, sizeof title - (size_t)n, " · /%s %ld/%zu", v->query,
			 v->hit >= 0 ? v->hit + 1 : 0, v->nhits);
	ui_draw_title(ui, SY_PANE_VIEWER, title);
}

static void viewer_draw_notice(struct ui *ui, const char *text, enum sy_slot slot)
{
	const struct sy_rect *r = viewer_rect(ui);
	ui_draw_field(ui, r->y + 2, r->x + 2, text, r->w - 3, SY_ALIGN_LEFT, &ui->style[slot]);
}

void ui_viewer_draw(struct ui *ui)
{
	struct sy_report *rep = ui_current_report(ui);
	ui_viewer_prepare(ui);
	ui_search_refresh(ui);
	viewer_draw_title(ui, rep);
	if (!rep) {
		viewer_draw_notice(ui, ui->batch.n ? _("no report selected") : _("no reports to show"), SY_SLOT_DIM);
		return;
	}
	if (!rep->loaded) {
		viewer_draw_notice(ui, _("loading…"), SY_SLOT_DIM);
		return;
	}
	if (rep->error) {
		viewer_draw_notice(ui, rep->error, SY_SLOT_ERROR);
		return;
	}
	const struct sy_rect *r = viewer_rect(ui);
	int h = ui_viewer_height(ui);
	for (int i = 0; i < h && ui->viewer.top + (size_t)i < ui->viewer.nrows; i++)
		viewer_draw_row(ui, rep, r->y + 1 + i, ui->viewer.top + (size_t)i);
}
