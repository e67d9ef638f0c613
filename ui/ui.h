/* The review UI: its state and the functions its modules share. The UI reads
 * the core model (struct sy_batch, sy_report, sy_outline, sy_score) and owns
 * only view state: selections, scroll positions, the search and the filter.
 *
 * Flow: ui/input.c reads a key, resolves it to an op through the keymap
 * (src/keymap.c), and calls the op's handler (ui/actions.c). Handlers change
 * state and return reaction flags; they never draw. The loop then lays out
 * (ui/layout via src/layout.c) and draws (ui/draw.c and each pane's file). */
#ifndef SHENYUE_UI_H
#define SHENYUE_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <signal.h>

#include "shenyue/curses.h"
#include "shenyue/layout.h"
#include "shenyue/ops.h"
#include "shenyue/report.h"
#include "shenyue/theme.h"
#include "shenyue/width.h"

/* What a handler asks of the loop. */
enum ui_react {
	UI_NONE = 0,
	UI_REDRAW = 1 << 0,
	UI_LAYOUT = 1 << 1 | UI_REDRAW,
	UI_QUIT = 1 << 2,
};

enum ui_mode { UI_MODE_NORMAL, UI_MODE_HELP, UI_MODE_OUTLINE, UI_MODE_FILTER, UI_MODE_SEARCH };

enum ui_sort { UI_SORT_NAME, UI_SORT_SCORE, UI_SORT_UNIT, UI_NSORT };

/* A curses rendition of a theme slot. */
struct ui_style {
	attr_t attr;
	short pair;
};

struct ui_list {
	size_t *view;           /* batch indices shown, in display order */
	size_t nview;
	size_t sel;             /* position in view */
	size_t top;             /* first visible position */
	enum ui_sort sort;
	char filter[256];       /* substring filter (not the search) */
	bool incomplete_only;
};

/* One screen row of the viewer: bytes [start, end) of a doc line. */
struct ui_vrow {
	size_t line;
	size_t start, end;
	bool first;             /* the line's first row (gets number and tag) */
};

struct ui_hit {
	size_t line, off, len;
};

struct ui_viewer {
	long built_for;         /* batch index the rows were built for, -1 */
	int built_width;        /* text width they were built for */
	bool built_lineno;
	bool lineno;            /* line numbers shown */
	struct ui_vrow *rows;
	size_t nrows;
	size_t top;             /* first visible row */
	long *line_heading;     /* per doc line: heading index, or -1 */
	size_t nlines;
	long jump_line;         /* 0-based line highlighted after a jump, -1 */
	char query[256];        /* the last search */
	struct ui_hit *hits;
	size_t nhits;
	long hit;               /* current hit, -1 */
	long hits_for;          /* batch index the hits were found in, -1 */
};

struct ui_checklist {
	size_t sel;             /* item: parts first, then findings */
	size_t top;
};

struct ui_popup {
	size_t sel, top;
};

struct ui {
	struct sy_rubric rubric;
	struct sy_batch batch;
	size_t nloaded;         /* reports loaded so far (incremental) */
	size_t load_cursor;     /* next batch index the loader looks at */
	struct sy_crosscheck *crosscheck; /* the duplicate check under way, in slices */
	bool crosschecked;
	long current;           /* batch index shown in viewer and checklist, -1 */
	struct sy_keymap keys;
	struct sy_theme theme;
	struct ui_style style[SY_SLOT_COUNT];
	bool utf8;              /* UTF-8 locale: ✓ ~ ✗ and box lines, else ASCII */
	bool mouse;
	struct sy_layout lay;
	enum sy_pane focus;
	int zoom;               /* zoomed pane, or -1 */
	enum ui_mode mode;
	struct ui_list list;
	struct ui_viewer viewer;
	struct ui_checklist check;
	struct ui_popup help, outline;
	char prompt[256];       /* text being typed for the filter or the search */
	char msg[512];          /* one-line message in the status bar */
	bool msg_error;
};

/* Options from the command line. */
struct ui_options {
	const char *theme;
	const char *rubric;
	bool no_mouse;
	bool ambiguous_wide;
	char **paths;
	size_t npaths;
};

