/* Private to the outline (outline.c, heading.c, outline_text.c): the work
 * space while an outline is built, and the steps that share it. */
#ifndef SHENYUE_OUTLINE_BUILD_H
#define SHENYUE_OUTLINE_BUILD_H

#include "shenyue/markup.h"
#include "shenyue/outline.h"

/* Per piece, what the heading pass needs besides the piece itself. */
struct piece_info {
	struct sy_markup mk; /* markup seen on the line (its first piece only) */
	size_t head_len;     /* bytes of the piece's normalised text the heading takes, 0: not cut */
	bool run_on;         /* a heading found inside a run-on line starts here */
	bool table;          /* the line is a table row */
};

/* The last few answers of names_a_part: a run-on line asks the same short
 * spans again as its headings are tried (half the asks at 2,000 reports). */
#define NAMES_MEMO 8
#define NAMES_MEMO_BYTES 192
struct names_memo {
	char text[NAMES_MEMO][NAMES_MEMO_BYTES];
	size_t len[NAMES_MEMO]; /* 0: empty slot */
	int year[NAMES_MEMO];
	bool named[NAMES_MEMO];
	unsigned next;          /* the slot written next */
};

struct builder {
	struct sy_outline *o;
	const struct sy_doc *d;
	const struct sy_rubric *r;
	struct piece_info *pi; /* one per piece */
	struct names_memo *memo; /* NULL: none */
};

/* A numbering marker as parsed from the start of squeezed text. */
struct mark {
	enum sy_mark style;
	int number;
	char sep;
	size_t len;  /* bytes of the squeezed text it takes */
	bool fault;  /* a bracket is missing */
};

/* Parses a marker at the start of squeezed (or normalised) text s (heading.c). */
bool parse_mark(const char *s, struct mark *m);
/* True when squeezed text names one of the rubric's parts in a heading (heading.c). */
bool names_a_part(const struct builder *b, const char *sq);
/* Cuts run-on lines at the headings inside them (heading.c). */
void split_run_on_lines(struct builder *b);
/* Finds the headings among the pieces of the body (heading.c). */
void find_headings(struct builder *b);
/* Decides the top level, where the body starts and each heading's level (heading.c). */
void assign_levels(struct builder *b);

#endif
