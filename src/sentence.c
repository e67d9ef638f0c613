/* Sentences of a report, their keys and fingerprints (sentence.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/roster.h"
#include "shenyue/sentence.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

/* Key characters standing for a figure and for the report's own unit. */
#define KEY_FIGURE '#'
#define KEY_UNIT '@'
/* A sentence running on past this many key characters is cut. */
#define SENTENCE_MAX 400

/* ---- characters ---- */

static bool is_ideograph(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x20000 && c <= 0x3134F);
}

/* Chinese numerals: figures written in characters (十二件, 二〇二四年). */
static inline bool is_cn_numeral(uint32_t c)
{
	/* a bit per numeral's low six bits: most characters are ruled out here */
	static const uint64_t maybe = 1ull << 0 | 1ull << 12 | 1ull << 9 | 1ull << 27 | 1ull << 20 | 1ull << 45 |
				      1ull << 3 | 1ull << 43 | 1ull << 29 | 1ull << 1 | 1ull << 62 | 1ull << 7 |
				      1ull << 63 | 1ull << 36 | 1ull << 54;
	/* and a bit per numeral's next six bits: few get past both */
	static const uint64_t maybe2 = 1ull << 56 | 1ull << 58 | 1ull << 27 | 1ull << 5 | 1ull << 57 | 1ull << 13 |
				       1ull << 25 | 1ull << 0;
	if (!(maybe >> (c & 63) & 1) || !(maybe2 >> ((c >> 6) & 63) & 1))
		return false;
	switch (c) {
	case 0x3007: case 0x96F6: case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: case 0x516D:
	case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: case 0x767E: case 0x5343: case 0x4E07: case 0x4EBF:
	case 0x4E24:
		return true;
	default:
		return false;
	}
}

bool sy_is_figure_char(uint32_t c)
{
	return (c >= '0' && c <= '9') || is_cn_numeral(c);
}

/* 。！？；： (normalised: ！？；： are half-width by now) end a sentence. */
static bool ends_sentence(uint32_t c)
{
	return c == 0x3002 || c == '!' || c == '?' || c == ';' || c == ':' || c == 0xFF61;
}

static bool is_colon(uint32_t c)
{
	return c == ':';
}

/* ， ends a clause. */
static bool ends_clause(uint32_t c)
{
	return c == ',';
}

/* What a normalised character becomes in a key: itself, a figure, or 0
 * (punctuation and spacing, left out). */
static uint32_t key_char(uint32_t c)
{
	if (sy_is_figure_char(c))
		return KEY_FIGURE;
	if (is_ideograph(c))
		return c;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 'a';
	if (c >= 'a' && c <= 'z')
		return c;
	return 0;
}

/* ---- hashing ---- */

static uint64_t mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDull;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ull;
	h ^= h >> 33;
	return h;
}

static uint32_t hash_cps(const uint32_t *cp, size_t n)
{
	uint64_t h = 0xCBF29CE484222325ull ^ n; /* two code points (21 bits each) a step, mixed at the end */
	size_t i = 0;
	for (; i + 1 < n; i += 2)
		h = (h ^ (cp[i] | (uint64_t)cp[i + 1] << 21)) * 0x100000001B3ull;
	if (i < n)
		h = (h ^ cp[i]) * 0x100000001B3ull;
	return (uint32_t)(mix64(h) >> 32) | 1u; /* 0 never: it would read as "none" */
}

/* The MinHash sketch of the key's pairs of characters, by one-permutation
 * hashing: each pair's hash picks one of SY_SKETCH bins and competes there;
 * a bin no pair reached takes the next filled bin's minimum, shifted by its
 * distance (rotation densification, Shrivastava and Li 2014). The low 8
 * bits of each minimum are kept. */
static void sketch_of(const uint32_t *cp, size_t n, uint8_t *sketch)
{
	uint32_t min[SY_SKETCH];
	memset(min, 0xFF, sizeof min);
	for (size_t i = 0; i + 1 < n; i++) {
		uint64_t h = mix64(((uint64_t)cp[i] << 32) | cp[i + 1]);
		uint32_t bin = (uint32_t)((h >> 32) % SY_SKETCH), v = (uint32_t)h;
		if (v < min[bin])
			min[bin] = v;
	}
	for (int k = 0; k < SY_SKETCH; k++) {
		uint32_t v = min[k];
		for (int d = 1; v == UINT32_MAX && d < SY_SKETCH; d++)
			if (min[(k + d) % SY_SKETCH] != UINT32_MAX)
				v = min[(k + d) % SY_SKETCH] + (uint32_t)d * 0x9E3779B9u;
		sketch[k] = (uint8_t)v;
	}
}

