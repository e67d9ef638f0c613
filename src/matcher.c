/* The multi-pattern matcher: patterns cut into their '*'-separated segments;
 * the segments without a year placeholder go into one Aho-Corasick automaton,
 * a full transition table over byte classes (only the bytes the segments use
 * get a class of their own). A scan records, for each segment, whether and
 * where it first occurs. A pattern then matches when its first segment does
 * and each later one is found after the one before (memmem from there, as
 * sy_pattern_match does; only reached for patterns whose every segment is in
 * the text). Segments holding {year} or {next_year} are expanded and looked
 * for with memmem at that point: there are few of them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/hash.h"
#include "shenyue/matcher.h"
#include "shenyue/xalloc.h"

#define NO_SEG ((uint32_t)-1)

struct segment {
	char *s;       /* as written in the pattern (placeholders unexpanded) */
	size_t len;
	bool dynamic;  /* holds {year} or {next_year} */
};

/* A pattern's 'must' when all its segments hold a year. */
#define NO_SEGMENT UINT32_MAX

struct pattern {
	uint32_t *seg;   /* its non-empty segments, in order (indexes into m->segs) */
	size_t nseg;
	uint32_t must;   /* its longest static segment: not in the text, no match
			    (most patterns are turned down on it alone) */
	bool needs_year; /* a segment is dynamic: never matches in year 0 */
};

struct list_entry {
	char **key;      /* the list's array, l->v */
	size_t n;
	size_t base;     /* its first pattern in m->pats */
	uint64_t *musts; /* a bit per segment some pattern of the list must have */
	bool always;     /* a pattern of the list has no such segment (a year's only) */
};

struct sy_matcher {
	struct segment *segs;
	size_t nsegs;
	struct pattern *pats;
	size_t npats;
	struct list_entry *lists;
	size_t nlists;
	struct list_entry *index; /* open addressing by key, 2^k slots */
	size_t index_mask;
	/* the automaton */
	uint8_t cls[256];
	size_t ncls;
	uint32_t *next;    /* nstates * ncls: the next state's row (state * ncls) times 2,
			    * plus 1 when that state ends a segment */
	size_t nstates;
	uint64_t row_inv;  /* ceil(2^32 / ncls): a row offset times it, >> 32, is the state */
	uint32_t *seg_len; /* per segment, its length (scans read it often) */
	uint32_t *out_at;  /* per state: first output in outs, nstates + 1 entries */
	uint32_t *outs;    /* segments ending at each state (own, then by failure links) */
	bool built;
};

struct sy_matcher *sy_matcher_new(void)
{
	return xcalloc(1, sizeof(struct sy_matcher));
}

static bool is_dynamic(const char *s, size_t n)
{
	return (n >= 6 && memmem(s, n, "{year}", 6)) || (n >= 11 && memmem(s, n, "{next_year}", 11));
}

/* The index of segment s[0, n), added when new. */
static uint32_t segment_id(struct sy_matcher *m, const char *s, size_t n)
{
	for (size_t i = 0; i < m->nsegs; i++)
		if (m->segs[i].len == n && !memcmp(m->segs[i].s, s, n))
			return (uint32_t)i;
	m->segs = xreallocarray(m->segs, m->nsegs + 1, sizeof *m->segs);
	m->segs[m->nsegs] = (struct segment){ xstrndup(s, n), n, is_dynamic(s, n) };
	return (uint32_t)m->nsegs++;
}

static void add_pattern(struct sy_matcher *m, const char *p)
{
	struct pattern pat = { .must = NO_SEGMENT };
	for (const char *seg = p; seg;) {
		const char *star = strchr(seg, '*');
		size_t n = star ? (size_t)(star - seg) : strlen(seg);
		if (n) {
			pat.seg = xreallocarray(pat.seg, pat.nseg + 1, sizeof *pat.seg);
			pat.seg[pat.nseg] = segment_id(m, seg, n);
			const struct segment *sg = &m->segs[pat.seg[pat.nseg]];
			pat.needs_year |= sg->dynamic;
			if (!sg->dynamic && (pat.must == NO_SEGMENT || sg->len > m->segs[pat.must].len))
				pat.must = pat.seg[pat.nseg];
			pat.nseg++;
		}
		seg = star ? star + 1 : NULL;
	}
	m->pats = xreallocarray(m->pats, m->npats + 1, sizeof *m->pats);
	m->pats[m->npats++] = pat;
}

static const struct list_entry *find_list(const struct sy_matcher *m, char **key)
{
	if (!m->index)
		return NULL;
	for (size_t h = ((uintptr_t)key >> 4) & m->index_mask;; h = (h + 1) & m->index_mask) {
		if (m->index[h].key == key)
			return &m->index[h];
		if (!m->index[h].key)
			return NULL;
	}
}

