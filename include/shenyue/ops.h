/* The operations table: every action the review UI can take, with its config
 * name, default keys, help text and the panes it works in. This one table
 * feeds the default keymap, the ? help screen and the documentation. Keys are
 * our own codes (no curses here); the UI translates terminal keys to them. */
#ifndef SHENYUE_OPS_H
#define SHENYUE_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shenyue/i18n.h"

/* Where an operation works: X(ID, "name", KIND), one row per view of the
 * review UI. The UI's view registry (ui/views.c) finds each view's context
 * here by its name; --keys and the help screen name contexts from here.
 * KIND groups them: a PANE is tiled on the screen, a POPUP is drawn centred
 * over the panes, a PAGE takes the whole screen until q or Esc. A new view
 * is one row here (its bit and name follow) and one row in ui/views.c. */
#define SY_CONTEXTS(X)                                                                         \
	X(LIST, "list", PANE)                                                                      \
	X(VIEWER, "viewer", PANE)                                                                  \
	X(CHECKLIST, "checklist", PANE)                                                            \
	X(HELP, "help", POPUP)                                                                     \
	X(OUTLINE, "outline", POPUP)                                                               \
	X(LOG, "log", POPUP)                                                                       \
	X(MENU, "menu", POPUP)                                                                     \
	X(SUMMARY, "summary", PAGE)                                                                \
	X(EVIDENCE, "evidence", POPUP)                                                             \
	X(COMPARE, "compare", PAGE)                                                                \
	X(DIFF, "diff", PAGE)

enum sy_ctx_kind { SY_CTX_KIND_PANE, SY_CTX_KIND_POPUP, SY_CTX_KIND_PAGE };

enum sy_ctx_index {
#define SY_CTX_INDEX(id, name, kind) SY_CTXI_##id,
	SY_CONTEXTS(SY_CTX_INDEX)
#undef SY_CTX_INDEX
	SY_NCTX
};

enum sy_ctx {
#define SY_CTX_BIT(id, name, kind) SY_CTX_##id = 1u << SY_CTXI_##id,
	SY_CONTEXTS(SY_CTX_BIT)
#undef SY_CTX_BIT
};

/* The contexts of one kind, OR-ed: a constant expression. */
#define SY_CTX_IF_PANE(id, name, kind) | (SY_CTX_KIND_##kind == SY_CTX_KIND_PANE ? (unsigned)SY_CTX_##id : 0u)
#define SY_CTX_IF_POPUP(id, name, kind) | (SY_CTX_KIND_##kind == SY_CTX_KIND_POPUP ? (unsigned)SY_CTX_##id : 0u)
#define SY_CTX_IF_PAGE(id, name, kind) | (SY_CTX_KIND_##kind == SY_CTX_KIND_PAGE ? (unsigned)SY_CTX_##id : 0u)
#define SY_CTX_PANES (0u SY_CONTEXTS(SY_CTX_IF_PANE))
#define SY_CTX_POPUPS (0u SY_CONTEXTS(SY_CTX_IF_POPUP))
#define SY_CTX_PAGES (0u SY_CONTEXTS(SY_CTX_IF_PAGE))
#define SY_CTX_ALL (SY_CTX_PANES | SY_CTX_POPUPS | SY_CTX_PAGES)

/* X(ID, "config-name", "default keys", contexts, N_("help text"))
 * The help text stays English here; the help screen and --keys translate it.
 * Default keys are separated by spaces; see sy_key_parse for their names.
 * Order matters: it is the order of the help screen. */
