/* The small utilities everything uses: allocation failure runs the die hook
 * (the UI restores the terminal there) before aborting; string lists, which
 * are also the one error-list type. */
#include "config.h"

#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../test_common.h"
#include "shenyue/strlist.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

static int hook_fd = -1;

static void hook_says_so(void)
{
	if (write(hook_fd, "restored", 8) != 8)
		_exit(3);
}

/* In a child: an impossible allocation must call the hook, then abort. */
static void test_out_of_memory_runs_the_die_hook_then_aborts(void **state)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		hook_fd = fds[1];
		freopen("/dev/null", "w", stderr);
		xalloc_set_die_hook(hook_says_so);
		void *p = xreallocarray(NULL, SIZE_MAX / 2, 4);
		(void)p;
		_exit(0); /* not reached when xreallocarray aborts */
	}
	close(fds[1]);
	char buf[16] = "";
	ssize_t n = read(fds[0], buf, sizeof buf - 1);
	close(fds[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
	assert_int_equal(n, 8);
	assert_string_equal(buf, "restored");
}

static void test_strlist_collects_formatted_messages(void **state)
{
	struct sy_strlist l = {0};
	sy_strlist_add(&l, "a.yaml:1:2: bad");
	sy_strlist_addf(&l, "%s:%d:%d: %s", "b.yaml", 3, 4, "worse");
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[1], "b.yaml:3:4: worse");
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	sy_strlist_print(&l, out, "shenyue: ");
	fclose(out);
	assert_string_equal(text, "shenyue: a.yaml:1:2: bad\nshenyue: b.yaml:3:4: worse\n");
	free(text);
	sy_strlist_free(&l);
	assert_int_equal(l.n, 0);
	assert_null(l.v);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_out_of_memory_runs_the_die_hook_then_aborts),
		cmocka_unit_test(test_strlist_collects_formatted_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