void sy_matcher_add(struct sy_matcher *m, const struct sy_strlist *l)
{
	if (m->built || !l->n)
		return;
	for (size_t i = 0; i < m->nlists; i++)
		if (m->lists[i].key == l->v)
			return;
	m->lists = xreallocarray(m->lists, m->nlists + 1, sizeof *m->lists);
	m->lists[m->nlists++] = (struct list_entry){ .key = l->v, .n = l->n, .base = m->npats };
	for (size_t i = 0; i < l->n; i++)
		add_pattern(m, l->v[i]);
}

bool sy_matcher_has(const struct sy_matcher *m, const struct sy_strlist *l)
{
	return m && m->built && (!l->n || find_list(m, l->v));
}

size_t sy_matcher_patterns(const struct sy_matcher *m)
{
	return m->npats;
}

/* ---- building the automaton ---- */

/* The trie under construction: sparse children, later the full table. */
struct trie {
	uint16_t *child; /* nstates * ncls, 0 = none (the root is never a child) */
	uint32_t *own;   /* segment ending here, or NO_SEG */
	uint16_t *fail;
	size_t n, cap;
};

static uint16_t trie_new_state(struct trie *t, size_t ncls)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->child = xreallocarray(t->child, t->cap, ncls * sizeof *t->child);
		t->own = xreallocarray(t->own, t->cap, sizeof *t->own);
		t->fail = xreallocarray(t->fail, t->cap, sizeof *t->fail);
	}
	memset(t->child + t->n * ncls, 0, ncls * sizeof *t->child);
	t->own[t->n] = NO_SEG;
	t->fail[t->n] = 0;
	return (uint16_t)t->n++;
}

/* Byte classes: one per byte some static segment uses, 0 for all others. */
static void make_classes(struct sy_matcher *m)
{
	memset(m->cls, 0, sizeof m->cls);
	m->ncls = 1;
	for (size_t i = 0; i < m->nsegs; i++)
		for (size_t k = 0; k < m->segs[i].len && !m->segs[i].dynamic; k++) {
			unsigned char c = (unsigned char)m->segs[i].s[k];
			if (!m->cls[c])
				m->cls[c] = (uint8_t)m->ncls++;
		}
}

static void make_trie(struct sy_matcher *m, struct trie *t)
{
	trie_new_state(t, m->ncls);
	for (size_t i = 0; i < m->nsegs; i++) {
		if (m->segs[i].dynamic)
			continue;
		uint16_t st = 0;
		for (size_t k = 0; k < m->segs[i].len; k++) {
			size_t c = m->cls[(unsigned char)m->segs[i].s[k]];
			if (!t->child[st * m->ncls + c]) {
				uint16_t nst = trie_new_state(t, m->ncls);
				t->child[st * m->ncls + c] = nst;
			}
			st = t->child[st * m->ncls + c];
		}
		t->own[st] = (uint32_t)i;
	}
}

/* Breadth first: failure links, the full transition table, the outputs. */
static void make_automaton(struct sy_matcher *m, struct trie *t)
{
	size_t ncls = m->ncls;
	uint16_t *queue = xcalloc(t->n, sizeof *queue);
	size_t head = 0, tail = 0;
	uint16_t *delta = xcalloc(t->n * ncls, sizeof *delta);
	for (size_t c = 0; c < ncls; c++) {
		uint16_t s = t->child[c];
		delta[c] = s;
		if (s)
			queue[tail++] = s;
	}
	while (head < tail) {
		uint16_t r = queue[head++];
		for (size_t c = 0; c < ncls; c++) {
			uint16_t s = t->child[r * ncls + c];
			if (!s) {
				delta[r * ncls + c] = delta[t->fail[r] * ncls + c];
				continue;
			}
			delta[r * ncls + c] = s;
			t->fail[s] = delta[t->fail[r] * ncls + c];
			queue[tail++] = s;
		}
	}
	/* outputs in BFS order, so a state's failure target is done before it:
	 * state s has outs[out_at[2s] .. out_at[2s] + out_at[2s + 1]) */
	m->nstates = t->n;
	m->out_at = xcalloc(2 * t->n, sizeof *m->out_at);
	size_t total = 0;
	for (size_t q = 0; q < tail; q++) {
		uint16_t s = queue[q];
		m->out_at[2 * s + 1] = (t->own[s] != NO_SEG) + m->out_at[2 * t->fail[s] + 1];
		total += m->out_at[2 * s + 1];
	}
	m->outs = xcalloc(total + 1, sizeof *m->outs);
	size_t w = 0;
	for (size_t q = 0; q < tail; q++) {
		uint16_t s = queue[q], f = t->fail[s];
		m->out_at[2 * s] = (uint32_t)w;
		if (t->own[s] != NO_SEG)
			m->outs[w++] = t->own[s];
		for (uint32_t k = 0; k < m->out_at[2 * f + 1]; k++)
			m->outs[w++] = m->outs[m->out_at[2 * f] + k];
	}
	m->row_inv = ((1ull << 32) + ncls - 1) / ncls;
	m->seg_len = xcalloc(m->nsegs + 1, sizeof *m->seg_len);
	for (size_t i = 0; i < m->nsegs; i++)
		m->seg_len[i] = (uint32_t)m->segs[i].len;
	m->next = xcalloc(t->n * ncls, sizeof *m->next);
	for (size_t i = 0; i < t->n * ncls; i++)
		m->next[i] = (uint32_t)delta[i] * (uint32_t)ncls * 2 + (m->out_at[2 * delta[i] + 1] > 0);
	free(delta);
	free(queue);
}

