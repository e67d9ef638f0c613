/* `make bench`: how fast reports are decoded, outlined and scored, how long
 * the cross-report duplicate check takes, and the memory a batch holds.
 * usage: bench_score [FOLDER] [COPIES]   (defaults: examples/, 2000) */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "shenyue/fileio.h"
#include "shenyue/report.h"
#include "shenyue/xalloc.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	char *folder = argc > 1 ? argv[1] : "examples";
	size_t copies = argc > 2 ? strtoul(argv[2], NULL, 10) : 2000;
	struct sy_rubric rubric;
	char err[512];
	if (sy_rubric_load_default(&rubric, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	struct sy_batch files = {0};
	sy_batch_expand(&files, &folder, 1);
	if (!files.n) {
		fprintf(stderr, "bench: no reports in %s\n", folder);
		return 1;
	}
	char **data = xcalloc(files.n, sizeof *data);
	size_t *len = xcalloc(files.n, sizeof *len), bytes = 0;
	for (size_t i = 0; i < files.n; i++)
		sy_file_read(files.r[i].path, 0, &data[i], &len[i], NULL);

	struct sy_batch b = { .r = xcalloc(copies, sizeof(struct sy_report)), .n = copies };
	double t0 = now();
	for (size_t i = 0; i < copies; i++) {
		size_t k = i % files.n;
		b.r[i].path = xasprintf("copy-%zu", i);
		bytes += len[k];
		if (sy_doc_decode(&b.r[i].doc, b.r[i].path, (const unsigned char *)data[k], len[k], err, sizeof err) == 0)
			sy_report_from_doc(&b.r[i], &rubric);
	}
	double t1 = now();
	sy_batch_crosscheck(&b);
	double t2 = now();
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	sy_batch_free(&b);
	/* worst case for the duplicate check: every copy claims another unit */
	struct sy_batch w = { .r = xcalloc(copies, sizeof(struct sy_report)), .n = copies };
	for (size_t i = 0; i < copies; i++) {
		size_t k = i % files.n;
		w.r[i].path = xasprintf("unit-%zu", i);
		char *text = xasprintf("第%zu单位关于2024年法治政府建设情况的报告\n%s", i, data[k]);
		if (sy_doc_decode(&w.r[i].doc, w.r[i].path, (const unsigned char *)text, strlen(text), err,
				  sizeof err) == 0)
			sy_report_from_doc(&w.r[i], &rubric);
		free(text);
	}
	double t3 = now();
	sy_batch_crosscheck(&w);
	double t4 = now();
	size_t flagged = 0;
	for (size_t i = 0; i < copies; i++)
		for (size_t f = 0; f < w.r[i].score.nf; f++)
			flagged += !strcmp(w.r[i].score.f[f].id, "duplicate");
	sy_batch_free(&w);
	printf("reports scored:      %zu (%zu distinct files from %s, %.1f MiB of text)\n", copies, files.n,
	       folder, bytes / 1048576.0);
	printf("decode+outline+score: %.3f s total, %.1f us/report, %.0f reports/s\n", t1 - t0,
	       (t1 - t0) * 1e6 / copies, copies / (t1 - t0));
	printf("duplicate crosscheck: %.3f s for %zu reports\n", t2 - t1, copies);
	printf("  worst case (every copy from another unit): %.3f s, %zu duplicate findings\n", t4 - t3,
	       flagged);
	printf("peak RSS:            %.1f MiB with the batch loaded (%.1f KiB per report held)\n",
	       ru.ru_maxrss / 1024.0, (double)ru.ru_maxrss / copies);
	sy_batch_free(&files);
	for (size_t i = 0; i < files.n; i++)
		free(data[i]);
	free(data);
	free(len);
	sy_rubric_free(&rubric);
	return 0;
}
