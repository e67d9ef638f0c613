/* The registry of views: one row per pane, popup and page (see view.h).
 * Everything that concerns "which views there are" iterates over this
 * table: the focus cycle and the layout, drawing, key and mouse dispatch,
 * and the help popup's sections (through ui->views). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

/* X(ops, slot): a view's ops (defined in its own file), and for a pane its
 * place in the layout (enum sy_pane), else -1. Panes are numbered 1, 2, 3
 * in this order; Tab follows it. */
#define UI_VIEW_TABLE(X)                                                                       \
	X(ui_list_view, SY_PANE_LIST)                                                              \
	X(ui_viewer_view, SY_PANE_VIEWER)                                                          \
	X(ui_checklist_view, SY_PANE_CHECKLIST)                                                    \
	X(ui_help_view, -1)                                                                        \
	X(ui_outline_view, -1)                                                                     \
	X(ui_log_view, -1)                                                                         \
	X(ui_menu_view, -1)                                                                        \
	X(ui_summary_view, -1)                                                                     \
	X(ui_evidence_view, -1)                                                                    \
	X(ui_compare_view, -1)                                                                     \
	X(ui_diff_view, -1)

#define VIEWS_DECLARE(ops, slot) extern const struct ui_view_ops ops;
UI_VIEW_TABLE(VIEWS_DECLARE)
#undef VIEWS_DECLARE

static const struct ui_view_ops *const views_ops[] = {
#define VIEWS_OPS(ops, slot) &ops,
	UI_VIEW_TABLE(VIEWS_OPS)
#undef VIEWS_OPS
};

static const int views_slot[] = {
#define VIEWS_SLOT(ops, slot) slot,
	UI_VIEW_TABLE(VIEWS_SLOT)
#undef VIEWS_SLOT
};

#define VIEWS_N (sizeof views_ops / sizeof views_ops[0])

const struct ui_view_ops *const *ui_views_table(size_t *n)
{
	*n = VIEWS_N;
	return views_ops;
}

void ui_views_init(struct ui *ui)
{
	struct ui_views *vs = &ui->views;
	ui->draw_now = ui_views_draw;
	vs->v = xcalloc(VIEWS_N, sizeof *vs->v);
	vs->n = VIEWS_N;
	int panes = 0;
	for (size_t i = 0; i < VIEWS_N; i++) {
		struct ui_view *v = &vs->v[i];
		v->ops = views_ops[i];
		v->ctx = sy_ctx_by_name(v->ops->name);
		v->slot = views_slot[i];
		v->number = v->ops->kind == SY_CTX_KIND_PANE ? ++panes : 0;
		if (panes == 1 && v->number == 1)
			vs->focus = i;
	}
	/* Every view exists before any makes its state: an init may publish
	 * what others read (the list's shown reports). */
	for (size_t i = 0; i < VIEWS_N; i++)
		vs->v[i].state = vs->v[i].ops->init ? vs->v[i].ops->init(ui) : NULL;
}

void ui_views_free(struct ui *ui)
{
	struct ui_views *vs = &ui->views;
	for (size_t i = 0; i < vs->n; i++)
		if (vs->v[i].ops->free)
			vs->v[i].ops->free(vs->v[i].state);
	free(vs->v);
	free(vs->stack);
	memset(vs, 0, sizeof *vs);
}

unsigned ui_views_context(const struct ui *ui)
{
	const struct ui_view *top = ui_view_top((struct ui *)ui);
	return top ? top->ctx : 0;
}

/* The view (other than self) that op opens, or NULL. */
static struct ui_view *views_opened_by(struct ui *ui, enum sy_op op)
{
	for (size_t i = 0; i < ui->views.n; i++)
		if (ui->views.v[i].ops->open_op == op && op != SY_OP_NONE)
			return &ui->views.v[i];
	return NULL;
}

/* What op does in view v: its own handler, else the panes' shared one. */
static ui_view_fn views_handler(const struct ui_view_ops *ops, enum sy_op op)
{
	ui_view_fn fn = ui_view_handler(ops, op);
	if (!fn && ops->kind == SY_CTX_KIND_PANE)
		fn = ui_actions_pane_handler(op);
	return fn;
}

int ui_views_run(struct ui *ui, enum sy_op op)
{
	struct ui_view *v = ui_view_top(ui);
	if (!v || op == SY_OP_NONE)
		return UI_NONE;
	ui_view_fn fn = views_handler(v->ops, op);
	if (fn)
		return fn(ui, v);
	struct ui_view *opens = views_opened_by(ui, op);
	return opens && opens != v ? ui_view_open(ui, opens) : UI_NONE;
}

