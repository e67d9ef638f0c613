/* The finding registry: every finding shenyue reports, one row each, with
 * its id, severity, message and the sentence that documents it. Detectors
 * emit findings only through it (sy_finding_add), and the README's and the
 * man page's lists of findings are generated from it (`make docs`;
 * tests/cli/docs_lists.sh fails when they drift).
 *
 * Adding a finding:
 *   1. one row in SY_FINDINGS below: X(NAME, "id", severity,
 *      N_("message, printf-style"), N_("One sentence for the docs."));
 *   2. the detector calls sy_finding_add(score, SY_FIND_NAME, line, part, ...);
 *   3. `make docs` rewrites the lists; `make update-po` and translate.
 * A row whose doc is NULL is another wording of the finding just above it
 * (same id, listed once). An id may name a family: "ASPECT-missing" stands
 * for causes-missing, rectification-missing... (the id is given at the call,
 * sy_finding_add_as). */
#ifndef SHENYUE_FINDINGS_H
#define SHENYUE_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum sy_severity { SY_SEV_INFO, SY_SEV_WARNING, SY_SEV_ERROR };

/* One argument of a finding's message, kept so that the message can be
 * said again in another language (sy_finding_message). */
struct sy_finding_arg {
	char type;          /* 's' string, 'i' int, 'l' long, 'z' size_t, 'u' unsigned, 'f' double */
	union {
		char *s;
		long long i;
		size_t z;
		double f;
	} v;
};

/* One finding in a report. */
struct sy_finding {
	char *id;           /* short id: causes-missing, empty-part, thin-part... */
	enum sy_severity severity;
	long line;          /* 1-based, 0 when none */
	char *part;         /* the part it concerns, or NULL */
	char *message;      /* one sentence, in the language of the messages when it was found */
	int kind;           /* its row of the registry (enum sy_finding_kind) */
	struct sy_finding_arg *args; /* the message's arguments, in the template's order */
	size_t nargs;
	char *other;        /* the other report it compares with (compare.h): its path, or NULL */
	long other_line;    /* 1-based line there, 0 when none */
};

