/* Tags (a selection of reports that verdicts and export apply to, kept in
 * the session), and undo and redo of decisions. The desk owns both; this
 * file only says what happened and shows the report a step touched. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui.h"

/* Shows the result of a tag call: its error, else text. */
static int tags_said(struct ui *ui, int rc, const char *text)
{
	if (rc != SY_DESK_OK)
		return ui_desk_said(ui, rc);
	char scope[160];
	ui_tags_scope(ui, scope, sizeof scope);
	ui_message(ui, false, "%s · %s", text, scope);
	return UI_REDRAW;
}

int ui_tags_toggle(struct ui *ui)
{
	if (ui->current < 0)
		return UI_NONE;
	size_t i = (size_t)ui->current;
	bool on = !ui->desk.tagged[i];
	int rc = sy_desk_tag(&ui->desk, i, on);
	return tags_said(ui, rc, on ? _("tagged") : _("untagged"));
}

int ui_tags_visible(struct ui *ui)
{
	int rc = sy_desk_tag_many(&ui->desk, ui->shown.v, ui->shown.n, true);
	return tags_said(ui, rc, _("tagged every report shown"));
}

int ui_tags_clear(struct ui *ui)
{
	size_t n;
	size_t *idx = sy_desk_tagged_list(&ui->desk, &n);
	int rc = sy_desk_tag_many(&ui->desk, idx, n, false);
	free(idx);
	return tags_said(ui, rc, _("untagged every report"));
}

/* Number of tagged reports the list does not show (hidden by the filter). */
static size_t tags_hidden(const struct ui *ui)
{
	size_t shown = 0;
	for (size_t p = 0; p < ui->shown.n; p++)
		shown += ui->desk.tagged[ui->shown.v[p]];
	return sy_desk_ntagged(&ui->desk) - shown;
}

void ui_tags_scope(const struct ui *ui, char *buf, size_t len)
{
	size_t hidden = tags_hidden(ui);
	int n = snprintf(buf, len, _("%zu tagged / %zu visible"), sy_desk_ntagged(&ui->desk), ui->shown.n);
	if (hidden && n > 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, _(" (%zu tagged hidden by the filter)"), hidden);
}

int ui_tags_undo(struct ui *ui, bool redo)
{
	size_t report = 0;
	int rc = redo ? sy_desk_redo(&ui->desk, &report) : sy_desk_undo(&ui->desk, &report);
	if (rc == SY_DESK_NOTHING) {
		ui_message(ui, false, "%s", redo ? _("nothing to redo") : _("nothing to undo"));
		return UI_REDRAW;
	}
	char msg[sizeof ui->desk.msg];
	snprintf(msg, sizeof msg, "%s", ui->desk.msg); /* showing a report refreshes it */
	if ((long)report != ui->current)
		ui_show_report(ui, (long)report);
	ui_emit(ui, &(struct ui_event){.kind = UI_EVENT_LOADED, .part = -1, .line = -1}); /* recount */
	if (rc == SY_DESK_FAILED)
		ui_message(ui, true, _("NOT SAVED (kept in memory, saved again with the next change): %s"), msg);
	else
		ui_message(ui, rc == SY_DESK_CONFLICT || rc == SY_DESK_MOVED, "%s · %s", msg,
			   ui_report_name(&ui->batch.r[report]));
	return UI_REDRAW;
}
