/* The review UI: what its files share. The UI reads the core model (struct
 * sy_batch, sy_report, sy_outline, sy_score, the desk's reviews) and owns
 * only view state, which each view keeps to itself (ui/view.h).
 *
 * Flow: ui/input.c reads a key, resolves it to an op through the keymap
 * (src/keymap.c) in the context of the view on top, and the registry
 * (ui/views.c) runs that view's handler. Handlers change state and return
 * reaction flags; they never draw. The loop then lays out and draws every
 * view (ui/views.c).
 *
 * Layers, each using only those below it: common.c, draw.c, term.c,
 * theme_apply.c, loader.c (shared helpers); current.c (the report on
 * screen); prompt.c (the bottom row);
 * decide.c, tags.c, editor.c, exporting.c, session.c (what ops do to the
 * reviews); the views (list.c, viewer.c, checklist.c, help.c,
 * outline_popup.c, messages.c; actions.c for the ops every pane shares);
 * views.c (the registry); status.c, mouse.c, input.c, app.c. */
#ifndef SHENYUE_UI_H
#define SHENYUE_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <signal.h>
#include <time.h>

#include "shenyue/config.h"
#include "shenyue/curses.h"
#include "shenyue/desk.h"
#include "shenyue/i18n.h"
#include "shenyue/layout.h"
#include "shenyue/lineedit.h"
#include "shenyue/ops.h"
#include "shenyue/pool.h"
#include "shenyue/progress.h"
#include "shenyue/report.h"
#include "shenyue/roster.h"
#include "shenyue/summary.h"
#include "shenyue/theme.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"
#include "view.h"

/* What a handler asks of the loop. */
enum ui_react {
	UI_NONE = 0,
	UI_REDRAW = 1 << 0,
	UI_LAYOUT = 1 << 1 | UI_REDRAW,
	UI_QUIT = 1 << 2,
};

/* A curses rendition of a theme slot. */
struct ui_style {
	attr_t attr;
	short pair;
};

struct ui;
/* What Enter on a text prompt does with the text (or what a keystroke
 * does, or Esc). */
typedef int (*ui_text_fn)(struct ui *ui, const char *text);
/* What the key that answers a question does. */
typedef int (*ui_key_fn)(struct ui *ui, uint32_t key);

/* The bottom row while it asks: a line of text, or one key. */
enum ui_prompt_mode { UI_PROMPT_NONE, UI_PROMPT_LINE, UI_PROMPT_ASK };

struct ui_prompt {
	enum ui_prompt_mode mode;
	char *label;            /* the prompt's or the question's text */
	const char *hint;       /* right of the line: "Enter save · Esc cancel" */
	struct sy_lineedit edit; /* the text being typed */
	ui_text_fn on_text;     /* Enter */
	ui_text_fn on_edit;     /* every change (the filter follows typing) */
	ui_text_fn on_cancel;   /* Esc */
	ui_key_fn on_key;       /* the key answering a question */
};

/* The parameters of the desk call a prompt's answer makes. The UI holds no
 * review data of its own: this only says which report, part or finding the
 * answer is about. Strings are owned (ui_task_reset frees them). */
struct ui_task {
	long report;            /* batch index */
	bool tagged;            /* on the tagged reports */
	bool all;               /* export: every report */
	int status;             /* override: enum sy_status */
	enum sy_verdict verdict;
	const struct sy_export_format *fmt; /* export: a row of sy_export_formats */
	enum sy_note_on on;     /* note target */
	char *part;             /* part id */
	char *finding;          /* finding id */
	long line;              /* finding line */
	char *key;              /* conflict item key */
	char *path;             /* export file */
};

/* Every message shown in the status bar, oldest first, for the message log. */
struct ui_log_entry {
	char *text;
	bool error;
	time_t when;
};

struct ui_log {
	struct ui_log_entry *v;
	size_t n;
};

/* Where the supervisor is, as the views say it now. */
struct ui_where {
	long part;              /* rubric part selected in the checklist, -1 */
	long finding;           /* index of the finding selected in the checklist, -1 */
	long line;              /* 0-based doc line at the viewer's top */
};

/* Where the supervisor was, as last saved to the session. */
struct ui_place {
	long report;            /* batch index, -1 */
	long part;              /* rubric part index, -1 */
	long top_line;          /* 0-based doc line at the viewer's top */
	bool failed;            /* the session could not be saved: said once */
	double saved_ms;        /* when it was last saved (monotonic clock) */
};

