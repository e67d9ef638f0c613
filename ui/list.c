/* The report list: one row per report with its tag, verdict, note and
 * "changed since review" marks, worst part status, score, unit, year and
 * file name; sort, substring filter, incomplete only. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

static const struct ui *sort_ui; /* context for the qsort comparators */

const char *ui_sort_name(enum ui_sort s)
{
	static const char *const names[UI_NSORT] = {"name", "score", "unit"};
	return (unsigned)s < UI_NSORT ? names[s] : "?";
}

const char *ui_sort_label(enum ui_sort s)
{
	/* TRANSLATORS: the sort order of the report list, shown as "Reports 3/3 · name". */
	static const char *const names[UI_NSORT] = {N_("name"), N_("score"), N_("unit")};
	return (unsigned)s < UI_NSORT ? _(names[s]) : "?";
}

const char *ui_report_name(const struct sy_report *rep)
{
	const char *slash = strrchr(rep->path, '/');
	return slash ? slash + 1 : rep->path;
}

static const struct sy_report *list_report(const struct ui *ui, size_t i)
{
	return &ui->batch.r[i];
}

static bool list_incomplete(const struct ui *ui, const struct sy_report *rep)
{
	return sy_desk_incomplete(&ui->desk, (size_t)(rep - ui->batch.r));
}

size_t ui_list_count_incomplete(const struct ui *ui)
{
	size_t n = 0;
	for (size_t i = 0; i < ui->batch.n; i++)
		n += list_incomplete(ui, &ui->batch.r[i]);
	return n;
}

static bool list_matches(const struct ui *ui, const struct sy_report *rep)
{
	if (ui->list.incomplete_only && !list_incomplete(ui, rep))
		return false;
	const char *f = ui->list.filter;
	if (!*f)
		return true;
	if (strcasestr(rep->path, f))
		return true;
	if (rep->loaded && rep->outline.unit && strstr(rep->outline.unit, f))
		return true;
	return rep->loaded && rep->outline.title && strstr(rep->outline.title, f);
}

static int cmp_name(const struct sy_report *a, const struct sy_report *b)
{
	int c = strcmp(ui_report_name(a), ui_report_name(b));
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
	if (sort_ui->list.sort == UI_SORT_SCORE) {
		long ka = score_key(a), kb = score_key(b);
		c = ka < kb ? -1 : ka > kb;
	} else if (sort_ui->list.sort == UI_SORT_UNIT) {
		const char *ua = a->loaded && a->outline.unit ? a->outline.unit : "\xff";
		const char *ub = b->loaded && b->outline.unit ? b->outline.unit : "\xff";
		c = strcmp(ua, ub);
	}
	return c ? c : cmp_name(a, b);
}

const char *ui_verdict_mark(const struct ui *ui, enum sy_verdict v)
{
	static const char *const utf8[] = {"·", "通", "退", "待"};
	static const char *const ascii[] = {".", "A", "R", "P"};
	return (ui->utf8 ? utf8 : ascii)[(unsigned)v <= SY_VERDICT_PENDING ? v : SY_VERDICT_NONE];
}

enum sy_slot ui_verdict_slot(enum sy_verdict v)
{
	switch (v) {
	case SY_VERDICT_ACCEPT: return SY_SLOT_PRESENT;
	case SY_VERDICT_RETURN: return SY_SLOT_MISSING;
	case SY_VERDICT_PENDING: return SY_SLOT_PARTIAL;
	default: return SY_SLOT_DIM;
	}
}

long ui_list_selected(const struct ui *ui)
{
	return ui->list.sel < ui->list.nview ? (long)ui->list.view[ui->list.sel] : -1;
}

