/* Scoring: each rubric part gets present / partial / missing as domain.md
 * defines them, the report a weighted score, and the reviewer's findings. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/docin.h"
#include "shenyue/findings.h"
#include "shenyue/i18n.h"
#include "shenyue/meta.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"

/* What scoring needs at hand: inputs plus the squeezed text of every line. */
struct scorer {
	struct sy_score *s;
	const struct sy_doc *d;
	const struct sy_outline *o;
	const struct sy_rubric *r;
	char **sq;
};

const char *sy_status_name(enum sy_status st)
{
	return st == SY_PRESENT ? "present" : st == SY_PARTIAL ? "partial" : "missing";
}

int sy_status_parse(const char *name)
{
	for (int st = SY_MISSING; st <= SY_PRESENT; st++)
		if (!strcmp(name, sy_status_name((enum sy_status)st)))
			return st;
	return -1;
}

void sy_score_free(struct sy_score *s)
{
	for (size_t i = 0; i < s->nparts; i++)
		free(s->parts[i].heading_text);
	free(s->parts);
	for (size_t i = 0; i < s->nf; i++) {
		free(s->f[i].id);
		free(s->f[i].part);
		free(s->f[i].message);
	}
	free(s->f);
	memset(s, 0, sizeof *s);
}

/* The name a message gives a part: the rubric's short name. */
static const char *pname(const struct sy_part *p)
{
	return p->short_label ? p->short_label : p->id;
}

/* Does heading k name part p? General words only count at the top level. */
static bool heading_names(const struct scorer *c, size_t k, const struct sy_part *p)
{
	const struct sy_heading *h = &c->o->h[k];
	int y = c->o->year;
	bool named = sy_patterns_match(&p->headings, h->text, y, NULL) ||
		     (h->level <= c->o->top_level && sy_patterns_match(&p->top_headings, h->text, y, NULL));
	return named && !sy_patterns_match(&p->exclude, h->text, y, NULL);
}

/* The best heading for a part: the highest level, then the earliest. */
static long best_heading(const struct scorer *c, const struct sy_part *p)
{
	long best = -1;
	for (size_t k = 0; k < c->o->nh; k++)
		if (heading_names(c, k, p) && (best < 0 || c->o->h[k].level < c->o->h[best].level))
			best = (long)k;
	return best;
}

static bool is_body_line(const struct scorer *c, size_t i)
{
	enum sy_line_kind k = c->o->kind[i];
	return k == SY_LK_TEXT || k == SY_LK_HEADING;
}

/* True when any line in [a, b) holds text (sub-headings count). */
static bool has_content(const struct scorer *c, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (is_body_line(c, i))
			return true;
	return false;
}

/* First line in [a, b) whose squeezed text matches one of the words, or -1. */
static long find_words(const struct scorer *c, const struct sy_strlist *w, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < c->o->nlines; i++)
		if (is_body_line(c, i) && sy_patterns_match(w, c->sq[i], c->o->year, NULL))
			return (long)i;
	return -1;
}

static void check_aspect(struct scorer *c, size_t pi, const struct sy_aspect *a, const struct sy_heading *h)
{
	struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	bool promised = sy_patterns_match(&a->heading, h->text, 0, NULL);
	/* what the heading promises must be in the part; an optional aspect may be anywhere */
	bool whole = !promised && !a->required;
	size_t a0 = whole ? c->o->body_start : res->body_first;
	size_t b0 = whole ? c->o->nlines : res->body_end;
	bool shown = find_words(c, &a->body, a0, b0) >= 0 ||
		     (h->inline_body && sy_patterns_match(&a->body, c->sq[h->line], 0, NULL));
	const char *label = a->label ? a->label : a->id;
	char id[64];
	if (!promised && !shown) {
		snprintf(id, sizeof id, "%s-missing", a->id);
		if (a->required && res->status == SY_PRESENT)
			res->status = SY_PARTIAL;
		sy_finding_add_as(c->s, SY_FIND_ASPECT_MISSING, id, a->required ? SY_SEV_WARNING : SY_SEV_INFO,
				  res->line, p->id, pname(p), label);
	} else if (promised && !shown) {
		snprintf(id, sizeof id, "%s-promised", a->id);
		sy_finding_add_as(c->s, SY_FIND_ASPECT_PROMISED, id, a->required ? SY_SEV_WARNING : SY_SEV_INFO,
				  res->line, p->id, pname(p), label);
	}
}

