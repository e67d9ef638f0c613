/* libFuzzer target: review files and exported YAML, both read back by shenyue. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "shenyue/export.h"
#include "shenyue/review.h"
#include "shenyue/review_store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	struct sy_review rv = {0};
	sy_review_init(&rv, "fuzz.txt");
	sy_review_parse(&rv, "fuzz", (const char *)data, size, err, sizeof err);
	sy_review_free(&rv);
	struct sy_export_doc x = {0};
	if (sy_export_load(&x, "fuzz", (const char *)data, size, err, sizeof err) == 0)
		sy_export_free(&x);
	return 0;
}
