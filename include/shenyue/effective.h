/* The reviewer wins: a report's effective part statuses, score and
 * completeness, computed from what was detected and what the supervisor
 * decided. Every place that shows or counts a status (list mark, incomplete
 * count and filter, sort by score, checklist header, exports, check-like
 * outputs, the batch summary) goes through these functions, so they can
 * never disagree. The detected status stays available beside the effective
 * one (✓→~). No I/O and no curses here.
 *
 * Score: each part's rubric weight times 1 (present), the rubric's
 * partial_credit (partial) or 0 (missing), over the total weight, as a
 * percentage; then minus the rubric's deductions (扣分) for the report's
 * findings, never below 0. A finding about a part the reviewer marked
 * present costs nothing: the reviewer found what it says is missing. */
#ifndef SHENYUE_EFFECTIVE_H
#define SHENYUE_EFFECTIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/report.h"
#include "shenyue/review.h"
#include "shenyue/rubric.h"
#include "shenyue/score.h"

/* Where a report stands in the review: no verdict yet; a verdict on the
 * content as it is now; or a verdict on an earlier version (resubmitted,
 * ↻): it needs a new verdict before it counts as reviewed again. */
enum sy_review_state { SY_REVIEW_OPEN, SY_REVIEW_DONE, SY_REVIEW_AGAIN };

/* One part as it counts. */
struct sy_effective_part {
	enum sy_status status;   /* the reviewer's status if set, else the detected one */
	enum sy_status detected; /* what the scorer found (SY_MISSING when unreadable) */
	bool overridden;         /* the reviewer set a status (it may equal the detected one) */
	const char *reason;      /* the reviewer's reason, or NULL; points into the review */
};

/* Everything about a report that depends on both detection and review. */
struct sy_effective {
	struct sy_effective_part *parts; /* one per rubric part, in rubric order */
	size_t nparts;
	int score;               /* 0..100 as it counts; -1 unreadable or not loaded */
	int detected_score;      /* from the detected statuses alone (with deductions) */
	int deducted;            /* points the findings took off (already in score) */
	bool incomplete;         /* unreadable, or a required part not present as it counts */
	bool detected_incomplete;
	enum sy_status worst;    /* worst required part as it counts (SY_MISSING when unreadable) */
	enum sy_status detected_worst;
	size_t nerrors, nwarnings, ninfos; /* findings by severity */
	enum sy_review_state state;
};

/* Fills e for report rep with review rv (NULL: no review) against rubric r.
 * A report not loaded yet gets score -1 and is not incomplete. Free e with
 * sy_effective_free. */
void sy_effective_of(struct sy_effective *e, const struct sy_report *rep, const struct sy_review *rv,
		     const struct sy_rubric *r);
/* Frees what e owns. */
void sy_effective_free(struct sy_effective *e);

/* The single values, without allocating (for list rows and comparators). */

/* Returns part p's status as it counts; *overridden (may be NULL) says
 * whether the reviewer set it. SY_MISSING for an unreadable report. */
enum sy_status sy_effective_status(const struct sy_report *rep, const struct sy_review *rv,
				   const struct sy_rubric *r, size_t p, bool *overridden);
/* Returns the detected status of part p (SY_MISSING when unreadable). */
enum sy_status sy_effective_detected(const struct sy_report *rep, size_t p);
/* Returns the score as it counts (overrides, partial credit, deductions),
 * or -1 when the report is unreadable or not loaded. */
int sy_effective_score(const struct sy_report *rep, const struct sy_review *rv, const struct sy_rubric *r);
/* Returns the points the rubric's deductions take off for rep's findings
 * (after the reviewer's overrides, see above). */
int sy_effective_deductions(const struct sy_report *rep, const struct sy_review *rv, const struct sy_rubric *r);
/* Returns the worst status among the required parts as they count. */
enum sy_status sy_effective_worst(const struct sy_report *rep, const struct sy_review *rv,
				  const struct sy_rubric *r);
/* True when a loaded report is unreadable or a required part is not present
 * as it counts; false for a report not loaded yet. */
bool sy_effective_incomplete(const struct sy_report *rep, const struct sy_review *rv,
			     const struct sy_rubric *r);
/* Returns the number of rep's warnings and errors that still stand: not
 * about a part the reviewer marked present (the list's ! mark). */
size_t sy_effective_warnings(const struct sy_report *rep, const struct sy_review *rv);
/* Returns the number of rep's findings of severity sev. */
size_t sy_effective_count(const struct sy_report *rep, enum sy_severity sev);
/* Returns where rep stands in the review (see enum sy_review_state). A
 * report not loaded yet cannot be known to have changed: a verdict counts. */
enum sy_review_state sy_effective_state(const struct sy_report *rep, const struct sy_review *rv);

#endif
