/* The report list pane: one row per report with its tag, verdict, note and
 * "changed since review" marks, worst part status, score, unit (without the
 * county's name every unit shares), year and file name; at 200 columns also
 * the verdict, who gave it and the received date. What it shows and in
 * which order is list_order.c's: sort (s cycles, S picks), show only (i
 * incomplete, F a verdict, tagged, re-review, a reviewer), substring filter
 * (f). Selecting a row shows that report; the list follows whichever report
 * is shown, and publishes the reports it shows (ui->shown). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/deadline.h"
#include "shenyue/unitname.h"
#include "shenyue/xalloc.h"
#include "list_order.h"
#include "ui.h"

#define LIST_FILTER_MAX 80 /* code points: the filter is a short substring */

struct list_state {
	size_t *view;           /* batch indices shown, in display order */
	size_t nview;
	size_t sel;             /* position in view */
	size_t top;             /* first visible position */
	struct list_order order; /* what is shown, how it is sorted */
	size_t unit_prefix;     /* bytes of the county's name every unit shares */
	const char **reviewers; /* the F menu's reviewers, while it is open */
	size_t *missing;        /* roster units with no report (未报送), shown after the reports */
	size_t nmissing;
};

extern const struct ui_view_ops ui_list_view;

static struct list_state *list_of(struct ui *ui)
{
	return ui_view_state(ui, &ui_list_view);
}

static const struct sy_report *list_report(const struct ui *ui, size_t i)
{
	return &ui->batch.r[i];
}

/* Finds the county's name all loaded units share, to leave out of the
 * unit column (the units are told apart by what follows it). */
static void list_find_unit_prefix(const struct ui *ui, struct list_state *l)
{
	const char **units = xcalloc(ui->batch.n ? ui->batch.n : 1, sizeof *units);
	for (size_t i = 0; i < ui->batch.n; i++)
		units[i] = ui->batch.r[i].loaded ? ui->batch.r[i].outline.unit : NULL;
	l->unit_prefix = sy_unit_shared_prefix(units, ui->batch.n);
	free(units);
}

/* Returns the batch index of the selected report, or -1. */
static long list_selected(const struct list_state *l)
{
	return l->sel < l->nview ? (long)l->view[l->sel] : -1;
}

/* The roster units with no report, in pinyin order, as greyed rows after
 * the reports: the filter applies to their names; any "show only" choice
 * hides them. */
static void list_refresh_missing(struct ui *ui, struct list_state *l)
{
	l->nmissing = 0;
	if (!ui->bdesk.have_roster || l->order.show != LIST_SHOW_ALL)
		return;
	const struct sy_summary *s = ui_summary(ui);
	const char *f = l->order.filter;
	l->missing = xreallocarray(l->missing, s->nunits ? s->nunits : 1, sizeof *l->missing);
	for (size_t j = 0; j < s->nunits; j++) {
		size_t u = s->unit_order[j];
		if (!sy_summary_unit_row(s, u) && (!f || !*f || strstr(s->roster->u[u].name, f)))
			l->missing[l->nmissing++] = u;
	}
}

/* Rebuilds the view (filter, incomplete, sort) keeping the selection, and
 * publishes it. */
static void list_refresh(struct ui *ui, struct list_state *l)
{
	long keep = list_selected(l);
	l->view = xreallocarray(l->view, ui->batch.n ? ui->batch.n : 1, sizeof *l->view);
	l->nview = 0;
	for (size_t i = 0; i < ui->batch.n; i++)
		if (list_order_keeps(ui, &l->order, i))
			l->view[l->nview++] = i;
	list_order_sort(ui, &l->order, l->view, l->nview);
	list_find_unit_prefix(ui, l);
	for (size_t p = 0; keep >= 0 && p < l->nview; p++)
		if (l->view[p] == (size_t)keep)
			l->sel = p;
	list_refresh_missing(ui, l);
	if (l->sel >= l->nview + l->nmissing)
		l->sel = l->nview + l->nmissing ? l->nview + l->nmissing - 1 : 0;
	ui->shown = (struct ui_shown){l->view, l->nview};
}

