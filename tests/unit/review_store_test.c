/* Review files on disk: save and load, merge of two reviewers' edits, corrupt
 * files moved aside, failures that must not lose anything, content-hash
 * change detection, and the session file. */
#include "config.h"

#include <errno.h>
#include <sys/wait.h>

#include "review_fixture.h"
#include "shenyue/utf8.h"
#include "shenyue/review_store.h"

/* ---- failure injection: the build links with --wrap=write,fsync,rename ---- */

static int fail_write, fail_fsync, fail_rename; /* errno to fail with, or 0 */

ssize_t __real_write(int fd, const void *p, size_t n);
ssize_t __wrap_write(int fd, const void *p, size_t n);
int __real_fsync(int fd);
int __wrap_fsync(int fd);
int __real_rename(const char *from, const char *to);
int __wrap_rename(const char *from, const char *to);

ssize_t __wrap_write(int fd, const void *p, size_t n)
{
	if (fail_write) {
		errno = fail_write;
		return -1;
	}
	return __real_write(fd, p, n);
}

int __wrap_fsync(int fd)
{
	if (fail_fsync) {
		errno = fail_fsync;
		return -1;
	}
	return __real_fsync(fd);
}

int __wrap_rename(const char *from, const char *to)
{
	if (fail_rename) {
		errno = fail_rename;
		return -1;
	}
	return __real_rename(from, to);
}

static const struct sy_note_target NOTE_REPORT = {.on = SY_NOTE_REPORT};
static const struct sy_note_target NOTE_DUTY = {.on = SY_NOTE_PART, .part = "duty"};

/* A note that exercises YAML quoting: quotes, colon, hash, newline, null. */
static const char *const TRICKY = "“第一责任人”: 未述职 # 见第5行\n第二行 \"引号\" \\ null";

struct ctx {
	char *dir;
	char *report; /* a report path inside dir (its content does not matter here) */
	char *state;  /* dir/.shenyue */
};

static int ctx_setup(void **state)
{
	struct ctx *c = xcalloc(1, sizeof *c);
	c->dir = fx_tmpdir();
	c->report = xasprintf("%s/001_张良镇.txt", c->dir);
	fx_write(c->report, "张良镇人民政府2024年法治政府建设年度报告\n");
	c->state = xasprintf("%s/.shenyue", c->dir);
	*state = c;
	fail_write = fail_fsync = fail_rename = 0;
	return 0;
}

static int ctx_teardown(void **state)
{
	struct ctx *c = *state;
	fail_write = fail_fsync = fail_rename = 0;
	free(c->report);
	free(c->state);
	fx_rmtree(c->dir);
	free(c);
	return 0;
}

/* Opens the review of c->report; fails the test on anything but rc. */
static void open_review(struct ctx *c, struct sy_review_file *f, enum sy_load_result rc)
{
	char msg[2048];
	assert_int_equal(sy_review_file_open(f, c->report, NULL, msg, sizeof msg), rc);
}

static void test_paths(void **state)
{
	struct ctx *c = *state;
	char *p = sy_store_path(c->report, NULL);
	char *want = xasprintf("%s/001_张良镇.txt.yaml", c->state);
	assert_string_equal(p, want);
	free(p);
	free(want);
	/* under a state folder: one subfolder per report folder */
	p = sy_store_path(c->report, "/var/lib/审阅");
	char *base = xstrdup(strrchr(c->dir, '/') + 1);
	char *prefix = xasprintf("/var/lib/审阅/%s-", base);
	assert_memory_equal(p, prefix, strlen(prefix));
	assert_string_equal(p + strlen(prefix) + 8, "/001_张良镇.txt.yaml");
	/* the same file name in another folder gets another review file */
	char *other_dir = xasprintf("%s/2023", c->dir);
	assert_int_equal(mkdir(other_dir, 0777), 0);
	char *other = xasprintf("%s/001_张良镇.txt", other_dir);
	char *q = sy_store_path(other, "/var/lib/审阅");
	assert_string_not_equal(p, q);
	/* and a relative path to the same folder gets the same one */
	char *cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(c->dir), 0);
	char *r = sy_store_path("001_张良镇.txt", "/var/lib/审阅");
	assert_int_equal(chdir(cwd), 0);
	assert_string_equal(p, r);
	rmdir(other_dir);
	free(r);
	free(cwd);
	free(q);
	free(other);
	free(other_dir);
	free(prefix);
	free(base);
	free(p);
}

