/* mkdocx word|plain|tracked IN.txt OUT.docx: writes a text report as a .docx
 * (see docx_writer.h), for making fixtures by hand. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx_writer.h"
#include "shenyue/fileio.h"

int main(int argc, char **argv)
{
	static const char *const names[] = { "word", "plain", "tracked" };
	int style = -1;
	for (int i = 0; argc == 4 && i < 3; i++)
		if (!strcmp(argv[1], names[i]))
			style = i;
	if (style < 0) {
		fprintf(stderr, "usage: mkdocx word|plain|tracked IN.txt OUT.docx\n");
		return 2;
	}
	char *text;
	size_t len;
	if (sy_file_read(argv[2], 0, &text, &len, NULL) != SY_READ_OK) {
		perror(argv[2]);
		return 1;
	}
	struct docx_marks m;
	int rc = docx_write(argv[3], text, len, (enum docx_style)style, &m);
	free(text);
	if (rc != 0) {
		perror(argv[3]);
		return 1;
	}
	printf("%s: %zu numbered paragraphs, revision at line %zu, comment at line %zu\n", argv[3], m.numbered,
	       m.revision_line, m.comment_line);
	return 0;
}