#define SY_OPS(X)                                                                              \
	X(QUIT, "quit", "q", SY_CTX_PANES, N_("Quit"))                                             \
	X(HELP, "help", "? F1", SY_CTX_PANES, N_("Show the keys (this screen)"))                   \
	X(CLOSE, "close", "Esc q ?", SY_CTX_POPUPS | SY_CTX_PAGES, N_("Close the popup or page"))   \
	X(NEXT_PANE, "next-pane", "Tab", SY_CTX_PANES, N_("Focus the next pane"))                  \
	X(PREV_PANE, "prev-pane", "S-Tab", SY_CTX_PANES, N_("Focus the previous pane"))            \
	X(FOCUS_LIST, "focus-list", "1", SY_CTX_PANES, N_("Focus the report list"))                \
	X(FOCUS_VIEWER, "focus-viewer", "2", SY_CTX_PANES, N_("Focus the section viewer"))         \
	X(FOCUS_CHECKLIST, "focus-checklist", "3", SY_CTX_PANES, N_("Focus the checklist"))        \
	X(ZOOM, "zoom", "z", SY_CTX_PANES, N_("Give the focused pane the whole screen, or undo"))   \
	X(MOVE_DOWN, "move-down", "j Down C-n", SY_CTX_ALL, N_("Move down one row"))               \
	X(MOVE_UP, "move-up", "k Up C-p", SY_CTX_ALL, N_("Move up one row"))                       \
	X(PAGE_DOWN, "page-down", "PgDn C-f Space", SY_CTX_ALL, N_("Move down one page"))          \
	X(PAGE_UP, "page-up", "PgUp C-b", SY_CTX_ALL, N_("Move up one page"))                      \
	X(MOVE_TOP, "move-top", "g Home", SY_CTX_ALL, N_("Go to the top"))                         \
	X(MOVE_BOTTOM, "move-bottom", "G End", SY_CTX_ALL, N_("Go to the bottom"))                 \
	X(NEXT_REPORT, "next-report", "J", SY_CTX_PANES, N_("Show the next report in the list"))   \
	X(PREV_REPORT, "prev-report", "K", SY_CTX_PANES, N_("Show the previous report"))           \
	X(OPEN, "open", "Enter l Right", SY_CTX_LIST | SY_CTX_SUMMARY, N_("Read the selected report in the viewer")) \
	X(SORT, "sort", "s", SY_CTX_LIST, N_("Sort by the next order: name, score, unit, verdict, reviewer, tags, re-review")) \
	X(SORT_MENU, "sort-menu", "S", SY_CTX_LIST, N_("Pick how the list is sorted"))             \
	X(FILTER, "filter", "f", SY_CTX_LIST, N_("Filter reports as you type (substring)"))        \
	X(INCOMPLETE, "incomplete", "i", SY_CTX_LIST, N_("Show only incomplete reports, or all"))  \
	X(SHOW, "show", "F", SY_CTX_LIST, N_("Show only: a verdict, no verdict, tagged, needing re-review, a reviewer...")) \
	X(LATE, "late", "L", SY_CTX_LIST, N_("Show only reports received late, or all"))         \
	X(SUMMARY_SORT, "summary-sort", "s", SY_CTX_SUMMARY, N_("Sort the matrix by the next order: unit, status, verdict")) \
	X(SUMMARY_REPORT, "summary-report", "e", SY_CTX_SUMMARY, N_("Write the draft 情况通报 of the batch (.docx) beside the reports")) \
	X(NEXT_HEADING, "next-heading", "]", SY_CTX_VIEWER | SY_CTX_COMPARE | SY_CTX_DIFF, N_("Go to the next heading (compare: the next part on both sides; diff: the next changed part)")) \
	X(PREV_HEADING, "prev-heading", "[", SY_CTX_VIEWER | SY_CTX_COMPARE | SY_CTX_DIFF, N_("Go to the previous heading (or part, or changed part)")) \
	X(OUTLINE, "outline", "o", SY_CTX_VIEWER, N_("Pick a heading from the outline"))           \
	X(SEARCH, "search", "/", SY_CTX_VIEWER, N_("Search the report text"))                      \
	X(SEARCH_NEXT, "search-next", "n", SY_CTX_VIEWER, N_("Go to the next search hit"))         \
	X(SEARCH_PREV, "search-prev", "N", SY_CTX_VIEWER, N_("Go to the previous search hit"))     \
	X(LINE_NUMBERS, "line-numbers", "#", SY_CTX_VIEWER, N_("Show or hide line numbers"))       \
	X(JUMP, "jump", "Enter l Right", SY_CTX_CHECKLIST, N_("Show this part or finding's line in the viewer")) \
	X(OVERRIDE, "override", "x", SY_CTX_CHECKLIST, N_("Set your own status for this part, with a reason")) \
	X(CLEAR_OVERRIDE, "clear-override", "X", SY_CTX_CHECKLIST, N_("Drop your status: back to the detected one")) \
	X(RESOLVE, "resolve", "R", SY_CTX_CHECKLIST, N_("Resolve this conflict: keep mine or take theirs")) \
	X(EVIDENCE, "evidence", "w", SY_CTX_CHECKLIST, N_("Why this part has its status: the rule and the lines it rests on")) \
	X(NOTE, "note", "c", SY_CTX_PANES, N_("Write a note (checklist: on the part or finding; else on the report)")) \
	X(NOTE_EDITOR, "note-editor", "C", SY_CTX_PANES, N_("Write a long note in $EDITOR"))    \
	X(ACCEPT, "accept", "a", SY_CTX_PANES, N_("Verdict 通过 (accept): this report, or the tagged ones")) \
	X(RETURN, "return", "r", SY_CTX_PANES, N_("Verdict 退回修改 (return for revision)"))     \
	X(PENDING, "pending", "p", SY_CTX_PANES, N_("Verdict 待定 (pending)"))                   \
	X(CLEAR_VERDICT, "clear-verdict", "Backspace", SY_CTX_LIST, N_("Remove the verdict"))   \
	X(MARK_SEEN, "mark-seen", "v", SY_CTX_PANES, N_("Mark a resubmitted report as reviewed as it is now")) \
	X(TAG, "tag", "t", SY_CTX_PANES, N_("Tag or untag this report (verdicts and export apply to tags); in the list, then go down")) \
	X(TAG_VISIBLE, "tag-visible", "T", SY_CTX_PANES, N_("Tag every report the list shows (after a filter)")) \
	X(UNTAG_ALL, "untag-all", "U", SY_CTX_PANES, N_("Untag every report"))                 \
	X(UNDO, "undo", "u", SY_CTX_PANES, N_("Undo the last override, note or verdict"))        \
	X(REDO, "redo", "C-r", SY_CTX_PANES, N_("Redo what was undone"))                         \
	X(EXPORT, "export", "e", SY_CTX_PANES, N_("Export this report, or the tagged ones (Word, Excel, Markdown, CSV, YAML)")) \
	X(EXPORT_ALL, "export-all", "E", SY_CTX_PANES, N_("Export every report"))                \
	X(PICK, "pick", "Enter", SY_CTX_OUTLINE | SY_CTX_MENU | SY_CTX_EVIDENCE | SY_CTX_COMPARE, N_("Go to the selected heading or line, or take the selected choice (compare: show both places of the finding)")) \
	X(NEXT_FINDING, "next-finding", "n", SY_CTX_COMPARE, N_("Show both places of the next finding that names another report")) \
	X(PREV_FINDING, "prev-finding", "N", SY_CTX_COMPARE, N_("Show both places of the previous such finding")) \
	X(MESSAGE_LOG, "message-log", "M", SY_CTX_PANES, N_("Show every message so far (the message log)")) \
	X(SUMMARY, "summary", "B", SY_CTX_PANES, N_("Show the batch summary (汇总): who reported, who is late, the review's progress")) \
	X(COMPARE, "compare", "Y", SY_CTX_PANES, N_("Compare this report with the unit's report of last year, or with the report the selected finding names, side by side")) \
	X(DIFF, "diff", "d", SY_CTX_PANES, N_("What a resubmitted report changed since the verdict, part by part")) \
	X(ASSIGN_UNIT, "assign-unit", "A", SY_CTX_PANES, N_("Assign this report to a roster unit by hand")) \
	X(RECEIVED, "received", "D", SY_CTX_PANES, N_("Set the date this report came in (收到日期)")) \
	X(REDRAW, "redraw", "C-l", SY_CTX_PANES, N_("Redraw the screen and take in what changed on disk"))

