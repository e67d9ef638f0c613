/* Screen layout of the review UI: pure arithmetic from (rows, cols) to the
 * rectangles of the three panes, the separators and the status bar. No
 * curses: ui/ draws into the rectangles computed here. */
#ifndef SHENYUE_LAYOUT_H
#define SHENYUE_LAYOUT_H

#include <stdbool.h>

#define SY_LAYOUT_MIN_ROWS 16
#define SY_LAYOUT_MIN_COLS 60
#define SY_LAYOUT_WIDE_COLS 120 /* from here on, three columns side by side */
#define SY_LAYOUT_ROOMY_COLS 160 /* past this, the list grows first */

enum sy_pane { SY_PANE_LIST, SY_PANE_VIEWER, SY_PANE_CHECKLIST, SY_NPANES };

struct sy_rect {
	int y, x, h, w;
};

struct sy_layout {
	int rows, cols;
	bool too_small;               /* below SY_LAYOUT_MIN_*: draw only a message */
	bool wide;                    /* three columns; otherwise list over checklist */
	bool visible[SY_NPANES];
	struct sy_rect pane[SY_NPANES]; /* each includes its one-row title */
	struct sy_rect sep[2];        /* vertical separator columns (w == 1) */
	int nsep;
	struct sy_rect status;        /* the bottom row */
};

/* Computes the layout for a rows x cols screen. zoom is a pane that takes the
 * whole area above the status bar, or -1. Never fails: a too small screen
 * sets too_small and leaves the panes invisible. */
void sy_layout_compute(struct sy_layout *l, int rows, int cols, int zoom);
/* Returns the visible pane holding the screen cell (y, x), or -1. */
int sy_layout_pane_at(const struct sy_layout *l, int y, int x);

#endif
