/* Themes: a style (colours and attributes) for each semantic slot of the UI,
 * loaded from YAML. Code names slots, never raw colours; the built-in
 * themes are embedded (themes/NAME.yaml) and go through the same loader as a
 * user's file. Each says which background it is meant for; "default" is
 * the dark or the light one, after the terminal's background. No curses here: the UI turns styles into colour pairs. */
#ifndef SHENYUE_THEME_H
#define SHENYUE_THEME_H

#include <stdbool.h>
#include <stddef.h>

/* X(ID, "yaml-name", "what it colours") */
#define SY_THEME_SLOTS(X)                                                          \
	X(NORMAL, "normal", "ordinary text")                                       \
	X(BORDER, "border", "separators between panes")                           \
	X(TITLE, "title", "pane titles")                                           \
	X(TITLE_FOCUS, "title-focus", "the focused pane's title")                  \
	X(SELECTION, "selection", "the selected row in the focused pane")          \
	X(SELECTION_IDLE, "selection-idle", "the selected row in other panes")     \
	X(DIM, "dim", "secondary text: file names, line numbers in lists")         \
	X(HEADING1, "heading1", "level-1 headings (一、)")                         \
	X(HEADING2, "heading2", "level-2 headings (（一）)")                       \
	X(HEADING3, "heading3", "level-3 headings (1.)")                           \
	X(TITLE_LINE, "title-line", "the report's title and issuing unit")         \
	X(CHROME, "chrome", "web-page chrome and debris lines")                   \
	X(PRESENT, "present", "a part that is present")                            \
	X(PARTIAL, "partial", "a part that is partial")                            \
	X(MISSING, "missing", "a part that is missing")                            \
	X(ERROR, "error", "findings of severity error")                            \
	X(WARNING, "warning", "findings of severity warning")                      \
	X(INFO, "info", "findings of severity info")                               \
	X(SEARCH_HIT, "search-hit", "search hits in the viewer")                   \
	X(JUMP_TARGET, "jump-target", "the line the viewer jumped to")             \
	X(LINE_NUMBER, "line-number", "line numbers in the viewer")                \
	X(PLACEHOLDER, "placeholder", "control characters and bad bytes shown as ^[ or �") \
	X(STATUSBAR, "statusbar", "the status bar")                                \
	X(MESSAGE_ERROR, "message-error", "error messages in the status bar")      \
	X(POPUP, "popup", "help and outline popups")

enum sy_slot {
#define SY_SLOT_ENUM(id, name, help) SY_SLOT_##id,
	SY_THEME_SLOTS(SY_SLOT_ENUM)
#undef SY_SLOT_ENUM
	SY_SLOT_COUNT
};

/* Colour numbers: -1 the terminal's default, 0..7 the ANSI colours, 8..15
 * their bright forms, 16..255 the xterm palette. */
#define SY_COLOR_DEFAULT (-1)

enum sy_attr {
	SY_ATTR_BOLD = 1 << 0,
	SY_ATTR_UNDERLINE = 1 << 1,
	SY_ATTR_REVERSE = 1 << 2,
	SY_ATTR_DIM = 1 << 3,
	SY_ATTR_ITALIC = 1 << 4,
	SY_ATTR_STANDOUT = 1 << 5,
};

struct sy_style {
	int fg, bg;       /* colour numbers */
	unsigned attrs;   /* enum sy_attr bits */
};

/* A terminal's background, as far as it is known. */
enum sy_background { SY_BG_UNKNOWN, SY_BG_DARK, SY_BG_LIGHT };

struct sy_theme {
	char *name;
	char *source;     /* file name or "<builtin>/themes/NAME.yaml" */
	enum sy_background meant_for; /* `background:` dark, light, or any (UNKNOWN) */
	struct sy_style slot[SY_SLOT_COUNT];
};

/* Returns the YAML name of a slot ("heading1"). */
const char *sy_slot_name(enum sy_slot s);
/* Returns the slot with this YAML name, or -1. */
int sy_slot_by_name(const char *name);
/* Parses a colour: default, black, red, green, yellow, blue, magenta, cyan,
 * white, bright-NAME, or a number 0..255. Returns 0, or -1. */
int sy_color_parse(const char *s, int *color);
/* Maps a colour to one of the 8 basic colours (for 8-colour terminals);
 * *bold is set when the colour was a bright one. */
int sy_color_to_8(int color, bool *bold);

/* Loads a theme from YAML text; source names it in messages. Slots the text
 * leaves out keep the plain style. Returns 0, or -1 with
 * "source:line:col: message" in err; t is untouched on failure. */
int sy_theme_load_string(struct sy_theme *t, const char *source, const char *yaml, size_t len,
			 char *err, size_t errlen);
/* Loads a theme file, as sy_theme_load_string. */
int sy_theme_load_file(struct sy_theme *t, const char *path, char *err, size_t errlen);
/* The embedded themes' names, NULL-terminated: dark, light, neutral,
 * high-contrast, mono. */
extern const char *const sy_builtin_themes[];
/* Returns the embedded theme "default" (or NULL) stands for on background
 * bg: dark, light, or neutral (legible on both) when bg is unknown. Any
 * other name is returned as it is. */
const char *sy_theme_resolve(const char *name, enum sy_background bg);
/* Loads an embedded theme by name (see sy_builtin_themes; "default" as
 * sy_theme_resolve with an unknown background). Returns 0, or -1 when
 * there is no such theme. */
int sy_theme_load_builtin(struct sy_theme *t, const char *name, char *err, size_t errlen);
/* Loads NAME (an embedded theme, or "default": the one for background bg)
 * or FILE (a path: contains '/' or ends in .yaml). On any error err is
 * filled and the default theme for bg is loaded; the return value is then
 * -1, else 0. t is always usable afterwards. */
int sy_theme_load(struct sy_theme *t, const char *name_or_file, enum sy_background bg, char *err,
		  size_t errlen);
/* Frees what the theme owns. */
void sy_theme_free(struct sy_theme *t);

#endif
