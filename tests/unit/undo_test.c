/* Undo and redo: the journal itself, and the desk replaying it with saves. */
#include "config.h"

#include "review_fixture.h"
#include "shenyue/undo.h"

static const struct sy_note_target NOTE_REPORT = {.on = SY_NOTE_REPORT};
static const struct sy_note_target NOTE_DUTY = {.on = SY_NOTE_PART, .part = "duty"};

static struct sy_item item(const char *value)
{
	return (struct sy_item){.key = (char *)"k", .value = (char *)value};
}

static void test_journal(void **state)
{
	(void)state;
	struct sy_undo u;
	sy_undo_init(&u, 3);
	assert_false(sy_undo_can_undo(&u));
	assert_null(sy_undo_back(&u));
	for (int i = 0; i < 4; i++) {
		char v[8];
		snprintf(v, sizeof v, "%d", i);
		struct sy_item after = item(v);
		sy_undo_add(sy_undo_begin(&u, "note"), 0, "note/report", NULL, &after);
	}
	assert_int_equal(u.n, 3); /* the oldest was dropped */
	const struct sy_undo_step *st = sy_undo_back(&u);
	assert_string_equal(st->c[0].after.value, "3");
	assert_null(st->c[0].before.value);
	assert_true(sy_undo_can_redo(&u));
	assert_ptr_equal(sy_undo_forward(&u), st);
	assert_false(sy_undo_can_redo(&u));
	sy_undo_back(&u);
	sy_undo_back(&u);
	/* a new step drops what could be redone */
	struct sy_item x = item("新");
	sy_undo_add(sy_undo_begin(&u, "note"), 0, "note/report", NULL, &x);
	assert_int_equal(u.n, 2);
	assert_false(sy_undo_can_redo(&u));
	/* an empty step is dropped */
	sy_undo_begin(&u, "nothing");
	sy_undo_end(&u);
	assert_int_equal(u.n, 2);
	sy_undo_free(&u);
}

/* Reads the review of report i back from disk, as a fresh program would. */
static void reread(const struct fx_world *w, size_t i, struct sy_review *rv)
{
	char err[1024];
	assert_int_equal(sy_review_read(rv, w->batch.r[i].path, NULL, err, sizeof err), 0);
}

static void test_desk_undo_redo(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_desk d;
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "张三");
	assert_int_equal(sy_desk_set_override(&d, 1, "duty", SY_MISSING, "通篇未提及"), SY_DESK_OK);
	assert_int_equal(sy_desk_set_note(&d, 1, &NOTE_DUTY, "请补写第一责任人履职情况"), SY_DESK_OK);
	assert_int_equal(sy_desk_set_verdict(&d, 1, SY_VERDICT_RETURN, NULL), SY_DESK_OK);
	assert_int_equal(sy_desk_set_note(&d, 1, &NOTE_DUTY, "请补写第一责任人履职情况"), SY_DESK_UNCHANGED);

	size_t which = 99;
	assert_int_equal(sy_desk_undo(&d, &which), SY_DESK_OK);
	assert_int_equal(which, 1);
	assert_int_equal(sy_review_verdict(sy_desk_review(&d, 1)), SY_VERDICT_NONE);
	assert_int_equal(sy_desk_undo(&d, NULL), SY_DESK_OK);
	assert_null(sy_review_note(sy_desk_review(&d, 1), &NOTE_DUTY));
	struct sy_review rv = {0};
	reread(&w, 1, &rv); /* undo is saved too */
	assert_null(sy_review_note(&rv, &NOTE_DUTY));
	assert_int_equal(sy_review_override(&rv, "duty", NULL), SY_MISSING);
	sy_review_free(&rv);
	assert_int_equal(sy_desk_undo(&d, NULL), SY_DESK_OK);
	assert_int_equal(sy_review_override(sy_desk_review(&d, 1), "duty", NULL), -1);
	assert_int_equal(sy_desk_undo(&d, NULL), SY_DESK_NOTHING);

	assert_int_equal(sy_desk_redo(&d, NULL), SY_DESK_OK);
	assert_int_equal(sy_desk_redo(&d, NULL), SY_DESK_OK);
	assert_int_equal(sy_desk_redo(&d, NULL), SY_DESK_OK);
	assert_int_equal(sy_desk_redo(&d, NULL), SY_DESK_NOTHING);
	reread(&w, 1, &rv);
	assert_int_equal(sy_review_override(&rv, "duty", NULL), SY_MISSING);
	assert_string_equal(sy_review_note(&rv, &NOTE_DUTY), "请补写第一责任人履职情况");
	assert_int_equal(sy_review_verdict(&rv), SY_VERDICT_RETURN);
	sy_review_free(&rv);
	sy_desk_close(&d);
	fx_world_free(&w);
}

