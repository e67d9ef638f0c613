/* The review model in memory: items, keys, getters and the three-way merge. */
#include "config.h"

#include "../test_common.h"
#include "shenyue/review.h"
#include "shenyue/score.h"

static const struct sy_note_target NOTE_REPORT = {.on = SY_NOTE_REPORT};
static const struct sy_note_target NOTE_DUTY = {.on = SY_NOTE_PART, .part = "duty"};

static void test_put_get_remove(void **state)
{
	(void)state;
	struct sy_review rv = {0};
	sy_review_init(&rv, "报告.txt");
	sy_review_put(&rv, "verdict", "return", NULL, "张三", "2026-01-01T00:00:00Z");
	sy_review_put(&rv, "note/report", "请补充第一责任人履职情况。", NULL, NULL, NULL);
	sy_review_put(&rv, "override/duty", "missing", "只有一句话", NULL, NULL);
	assert_int_equal(rv.nitems, 3);
	/* kept sorted by key */
	assert_string_equal(rv.items[0].key, "note/report");
	assert_string_equal(rv.items[2].key, "verdict");
	assert_int_equal(sy_review_verdict(&rv), SY_VERDICT_RETURN);
	assert_string_equal(sy_review_note(&rv, &NOTE_REPORT), "请补充第一责任人履职情况。");
	const char *reason;
	assert_int_equal(sy_review_override(&rv, "duty", &reason), SY_MISSING);
	assert_string_equal(reason, "只有一句话");
	assert_int_equal(sy_review_override(&rv, "plan", NULL), -1);
	assert_true(sy_review_has_notes(&rv));
	sy_review_put(&rv, "note/report", "", NULL, NULL, NULL); /* empty removes */
	assert_null(sy_review_note(&rv, &NOTE_REPORT));
	assert_false(sy_review_has_notes(&rv));
	assert_int_equal(rv.nitems, 2);
	sy_review_free(&rv);
}

static void test_note_keys(void **state)
{
	(void)state;
	struct sy_note_target f = {.on = SY_NOTE_FINDING, .finding = "thin-part", .line = 12};
	char *k = sy_key_note(&f);
	assert_string_equal(k, "note/finding/thin-part/12");
	enum sy_note_on on;
	char *part, *finding;
	long line;
	assert_int_equal(sy_key_note_parse(k, &on, &part, &finding, &line), 0);
	assert_int_equal(on, SY_NOTE_FINDING);
	assert_null(part);
	assert_string_equal(finding, "thin-part");
	assert_int_equal(line, 12);
	free(finding);
	free(k);
	k = sy_key_note(&NOTE_DUTY);
	assert_int_equal(sy_key_note_parse(k, &on, &part, &finding, &line), 0);
	assert_int_equal(on, SY_NOTE_PART);
	assert_string_equal(part, "duty");
	free(part);
	free(k);
	assert_int_equal(sy_key_note_parse("verdict", &on, &part, &finding, &line), -1);
	assert_int_equal(sy_key_note_parse("note/finding/x/abc", &on, &part, &finding, &line), -1);
}

static void test_verdict_names(void **state)
{
	(void)state;
	assert_string_equal(sy_verdict_label(SY_VERDICT_ACCEPT), "通过");
	assert_string_equal(sy_verdict_label(SY_VERDICT_RETURN), "退回修改");
	assert_string_equal(sy_verdict_label(SY_VERDICT_PENDING), "待定");
	assert_int_equal(sy_verdict_parse("退回修改"), SY_VERDICT_RETURN);
	assert_int_equal(sy_verdict_parse("pending"), SY_VERDICT_PENDING);
	assert_int_equal(sy_verdict_parse("maybe"), -1);
}

static void test_hash_changed(void **state)
{
	(void)state;
	char buf[32];
	uint64_t h;
	sy_hash_format(0x0123456789abcdefULL, buf, sizeof buf);
	assert_string_equal(buf, "fnv1a64:0123456789abcdef");
	assert_int_equal(sy_hash_parse(buf, &h), 0);
	assert_true(h == 0x0123456789abcdefULL);
	assert_int_equal(sy_hash_parse("md5:00", &h), -1);
	struct sy_review rv = {0};
	sy_review_init(&rv, "a.txt");
	assert_false(sy_review_changed(&rv, 42)); /* never reviewed: not "changed" */
	sy_review_put(&rv, SY_KEY_SEEN, buf, NULL, NULL, NULL);
	assert_false(sy_review_changed(&rv, 0x0123456789abcdefULL));
	assert_true(sy_review_changed(&rv, 0x0123456789abcdeeULL));
	sy_review_free(&rv);
}

