/* The rubric: which parts a report must contain and the words that name them.
 * Loaded from YAML; the default rubric is embedded in the binary and goes
 * through the same loader as --rubric FILE. */
#ifndef SHENYUE_RUBRIC_H
#define SHENYUE_RUBRIC_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/strlist.h"

struct sy_matcher;

/* What a heading's year should be: any, the report year, or the year after it. */
enum sy_year_rule { SY_YEAR_ANY, SY_YEAR_REPORT, SY_YEAR_NEXT };

/* What a part stands for when a report is compared with last year's
 * (compare.h): the year's work, its problems, next year's plan. */
enum sy_compare_role { SY_ROLE_NONE, SY_ROLE_WORK, SY_ROLE_PROBLEMS, SY_ROLE_PLAN };

/* Something a part must also speak of (shortfalls: causes), found either in
 * its heading or in the text under it. */
struct sy_aspect {
	char *id;
	char *label;
	bool required;            /* absent => the part is only partial */
	struct sy_strlist heading; /* words that promise it in the heading */
	struct sy_strlist body;    /* words that show it in the text */
	struct sy_strlist weak;    /* words that show it less surely: the status is uncertain */
	struct sy_strlist unless;  /* a clause about analysing it (原因分析, 查找*根源) ... */
	struct sy_strlist lacking; /* ... that says the analysis falls short (不够) shows nothing */
	struct sy_strlist stated;  /* inside a listed problem (一是…), a body word counts only in a
				      clause that states it (原因是, 原因在于): 由于种种原因 does not */
	struct sy_strlist refers;  /* a sentence pointing back at the problems (上述, 这些) ... */
	struct sy_strlist causal;  /* ... that attributes them (在于, 因素, 导致) shows it, weakly */
};

struct sy_part {
	char *id;
	char *label;
	char *short_label;           /* a few characters for narrow screens ("short:") */
	bool required;
	int weight;
	struct sy_strlist headings; /* patterns naming the part in a heading */
	struct sy_strlist top_headings; /* patterns that name it only in a top-level heading */
	struct sy_strlist exclude;  /* a heading matching one of these does not name it */
	struct sy_strlist mentions; /* words that mention it inside another part's text */
	bool topical;               /* topical top-level headings stand for it (partial) */
	bool figures;               /* its text should hold figures; none => "thin" */
	enum sy_year_rule year;
	enum sy_compare_role compare; /* "compare: work|problems|plan" */
	struct sy_aspect *aspects;
	size_t naspects;
};

/* 扣分: points one finding id takes off the score each time it occurs, at
 * most max in all (0: no cap). See effective.h. */
struct sy_deduction {
	char *finding;
	int points;
	int max;
};

struct sy_rubric {
	char *name;
	char *source;               /* file name, or "<builtin>" */
	struct sy_part *parts;
	size_t nparts;
	double partial_credit;      /* share of a part's weight earned when partial */
	int thin_min_chars;         /* a part shorter than this with no figures is thin */
	int heading_max_chars;      /* longest unnumbered line taken as a heading */
	int deadline_month;         /* filing deadline; 0 = not configured (1 March, information) */
	int deadline_day;
	int publication_month;      /* publication deadline; 0 = not configured (1 April, information) */
	int publication_day;
	struct sy_strlist figures;  /* units that make a number a figure: 次 件 % ... */
	struct sy_strlist chrome;   /* web-page chrome labels: 来源 发布日期 ... */
	struct sy_strlist debris;   /* conversion debris: [bookmark: ... */
	struct sy_strlist placeholders; /* template leftovers: XX ×× ... */
	struct sy_strlist nothing;  /* text that says nothing was done: 无, 暂无 ... */
	struct sy_strlist heading_ends; /* how headings end: 情况, 成效, 安排 ... */
	size_t *heading_end_len; /* the bytes of each of heading_ends (the loader measures them once) */
	struct sy_strlist prose_starts; /* what opens a sentence carried on, never a heading: 等, 和, 首先 */
	struct sy_strlist text_starts; /* what opens text a heading ran into: 今年以来, 我局, 首先 */
	struct sy_strlist contents; /* a contents page's heading: 目录 ... */
	struct sy_strlist annex;    /* what opens an annex after the date line: 附件 ... */
	struct sy_strlist generic;  /* words of a plan item that name no subject: 进一步 加强 ... */
	struct sy_deduction *deductions; /* "deductions:", none in the default rubric */
	size_t ndeductions;
	struct sy_matcher *matcher; /* every part's and aspect's patterns, compiled (matcher.h) */
};

/* Loads a rubric from YAML text. 'source' names it in messages. Returns 0, or
 * -1 with "source:line:col: message" in err; r is untouched on failure. */
int sy_rubric_load_string(struct sy_rubric *r, const char *source, const char *yaml,
			  size_t len, char *err, size_t errlen);
/* Loads a rubric file; as sy_rubric_load_string, naming the file. */
int sy_rubric_load_file(struct sy_rubric *r, const char *path, char *err, size_t errlen);
/* Loads the embedded default rubric (rubrics/default.yaml). */
int sy_rubric_load_default(struct sy_rubric *r, char *err, size_t errlen);
/* Frees what the rubric owns. */
void sy_rubric_free(struct sy_rubric *r);
/* Returns the index of the part with this id, or -1. */
int sy_rubric_part_index(const struct sy_rubric *r, const char *id);
/* Returns the deduction the rubric sets for finding id, or NULL. */
const struct sy_deduction *sy_rubric_deduction(const struct sy_rubric *r, const char *finding);

/* Matches a rubric pattern against squeezed text (no spaces). '*' in a pattern
 * is a gap of any length; {year} and {next_year} stand for the report year and
 * the one after it (patterns using them never match when year is 0).
 * Returns true and the byte offset of the match in *at (may be NULL). */
bool sy_pattern_match(const char *pattern, const char *text, int year, size_t *at);
/* True when any pattern of the list matches; *which gets its index. */
bool sy_patterns_match(const struct sy_strlist *l, const char *text, int year, size_t *which);
/* sy_patterns_match through the rubric's compiled matcher: one pass over the
 * text whatever the list's length (the same answer; a list the matcher does
 * not know goes the slow way). To ask many lists of one text, scan it once
 * with sy_matcher_scan(r->matcher, ...) and ask sy_hits_any instead. */
bool sy_rubric_match(const struct sy_rubric *r, const struct sy_strlist *l, const char *text, int year,
		     size_t *which);
/* Compiles the patterns of every part and aspect into r->matcher (the
 * loaders do it). */
void sy_rubric_build_matcher(struct sy_rubric *r);
/* True when normalised text s holds a figure: a number followed by one of the
 * units (the rubric's figures: 次 件 % ...). */
bool sy_has_figure(const char *s, const struct sy_strlist *units);

#endif
