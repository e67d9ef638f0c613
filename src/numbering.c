/* Numbering faults of a report's headings: sequences, level order, mixed
 * styles, brackets. Each is a finding with its line and a sentence fit for
 * the 审查意见 (标题序号"三"重复，缺少"四"). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/findings.h"
#include "shenyue/numbering.h"
#include "shenyue/xalloc.h"

/* Rank in the national order: 第一部分 0, 一、 1, （一） 2, 1. 3, （1） 4. */
static int rank(enum sy_mark m)
{
	return (int)m - 1;
}

/* For each heading, the nearest heading above it at a higher level, or -1
 * (one pass with a stack of the open headings). */
static long *parents(const struct sy_outline *o)
{
	long *parent = xcalloc(o->nh + 1, sizeof *parent);
	long *open = xcalloc(o->nh + 1, sizeof *open);
	size_t depth = 0;
	for (size_t k = 0; k < o->nh; k++) {
		while (depth && o->h[open[depth - 1]].level >= o->h[k].level)
			depth--;
		parent[k] = depth ? open[depth - 1] : -1;
		open[depth++] = (long)k;
	}
	free(open);
	return parent;
}

/* Number n as a heading of style m writes it: 三 or 3. */
static void number_text(enum sy_mark m, int n, char *buf, size_t len)
{
	static const char *const cn[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	if (m == SY_MARK_AR || m == SY_MARK_PAR || n < 1 || n > 99) {
		snprintf(buf, len, "%d", n);
		return;
	}
	if (n < 10)
		snprintf(buf, len, "%s", cn[n]);
	else
		snprintf(buf, len, "%s十%s", n / 10 > 1 ? cn[n / 10] : "", cn[n % 10]);
}

static long line1(const struct sy_heading *h)
{
	return (long)h->line + 1;
}

/* The siblings of heading k: same parent, level and style, in order. */
static size_t siblings(const struct sy_outline *o, const long *parent, size_t k, size_t *out, bool *seen)
{
	size_t n = 0;
	for (size_t j = k; j < o->nh; j++) {
		const struct sy_heading *h = &o->h[j];
		if (h->level < o->h[k].level && j > k)
			break;
		if (!h->numbered || h->level != o->h[k].level || h->style != o->h[k].style || parent[j] != parent[k])
			continue;
		out[n++] = j;
		seen[j] = true;
	}
	return n;
}

#define NUMBER_MAX 128 /* numbers are 1-99: three Chinese numerals or two digits */

/* For each number, the last place it has in the run of siblings (-1: none),
 * so "does n come later" is one look. */
static void last_places(const struct sy_outline *o, const size_t *sib, size_t n, long *last)
{
	for (size_t i = 0; i < NUMBER_MAX; i++)
		last[i] = -1;
	for (size_t i = 0; i < n; i++)
		if (o->h[sib[i]].number >= 0 && o->h[sib[i]].number < NUMBER_MAX)
			last[o->h[sib[i]].number] = (long)i;
}

static bool later_has(const long *last, size_t i, int number)
{
	return number >= 0 && number < NUMBER_MAX && last[number] > (long)i;
}

/* Number n written as a marker of style m in squeezed text: (三) 三、 (3) 3. */
static void marker_text(enum sy_mark m, int n, char *buf, size_t len)
{
	char num[16];
	number_text(m, n, num, sizeof num);
	if (m == SY_MARK_PCN || m == SY_MARK_PAR)
		snprintf(buf, len, "(%s)", num);
	else if (m == SY_MARK_PART)
		snprintf(buf, len, "第%s部分", num);
	else
		snprintf(buf, len, "%s%s", num, m == SY_MARK_AR ? "." : "、");
}

/* Where marker mk stands in sq from offset 'at' as an item's start: a
 * bracketed one anywhere, 三、 or 3. at the start or after a closing mark
 * (统一、规范 holds no 一、). Returns the offset past it, or 0. */
static size_t item_marker_at(const char *sq, size_t at, const char *mk)
{
	bool bracket = mk[0] == '(';
	for (const char *p = strstr(sq + at, mk); p; p = strstr(p + 1, mk)) {
		size_t off = (size_t)(p - sq);
		bool opens = bracket || off == 0 || strchr(":;!?", p[-1]) || (off >= 3 && !strncmp(p - 3, "。", 3));
		if (opens)
			return off + strlen(mk);
	}
	return 0;
}

/* Are the numbers [from_n, to_n] of style m all written, in order, in the
 * text of pieces [a, e) (items inside a line that lost its line breaks:
 * …（一）…。（二）…。 then （三） opening a line)? Then none was skipped. */
static bool written_inside(const struct sy_outline *o, size_t a, size_t e, enum sy_mark m, int from_n, int to_n)
{
	size_t k = a, at = 0;
	for (int n = from_n; n <= to_n; n++) {
		char mk[32];
		marker_text(m, n, mk, sizeof mk);
		size_t past = 0;
		while (k < e && k < o->npc && o->pc[k].sq && !(past = item_marker_at(o->pc[k].sq, at, mk))) {
			k++;
			at = 0;
		}
		if (!past)
			return false;
		at = past;
	}
	return true;
}

/* One run of siblings: numbers skipped or repeated. A repeated number whose
 * successor never comes took its place (三、三、: "三" repeated, "四" missing).
 * Numbers written inside the text since the sibling before (or the parent)
 * are not skipped. start: the piece the run's text begins at. */
static void check_sequence(struct sy_score *s, const struct sy_outline *o, const size_t *sib, size_t n, size_t start)
{
	int prev = 0;
	long last[NUMBER_MAX];
	last_places(o, sib, n, last);
	for (size_t i = 0; i < n; i++) {
		const struct sy_heading *h = &o->h[sib[i]];
		char a[16], b[16];
		size_t from = i ? o->h[sib[i - 1]].piece : start;
		if (h->number > prev + 1 && written_inside(o, from, h->piece, h->style, prev + 1, h->number - 1)) {
			prev = h->number;
			continue;
		}
		if (h->number > prev + 1) {
			number_text(h->style, prev + 1, a, sizeof a);
			if (h->number > prev + 2) {
				number_text(h->style, h->number - 1, b, sizeof b);
				sy_finding_add(s, SY_FIND_NUMBERING_GAP_RANGE, line1(h), NULL, a, b, h->marker_text);
			} else {
				sy_finding_add(s, SY_FIND_NUMBERING_GAP, line1(h), NULL, a, h->marker_text);
			}
		} else if (h->number <= prev) {
			number_text(h->style, h->number, a, sizeof a);
			if (!later_has(last, i, prev + 1)) {
				number_text(h->style, prev + 1, b, sizeof b);
				sy_finding_add(s, SY_FIND_NUMBERING_REPEAT_MISSING, line1(h), NULL, a, b);
				prev++;
				continue;
			}
			sy_finding_add(s, SY_FIND_NUMBERING_REPEAT, line1(h), NULL, a);
		}
		if (h->number > prev)
			prev = h->number;
	}
}

/* One run of siblings written two ways (二， beside 一、): the first that differs. */
static void check_mixed(struct sy_score *s, const struct sy_outline *o, const size_t *sib, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		const struct sy_heading *h = &o->h[sib[i]], *first = &o->h[sib[0]];
		if (h->sep != first->sep && !h->bracket_fault && !first->bracket_fault) {
			sy_finding_add(s, SY_FIND_NUMBERING_MIXED, line1(h), NULL, h->marker_text, first->marker_text);
			return;
		}
	}
}

