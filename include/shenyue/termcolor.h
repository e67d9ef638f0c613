/* The terminal's colours, as far as a program can know them: whether its
 * background is dark or light (from the answer to an OSC 11 query, or from
 * $COLORFGBG), the standard xterm palette, and WCAG 2 contrast, so that a
 * theme can be checked for legibility on the background it is meant for.
 * No curses and no terminal I/O here: ui/term.c asks, this parses. */
#ifndef SHENYUE_TERMCOLOR_H
#define SHENYUE_TERMCOLOR_H

#include <stddef.h>

#include "shenyue/theme.h"

struct sy_rgb {
	unsigned char r, g, b;
};

/* Returns the background an OSC 11 answer ("ESC ] 11 ; rgb:RRRR/GGGG/BBBB"
 * ended by BEL or ESC \, also rgba: and #RRGGBB) names; len bytes of reply
 * may hold other bytes around it. SY_BG_UNKNOWN when there is none. */
enum sy_background sy_background_from_osc11(const char *reply, size_t len);
/* Returns the background $COLORFGBG ("15;0", "0;default;15") names: its
 * last field is the background's colour number. NULL or odd: unknown. */
enum sy_background sy_background_from_colorfgbg(const char *value);
/* The query ui/term.c sends: OSC 11 (what is your background colour?),
 * then DA1 (what are you?), which every terminal answers, after OSC 11's
 * answer when there is one: so no terminal keeps us waiting. */
#define SY_TERM_BACKGROUND_QUERY "\033]11;?\033\\\033[c"
/* True once reply (len bytes) holds the DA1 answer, ESC [ ? ... c: all
 * that will come has come. */
int sy_term_reply_complete(const char *reply, size_t len);
/* Dark when black text would be less legible on rgb than white text. */
enum sy_background sy_background_of_rgb(struct sy_rgb rgb);

/* The colour xterm shows for colour number c (0..255) by default. */
struct sy_rgb sy_xterm_rgb(int c);
/* WCAG 2 contrast ratio of two colours: 1 (none) to 21 (black on white). */
double sy_contrast(struct sy_rgb a, struct sy_rgb b);
/* The lowest contrast text in style s can have on a terminal with the
 * standard xterm palette and background bg (dark: its light grey on black;
 * light: black on white): default colours resolved, reverse applied, dim
 * drawn half-way to the background, and bold colours 0..7 counted both as
 * they are and as the bright 8..15 xterm draws them with. */
double sy_style_contrast(const struct sy_style *s, enum sy_background bg);

#endif
