/* The outline of a report, read as a supervisor reads it: where the body
 * starts and ends (title block, contents page, preamble, signature and date
 * line, annexes, web-page chrome), which lines are headings, and the levels
 * of this report (its top level is whatever style its part headings use:
 * 一、, 第一部分, 1., （一）, a Markdown or Word heading).
 *
 * The text is cut into pieces: one per line, except that a line which lost
 * its line breaks (a web copy) is cut where a heading starts inside it. */
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
	SY_LK_CONTENTS,  /* a contents page: navigation, not headings */
	SY_LK_ANNEX,     /* 附件 and tables after the date line */
};

/* Numbering styles, in the national order of levels (GB/T 9704: 一、 →
 * （一） → 1. → （1）); 第一部分 stands above them. */
enum sy_mark { SY_MARK_NONE, SY_MARK_PART, SY_MARK_CN, SY_MARK_PCN, SY_MARK_AR, SY_MARK_PAR };

/* A stretch of one line: the whole line, or the part of a run-on line
 * between two headings. */
struct sy_piece {
	size_t line;            /* 0-based line */
	size_t from, to;        /* byte range in the line's original text */
	enum sy_line_kind kind;
	const char *sq;         /* matching text: squeezed, years in Arabic digits, markup dropped */
	char *own;              /* sq when the piece owns it */
};

struct sy_heading {
	size_t line;     /* 0-based index of its first line */
	size_t nlines;   /* 1, or 2 when broken over two lines */
	size_t piece;    /* its piece: the heading and any text after it on the line */
	int level;       /* 1 = this report's top level, 2 the level below it ... */
	bool numbered;   /* false for an unnumbered heading line */
	char *marker;    /* "一、", "(一)", "1." ... as matched (squeezed), or "" */
	char *marker_text; /* the marker as written ("二，", "（一)"), or "" */
	char *text;      /* heading text after the marker, squeezed, cut where the heading ends */
	char *display;   /* the heading as written (joined when broken), trimmed */
	bool inline_body; /* text follows on the heading's own line */
	enum sy_mark style; /* its numbering style */
	int number;      /* 一 → 1, 十二 → 12; 0 unnumbered */
	char sep;        /* what closes the number: 'd' (、), '.', ',', ')' or 'b' (a bracket pair) */
	bool bracket_fault; /* （一) (一） （一 : brackets that do not pair */
	int markup;      /* the level its markup gives it: Markdown #s or the document's heading style */
	bool bold;       /* the whole line is bold (**…**) */
	bool run_on;     /* found inside a line that lost its line breaks */
	bool weak;       /* recognised by its words only, or inside a run-on line */
};

struct sy_outline {
	enum sy_line_kind *kind; /* one per doc line (the kind of its first piece; HEADING when it starts one) */
	size_t nlines;
	struct sy_piece *pc;     /* the pieces, in text order */
	size_t npc;
	struct sy_heading *h;
	size_t nh;
	size_t body_start;   /* 0-based first line that can hold part content */
	size_t body_end;     /* 0-based line just past the content: signature, date line, annex or end */
	size_t pc_body_start, pc_body_end; /* the same as piece indexes */
	enum sy_mark top_style; /* the numbering style of the top level (NONE: unnumbered or markup) */
	int top_markup;      /* the markup level of the top level when it is a marked-up heading */
	long contents_first, contents_last; /* 0-based lines of the contents page, -1 none */
	long annex_line;     /* 0-based first line of the annexes, -1 none */
	bool run_on;         /* some line lost its line breaks and was cut at headings */
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
/* Frees the per-line, per-piece and per-heading parts, keeping the title
 * block's and date line's facts (title, unit, year, date, body bounds):
 * what a report keeps once its text is let go. nlines, npc, nh become 0. */
void sy_outline_drop_lines(struct sy_outline *o);
/* Frees what the outline owns. */
void sy_outline_free(struct sy_outline *o);
/* Returns the index of the heading whose section holds piece p, or -1. */
long sy_outline_section_of(const struct sy_outline *o, size_t p);
/* Returns the piece just past the section of heading i: the next heading at
 * the same or a higher level, or the end of the content. */
size_t sy_outline_section_end(const struct sy_outline *o, size_t i);
/* Parses a heading marker at the start of squeezed text s. Returns its level
 * in the national order (1 一、 and 第一部分, 2 （一）, 3 1. and （1）) and the
 * marker length in *mlen, or 0 when s does not start with one. */
int sy_heading_marker(const char *s, size_t *mlen);

/* The length of a word joining two names in a heading at s (和 及 与 、 以及:
 * 不足|和原因, 主要举措成效|及…职责情况), or 0. */
size_t sy_heading_join(const char *s);
/* True when a normalised line ends a sentence (。！？；：” …) or is blank. */
bool sy_line_ends_sentence(const char *norm);
/* A name for a line kind ("contents", "annex" ...), for --explain. */
const char *sy_line_kind_name(enum sy_line_kind k);
/* How a numbering style is written: "一、", "（一）", "1.", "（1）", "第一部分", or "". */
const char *sy_mark_example(enum sy_mark m);

#endif
