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

/* Runs one key through the prompt, else the view on top. */
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
	ui_message_clear(ui);
	enum sy_op op = sy_keymap_lookup(&ui->keys, ui_views_context(ui), key);
	if (ui->lay.too_small && op != SY_OP_QUIT)
		return UI_REDRAW;
	return ui_views_run(ui, op) | UI_REDRAW;
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

/* Background work between keys: load reports, tell the views. */
static int input_load(struct ui *ui)
{
	if (!ui_loader_step(ui, INPUT_LOAD_MS))
		return UI_NONE;
	struct ui_event ev = {.kind = UI_EVENT_LOADED, .part = -1, .line = -1};
	ui_emit(ui, &ev);
	return UI_REDRAW;
}

static void input_relayout(struct ui *ui)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	ui_views_layout(ui, rows, cols);
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
			ui_views_draw(ui);
		if (ui_term_signalled())
			return 128 + ui_term_signal();
		timeout(ui_loader_idle(ui) ? INPUT_IDLE_MS : 0);
		int keys;
		react = input_read_all(ui, &keys) | input_load(ui);
		react |= ui_live_step(ui, false);
		react |= ui_session_save_place(ui, keys == 0);
	}
}
