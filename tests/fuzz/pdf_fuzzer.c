/* libFuzzer target: the PDF reader's text stage (sy_pdf_text_stage), which
 * turns each page's text and character boxes into paragraphs, without
 * poppler. The input is pages separated by '\f'; each byte of a page's text
 * also sets its character's box: a cursor moves right by the byte's low
 * bits, to a new row at '\n', so lines, indents, gaps, margins and repeats
 * come out of the bytes. What it reads goes on through the outline and the
 * scorer. Seeds: text reports (examples/, ../shared/seeds). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/docin_reader.h"
#include "shenyue/report.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Boxes for a page's characters, laid out by the bytes themselves. */
static struct sy_pdf_box *lay_out(const char *text, size_t *nbox)
{
	size_t n = strlen(text), k = 0, cl;
	struct sy_pdf_box *box = xcalloc(n + 1, sizeof *box);
	double x = 72 + (text[0] & 7) * 8, y = 60;
	for (size_t i = 0; i < n; i += cl, k++) {
		uint32_t cp = utf8_decode(text + i, n - i, &cl);
		double w = cp >= 0x2E80 ? 16 : 4 + (text[i] & 7);
		box[k] = (struct sy_pdf_box){ x, y, x + w, y + 16 };
		x += w + ((unsigned char)text[i] % 13 == 0 ? 3 : 0);
		if (cp == '\n') {
			y += 29 + ((unsigned char)text[i + 1 < n ? i + 1 : i] % 7 == 0 ? 29 : 0);
			x = 72 + ((i + 1 < n ? text[i + 1] : 0) & 1) * 32;
		}
	}
	*nbox = k;
	return box;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sy_rubric rubric;
	static int loaded;
	char err[512];
	if (!loaded && sy_rubric_load_default(&rubric, err, sizeof err) == 0)
		loaded = 1;
	char *all = xstrndup((const char *)data, size);
	size_t npages = 1;
	for (const char *p = all; (p = strchr(p, '\f')); p++)
		npages++;
	struct sy_pdf_page *pages = xcalloc(npages, sizeof *pages);
	char *p = all;
	for (size_t i = 0; i < npages; i++) {
		char *end = strchr(p, '\f');
		if (end)
			*end = '\0';
		pages[i].text = p;
		pages[i].box = lay_out(p, &pages[i].nbox);
		pages[i].height = 842;
		pages[i].scanned = !*p;
		p = end ? end + 1 : p + strlen(p);
	}
	struct sy_report rep = {0};
	if (sy_pdf_text_stage(&rep.doc, pages, npages, err, sizeof err) == 0 && loaded)
		sy_report_from_doc(&rep, &rubric);
	sy_report_free(&rep);
	for (size_t i = 0; i < npages; i++)
		free((struct sy_pdf_box *)pages[i].box);
	free(pages);
	free(all);
	return 0;
}
