/* doctext [-v] FILE...: prints the lines shenyue reads from each file (any
 * format), as the reader made them; -v prefixes each line with its number,
 * style level and page. For tests and for looking at a submitted document. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shenyue/doc.h"

static void print_doc(const struct sy_doc *d, bool verbose)
{
	for (size_t i = 0; i < d->nlines; i++) {
		if (verbose)
			printf("%zu\ts%d\tp%u\t", i + 1, sy_doc_style_level(d, i), sy_doc_page(d, i));
		printf("%s\n", d->lines[i].text);
	}
	if (verbose)
		printf("# %s: %s, %zu lines, %u revisions (line %zu), %u comments (line %zu), %u scanned pages "
		       "(first %u), published %d-%02d-%02d (line %zu)\n", d->path, sy_doc_source_name(d), d->nlines,
		       d->revisions, d->revision_line, d->comments, d->comment_line, d->scanned_pages,
		       d->first_scanned_page, d->pub_y, d->pub_m, d->pub_d, d->pub_line);
}

int main(int argc, char **argv)
{
	bool verbose = argc > 1 && !strcmp(argv[1], "-v");
	int rc = 0;
	for (int i = 1 + verbose; i < argc; i++) {
		struct sy_doc d;
		char err[512];
		if (sy_doc_load(&d, argv[i], err, sizeof err) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], err);
			rc = 1;
		} else {
			print_doc(&d, verbose);
		}
		sy_doc_free(&d);
	}
	return rc;
}