/* Selects view position pos (clamped) and shows that report; a unit not
 * received has none to show. */
static int list_select(struct ui *ui, struct list_state *l, size_t pos)
{
	size_t rows = l->nview + l->nmissing;
	if (!rows)
		return UI_NONE;
	l->sel = pos < rows ? pos : rows - 1;
	if (l->sel >= l->nview) {
		ui_message(ui, false, _("%s: 未报送 (not received): no report to show"),
			   ui->bdesk.roster.u[l->missing[l->sel - l->nview]].name);
		return UI_REDRAW;
	}
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
	if (l->top + h > l->nview + l->nmissing)
		l->top = l->nview + l->nmissing > h ? l->nview + l->nmissing - h : 0;
}

struct list_cols {
	int unit, year, verdict, reviewer, received, file;
};

#define LIST_MARKS 12 /* "*通✎↻L✗?100 ": tag, verdict, note, changed, late, status, uncertain, score */
#define LIST_WARN_MIN 36 /* from this width the marks end in a warnings count "!3" */

/* The columns the marks take: a pane this wide has room for "!3". */
static int list_marks(int w)
{
	return w >= LIST_WARN_MIN ? LIST_MARKS + 2 : LIST_MARKS;
}

/* Splits the columns left after the marks: unit, year and file name; a
 * wide list (200 columns) also shows the verdict, who gave it and the
 * received date, and more of the unit. */
