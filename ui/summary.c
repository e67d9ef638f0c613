/* The summary page (汇总): where the batch stands, opened by B from any
 * pane. The counts (expected, received, not received, late), the review's
 * progress as a bar, the verdicts, each required part across the batch,
 * the units not received, the late and the returned ones, then the units ×
 * parts matrix (✓ ~ ✗), sortable, where Enter opens the report. Everything
 * comes from the core's summary (src/summary.c), the same numbers as
 * `shenyue summary`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shenyue/collate.h"
#include "shenyue/fileio.h"
#include "shenyue/xalloc.h"
#include "ui.h"

enum summary_sort { SUMMARY_BY_UNIT, SUMMARY_BY_STATUS, SUMMARY_BY_VERDICT, SUMMARY_NSORT };

/* One row of the matrix: a roster unit (with or without a report), or a
 * report that matches no unit. */
struct summary_row {
	long unit;    /* roster index, or -1 */
	long row;     /* summary row (= batch index), or -1: not received */
};

struct summary_state {
	struct summary_row *rows;
	size_t n;
	size_t sel, top;
	enum summary_sort sort;
	int head; /* rows above the matrix's header as last drawn (0: not yet) */
};

extern const struct ui_view_ops ui_summary_view;

static const char *summary_sort_label(enum summary_sort s)
{
	/* TRANSLATORS: the orders of the summary page's matrix. */
	static const char *const names[SUMMARY_NSORT] = {N_("unit"), N_("status"), N_("verdict")};
	return (unsigned)s < SUMMARY_NSORT ? _(names[s]) : "?";
}

static const char *row_name(struct ui *ui, const struct sy_summary *s, const struct summary_row *r)
{
	return r->unit >= 0 ? s->roster->u[r->unit].name : sy_summary_row_name(s, &ui->batch, (size_t)r->row);
}

/* Status order: not received, unreadable, then the worst part first. */
static int row_rank(const struct sy_summary *s, const struct ui *ui, const struct summary_row *r)
{
	if (r->row < 0)
		return 0;
	if (ui->batch.r[r->row].error)
		return 1;
	int worst = SY_PRESENT;
	for (size_t p = 0; p < ui->rubric.nparts; p++)
		if (ui->rubric.parts[p].required && s->rows[r->row].status[p] < worst)
			worst = s->rows[r->row].status[p];
	return 2 + worst;
}

/* Verdict order: returned first, then pending, none, accepted. */
static int verdict_rank(const struct sy_summary *s, const struct summary_row *r)
{
	static const int rank[] = {[SY_VERDICT_RETURN] = 1, [SY_VERDICT_PENDING] = 2, [SY_VERDICT_NONE] = 3,
				   [SY_VERDICT_ACCEPT] = 4};
	return r->row < 0 ? 0 : rank[s->rows[r->row].verdict];
}

static struct ui *sort_ui;
static enum summary_sort sort_by;

static int cmp_rows(const void *pa, const void *pb)
{
	const struct summary_row *a = pa, *b = pb;
	const struct sy_summary *s = &sort_ui->bdesk.sum;
	int c = 0;
	if (sort_by == SUMMARY_BY_STATUS)
		c = row_rank(s, sort_ui, a) - row_rank(s, sort_ui, b);
	else if (sort_by == SUMMARY_BY_VERDICT)
		c = verdict_rank(s, a) - verdict_rank(s, b);
	return c ? c : sy_collate(row_name(sort_ui, s, a), row_name(sort_ui, s, b));
}

