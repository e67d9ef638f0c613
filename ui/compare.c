/* The compare page: the current report and another side by side, part by
 * part — the same unit's report of an earlier year, or the report a finding
 * of the comparison names (copied-part) — with the sentences both hold
 * marked (= in the gutter, the text highlighted). n and N step through the
 * report's findings that name another report, each showing both places at
 * once (Enter shows the selected one again); ] and [ go to the next or
 * previous part on both sides. Opened by Y; the checklist's selected
 * finding, when it names another report, is the one shown first. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/compare.h"
#include "shenyue/judged.h"
#include "shenyue/sentence.h"
#include "shenyue/xalloc.h"
#include "ui.h"

/* Rows above the two columns: the selected finding (two rows), the names. */
#define COMPARE_HEAD_ROWS 3
/* Rows kept above a place the page jumps to. */
#define COMPARE_CONTEXT 2

/* One row of a column: a part's header, or a piece of a line wrapped. */
struct cmp_row {
	long part;                /* rubric part index */
	long line;                /* 0-based doc line; -1 for the part's header */
	size_t from, to;          /* bytes of the line's text on this row */
};

/* One column: a report, its sentences, which of them the other holds. */
struct cmp_side {
	long report;              /* batch index, -1 */
	struct sy_sentences sent; /* with spans */
	bool *shared;
	struct cmp_row *rows;
	size_t nrows, top;
	long target;              /* 0-based line the page jumped to, -1 */
	uint64_t hash;            /* the report's content when it was read */
};

struct cmp_state {
	struct cmp_side side[2];  /* the current report, the other */
	size_t *finds;            /* findings of the current report naming another report */
	size_t nfinds, fsel;
	int cols;                 /* the width the rows were laid out for, 0: not yet */
};

static void *compare_init(struct ui *ui)
{
	(void)ui;
	struct cmp_state *st = xcalloc(1, sizeof *st);
	st->side[0].report = st->side[1].report = -1;
	return st;
}

static void side_free(struct cmp_side *s)
{
	sy_sentences_free(&s->sent);
	free(s->shared);
	free(s->rows);
	memset(s, 0, sizeof *s);
	s->report = -1;
}

static void compare_clear(struct cmp_state *st)
{
	side_free(&st->side[0]);
	side_free(&st->side[1]);
	free(st->finds);
	st->finds = NULL;
	st->nfinds = st->fsel = 0;
	st->cols = 0;
}

static void compare_free(void *state)
{
	compare_clear(state);
	free(state);
}

/* ---- which reports ---- */

/* The batch index of the report at path, or -1. */
static long compare_find(const struct ui *ui, const char *path)
{
	for (size_t i = 0; path && i < ui->batch.n; i++)
		if (!strcmp(ui->batch.r[i].path, path))
			return (long)i;
	return -1;
}

static const struct sy_report *side_report(const struct ui *ui, const struct cmp_side *s)
{
	return s->report >= 0 && (size_t)s->report < ui->batch.n ? &ui->batch.r[s->report] : NULL;
}

/* The current report's findings that name another report in the batch. */
static void compare_list_finds(struct ui *ui, struct cmp_state *st, const struct sy_report *rep)
{
	st->finds = xcalloc(rep->score.nf + 1, sizeof *st->finds);
	for (size_t k = 0; k < rep->score.nf; k++)
		if (rep->score.f[k].other && compare_find(ui, rep->score.f[k].other) >= 0)
			st->finds[st->nfinds++] = k;
}

/* The report to compare with: the selected finding's (*chosen), else last
 * year's, else the first finding's; st->fsel is a finding naming it. */
static long compare_other(struct ui *ui, struct cmp_state *st, const struct sy_report *rep, bool *chosen)
{
	*chosen = false;
	for (size_t k = 0; k < st->nfinds; k++)
		if ((long)st->finds[k] == ui->at.finding) {
			st->fsel = k;
			*chosen = true;
			return compare_find(ui, rep->score.f[st->finds[k]].other);
		}
	long other = sy_compare_previous(&ui->batch, (size_t)ui->current);
	if (other < 0)
		other = st->nfinds ? compare_find(ui, rep->score.f[st->finds[0]].other) : -1;
	for (size_t k = st->nfinds; k-- > 0;)
		if (compare_find(ui, rep->score.f[st->finds[k]].other) == other)
			st->fsel = k;
	return other;
}