static void test_save_load_roundtrip(void **state)
{
	struct ctx *c = *state;
	struct sy_review_file f;
	char msg[2048];
	open_review(c, &f, SY_LOAD_OK);
	assert_int_equal(f.cur.nitems, 0);
	sy_review_put(&f.cur, "note/report", TRICKY, NULL, "张三", "2026-11-22T03:00:00Z");
	sy_review_put(&f.cur, "override/duty", "missing", "仅一句：“落实第一责任人职责”", "张三", NULL);
	sy_review_put(&f.cur, "verdict", "accept", "县委已书面说明", NULL, NULL);
	sy_review_put(&f.cur, "note/finding/thin-part/12", "补充数据", NULL, NULL, NULL);
	sy_review_put(&f.cur, SY_KEY_SEEN, "fnv1a64:00000000000000ff", NULL, NULL, NULL);
	sy_review_add_conflict(&f.cur, "note/part/plan", "他的：意见", NULL, "李四", NULL);
	assert_int_equal(sy_review_file_save(&f, msg, sizeof msg), SY_SAVE_OK);
	assert_false(f.dirty);
	/* no temporary file left behind */
	assert_int_equal(fx_count(c->state, ".001_"), 0);

	struct sy_review_file g;
	open_review(c, &g, SY_LOAD_OK);
	assert_true(sy_review_equal(&f.cur, &g.cur));
	assert_string_equal(sy_review_note(&g.cur, &NOTE_REPORT), TRICKY);
	assert_string_equal(sy_review_get(&g.cur, "note/report")->by, "张三");
	assert_string_equal(sy_review_waiver(&g.cur), "县委已书面说明");
	assert_int_equal(sy_review_nconflicts(&g.cur), 1);
	assert_string_equal(g.cur.report, "001_张良镇.txt");
	sy_review_file_close(&f);
	sy_review_file_close(&g);
}

static uint64_t names_rng = 0x2545F4914F6CDD1Dull;

static uint32_t names_random(void)
{
	names_rng ^= names_rng << 13;
	names_rng ^= names_rng >> 7;
	names_rng ^= names_rng << 17;
	return (uint32_t)(names_rng >> 24);
}

/* Appends n random pieces: bytes (never NUL or '/' when for_name), hostile
 * code points, WTF-8 surrogates. */
static void random_text(struct sy_buf *b, size_t n, bool for_name)
{
	static const uint32_t hostile[] = {0x1B, 0x7F, 0x85, 0x9B, 0x202E, 0x2066, 0xFFFE, 0xFFFF, 0xFEFF,
					   0x2028, 0x1FFFE, 0x4E2D, 0x0D, 0x0A, 0x09, '"', '\\', ':', '#'};
	for (size_t i = 0; i < n; i++) {
		char enc[4];
		uint32_t pick = names_random() % 3;
		if (pick == 0) {
			char c = (char)(1 + names_random() % 255);
			if (for_name && (c == '/' || c == '\n'))
				c = '_';
			sy_buf_add(b, &c, 1);
		} else if (pick == 1) {
			uint32_t cp = hostile[names_random() % (sizeof hostile / sizeof *hostile)];
			if (for_name && cp == 0x0A)
				cp = 0x0D;
			sy_buf_add(b, enc, utf8_encode(cp, enc));
		} else {
			char wtf8[3] = {(char)0xED, (char)(0xA0 | names_random() % 32), (char)(0x80 | names_random() % 64)};
			sy_buf_add(b, wtf8, 3);
		}
	}
}

