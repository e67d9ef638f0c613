/* The desk's batch items (unit by hand, received date, first seen) and the
 * live folder: a second reviewer's saved verdict, a changed report file and
 * a new one are all seen by sy_desk_poll, and nothing of ours is lost. */
#include "config.h"

#include "review_fixture.h"
#include "shenyue/deadline.h"

static void test_unit_and_received(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_desk d;
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "甲");
	assert_int_equal(sy_desk_set_unit(&d, 0, "云溪 镇"), SY_DESK_OK);
	assert_string_equal(sy_review_get(sy_desk_review(&d, 0), SY_KEY_UNIT)->value, "云溪镇");
	assert_int_equal(sy_desk_set_received(&d, 1, "next week"), SY_DESK_INVALID);
	assert_null(sy_review_get(sy_desk_review(&d, 1), SY_KEY_RECEIVED));
	assert_int_equal(sy_desk_set_received(&d, 1, "2025年2月7日"), SY_DESK_OK);
	assert_string_equal(sy_review_get(sy_desk_review(&d, 1), SY_KEY_RECEIVED)->value, "2025-02-07");
	struct sy_received rc = sy_received_of(w.missing, sy_desk_review(&d, 1));
	assert_int_equal(rc.from, SY_RECEIVED_HAND);
	assert_int_equal(sy_desk_undo(&d, NULL), SY_DESK_OK);
	assert_null(sy_review_get(sy_desk_review(&d, 1), SY_KEY_RECEIVED));
	sy_desk_close(&d);

	/* what was saved is there when the folder is opened again */
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "甲");
	assert_string_equal(sy_review_get(sy_desk_review(&d, 0), SY_KEY_UNIT)->value, "云溪镇");
	assert_null(sy_review_get(sy_desk_review(&d, 1), SY_KEY_RECEIVED));
	sy_desk_close(&d);
	fx_world_free(&w);
}

static void test_first_seen(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_desk d;
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "甲");
	time_t now = time(NULL);
	assert_int_equal(sy_desk_record_first_seen(&d, 0, now), SY_DESK_OK);
	const struct sy_item *it = sy_review_get(sy_desk_review(&d, 0), SY_KEY_FIRST_SEEN);
	assert_non_null(it);
	char want[16];
	struct sy_date today = sy_date_of(now);
	sy_date_format(&today, want, sizeof want);
	assert_string_equal(it->value, want); /* the file was written just now */
	assert_int_equal(sy_desk_record_first_seen(&d, 0, now + 86400 * 30), SY_DESK_UNCHANGED);
	assert_false(sy_desk_unsaved(&d, 0));
	sy_desk_close(&d);

	/* a state folder that cannot be made: dropped silently, nothing left unsaved */
	char *blocker = xasprintf("%s/blocker", w.dir);
	fx_write(blocker, "a file where a folder should be\n");
	char *state_dir = xasprintf("%s/sub", blocker);
	sy_desk_open(&d, &w.batch, test_rubric(), state_dir, "甲");
	assert_int_equal(sy_desk_record_first_seen(&d, 1, now), SY_DESK_FAILED);
	assert_null(sy_review_get(sy_desk_review(&d, 1), SY_KEY_FIRST_SEEN));
	assert_false(sy_desk_unsaved(&d, 1));
	sy_desk_close(&d);
	free(state_dir);
	free(blocker);
	fx_world_free(&w);
}

static bool has_index(const size_t *v, size_t n, size_t i)
{
	for (size_t k = 0; k < n; k++)
		if (v[k] == i)
			return true;
	return false;
}

static void test_poll(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_desk mine, theirs;
	sy_desk_open(&mine, &w.batch, test_rubric(), NULL, "甲");
	sy_desk_watch_folder(&mine, w.dir);
	struct sy_desk_changes c;
	assert_int_equal(sy_desk_poll(&mine, &c), 0);
	sy_desk_changes_free(&c);

	/* a note of mine, unsaved elsewhere, and a verdict another reviewer saves */
	struct sy_note_target t = { SY_NOTE_REPORT, NULL, NULL, 0 };
	assert_int_equal(sy_desk_set_note(&mine, 0, &t, "我的意见"), SY_DESK_OK);
	struct sy_batch b2 = { 0 };
	char *paths[] = { w.complete, w.missing };
	sy_batch_expand(&b2, paths, 2);
	sy_desk_open(&theirs, &b2, test_rubric(), NULL, "乙");
	assert_int_equal(sy_desk_set_verdict(&theirs, 0, SY_VERDICT_RETURN, NULL), SY_DESK_OK);
	sy_desk_close(&theirs);
	sy_batch_free(&b2);

	assert_int_equal(sy_desk_poll(&mine, &c), 1);
	assert_true(has_index(c.reviews, c.nreviews, 0));
	assert_int_equal(sy_review_verdict(sy_desk_review(&mine, 0)), SY_VERDICT_RETURN);
	assert_string_equal(sy_review_note(sy_desk_review(&mine, 0), &t), "我的意见");
	char msg[512];
	sy_desk_changes_describe(&mine, &c, msg, sizeof msg);
	assert_non_null(strstr(msg, "01-complete.txt"));
	sy_desk_changes_free(&c);
	assert_int_equal(sy_desk_poll(&mine, &c), 0); /* seen once */
	sy_desk_changes_free(&c);

	/* shenyue's own outputs beside the reports are never new reports */
	char *own = xasprintf("%s/审查意见-reports.txt", w.dir);
	fx_write(own, "青禾县2024年法治政府建设情况报告\n");
	assert_int_equal(sy_desk_poll(&mine, &c), 0);
	sy_desk_changes_free(&c);
	struct sy_batch again = { 0 };
	char *folder[] = { w.dir };
	sy_batch_expand(&again, folder, 1);
	assert_int_equal(again.n, 2);
	sy_batch_free(&again);
	free(own);

	/* a resubmitted file and a new one */
	fx_write(w.missing, "青禾县2024年法治政府建设情况报告\n一、主要举措和成效\n开展培训3次。\n");
	char *added = xasprintf("%s/05-new.txt", w.dir);
	fx_write(added, "白沙乡2024年法治政府建设情况报告\n一、主要举措和成效\n开展培训3次。\n");
	assert_int_equal(sy_desk_poll(&mine, &c), 2);
	assert_true(has_index(c.reports, c.nreports, 1));
	assert_int_equal(c.added.n, 1);
	assert_string_equal(c.added.v[0], added);
	sy_desk_changes_describe(&mine, &c, msg, sizeof msg);
	assert_non_null(strstr(msg, "05-new.txt"));
	assert_non_null(strstr(msg, "02-missing-part.txt"));
	sy_desk_reload(&mine, 1);
	assert_true(w.batch.r[1].loaded);
	assert_int_equal(sy_desk_add_report(&mine, c.added.v[0]), 2);
	assert_int_equal(mine.n, 3);
	assert_int_equal(w.batch.n, 3);
	sy_desk_changes_free(&c);
	assert_int_equal(sy_desk_poll(&mine, &c), 0);
	sy_desk_changes_free(&c);
	sy_desk_close(&mine);
	free(added);
	fx_world_free(&w);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unit_and_received),
		cmocka_unit_test(test_first_seen),
		cmocka_unit_test(test_poll),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
