/* The report list pane: one row per report with its tag, verdict, note and
 * "changed since review" marks, worst part status, score, unit, year and
 * file name; sort, substring filter, incomplete only. Selecting a row shows
 * that report; the list follows whichever report is shown, and publishes
 * the reports it shows (ui->shown). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/collate.h"
#include "shenyue/xalloc.h"
#include "ui.h"

enum list_sort { LIST_SORT_NAME, LIST_SORT_SCORE, LIST_SORT_UNIT, LIST_NSORT };

#define LIST_FILTER_MAX 80 /* code points: the filter is a short substring */

struct list_state {
	size_t *view;           /* batch indices shown, in display order */
	size_t nview;
	size_t sel;             /* position in view */
	size_t top;             /* first visible position */
	enum list_sort sort;
	char *filter;           /* substring filter (not the search), or NULL */
	bool incomplete_only;
};

extern const struct ui_view_ops ui_list_view;

/* The context of the qsort comparators. */
static const struct ui *sort_ui;
static const struct list_state *sort_list;

static struct list_state *list_of(struct ui *ui)
{
	return ui_view_state(ui, &ui_list_view);
}

static const char *list_sort_label(enum list_sort s)
{
	/* TRANSLATORS: the sort order of the report list, shown as "Reports 3/3 · name". */
	static const char *const names[LIST_NSORT] = {N_("name"), N_("score"), N_("unit")};
	return (unsigned)s < LIST_NSORT ? _(names[s]) : "?";
}

static const struct sy_report *list_report(const struct ui *ui, size_t i)
{
	return &ui->batch.r[i];
}

static bool list_matches(const struct ui *ui, const struct list_state *l, size_t i)
{
	const struct sy_report *rep = list_report(ui, i);
	if (l->incomplete_only && !ui_report_incomplete(ui, i))
		return false;
	const char *f = l->filter;
	if (!f || !*f)
		return true;
	if (strcasestr(rep->path, f))
		return true;
	if (rep->loaded && rep->outline.unit && strstr(rep->outline.unit, f))
		return true;
	return rep->loaded && rep->outline.title && strstr(rep->outline.title, f);
}

/* Names and units in pinyin order, as Chinese readers expect. */
static int cmp_name(const struct sy_report *a, const struct sy_report *b)
{
	int c = sy_collate(ui_report_name(a), ui_report_name(b));
	return c ? c : strcmp(a->path, b->path);
}

/* Score order: unreadable first, then lowest score; not yet scored last. */
static long score_key(const struct sy_report *r)
{
	if (!r->loaded)
		return 1000;
	return r->error ? -1 : sy_desk_score(&sort_ui->desk, (size_t)(r - sort_ui->batch.r));
}

static int cmp_view(const void *pa, const void *pb)
{
	const struct sy_report *a = list_report(sort_ui, *(const size_t *)pa);
	const struct sy_report *b = list_report(sort_ui, *(const size_t *)pb);
	int c = 0;
	if (sort_list->sort == LIST_SORT_SCORE) {
		long ka = score_key(a), kb = score_key(b);
		c = ka < kb ? -1 : ka > kb;
	} else if (sort_list->sort == LIST_SORT_UNIT) {
		c = sy_collate(a->loaded ? a->outline.unit : NULL, b->loaded ? b->outline.unit : NULL);
	}
	return c ? c : cmp_name(a, b);
}

/* Returns the batch index of the selected report, or -1. */
static long list_selected(const struct list_state *l)
{
	return l->sel < l->nview ? (long)l->view[l->sel] : -1;
}

/* Rebuilds the view (filter, incomplete, sort) keeping the selection, and
 * publishes it. */
