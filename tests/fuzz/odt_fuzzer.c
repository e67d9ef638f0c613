/* libFuzzer target: the .odt reader's text stage (after unzipping). The
 * input is content.xml, then optionally "\n@@@\n" and styles.xml; what it
 * reads goes on through the outline and the scorer. Seeds: content.xml and
 * styles.xml of any .odt (tests/fixtures/documents/01-complete.odt). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	static const char sep[] = "\n@@@\n";
	const char *s = (const char *)data, *cut = memmem(s, size, sep, sizeof sep - 1);
	size_t clen = cut ? (size_t)(cut - s) : size;
	const char *styles = cut ? cut + sizeof sep - 1 : NULL;
	size_t slen = cut ? size - clen - (sizeof sep - 1) : 0;
	struct sy_report rep = {0};
	if (sy_odt_read_parts(&rep.doc, s, clen, styles, slen, err, sizeof err) == 0 && rep.doc.nlines && loaded)
		sy_report_from_doc(&rep, &rubric);
	sy_report_free(&rep);
	return 0;
}
