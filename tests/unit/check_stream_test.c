/* The streaming check writes byte for byte what loading the whole batch and
 * calling the writers gives, whatever the number of threads, spooled to
 * disk or kept in memory: on the seeds, their re-encoded and copied
 * variants, the blind and shape fixtures, a file that cannot be read, with
 * a roster, in every format and order. */
#include "config.h"

#include <dirent.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../test_common.h"
#include "shenyue/check.h"
#include "shenyue/compare.h"
#include "shenyue/fileio.h"
#include "shenyue/order.h"
#include "shenyue/roster.h"
#include "shenyue/xalloc.h"

static char tmpdir[256];
static char *folders[10];
static size_t nfolders;

static char *slurp(const char *path, size_t *len)
{
	char *text;
	if (sy_file_read(path, 0, &text, len, NULL) != SY_READ_OK)
		return NULL;
	return text;
}

static void spill(const char *name, const void *data, size_t len)
{
	char *path = xasprintf("%s/variants/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	free(path);
}

/* text re-encoded by iconv; CRLF line ends first when crlf. */
static void spill_encoded(const char *name, const char *text, const char *to, bool crlf, const char *bom,
			  size_t bomlen)
{
	struct sy_buf in = {0};
	for (const char *p = text; *p; p++) {
		if (*p == '\n' && crlf)
			sy_buf_add(&in, "\r", 1);
		sy_buf_add(&in, p, 1);
	}
	iconv_t cd = iconv_open(to, "UTF-8");
	assert_true(cd != (iconv_t)-1);
	size_t cap = in.len * 4 + 16, il = in.len, ol = cap;
	char *out = malloc(cap + bomlen), *ip = in.data, *op = out + bomlen;
	memcpy(out, bom, bomlen);
	assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
	iconv_close(cd);
	spill(name, out, (size_t)(op - out));
	free(out);
	sy_buf_free(&in);
}

/* years/2023 and years/2024: each seed as this year's report and, with its
 * last paragraph left out and 2024 read as 2023, as last year's: the
 * comparisons across years have their say. */
static void make_years(const char *seeds)
{
	char *top = xasprintf("%s/years", tmpdir), *y23 = xasprintf("%s/2023", top), *y24 = xasprintf("%s/2024", top);
	assert_int_equal(mkdir(top, 0700), 0);
	assert_int_equal(mkdir(y23, 0700), 0);
	assert_int_equal(mkdir(y24, 0700), 0);
	DIR *d = opendir(seeds);
	for (struct dirent *e; d && (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".txt"))
			continue;
		char *path = xasprintf("%s/%s", seeds, e->d_name);
		size_t len;
		char *text = slurp(path, &len);
		char *out = xasprintf("%s/%s", y24, e->d_name);
		FILE *f = fopen(out, "wb");
		fwrite(text, 1, len, f);
		fclose(f);
		free(out);
		for (char *p = text; (p = strstr(p, "2024")) != NULL; p += 4)
			p[3] = '3';
		char *last = strrchr(text, '\n');
		size_t keep = last && last > text + len / 2 ? (size_t)(last - text) : len;
		out = xasprintf("%s/%s", y23, e->d_name);
		f = fopen(out, "wb");
		fwrite(text, 1, keep, f);
		fclose(f);
		free(out);
		free(text);
		free(path);
	}
	if (d)
		closedir(d);
	folders[nfolders++] = top;
	free(y23);
	free(y24);
}

/* Seeds as GB18030 with CRLF, as UTF-16LE with a BOM, and one copied under
 * another unit's name (a duplicate, and a tell for the roster). */
