/* Display width of UTF-8 text: the one place that decides how many terminal
 * columns a piece of report text takes, and what is drawn in its place.
 *
 * Rules: CJK and full-width characters take two columns; a wide character is
 * never split (the gap is padded with a space); invalid bytes show as U+FFFD;
 * control characters and ESC show as a visible placeholder (^[, ^M...); format
 * characters that take no column (zero-width space, bidi controls) are
 * dropped. No curses here: the UI draws only what this module measured. */
#ifndef SHENYUE_WIDTH_H
#define SHENYUE_WIDTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How widths are decided: the built-in table (deterministic, used by tests),
 * or the C library's wcwidth() (what curses itself uses; the UI picks it in a
 * UTF-8 locale so its arithmetic agrees with the terminal library's). */
enum sy_width_mode { SY_WIDTH_TABLE, SY_WIDTH_LIBC };

/* One drawn cell group: what a run of source bytes becomes on screen. */
struct sy_glyph {
	size_t len;          /* source bytes consumed (>= 1) */
	uint32_t cp;         /* the source code point (U+FFFD for a bad byte) */
	int width;           /* columns taken on screen: 0..4 */
	char shown[16];      /* UTF-8 to draw, NUL-terminated ("" when dropped) */
	bool placeholder;    /* shown stands for something not printable */
};

/* Selects how widths are decided (default SY_WIDTH_TABLE). */
void sy_width_set_mode(enum sy_width_mode m);
/* Draws every non-ASCII character as '?' (one per column) when on, except
 * the UI's own marks, which get ASCII look-alikes (· . … ~ ✓ + ✗ x │ |):
 * for terminals outside a UTF-8 locale. */
void sy_width_set_ascii(bool on);
/* Sets the width (1 or 2) of East Asian "ambiguous" characters such as
 * “ ” … ○ ■ ①, for CJK terminals that draw them wide. Default 1. */
void sy_width_set_ambiguous(int cols);
/* True for a code point of East Asian ambiguous width (the subset met in
 * Chinese documents). */
bool sy_width_is_ambiguous(uint32_t cp);

/* Returns the columns a printable code point takes (0, 1 or 2); -1 for a
 * control character, which is drawn as a placeholder instead. */
int sy_width_cp(uint32_t cp);
/* Decodes the glyph at s (n bytes, n >= 1) into g and returns g->len. */
size_t sy_glyph_next(const char *s, size_t n, struct sy_glyph *g);

/* Returns the display width of n bytes of UTF-8 text. */
size_t sy_width_strn(const char *s, size_t n);
/* Returns the display width of a NUL-terminated UTF-8 string. */
size_t sy_width_str(const char *s);
/* Returns how many bytes of s (n bytes) fit in cols columns without splitting
 * a glyph; the columns they take go to *used (may be NULL). */
size_t sy_width_fit(const char *s, size_t n, size_t cols, size_t *used);

/* ---- Line breaking by the rules of Chinese text ----
 * Where a row may end is decided by ICU's line break iterator for "zh"
 * (Unicode line breaking with its CJK rules): no row starts with closing
 * punctuation (，。、；：？！）》」』”’%…) and none ends with opening
 * punctuation (（《「『“‘); on top of ICU, a number keeps its unit (98%,
 * 2024年, 3.5亿元) and 第 its number. Where a row would overflow, the
 * character before the punctuation moves down with it (push-out). Widths
 * are the glyphs' of this module, so control characters count as the
 * placeholders drawn for them; rows are byte ranges of the source, drawn
 * through sy_glyph_next or sy_width_pad, so nothing raw reaches the
 * terminal, and no row splits a glyph. */

/* One unbreakable piece of a text: it ends at byte `end` and takes `cols`
 * columns, `ink` of them before its trailing spaces (which hang past a row). */
struct sy_break_piece {
	size_t end;
	uint32_t cols, ink;
};

/* The pieces of one text, found once (the slow part, ICU) and laid out at
 * any width without looking at the rules again: cache it per line when the
 * same text is re-wrapped on resize. */
struct sy_breaks {
	struct sy_break_piece *piece;
	size_t n;
};

/* Finds where s (n bytes, one paragraph) may break between rows. Free with
 * sy_breaks_free. Thread-safe. */
void sy_breaks_find(struct sy_breaks *b, const char *s, size_t n);
/* Frees what sy_breaks_find allocated. */
void sy_breaks_free(struct sy_breaks *b);
/* Lays out the row of s (whose breaks are b) starting at byte start in cols
 * columns. Returns where the next row starts: past the row's hanging
 * spaces, and past start while start is before the end of the text (at
 * least one glyph, even one wider than cols). *end (may be NULL) gets where
 * the row's visible text ends, before its hanging spaces. */
size_t sy_breaks_row(const struct sy_breaks *b, const char *s, size_t start, size_t cols,
		     size_t *end);
/* Returns the byte length of the next row of s (n bytes) in cols columns,
 * by the same rules, hanging spaces included: for one row of a text not
 * worth caching (a prompt, a message). At least one glyph when n > 0. */
size_t sy_width_wrap(const char *s, size_t n, size_t cols);

/* A row of wrapped text: bytes [start, end) of the source, no hanging
 * spaces, no newline. */
struct sy_span {
	size_t start, end;
};
/* Wraps a NUL-terminated text (NULL is "") into rows of cols columns; a
 * newline (or CRLF) ends a row, an empty line is an empty row. Returns the
 * number of rows (at least 1) and sets *rows to a new array (free it). */
size_t sy_wrap(const char *s, size_t cols, struct sy_span **rows);

/* True for closing punctuation that no row may start with (，。、）》” % …). */
bool sy_is_closing_punct(uint32_t cp);
/* True for opening punctuation that no row may end with (（《「“‘). */
bool sy_is_opening_punct(uint32_t cp);
/* Uses ICU (on, the default) or the plain built-in rules (off: what is used
 * when ICU's data cannot be loaded). For tests and comparisons. */
void sy_breaks_use_icu(bool on);

enum sy_align { SY_ALIGN_LEFT, SY_ALIGN_RIGHT };

/* Returns a new string of exactly cols columns built from s: placeholders
 * substituted, cut to fit (ending in marker, e.g. "…" or "~", when marker is
 * not NULL and s was cut), a wide character that does not fit replaced by a
 * space, then padded with spaces on the right (LEFT) or left (RIGHT). The
 * result holds only printable characters of known width. */
char *sy_width_pad(const char *s, size_t cols, enum sy_align align, const char *marker);

#endif
