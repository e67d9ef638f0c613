/* fileio: reads never hang on a FIFO, atomic writes never replace a device
 * or a symlink by accident, keep the file's mode, and work for names at the
 * file system's limit (issue 14: 2, 3, 6). */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "review_fixture.h"
#include "shenyue/fileio.h"
#include "shenyue/utf8.h"

/* Every test that could hang is cut off by SIGALRM: a hang fails, loudly. */
static void on_alarm(int sig)
{
	(void)sig;
	static const char msg[] = "fileio_test: timed out (a FIFO was waited on)\n";
	if (write(2, msg, sizeof msg - 1) < 0)
		_exit(2);
	_exit(1);
}

static int setup(void **state)
{
	*state = fx_tmpdir();
	signal(SIGALRM, on_alarm);
	alarm(20);
	return 0;
}

static int teardown(void **state)
{
	alarm(0);
	fx_rmtree(*state);
	return 0;
}

static void test_a_fifo_is_refused_at_once_not_waited_on(void **state)
{
	char *fifo = xasprintf("%s/report.txt", (char *)*state);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	char *text;
	size_t len;
	struct stat sb;
	assert_int_equal(sy_file_read(fifo, 0, &text, &len, &sb), SY_READ_NOT_REGULAR);
	assert_null(text);
	assert_non_null(strstr(sy_read_strerror(SY_READ_NOT_REGULAR, &sb, 0), "FIFO"));
	free(fifo);
}

static void test_a_folder_is_named_as_a_folder(void **state)
{
	char *text;
	size_t len;
	struct stat sb;
	assert_int_equal(sy_file_read((char *)*state, 0, &text, &len, &sb), SY_READ_NOT_REGULAR);
	assert_non_null(strstr(sy_read_strerror(SY_READ_NOT_REGULAR, &sb, 0), "folder"));
}

/* A thread that names one kind of file over and over; counts the times
 * it was told another kind. */
struct naming {
	mode_t mode;
	const char *want;
	long wrong;
};

static void *name_many_times(void *arg)
{
	struct naming *n = arg;
	struct stat sb = {.st_mode = n->mode};
	for (long i = 0; i < 200000; i++)
		if (!strstr(sy_read_strerror(SY_READ_NOT_REGULAR, &sb, 0), n->want))
			n->wrong++;
	return NULL;
}

/* check -j and the UI read reports on several threads: two unreadable
 * files at once each keep their own reason. */
static void test_reasons_given_on_two_threads_stay_their_own(void **state)
{
	(void)state;
	struct naming fifo = {S_IFIFO, "FIFO", 0}, dir = {S_IFDIR, "folder", 0};
	pthread_t a, b;
	assert_int_equal(pthread_create(&a, NULL, name_many_times, &fifo), 0);
	assert_int_equal(pthread_create(&b, NULL, name_many_times, &dir), 0);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert_int_equal(fifo.wrong, 0);
	assert_int_equal(dir.wrong, 0);
}

static void test_a_symlink_is_written_through_and_stays_a_link(void **state)
{
	char *target = xasprintf("%s/real.md", (char *)*state);
	char *link = xasprintf("%s/link.md", (char *)*state);
	fx_write(target, "old");
	assert_int_equal(symlink("real.md", link), 0);
	char err[512];
	assert_int_equal(sy_file_write(link, "new", 3, SY_WRITE_REPLACE, NULL, err, sizeof err), SY_WRITE_OK);
	struct stat lst;
	assert_int_equal(lstat(link, &lst), 0);
	assert_true(S_ISLNK(lst.st_mode));
	char *got = fx_read(target);
	assert_string_equal(got, "new");
	free(got);
	free(target);
	free(link);
}

static void test_a_dangling_symlink_is_refused(void **state)
{
	char *link = xasprintf("%s/dangling.md", (char *)*state);
	assert_int_equal(symlink("nowhere/at/all.md", link), 0);
	char err[512] = "";
	assert_int_equal(sy_file_write(link, "x", 1, SY_WRITE_REPLACE, NULL, err, sizeof err), SY_WRITE_FAILED);
	assert_non_null(strstr(err, "dangling.md"));
	struct stat lst;
	assert_int_equal(lstat(link, &lst), 0);
	assert_true(S_ISLNK(lst.st_mode));
	free(link);
}

static void test_the_mode_of_a_replaced_file_is_kept(void **state)
{
	char *path = xasprintf("%s/private.yaml", (char *)*state);
	fx_write(path, "old");
	assert_int_equal(chmod(path, 0600), 0);
	char err[512];
	struct stat st;
	assert_int_equal(sy_file_write(path, "new", 3, SY_WRITE_REPLACE, &st, err, sizeof err), SY_WRITE_OK);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	free(path);
}

