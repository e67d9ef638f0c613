/* Line-level findings: what conversion and copying left in the text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/debris.h"
#include "shenyue/findings.h"
#include "shenyue/i18n.h"
#include "shenyue/markup.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Lines that hold report text (headings included), where debris matters. */
static bool is_content(enum sy_line_kind k)
{
	return k == SY_LK_TEXT || k == SY_LK_HEADING || k == SY_LK_HEADCONT || k == SY_LK_PREAMBLE;
}

/* The first bytes of the words, as strpbrk takes them, when all are ASCII
 * (a line holding none of them holds no word); "" when some is not, or a
 * word is empty (then every line is searched). */
static void first_bytes(const struct sy_strlist *words, char set[128])
{
	size_t n = 0;
	for (size_t k = 0; k < words->n; k++) {
		unsigned char c = (unsigned char)words->v[k][0];
		if (!c || c >= 0x80) {
			set[0] = '\0';
			return;
		}
		if (!memchr(set, c, n))
			set[n++] = (char)c;
	}
	set[n] = '\0';
}

static void scan_markers(struct sy_score *s, const struct sy_doc *d, const struct sy_rubric *r)
{
	char debris_first[128];
	first_bytes(&r->debris, debris_first);
	for (size_t i = 0; i < d->nlines; i++) {
		const char *t = d->lines[i].norm;
		bool may_hold = !*debris_first || strpbrk(t, debris_first);
		for (size_t k = 0; may_hold && k < r->debris.n; k++)
			if (strstr(t, r->debris.v[k])) {
				sy_finding_add(s, SY_FIND_DEBRIS, (long)i + 1, NULL, r->debris.v[k]);
				break;
			}
		/* Markdown emphasis is not a placeholder: **2025**年 */
		char *plain = strchr(t, '*') || strchr(t, '_') ? sy_markup_strip(t, NULL) : NULL;
		const char *u = plain ? plain : t;
		for (size_t k = 0; k < r->placeholders.n; k++)
			if (strstr(u, r->placeholders.v[k])) {
				sy_finding_add(s, SY_FIND_PLACEHOLDER, (long)i + 1, NULL, r->placeholders.v[k]);
				break;
			}
		free(plain);
	}
}

/* One finding for all chrome lines, naming them as ranges in the neutral
 * form "2-4,49" that the message says in its language (sy_line_list_say). */
static void scan_chrome(struct sy_score *s, const struct sy_doc *d, const struct sy_outline *o)
{
	struct sy_buf where = {0};
	size_t count = 0;
	long first = 0;
	for (size_t i = 0; i < d->nlines; i++) {
		if (o->kind[i] != SY_LK_CHROME)
			continue;
		size_t j = i;
		while (j + 1 < d->nlines && o->kind[j + 1] == SY_LK_CHROME)
			j++;
		if (!count)
			first = (long)i + 1;
		sy_buf_printf(&where, count ? ",%zu" : "%zu", i + 1);
		if (j > i)
			sy_buf_printf(&where, "-%zu", j + 1);
		count += j - i + 1;
		i = j;
	}
	if (count)
		sy_finding_add(s, SY_FIND_WEB_CHROME, first, NULL, where.data);
	sy_buf_free(&where);
}

/* Does line i end a sentence, read through its markup (**…。**)? */
static bool ends_sentence(const struct sy_doc *d, size_t i)
{
	const char *norm = d->lines[i].norm;
	char *plain = strpbrk(norm, "*_#\\") ? sy_markup_strip(norm, NULL) : NULL;
	bool ends = sy_line_ends_sentence(plain ? plain : norm);
	free(plain);
	return ends;
}

/* Lines that stand alone by their form, so a blank line after or before
 * them never breaks a sentence: list items, table rows, Markdown headings. */
static bool stands_alone(const struct sy_doc *d, const struct sy_outline *o, size_t i)
{
	const char *norm = d->lines[i].norm;
	while (*norm == ' ')
		norm++;
	return sy_markup_list_item(norm) || sy_markup_table_row(d->lines[i].text) || *norm == '#' ||
	       o->kind[i] == SY_LK_HEADING;
}

/* A paragraph that stops mid-sentence and goes on after blank lines. */
static void scan_broken_sentences(struct sy_score *s, const struct sy_doc *d, const struct sy_outline *o)
{
	for (size_t i = 0; i < d->nlines; i++) {
		/* a heading qualifies only when its line goes on with body text */
		bool prose = o->kind[i] == SY_LK_TEXT ||
			     (o->kind[i] == SY_LK_HEADING && strstr(d->lines[i].norm, "。"));
		if (!prose || !utf8_longer_than(d->lines[i].norm, 19) || ends_sentence(d, i))
			continue;
		if (o->kind[i] == SY_LK_TEXT && stands_alone(d, o, i))
			continue;
		size_t j = i + 1;
		while (j < d->nlines && o->kind[j] == SY_LK_BLANK)
			j++;
		if (j == i + 1 || j >= d->nlines || o->kind[j] != SY_LK_TEXT || stands_alone(d, o, j))
			continue;
		sy_finding_add(s, SY_FIND_BROKEN_SENTENCE, (long)i + 1, NULL, i + 1, j + 1);
	}
}

/* "2024 年", "47 件": a space between a number and its unit. */
static bool has_spaced_number(const char *t, const struct sy_strlist *units)
{
	for (const char *p = t; *p; p++) {
		if (!is_digit(*p) || p[1] != ' ')
			continue;
		const char *q = p + 1;
		while (*q == ' ')
			q++;
		if (!strncmp(q, "年", 3) || !strncmp(q, "月", 3) || !strncmp(q, "日", 3))
			return true;
		for (size_t i = 0; i < units->n; i++)
			if (!strncmp(q, units->v[i], strlen(units->v[i])))
				return true;
	}
	return false;
}

static void scan_spaced_numbers(struct sy_score *s, const struct sy_doc *d, const struct sy_outline *o,
				const struct sy_rubric *r)
{
	size_t count = 0;
	long first = 0;
	for (size_t i = 0; i < d->nlines; i++) {
		if (!is_content(o->kind[i]) && o->kind[i] != SY_LK_TITLE)
			continue;
		if (has_spaced_number(d->lines[i].norm, &r->figures)) {
			if (!count)
				first = (long)i + 1;
			count++;
		}
	}
	if (count)
		sy_finding_add(s, SY_FIND_SPACED_NUMBER, first, NULL, count);
}

void sy_debris_scan(struct sy_score *s, const struct sy_doc *d, const struct sy_outline *o,
		    const struct sy_rubric *r)
{
	scan_markers(s, d, r);
	scan_chrome(s, d, o);
	scan_broken_sentences(s, d, o);
	scan_spaced_numbers(s, d, o, r);
}