enum sy_op {
	SY_OP_NONE = 0,
#define SY_OP_ENUM(id, name, keys, ctx, help) SY_OP_##id,
	SY_OPS(SY_OP_ENUM)
#undef SY_OP_ENUM
	SY_OP_COUNT
};

struct sy_op_info {
	enum sy_op op;
	const char *name;
	const char *keys;
	unsigned ctx;
	const char *help;
};

/* Key codes: a Unicode code point for a typed character (C-a is 1, Tab 9,
 * Esc 27), or one of these for keys that type nothing. */
enum sy_key {
	SY_KEY_NONE = 0,
	SY_KEY_TAB = 9,
	SY_KEY_ESC = 27,
	SY_KEY_SPECIAL = 0x110000,
	SY_KEY_ENTER = SY_KEY_SPECIAL,
	SY_KEY_BACKTAB,
	SY_KEY_UP,
	SY_KEY_DOWN,
	SY_KEY_LEFT,
	SY_KEY_RIGHT,
	SY_KEY_PGUP,
	SY_KEY_PGDN,
	SY_KEY_HOME,
	SY_KEY_END,
	SY_KEY_BACKSPACE,
	SY_KEY_DELETE,
	SY_KEY_F1,
	SY_KEY_RESIZE,
	SY_KEY_MOUSE,
};