/* ---- keys ---- */

size_t sy_sentence_key_into(const char *s, uint32_t *key)
{
	size_t len = strlen(s), k = 0;
	for (size_t i = 0, l; i < len; i += l) {
		uint32_t c = key_char(sy_normalise_cp(utf8_decode(s + i, len - i, &l)));
		if (c && !(c == KEY_FIGURE && k && key[k - 1] == KEY_FIGURE))
			key[k++] = c;
	}
	return k;
}

uint32_t *sy_sentence_key(const char *s, size_t *n)
{
	uint32_t *key = xcalloc(strlen(s) + 1, sizeof *key);
	*n = sy_sentence_key_into(s, key);
	return key;
}

/* ---- building ---- */

/* The sentence under way. */
struct pending {
	uint32_t *key;
	bool *brk;           /* brk[i]: a clause ends before key[i] */
	size_t n, cap;
	bool clause_break;   /* a clause ended; the next key character starts one */
	bool open;           /* some key character was taken */
	uint32_t line, from; /* where its first key character is */
	uint32_t last_line, to;
	int8_t part;
	uint8_t flags;
	bool keep_text;      /* its text is wanted: SY_WANT_TEXT, or a problems or plan sentence */
	struct sy_buf text;  /* its normalised text, spacing left out (not NUL-terminated until flush) */
};

struct builder {
	const struct sy_report *rep;
	const struct sy_rubric *r;
	struct sy_sentences *out;
	unsigned want;
	int8_t *part_of;     /* per piece: the innermost part holding it, -1 */
	bool *part_head;     /* per piece: the heading piece of a part */
	uint32_t *unit;      /* the own unit's key, or NULL */
	size_t nunit;
	struct pending p;
	size_t cap, ccap, tcap;
	size_t text_len;
	size_t guess;        /* sentences the text may hold: the first allocation */
	const struct sy_sentence_sink *sink;
	bool under_heading;  /* problems: under a heading about causes or rectification */
	bool under_lead;     /* problems: after a lead about them (原因：), to the paragraph's end */
};

static bool content_kind(enum sy_line_kind k)
{
	return k == SY_LK_TEXT || k == SY_LK_HEADING || k == SY_LK_HEADCONT || k == SY_LK_PREAMBLE;
}

/* Each part's pieces: from its heading to the end of its section, the
 * innermost part winning where parts nest (duty inside measures). */
static void mark_parts(struct builder *b)
{
	const struct sy_outline *o = &b->rep->outline;
	const struct sy_score *s = &b->rep->score;
	b->part_of = xcalloc(o->npc + 1, sizeof *b->part_of);
	b->part_head = xcalloc(o->npc + 1, sizeof *b->part_head);
	memset(b->part_of, -1, o->npc + 1);
	size_t done = 0;
	bool *used = xcalloc(s->nparts + 1, sizeof *used);
	while (done < s->nparts) { /* widest first, so narrower ones overwrite */
		size_t best = s->nparts, width = 0;
		for (size_t p = 0; p < s->nparts; p++) {
			const struct sy_part_result *pr = &s->parts[p];
			size_t w = pr->piece_end > pr->piece_first ? pr->piece_end - pr->piece_first + 1 : 0;
			if (!used[p] && (best == s->nparts || w > width))
				best = p, width = w;
		}
		used[best] = true;
		done++;
		const struct sy_part_result *pr = &s->parts[best];
		if (pr->heading < 0 || (size_t)pr->heading >= o->nh || best > 127)
			continue;
		size_t first = o->h[pr->heading].piece;
		b->part_head[first] = true;
		for (size_t k = first; k < pr->piece_end && k < o->npc; k++)
			b->part_of[k] = (int8_t)best;
	}
	free(used);
}