/* ---- the two columns ---- */

/* Reads report i (ready: ui_loader_want) into side s: cut into sentences with their places. */
static void side_load(struct ui *ui, struct cmp_side *s, long i)
{
	side_free(s);
	s->report = i;
	s->target = -1;
	s->hash = ui->batch.r[i].doc.hash;
	sy_sentences_build(&s->sent, &ui->batch.r[i], &ui->rubric, SY_WANT_SPANS);
	s->shared = xcalloc(s->sent.n + 1, sizeof *s->shared);
}

/* Marks the sentences of a that b holds (the same or nearly the same). */
static void mark_shared(struct cmp_side *a, const struct cmp_side *b)
{
	struct sy_sentence_set set;
	sy_sentence_set_init(&set, &b->sent, NULL, 0);
	for (size_t k = 0; k < a->sent.n; k++)
		a->shared[k] = !(a->sent.s[k].flags & SY_SENT_PART_HEADING) &&
			       sy_sentence_set_match(&set, &a->sent, &a->sent.s[k], NULL, NULL) >= 0;
	sy_sentence_set_free(&set);
}

static void side_add_row(struct cmp_side *s, size_t *cap, long part, long line, size_t from, size_t to)
{
	if (s->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		s->rows = xreallocarray(s->rows, *cap, sizeof *s->rows);
	}
	s->rows[s->nrows++] = (struct cmp_row){ part, line, from, to };
}

/* Lays a column out in cols columns: each part of the rubric, its header
 * then its lines wrapped. */
static void side_layout(struct ui *ui, struct cmp_side *s, int cols)
{
	const struct sy_report *rep = side_report(ui, s);
	free(s->rows);
	s->rows = NULL;
	s->nrows = s->top = 0;
	if (!rep || !rep->loaded || rep->error)
		return;
	size_t cap = 0;
	long *own = sy_report_line_owners(rep, ui->rubric.nparts);
	for (size_t p = 0; p < ui->rubric.nparts; p++) {
		side_add_row(s, &cap, (long)p, -1, 0, 0);
		for (size_t i = 0; i < rep->doc.nlines; i++) {
			if (own[i] != (long)p || !*rep->doc.lines[i].sq)
				continue;
			struct sy_span *rows;
			size_t n = sy_wrap(rep->doc.lines[i].text, (size_t)(cols > 8 ? cols - 2 : 6), &rows);
			for (size_t k = 0; k < n; k++)
				side_add_row(s, &cap, (long)p, (long)i, rows[k].start, rows[k].end);
			free(rows);
		}
	}
	free(own);
}

/* The first row of line (0-based) in side s, or of its part's header; 0. */
static size_t side_row_of(const struct cmp_side *s, long line)
{
	for (size_t r = 0; r < s->nrows; r++)
		if (s->rows[r].line == line)
			return r;
	return 0;
}

static void side_show_line(struct cmp_side *s, long line)
{
	size_t r = side_row_of(s, line);
	s->top = r > COMPARE_CONTEXT ? r - COMPARE_CONTEXT : 0;
	s->target = line;
}

/* ---- opening ---- */

static bool compare_build(struct ui *ui, struct cmp_state *st)
{
	compare_clear(st);
	struct sy_report *rep = ui_current_report(ui);
	if (rep && !ui_loader_need(ui, (size_t)ui->current)) /* the columns read both texts */
		return false;
	if (!rep || rep->error) {
		ui_message(ui, false, "%s", _("no report to compare"));
		return false;
	}
	compare_list_finds(ui, st, rep);
	bool chosen;
	long other = compare_other(ui, st, rep, &chosen);
	if (other < 0 || other == ui->current) {
		ui_message(ui, false, "%s",
			   _("nothing to compare with: no earlier report of this unit, and no finding names another report"));
		return false;
	}
	if (!ui_loader_need(ui, (size_t)other))
		return false;
	side_load(ui, &st->side[0], ui->current);
	side_load(ui, &st->side[1], other);
	mark_shared(&st->side[0], &st->side[1]);
	mark_shared(&st->side[1], &st->side[0]);
	if (chosen) { /* the checklist's finding: both its places at once */
		const struct sy_finding *f = &rep->score.f[st->finds[st->fsel]];
		st->side[0].target = f->line > 0 ? f->line - 1 : -1;
		st->side[1].target = f->other_line > 0 ? f->other_line - 1 : -1;
	}
	return true;
}