/* Saves a note on the report named name (in c->dir) and opens it again: it
 * must read back, not be set aside (issue 14, 1 and 6). */
static void assert_name_round_trips(struct ctx *c, const char *name, const char *note)
{
	char *report = xasprintf("%s/%s", c->dir, name);
	fx_write(report, "某镇2024年法治政府建设年度报告\n");
	struct sy_review_file f, g;
	char msg[2048];
	assert_int_equal(sy_review_file_open(&f, report, NULL, msg, sizeof msg), SY_LOAD_OK);
	sy_review_put(&f.cur, "note/report", note, NULL, note, NULL);
	sy_review_put(&f.cur, "override/duty", "missing", note, NULL, NULL);
	if (sy_review_file_save(&f, msg, sizeof msg) != SY_SAVE_OK)
		fail_msg("not saved (%zu-byte name): %s", strlen(name), msg);
	if (sy_review_file_open(&g, report, NULL, msg, sizeof msg) != SY_LOAD_OK)
		fail_msg("did not read back (%zu-byte name): %s", strlen(name), msg);
	assert_true(sy_review_equal(&f.cur, &g.cur));
	assert_string_equal(g.cur.report, name);
	sy_review_file_close(&f);
	sy_review_file_close(&g);
	unlink(report);
	free(report);
}

static void test_any_report_name_and_note_read_back(void **state)
{
	struct ctx *c = *state;
	struct sy_buf name = {0};
	for (int k = 0; k < 83; k++) /* 83 Chinese characters and "ab.txt": 255 bytes, the limit */
		sy_buf_puts(&name, "镇");
	sy_buf_puts(&name, "ab.txt");
	assert_name_round_trips(c, name.data, "备注\xef\xbf\xbe\xc2\x9b\xe2\x80\xae");
	sy_buf_free(&name);
	assert_name_round_trips(c, "\xd4\xc6\xcf\xaa\xd5\xf2.txt", "GBK 文件名"); /* 云溪镇 in GBK */
	for (int round = 0; round < 60; round++) {
		struct sy_buf n = {0}, note = {0};
		random_text(&n, 1 + names_random() % 60, true);
		random_text(&note, 1 + names_random() % 200, false);
		if (!strcmp(n.data, ".") || !strcmp(n.data, ".."))
			sy_buf_puts(&n, "x");
		assert_name_round_trips(c, n.data, note.data);
		sy_buf_free(&n);
		sy_buf_free(&note);
	}
}

/* Two reviewers load the same file; each changes something different. */
static void test_merge_two_reviewers(void **state)
{
	struct ctx *c = *state;
	struct sy_review_file a, b, check;
	char msg[2048];
	open_review(c, &a, SY_LOAD_OK);
	sy_review_put(&a.cur, "note/report", "初审意见", NULL, "张三", NULL);
	assert_int_equal(sy_review_file_save(&a, msg, sizeof msg), SY_SAVE_OK);
	open_review(c, &b, SY_LOAD_OK);
	open_review(c, &check, SY_LOAD_OK);
	sy_review_file_close(&check);

	sy_review_put(&a.cur, "note/part/duty", "缺少述职内容", NULL, "张三", NULL);
	assert_int_equal(sy_review_file_save(&a, msg, sizeof msg), SY_SAVE_OK);
	sy_review_put(&b.cur, "verdict", "return", NULL, "李四", NULL);
	assert_int_equal(sy_review_file_save(&b, msg, sizeof msg), SY_SAVE_MERGED);
	assert_non_null(strstr(msg, "merged"));
	/* b now holds both, and so does the file */
	assert_string_equal(sy_review_note(&b.cur, &NOTE_DUTY), "缺少述职内容");
	open_review(c, &check, SY_LOAD_OK);
	assert_string_equal(sy_review_note(&check.cur, &NOTE_DUTY), "缺少述职内容");
	assert_string_equal(sy_review_note(&check.cur, &NOTE_REPORT), "初审意见");
	assert_int_equal(sy_review_verdict(&check.cur), SY_VERDICT_RETURN);
	assert_int_equal(sy_review_nconflicts(&check.cur), 0);
	/* a saves again: it takes in b's verdict and loses nothing */
	sy_review_put(&a.cur, "override/plan", "partial", NULL, NULL, NULL);
	assert_int_equal(sy_review_file_save(&a, msg, sizeof msg), SY_SAVE_MERGED);
	assert_int_equal(sy_review_verdict(&a.cur), SY_VERDICT_RETURN);
	sy_review_file_close(&a);
	sy_review_file_close(&b);
	sy_review_file_close(&check);
}

