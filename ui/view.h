/* The view interface, in the spirit of tig's struct view_ops. Every pane,
 * popup and page of the review UI is one file that fills a struct
 * ui_view_ops, and one row in the registry (ui/views.c). The registry lays
 * the views out, draws them, routes keys and mouse events to them and opens
 * and closes them; nothing else switches on which view is which.
 *
 * A view owns its state (init/free) and reads the model through struct ui.
 * Views never call each other: they change the model, show a report
 * (ui_show_report), broadcast an event (ui_emit) or send an operation to the
 * view of a context (ui_view_send), all in ui/common.c.
 *
 * Kinds: a PANE is tiled (the list, the viewer, the checklist; Tab cycles
 * them); a POPUP is drawn centred over the panes in a frame; a PAGE takes
 * the whole screen above the status bar. Popups and pages are pushed on a
 * stack when opened and popped by q or Esc (the op close); the top of the
 * stack gets the keys. */
#ifndef SHENYUE_UI_VIEW_H
#define SHENYUE_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/layout.h"
#include "shenyue/ops.h"

struct ui;
struct ui_view;

/* A move past every row: to the first (negative) or the last. */
#define UI_MOVE_ALL 1000000000L

/* What an operation does in a view; returns reaction flags (enum ui_react). */
typedef int (*ui_view_fn)(struct ui *ui, struct ui_view *v);

/* One row of a view's handler table: the op and what it does there. */
struct ui_view_handler {
	enum sy_op op;
	ui_view_fn run;
};

/* What happened, broadcast to every view's event hook. */
enum ui_event_kind {
	UI_EVENT_REPORT, /* ui->current changed: forget what was about the last report */
	UI_EVENT_PLACE,  /* go to rubric part ev->part and doc line ev->line (-1: keep) */
	UI_EVENT_LOADED, /* reports were loaded or scored, or reviews changed: recount */
};

struct ui_event {
	enum ui_event_kind kind;
	long part;       /* UI_EVENT_PLACE: rubric part index, or -1 */
	long line;       /* UI_EVENT_PLACE: 0-based doc line, or -1 */
	bool highlight;  /* UI_EVENT_PLACE: mark the line as the jump target */
};

/* A view's table. Every hook may be NULL. */
struct ui_view_ops {
	const char *name;         /* its context's name in ops.h (SY_CONTEXTS) */
	enum sy_ctx_kind kind;    /* pane, popup or page: as its context says */
	const char *label;        /* N_("Report list"): names its section in help */
	/* Makes the view's own state (NULL for none); free undoes it. */
	void *(*init)(struct ui *ui);
	void (*free)(void *state);
	/* Writes the title (row above a pane or page, a popup's top border). */
	void (*title)(struct ui *ui, struct ui_view *v, char *buf, size_t len);
	/* Draws into v->rect, which the registry has just placed. */
	void (*draw)(struct ui *ui, struct ui_view *v);
	/* Op -> function, ending with {SY_OP_NONE, NULL}. Panes also get the
	 * ops every pane shares (ui/actions.c) for the ops this table lacks;
	 * popups and pages close on close unless the table says otherwise. */
	const struct ui_view_handler *handlers;
	/* Moves the selection or the scroll by delta rows, clamped (a delta of
	 * ±UI_MOVE_ALL goes to the first or last): with it the view answers
	 * j k PgDn PgUp g G (a page is v->rect.h rows) that its table lacks. */
	int (*move_by)(struct ui *ui, struct ui_view *v, long delta);
	/* A click at (row, col) of v->rect; a click on the title only focuses. */
	int (*click)(struct ui *ui, struct ui_view *v, int row, int col);
	int wheel_rows;           /* rows one wheel step moves (0: 3) */
	/* Hears what happened (events above). */
	void (*event)(struct ui *ui, struct ui_view *v, const struct ui_event *ev);
	/* Popups and pages: the op (of the panes) that opens it, or SY_OP_NONE. */
	enum sy_op open_op;
	/* Popups and pages: about to open; false keeps it closed (after a message). */
	bool (*open)(struct ui *ui, struct ui_view *v);
	/* Popups: the height and width wanted; the registry centres and clips it. */
	void (*size)(struct ui *ui, struct ui_view *v, int *h, int *w);
};

/* One registered view, as the registry holds it. */
struct ui_view {
	const struct ui_view_ops *ops;
	void *state;              /* from ops->init */
	unsigned ctx;             /* its keymap context: one SY_CTX_ bit */
	int number;               /* panes: 1, 2, 3 (title and focus keys); else 0 */
	int slot;                 /* panes: its place in the layout (enum sy_pane); else -1 */
	bool visible;             /* laid out on screen now */
	struct sy_rect rect;      /* its content: below the title, or inside the frame */
};

/* The registered views, the focused pane and the open popups and pages. */
struct ui_views {
	struct ui_view *v;
	size_t n;
	size_t focus;             /* index of the focused pane */
	size_t *stack;            /* open popups and pages, bottom first */
	size_t depth;
};

/* ---- views.c: the registry ---- */
/* Registers every view of the table and makes their state. */
void ui_views_init(struct ui *ui);
/* Frees every view's state. */
void ui_views_free(struct ui *ui);
/* Returns the keymap context that keys go to now (the top view's). */
unsigned ui_views_context(const struct ui *ui);
/* Runs op in the view keys go to: its handler, the panes' shared one, or
 * the view that op opens. Returns reaction flags. */
int ui_views_run(struct ui *ui, enum sy_op op);
/* Lays every view out for the screen size (zoom included). */
void ui_views_layout(struct ui *ui, int rows, int cols);
/* Draws the whole screen: panes or the top page, popups, the status bar. */
void ui_views_draw(struct ui *ui);
/* A mouse button at screen cell (y, x): focuses and clicks the view under it. */
int ui_views_click(struct ui *ui, int y, int x);
/* The wheel at screen cell (y, x): dir -1 up, 1 down. */
int ui_views_wheel(struct ui *ui, int y, int x, int dir);
/* Returns the registry's table of view ops, *n of them (for tests and help). */
const struct ui_view_ops *const *ui_views_table(size_t *n);
/* Returns how many ops of ops's context no handler of the view answers, the
 * first of them in *missing (SY_OP_NONE when none). */
size_t ui_views_missing_handlers(const struct ui_view_ops *ops, enum sy_op *missing);

#endif