static bool compare_open(struct ui *ui, struct ui_view *v)
{
	return compare_build(ui, v->state);
}

/* Shows both places of the selected finding (switching the other report
 * when the finding names another one). */
static int compare_show_finding(struct ui *ui, struct cmp_state *st)
{
	const struct sy_report *rep = side_report(ui, &st->side[0]);
	if (!rep || !st->nfinds)
		return UI_REDRAW;
	const struct sy_finding *f = &rep->score.f[st->finds[st->fsel]];
	long other = compare_find(ui, f->other);
	if (other >= 0 && other != st->side[1].report) {
		side_load(ui, &st->side[1], other);
		mark_shared(&st->side[0], &st->side[1]);
		mark_shared(&st->side[1], &st->side[0]);
		st->cols = 0;
	}
	st->side[0].target = f->line > 0 ? f->line - 1 : -1;
	st->side[1].target = f->other_line > 0 ? f->other_line - 1 : -1;
	st->cols = -st->cols; /* lay out again before drawing, then jump */
	return UI_REDRAW;
}

/* True when the report finding k names (if another) holds its text; else
 * says it is still being read. */
static bool compare_finding_ready(struct ui *ui, struct cmp_state *st, size_t k)
{
	const struct sy_report *rep = side_report(ui, &st->side[0]);
	long other = rep ? compare_find(ui, rep->score.f[st->finds[k]].other) : -1;
	return other < 0 || other == st->side[1].report || ui_loader_need(ui, (size_t)other);
}

/* ---- drawing ---- */

/* The byte ranges of a row's text that lie in sentences the other side
 * holds, in order (at most max of them). */
static size_t row_shared(const struct cmp_side *s, const struct cmp_row *row, size_t (*iv)[2], size_t max)
{
	size_t n = 0;
	for (size_t k = 0; k < s->sent.n && n < max; k++) {
		const struct sy_sentence_span *sp = &s->sent.span[k];
		if (!s->shared[k] || (long)sp->line > row->line || (long)sp->last_line < row->line)
			continue;
		size_t a = (long)sp->line < row->line ? row->from : sp->from;
		size_t b = (long)sp->last_line > row->line ? row->to : sp->to;
		a = a > row->from ? a : row->from;
		b = b < row->to ? b : row->to;
		if (a < b) {
			iv[n][0] = a;
			iv[n++][1] = b;
		}
	}
	return n;
}

/* Draws a text row in runs, the shared ones highlighted; true when some are. */
static bool draw_text_row(struct ui *ui, const struct cmp_side *s, const struct cmp_row *row, int y, int x, int w)
{
	const char *t = ui->batch.r[s->report].doc.lines[row->line].text;
	size_t iv[16][2];
	size_t n = row_shared(s, row, iv, 16), at = row->from;
	for (size_t k = 0; k <= n && w > 0; k++) {
		size_t plain_end = k < n ? iv[k][0] : row->to;
		if (plain_end > at) {
			int used = ui_draw_text(y, x, t + at, plain_end - at, w, &ui->style[SY_SLOT_NORMAL]);
			x += used, w -= used, at = plain_end;
		}
		if (k < n && iv[k][1] > at) {
			int used = ui_draw_text(y, x, t + at, iv[k][1] - at, w, &ui->style[SY_SLOT_SEARCH_HIT]);
			x += used, w -= used, at = iv[k][1];
		}
	}
	return n > 0;
}

static void draw_header_row(struct ui *ui, const struct cmp_side *s, const struct cmp_row *row, int y, int x, int w)
{
	const struct sy_report *rep = &ui->batch.r[s->report];
	const struct sy_part_result *pr = (size_t)row->part < rep->score.nparts ? &rep->score.parts[row->part] : NULL;
	char head[256];
	enum sy_status st = pr ? pr->status : SY_MISSING;
	/* an optional part that is absent is not a fault: "-", as the checklist says it */
	bool quiet = !ui->rubric.parts[row->part].required && st == SY_MISSING;
	const char *mark = quiet ? "-" : ui_status_mark(ui, st);
	if (pr && pr->line > 0)
		snprintf(head, sizeof head, "%s %s  L%ld", ui_part_short(ui, (size_t)row->part), mark, pr->line);
	else
		snprintf(head, sizeof head, "%s %s", ui_part_short(ui, (size_t)row->part), mark);
	ui_draw_fill(y, x, w, &ui->style[SY_SLOT_TITLE]);
	ui_draw_field(ui, y, x, head, w, SY_ALIGN_LEFT, &ui->style[SY_SLOT_TITLE]);
}