static void check_runs(struct sy_score *s, const struct sy_outline *o, const long *parent)
{
	bool *seen = xcalloc(o->nh + 1, sizeof *seen);
	size_t *sib = xcalloc(o->nh + 1, sizeof *sib);
	for (size_t k = 0; k < o->nh; k++) {
		if (seen[k] || !o->h[k].numbered)
			continue;
		size_t n = siblings(o, parent, k, sib, seen);
		size_t start = parent[k] >= 0 ? o->h[parent[k]].piece : o->pc_body_start;
		check_sequence(s, o, sib, n, start);
		check_mixed(s, o, sib, n);
	}
	free(seen);
	free(sib);
}

/* A level out of the national order (（一） above 一、: warning) or one
 * skipped (1. directly under 一、: information), once for each pair of styles. */
static void check_levels(struct sy_score *s, const struct sy_outline *o, const long *parent)
{
	bool told[6][6] = { { false } };
	for (size_t k = 0; k < o->nh; k++) {
		const struct sy_heading *h = &o->h[k];
		long p = parent[k];
		if (!h->numbered || p < 0 || !o->h[p].numbered || told[o->h[p].style][h->style])
			continue;
		const struct sy_heading *up = &o->h[p];
		int gap = rank(h->style) - rank(up->style);
		if (gap <= 0)
			sy_finding_add(s, SY_FIND_NUMBERING_ORDER, line1(h), NULL, h->marker_text, up->marker_text);
		else if (gap > 1)
			sy_finding_add(s, SY_FIND_NUMBERING_LEVEL, line1(h), NULL, h->marker_text, up->marker_text);
		else
			continue;
		told[up->style][h->style] = true;
	}
}

static void check_brackets(struct sy_score *s, const struct sy_outline *o)
{
	for (size_t k = 0; k < o->nh; k++)
		if (o->h[k].bracket_fault)
			sy_finding_add(s, SY_FIND_NUMBERING_BRACKET, line1(&o->h[k]), NULL, o->h[k].marker_text);
}

void sy_numbering_check(struct sy_score *s, const struct sy_outline *o)
{
	long *parent = parents(o);
	check_brackets(s, o);
	check_runs(s, o, parent);
	check_levels(s, o, parent);
	free(parent);
}
