/* The fixture reports of tests/fixtures/shapes score as their expected.yaml
 * records: each part's status and line, the findings a supervisor would
 * flag (numbering faults exactly), nothing that should not be there, and
 * which statuses rest on weak evidence (uncertain).
 * Every disagreement is listed before the test fails, with a count of the
 * part statuses that agree. */
#include "config.h"

#include "../test_common.h"
#include "shenyue/fileio.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

static char dir[1024];

struct tally {
	int parts, parts_ok, problems;
};

static void problem(struct tally *t, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void problem(struct tally *t, const char *file, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("  %s: ", file);
	vprintf(fmt, ap);
	putchar('\n');
	va_end(ap);
	t->problems++;
}

static const char *scalar_of(struct sy_yaml *y, yaml_node_t *n, const char *key)
{
	yaml_node_t *v = sy_yaml_get(y, n, key);
	return v ? sy_yaml_scalar(v) : NULL;
}

static void check_parts(struct tally *t, const char *file, const struct sy_report *rep, struct sy_yaml *y,
			yaml_node_t *parts)
{
	const struct sy_rubric *r = test_rubric();
	for (size_t i = 0; i < r->nparts; i++) {
		yaml_node_t *p = sy_yaml_get(y, parts, r->parts[i].id);
		if (!p)
			continue;
		const char *want = scalar_of(y, p, "status");
		long line = atol(scalar_of(y, p, "line"));
		const struct sy_part_result *got = &rep->score.parts[i];
		t->parts++;
		if (!strcmp(sy_status_name(got->status), want) && got->line == line)
			t->parts_ok++;
		else
			problem(t, file, "%s is %s at line %ld, expected %s at line %ld", r->parts[i].id,
				sy_status_name(got->status), got->line, want, line);
	}
}

static bool has_finding(const struct sy_report *rep, const char *id, long line, const char *says)
{
	for (size_t i = 0; i < rep->score.nf; i++) {
		const struct sy_finding *f = &rep->score.f[i];
		if (!strcmp(f->id, id) && f->line == line && (!says || strstr(f->message, says)))
			return true;
	}
	return false;
}

static bool listed(struct sy_yaml *y, yaml_node_t *list, const char *id, long line)
{
	for (size_t k = 0; list && k < sy_yaml_len(list); k++) {
		yaml_node_t *e = sy_yaml_item(y, list, k);
		if (!strcmp(scalar_of(y, e, "id"), id) && atol(scalar_of(y, e, "line")) == line)
			return true;
	}
	return false;
}

static void check_findings(struct tally *t, const char *file, const struct sy_report *rep, struct sy_yaml *y,
			   yaml_node_t *e)
{
	yaml_node_t *want = sy_yaml_get(y, e, "findings");
	for (size_t k = 0; want && k < sy_yaml_len(want); k++) {
		yaml_node_t *w = sy_yaml_item(y, want, k);
		const char *id = scalar_of(y, w, "id");
		long line = atol(scalar_of(y, w, "line"));
		const char *says = scalar_of(y, w, "says");
		if (!has_finding(rep, id, line, says))
			problem(t, file, "no %s finding at line %ld%s%s", id, line, says ? " saying " : "",
				says ? says : "");
	}
	for (size_t i = 0; i < rep->score.nf; i++) {
		const struct sy_finding *f = &rep->score.f[i];
		if (!strncmp(f->id, "numbering-", 10) && !listed(y, want, f->id, f->line))
			problem(t, file, "unexpected %s at line %ld: %s", f->id, f->line, f->message);
	}
	yaml_node_t *absent = sy_yaml_get(y, e, "absent");
	for (size_t k = 0; absent && k < sy_yaml_len(absent); k++) {
		const char *id = sy_yaml_scalar(sy_yaml_item(y, absent, k));
		for (size_t i = 0; i < rep->score.nf; i++)
			if (!strcmp(rep->score.f[i].id, id))
				problem(t, file, "%s at line %ld should not be there: %s", id, rep->score.f[i].line,
					rep->score.f[i].message);
	}
}

static bool named_in(struct sy_yaml *y, yaml_node_t *list, const char *id)
{
	for (size_t k = 0; list && k < sy_yaml_len(list); k++)
		if (!strcmp(sy_yaml_scalar(sy_yaml_item(y, list, k)), id))
			return true;
	return false;
}

/* The parts listed as uncertain are marked so; no other part is. */
static void check_uncertain(struct tally *t, const char *file, const struct sy_report *rep, struct sy_yaml *y,
			    yaml_node_t *e)
{
	yaml_node_t *want = sy_yaml_get(y, e, "uncertain");
	const struct sy_rubric *r = test_rubric();
	for (size_t i = 0; i < r->nparts; i++) {
		bool listed = named_in(y, want, r->parts[i].id);
		bool got = sy_evidence_uncertain(&rep->score.parts[i].ev);
		if (listed != got)
			problem(t, file, "%s is %s, expected %s", r->parts[i].id, got ? "uncertain" : "certain",
				listed ? "uncertain" : "certain");
	}
}

static void check_report(struct tally *t, struct sy_yaml *y, yaml_node_t *e)
{
	const char *file = scalar_of(y, e, "file");
	char path[1400];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	struct sy_report rep = {0};
	if (sy_report_load(&rep, path, test_rubric()) != 0) {
		problem(t, file, "cannot be read: %s", rep.error);
		sy_report_free(&rep);
		return;
	}
	const char *unit = scalar_of(y, e, "unit");
	if (unit && (!rep.outline.unit || strcmp(unit, rep.outline.unit)))
		problem(t, file, "unit is %s, expected %s", rep.outline.unit ? rep.outline.unit : "(none)", unit);
	const char *year = scalar_of(y, e, "year");
	if (year && rep.outline.year != atoi(year))
		problem(t, file, "year is %d, expected %s", rep.outline.year, year);
	check_parts(t, file, &rep, y, sy_yaml_get(y, e, "parts"));
	check_findings(t, file, &rep, y, e);
	check_uncertain(t, file, &rep, y, e);
	sy_report_free(&rep);
}

static void test_shapes_agree_with_expected(void **state)
{
	(void)state;
	char path[1200];
	snprintf(path, sizeof path, "%s/expected.yaml", dir);
	char *text;
	size_t len;
	assert_int_equal(sy_file_read(path, 0, &text, &len, NULL), SY_READ_OK);
	struct sy_yaml y;
	char err[512];
	if (sy_yaml_parse(&y, path, text, len, err, sizeof err))
		fail_msg("%s", err);
	yaml_node_t *reports = sy_yaml_get(&y, sy_yaml_root(&y), "reports");
	assert_true(sy_yaml_len(reports) >= 30);
	struct tally t = {0};
	for (size_t k = 0; k < sy_yaml_len(reports); k++)
		check_report(&t, &y, sy_yaml_item(&y, reports, k));
	printf("shapes: %zu reports, %d of %d part statuses agree, %d problems\n", sy_yaml_len(reports),
	       t.parts_ok, t.parts, t.problems);
	sy_yaml_free(&y);
	free(text);
	assert_int_equal(t.problems, 0);
}

int main(void)
{
	test_setup_locale();
	const char *src = getenv("SRCDIR");
	snprintf(dir, sizeof dir, "%s/tests/fixtures/shapes", src ? src : "..");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shapes_agree_with_expected),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