static struct list_cols list_columns(int w)
{
	struct list_cols c = {0};
	int rest = w - list_marks(w);
	if (rest < 26) {
		c.unit = rest / 2;
		c.file = rest - c.unit - 1;
		return c;
	}
	c.year = 4;
	rest -= 5;
	c.verdict = w >= 56 ? 8 : 0;
	c.reviewer = w >= 66 ? 8 : 0;
	c.received = w >= 78 ? 10 : 0;
	rest -= (c.verdict ? 9 : 0) + (c.reviewer ? 9 : 0) + (c.received ? 11 : 0);
	int most = c.verdict ? 28 : 20;
	int file_min = 9 - (list_marks(w) - LIST_MARKS); /* the "!3" comes out of the file name */
	c.unit = rest - file_min > most ? most : rest - file_min;
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

/* Draws "!3" after the score when report i has warnings or errors that
 * still stand ("!+" past nine). */
static void list_draw_warnings(struct ui *ui, int y, int x, const struct sy_report *rep, size_t i,
			       const struct ui_style *st)
{
	size_t n = rep->loaded && !rep->error ? sy_desk_warnings(&ui->desk, i) : 0;
	char mark[4] = "";
	if (n)
		snprintf(mark, sizeof mark, n > 9 ? "!+" : "!%zu", n);
	ui_draw_field(ui, y, x, mark, 2, SY_ALIGN_LEFT, n ? &ui->style[SY_SLOT_WARNING] : st);
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
	if (ui_report_late(ui, i))
		ui_draw_field(ui, y, x + 5, "L", 1, SY_ALIGN_LEFT, warn); /* received late */
}

/* The unit as the column shows it: without the county's name all share. */
static const char *list_unit_shown(const struct list_state *l, const struct sy_report *rep)
{
	if (rep->error)
		return rep->error;
	if (!rep->loaded || !rep->outline.unit)
		return "";
	const char *u = rep->outline.unit;
	return strlen(u) > l->unit_prefix ? u + l->unit_prefix : u;
}

/* The wide list's review columns of report i: verdict, reviewer, received
 * date; returns the column after them. */
static int list_draw_review(struct ui *ui, int y, int x, const struct list_cols *c, size_t i,
			    const struct ui_style *st)
{
	const struct sy_review *rv = sy_desk_review(&ui->desk, i);
	enum sy_verdict v = sy_review_verdict(rv);
	if (c->verdict) {
		ui_draw_field(ui, y, x, v == SY_VERDICT_NONE ? "" : sy_verdict_label(v), c->verdict, SY_ALIGN_LEFT,
			      v == SY_VERDICT_NONE ? st : &ui->style[ui_verdict_slot(v)]);
		x += c->verdict + 1;
	}
	if (c->reviewer) {
		const char *by = list_reviewer(ui, i);
		ui_draw_field(ui, y, x, by ? by : "", c->reviewer, SY_ALIGN_LEFT, st);
		x += c->reviewer + 1;
	}
	if (c->received) {
		char date[16];
		struct sy_received r = sy_received_of(ui->batch.r[i].path, rv);
		sy_date_format(&r.date, date, sizeof date);
		ui_draw_field(ui, y, x, date, c->received, SY_ALIGN_LEFT, st);
		x += c->received + 1;
	}
	return x;
}

/* True when a required part's detected status, which the reviewer has not
 * replaced, rests on weak evidence: the supervisor should look there first. */
static bool list_uncertain(struct ui *ui, const struct sy_report *rep, size_t i)
{
	for (size_t p = 0; !rep->error && p < rep->score.nparts && p < ui->rubric.nparts; p++) {
		bool ov = false;
		if (!ui->rubric.parts[p].required || !sy_evidence_uncertain(&rep->score.parts[p].ev))
			continue;
		sy_desk_part_status(&ui->desk, i, p, &ov);
		if (!ov)
			return true;
	}
	return false;
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
		if (list_uncertain(ui, rep, l->view[pos]))
			ui_draw_field(ui, y, x + 7, "?", 1, SY_ALIGN_LEFT, &ui->style[SY_SLOT_WARNING]);
	}
	char score[8];
	list_draw_score(ui, rep, score, sizeof score);
	bool warned = rep->loaded && !rep->error && sy_desk_warnings(&ui->desk, l->view[pos]);
	/* narrow: the score in the warning colour; wide: the count too */
	ui_draw_field(ui, y, x + 8, score, 3, SY_ALIGN_RIGHT, warned && !sel ? &ui->style[SY_SLOT_WARNING] : st);
	if (list_marks(r->w) > LIST_MARKS)
		list_draw_warnings(ui, y, x + 11, rep, l->view[pos], st);
	x += list_marks(r->w);
	ui_draw_field(ui, y, x, list_unit_shown(l, rep), c.unit, SY_ALIGN_LEFT, st);
	x += c.unit + 1;
	if (c.year) {
		char year[8] = "";
		if (rep->loaded && rep->outline.year)
			snprintf(year, sizeof year, "%d", rep->outline.year);
		ui_draw_field(ui, y, x, year, c.year, SY_ALIGN_LEFT, st);
		x += c.year + 1;
	}
	x = list_draw_review(ui, y, x, &c, l->view[pos], st);
	ui_draw_field(ui, y, x, ui_report_name(rep), c.file, SY_ALIGN_LEFT,
		      sel ? st : &ui->style[SY_SLOT_DIM]);
}

/* Draws a roster unit with no report: greyed, 未报送 where the marks go. */
static void list_draw_missing(struct ui *ui, struct ui_view *v, int y, size_t pos)
{
	const struct list_state *l = v->state;
	const struct sy_rect *r = &v->rect;
	bool sel = pos == l->sel;
	const struct ui_style *st = &ui->style[!sel ? SY_SLOT_DIM
				   : ui_view_focused(ui) == v ? SY_SLOT_SELECTION : SY_SLOT_SELECTION_IDLE];
	ui_draw_fill(y, r->x, r->w, st);
	int marks = list_marks(r->w);
	ui_draw_field(ui, y, r->x + 1, ui->utf8 ? "未报送" : "missing", marks - 1, SY_ALIGN_LEFT, st);
	ui_draw_field(ui, y, r->x + marks, ui->bdesk.roster.u[l->missing[pos - l->nview]].name,
		      r->w - marks, SY_ALIGN_LEFT, st);
}

