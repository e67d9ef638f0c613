/* Scoring: each rubric part gets present / partial / missing as domain.md
 * defines them, the report a weighted score, and the reviewer's findings. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/docin_findings.h"
#include "shenyue/findings.h"
#include "shenyue/i18n.h"
#include "shenyue/matcher.h"
#include "shenyue/meta.h"
#include "shenyue/numbering.h"
#include "shenyue/score.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

/* What scoring needs at hand. */
struct scorer {
	struct sy_score *s;
	const struct sy_doc *d;
	const struct sy_outline *o;
	const struct sy_rubric *r;
	struct sy_hits **piece_hits;   /* per piece, its scan once asked (matcher.h) */
	struct sy_hits **heading_hits; /* per heading, the scan of its text */
};

/* Scan of text with the report year, kept in *slot after the first time. */
static const struct sy_hits *cached_scan(const struct scorer *c, struct sy_hits **slot, const char *text)
{
	if (!*slot) {
		*slot = xcalloc(1, sizeof **slot);
		sy_matcher_scan(c->r->matcher, text, c->o->year, *slot);
	}
	return *slot;
}

/* sy_rubric_match(r, l, text of piece k, year): every list asked of a piece
 * shares one scan of it. */
static bool piece_matches(const struct scorer *c, const struct sy_strlist *l, size_t k)
{
	if (!l->n)
		return false;
	if (!c->piece_hits || !sy_matcher_has(c->r->matcher, l))
		return sy_rubric_match(c->r, l, c->o->pc[k].sq, c->o->year, NULL);
	return sy_hits_any(cached_scan(c, &c->piece_hits[k], c->o->pc[k].sq), l, NULL);
}

/* The same for the text of heading k. */
static bool heading_matches(const struct scorer *c, const struct sy_strlist *l, size_t k)
{
	if (!l->n)
		return false;
	if (!c->heading_hits || !sy_matcher_has(c->r->matcher, l))
		return sy_rubric_match(c->r, l, c->o->h[k].text, c->o->year, NULL);
	return sy_hits_any(cached_scan(c, &c->heading_hits[k], c->o->h[k].text), l, NULL);
}

static void free_scans(struct sy_hits **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		if (v[i]) {
			sy_hits_free(v[i]);
			free(v[i]);
		}
	free(v);
}

const char *sy_status_name(enum sy_status st)
{
	return st == SY_PRESENT ? "present" : st == SY_PARTIAL ? "partial" : "missing";
}

const char *sy_status_mark(enum sy_status st, bool utf8)
{
	static const char *const marks[2][3] = {{"-", "~", "+"}, {"✗", "~", "✓"}};
	return marks[utf8][(unsigned)st <= SY_PRESENT ? st : SY_MISSING];
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
	for (size_t i = 0; i < s->nf; i++)
		sy_finding_clear(&s->f[i]);
	free(s->f);
	memset(s, 0, sizeof *s);
}

/* The name a message gives a part: the rubric's short name. */
static const char *pname(const struct sy_part *p)
{
	return p->short_label ? p->short_label : p->id;
}

/* Does heading k, read whole, name part p? General words only count at the
 * top level. */
static bool whole_heading_names(const struct scorer *c, size_t k, const struct sy_part *p)
{
	const struct sy_heading *h = &c->o->h[k];
	bool named = heading_matches(c, &p->headings, k) ||
		     (h->level == 1 && heading_matches(c, &p->top_headings, k));
	return named && !heading_matches(c, &p->exclude, k);
}

/* Does text s[a, e), a clause of heading h, name part p on its own, with no
 * word p excludes in s[0, e) (a qualifier before it, 2025年…, reaches over
 * it; words after it belong to the next name)? */
static bool clause_names(const struct scorer *c, const struct sy_heading *h, const struct sy_part *p, size_t a,
			 size_t e)
{
	char *clause = xstrndup(h->text + a, e - a);
	char *upto = xstrndup(h->text, e);
	int y = c->o->year;
	bool named = sy_rubric_match(c->r, &p->headings, clause, y, NULL) ||
		     (h->level == 1 && sy_rubric_match(c->r, &p->top_headings, clause, y, NULL));
	named = named && !sy_rubric_match(c->r, &p->exclude, upto, y, NULL);
	free(clause);
	free(upto);
	return named;
}

