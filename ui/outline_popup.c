/* The outline popup: the report's headings, indented by level and tagged
 * with their parts; Enter sends the viewer to the chosen heading. Opened by
 * o in the viewer, on the heading nearest the viewer's top. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

struct outline_state {
	size_t sel, top;
};

static void *outline_init(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct outline_state));
}

static size_t outline_count(struct ui *ui)
{
	struct sy_report *rep = ui_current_report(ui);
	return rep && rep->loaded && !rep->error ? rep->outline.nh : 0;
}

static void outline_size(struct ui *ui, struct ui_view *v, int *h, int *w)
{
	*h = ui->lay.rows;
	*w = 90;
}

static void outline_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	snprintf(buf, len, "%s", _(" Outline · Enter goes · Esc closes"));
}

static bool outline_open(struct ui *ui, struct ui_view *v)
{
	struct outline_state *o = v->state;
	struct sy_report *rep = ui_current_report(ui);
	if (rep && !ui_loader_need(ui, (size_t)ui->current)) /* its headings come with its text */
		return false;
	if (!outline_count(ui)) {
		ui_message(ui, false, "%s", _("this report has no headings"));
		return false;
	}
	o->sel = 0;
	for (size_t k = 0; k < rep->outline.nh; k++)
		if ((long)rep->outline.h[k].line <= ui->at.line)
			o->sel = k;
	o->top = 0;
	return true;
}

/* Moves the selection by delta headings (clamped). */
static int outline_move(struct ui *ui, struct ui_view *v, long delta)
{
	struct outline_state *o = v->state;
	long n = (long)outline_count(ui), s = (long)o->sel + delta;
	o->sel = (size_t)(s < 0 ? 0 : s >= n ? (n ? n - 1 : 0) : s);
	return UI_REDRAW;
}

static int outline_pick(struct ui *ui, struct ui_view *v)
{
	struct outline_state *o = v->state;
	struct sy_report *rep = ui_current_report(ui);
	int react = ui_view_close(ui, v);
	if (rep && o->sel < outline_count(ui))
		ui_emit_place(ui, -1, (long)rep->outline.h[o->sel].line, true);
	return react;
}

/* The worst status among the parts heading k names, or -1 when none. */
static int outline_heading_status(const struct sy_report *rep, size_t k)
{
	int worst = -1;
	for (size_t p = 0; p < rep->score.nparts; p++)
		if (rep->score.parts[p].heading == (long)k && (worst < 0 || (int)rep->score.parts[p].status < worst))
			worst = (int)rep->score.parts[p].status;
	return worst;
}

static void outline_draw_row(struct ui *ui, const struct outline_state *o, const struct sy_report *rep,
			     struct sy_rect in, int y, size_t k)
{
	const struct sy_heading *h = &rep->outline.h[k];
	bool sel = k == o->sel;
	const struct ui_style *st = &ui->style[sel ? SY_SLOT_SELECTION : SY_SLOT_POPUP];
	char buf[600];
	snprintf(buf, sizeof buf, "%4zu %*s%s", h->line + 1, (h->level - 1) * 2, "", h->display ? h->display : "");
	int st_w = 2;
	ui_draw_field(ui, y, in.x, buf, in.w - st_w, SY_ALIGN_LEFT, st);
	int status = outline_heading_status(rep, k);
	if (status >= 0)
		ui_draw_field(ui, y, in.x + in.w - st_w, ui_status_mark(ui, (enum sy_status)status), st_w,
			      SY_ALIGN_RIGHT, &ui->style[ui_status_slot((enum sy_status)status)]);
	else
		ui_draw_fill(y, in.x + in.w - st_w, st_w, st);
}

static void outline_draw(struct ui *ui, struct ui_view *v)
{
	struct outline_state *o = v->state;
	struct sy_report *rep = ui_current_report(ui);
	size_t n = outline_count(ui);
	size_t h = (size_t)(v->rect.h > 0 ? v->rect.h : 1);
	if (o->sel < o->top)
		o->top = o->sel;
	if (o->sel >= o->top + h)
		o->top = o->sel - h + 1;
	for (size_t i = 0; i < h && o->top + i < n; i++)
		outline_draw_row(ui, o, rep, v->rect, v->rect.y + (int)i, o->top + i);
}

static const struct ui_view_handler outline_handlers[] = {
	{SY_OP_PICK, outline_pick},
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_outline_view = {
	.name = "outline",
	.kind = SY_CTX_KIND_POPUP,
	.label = N_("Outline"),
	.init = outline_init,
	.free = free,
	.title = outline_title,
	.draw = outline_draw,
	.handlers = outline_handlers,
	.move_by = outline_move,
	.open_op = SY_OP_OUTLINE,
	.open = outline_open,
	.size = outline_size,
};
