/* Search in a report's text: every hit of a substring in the original text,
 * in line order. See search.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "search.h"

void ui_search_init(struct ui_search *s)
{
	memset(s, 0, sizeof *s);
	s->hit = -1;
	s->hits_for = -1;
}

static void search_clear_hits(struct ui_search *s)
{
	free(s->hits);
	s->hits = NULL;
	s->nhits = 0;
	s->hit = -1;
}

void ui_search_free(struct ui_search *s)
{
	search_clear_hits(s);
	free(s->query);
	s->query = NULL;
}

void ui_search_set(struct ui_search *s, const char *query)
{
	char *copy = xstrdup(query);
	free(s->query);
	s->query = copy;
	s->hits_for = -2; /* found again, whatever report is shown */
}

static void search_add_hit(struct ui_search *s, size_t *cap, size_t line, size_t off, size_t len)
{
	if (s->nhits == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		s->hits = xreallocarray(s->hits, *cap, sizeof *s->hits);
	}
	s->hits[s->nhits++] = (struct ui_hit){line, off, len};
}

void ui_search_update(struct ui_search *s, const struct sy_report *rep, long report)
{
	if (s->hits_for == report)
		return;
	search_clear_hits(s);
	s->hits_for = report;
	size_t qlen = s->query ? strlen(s->query) : 0, cap = 0;
	if (!qlen || !rep || !rep->loaded || rep->error)
		return;
	for (size_t l = 0; l < rep->doc.nlines; l++) {
		const char *text = rep->doc.lines[l].text;
		for (const char *p = strstr(text, s->query); p; p = strstr(p + qlen, s->query))
			search_add_hit(s, &cap, l, (size_t)(p - text), qlen);
	}
}

bool ui_search_is_hit(const struct ui_search *s, long report, size_t line, size_t off)
{
	if (s->hits_for != report)
		return false;
	size_t lo = 0, hi = s->nhits;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->hits[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < s->nhits && s->hits[i].line == line; i++)
		if (off >= s->hits[i].off && off < s->hits[i].off + s->hits[i].len)
			return true;
	return false;
}

long ui_search_first_from(const struct ui_search *s, size_t line)
{
	for (size_t i = 0; i < s->nhits; i++)
		if (s->hits[i].line >= line)
			return (long)i;
	return 0;
}