/* Gathers each list's 'must' segments into one set: a text holding none
 * of them matches no pattern of the list, whatever their number. */
static void make_list_musts(struct sy_matcher *m)
{
	size_t words = (m->nsegs + 63) / 64;
	for (size_t i = 0; i < m->nlists; i++) {
		struct list_entry *e = &m->lists[i];
		e->musts = xcalloc(words + 1, sizeof *e->musts);
		for (size_t k = 0; k < e->n; k++) {
			uint32_t g = m->pats[e->base + k].must;
			if (g == NO_SEGMENT)
				e->always = true;
			else
				e->musts[g / 64] |= 1ull << (g % 64);
		}
	}
}

static void make_index(struct sy_matcher *m)
{
	size_t slots = sy_hash_slots(m->nlists);
	m->index = xcalloc(slots, sizeof *m->index);
	m->index_mask = slots - 1;
	for (size_t i = 0; i < m->nlists; i++) {
		size_t h = ((uintptr_t)m->lists[i].key >> 4) & m->index_mask;
		while (m->index[h].key)
			h = (h + 1) & m->index_mask;
		m->index[h] = m->lists[i];
	}
}

void sy_matcher_build(struct sy_matcher *m)
{
	if (m->built)
		return;
	make_classes(m);
	struct trie t = {0};
	make_trie(m, &t);
	if (t.n > UINT16_MAX || t.n * m->ncls >= (1u << 30)) { /* some 65,000 pattern bytes: not a rubric */
		fprintf(stderr, "shenyue: too many rubric patterns to compile\n");
		abort();
	}
	make_automaton(m, &t);
	free(t.child);
	free(t.own);
	free(t.fail);
	make_list_musts(m);
	make_index(m);
	m->built = true;
}

void sy_matcher_free(struct sy_matcher *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nsegs; i++)
		free(m->segs[i].s);
	free(m->segs);
	for (size_t i = 0; i < m->npats; i++)
		free(m->pats[i].seg);
	free(m->pats);
	for (size_t i = 0; i < m->nlists; i++)
		free(m->lists[i].musts);
	free(m->lists);
	free(m->index);
	free(m->next);
	free(m->out_at);
	free(m->seg_len);
	free(m->outs);
	free(m);
}

/* ---- scanning ---- */

/* Points seen and first at room for every segment of the matcher. */
static void hits_room(struct sy_hits *h, size_t nsegs)
{
	if (nsegs <= SY_HITS_INLINE) {
		h->seen = h->seen_inline;
		h->first = h->first_inline;
		return;
	}
	if (!h->seen_heap) {
		h->seen_heap = xcalloc((nsegs + 63) / 64, sizeof *h->seen_heap);
		h->first_heap = xcalloc(nsegs, sizeof *h->first_heap);
	}
	h->seen = h->seen_heap;
	h->first = h->first_heap;
}

void sy_matcher_scan(const struct sy_matcher *m, const char *text, int year, struct sy_hits *h)
{
	if (h->m != m) { /* its first scan, or another matcher's hits */
		sy_hits_free(h);
		h->m = m;
	}
	h->text = text;
	h->year = year;
	hits_room(h, m->nsegs);
	memset(h->seen, 0, (m->nsegs + 63) / 64 * sizeof *h->seen);
	const unsigned char *s = (const unsigned char *)text;
	const uint32_t *next = m->next, *out_at = m->out_at, *outs = m->outs, *seg_len = m->seg_len;
	const uint8_t *cls = m->cls;
	const uint64_t inv = m->row_inv;
	uint64_t *seen = h->seen;
	uint32_t *first = h->first;
	size_t i = 0;
	uint32_t e = 0;
	for (; s[i]; i++) {
		e = next[(e >> 1) + cls[s[i]]];
		if (!(e & 1))
			continue;
		size_t st = (size_t)(((uint64_t)(e >> 1) * inv) >> 32); /* the row's state, without a division */
		for (uint32_t k = out_at[2 * st], end = k + out_at[2 * st + 1]; k < end; k++) {
			uint32_t seg = outs[k];
			uint64_t bit = 1ull << (seg % 64);
			if (!(seen[seg / 64] & bit)) {
				seen[seg / 64] |= bit;
				first[seg] = (uint32_t)(i + 1 - seg_len[seg]);
			}
		}
	}
	h->len = i;
}

