/* The reviewer wins: effective statuses, score with overrides, partial
 * credit and deductions, completeness, and "needs re-review". */
#include "config.h"

#include "../test_common.h"
#include "shenyue/builtin.h"
#include "shenyue/effective.h"
#include "shenyue/xalloc.h"

#define TITLE "青禾县云溪镇关于2024年法治政府建设情况的报告\n"
#define PREAMBLE "2024年，云溪镇扎实推进法治政府建设。现将有关情况报告如下：\n"
#define MEASURES "一、2024年推进法治政府建设的主要举措和成效\n全年开展普法活动12场，办理行政复议案件5件。\n"
#define DEBRIS "[bookmark: _GoBack]\n"
#define DUTY "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记带头讲法治课3次，专题研究法治工作4次。\n"
#define SHORT "三、存在的不足和原因\n一是执法人员不足。究其原因，编制少、培训少。\n"
#define SHORT_NO_CAUSES "三、存在的不足\n一是执法人员不足，二是培训次数少。\n"
#define PLAN "四、2025年推进法治政府建设的主要安排\n一是加强培训，二是完善制度。\n"
#define DATE "青禾县云溪镇人民政府\n2025年1月15日\n"

static const char *const COMPLETE = TITLE PREAMBLE MEASURES DUTY SHORT PLAN DATE;
static const char *const NO_DUTY = TITLE PREAMBLE MEASURES SHORT PLAN DATE;
static const char *const NO_CAUSES = TITLE PREAMBLE MEASURES DEBRIS DEBRIS DEBRIS DUTY SHORT_NO_CAUSES PLAN DATE;

static size_t part(const char *id)
{
	int p = sy_rubric_part_index(test_rubric(), id);
	assert_true(p >= 0);
	return (size_t)p;
}

/* The default rubric with its "deductions: {}" replaced by text. */
static int rubric_with(struct sy_rubric *r, const char *deductions, char *err, size_t errlen)
{
	const struct sy_builtin *b = sy_builtin_find("rubrics/default.yaml");
	assert_non_null(b);
	char *yaml = xstrndup(b->data, b->len);
	char *at = strstr(yaml, "\ndeductions: {}\n");
	assert_non_null(at);
	*at = '\0';
	char *text = xasprintf("%s\n%s\n%s", yaml, deductions, at + strlen("\ndeductions: {}\n"));
	int rc = sy_rubric_load_string(r, "county.yaml", text, strlen(text), err, errlen);
	free(text);
	free(yaml);
	return rc;
}

static void override(struct sy_review *rv, const char *id, enum sy_status st, const char *reason)
{
	char *key = sy_key_override(id);
	sy_review_put(rv, key, sy_status_name(st), reason, "张三", "2025-02-01T00:00:00Z");
	free(key);
}

/* Without a review, what counts is what was detected. */
static void test_no_review_is_detection(void **state)
{
	(void)state;
	struct sy_report a, b;
	test_report(&a, COMPLETE);
	test_report(&b, NO_DUTY);
	assert_int_equal(sy_effective_score(&a, NULL, test_rubric()), a.score.score);
	assert_int_equal(sy_effective_score(&b, NULL, test_rubric()), 75);
	assert_false(sy_effective_incomplete(&a, NULL, test_rubric()));
	assert_true(sy_effective_incomplete(&b, NULL, test_rubric()));
	assert_int_equal(sy_effective_worst(&b, NULL, test_rubric()), SY_MISSING);
	struct sy_review empty = {0};
	sy_review_init(&empty, "test.txt");
	assert_int_equal(sy_effective_score(&b, &empty, test_rubric()), 75);
	assert_int_equal(sy_effective_state(&b, &empty), SY_REVIEW_OPEN);
	sy_review_free(&empty);
	sy_report_free(&a);
	sy_report_free(&b);
}

/* ✓→~: the score takes partial credit, the report becomes incomplete, and
 * the detected status stays visible beside the reviewer's. */
