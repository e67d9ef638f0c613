/* The diff page: what a resubmitted report (↻) changed since the verdict,
 * part by part. The text judged was kept when the verdict was given
 * (judged.h); each part shows its status then and now, your note on it,
 * and, when its text changed, the lines taken out (-) and put in (+) with a
 * line of context around them; a part whose text did not change is one
 * row. ] and [ go to the next or previous changed part. Opened by d. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shenyue/judged.h"
#include "shenyue/xalloc.h"
#include "ui.h"

/* Unchanged lines shown on each side of a change. */
#define DIFF_CONTEXT 1

enum diff_row_kind {
	DIFF_PART,        /* a part's header: its status then and now */
	DIFF_NOTE,        /* the reviewer's note on the part (or the report) */
	DIFF_SAME_NOTE,   /* "unchanged" or "… N lines unchanged" */
	DIFF_LINE,        /* a line of text, wrapped: kept, taken out or put in */
};

struct diff_row {
	enum diff_row_kind kind;
	long part;                /* rubric part index, or nparts: the text outside the parts */
	enum sy_diff_op op;       /* DIFF_LINE */
	long old_line, new_line;  /* 0-based; DIFF_SAME_NOTE: the count of lines in old_line */
	size_t from, to;          /* DIFF_LINE: bytes of the line on this row */
};

struct diff_state {
	long report;              /* batch index, -1 */
	uint64_t hash;            /* the report's content when the page was built */
	struct sy_report_diff d;
	struct diff_row *rows;
	size_t nrows, cap, top;
	int cols;                 /* the width the rows were laid out for */
};

static void *diff_init(struct ui *ui)
{
	(void)ui;
	struct diff_state *st = xcalloc(1, sizeof *st);
	st->report = -1;
	return st;
}

static void diff_clear(struct diff_state *st)
{
	sy_report_diff_free(&st->d);
	free(st->rows);
	st->rows = NULL;
	st->nrows = st->cap = st->top = 0;
	st->report = -1;
	st->cols = 0;
}

static void diff_free(void *state)
{
	diff_clear(state);
	free(state);
}

/* ---- building ---- */

static bool diff_build(struct ui *ui, struct diff_state *st)
{
	diff_clear(st);
	struct sy_report *rep = ui_current_report(ui);
	if (rep && !ui_loader_need(ui, (size_t)ui->current)) /* the diff reads its text */
		return false;
	if (!rep || !rep->loaded || rep->error) {
		ui_message(ui, false, "%s", _("no report to compare"));
		return false;
	}
	const struct sy_judged *j = sy_desk_judged(&ui->desk, (size_t)ui->current);
	if (!j) {
		ui_message(ui, ui->desk.msg[0] != 0, "%s",
			   ui->desk.msg[0] ? ui->desk.msg : _("no text was kept for this report: no verdict was given on it yet"));
		return false;
	}
	st->report = ui->current;
	st->hash = rep->doc.hash;
	sy_judged_diff(&st->d, j, rep, &ui->rubric);
	return true;
}

static bool diff_open(struct ui *ui, struct ui_view *v)
{
	struct diff_state *st = v->state;
	if (!diff_build(ui, st))
		return false;
	if (!st->d.nchanged)
		ui_message(ui, false, "%s", _("the text is the same as when the verdict was given"));
	return true;
}

static void diff_add(struct diff_state *st, struct diff_row r)
{
	if (st->nrows == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 64;
		st->rows = xreallocarray(st->rows, st->cap, sizeof *st->rows);
	}
	st->rows[st->nrows++] = r;
}

/* The text of line i then (old) or now. */
static const char *diff_text(struct ui *ui, long old_line, long new_line)
{
	const struct sy_judged *j = sy_desk_judged(&ui->desk, (size_t)ui->current);
	if (old_line >= 0)
		return j && (size_t)old_line < j->nlines ? j->lines[old_line] : "";
	struct sy_report *rep = ui_current_report(ui);
	return rep && (size_t)new_line < rep->doc.nlines ? rep->doc.lines[new_line].text : "";
}

