/* Op handlers: the table from an operation to what it does in the focused
 * pane. Handlers change state and return reaction flags; they never draw. */
#include "config.h"

#include <stdio.h>

#include "ui.h"

typedef int (*ui_handler)(struct ui *ui);

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
		ui_loader_ensure(ui, (size_t)i);
		show_refresh_review(ui, (size_t)i);
	}
	ui_viewer_reset(ui);
	ui->check.sel = 0;
	ui->check.top = 0;
	ui->restore_line = -1;
}

static int act_quit(struct ui *ui)
{
	return ui_session_quit(ui);
}

static int act_help(struct ui *ui)
{
	return ui_help_open(ui);
}

static int act_focus(struct ui *ui, enum sy_pane p)
{
	ui->focus = p;
	if (ui->zoom >= 0 && ui->zoom != (int)p) {
		ui->zoom = (int)p;
		return UI_LAYOUT;
	}
	return UI_REDRAW;
}

static int act_next_pane(struct ui *ui)
{
	return act_focus(ui, (enum sy_pane)((ui->focus + 1) % SY_NPANES));
}

static int act_prev_pane(struct ui *ui)
{
	return act_focus(ui, (enum sy_pane)((ui->focus + SY_NPANES - 1) % SY_NPANES));
}

static int act_focus_list(struct ui *ui)
{
	return act_focus(ui, SY_PANE_LIST);
}

static int act_focus_viewer(struct ui *ui)
{
	return act_focus(ui, SY_PANE_VIEWER);
}

static int act_focus_checklist(struct ui *ui)
{
	return act_focus(ui, SY_PANE_CHECKLIST);
}

static int act_zoom(struct ui *ui)
{
	ui->zoom = ui->zoom >= 0 ? -1 : (int)ui->focus;
	return UI_LAYOUT;
}

/* Moves in the focused pane by delta rows (a page when page is set). */
static int act_move(struct ui *ui, long delta, bool page)
{
	switch (ui->focus) {
	case SY_PANE_LIST:
		return ui_list_move(ui, page ? delta * (ui->lay.pane[SY_PANE_LIST].h - 2) : delta);
	case SY_PANE_VIEWER:
		return ui_viewer_scroll(ui, page ? delta * (ui_viewer_height(ui) - 1) : delta);
	default:
		return ui_checklist_move(ui, page ? delta * 5 : delta);
	}
}

static int act_move_down(struct ui *ui)
{
	return act_move(ui, 1, false);
}

static int act_move_up(struct ui *ui)
{
	return act_move(ui, -1, false);
}

static int act_page_down(struct ui *ui)
{
	return act_move(ui, 1, true);
}

static int act_page_up(struct ui *ui)
{
	return act_move(ui, -1, true);
}

/* g and G in the viewer also drop the jump target, so ] and [ start from
 * the top or the bottom. */
static int act_move_end(struct ui *ui, long dir)
{
	if (ui->focus == SY_PANE_VIEWER)
		ui->viewer.jump_line = -1;
	return act_move(ui, dir * (long)1e9, false);
}

static int act_move_top(struct ui *ui)
{
	return act_move_end(ui, -1);
}

static int act_move_bottom(struct ui *ui)
{
	return act_move_end(ui, 1);
}

static int act_next_report(struct ui *ui)
{
	return ui_list_move(ui, 1);
}

static int act_prev_report(struct ui *ui)
{
	return ui_list_move(ui, -1);
}

static int act_open(struct ui *ui)
{
	ui_list_select(ui, ui->list.sel);
	return act_focus(ui, SY_PANE_VIEWER);
}

static int act_sort(struct ui *ui)
{
	ui->list.sort = (enum ui_sort)((ui->list.sort + 1) % UI_NSORT);
	ui_list_refresh(ui);
	ui_message(ui, false, _("sorted by %s"), ui_sort_label(ui->list.sort));
	return UI_REDRAW;
}

static int act_filter(struct ui *ui)
{
	return ui_prompt_start(ui, UI_MODE_FILTER);
}

static int act_incomplete(struct ui *ui)
{
	ui->list.incomplete_only = !ui->list.incomplete_only;
	ui_list_refresh(ui);
	ui_list_select(ui, ui->list.sel);
	ui_message(ui, false, "%s",
		   ui->list.incomplete_only ? _("showing incomplete reports only") : _("showing all reports"));
	return UI_REDRAW;
}

static int act_next_heading(struct ui *ui)
{
	return ui_viewer_heading_step(ui, 1);
}

static int act_prev_heading(struct ui *ui)
{
	return ui_viewer_heading_step(ui, -1);
}

static int act_outline(struct ui *ui)
{
	return ui_outline_open(ui);
}

