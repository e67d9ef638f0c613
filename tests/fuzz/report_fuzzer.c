/* libFuzzer target: any bytes through decode (every reader of the table,
 * chosen by content), outline and score. .doc files are not handed to
 * LibreOffice here ($SHENYUE_SOFFICE empty): a fuzzer must not spawn it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "shenyue/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sy_rubric rubric;
	static int loaded;
	char err[512];
	if (!loaded && sy_rubric_load_default(&rubric, err, sizeof err) == 0) {
		setenv("SHENYUE_SOFFICE", "", 1);
		loaded = 1;
	}
	struct sy_report rep = {0};
	if (sy_doc_decode(&rep.doc, "fuzz", data, size, err, sizeof err) == 0)
		sy_report_from_doc(&rep, &rubric);
	sy_report_free(&rep);
	return 0;
}