static void own_unit(struct builder *b)
{
	const char *unit = b->rep->outline.unit;
	if (!unit)
		return;
	char *core = sy_unit_core(unit);
	b->unit = sy_sentence_key(core, &b->nunit);
	b->out->unit_core = core; /* the print keeps it (textprint.h) */
	if (b->nunit < 2) {
		free(b->unit);
		b->unit = NULL;
		b->nunit = 0;
	}
}

/* Makes room for a whole sentence's key (never longer than SENTENCE_MAX:
 * it is cut there) and for a few more bytes of its text. */
static void pending_reserve(struct pending *p)
{
	if (p->cap < SENTENCE_MAX + 2) {
		p->cap = SENTENCE_MAX + 2;
		p->key = xreallocarray(p->key, p->cap, sizeof *p->key);
		p->brk = xreallocarray(p->brk, p->cap, sizeof *p->brk);
	}
	if (p->text.len + 16 > p->text.cap) {
		p->text.cap = p->text.cap ? 2 * p->text.cap : 1024;
		p->text.data = xrealloc(p->text.data, p->text.cap);
	}
}

/* Adds a key character (pending_reserve made room). */
static void pending_add(struct pending *p, uint32_t c)
{
	if (c == KEY_FIGURE && p->n && p->key[p->n - 1] == KEY_FIGURE)
		return;
	p->brk[p->n] = p->clause_break;
	p->key[p->n++] = c;
	p->clause_break = false;
}

/* The own unit's name as @, in place. */
static void replace_unit(struct builder *b)
{
	struct pending *p = &b->p;
	if (!b->unit || p->n < b->nunit)
		return;
	size_t w = 0;
	for (size_t i = 0; i < p->n;) {
		if (p->key[i] == b->unit[0] && i + b->nunit <= p->n &&
		    !memcmp(p->key + i, b->unit, b->nunit * sizeof *b->unit)) {
			p->brk[w] = p->brk[i];
			p->key[w++] = KEY_UNIT;
			i += b->nunit;
			continue;
		}
		p->brk[w] = p->brk[i];
		p->key[w++] = p->key[i++];
	}
	p->n = w;
}

/* How many key characters of an enumeration open the sentence: 一是, 1., （一）, 第一. */
static size_t enumeration_length(const struct pending *p)
{
	static const uint32_t after[] = { 0x662F /* 是 */, 0x8981 /* 要 */, 0x5219 /* 则 */ };
	size_t k = 0;
	if (p->n > 1 && p->key[0] == 0x7B2C /* 第 */ && p->key[1] == KEY_FIGURE)
		k = 2;
	else if (p->n && p->key[0] == KEY_FIGURE)
		k = 1;
	if (!k)
		return 0;
	for (size_t i = 0; i < sizeof after / sizeof *after; i++)
		if (k < p->n && p->key[k] == after[i])
			return k + 1;
	return k;
}

static void add_clauses(struct builder *b, struct sy_sentence *s, const uint32_t *key, const bool *brk, size_t n)
{
	struct sy_sentences *o = b->out;
	s->clause = (uint32_t)o->nclauses;
	for (size_t a = 0; a < n;) {
		size_t e = a + 1;
		while (e < n && !brk[e])
			e++;
		if (e - a >= SY_CLAUSE_MIN && s->nclauses < UINT8_MAX) {
			/* a sentence of one clause: its hash is the sentence's */
			uint32_t h = a == 0 && e == n ? s->hash : hash_cps(key + a, e - a);
			if (o->nclauses + 1 > b->ccap) {
				b->ccap = b->ccap ? b->ccap * 2 : b->guess * 2;
				o->clause = xreallocarray(o->clause, b->ccap, sizeof *o->clause);
				o->clause_len = xreallocarray(o->clause_len, b->ccap, sizeof *o->clause_len);
			}
			o->clause[o->nclauses] = h;
			o->clause_len[o->nclauses++] = (uint16_t)(e - a > UINT16_MAX ? UINT16_MAX : e - a);
			s->nclauses++;
		}
		a = e;
	}
}

static void add_text(struct builder *b, const char *t, size_t len)
{
	struct sy_sentences *o = b->out;
	if (b->text_len + len + 1 > b->tcap) {
		while (b->text_len + len + 1 > b->tcap)
			b->tcap = b->tcap ? b->tcap * 2 : 1024;
		o->text = xrealloc(o->text, b->tcap);
	}
	o->text_at[o->n - 1] = (uint32_t)b->text_len; /* grown with the sentences */
	if (len)
		memcpy(o->text + b->text_len, t, len);
	b->text_len += len;
	o->text[b->text_len++] = '\0';
}

