/* mkpdf [--header TEXT] [--numbers FMT] [--scan-page] [--scans N] [--autospace]
 * IN.txt OUT.pdf: typesets
 * a text report as a PDF (see pdf_writer.h), for making fixtures by hand.
 * Exit status 77: no installed font has Chinese glyphs. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_writer.h"
#include "shenyue/fileio.h"

int main(int argc, char **argv)
{
	struct pdf_options o = { .number_fmt = "— %d —" };
	int i = 1;
	for (; i + 1 < argc && !strncmp(argv[i], "--", 2); i++) {
		if (!strcmp(argv[i], "--header"))
			o.header = argv[++i];
		else if (!strcmp(argv[i], "--numbers"))
			o.number_fmt = *argv[++i] ? argv[i] : NULL;
		else if (!strcmp(argv[i], "--scan-page"))
			o.image_pages = true;
		else if (!strcmp(argv[i], "--scans"))
			o.only_images = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--autospace"))
			o.autospace = true;
	}
	if (argc - i != 2) {
		fprintf(stderr, "usage: mkpdf [--header TEXT] [--numbers FMT] [--scan-page] [--scans N] [--autospace] "
				"IN.txt OUT.pdf\n");
		return 2;
	}
	char *text;
	size_t len;
	if (sy_file_read(argv[i], 0, &text, &len, NULL) != SY_READ_OK) {
		perror(argv[i]);
		return 1;
	}
	struct pdf_marks m;
	int rc = pdf_write(argv[i + 1], text, len, &o, &m);
	free(text);
	pdf_writer_cleanup();
	if (rc == 77)
		fprintf(stderr, "mkpdf: no font with Chinese glyphs (apt-get install fonts-wqy-microhei)\n");
	else if (rc != 0)
		perror(argv[i + 1]);
	else
		printf("%s: %d pages\n", argv[i + 1], m.pages);
	return rc == 0 ? 0 : rc == 77 ? 77 : 1;
}