/* One heading covering two parts (主要举措成效及党政主要负责人履行第一责任人职责
 * 情况, 存在问题及下一步打算): the whole names another part, and a clause
 * before a joining word names p on its own (clause_names), though words of
 * the other part's name exclude p from the whole. */
static bool names_in_merged_heading(const struct scorer *c, size_t k, const struct sy_part *p)
{
	const struct sy_heading *h = &c->o->h[k];
	bool other = false;
	for (size_t q = 0; q < c->r->nparts && !other; q++)
		other = &c->r->parts[q] != p && whole_heading_names(c, k, &c->r->parts[q]);
	if (!other)
		return false;
	size_t a = 0;
	for (size_t i = 1; h->text[i]; i++) {
		size_t j = ((unsigned char)h->text[i] & 0xC0) == 0x80 ? 0 : sy_heading_join(h->text + i);
		if (!j)
			continue;
		if (clause_names(c, h, p, a, i))
			return true;
		a = i + j;
		i = a - 1;
	}
	return false;
}

/* Does heading k name part p: read whole, or as one of two parts it covers? */
static bool heading_names(const struct scorer *c, size_t k, const struct sy_part *p)
{
	if (whole_heading_names(c, k, p))
		return true;
	return heading_matches(c, &p->exclude, k) && names_in_merged_heading(c, k, p);
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

static bool is_body_piece(const struct scorer *c, size_t k)
{
	enum sy_line_kind kd = c->o->pc[k].kind;
	return kd == SY_LK_TEXT || kd == SY_LK_HEADING;
}

static long line_of(const struct scorer *c, size_t k)
{
	return (long)c->o->pc[k].line + 1;
}

/* True when squeezed text, its punctuation aside, is only "nothing": 无, 暂无. */
static bool says_nothing(const struct scorer *c, const char *sq)
{
	char *t = xstrdup(sq);
	char *w = t;
	for (const char *r = sq; *r;) {
		size_t n = (*r & 0x80) ? ((*r & 0xE0) == 0xC0 ? 2 : (*r & 0xF0) == 0xE0 ? 3 : 4) : 1;
		bool punct = (n == 1 && strchr(".,;:!?()[]-*\"'", *r)) ||
			     (n == 3 && (!strncmp(r, "。", 3) || !strncmp(r, "、", 3) || !strncmp(r, "“", 3) ||
					 !strncmp(r, "”", 3)));
		if (!punct) {
			memcpy(w, r, n);
			w += n;
		}
		r += n;
	}
	*w = '\0';
	bool nothing = false;
	for (size_t i = 0; i < c->r->nothing.n && !nothing; i++)
		nothing = !strcmp(t, c->r->nothing.v[i]);
	free(t);
	return nothing;
}

/* What follows a heading on its own piece (squeezed), or "" (points into the piece). */
static const char *after_heading(const struct scorer *c, const struct sy_heading *h)
{
	const char *sq = c->o->pc[h->piece].sq;
	size_t skip = strlen(h->marker) + strlen(h->text);
	if (h->nlines != 1 || skip > strlen(sq))
		return "";
	sq += skip;
	while (*sq && (strchr(".;:!?,", *sq) || !strncmp(sq, "。", 3)))
		sq += *sq & 0x80 ? 3 : 1;
	return sq;
}

/* The heading whose piece is k, or NULL (headings are in piece order). */
static const struct sy_heading *heading_at(const struct scorer *c, size_t k)
{
	size_t lo = 0, hi = c->o->nh;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->o->h[mid].piece < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->o->nh && c->o->h[lo].piece == k ? &c->o->h[lo] : NULL;
}

/* Does a heading's own line say something after its title? *nothing: it
 * says only 无. A bare title ("（一）强化组织领导") says nothing itself. */
static bool heading_says(const struct scorer *c, const struct sy_heading *h, bool *nothing)
{
	const char *inline_text = after_heading(c, h);
	*nothing = false;
	if (h->inline_body && *inline_text) {
		*nothing = says_nothing(c, inline_text);
		return !*nothing;
	}
	return false;
}

/* Is a sub-heading itself a sentence of text, as an item is ("1.加强培训，
 * 全年举办3期。"), rather than a title ("（一）强化组织领导")? */
static bool heading_is_item(const struct scorer *c, const struct sy_heading *h)
{
	const char *sq = c->o->pc[h->piece].sq;
	return h->nlines == 1 && strstr(sq + strlen(h->marker), "。") && !says_nothing(c, sq + strlen(h->marker));
}

/* How a section reads: the first piece with content, or -1; *nothing_at: a
 * piece saying only 无 (when that is all there is). Text under sub-headings
 * is content, and so is text on a sub-heading's own line; a sub-heading
 * with nothing written under it is not. */
static long first_content(const struct scorer *c, const struct sy_heading *h, size_t a, size_t b,
			  long *nothing_at)
{
	bool nothing;
	*nothing_at = -1;
	if (heading_says(c, h, &nothing))
		return (long)h->piece;
	if (nothing)
		*nothing_at = (long)h->piece;
	for (size_t k = a; k < b; k++) {
		const struct sy_heading *sub = c->o->pc[k].kind == SY_LK_HEADING ? heading_at(c, k) : NULL;
		nothing = false;
		if (sub ? heading_says(c, sub, &nothing) || heading_is_item(c, sub)
			: c->o->pc[k].kind == SY_LK_TEXT && !(nothing = says_nothing(c, c->o->pc[k].sq)))
			return (long)k;
		if (nothing && *nothing_at < 0)
			*nothing_at = (long)k;
	}
	return -1;
}

/* Length of the next sentence of squeezed p (up to 。;!?) and of its end mark. */
static size_t sentence_len(const char *p, size_t *mark)
{
	size_t n = strcspn(p, ";!?");
	const char *stop = strstr(p, "。");
	if (stop && (size_t)(stop - p) < n)
		n = (size_t)(stop - p);
	*mark = p[n] ? (!strncmp(p + n, "。", 3) ? 3 : 1) : 0;
	return n;
}

/* A sentence that lists a problem opens with a running enumeration (一是,
 * 其二), or with a numbering marker when it is a sentence ("（三）…。", not
 * the title "（二）原因分析"): the bytes that opening takes, or 0. */
static size_t item_opening(const char *s, size_t n, size_t mark)
{
	size_t k, mlen = 0;
	if (!strncmp(s, "其", 3) && sy_meta_cn_numeral(s + 3, &k))
		mlen = 3 + k;
	else if (sy_meta_cn_numeral(s, &k) && !strncmp(s + k, "是", 3))
		mlen = k + 3;
	else if (!mark || !sy_heading_marker(s, &mlen))
		mlen = 0;
	return mlen <= n ? mlen : 0;
}

/* Should this clause of an aspect's text be left out? One that finds the
 * analysis lacking (unless × lacking: 原因分析不够深入); inside a listed
 * problem, one whose body word is the problem's own (由于种种原因, 因历史原因
 * 遗留的) rather than a statement of the cause (stated: 原因在于). */
static bool clause_left_out(const struct scorer *c, const struct sy_aspect *a, const char *clause, bool item)
{
	const struct sy_rubric *r = c->r;
	int y = c->o->year;
	if (!sy_matcher_has(r->matcher, &a->unless) || !sy_matcher_has(r->matcher, &a->stated))
		return (a->unless.n && sy_patterns_match(&a->unless, clause, y, NULL) &&
			(!a->lacking.n || sy_patterns_match(&a->lacking, clause, y, NULL))) ||
		       (item && a->stated.n && sy_patterns_match(&a->body, clause, y, NULL) &&
			!sy_patterns_match(&a->stated, clause, y, NULL));
	/* one pass over the clause for all four lists */
	struct sy_hits h = {0};
	sy_matcher_scan(r->matcher, clause, y, &h);
	bool out = (sy_hits_any(&h, &a->unless, NULL) && (!a->lacking.n || sy_hits_any(&h, &a->lacking, NULL))) ||
		   (item && a->stated.n && sy_hits_any(&h, &a->body, NULL) && !sy_hits_any(&h, &a->stated, NULL));
	sy_hits_free(&h);
	return out;
}

/* Squeezed text as the aspect reads it: without the clauses it leaves out,
 * and without the running enumerations that open listed problems (五是由于…
 * does not say 是由于). A new string. */
static char *aspect_text(const struct scorer *c, const struct sy_aspect *a, const char *sq)
{
	struct sy_buf out = {0};
	sy_buf_add(&out, "", 0);
	for (const char *p = sq; *p;) {
		size_t mark, n = sentence_len(p, &mark);
		size_t open = item_opening(p, n, mark);
		for (const char *q = p + open, *end = p + n; q < end;) {
			size_t k = strcspn(q, ",:");
			if (k > (size_t)(end - q))
				k = (size_t)(end - q);
			size_t sep = q + k < end ? 1 : 0;
			char *clause = xstrndup(q, k);
			if (!clause_left_out(c, a, clause, open > 0))
				sy_buf_add(&out, q, k + sep);
			free(clause);
			q += k + sep;
		}
		sy_buf_add(&out, p + n, mark);
		p += n + mark;
	}
	return sy_buf_steal(&out);
}

/* Does squeezed text show words of the list, as the aspect reads it? */
static bool shows(const struct scorer *c, const struct sy_strlist *w, const struct sy_aspect *a, const char *sq)
{
	if (!w->n)
		return false;
	if (!a || (!a->unless.n && !a->stated.n))
		return sy_rubric_match(c->r, w, sq, c->o->year, NULL);
	char *t = aspect_text(c, a, sq);
	bool hit = sy_rubric_match(c->r, w, t, c->o->year, NULL);
	free(t);
	return hit;
}

/* Does a sentence of squeezed text, not itself a listed problem, point back
 * at the problems and attribute them (造成上述问题的…, 出现这些问题，主要在于)?
 * The sentence is read ending in a comma, like its other clauses, so that a
 * causal word can be asked to end its clause (这与…有关, / 与有关部门). */
static bool attributes(const struct scorer *c, const struct sy_aspect *a, const char *sq)
{
	if (!a->refers.n || !a->causal.n)
		return false;
	bool found = false;
	for (const char *p = sq; *p && !found;) {
		size_t mark, n = sentence_len(p, &mark);
		if (!item_opening(p, n, mark)) {
			char *s = xasprintf("%.*s,", (int)n, p);
			found = sy_rubric_match(c->r, &a->refers, s, c->o->year, NULL) &&
				sy_rubric_match(c->r, &a->causal, s, c->o->year, NULL);
			free(s);
		}
		p += n + mark;
	}
	return found;
}

/* Does squeezed text show the aspect less surely: a weak word, or a
 * sentence attributing the problems? */
static bool shows_weakly(const struct scorer *c, const struct sy_aspect *a, const char *sq)
{
	return shows(c, &a->weak, a, sq) || attributes(c, a, sq);
}

/* The same for body piece k, read clause by clause only when the piece as a
 * whole holds the words (leaving clauses out never adds a match; a causal
 * word ending its clause may end the piece, so only refers is asked first). */
static bool piece_shows_weakly(const struct scorer *c, const struct sy_aspect *a, size_t k)
{
	const char *sq = c->o->pc[k].sq;
	return (piece_matches(c, &a->weak, k) && shows(c, &a->weak, a, sq)) ||
	       (piece_matches(c, &a->refers, k) && attributes(c, a, sq));
}

/* First body piece in [a, b) showing words of the list, or -1. */
static long find_words(const struct scorer *c, const struct sy_strlist *w, const struct sy_aspect *asp,
		       size_t a, size_t b)
{
	bool plain = !asp || (!asp->unless.n && !asp->stated.n); /* nothing to leave out: the piece's own scan */
	for (size_t k = a; k < b && k < c->o->npc; k++)
		if (is_body_piece(c, k) && piece_matches(c, w, k) && (plain || shows(c, w, asp, c->o->pc[k].sq)))
			return (long)k;
	return -1;
}

static void add_evidence_line(struct sy_evidence *e, long line)
{
	for (size_t i = 0; i < e->nlines; i++)
		if (e->lines[i] == line)
			return;
	if (e->nlines < SY_EVIDENCE_LINES && line > 0)
		e->lines[e->nlines++] = line;
}

/* A section joined to the part (a heading at its level inside [from, to),
 * see with_aspect_sections) whose heading names the aspect: its piece, or -1. */
static long joined_section_naming(const struct scorer *c, const struct sy_aspect *a, const struct sy_heading *h,
				  size_t from, size_t to)
{
	for (size_t j = (size_t)(h - c->o->h) + 1; j < c->o->nh && c->o->h[j].piece < to; j++)
		if (c->o->h[j].piece >= from && c->o->h[j].level == h->level &&
		    sy_rubric_match(c->r, &a->heading, c->o->h[j].text, c->o->year, NULL))
			return (long)c->o->h[j].piece;
	return -1;
}

/* Where an aspect shows in [a, b): strong words first, then weak ones (*weak). */
static long find_aspect(const struct scorer *c, const struct sy_aspect *a, const struct sy_heading *h,
			size_t from, size_t to, bool *weak)
{
	const char *inline_text = after_heading(c, h);
	*weak = false;
	if (h->inline_body && shows(c, &a->body, a, inline_text))
		return (long)h->piece;
	long at = joined_section_naming(c, a, h, from, to);
	if (at >= 0)
		return at;
	at = find_words(c, &a->body, a, from, to);
	if (at >= 0)
		return at;
	*weak = true;
	if (h->inline_body && shows_weakly(c, a, inline_text))
		return (long)h->piece;
	for (size_t k = from; k < to && k < c->o->npc; k++)
		if (is_body_piece(c, k) && piece_shows_weakly(c, a, k))
			return (long)k;
	return -1;
}

static void check_aspect(struct scorer *c, size_t pi, const struct sy_aspect *a, const struct sy_heading *h)
{
	struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	bool promised = sy_rubric_match(c->r, &a->heading, h->text, 0, NULL);
	/* what the heading promises must be in the part; an optional aspect may be anywhere */
	bool whole = !promised && !a->required;
	size_t from = whole ? c->o->pc_body_start : res->piece_first;
	size_t to = whole ? c->o->pc_body_end : res->piece_end;
	bool weak;
	long at = find_aspect(c, a, h, from, to, &weak);
	const char *label = a->label ? a->label : a->id;
	char id[64];
	if (a->required && at >= 0) {
		add_evidence_line(&res->ev, line_of(c, (size_t)at));
		res->ev.aspect = a->id;
		res->ev.aspect_line = line_of(c, (size_t)at);
		if (weak && !promised)
			res->ev.doubt |= SY_DOUBT_ASPECT;
	}
	if (!promised && at < 0) {
		snprintf(id, sizeof id, "%s-missing", a->id);
		if (a->required && res->status == SY_PRESENT) {
			res->status = SY_PARTIAL;
			res->ev.rule = SY_RULE_ASPECT;
			res->ev.aspect = a->id;
		}
		sy_finding_add_as(c->s, SY_FIND_ASPECT_MISSING, id, a->required ? SY_SEV_WARNING : SY_SEV_INFO,
				  res->line, p->id, pname(p), label);
	} else if (promised && at < 0) {
		snprintf(id, sizeof id, "%s-promised", a->id);
		sy_finding_add_as(c->s, SY_FIND_ASPECT_PROMISED, id, a->required ? SY_SEV_WARNING : SY_SEV_INFO,
				  res->line, p->id, pname(p), label);
	}
}

/* Heading evidence is weak when the heading was known by its words only or
 * found inside a run-on line. */
static unsigned heading_doubt(const struct sy_heading *h)
{
	return (h->run_on ? SY_DOUBT_RUN_ON : 0) | (h->weak && !h->run_on ? SY_DOUBT_WORDS : 0);
}

/* A heading with nothing under it, or only 无: partial, unless the part is
 * optional and 无 is its normal answer. */
static void score_empty(struct scorer *c, size_t pi, const struct sy_heading *h, long nothing_at)
{
	struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	if (nothing_at >= 0) {
		add_evidence_line(&res->ev, line_of(c, (size_t)nothing_at));
		if (!p->required)
			return; /* 其他需要报告的情况：无 */
		res->status = SY_PARTIAL;
		res->ev.rule = SY_RULE_NOTHING;
		sy_finding_add(c->s, SY_FIND_EMPTY_PART_NOTHING, res->line, p->id, pname(p), h->display,
			       line_of(c, (size_t)nothing_at));
		return;
	}
	res->status = SY_PARTIAL;
	res->ev.rule = SY_RULE_EMPTY;
	sy_finding_add(c->s, SY_FIND_EMPTY_PART, res->line, p->id, pname(p), h->display);
}

/* Does heading j name an aspect of part p (原因分析, 整改情况) and no other part? */
static bool names_only_aspect(const struct scorer *c, const struct sy_part *p, size_t j)
{
	bool aspect = false;
	for (size_t i = 0; i < p->naspects && !aspect; i++)
		aspect = sy_rubric_match(c->r, &p->aspects[i].heading, c->o->h[j].text, c->o->year, NULL);
	for (size_t q = 0; q < c->r->nparts && aspect; q++)
		if (&c->r->parts[q] != p && heading_names(c, j, &c->r->parts[q]))
			return false;
	return aspect;
}

/* Where part p's text ends, given its own section ends at 'end': sections at
 * the same level right after it that name only one of its aspects and have
 * text belong to it (三、存在的问题 / 四、原因分析: the causes are reported,
 * as a section of their own). */
static size_t with_aspect_sections(const struct scorer *c, const struct sy_part *p, size_t k, size_t end)
{
	const struct sy_outline *o = c->o;
	for (;;) {
		const struct sy_heading *next = end < o->npc ? heading_at(c, end) : NULL;
		if (!next || next->level != o->h[k].level || !names_only_aspect(c, p, (size_t)(next - o->h)))
			return end;
		size_t next_end = sy_outline_section_end(o, (size_t)(next - o->h));
		long nothing;
		if (first_content(c, next, next->piece + next->nlines, next_end, &nothing) < 0)
			return end;
		end = next_end;
	}
}

/* A part found partial by what its text holds (empty, no causes), when that
 * text ends at an unnumbered heading known only by its words: had the guess
 * been wrong, the text would run on, so the status is uncertain. */
static void doubt_guessed_end(const struct scorer *c, struct sy_part_result *res, size_t end)
{
	const struct sy_heading *next = end < c->o->npc ? heading_at(c, end) : NULL;
	if (!next || next->numbered || !next->weak)
		return;
	res->ev.doubt |= SY_DOUBT_CUT;
	res->ev.cut_line = (long)next->line + 1;
	add_evidence_line(&res->ev, res->ev.cut_line);
}

static void score_by_heading(struct scorer *c, size_t pi, long k)
{
	struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	const struct sy_heading *h = &c->o->h[k];
	res->heading = k;
	res->line = (long)h->line + 1;
	res->heading_text = xstrdup(h->display);
	res->piece_first = h->piece + h->nlines;
	res->piece_end = sy_outline_section_end(c->o, (size_t)k);
	res->status = SY_PRESENT;
	res->ev.rule = SY_RULE_HEADING;
	res->ev.level = h->level;
	res->ev.doubt = heading_doubt(h);
	add_evidence_line(&res->ev, res->line);
	long nothing_at;
	size_t own_end = res->piece_end;
	long content = first_content(c, h, res->piece_first, res->piece_end, &nothing_at);
	if (content < 0) {
		score_empty(c, pi, h, nothing_at);
	} else {
		add_evidence_line(&res->ev, line_of(c, (size_t)content));
		res->piece_end = with_aspect_sections(c, p, (size_t)k, res->piece_end);
		for (size_t i = 0; i < p->naspects; i++)
			check_aspect(c, pi, &p->aspects[i], h);
	}
	if (res->status == SY_PARTIAL)
		doubt_guessed_end(c, res, own_end);
}

/* Top-level headings that name no part: topical descriptions of the year's work. */
static long first_topical_heading(const struct scorer *c)
{
	for (size_t k = 0; k < c->o->nh; k++) {
		if (c->o->h[k].level != 1)
			continue;
		bool named = false;
		for (size_t p = 0; p < c->r->nparts && !named; p++)
			named = heading_names(c, k, &c->r->parts[p]);
		if (!named)
			return (long)k;
	}
	return -1;
}

/* Where a part shows outside the body (contents, preamble, annex): it does
 * not count, but the supervisor is told. */
static void note_ignored(struct scorer *c, size_t pi)
{
	struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	for (size_t k = 0; k < c->o->npc; k++) {
		enum sy_line_kind kd = c->o->pc[k].kind;
		if (kd != SY_LK_CONTENTS && kd != SY_LK_PREAMBLE && kd != SY_LK_ANNEX)
			continue;
		if (piece_matches(c, &p->headings, k) || piece_matches(c, &p->mentions, k)) {
			res->ev.ignored = line_of(c, k);
			res->ev.ignored_kind = kd;
			return;
		}
	}
}

static void score_topical(struct scorer *c, size_t pi, long topical)
{
	struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	const struct sy_heading *h = &c->o->h[topical];
	res->status = SY_PARTIAL;
	res->line = (long)h->line + 1;
	res->piece_first = h->piece;
	res->piece_end = sy_outline_section_end(c->o, (size_t)topical);
	res->ev.rule = SY_RULE_TOPICAL;
	res->ev.level = h->level;
	add_evidence_line(&res->ev, res->line);
	sy_finding_add(c->s, SY_FIND_NO_HEADING_TOPICAL, res->line, p->id, pname(p), res->line);
}

static void score_mention(struct scorer *c, size_t pi, long mention)
{
	struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	res->status = SY_PARTIAL;
	res->line = line_of(c, (size_t)mention);
	res->piece_first = (size_t)mention;
	res->piece_end = (size_t)mention + 1;
	res->ev.rule = SY_RULE_MENTION;
	add_evidence_line(&res->ev, res->line);
	long sec = sy_outline_section_of(c->o, (size_t)mention);
	if (sec >= 0)
		sy_finding_add(c->s, SY_FIND_NO_HEADING_UNDER, res->line, p->id, pname(p), res->line,
			       c->o->h[sec].display);
	else
		sy_finding_add(c->s, SY_FIND_NO_HEADING_MENTIONED, res->line, p->id, pname(p), res->line);
}

static void score_without_heading(struct scorer *c, size_t pi)
{
	struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	long topical = p->topical ? first_topical_heading(c) : -1;
	long mention = find_words(c, &p->mentions, NULL, c->o->pc_body_start, c->o->pc_body_end);
	res->heading = -1;
	if (topical >= 0) {
		score_topical(c, pi, topical);
	} else if (mention >= 0) {
		score_mention(c, pi, mention);
	} else {
		res->status = SY_MISSING;
		res->line = 0;
		res->ev.rule = SY_RULE_NONE;
		note_ignored(c, pi);
		if (p->required)
			sy_finding_add(c->s, SY_FIND_MISSING_PART, 0, p->id, pname(p), p->label);
	}
}

/* The normalised text of piece k, for figures (*own: a copy to free). */
static const char *piece_text(const struct scorer *c, size_t k, char **own)
{
	const struct sy_piece *p = &c->o->pc[k];
	const struct sy_line *l = &c->d->lines[p->line];
	*own = NULL;
	if (p->from == 0 && p->to == strlen(l->text))
		return l->norm;
	char *part = xstrndup(l->text + p->from, p->to - p->from);
	*own = sy_normalise(part);
	free(part);
	return *own;
}

/* Part text with no figure at all (number + unit) is thin. */
static void check_thin(struct scorer *c, size_t pi)
{
	const struct sy_part_result *res = &c->s->parts[pi];
	const struct sy_part *p = &c->r->parts[pi];
	if (res->heading < 0 || res->status == SY_MISSING || !p->figures)
		return;
	const struct sy_heading *h = &c->o->h[res->heading];
	size_t chars = 0;
	for (size_t k = h->piece; k < res->piece_end; k++) {
		if (!is_body_piece(c, k) && c->o->pc[k].kind != SY_LK_HEADCONT)
			continue;
		if (k >= res->piece_first || h->inline_body) {
			char *own;
			bool fig = sy_has_figure(piece_text(c, k, &own), &c->r->figures);
			free(own);
			if (fig)
				return;
			chars += strlen(c->o->pc[k].sq);
		}
	}
	if (!chars)
		return; /* empty: already reported */
	sy_finding_add(c->s, SY_FIND_THIN_PART, res->line, p->id, pname(p));
}

/* The line range of a part's text, for readers that count lines. */
static void set_line_range(struct scorer *c, size_t pi)
{
	struct sy_part_result *res = &c->s->parts[pi];
	if (res->status == SY_MISSING)
		return;
	const struct sy_outline *o = c->o;
	res->body_first = res->piece_first < o->npc ? o->pc[res->piece_first].line : o->nlines;
	res->body_end = res->piece_end < o->npc ? o->pc[res->piece_end].line : o->nlines;
	if (res->body_end < res->body_first)
		res->body_end = res->body_first;
	if (res->piece_end > res->piece_first && res->piece_end < o->npc &&
	    o->pc[res->piece_end - 1].line == o->pc[res->piece_end].line)
		res->body_end++; /* a run-on line holds the end of it */
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

/* The publication date: what the reader saw (a saved web page's 发布日期,
 * or its PubDate meta tag: line 0), else a 发布日期 chrome line of a page
 * copied as text. */
static bool published_date(const struct scorer *c, int *y, int *m, int *d, long *line)
{
	if (c->d->pub_y) {
		*y = c->d->pub_y;
		*m = c->d->pub_m;
		*d = c->d->pub_d;
		*line = (long)c->d->pub_line;
		return true;
	}
	for (size_t i = 0; i < c->o->nlines; i++) {
		const char *sq = c->d->lines[i].sq;
		if (c->o->kind[i] != SY_LK_CHROME || (!strstr(sq, "发布") && !strstr(sq, "日期")))
			continue;
		if (sy_meta_find_date(sq, y, m, d)) {
			*line = (long)i + 1;
			return true;
		}
	}
	return false;
}

/* Reports must be published before the publication deadline of the next
 * year (the rubric's; not set: 1 April, as information). */
static void check_published(struct scorer *c)
{
	const struct sy_outline *o = c->o;
	bool configured = c->r->publication_month > 0;
	int pm = configured ? c->r->publication_month : 4;
	int pd = configured && c->r->publication_day > 0 ? c->r->publication_day : 1;
	int y, m, d;
	long line;
	if (!o->year || !published_date(c, &y, &m, &d, &line))
		return;
	if (y * 10000L + m * 100 + d >= (o->year + 1) * 10000L + pm * 100 + pd)
		sy_finding_add_as(c->s, SY_FIND_PUBLISHED_LATE, NULL, configured ? SY_SEV_WARNING : SY_SEV_INFO, line,
				  NULL, y, m, d, o->year + 1, pm, pd);
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
	struct scorer c = { s, d, o, r, NULL, NULL };
	if (r->matcher) {
		c.piece_hits = xcalloc(o->npc + 1, sizeof *c.piece_hits);
		c.heading_hits = xcalloc(o->nh + 1, sizeof *c.heading_hits);
	}
	check_meta(&c);
	sy_docin_findings(s, d);
	for (size_t i = 0; i < r->nparts; i++) {
		long k = best_heading(&c, &r->parts[i]);
		if (k >= 0)
			score_by_heading(&c, i, k);
		else
			score_without_heading(&c, i);
		set_line_range(&c, i);
		check_thin(&c, i);
		check_heading_year(&c, i);
	}
	check_merged(&c);
	check_order(&c);
	check_date(&c);
	check_published(&c);
	sy_numbering_check(s, o);
	s->score = weighted_score(&c);
	free_scans(c.piece_hits, o->npc);
	free_scans(c.heading_hits, o->nh);
}
