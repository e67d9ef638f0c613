# The curses front end and the program. Only ui/ includes curses, through
# include/shenyue/curses.h. The UI is a library of every file but main.c, so
# tests link its views without starting curses (tests/unit/views_test); the
# program is main.c and the libraries. A new UI file is one line in this list.
noinst_LIBRARIES += libshenyue_ui.a
libshenyue_ui_a_SOURCES = \
	ui/actions.c \
	ui/app.c \
	ui/batchdesk.c \
	ui/checklist.c \
	ui/common.c \
	ui/compare.c \
	ui/current.c \
	ui/decide.c \
	ui/diff.c \
	ui/draw.c \
	ui/editor.c \
	ui/evidence.c \
	ui/exporting.c \
	ui/help.c \
	ui/input.c \
	ui/list.c \
	ui/list_order.c \
	ui/list_order.h \
	ui/loader.c \
	ui/log.c \
	ui/menu.c \
	ui/mouse.c \
	ui/outline_popup.c \
	ui/prompt.c \
	ui/search.c \
	ui/search.h \
	ui/session.c \
	ui/status.c \
	ui/summary.c \
	ui/tags.c \
	ui/term.c \
	ui/theme_apply.c \
	ui/ui.h \
	ui/view.h \
	ui/viewer.c \
	ui/views.c
libshenyue_ui_a_CPPFLAGS = $(AM_CPPFLAGS) $(CURSES_CFLAGS)
UI_LIBS = libshenyue_ui.a $(CORE_LIBS) $(CURSES_LIBS)

bin_PROGRAMS += shenyue
shenyue_SOURCES = ui/main.c
shenyue_CPPFLAGS = $(AM_CPPFLAGS) $(CURSES_CFLAGS)
shenyue_LDADD = $(UI_LIBS)
