/* The bottom row when it asks something: the line editor (src/lineedit.c)
 * for the list filter (applied as you type), a search (run on Enter), a
 * note or a reason (handed to ui->task.on_text on Enter); or a question
 * answered by one key (handed to ui->task.on_key). The terminal cursor sits
 * at the editing point, so an input method shows its candidates there. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/utf8.h"
#include "ui.h"

#define PROMPT_FILTER_MAX 80 /* code points: the filter is a short substring */

bool ui_prompt_active(const struct ui *ui)
{
	return ui->mode == UI_MODE_FILTER || ui->mode == UI_MODE_SEARCH || ui->mode == UI_MODE_EDIT ||
	       ui->mode == UI_MODE_ASK;
}

bool ui_prompt_yes(uint32_t key)
{
	return key == 'y' || key == 'Y';
}

int ui_prompt_start(struct ui *ui, enum ui_mode mode)
{
	ui->mode = mode;
	sy_lineedit_set(&ui->edit, mode == UI_MODE_FILTER ? ui->list.filter : "");
	ui->edit.max = PROMPT_FILTER_MAX;
	snprintf(ui->label, sizeof ui->label, "%s", mode == UI_MODE_FILTER ? _("filter: ") : "/");
	ui->msg[0] = '\0';
	return UI_REDRAW;
}

int ui_prompt_text(struct ui *ui, const char *label, const char *initial, ui_text_fn done)
{
	ui->mode = UI_MODE_EDIT;
	sy_lineedit_set(&ui->edit, initial);
	ui->edit.max = 0;
	snprintf(ui->label, sizeof ui->label, "%s", label);
	ui->task.on_text = done;
	ui->msg[0] = '\0';
	return UI_REDRAW;
}

int ui_prompt_ask(struct ui *ui, ui_key_fn done, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->label, sizeof ui->label, fmt, ap);
	va_end(ap);
	ui->mode = UI_MODE_ASK;
	ui->task.on_key = done;
	ui->msg[0] = '\0';
	return UI_REDRAW;
}

/* The filter follows every keystroke. */
static void prompt_apply_filter(struct ui *ui)
{
	sy_lineedit_copy(&ui->edit, ui->list.filter, sizeof ui->list.filter);
	ui_list_refresh(ui);
	ui_list_select(ui, ui->list.sel);
}

static int prompt_finish(struct ui *ui, bool accept)
{
	enum ui_mode mode = ui->mode;
	ui->mode = UI_MODE_NORMAL;
	if (mode == UI_MODE_FILTER) {
		if (!accept)
			sy_lineedit_set(&ui->edit, "");
		prompt_apply_filter(ui);
		return UI_REDRAW;
	}
	char *text = sy_lineedit_text(&ui->edit);
	int react = UI_REDRAW;
	if (mode == UI_MODE_SEARCH && accept)
		ui_search_run(ui, text);
	else if (mode == UI_MODE_EDIT && accept && ui->task.on_text)
		react |= ui->task.on_text(ui, text);
	else if (mode == UI_MODE_EDIT)
		ui_message(ui, false, "%s", _("cancelled: nothing changed"));
	free(text);
	return react;
}

static int prompt_answer(struct ui *ui, uint32_t key)
{
	ui->mode = UI_MODE_NORMAL;
	ui_key_fn fn = ui->task.on_key;
	ui->task.on_key = NULL;
	return UI_REDRAW | (fn ? fn(ui, key) : UI_NONE);
}

int ui_prompt_key(struct ui *ui, uint32_t key)
{
	if (ui->mode == UI_MODE_ASK)
		return prompt_answer(ui, key);
	switch (sy_lineedit_key(&ui->edit, key)) {
	case SY_LINEEDIT_ACCEPT:
		return prompt_finish(ui, true);
	case SY_LINEEDIT_CANCEL:
		return prompt_finish(ui, false);
	case SY_LINEEDIT_EDITED:
		if (ui->mode == UI_MODE_FILTER)
			prompt_apply_filter(ui);
		return UI_REDRAW;
	default:
		return UI_NONE;
	}
}

/* The hint at the right of the prompt row, for each mode. */
static const char *prompt_hint(const struct ui *ui)
{
	if (ui->mode == UI_MODE_ASK)
		return "";
	if (ui->mode == UI_MODE_EDIT)
		return _(" Enter save · Esc cancel ");
	return _(" Enter accept · Esc cancel ");
}

/* Draws the editor's visible window at (y, x) in cols columns; returns the
 * cursor's column. */
static int prompt_draw_field(struct ui *ui, int y, int x, int cols, const struct ui_style *st)
{
	struct sy_lineedit_view v;
	sy_lineedit_window(&ui->edit, (size_t)cols, &v);
	int used = 0;
	for (size_t i = v.first; i < v.end; i++) {
		char u[8];
		size_t len = utf8_encode(ui->edit.cp[i], u);
		used += ui_draw_text(y, x + used, u, len, cols - used, st);
	}
	ui_draw_fill(y, x + used, cols - used, st);
	return x + (int)v.cursor_col;
}

void ui_prompt_draw(struct ui *ui)
{
	const struct sy_rect *r = &ui->lay.status;
	const struct ui_style *st = &ui->style[SY_SLOT_STATUSBAR];
	const char *hint = prompt_hint(ui);
	int hw = (int)sy_width_str(hint);
	if (hw > r->w / 2 - 8)
		hw = 0;
	int lw = (int)sy_width_str(ui->label);
	int room = r->w - hw;
	if (ui->mode == UI_MODE_ASK || lw > room - 8)
		lw = ui->mode == UI_MODE_ASK ? room : room / 2;
	ui_draw_field(ui, r->y, r->x, ui->label, lw, SY_ALIGN_LEFT, st);
	ui->cursor_y = r->y;
	if (ui->mode == UI_MODE_ASK) {
		int end = (int)sy_width_str(ui->label);
		ui->cursor_x = r->x + (end < room ? end : room - 1);
		return;
	}
	ui->cursor_x = prompt_draw_field(ui, r->y, r->x + lw, room - lw, st);
	if (hw)
		ui_draw_field(ui, r->y, r->x + room, hint, hw, SY_ALIGN_RIGHT, st);
}