static void test_override_down(void **state)
{
	(void)state;
	struct sy_report rep;
	struct sy_review rv = {0};
	test_report(&rep, COMPLETE);
	sy_review_init(&rv, "test.txt");
	assert_int_equal(rep.score.score, 100);
	override(&rv, "duty", SY_PARTIAL, "只有一句话");
	assert_int_equal(sy_effective_score(&rep, &rv, test_rubric()), 88); /* 100 - 25 * 0.5, rounded */
	assert_true(sy_effective_incomplete(&rep, &rv, test_rubric()));
	bool ov = false;
	assert_int_equal(sy_effective_status(&rep, &rv, test_rubric(), part("duty"), &ov), SY_PARTIAL);
	assert_true(ov);
	assert_int_equal(sy_effective_status(&rep, &rv, test_rubric(), part("plan"), &ov), SY_PRESENT);
	assert_false(ov);
	struct sy_effective e;
	sy_effective_of(&e, &rep, &rv, test_rubric());
	assert_int_equal(e.score, 88);
	assert_int_equal(e.detected_score, 100);
	assert_true(e.incomplete);
	assert_false(e.detected_incomplete);
	assert_int_equal(e.worst, SY_PARTIAL);
	assert_int_equal(e.detected_worst, SY_PRESENT);
	assert_int_equal(e.parts[part("duty")].detected, SY_PRESENT);
	assert_int_equal(e.parts[part("duty")].status, SY_PARTIAL);
	assert_string_equal(e.parts[part("duty")].reason, "只有一句话");
	sy_effective_free(&e);
	/* to missing: no credit at all */
	override(&rv, "duty", SY_MISSING, NULL);
	assert_int_equal(sy_effective_score(&rep, &rv, test_rubric()), 75);
	assert_int_equal(sy_effective_worst(&rep, &rv, test_rubric()), SY_MISSING);
	sy_review_free(&rv);
	sy_report_free(&rep);
}

/* ✗→✓: a part the scorer missed but the reviewer found counts in full. */
static void test_override_up(void **state)
{
	(void)state;
	struct sy_report rep;
	struct sy_review rv = {0};
	test_report(&rep, NO_DUTY);
	sy_review_init(&rv, "test.txt");
	override(&rv, "duty", SY_PRESENT, "写在第一部分里");
	assert_int_equal(sy_effective_score(&rep, &rv, test_rubric()), 100);
	assert_false(sy_effective_incomplete(&rep, &rv, test_rubric()));
	/* an optional part does not make a report incomplete, but earns nothing */
	override(&rv, "other", SY_MISSING, NULL);
	assert_false(sy_effective_incomplete(&rep, &rv, test_rubric()));
	/* a partial-credit rubric of 0 gives a partial part nothing */
	struct sy_rubric r = *test_rubric();
	r.partial_credit = 0;
	override(&rv, "duty", SY_PARTIAL, NULL);
	assert_int_equal(sy_effective_score(&rep, &rv, &r), 75);
	sy_review_free(&rv);
	sy_report_free(&rep);
}

/* 扣分: per occurrence, capped, never below 0; a finding on a part the
 * reviewer marked present costs nothing. */
static void test_deductions(void **state)
{
	(void)state;
	struct sy_rubric r;
	char err[512];
	if (rubric_with(&r, "deductions:\n  causes-missing: 5\n  debris: {points: 2, max: 3}\n", err, sizeof err))
		fail_msg("%s", err);
	assert_int_equal(r.ndeductions, 2);
	assert_int_equal(sy_rubric_deduction(&r, "debris")->max, 3);
	assert_null(sy_rubric_deduction(&r, "thin-part"));
	struct sy_report rep;
	test_report(&rep, NO_CAUSES);
	assert_int_equal(test_count_findings(&rep, "causes-missing"), 1);
	assert_int_equal(test_count_findings(&rep, "debris"), 3);
	/* the default rubric deducts nothing: scores do not change */
	assert_int_equal(sy_effective_deductions(&rep, NULL, test_rubric()), 0);
	assert_int_equal(sy_effective_score(&rep, NULL, test_rubric()), rep.score.score);
	assert_int_equal(rep.score.score, 88);
	/* 5 for the causes, 3 debris at 2 each capped at 3 */
	assert_int_equal(sy_effective_deductions(&rep, NULL, &r), 8);
	assert_int_equal(sy_effective_score(&rep, NULL, &r), 80);
	struct sy_review rv = {0};
	sy_review_init(&rv, "test.txt");
	override(&rv, "shortfalls", SY_PRESENT, "原因写在第二段");
	assert_int_equal(sy_effective_deductions(&rep, &rv, &r), 3);
	assert_int_equal(sy_effective_score(&rep, &rv, &r), 97);
	struct sy_effective e;
	sy_effective_of(&e, &rep, &rv, &r);
	assert_int_equal(e.score, 97);
	assert_int_equal(e.deducted, 3);
	assert_int_equal(e.detected_score, 80);
	assert_int_equal(e.nwarnings, sy_effective_count(&rep, SY_SEV_WARNING));
	assert_true(e.nwarnings >= 4);
	/* the causes-missing warning is overruled by the reviewer's ✓: the ! count drops by one */
	assert_int_equal(sy_effective_warnings(&rep, NULL), e.nwarnings + e.nerrors);
	assert_int_equal(sy_effective_warnings(&rep, &rv), e.nwarnings + e.nerrors - 1);
	sy_effective_free(&e);
	sy_rubric_free(&r);
	/* never below 0 */
	if (rubric_with(&r, "deductions: {debris: 100}", err, sizeof err))
		fail_msg("%s", err);
	assert_int_equal(sy_effective_score(&rep, NULL, &r), 0);
	sy_rubric_free(&r);
	sy_review_free(&rv);
	sy_report_free(&rep);
}