/* Does the text speak of one of the part's aspects (causes, rectification)? */
static bool speaks_of_aspect(const struct sy_part *part, const char *text, int year)
{
	for (size_t a = 0; a < part->naspects; a++) {
		const struct sy_aspect *asp = &part->aspects[a];
		if (sy_patterns_match(&asp->heading, text, year, NULL) || sy_patterns_match(&asp->body, text, year, NULL))
			return true;
	}
	return false;
}

/* Sketches (for sentences nearly the same) are made for the problems and
 * the plan, where repeats and copies are looked for sentence by sentence;
 * the rest is compared by its keys and clauses. */
static bool s_role_sketched(uint8_t role)
{
	return role == SY_ROLE_PROBLEMS || role == SY_ROLE_PLAN;
}

static uint8_t role_of(const struct builder *b, int part)
{
	return part >= 0 && b->r && (size_t)part < b->r->nparts ? (uint8_t)b->r->parts[part].compare : SY_ROLE_NONE;
}

/* In the problems part, what speaks of causes or rectification is not a
 * problem: a sentence naming them, and what follows a heading naming them
 * (up to the next heading) or a lead naming them (原因：一是…, to the end of
 * its paragraph). Short leads count though they are not kept. */
static bool about_aspect(struct builder *b)
{
	const struct pending *p = &b->p;
	if (role_of(b, p->part) != SY_ROLE_PROBLEMS)
		return false;
	if (p->flags & SY_SENT_HEADING)
		b->under_heading = b->under_lead = false;
	else if (p->flags & SY_SENT_PARA)
		b->under_lead = false;
	const char *text = p->text.data && p->keep_text ? p->text.data : "";
	bool names = speaks_of_aspect(&b->r->parts[p->part], text, b->rep->outline.year);
	if (names && (p->flags & SY_SENT_HEADING) && !(p->flags & SY_SENT_PART_HEADING))
		b->under_heading = true;
	if (names && (p->flags & SY_SENT_LEAD))
		b->under_lead = true;
	return names || b->under_heading || b->under_lead;
}

/* Ends the sentence under way: kept when its key is long enough. */
static void flush(struct builder *b)
{
	struct pending *p = &b->p;
	if (p->open) {
		if (p->text.data)
			p->text.data[p->text.len] = '\0';
		bool aspect = about_aspect(b);
		replace_unit(b);
		size_t skip = enumeration_length(p);
		const uint32_t *key = p->key + skip;
		size_t n = p->n - skip;
		if (n >= SY_SENTENCE_MIN) {
			struct sy_sentences *o = b->out;
			if (o->n + 1 > b->cap) {
				b->cap = b->cap ? b->cap * 2 : b->guess;
				o->s = xreallocarray(o->s, b->cap, sizeof *o->s);
				if (b->want & SY_WANT_SPANS)
					o->span = xreallocarray(o->span, b->cap, sizeof *o->span);
				if (b->want & (SY_WANT_TEXT | SY_WANT_TEXT_PARTS))
					o->text_at = xreallocarray(o->text_at, b->cap, sizeof *o->text_at);
			}
			struct sy_sentence *s = &o->s[o->n++];
			memset(s, 0, sizeof *s);
			s->hash = hash_cps(key, n);
			s->line = p->line + 1;
			s->len = (uint16_t)(n > UINT16_MAX ? UINT16_MAX : n);
			s->part = p->part;
			s->role = role_of(b, p->part);
			s->flags = p->flags | (aspect ? SY_SENT_ASPECT : 0);
			if (s_role_sketched(s->role))
				sketch_of(key, n, s->sketch);
			else
				s->flags |= SY_SENT_UNSKETCHED;
			add_clauses(b, s, key, p->brk + skip, n);
			if (b->want & SY_WANT_SPANS)
				o->span[o->n - 1] = (struct sy_sentence_span){ p->line, p->from, p->last_line, p->to };
			if (b->want & (SY_WANT_TEXT | SY_WANT_TEXT_PARTS)) {
				bool all = (b->want & SY_WANT_TEXT) || p->keep_text;
				add_text(b, all && p->text.data ? p->text.data : "", all ? p->text.len : 0);
			}
			if (b->sink)
				b->sink->key(b->sink->ctx, o->n - 1, s, key, n);
		}
	}
	p->n = 0;
	p->open = false;
	p->clause_break = false;
	p->flags = 0;
	p->text.len = 0;
	p->keep_text = false;
}

