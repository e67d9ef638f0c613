# The curses front end and the program. Only ui/ includes curses, through
# include/shenyue/curses.h. A new UI file is one line in this list.
bin_PROGRAMS += shenyue
shenyue_SOURCES = \
	ui/actions.c \
	ui/app.c \
	ui/checklist.c \
	ui/decide.c \
	ui/draw.c \
	ui/editor.c \
	ui/exporting.c \
	ui/help.c \
	ui/input.c \
	ui/list.c \
	ui/loader.c \
	ui/main.c \
	ui/mouse.c \
	ui/outline_popup.c \
	ui/prompt.c \
	ui/search.c \
	ui/session.c \
	ui/status.c \
	ui/tags.c \
	ui/term.c \
	ui/theme_apply.c \
	ui/ui.h \
	ui/viewer.c
shenyue_CPPFLAGS = $(AM_CPPFLAGS) $(CURSES_CFLAGS)
shenyue_LDADD = $(CORE_LIBS) $(CURSES_LIBS)
