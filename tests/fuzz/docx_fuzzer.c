/* libFuzzer target: the .docx reader's text stage (after unzipping). The
 * input is word/document.xml, then optionally "\n@@@\n" and word/styles.xml,
 * then "\n@@@\n" and word/numbering.xml; what it reads goes on through the
 * outline and the scorer. Seeds: tests/fuzz/docx_seeds.sh. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/docin_reader.h"
#include "shenyue/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Cuts the next part off *s (n bytes left) at the separator. */
static const char *next_part(const char **s, size_t *n, size_t *len)
{
	static const char sep[] = "\n@@@\n";
	if (!*s)
		return NULL;
	const char *part = *s, *cut = memmem(*s, *n, sep, sizeof sep - 1);
	*len = cut ? (size_t)(cut - part) : *n;
	*s = cut ? cut + sizeof sep - 1 : NULL;
	*n = cut ? *n - *len - (sizeof sep - 1) : 0;
	return part;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sy_rubric rubric;
	static int loaded;
	char err[512];
	if (!loaded && sy_rubric_load_default(&rubric, err, sizeof err) == 0)
		loaded = 1;
	const char *s = (const char *)data;
	size_t n = size;
	struct sy_docx_parts p = {0};
	p.document = next_part(&s, &n, &p.document_len);
	p.styles = next_part(&s, &n, &p.styles_len);
	p.numbering = next_part(&s, &n, &p.numbering_len);
	struct sy_report rep = {0};
	if (sy_docx_read_parts(&rep.doc, &p, err, sizeof err) == 0 && rep.doc.nlines && loaded)
		sy_report_from_doc(&rep, &rubric);
	sy_report_free(&rep);
	return 0;
}
