/* The menu popup: a short list of choices (what the list shows, how it is
 * sorted), one picked with Enter. Whoever opens it (ui_menu_open) gives the
 * choices and what picking one does; the menu owns copies of the labels. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

/* A choice as the menu keeps it: its own copy of the label. */
struct menu_choice {
	char *label;
	long value;
};

struct menu_state {
	char *title;
	struct menu_choice *items;
	size_t n;
	size_t sel, top;
	ui_menu_fn pick;
};

extern const struct ui_view_ops ui_menu_view;

static void *menu_init(struct ui *ui)
{
	return xcalloc(1, sizeof(struct menu_state));
}

/* Forgets the choices. */
static void menu_clear(struct menu_state *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->items[i].label);
	free(m->items);
	free(m->title);
	m->items = NULL;
	m->title = NULL;
	m->n = m->sel = m->top = 0;
}

static void menu_free(void *state)
{
	menu_clear(state);
	free(state);
}

int ui_menu_open(struct ui *ui, const char *title, const struct ui_menu_item *items, size_t n, size_t sel,
		 ui_menu_fn pick)
{
	struct ui_view *v = ui_view_by_ctx(ui, SY_CTX_MENU);
	struct menu_state *m = v->state;
	if (!n || ui_view_is_open(ui, v))
		return UI_NONE;
	menu_clear(m);
	m->title = xstrdup(title);
	m->items = xcalloc(n, sizeof *m->items);
	for (size_t i = 0; i < n; i++)
		m->items[i] = (struct menu_choice){xstrdup(items[i].label), items[i].value};
	m->n = n;
	m->sel = sel < n ? sel : 0;
	m->pick = pick;
	return ui_view_open(ui, v);
}

static void menu_size(struct ui *ui, struct ui_view *v, int *h, int *w)
{
	const struct menu_state *m = v->state;
	size_t widest = sy_width_str(m->title ? m->title : "");
	for (size_t i = 0; i < m->n; i++)
		if (sy_width_str(m->items[i].label) + 4 > widest)
			widest = sy_width_str(m->items[i].label) + 4;
	*h = (int)m->n + 2;
	*w = (int)widest + 6;
}

static void menu_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	const struct menu_state *m = v->state;
	snprintf(buf, len, "%s", m->title ? m->title : "");
}

/* Moves the selection by delta choices (clamped). */
static int menu_move(struct ui *ui, struct ui_view *v, long delta)
{
	struct menu_state *m = v->state;
	long n = (long)m->n, s = (long)m->sel + delta;
	m->sel = (size_t)(s < 0 ? 0 : s >= n ? (n ? n - 1 : 0) : s);
	return UI_REDRAW;
}

/* Enter: closes the menu, then does what the choice says. */
static int menu_pick(struct ui *ui, struct ui_view *v)
{
	struct menu_state *m = v->state;
	if (!m->n)
		return ui_view_close(ui, v);
	long value = m->items[m->sel].value;
	ui_menu_fn pick = m->pick;
	int react = ui_view_close(ui, v);
	return react | (pick ? pick(ui, value) : UI_NONE);
}

static int menu_click(struct ui *ui, struct ui_view *v, int row, int col)
{
	struct menu_state *m = v->state;
	if (row < 0 || m->top + (size_t)row >= m->n)
		return UI_NONE;
	m->sel = m->top + (size_t)row;
	return menu_pick(ui, v);
}

static void menu_draw(struct ui *ui, struct ui_view *v)
{
	struct menu_state *m = v->state;
	size_t h = v->rect.h > 0 ? (size_t)v->rect.h : 1;
	if (m->sel < m->top)
		m->top = m->sel;
	if (m->sel >= m->top + h)
		m->top = m->sel - h + 1;
	for (size_t i = 0; i < h && m->top + i < m->n; i++) {
		size_t k = m->top + i;
		const struct ui_style *st = &ui->style[k == m->sel ? SY_SLOT_SELECTION : SY_SLOT_POPUP];
		ui_draw_field(ui, v->rect.y + (int)i, v->rect.x, m->items[k].label, v->rect.w, SY_ALIGN_LEFT, st);
	}
}

static const struct ui_view_handler menu_handlers[] = {
	{SY_OP_PICK, menu_pick},
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_menu_view = {
	.name = "menu",
	.kind = SY_CTX_KIND_POPUP,
	.label = N_("Menu"),
	.init = menu_init,
	.free = menu_free,
	.title = menu_title,
	.draw = menu_draw,
	.handlers = menu_handlers,
	.move_by = menu_move,
	.click = menu_click,
	.size = menu_size,
};
