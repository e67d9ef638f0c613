/* A one-line text editor without curses: a buffer of code points, a cursor
 * that moves by character, the usual editing keys, and the window of the
 * text that fits a field of a given display width (scrolled horizontally so
 * the cursor stays visible). The UI feeds it key codes from get_wch (see
 * ops.h: a typed character arrives as its code point, so IME input works)
 * and draws what sy_lineedit_window says. */
#ifndef SHENYUE_LINEEDIT_H
#define SHENYUE_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sy_lineedit {
	uint32_t *cp;   /* the text, one code point each */
	size_t n, cap;
	size_t cur;     /* cursor: before cp[cur]; n is the end */
	size_t first;   /* first code point shown (horizontal scroll) */
	size_t max;     /* most code points accepted (0: no limit) */
};

/* What a key did. */
enum sy_lineedit_result {
	SY_LINEEDIT_IGNORED,  /* not an editing key: the text is unchanged */
	SY_LINEEDIT_EDITED,   /* the text or the cursor changed */
	SY_LINEEDIT_ACCEPT,   /* Enter: take the text */
	SY_LINEEDIT_CANCEL,   /* Esc or C-g: drop it */
};

/* What to draw: code points [first, end) fill at most the field's columns;
 * the cursor sits cursor_col columns from the field's left edge. */
struct sy_lineedit_view {
	size_t first, end;
	size_t cursor_col;
	size_t cols;          /* columns the shown text takes */
};

/* Starts an editor holding text (UTF-8, may be NULL), cursor at the end. */
void sy_lineedit_init(struct sy_lineedit *e, const char *text);
/* Frees the editor's buffer. */
void sy_lineedit_free(struct sy_lineedit *e);
/* Replaces the text, cursor at the end. */
void sy_lineedit_set(struct sy_lineedit *e, const char *text);
/* Returns the text as UTF-8, newly allocated. */
char *sy_lineedit_text(const struct sy_lineedit *e);
/* Writes the text as UTF-8 into buf (cut at a character boundary to fit). */
void sy_lineedit_copy(const struct sy_lineedit *e, char *buf, size_t len);

/* Inserts a printable code point at the cursor; control characters are
 * refused. Returns true when inserted. */
bool sy_lineedit_insert(struct sy_lineedit *e, uint32_t cp);
/* Inserts UTF-8 text at the cursor (newlines and other controls become spaces). */
void sy_lineedit_insert_text(struct sy_lineedit *e, const char *text);
/* Deletes the character before the cursor (a whole wide character). */
bool sy_lineedit_backspace(struct sy_lineedit *e);
/* Deletes the character under the cursor. */
bool sy_lineedit_delete(struct sy_lineedit *e);
/* Moves the cursor by delta characters (clamped). */
bool sy_lineedit_move(struct sy_lineedit *e, long delta);
/* Moves the cursor to the start (home true) or the end. */
bool sy_lineedit_home_end(struct sy_lineedit *e, bool home);
/* Deletes from the cursor to the end (C-k). */
bool sy_lineedit_kill_end(struct sy_lineedit *e);
/* Deletes from the start to the cursor (C-u). */
bool sy_lineedit_kill_start(struct sy_lineedit *e);
/* Deletes the word before the cursor and the spaces after it (C-w). */
bool sy_lineedit_kill_word(struct sy_lineedit *e);

/* Applies an editing key (enum sy_key or a code point): Left/Right, C-b/C-f,
 * Home/End, C-a/C-e, Backspace/C-h, Delete/C-d, C-k, C-u, C-w, Enter, Esc,
 * C-g; a printable character is inserted. */
enum sy_lineedit_result sy_lineedit_key(struct sy_lineedit *e, uint32_t key);

/* Returns the columns code point cp takes in the field (as the width module
 * draws it: a control character's placeholder counts its columns). */
size_t sy_lineedit_cp_width(uint32_t cp);
/* Scrolls so the cursor fits a field of cols columns (one column is kept
 * for the cursor at the end) and fills v with what to draw. */
void sy_lineedit_window(struct sy_lineedit *e, size_t cols, struct sy_lineedit_view *v);

#endif