static void test_a_fifo_at_the_target_is_never_replaced(void **state)
{
	char *fifo = xasprintf("%s/out.md", (char *)*state);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	char err[512] = "";
	/* not allowed: refused, with a message */
	assert_int_equal(sy_file_write(fifo, "x", 1, SY_WRITE_REPLACE, NULL, err, sizeof err), SY_WRITE_FAILED);
	assert_non_null(strstr(err, "FIFO"));
	/* allowed, but nobody reads it: fails at once instead of hanging */
	assert_int_equal(sy_file_write(fifo, "x", 1, SY_WRITE_DEVICES, NULL, err, sizeof err), SY_WRITE_FAILED);
	struct stat st;
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	free(fifo);
}

/* A null device made in the test's folder, never the machine's /dev/null:
 * a regression would replace that for every process on the machine. */
static void test_a_device_is_written_to_never_replaced(void **state)
{
	char *dev = xasprintf("%s/null", (char *)*state);
	if (mknod(dev, S_IFCHR | 0666, makedev(1, 3)) != 0) {
		free(dev);
		fprintf(stderr, "fileio_test: SKIP the device case: mknod is not permitted here\n");
		skip();
	}
	char err[512] = "";
	assert_int_equal(sy_file_write(dev, "x", 1, SY_WRITE_DEVICES, NULL, err, sizeof err), SY_WRITE_OK);
	assert_int_equal(sy_file_write(dev, "x", 1, SY_WRITE_REPLACE, NULL, err, sizeof err), SY_WRITE_FAILED);
	assert_non_null(strstr(err, "device"));
	struct stat st;
	assert_int_equal(lstat(dev, &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	free(dev);
}

static void test_new_only_never_replaces(void **state)
{
	char *path = xasprintf("%s/审查意见.md", (char *)*state);
	char err[512];
	assert_int_equal(sy_file_write(path, "one", 3, SY_WRITE_NEW, NULL, err, sizeof err), SY_WRITE_OK);
	assert_int_equal(sy_file_write(path, "two", 3, SY_WRITE_NEW, NULL, err, sizeof err), SY_WRITE_EXISTS);
	char *got = fx_read(path);
	assert_string_equal(got, "one");
	free(got);
	assert_int_equal(fx_count((char *)*state, ".md."), 0); /* no temporary file left */
	free(path);
}

/* "云溪镇" repeated to n bytes or a little less. */
static char *long_chinese_name(size_t bytes, const char *ext)
{
	struct sy_buf b = {0};
	while (b.len + 3 + strlen(ext) <= bytes)
		sy_buf_puts(&b, "镇");
	sy_buf_puts(&b, ext);
	return sy_buf_steal(&b);
}

static void test_a_name_at_the_limit_can_be_written(void **state)
{
	char *name = long_chinese_name(NAME_MAX, ".yaml"); /* 80 characters and more */
	assert_true(strlen(name) > 240);
	char *path = xasprintf("%s/%s", (char *)*state, name);
	char err[512] = "";
	assert_int_equal(sy_file_write(path, "x", 1, SY_WRITE_REPLACE, NULL, err, sizeof err), SY_WRITE_OK);
	char *aside = sy_file_move_aside(path);
	assert_non_null(aside);
	char *base = sy_path_basename(aside);
	assert_true(strlen(base) <= NAME_MAX);
	assert_true(utf8_is_valid((const unsigned char *)base, strlen(base)));
	free(base);
	free(aside);
	free(path);
	free(name);
}

static void test_fitted_names_stay_short_valid_and_distinct(void **state)
{
	char *a = long_chinese_name(300, "甲.txt"), *b = long_chinese_name(300, "乙.txt");
	char *fa = sy_file_name_fit(a, 5), *fb = sy_file_name_fit(b, 5);
	assert_true(strlen(fa) + 5 <= NAME_MAX);
	assert_true(utf8_is_valid((const unsigned char *)fa, strlen(fa)));
	assert_string_not_equal(fa, fb);
	char *short_name = sy_file_name_fit("云溪镇.txt", 5);
	assert_string_equal(short_name, "云溪镇.txt");
	free(short_name);
	free(a);
	free(b);
	free(fa);
	free(fb);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a_fifo_is_refused_at_once_not_waited_on, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_folder_is_named_as_a_folder, setup, teardown),
		cmocka_unit_test(test_reasons_given_on_two_threads_stay_their_own),
		cmocka_unit_test_setup_teardown(test_a_symlink_is_written_through_and_stays_a_link, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_dangling_symlink_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_mode_of_a_replaced_file_is_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_fifo_at_the_target_is_never_replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_device_is_written_to_never_replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_only_never_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_name_at_the_limit_can_be_written, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fitted_names_stay_short_valid_and_distinct, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
