/* The evidence popup: why the part selected in the checklist has its
 * status — the rule that decided it, a sentence saying why (marked
 * uncertain where the evidence is weak), and the lines it rests on, each
 * with its text; Enter sends the viewer to the chosen line. Opened by w in
 * the checklist. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

#define EVIDENCE_MAX (SY_EVIDENCE_LINES + 1) /* its lines, and where it was seen but not counted */

struct evidence_state {
	long part;                /* rubric part shown */
	size_t sel;               /* selected line among the evidence lines */
};

static void *evidence_init(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct evidence_state));
}

static const struct sy_part_result *evidence_part(struct ui *ui, const struct evidence_state *es)
{
	struct sy_report *rep = ui_current_report(ui);
	if (!rep || !rep->loaded || rep->error || es->part < 0 || (size_t)es->part >= rep->score.nparts)
		return NULL;
	return &rep->score.parts[es->part];
}

/* The 1-based lines the popup lists: the evidence's, then the ignored one. */
static size_t evidence_lines(const struct sy_part_result *pr, long *lines)
{
	size_t n = 0;
	for (size_t i = 0; pr && i < pr->ev.nlines; i++)
		lines[n++] = pr->ev.lines[i];
	if (pr && pr->ev.ignored)
		lines[n++] = pr->ev.ignored;
	return n;
}

static bool evidence_open(struct ui *ui, struct ui_view *v)
{
	struct evidence_state *es = v->state;
	es->part = ui->at.part;
	es->sel = 0;
	if (!evidence_part(ui, es)) {
		ui_message(ui, false, "%s", _("select a part in the checklist to see why it has its status"));
		return false;
	}
	return true;
}

static void evidence_size(struct ui *ui, struct ui_view *v, int *h, int *w)
{
	(void)ui;
	(void)v;
	*h = 16;
	*w = 84;
}

static void evidence_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	const struct evidence_state *es = v->state;
	snprintf(buf, len, _(" Why: %s · Enter shows the line · Esc closes"),
		 es->part >= 0 ? ui_part_short(ui, (size_t)es->part) : "");
}

static int evidence_move(struct ui *ui, struct ui_view *v, long delta)
{
	struct evidence_state *es = v->state;
	long lines[EVIDENCE_MAX];
	long n = (long)evidence_lines(evidence_part(ui, es), lines), s = (long)es->sel + delta;
	es->sel = (size_t)(s < 0 ? 0 : s >= n ? (n ? n - 1 : 0) : s);
	return UI_REDRAW;
}

static int evidence_first(struct ui *ui, struct ui_view *v)
{
	return evidence_move(ui, v, -EVIDENCE_MAX);
}

static int evidence_last(struct ui *ui, struct ui_view *v)
{
	return evidence_move(ui, v, EVIDENCE_MAX);
}

static int evidence_pick(struct ui *ui, struct ui_view *v)
{
	struct evidence_state *es = v->state;
	long lines[EVIDENCE_MAX];
	size_t n = evidence_lines(evidence_part(ui, es), lines);
	long part = es->part;
	int react = ui_view_close(ui, v);
	if (es->sel < n)
		ui_emit_place(ui, part, lines[es->sel] - 1, true);
	return react;
}

/* Draws wrapped text from row y; returns the next free row. */
static int evidence_draw_wrapped(struct ui *ui, const struct ui_view *v, int y, const char *text,
				 const struct ui_style *st)
{
	struct sy_span *rows;
	size_t n = sy_wrap(text, (size_t)(v->rect.w > 4 ? v->rect.w - 2 : 2), &rows);
	for (size_t i = 0; i < n && y < v->rect.y + v->rect.h; i++, y++) {
		ui_draw_fill(y, v->rect.x, v->rect.w, st);
		ui_draw_text(y, v->rect.x + 1, text + rows[i].start, rows[i].end - rows[i].start, v->rect.w - 2, st);
	}
	free(rows);
	return y;
}

