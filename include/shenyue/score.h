/* Scoring a report against the rubric: a status per part, a score and findings. */
#ifndef SHENYUE_SCORE_H
#define SHENYUE_SCORE_H

#include <stddef.h>

#include "shenyue/doc.h"
#include "shenyue/findings.h"
#include "shenyue/outline.h"
#include "shenyue/rubric.h"

enum sy_status { SY_MISSING, SY_PARTIAL, SY_PRESENT };

struct sy_part_result {
	enum sy_status status;
	long line;          /* 1-based heading line, or first mention; 0 when missing */
	long heading;       /* index into outline.h, -1 when no heading names it */
	char *heading_text; /* the heading as written, or NULL */
	size_t body_first;  /* 0-based line range of its text [first, end) */
	size_t body_end;
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
/* Returns "present", "partial" or "missing". */
const char *sy_status_name(enum sy_status st);
/* Parses a status name; returns -1 when unknown. */
int sy_status_parse(const char *name);

#endif
