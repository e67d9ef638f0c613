/* The outline popup: the report's headings, indented by level and tagged
 * with their parts; Enter scrolls the viewer to the chosen heading. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui.h"

static size_t outline_count(struct ui *ui)
{
	struct sy_report *rep = ui_current_report(ui);
	return rep && rep->loaded && !rep->error ? rep->outline.nh : 0;
}

static struct sy_rect outline_rect(const struct ui *ui)
{
	return ui_popup_rect(ui, ui->lay.rows, 90);
}

int ui_outline_open(struct ui *ui)
{
	struct sy_report *rep = ui_current_report(ui);
	if (!outline_count(ui)) {
		ui_message(ui, false, "%s", _("this report has no headings"));
		return UI_REDRAW;
	}
	ui_viewer_prepare(ui);
	size_t top_line = ui->viewer.nrows ? ui->viewer.rows[ui->viewer.top].line : 0;
	ui->outline.sel = 0;
	for (size_t k = 0; k < rep->outline.nh; k++)
		if (rep->outline.h[k].line <= top_line)
			ui->outline.sel = k;
	ui->outline.top = 0;
	ui->mode = UI_MODE_OUTLINE;
	return UI_REDRAW;
}

static void outline_move(struct ui *ui, long delta)
{
	long n = (long)outline_count(ui), s = (long)ui->outline.sel + delta;
	ui->outline.sel = (size_t)(s < 0 ? 0 : s >= n ? (n ? n - 1 : 0) : s);
}

int ui_outline_handle(struct ui *ui, enum sy_op op)
{
	long page = outline_rect(ui).h - 2;
	struct sy_report *rep = ui_current_report(ui);
	switch (op) {
	case SY_OP_CLOSE: ui->mode = UI_MODE_NORMAL; break;
	case SY_OP_MOVE_DOWN: outline_move(ui, 1); break;
	case SY_OP_MOVE_UP: outline_move(ui, -1); break;
	case SY_OP_PAGE_DOWN: outline_move(ui, page); break;
	case SY_OP_PAGE_UP: outline_move(ui, -page); break;
	case SY_OP_MOVE_TOP: outline_move(ui, -(long)outline_count(ui)); break;
	case SY_OP_MOVE_BOTTOM: outline_move(ui, (long)outline_count(ui)); break;
	case SY_OP_PICK:
		ui->mode = UI_MODE_NORMAL;
		if (rep && ui->outline.sel < outline_count(ui))
			return ui_viewer_show_line(ui, rep->outline.h[ui->outline.sel].line, true);
		break;
	default: break;
	}
	return UI_REDRAW;
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

static void outline_draw_row(struct ui *ui, const struct sy_report *rep, struct sy_rect in, int y, size_t k)
{
	const struct sy_heading *h = &rep->outline.h[k];
	bool sel = k == ui->outline.sel;
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

void ui_outline_draw(struct ui *ui)
{
	struct sy_report *rep = ui_current_report(ui);
	size_t n = outline_count(ui);
	struct sy_rect in = ui_popup_frame(ui, outline_rect(ui), _(" Outline · Enter goes · Esc closes"));
	size_t h = (size_t)(in.h > 0 ? in.h : 1);
	if (ui->outline.sel < ui->outline.top)
		ui->outline.top = ui->outline.sel;
	if (ui->outline.sel >= ui->outline.top + h)
		ui->outline.top = ui->outline.sel - h + 1;
	for (size_t i = 0; i < h && ui->outline.top + i < n; i++)
		outline_draw_row(ui, rep, in, in.y + (int)i, ui->outline.top + i);
}