/* base has a report note; each side changes something else. */
static void test_merge_disjoint(void **state)
{
	(void)state;
	struct sy_review base = {0}, mine = {0}, theirs = {0};
	sy_review_init(&base, "a.txt");
	sy_review_put(&base, "note/report", "原意见", NULL, NULL, NULL);
	sy_review_copy(&mine, &base);
	sy_review_copy(&theirs, &base);
	sy_review_put(&mine, "note/part/duty", "缺少第一责任人职责", NULL, NULL, NULL);
	sy_review_put(&theirs, "verdict", "return", NULL, "李四", NULL);
	sy_review_put(&theirs, "note/report", "改过的总体意见", NULL, NULL, NULL);
	assert_int_equal(sy_review_merge(&mine, &base, &theirs), 0);
	assert_string_equal(sy_review_note(&mine, &NOTE_DUTY), "缺少第一责任人职责");
	assert_string_equal(sy_review_note(&mine, &NOTE_REPORT), "改过的总体意见");
	assert_int_equal(sy_review_verdict(&mine), SY_VERDICT_RETURN);
	assert_int_equal(sy_review_nconflicts(&mine), 0);
	sy_review_free(&base);
	sy_review_free(&mine);
	sy_review_free(&theirs);
}

/* Both sides rewrite the same note: mine stays, theirs becomes a conflict. */
static void test_merge_conflict(void **state)
{
	(void)state;
	struct sy_review base = {0}, mine = {0}, theirs = {0};
	sy_review_init(&base, "a.txt");
	sy_review_put(&base, "note/report", "原意见", NULL, NULL, NULL);
	sy_review_copy(&mine, &base);
	sy_review_copy(&theirs, &base);
	sy_review_put(&mine, "note/report", "我的意见", NULL, "张三", NULL);
	sy_review_put(&theirs, "note/report", "他的意见", NULL, "李四", NULL);
	assert_int_equal(sy_review_merge(&mine, &base, &theirs), 1);
	assert_string_equal(sy_review_note(&mine, &NOTE_REPORT), "我的意见");
	assert_int_equal(sy_review_nconflicts(&mine), 1);
	const struct sy_item *c = NULL;
	for (size_t i = 0; i < mine.nitems; i++)
		if (!strncmp(mine.items[i].key, SY_KEY_CONFLICT, strlen(SY_KEY_CONFLICT)))
			c = &mine.items[i];
	assert_non_null(c);
	assert_string_equal(c->value, "他的意见");
	assert_string_equal(c->by, "李四");
	char *target = sy_conflict_target(c->key);
	assert_string_equal(target, "note/report");
	free(target);
	/* merging the same thing again adds nothing */
	assert_int_equal(sy_review_merge(&mine, &base, &theirs), 0);
	assert_int_equal(sy_review_nconflicts(&mine), 1);
	sy_review_free(&base);
	sy_review_free(&mine);
	sy_review_free(&theirs);
}

/* They removed a note: gone when mine kept it as it was, a conflict when
 * mine had changed it. */
static void test_merge_removal(void **state)
{
	(void)state;
	struct sy_review base = {0}, mine = {0}, theirs = {0};
	sy_review_init(&base, "a.txt");
	sy_review_put(&base, "note/report", "原意见", NULL, NULL, NULL);
	sy_review_put(&base, "note/part/duty", "原部分意见", NULL, NULL, NULL);
	sy_review_copy(&mine, &base);
	sy_review_copy(&theirs, &base);
	sy_review_put(&theirs, "note/report", NULL, NULL, NULL, NULL);
	sy_review_put(&theirs, "note/part/duty", NULL, NULL, NULL, NULL);
	sy_review_put(&mine, "note/part/duty", "我改过的部分意见", NULL, NULL, NULL);
	assert_int_equal(sy_review_merge(&mine, &base, &theirs), 1);
	assert_null(sy_review_note(&mine, &NOTE_REPORT));
	assert_string_equal(sy_review_note(&mine, &NOTE_DUTY), "我改过的部分意见");
	assert_int_equal(sy_review_nconflicts(&mine), 1);
	bool removed = false;
	for (size_t i = 0; i < mine.nitems; i++)
		removed |= !strcmp(mine.items[i].value, SY_CONFLICT_REMOVED);
	assert_true(removed);
	sy_review_free(&base);
	sy_review_free(&mine);
	sy_review_free(&theirs);
}

/* A conflict one side resolved does not come back from the other side. */
static void test_merge_resolved_conflict_stays_resolved(void **state)
{
	(void)state;
	struct sy_review base = {0}, mine = {0}, theirs = {0};
	sy_review_init(&base, "a.txt");
	sy_review_add_conflict(&base, "note/report", "他的意见", NULL, "李四", NULL);
	sy_review_copy(&mine, &base);
	sy_review_copy(&theirs, &base);
	sy_review_put(&mine, base.items[0].key, NULL, NULL, NULL, NULL); /* resolved here */
	sy_review_put(&theirs, "verdict", "pending", NULL, NULL, NULL);
	assert_int_equal(sy_review_merge(&mine, &base, &theirs), 0);
	assert_int_equal(sy_review_nconflicts(&mine), 0);
	assert_int_equal(sy_review_verdict(&mine), SY_VERDICT_PENDING);
	sy_review_free(&base);
	sy_review_free(&mine);
	sy_review_free(&theirs);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get_remove),
		cmocka_unit_test(test_note_keys),
		cmocka_unit_test(test_verdict_names),
		cmocka_unit_test(test_hash_changed),
		cmocka_unit_test(test_merge_disjoint),
		cmocka_unit_test(test_merge_conflict),
		cmocka_unit_test(test_merge_removal),
		cmocka_unit_test(test_merge_resolved_conflict_stays_resolved),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