static void test_merge_conflict_kept_visible(void **state)
{
	struct ctx *c = *state;
	struct sy_review_file a, b, check;
	char msg[2048];
	open_review(c, &a, SY_LOAD_OK);
	open_review(c, &b, SY_LOAD_OK);
	sy_review_put(&a.cur, "note/report", "张三的意见：退回", NULL, "张三", NULL);
	assert_int_equal(sy_review_file_save(&a, msg, sizeof msg), SY_SAVE_OK);
	sy_review_put(&b.cur, "note/report", "李四的意见：通过", NULL, "李四", NULL);
	assert_int_equal(sy_review_file_save(&b, msg, sizeof msg), SY_SAVE_CONFLICT);
	assert_non_null(strstr(msg, "clashed"));
	open_review(c, &check, SY_LOAD_OK);
	assert_string_equal(sy_review_note(&check.cur, &NOTE_REPORT), "李四的意见：通过");
	assert_int_equal(sy_review_nconflicts(&check.cur), 1);
	bool found = false;
	for (size_t i = 0; i < check.cur.nitems; i++)
		found |= !strcmp(check.cur.items[i].value, "张三的意见：退回");
	assert_true(found); /* the other note is still there, as a conflict */
	sy_review_file_close(&a);
	sy_review_file_close(&b);
	sy_review_file_close(&check);
}

/* Two processes save the same review file 25 times each, at the same time:
 * the lock and the merge keep every note of both. */