static void make_variants(const char *seeds)
{
	char *dir = xasprintf("%s/variants", tmpdir);
	assert_int_equal(mkdir(dir, 0700), 0);
	DIR *d = opendir(seeds);
	for (struct dirent *e; d && (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".txt"))
			continue;
		char *path = xasprintf("%s/%s", seeds, e->d_name), *name;
		size_t len;
		char *text = slurp(path, &len);
		assert_non_null(text);
		name = xasprintf("gb-%s", e->d_name);
		spill_encoded(name, text, "GB18030", true, "", 0);
		free(name);
		name = xasprintf("u16-%s", e->d_name);
		spill_encoded(name, text, "UTF-16LE", false, "\xFF\xFE", 2);
		free(name);
		if (!strncmp(e->d_name, "001", 3)) { /* a copy of 张良镇's report under another unit */
			char *nl = strchr(text, '\n');
			char *copy = xasprintf("石门镇人民政府%s", nl ? nl : "");
			spill("copy-石门镇.txt", copy, strlen(copy));
			free(copy);
		}
		free(text);
		free(path);
	}
	if (d)
		closedir(d);
	static const char binary[] = "\x01\x02\x00\x03 not a report";
	spill("binary.txt", binary, sizeof binary - 1);
	make_years(seeds);
	spill("empty.txt", "", 0);
	folders[nfolders++] = dir;
}

static int setup(void **state)
{
	snprintf(tmpdir, sizeof tmpdir, "%s/check_stream_XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(tmpdir));
	const char *src = getenv("SRCDIR") ? getenv("SRCDIR") : "..";
	const char *seeds_env = getenv("SHENYUE_SEEDS");
	char *seeds = seeds_env && *seeds_env ? xstrdup(seeds_env) : xasprintf("%s/../shared/seeds", src);
	struct stat st;
	if (stat(seeds, &st) == 0) {
		folders[nfolders++] = xstrdup(seeds);
		make_variants(seeds);
	}
	free(seeds);
	folders[nfolders++] = xasprintf("%s/tests/fixtures/blind", src);
	folders[nfolders++] = xasprintf("%s/tests/fixtures/shapes", src);
	folders[nfolders++] = xasprintf("%s/tests/fixtures/ui", src);
	folders[nfolders++] = xasprintf("%s/tests/fixtures/documents", src);
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	for (size_t i = 0; i < nfolders; i++)
		free(folders[i]);
	return 0;
}

/* The check as it was: the whole batch in memory, then the writers. */
static char *batch_check(enum sy_check_format fmt, enum sy_order order, const struct sy_roster *roster, int *status)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct sy_batch b = {0};
	sy_batch_expand(&b, folders, nfolders);
	sy_batch_load_all(&b, test_rubric());
	sy_batch_crosscheck_opts(&b, &(struct sy_crosscheck_opts){ .rubric = test_rubric(), .roster = roster });
	if (roster)
		sy_roster_check_batch(roster, &b);
	sy_batch_order(&b, order, test_rubric());
	if (fmt == SY_FMT_YAML)
		sy_check_write_yaml(f, &b, test_rubric());
	else if (fmt == SY_FMT_CSV)
		sy_check_write_csv(f, &b, test_rubric());
	else
		sy_check_write_text(f, &b, test_rubric(), true);
	*status = sy_check_exit_status(&b, test_rubric());
	sy_batch_free(&b);
	fclose(f);
	return out;
}

static char *stream_check(enum sy_check_format fmt, enum sy_order order, const struct sy_roster *roster, int jobs,
			  bool in_memory, int *status)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	FILE *err = fopen("/dev/null", "w");
	FILE *saved = stderr;
	stderr = err; /* the unreadable files are told there */
	struct sy_check_run run = { folders, nfolders, test_rubric(), roster, fmt, order, jobs, true, in_memory, f, NULL };
	*status = sy_check_stream(&run);
	stderr = saved;
	fclose(err);
	fclose(f);
	return out;
}

static void load_roster(struct sy_roster *r)
{
	static const char yaml[] = "units:\n"
				   "  - name: 石门镇人民政府\n    aliases: [石门镇]\n"
				   "  - name: 鲁山县张良镇人民政府\n    aliases: [张良镇]\n"
				   "  - name: 鲁山县汇源街道办事处\n    aliases: [汇源街道]\n";
	char err[256];
	assert_int_equal(sy_roster_load_string(r, "t.yaml", yaml, strlen(yaml), true, err, sizeof err), 0);
}