/* Opens the sentence at its first key character, at byte at of line. */
static void open_sentence(struct builder *b, size_t line, size_t at, int8_t part)
{
	struct pending *p = &b->p;
	p->open = true;
	p->line = (uint32_t)line;
	p->from = (uint32_t)at;
	p->part = part;
	uint8_t role = role_of(b, part);
	p->keep_text = (b->want & SY_WANT_TEXT) || role == SY_ROLE_PROBLEMS || role == SY_ROLE_PLAN;
}

/* Takes an ideograph of U+4E00..U+9FFF (no figure), the three bytes of
 * valid UTF-8 at bytes, into the open sentence: what take does, quicker. */
static inline void take_ideograph(struct pending *p, uint32_t c, const unsigned char *bytes, size_t line, size_t end)
{
	if (p->text.len + 16 > p->text.cap)
		pending_reserve(p);
	if (p->keep_text) {
		memcpy(p->text.data + p->text.len, bytes, 3);
		p->text.len += 3;
	}
	p->brk[p->n] = p->clause_break;
	p->key[p->n++] = c;
	p->clause_break = false;
	p->last_line = (uint32_t)line;
	p->to = (uint32_t)end;
}

/* Takes one normalised character at byte [at, end) of line. */
static void take(struct builder *b, uint32_t c, size_t line, size_t at, size_t end, int8_t part)
{
	struct pending *p = &b->p;
	pending_reserve(p);
	uint32_t k = key_char(c);
	if (k && !p->open)
		open_sentence(b, line, at, part);
	if (!p->open)
		return;
	if (p->keep_text && c != ' ')
		p->text.len += utf8_encode(c, p->text.data + p->text.len); /* pending_reserve made room */
	if (k)
		pending_add(p, k);
	p->last_line = (uint32_t)line;
	p->to = (uint32_t)end;
	if (ends_clause(c))
		p->clause_break = true;
	if (ends_sentence(c)) {
		if (is_colon(c))
			p->flags |= SY_SENT_LEAD;
		flush(b);
	} else if (p->n >= SENTENCE_MAX) {
		flush(b);
	}
}

/* The last character of piece k's matching text (squeezed: no spacing). */
static uint32_t piece_last(const struct sy_report *rep, size_t k)
{
	const unsigned char *t = (const unsigned char *)rep->outline.pc[k].sq;
	size_t end = t ? strlen((const char *)t) : 0, start = end;
	if (!end)
		return 0;
	while (--start > 0 && (t[start] & 0xC0) == 0x80)
		;
	size_t l;
	return utf8_decode((const char *)t + start, end - start, &l);
}

/* The first character of piece k's matching text. */
static uint32_t piece_first(const struct sy_report *rep, size_t k)
{
	const unsigned char *t = (const unsigned char *)rep->outline.pc[k].sq;
	size_t l;
	return t && *t ? utf8_decode((const char *)t, strlen((const char *)t), &l) : 0;
}

/* Does the sentence at the end of text piece k run on into the next text
 * piece (a line broken inside a sentence, a page break with a blank line)?
 * Only when k ends without any punctuation and the next piece, in the same
 * part, starts with a character that opens no enumeration. */
static bool runs_on(const struct builder *b, size_t k)
{
	const struct sy_outline *o = &b->rep->outline;
	if (o->pc[k].kind != SY_LK_TEXT && o->pc[k].kind != SY_LK_PREAMBLE)
		return false;
	if (!is_ideograph(piece_last(b->rep, k)))
		return false;
	size_t next = k + 1;
	while (next < o->npc && o->pc[next].kind == SY_LK_BLANK && next <= k + 2)
		next++;
	if (next >= o->npc || o->pc[next].kind != o->pc[k].kind || b->part_of[next] != b->part_of[k])
		return false;
	uint32_t first = piece_first(b->rep, next);
	return is_ideograph(first) && !is_cn_numeral(first);
}