static void score_by_heading(struct scorer *c, size_t pi, long k)
{
	struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	const struct sy_heading *h = &c->o->h[k];
	res->heading = k;
	res->line = (long)h->line + 1;
	res->heading_text = xstrdup(h->display);
	res->body_first = h->line + h->nlines;
	res->body_end = sy_outline_section_end(c->o, (size_t)k);
	res->status = SY_PRESENT;
	if (!h->inline_body && !has_content(c, res->body_first, res->body_end)) {
		res->status = SY_PARTIAL;
		sy_finding_add(c->s, SY_FIND_EMPTY_PART, res->line, p->id, pname(p), h->display);
		return;
	}
	for (size_t i = 0; i < p->naspects; i++)
		check_aspect(c, pi, &p->aspects[i], h);
}

/* Top-level headings that name no part: topical descriptions of the year's work. */
static long first_topical_heading(const struct scorer *c)
{
	for (size_t k = 0; k < c->o->nh; k++) {
		if (c->o->h[k].level != c->o->top_level)
			continue;
		bool named = false;
		for (size_t p = 0; p < c->r->nparts && !named; p++)
			named = heading_names(c, k, &c->r->parts[p]);
		if (!named)
			return (long)k;
	}
	return -1;
}

static void score_without_heading(struct scorer *c, size_t pi)
{
	struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	long topical = p->topical ? first_topical_heading(c) : -1;
	long mention = find_words(c, &p->mentions, c->o->body_start, c->o->nlines);
	res->heading = -1;
	if (topical >= 0) {
		res->status = SY_PARTIAL;
		res->line = (long)c->o->h[topical].line + 1;
		res->body_first = c->o->h[topical].line;
		res->body_end = sy_outline_section_end(c->o, (size_t)topical);
		sy_finding_add(c->s, SY_FIND_NO_HEADING_TOPICAL, res->line, p->id, pname(p), res->line);
	} else if (mention >= 0) {
		res->status = SY_PARTIAL;
		res->line = mention + 1;
		res->body_first = (size_t)mention;
		res->body_end = (size_t)mention + 1;
		long sec = sy_outline_section_of(c->o, (size_t)mention);
		if (sec >= 0)
			sy_finding_add(c->s, SY_FIND_NO_HEADING_UNDER, res->line, p->id, pname(p), res->line,
				       c->o->h[sec].display);
		else
			sy_finding_add(c->s, SY_FIND_NO_HEADING_MENTIONED, res->line, p->id, pname(p), res->line);
	} else {
		res->status = SY_MISSING;
		res->line = 0;
		if (p->required)
			sy_finding_add(c->s, SY_FIND_MISSING_PART, 0, p->id, pname(p), p->label);
	}
}

/* Part text with no figure at all (number + unit) is thin. */
static void check_thin(struct scorer *c, size_t pi)
{
	const struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	if (res->heading < 0 || res->status == SY_MISSING || !p->figures)
		return;
	size_t chars = 0;
	for (size_t i = res->line - 1; i < res->body_end; i++) {
		if (!is_body_line(c, i) && c->o->kind[i] != SY_LK_HEADCONT)
			continue;
		if (i >= res->body_first || c->o->h[res->heading].inline_body) {
			if (sy_has_figure(c->d->lines[i].norm, &c->r->figures))
				return;
			chars += strlen(c->sq[i]);
		}
	}
	if (!chars)
		return; /* empty: already reported */
	sy_finding_add(c->s, SY_FIND_THIN_PART, res->line, p->id, pname(p));
}

/* The years a heading names must fit the part: measures the report year, plan the next. */
static void check_heading_year(struct scorer *c, size_t pi)
{
	const struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	if (res->heading < 0 || p->year == SY_YEAR_ANY)
		return;
	const char *t = c->o->h[res->heading].text;
	int hy = sy_meta_year(t), ry = c->o->year;
	int want = p->year == SY_YEAR_NEXT ? ry + 1 : ry;
	if (hy && ry && hy != want) {
		sy_finding_add(c->s, p->year == SY_YEAR_NEXT && hy <= ry ? SY_FIND_YEAR_MISMATCH_COPIED : SY_FIND_YEAR_MISMATCH,
			       res->line, p->id, pname(p), hy, ry);
	} else if (!hy && p->year == SY_YEAR_NEXT && !strstr(t, "年")) {
		sy_finding_add(c->s, SY_FIND_PLAN_NO_YEAR, res->line, p->id, pname(p), c->o->h[res->heading].display);
	}
}

/* Order is information, never a fault: say how it differs from the rubric's. */
static void check_order(struct scorer *c)
{
	long prev_line = 0;
	size_t prev = 0;
	for (size_t i = 0; i < c->r->nparts; i++) {
		const struct sy_part_result *res = &c->s->parts[i];
		if (res->heading < 0)
			continue;
		if (prev_line && res->line < prev_line) {
			sy_finding_add(c->s, SY_FIND_ORDER, res->line, c->r->parts[i].id, pname(&c->r->parts[i]),
				       pname(&c->r->parts[prev]), pname(&c->r->parts[prev]));
			return;
		}
		prev_line = res->line;
		prev = i;
	}
}

