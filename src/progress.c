/* The progress line: rate from the start, time left at that rate. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shenyue/i18n.h"
#include "shenyue/progress.h"
#include "shenyue/width.h"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void sy_progress_begin(struct sy_progress *p, const char *what, size_t total, FILE *out)
{
	memset(p, 0, sizeof *p);
	p->what = what;
	p->total = total;
	p->start = now_s();
	p->tty = out && isatty(fileno(out)) ? out : NULL;
}

void sy_progress_format(const struct sy_progress *p, char *buf, size_t len)
{
	double t = now_s() - p->start;
	double rate = t > 0.05 ? (double)p->done / t : 0;
	int n = snprintf(buf, len, "%s %zu/%zu", p->what ? p->what : "", p->done, p->total);
	if (n < 0 || (size_t)n >= len || rate <= 0)
		return;
	double left = (double)(p->total - p->done) / rate;
	/* TRANSLATORS: progress: reports per second, then seconds left. */
	snprintf(buf + n, len - (size_t)n, _(" · %.0f reports/s · %.0f s left"), rate, left + 0.5);
}

void sy_progress_update(struct sy_progress *p, size_t done)
{
	p->done = done;
	if (!p->tty)
		return;
	double t = now_s();
	if (t - p->last_drawn < 0.1 && done < p->total)
		return;
	p->last_drawn = t;
	char line[256];
	sy_progress_format(p, line, sizeof line);
	size_t cols = sy_width_str(line);
	fprintf(p->tty, "\r%s", line);
	for (size_t c = cols; c < p->drawn_cols; c++)
		fputc(' ', p->tty);
	p->drawn_cols = cols > p->drawn_cols ? cols : p->drawn_cols;
	fflush(p->tty);
}

void sy_progress_end(struct sy_progress *p)
{
	if (!p->tty || !p->drawn_cols)
		return;
	fputc('\r', p->tty);
	for (size_t c = 0; c < p->drawn_cols; c++)
		fputc(' ', p->tty);
	fputc('\r', p->tty);
	fflush(p->tty);
	p->drawn_cols = 0;
}
