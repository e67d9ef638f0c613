/* Headings: numbering markers, headings inside lines that lost their line
 * breaks, unnumbered and marked-up headings, and the levels of the report:
 * its top level is the style its part headings use, and each other style
 * sits where the document nests it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "outline_build.h"
#include "outline_text.h"
#include "shenyue/matcher.h"
#include "shenyue/meta.h"
#include "shenyue/utf8.h"
#include "shenyue/strutil.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

/* Longest text (characters) of a sub-heading found inside a run-on line. */
#define RUNON_SUB_MAX 25
/* Longest line (characters) that can be the second line of a broken heading. */
#define HEADCONT_MAX 14
/* Most headings one run-on line is cut at. */
#define MAX_CUTS 64

/* The value of 1-3 Chinese numerals: 一 1, 十 10, 十二 12, 二十 20, 二十三 23. */
static int cn_value(const char *s, size_t len)
{
	int v = 0, cur = 0;
	static const char *const digits[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	for (size_t i = 0; i < len; i += 3) {
		if (sy_starts(s + i, "十")) {
			v += (cur ? cur : 1) * 10;
			cur = 0;
			continue;
		}
		for (int d = 0; d < 9; d++)
			if (sy_starts(s + i, digits[d]))
				cur = cur * 10 + d + 1;
	}
	return v + cur;
}

/* "1.2024年…": a year after the dot is a heading's text, not a decimal. */
static bool year_follows(const char *p)
{
	return digits_at(p) == 4 && p[0] == '2' && p[1] == '0' && sy_starts(p + 4, "年");
}

/* After a numeral, something that is text (not a digit, not ASCII). */
static bool text_follows(const char *p)
{
	return (unsigned char)*p >= 0x80;
}

/* (一) (1) and brackets that do not pair: (一 (no closing one in the line), 一). */
static bool parse_paren(const char *s, struct mark *m)
{
	size_t k = digits_at(s + 1);
	if (k && k <= 2 && s[1 + k] == ')') {
		*m = (struct mark){ SY_MARK_PAR, atoi(s + 1), 'b', k + 2, false };
		return true;
	}
	if (k || !sy_meta_cn_numeral(s + 1, &k))
		return false;
	if (s[1 + k] == ')') {
		*m = (struct mark){ SY_MARK_PCN, cn_value(s + 1, k), 'b', k + 2, false };
		return true;
	}
	if (!strchr(s, ')') && text_follows(s + 1 + k) && !sy_starts(s + 1 + k, "是")) {
		*m = (struct mark){ SY_MARK_PCN, cn_value(s + 1, k), 'b', k + 1, true };
		return true;
	}
	return false;
}

/* 一、 一. 一, and 一) (an opening bracket missing). */
static bool parse_cn(const char *s, size_t k, struct mark *m)
{
	const char *p = s + k;
	int v = cn_value(s, k);
	if (sy_starts(p, "、"))
		*m = (struct mark){ SY_MARK_CN, v, 'd', k + 3, false };
	else if (*p == '.' && p[1] != '.')
		*m = (struct mark){ SY_MARK_CN, v, '.', k + 1, false };
	else if (*p == ',' && text_follows(p + 1))
		*m = (struct mark){ SY_MARK_CN, v, ',', k + 1, false };
	else if (*p == ')' && text_follows(p + 1))
		*m = (struct mark){ SY_MARK_PCN, v, 'b', k + 1, true };
	else
		return false;
	return true;
}

/* 第一部分, then maybe 、 or a colon. */
static bool parse_part(const char *s, struct mark *m)
{
	size_t k;
	if (!sy_starts(s, "第") || !sy_meta_cn_numeral(s + 3, &k) || !sy_starts(s + 3 + k, "部分"))
		return false;
	size_t len = 3 + k + 6;
	if (sy_starts(s + len, "、"))
		len += 3;
	else if (s[len] == ':')
		len += 1;
	*m = (struct mark){ SY_MARK_PART, cn_value(s + 3, k), 'd', len, false };
	return true;
}

/* 1. 1、 1) 1, (not 1.5万元, 2024年). */
static bool parse_arabic(const char *s, struct mark *m)
{
	size_t k = digits_at(s);
	if (k < 1 || k > 2)
		return false;
	const char *p = s + k;
	int v = atoi(s);
	if (sy_starts(p, "、"))
		*m = (struct mark){ SY_MARK_AR, v, 'd', k + 3, false };
	else if (*p == '.' && (!(p[1] >= '0' && p[1] <= '9') || year_follows(p + 1)) && p[1] != '.')
		*m = (struct mark){ SY_MARK_AR, v, '.', k + 1, false };
	else if (*p == ')' && !(p[1] >= '0' && p[1] <= '9'))
		*m = (struct mark){ SY_MARK_AR, v, ')', k + 1, false };
	else if (*p == ',' && text_follows(p + 1))
		*m = (struct mark){ SY_MARK_AR, v, ',', k + 1, false };
	else
		return false;
	return true;
}

/* Can a marker open s? Each starts with (, a digit, 第 or a Chinese numeral
 * 一…十: most places of a line are let by on their first character. */
static bool may_open_mark(const char *s)
{
	static const uint32_t opens[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
					  0x4E03, 0x516B, 0x4E5D, 0x5341, 0x7B2C }; /* 一…九 十 第 */
	unsigned char c = (unsigned char)*s;
	if (c == '(' || (c >= '0' && c <= '9'))
		return true;
	if (c != 0xE4 && c != 0xE5 && c != 0xE7)
		return false;
	size_t l;
	uint32_t cp = utf8_decode_str(s, &l);
	for (size_t i = 0; i < sizeof opens / sizeof *opens; i++)
		if (cp == opens[i])
			return true;
	return false;
}

bool parse_mark(const char *s, struct mark *m)
{
	size_t k;
	memset(m, 0, sizeof *m);
	if (!may_open_mark(s))
		return false;
	if (*s == '(')
		return parse_paren(s, m);
	if (sy_meta_cn_numeral(s, &k))
		return parse_cn(s, k, m);
	return parse_part(s, m) || parse_arabic(s, m);
}

int sy_heading_marker(const char *s, size_t *mlen)
{
	struct mark m;
	if (!parse_mark(s, &m) || m.fault || m.sep == ',')
		return 0;
	*mlen = m.len;
	return m.style <= SY_MARK_CN ? 1 : m.style == SY_MARK_PCN ? 2 : 3;
}

/* The memo's slot holding sq's answer for the year, or -1. */
static int memo_find(const struct names_memo *m, const char *sq, size_t len, int year)
{
	for (int k = 0; m && k < NAMES_MEMO; k++)
		if (m->len[k] == len && m->year[k] == year && !memcmp(m->text[k], sq, len))
			return k;
	return -1;
}

/* Keeps sq's answer for the year in the memo, over its oldest. */
static void memo_keep(struct names_memo *m, const char *sq, size_t len, int year, bool named)
{
	if (!m || !len || len > NAMES_MEMO_BYTES)
		return;
	unsigned k = m->next++ % NAMES_MEMO;
	memcpy(m->text[k], sq, len);
	m->len[k] = len;
	m->year[k] = year;
	m->named[k] = named;
}

static bool names_a_part_now(const struct builder *b, const char *sq);

bool names_a_part(const struct builder *b, const char *sq)
{
	size_t len = strlen(sq);
	int k = memo_find(b->memo, sq, len, b->o->year);
	if (k >= 0)
		return b->memo->named[k];
	bool named = names_a_part_now(b, sq);
	memo_keep(b->memo, sq, len, b->o->year, named);
	return named;
}

/* names_a_part, worked out. */
static bool names_a_part_now(const struct builder *b, const char *sq)
{
	if (!b->r->matcher) {
		for (size_t p = 0; p < b->r->nparts; p++) {
			const struct sy_part *part = &b->r->parts[p];
			bool named = sy_patterns_match(&part->headings, sq, b->o->year, NULL) ||
				     sy_patterns_match(&part->top_headings, sq, b->o->year, NULL);
			if (named && !sy_patterns_match(&part->exclude, sq, b->o->year, NULL))
				return true;
		}
		return false;
	}
	/* one pass over the line for every part's words */
	struct sy_hits h = {0};
	sy_matcher_scan(b->r->matcher, sq, b->o->year, &h);
	bool found = false;
	for (size_t p = 0; p < b->r->nparts && !found; p++) {
		const struct sy_part *part = &b->r->parts[p];
		bool named = sy_hits_any(&h, &part->headings, NULL) || sy_hits_any(&h, &part->top_headings, NULL);
		found = named && !sy_hits_any(&h, &part->exclude, NULL);
	}
	sy_hits_free(&h);
	return found;
}

/* ---- headings inside lines that lost their line breaks ---- */

/* Does test hold for normalised s[a, e), seen as view makes it (squeezed,
 * or as the rubric's words are matched)? */
static bool span_holds(const struct builder *b, const char *s, size_t a, size_t e, char *(*view)(const char *),
		       bool (*test)(const struct builder *, const char *))
{
	char *part = xstrndup(s + a, e - a);
	char *seen = view(part);
	bool holds = test(b, seen);
	free(part);
	free(seen);
	return holds;
}

/* matching_text of normalised s[a, e), made in one copy: normalised text
 * normalises to itself, so squeezing it only drops what sy_squeezed_out
 * names. */
static char *span_matching_text(const char *s, size_t a, size_t e)
{
	char *sq = xrealloc(NULL, e - a + 1), *w = sq;
	for (size_t k = a; k < e; k++)
		if (!sy_squeezed_out(s[k]))
			*w++ = s[k];
	*w = '\0';
	return matching_of_squeezed(sq);
}

/* Does normalised s[a, e) name a part (as a heading would)? */
static bool span_names_a_part(const struct builder *b, const char *s, size_t a, size_t e)
{
	char *sq = span_matching_text(s, a, e);
	bool named = names_a_part(b, sq);
	free(sq);
	return named;
}

/* Does normalised s[a, e), squeezed, end with end (k bytes)? Read backwards in place:
 * normalised text normalises to itself, so squeezing it only drops the bytes
 * sy_squeezed_out names (ends_like_heading on sy_squeeze's copy, without one). */
static bool span_squeezed_ends_with(const char *s, size_t a, size_t e, const char *end, size_t k)
{
	while (k > 0) {
		while (e > a && sy_squeezed_out(s[e - 1]))
			e--;
		if (e == a || s[e - 1] != end[k - 1])
			return false;
		e--;
		k--;
	}
	return true;
}

/* Does normalised s[a, e), squeezed, end with one of the rubric's heading
 * endings? Only endings whose last byte is the span's are read through. */
static bool span_ends_like_heading(const struct builder *b, const char *s, size_t a, size_t e)
{
	while (e > a && sy_squeezed_out(s[e - 1]))
		e--;
	for (size_t i = 0; i < b->r->heading_ends.n; i++) {
		const char *end = b->r->heading_ends.v[i];
		size_t n = b->r->heading_end_len[i];
		if (!n || (e > a && end[n - 1] == s[e - 1] && span_squeezed_ends_with(s, a, e, end, n)))
			return true;
	}
	return false;
}

/* A running enumeration opens s: 一是, 其二. */
static bool opens_enumeration(const char *s)
{
	size_t k;
	return (sy_meta_cn_numeral(s, &k) && sy_starts(s + k, "是")) || (sy_starts(s, "其") && sy_meta_cn_numeral(s + 3, &k));
}

/* A year opens s, as a sentence's time does: 2024年, 2024 年. */
static bool opens_with_year(const char *s)
{
	if (digits_at(s) != 4 || s[0] != '2' || s[1] != '0')
		return false;
	const char *p = s + 4;
	while (*p == ' ')
		p++;
	return sy_starts(p, "年");
}

/* Does normalised s open text, not more of a heading? A numbering marker, a
 * running enumeration, a year, or one of the rubric's text_starts (今年以来,
 * 我局, 首先): where a heading run straight into its text ends. */
static bool opens_text(const struct builder *b, const char *s)
{
	struct mark m;
	if (parse_mark(s, &m) || opens_enumeration(s) || opens_with_year(s))
		return true;
	for (size_t i = 0; i < b->r->text_starts.n; i++)
		if (sy_starts(s, b->r->text_starts.v[i]))
			return true;
	return false;
}

/* Where a heading's text running into its body ends at the latest: a closing
 * mark, a comma, a space (not one inside "2025 年"), the next marker, or too long. */
static size_t run_on_extent(const struct builder *b, const char *s, size_t a)
{
	size_t e = a, chars = 0;
	while (s[e] && chars < (size_t)b->r->heading_max_chars) {
		struct mark m;
		if (sy_starts(s + e, "。") || s[e] == ';' || s[e] == ':' || s[e] == '!' || s[e] == '?' || s[e] == ',')
			break;
		if (s[e] == ' ' && e > a && !(s[e - 1] >= '0' && s[e - 1] <= '9')) {
			size_t f = e;
			while (s[f] == ' ')
				f++;
			if (!sy_starts(s + f, "年") && !sy_starts(s + f, "月"))
				break;
		}
		if (e > a && parse_mark(s + e, &m) && m.style != SY_MARK_AR && !m.fault)
			break;
		size_t l;
		utf8_decode_str(s + e, &l);
		e += l ? l : 1;
		chars++;
	}
	while (e > a && s[e - 1] == ' ')
		e--;
	return e;
}

/* True when normalised s[a, e) is one of the rubric's heading endings. */
static bool span_is_ending(const struct builder *b, const char *s, size_t a, size_t e)
{
	for (size_t i = 0; i < b->r->heading_ends.n; i++)
		if (b->r->heading_end_len[i] == e - a && !memcmp(s + a, b->r->heading_ends.v[i], e - a))
			return true;
	return false;
}

size_t sy_heading_join(const char *s)
{
	static const char *const joins[] = { "以及", "和", "及", "与", "、" };
	for (size_t j = 0; j < sizeof joins / sizeof *joins; j++)
		if (sy_starts(s, joins[j]))
			return strlen(joins[j]);
	return 0;
}

/* Words that join a heading's words to more of them: 不足|和原因, 举措|及成效. */
static bool opens_with_join(const char *s)
{
	return sy_heading_join(s) > 0;
}

/* Does s[end, at) (chars characters) carry a heading on from end? An ending
 * (职责|情况); after a joining word, a short stretch ending like a heading
 * (不足|和原因), or a longer one that also names a part: one heading covering
 * two parts (主要举措成效|及党政主要负责人履行第一责任人职责情况). */
static bool carries_heading(const struct builder *b, const char *s, size_t end, size_t at, size_t chars, bool joined)
{
	if (chars < 8 && span_is_ending(b, s, end, at))
		return true;
	if (!joined || chars < 1 || !span_ends_like_heading(b, s, end, at))
		return false;
	return chars < 8 || span_names_a_part(b, s, end, at);
}

/* Goes on from 'end' over endings joined to it: 职责|情况, 不足|和原因,
 * 举措|和成效, 举措成效|及…第一责任人职责情况. */
static size_t joined_endings(const struct builder *b, const char *s, size_t end, size_t e)
{
	for (bool more = true; more;) {
		more = false;
		bool joined = opens_with_join(s + end);
		size_t l;
		for (size_t k = end, chars = 0; k < e && (chars < 8 || joined) && !more; k += l ? l : 1, chars++) {
			utf8_decode(s + k, e - k, &l);
			size_t at = k + (l ? l : 1);
			if (carries_heading(b, s, end, at, chars, joined)) {
				end = at;
				more = true;
			}
		}
	}
	return end;
}

/* The shortest stretch of [a, e) that ends like a heading and names a part,
 * with the endings joined to it; e when there is none. */
static size_t heading_end_within(const struct builder *b, const char *s, size_t a, size_t e)
{
	size_t l;
	for (size_t k = a; k < e; k += l ? l : 1) {
		utf8_decode(s + k, e - k, &l);
		size_t at = k + (l ? l : 1);
		if (span_ends_like_heading(b, s, a, at) && span_names_a_part(b, s, a, at))
			return joined_endings(b, s, at, e);
	}
	return e;
}

struct cut {
	size_t at;   /* byte offset of the marker in the line's normalised text */
	size_t len;  /* bytes the heading takes from there */
	bool part;   /* it names a part */
};

/* The bytes a closing mark or a paragraph's indentation (after_closing) can
 * start with: 。 (E3 ..), ! ? ; : and a space. */
#define MAY_CLOSE "\xE3!?;: "

/* Is c one of MAY_CLOSE? */
static inline bool may_close(char c)
{
	return c && strchr(MAY_CLOSE, c);
}

/* After a closing mark (and spaces) at p, or a paragraph's indentation kept
 * inside the line (two spaces or more, U+3000 included): the offset of what
 * follows, or 0. */
static size_t after_closing(const char *s, size_t p, bool sentence_only)
{
	size_t k = 0;
	if (sy_starts(s + p, "。"))
		k = 3;
	else if (s[p] == '!' || s[p] == '?' || (!sentence_only && (s[p] == ';' || s[p] == ':')))
		k = 1;
	else if (s[p] == ' ' && s[p + 1] == ' ' && p > 0 && s[p - 1] != ' ' && !(s[p - 1] >= '0' && s[p - 1] <= '9'))
		k = 2;
	if (!k)
		return 0;
	p += k;
	while (s[p] == ' ')
		p++;
	return p;
}

/* A part heading at q inside a line: returns its length, or 0. */
static size_t part_heading_at(const struct builder *b, const char *s, size_t q)
{
	struct mark m;
	if (!parse_mark(s + q, &m) || m.fault)
		return 0;
	size_t a = q + m.len;
	while (s[a] == ' ')
		a++;
	size_t e = run_on_extent(b, s, a);
	if (e <= a || !span_names_a_part(b, s, a, e))
		return 0;
	return heading_end_within(b, s, a, e) - q;
}

/* A sub-heading at q inside a run-on line: a marker and a short phrase closed by 。. */
static size_t sub_heading_at(const char *s, size_t q)
{
	struct mark m;
	if (!parse_mark(s + q, &m))
		return 0;
	size_t a = q + m.len, e = a;
	/* a short phrase: look no further than a few sentences' worth of bytes */
	while (s[e] && e - a < 4 * RUNON_SUB_MAX && !sy_starts(s + e, "。"))
		e++;
	if (s[e] && !sy_starts(s + e, "。"))
		return 0;
	char *t = xstrndup(s + a, e - a);
	bool ok = utf8_longer_than(t, 1) && !utf8_longer_than(t, RUNON_SUB_MAX) && !strpbrk(t, ",;:") && !strstr(t, "(");
	free(t);
	return ok ? e - q : 0;
}

/* Is p where the heading at 'at' taking 'len' bytes of s ends (spaces aside)? */
static bool right_after(const char *s, size_t at, size_t len, size_t p)
{
	size_t e = at + len;
	while (s[e] == ' ')
		e++;
	return len && e == p;
}

/* A numbered sub-heading at q, right after a part heading or a full stop in
 * a line that lost its breaks: one naming a part whatever follows it (：, a
 * space, its text), bounded as a part heading is (*names), else a short
 * phrase closed by 。. Its length, or 0. */
static size_t sub_heading_in_line(const struct builder *b, const char *s, size_t q, bool *names)
{
	size_t len = part_heading_at(b, s, q);
	*names = len > 0;
	return len ? len : sub_heading_at(s, q);
}

/* The headings inside normalised line s: part headings after a closing mark,
 * and in a line holding one (or opening with one), sub-headings after a full
 * stop or right after a part heading. Returns how many, in text order. */
static size_t find_cuts(const struct builder *b, const char *s, struct cut *cuts)
{
	size_t n = 0;
	for (size_t p = 1; s[p] && n < MAX_CUTS; p++) {
		const char *next = strpbrk(s + p, MAY_CLOSE); /* many bytes at a time */
		if (!next)
			break;
		p = (size_t)(next - s);
		size_t q = after_closing(s, p, false);
		size_t len = q ? part_heading_at(b, s, q) : 0;
		if (len) {
			cuts[n++] = (struct cut){ q, len, true };
			p = q + len - 1;
		}
	}
	size_t lead = strspn(s, " ");
	size_t lead_len = part_heading_at(b, s, lead); /* a part heading opening the line */
	if (!n && !lead_len)
		return 0;
	size_t parts = n;
	for (size_t p = lead + 1; s[p] && n < MAX_CUTS; p++) {
		size_t q = may_close(s[p]) ? after_closing(s, p, true) : 0;
		if (!q && right_after(s, lead, lead_len, p))
			q = p;
		for (size_t k = 0; k < parts && !q; k++)
			if (right_after(s, cuts[k].at, cuts[k].len, p))
				q = p;
		bool taken = q < lead + lead_len;
		for (size_t k = 0; k < parts; k++)
			taken |= q >= cuts[k].at && q < cuts[k].at + cuts[k].len;
		bool names = false;
		size_t len = q && !taken ? sub_heading_in_line(b, s, q, &names) : 0;
		if (len)
			cuts[n++] = (struct cut){ q, len, names };
	}
	for (size_t i = 1; i < n; i++) /* insertion sort by offset */
		for (size_t j = i; j > 0 && cuts[j - 1].at > cuts[j].at; j--) {
			struct cut t = cuts[j];
			cuts[j] = cuts[j - 1];
			cuts[j - 1] = t;
		}
	return n;
}

/* A walk along original text t, keeping the normalised offset it has
 * reached, so offsets asked for in increasing order cost one pass. */
struct text_cursor {
	size_t i;    /* bytes of t passed */
	size_t norm; /* bytes of the normalised text they make */
};

/* Moves c forward to the byte of t (n bytes) where normalised offset at begins. */
static size_t text_cursor_seek(struct text_cursor *c, const char *t, size_t n, size_t at)
{
	size_t l;
	while (c->i < n && c->norm < at) {
		uint32_t cp = sy_normalise_cp(utf8_decode(t + c->i, n - c->i, &l));
		char tmp[4];
		if (cp)
			c->norm += utf8_encode(cp, tmp);
		c->i += l ? l : 1;
	}
	return c->i;
}

/* The byte of original text t where normalised offset at begins. */
static size_t text_offset(const char *t, size_t at)
{
	struct text_cursor c = {0};
	return text_cursor_seek(&c, t, strlen(t), at);
}

/* Replaces piece k (a whole line) by pieces cut at the given offsets. */
static void cut_line(struct builder *b, size_t k, const char *norm, const struct cut *cuts, size_t n,
		     struct sy_piece *out, struct piece_info *info, size_t *nout)
{
	const struct sy_piece *src = &b->o->pc[k];
	const char *text = b->d->lines[src->line].text;
	size_t tlen = strlen(text), nlen = strlen(norm);
	struct text_cursor c = {0};
	size_t from = 0;
	for (size_t i = 0; i <= n; i++) {
		size_t a = i ? cuts[i - 1].at : 0, e = i < n ? cuts[i].at : nlen;
		struct sy_piece *p = &out[*nout];
		struct piece_info *pi = &info[(*nout)++];
		size_t to = text_cursor_seek(&c, text, tlen, e);
		*p = (struct sy_piece){ src->line, from, to, SY_LK_TEXT, NULL, NULL };
		from = to;
		char *part = xstrndup(norm + a, e - a);
		p->own = matching_text(part);
		p->sq = p->own;
		free(part);
		memset(pi, 0, sizeof *pi);
		if (i) {
			pi->run_on = true;
			pi->head_len = cuts[i - 1].len;
		}
		if (!*p->sq)
			p->kind = SY_LK_BLANK;
	}
}

/* Does a comma at c (in normalised s) end the heading before it? Not when
 * the clause after it, up to the closing mark, ends like a heading too: the
 * duty's official wording "…第一责任人职责，加强法治政府建设的有关情况". */
static bool comma_ends_heading(const struct builder *b, const char *s, size_t c, size_t closing)
{
	return !span_ends_like_heading(b, s, c + 1, closing);
}

/* Does normalised s[r, closing) say only that there is nothing (无)? */
static bool span_says_nothing(const struct builder *b, const char *s, size_t r, size_t closing)
{
	return span_holds(b, s, r, closing, sy_squeeze, says_nothing);
}

/* Is there a boundary right at r (in normalised s), where a heading's words
 * have just ended: the opening of text (opens_text), an answer that there
 * is nothing (其他需要报告的情况无。), a comma that ends the heading, or
 * spaces before anything but a joining word (和, 及) or a bracketed note,
 * which go on with the heading? */
static bool text_begins_at(const struct builder *b, const char *s, size_t r, size_t closing)
{
	if (r >= closing || opens_with_join(s + r))
		return false;
	if (opens_text(b, s + r) || span_says_nothing(b, s, r, closing))
		return true;
	if (s[r] == ',')
		return comma_ends_heading(b, s, r, closing);
	if (s[r] != ' ')
		return false;
	while (s[r] == ' ')
		r++;
	if (r < closing && opens_text(b, s + r))
		return true; /* spaces, then a marker: 成效　（一）强化… */
	return r < closing && !opens_with_join(s + r) && s[r] != '(';
}

/* A heading at the start of a line running straight into its text, with no
 * closing mark between (二、存在的问题一是对…的原因分析不够透彻，…): it ends
 * where its text begins, as it does inside a line. That is the first place
 * where its words end like a heading and name a part and text begins
 * (text_begins_at); failing that, where its first clause ends in a comma
 * that ends it, the end of the part's heading words. Returns the offset of
 * its end in s, or 0 when it takes everything up to the closing mark. */
static size_t heading_into_text(const struct builder *b, const char *s, size_t a, size_t closing)
{
	size_t e = run_on_extent(b, s, a);
	if (e <= a || !span_names_a_part(b, s, a, e))
		return 0;
	size_t l;
	for (size_t k = a; k < e; k += l ? l : 1) {
		utf8_decode(s + k, e - k, &l);
		size_t at = k + (l ? l : 1);
		if (at < closing && span_ends_like_heading(b, s, a, at) && text_begins_at(b, s, at, closing) &&
		    span_names_a_part(b, s, a, at))
			return at;
	}
	if (s[e] == ',' && e < closing && comma_ends_heading(b, s, e, closing))
		return heading_end_within(b, s, a, e);
	return 0;
}

/* A heading at the start of a run-on line, or one whose text runs on past
 * where a heading could end: how much of the line it takes. */
static size_t line_start_heading(const struct builder *b, const char *norm, bool run_on)
{
	size_t q = 0;
	while (norm[q] == ' ')
		q++;
	struct mark m;
	if (!parse_mark(norm + q, &m))
		return 0;
	size_t a = q + m.len;
	const char *stop = strpbrk(norm + a, ";:!?");
	const char *full = strstr(norm + a, "。");
	size_t closing = full && (!stop || full < stop) ? (size_t)(full - norm) : stop ? (size_t)(stop - norm) : strlen(norm);
	char *t = xstrndup(norm + a, closing - a);
	bool long_text = utf8_longer_than(t, (size_t)b->r->heading_max_chars);
	free(t);
	if (!run_on && !long_text) {
		size_t end = heading_into_text(b, norm, a, closing);
		return end ? end - q : 0;
	}
	size_t e = run_on_extent(b, norm, a);
	if (e <= a)
		return 0;
	return (span_names_a_part(b, norm, a, e) ? heading_end_within(b, norm, a, e) : e) - q;
}

void split_run_on_lines(struct builder *b)
{
	struct sy_outline *o = b->o;
	size_t cap = o->npc + 1, nout = 0;
	struct sy_piece *out = xcalloc(cap, sizeof *out);
	struct piece_info *info = xcalloc(cap, sizeof *info);
	struct cut cuts[MAX_CUTS];
	for (size_t k = 0; k < o->npc; k++) {
		const char *norm = b->d->lines[o->pc[k].line].norm;
		bool body = piece_is_text(b, k) && (long)k > o->title_line;
		size_t n = body && !b->pi[k].mk.atx ? find_cuts(b, norm, cuts) : 0;
		if (nout + n + 1 >= cap) {
			cap = (cap + n + 1) * 2;
			out = xreallocarray(out, cap, sizeof *out);
			info = xreallocarray(info, cap, sizeof *info);
		}
		size_t first = nout;
		if (n) {
			cut_line(b, k, norm, cuts, n, out, info, &nout);
			free(o->pc[k].own);
			o->run_on = true;
		} else {
			out[nout] = o->pc[k];
			info[nout++] = b->pi[k];
		}
		if (body)
			info[first].head_len = line_start_heading(b, norm, n > 0);
	}
	free(o->pc);
	free(b->pi);
	o->pc = out;
	o->npc = nout;
	b->pi = info;
}

/* ---- headings at the start of a piece ---- */

/* The original text of piece k from its first character that is not a space
 * or markup: where its marker is written. */
static const char *written_start(const struct builder *b, size_t k)
{
	const struct sy_piece *p = &b->o->pc[k];
	const char *t = b->d->lines[p->line].text + p->from;
	const char *end = b->d->lines[p->line].text + p->to;
	size_t l;
	while (t < end) {
		uint32_t cp = utf8_decode(t, (size_t)(end - t), &l);
		if (cp != ' ' && cp != '\t' && cp != 0x3000 && cp != 0xA0 && cp != '#' && cp != '*' && cp != '_' &&
		    cp != '>' && cp != 0xFEFF)
			break;
		t += l ? l : 1;
	}
	return t;
}

/* The marker as written: as many characters of the original as it has. */
static char *written_marker(const struct builder *b, size_t k, const char *marker)
{
	const char *t = written_start(b, k);
	const struct sy_piece *p = &b->o->pc[k];
	const char *end = b->d->lines[p->line].text + p->to;
	size_t want = utf8_count(marker), got = 0, l;
	const char *e = t;
	while (e < end && got < want) {
		uint32_t cp = utf8_decode(e, (size_t)(end - e), &l);
		e += l ? l : 1;
		if (cp != ' ' && cp != 0x3000)
			got++;
	}
	return xstrndup(t, (size_t)(e - t));
}

/* True when the brackets of a written marker differ in width: （一) (一）. */
static bool brackets_differ(const char *w)
{
	bool open_full = sy_starts(w, "（"), open_half = *w == '(';
	bool close_full = strstr(w, "）") != NULL, close_half = strchr(w, ')') != NULL;
	return (open_full && close_half) || (open_half && close_full);
}

/* The display of a heading: its original text, trimmed, up to 'bytes' of
 * the original when the heading runs on into body text. */
static void append_display(struct sy_buf *out, const char *t, size_t n)
{
	size_t a = 0, l;
	while (a < n) {
		uint32_t cp = utf8_decode(t + a, n - a, &l);
		if (cp != ' ' && cp != '\t' && cp != 0x3000 && cp != 0xA0)
			break;
		a += l ? l : 1;
	}
	size_t z = n;
	while (z > a) {
		size_t k = z - 1;
		while (k > a && ((unsigned char)t[k] & 0xC0) == 0x80)
			k--;
		uint32_t cp = utf8_decode(t + k, z - k, &l);
		if (cp != ' ' && cp != '\t' && cp != 0x3000 && cp != 0xA0 && cp != '\r')
			break;
		z = k;
	}
	sy_buf_add(out, t + a, z - a);
}

/* Which sentence-closing mark (。；：！？ or ASCII) starts at p: its number
 * from 1, or 0. */
static int closing_mark_at(const char *p)
{
	static const char *const marks[] = { "。", "；", "：", "！", "？", ";", ":", "!", "?" };
	unsigned char c = (unsigned char)*p;
	if (c != 0xE3 && c != 0xEF && c != ';' && c != ':' && c != '!' && c != '?')
		return 0; /* no mark starts with it */
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (sy_starts(p, marks[i]))
			return (int)i + 1;
	return 0;
}

/* Cuts a display string at the first sentence-closing mark after its first
 * character. A mark that opens the string is no cut anywhere (so a heading
 * opened by 。 is cut at the next other mark only). */
static void cut_display(char *s)
{
	if (!*s)
		return;
	int opening = closing_mark_at(s);
	for (char *p = s + 1; *p; p++) {
		int m = closing_mark_at(p);
		if (m && m != opening) {
			*p = '\0';
			return;
		}
	}
}

/* Length in bytes of the heading text before the first closing mark. */
static size_t heading_cut(const char *s)
{
	size_t n = strlen(s);
	const char *p = strstr(s, "。");
	size_t cut = p ? (size_t)(p - s) : n;
	for (const char *m = ";:!?"; *m; m++) {
		const char *q = strchr(s, *m);
		if (q && (size_t)(q - s) < cut)
			cut = (size_t)(q - s);
	}
	return cut;
}

/* A heading starts a paragraph: the line above is blank, structural, or ends
 * a sentence. A line of hard-wrapped prose never does. */
static bool starts_paragraph(const struct builder *b, size_t k)
{
	if (k == 0)
		return true;
	const struct sy_piece *prev = &b->o->pc[k - 1];
	return prev->kind != SY_LK_TEXT || sy_line_ends_sentence(b->d->lines[prev->line].norm);
}

static bool is_line_start(const struct builder *b, size_t k)
{
	return k == 0 || b->o->pc[k - 1].line != b->o->pc[k].line;
}

static bool is_whole_line(const struct builder *b, size_t k)
{
	return is_line_start(b, k) && (k + 1 >= b->o->npc || b->o->pc[k + 1].line != b->o->pc[k].line);
}

/* A heading broken by PDF extraction goes on with a short fragment that ends
 * like a heading, or stands alone before a blank line; wrapped prose does not. */
static bool continues_heading(const struct builder *b, size_t k)
{
	size_t j = k + 1;
	if (!is_whole_line(b, k) || !piece_is_text(b, j) || !is_whole_line(b, j) ||
	    sy_doc_style_level(b->d, b->o->pc[k].line))
		return false;
	const char *h = b->o->pc[k].sq, *c = b->o->pc[j].sq;
	struct mark m;
	int y, mo, d;
	if (has_closing_punct(h) || has_closing_punct(c) || utf8_longer_than(c, HEADCONT_MAX) || parse_mark(c, &m) ||
	    sy_starts(c, "无") || sy_starts(c, "(无") || sy_meta_date(c, &y, &mo, &d) || !utf8_longer_than(h, 7))
		return false;
	bool alone = j + 1 >= b->o->npc || b->o->pc[j + 1].kind == SY_LK_BLANK;
	return ends_like_heading(b, c) || alone;
}

/* Opens like a sentence carried on or enumerated, never like a title: a
 * running enumeration (一是, 其二), a mark that closes or separates (，、）),
 * one character and a comma (个，立案…), or one of the rubric's prose_starts. */
static bool opens_like_prose(const struct builder *b, const char *sq)
{
	size_t l;
	if (opens_enumeration(sq))
		return true;
	uint32_t cp = utf8_decode_str(sq, &l);
	if (sy_is_closing_punct(cp) || cp == 0x3001 || (cp < 0x80 && strchr(",.;:!?)]%", (int)cp)))
		return true;
	if (l && (sq[l] == ',' || sy_starts(sq + l, "、")))
		return true;
	for (size_t i = 0; i < b->r->prose_starts.n; i++)
		if (sy_starts(sq, b->r->prose_starts.v[i]))
			return true;
	return false;
}

/* Width of line i as laid out (a CJK character 2, ASCII 1), trailing spaces aside. */
static size_t line_width(const struct builder *b, size_t i)
{
	const char *t = b->d->lines[i].text;
	size_t n = strlen(t), w = 0, tail = 0, l;
	for (size_t a = 0; a < n; a += l ? l : 1) {
		uint32_t cp = utf8_decode(t + a, n - a, &l);
		size_t cw = cp < 0x80 ? 1 : 2;
		w += cw;
		tail = cp == ' ' || cp == '\t' || cp == '\r' || cp == 0x3000 ? tail + cw : 0;
	}
	return w - tail;
}

/* The first half of a sentence carried onto the next line (a PDF wrapped at
 * the page width): text goes on in the very next line — no blank line, no
 * marker, not a heading's tail — and the line is about as wide as the lines
 * around it, the width the text was wrapped at. */
static bool is_wrapped_prose(const struct builder *b, size_t k)
{
	const struct sy_piece *pc = b->o->pc;
	size_t j = k + 1;
	struct mark m;
	if (!piece_is_text(b, j) || !is_whole_line(b, j) || pc[j].line != pc[k].line + 1 || parse_mark(pc[j].sq, &m) ||
	    continues_heading(b, k))
		return false;
	size_t width = line_width(b, pc[j].line);
	if (k > 0 && pc[k - 1].line + 1 == pc[k].line && pc[k - 1].kind != SY_LK_BLANK) {
		size_t before = line_width(b, pc[k - 1].line);
		width = before > width ? before : width;
	}
	return line_width(b, pc[k].line) * 5 >= width * 4;
}

/* Does the unnumbered line at piece k (squeezed t) read as a title rather
 * than prose? A sentence's comma, or being wrapped prose, leaves it a title
 * only when it ends like one (…有关情况) and is not both. */
static bool reads_as_title(const struct builder *b, size_t k, const char *t)
{
	if (opens_like_prose(b, t))
		return false;
	bool comma = strchr(t, ',') != NULL;
	bool wrapped = is_wrapped_prose(b, k);
	return !(comma || wrapped) || (ends_like_heading(b, t) && !(comma && wrapped));
}

/* An unnumbered line is a heading when short, unpunctuated and naming a
 * part, and it reads as a title; a bold line (**…**) may end in one closing
 * mark (主要举措和成效：). A sentence is never one, nor a line of wrapped
 * prose, nor a table row, nor an answer such as 无. */
static bool is_unnumbered_heading(const struct builder *b, size_t k)
{
	const char *sq = b->o->pc[k].sq;
	size_t n = strlen(sq);
	if (b->pi[k].mk.bold && n >= 3 && !strcmp(sq + n - 3, "。"))
		n -= 3;
	else if (b->pi[k].mk.bold && n && strchr(";:", sq[n - 1]))
		n--;
	char *t = xstrndup(sq, n);
	bool ok = !has_closing_punct(t) && !utf8_longer_than(sq, (size_t)b->r->heading_max_chars) && !b->pi[k].table &&
		  starts_paragraph(b, k) && !says_nothing(b, sq) && names_a_part(b, t) && reads_as_title(b, k, t);
	free(t);
	return ok;
}

/* The squeezed text of the heading at piece k: its own piece, up to
 * head_len of its normalised text when it runs on into body text. */
static char *heading_sq(const struct builder *b, size_t k)
{
	if (!b->pi[k].head_len)
		return xstrdup(b->o->pc[k].sq);
	char *norm = piece_norm(b, k);
	size_t len = b->pi[k].head_len;
	size_t q = 0;
	while (norm[q] == ' ')
		q++;
	char *head = xstrndup(norm + q, len <= strlen(norm + q) ? len : strlen(norm + q));
	char *sq = matching_text(head);
	free(head);
	free(norm);
	return sq;
}

/* The original text of the heading at piece k, for display. */
static char *heading_display(const struct builder *b, size_t k, bool two_lines)
{
	const struct sy_piece *p = &b->o->pc[k];
	const char *text = b->d->lines[p->line].text;
	struct sy_buf disp = {0};
	sy_buf_add(&disp, "", 0);
	if (b->pi[k].head_len) {
		char *norm = piece_norm(b, k);
		size_t q = 0;
		while (norm[q] == ' ')
			q++;
		char *part = xstrndup(text + p->from, p->to - p->from);
		size_t at = text_offset(part, q + b->pi[k].head_len);
		append_display(&disp, part, at);
		free(part);
		free(norm);
		return sy_buf_steal(&disp);
	}
	append_display(&disp, text + p->from, p->to - p->from);
	if (two_lines) {
		const struct sy_piece *n = &b->o->pc[k + 1];
		append_display(&disp, b->d->lines[n->line].text, strlen(b->d->lines[n->line].text));
	}
	char *s = sy_buf_steal(&disp);
	cut_display(s);
	return s;
}

/* Trims the heading's markup and separators off a display ("**一、…。**"). */
static void tidy_display(char *s)
{
	char *plain = sy_markup_strip(s, NULL);
	if (plain) {
		strcpy(s, plain); /* never longer than s */
		free(plain);
	}
	size_t lead = strspn(s, "*_#> ");
	memmove(s, s + lead, strlen(s + lead) + 1);
	size_t n = strlen(s);
	while (n && strchr("*_ ", s[n - 1]))
		s[--n] = '\0';
}

static void add_heading(struct builder *b, size_t k, const struct mark *m, int markup)
{
	struct sy_outline *o = b->o;
	o->h = xreallocarray(o->h, o->nh + 1, sizeof *o->h);
	struct sy_heading *h = &o->h[o->nh++];
	memset(h, 0, sizeof *h);
	const struct piece_info *pi = &b->pi[k];
	h->line = o->pc[k].line;
	h->piece = k;
	h->numbered = m->style != SY_MARK_NONE;
	h->style = m->style;
	h->number = m->number;
	h->sep = m->sep;
	h->markup = markup;
	h->bold = pi->mk.bold;
	h->run_on = pi->run_on;
	h->nlines = !pi->head_len && continues_heading(b, k) ? 2 : 1;
	char *sq = heading_sq(b, k);
	h->marker = xstrndup(sq, m->len);
	h->marker_text = h->numbered ? written_marker(b, k, h->marker) : xstrdup("");
	h->bracket_fault = m->fault || brackets_differ(h->marker_text);
	struct sy_buf text = {0};
	sy_buf_puts(&text, sq + m->len);
	if (h->nlines == 2) {
		sy_buf_puts(&text, o->pc[k + 1].sq);
		o->pc[k + 1].kind = SY_LK_HEADCONT;
	}
	h->text = sy_buf_steal(&text);
	size_t cut = heading_cut(h->text);
	h->inline_body = pi->head_len ? utf8_longer_than(o->pc[k].sq, utf8_count(sq) + 2)
				      : utf8_longer_than(h->text + cut, 2);
	h->text[cut] = '\0';
	h->display = heading_display(b, k, h->nlines == 2);
	tidy_display(h->display);
	h->weak = h->run_on || (!h->numbered && !h->markup && !h->bold);
	o->pc[k].kind = SY_LK_HEADING;
	free(sq);
}

/* The level a document's own style gives a short line (Word Heading n), or 0. */
static int styled_level(const struct builder *b, size_t k)
{
	int s = sy_doc_style_level(b->d, b->o->pc[k].line);
	const char *sq = b->o->pc[k].sq;
	return s && utf8_longer_than(sq, 1) && !utf8_longer_than(sq, (size_t)b->r->heading_max_chars) ? s : 0;
}

/* A Markdown heading line (## 主要举措和成效): its depth, or 0. */
static int atx_level(const struct builder *b, size_t k)
{
	const char *sq = b->o->pc[k].sq;
	return b->pi[k].mk.atx && utf8_longer_than(sq, 1) && !utf8_longer_than(sq, (size_t)b->r->heading_max_chars)
		       ? b->pi[k].mk.atx
		       : 0;
}

void find_headings(struct builder *b)
{
	struct sy_outline *o = b->o;
	for (size_t k = 0; k < o->npc; k++) {
		if (!piece_is_text(b, k) || (long)o->pc[k].line <= o->title_line || b->pi[k].table)
			continue;
		struct mark m, none = { SY_MARK_NONE, 0, 0, 0, false };
		const char *sq = o->pc[k].sq;
		bool start = is_line_start(b, k);
		int style = start ? styled_level(b, k) : 0, atx = start ? atx_level(b, k) : 0;
		int markup = style ? style : atx;
		if (parse_mark(sq, &m) && utf8_longer_than(sq + m.len, 1) && (start || b->pi[k].run_on))
			add_heading(b, k, &m, markup);
		else if (markup)
			add_heading(b, k, &none, markup);
		else if (is_whole_line(b, k) && is_unnumbered_heading(b, k))
			add_heading(b, k, &none, 0);
	}
}

/* ---- levels ---- */

/* The key that sets a heading's level: its numbering style, else its markup
 * level, else plain (an unnumbered heading known by its words). */
enum { KEY_PLAIN = 100 };

static int heading_key(const struct sy_heading *h)
{
	if (h->numbered)
		return 10 + (int)h->style;
	if (h->markup)
		return h->markup;
	return KEY_PLAIN;
}

/* Markup levels rank above numbering, numbering in the national order. */
static int key_rank(int key)
{
	return key;
}

/* The top level: among the styles the part headings use, the highest; then
 * whichever style at least that high comes first in the document. */
static int top_key(const struct builder *b)
{
	const struct sy_outline *o = b->o;
	int cand = -1;
	for (size_t k = 0; k < o->nh; k++)
		if (names_a_part(b, o->h[k].text) && (cand < 0 || key_rank(heading_key(&o->h[k])) < cand))
			cand = key_rank(heading_key(&o->h[k]));
	if (cand == KEY_PLAIN)
		return KEY_PLAIN;
	for (size_t k = 0; k < o->nh; k++)
		if (cand < 0 || key_rank(heading_key(&o->h[k])) <= cand)
			return heading_key(&o->h[k]);
	return KEY_PLAIN;
}

/* Headings before the body are not headings: their pieces are preamble. */
static void drop_headings_before(struct builder *b, size_t first)
{
	struct sy_outline *o = b->o;
	for (size_t k = 0; k < first; k++) {
		struct sy_heading *h = &o->h[k];
		o->pc[h->piece].kind = SY_LK_TEXT;
		if (h->nlines == 2)
			o->pc[h->piece + 1].kind = SY_LK_TEXT;
		free(h->marker);
		free(h->marker_text);
		free(h->text);
		free(h->display);
	}
	if (first) {
		memmove(o->h, o->h + first, (o->nh - first) * sizeof *o->h);
		o->nh -= first;
	}
}

/* A top-level run that starts again at one inside a part (三、… 一、… 二、…
 * 四、): the unit numbered the part's items like its parts. They are read as
 * the items of the part until the parts' numbering goes on. */
enum { KEY_RESTART = 200 };

static int restart_key(const struct sy_heading *h, int key, int top, int last_top, bool after_top)
{
	if (key != top || !h->numbered || !after_top || last_top < 2)
		return key;
	return h->number == last_top + 1 ? key : KEY_RESTART;
}

/* An unnumbered heading between two numbered top-level ones opens no part of
 * its own unless it takes the place of the number missing between them
 * (一、 … [lost 二、] … 三、): otherwise it is read below the part it is in. */
enum { KEY_PLAIN_SUB = 150 };

/* For each heading, the number of the next numbered heading of the top
 * style after it, 0 when none (a new array). */
static int *next_top_numbers(const struct sy_outline *o, int top)
{
	int *next = xcalloc(o->nh + 1, sizeof *next);
	int seen = 0;
	for (size_t k = o->nh; k-- > 0;) {
		next[k] = seen;
		if (heading_key(&o->h[k]) == top && o->h[k].numbered)
			seen = o->h[k].number;
	}
	return next;
}

static int plain_key(int top, int last_top, int next_top)
{
	bool numbered_top = top >= 10 && top < KEY_PLAIN;
	if (!numbered_top || !last_top || !next_top || next_top == last_top + 2)
		return KEY_PLAIN;
	return KEY_PLAIN_SUB;
}

/* Each heading's level: the top style is 1; another style sits below the one
 * it first appears under, and a style already open closes what is below it. */
static void nest(struct sy_outline *o, int top)
{
	int stack[16];
	size_t depth = 0;
	int last_top = 0;      /* the number of the last top-level heading */
	bool restarted = false; /* inside a part whose items restarted at one */
	int *next_top = next_top_numbers(o, top);
	for (size_t k = 0; k < o->nh; k++) {
		int key = heading_key(&o->h[k]);
		if (key == KEY_PLAIN)
			key = plain_key(top, last_top, next_top[k]);
		bool after_top = depth >= 1 && stack[0] == top && (restarted || o->h[k].number == 1);
		key = restart_key(&o->h[k], key, top, last_top, after_top);
		if (key == top || key == KEY_PLAIN || depth == 0) {
			stack[0] = key == KEY_PLAIN ? top : key;
			depth = 1;
			o->h[k].level = 1;
			restarted = false;
			last_top = key == top && o->h[k].numbered ? o->h[k].number : 0;
			continue;
		}
		restarted |= key == KEY_RESTART;
		while (depth > 1 && key < 10 && stack[depth - 1] < 10 && stack[depth - 1] > key)
			depth--; /* a shallower markup heading closes deeper ones */
		size_t at = depth;
		for (size_t i = 0; i < depth; i++)
			if (stack[i] == key)
				at = i;
		if (at < depth)
			depth = at + 1;
		else if (depth < 16)
			stack[depth++] = key;
		o->h[k].level = (int)depth;
	}
	free(next_top);
}

/* Text before the first top-level heading is the preamble: between the
 * title and the body, and a cover letter (报送函) above the title. */
static void mark_preamble(struct builder *b)
{
	struct sy_outline *o = b->o;
	size_t start = 0;
	while (o->title_line >= 0 && start < o->npc && (long)o->pc[start].line <= o->title_line)
		start++;
	if (!o->nh) {
		/* no heading at all: only the first paragraph is preamble */
		size_t first = start;
		while (first < o->npc && !piece_is_text(b, first))
			first++;
		o->pc_body_start = first < o->npc ? first + 1 : first;
	} else {
		o->pc_body_start = o->h[0].piece;
	}
	for (size_t k = 0; k < o->pc_body_start; k++)
		if (o->pc[k].kind == SY_LK_TEXT)
			o->pc[k].kind = SY_LK_PREAMBLE;
}

void assign_levels(struct builder *b)
{
	struct sy_outline *o = b->o;
	int top = top_key(b);
	size_t first = 0;
	while (first < o->nh && heading_key(&o->h[first]) != top && heading_key(&o->h[first]) != KEY_PLAIN)
		first++;
	drop_headings_before(b, first);
	if (top >= 10 && top < KEY_PLAIN)
		o->top_style = (enum sy_mark)(top - 10);
	else if (top < 10)
		o->top_markup = top;
	nest(o, top);
	mark_preamble(b);
}