/* X(NAME, id, severity, message template, doc sentence) */
#define SY_FINDINGS(X) \
	/* parts (score.c) */ \
	X(MISSING_PART, "missing-part", SY_SEV_ERROR, \
	  N_("%s: missing: no heading names it (%s) and the text never mentions it"), \
	  N_("A required part has no heading and is not mentioned anywhere.")) \
	X(NO_HEADING_TOPICAL, "no-heading", SY_SEV_WARNING, \
	  N_("%s: no heading of its own; the top-level headings describe topics of the year's work " \
	     "instead (first at line %ld)"), \
	  N_("A part has no heading of its own (partial): it is only mentioned in another part's " \
	     "text, or the top-level headings are topics of the work instead.")) \
	X(NO_HEADING_UNDER, "no-heading", SY_SEV_WARNING, \
	  N_("%s: no heading of its own; only mentioned at line %ld under \"%s\""), NULL) \
	X(NO_HEADING_MENTIONED, "no-heading", SY_SEV_WARNING, \
	  N_("%s: no heading of its own; only mentioned at line %ld"), NULL) \
	X(EMPTY_PART, "empty-part", SY_SEV_ERROR, \
	  N_("%s: the heading \"%s\" has nothing written under it"), \
	  N_("A part's heading has no text under it, or only 无, 暂无 or the like (partial).")) \
	X(EMPTY_PART_NOTHING, "empty-part", SY_SEV_ERROR, \
	  N_("%s: under the heading \"%s\" it says only that there is nothing (line %ld)"), NULL) \
	X(ASPECT_MISSING, "ASPECT-missing", SY_SEV_WARNING, \
	  N_("%s: %s not reported, neither in the heading nor in the text under it"), \
	  N_("Something the rubric requires of a part is absent from its heading and text: " \
	     "causes-missing (shortfalls without their causes, partial), " \
	     "rectification-missing (info).")) \
	X(ASPECT_MISSING_LAST_YEAR, "ASPECT-missing", SY_SEV_INFO, \
	  N_("%s: %s not reported, neither in the heading nor in the text under it; last year's report " \
	     "(%s) named these problems: %s"), NULL) \
	X(ASPECT_PROMISED, "ASPECT-promised", SY_SEV_WARNING, \
	  N_("%s: the heading promises %s but the text under it gives none"), \
	  N_("The heading promises it (\"…及原因\") but the text under it gives none: " \
	     "causes-promised, rectification-promised.")) \
	X(ASPECT_PROMISED_LAST_YEAR, "ASPECT-promised", SY_SEV_INFO, \
	  N_("%s: the heading promises %s but the text under it gives none; last year's report (%s) " \
	     "named these problems: %s"), NULL) \
	X(THIN_PART, "thin-part", SY_SEV_WARNING, \
	  N_("%s: no figures at all (no number with a unit such as 次, 件, %%)"), \
	  N_("A part that should report results holds no figure (a number with a unit).")) \
	X(YEAR_MISMATCH_COPIED, "year-mismatch", SY_SEV_WARNING, \
	  N_("%s: the heading names %d but the report is for %d (copied from an earlier report?)"), \
	  N_("A heading names the wrong year for its part (a plan for this year: copied from " \
	     "last year's report?).")) \
	X(YEAR_MISMATCH, "year-mismatch", SY_SEV_WARNING, \
	  N_("%s: the heading names %d but the report is for %d"), NULL) \
	X(PLAN_NO_YEAR, "plan-no-year", SY_SEV_INFO, \
	  N_("%s: the heading \"%s\" names no year"), \
	  N_("The plan's heading names no year.")) \
	X(ORDER, "order", SY_SEV_INFO, \
	  N_("order: %s comes before %s (allowed; the national list has %s first)"), \
	  N_("The parts come in another order than the national list (allowed).")) \
	X(MERGED, "merged", SY_SEV_INFO, \
	  N_("one heading covers both %s and %s"), \
	  N_("One heading covers two parts.")) \
	/* numbering of the headings (numbering.c) */ \
	X(NUMBERING_GAP, "numbering-gap", SY_SEV_WARNING, \
	  N_("numbering: \"%s\" is missing before \"%s\""), \
	  N_("A run of headings skips a number (一、二、四、).")) \
	X(NUMBERING_GAP_RANGE, "numbering-gap", SY_SEV_WARNING, \
	  N_("numbering: \"%s\" to \"%s\" are missing before \"%s\""), NULL) \
	X(NUMBERING_REPEAT, "numbering-repeat", SY_SEV_WARNING, \
	  N_("numbering: \"%s\" is used twice"), \
	  N_("A run of headings repeats a number (三、 twice; when the next never comes, it is " \
	     "named as missing).")) \
	X(NUMBERING_REPEAT_MISSING, "numbering-repeat", SY_SEV_WARNING, \
	  N_("numbering: \"%s\" is used twice and \"%s\" is missing"), NULL) \
	X(NUMBERING_MIXED, "numbering-mixed", SY_SEV_WARNING, \
	  N_("numbering: \"%s\" is written differently from \"%s\" at the same level"), \
	  N_("Headings of one level are numbered in two styles (二， beside 一、).")) \
	X(NUMBERING_BRACKET, "numbering-bracket", SY_SEV_WARNING, \
	  N_("numbering: the brackets of \"%s\" do not pair"), \
	  N_("A heading's number has brackets that do not pair: （一) (一） （一.")) \
	X(NUMBERING_ORDER, "numbering-order", SY_SEV_WARNING, \
	  N_("numbering: \"%s\" stands under \"%s\", against the order 一、 （一） 1. （1）"), \
	  N_("A heading level above its parent's in the order 一、 → （一） → 1. → （1） " \
	     "(（一） above 一、).")) \
	X(NUMBERING_LEVEL, "numbering-level", SY_SEV_INFO, \
	  N_("numbering: \"%s\" comes directly under \"%s\", skipping a level of 一、 （一） 1. （1）"), \
	  N_("A heading level skipped in the order 一、 → （一） → 1. → （1） (1. directly under 一、).")) \
	/* dates and metadata (score.c, deadline.c) */ \
	X(NO_DATE, "no-date", SY_SEV_INFO, \
	  N_("no date line (成文日期) at the end of the report"), \
	  N_("No date line (成文日期) at the end.")) \
	X(LATE, "late", SY_SEV_INFO, \
	  N_("dated %d-%02d-%02d, on or after the deadline %d-%02d-%02d"), \
	  N_("Dated on or after the filing deadline (a warning when the rubric sets the deadline).")) \
	X(PUBLISHED_LATE, "published-late", SY_SEV_INFO, \
	  N_("published %d-%02d-%02d, on or after the publication deadline %d-%02d-%02d"), \
	  N_("The web page says it was published on or after the publication deadline.")) \
	X(RECEIVED_LATE, "received-late", SY_SEV_INFO, \
	  N_("received %s (%s), on or after the submission deadline %s"), \
	  N_("The report reached the desk on or after the submission deadline.")) \
	X(NO_YEAR, "no-year", SY_SEV_INFO, \
	  N_("the report year is named neither in the title nor in the first paragraph"), \
	  N_("The report year is named neither in the title nor in the first paragraph.")) \
	X(INVALID_BYTES, "invalid-bytes", SY_SEV_WARNING, \
	  N_("invalid bytes: %zu could not be decoded as %s and show as U+FFFD"), \
	  N_("Bytes that are not valid in the file's encoding (shown as U+FFFD).")) \
	/* the document file itself (docin_findings.c) */ \
	X(TRACKED_CHANGES, "tracked-changes", SY_SEV_WARNING, \
	  N_("tracked changes not accepted (修订未接受): %u revision marks, read as if accepted; " \
	     "accept or reject them before the report is published"), \
	  N_("A Word or ODF file still holds tracked changes (修订未接受); they are read as accepted.")) \
	X(COMMENTS_LEFT, "comments-left", SY_SEV_WARNING, \
	  N_("comments left in the file (批注未删除): %u"), \
	  N_("A Word or ODF file still holds comments (批注未删除).")) \
	X(SCANNED_PAGES, "scanned-pages", SY_SEV_WARNING, \
	  N_("%u pages are scanned images with no text layer (the first is page %u): their text was not read"), \
	  N_("PDF pages that are scanned images with no text layer: their text is not read.")) \
	/* the text itself (debris.c) */ \
	X(DEBRIS, "debris", SY_SEV_WARNING, \
	  N_("conversion debris \"%s\" left in the text"), \
	  N_("Conversion debris left in the text ([bookmark: …], field codes…).")) \
	X(WEB_CHROME, "web-chrome", SY_SEV_WARNING, \
	  N_("web-page chrome or page footers (lines %s) are not part of the report"), \
	  N_("Web-page chrome or page footers copied with the text.")) \
	X(PLACEHOLDER, "placeholder", SY_SEV_WARNING, \
	  N_("template placeholder \"%s\" was never filled in"), \
	  N_("A template placeholder (XX, ××) was never filled in.")) \
	X(BROKEN_SENTENCE, "broken-sentence", SY_SEV_WARNING, \
	  N_("a sentence breaks off at line %zu and goes on at line %zu after a blank line " \
	     "(page-break debris)"), \
	  N_("A sentence breaks off and goes on after a blank line (page-break debris).")) \
	X(SPACED_NUMBER, "spaced-number", SY_SEV_INFO, \
	  N_("spaces inside numbers and dates (\"2024 年\"), first here, %zu lines in all"), \
	  N_("Spaces inside numbers and dates (\"2024 年\").")) \
	/* against the unit's report of an earlier year (compare.c) */ \
	X(SAME_AS_LAST_YEAR, "same-as-last-year", SY_SEV_WARNING, \
	  N_("about %d%% of the sentences are the same as in %s, the report for %d"), \
	  N_("Most sentences are the same as in the unit's report of an earlier year.")) \
	X(REPEATED_SHORTFALL, "repeated-shortfall", SY_SEV_WARNING, \
	  N_("%s: this problem was already reported last year (%s, line %ld): not rectified?"), \
	  N_("A problem in the shortfalls repeats one of the unit's shortfalls of an earlier year " \
	     "(the same or nearly the same sentence).")) \
	X(REPEATED_SHORTFALL_MORE, "repeated-shortfall", SY_SEV_WARNING, \
	  N_("%s: %ld more problems were already reported last year (%s)"), NULL) \
	X(PLAN_NOT_FOLLOWED, "plan-not-followed", SY_SEV_INFO, \
	  N_("%s: last year's plan (%s, line %ld) said \"%s\"; this year's work never takes it up"), \
	  N_("An item of the unit's plan of an earlier year that this year's measures never take up " \
	     "(a lead for the reviewer).")) \
	/* across the batch (similar.c, compare.c, roster_match.c) */ \
	X(DUPLICATE, "duplicate", SY_SEV_WARNING, \
	  N_("about %d%% of the text is the same as %s (%s)"), \
	  N_("Most of the text is the same as another unit's report.")) \
	X(COPIED_PART, "copied-part", SY_SEV_WARNING, \
	  N_("%s: about %d%% of it is the same as the same part of %s's report (%s, lines %ld-%ld); " \
	     "here lines %ld-%ld"), \
	  N_("A problems or plan part is mostly the same text as another unit's, text many reports " \
	     "share (quotations, slogans) aside.")) \
	X(OTHER_UNIT, "other-unit", SY_SEV_WARNING, \
	  N_("names %s, another unit on the roster, where a report names itself (%zu time(s), " \
	     "first at line %ld): copied from its report?"), \
	  N_("The report names another unit of the roster where it should name itself " \
	     "(copied from that unit's report?)."))