void ui_list_refresh(struct ui *ui)
{
	struct ui_list *l = &ui->list;
	long keep = ui_list_selected(ui);
	l->view = xreallocarray(l->view, ui->batch.n ? ui->batch.n : 1, sizeof *l->view);
	l->nview = 0;
	for (size_t i = 0; i < ui->batch.n; i++)
		if (list_matches(ui, &ui->batch.r[i]))
			l->view[l->nview++] = i;
	sort_ui = ui;
	qsort(l->view, l->nview, sizeof *l->view, cmp_view);
	for (size_t p = 0; keep >= 0 && p < l->nview; p++)
		if (l->view[p] == (size_t)keep)
			l->sel = p;
	if (l->sel >= l->nview)
		l->sel = l->nview ? l->nview - 1 : 0;
}

static int list_height(const struct ui *ui)
{
	return ui->lay.pane[SY_PANE_LIST].h - 1;
}

int ui_list_select(struct ui *ui, size_t pos)
{
	struct ui_list *l = &ui->list;
	if (!l->nview)
		return UI_NONE;
	l->sel = pos < l->nview ? pos : l->nview - 1;
	ui_show_report(ui, (long)l->view[l->sel]);
	return UI_REDRAW;
}

void ui_list_show_index(struct ui *ui, size_t i)
{
	for (size_t p = 0; p < ui->list.nview; p++)
		if (ui->list.view[p] == i) {
			ui_list_select(ui, p);
			return;
		}
	ui_show_report(ui, (long)i);
}

int ui_list_move(struct ui *ui, long delta)
{
	long pos = (long)ui->list.sel + delta;
	return ui_list_select(ui, pos < 0 ? 0 : (size_t)pos);
}

/* Keeps the selection inside the visible rows. */
static void list_scroll_to_sel(struct ui *ui)
{
	struct ui_list *l = &ui->list;
	size_t h = (size_t)(list_height(ui) > 0 ? list_height(ui) : 1);
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
static void list_draw_row(struct ui *ui, int y, size_t pos)
{
	const struct sy_rect *r = &ui->lay.pane[SY_PANE_LIST];
	const struct sy_report *rep = list_report(ui, ui->list.view[pos]);
	bool sel = pos == ui->list.sel;
	const struct ui_style *st = &ui->style[!sel ? SY_SLOT_NORMAL
				   : ui->focus == SY_PANE_LIST ? SY_SLOT_SELECTION : SY_SLOT_SELECTION_IDLE];
	struct list_cols c = list_columns(r->w);
	int x = r->x;
	ui_draw_fill(y, x, r->w, st);
	list_draw_marks(ui, y, x, ui->list.view[pos], st);
	if (rep->loaded) {
		enum sy_status w = sy_effective_worst(rep, sy_desk_review(&ui->desk, ui->list.view[pos]), &ui->rubric);
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

static void list_draw_title(struct ui *ui)
{
	char title[400];
	/* TRANSLATORS: the report list's title: shown/all · the sort order. */
	int n = snprintf(title, sizeof title, _("Reports %zu/%zu · %s"), ui->list.nview, ui->batch.n,
			 ui_sort_label(ui->list.sort));
	if (ui->list.incomplete_only && n > 0 && (size_t)n < sizeof title)
		n += snprintf(title + n, sizeof title - (size_t)n, "%s", _(" · incomplete"));
	/* TRANSLATORS: the list filter in the title; f is its key. */
	if (ui->list.filter[0] && n > 0 && (size_t)n < sizeof title)
		snprintf(title + n, sizeof title - (size_t)n, _(" · f:%s"), ui->list.filter);
	ui_draw_title(ui, SY_PANE_LIST, title);
}

void ui_list_draw(struct ui *ui)
{
	const struct sy_rect *r = &ui->lay.pane[SY_PANE_LIST];
	list_draw_title(ui);
	list_scroll_to_sel(ui);
	int h = list_height(ui);
	for (int row = 0; row < h && ui->list.top + (size_t)row < ui->list.nview; row++)
		list_draw_row(ui, r->y + 1 + row, ui->list.top + (size_t)row);
	if (!ui->list.nview && h > 0)
		ui_draw_field(ui, r->y + 1, r->x + 1,
			      ui->batch.n ? _("no report matches") : _("no reports"), r->w - 1, SY_ALIGN_LEFT,
			      &ui->style[SY_SLOT_DIM]);
}