static void draw_side(struct ui *ui, const struct cmp_side *s, int y, int x, int w, int h)
{
	for (int k = 0; k < h; k++) {
		size_t r = s->top + (size_t)k;
		ui_draw_fill(y + k, x, w, &ui->style[SY_SLOT_NORMAL]);
		if (r >= s->nrows)
			continue;
		const struct cmp_row *row = &s->rows[r];
		if (row->line < 0) {
			draw_header_row(ui, s, row, y + k, x, w);
			continue;
		}
		bool target = row->line == s->target;
		bool shared = draw_text_row(ui, s, row, y + k, x + 2, w - 2);
		/* the gutter says it without colour too: = shared, ▶ the place shown */
		const char *gutter = target ? (ui->utf8 ? "▶" : ">") : shared ? "=" : "";
		ui_draw_field(ui, y + k, x, gutter, 1, SY_ALIGN_LEFT,
			      &ui->style[target ? SY_SLOT_JUMP_TARGET : SY_SLOT_SEARCH_HIT]);
	}
}

/* The two rows on top: the selected finding, or how to read the page. */
static void draw_finding(struct ui *ui, const struct cmp_state *st, int y, int x, int w)
{
	const struct sy_report *rep = side_report(ui, &st->side[0]);
	char buf[1024];
	if (rep && st->nfinds) {
		const struct sy_finding *f = &rep->score.f[st->finds[st->fsel]];
		/* the severity as the checklist marks it, not the finding's id: an
		 * English token in a Chinese page, and room the sentence needs */
		snprintf(buf, sizeof buf, "%zu/%zu  %s L%ld %s L%ld  %s", st->fsel + 1, st->nfinds,
			 ui_severity_mark(f->severity), f->line, ui->utf8 ? "⇄" : "<>", f->other_line, f->message);
	} else {
		snprintf(buf, sizeof buf, "%s", _("No finding names another report; = marks the sentences both reports hold."));
	}
	struct sy_span *rows;
	size_t n = sy_wrap(buf, (size_t)(w > 2 ? w : 2), &rows);
	for (size_t k = 0; k < 2; k++) {
		ui_draw_fill(y + (int)k, x, w, &ui->style[SY_SLOT_NORMAL]);
		if (k < n)
			ui_draw_text(y + (int)k, x, buf + rows[k].start, rows[k].end - rows[k].start, w,
				     &ui->style[st->nfinds ? SY_SLOT_WARNING : SY_SLOT_DIM]);
	}
	free(rows);
}

static void draw_names(struct ui *ui, const struct cmp_state *st, int y, int x, int cw)
{
	for (int s = 0; s < 2; s++) {
		const struct sy_report *rep = side_report(ui, &st->side[s]);
		char buf[512];
		snprintf(buf, sizeof buf, "%s  %s %d", rep ? rep->path : "",
			 rep && rep->outline.unit ? rep->outline.unit : "", rep ? sy_compare_year(rep) : 0);
		ui_draw_field(ui, y, x + s * (cw + 1), buf, cw, SY_ALIGN_LEFT, &ui->style[SY_SLOT_DIM]);
	}
}

static void compare_draw(struct ui *ui, struct ui_view *v)
{
	struct cmp_state *st = v->state;
	const struct sy_rect *r = &v->rect;
	int cw = (r->w - 1) / 2, h = r->h - COMPARE_HEAD_ROWS;
	if (st->side[0].report < 0 || cw < 4 || h < 1)
		return;
	for (int k = 0; k < 2; k++) { /* read again (the live folder): the places moved */
		const struct sy_report *rep = side_report(ui, &st->side[k]);
		if (!rep || !rep->loaded || rep->doc.hash != st->side[k].hash)
			if (!compare_build(ui, st))
				return;
	}
	bool jump = st->cols <= 0;
	if (st->cols != cw) {
		side_layout(ui, &st->side[0], cw);
		side_layout(ui, &st->side[1], cw);
		st->cols = cw;
	}
	for (int s = 0; jump && s < 2; s++)
		if (st->side[s].target >= 0)
			side_show_line(&st->side[s], st->side[s].target);
	draw_finding(ui, st, r->y, r->x, r->w);
	draw_names(ui, st, r->y + 2, r->x, cw);
	draw_side(ui, &st->side[0], r->y + COMPARE_HEAD_ROWS, r->x, cw, h);
	ui_draw_vline(ui, r->y + 2, r->x + cw, h + 1, &ui->style[SY_SLOT_BORDER]);
	draw_side(ui, &st->side[1], r->y + COMPARE_HEAD_ROWS, r->x + cw + 1, r->w - cw - 1, h);
}

