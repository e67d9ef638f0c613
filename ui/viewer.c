/* The section viewer pane: the report's original text wrapped by display
 * width, headings highlighted by level and tagged with their part's status,
 * search hits and the jump target highlighted, optional line numbers. It
 * goes where UI_EVENT_PLACE says (a checklist item, an outline heading, the
 * place restored from the session) and says which line is at its top
 * (ui->at.line). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "search.h"
#include "ui.h"

#define VIEWER_TAG_MAX 24 /* columns kept for a heading's part tags */

/* One screen row of the viewer: bytes [start, end) of a doc line. */
struct viewer_row {
	size_t line;
	size_t start, end;
	bool first;             /* the line's first row (gets number and tag) */
};

struct viewer_state {
	long built_for;         /* batch index the rows were built for, -1 */
	const struct sy_line *built_lines; /* its text they were built from (it comes later while loading) */
	int built_width;        /* text width they were built for */
	bool built_lineno;
	bool lineno;            /* line numbers shown */
	struct viewer_row *rows;
	size_t nrows;
	size_t top;             /* first visible row */
	long *line_heading;     /* per doc line: heading index, or -1 */
	size_t nlines;
	struct sy_breaks *breaks; /* per doc line: where it may break (kept across resizes) */
	size_t nbreaks;
	const struct sy_line *breaks_of; /* the doc lines they were found in */
	long jump_line;         /* 0-based line highlighted after a jump, -1 */
	long want_line;         /* 0-based line to bring to the top once laid out, -1 */
	struct ui_search search;
};