static void list_title(struct ui *ui, struct ui_view *v, char *title, size_t len)
{
	const struct list_state *l = v->state;
	/* TRANSLATORS: the report list's title: shown/all · the sort order. */
	int n = snprintf(title, len, _("Reports %zu/%zu · %s"), l->nview, ui->batch.n,
			 list_sort_label(l->order.sort));
	char show[128];
	list_show_label(&l->order, show, sizeof show);
	if (*show && n > 0 && (size_t)n < len)
		n += snprintf(title + n, len - (size_t)n, " · %s", show);
	if (l->nmissing && n > 0 && (size_t)n < len)
		n += snprintf(title + n, len - (size_t)n, _(" · %zu 未报送"), l->nmissing);
	/* TRANSLATORS: the list filter in the title; f is its key. */
	if (l->order.filter && l->order.filter[0] && n > 0 && (size_t)n < len)
		snprintf(title + n, len - (size_t)n, _(" · f:%s"), l->order.filter);
}

static void list_draw(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	const struct sy_rect *r = &v->rect;
	list_scroll_to_sel(l, r->h);
	for (int row = 0; row < r->h && l->top + (size_t)row < l->nview + l->nmissing; row++)
		if (l->top + (size_t)row < l->nview)
			list_draw_row(ui, v, r->y + row, l->top + (size_t)row);
		else
			list_draw_missing(ui, v, r->y + row, l->top + (size_t)row);
	if (!l->nview && !l->nmissing && r->h > 0)
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
	return list_select(ui, l, l->nview + l->nmissing ? l->nview + l->nmissing - 1 : 0);
}

static int list_open(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	list_select(ui, l, l->sel);
	if (l->sel >= l->nview)
		return UI_REDRAW; /* 未报送: nothing to read */
	return ui_view_focus(ui, ui_view_by_ctx(ui, SY_CTX_VIEWER));
}

/* Applies a new order or choice and says so. */
static int list_reorder(struct ui *ui, struct list_state *l, const char *said)
{
	list_refresh(ui, l);
	list_select(ui, l, l->sel);
	ui_message(ui, false, "%s", said);
	return UI_REDRAW;
}

static int list_sort_by(struct ui *ui, long sort)
{
	struct list_state *l = list_of(ui);
	l->order.sort = (enum list_sort)sort;
	char said[160];
	snprintf(said, sizeof said, _("sorted by %s"), list_sort_label(l->order.sort));
	return list_reorder(ui, l, said);
}

static int list_sort(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	return list_sort_by(ui, (l->order.sort + 1) % LIST_NSORT);
}

static int list_sort_menu(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	struct ui_menu_item items[LIST_NSORT];
	for (int s = 0; s < LIST_NSORT; s++)
		items[s] = (struct ui_menu_item){list_sort_label((enum list_sort)s), s};
	return ui_menu_open(ui, _(" Sort by · Enter picks · Esc closes"), items, LIST_NSORT, l->order.sort,
			    list_sort_by);
}

/* The filter follows every keystroke. */
static int list_filter_set(struct ui *ui, const char *text)
{
	struct list_state *l = list_of(ui);
	ui_str_set(&l->order.filter, text);
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
	return ui_prompt_line(ui, _("filter: "), l->order.filter, LIST_FILTER_MAX, list_filter_set, list_filter_set,
			      list_filter_drop);
}

/* Shows only what show (and reviewer) keep; says how many. */
static int list_show_only(struct ui *ui, struct list_state *l, enum list_show show, const char *reviewer)
{
	l->order.show = show;
	ui_str_set(&l->order.reviewer, reviewer);
	list_refresh(ui, l);
	char what[128], said[200];
	list_show_label(&l->order, what, sizeof what);
	if (show == LIST_SHOW_INCOMPLETE)
		snprintf(said, sizeof said, "%s", _("showing incomplete reports only"));
	else if (show == LIST_SHOW_ALL)
		snprintf(said, sizeof said, "%s", _("showing all reports"));
	else
		snprintf(said, sizeof said, _("showing only %s: %zu"), what, l->nview);
	return list_reorder(ui, l, said);
}