/* A verdict on every tagged report is one step, undone at once. */
static void test_undo_tagged_verdict(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_desk d;
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "张三");
	size_t both[] = {0, 1};
	assert_int_equal(sy_desk_tag_many(&d, both, 2, true), SY_DESK_OK);
	assert_int_equal(sy_desk_ntagged(&d), 2);
	assert_int_equal(sy_desk_set_verdict_tagged(&d, SY_VERDICT_PENDING, NULL), SY_DESK_OK);
	assert_int_equal(sy_review_verdict(sy_desk_review(&d, 0)), SY_VERDICT_PENDING);
	assert_int_equal(sy_review_verdict(sy_desk_review(&d, 1)), SY_VERDICT_PENDING);
	assert_int_equal(sy_desk_undo(&d, NULL), SY_DESK_OK);
	assert_int_equal(sy_review_verdict(sy_desk_review(&d, 0)), SY_VERDICT_NONE);
	assert_int_equal(sy_review_verdict(sy_desk_review(&d, 1)), SY_VERDICT_NONE);
	/* accepting both needs a waiver for the one missing duty: nothing changes */
	assert_int_equal(sy_desk_set_verdict_tagged(&d, SY_VERDICT_ACCEPT, NULL), SY_DESK_NEED_WAIVER);
	assert_int_equal(sy_review_verdict(sy_desk_review(&d, 0)), SY_VERDICT_NONE);
	assert_int_equal(d.undo.n, 1); /* no step was recorded for the refusal */
	assert_true(sy_undo_can_redo(&d.undo));
	sy_desk_close(&d);
	fx_world_free(&w);
}

static void test_waiver_rules(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_desk d;
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "张三");
	assert_false(sy_desk_needs_waiver(&d, 0));
	assert_true(sy_desk_needs_waiver(&d, 1));
	assert_int_equal(sy_desk_set_verdict(&d, 0, SY_VERDICT_ACCEPT, NULL), SY_DESK_OK);
	assert_null(sy_review_waiver(sy_desk_review(&d, 0)));
	assert_int_equal(sy_desk_set_verdict(&d, 1, SY_VERDICT_ACCEPT, ""), SY_DESK_NEED_WAIVER);
	assert_non_null(strstr(d.msg, "waiver"));
	assert_int_equal(sy_review_verdict(sy_desk_review(&d, 1)), SY_VERDICT_NONE);
	assert_int_equal(sy_desk_set_verdict(&d, 1, SY_VERDICT_ACCEPT, "已另行报送述职报告"), SY_DESK_OK);
	assert_string_equal(sy_review_waiver(sy_desk_review(&d, 1)), "已另行报送述职报告");
	/* an override to present removes the need */
	assert_int_equal(sy_desk_set_override(&d, 1, "duty", SY_PRESENT, "附件中有"), SY_DESK_OK);
	assert_false(sy_desk_needs_waiver(&d, 1));
	bool overridden;
	int p = sy_rubric_part_index(test_rubric(), "duty");
	assert_int_equal(sy_desk_part_status(&d, 1, (size_t)p, &overridden), SY_PRESENT);
	assert_true(overridden);
	/* bad arguments change nothing */
	assert_int_equal(sy_desk_set_override(&d, 1, "nosuchpart", SY_PRESENT, NULL), SY_DESK_INVALID);
	assert_int_equal(sy_desk_set_override(&d, 7, "duty", SY_PRESENT, NULL), SY_DESK_INVALID);
	assert_int_equal(sy_desk_set_verdict(&d, 0, (enum sy_verdict)9, NULL), SY_DESK_INVALID);
	sy_desk_close(&d);
	fx_world_free(&w);
}

/* Resolving a conflict by taking theirs, then undoing it. */
static void test_resolve_conflict(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_desk a, b;
	sy_desk_open(&a, &w.batch, test_rubric(), NULL, "张三");
	sy_desk_open(&b, &w.batch, test_rubric(), NULL, "李四");
	assert_int_equal(sy_desk_set_note(&a, 0, &NOTE_REPORT, "张三：数据不足"), SY_DESK_OK);
	assert_int_equal(sy_desk_set_note(&b, 0, &NOTE_REPORT, "李四：可以通过"), SY_DESK_CONFLICT);
	const struct sy_review *rv = sy_desk_review(&b, 0);
	assert_int_equal(sy_review_nconflicts(rv), 1);
	char *ckey = NULL;
	for (size_t i = 0; i < rv->nitems; i++)
		if (!strncmp(rv->items[i].key, SY_KEY_CONFLICT, strlen(SY_KEY_CONFLICT)))
			ckey = xstrdup(rv->items[i].key);
	assert_non_null(ckey);
	assert_int_equal(sy_desk_resolve_conflict(&b, 0, ckey, true), SY_DESK_OK);
	assert_string_equal(sy_review_note(sy_desk_review(&b, 0), &NOTE_REPORT), "张三：数据不足");
	assert_int_equal(sy_review_nconflicts(sy_desk_review(&b, 0)), 0);
	assert_int_equal(sy_desk_undo(&b, NULL), SY_DESK_OK);
	assert_string_equal(sy_review_note(sy_desk_review(&b, 0), &NOTE_REPORT), "李四：可以通过");
	assert_int_equal(sy_review_nconflicts(sy_desk_review(&b, 0)), 1);
	/* a refreshes and sees b's state, conflict included */
	assert_true(sy_desk_refresh(&a, 0) >= 0);
	assert_string_equal(sy_review_note(sy_desk_review(&a, 0), &NOTE_REPORT), "李四：可以通过");
	assert_int_equal(sy_review_nconflicts(sy_desk_review(&a, 0)), 1);
	free(ckey);
	sy_desk_close(&a);
	sy_desk_close(&b);
	fx_world_free(&w);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_journal),
		cmocka_unit_test(test_desk_undo_redo),
		cmocka_unit_test(test_undo_tagged_verdict),
		cmocka_unit_test(test_waiver_rules),
		cmocka_unit_test(test_resolve_conflict),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
