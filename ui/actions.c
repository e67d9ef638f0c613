/* The ops every pane shares: quit, focus and zoom, the next report, notes
 * on the report, verdicts, tags, undo, export, redraw (help opens the help
 * popup, whose open_op it is). A pane's own table comes first (the
 * checklist's note is on its selection; the list's t also moves down);
 * these answer the rest. Handlers change state and return reaction flags;
 * they never draw. */
#include "config.h"

#include "ui.h"

static int act_quit(struct ui *ui, struct ui_view *v)
{
	return ui_session_quit(ui);
}

/* Focuses the pane after (dir 1) or before (dir -1) the focused one. */
static int act_cycle(struct ui *ui, int dir)
{
	size_t n = ui->views.n, i = ui->views.focus;
	do
		i = (i + n + (size_t)dir) % n;
	while (ui->views.v[i].ops->kind != SY_CTX_KIND_PANE);
	return ui_view_focus(ui, &ui->views.v[i]);
}

static int act_next_pane(struct ui *ui, struct ui_view *v)
{
	return act_cycle(ui, 1);
}

static int act_prev_pane(struct ui *ui, struct ui_view *v)
{
	return act_cycle(ui, -1);
}

static int act_focus_list(struct ui *ui, struct ui_view *v)
{
	return ui_view_focus(ui, ui_view_by_ctx(ui, SY_CTX_LIST));
}

static int act_focus_viewer(struct ui *ui, struct ui_view *v)
{
	return ui_view_focus(ui, ui_view_by_ctx(ui, SY_CTX_VIEWER));
}

static int act_focus_checklist(struct ui *ui, struct ui_view *v)
{
	return ui_view_focus(ui, ui_view_by_ctx(ui, SY_CTX_CHECKLIST));
}

static int act_zoom(struct ui *ui, struct ui_view *v)
{
	ui->zoom = ui->zoom >= 0 ? -1 : ui_view_focused(ui)->slot;
	return UI_LAYOUT;
}

/* J and K walk the list from any pane. */
static int act_next_report(struct ui *ui, struct ui_view *v)
{
	return ui_view_send(ui, SY_CTX_LIST, SY_OP_MOVE_DOWN);
}

static int act_prev_report(struct ui *ui, struct ui_view *v)
{
	return ui_view_send(ui, SY_CTX_LIST, SY_OP_MOVE_UP);
}

static int act_note(struct ui *ui, struct ui_view *v)
{
	return ui_decide_note_report(ui);
}

static int act_note_editor(struct ui *ui, struct ui_view *v)
{
	char what[256];
	const struct sy_note_target t = {.on = SY_NOTE_REPORT};
	return ui_editor_note(ui, &t, ui_decide_report_target(ui, what, sizeof what));
}

static int act_accept(struct ui *ui, struct ui_view *v)
{
	return ui_decide_verdict(ui, SY_VERDICT_ACCEPT);
}

static int act_return(struct ui *ui, struct ui_view *v)
{
	return ui_decide_verdict(ui, SY_VERDICT_RETURN);
}

static int act_pending(struct ui *ui, struct ui_view *v)
{
	return ui_decide_verdict(ui, SY_VERDICT_PENDING);
}

static int act_mark_seen(struct ui *ui, struct ui_view *v)
{
	return ui_decide_mark_seen(ui);
}

static int act_tag(struct ui *ui, struct ui_view *v)
{
	return ui_tags_toggle(ui);
}

static int act_tag_visible(struct ui *ui, struct ui_view *v)
{
	return ui_tags_visible(ui);
}

static int act_untag_all(struct ui *ui, struct ui_view *v)
{
	return ui_tags_clear(ui);
}

static int act_undo(struct ui *ui, struct ui_view *v)
{
	return ui_tags_undo(ui, false);
}

static int act_redo(struct ui *ui, struct ui_view *v)
{
	return ui_tags_undo(ui, true);
}

static int act_export(struct ui *ui, struct ui_view *v)
{
	return ui_export_start(ui, false);
}

static int act_export_all(struct ui *ui, struct ui_view *v)
{
	return ui_export_start(ui, true);
}

/* C-l: repaint every cell, and take in what changed on disk (live folder). */
static int act_redraw(struct ui *ui, struct ui_view *v)
{
	clearok(curscr, TRUE);
	return ui_live_step(ui, true) | UI_LAYOUT;
}

static int act_assign_unit(struct ui *ui, struct ui_view *v)
{
	return ui_assign_unit(ui);
}

static int act_received(struct ui *ui, struct ui_view *v)
{
	return ui_set_received(ui);
}

static const struct ui_view_handler pane_handlers[] = {
	{SY_OP_QUIT, act_quit},
	{SY_OP_NEXT_PANE, act_next_pane},
	{SY_OP_PREV_PANE, act_prev_pane},
	{SY_OP_FOCUS_LIST, act_focus_list},
	{SY_OP_FOCUS_VIEWER, act_focus_viewer},
	{SY_OP_FOCUS_CHECKLIST, act_focus_checklist},
	{SY_OP_ZOOM, act_zoom},
	{SY_OP_NEXT_REPORT, act_next_report},
	{SY_OP_PREV_REPORT, act_prev_report},
	{SY_OP_NOTE, act_note},
	{SY_OP_NOTE_EDITOR, act_note_editor},
	{SY_OP_ACCEPT, act_accept},
	{SY_OP_RETURN, act_return},
	{SY_OP_PENDING, act_pending},
	{SY_OP_MARK_SEEN, act_mark_seen},
	{SY_OP_TAG, act_tag},
	{SY_OP_TAG_VISIBLE, act_tag_visible},
	{SY_OP_UNTAG_ALL, act_untag_all},
	{SY_OP_UNDO, act_undo},
	{SY_OP_REDO, act_redo},
	{SY_OP_EXPORT, act_export},
	{SY_OP_EXPORT_ALL, act_export_all},
	{SY_OP_ASSIGN_UNIT, act_assign_unit},
	{SY_OP_RECEIVED, act_received},
	{SY_OP_REDRAW, act_redraw},
	{SY_OP_NONE, NULL},
};

ui_view_fn ui_actions_pane_handler(enum sy_op op)
{
	for (const struct ui_view_handler *h = pane_handlers; h->op != SY_OP_NONE; h++)
		if (h->op == op)
			return h->run;
	return NULL;
}