static int list_incomplete(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	return list_show_only(ui, l, l->order.show == LIST_SHOW_INCOMPLETE ? LIST_SHOW_ALL : LIST_SHOW_INCOMPLETE,
			      NULL);
}

static int list_late(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	return list_show_only(ui, l, l->order.show == LIST_SHOW_LATE ? LIST_SHOW_ALL : LIST_SHOW_LATE, NULL);
}

/* A choice of the F menu: a show kind, or LIST_NSHOW + k for reviewer k. */
static int list_show_picked(struct ui *ui, long value)
{
	struct list_state *l = list_of(ui);
	const char *who = value >= LIST_NSHOW && l->reviewers ? l->reviewers[value - LIST_NSHOW] : NULL;
	int react = list_show_only(ui, l, who ? LIST_SHOW_REVIEWER : (enum list_show)value, who);
	free(l->reviewers); /* the names are the reviews', only the array is ours */
	l->reviewers = NULL;
	return react;
}

/* The number of reports show keeps. */
static size_t list_count_shown(const struct ui *ui, enum list_show show, const char *reviewer)
{
	size_t n = 0;
	for (size_t i = 0; i < ui->batch.n; i++)
		n += list_shows(ui, show, reviewer, i);
	return n;
}

/* One choice of the F menu: its words, how many it keeps, its value. */
static struct ui_menu_item list_show_item(const struct ui *ui, enum list_show show, const char *reviewer,
					  long value)
{
	struct list_order o = {.show = show, .reviewer = (char *)reviewer};
	char what[128];
	if (show == LIST_SHOW_ALL)
		snprintf(what, sizeof what, "%s", _("all reports"));
	else
		list_show_label(&o, what, sizeof what);
	return (struct ui_menu_item){xasprintf("%s (%zu)", what, list_count_shown(ui, show, reviewer)), value};
}

static int list_show(struct ui *ui, struct ui_view *v)
{
	struct list_state *l = v->state;
	size_t nrev, n = 0, sel = 0;
	free(l->reviewers);
	l->reviewers = list_reviewers(ui, &nrev);
	struct ui_menu_item *items = xcalloc(LIST_NSHOW + nrev, sizeof *items);
	for (int s = 0; s < LIST_NSHOW; s++) {
		if (s == LIST_SHOW_REVIEWER)
			continue;
		if (l->order.show == (enum list_show)s)
			sel = n;
		items[n++] = list_show_item(ui, (enum list_show)s, NULL, s);
	}
	for (size_t k = 0; k < nrev; k++) {
		if (l->order.show == LIST_SHOW_REVIEWER && l->order.reviewer && !strcmp(l->order.reviewer, l->reviewers[k]))
			sel = n;
		items[n++] = list_show_item(ui, LIST_SHOW_REVIEWER, l->reviewers[k], LIST_NSHOW + (long)k);
	}
	int react = ui_menu_open(ui, _(" Show only · Enter picks · Esc closes"), items, n, sel, list_show_picked);
	for (size_t k = 0; k < n; k++)
		free((char *)items[k].label); /* made by list_show_item */
	free(items);
	return react;
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
	free(l->missing);
	list_order_free(&l->order);
	free(l->reviewers);
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
	{SY_OP_SORT_MENU, list_sort_menu},
	{SY_OP_FILTER, list_filter},
	{SY_OP_INCOMPLETE, list_incomplete},
	{SY_OP_LATE, list_late},
	{SY_OP_SHOW, list_show},
	{SY_OP_CLEAR_VERDICT, list_clear_verdict},
	{SY_OP_TAG, list_tag},
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