static void test_two_processes_lose_nothing(void **state)
{
	struct ctx *c = *state;
	pid_t pid[2];
	for (int who = 0; who < 2; who++) {
		pid[who] = fork();
		assert_true(pid[who] >= 0);
		if (pid[who] == 0) {
			struct sy_review_file f;
			char msg[2048];
			int bad = sy_review_file_open(&f, c->report, NULL, msg, sizeof msg) != SY_LOAD_OK;
			for (int i = 0; i < 25; i++) {
				char key[64], text[64];
				snprintf(key, sizeof key, "note/finding/thin-part/%d", who * 100 + i);
				snprintf(text, sizeof text, "审查员%d的第%d条意见", who, i);
				sy_review_put(&f.cur, key, text, NULL, NULL, NULL);
				bad += sy_review_file_save(&f, msg, sizeof msg) < 0;
			}
			sy_review_file_close(&f);
			_exit(bad ? 1 : 0);
		}
	}
	for (int who = 0; who < 2; who++) {
		int status;
		assert_int_equal(waitpid(pid[who], &status, 0), pid[who]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	struct sy_review_file f;
	open_review(c, &f, SY_LOAD_OK);
	assert_int_equal(f.cur.nitems, 50);
	assert_int_equal(sy_review_nconflicts(&f.cur), 0);
	sy_review_file_close(&f);
}

static void test_corrupt_file_moved_aside(void **state)
{
	struct ctx *c = *state;
	char *path = sy_store_path(c->report, NULL);
	const char *garbage = "format: 1\nnotes:\n  - on: report\n    text: \"未闭合\n";
	mkdir(c->state, 0777);
	fx_write(path, garbage);
	struct sy_review_file f;
	char msg[2048];
	assert_int_equal(sy_review_file_open(&f, c->report, NULL, msg, sizeof msg), SY_LOAD_MOVED);
	assert_non_null(strstr(msg, path));       /* names the file */
	assert_non_null(strstr(msg, ".yaml:"));   /* with line:col */
	assert_non_null(strstr(msg, "moved aside"));
	char *aside = fx_find(c->state, ".corrupt-");
	assert_non_null(aside);
	char *kept = fx_read(aside);
	assert_string_equal(kept, garbage); /* moved, not changed */
	assert_null(fx_read(path));
	/* the next save writes a new file and leaves the corrupt one alone */
	sy_review_put(&f.cur, "note/report", "新意见", NULL, NULL, NULL);
	assert_int_equal(sy_review_file_save(&f, msg, sizeof msg), SY_SAVE_OK);
	char *again = fx_read(aside);
	assert_string_equal(again, garbage);
	assert_int_equal(fx_count(c->state, ".corrupt-"), 1);
	free(again);
	free(kept);
	free(aside);
	free(path);
	sy_review_file_close(&f);
}

/* The file goes bad on disk after we loaded it: moved aside, ours written. */
static void test_corrupt_on_save(void **state)
{
	struct ctx *c = *state;
	struct sy_review_file f;
	char msg[2048];
	open_review(c, &f, SY_LOAD_OK);
	sy_review_put(&f.cur, "note/report", "第一条意见", NULL, NULL, NULL);
	assert_int_equal(sy_review_file_save(&f, msg, sizeof msg), SY_SAVE_OK);
	fx_write(f.path, "verdict: [oops\n");
	sy_review_put(&f.cur, "verdict", "pending", NULL, NULL, NULL);
	assert_int_equal(sy_review_file_save(&f, msg, sizeof msg), SY_SAVE_MOVED);
	assert_non_null(strstr(msg, "moved aside"));
	assert_int_equal(fx_count(c->state, ".corrupt-"), 1);
	struct sy_review_file g;
	open_review(c, &g, SY_LOAD_OK);
	assert_string_equal(sy_review_note(&g.cur, &NOTE_REPORT), "第一条意见");
	assert_int_equal(sy_review_verdict(&g.cur), SY_VERDICT_PENDING);
	sy_review_file_close(&f);
	sy_review_file_close(&g);
}

/* A file from a newer shenyue is neither moved nor overwritten. */
static void test_newer_format_left_alone(void **state)
{
	struct ctx *c = *state;
	char *path = sy_store_path(c->report, NULL);
	mkdir(c->state, 0777);
	fx_write(path, "format: 9\nfuture: 未来的字段\n");
	struct sy_review_file f;
	char msg[2048];
	assert_int_equal(sy_review_file_open(&f, c->report, NULL, msg, sizeof msg), SY_LOAD_BLOCKED);
	assert_true(f.blocked);
	sy_review_put(&f.cur, "note/report", "意见", NULL, NULL, NULL);
	assert_int_equal(sy_review_file_save(&f, msg, sizeof msg), SY_SAVE_FAILED);
	char *now = fx_read(path);
	assert_string_equal(now, "format: 9\nfuture: 未来的字段\n");
	assert_int_equal(fx_count(c->state, ".corrupt-"), 0);
	free(now);
	free(path);
	sy_review_file_close(&f);
}

/* The state folder cannot be created (a file is in the way): the save fails,
 * the note stays in memory, and a later save succeeds. */
static void test_unwritable_state_keeps_note(void **state)
{
	struct ctx *c = *state;
	char *blocker = xasprintf("%s/blocker", c->dir);
	char *sdir = xasprintf("%s/sub", blocker);
	fx_write(blocker, "not a folder");
	struct sy_review_file f;
	char msg[2048];
	assert_int_equal(sy_review_file_open(&f, c->report, sdir, msg, sizeof msg), SY_LOAD_OK);
	sy_review_put(&f.cur, "note/report", "不能丢的意见", NULL, NULL, NULL);
	assert_int_equal(sy_review_file_save(&f, msg, sizeof msg), SY_SAVE_FAILED);
	assert_non_null(strstr(msg, "not saved"));
	assert_true(f.dirty);
	assert_string_equal(sy_review_note(&f.cur, &NOTE_REPORT), "不能丢的意见");
	unlink(blocker);
	assert_int_equal(sy_review_file_save(&f, msg, sizeof msg), SY_SAVE_OK);
	assert_false(f.dirty);
	struct sy_review rv = {0};
	int rrc = sy_review_read(&rv, c->report, sdir, msg, sizeof msg);
	if (rrc)
		fail_msg("%s", msg);
	assert_string_equal(sy_review_note(&rv, &NOTE_REPORT), "不能丢的意见");
	sy_review_free(&rv);
	sy_review_file_close(&f);
	free(sdir);
	free(blocker);
}

/* Disk full, fsync or rename failing: the old file is untouched, no
 * temporary file is left, and the change is still in memory. */
static void check_failed_save_keeps_old(struct ctx *c, int *knob, int err)
{
	struct sy_review_file f;
	char msg[2048];
	open_review(c, &f, SY_LOAD_OK);
	sy_review_put(&f.cur, "note/report", "旧意见", NULL, NULL, NULL);
	assert_int_equal(sy_review_file_save(&f, msg, sizeof msg), SY_SAVE_OK);
	char *before = fx_read(f.path);
	sy_review_put(&f.cur, "note/report", "新意见", NULL, NULL, NULL);
	*knob = err;
	assert_int_equal(sy_review_file_save(&f, msg, sizeof msg), SY_SAVE_FAILED);
	*knob = 0;
	assert_non_null(strstr(msg, strerror(err)));
	char *after = fx_read(f.path);
	assert_string_equal(before, after);
	assert_int_equal(fx_count(c->state, ".001_"), 0); /* temp file removed */
	assert_true(f.dirty);
	assert_string_equal(sy_review_note(&f.cur, &NOTE_REPORT), "新意见");
	assert_int_equal(sy_review_file_save(&f, msg, sizeof msg), SY_SAVE_OK);
	free(after);
	after = fx_read(f.path);
	assert_non_null(strstr(after, "新意见"));
	free(before);
	free(after);
	sy_review_file_close(&f);
}

static void test_disk_full(void **state)
{
	check_failed_save_keeps_old(*state, &fail_write, ENOSPC);
}

static void test_fsync_fails(void **state)
{
	check_failed_save_keeps_old(*state, &fail_fsync, EIO);
}

static void test_rename_fails(void **state)
{
	check_failed_save_keeps_old(*state, &fail_rename, EXDEV);
}

/* A resubmitted report is "changed since review"; the old notes stay. */
static void test_content_hash_change(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_desk d;
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "张三");
	assert_false(sy_desk_changed(&d, 0));
	assert_int_equal(sy_desk_set_note(&d, 0, &NOTE_REPORT, "请补充数据"), SY_DESK_OK);
	assert_false(sy_desk_changed(&d, 0));
	sy_desk_close(&d);
	sy_batch_free(&w.batch);

	FILE *f = fopen(w.complete, "ab");
	fputs("\n（重新提交：补充了数据）\n", f);
	fclose(f);
	fx_world_load_batch(&w);
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "张三");
	assert_true(sy_desk_changed(&d, 0));
	assert_false(sy_desk_changed(&d, 1));
	assert_string_equal(sy_review_note(sy_desk_review(&d, 0), &NOTE_REPORT), "请补充数据");
	assert_int_equal(sy_desk_mark_seen(&d, 0), SY_DESK_OK);
	assert_false(sy_desk_changed(&d, 0));
	sy_desk_close(&d);
	fx_world_free(&w);
}