static void check_merged(struct scorer *c)
{
	for (size_t i = 0; i < c->r->nparts; i++)
		for (size_t j = i + 1; j < c->r->nparts; j++)
			if (c->s->parts[i].heading >= 0 && c->s->parts[i].heading == c->s->parts[j].heading)
				sy_finding_add(c->s, SY_FIND_MERGED, c->s->parts[i].line, NULL, pname(&c->r->parts[i]),
					       pname(&c->r->parts[j]));
}

/* Reports must be published before the publication deadline of the next
 * year (the rubric's; not set: 1 April, as information) (web chrome 发布日期). */
static void check_published(struct scorer *c)
{
	const struct sy_outline *o = c->o;
	bool configured = c->r->publication_month > 0;
	int pm = configured ? c->r->publication_month : 4;
	int pd = configured && c->r->publication_day > 0 ? c->r->publication_day : 1;
	for (size_t i = 0; i < o->nlines && o->year; i++) {
		if (o->kind[i] != SY_LK_CHROME || (!strstr(c->sq[i], "发布") && !strstr(c->sq[i], "日期")))
			continue;
		int y, m, d;
		if (!sy_meta_find_date(c->sq[i], &y, &m, &d))
			continue;
		if (y * 10000L + m * 100 + d >= (o->year + 1) * 10000L + pm * 100 + pd)
			sy_finding_add_as(c->s, SY_FIND_PUBLISHED_LATE, NULL, configured ? SY_SEV_WARNING : SY_SEV_INFO,
					  (long)i + 1, NULL, y, m, d, o->year + 1, pm, pd);
		return;
	}
}

/* The date line: present, and before the filing deadline of the next year. */
static void check_date(struct scorer *c)
{
	const struct sy_outline *o = c->o;
	if (o->date_line < 0) {
		sy_finding_add(c->s, SY_FIND_NO_DATE, 0, NULL);
		return;
	}
	bool configured = c->r->deadline_month > 0;
	int dm = configured ? c->r->deadline_month : 3, dd = configured ? c->r->deadline_day : 1;
	if (!o->year || !dd)
		return;
	int dy = o->year + 1;
	long date = o->date_y * 10000L + o->date_m * 100 + o->date_d, due = dy * 10000L + dm * 100 + dd;
	if (date >= due)
		sy_finding_add_as(c->s, SY_FIND_LATE, NULL, configured ? SY_SEV_WARNING : SY_SEV_INFO, o->date_line + 1,
				  NULL, o->date_y, o->date_m, o->date_d, dy, dm, dd);
}

static void check_meta(struct scorer *c)
{
	if (!c->o->year)
		sy_finding_add(c->s, SY_FIND_NO_YEAR, 0, NULL);
	if (c->d->nbad)
		sy_finding_add(c->s, SY_FIND_INVALID_BYTES, (long)c->d->bad[0].line, NULL, c->d->nbad,
			       sy_encoding_name(c->d->encoding));
}

static int weighted_score(const struct scorer *c)
{
	double got = 0, total = 0;
	for (size_t i = 0; i < c->r->nparts; i++) {
		const struct sy_part *p = &c->r->parts[i];
		total += p->weight;
		enum sy_status st = c->s->parts[i].status;
		got += st == SY_PRESENT ? p->weight : st == SY_PARTIAL ? p->weight * c->r->partial_credit : 0;
	}
	return total > 0 ? (int)lround(100.0 * got / total) : 100;
}

void sy_score_report(struct sy_score *s, const struct sy_doc *d, const struct sy_outline *o,
		     const struct sy_rubric *r)
{
	memset(s, 0, sizeof *s);
	s->nparts = r->nparts;
	s->parts = xcalloc(r->nparts, sizeof *s->parts);
	struct scorer c = { s, d, o, r, xcalloc(d->nlines + 1, sizeof(char *)) };
	for (size_t i = 0; i < d->nlines; i++)
		c.sq[i] = d->lines[i].sq;
	check_meta(&c);
	sy_docin_findings(s, d);
	for (size_t i = 0; i < r->nparts; i++) {
		long k = best_heading(&c, &r->parts[i]);
		if (k >= 0)
			score_by_heading(&c, i, k);
		else
			score_without_heading(&c, i);
		check_thin(&c, i);
		check_heading_year(&c, i);
	}
	check_merged(&c);
	check_order(&c);
	check_date(&c);
	check_published(&c);
	s->score = weighted_score(&c);
	free(c.sq);
}
