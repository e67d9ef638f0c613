/* The judged text (judged.h): kept when a verdict is given, read back, and
 * compared part by part with a resubmission (the fixture
 * tests/fixtures/compare/resubmit: 汇源街道 with only its plan rewritten). */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "../test_common.h"
#include "shenyue/desk.h"
#include "shenyue/fileio.h"
#include "shenyue/judged.h"

static char *fixture_path(const char *which)
{
	const char *src = getenv("SRCDIR");
	char *p = NULL;
	assert_true(asprintf(&p, "%s/tests/fixtures/compare/resubmit/%s/汇源街道.txt", src ? src : ".", which) > 0);
	return p;
}

static void load(struct sy_report *rep, const char *path)
{
	memset(rep, 0, sizeof *rep);
	assert_int_equal(sy_report_load(rep, path, test_rubric()), 0);
}

static char *temp_dir(void)
{
	char *t = strdup("/tmp/judged_test.XXXXXX");
	assert_non_null(mkdtemp(t));
	return t;
}

static void remove_tree(const char *dir)
{
	char *cmd = NULL;
	assert_true(asprintf(&cmd, "rm -rf '%s'", dir) > 0);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void test_kept_and_read_back(void **state)
{
	(void)state;
	char *v1 = fixture_path("v1"), *dir = temp_dir(), *path = NULL;
	assert_true(asprintf(&path, "%s/x.judged", dir) > 0);
	struct sy_report rep;
	load(&rep, v1);
	char err[512];
	assert_int_equal(sy_judged_save(&rep, test_rubric(), SY_VERDICT_RETURN, path, err, sizeof err), 0);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_true((size_t)sb.st_size < rep.doc.nbytes); /* compressed */
	struct sy_judged j;
	assert_int_equal(sy_judged_load(&j, path, err, sizeof err), 0);
	assert_int_equal(j.hash, rep.doc.hash);
	assert_string_equal(j.verdict, "return");
	assert_int_equal(j.nlines, rep.doc.nlines);
	for (size_t i = 0; i < j.nlines; i++)
		assert_string_equal(j.lines[i], rep.doc.lines[i].text);
	const struct sy_judged_part *p = sy_judged_part(&j, "plan");
	assert_non_null(p);
	assert_int_equal(p->status, SY_PRESENT);
	assert_int_equal(p->heading, rep.outline.h[rep.score.parts[sy_rubric_part_index(test_rubric(), "plan")].heading].line);
	sy_judged_free(&j);
	sy_report_free(&rep);
	remove_tree(dir);
	free(v1);
	free(dir);
	free(path);
}

static void test_nothing_kept_and_damaged(void **state)
{
	(void)state;
	char *dir = temp_dir(), *path = NULL, err[512];
	assert_true(asprintf(&path, "%s/x.judged", dir) > 0);
	struct sy_judged j;
	assert_int_equal(sy_judged_load(&j, path, err, sizeof err), 1);
	const char junk[] = "shenyue-judged 1 100\nnot zlib at all";
	assert_int_equal(sy_file_write(path, junk, sizeof junk - 1, SY_WRITE_REPLACE, NULL, err, sizeof err), SY_WRITE_OK);
	assert_int_equal(sy_judged_load(&j, path, err, sizeof err), -1);
	assert_non_null(strstr(err, "x.judged"));
	remove_tree(dir);
	free(dir);
	free(path);
}

static void test_long_names_fit(void **state)
{
	(void)state;
	char name[400];
	memset(name, 'a', sizeof name);
	strcpy(name + 250, ".txt");
	char *p = sy_judged_path(name, NULL);
	const char *base = strrchr(p, '/') + 1;
	assert_true(strlen(base) <= 255);
	assert_non_null(strstr(base, ".judged"));
	free(p);
}

/* The diff of the resubmission: the plan only. */
static void test_diff_shows_the_changed_part(void **state)
{
	(void)state;
	char *v1 = fixture_path("v1"), *v2 = fixture_path("v2"), *dir = temp_dir(), *path = NULL, err[512];
	assert_true(asprintf(&path, "%s/x.judged", dir) > 0);
	struct sy_report a, b;
	load(&a, v1);
	load(&b, v2);
	assert_int_equal(sy_judged_save(&a, test_rubric(), SY_VERDICT_RETURN, path, err, sizeof err), 0);
	struct sy_judged j;
	assert_int_equal(sy_judged_load(&j, path, err, sizeof err), 0);
	struct sy_report_diff d;
	sy_judged_diff(&d, &j, &b, test_rubric());
	assert_int_equal(d.n, test_rubric()->nparts + 1);
	assert_int_equal(d.nchanged, 1);
	int plan = sy_rubric_part_index(test_rubric(), "plan");
	assert_true(d.p[plan].changed);
	size_t added = 0, deleted = 0;
	for (size_t k = 0; k < d.p[plan].nd; k++) {
		added += d.p[plan].d[k].op == SY_DIFF_ADDED;
		deleted += d.p[plan].d[k].op == SY_DIFF_DELETED;
	}
	assert_true(added >= 3 && deleted >= 4);
	/* against itself: nothing changed */
	sy_report_diff_free(&d);
	sy_judged_diff(&d, &j, &a, test_rubric());
	assert_int_equal(d.nchanged, 0);
	sy_report_diff_free(&d);
	sy_judged_free(&j);
	sy_report_free(&a);
	sy_report_free(&b);
	remove_tree(dir);
	free(v1);
	free(v2);
	free(dir);
	free(path);
}

/* The desk keeps the text with the verdict; the old one is replaced by the next. */
static void test_desk_keeps_it_with_the_verdict(void **state)
{
	(void)state;
	char *v1 = fixture_path("v1"), *dir = temp_dir(), *rp = NULL;
	assert_true(asprintf(&rp, "%s/汇源街道.txt", dir) > 0);
	char *cmd = NULL;
	assert_true(asprintf(&cmd, "cp '%s' '%s'", v1, rp) > 0);
	assert_int_equal(system(cmd), 0);
	struct sy_batch b = {0};
	sy_batch_expand(&b, &rp, 1);
	struct sy_desk d;
	sy_desk_open(&d, &b, test_rubric(), NULL, "tester");
	assert_null(sy_desk_judged(&d, 0));
	assert_int_equal(sy_desk_set_verdict(&d, 0, SY_VERDICT_RETURN, NULL), SY_DESK_OK);
	const struct sy_judged *j = sy_desk_judged(&d, 0);
	assert_non_null(j);
	assert_string_equal(j->verdict, "return");
	assert_int_equal(j->hash, b.r[0].doc.hash);
	assert_int_equal(sy_desk_set_verdict(&d, 0, SY_VERDICT_PENDING, NULL), SY_DESK_OK);
	assert_string_equal(sy_desk_judged(&d, 0)->verdict, "pending");
	sy_desk_close(&d);
	sy_batch_free(&b);
	remove_tree(dir);
	free(cmd);
	free(v1);
	free(dir);
	free(rp);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept_and_read_back),
		cmocka_unit_test(test_nothing_kept_and_damaged),
		cmocka_unit_test(test_long_names_fit),
		cmocka_unit_test(test_diff_shows_the_changed_part),
		cmocka_unit_test(test_desk_keeps_it_with_the_verdict),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
