/* Private to the outline: what its passes (outline.c, heading.c) ask of a
 * piece's text, in outline_text.c. */
#ifndef SHENYUE_OUTLINE_TEXT_H
#define SHENYUE_OUTLINE_TEXT_H

#include "outline_build.h"

/* How many ASCII digits open s (0 when none). Inline: the marker parsers
 * and the footer test ask it of every line. */
static inline size_t digits_at(const char *s)
{
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* True when the piece is content still to be read (TEXT). */
bool piece_is_text(const struct builder *b, size_t k);
/* The normalised text of piece k (a new string). */
char *piece_norm(const struct builder *b, size_t k);
/* The matching text of normalised s: squeezed, years in Arabic digits (a new string). */
char *matching_text(const char *norm);
/* The matching text of squeezed sq, which it takes (frees or returns). */
char *matching_of_squeezed(char *sq);
/* True when squeezed s holds a sentence-closing mark (。;:!?). */
bool has_closing_punct(const char *s);
/* True when squeezed sq, a final 。 aside, is one of the rubric's words for
 * "nothing" (无其他需要报告的情况): an answer, never a heading or a signature. */
bool says_nothing(const struct builder *b, const char *sq);
/* True when squeezed s ends with one of the rubric's heading endings. */
bool ends_like_heading(const struct builder *b, const char *sq);

#endif
