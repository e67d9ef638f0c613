# The curses front end and the program.
bin_PROGRAMS += shenyue
shenyue_SOURCES = ui/main.c
shenyue_CFLAGS = $(AM_CFLAGS) $(CURSES_CFLAGS)
shenyue_LDADD = $(CORE_LIBS) $(CURSES_LIBS)