/* Rebuilds the matrix rows from the summary, keeping the selected one. */
static void summary_rows(struct ui *ui, struct summary_state *st)
{
	const struct sy_summary *s = ui_summary(ui);
	struct summary_row keep = st->sel < st->n ? st->rows[st->sel] : (struct summary_row){-1, -1};
	st->rows = xreallocarray(st->rows, s->nunits + s->nrows + 1, sizeof *st->rows);
	st->n = 0;
	for (size_t u = 0; u < s->nunits; u++) {
		const struct sy_summary_report *r = sy_summary_unit_row(s, u);
		st->rows[st->n++] = (struct summary_row){(long)u, r ? (long)(r - s->rows) : -1};
	}
	for (size_t k = 0; k < s->nrows; k++)
		if (!s->rows[k].earlier && (!s->roster || s->rows[k].match.unit < 0))
			st->rows[st->n++] = (struct summary_row){-1, (long)k};
	sort_ui = ui;
	sort_by = st->sort;
	qsort(st->rows, st->n, sizeof *st->rows, cmp_rows);
	for (size_t i = 0; i < st->n; i++)
		if (st->rows[i].unit == keep.unit && st->rows[i].row == keep.row)
			st->sel = i;
	if (st->sel >= st->n)
		st->sel = st->n ? st->n - 1 : 0;
}

/* ---- drawing ---- */

/* Draws text at (y, x) in at most w columns; returns the columns used. */
static int put(struct ui *ui, int y, int x, const char *text, int w, enum sy_slot slot)
{
	int cols = (int)sy_width_str(text);
	if (cols > w)
		cols = w;
	if (cols > 0)
		ui_draw_field(ui, y, x, text, cols, SY_ALIGN_LEFT, &ui->style[slot]);
	return cols;
}

static void draw_counts(struct ui *ui, const struct sy_summary *s, int y, int x, int w)
{
	char buf[512], due[16];
	sy_date_format(&s->submission.date, due, sizeof due);
	int n = snprintf(buf, sizeof buf, _("Expected %zu · received %zu · not received %zu · late %zu"),
			 s->expected, s->received, s->not_received, s->late);
	if (*due && n > 0 && (size_t)n < sizeof buf)
		snprintf(buf + n, sizeof buf - (size_t)n,
			 s->submission.configured ? _(" (deadline %s)") : _(" (deadline %s, not set: information only)"), due);
	put(ui, y, x, buf, w, SY_SLOT_TITLE_LINE);
}

/* The review's progress: a bar of reviewed over received, then the counts. */
static void draw_progress(struct ui *ui, const struct sy_summary *s, int y, int x, int w)
{
	size_t total = s->reviewed + s->not_reviewed + s->recheck;
	int bar = w / 4 > 30 ? 30 : w / 4;
	int done = total ? (int)((size_t)bar * s->reviewed / total) : 0;
	x += put(ui, y, x, _("Review "), w, SY_SLOT_NORMAL);
	for (int i = 0; i < bar; i++)
		ui_draw_field(ui, y, x + i, ui->utf8 ? (i < done ? "█" : "░") : (i < done ? "#" : "."), 1, SY_ALIGN_LEFT,
			      &ui->style[i < done ? SY_SLOT_PRESENT : SY_SLOT_DIM]);
	x += bar + 1;
	char buf[256];
	snprintf(buf, sizeof buf, _("%zu/%zu reviewed · %zu not yet · %zu to re-review"), s->reviewed, total,
		 s->not_reviewed, s->recheck);
	put(ui, y, x, buf, w - bar - 8, SY_SLOT_NORMAL);
}

static void draw_verdicts(struct ui *ui, const struct sy_summary *s, int y, int x, int w)
{
	char buf[256];
	snprintf(buf, sizeof buf, _("Verdicts: %s %zu · %s %zu · %s %zu · %s %zu"), sy_verdict_label(SY_VERDICT_ACCEPT),
		 s->verdicts[SY_VERDICT_ACCEPT], sy_verdict_label(SY_VERDICT_RETURN), s->verdicts[SY_VERDICT_RETURN],
		 sy_verdict_label(SY_VERDICT_PENDING), s->verdicts[SY_VERDICT_PENDING],
		 sy_verdict_label(SY_VERDICT_NONE), s->verdicts[SY_VERDICT_NONE]);
	put(ui, y, x, buf, w, SY_SLOT_NORMAL);
}

/* By part: 举措成效 ✓5 ~0 ✗0 │ ...; a part that does not fit goes on the
 * next row (at most three), never cut. Returns the rows used. */
