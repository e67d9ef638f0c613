/* The one way into curses. Only ui/ includes this; src/ never does. Picks
 * ncursesw's header where it lives apart, and asks for the wide-character
 * API (cchar_t, setcchar, get_wch). */
#ifndef SHENYUE_CURSES_H
#define SHENYUE_CURSES_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#if defined(HAVE_NCURSESW_CURSES_H)
#include <ncursesw/curses.h>
#elif defined(HAVE_CURSES_H)
#include <curses.h>
#else
#error "no curses header found by configure"
#endif

#endif
