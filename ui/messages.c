/* The messages popup: the problems met opening the reviews (a corrupt review
 * file moved aside, a folder that cannot be written), opened at start when
 * there are any, so nothing goes unsaid. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

struct messages_state {
	size_t top;             /* first problem shown */
};

static void *messages_init(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct messages_state));
}

static size_t messages_count(const struct ui *ui)
{
	return ui->desk.problems.n;
}

/* Moves the first problem shown by delta, within the list. */
static int messages_scroll(struct ui *ui, struct ui_view *v, long delta)
{
	struct messages_state *m = v->state;
	long n = (long)messages_count(ui), top = (long)m->top + delta;
	m->top = (size_t)(top < 0 ? 0 : top >= n ? (n ? n - 1 : 0) : top);
	return UI_REDRAW;
}

static int messages_close(struct ui *ui, struct ui_view *v)
{
	return ui_view_close(ui, v);
}

static int messages_down(struct ui *ui, struct ui_view *v)
{
	return messages_scroll(ui, v, 1);
}

static int messages_up(struct ui *ui, struct ui_view *v)
{
	return messages_scroll(ui, v, -1);
}

/* A page is half the rows: each problem takes two or more. */
static int messages_page_down(struct ui *ui, struct ui_view *v)
{
	return messages_scroll(ui, v, v->rect.h / 2 > 1 ? v->rect.h / 2 : 1);
}

static int messages_page_up(struct ui *ui, struct ui_view *v)
{
	return messages_scroll(ui, v, -(v->rect.h / 2 > 1 ? v->rect.h / 2 : 1));
}

static int messages_first(struct ui *ui, struct ui_view *v)
{
	return messages_scroll(ui, v, -(long)messages_count(ui));
}

static int messages_last(struct ui *ui, struct ui_view *v)
{
	return messages_scroll(ui, v, (long)messages_count(ui));
}

static void messages_size(struct ui *ui, struct ui_view *v, int *h, int *w)
{
	(void)v;
	*h = (int)messages_count(ui) * 2 + 6;
	*w = 100;
}

static void messages_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	(void)ui;
	(void)v;
	snprintf(buf, len, "%s", _(" Opening the reviews · Esc or q closes"));
}

/* Draws problem text wrapped to w columns from row y; returns rows used. */
static int messages_draw_one(struct ui *ui, const char *text, int y, int x, int w, int rows)
{
	size_t len = strlen(text), pos = 0;
	int used = 0;
	while (pos < len && used < rows) {
		size_t b = sy_width_wrap(text + pos, len - pos, (size_t)w);
		char *row = xstrndup(text + pos, b);
		ui_draw_field(ui, y + used, x, row, w, SY_ALIGN_LEFT, &ui->style[SY_SLOT_MESSAGE_ERROR]);
		free(row);
		pos += b;
		used++;
	}
	return used;
}

static void messages_draw(struct ui *ui, struct ui_view *v)
{
	struct messages_state *m = v->state;
	const struct sy_strlist *p = &ui->desk.problems;
	struct sy_rect in = v->rect;
	int y = in.y;
	ui_draw_field(ui, y++, in.x, _("Nothing was overwritten. Read this before you go on:"), in.w, SY_ALIGN_LEFT,
		      &ui->style[SY_SLOT_POPUP]);
	if (m->top >= p->n)
		m->top = p->n ? p->n - 1 : 0;
	for (size_t i = m->top; i < p->n && y < in.y + in.h; i++) {
		y++;
		y += messages_draw_one(ui, p->v[i], y, in.x, in.w, in.y + in.h - y);
	}
}

static const struct ui_view_handler messages_handlers[] = {
	{SY_OP_CLOSE, messages_close},
	{SY_OP_MOVE_DOWN, messages_down},
	{SY_OP_MOVE_UP, messages_up},
	{SY_OP_PAGE_DOWN, messages_page_down},
	{SY_OP_PAGE_UP, messages_page_up},
	{SY_OP_MOVE_TOP, messages_first},
	{SY_OP_MOVE_BOTTOM, messages_last},
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_messages_view = {
	.name = "messages",
	.kind = SY_CTX_KIND_POPUP,
	.label = N_("Problems opening the reviews"),
	.init = messages_init,
	.free = free,
	.title = messages_title,
	.draw = messages_draw,
	.handlers = messages_handlers,
	.size = messages_size,
};