static int viewer_height(const struct ui_view *v)
{
	return v->rect.h > 1 ? v->rect.h : 1;
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

static int viewer_gutter(struct ui *ui, const struct viewer_state *vs)
{
	const struct sy_report *rep = ui_current_report(ui);
	if (!vs->lineno || !rep)
		return 0;
	return viewer_digits(rep->doc.nlines) + 1;
}

/* Columns for text: the pane less a one-column margin each side and the gutter.
 * When the viewer is hidden (another pane zoomed), the whole screen's width. */
static int viewer_text_width(struct ui *ui, const struct ui_view *v)
{
	int w = v->visible ? v->rect.w : ui->lay.cols;
	w -= 2 + viewer_gutter(ui, v->state);
	return w > 4 ? w : 4;
}

static void viewer_free_rows(struct viewer_state *vs)
{
	free(vs->rows);
	free(vs->line_heading);
	vs->rows = NULL;
	vs->line_heading = NULL;
	vs->nrows = vs->nlines = 0;
}

static void viewer_free_breaks(struct viewer_state *vs)
{
	for (size_t l = 0; l < vs->nbreaks; l++)
		sy_breaks_free(&vs->breaks[l]);
	free(vs->breaks);
	vs->breaks = NULL;
	vs->nbreaks = 0;
	vs->breaks_of = NULL;
}

/* Finds where each line of rep may break, once per report: a resize then
 * re-wraps from these without running the line-breaking rules again. */
static void viewer_find_breaks(struct viewer_state *vs, const struct sy_report *rep)
{
	if (vs->breaks_of == rep->doc.lines && vs->nbreaks == rep->doc.nlines)
		return;
	viewer_free_breaks(vs);
	vs->breaks = xcalloc(rep->doc.nlines ? rep->doc.nlines : 1, sizeof *vs->breaks);
	for (size_t l = 0; l < rep->doc.nlines; l++)
		sy_breaks_find(&vs->breaks[l], rep->doc.lines[l].text, strlen(rep->doc.lines[l].text));
	vs->nbreaks = rep->doc.nlines;
	vs->breaks_of = rep->doc.lines;
}

/* Says which doc line is at the top, for the session and the outline. */
static void viewer_publish(struct ui *ui, const struct viewer_state *vs)
{
	if (vs->want_line >= 0)
		ui->at.line = vs->want_line;
	else if (vs->built_for == ui->current && vs->top < vs->nrows)
		ui->at.line = (long)vs->rows[vs->top].line;
}

/* Forgets rows and the jump (after the shown report changed). */
static void viewer_reset(struct ui *ui, struct viewer_state *vs)
{
	viewer_free_rows(vs);
	vs->built_for = -1;
	vs->top = 0;
	vs->jump_line = -1;
	vs->want_line = -1;
	ui->at.line = 0;
}

/* Fills line_heading: for each doc line, the heading it is part of, or -1. */
static void viewer_map_headings(struct viewer_state *vs, const struct sy_report *rep)
{
	vs->nlines = rep->doc.nlines;
	vs->line_heading = xreallocarray(NULL, vs->nlines ? vs->nlines : 1, sizeof *vs->line_heading);
	for (size_t i = 0; i < vs->nlines; i++)
		vs->line_heading[i] = -1;
	for (size_t k = 0; k < rep->outline.nh; k++) {
		const struct sy_heading *h = &rep->outline.h[k];
		for (size_t l = h->line; l < h->line + h->nlines && l < vs->nlines; l++)
			vs->line_heading[l] = (long)k;
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

static int viewer_tag_width(const struct ui *ui, const struct viewer_state *vs, const struct sy_report *rep,
			    size_t line)
{
	long k = line < vs->nlines ? vs->line_heading[line] : -1;
	if (k < 0 || rep->outline.h[k].line != line)
		return 0;
	char tag[128];
	if (!viewer_heading_tag(ui, rep, k, tag, sizeof tag))
		return 0;
	size_t w = sy_width_str(tag) + 1;
	return w > VIEWER_TAG_MAX ? VIEWER_TAG_MAX : (int)w;
}

static void viewer_push_row(struct viewer_state *vs, size_t *cap, struct viewer_row row)
{
	if (vs->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		vs->rows = xreallocarray(vs->rows, *cap, sizeof *vs->rows);
	}
	vs->rows[vs->nrows++] = row;
}

/* Wraps one doc line into rows of at most width columns (the first row
 * leaves room for the heading's tags). */
static void viewer_wrap_line(struct ui *ui, struct viewer_state *vs, const struct sy_report *rep, size_t line,
			     int width, size_t *cap)
{
	const char *text = rep->doc.lines[line].text;
	size_t n = strlen(text), pos = 0;
	int tagw = viewer_tag_width(ui, vs, rep, line);
	if (n == 0)
		viewer_push_row(vs, cap, (struct viewer_row){line, 0, 0, true});
	while (pos < n) {
		int cols = width - (pos == 0 ? tagw : 0);
		if (cols < width / 2)
			cols = width / 2;
		size_t next = sy_breaks_row(&vs->breaks[line], text, pos, (size_t)cols, NULL);
		viewer_push_row(vs, cap, (struct viewer_row){line, pos, next, pos == 0});
		pos = next;
	}
}

/* Returns the first row of doc line `line` (rows are in line order). */
static size_t viewer_row_of_line(const struct viewer_state *vs, size_t line)
{
	size_t lo = 0, hi = vs->nrows;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (vs->rows[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < vs->nrows ? lo : (vs->nrows ? vs->nrows - 1 : 0);
}

static void viewer_clamp_top(struct viewer_state *vs, const struct ui_view *v)
{
	size_t h = (size_t)viewer_height(v);
	size_t max = vs->nrows > h ? vs->nrows - h : 0;
	if (vs->top > max)
		vs->top = max;
}

/* Rebuilds the wrapped rows if the report or the width changed, keeping the
 * top line; then goes to the line asked for, if any. */
static void viewer_prepare(struct ui *ui, struct ui_view *v)
{
	struct viewer_state *vs = v->state;
	struct sy_report *rep = ui_current_report(ui);
	int width = viewer_text_width(ui, v);
	const struct sy_line *lines = rep ? rep->doc.lines : NULL;
	if (vs->built_for != ui->current || vs->built_lines != lines || vs->built_width != width ||
	    vs->built_lineno != vs->lineno) {
		bool same = vs->built_for == ui->current && vs->rows && vs->top < vs->nrows;
		size_t top_line = same ? vs->rows[vs->top].line : 0;
		viewer_free_rows(vs);
		vs->built_for = ui->current;
		vs->built_lines = lines;
		vs->built_width = width;
		vs->built_lineno = vs->lineno;
		if (!rep || rep->error)
			return;
		viewer_map_headings(vs, rep);
		viewer_find_breaks(vs, rep);
		size_t cap = 0;
		for (size_t l = 0; l < rep->doc.nlines; l++)
			viewer_wrap_line(ui, vs, rep, l, width, &cap);
		vs->top = same ? viewer_row_of_line(vs, top_line) : 0;
	}
	if (vs->want_line >= 0 && vs->nrows) {
		vs->top = viewer_row_of_line(vs, (size_t)vs->want_line);
		vs->want_line = -1;
	}
	viewer_clamp_top(vs, v);
	viewer_publish(ui, vs);
}

static int viewer_scroll(struct ui *ui, struct ui_view *v, long delta)
{
	struct viewer_state *vs = v->state;
	viewer_prepare(ui, v);
	long top = (long)vs->top + delta;
	vs->top = top < 0 ? 0 : (size_t)top;
	viewer_clamp_top(vs, v);
	viewer_publish(ui, vs);
	return UI_REDRAW;
}

/* Scrolls so that 0-based doc line becomes visible near the top; highlight
 * marks it as the jump target. */
static int viewer_show_line(struct ui *ui, struct ui_view *v, size_t line, bool highlight)
{
	struct viewer_state *vs = v->state;
	vs->want_line = (long)line;
	if (highlight)
		vs->jump_line = (long)line;
	viewer_prepare(ui, v);
	return UI_REDRAW;
}

/* The line navigation starts from: the jump target while it is on screen,
 * else the top row's line. */
static size_t viewer_anchor_line(const struct viewer_state *vs, const struct ui_view *v)
{
	size_t top_line = vs->rows[vs->top].line;
	size_t h = (size_t)viewer_height(v);
	size_t last = vs->rows[vs->top + h < vs->nrows ? vs->top + h - 1 : vs->nrows - 1].line;
	if (vs->jump_line >= 0 && (size_t)vs->jump_line >= top_line && (size_t)vs->jump_line <= last)
		return (size_t)vs->jump_line;
	return top_line;
}

/* Goes to the next (dir 1) or previous (dir -1) heading. */
static int viewer_heading_step(struct ui *ui, struct ui_view *v, int dir)
{
	struct viewer_state *vs = v->state;
	struct sy_report *rep = ui_current_report(ui);
	viewer_prepare(ui, v);
	if (!rep || !vs->nrows || !rep->outline.nh)
		return UI_NONE;
	size_t at = viewer_anchor_line(vs, v);
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
	return viewer_show_line(ui, v, rep->outline.h[best].line, true);
}

/* ---- search ---- */

static void viewer_search_update(struct ui *ui, struct viewer_state *vs)
{
	ui_search_update(&vs->search, ui_current_report(ui), ui->current);
}

/* Goes to the next (dir 1) or previous (dir -1) hit. */
static int viewer_search_step(struct ui *ui, struct ui_view *v, int dir)
{
	struct viewer_state *vs = v->state;
	struct ui_search *s = &vs->search;
	viewer_search_update(ui, vs);
	if (!s->query || !s->query[0]) {
		ui_message(ui, false, "%s", _("no search yet: press / to search"));
		return UI_REDRAW;
	}
	if (!s->nhits) {
		ui_message(ui, true, _("not found: %s"), s->query);
		return UI_REDRAW;
	}
	long n = (long)s->nhits, next;
	if (s->hit < 0) {
		viewer_prepare(ui, v);
		next = dir > 0 ? ui_search_first_from(s, vs->nrows ? vs->rows[vs->top].line : 0) : n - 1;
	} else {
		next = s->hit + dir;
	}
	if (next >= n || next < 0)
		ui_message(ui, false, "%s", dir > 0 ? _("search wrapped to the top") : _("search wrapped to the bottom"));
	s->hit = (next % n + n) % n;
	return viewer_show_line(ui, v, s->hits[s->hit].line, false);
}

/* Enter on the search prompt: finds every hit and goes to the first. */
static int viewer_search_run(struct ui *ui, const char *query)
{
	struct ui_view *v = ui_view_by_ctx(ui, SY_CTX_VIEWER);
	struct viewer_state *vs = v->state;
	ui_search_set(&vs->search, query);
	viewer_search_update(ui, vs);
	if (!query[0])
		return UI_REDRAW;
	if (!vs->search.nhits) {
		ui_message(ui, true, _("not found: %s"), query);
		return UI_REDRAW;
	}
	return viewer_search_step(ui, v, 1);
}

/* ---- drawing ---- */

/* The style of a doc line before highlights: its heading level or kind. */
static enum sy_slot viewer_line_slot(const struct viewer_state *vs, const struct sy_report *rep, size_t line)
{
	long k = line < vs->nlines ? vs->line_heading[line] : -1;
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
static int viewer_draw_text(struct ui *ui, const struct viewer_state *vs, int y, int x, int cols,
			    const char *text, const struct viewer_row *row, const struct ui_style *base)
{
	int used = 0;
	struct sy_glyph g;
	for (size_t i = row->start; i < row->end;) {
		size_t len = sy_glyph_next(text + i, row->end - i, &g);
		const struct ui_style *st = base;
		if (ui_search_is_hit(&vs->search, ui->current, row->line, i))
			st = &ui->style[SY_SLOT_SEARCH_HIT];
		else if (g.placeholder)
			st = &ui->style[SY_SLOT_PLACEHOLDER];
		used += ui_draw_text(y, x + used, text + i, len, cols - used, st);
		i += len;
	}
	return used;
}

static void viewer_draw_tag(struct ui *ui, const struct viewer_state *vs, const struct sy_report *rep, int y,
			    int right, size_t line)
{
	long k = vs->line_heading[line];
	char tag[128];
	if (k < 0 || !viewer_heading_tag(ui, rep, k, tag, sizeof tag))
		return;
	int w = viewer_tag_width(ui, vs, rep, line) - 1;
	enum sy_status worst = SY_PRESENT;
	for (size_t p = 0; p < rep->score.nparts; p++)
		if (rep->score.parts[p].heading == k && rep->score.parts[p].status < worst)
			worst = rep->score.parts[p].status;
	ui_draw_field(ui, y, right - w, tag, w, SY_ALIGN_RIGHT, &ui->style[ui_status_slot(worst)]);
}

static void viewer_draw_row(struct ui *ui, const struct ui_view *v, const struct sy_report *rep, int y, size_t r)
{
	const struct viewer_state *vs = v->state;
	const struct sy_rect *rc = &v->rect;
	const struct viewer_row *row = &vs->rows[r];
	bool jump = vs->jump_line == (long)row->line;
	const struct ui_style *base = &ui->style[jump ? SY_SLOT_JUMP_TARGET : viewer_line_slot(vs, rep, row->line)];
	int x = rc->x + 1, gutter = viewer_gutter(ui, vs);
	if (jump)
		ui_draw_fill(y, rc->x, rc->w, base);
	if (gutter && row->first) {
		char num[24];
		snprintf(num, sizeof num, "%zu", row->line + 1);
		ui_draw_field(ui, y, x, num, gutter - 1, SY_ALIGN_RIGHT, &ui->style[SY_SLOT_LINE_NUMBER]);
	}
	x += gutter;
	viewer_draw_text(ui, vs, y, x, rc->x + rc->w - 1 - x, rep->doc.lines[row->line].text, row, base);
	if (row->first && row->start == 0)
		viewer_draw_tag(ui, vs, rep, y, rc->x + rc->w - 1, row->line);
}

static void viewer_title(struct ui *ui, struct ui_view *v, char *title, size_t len)
{
	struct viewer_state *vs = v->state;
	const struct sy_report *rep = ui_current_report(ui);
	if (!rep) {
		snprintf(title, len, "%s", _("Viewer"));
		return;
	}
	viewer_prepare(ui, v);
	viewer_search_update(ui, vs);
	size_t line = vs->nrows ? vs->rows[vs->top].line + 1 : 0;
	int n = snprintf(title, len, "%s · L%zu/%zu", ui_report_name(rep), line, rep->doc.nlines);
	unsigned page = line ? sy_doc_page(&rep->doc, line - 1) : 0;
	if (page && n > 0 && (size_t)n < len) /* a PDF: the page of the top line, of how many */
		n += snprintf(title + n, len - (size_t)n, _(" · p.%u/%u"), page,
			      sy_doc_page(&rep->doc, rep->doc.nlines - 1));
	if (vs->jump_line >= 0 && n > 0 && (size_t)n < len)
		n += snprintf(title + n, len - (size_t)n, " · %sL%ld", ui->utf8 ? "→" : "->", vs->jump_line + 1);
	const struct ui_search *s = &vs->search;
	if (s->query && s->query[0] && n > 0 && (size_t)n < len)
		snprintf(title + n, len - (size_t)n, " · /%s %ld/%zu", s->query, s->hit >= 0 ? s->hit + 1 : 0,
			 s->nhits);
}

static void viewer_draw_notice(struct ui *ui, const struct ui_view *v, const char *text, enum sy_slot slot)
{
	const struct sy_rect *r = &v->rect;
	int cols = r->w - 3;
	if (cols <= 0)
		return;
	/* wrapped, not cut: a reason a file cannot be read says what to do at its end */
	struct sy_span *rows;
	size_t n = sy_wrap(text, (size_t)cols, &rows);
	for (size_t i = 0; i < n && r->y + 1 + (int)i < r->y + r->h; i++) {
		int used = ui_draw_text(r->y + 1 + (int)i, r->x + 2, text + rows[i].start, rows[i].end - rows[i].start,
					cols, &ui->style[slot]);
		ui_draw_fill(r->y + 1 + (int)i, r->x + 2 + used, cols - used, &ui->style[slot]);
	}
	free(rows);
}

static void viewer_draw(struct ui *ui, struct ui_view *v)
{
	struct viewer_state *vs = v->state;
	struct sy_report *rep = ui_current_report(ui);
	viewer_prepare(ui, v);
	viewer_search_update(ui, vs);
	if (!rep) {
		viewer_draw_notice(ui, v, ui->batch.n ? _("no report selected") : _("no reports to show"), SY_SLOT_DIM);
		return;
	}
	const char *waiting = ui_loader_waiting(ui, (size_t)ui->current);
	if (waiting) { /* fills in when it is read: the loop redraws then */
		viewer_draw_notice(ui, v, waiting, SY_SLOT_DIM);
		return;
	}
	if (rep->error) {
		viewer_draw_notice(ui, v, rep->error, SY_SLOT_ERROR);
		return;
	}
	if (!rep->doc.lines) { /* compacted, and its file changed or went since it was scored */
		viewer_draw_notice(ui, v,
				   _("This report's file changed or is gone since it was read, so its text cannot be "
				     "shown with these results: C-l takes in what is on disk now."),
				   SY_SLOT_WARNING);
		return;
	}
	int h = viewer_height(v);
	for (int i = 0; i < h && vs->top + (size_t)i < vs->nrows; i++)
		viewer_draw_row(ui, v, rep, v->rect.y + i, vs->top + (size_t)i);
}

/* ---- what the viewer does ---- */

static int viewer_down(struct ui *ui, struct ui_view *v)
{
	return viewer_scroll(ui, v, 1);
}

static int viewer_up(struct ui *ui, struct ui_view *v)
{
	return viewer_scroll(ui, v, -1);
}

static int viewer_page_down(struct ui *ui, struct ui_view *v)
{
	return viewer_scroll(ui, v, viewer_height(v) - 1);
}

static int viewer_page_up(struct ui *ui, struct ui_view *v)
{
	return viewer_scroll(ui, v, -(viewer_height(v) - 1));
}

/* g and G also drop the jump target, so ] and [ start from the top or the bottom. */
static int viewer_first(struct ui *ui, struct ui_view *v)
{
	((struct viewer_state *)v->state)->jump_line = -1;
	return viewer_scroll(ui, v, -(long)1e9);
}

static int viewer_last(struct ui *ui, struct ui_view *v)
{
	((struct viewer_state *)v->state)->jump_line = -1;
	return viewer_scroll(ui, v, (long)1e9);
}

static int viewer_next_heading(struct ui *ui, struct ui_view *v)
{
	return viewer_heading_step(ui, v, 1);
}

static int viewer_prev_heading(struct ui *ui, struct ui_view *v)
{
	return viewer_heading_step(ui, v, -1);
}

static int viewer_search(struct ui *ui, struct ui_view *v)
{
	return ui_prompt_line(ui, "/", "", 80, NULL, viewer_search_run, NULL);
}

static int viewer_search_next(struct ui *ui, struct ui_view *v)
{
	return viewer_search_step(ui, v, 1);
}

static int viewer_search_prev(struct ui *ui, struct ui_view *v)
{
	return viewer_search_step(ui, v, -1);
}

static int viewer_line_numbers(struct ui *ui, struct ui_view *v)
{
	struct viewer_state *vs = v->state;
	vs->lineno = !vs->lineno;
	return UI_REDRAW;
}

/* Forgets the last report; goes where a place event says. */
static void viewer_event(struct ui *ui, struct ui_view *v, const struct ui_event *ev)
{
	struct viewer_state *vs = v->state;
	if (ev->kind == UI_EVENT_REPORT) {
		viewer_reset(ui, vs);
	} else if (ev->kind == UI_EVENT_PLACE && ev->line >= 0) {
		vs->want_line = ev->line;
		if (ev->highlight)
			vs->jump_line = ev->line;
		viewer_publish(ui, vs);
	}
}

static void *viewer_init(struct ui *ui)
{
	struct viewer_state *vs = xcalloc(1, sizeof *vs);
	vs->built_for = -1;
	vs->jump_line = -1;
	vs->want_line = -1;
	ui_search_init(&vs->search);
	return vs;
}

static void viewer_free(void *state)
{
	struct viewer_state *vs = state;
	viewer_free_rows(vs);
	viewer_free_breaks(vs);
	ui_search_free(&vs->search);
	free(vs);
}

static const struct ui_view_handler viewer_handlers[] = {
	{SY_OP_MOVE_DOWN, viewer_down},
	{SY_OP_MOVE_UP, viewer_up},
	{SY_OP_PAGE_DOWN, viewer_page_down},
	{SY_OP_PAGE_UP, viewer_page_up},
	{SY_OP_MOVE_TOP, viewer_first},
	{SY_OP_MOVE_BOTTOM, viewer_last},
	{SY_OP_NEXT_HEADING, viewer_next_heading},
	{SY_OP_PREV_HEADING, viewer_prev_heading},
	{SY_OP_SEARCH, viewer_search},
	{SY_OP_SEARCH_NEXT, viewer_search_next},
	{SY_OP_SEARCH_PREV, viewer_search_prev},
	{SY_OP_LINE_NUMBERS, viewer_line_numbers},
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_viewer_view = {
	.name = "viewer",
	.kind = SY_CTX_KIND_PANE,
	.label = N_("Section viewer"),
	.init = viewer_init,
	.free = viewer_free,
	.title = viewer_title,
	.draw = viewer_draw,
	.handlers = viewer_handlers,
	.event = viewer_event,
};
