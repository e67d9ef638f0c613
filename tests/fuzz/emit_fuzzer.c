/* libFuzzer target: whatever bytes a note, a reason or a file name holds,
 * the review file shenyue writes for them reads back to the same bytes
 * (issue 14: no review is ever set aside for bytes shenyue itself wrote).
 * The input is split at its first NUL: before it a note, after it a name. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/review_store.h"
#include "shenyue/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = xstrndup((const char *)data, size); /* stops at the first NUL */
	size_t first = strlen(copy);
	char *name = first + 1 < size ? xstrndup((const char *)data + first + 1, size - first - 1) : xstrdup("n");
	struct sy_review rv = {0}, back = {0};
	sy_review_init(&rv, *name ? name : "n");
	sy_review_put(&rv, "note/report", copy, NULL, copy, NULL);
	sy_review_put(&rv, "override/duty", "missing", copy, NULL, NULL);
	size_t len;
	char *text = sy_review_format(&rv, &len);
	char err[512];
	if (sy_review_parse(&back, "fuzz", text, len, err, sizeof err) != SY_PARSE_OK || !sy_review_equal(&rv, &back) ||
	    strcmp(rv.report, back.report))
		abort(); /* written, but not read back */
	free(text);
	sy_review_free(&rv);
	sy_review_free(&back);
	free(copy);
	free(name);
	return 0;
}
