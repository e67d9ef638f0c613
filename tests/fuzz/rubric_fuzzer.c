/* libFuzzer target: the rubric and settings loaders (and the YAML helpers). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "shenyue/config.h"
#include "shenyue/rubric.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sy_rubric r;
	char err[512];
	if (sy_rubric_load_string(&r, "fuzz", (const char *)data, size, err, sizeof err) == 0)
		sy_rubric_free(&r);
	struct sy_config c;
	sy_config_init(&c);
	sy_config_load_string(&c, "fuzz", (const char *)data, size);
	sy_config_free(&c);
	return 0;
}
