/* The one input loop: read a key (with a timeout, so signals and background
 * loading are noticed), resolve it to an op, run the handler, then lay out
 * and draw as the handler asked. KEY_RESIZE is handled here. */
#include "config.h"

#include "ui.h"

#define INPUT_IDLE_MS 250   /* poll period when nothing is loading */
#define INPUT_LOAD_MS 30    /* loading budget per turn of the loop */

uint32_t ui_input_key(int rc, wint_t wc)
{
	if (rc == ERR)
		return SY_KEY_NONE;
	if (rc == OK) {
		if (wc == '\r' || wc == '\n')
			return SY_KEY_ENTER;
		if (wc == 0x7F || wc == 8)
			return SY_KEY_BACKSPACE;
		return (uint32_t)wc;
	}
	switch (wc) {
	case KEY_UP: return SY_KEY_UP;
	case KEY_DOWN: return SY_KEY_DOWN;
	case KEY_LEFT: return SY_KEY_LEFT;
	case KEY_RIGHT: return SY_KEY_RIGHT;
	case KEY_PPAGE: return SY_KEY_PGUP;
	case KEY_NPAGE: return SY_KEY_PGDN;
	case KEY_HOME: return SY_KEY_HOME;
	case KEY_END: return SY_KEY_END;
	case KEY_BTAB: return SY_KEY_BACKTAB;
	case KEY_ENTER: return SY_KEY_ENTER;
	case KEY_BACKSPACE: return SY_KEY_BACKSPACE;
	case KEY_DC: return SY_KEY_DELETE;
	case KEY_F(1): return SY_KEY_F1;
	case KEY_RESIZE: return SY_KEY_RESIZE;
	case KEY_MOUSE: return SY_KEY_MOUSE;
	default: return SY_KEY_NONE;
	}
}

/* The keymap context of the current mode and focus. */
static unsigned input_context(const struct ui *ui)
{
	if (ui->mode == UI_MODE_HELP || ui->mode == UI_MODE_MESSAGES)
		return SY_CTX_HELP;
	if (ui->mode == UI_MODE_OUTLINE)
		return SY_CTX_OUTLINE;
	return 1u << ui->focus;
}

/* Runs an op in the open popup. A popup's frame may have covered half of a
 * wide character, which the terminal then blanked while curses still counts
 * it as drawn: once the popup closes, every cell is repainted. */
static int input_popup(struct ui *ui, enum sy_op op)
{
	int react = ui->mode == UI_MODE_HELP ? ui_help_handle(ui, op)
		    : ui->mode == UI_MODE_MESSAGES ? ui_messages_handle(ui, op)
						   : ui_outline_handle(ui, op);
	if (ui->mode == UI_MODE_NORMAL)
		clearok(curscr, TRUE);
	return react;
}

/* Runs one key through the prompt, a popup or the focused pane. */
static int input_dispatch(struct ui *ui, uint32_t key)
{
	if (key == SY_KEY_RESIZE) {
		/* The terminal may have reflowed old cells: repaint every cell. */
		clearok(curscr, TRUE);
		return UI_LAYOUT;
	}
	if (key == SY_KEY_MOUSE)
		return ui_mouse_handle(ui);
	if (ui_prompt_active(ui))
		return ui_prompt_key(ui, key);
	ui->msg[0] = '\0';
	enum sy_op op = sy_keymap_lookup(&ui->keys, input_context(ui), key);
	if (ui->lay.too_small && op != SY_OP_QUIT)
		return UI_REDRAW;
	if (ui->mode == UI_MODE_HELP || ui->mode == UI_MODE_MESSAGES || ui->mode == UI_MODE_OUTLINE)
		return input_popup(ui, op);
	return ui_action_run(ui, op) | UI_REDRAW;
}

/* Reads every key already waiting, so a burst of resizes is one redraw.
 * *keys gets the number of keys read. */
static int input_read_all(struct ui *ui, int *keys)
{
	int react = UI_NONE;
	wint_t wc;
	int rc = get_wch(&wc);
	*keys = 0;
	while (rc != ERR && !(react & UI_QUIT)) {
		react |= input_dispatch(ui, ui_input_key(rc, wc));
		++*keys;
		timeout(0);
		rc = get_wch(&wc);
	}
	return react;
}

/* Background work between keys: load reports, refresh the list. */
static int input_load(struct ui *ui)
{
	if (!ui_loader_step(ui, INPUT_LOAD_MS))
		return UI_NONE;
	ui_list_refresh(ui);
	if (ui->current < 0 && ui->list.nview)
		ui_list_select(ui, ui->list.sel);
	return UI_REDRAW;
}

static void input_relayout(struct ui *ui)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	sy_layout_compute(&ui->lay, rows, cols, ui->zoom);
}

/* A resize can arrive while curses waits out an Esc and come back as no
 * KEY_RESIZE at all: compare the screen size with the layout's as well. */
static int input_size_changed(struct ui *ui)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	if (rows == ui->lay.rows && cols == ui->lay.cols)
		return UI_NONE;
	clearok(curscr, TRUE);
	return UI_LAYOUT;
}

int ui_input_loop(struct ui *ui)
{
	int react = UI_LAYOUT;
	for (;;) {
		if (react & UI_QUIT)
			return 0;
		react |= input_size_changed(ui);
		if (react & (UI_LAYOUT & ~UI_REDRAW))
			input_relayout(ui);
		if (react & UI_REDRAW)
			ui_draw_screen(ui);
		if (ui_term_signalled())
			return 128 + ui_term_signal();
		timeout(ui_loader_done(ui) ? INPUT_IDLE_MS : 0);
		int keys;
		react = input_read_all(ui, &keys) | input_load(ui);
		react |= ui_session_save_place(ui, keys == 0);
	}
}
