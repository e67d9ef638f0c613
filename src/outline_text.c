/* What the outline's passes (outline.c, heading.c) ask of a piece's text:
 * the piece's own text, its matching form (squeezed, years in Arabic
 * digits), whether it ends a sentence or like a heading, whether it says
 * "nothing". */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "outline_text.h"
#include "shenyue/meta.h"
#include "shenyue/xalloc.h"

/* True when squeezed s holds a sentence-closing mark (。;:!?). */
bool has_closing_punct(const char *s)
{
	return strstr(s, "。") || strchr(s, ';') || strchr(s, ':') || strchr(s, '!') || strchr(s, '?');
}

/* True when normalised text ends a sentence (or is blank), trailing spaces aside. */
bool sy_line_ends_sentence(const char *norm)
{
	size_t n = strlen(norm);
	while (n && norm[n - 1] == ' ')
		n--;
	if (!n)
		return true;
	static const char *const ends[] = { "。", "！", "？", "；", "：", "”", "」", "…", "）",
					    ".", "!", "?", ";", ":", ")" };
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t k = strlen(ends[i]);
		if (n >= k && !memcmp(norm + n - k, ends[i], k))
			return true;
	}
	return false;
}

/* The matching text of squeezed sq (years in Arabic digits), which it takes. */
char *matching_of_squeezed(char *sq)
{
	if (!strstr(sq, "年"))
		return sq;
	char *years = sy_meta_arabic_years(sq);
	free(sq);
	return years;
}

/* The matching text of normalised text: squeezed, years in Arabic digits. */
char *matching_text(const char *norm)
{
	return matching_of_squeezed(sy_squeeze(norm));
}

/* True when piece k is content still to be read (TEXT). */
bool piece_is_text(const struct builder *b, size_t k)
{
	return k < b->o->npc && b->o->pc[k].kind == SY_LK_TEXT;
}

/* The normalised text of piece k, a new string. */
char *piece_norm(const struct builder *b, size_t k)
{
	const struct sy_piece *p = &b->o->pc[k];
	const char *text = b->d->lines[p->line].text;
	if (p->from == 0 && p->to == strlen(text))
		return xstrdup(b->d->lines[p->line].norm);
	char *part = xstrndup(text + p->from, p->to - p->from);
	char *norm = sy_normalise(part);
	free(part);
	return norm;
}

/* True when squeezed sq ends with one of the rubric's heading endings. */
bool ends_like_heading(const struct builder *b, const char *sq)
{
	size_t n = strlen(sq);
	for (size_t i = 0; i < b->r->heading_ends.n; i++) {
		size_t k = b->r->heading_end_len[i];
		if (n >= k && !strcmp(sq + n - k, b->r->heading_ends.v[i]))
			return true;
	}
	return false;
}

/* True when squeezed sq, a final 。 aside, is one of the rubric's words for "nothing". */
bool says_nothing(const struct builder *b, const char *sq)
{
	size_t n = strlen(sq);
	if (n >= 3 && !strcmp(sq + n - 3, "。"))
		n -= 3;
	for (size_t i = 0; i < b->r->nothing.n; i++)
		if (strlen(b->r->nothing.v[i]) == n && !strncmp(sq, b->r->nothing.v[i], n))
			return true;
	return false;
}
