/* Screen layout: pure arithmetic, tested without a terminal. See shenyue/layout.h. */
#include "config.h"

#include <string.h>

#include "shenyue/layout.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static struct sy_rect rect(int y, int x, int h, int w)
{
	return (struct sy_rect){y, x, h, w};
}

/* Three columns: list | viewer | checklist, the viewer taking what is left.
 * Past SY_LAYOUT_ROOMY_COLS the list takes most of the extra width (a
 * report's lines read best at 30-40 Chinese characters), for its verdict,
 * reviewer and received-date columns. */
static void layout_wide(struct sy_layout *l, int h)
{
	int extra = l->cols - SY_LAYOUT_ROOMY_COLS;
	int lw = extra > 0 ? clamp(40 + extra, 40, 90) : clamp(l->cols / 4, 30, 48);
	int cw = extra > 0 ? clamp(45 + extra / 5, 45, 60) : clamp(l->cols * 2 / 7, 32, 60);
	int vw = l->cols - lw - cw - 2;
	l->pane[SY_PANE_LIST] = rect(0, 0, h, lw);
	l->sep[0] = rect(0, lw, h, 1);
	l->pane[SY_PANE_VIEWER] = rect(0, lw + 1, h, vw);
	l->sep[1] = rect(0, lw + 1 + vw, h, 1);
	l->pane[SY_PANE_CHECKLIST] = rect(0, lw + vw + 2, h, cw);
	l->nsep = 2;
}

/* Two columns: the list over the checklist on the left, the viewer right. */
static void layout_narrow(struct sy_layout *l, int h)
{
	int lw = clamp(l->cols * 3 / 8, 26, 40);
	int vw = l->cols - lw - 1;
	int lh = h * 2 / 5;
	if (lh < 4)
		lh = 4;
	l->pane[SY_PANE_LIST] = rect(0, 0, lh, lw);
	l->pane[SY_PANE_CHECKLIST] = rect(lh, 0, h - lh, lw);
	l->sep[0] = rect(0, lw, h, 1);
	l->pane[SY_PANE_VIEWER] = rect(0, lw + 1, h, vw);
	l->nsep = 1;
}

void sy_layout_compute(struct sy_layout *l, int rows, int cols, int zoom)
{
	memset(l, 0, sizeof *l);
	l->rows = rows;
	l->cols = cols;
	if (rows < SY_LAYOUT_MIN_ROWS || cols < SY_LAYOUT_MIN_COLS) {
		l->too_small = true;
		return;
	}
	int h = rows - 1;
	l->status = rect(rows - 1, 0, 1, cols);
	if (zoom >= 0 && zoom < SY_NPANES) {
		l->pane[zoom] = rect(0, 0, h, cols);
		l->visible[zoom] = true;
		return;
	}
	l->wide = cols >= SY_LAYOUT_WIDE_COLS;
	if (l->wide)
		layout_wide(l, h);
	else
		layout_narrow(l, h);
	for (int p = 0; p < SY_NPANES; p++)
		l->visible[p] = true;
}

int sy_layout_pane_at(const struct sy_layout *l, int y, int x)
{
	for (int p = 0; p < SY_NPANES; p++) {
		const struct sy_rect *r = &l->pane[p];
		if (l->visible[p] && y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w)
			return p;
	}
	return -1;
}