size_t ui_views_missing_handlers(const struct ui_view_ops *ops, enum sy_op *missing)
{
	unsigned ctx = sy_ctx_by_name(ops->name);
	size_t n = 0;
	*missing = SY_OP_NONE;
	for (int op = SY_OP_NONE + 1; op < SY_OP_COUNT; op++) {
		if (!(sy_op_info((enum sy_op)op)->ctx & ctx) || views_handler(ops, (enum sy_op)op))
			continue;
		bool opener = false;
		for (size_t i = 0; i < VIEWS_N; i++)
			opener |= views_ops[i] != ops && (int)views_ops[i]->open_op == op;
		if (opener)
			continue;
		if (!n++)
			*missing = (enum sy_op)op;
	}
	return n;
}

/* ---- layout ---- */

/* The rectangle below a title row. */
static struct sy_rect views_below_title(struct sy_rect r)
{
	return (struct sy_rect){r.y + 1, r.x, r.h - 1, r.w};
}

/* Places a popup: the size it asks for, centred; its content inside the frame. */
static struct sy_rect views_popup_outer(struct ui *ui, struct ui_view *v)
{
	int h = ui->lay.rows, w = ui->lay.cols;
	if (v->ops->size)
		v->ops->size(ui, v, &h, &w);
	return ui_popup_rect(ui, h, w);
}

static void views_place(struct ui *ui, struct ui_view *v)
{
	const struct sy_layout *l = &ui->lay;
	switch (v->ops->kind) {
	case SY_CTX_KIND_PANE:
		v->visible = !l->too_small && v->slot >= 0 && l->visible[v->slot];
		v->rect = views_below_title(l->pane[v->slot]);
		break;
	case SY_CTX_KIND_PAGE:
		v->visible = !l->too_small && ui_view_is_open(ui, v);
		v->rect = views_below_title((struct sy_rect){0, 0, l->rows - 1, l->cols});
		break;
	case SY_CTX_KIND_POPUP: {
		struct sy_rect r = views_popup_outer(ui, v);
		v->visible = !l->too_small && ui_view_is_open(ui, v);
		v->rect = (struct sy_rect){r.y + 1, r.x + 2, r.h - 2, r.w - 4};
		break;
	}
	}
}

void ui_views_layout(struct ui *ui, int rows, int cols)
{
	sy_layout_compute(&ui->lay, rows, cols, ui->zoom);
	for (size_t i = 0; i < ui->views.n; i++)
		views_place(ui, &ui->views.v[i]);
}

/* ---- drawing ---- */

/* Draws the title row of a pane or page above its content. */
static void views_draw_title(struct ui *ui, struct ui_view *v)
{
	bool focused = ui_view_has_focus(ui, v) && (v->ops->kind == SY_CTX_KIND_PAGE || !ui->views.depth);
	const struct ui_style *st = &ui->style[focused ? SY_SLOT_TITLE_FOCUS : SY_SLOT_TITLE];
	char title[512] = "", buf[600];
	if (v->ops->title)
		v->ops->title(ui, v, title, sizeof title);
	if (v->number)
		snprintf(buf, sizeof buf, " %d %s", v->number, title);
	else
		snprintf(buf, sizeof buf, " %s", title);
	ui_draw_field(ui, v->rect.y - 1, v->rect.x, buf, v->rect.w, SY_ALIGN_LEFT, st);
}

static void views_draw_one(struct ui *ui, struct ui_view *v)
{
	if (v->ops->kind == SY_CTX_KIND_POPUP) {
		char title[512] = "";
		if (v->ops->title)
			v->ops->title(ui, v, title, sizeof title);
		ui_popup_frame(ui, views_popup_outer(ui, v), title);
	} else {
		views_draw_title(ui, v);
	}
	if (v->ops->draw)
		v->ops->draw(ui, v);
}

/* The tiled panes and the separators between them. */
static void views_draw_panes(struct ui *ui)
{
	for (size_t i = 0; i < ui->views.n; i++) {
		struct ui_view *v = &ui->views.v[i];
		if (v->ops->kind == SY_CTX_KIND_PANE && v->visible)
			views_draw_one(ui, v);
	}
	for (int i = 0; i < ui->lay.nsep; i++) {
		const struct sy_rect *r = &ui->lay.sep[i];
		ui_draw_vline(ui, r->y, r->x, r->h, &ui->style[SY_SLOT_BORDER]);
	}
}