static void diff_add_line(struct ui *ui, struct diff_state *st, long part, const struct sy_diff_line *dl, int cols)
{
	const char *t = diff_text(ui, dl->op == SY_DIFF_ADDED ? -1 : dl->old_line, dl->new_line);
	struct sy_span *rows;
	size_t n = sy_wrap(t, (size_t)(cols > 10 ? cols - 8 : 2), &rows);
	for (size_t k = 0; k < n; k++)
		diff_add(st, (struct diff_row){ DIFF_LINE, part, dl->op, dl->old_line, dl->new_line, rows[k].start,
						rows[k].end });
	free(rows);
}

/* Is line k of the part's difference within DIFF_CONTEXT of a change? */
static bool near_change(const struct sy_part_diff *pd, size_t k)
{
	size_t a = k > DIFF_CONTEXT ? k - DIFF_CONTEXT : 0, b = k + DIFF_CONTEXT;
	for (size_t q = a; q <= b && q < pd->nd; q++)
		if (pd->d[q].op != SY_DIFF_SAME)
			return true;
	return false;
}

/* A changed part's lines: the changes with their context, the rest counted. */
static void diff_add_changes(struct ui *ui, struct diff_state *st, long part, const struct sy_part_diff *pd, int cols)
{
	long skipped = 0;
	for (size_t k = 0; k < pd->nd; k++) {
		if (pd->d[k].op == SY_DIFF_SAME && !near_change(pd, k)) {
			skipped++;
			continue;
		}
		if (skipped)
			diff_add(st, (struct diff_row){ DIFF_SAME_NOTE, part, SY_DIFF_SAME, skipped, -1, 0, 0 });
		skipped = 0;
		diff_add_line(ui, st, part, &pd->d[k], cols);
	}
	if (skipped)
		diff_add(st, (struct diff_row){ DIFF_SAME_NOTE, part, SY_DIFF_SAME, skipped, -1, 0, 0 });
}

static void diff_layout(struct ui *ui, struct diff_state *st, int cols)
{
	free(st->rows);
	st->rows = NULL;
	st->nrows = st->cap = 0;
	const struct sy_note_target report_note = {.on = SY_NOTE_REPORT};
	if (sy_review_note(sy_desk_review(&ui->desk, (size_t)st->report), &report_note))
		diff_add(st, (struct diff_row){ DIFF_NOTE, -1, SY_DIFF_SAME, -1, -1, 0, 0 });
	for (size_t p = 0; p < st->d.n; p++) {
		const struct sy_part_diff *pd = &st->d.p[p];
		if (!pd->id && !pd->changed)
			continue; /* the text outside the parts: only when it changed */
		diff_add(st, (struct diff_row){ DIFF_PART, (long)p, SY_DIFF_SAME, -1, -1, 0, 0 });
		const struct sy_note_target t = {.on = SY_NOTE_PART, .part = pd->id};
		if (pd->id && sy_review_note(sy_desk_review(&ui->desk, (size_t)st->report), &t))
			diff_add(st, (struct diff_row){ DIFF_NOTE, (long)p, SY_DIFF_SAME, -1, -1, 0, 0 });
		if (pd->changed)
			diff_add_changes(ui, st, (long)p, pd, cols);
		else
			diff_add(st, (struct diff_row){ DIFF_SAME_NOTE, (long)p, SY_DIFF_SAME, -1, -1, 0, 0 });
	}
	st->cols = cols;
	if (st->top >= st->nrows)
		st->top = st->nrows ? st->nrows - 1 : 0;
}

/* ---- drawing ---- */

static const char *part_name(struct ui *ui, const struct diff_state *st, long p)
{
	return st->d.p[p].id ? ui_part_short(ui, (size_t)p) : _("title, opening and signature");
}