static void take_piece(struct builder *b, size_t k)
{
	const struct sy_piece *pc = &b->rep->outline.pc[k];
	const char *t = b->rep->doc.lines[pc->line].text;
	struct pending *p = &b->p;
	bool heading = pc->kind == SY_LK_HEADING;
	if (heading || pc->kind != SY_LK_HEADCONT) {
		if (!p->open || heading)
			flush(b);
		if (!p->open)
			p->flags |= SY_SENT_PARA;
	}
	if (heading)
		p->flags |= SY_SENT_HEADING | (b->part_head[k] ? SY_SENT_PART_HEADING : 0);
	/* without spans, the piece's matching text will do (normalised and
	 * squeezed already, markup left out); offsets are then in it */
	bool original = (b->want & SY_WANT_SPANS) || !pc->sq;
	const unsigned char *u = (const unsigned char *)(original ? t : pc->sq);
	size_t from = original ? pc->from : 0, to = original ? pc->to : strlen(pc->sq);
	pending_reserve(p);
	for (size_t i = from, l; i < to; i += l) {
		uint32_t c = utf8_decode((const char *)u + i, to - i, &l);
		if (c >= 0x4E00 && c <= 0x9FFF && p->open && p->n < SENTENCE_MAX - 1 && !is_cn_numeral(c)) {
			take_ideograph(p, c, u + i, pc->line, i + l); /* most characters */
			continue;
		}
		if (original)
			c = sy_normalise_cp(c);
		if (c)
			take(b, c, pc->line, i, i + l, b->part_of[k]);
	}
	bool continues = k + 1 < b->rep->outline.npc && b->rep->outline.pc[k + 1].kind == SY_LK_HEADCONT;
	if (!continues && !runs_on(b, k))
		flush(b);
}

void sy_sentences_build(struct sy_sentences *out, const struct sy_report *rep, const struct sy_rubric *r,
			unsigned want)
{
	sy_sentences_build_sink(out, rep, r, want, NULL);
}

void sy_sentences_build_sink(struct sy_sentences *out, const struct sy_report *rep, const struct sy_rubric *r,
			     unsigned want, const struct sy_sentence_sink *sink)
{
	memset(out, 0, sizeof *out);
	if (rep->error || !rep->outline.pc || !rep->score.parts)
		return;
	struct builder b = { .rep = rep, .r = r, .out = out, .want = want, .sink = sink };
	b.guess = rep->doc.nbytes / 90 + 16; /* some 30 characters a sentence, 3 bytes a character */
	mark_parts(&b);
	own_unit(&b);
	const struct sy_outline *o = &rep->outline;
	for (size_t k = 0; k < o->npc; k++) {
		if (content_kind(o->pc[k].kind))
			take_piece(&b, k);
		else if (o->pc[k].kind != SY_LK_BLANK)
			flush(&b);
	}
	flush(&b);
	free(b.p.key);
	free(b.p.brk);
	sy_buf_free(&b.p.text);
	free(b.part_of);
	free(b.part_head);
	free(b.unit);
}

void sy_sentences_free(struct sy_sentences *out)
{
	free(out->unit_core);
	free(out->s);
	free(out->clause);
	free(out->clause_len);
	free(out->span);
	free(out->text);
	free(out->text_at);
	memset(out, 0, sizeof *out);
}

/* ---- matching ---- */

int sy_sketch_agree(const struct sy_sentence *a, const struct sy_sentence *b)
{
	int same = 0;
	for (int k = 0; k < SY_SKETCH; k++)
		same += a->sketch[k] == b->sketch[k];
	return same;
}

bool sy_sentence_near(const struct sy_sentence *a, const struct sy_sentence *b)
{
	if (a->hash == b->hash && a->len == b->len)
		return true;
	if ((a->flags | b->flags) & SY_SENT_UNSKETCHED)
		return false;
	unsigned la = a->len, lb = b->len;
	if (la > 2 * lb || lb > 2 * la)
		return false;
	return sy_sketch_agree(a, b) >= SY_NEAR_AGREE;
}

/* Open addressing: a table of 2^k entries, at least twice as many as it
 * holds; a hash is never 0, so 0 marks an empty entry. */
static size_t table_size(size_t n)
{
	size_t size = 16;
	while (size < 2 * n)
		size *= 2;
	return size;
}