static int draw_parts(struct ui *ui, const struct sy_summary *s, int y, int x, int w)
{
	int x0 = x, end = x + w, rows = 1;
	bool first = true;
	x += put(ui, y, x, _("By part: "), w, SY_SLOT_NORMAL);
	int indent = x - x0;
	for (size_t p = 0; p < ui->rubric.nparts; p++) {
		if (!ui->rubric.parts[p].required)
			continue;
		char n[3][32];
		int need = (first ? 0 : 2) + (int)sy_width_str(ui_part_short(ui, p)) + 1;
		for (int st = SY_PRESENT; st >= SY_MISSING; st--) {
			snprintf(n[st], sizeof n[st], "%s%zu ", ui_status_mark(ui, (enum sy_status)st), s->parts[p][st]);
			need += (int)sy_width_str(n[st]);
		}
		if (!first && x + need - 1 > end && rows < 3) {
			y++, rows++;
			x = x0 + indent;
			first = true;
		}
		if (!first)
			x += put(ui, y, x, ui->utf8 ? "│ " : "| ", end - x, SY_SLOT_DIM);
		first = false;
		x += put(ui, y, x, ui_part_short(ui, p), end - x, SY_SLOT_NORMAL) + 1;
		for (int st = SY_PRESENT; st >= SY_MISSING && x < end; st--)
			x += put(ui, y, x, n[st], end - x, ui_status_slot((enum sy_status)st));
	}
	return rows;
}

/* One labelled list of names on one row (cut with … when it is long). */
static void draw_names(struct ui *ui, int y, int x, int w, const char *label, struct sy_buf *names, enum sy_slot slot)
{
	char *text = sy_buf_steal(names);
	int used = put(ui, y, x, label, w, SY_SLOT_NORMAL);
	if (w - used > 0)
		ui_draw_field(ui, y, x + used, *text ? text : _("none"), w - used, SY_ALIGN_LEFT, &ui->style[*text ? slot : SY_SLOT_DIM]);
	free(text);
}

/* Appends one item of a list of unit names (joined by 、, they are Chinese
 * names): "name (what)" in the messages' punctuation. */
static void list_item(struct sy_buf *b, const char *name, const char *what)
{
	if (b->len)
		sy_buf_puts(b, "、");
	/* TRANSLATORS: an item of the summary page's lists: a unit (its received date, or why it was returned). */
	sy_buf_printf(b, what ? _("%s (%s)") : "%s", name, what);
}

static void draw_lists(struct ui *ui, const struct sy_summary *s, int y, int x, int w)
{
	struct sy_buf b = {0};
	sy_buf_add(&b, "", 0);
	for (size_t j = 0; j < s->nunits; j++)
		if (!sy_summary_unit_row(s, s->unit_order[j]))
			list_item(&b, s->roster->u[s->unit_order[j]].name, NULL);
	if (s->roster)
		draw_names(ui, y++, x, w, _("Not received: "), &b, SY_SLOT_MISSING);
	sy_buf_add(&b, "", 0);
	for (size_t j = 0; j < s->nlisted; j++) {
		const struct sy_summary_report *r = &s->rows[s->row_order[j]];
		char got[16];
		sy_date_format(&r->received.date, got, sizeof got);
		if (r->late)
			list_item(&b, sy_summary_row_name(s, &ui->batch, s->row_order[j]), got);
	}
	draw_names(ui, y++, x, w, _("Late: "), &b, SY_SLOT_WARNING);
	sy_buf_add(&b, "", 0);
	for (size_t j = 0; j < s->nlisted; j++) {
		const struct sy_summary_report *r = &s->rows[s->row_order[j]];
		if (r->verdict == SY_VERDICT_RETURN)
			list_item(&b, sy_summary_row_name(s, &ui->batch, s->row_order[j]), r->reason ? r->reason : "");
	}
	draw_names(ui, y, x, w, _("Returned: "), &b, SY_SLOT_PARTIAL);
}

#define MATRIX_NAME 20
#define MATRIX_VERDICT 8 /* 退回修改 */

/* The width of a part's column: its short name's, 4 to 10 columns, less
 * when that leaves no room for the verdict and the received date. */
