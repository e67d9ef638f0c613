/* Runs a command and prints its wall time and peak resident memory, as
 * /usr/bin/time would (a fresh Debian has none).
 * usage: runstat [-o FILE] COMMAND [ARG...]
 *   -o FILE  the command's stdout goes to FILE (default: /dev/null)
 * Prints "wall_ms peak_kib exit" on stdout. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* In the child: stdout to out, then the command. Never returns. */
static void run_child(const char *out, char **argv)
{
	int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
		fprintf(stderr, "runstat: %s: %s\n", out, strerror(errno));
		_exit(127);
	}
	close(fd);
	execvp(argv[0], argv);
	fprintf(stderr, "runstat: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

int main(int argc, char **argv)
{
	const char *out = "/dev/null";
	int first = 1;
	if (argc > 2 && !strcmp(argv[1], "-o")) {
		out = argv[2];
		first = 3;
	}
	if (first >= argc) {
		fputs("usage: runstat [-o FILE] COMMAND [ARG...]\n", stderr);
		return 2;
	}
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("runstat: fork");
		return 2;
	}
	if (pid == 0)
		run_child(out, argv + first);
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("runstat: wait4");
			return 2;
		}
	double t1 = now_ms();
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	printf("%.0f %ld %d\n", t1 - t0, ru.ru_maxrss, code);
	return 0;
}
