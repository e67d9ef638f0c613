# The curses front end and the program. Only ui/ includes curses, through
# include/shenyue/curses.h.
bin_PROGRAMS += shenyue
shenyue_SOURCES = \
	include/shenyue/curses.h \
	ui/ui.h \
	ui/main.c \
	ui/app.c \
	ui/term.c \
	ui/theme_apply.c \
	ui/draw.c \
	ui/loader.c \
	ui/input.c \
	ui/actions.c \
	ui/list.c \
	ui/viewer.c \
	ui/search.c \
	ui/checklist.c \
	ui/outline_popup.c \
	ui/help.c \
	ui/status.c \
	ui/prompt.c \
	ui/decide.c \
	ui/tags.c \
	ui/editor.c \
	ui/exporting.c \
	ui/session.c \
	ui/mouse.c
shenyue_CFLAGS = $(AM_CFLAGS) $(CURSES_CFLAGS) $(YAML_CFLAGS)
shenyue_LDADD = $(CORE_LIBS) $(CURSES_LIBS)

# Curses-free support for the UI, in the core library so cmocka can test it:
# display width, the operations table and keymap, themes, layout arithmetic,
# the line editor.
libshenyue_core_a_SOURCES += \
	include/shenyue/width.h src/width.c \
	include/shenyue/ops.h src/ops.c src/keymap.c \
	include/shenyue/theme.h src/theme.c \
	include/shenyue/layout.h src/layout.c \
	include/shenyue/lineedit.h src/lineedit.c

EMBEDDED += themes/default.yaml themes/light.yaml themes/high-contrast.yaml themes/mono.yaml

# The UI's own benchmark: time to open N report copies in tmux.
EXTRA_DIST += bench/open.sh
