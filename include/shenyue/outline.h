/* The outline of a report: headings with their levels, the title block,
 * the preamble, web-page chrome and the date line. */
#ifndef SHENYUE_OUTLINE_H
#define SHENYUE_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/doc.h"
#include "shenyue/rubric.h"

enum sy_line_kind {
	SY_LK_BLANK,
	SY_LK_TEXT,      /* content */
	SY_LK_HEADING,   /* first line of a heading */
	SY_LK_HEADCONT,  /* second line of a heading broken over two lines */
	SY_LK_UNIT,      /* the issuing unit's line above the title */
	SY_LK_TITLE,
	SY_LK_PREAMBLE,  /* text before the first top-level heading */
	SY_LK_CHROME,    /* web-page chrome, page footers */
	SY_LK_SIGNATURE, /* the signing unit at the end */
	SY_LK_DATE,      /* the date line (成文日期) */
};

struct sy_heading {
	size_t line;     /* 0-based index of its first line */
	size_t nlines;   /* 1, or 2 when broken over two lines */
	int level;       /* 1..3 */
	bool numbered;   /* false for an unnumbered heading line */
	char *marker;    /* "一、", "（一）", "1." ... or "" */
	char *text;      /* heading text after the marker, squeezed, cut at 。 */
	char *display;   /* the heading as written (joined when broken), trimmed */
	bool inline_body; /* text follows on the heading's own line */
};

struct sy_outline {
	enum sy_line_kind *kind; /* one per doc line */
	size_t nlines;
	struct sy_heading *h;
	size_t nh;
	size_t body_start;   /* 0-based first line that can hold part content */
	int top_level;       /* the highest heading level used (1 unless only （一） and below) */
	char *title;         /* normalised, joined when broken over two lines */
	long title_line;     /* 0-based, -1 when none */
	char *unit;          /* issuing unit, or NULL */
	int year;            /* report year, 0 when unknown */
	long year_line;      /* 0-based line the year was read from, -1 */
	long date_line;      /* 0-based, -1 when no date line */
	int date_y, date_m, date_d;
};

/* Builds the outline of a decoded doc. Never fails on any input. */
void sy_outline_build(struct sy_outline *o, const struct sy_doc *d, const struct sy_rubric *r);
/* Frees what the outline owns. */
void sy_outline_free(struct sy_outline *o);
/* Returns the index of the heading whose section holds line (0-based), or -1. */
long sy_outline_section_of(const struct sy_outline *o, size_t line);
/* Returns the 0-based line just past the section of heading i: the next heading
 * at the same or a higher level, or the end of the content. */
size_t sy_outline_section_end(const struct sy_outline *o, size_t i);
/* Parses a heading marker at the start of squeezed text s. Returns its level
 * (1..3) and the marker length in *mlen, or 0 when s does not start with one. */
int sy_heading_marker(const char *s, size_t *mlen);
/* True when a normalised line ends a sentence (。！？；：” …) or is blank. */
bool sy_line_ends_sentence(const char *norm);

#endif