static void test_stream_writes_what_the_batch_writers_write(void **state)
{
	struct sy_roster roster = {0};
	load_roster(&roster);
	static const enum sy_check_format fmts[] = { SY_FMT_YAML, SY_FMT_TEXT, SY_FMT_CSV };
	static const enum sy_order orders[] = { SY_ORDER_PATH, SY_ORDER_UNIT, SY_ORDER_SCORE };
	bool saw_duplicate = false, saw_tell = false, saw_last_year = false;
	for (size_t f = 0; f < 3; f++)
		for (size_t o = 0; o < 3; o++)
			for (int with_roster = 0; with_roster < (o == 0 && f == 0 ? 2 : 1); with_roster++) {
				const struct sy_roster *r = with_roster ? &roster : NULL;
				int want_status, got_status;
				char *want = batch_check(fmts[f], orders[o], r, &want_status);
				/* yaml every way; the other formats share its reading, one way each */
				static const int jobs[] = { 3, 1 };
				size_t ways = fmts[f] == SY_FMT_YAML ? 2 : 1;
				for (size_t j = 0; j < ways; j++) {
					char *got = stream_check(fmts[f], orders[o], r, jobs[j], j == 1, &got_status);
					if (strcmp(want, got))
						fail_msg("format %d order %d roster %d jobs %d: the outputs differ", (int)fmts[f],
							 (int)orders[o], with_roster, jobs[j]);
					assert_int_equal(want_status, got_status);
					free(got);
				}
				saw_duplicate |= strstr(want, "duplicate") != NULL;
				saw_tell |= strstr(want, "other-unit") != NULL;
				saw_last_year |= strstr(want, "same-as-last-year") != NULL;
				free(want);
			}
	if (nfolders > 5) {                 /* the seeds and their variants are there */
		assert_true(saw_duplicate); /* the cross-check had something to say */
		assert_true(saw_tell);      /* and the roster */
		assert_true(saw_last_year); /* and the comparisons */
	} else {
		fprintf(stderr, "check_stream_test: no seeds ($SHENYUE_SEEDS): the duplicate, other-unit and "
				"last-year cases were not exercised\n");
	}
	sy_roster_free(&roster);
}

static void test_packed_report_comes_back_whole(void **state)
{
	struct sy_batch b = {0};
	sy_batch_expand(&b, folders, nfolders);
	sy_batch_load_all(&b, test_rubric());
	struct sy_buf rec = {0};
	for (size_t i = 0; i < b.n; i++) {
		rec.len = 0;
		sy_report_pack(&b.r[i], &rec);
		struct sy_report back;
		assert_int_equal(sy_report_unpack(&back, rec.data, rec.len), 0);
		char *a = NULL, *c = NULL;
		size_t al, cl;
		FILE *fa = open_memstream(&a, &al), *fc = open_memstream(&c, &cl);
		sy_check_yaml_report(fa, &b.r[i], test_rubric());
		sy_check_yaml_report(fc, &back, test_rubric());
		fclose(fa);
		fclose(fc);
		assert_string_equal(a, c);
		assert_int_equal(back.doc.hash, b.r[i].doc.hash);
		assert_int_equal(back.outline.date_line, b.r[i].outline.date_line);
		free(a);
		free(c);
		/* a record cut short is refused, never half read */
		struct sy_report cut;
		assert_int_equal(sy_report_unpack(&cut, rec.data, rec.len - 1), -1);
		/* findings alone, added after those a score has */
		rec.len = 0;
		sy_findings_pack(b.r[i].score.f, b.r[i].score.nf, &rec);
		size_t had = back.score.nf;
		assert_int_equal(sy_findings_unpack(&back.score, rec.data, rec.len), 0);
		assert_int_equal(back.score.nf, had + b.r[i].score.nf);
		for (size_t k = 0; k < b.r[i].score.nf; k++) {
			assert_string_equal(back.score.f[had + k].id, b.r[i].score.f[k].id);
			assert_string_equal(back.score.f[had + k].message, b.r[i].score.f[k].message);
			assert_int_equal(back.score.f[had + k].nargs, b.r[i].score.f[k].nargs);
		}
		assert_int_equal(sy_findings_unpack(&back.score, rec.data, rec.len - 1), -1);
		assert_int_equal(back.score.nf, had + b.r[i].score.nf);
		sy_report_free(&back);
	}
	sy_buf_free(&rec);
	sy_batch_free(&b);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream_writes_what_the_batch_writers_write),
		cmocka_unit_test(test_packed_report_comes_back_whole),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