static void compare_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	(void)ui;
	(void)v;
	snprintf(buf, len, "%s", _(" Compare · = both hold it · n/N findings · Enter both places · ] [ parts · q close"));
}

/* ---- what the page does ---- */

static int compare_scroll(struct ui *ui, struct ui_view *v, long delta)
{
	(void)ui;
	struct cmp_state *st = v->state;
	for (int s = 0; s < 2; s++) {
		struct cmp_side *sd = &st->side[s];
		long top = (long)sd->top + delta, max = sd->nrows ? (long)sd->nrows - 1 : 0;
		sd->top = (size_t)(top < 0 ? 0 : top > max ? max : top);
	}
	return UI_REDRAW;
}

/* Both columns to the header of the next (dir 1) or previous part. */
static int compare_part(struct ui *ui, struct ui_view *v, int dir)
{
	(void)ui;
	struct cmp_state *st = v->state;
	struct cmp_side *l = &st->side[0];
	long part = l->top < l->nrows ? l->rows[l->top].part + dir : 0;
	if (l->top < l->nrows && dir < 0 && l->rows[l->top].line >= 0)
		part++; /* inside a part: [ goes to its own header first */
	if (part < 0 || (size_t)part >= ui->rubric.nparts)
		return UI_NONE;
	for (int s = 0; s < 2; s++)
		for (size_t r = 0; r < st->side[s].nrows; r++)
			if (st->side[s].rows[r].part == part && st->side[s].rows[r].line < 0) {
				st->side[s].top = r;
				break;
			}
	return UI_REDRAW;
}

static int compare_next_part(struct ui *ui, struct ui_view *v) { return compare_part(ui, v, 1); }
static int compare_prev_part(struct ui *ui, struct ui_view *v) { return compare_part(ui, v, -1); }

static int compare_step(struct ui *ui, struct ui_view *v, int dir)
{
	struct cmp_state *st = v->state;
	if (!st->nfinds) {
		ui_message(ui, false, "%s", _("no finding of this report names another report"));
		return UI_REDRAW;
	}
	size_t next = (st->fsel + st->nfinds + (size_t)(dir < 0 ? -1 : 1)) % st->nfinds;
	if (!compare_finding_ready(ui, st, next))
		return UI_REDRAW; /* the finding stays: its other report is still being read */
	st->fsel = next;
	return compare_show_finding(ui, st);
}

static int compare_next_finding(struct ui *ui, struct ui_view *v) { return compare_step(ui, v, 1); }
static int compare_prev_finding(struct ui *ui, struct ui_view *v) { return compare_step(ui, v, -1); }

static int compare_pick(struct ui *ui, struct ui_view *v)
{
	struct cmp_state *st = v->state;
	if (!st->nfinds)
		return compare_step(ui, v, 1);
	if (!compare_finding_ready(ui, st, st->fsel))
		return UI_REDRAW;
	return compare_show_finding(ui, st);
}

static int compare_close(struct ui *ui, struct ui_view *v)
{
	compare_clear(v->state);
	return ui_view_close(ui, v);
}

static const struct ui_view_handler compare_handlers[] = {
	{SY_OP_CLOSE, compare_close},
	{SY_OP_NEXT_HEADING, compare_next_part},
	{SY_OP_PREV_HEADING, compare_prev_part},
	{SY_OP_NEXT_FINDING, compare_next_finding},
	{SY_OP_PREV_FINDING, compare_prev_finding},
	{SY_OP_PICK, compare_pick},
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_compare_view = {
	.name = "compare",
	.kind = SY_CTX_KIND_PAGE,
	.label = N_("Compare with last year's report or another unit's"),
	.init = compare_init,
	.free = compare_free,
	.title = compare_title,
	.draw = compare_draw,
	.handlers = compare_handlers,
	.move_by = compare_scroll,
	.open_op = SY_OP_COMPARE,
	.open = compare_open,
};