static void draw_part(struct ui *ui, const struct diff_state *st, const struct diff_row *r, int y, int x, int w)
{
	const struct sy_part_diff *pd = &st->d.p[r->part];
	char head[512], was[64] = "";
	if (pd->id && pd->old_status >= 0 && pd->new_status >= 0 && pd->old_status != pd->new_status)
		snprintf(was, sizeof was, "  %s%s%s", ui_status_mark(ui, (enum sy_status)pd->old_status),
			 ui->utf8 ? "→" : "->", ui_status_mark(ui, (enum sy_status)pd->new_status));
	else if (pd->id && pd->new_status >= 0)
		snprintf(was, sizeof was, "  %s", ui_status_mark(ui, (enum sy_status)pd->new_status));
	snprintf(head, sizeof head, "%s%s  %s", part_name(ui, st, r->part), was,
		 pd->changed ? _("changed") : _("unchanged"));
	const struct ui_style *sty = &ui->style[pd->changed ? SY_SLOT_TITLE_FOCUS : SY_SLOT_TITLE];
	ui_draw_fill(y, x, w, sty);
	ui_draw_field(ui, y, x, head, w, SY_ALIGN_LEFT, sty);
}

static void draw_note(struct ui *ui, const struct diff_state *st, const struct diff_row *r, int y, int x, int w)
{
	const struct sy_note_target t = r->part < 0 ? (struct sy_note_target){.on = SY_NOTE_REPORT}
						    : (struct sy_note_target){.on = SY_NOTE_PART, .part = st->d.p[r->part].id};
	const char *note = sy_review_note(sy_desk_review(&ui->desk, (size_t)st->report), &t);
	char buf[1024];
	snprintf(buf, sizeof buf, "%s %s%s", ui->utf8 ? "✎" : "n:", r->part < 0 ? _("report: ") : "", note ? note : "");
	ui_draw_fill(y, x, w, &ui->style[SY_SLOT_NORMAL]);
	ui_draw_field(ui, y, x + 2, buf, w - 2, SY_ALIGN_LEFT, &ui->style[SY_SLOT_INFO]);
}

static void draw_line(struct ui *ui, const struct diff_row *r, int y, int x, int w)
{
	static const enum sy_slot slot[] = {[SY_DIFF_SAME] = SY_SLOT_DIM, [SY_DIFF_DELETED] = SY_SLOT_MISSING,
					    [SY_DIFF_ADDED] = SY_SLOT_PRESENT};
	static const char *const mark[] = {[SY_DIFF_SAME] = " ", [SY_DIFF_DELETED] = "-", [SY_DIFF_ADDED] = "+"};
	const char *t = diff_text(ui, r->op == SY_DIFF_ADDED ? -1 : r->old_line, r->new_line);
	bool first = r->from == 0;
	char num[32] = "";
	long line = r->op == SY_DIFF_ADDED ? r->new_line : r->old_line;
	if (first)
		snprintf(num, sizeof num, "%s%ld", mark[r->op], line + 1);
	ui_draw_fill(y, x, w, &ui->style[SY_SLOT_NORMAL]);
	ui_draw_field(ui, y, x, num, 6, SY_ALIGN_RIGHT, &ui->style[slot[r->op]]);
	if (r->to > r->from && w > 8)
		ui_draw_text(y, x + 7, t + r->from, r->to - r->from, w - 8, &ui->style[slot[r->op]]);
}

static void draw_same_note(struct ui *ui, const struct diff_row *r, int y, int x, int w)
{
	char buf[128];
	if (r->old_line >= 0)
		snprintf(buf, sizeof buf, _("… %ld lines unchanged"), r->old_line);
	else
		snprintf(buf, sizeof buf, "%s", _("the same text as when judged"));
	ui_draw_fill(y, x, w, &ui->style[SY_SLOT_NORMAL]);
	ui_draw_field(ui, y, x + 7, buf, w - 7, SY_ALIGN_LEFT, &ui->style[SY_SLOT_DIM]);
}