/* Loading in the background of the input loop (loader.c). */
#define UI_LOADER_TEXTS 8 /* reports that keep their text besides the one shown */
struct ui_fetches;

struct ui_loading {
	size_t nloaded;         /* reports loaded so far */
	size_t cursor;          /* next job whose report is taken in */
	size_t past;            /* next job past the cursor's to take in when done (the cursor's runs long) */
	struct sy_crosscheck *crosscheck; /* the duplicate check under way, in slices */
	size_t crosscheck_n;    /* reports in the batch when it began */
	bool crosschecked;
	int threads;            /* workers (-j); 0: one per core */
	struct sy_pool *pool;   /* the workers reading reports, while they do */
	struct ui_load_job *jobs; /* one per report of the batch when they began;
				     freed once all are taken in */
	size_t njobs;           /* reports of the batch when they began */
	bool started;           /* the workers were started (once) */
	size_t texts[UI_LOADER_TEXTS]; /* reports holding their text, least recently shown first */
	size_t ntexts;
	struct sy_progress progress; /* reports taken in, rate, time left */
	double drawn_ms;        /* when taken-in reports last asked for a redraw */
	struct sy_spool *prints; /* the reports' prints (rep->print_at), out of memory
				    until the cross-check reads them back */
	struct sy_buf ptmp;     /* a print being packed or read back */
	struct ui_fetches *fetches; /* reports being made ready off this thread (loader.c) */
	long given_up;          /* report whose text could not be read again, -1 */
	size_t *reload;         /* reports whose file changed, to load again off this thread */
	size_t nreload;
	size_t rest;            /* reports added later below this one are all loaded */
};

/* The reports the list shows, in its order (the list owns the array): what
 * T tags, and the "visible" of "N tagged / M visible". */
struct ui_shown {
	const size_t *v;
	size_t n;
};

/* The batch desk (batchdesk.c): the roster, the summary derived from the
 * batch and its reviews, and the live folder. */
struct ui_batchdesk {
	struct sy_roster roster;
	bool have_roster;
	struct sy_summary sum;  /* valid when built */
	bool built;
	bool stale;             /* reports or reviews changed since it was built */
	size_t undo_n, undo_pos; /* the desk's journal when it was built */
	int inotify_fd;         /* -1 without inotify */
	double polled_ms;       /* when the disk was last looked at (monotonic) */
	size_t seen_cursor;     /* next report whose first-seen date to record */
};

struct ui {
	/* The model: read by every view, changed through the desk. */
	struct sy_rubric rubric;
	struct sy_batch batch;
	struct sy_desk desk;    /* the reviews: decisions, notes, tags, undo */
	struct ui_batchdesk bdesk; /* roster, summary, live folder */
	struct sy_config config; /* settings: built-in, then the user's file */
	char *config_path;      /* where answers to "office?" are saved: --config FILE or the user's file */
	struct sy_theme theme;
	struct sy_keymap keys;
	struct ui_style style[SY_SLOT_COUNT];
	bool utf8;              /* UTF-8 locale: ✓ ~ ✗ and box lines, else ASCII */
	bool mouse;
	struct ui_loading load;
	/* Draws every view now, for a long task's progress (the views registry
	 * sets it: a task need not import the registry that imports it). */
	void (*draw_now)(struct ui *ui);
	long current;           /* batch index shown in viewer and checklist, -1 */
	struct ui_shown shown;
	struct ui_where at;
	struct ui_place place;
	/* The screen. */
	struct sy_layout lay;
	int zoom;               /* zoomed layout pane, or -1 */
	struct ui_views views;
	int cursor_y, cursor_x; /* where the terminal cursor goes, or -1 */
	/* The bottom row. */
	char *msg;              /* the message in the status bar, or NULL */
	bool msg_error;
	struct ui_log log;      /* every message so far */
	struct ui_prompt prompt;
	struct ui_task task;
};

/* Options from the command line. */
struct ui_options {
	const char *theme;
	const char *rubric;
	bool no_mouse;
	bool ambiguous_wide;
	const char *state;
	const char *config;     /* --config FILE, instead of the user's file */
	const char *roster;     /* --roster FILE */
	int jobs;               /* -j N: threads reading reports; 0: one per core */
	char **paths;
	size_t npaths;
};

/* ---- app.c: start, loop, stop ---- */
/* Runs the review UI on `shenyue [OPTIONS] [PATH...]`. Returns the exit status. */
int ui_main(int argc, char **argv);