/* ---- app.c: start, loop, stop ---- */
/* Runs the review UI on `shenyue [OPTIONS] [PATH...]`. Returns the exit status. */
int ui_main(int argc, char **argv);
/* Sets the status-bar message (printf-like); error selects the error style. */
void ui_message(struct ui *ui, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Returns the report shown in the viewer and checklist, or NULL. */
struct sy_report *ui_current_report(struct ui *ui);

/* ---- term.c: the terminal ---- */
/* Puts the terminal in curses mode and installs the signal handlers. */
int ui_term_start(struct ui *ui);
/* Restores the terminal; safe to call more than once and from any exit path. */
void ui_term_stop(void);
/* True once SIGTERM, SIGHUP or SIGINT arrived. */
bool ui_term_signalled(void);
/* Returns the signal that asked us to stop, or 0. */
int ui_term_signal(void);

/* ---- theme_apply.c: theme -> curses styles ---- */
/* Turns the theme's slots into colour pairs and attributes for this terminal. */
void ui_theme_apply(struct ui *ui, bool no_color);

/* ---- draw.c: drawing measured text ---- */
/* Draws at most cols columns of s[0..n) at (y, x) in style; returns columns used. */
int ui_draw_text(int y, int x, const char *s, size_t n, int cols, const struct ui_style *st);
/* Draws s cut or padded to exactly cols columns (cut text ends in "…" or "~"). */
void ui_draw_field(struct ui *ui, int y, int x, const char *s, int cols, enum sy_align align,
		   const struct ui_style *st);
/* Fills cols columns at (y, x) with spaces in style. */
void ui_draw_fill(int y, int x, int cols, const struct ui_style *st);
/* Draws a pane's title row; focused panes use the title-focus style. */
void ui_draw_title(struct ui *ui, enum sy_pane p, const char *title);
/* Returns the marker for a part status: ✓ ~ ✗ (or + ~ - outside UTF-8). */
const char *ui_status_mark(const struct ui *ui, enum sy_status st);
/* Returns the theme slot of a part status. */
enum sy_slot ui_status_slot(enum sy_status st);
/* Returns the rubric's short label of part i (short:), else its label. */
const char *ui_part_short(const struct ui *ui, size_t i);
/* Draws the whole screen from the state. */
void ui_draw_screen(struct ui *ui);

/* ---- loader.c: incremental loading ---- */
/* Loads reports for up to budget_ms milliseconds, then runs the batch
 * cross-check once all are in; returns false when there was nothing to do. */
bool ui_loader_step(struct ui *ui, int budget_ms);
/* True when every report is loaded and the batch cross-check ran. */
bool ui_loader_done(const struct ui *ui);
/* Loads report i now if it is not loaded yet. */
void ui_loader_ensure(struct ui *ui, size_t i);

/* ---- list.c: report list ---- */
/* Rebuilds the list's view (filter, incomplete, sort) keeping the selection. */
void ui_list_refresh(struct ui *ui);
/* Moves the selection by delta rows (clamped); returns reaction flags. */
int ui_list_move(struct ui *ui, long delta);
/* Selects view position pos (clamped) and shows that report. */
int ui_list_select(struct ui *ui, size_t pos);
/* Returns the batch index of the selected report, or -1. */
long ui_list_selected(const struct ui *ui);
/* Draws the report list pane. */
void ui_list_draw(struct ui *ui);
/* Returns the name of a sort order ("name", "score", "unit"). */
const char *ui_sort_name(enum ui_sort s);
/* Number of incomplete reports among the loaded ones. */
size_t ui_list_count_incomplete(const struct ui *ui);
/* Returns the base name of a report's path. */
const char *ui_report_name(const struct sy_report *rep);

/* ---- viewer.c: section viewer ---- */
/* Rebuilds the wrapped rows if the report or the width changed. */
void ui_viewer_prepare(struct ui *ui);
/* Scrolls by delta rows (clamped). */
int ui_viewer_scroll(struct ui *ui, long delta);
/* Scrolls so that 0-based doc line becomes visible near the top; highlight
 * marks it as the jump target. */
int ui_viewer_show_line(struct ui *ui, size_t line, bool highlight);
/* Goes to the next (dir 1) or previous (dir -1) heading. */
int ui_viewer_heading_step(struct ui *ui, int dir);
/* Returns the number of text rows the viewer shows. */
int ui_viewer_height(const struct ui *ui);
/* Draws the viewer pane. */
void ui_viewer_draw(struct ui *ui);
/* Frees the viewer's rows and hits. */
void ui_viewer_free(struct ui_viewer *v);
/* Forgets rows and hits (after the shown report changed). */
void ui_viewer_reset(struct ui *ui);

/* ---- search.c: search in the viewer ---- */
/* Finds every hit of the query in the current report. */
void ui_search_run(struct ui *ui, const char *query);
/* Finds the hits again if the shown report changed. */
void ui_search_refresh(struct ui *ui);
/* Goes to the next (dir 1) or previous (dir -1) hit. */
int ui_search_step(struct ui *ui, int dir);
/* True when byte off of doc line `line` lies inside a search hit. */
bool ui_search_is_hit(const struct ui *ui, size_t line, size_t off);

/* ---- checklist.c: checklist pane ---- */
/* Returns the number of items (parts, then findings) of the current report. */
size_t ui_checklist_count(struct ui *ui);
/* Moves the selection by delta items. */
int ui_checklist_move(struct ui *ui, long delta);
/* Scrolls the viewer to the selected item's line. */
int ui_checklist_jump(struct ui *ui);
/* Returns the item drawn at content row r of the pane, or -1. */
long ui_checklist_item_at(struct ui *ui, int r);
/* Draws the checklist pane. */
void ui_checklist_draw(struct ui *ui);

/* ---- outline_popup.c ---- */
/* Opens the outline popup on the heading nearest the viewer's top. */
int ui_outline_open(struct ui *ui);
/* Handles an op while the outline popup is open. */
int ui_outline_handle(struct ui *ui, enum sy_op op);
/* Draws the outline popup. */
void ui_outline_draw(struct ui *ui);

/* ---- help.c ---- */
/* Opens the help popup. */
int ui_help_open(struct ui *ui);
/* Handles an op while the help popup is open. */
int ui_help_handle(struct ui *ui, enum sy_op op);
/* Draws the help popup (the current pane's keys first). */
void ui_help_draw(struct ui *ui);

/* ---- status.c ---- */
/* Draws the status bar (or the prompt while typing a filter or search). */
void ui_status_draw(struct ui *ui);

/* ---- prompt.c: typing a filter or a search ---- */
/* Starts typing in mode (UI_MODE_FILTER or UI_MODE_SEARCH). */
int ui_prompt_start(struct ui *ui, enum ui_mode mode);
/* Handles a key typed into the prompt. */
int ui_prompt_key(struct ui *ui, uint32_t key);

/* ---- actions.c: op handlers ---- */
/* Runs op in the focused pane; returns reaction flags. */
int ui_action_run(struct ui *ui, enum sy_op op);
/* Shows batch index i in the viewer and checklist. */
void ui_show_report(struct ui *ui, long i);

/* ---- mouse.c ---- */
/* Turns mouse reporting on. */
void ui_mouse_enable(void);
/* Handles a KEY_MOUSE event. */
int ui_mouse_handle(struct ui *ui);

/* ---- input.c ---- */
/* Translates a get_wch result into a key code (enum sy_key or a code point). */
uint32_t ui_input_key(int rc, wint_t wc);
/* Runs the input loop until quit or a signal; returns the exit status. */
int ui_input_loop(struct ui *ui);

/* ---- popup helpers (draw.c) ---- */
/* Computes a centred popup rectangle of at most h x w inside the screen. */
struct sy_rect ui_popup_rect(const struct ui *ui, int h, int w);
/* Draws a popup's frame and title; returns the inner rectangle. */
struct sy_rect ui_popup_frame(struct ui *ui, struct sy_rect r, const char *title);

#endif