static void list_refresh(struct ui *ui, struct list_state *l)
{
	long keep = list_selected(l);
	l->view = xreallocarray(l->view, ui->batch.n ? ui->batch.n : 1, sizeof *l->view);
	l->nview = 0;
	for (size_t i = 0; i < ui->batch.n; i++)
		if (list_matches(ui, l, i))
			l->view[l->nview++] = i;
	sort_ui = ui;
	sort_list = l;
	qsort(l->view, l->nview, sizeof *l->view, cmp_view);
	for (size_t p = 0; keep >= 0 && p < l->nview; p++)
		if (l->view[p] == (size_t)keep)
			l->sel = p;
	if (l->sel >= l->nview)
		l->sel = l->nview ? l->nview - 1 : 0;
	ui->shown = (struct ui_shown){l->view, l->nview};
}

/* Selects view position pos (clamped) and shows that report. */
static int list_select(struct ui *ui, struct list_state *l, size_t pos)
{
	if (!l->nview)
		return UI_NONE;
	l->sel = pos < l->nview ? pos : l->nview - 1;
	ui_show_report(ui, (long)l->view[l->sel]);
	return UI_REDRAW;
}

/* Moves the selection by delta rows (clamped). */
static int list_move(struct ui *ui, struct list_state *l, long delta)
{
	long pos = (long)l->sel + delta;
	return list_select(ui, l, pos < 0 ? 0 : (size_t)pos);
}

/* Keeps the selection inside the visible rows. */
static void list_scroll_to_sel(struct list_state *l, int height)
{
	size_t h = (size_t)(height > 0 ? height : 1);
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	if (l->top + h > l->nview)
		l->top = l->nview > h ? l->nview - h : 0;
}

struct list_cols {
	int unit, year, file;
};

#define LIST_MARKS 12 /* "*通✎↻ ✗ 100 ": tag, verdict, note, changed, status, score */

/* Splits the columns left after the marks between unit, year and file name. */
static struct list_cols list_columns(int w)
{
	struct list_cols c = {0, 0, 0};
	int rest = w - LIST_MARKS;
	if (rest >= 26) {
		c.year = 4;
		rest -= 5;
		c.unit = rest - 9 > 20 ? 20 : rest - 9;
	} else {
		c.unit = rest / 2;
	}
	c.file = rest - c.unit - 1;
	return c;
}

static void list_draw_score(struct ui *ui, const struct sy_report *rep, char *buf, size_t len)
{
	if (!rep->loaded)
		snprintf(buf, len, ui->utf8 ? "…" : ".");
	else if (rep->error)
		snprintf(buf, len, "ERR");
	else
		snprintf(buf, len, "%d", sy_desk_score(&ui->desk, (size_t)(rep - ui->batch.r)));
}

/* Draws the review marks of report i: tag, verdict, note, changed or conflict. */
static void list_draw_marks(struct ui *ui, int y, int x, size_t i, const struct ui_style *st)
{
	const struct sy_review *rv = sy_desk_review(&ui->desk, i);
	enum sy_verdict v = sy_review_verdict(rv);
	const struct ui_style *warn = &ui->style[SY_SLOT_WARNING];
	ui_draw_field(ui, y, x, ui->desk.tagged[i] ? "*" : "", 1, SY_ALIGN_LEFT, st);
	ui_draw_field(ui, y, x + 1, ui_verdict_mark(ui, v), 2, SY_ALIGN_LEFT,
		      v == SY_VERDICT_NONE ? st : &ui->style[ui_verdict_slot(v)]);
	if (sy_review_has_notes(rv))
		ui_draw_field(ui, y, x + 3, ui->utf8 ? "✎" : "n", 1, SY_ALIGN_LEFT, st);
	if (sy_review_nconflicts(rv))
		ui_draw_field(ui, y, x + 4, "!", 1, SY_ALIGN_LEFT, warn);
	else if (sy_desk_changed(&ui->desk, i))
		ui_draw_field(ui, y, x + 4, ui->utf8 ? "↻" : "c", 1, SY_ALIGN_LEFT, warn);
}