/* ---- common.c: messages, names, marks, events, views on screen ---- */
/* Sets the status-bar message (printf-like); error selects the error style. */
void ui_message(struct ui *ui, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Clears the status-bar message. */
void ui_message_clear(struct ui *ui);
/* Adds text to the message log without showing it in the status bar. */
void ui_log_add(struct ui *ui, bool error, const char *text);
/* Frees the message log. */
void ui_log_free(struct ui *ui);
/* Returns the report shown in the viewer and checklist, or NULL. */
struct sy_report *ui_current_report(struct ui *ui);
/* Returns the base name of a report's path. */
const char *ui_report_name(const struct sy_report *rep);
/* Returns the folder shenyue writes its outputs to (new string): --state
 * DIR, else the batch's folder ("reports/." as "reports"). */
char *ui_output_dir(const struct ui *ui);
/* Returns the marker for a part status: ✓ ~ ✗ (or + ~ - outside UTF-8). */
const char *ui_status_mark(const struct ui *ui, enum sy_status st);
/* A finding's severity as the checklist marks it: E, W or I (no ids in the UI's prose). */
const char *ui_severity_mark(enum sy_severity s);
/* Returns the theme slot of a part status. */
enum sy_slot ui_status_slot(enum sy_status st);
/* The status part p of report i had when its last verdict was given,
 * when the report changed since and the status with it; else -1. */
int ui_judged_status(struct ui *ui, size_t i, size_t p);
/* Returns a part status in the supervisor's words (present: 具备...). */
const char *ui_status_label(enum sy_status st);
/* Returns the list mark of a verdict: 通 退 待 (A R P outside UTF-8), or "·". */
const char *ui_verdict_mark(const struct ui *ui, enum sy_verdict v);
/* Returns the theme slot of a verdict. */
enum sy_slot ui_verdict_slot(enum sy_verdict v);
/* Returns the rubric's short label of part i (short:), else its label. */
const char *ui_part_short(const struct ui *ui, size_t i);
/* Returns the short label of the part with this id, or the id itself. */
const char *ui_part_short_by_id(const struct ui *ui, const char *id);
/* Returns what a review key is about, in words ("report note",
 * "override of 第一责任人"), newly allocated. */
char *ui_key_describe(const struct ui *ui, const char *key);
/* Returns a review value as shown: a status or a verdict in words, a note
 * as written; "(none)" for NULL. Never allocated. */
const char *ui_value_describe(const char *key, const char *value);
/* True when report i is loaded and lacks a required part (or is unreadable). */
bool ui_report_incomplete(const struct ui *ui, size_t i);
/* Number of incomplete reports among the loaded ones. */
size_t ui_count_incomplete(const struct ui *ui);
/* Shows what the desk said about the last call (rc: enum sy_desk_result). */
int ui_desk_said(struct ui *ui, int rc);
/* Frees the task's strings and zeroes it. */
void ui_task_reset(struct ui *ui);
/* Replaces the owned string *dst with a copy of src (NULL frees it). */
void ui_str_set(char **dst, const char *src);

/* Tells every view what happened. */
void ui_emit(struct ui *ui, const struct ui_event *ev);
/* Tells every view to go to part and line (either -1 to keep). */
void ui_emit_place(struct ui *ui, long part, long line, bool highlight);
/* Returns the state of the registered view with these ops, or NULL. */
void *ui_view_state(struct ui *ui, const struct ui_view_ops *ops);
/* Returns the registered view of one context bit, or NULL. */
struct ui_view *ui_view_by_ctx(struct ui *ui, unsigned ctx);
/* Returns the view keys go to: the top popup or page, else the focused pane. */
struct ui_view *ui_view_top(struct ui *ui);
/* Returns the focused pane (keys go to it when nothing is open above). */
struct ui_view *ui_view_focused(struct ui *ui);
/* True when keys go to v. */
bool ui_view_has_focus(struct ui *ui, const struct ui_view *v);
/* Focuses pane v (a zoomed layout follows); returns reaction flags. */
int ui_view_focus(struct ui *ui, struct ui_view *v);
/* Opens popup or page v on top; returns reaction flags. */
int ui_view_open(struct ui *ui, struct ui_view *v);
/* Closes v (and whatever is open above it); returns reaction flags. */
int ui_view_close(struct ui *ui, struct ui_view *v);
/* True while popup or page v is open. */
bool ui_view_is_open(const struct ui *ui, const struct ui_view *v);
/* Returns the function the view's own table has for op, or NULL. */
ui_view_fn ui_view_handler(const struct ui_view_ops *ops, enum sy_op op);
/* Runs op in the view of context ctx through its own table (J and K move
 * the list from any pane); returns reaction flags. */
int ui_view_send(struct ui *ui, unsigned ctx, enum sy_op op);

/* ---- menu.c: a popup of choices ---- */
struct ui_menu_item {
	const char *label;
	long value;             /* handed to the pick function */
};
/* What taking a choice does. */
typedef int (*ui_menu_fn)(struct ui *ui, long value);
/* Opens the menu with n choices (copied), sel selected; Enter closes it and
 * calls pick with the choice's value. Returns reaction flags. */
int ui_menu_open(struct ui *ui, const char *title, const struct ui_menu_item *items, size_t n, size_t sel,
		 ui_menu_fn pick);

/* ---- term.c: the terminal ---- */
/* Puts the terminal in curses mode and installs the signal handlers. */
int ui_term_start(struct ui *ui);
/* Restores the terminal; safe to call more than once and from any exit path. */
void ui_term_stop(void);
/* Taken around every write of curses to the terminal (a draw, the editor's
 * stepping aside): running out of memory on another thread waits for it. */
void ui_term_lock(void);
/* Gives back ui_term_lock. */
void ui_term_unlock(void);
/* Asks the terminal (before curses starts) whether its background is dark
 * or light: OSC 11, at most 150 ms; unknown when it does not say. */
enum sy_background ui_term_background(void);
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
/* Draws a vertical line of h cells from (y, x) in style. */
void ui_draw_vline(struct ui *ui, int y, int x, int h, const struct ui_style *st);
/* Draws text wrapped to w columns on rows that end at row bottom and grow
 * upward, at most max of them (the last cut with "…" when more were
 * needed), each filled in st. Returns the rows used; *end_x gets the
 * column after the text on the last row. */
int ui_draw_wrapped_up(struct ui *ui, const char *text, int bottom, int x, int w, int max,
		       const struct ui_style *st, int *end_x);
/* Computes a centred popup rectangle of at most h x w inside the screen. */
struct sy_rect ui_popup_rect(const struct ui *ui, int h, int w);
/* Draws a popup's frame and title; returns the inner rectangle. */
struct sy_rect ui_popup_frame(struct ui *ui, struct sy_rect r, const char *title);

/* ---- loader.c: loading in the background ---- */
/* Takes in the reports the workers read (waiting for one up to a few ms),
 * then runs the batch cross-check in slices for up to budget_ms once all
 * are in; returns true when the views should look again. */
bool ui_loader_step(struct ui *ui, int budget_ms);
/* True when every report is loaded and the batch cross-check ran. */
bool ui_loader_done(const struct ui *ui);
/* True when nothing is left to load: the batch is done and no report is
 * being made ready (the input loop may then sleep between keys). */
bool ui_loader_idle(const struct ui *ui);
/* The loading progress as the status bar says it ("loading 120/10000 · …"). */
void ui_loader_progress(const struct ui *ui, char *buf, size_t len);
/* Stops the workers (a conversion under way is stopped, not waited for)
 * and frees what loading holds (before the batch goes). */
void ui_loader_free(struct ui *ui);
/* Report i's file changed (the live folder): forgets what was read of it
 * and loads it again off this thread; whatever was still being read for it
 * is dropped when it comes in, so only the new content is ever taken. */
void ui_loader_reload(struct ui *ui, size_t i);
/* Asks for report i to be made ready to be shown (loaded, holding its
 * text) off this thread, waiting a moment for it: true when it is ready
 * now; else the loop's steps take it in when it is (UI_EVENT_LOADED). Only
 * the last few reports asked for keep their text. */
bool ui_loader_want(struct ui *ui, size_t i);
/* For a key that needs report i's text (compare, diff, outline): waits up
 * to a second for it; false, after saying it is still being read, when it
 * is not ready by then (it goes on being read). */
bool ui_loader_need(struct ui *ui, size_t i);
/* What the views say while report i is being made ready ("converting with
 * LibreOffice…", "loading…"), or NULL when it is not (ready, or its text
 * could not be read again). */
const char *ui_loader_waiting(const struct ui *ui, size_t i);
/* Says in the status bar that report i is still being read or converted;
 * returns reaction flags. */
int ui_loader_say_waiting(struct ui *ui, size_t i);

/* ---- current.c: the report on screen ---- */
/* Shows batch index i (or none, -1) in the viewer and checklist: asks for
 * it to be loaded (never waiting long: the views fill in when it is),
 * takes in what another reviewer saved, and tells every view. */
void ui_show_report(struct ui *ui, long i);

/* ---- prompt.c: the line editor and questions on the bottom row ---- */
/* Starts typing text (initial may be NULL) after label; Enter calls done
 * with the text, Esc cancels ("cancelled: nothing changed"). */
int ui_prompt_text(struct ui *ui, const char *label, const char *initial, ui_text_fn done);
/* Starts typing a short line (at most max code points, 0: no limit): live
 * hears every change, done gets Enter, cancel Esc (each may be NULL). */
int ui_prompt_line(struct ui *ui, const char *label, const char *initial, size_t max, ui_text_fn live,
		   ui_text_fn done, ui_text_fn cancel);
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
/* Frees the prompt's text. */
void ui_prompt_free(struct ui *ui);

/* ---- decide.c: overrides, notes, verdicts, conflicts ---- */
/* Asks for the reviewer's status of rubric part p, then a reason. */
int ui_decide_override(struct ui *ui, size_t p);
/* Removes the reviewer's status of rubric part p. */
int ui_decide_clear_override(struct ui *ui, size_t p);
/* Starts typing a note on target t (what names it: "第一责任人", "the report ..."). */
int ui_decide_note(struct ui *ui, const struct sy_note_target *t, const char *what);
/* Starts typing a note on the current report. */
int ui_decide_note_report(struct ui *ui);
/* Returns the words naming the current report as a note target ("the report x.txt"). */
const char *ui_decide_report_target(struct ui *ui, char *buf, size_t len);
/* Sets verdict v on the current report, or on the tagged ones after asking. */
int ui_decide_verdict(struct ui *ui, enum sy_verdict v);
/* Asks whether to keep mine or take theirs for the conflict item c. */
int ui_decide_resolve(struct ui *ui, const struct sy_item *c);
/* Marks the current report as reviewed as it is now. */
int ui_decide_mark_seen(struct ui *ui);

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
/* Edits the note on target t (named what) of the current report in $EDITOR. */
int ui_editor_note(struct ui *ui, const struct sy_note_target *t, const char *what);

/* ---- exporting.c: e and E ---- */
/* Exports the current or tagged reports (all: every report), asking the format. */
int ui_export_start(struct ui *ui, bool all);

/* ---- session.c: where the supervisor was, problems, quitting ---- */
/* Opens the reviews of the batch. */
void ui_session_open(struct ui *ui, const char *state_dir, const char *reviewer);
/* Restores the report, part and scroll where the supervisor was. */
void ui_session_restore(struct ui *ui);
/* Saves the place if it changed, when the keyboard is idle or a second after
 * the last save (each save is an fsync); returns reaction flags (a failure
 * is shown once). */
int ui_session_save_place(struct ui *ui, bool idle);
/* Quits, or asks first when a review could not be saved. */
int ui_session_quit(struct ui *ui);

/* ---- actions.c: the ops every pane shares ---- */
/* Returns the function shared by every pane for op, or NULL. */
ui_view_fn ui_actions_pane_handler(enum sy_op op);

/* ---- batchdesk.c: roster, summary, unit and received date, live folder ---- */
/* Loads the roster (--roster, the report folder's, or the setting); -1 when
 * it is broken (said on stderr). */
int ui_batchdesk_open(struct ui *ui, const char *roster_path, char *const *paths, size_t npaths);
/* Starts watching the folders once the desk is open. */
void ui_batchdesk_start(struct ui *ui, char *const *paths, size_t npaths);
/* Frees the roster and the summary, stops watching. */
void ui_batchdesk_close(struct ui *ui);
/* Returns the batch summary, rebuilt when reports or reviews changed. */
const struct sy_summary *ui_summary(struct ui *ui);
/* Marks the summary out of date. */
void ui_summary_stale(struct ui *ui);
/* True when report i came in on or after the submission deadline. */
bool ui_report_late(struct ui *ui, size_t i);
/* Number of roster units with no report (0 without a roster). */
size_t ui_count_not_received(struct ui *ui);
/* Asks for the unit of the current report (A). */
int ui_assign_unit(struct ui *ui);
/* Asks for the date the current report came in (D). */
int ui_set_received(struct ui *ui);
/* (Re)adds the inotify watches: report folders and review folders. */
void ui_live_watch(struct ui *ui);
/* Looks at the disk when inotify says so, now is true (C-l), or the timer
 * ran out; takes in reviews others saved and changed or new reports, and
 * says what changed. Returns reaction flags. */
int ui_live_step(struct ui *ui, bool now);

/* ---- status.c ---- */
/* Draws the status bar (or the prompt while one is active). */
void ui_status_draw(struct ui *ui);

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

#endif