static int act_search(struct ui *ui)
{
	return ui_prompt_start(ui, UI_MODE_SEARCH);
}

static int act_search_next(struct ui *ui)
{
	return ui_search_step(ui, 1);
}

static int act_search_prev(struct ui *ui)
{
	return ui_search_step(ui, -1);
}

static int act_line_numbers(struct ui *ui)
{
	ui->viewer.lineno = !ui->viewer.lineno;
	return UI_REDRAW;
}

static int act_jump(struct ui *ui)
{
	return ui_checklist_jump(ui);
}

static int act_redraw(struct ui *ui)
{
	clearok(curscr, TRUE);
	return UI_LAYOUT;
}

static int act_accept(struct ui *ui)
{
	return ui_decide_verdict(ui, SY_VERDICT_ACCEPT);
}

static int act_return(struct ui *ui)
{
	return ui_decide_verdict(ui, SY_VERDICT_RETURN);
}

static int act_pending(struct ui *ui)
{
	return ui_decide_verdict(ui, SY_VERDICT_PENDING);
}

static int act_clear_verdict(struct ui *ui)
{
	return ui_decide_verdict(ui, SY_VERDICT_NONE);
}

static int act_undo(struct ui *ui)
{
	return ui_tags_undo(ui, false);
}

static int act_redo(struct ui *ui)
{
	return ui_tags_undo(ui, true);
}

static int act_export(struct ui *ui)
{
	return ui_export_start(ui, false);
}

static int act_export_all(struct ui *ui)
{
	return ui_export_start(ui, true);
}

static const ui_handler handlers[SY_OP_COUNT] = {
	[SY_OP_QUIT] = act_quit,
	[SY_OP_HELP] = act_help,
	[SY_OP_NEXT_PANE] = act_next_pane,
	[SY_OP_PREV_PANE] = act_prev_pane,
	[SY_OP_FOCUS_LIST] = act_focus_list,
	[SY_OP_FOCUS_VIEWER] = act_focus_viewer,
	[SY_OP_FOCUS_CHECKLIST] = act_focus_checklist,
	[SY_OP_ZOOM] = act_zoom,
	[SY_OP_MOVE_DOWN] = act_move_down,
	[SY_OP_MOVE_UP] = act_move_up,
	[SY_OP_PAGE_DOWN] = act_page_down,
	[SY_OP_PAGE_UP] = act_page_up,
	[SY_OP_MOVE_TOP] = act_move_top,
	[SY_OP_MOVE_BOTTOM] = act_move_bottom,
	[SY_OP_NEXT_REPORT] = act_next_report,
	[SY_OP_PREV_REPORT] = act_prev_report,
	[SY_OP_OPEN] = act_open,
	[SY_OP_SORT] = act_sort,
	[SY_OP_FILTER] = act_filter,
	[SY_OP_INCOMPLETE] = act_incomplete,
	[SY_OP_NEXT_HEADING] = act_next_heading,
	[SY_OP_PREV_HEADING] = act_prev_heading,
	[SY_OP_OUTLINE] = act_outline,
	[SY_OP_SEARCH] = act_search,
	[SY_OP_SEARCH_NEXT] = act_search_next,
	[SY_OP_SEARCH_PREV] = act_search_prev,
	[SY_OP_LINE_NUMBERS] = act_line_numbers,
	[SY_OP_JUMP] = act_jump,
	[SY_OP_REDRAW] = act_redraw,
	[SY_OP_OVERRIDE] = ui_decide_override,
	[SY_OP_CLEAR_OVERRIDE] = ui_decide_clear_override,
	[SY_OP_RESOLVE] = ui_decide_resolve,
	[SY_OP_NOTE] = ui_decide_note,
	[SY_OP_NOTE_EDITOR] = ui_editor_note,
	[SY_OP_ACCEPT] = act_accept,
	[SY_OP_RETURN] = act_return,
	[SY_OP_PENDING] = act_pending,
	[SY_OP_CLEAR_VERDICT] = act_clear_verdict,
	[SY_OP_MARK_SEEN] = ui_decide_mark_seen,
	[SY_OP_TAG] = ui_tags_toggle,
	[SY_OP_TAG_VISIBLE] = ui_tags_visible,
	[SY_OP_UNTAG_ALL] = ui_tags_clear,
	[SY_OP_UNDO] = act_undo,
	[SY_OP_REDO] = act_redo,
	[SY_OP_EXPORT] = act_export,
	[SY_OP_EXPORT_ALL] = act_export_all,
};

int ui_action_run(struct ui *ui, enum sy_op op)
{
	if (op <= SY_OP_NONE || op >= SY_OP_COUNT || !handlers[op])
		return UI_NONE;
	return handlers[op](ui);
}
