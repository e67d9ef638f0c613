/* Rubric patterns: literal segments separated by '*' gaps, with {year} and
 * {next_year} placeholders, matched against squeezed text. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/matcher.h"
#include "shenyue/rubric.h"
#include "shenyue/xalloc.h"

/* Expands {year} and {next_year}; returns NULL when they are needed but year is 0. */
static char *expand_years(const char *pattern, int year)
{
	if (!strchr(pattern, '{'))
		return xstrdup(pattern);
	struct sy_buf b = {0};
	for (const char *p = pattern; *p;) {
		if (!strncmp(p, "{year}", 6) || !strncmp(p, "{next_year}", 11)) {
			if (year <= 0) {
				sy_buf_free(&b);
				return NULL;
			}
			bool next = p[1] == 'n';
			sy_buf_printf(&b, "%d", next ? year + 1 : year);
			p += next ? 11 : 6;
		} else {
			sy_buf_add(&b, p++, 1);
		}
	}
	return sy_buf_steal(&b);
}

/* Matches the '*'-separated literal segments of pat in order, in place. */
static bool match_segments(const char *pat, const char *text, size_t *at)
{
	const char *pos = text, *first = NULL;
	size_t tlen = strlen(text);
	for (const char *seg = pat; seg;) {
		const char *star = strchr(seg, '*');
		size_t n = star ? (size_t)(star - seg) : strlen(seg);
		if (n) {
			const char *hit = memmem(pos, tlen - (size_t)(pos - text), seg, n);
			if (!hit)
				return false;
			if (!first)
				first = hit;
			pos = hit + n;
		}
		seg = star ? star + 1 : NULL;
	}
	if (at)
		*at = first ? (size_t)(first - text) : 0;
	return true;
}

bool sy_pattern_match(const char *pattern, const char *text, int year, size_t *at)
{
	if (!strchr(pattern, '{'))
		return match_segments(pattern, text, at);
	char *pat = expand_years(pattern, year);
	bool ok = pat && match_segments(pat, text, at);
	free(pat);
	return ok;
}

bool sy_patterns_match(const struct sy_strlist *l, const char *text, int year, size_t *which)
{
	for (size_t i = 0; i < l->n; i++) {
		if (sy_pattern_match(l->v[i], text, year, NULL)) {
			if (which)
				*which = i;
			return true;
		}
	}
	return false;
}

bool sy_rubric_match(const struct sy_rubric *r, const struct sy_strlist *l, const char *text, int year,
		     size_t *which)
{
	if (!l->n)
		return false;
	if (!sy_matcher_has(r->matcher, l))
		return sy_patterns_match(l, text, year, which);
	struct sy_hits h = {0};
	sy_matcher_scan(r->matcher, text, year, &h);
	bool hit = sy_hits_any(&h, l, which);
	sy_hits_free(&h);
	return hit;
}

void sy_rubric_build_matcher(struct sy_rubric *r)
{
	sy_matcher_free(r->matcher);
	r->matcher = sy_matcher_new();
	for (size_t i = 0; i < r->nparts; i++) {
		const struct sy_part *p = &r->parts[i];
		sy_matcher_add(r->matcher, &p->headings);
		sy_matcher_add(r->matcher, &p->top_headings);
		sy_matcher_add(r->matcher, &p->exclude);
		sy_matcher_add(r->matcher, &p->mentions);
		for (size_t k = 0; k < p->naspects; k++) {
			const struct sy_aspect *a = &p->aspects[k];
			sy_matcher_add(r->matcher, &a->heading);
			sy_matcher_add(r->matcher, &a->body);
			sy_matcher_add(r->matcher, &a->weak);
			sy_matcher_add(r->matcher, &a->unless);
			sy_matcher_add(r->matcher, &a->lacking);
			sy_matcher_add(r->matcher, &a->stated);
			sy_matcher_add(r->matcher, &a->refers);
			sy_matcher_add(r->matcher, &a->causal);
		}
	}
	sy_matcher_build(r->matcher);
}

static bool is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool sy_has_figure(const char *s, const struct sy_strlist *units)
{
	for (const char *p = s; *p; p++) {
		if (!is_ascii_digit(*p))
			continue;
		const char *q = p;
		while (is_ascii_digit(*q) || *q == '.' || *q == ',')
			q++;
		while (*q == ' ')
			q++;
		for (size_t i = 0; i < units->n; i++)
			if (!strncmp(q, units->v[i], strlen(units->v[i])))
				return true;
		p = q - 1;
	}
	return false;
}