/* SY_FIND_MISSING_PART, ...: one per row of the registry. */
enum sy_finding_kind {
#define SY_FINDING_ENUM(name, id, sev, msg, doc) SY_FIND_##name,
	SY_FINDINGS(SY_FINDING_ENUM)
#undef SY_FINDING_ENUM
	SY_FIND_COUNT
};

/* One row of the registry. */
struct sy_finding_row {
	const char *name;          /* "MISSING_PART" */
	const char *id;            /* "missing-part"; "ASPECT-missing" for a family */
	enum sy_severity severity; /* the usual severity (a call may raise or lower it) */
	const char *message;       /* printf template, untranslated (N_) */
	const char *doc;           /* one sentence for README/man, or NULL for a variant */
};

/* The registry, SY_FIND_COUNT rows in the order above. */
extern const struct sy_finding_row sy_finding_rows[SY_FIND_COUNT];

struct sy_score;

/* Says a neutral list of line numbers ("2-4,49") with the separators of the
 * language messages come out in now ("2-4, 49"; "2至4、49"). */
char *sy_line_list_say(const char *neutral);

/* Adds finding k to s: id and severity from its row, its message translated
 * and formatted with the arguments. */
void sy_finding_add(struct sy_score *s, enum sy_finding_kind k, long line, const char *part, ...);
/* As sy_finding_add, with the id (NULL: the row's) and severity given: for a
 * family (the aspect's id) or a severity the rubric decides. */
