/* The report on screen: making another one current asks the loader for it
 * (never waiting long: the views fill in when it comes), takes in what
 * another reviewer saved to its review, and tells every view. Above the
 * loader and the shared helpers, which never call it. */
#include "config.h"

#include "ui.h"

/* Takes in what another reviewer saved to report i's review meanwhile. */
static void show_refresh_review(struct ui *ui, size_t i)
{
	int rc = sy_desk_refresh(&ui->desk, i);
	if (rc != SY_DESK_OK)
		ui_desk_said(ui, rc);
}

void ui_show_report(struct ui *ui, long i)
{
	if (i == ui->current)
		return;
	ui->current = i;
	if (i >= 0) {
		ui_loader_want(ui, (size_t)i); /* a .doc still converting fills in later */
		show_refresh_review(ui, (size_t)i);
	}
	struct ui_event ev = {.kind = UI_EVENT_REPORT, .part = -1, .line = -1};
	ui_emit(ui, &ev);
}