/* Draws one report row at screen row y. */
static void list_draw_row(struct ui *ui, struct ui_view *v, int y, size_t pos)
{
	const struct list_state *l = v->state;
	const struct sy_rect *r = &v->rect;
	const struct sy_report *rep = list_report(ui, l->view[pos]);
	bool sel = pos == l->sel;
	const struct ui_style *st = &ui->style[!sel ? SY_SLOT_NORMAL
				   : ui_view_focused(ui) == v ? SY_SLOT_SELECTION : SY_SLOT_SELECTION_IDLE];
	struct list_cols c = list_columns(r->w);
	int x = r->x;
	ui_draw_fill(y, x, r->w, st);
	list_draw_marks(ui, y, x, l->view[pos], st);
	if (rep->loaded) {
		enum sy_status w = sy_effective_worst(rep, sy_desk_review(&ui->desk, l->view[pos]), &ui->rubric);
		ui_draw_field(ui, y, x + 6, ui_status_mark(ui, w), 1, SY_ALIGN_LEFT,
			      &ui->style[ui_status_slot(w)]);
	}
	char score[8];
	list_draw_score(ui, rep, score, sizeof score);
	ui_draw_field(ui, y, x + 8, score, 3, SY_ALIGN_RIGHT, st);
	x += LIST_MARKS;
	const char *unit = rep->error ? rep->error : rep->loaded && rep->outline.unit ? rep->outline.unit : "";
	ui_draw_field(ui, y, x, unit, c.unit, SY_ALIGN_LEFT, st);
	x += c.unit + 1;
	if (c.year) {
		char year[8] = "";
		if (rep->loaded && rep->outline.year)
			snprintf(year, sizeof year, "%d", rep->outline.year);
		ui_draw_field(ui, y, x, year, c.year, SY_ALIGN_LEFT, st);
		x += c.year + 1;
	}
	ui_draw_field(ui, y, x, ui_report_name(rep), c.file, SY_ALIGN_LEFT,
		      sel ? st : &ui->style[SY_SLOT_DIM]);
}

static void list_title(struct ui *ui, struct ui_view *v, char *title, size_t len)
{
	const struct list_state *l = v->state;
	/* TRANSLATORS: the report list's title: shown/all · the sort order. */
	int n = snprintf(title, len, _("Reports %zu/%zu · %s"), l->nview, ui->batch.n, list_sort_label(l->sort));
	if (l->incomplete_only && n > 0 && (size_t)n < len)
		n += snprintf(title + n, len - (size_t)n, "%s", _(" · incomplete"));
	/* TRANSLATORS: the list filter in the title; f is its key. */
	if (l->filter && l->filter[0] && n > 0 && (size_t)n < len)
		snprintf(title + n, len - (size_t)n, _(" · f:%s"), l->filter);
}

static void list_draw(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	const struct sy_rect *r = &v->rect;
	list_scroll_to_sel(l, r->h);
	for (int row = 0; row < r->h && l->top + (size_t)row < l->nview; row++)
		list_draw_row(ui, v, r->y + row, l->top + (size_t)row);
	if (!l->nview && r->h > 0)
		ui_draw_field(ui, r->y, r->x + 1, ui->batch.n ? _("no report matches") : _("no reports"), r->w - 1,
			      SY_ALIGN_LEFT, &ui->style[SY_SLOT_DIM]);
}

/* ---- what the list does ---- */

static int list_down(struct ui *ui, struct ui_view *v)
{
	return list_move(ui, v->state, 1);
}

static int list_up(struct ui *ui, struct ui_view *v)
{
	return list_move(ui, v->state, -1);
}

/* A page is the rows shown less one, so one row stays in sight. */
static int list_page(struct ui_view *v)
{
	return v->rect.h - 1 > 1 ? v->rect.h - 1 : 1;
}

static int list_page_down(struct ui *ui, struct ui_view *v)
{
	return list_move(ui, v->state, list_page(v));
}

static int list_page_up(struct ui *ui, struct ui_view *v)
{
	return list_move(ui, v->state, -list_page(v));
}

static int list_first(struct ui *ui, struct ui_view *v)
{
	return list_select(ui, v->state, 0);
}

static int list_last(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	return list_select(ui, l, l->nview ? l->nview - 1 : 0);
}

static int list_open(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	list_select(ui, l, l->sel);
	return ui_view_focus(ui, ui_view_by_ctx(ui, SY_CTX_VIEWER));
}

