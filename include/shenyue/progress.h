/* Progress of a long run over a batch: reports done of the total, the rate
 * and the time left, as one line ("1,234/10,000 · 2,310 reports/s · 4 s
 * left"). The command line redraws it on stderr when stderr is a terminal
 * (and writes nothing otherwise); the UI shows the same words. */
#ifndef SHENYUE_PROGRESS_H
#define SHENYUE_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct sy_progress {
	const char *what;  /* "checking", translated */
	size_t total, done;
	double start, last_drawn; /* monotonic seconds */
	FILE *tty;         /* where the line is drawn, NULL: nowhere */
	size_t drawn_cols; /* width of the line on screen, to clear it */
};

/* Starts counting. The line goes to out when out is a terminal, else
 * nowhere (what is NULL-safe: the line only). */
void sy_progress_begin(struct sy_progress *p, const char *what, size_t total, FILE *out);
/* Records that done reports are done; redraws at most ten times a second. */
void sy_progress_update(struct sy_progress *p, size_t done);
/* Clears the line, if one was drawn. */
void sy_progress_end(struct sy_progress *p);
/* The progress line as words, into buf: "checking 1234/10000 · 2310 reports/s · 4 s left". */
void sy_progress_format(const struct sy_progress *p, char *buf, size_t len);

#endif