static void test_session_roundtrip(void **state)
{
	struct ctx *c = *state;
	char *path = sy_session_path(c->state);
	struct sy_session s = {0}, t;
	char err[1024];
	s.report = xstrdup(c->report);
	s.part = xstrdup("duty");
	s.scroll = 40;
	s.line = 47;
	sy_strlist_add(&s.tagged, "报告/一.txt");
	sy_strlist_add(&s.tagged, "报告/二.txt");
	assert_int_equal(sy_session_save(&s, path, err, sizeof err), 0);
	assert_int_equal(sy_session_load(&t, path, err, sizeof err), SY_LOAD_OK);
	assert_string_equal(t.report, c->report);
	assert_string_equal(t.part, "duty");
	assert_int_equal(t.scroll, 40);
	assert_int_equal(t.line, 47);
	assert_int_equal(t.tagged.n, 2);
	assert_string_equal(t.tagged.v[1], "报告/二.txt");
	sy_session_free(&t);
	fx_write(path, "report: [broken\n");
	assert_int_equal(sy_session_load(&t, path, err, sizeof err), SY_LOAD_MOVED);
	assert_non_null(strstr(err, "moved aside"));
	assert_null(t.report);
	sy_session_free(&t);
	sy_session_free(&s);
	free(path);
}

