/* The message log popup: every message the status bar showed, oldest
 * first, wrapped whole (like neomutt's error history), so a message cut on
 * a narrow screen or gone with the next key can be read again. Opens at
 * its end; M opens it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shenyue/xalloc.h"
#include "ui.h"

#define LOG_STAMP 9 /* "21:04:05 ": the time before each message */

struct log_state {
	size_t top;             /* first row shown */
	bool at_end;            /* opened: show the last rows once laid out */
};

/* One screen row: bytes [start, end) of entry e's text; the first row of
 * an entry gets its time. */
struct log_row {
	size_t entry, start, end;
	bool first;
};

static void *log_init(struct ui *ui)
{
	return xcalloc(1, sizeof(struct log_state));
}

/* Wraps every entry to cols columns after its time; returns the rows. */
static struct log_row *log_rows(const struct ui *ui, int cols, size_t *n)
{
	struct log_row *rows = NULL;
	*n = 0;
	size_t width = cols - LOG_STAMP > 8 ? (size_t)(cols - LOG_STAMP) : 8;
	for (size_t e = 0; e < ui->log.n; e++) {
		struct sy_span *sp;
		size_t k = sy_wrap(ui->log.v[e].text, width, &sp);
		rows = xreallocarray(rows, *n + k, sizeof *rows);
		for (size_t i = 0; i < k; i++)
			rows[(*n)++] = (struct log_row){e, sp[i].start, sp[i].end, i == 0};
		free(sp);
	}
	return rows;
}

/* The first row shown when the last rows fill the popup. */
static size_t log_last_top(const struct ui *ui, const struct ui_view *v)
{
	size_t n;
	free(log_rows(ui, v->rect.w, &n));
	size_t h = v->rect.h > 0 ? (size_t)v->rect.h : 1;
	return n > h ? n - h : 0;
}

static bool log_open(struct ui *ui, struct ui_view *v)
{
	struct log_state *ls = v->state;
	ls->top = 0;
	ls->at_end = true; /* its size is known once the registry places it */
	return true;
}

static void log_size(struct ui *ui, struct ui_view *v, int *h, int *w)
{
	*h = ui->lay.rows;
	*w = 100;
}

static void log_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	snprintf(buf, len, _(" Messages (%zu) · j/k scroll · Esc or q closes"), ui->log.n);
}

/* Moves the first row shown by delta rows (clamped). */
static int log_scroll(struct ui *ui, struct ui_view *v, long delta)
{
	struct log_state *ls = v->state;
	long max = (long)log_last_top(ui, v), top = (long)(ls->at_end ? (size_t)max : ls->top) + delta;
	ls->at_end = false;
	ls->top = (size_t)(top < 0 ? 0 : top > max ? max : top);
	return UI_REDRAW;
}

static void log_draw_row(struct ui *ui, const struct ui_view *v, int y, const struct log_row *row)
{
	const struct ui_log_entry *e = &ui->log.v[row->entry];
	const struct ui_style *st = &ui->style[e->error ? SY_SLOT_MESSAGE_ERROR : SY_SLOT_POPUP];
	char stamp[16] = "";
	struct tm tm;
	if (row->first && localtime_r(&e->when, &tm))
		strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
	ui_draw_field(ui, y, v->rect.x, stamp, LOG_STAMP, SY_ALIGN_LEFT, &ui->style[SY_SLOT_DIM]);
	int used = ui_draw_text(y, v->rect.x + LOG_STAMP, e->text + row->start, row->end - row->start,
				v->rect.w - LOG_STAMP, st);
	ui_draw_fill(y, v->rect.x + LOG_STAMP + used, v->rect.w - LOG_STAMP - used, st);
}

static void log_draw(struct ui *ui, struct ui_view *v)
{
	struct log_state *ls = v->state;
	if (!ui->log.n) {
		ui_draw_field(ui, v->rect.y, v->rect.x, _("no messages yet"), v->rect.w, SY_ALIGN_LEFT,
			      &ui->style[SY_SLOT_DIM]);
		return;
	}
	size_t n;
	struct log_row *rows = log_rows(ui, v->rect.w, &n);
	size_t h = v->rect.h > 0 ? (size_t)v->rect.h : 1;
	size_t max = n > h ? n - h : 0;
	if (ls->at_end || ls->top > max)
		ls->top = max;
	ls->at_end = false;
	for (size_t i = 0; i < h && ls->top + i < n; i++)
		log_draw_row(ui, v, v->rect.y + (int)i, &rows[ls->top + i]);
	free(rows);
}

static const struct ui_view_handler log_handlers[] = {
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_log_view = {
	.name = "log",
	.kind = SY_CTX_KIND_POPUP,
	.label = N_("Messages"),
	.init = log_init,
	.free = free,
	.title = log_title,
	.draw = log_draw,
	.handlers = log_handlers,
	.move_by = log_scroll,
	.open_op = SY_OP_MESSAGE_LOG,
	.open = log_open,
	.size = log_size,
};
