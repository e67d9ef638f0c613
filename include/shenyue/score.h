/* Scoring a report against the rubric: a status per part, a score and findings. */
#ifndef SHENYUE_SCORE_H
#define SHENYUE_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/doc.h"
#include "shenyue/findings.h"
#include "shenyue/outline.h"
#include "shenyue/rubric.h"

enum sy_status { SY_MISSING, SY_PARTIAL, SY_PRESENT };

/* The rule that decided a part's status (domain.md, "Status of a part"). */
enum sy_rule {
	SY_RULE_NONE,    /* missing: no heading names it, the text never mentions it */
	SY_RULE_HEADING, /* present: a heading names it and text follows */
	SY_RULE_EMPTY,   /* partial: its heading has nothing under it */
	SY_RULE_NOTHING, /* partial: under its heading only 无, 暂无 or the like */
	SY_RULE_ASPECT,  /* partial: what it must also say (the causes) is not there */
	SY_RULE_MENTION, /* partial: no heading; another part's text mentions it */
	SY_RULE_TOPICAL, /* partial: the top-level headings describe topics instead */
};

/* Why evidence is weak, so the supervisor looks there first (bits). */
enum sy_doubt {
	SY_DOUBT_WORDS = 1,  /* an unnumbered heading known only by its words */
	SY_DOUBT_RUN_ON = 2, /* a heading found inside a line that lost its breaks */
	SY_DOUBT_ASPECT = 4, /* shown only by a weak phrase (a cause without 原因) */
	SY_DOUBT_CUT = 8,    /* partial by what its text holds, and that text ends at an
				unnumbered heading known only by its words (cut_line) */
};

#define SY_EVIDENCE_LINES 4

/* What a part's status rests on. */
struct sy_evidence {
	enum sy_rule rule;
	const char *aspect;       /* SY_RULE_ASPECT, or the aspect found: the rubric's id ("causes") */
	int level;                /* level of the deciding heading (1 = top), 0 none */
	long lines[SY_EVIDENCE_LINES]; /* 1-based lines it rests on: heading, text, aspect */
	size_t nlines;
	long aspect_line;         /* 1-based line showing the aspect (the causes), 0 none */
	unsigned doubt;           /* enum sy_doubt bits; 0: certain */
	long cut_line;            /* SY_DOUBT_CUT: 1-based line of the heading that ends the text */
	long ignored;             /* 1-based line where the part was seen but does not count
				     (contents, preamble, annex), 0 none */
	enum sy_line_kind ignored_kind;
};

struct sy_part_result {
	enum sy_status status;
	long line;          /* 1-based heading line, or first mention; 0 when missing */
	long heading;       /* index into outline.h, -1 when no heading names it */
	char *heading_text; /* the heading as written, or NULL */
	size_t body_first;  /* 0-based line range of its text [first, end) */
	size_t body_end;
	size_t piece_first; /* the same as outline pieces [first, end) */
	size_t piece_end;
	struct sy_evidence ev;
};

struct sy_score {
	struct sy_part_result *parts; /* one per rubric part, same order */
	size_t nparts;
	int score;                    /* 0..100 */
	struct sy_finding *f;
	size_t nf;
};

/* Scores a doc with its outline against the rubric: part statuses, the score
 * and the findings about parts, year and date (sy_debris_scan adds those about
 * the text itself; sy_report_from_doc runs both). */
void sy_score_report(struct sy_score *s, const struct sy_doc *d, const struct sy_outline *o,
		     const struct sy_rubric *r);
/* Frees what the score owns. */
void sy_score_free(struct sy_score *s);
/* The rule's id as check --format yaml writes it: heading, empty, nothing,
 * causes-missing (an aspect's id), mention, topical, none. */
void sy_evidence_rule_id(const struct sy_evidence *e, char *buf, size_t len);
/* One translated sentence saying why the part has its status. */
void sy_evidence_describe(const struct sy_part_result *pr, const struct sy_part *p, char *buf, size_t len);
/* True when the status rests on weak evidence. */
static inline bool sy_evidence_uncertain(const struct sy_evidence *e)
{
	return e->doubt != 0;
}
/* Returns "present", "partial" or "missing". */
const char *sy_status_name(enum sy_status st);
/* Returns the mark of a status on a terminal: ✓ ~ ✗, or + ~ - without UTF-8. */
const char *sy_status_mark(enum sy_status st, bool utf8);
/* Parses a status name; returns -1 when unknown. */
int sy_status_parse(const char *name);

#endif