/* Where the supervisor was and the tags survive a restart of the desk. */
static void test_desk_restores_place_and_tags(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_desk d;
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "张三");
	assert_int_equal(sy_desk_save_place(&d, 1, "plan", 12, 15), SY_DESK_OK);
	assert_int_equal(sy_desk_tag(&d, 1, true), SY_DESK_OK);
	sy_desk_close(&d);
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "张三");
	assert_int_equal(sy_desk_place_report(&d), 1);
	assert_string_equal(d.session.part, "plan");
	assert_int_equal(d.session.scroll, 12);
	assert_int_equal(sy_desk_ntagged(&d), 1);
	assert_true(d.tagged[1]);
	sy_desk_close(&d);
	fx_world_free(&w);
}

/* The UI opens the desk before it has scored the reports: reviews show at
 * once; a decision loads its report first, so accepting a complete report
 * needs no waiver and its content hash is recorded; export loads the rest. */
static void test_desk_before_loading(void **state)
{
	(void)state;
	struct fx_world w;
	fx_world_init(&w);
	struct sy_desk d;
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "张三");
	assert_int_equal(sy_desk_set_note(&d, 1, &NOTE_REPORT, "请补充数据"), SY_DESK_OK);
	sy_desk_close(&d);
	sy_batch_free(&w.batch);
	char *paths[] = {w.complete, w.missing};
	sy_batch_expand(&w.batch, paths, 2);
	sy_desk_open(&d, &w.batch, test_rubric(), NULL, "张三");
	assert_false(w.batch.r[1].loaded);
	assert_string_equal(sy_review_note(sy_desk_review(&d, 1), &NOTE_REPORT), "请补充数据");
	assert_false(sy_desk_changed(&d, 1));
	assert_int_equal(sy_desk_set_verdict(&d, 0, SY_VERDICT_ACCEPT, NULL), SY_DESK_OK);
	assert_true(w.batch.r[0].loaded);
	assert_non_null(sy_review_get(sy_desk_review(&d, 0), SY_KEY_SEEN));
	assert_false(sy_desk_changed(&d, 0));
	assert_false(sy_desk_load(&d, 0));
	struct sy_export_doc x;
	sy_desk_export_build(&d, NULL, 0, NULL, &x);
	assert_true(w.batch.r[1].loaded);
	assert_int_equal(x.n, 2);
	assert_true(x.r[1].score >= 0);
	sy_export_free(&x);
	sy_desk_close(&d);
	fx_world_free(&w);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_paths, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_save_load_roundtrip, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_merge_two_reviewers, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_merge_conflict_kept_visible, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_two_processes_lose_nothing, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_file_moved_aside, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_on_save, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_newer_format_left_alone, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_unwritable_state_keeps_note, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_disk_full, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_fsync_fails, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_rename_fails, ctx_setup, ctx_teardown),
		cmocka_unit_test(test_content_hash_change),
		cmocka_unit_test_setup_teardown(test_session_roundtrip, ctx_setup, ctx_teardown),
		cmocka_unit_test_setup_teardown(test_any_report_name_and_note_read_back, ctx_setup, ctx_teardown),
		cmocka_unit_test(test_desk_restores_place_and_tags),
		cmocka_unit_test(test_desk_before_loading),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
