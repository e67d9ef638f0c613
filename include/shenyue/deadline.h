/* Deadlines and received dates: when a report was due, when it came in,
 * when it was published, and the findings for late ones. No curses here.
 *
 * The submission deadline is the rubric's deadline_month/day of the year
 * after the report year (not set: 1 March, checked as information only);
 * the publication deadline likewise publication_deadline_month/day (not
 * set: 1 April). The received date is, in this order: the date the
 * supervisor set (review item "received"), the date recorded when shenyue
 * first saw the file (review item "first-seen"), the file's modification
 * time. */
#ifndef SHENYUE_DEADLINE_H
#define SHENYUE_DEADLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "shenyue/report.h"
#include "shenyue/review.h"
#include "shenyue/rubric.h"

struct sy_date {
	int y, m, d; /* y 0: no date */
};

struct sy_deadline {
	struct sy_date date;
	bool configured; /* set in the rubric: late is a warning, else information */
};

enum sy_received_from {
	SY_RECEIVED_NONE,       /* no date known (the file is gone) */
	SY_RECEIVED_HAND,       /* set by the supervisor */
	SY_RECEIVED_FIRST_SEEN, /* recorded when shenyue first saw the file */
	SY_RECEIVED_MTIME,      /* the file's modification time */
};

struct sy_received {
	struct sy_date date;
	enum sy_received_from from;
};

/* Parses "2025-02-27" (also 2025/2/27, 2025.2.27, 2025年2月27日). Returns 0 or -1. */
int sy_date_parse(const char *s, struct sy_date *d);
/* Writes "2025-02-27" into buf (11 bytes or more); "" for no date. */
void sy_date_format(const struct sy_date *d, char *buf, size_t len);
/* Compares two dates like strcmp. */
int sy_date_cmp(const struct sy_date *a, const struct sy_date *b);
/* The local date of a time. */
struct sy_date sy_date_of(time_t t);

/* The submission deadline of reports for year (0: none). */
struct sy_deadline sy_deadline_submission(const struct sy_rubric *r, int year);
/* The publication deadline of reports for year (0: none). */
struct sy_deadline sy_deadline_publication(const struct sy_rubric *r, int year);

/* The received date of the report at path with review rv (may be NULL). */
struct sy_received sy_received_of(const char *path, const struct sy_review *rv);
/* Returns "hand", "first-seen", "mtime" or "none". */
const char *sy_received_from_name(enum sy_received_from f);
/* Returns where a received date came from in the supervisor's words
 * ("set by hand", "first seen", "file time"), translated. */
const char *sy_received_from_label(enum sy_received_from f);
/* The date to record as first seen for the file at path: today, or its
 * modification time when earlier (a file copied in before shenyue ran). */
struct sy_date sy_first_seen_date(const char *path, time_t now);

/* The report's publication date: a saved web page's 发布日期 line. */
bool sy_report_published(const struct sy_report *rep, struct sy_date *d);

/* True when received is on or after the submission deadline of year. */
bool sy_is_late(const struct sy_rubric *r, int year, const struct sy_received *rc);
/* Adds a "received-late" finding to rep when rc is on or after the
 * submission deadline of the report's year (year, when the report names
 * none), replacing that of an earlier call. */
void sy_deadline_check(struct sy_report *rep, const struct sy_rubric *r, int year,
		       const struct sy_received *rc);

#endif
