/* Test tool: typesets plain text as a real PDF with cairo and a packaged CJK
 * font (fonts-wqy-microhei), the way a report printed to PDF looks: A4,
 * 公文 margins, 16 pt text, each line of the text a paragraph indented two
 * characters and wrapped at the margin, a blank line as vertical space,
 * page numbers (— 3 —) at the foot and optionally a running header. The
 * fonts are embedded subsets with ToUnicode maps, as Word's and WPS's
 * "save as PDF" write them. */
#ifndef SHENYUE_TEST_PDF_WRITER_H
#define SHENYUE_TEST_PDF_WRITER_H

#include <stdbool.h>
#include <stddef.h>

struct pdf_options {
	const char *header;     /* running header on every page, or NULL */
	const char *number_fmt; /* page number, printf with %d: "— %d —" (NULL: none) */
	int lines_per_page;     /* 0: as the margins allow (22) */
	bool image_pages;       /* add a page that is only an image (a scanned page) after the text */
	int only_images;        /* >0: no text at all, this many scanned pages */
	bool autospace;         /* widen the gap between Chinese and Latin letters or digits by a
				   quarter character, as Word, WPS and LibreOffice do by default */
};

/* Where things went. */
struct pdf_marks {
	int pages;
	int last_para_page;     /* page the text's last paragraph starts on */
};

/* Writes len bytes of UTF-8 text as a PDF at path. Returns 0, -1 on an
 * error (errno), or 77 when no installed font has Chinese glyphs. */
int pdf_write(const char *path, const char *text, size_t len, const struct pdf_options *o, struct pdf_marks *m);

/* Frees what cairo and fontconfig keep between documents (call once, at the
 * end: leak checkers otherwise report their caches). */
void pdf_writer_cleanup(void);

#endif