/* The head: "~? 不足原因  partial (uncertain) · rule causes-missing". */
static int evidence_draw_head(struct ui *ui, const struct ui_view *v, const struct evidence_state *es,
			      const struct sy_part_result *pr, int y)
{
	const struct ui_style *st = &ui->style[SY_SLOT_POPUP];
	char rule[64], head[256];
	sy_evidence_rule_id(&pr->ev, rule, sizeof rule);
	bool weak = sy_evidence_uncertain(&pr->ev);
	snprintf(head, sizeof head, "%s  %s%s · %s %s", ui_part_short(ui, (size_t)es->part),
		 ui_status_label(pr->status), weak ? _(" (uncertain)") : "", _("rule"), rule);
	ui_draw_fill(y, v->rect.x, v->rect.w, st);
	ui_draw_field(ui, y, v->rect.x + 1, ui_status_mark(ui, pr->status), 1, SY_ALIGN_LEFT,
		      &ui->style[ui_status_slot(pr->status)]);
	ui_draw_field(ui, y, v->rect.x + 2, weak ? "?" : "", 1, SY_ALIGN_LEFT, &ui->style[SY_SLOT_WARNING]);
	ui_draw_field(ui, y, v->rect.x + 4, head, v->rect.w - 5, SY_ALIGN_LEFT, st);
	return y + 2;
}

/* One evidence line: "L14  三、存在的不足", selected or not. */
static void evidence_draw_line(struct ui *ui, const struct ui_view *v, const struct sy_report *rep, int y,
			       long line, bool ignored, bool sel)
{
	const struct ui_style *st = &ui->style[sel ? SY_SLOT_SELECTION : ignored ? SY_SLOT_DIM : SY_SLOT_POPUP];
	char label[48];
	snprintf(label, sizeof label, ignored ? _("L%ld (not counted)") : "L%ld", line);
	int lw = (int)sy_width_str(label) + 2;
	ui_draw_fill(y, v->rect.x, v->rect.w, st);
	ui_draw_field(ui, y, v->rect.x + 1, label, lw, SY_ALIGN_LEFT, st);
	if (line >= 1 && (size_t)line <= rep->doc.nlines) {
		const char *t = rep->doc.lines[line - 1].text;
		while (*t == ' ' || *t == '\t')
			t++;
		ui_draw_field(ui, y, v->rect.x + 1 + lw, t, v->rect.w - 2 - lw, SY_ALIGN_LEFT, st);
	}
}

static void evidence_draw(struct ui *ui, struct ui_view *v)
{
	struct evidence_state *es = v->state;
	const struct sy_part_result *pr = evidence_part(ui, es);
	if (!pr)
		return;
	struct sy_report *rep = ui_current_report(ui);
	int y = evidence_draw_head(ui, v, es, pr, v->rect.y);
	char why[640];
	sy_evidence_describe(pr, &ui->rubric.parts[es->part], why, sizeof why);
	y = evidence_draw_wrapped(ui, v, y, why, &ui->style[SY_SLOT_POPUP]) + 1;
	long lines[EVIDENCE_MAX];
	size_t n = evidence_lines(pr, lines);
	if (n && y < v->rect.y + v->rect.h)
		ui_draw_field(ui, y++, v->rect.x + 1, _("The lines it rests on:"), v->rect.w - 2, SY_ALIGN_LEFT,
			      &ui->style[SY_SLOT_DIM]);
	for (size_t i = 0; i < n && y < v->rect.y + v->rect.h; i++)
		evidence_draw_line(ui, v, rep, y++, lines[i], pr->ev.ignored && i == n - 1, i == es->sel);
}

static const struct ui_view_handler evidence_handlers[] = {
	{SY_OP_PAGE_DOWN, evidence_last},
	{SY_OP_PAGE_UP, evidence_first},
	{SY_OP_PICK, evidence_pick},
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_evidence_view = {
	.name = "evidence",
	.kind = SY_CTX_KIND_POPUP,
	.label = N_("Why a part has its status"),
	.init = evidence_init,
	.free = free,
	.title = evidence_title,
	.draw = evidence_draw,
	.handlers = evidence_handlers,
	.move_by = evidence_move,
	.open_op = SY_OP_EVIDENCE,
	.open = evidence_open,
	.size = evidence_size,
};
