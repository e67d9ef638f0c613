/* review_note: saves or shows review notes the way the UI does (one atomic,
 * merged, locked save per change), for the bad-input suite's process-level
 * cases: two processes on one review, kill -9 right after a save, a full disk.
 *   review_note REPORT PART TEXT [kill]   notes TEXT on part PART, saves;
 *                                         kill: SIGKILL itself right after
 *   review_note REPORT                    prints every note, one per line
 * Exit status: 0 saved (or shown), 1 not saved (the reason on stderr), 2 usage. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "shenyue/review_store.h"
#include "shenyue/xalloc.h"

static int show(const char *report)
{
	struct sy_review rv = {0};
	char err[2048];
	if (sy_review_read(&rv, report, NULL, err, sizeof err) < 0) {
		fprintf(stderr, "review_note: %s\n", err);
		return 1;
	}
	for (size_t i = 0; i < rv.nitems; i++)
		if (!strncmp(rv.items[i].key, "note/", 5))
			printf("%s %s\n", rv.items[i].key, rv.items[i].value);
	sy_review_free(&rv);
	return 0;
}

static int note(const char *report, const char *part, const char *text, bool kill_after)
{
	struct sy_review_file f;
	char msg[2048];
	if (sy_review_file_open(&f, report, NULL, msg, sizeof msg) != SY_LOAD_OK)
		fprintf(stderr, "review_note: %s\n", msg);
	char *key = xasprintf("note/part/%s", part);
	sy_review_put(&f.cur, key, text, NULL, "review_note", NULL);
	free(key);
	enum sy_save_result rc = sy_review_file_save(&f, msg, sizeof msg);
	if (kill_after)
		raise(SIGKILL);
	if (rc == SY_SAVE_FAILED)
		fprintf(stderr, "review_note: %s\n", msg);
	sy_review_file_close(&f);
	return rc == SY_SAVE_FAILED ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 2)
		return show(argv[1]);
	if (argc == 4 || (argc == 5 && !strcmp(argv[4], "kill")))
		return note(argv[1], argv[2], argv[3], argc == 5);
	fputs("usage: review_note REPORT [PART TEXT [kill]]\n", stderr);
	return 2;
}