void sy_finding_add_as(struct sy_score *s, enum sy_finding_kind k, const char *id, enum sy_severity sev,
		       long line, const char *part, ...);
/* Returns f's message in the language messages come out in now (after
 * sy_i18n_switch: a 审查意见 is Chinese even from an English UI), newly
 * allocated. */
char *sy_finding_message(const struct sy_finding *f);
/* Frees what a finding owns (id, part, message, arguments). */
void sy_finding_clear(struct sy_finding *f);
/* As sy_finding_add, naming the other report it was compared with and the
 * line there (compare.h: the compare view shows both places). */
void sy_finding_add_linked(struct sy_score *s, enum sy_finding_kind k, long line, const char *part,
			   const char *other, long other_line, ...);
/* Names the other report of finding i of s (see sy_finding_add_linked). */
void sy_finding_set_other(struct sy_score *s, size_t i, const char *other, long other_line);
/* Removes every finding with this id from s (before a check that reruns). */
void sy_finding_drop(struct sy_score *s, const char *id);
/* Returns the first row documenting id (families match "causes-missing" to
 * "ASPECT-missing"), or NULL for an id the registry does not know. */
const struct sy_finding_row *sy_finding_lookup(const char *id);
/* Returns "error", "warning" or "info". */
const char *sy_severity_name(enum sy_severity sev);
/* Parses a severity name; -1 when unknown. */
int sy_severity_parse(const char *name);

/* Writes the documented findings as the README lists them (plain text,
 * indented, wrapped at 78 columns) or as roff for the man page. */
void sy_findings_doc(FILE *out, bool roff);

#endif
