/* Many rubric patterns at once: every word and pattern of the lists given is
 * compiled into one automaton (Aho-Corasick over bytes), so a text is read
 * once whatever the number of patterns, and each list's answer is then
 * looked up. The answers are exactly sy_pattern_match's: '*' gaps matched
 * left to right at the first place they fit, {year} and {next_year} standing
 * for the year given (a pattern using them never matches when it is 0). */
#ifndef SHENYUE_MATCHER_H
#define SHENYUE_MATCHER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shenyue/strlist.h"

struct sy_matcher;

/* Starts an empty matcher. */
struct sy_matcher *sy_matcher_new(void);
/* Adds the patterns of a list. The list's strings must stay as they are for
 * the matcher's life (it is known by its array, l->v). Before build only. */
void sy_matcher_add(struct sy_matcher *m, const struct sy_strlist *l);
/* Compiles what was added; the matcher is then read-only and can be used by
 * many threads at once. */
void sy_matcher_build(struct sy_matcher *m);
/* True when the list was added (and so can be asked of a scan). */
bool sy_matcher_has(const struct sy_matcher *m, const struct sy_strlist *l);
/* Number of patterns, over all lists added. */
size_t sy_matcher_patterns(const struct sy_matcher *m);
/* Frees the matcher (NULL is fine). */
void sy_matcher_free(struct sy_matcher *m);

#define SY_HITS_INLINE 256 /* segments a scan keeps without allocating */

/* What one text holds: filled by sy_matcher_scan, asked by sy_hits_any. */
struct sy_hits {
	const struct sy_matcher *m;
	const char *text;
	size_t len;
	int year;
	uint64_t *seen;     /* a bit per segment met in the text */
	uint32_t *first;    /* where each segment met first starts */
	uint64_t seen_inline[SY_HITS_INLINE / 64];
	uint32_t first_inline[SY_HITS_INLINE];
	uint64_t *seen_heap;
	uint32_t *first_heap;
};

/* Reads text (NUL-terminated; it must outlive the hits) once for every
 * pattern of the matcher. h starts zeroed ({0}); scans may reuse it;
 * sy_hits_free it after the last. */
void sy_matcher_scan(const struct sy_matcher *m, const char *text, int year, struct sy_hits *h);
/* sy_patterns_match(l, text, year, which) for the text scanned; l must have
 * been added (sy_matcher_has). */
bool sy_hits_any(const struct sy_hits *h, const struct sy_strlist *l, size_t *which);
/* sy_pattern_match of pattern i of list l (its offset in *at, may be NULL). */
bool sy_hits_one(const struct sy_hits *h, const struct sy_strlist *l, size_t i, size_t *at);
/* Frees what the scans allocated. */
void sy_hits_free(struct sy_hits *h);

#endif
