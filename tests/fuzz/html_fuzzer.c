/* libFuzzer target: the web-page reader (libxml2's HTML parser, the choice
 * of the report's element, the publication date), then the outline and the
 * scorer. Seeds: any saved pages; tests/unit/docin_html_test.c writes some. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "shenyue/docin_reader.h"
#include "shenyue/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sy_rubric rubric;
	static int loaded;
	char err[512];
	if (!loaded && sy_rubric_load_default(&rubric, err, sizeof err) == 0)
		loaded = 1;
	struct sy_report rep = {0};
	if (sy_html_read(&rep.doc, data, size, err, sizeof err) == 0 && rep.doc.nlines && loaded)
		sy_report_from_doc(&rep, &rubric);
	sy_report_free(&rep);
	return 0;
}
