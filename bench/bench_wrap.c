/* `make bench`: line breaking by the rules of Chinese text on a 1 MB
 * report, as the viewer does it: finding where every line may break (once,
 * when the report is opened), then re-wrapping at a new width from those
 * pieces (on every resize), against wrapping row by row without them.
 * Each figure is the best and the median of RUNS runs, so that a machine
 * shared with others shows what the code costs rather than their load.
 * usage: bench_wrap [FOLDER] [MB]   (defaults: examples/, 1) */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shenyue/doc.h"
#include "shenyue/report.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

#define RUNS 7

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Sorts the RUNS times and prints "best X ms, median Y ms". */
static void print_runs(double *t)
{
	qsort(t, RUNS, sizeof *t, cmp_double);
	printf("best %.2f ms, median %.2f ms", t[0], t[RUNS / 2]);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The lines of a report of at least `bytes` bytes, built from the reports of folder. */
static char **bench_lines(const char *folder, size_t bytes, size_t *nlines, size_t *total)
{
	struct sy_batch files = {0};
	char *f = (char *)folder;
	sy_batch_expand(&files, &f, 1);
	struct sy_doc *docs = xcalloc(files.n ? files.n : 1, sizeof *docs);
	size_t ndocs = 0;
	char err[512];
	for (size_t i = 0; i < files.n; i++)
		if (sy_doc_load(&docs[ndocs], files.r[i].path, err, sizeof err) == 0 && docs[ndocs].nlines)
			ndocs++;
	char **lines = NULL;
	size_t n = 0, cap = 0;
	*total = 0;
	for (size_t k = 0; ndocs && *total < bytes; k++)
		for (size_t l = 0; l < docs[k % ndocs].nlines; l++) {
			if (n == cap) {
				cap = cap ? cap * 2 : 1024;
				lines = xreallocarray(lines, cap, sizeof *lines);
			}
			lines[n] = xstrdup(docs[k % ndocs].lines[l].text);
			*total += strlen(lines[n++]) + 1;
		}
	for (size_t i = 0; i < ndocs; i++)
		sy_doc_free(&docs[i]);
	free(docs);
	sy_batch_free(&files);
	*nlines = n;
	return lines;
}

/* Re-wraps every line at cols from its pieces; returns the rows. */
static size_t rewrap_cached(char **lines, const struct sy_breaks *b, size_t n, size_t cols)
{
	size_t rows = 0;
	for (size_t l = 0; l < n; l++) {
		size_t len = strlen(lines[l]);
		for (size_t pos = 0; pos < len; rows++)
			pos = sy_breaks_row(&b[l], lines[l], pos, cols, NULL);
	}
	return rows;
}

/* Wraps every line at cols row by row, finding breaks each time. */
static size_t rewrap_uncached(char **lines, size_t n, size_t cols)
{
	size_t rows = 0;
	for (size_t l = 0; l < n; l++) {
		size_t len = strlen(lines[l]);
		for (size_t pos = 0; pos < len; rows++)
			pos += sy_width_wrap(lines[l] + pos, len - pos, cols);
	}
	return rows;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	sy_width_set_mode(SY_WIDTH_LIBC);
	const char *folder = argc > 1 ? argv[1] : "examples";
	size_t mb = argc > 2 ? strtoul(argv[2], NULL, 10) : 1;
	size_t n, total;
	char **lines = bench_lines(folder, mb << 20, &n, &total);
	if (!n) {
		fprintf(stderr, "bench_wrap: no reports in %s\n", folder);
		return 1;
	}
	struct sy_breaks *b = xcalloc(n, sizeof *b);
	double t[RUNS];
	size_t pieces = 0;
	for (int r = 0; r < RUNS; r++) {
		pieces = 0;
		double t0 = now_ms();
		for (size_t l = 0; l < n; l++) {
			sy_breaks_free(&b[l]);
			sy_breaks_find(&b[l], lines[l], strlen(lines[l]));
			pieces += b[l].n;
		}
		t[r] = now_ms() - t0;
	}
	printf("report of %zu bytes, %zu lines (%zu pieces, %zu KB): break places found (opening it): ", total,
	       n, pieces, pieces * sizeof(struct sy_break_piece) >> 10);
	print_runs(t);
	putchar('\n');
	static const size_t widths[] = {60, 78, 118, 198, 36};
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		size_t rows = 0;
		for (int r = 0; r < RUNS; r++) {
			double a = now_ms();
			rows = rewrap_cached(lines, b, n, widths[i]);
			t[r] = now_ms() - a;
		}
		printf("  resize to %3zu columns, %zu rows, re-wrapped from the pieces: ", widths[i], rows);
		print_runs(t);
		double a = now_ms();
		rewrap_uncached(lines, n, widths[i]);
		printf("; row by row without them: %.1f ms\n", now_ms() - a);
	}
	for (size_t l = 0; l < n; l++) {
		sy_breaks_free(&b[l]);
		free(lines[l]);
	}
	free(b);
	free(lines);
	return 0;
}
