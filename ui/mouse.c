/* Mouse: curses events to the registry (views.c), where a click focuses the
 * pane under it and the view hit-tests the row; the wheel scrolls the view
 * under the pointer. Off with --no-mouse. */
#include "config.h"

#include "ui.h"

void ui_mouse_enable(void)
{
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
}

int ui_mouse_handle(struct ui *ui)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return UI_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		return ui_views_wheel(ui, ev.y, ev.x, -1);
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return ui_views_wheel(ui, ev.y, ev.x, 1);
#endif
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		return ui_views_click(ui, ev.y, ev.x);
	return UI_NONE;
}
