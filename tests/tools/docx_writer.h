/* Test tool: writes plain text as a real .docx (libzip), one paragraph per
 * line, the way Word would store it. Used by the tests to make every .docx
 * fixture on the machine that runs them, and by tests/tools/mkdocx. */
#ifndef SHENYUE_TEST_DOCX_WRITER_H
#define SHENYUE_TEST_DOCX_WRITER_H

#include <stddef.h>

enum docx_style {
	DOCX_WORD,    /* heading numbers (一、 （一） 1. （1）) as Word numbering from
			 numbering.xml, short heading lines in Heading 1/2 styles */
	DOCX_PLAIN,   /* the text as typed, numbers and all */
	DOCX_TRACKED, /* plain, plus a tracked deletion and insertion and a comment */
};

/* Where DOCX_TRACKED put its marks (1-based lines), 0 when nowhere. */
struct docx_marks {
	size_t revision_line;
	size_t comment_line;
	size_t numbered;      /* DOCX_WORD: paragraphs given Word numbering */
};

/* Writes len bytes of UTF-8 text as a .docx at path. Returns 0, or -1 (errno). */
int docx_write(const char *path, const char *text, size_t len, enum docx_style style, struct docx_marks *marks);

#endif
