/* Search in a report's text, for the viewer: every hit of a substring
 * (Chinese or not) in the original text, in line order. No curses, no view:
 * the viewer scrolls to the hits and highlights them. */
#ifndef SHENYUE_UI_SEARCH_H
#define SHENYUE_UI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/report.h"

struct ui_hit {
	size_t line, off, len;
};

struct ui_search {
	char *query;            /* the last search, or NULL */
	struct ui_hit *hits;
	size_t nhits;
	long hit;               /* current hit, -1 */
	long hits_for;          /* batch index the hits were found in, -1 */
};

/* Starts with no query and no hits. */
void ui_search_init(struct ui_search *s);
/* Frees the query and the hits. */
void ui_search_free(struct ui_search *s);
/* Sets the query; the hits are found again by the next ui_search_update. */
void ui_search_set(struct ui_search *s, const char *query);
/* Finds the hits in rep (batch index report; rep may be NULL) unless they
 * were found there already. */
void ui_search_update(struct ui_search *s, const struct sy_report *rep, long report);
/* True when byte off of doc line `line` of report lies inside a hit. */
bool ui_search_is_hit(const struct ui_search *s, long report, size_t line, size_t off);
/* Returns the first hit on or after doc line `line`, or 0. */
long ui_search_first_from(const struct ui_search *s, size_t line);

#endif
