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

#include "shenyue/config.h"
#include "shenyue/curses.h"
#include "shenyue/desk.h"
#include "shenyue/i18n.h"
#include "shenyue/layout.h"
#include "shenyue/lineedit.h"
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

/* NORMAL: keys go to the focused pane. HELP, OUTLINE, MESSAGES: a popup.
 * FILTER, SEARCH, EDIT: the line editor on the bottom row. ASK: a question
 * on the bottom row answered by one key. */
enum ui_mode {
	UI_MODE_NORMAL, UI_MODE_HELP, UI_MODE_OUTLINE, UI_MODE_FILTER, UI_MODE_SEARCH,
	UI_MODE_EDIT, UI_MODE_ASK, UI_MODE_MESSAGES,
};

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
	struct sy_breaks *breaks; /* per doc line: where it may break (kept across resizes) */
	size_t nbreaks;
	const struct sy_line *breaks_of; /* the doc lines they were found in */
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

struct ui;
/* What Enter on a text prompt does with the text. */
typedef int (*ui_text_fn)(struct ui *ui, const char *text);
/* What the key that answers a question does. */
typedef int (*ui_key_fn)(struct ui *ui, uint32_t key);

/* A prompt or question waiting for the user, with the parameters of the
 * desk call its answer makes. The UI holds no review data of its own: this
 * only says which report, part or finding the answer is about. */
struct ui_task {
	ui_text_fn on_text;     /* UI_MODE_EDIT */
	ui_key_fn on_key;       /* UI_MODE_ASK */
	long report;            /* batch index */
	bool tagged;            /* on the tagged reports */
	bool all;               /* export: every report */
	int status;             /* override: enum sy_status */
	enum sy_verdict verdict;
	enum sy_export_format fmt;
	enum sy_note_on on;     /* note target */
	char part[64];          /* part id */
	char finding[64];       /* finding id */
	long line;              /* finding line */
	char key[512];          /* conflict item key */
	char path[4096];        /* export file */
};

/* Where the supervisor is, as last saved to the session. */
struct ui_place {
	long report;            /* batch index, -1 */
	long part;              /* rubric part index, -1 */
	long top_line;          /* 0-based doc line at the viewer's top */
	bool failed;            /* the session could not be saved: said once */
	double saved_ms;        /* when it was last saved (monotonic clock) */
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
	struct sy_config config; /* settings: built-in, then the user's file */
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
	struct ui_popup messages; /* problems met opening the reviews */
	struct sy_desk desk;    /* the reviews: decisions, notes, tags, undo */
	struct sy_lineedit edit; /* text being typed (filter, search, note...) */
	char label[512];        /* the prompt's or the question's text */
	struct ui_task task;
	struct ui_place place;
	long restore_line;      /* viewer line to show once laid out, or -1 */
	int cursor_y, cursor_x; /* where the terminal cursor goes, or -1 */
	char msg[1024];         /* one-line message in the status bar */
	bool msg_error;
};

