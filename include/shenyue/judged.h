/* The text a supervisor judged. When a verdict is given, the report as it
 * was read then (its lines, and each part's status and place) is kept beside
 * the review file, compressed: .shenyue/<report file name>.judged (a name
 * too long for the file system is shortened with a hash, fileio.h). When the
 * unit sends the report again (↻), sy_judged_diff tells part by part what
 * changed since that verdict. No curses here.
 *
 * The file: one line "shenyue-judged 1 <bytes>\n", then a zlib stream of
 * <bytes> bytes of text: "hash fnv1a64:…", "verdict …", "at …", "parts N"
 * and N lines "<id> <status> <heading line> <first> <end>", "lines M" and M
 * lines, each "<length> <bytes>" (so any byte may stand in a line). */
#ifndef SHENYUE_JUDGED_H
#define SHENYUE_JUDGED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shenyue/report.h"
#include "shenyue/review.h"
#include "shenyue/rubric.h"

/* A part as it was judged. */
struct sy_judged_part {
	char *id;
	int status;               /* enum sy_status detected then, -1 unknown */
	long heading;             /* 0-based line of its heading, -1 none */
	size_t first, end;        /* 0-based lines of its text [first, end) */
};

struct sy_judged {
	uint64_t hash;            /* content hash of the report judged */
	char *verdict;            /* accept, return, pending */
	char *at;                 /* when (ISO 8601 UTC) */
	struct sy_judged_part *parts;
	size_t nparts;
	char **lines;             /* the text judged, one string a line */
	size_t nlines;
};

/* Where the judged text of a report is kept (see above); newly allocated. */
char *sy_judged_path(const char *report_path, const char *state_dir);
/* Keeps the text of loaded report rep (scored with rubric r), judged now
 * with verdict v, at path (atomically; the folder is made when missing).
 * Returns 0, or -1 with the reason in err. */
int sy_judged_save(const struct sy_report *rep, const struct sy_rubric *r, enum sy_verdict v, const char *path,
		   char *err, size_t errlen);
/* Reads what was kept at path. Returns 0; 1 when nothing was kept; -1 with
 * "path: reason" in err when the file is unreadable or corrupt. */
int sy_judged_load(struct sy_judged *j, const char *path, char *err, size_t errlen);
/* Frees what j owns and empties it. */
void sy_judged_free(struct sy_judged *j);
/* The judged part with this id, or NULL. */
const struct sy_judged_part *sy_judged_part(const struct sy_judged *j, const char *id);

/* One line of a part's difference. */
enum sy_diff_op { SY_DIFF_SAME, SY_DIFF_DELETED, SY_DIFF_ADDED };

struct sy_diff_line {
	enum sy_diff_op op;
	long old_line;            /* 0-based line then (deleted, same), -1 */
	long new_line;            /* 0-based line now (added, same), -1 */
};

/* How a part changed since the verdict. */
struct sy_part_diff {
	const char *id;           /* the rubric's part id; NULL: the text outside the parts */
	int old_status, new_status; /* detected then and now, -1 unknown */
	bool changed;             /* its text differs (spacing aside) */
	struct sy_diff_line *d;
	size_t nd;
};

struct sy_report_diff {
	struct sy_part_diff *p;   /* one per rubric part, then the text outside the parts */
	size_t n;
	size_t nchanged;          /* parts whose text changed */
};

/* The part each line of a scored report belongs to: the rubric index of
 * the innermost part whose heading or text holds it (duty inside measures
 * is duty's), -1 for none; one per doc line, newly allocated. */
long *sy_report_line_owners(const struct sy_report *rep, size_t nparts);
/* Compares what was judged (j) with report rep as it is now, part by part
 * in the rubric's order, then the text outside every part (title,
 * preamble, signature). Lines are compared with their spacing left out. */
void sy_judged_diff(struct sy_report_diff *d, const struct sy_judged *j, const struct sy_report *rep,
		    const struct sy_rubric *r);
/* Frees what d owns. */
void sy_report_diff_free(struct sy_report_diff *d);

#endif
