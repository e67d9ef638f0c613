/* `make bench-compare`: what the comparisons of issue 11 add to loading a
 * batch (compare.h): the print each report gets when it is scored
 * (textprint.h), and the comparisons in the cross-check, against the time
 * the batch takes to load without them. CPU time of this process, so the
 * figures hold on a busy machine. Prints figures; asserts nothing.
 * usage: bench_compare PATH...   (a folder, or 2023/ 2024/) */
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shenyue/compare.h"
#include "shenyue/report.h"
#include "shenyue/similar.h"
#include "shenyue/textprint.h"

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Makes every report's print again; returns the CPU seconds it took. */
static double prints_time(struct sy_batch *b, const struct sy_rubric *r, size_t *bytes)
{
	double t0 = cpu_now();
	*bytes = 0;
	for (size_t i = 0; i < b->n; i++) {
		if (!b->r[i].loaded || b->r[i].error)
			continue;
		sy_textprint_free(b->r[i].print);
		b->r[i].print = sy_textprint_make(&b->r[i], r);
		*bytes += sy_textprint_size(b->r[i].print);
	}
	return cpu_now() - t0;
}

/* Counts the findings of the comparisons in the batch. */
static size_t compare_findings(const struct sy_batch *b)
{
	static const char *const ids[] = { "same-as-last-year", "repeated-shortfall", "plan-not-followed", "copied-part" };
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		for (size_t k = 0; k < b->r[i].score.nf; k++)
			for (size_t q = 0; q < sizeof ids / sizeof *ids; q++)
				n += !strcmp(b->r[i].score.f[k].id, ids[q]);
	return n;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (argc < 2) {
		fputs("usage: bench_compare PATH...\n", stderr);
		return 2;
	}
	struct sy_rubric rubric;
	char err[512];
	if (sy_rubric_load_default(&rubric, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	struct sy_batch b = {0};
	sy_batch_expand(&b, argv + 1, (size_t)argc - 1);
	double t0 = cpu_now();
	sy_batch_load_all(&b, &rubric);
	double load = cpu_now() - t0;
	size_t bytes;
	double print = prints_time(&b, &rubric, &bytes);
	t0 = cpu_now();
	sy_batch_crosscheck(&b);
	double dup = cpu_now() - t0;
	/* in slices, as the UI runs it between keys: the longest slice is how
	 * long a key may wait */
	t0 = cpu_now();
	struct sy_crosscheck *cc = sy_crosscheck_begin_opts(&b, &(struct sy_crosscheck_opts){ .rubric = &rubric });
	double longest = 0;
	size_t slices = 0;
	for (bool done = false; !done; slices++) {
		double s0 = cpu_now();
		done = sy_crosscheck_step(cc);
		if (cpu_now() - s0 > longest)
			longest = cpu_now() - s0;
	}
	sy_crosscheck_free(cc);
	double both = cpu_now() - t0;
	double cmp = both > dup ? both - dup : 0, without = load - print + dup;
	printf("%zu reports: load %.2f s CPU (of which the prints %.2f s), duplicate check %.2f s, "
	       "comparisons %.2f s\n",
	       b.n, load, print, dup, cmp);
	printf("the comparisons add %.1f%% to loading and cross-checking (%.2f s on %.2f s)\n",
	       100.0 * (print + cmp) / without, print + cmp, without);
	printf("prints: %.1f MB, %.0f bytes a report; %zu findings of the comparisons\n", bytes / 1e6,
	       b.n ? (double)bytes / (double)b.n : 0, compare_findings(&b));
	printf("cross-check in %zu slices, the longest %.1f ms\n", slices, longest * 1000);
	sy_batch_free(&b);
	sy_rubric_free(&rubric);
	return 0;
}