static void diff_draw(struct ui *ui, struct ui_view *v)
{
	struct diff_state *st = v->state;
	const struct sy_rect *r = &v->rect;
	struct sy_report *rep = ui_current_report(ui);
	if (st->report < 0 || !rep || st->report != ui->current)
		return;
	if (rep->doc.hash != st->hash && !diff_build(ui, st)) /* read again meanwhile */
		return;
	if (st->cols != r->w)
		diff_layout(ui, st, r->w);
	for (int k = 0; k < r->h; k++) {
		size_t i = st->top + (size_t)k;
		int y = r->y + k;
		if (i >= st->nrows) {
			ui_draw_fill(y, r->x, r->w, &ui->style[SY_SLOT_NORMAL]);
			continue;
		}
		const struct diff_row *row = &st->rows[i];
		if (row->kind == DIFF_PART)
			draw_part(ui, st, row, y, r->x, r->w);
		else if (row->kind == DIFF_NOTE)
			draw_note(ui, st, row, y, r->x, r->w);
		else if (row->kind == DIFF_LINE)
			draw_line(ui, row, y, r->x, r->w);
		else
			draw_same_note(ui, row, y, r->x, r->w);
	}
}

/* When the verdict was given, as the supervisor's clock says it
 * ("2025-03-12 09:41"); what is not "YYYY-MM-DDTHH:MM:SSZ" as it is. */
static void diff_when(const char *iso, char *buf, size_t len)
{
	struct tm tm = {0};
	char z = 0;
	snprintf(buf, len, "%s", iso ? iso : "");
	if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
			   &tm.tm_min, &tm.tm_sec, &z) != 7 || z != 'Z')
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm);
	struct tm local;
	if (t != (time_t)-1 && localtime_r(&t, &local))
		strftime(buf, len, "%Y-%m-%d %H:%M", &local);
}

static void diff_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	const struct diff_state *st = v->state;
	const struct sy_judged *j = st->report >= 0 ? sy_desk_judged(&ui->desk, (size_t)st->report) : NULL;
	int verdict = j ? sy_verdict_parse(j->verdict) : -1;
	char when[64];
	diff_when(j ? j->at : NULL, when, sizeof when);
	snprintf(buf, len, _(" Changed since the verdict %s (%s): %zu part(s) · ] [ changed parts · q close"),
		 verdict >= 0 ? sy_verdict_label((enum sy_verdict)verdict) : "", when, st->d.nchanged);
}

/* ---- what the page does ---- */

static int diff_scroll(struct ui *ui, struct ui_view *v, long delta)
{
	(void)ui;
	struct diff_state *st = v->state;
	long top = (long)st->top + delta, max = st->nrows ? (long)st->nrows - 1 : 0;
	st->top = (size_t)(top < 0 ? 0 : top > max ? max : top);
	return UI_REDRAW;
}

/* To the header of the next (dir 1) or previous changed part. */
static int diff_changed_part(struct ui *ui, struct ui_view *v, int dir)
{
	struct diff_state *st = v->state;
	for (long i = (long)st->top + dir; i >= 0 && (size_t)i < st->nrows; i += dir) {
		const struct diff_row *r = &st->rows[i];
		if (r->kind == DIFF_PART && st->d.p[r->part].changed) {
			st->top = (size_t)i;
			return UI_REDRAW;
		}
	}
	ui_message(ui, false, "%s", dir > 0 ? _("no changed part below") : _("no changed part above"));
	return UI_REDRAW;
}

static int diff_next(struct ui *ui, struct ui_view *v) { return diff_changed_part(ui, v, 1); }
static int diff_prev(struct ui *ui, struct ui_view *v) { return diff_changed_part(ui, v, -1); }

static int diff_close(struct ui *ui, struct ui_view *v)
{
	diff_clear(v->state);
	return ui_view_close(ui, v);
}

static const struct ui_view_handler diff_handlers[] = {
	{SY_OP_CLOSE, diff_close},
	{SY_OP_NEXT_HEADING, diff_next},
	{SY_OP_PREV_HEADING, diff_prev},
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_diff_view = {
	.name = "diff",
	.kind = SY_CTX_KIND_PAGE,
	.label = N_("What a resubmission changed since the verdict"),
	.init = diff_init,
	.free = diff_free,
	.title = diff_title,
	.draw = diff_draw,
	.handlers = diff_handlers,
	.move_by = diff_scroll,
	.open_op = SY_OP_DIFF,
	.open = diff_open,
};