/* The screen below the minimum size: one clear message, nothing else. */
static void views_draw_too_small(struct ui *ui)
{
	char buf[128];
	snprintf(buf, sizeof buf, _("terminal too small: %dx%d, need %dx%d"), ui->lay.cols,
		 ui->lay.rows, SY_LAYOUT_MIN_COLS, SY_LAYOUT_MIN_ROWS);
	int w = ui->lay.cols;
	int y = ui->lay.rows / 2;
	if (w <= 0 || ui->lay.rows <= 0)
		return;
	ui_draw_field(ui, y > 0 ? y - 1 : 0, 0, buf, w, SY_ALIGN_LEFT, &ui->style[SY_SLOT_MESSAGE_ERROR]);
	if (y + 1 < ui->lay.rows)
		ui_draw_field(ui, y, 0, _("enlarge the window, or press q to quit"), w, SY_ALIGN_LEFT,
			      &ui->style[SY_SLOT_NORMAL]);
}

/* Shows the terminal cursor where the line editor wants it, else hides it. */
static void views_draw_cursor(const struct ui *ui)
{
	if (ui->cursor_y < 0) {
		curs_set(0);
		return;
	}
	curs_set(1);
	move(ui->cursor_y, ui->cursor_x);
}

/* The stack position of the topmost open page, or the stack's depth if none. */
static size_t views_top_page(const struct ui *ui)
{
	for (size_t d = ui->views.depth; d-- > 0;)
		if (ui->views.v[ui->views.stack[d]].ops->kind == SY_CTX_KIND_PAGE)
			return d;
	return ui->views.depth;
}

void ui_views_draw(struct ui *ui)
{
	ui_term_lock();
	bkgdset(' ' | ui->style[SY_SLOT_NORMAL].attr | COLOR_PAIR(ui->style[SY_SLOT_NORMAL].pair));
	erase();
	ui->cursor_y = ui->cursor_x = -1;
	if (ui->lay.too_small) {
		views_draw_too_small(ui);
	} else {
		size_t page = views_top_page(ui);
		if (page == ui->views.depth)
			views_draw_panes(ui);
		for (size_t d = page == ui->views.depth ? 0 : page; d < ui->views.depth; d++) {
			struct ui_view *v = &ui->views.v[ui->views.stack[d]];
			views_place(ui, v);
			views_draw_one(ui, v);
		}
		ui_status_draw(ui);
	}
	views_draw_cursor(ui);
	refresh();
	ui_term_unlock();
}

/* ---- the mouse ---- */

static bool views_contains(struct sy_rect r, int y, int x)
{
	return y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w;
}

/* The view under screen cell (y, x) that may take the mouse: the top page,
 * the top popup when it takes clicks (inside its frame), else a visible pane
 * (title row included). */
static struct ui_view *views_at(struct ui *ui, int y, int x)
{
	if (ui->lay.too_small)
		return NULL;
	if (ui->views.depth) {
		struct ui_view *top = ui_view_top(ui);
		if (top->ops->kind == SY_CTX_KIND_PAGE)
			return views_contains((struct sy_rect){0, 0, ui->lay.rows - 1, ui->lay.cols}, y, x) ? top : NULL;
		return top->ops->click && views_contains(top->rect, y, x) ? top : NULL;
	}
	for (size_t i = 0; i < ui->views.n; i++) {
		struct ui_view *v = &ui->views.v[i];
		struct sy_rect full = {v->rect.y - 1, v->rect.x, v->rect.h + 1, v->rect.w};
		if (v->ops->kind == SY_CTX_KIND_PANE && v->visible && views_contains(full, y, x))
			return v;
	}
	return NULL;
}

int ui_views_click(struct ui *ui, int y, int x)
{
	struct ui_view *v = views_at(ui, y, x);
	if (!v)
		return UI_NONE;
	if (v->ops->kind == SY_CTX_KIND_PANE)
		ui->views.focus = (size_t)(v - ui->views.v);
	int row = y - v->rect.y;
	if (row < 0 || !v->ops->click)
		return UI_REDRAW;
	return v->ops->click(ui, v, row, x - v->rect.x) | UI_REDRAW;
}

int ui_views_wheel(struct ui *ui, int y, int x, int dir)
{
	struct ui_view *v = views_at(ui, y, x);
	ui_view_fn fn = v ? ui_view_handler(v->ops, dir < 0 ? SY_OP_MOVE_UP : SY_OP_MOVE_DOWN) : NULL;
	int react = UI_NONE;
	for (int i = 0; fn && i < (v->ops->wheel_rows ? v->ops->wheel_rows : 3); i++)
		react |= fn(ui, v);
	return react;
}
