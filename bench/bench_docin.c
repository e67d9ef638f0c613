/* `make bench`: how long a report takes to read from each document format.
 * Each text report of FOLDER (and each doubled, to reach the 10-30 KB of a
 * long report) is written as a .docx with Word numbering and typeset as a
 * PDF by the test tools, then read (decode, outline, score) RUNS times; the
 * median is printed. Goals (issue 9): under 20 ms from .docx, under 100 ms
 * from .pdf, for a report of 10-30 KB of text.
 * usage: bench_docin [FOLDER] [RUNS]   (defaults: examples/, 20) */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../tests/tools/docx_writer.h"
#include "../tests/tools/pdf_writer.h"
#include "shenyue/fileio.h"
#include "shenyue/report.h"
#include "shenyue/xalloc.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median milliseconds to read the file's bytes into a scored report. */
static double read_ms(const char *path, const struct sy_rubric *r, int runs, size_t *lines)
{
	char *data;
	size_t len;
	if (sy_file_read(path, 0, &data, &len, NULL) != SY_READ_OK)
		return -1;
	double *t = xcalloc((size_t)runs, sizeof *t);
	for (int i = 0; i < runs; i++) {
		struct sy_report rep = {0};
		char err[512];
		double t0 = now();
		if (sy_doc_decode(&rep.doc, path, (const unsigned char *)data, len, err, sizeof err) != 0) {
			fprintf(stderr, "%s: %s\n", path, err);
			free(data);
			free(t);
			return -1;
		}
		sy_report_from_doc(&rep, r);
		t[i] = (now() - t0) * 1000;
		*lines = rep.doc.nlines;
		sy_report_free(&rep);
	}
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	double med = t[runs / 2];
	free(t);
	free(data);
	return med;
}

/* Writes text as a .docx and a .pdf in dir and prints the reading times. */
static void bench_one(const char *name, const char *text, size_t len, const char *dir, const struct sy_rubric *r,
		      int runs)
{
	char *docx = xasprintf("%s/b.docx", dir), *pdf = xasprintf("%s/b.pdf", dir), *txt = xasprintf("%s/b.txt", dir);
	FILE *f = fopen(txt, "wb");
	if (f) {
		fwrite(text, 1, len, f);
		fclose(f);
	}
	struct pdf_options o = { .header = "法治政府建设年度报告", .number_fmt = "— %d —" };
	struct pdf_marks m = {0};
	size_t lt = 0, ld = 0, lp = 0;
	double ms_txt = read_ms(txt, r, runs, &lt);
	double ms_docx = docx_write(docx, text, len, DOCX_WORD, NULL) == 0 ? read_ms(docx, r, runs, &ld) : -1;
	int pdf_rc = pdf_write(pdf, text, len, &o, &m);
	double ms_pdf = pdf_rc == 0 ? read_ms(pdf, r, runs, &lp) : -1;
	printf("%-34s %5.1f KB  txt %6.2f ms  docx %6.2f ms  pdf %6.2f ms (%d pages)%s\n", name, len / 1024.0, ms_txt,
	       ms_docx, ms_pdf, m.pages, pdf_rc == 77 ? "  [no CJK font: no PDF]" : "");
	unlink(docx);
	unlink(pdf);
	unlink(txt);
	free(docx);
	free(pdf);
	free(txt);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	char *folder = argc > 1 ? argv[1] : "examples";
	int runs = argc > 2 ? atoi(argv[2]) : 20;
	if (runs < 1)
		runs = 1;
	struct sy_rubric rubric;
	char err[512];
	if (sy_rubric_load_default(&rubric, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	char dir[] = "/tmp/shenyue-bench-docin-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	struct sy_batch files = {0};
	sy_batch_expand(&files, &folder, 1);
	for (size_t i = 0; i < files.n; i++) {
		size_t n = strlen(files.r[i].path);
		if (n < 4 || strcmp(files.r[i].path + n - 4, ".txt"))
			continue;
		char *text;
		size_t len;
		if (sy_file_read(files.r[i].path, 0, &text, &len, NULL) != SY_READ_OK)
			continue;
		const char *base = strrchr(files.r[i].path, '/');
		base = base ? base + 1 : files.r[i].path;
		bench_one(base, text, len, dir, &rubric, runs);
		char *twice = xasprintf("%s\n%s", text, text);
		char *label = xasprintf("%s ×2", base);
		bench_one(label, twice, strlen(twice), dir, &rubric, runs);
		free(label);
		free(twice);
		free(text);
	}
	sy_batch_free(&files);
	sy_rubric_free(&rubric);
	rmdir(dir);
	pdf_writer_cleanup();
	printf("(median of %d reads: decode, outline and score; goals: docx < 20 ms, pdf < 100 ms at 10-30 KB)\n",
	       runs);
	return 0;
}
