/* Review state speed: N reports each get a note (one atomic, fsynced save per
 * call), then the desk is reopened (N review files loaded) and everything is
 * exported. Prints figures; asserts nothing.
 * usage: bench_review EXAMPLES_DIR N [WORKDIR] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shenyue/fileio.h"
#include "shenyue/desk.h"
#include "shenyue/export.h"
#include "shenyue/xalloc.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Copies examples/01-complete.txt n times into dir, each a little different. */
static void make_reports(const char *examples, const char *dir, int n)
{
	char *src = xasprintf("%s/01-complete.txt", examples);
	struct sy_buf b = {0};
	if (sy_file_read(src, 0, &b.data, &b.len, NULL) != SY_READ_OK) {
		perror(src);
		exit(2);
	}
	for (int i = 0; i < n; i++) {
		char *p = xasprintf("%s/%05d.txt", dir, i);
		FILE *out = fopen(p, "wb");
		fwrite(b.data, 1, b.len, out);
		fprintf(out, "\n（第%d份）\n", i);
		fclose(out);
		free(p);
	}
	sy_buf_free(&b);
	free(src);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: bench_review EXAMPLES_DIR N [WORKDIR]\n", stderr);
		return 2;
	}
	int n = atoi(argv[2]);
	char tmpl[] = "/tmp/shenyue-bench-XXXXXX";
	const char *dir = argc > 3 ? argv[3] : mkdtemp(tmpl);
	make_reports(argv[1], dir, n);
	struct sy_rubric r;
	char err[512];
	if (sy_rubric_load_default(&r, err, sizeof err))
		return 2;
	struct sy_batch b = {0};
	char *paths[] = {(char *)dir};
	sy_batch_expand(&b, paths, 1);
	sy_batch_load_all(&b, &r);

	struct sy_desk d;
	double t0 = now();
	sy_desk_open(&d, &b, &r, NULL, "bench");
	double t1 = now();
	struct sy_note_target t = {.on = SY_NOTE_PART, .part = "duty"};
	int failed = 0;
	for (size_t i = 0; i < d.n; i++)
		failed += sy_desk_set_note(&d, i, &t, "请补充第一责任人述法情况，并列明具体数据。") < 0;
	double t2 = now();
	sy_desk_close(&d);
	double t3 = now();
	sy_desk_open(&d, &b, &r, NULL, "bench");
	double t4 = now();
	struct sy_export_entry *e = xcalloc(d.n, sizeof *e);
	for (size_t i = 0; i < d.n; i++)
		e[i] = (struct sy_export_entry){.rep = &b.r[i], .rv = sy_desk_review(&d, i)};
	struct sy_export_doc x;
	sy_export_build(&x, e, d.n, &r, NULL);
	FILE *null = fopen("/dev/null", "w");
	sy_export_write_md(null, &x);
	double t5 = now();
	sy_export_write_yaml(null, &x);
	double t6 = now();
	fclose(null);

	printf("reports:                 %zu (in %s)\n", d.n, dir);
	printf("open, no reviews yet:    %.3f s\n", t1 - t0);
	printf("note + save, each:       %.3f ms  (total %.3f s, %d failed)\n", (t2 - t1) * 1e3 / (double)n,
	       t2 - t1, failed);
	printf("open, %d review files: %.3f s\n", n, t4 - t3);
	printf("export md:               %.3f s\n", t5 - t4);
	printf("export yaml:             %.3f s\n", t6 - t5);
	sy_export_free(&x);
	free(e);
	sy_desk_close(&d);
	sy_batch_free(&b);
	sy_rubric_free(&r);
	if (argc <= 3) {
		char *cmd = xasprintf("rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
		free(cmd);
	}
	return 0;
}