/* Writes v in decimal (as "%d" does, without the printf machinery: this
 * runs for each year pattern tried on each line); returns its length. */
static size_t put_int(char *buf, int v)
{
	char digits[12];
	size_t n = 0, w = 0;
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	do
		digits[n++] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		buf[w++] = '-';
	while (n)
		buf[w++] = digits[--n];
	return w;
}

/* A dynamic segment with the year put in (buf has room for it). */
static size_t expand(const struct segment *sg, int year, char *buf)
{
	size_t w = 0;
	for (size_t k = 0; k < sg->len;) {
		const char *p = sg->s + k;
		if (sg->len - k >= 6 && !strncmp(p, "{year}", 6)) {
			w += put_int(buf + w, year);
			k += 6;
		} else if (sg->len - k >= 11 && !strncmp(p, "{next_year}", 11)) {
			w += put_int(buf + w, year + 1);
			k += 11;
		} else {
			buf[w++] = *p;
			k++;
		}
	}
	return w;
}

/* Where segment g first occurs at or after pos, or -1; its length (a dynamic
 * segment's once the year is put in) in *len. */
static long find_from(const struct sy_hits *h, uint32_t g, size_t pos, size_t *len)
{
	const struct segment *sg = &h->m->segs[g];
	*len = sg->len;
	if (!sg->dynamic) {
		if (!(h->seen[g / 64] >> (g % 64) & 1))
			return -1;
		if (h->first[g] >= pos)
			return h->first[g];
		const char *hit = pos <= h->len ? memmem(h->text + pos, h->len - pos, sg->s, sg->len) : NULL;
		return hit ? hit - h->text : -1;
	}
	/* a year prints in at most 11 characters where {year} took 6 */
	char small[256], *buf = sg->len * 2 + 16 <= sizeof small ? small : xrealloc(NULL, sg->len * 2 + 16);
	*len = expand(sg, h->year, buf);
	const char *hit = pos <= h->len ? memmem(h->text + pos, h->len - pos, buf, *len) : NULL;
	if (buf != small)
		free(buf);
	return hit ? hit - h->text : -1;
}

/* True when the text has the segment the pattern must have (if any). */
static inline bool may_match(const struct sy_hits *h, const struct pattern *p)
{
	return p->must == NO_SEGMENT || (h->seen[p->must / 64] >> (p->must % 64) & 1);
}

/* Can some pattern of list e match: one has no 'must', or the text holds one's? */
static bool may_match_any(const struct sy_hits *h, const struct list_entry *e)
{
	if (e->always)
		return true;
	for (size_t w = 0, words = (h->m->nsegs + 63) / 64; w < words; w++)
		if (h->seen[w] & e->musts[w])
			return true;
	return false;
}

static bool match_pattern(const struct sy_hits *h, const struct pattern *p, size_t *at)
{
	if (!may_match(h, p) || (p->needs_year && h->year <= 0))
		return false;
	for (size_t k = 0; k < p->nseg; k++) { /* every static segment must be there at all */
		uint32_t g = p->seg[k];
		if (!h->m->segs[g].dynamic && !(h->seen[g / 64] >> (g % 64) & 1))
			return false;
	}
	size_t pos = 0, first = 0;
	for (size_t k = 0; k < p->nseg; k++) {
		size_t len;
		long hit = find_from(h, p->seg[k], pos, &len);
		if (hit < 0)
			return false;
		if (k == 0)
			first = (size_t)hit;
		pos = (size_t)hit + len;
	}
	if (at)
		*at = first;
	return true;
}

bool sy_hits_one(const struct sy_hits *h, const struct sy_strlist *l, size_t i, size_t *at)
{
	const struct list_entry *e = find_list(h->m, l->v);
	if (!e || i >= e->n)
		return false;
	return match_pattern(h, &h->m->pats[e->base + i], at);
}

bool sy_hits_any(const struct sy_hits *h, const struct sy_strlist *l, size_t *which)
{
	if (!l->n)
		return false;
	const struct list_entry *e = find_list(h->m, l->v);
	if (!e || !may_match_any(h, e))
		return false;
	const struct pattern *pats = &h->m->pats[e->base];
	for (size_t i = 0; i < e->n; i++)
		if (may_match(h, &pats[i]) && match_pattern(h, &pats[i], NULL)) {
			if (which)
				*which = i;
			return true;
		}
	return false;
}

void sy_hits_free(struct sy_hits *h)
{
	free(h->seen_heap);
	free(h->first_heap);
	h->seen_heap = NULL;
	h->first_heap = NULL;
	h->seen = NULL;
	h->m = NULL;
}
