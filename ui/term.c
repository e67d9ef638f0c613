/* The terminal: curses mode on and off, and the signals that must restore
 * it. Signal handlers only set a flag; the input loop polls with a timeout,
 * notices it and leaves through the normal exit path. Running out of memory
 * restores the terminal too, before the abort. */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "shenyue/termcolor.h"
#include "shenyue/xalloc.h"
#include "ui.h"

#define TERM_QUERY_MS 150 /* the longest a terminal that never answers costs */

static volatile sig_atomic_t term_stop_signal;
static bool term_active;

/* Held while the main thread writes to the terminal through curses, and
 * taken for good when running out of memory gives the terminal back: that
 * may happen on a loader's thread, curses is not thread-safe, and a draw
 * after endwin would put the terminal back in curses mode (keypad and all)
 * just before the abort. Recursive: the main thread itself may run out of
 * memory while it draws. */
static pthread_mutex_t term_lock;
static pthread_once_t term_lock_once = PTHREAD_ONCE_INIT;

static void term_lock_init(void)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&term_lock, &a);
	pthread_mutexattr_destroy(&a);
}

void ui_term_lock(void)
{
	pthread_once(&term_lock_once, term_lock_init);
	pthread_mutex_lock(&term_lock);
}

void ui_term_unlock(void)
{
	pthread_mutex_unlock(&term_lock);
}

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

/* Out of memory, on any thread: the terminal back to the shell once the
 * main thread is through with its draw, and no draw after it (the lock is
 * never given back: the abort follows). */
static void term_at_oom(void)
{
	ui_term_lock();
	ui_term_stop();
}

int ui_term_start(struct ui *ui)
{
	term_install_signals();
	ui_term_lock();
	if (!initscr()) {
		ui_term_unlock();
		return -1;
	}
	term_active = true;
	atexit(term_at_exit);
	xalloc_set_die_hook(term_at_oom); /* out of memory: the shell gets its terminal back */
	cbreak(); /* C-c stays SIGINT: the handler restores the terminal */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	ui_term_unlock();
	return 0;
}

void ui_term_stop(void)
{
	ui_term_lock();
	if (term_active) {
		term_active = false;
		endwin();
	}
	ui_term_unlock();
}

static long term_ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads the terminal's answers into buf until DA1's has come or time is up;
 * returns the bytes read. */
static size_t term_read_reply(int fd, char *buf, size_t len)
{
	size_t n = 0;
	long deadline = term_ms_now() + TERM_QUERY_MS;
	while (n < len && !sy_term_reply_complete(buf, n)) {
		long left = deadline - term_ms_now();
		struct pollfd p = {fd, POLLIN, 0};
		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			break;
		ssize_t r = read(fd, buf + n, len - n);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	return n;
}

enum sy_background ui_term_background(void)
{
	const char *term = getenv("TERM");
	/* the Linux console prints an OSC it does not know as text */
	if (!term || !strcmp(term, "dumb") || !strncmp(term, "linux", 5) || !isatty(STDIN_FILENO))
		return SY_BG_UNKNOWN;
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	struct termios saved, raw;
	if (fd < 0 || tcgetattr(fd, &saved) != 0) {
		if (fd >= 0)
			close(fd);
		return SY_BG_UNKNOWN;
	}
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	char buf[512];
	size_t n = 0;
	const char *q = SY_TERM_BACKGROUND_QUERY;
	if (tcsetattr(fd, TCSANOW, &raw) == 0 && write(fd, q, strlen(q)) == (ssize_t)strlen(q))
		n = term_read_reply(fd, buf, sizeof buf);
	tcsetattr(fd, TCSANOW, &saved);
	close(fd);
	return sy_background_from_osc11(buf, n);
}

bool ui_term_signalled(void)
{
	return term_stop_signal != 0;
}

int ui_term_signal(void)
{
	return term_stop_signal;
}
