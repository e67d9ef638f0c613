/* The bottom row when it asks something: the line editor (src/lineedit.c)
 * for a line the caller hears as it is typed (the list filter), on Enter
 * (a search, a note, a reason) or on Esc; or a question answered by one
 * key. The callers' callbacks say what the text or the key does. The terminal cursor sits
 * at the editing point, so an input method shows its candidates there. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/utf8.h"
#include "ui.h"

bool ui_prompt_active(const struct ui *ui)
{
	return ui->prompt.mode != UI_PROMPT_NONE;
}

bool ui_prompt_yes(uint32_t key)
{
	return key == 'y' || key == 'Y';
}

/* Says that Esc changed nothing. */
static int prompt_cancelled(struct ui *ui, const char *text)
{
	(void)text;
	ui_message(ui, false, "%s", _("cancelled: nothing changed"));
	return UI_REDRAW;
}

/* Puts label on the bottom row in mode; the callbacks are the caller's. */
static void prompt_begin(struct ui *ui, enum ui_prompt_mode mode, const char *label, const char *hint)
{
	struct ui_prompt *p = &ui->prompt;
	p->mode = mode;
	ui_str_set(&p->label, label);
	p->hint = hint;
	p->on_text = p->on_edit = p->on_cancel = NULL;
	p->on_key = NULL;
	ui_message_clear(ui);
}

int ui_prompt_line(struct ui *ui, const char *label, const char *initial, size_t max, ui_text_fn live,
		   ui_text_fn done, ui_text_fn cancel)
{
	struct ui_prompt *p = &ui->prompt;
	prompt_begin(ui, UI_PROMPT_LINE, label, _(" Enter accept · Esc cancel "));
	sy_lineedit_set(&p->edit, initial);
	p->edit.max = max;
	p->on_edit = live;
	p->on_text = done;
	p->on_cancel = cancel;
	return UI_REDRAW;
}

int ui_prompt_text(struct ui *ui, const char *label, const char *initial, ui_text_fn done)
{
	ui_prompt_line(ui, label, initial, 0, NULL, done, prompt_cancelled);
	ui->prompt.hint = _(" Enter save · Esc cancel ");
	return UI_REDRAW;
}

int ui_prompt_ask(struct ui *ui, ui_key_fn done, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char label[1024];
	vsnprintf(label, sizeof label, fmt, ap);
	va_end(ap);
	prompt_begin(ui, UI_PROMPT_ASK, label, "");
	ui->prompt.on_key = done;
	return UI_REDRAW;
}

void ui_prompt_free(struct ui *ui)
{
	free(ui->prompt.label);
	ui->prompt.label = NULL;
	sy_lineedit_free(&ui->prompt.edit);
}

/* Ends the line prompt: its text goes to on_text (Enter) or on_cancel (Esc). */
static int prompt_finish(struct ui *ui, bool accept)
{
	struct ui_prompt *p = &ui->prompt;
	ui_text_fn fn = accept ? p->on_text : p->on_cancel;
	p->mode = UI_PROMPT_NONE;
	char *text = sy_lineedit_text(&p->edit);
	int react = UI_REDRAW | (fn ? fn(ui, text) : UI_NONE);
	free(text);
	return react;
}

static int prompt_answer(struct ui *ui, uint32_t key)
{
	ui_key_fn fn = ui->prompt.on_key;
	ui->prompt.mode = UI_PROMPT_NONE;
	ui->prompt.on_key = NULL;
	return UI_REDRAW | (fn ? fn(ui, key) : UI_NONE);
}

/* Hands the text as it is now to on_edit. */
static int prompt_edited(struct ui *ui)
{
	if (!ui->prompt.on_edit)
		return UI_REDRAW;
	char *text = sy_lineedit_text(&ui->prompt.edit);
	int react = UI_REDRAW | ui->prompt.on_edit(ui, text);
	free(text);
	return react;
}

int ui_prompt_key(struct ui *ui, uint32_t key)
{
	if (ui->prompt.mode == UI_PROMPT_ASK)
		return prompt_answer(ui, key);
	switch (sy_lineedit_key(&ui->prompt.edit, key)) {
	case SY_LINEEDIT_ACCEPT:
		return prompt_finish(ui, true);
	case SY_LINEEDIT_CANCEL:
		return prompt_finish(ui, false);
	case SY_LINEEDIT_EDITED:
		return prompt_edited(ui);
	default:
		return UI_NONE;
	}
}

/* Draws the editor's visible window at (y, x) in cols columns; returns the
 * cursor's column. */
static int prompt_draw_field(struct ui *ui, int y, int x, int cols, const struct ui_style *st)
{
	struct sy_lineedit_view v;
	sy_lineedit_window(&ui->prompt.edit, (size_t)cols, &v);
	int used = 0;
	for (size_t i = v.first; i < v.end; i++) {
		char u[8];
		size_t len = utf8_encode(ui->prompt.edit.cp[i], u);
		used += ui_draw_text(y, x + used, u, len, cols - used, st);
	}
	ui_draw_fill(y, x + used, cols - used, st);
	return x + (int)v.cursor_col;
}

#define PROMPT_MAX_ROWS 4 /* rows a long prompt or question may take */

/* Rows a prompt may take on this screen. */
static int prompt_max_rows(const struct ui *ui)
{
	int max = ui->lay.rows / 3 < PROMPT_MAX_ROWS ? ui->lay.rows / 3 : PROMPT_MAX_ROWS;
	return max > 1 ? max : 1;
}

/* A question: its text wrapped upward from the bottom row, the cursor after it. */
static void prompt_draw_ask(struct ui *ui, const char *label, const struct ui_style *st)
{
	const struct sy_rect *r = &ui->lay.status;
	int end;
	ui_draw_wrapped_up(ui, label, r->y, r->x, r->w, prompt_max_rows(ui), st, &end);
	ui->cursor_y = r->y;
	ui->cursor_x = end < r->x + r->w ? end : r->x + r->w - 1;
}

void ui_prompt_draw(struct ui *ui)
{
	const struct sy_rect *r = &ui->lay.status;
	const struct ui_style *st = &ui->style[SY_SLOT_STATUSBAR];
	const char *hint = ui->prompt.hint ? ui->prompt.hint : "";
	const char *label = ui->prompt.label ? ui->prompt.label : "";
	if (ui->prompt.mode == UI_PROMPT_ASK) {
		prompt_draw_ask(ui, label, st);
		return;
	}
	int hw = (int)sy_width_str(hint);
	if (hw > r->w / 2 - 8)
		hw = 0;
	int lw = (int)sy_width_str(label);
	int room = r->w - hw;
	ui->cursor_y = r->y;
	if (lw <= room - 16) { /* label and text on one row */
		ui_draw_field(ui, r->y, r->x, label, lw, SY_ALIGN_LEFT, st);
		ui->cursor_x = prompt_draw_field(ui, r->y, r->x + lw, room - lw, st);
	} else { /* the label wrapped on the rows above, the text on the whole bottom row */
		int end;
		ui_draw_wrapped_up(ui, label, r->y - 1, r->x, r->w, prompt_max_rows(ui) - 1 > 0 ? prompt_max_rows(ui) - 1 : 1,
				   st, &end);
		ui->cursor_x = prompt_draw_field(ui, r->y, r->x + 1, room - 1, st);
		ui_draw_fill(ui->cursor_y, r->x, 1, st);
	}
	if (hw)
		ui_draw_field(ui, r->y, r->x + room, hint, hw, SY_ALIGN_RIGHT, st);
}
