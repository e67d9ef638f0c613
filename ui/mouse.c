/* Mouse: a click focuses a pane and selects the row under it; the wheel
 * scrolls the pane under the pointer. Off with --no-mouse. */
#include "config.h"

#include "ui.h"

#define MOUSE_WHEEL_ROWS 3

void ui_mouse_enable(void)
{
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
}

static int mouse_click(struct ui *ui, int pane, int y)
{
	int row = y - ui->lay.pane[pane].y - 1; /* below the title row */
	ui->focus = (enum sy_pane)pane;
	if (row < 0)
		return UI_REDRAW;
	if (pane == SY_PANE_LIST)
		return ui_list_select(ui, ui->list.top + (size_t)row) | UI_REDRAW;
	if (pane == SY_PANE_CHECKLIST) {
		long item = ui_checklist_item_at(ui, row);
		if (item < 0)
			return UI_REDRAW;
		ui->check.sel = (size_t)item;
		return ui_checklist_jump(ui);
	}
	return UI_REDRAW;
}

static int mouse_wheel(struct ui *ui, int pane, int dir)
{
	if (pane == SY_PANE_LIST)
		return ui_list_move(ui, dir * MOUSE_WHEEL_ROWS);
	if (pane == SY_PANE_VIEWER)
		return ui_viewer_scroll(ui, dir * MOUSE_WHEEL_ROWS);
	return ui_checklist_move(ui, dir);
}

int ui_mouse_handle(struct ui *ui)
{
	MEVENT ev;
	if (getmouse(&ev) != OK || ui->lay.too_small || ui->mode != UI_MODE_NORMAL)
		return UI_NONE;
	int pane = sy_layout_pane_at(&ui->lay, ev.y, ev.x);
	if (pane < 0)
		return UI_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		return mouse_wheel(ui, pane, -1);
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return mouse_wheel(ui, pane, 1);
#endif
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		return mouse_click(ui, pane, ev.y);
	return UI_NONE;
}