/* Returns the table row of an op (never NULL for a valid op; NULL otherwise). */
const struct sy_op_info *sy_op_info(enum sy_op op);
/* Returns the op with this config name, or SY_OP_NONE. */
enum sy_op sy_op_by_name(const char *name);

/* Returns the name of one context bit ("list"), or NULL for anything else. */
const char *sy_ctx_name(unsigned ctx);
/* Returns the context bit with this name, or 0. */
unsigned sy_ctx_by_name(const char *name);
/* Returns the kind of one context bit (a pane for anything else). */
enum sy_ctx_kind sy_ctx_kind(unsigned ctx);
/* Writes the names of the contexts in mask, separated by spaces, into buf. */
void sy_ctx_names(unsigned mask, char *buf, size_t len);

/* Parses one key name ("q", "C-f", "S-Tab", "PgDn", "Enter", "中") into a
 * key code. Returns 0, or -1 when the name is not a key. */
int sy_key_parse(const char *name, uint32_t *key);
/* Writes the display name of a key ("C-f", "PgDn", "j") into buf. */
void sy_key_name(uint32_t key, char *buf, size_t len);

/* A keymap: (context mask, key) -> op, filled from the ops table. */
struct sy_binding {
	uint32_t key;
	unsigned ctx;
	enum sy_op op;
};
struct sy_keymap {
	struct sy_binding *b;
	size_t n;
};

/* Fills km with the default keys of every op. */
void sy_keymap_init_default(struct sy_keymap *km);
/* Binds keyspec (one key name) to the op named opname in the op's contexts,
 * replacing any binding of that key there. Returns 0, or -1 with a reason. */
int sy_keymap_bind(struct sy_keymap *km, const char *opname, const char *keyspec, char *err,
		   size_t errlen);
/* Returns the op bound to key in context ctx (one SY_CTX_ bit), or SY_OP_NONE. */
enum sy_op sy_keymap_lookup(const struct sy_keymap *km, unsigned ctx, uint32_t key);
/* Writes the keys bound to op in ctx, separated by spaces, into buf. */
void sy_keymap_keys_of(const struct sy_keymap *km, enum sy_op op, unsigned ctx, char *buf,
		       size_t len);
/* Frees the keymap. */
void sy_keymap_free(struct sy_keymap *km);

#endif
