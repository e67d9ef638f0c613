/* The terminal: curses mode on and off, and the signals that must restore
 * it. Signal handlers only set a flag; the input loop polls with a timeout,
 * notices it and leaves through the normal exit path. Running out of memory
 * restores the terminal too, before the abort. */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

static volatile sig_atomic_t term_stop_signal;
static bool term_active;

static void term_on_signal(int sig)
{
	term_stop_signal = sig;
}

/* Installs term_on_signal for SIGTERM, SIGHUP and SIGINT, without SA_RESTART
 * so that a blocking read returns at once. */
static void term_install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = term_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static void term_at_exit(void)
{
	ui_term_stop();
}

int ui_term_start(struct ui *ui)
{
	term_install_signals();
	if (!initscr())
		return -1;
	term_active = true;
	atexit(term_at_exit);
	xalloc_set_die_hook(term_at_exit); /* out of memory: the shell gets its terminal back */
	cbreak(); /* C-c stays SIGINT: the handler restores the terminal */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	return 0;
}

void ui_term_stop(void)
{
	if (!term_active)
		return;
	term_active = false;
	endwin();
}

bool ui_term_signalled(void)
{
	return term_stop_signal != 0;
}

int ui_term_signal(void)
{
	return term_stop_signal;
}