static int list_sort(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	l->sort = (enum list_sort)((l->sort + 1) % LIST_NSORT);
	list_refresh(ui, l);
	ui_message(ui, false, _("sorted by %s"), list_sort_label(l->sort));
	return UI_REDRAW;
}

/* The filter follows every keystroke. */
static int list_filter_set(struct ui *ui, const char *text)
{
	struct list_state *l = list_of(ui);
	ui_str_set(&l->filter, text);
	list_refresh(ui, l);
	list_select(ui, l, l->sel);
	return UI_REDRAW;
}

/* Esc drops the filter. */
static int list_filter_drop(struct ui *ui, const char *text)
{
	(void)text;
	return list_filter_set(ui, "");
}

static int list_filter(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	return ui_prompt_line(ui, _("filter: "), l->filter, LIST_FILTER_MAX, list_filter_set, list_filter_set,
			      list_filter_drop);
}

static int list_incomplete(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	l->incomplete_only = !l->incomplete_only;
	list_refresh(ui, l);
	list_select(ui, l, l->sel);
	ui_message(ui, false, "%s",
		   l->incomplete_only ? _("showing incomplete reports only") : _("showing all reports"));
	return UI_REDRAW;
}

static int list_clear_verdict(struct ui *ui, struct ui_view *v)
{
	return ui_decide_verdict(ui, SY_VERDICT_NONE);
}

/* t t t tags a run of reports: the cursor moves down after each. */
static int list_tag(struct ui *ui, struct ui_view *v)
{
	return ui_tags_toggle(ui) | list_move(ui, v->state, 1);
}

static int list_tag_visible(struct ui *ui, struct ui_view *v)
{
	return ui_tags_visible(ui);
}

static int list_untag_all(struct ui *ui, struct ui_view *v)
{
	return ui_tags_clear(ui);
}

static int list_click(struct ui *ui, struct ui_view *v, int row, int col)
{
	struct list_state *l = v->state;
	return list_select(ui, l, l->top + (size_t)row) | UI_REDRAW;
}

/* Follows the report shown; refreshes as reports load or reviews change. */
static void list_event(struct ui *ui, struct ui_view *v, const struct ui_event *ev)
{
	struct list_state *l = v->state;
	if (ev->kind == UI_EVENT_REPORT) {
		for (size_t p = 0; ui->current >= 0 && p < l->nview; p++)
			if (l->view[p] == (size_t)ui->current)
				l->sel = p;
	} else if (ev->kind == UI_EVENT_LOADED) {
		list_refresh(ui, l);
		if (ui->current < 0 && l->nview)
			list_select(ui, l, l->sel);
	}
}

static void *list_init(struct ui *ui)
{
	struct list_state *l = xcalloc(1, sizeof *l);
	list_refresh(ui, l);
	return l;
}

static void list_free(void *state)
{
	struct list_state *l = state;
	free(l->view);
	free(l->filter);
	free(l);
}

static const struct ui_view_handler list_handlers[] = {
	{SY_OP_MOVE_DOWN, list_down},
	{SY_OP_MOVE_UP, list_up},
	{SY_OP_PAGE_DOWN, list_page_down},
	{SY_OP_PAGE_UP, list_page_up},
	{SY_OP_MOVE_TOP, list_first},
	{SY_OP_MOVE_BOTTOM, list_last},
	{SY_OP_OPEN, list_open},
	{SY_OP_SORT, list_sort},
	{SY_OP_FILTER, list_filter},
	{SY_OP_INCOMPLETE, list_incomplete},
	{SY_OP_CLEAR_VERDICT, list_clear_verdict},
	{SY_OP_TAG, list_tag},
	{SY_OP_TAG_VISIBLE, list_tag_visible},
	{SY_OP_UNTAG_ALL, list_untag_all},
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_list_view = {
	.name = "list",
	.kind = SY_CTX_KIND_PANE,
	.label = N_("Report list"),
	.init = list_init,
	.free = list_free,
	.title = list_title,
	.draw = list_draw,
	.handlers = list_handlers,
	.click = list_click,
	.event = list_event,
};