/* A broken deductions table names the place. */
static void test_deductions_rejected(void **state)
{
	(void)state;
	static const struct {
		const char *yaml, *where;
	} bad[] = {
		{"deductions: [debris]", "'deductions' must be a mapping"},
		{"deductions: {Debris: 1}", "is not a finding id"},
		{"deductions: {debris: 101}", "points from 0 to 100"},
		{"deductions: {debris: many}", "points from 0 to 100"},
		{"deductions: {debris: {points: 1, most: 2}}", "most"},
		{"deductions: {debris: 1, debris: 2}", "duplicate deduction"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct sy_rubric r;
		char err[512] = "";
		assert_int_equal(rubric_with(&r, bad[i].yaml, err, sizeof err), -1);
		if (!strstr(err, "county.yaml:") || !strstr(err, bad[i].where))
			fail_msg("%s: %s", bad[i].yaml, err);
	}
}

/* A resubmitted report needs a new verdict before it counts as reviewed. */
static void test_review_state(void **state)
{
	(void)state;
	struct sy_report rep;
	struct sy_review rv = {0};
	test_report(&rep, COMPLETE);
	sy_review_init(&rv, "test.txt");
	assert_int_equal(sy_effective_state(&rep, NULL), SY_REVIEW_OPEN);
	char hash[32];
	sy_hash_format(rep.doc.hash, hash, sizeof hash);
	sy_review_put(&rv, SY_KEY_SEEN, hash, NULL, "张三", "2025-02-01T00:00:00Z");
	assert_int_equal(sy_effective_state(&rep, &rv), SY_REVIEW_OPEN);
	sy_review_put(&rv, SY_KEY_VERDICT, "accept", NULL, "张三", "2025-02-01T00:00:00Z");
	assert_int_equal(sy_effective_state(&rep, &rv), SY_REVIEW_DONE);
	sy_hash_format(rep.doc.hash ^ 1, hash, sizeof hash);
	sy_review_put(&rv, SY_KEY_SEEN, hash, NULL, "张三", "2025-02-01T00:00:00Z");
	assert_int_equal(sy_effective_state(&rep, &rv), SY_REVIEW_AGAIN);
	struct sy_effective e;
	sy_effective_of(&e, &rep, &rv, test_rubric());
	assert_int_equal(e.state, SY_REVIEW_AGAIN);
	sy_effective_free(&e);
	sy_review_free(&rv);
	sy_report_free(&rep);
}

/* An unreadable report has no score and is incomplete whatever is overridden;
 * one not loaded yet is neither. */
static void test_unreadable_and_unloaded(void **state)
{
	(void)state;
	struct sy_report rep = {0};
	rep.loaded = true;
	rep.error = xstrdup("cannot read");
	struct sy_review rv = {0};
	sy_review_init(&rv, "x.txt");
	override(&rv, "duty", SY_PRESENT, NULL);
	assert_int_equal(sy_effective_score(&rep, &rv, test_rubric()), -1);
	assert_true(sy_effective_incomplete(&rep, &rv, test_rubric()));
	assert_int_equal(sy_effective_worst(&rep, &rv, test_rubric()), SY_MISSING);
	struct sy_effective e;
	sy_effective_of(&e, &rep, &rv, test_rubric());
	assert_int_equal(e.score, -1);
	assert_true(e.incomplete);
	sy_effective_free(&e);
	rep.loaded = false;
	assert_false(sy_effective_incomplete(&rep, &rv, test_rubric()));
	assert_int_equal(sy_effective_score(&rep, &rv, test_rubric()), -1);
	sy_review_free(&rv);
	free(rep.error);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_review_is_detection),
		cmocka_unit_test(test_override_down),
		cmocka_unit_test(test_override_up),
		cmocka_unit_test(test_deductions),
		cmocka_unit_test(test_deductions_rejected),
		cmocka_unit_test(test_review_state),
		cmocka_unit_test(test_unreadable_and_unloaded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