static void table_put(struct sy_hash_ref *t, size_t size, uint32_t hash, uint32_t at)
{
	size_t i = (hash * 0x9E3779B1u) & (size - 1);
	while (t[i].hash)
		i = (i + 1) & (size - 1);
	t[i] = (struct sy_hash_ref){ hash, at };
}

/* The entry after *i (start with *i = SIZE_MAX) holding hash, or NULL. */
static const struct sy_hash_ref *table_next(const struct sy_hash_ref *t, size_t size, uint32_t hash, size_t *i)
{
	size_t k = *i == SIZE_MAX ? (hash * 0x9E3779B1u) & (size - 1) : (*i + 1) & (size - 1);
	for (; t[k].hash; k = (k + 1) & (size - 1))
		if (t[k].hash == hash) {
			*i = k;
			return &t[k];
		}
	return NULL;
}

void sy_sentence_set_init(struct sy_sentence_set *set, const struct sy_sentences *of, const uint32_t *keep,
			  size_t n)
{
	memset(set, 0, sizeof *set);
	set->of = of;
	set->n = keep ? n : of->n;
	set->keep = xcalloc(set->n + 1, sizeof *set->keep);
	size_t nc = 0;
	for (size_t i = 0; i < set->n; i++) {
		set->keep[i] = keep ? keep[i] : (uint32_t)i;
		nc += of->s[set->keep[i]].nclauses;
	}
	set->hsize = table_size(set->n);
	set->csize = table_size(nc);
	set->hashes = xcalloc(set->hsize, sizeof *set->hashes);
	set->clauses = xcalloc(set->csize, sizeof *set->clauses);
	for (size_t i = 0; i < set->n; i++) {
		const struct sy_sentence *s = &of->s[set->keep[i]];
		table_put(set->hashes, set->hsize, s->hash, set->keep[i]);
		for (size_t c = 0; c < s->nclauses; c++)
			table_put(set->clauses, set->csize, of->clause[s->clause + c], set->keep[i]);
		set->nclauses += s->nclauses;
	}
}

void sy_sentence_set_free(struct sy_sentence_set *set)
{
	free(set->keep);
	free(set->hashes);
	free(set->clauses);
	memset(set, 0, sizeof *set);
}

size_t sy_sentence_weight(const struct sy_sentences *from, const struct sy_sentence *a, sy_clause_skip_fn skip,
			  void *ctx)
{
	size_t w = a->len;
	for (size_t c = 0; skip && c < a->nclauses; c++)
		if (skip(ctx, from->clause[a->clause + c]))
			w -= from->clause_len[a->clause + c] < w ? from->clause_len[a->clause + c] : w;
	return w;
}

/* A match through clauses: enough of a's key lies in clauses of the set. */
static long clause_match(const struct sy_sentence_set *set, const struct sy_sentences *from,
			 const struct sy_sentence *a, sy_clause_skip_fn skip, void *ctx)
{
	size_t covered = 0, counted = sy_sentence_weight(from, a, skip, ctx);
	long first = -1;
	for (size_t c = 0; c < a->nclauses; c++) {
		uint32_t h = from->clause[a->clause + c];
		if (skip && skip(ctx, h))
			continue;
		size_t at = SIZE_MAX;
		const struct sy_hash_ref *r = table_next(set->clauses, set->csize, h, &at);
		if (!r)
			continue;
		covered += from->clause_len[a->clause + c];
		if (first < 0)
			first = r->at;
	}
	return counted && covered >= SY_CLAUSE_COVER * (double)counted ? first : -1;
}

long sy_sentence_set_match(const struct sy_sentence_set *set, const struct sy_sentences *from,
			   const struct sy_sentence *a, sy_clause_skip_fn skip, void *ctx)
{
	size_t at = SIZE_MAX;
	for (const struct sy_hash_ref *r; (r = table_next(set->hashes, set->hsize, a->hash, &at));)
		if (set->of->s[r->at].len == a->len)
			return r->at;
	for (size_t i = 0; !(a->flags & SY_SENT_UNSKETCHED) && i < set->n; i++)
		if (sy_sentence_near(a, &set->of->s[set->keep[i]]))
			return set->keep[i];
	return clause_match(set, from, a, skip, ctx);
}
