/* `make bench-batch`: where check's time goes. Reads every report of a batch
 * on one thread, stage by stage as check does (read, decode, outline, score,
 * signature and print), and prints each stage's time, also as a multiple of
 * grep's time over the same batch shared over the machine's cores: the floor
 * each stage alone puts under check's ratio to grep. Prints; asserts nothing.
 * usage: bench_stages FOLDER [GREP_MS] */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shenyue/debris.h"
#include "shenyue/fileio.h"
#include "shenyue/report.h"
#include "shenyue/signature.h"
#include "shenyue/strlist.h"
#include "shenyue/textprint.h"
#include "shenyue/xalloc.h"

enum stage { READ, DECODE, OUTLINE, SCORE, PRINT, NSTAGES };

static const char *const stage_name[NSTAGES] = {
	"read the files",
	"decode, normalise, split lines",
	"outline (headings, parts)",
	"score, findings, debris",
	"signature and print (for cross-checks)",
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs one report through the stages, adding each stage's seconds to t;
 * returns the file's size in bytes. */
static size_t run_report(const char *path, const struct sy_rubric *rubric, double *t)
{
	struct sy_report rep = { .path = xstrdup(path) };
	char *text = NULL, err[512];
	size_t len = 0;
	double t0 = now();
	if (sy_file_read(path, 0, &text, &len, NULL) != SY_READ_OK) {
		free(rep.path);
		return 0;
	}
	double t1 = now();
	int bad = sy_doc_decode(&rep.doc, path, (const unsigned char *)text, len, err, sizeof err);
	free(text);
	double t2 = now();
	double t3 = t2, t4 = t2, t5 = t2;
	if (!bad) {
		sy_outline_build(&rep.outline, &rep.doc, rubric);
		t3 = now();
		sy_score_report(&rep.score, &rep.doc, &rep.outline, rubric);
		sy_debris_scan(&rep.score, &rep.doc, &rep.outline, rubric);
		t4 = now();
		rep.sig = xcalloc(1, sizeof *rep.sig);
		sy_signature_make(&rep, rep.sig);
		rep.print = sy_textprint_make(&rep, rubric);
		t5 = now();
	}
	t[READ] += t1 - t0;
	t[DECODE] += t2 - t1;
	t[OUTLINE] += t3 - t2;
	t[SCORE] += t4 - t3;
	t[PRINT] += t5 - t4;
	sy_report_free(&rep);
	return len;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (argc < 2) {
		fprintf(stderr, "usage: bench_stages FOLDER [GREP_MS]\n");
		return 2;
	}
	double grep_ms = argc > 2 ? strtod(argv[2], NULL) : 0;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	if (cores < 1)
		cores = 1;
	struct sy_rubric rubric;
	char err[512];
	if (sy_rubric_load_default(&rubric, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	struct sy_strlist files = {0}, errors = {0};
	sy_paths_expand(&files, &errors, &argv[1], 1);
	double t[NSTAGES] = {0};
	size_t bytes = 0;
	for (size_t i = 0; i < files.n; i++)
		bytes += run_report(files.v[i], &rubric, t);
	printf("where check's time goes: %zu reports, %.1f MB, one thread%s\n", files.n, bytes / 1048576.0,
	       grep_ms > 0 ? "; x grep: the stages so far over all cores, against grep" : "");
	double sum = 0;
	for (int s = 0; s < NSTAGES; s++) {
		sum += t[s];
		printf("  %-40s %7.0f ms %6.1f MB/s", stage_name[s], t[s] * 1e3, bytes / 1048576.0 / t[s]);
		if (grep_ms > 0)
			printf("   so far %5.1fx grep", sum * 1e3 / (double)cores / grep_ms);
		printf("\n");
	}
	printf("  %-40s %7.0f ms %6.1f MB/s (check adds cross-checks and its output)\n", "all per-report stages",
	       sum * 1e3, bytes / 1048576.0 / sum);
	sy_strlist_free(&files);
	sy_strlist_free(&errors);
	sy_rubric_free(&rubric);
	return 0;
}