/* Options from the command line. */
struct ui_options {
	const char *theme;
	const char *rubric;
	bool no_mouse;
	bool ambiguous_wide;
	const char *state;
	const char *config;     /* --config FILE, instead of the user's file */
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
/* Returns the short label of the part with this id, or the id itself. */
const char *ui_part_short_by_id(const struct ui *ui, const char *id);
/* Returns a part status in the supervisor's words (present: 具备...). */
const char *ui_status_label(enum sy_status st);
/* Returns what a review key is about, in words ("report note",
 * "override of 第一责任人"), newly allocated. */
char *ui_key_describe(const struct ui *ui, const char *key);
/* Returns a review value as shown: a status or a verdict in words, a note
 * as written; "(none)" for NULL. Never allocated. */
const char *ui_value_describe(const char *key, const char *value);
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
/* Returns the sort order in the supervisor's words (translated). */
const char *ui_sort_label(enum ui_sort s);
/* Number of incomplete reports among the loaded ones. */
size_t ui_list_count_incomplete(const struct ui *ui);
/* Returns the base name of a report's path. */
const char *ui_report_name(const struct sy_report *rep);
/* Selects batch index i in the list if it is shown, else just shows it. */
void ui_list_show_index(struct ui *ui, size_t i);
/* Returns the list mark of a verdict: 通 退 待 (A R P outside UTF-8), or "·". */
const char *ui_verdict_mark(const struct ui *ui, enum sy_verdict v);
/* Returns the theme slot of a verdict. */
enum sy_slot ui_verdict_slot(enum sy_verdict v);

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

/* What a checklist item is: a part, a finding or a conflict, and its index
 * among those. */
enum ui_item_kind { UI_ITEM_NONE, UI_ITEM_PART, UI_ITEM_FINDING, UI_ITEM_CONFLICT };
/* Returns the kind of the selected item and its index in *index. */
enum ui_item_kind ui_checklist_selected(struct ui *ui, size_t *index);
/* Returns the k-th conflict item of the current report's review, or NULL. */
const struct sy_item *ui_conflict_item(struct ui *ui, size_t k);
/* Returns the number of conflicts in the current report's review. */
size_t ui_conflict_count(struct ui *ui);

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

/* ---- prompt.c: the line editor and questions on the bottom row ---- */
/* Starts typing in mode (UI_MODE_FILTER or UI_MODE_SEARCH). */
int ui_prompt_start(struct ui *ui, enum ui_mode mode);
/* Starts typing text (initial may be NULL) after label; Enter calls
 * ui->task.on_text = done with the text, Esc cancels. */
int ui_prompt_text(struct ui *ui, const char *label, const char *initial, ui_text_fn done);
/* Asks a question (printf-like); the next key goes to done. */
int ui_prompt_ask(struct ui *ui, ui_key_fn done, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Handles a key typed into the prompt or answering the question. */
int ui_prompt_key(struct ui *ui, uint32_t key);
/* True while the bottom row holds a prompt or a question. */
bool ui_prompt_active(const struct ui *ui);
/* Draws the prompt or question on the status row and places the cursor. */
void ui_prompt_draw(struct ui *ui);
/* True when key answers a question with yes (y or Y). */
bool ui_prompt_yes(uint32_t key);

/* ---- decide.c: overrides, notes, verdicts, conflicts ---- */
/* Shows what the desk said about the last call (rc: enum sy_desk_result). */
int ui_desk_said(struct ui *ui, int rc);
/* Asks for the reviewer's status of the selected part, then a reason. */
int ui_decide_override(struct ui *ui);
/* Removes the reviewer's status of the selected part. */
int ui_decide_clear_override(struct ui *ui);
/* Starts typing a note on the selected part or finding (checklist) or the report. */
int ui_decide_note(struct ui *ui);
/* Sets verdict v on the current report, or on the tagged ones after asking. */
int ui_decide_verdict(struct ui *ui, enum sy_verdict v);
/* Asks whether to keep mine or take theirs for the selected conflict. */
int ui_decide_resolve(struct ui *ui);
/* Marks the current report as reviewed as it is now. */
int ui_decide_mark_seen(struct ui *ui);
/* Fills ui->task with the note target of the focused pane's selection;
 * returns a label naming it ("第一责任人", "the report"...). */
const char *ui_decide_note_target(struct ui *ui, struct sy_note_target *t);

/* ---- tags.c: tags, undo, redo ---- */
/* Tags or untags the current report. */
int ui_tags_toggle(struct ui *ui);
/* Tags every report shown in the list. */
int ui_tags_visible(struct ui *ui);
/* Untags every report. */
int ui_tags_clear(struct ui *ui);
/* Writes "N tagged / M visible" (and how many tags the filter hides). */
void ui_tags_scope(const struct ui *ui, char *buf, size_t len);
/* Undoes (redo false) or redoes the last step and shows the report it touched. */
int ui_tags_undo(struct ui *ui, bool redo);

/* ---- editor.c: long notes in $EDITOR ---- */
/* Edits the note of the focused selection in $EDITOR (fallback vi). */
int ui_editor_note(struct ui *ui);

/* ---- exporting.c: e and E ---- */
/* Exports the current or tagged reports (all: every report), asking the format. */
int ui_export_start(struct ui *ui, bool all);

/* ---- session.c: where the supervisor was, problems, quitting ---- */
/* Opens the reviews of the batch; problems open the messages popup. */
void ui_session_open(struct ui *ui, const char *state_dir, const char *reviewer);
/* Restores the report, part and scroll where the supervisor was. */
void ui_session_restore(struct ui *ui);
/* Saves the place if it changed, when the keyboard is idle or a second after
 * the last save (each save is an fsync); returns reaction flags (a failure
 * is shown once). */
int ui_session_save_place(struct ui *ui, bool idle);
/* Quits, or asks first when a review could not be saved. */
int ui_session_quit(struct ui *ui);
/* Handles an op while the messages popup is open. */
int ui_messages_handle(struct ui *ui, enum sy_op op);
/* Draws the messages popup. */
void ui_messages_draw(struct ui *ui);

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