static int mark_cols(struct ui *ui, int w)
{
	int mw = 4, nreq = 0;
	for (size_t p = 0; p < ui->rubric.nparts; p++)
		if (ui->rubric.parts[p].required) {
			nreq++;
			if ((int)sy_width_str(ui_part_short(ui, p)) > mw)
				mw = (int)sy_width_str(ui_part_short(ui, p));
		}
	mw = mw > 10 ? 10 : mw;
	while (mw > 4 && MATRIX_NAME + 1 + nreq * (mw + 1) + MATRIX_VERDICT + 2 + 10 > w)
		mw--;
	return mw;
}

static void draw_matrix_head(struct ui *ui, int y, int x, int w, const struct summary_state *st)
{
	ui_draw_fill(y, x, w, &ui->style[SY_SLOT_TITLE]);
	char head[128];
	snprintf(head, sizeof head, _("Unit (%s)"), summary_sort_label(st->sort));
	ui_draw_field(ui, y, x, head, MATRIX_NAME, SY_ALIGN_LEFT, &ui->style[SY_SLOT_TITLE]);
	int cx = x + MATRIX_NAME + 1, mw = mark_cols(ui, w);
	for (size_t p = 0; p < ui->rubric.nparts && cx + mw <= x + w; p++)
		if (ui->rubric.parts[p].required) {
			ui_draw_field(ui, y, cx, ui_part_short(ui, p), mw, SY_ALIGN_LEFT, &ui->style[SY_SLOT_TITLE]);
			cx += mw + 1;
		}
	if (cx < x + w)
		ui_draw_field(ui, y, cx, _("verdict · received"), x + w - cx, SY_ALIGN_LEFT, &ui->style[SY_SLOT_TITLE]);
}

static void draw_matrix_row(struct ui *ui, const struct sy_summary *s, const struct summary_row *r, int y, int x,
			    int w, bool sel)
{
	const struct ui_style *base = &ui->style[sel ? SY_SLOT_SELECTION : r->row < 0 ? SY_SLOT_DIM : SY_SLOT_NORMAL];
	ui_draw_fill(y, x, w, base);
	ui_draw_field(ui, y, x, row_name(ui, s, r), MATRIX_NAME, SY_ALIGN_LEFT, base);
	int cx = x + MATRIX_NAME + 1, mw = mark_cols(ui, w);
	if (r->row < 0) {
		ui_draw_field(ui, y, cx, _("未报送 not received"), x + w - cx, SY_ALIGN_LEFT, base);
		return;
	}
	const struct sy_summary_report *row = &s->rows[r->row];
	if (!ui->batch.r[r->row].loaded) {
		ui_draw_field(ui, y, cx, ui->utf8 ? "…" : "...", x + w - cx, SY_ALIGN_LEFT, base); /* not scored yet */
		return;
	}
	bool unreadable = ui->batch.r[r->row].error != NULL;
	for (size_t p = 0; p < ui->rubric.nparts && cx + mw <= x + w; p++) {
		if (!ui->rubric.parts[p].required)
			continue;
		enum sy_status st = (enum sy_status)row->status[p];
		ui_draw_field(ui, y, cx + mw / 2 - 1, unreadable ? "?" : ui_status_mark(ui, st), 1, SY_ALIGN_LEFT,
			      sel ? base : &ui->style[unreadable ? SY_SLOT_ERROR : ui_status_slot(st)]);
		cx += mw + 1;
	}
	/* the verdict in a column of its own (退回修改 is the widest), then the date */
	int vw = cx + MATRIX_VERDICT < x + w ? MATRIX_VERDICT : x + w - cx;
	if (vw > 0)
		ui_draw_field(ui, y, cx, sy_verdict_label(row->verdict), vw, SY_ALIGN_LEFT,
			      sel ? base : &ui->style[ui_verdict_slot(row->verdict)]);
	cx += MATRIX_VERDICT + 2;
	char got[16], tail[64];
	sy_date_format(&row->received.date, got, sizeof got);
	snprintf(tail, sizeof tail, "%s%s", got, row->late ? _(" late") : "");
	if (cx < x + w)
		ui_draw_field(ui, y, cx, tail, x + w - cx, SY_ALIGN_LEFT,
			      sel ? base : &ui->style[row->late ? SY_SLOT_WARNING : SY_SLOT_NORMAL]);
}

/* Rows above the matrix: counts, progress, verdicts, parts (one row or
 * more), three lists, a gap. */
#define SUMMARY_HEAD_ROWS 8

static int summary_head_rows(const struct summary_state *st)
{
	return st->head > 0 ? st->head : SUMMARY_HEAD_ROWS;
}

static void summary_draw(struct ui *ui, struct ui_view *v)
{
	struct summary_state *st = v->state;
	const struct sy_summary *s = ui_summary(ui);
	if (st->n != s->nunits + (s->roster ? s->unmatched + s->ambiguous : s->nlisted))
		summary_rows(ui, st);
	const struct sy_rect *r = &v->rect;
	int y = r->y, x = r->x + 1, w = r->w - 2;
	draw_counts(ui, s, y++, x, w);
	draw_progress(ui, s, y++, x, w);
	draw_verdicts(ui, s, y++, x, w);
	y += draw_parts(ui, s, y, x, w);
	draw_lists(ui, s, y, x, w);
	y += 4;
	st->head = y - r->y;
	draw_matrix_head(ui, y++, x, w, st);
	int h = r->y + r->h - y;
	if (h <= 0)
		return;
	if (st->sel < st->top)
		st->top = st->sel;
	if (st->sel >= st->top + (size_t)h)
		st->top = st->sel - (size_t)h + 1;
	for (int row = 0; row < h && st->top + (size_t)row < st->n; row++)
		draw_matrix_row(ui, s, &st->rows[st->top + (size_t)row], y + row, x, w, st->top + (size_t)row == st->sel);
}

static void summary_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	const struct sy_summary *s = ui_summary(ui);
	if (s->roster)
		snprintf(buf, len, _(" Batch summary (汇总) · roster %s · s sort · Enter open · e 情况通报 · q close"),
			 s->roster->source);
	else
		snprintf(buf, len, "%s", _(" Batch summary (汇总) · no roster · s sort · Enter open · e 情况通报 · q close"));
}

/* ---- what the page does ---- */

static int summary_move(struct ui *ui, struct ui_view *v, long delta)
{
	struct summary_state *st = v->state;
	long pos = (long)st->sel + delta;
	st->sel = pos < 0 ? 0 : st->n && (size_t)pos >= st->n ? st->n - 1 : (size_t)pos;
	return UI_REDRAW;
}

static int summary_page_rows(struct ui_view *v)
{
	int h = v->rect.h - summary_head_rows(v->state) - 1;
	return h > 1 ? h : 1;
}

static int summary_page_down(struct ui *ui, struct ui_view *v) { return summary_move(ui, v, summary_page_rows(v)); }
static int summary_page_up(struct ui *ui, struct ui_view *v) { return summary_move(ui, v, -summary_page_rows(v)); }

static int summary_sort(struct ui *ui, struct ui_view *v)
{
	struct summary_state *st = v->state;
	st->sort = (enum summary_sort)((st->sort + 1) % SUMMARY_NSORT);
	summary_rows(ui, st);
	ui_message(ui, false, _("sorted by %s"), summary_sort_label(st->sort));
	return UI_REDRAW;
}

/* Enter: the selected unit's report in the viewer; a unit not received has none. */
static int summary_open(struct ui *ui, struct ui_view *v)
{
	struct summary_state *st = v->state;
	if (st->sel >= st->n)
		return UI_NONE;
	const struct summary_row *r = &st->rows[st->sel];
	if (r->row < 0) {
		ui_message(ui, true, _("%s has not reported: nothing to open"), row_name(ui, ui_summary(ui), r));
		return UI_REDRAW;
	}
	long i = (long)ui_summary(ui)->rows[r->row].index;
	int react = ui_view_close(ui, v);
	ui_show_report(ui, i);
	return react | ui_view_focus(ui, ui_view_by_ctx(ui, SY_CTX_VIEWER));
}

/* ---- e: the draft 情况通报 ---- */

/* Writes the 情况通报 to ui->task.path; how is SY_WRITE_NEW or SY_WRITE_REPLACE. */
static enum sy_write_result summary_write_report(struct ui *ui, unsigned how)
{
	char *data = NULL, err[1024];
	size_t len = 0;
	struct sy_date today = sy_date_of(time(NULL));
	enum sy_write_result rc = SY_WRITE_FAILED;
	if (sy_summary_docx(ui_summary(ui), &ui->batch, &ui->rubric, ui->config.office, &today, &data, &len, err,
			    sizeof err) == 0)
		rc = sy_file_write(ui->task.path, data, len, how, NULL, err, sizeof err);
	free(data);
	if (rc == SY_WRITE_OK)
		ui_message(ui, false, _("wrote %s (the draft 情况通报)"), ui->task.path);
	else if (rc == SY_WRITE_FAILED)
		ui_message(ui, true, _("not written: %s"), err);
	return rc;
}

static int summary_overwrite_key(struct ui *ui, uint32_t key)
{
	if (!ui_prompt_yes(key))
		ui_message(ui, false, _("not written: %s is left as it was"), ui->task.path);
	else
		summary_write_report(ui, SY_WRITE_REPLACE);
	return UI_REDRAW;
}

/* 情况通报-<folder>.docx where exports go (--state, or beside the reports),
 * named after the folder's real name as the exports are. */
static char *summary_report_path(struct ui *ui)
{
	char *dir = ui_output_dir(ui);
	char *folder = sy_export_folder_name(dir);
	char *path = xasprintf("%s/情况通报-%s.docx", dir, folder);
	free(folder);
	free(dir);
	return path;
}

static int summary_report(struct ui *ui, struct ui_view *v)
{
	ui_task_reset(ui);
	ui->task.path = summary_report_path(ui);
	if (summary_write_report(ui, SY_WRITE_NEW) == SY_WRITE_EXISTS)
		return ui_prompt_ask(ui, summary_overwrite_key, _("%s exists. Overwrite it? y overwrites · any other key keeps it"),
				     ui->task.path);
	return UI_REDRAW;
}

static bool summary_open_hook(struct ui *ui, struct ui_view *v)
{
	ui_summary_stale(ui);
	summary_rows(ui, v->state);
	return true;
}

/* Reports loaded, reviews changed: the numbers are recounted when drawn. */
static void summary_event(struct ui *ui, struct ui_view *v, const struct ui_event *ev)
{
	if (ev->kind == UI_EVENT_LOADED) {
		ui_summary_stale(ui);
		if (ui_view_is_open(ui, v))
			summary_rows(ui, v->state);
	}
}

static int summary_click(struct ui *ui, struct ui_view *v, int row, int col)
{
	struct summary_state *st = v->state;
	int head = summary_head_rows(st);
	long pos = (long)st->top + row - (head + 1);
	if (row <= head || pos < 0 || (size_t)pos >= st->n)
		return UI_NONE;
	if ((size_t)pos == st->sel)
		return summary_open(ui, v);
	st->sel = (size_t)pos;
	return UI_REDRAW;
}

static void *summary_init(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct summary_state));
}

static void summary_free(void *state)
{
	struct summary_state *st = state;
	if (st)
		free(st->rows);
	free(st);
}

static const struct ui_view_handler summary_handlers[] = {
	{SY_OP_PAGE_DOWN, summary_page_down},
	{SY_OP_PAGE_UP, summary_page_up},
	{SY_OP_SUMMARY_SORT, summary_sort},
	{SY_OP_SUMMARY_REPORT, summary_report},
	{SY_OP_OPEN, summary_open},
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_summary_view = {
	.name = "summary",
	.kind = SY_CTX_KIND_PAGE,
	.label = N_("Batch summary (汇总)"),
	.init = summary_init,
	.free = summary_free,
	.title = summary_title,
	.draw = summary_draw,
	.handlers = summary_handlers,
	.move_by = summary_move,
	.click = summary_click,
	.event = summary_event,
	.open_op = SY_OP_SUMMARY,
	.open = summary_open_hook,
};
