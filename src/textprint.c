/* The compact print of a report's text (textprint.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/meta.h"
#include "shenyue/roster.h"
#include "shenyue/spool.h"
#include "shenyue/textprint.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

#define MAX_PROBLEMS 6
/* Key characters of a plan item's opening taken as its title. */
#define TITLE_CHARS 30

/* A pair of characters as one number (code points are 21 bits). */
static uint32_t pair_hash(uint32_t a, uint32_t b)
{
	return (uint32_t)(((((uint64_t)a << 21) ^ b) * 0x9E3779B97F4A7C15ull) >> 32);
}

static bool is_marker(uint32_t c)
{
	return c == '#' || c == '@';
}

/* ---- the excerpt pool ---- */

struct pool {
	struct sy_buf b;
};

/* Past an enumeration opening text: 一是, 二要, (一), 1., 3、 (or text itself). */
static const char *skip_enumeration(const char *text)
{
	const char *p = text;
	if (*p == '(')
		p++;
	size_t digits = 0;
	for (size_t l; *p; p += l, digits++)
		if (!sy_is_figure_char(utf8_decode_str(p, &l)))
			break;
	if (!digits)
		return text;
	static const char *const after[] = { ")", "、", ".", "是", "要", ",", NULL };
	for (size_t i = 0; after[i]; i++)
		if (!strncmp(p, after[i], strlen(after[i])))
			return p + strlen(after[i]);
	return text;
}

/* The end of text [text, end) without the stops closing it (。 ; : ...). */
static const char *trim_stops(const char *text, const char *end)
{
	for (;;) {
		if (end > text && strchr(".,;:!?", end[-1]))
			end--;
		else if (end - text >= 3 && !memcmp(end - 3, "。", 3))
			end -= 3;
		else
			return end;
	}
}

/* Adds [text, end) with the stops the normalised text made half-width
 * written full-width again, as a Chinese reader expects them. */
static void add_full_width(struct sy_buf *b, const char *text, const char *end)
{
	static const char half[] = ",;:!?()";
	static const char *const full[] = { "，", "；", "：", "！", "？", "（", "）" };
	for (const char *p = text; p < end; p++) {
		const char *h = *p ? strchr(half, *p) : NULL;
		if (h)
			sy_buf_puts(b, full[h - half]);
		else
			sy_buf_add(b, p, 1);
	}
}

/* Adds the first SY_EXCERPT_CHARS characters of text (an opening
 * enumeration such as 一是 or （一） left out); returns its offset. */
static uint32_t pool_add(struct pool *p, const char *text)
{
	if (!p->b.len)
		sy_buf_add(&p->b, "", 1); /* offset 0 is "none" */
	text = skip_enumeration(text);
	const char *end = utf8_skip(text, SY_EXCERPT_CHARS);
	bool cut = *end;
	end = trim_stops(text, end);
	uint32_t at = (uint32_t)p->b.len;
	add_full_width(&p->b, text, end);
	if (cut)
		sy_buf_puts(&p->b, "…");
	sy_buf_add(&p->b, "", 1);
	return at;
}

/* ---- the problems part ---- */

static const char *text_of(const struct sy_sentences *s, size_t i)
{
	return s->text + s->text_at[i];
}

static void keep_problems(struct sy_textprint *tp, struct pool *pool)
{
	const struct sy_sentences *s = &tp->sent;
	tp->problem = xcalloc(MAX_PROBLEMS, sizeof *tp->problem);
	for (size_t i = 0; i < s->n && tp->nproblems < MAX_PROBLEMS; i++) {
		const struct sy_sentence *x = &s->s[i];
		if (x->role != SY_ROLE_PROBLEMS || (x->flags & (SY_SENT_PART_HEADING | SY_SENT_LEAD | SY_SENT_ASPECT)))
			continue;
		tp->problem[tp->nproblems++] = (struct sy_problem){ x->line, pool_add(pool, text_of(s, i)) };
	}
}

/* ---- the plan's items ---- */

/* The rubric's generic words as keys, longest first, in one buffer. */
struct generic {
	uint32_t *buf;
	uint32_t **key;
	size_t *len;
	size_t n;
};

static void generic_make(struct generic *g, const struct sy_rubric *r)
{
	size_t total = 0;
	for (size_t i = 0; i < r->generic.n; i++)
		total += strlen(r->generic.v[i]);
	g->n = r->generic.n;
	g->buf = xcalloc(total + 1, sizeof *g->buf);
	g->key = xcalloc(g->n + 1, sizeof *g->key);
	g->len = xcalloc(g->n + 1, sizeof *g->len);
	for (size_t i = 0, at = 0; i < g->n; i++) {
		g->key[i] = g->buf + at;
		g->len[i] = sy_sentence_key_into(r->generic.v[i], g->key[i]);
		at += g->len[i];
	}
	for (size_t i = 1; i < g->n; i++) /* insertion sort: a few dozen words */
		for (size_t j = i; j > 0 && g->len[j] > g->len[j - 1]; j--) {
			uint32_t *k = g->key[j];
			size_t l = g->len[j];
			g->key[j] = g->key[j - 1], g->len[j] = g->len[j - 1];
			g->key[j - 1] = k, g->len[j - 1] = l;
		}
}

static void generic_free(struct generic *g)
{
	free(g->buf);
	free(g->key);
	free(g->len);
}

/* Marks in covered[] the characters of key that belong to generic words. */
static void cover_generic(const struct generic *g, const uint32_t *key, size_t n, bool *covered)
{
	for (size_t i = 0; i < n;) {
		size_t hit = 0;
		for (size_t w = 0; w < g->n && !hit; w++)
			if (g->len[w] && i + g->len[w] <= n && key[i] == g->key[w][0] &&
			    !memcmp(key + i, g->key[w], g->len[w] * sizeof *key))
				hit = g->len[w];
		for (size_t k = i; k < i + hit; k++)
			covered[k] = true;
		i += hit ? hit : 1;
	}
}

/* An item's keys: the pairs of characters of its title (the first
 * TITLE_CHARS of its key, an opening figure left out) outside generic words. */
static void item_keys(struct sy_plan_item *it, const struct generic *g, const uint32_t *key, size_t n)
{
	size_t skip = n && key[0] == '#' ? 1 : 0;
	if (n > skip + TITLE_CHARS)
		n = skip + TITLE_CHARS;
	bool *covered = xcalloc(n + 1, sizeof *covered);
	cover_generic(g, key + skip, n - skip, covered + skip);
	for (size_t i = skip; i + 1 < n && it->nkeys < SY_ITEM_KEYS; i++) {
		if (covered[i] || covered[i + 1] || is_marker(key[i]) || is_marker(key[i + 1]))
			continue;
		uint32_t h = pair_hash(key[i], key[i + 1]);
		bool dup = false;
		for (size_t k = 0; k < it->nkeys && !dup; k++)
			dup = it->keys[k] == h;
		if (!dup)
			it->keys[it->nkeys++] = h;
	}
	free(covered);
}

/* Which plan sentences open items: its sub-headings, else its paragraphs
 * when there are two or more, else every sentence. */
static unsigned item_flag(const struct sy_sentences *s)
{
	size_t heads = 0, paras = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct sy_sentence *x = &s->s[i];
		if (x->role != SY_ROLE_PLAN || (x->flags & SY_SENT_PART_HEADING))
			continue;
		heads += (x->flags & SY_SENT_HEADING) != 0;
		paras += (x->flags & SY_SENT_PARA) != 0;
	}
	return heads ? SY_SENT_HEADING : paras >= 2 ? SY_SENT_PARA : 0;
}

/* What the sentences' keys leave for the print while they are cut: the
 * work parts' pairs of characters. */
struct collect {
	struct sy_textprint *tp;
};

static void bloom_add(uint8_t *bits, uint32_t h);

static void collect_key(void *ctx, size_t i, const struct sy_sentence *s, const uint32_t *key, size_t n)
{
	struct collect *c = ctx;
	(void)i;
	if (s->role == SY_ROLE_WORK) {
		for (size_t k = 0; k + 1 < n; k++)
			if (!is_marker(key[k]) && !is_marker(key[k + 1]))
				bloom_add(c->tp->work, pair_hash(key[k], key[k + 1]));
		c->tp->has_work = true;
	}
}

static void keep_items(struct sy_textprint *tp, struct pool *pool, const struct sy_rubric *r)
{
	const struct sy_sentences *s = &tp->sent;
	unsigned flag = item_flag(s);
	struct generic g = {0};
	for (size_t i = 0; i < s->n; i++) {
		const struct sy_sentence *x = &s->s[i];
		if (x->role != SY_ROLE_PLAN || (x->flags & (SY_SENT_PART_HEADING | SY_SENT_LEAD)))
			continue;
		if (flag && !(x->flags & flag))
			continue;
		if (!g.key)
			generic_make(&g, r);
		if ((tp->nitems & (tp->nitems - 1)) == 0) /* 0, 1, 2, 4, 8...: grow by doubling */
			tp->item = xreallocarray(tp->item, tp->nitems ? 2 * tp->nitems : 1, sizeof *tp->item);
		struct sy_plan_item *it = &tp->item[tp->nitems++];
		memset(it, 0, sizeof *it);
		it->line = x->line;
		it->title = pool_add(pool, text_of(s, i));
		size_t n;
		uint32_t *key = sy_sentence_key(text_of(s, i), &n);
		item_keys(it, &g, key, n);
		free(key);
	}
	if (g.key)
		generic_free(&g);
}

/* ---- the work parts ---- */

static void bloom_add(uint8_t *bits, uint32_t h)
{
	uint64_t x = (h | (uint64_t)h << 32) * 0xD6E8FEB86659FD93ull;
	for (int k = 0; k < 2; k++) {
		uint32_t bit = (uint32_t)(x >> (k * 29)) % SY_WORK_BITS;
		bits[bit / 8] |= (uint8_t)(1u << (bit % 8));
	}
}

static bool bloom_has(const uint8_t *bits, uint32_t h)
{
	uint64_t x = (h | (uint64_t)h << 32) * 0xD6E8FEB86659FD93ull;
	for (int k = 0; k < 2; k++) {
		uint32_t bit = (uint32_t)(x >> (k * 29)) % SY_WORK_BITS;
		if (!(bits[bit / 8] & (1u << (bit % 8))))
			return false;
	}
	return true;
}

bool sy_textprint_has_work_pair(const struct sy_textprint *tp, uint32_t pair)
{
	return bloom_has(tp->work, pair);
}

/* ---- the print ---- */

/* The id of the finding saying the problems part is silent on an optional
 * aspect (rectification-missing, or rectification-promised when its heading
 * promises it), when the report has one. */
static char *rectification_finding(const struct sy_report *rep, const struct sy_rubric *r)
{
	static const char *const tails[] = { "missing", "promised" };
	for (size_t p = 0; p < r->nparts; p++) {
		if (r->parts[p].compare != SY_ROLE_PROBLEMS)
			continue;
		for (size_t a = 0; a < r->parts[p].naspects; a++) {
			if (r->parts[p].aspects[a].required)
				continue;
			for (size_t t = 0; t < 2; t++) {
				char *id = xasprintf("%s-%s", r->parts[p].aspects[a].id, tails[t]);
				for (size_t f = 0; f < rep->score.nf; f++)
					if (!strcmp(rep->score.f[f].id, id))
						return id;
				free(id);
			}
		}
	}
	return NULL;
}

/* The place a unit's name gives before its core (the county of
 * 鲁山县汇源街道办事处: 鲁山县; 中共 left out), or NULL: what tells two towns
 * of one name in two counties apart. */
static char *unit_place(const char *unit, const char *core)
{
	if (!unit || !core)
		return NULL;
	char *sq = sy_squeeze(unit);
	const char *start = sy_meta_skip_party(sq), *at = strstr(start, core);
	char *place = at && at > start ? xstrndup(start, (size_t)(at - start)) : NULL;
	free(sq);
	return place;
}

/* Gives back the memory the growing arrays did not use. */
static void shrink(struct sy_sentences *s)
{
	if (s->n)
		s->s = xreallocarray(s->s, s->n, sizeof *s->s);
	if (s->nclauses) {
		s->clause = xreallocarray(s->clause, s->nclauses, sizeof *s->clause);
		s->clause_len = xreallocarray(s->clause_len, s->nclauses, sizeof *s->clause_len);
	}
	free(s->text);
	free(s->text_at);
	s->text = NULL;
	s->text_at = NULL;
}

struct sy_textprint *sy_textprint_make(const struct sy_report *rep, const struct sy_rubric *r)
{
	struct sy_textprint *tp = xcalloc(1, sizeof *tp);
	struct collect c = { .tp = tp };
	struct sy_sentence_sink sink = { collect_key, &c };
	sy_sentences_build_sink(&tp->sent, rep, r, SY_WANT_TEXT_PARTS, &sink);
	tp->unit_key = tp->sent.unit_core; /* the builder's, taken over */
	tp->sent.unit_core = NULL;
	tp->unit_place = unit_place(rep->outline.unit, tp->unit_key);
	struct pool pool = {0};
	if (tp->sent.n) {
		keep_problems(tp, &pool);
		keep_items(tp, &pool, r);
	}
	tp->rect_id = tp->sent.n ? rectification_finding(rep, r) : NULL;
	tp->pool = pool.b.data;
	tp->pool_len = pool.b.len;
	shrink(&tp->sent);
	return tp;
}

void sy_textprint_free(struct sy_textprint *tp)
{
	if (!tp)
		return;
	sy_sentences_free(&tp->sent);
	free(tp->item);
	free(tp->problem);
	free(tp->pool);
	free(tp->unit_key);
	free(tp->unit_place);
	free(tp->rect_id);
	free(tp);
}

const char *sy_textprint_excerpt(const struct sy_textprint *tp, uint32_t off)
{
	return tp->pool && off ? tp->pool + off : "";
}

size_t sy_textprint_size(const struct sy_textprint *tp)
{
	if (!tp)
		return 0;
	return sizeof *tp + tp->sent.n * sizeof *tp->sent.s +
	       tp->sent.nclauses * (sizeof *tp->sent.clause + sizeof *tp->sent.clause_len) +
	       tp->nitems * sizeof *tp->item + MAX_PROBLEMS * sizeof *tp->problem + tp->pool_len;
}

/* ---- as bytes and back ---- */

/* The counts a packed print starts with. */
struct packed_head {
	uint64_t nsent, nclauses, nitems, nproblems, pool_len;
	uint32_t key_len, place_len, rect_len; /* UINT32_MAX: NULL */
	uint8_t has_work;
};

static uint32_t str_len(const char *s)
{
	return s ? (uint32_t)strlen(s) : UINT32_MAX;
}

void sy_textprint_pack(const struct sy_textprint *tp, struct sy_buf *out)
{
	struct packed_head h;
	memset(&h, 0, sizeof h); /* padding too: the bytes are written out */
	h.nsent = tp->sent.n;
	h.nclauses = tp->sent.nclauses;
	h.nitems = tp->nitems;
	h.nproblems = tp->nproblems;
	h.pool_len = tp->pool ? tp->pool_len : 0;
	h.key_len = str_len(tp->unit_key);
	h.place_len = str_len(tp->unit_place);
	h.rect_len = str_len(tp->rect_id);
	h.has_work = tp->has_work;
	sy_buf_add(out, (const char *)&h, sizeof h);
	sy_buf_add(out, (const char *)tp->sent.s, tp->sent.n * sizeof *tp->sent.s);
	sy_buf_add(out, (const char *)tp->sent.clause, tp->sent.nclauses * sizeof *tp->sent.clause);
	sy_buf_add(out, (const char *)tp->sent.clause_len, tp->sent.nclauses * sizeof *tp->sent.clause_len);
	sy_buf_add(out, (const char *)tp->item, tp->nitems * sizeof *tp->item);
	sy_buf_add(out, (const char *)tp->problem, tp->nproblems * sizeof *tp->problem);
	if (tp->has_work) /* the filter is read only then */
		sy_buf_add(out, (const char *)tp->work, sizeof tp->work);
	sy_buf_add(out, tp->pool, h.pool_len);
	sy_buf_add(out, tp->unit_key, tp->unit_key ? h.key_len : 0);
	sy_buf_add(out, tp->unit_place, tp->unit_place ? h.place_len : 0);
	sy_buf_add(out, tp->rect_id, tp->rect_id ? h.rect_len : 0);
}

/* Reading back: a cursor that fails once it would run past the end. */
struct unpacker {
	const char *p, *end;
	bool bad;
};

/* Steps over n items of size each: where they start, or NULL when n is 0
 * or more than is left (then u is bad). */
static const char *step(struct unpacker *u, uint64_t n, size_t size)
{
	if (u->bad || n > (uint64_t)(u->end - u->p) / size) {
		u->bad = true;
		return NULL;
	}
	const char *at = n ? u->p : NULL;
	u->p += (size_t)n * size;
	return at;
}

/* n items of size each, newly allocated (NULL when n is 0 or too many). */
static void *take(struct unpacker *u, uint64_t n, size_t size)
{
	const char *at = step(u, n, size);
	if (!at)
		return NULL;
	void *v = xreallocarray(NULL, (size_t)n, size); /* all of it copied over: no zeroing */
	memcpy(v, at, (size_t)n * size);
	return v;
}

static char *take_str(struct unpacker *u, uint32_t n)
{
	if (n == UINT32_MAX || u->bad)
		return NULL;
	if (n > (size_t)(u->end - u->p)) {
		u->bad = true;
		return NULL;
	}
	char *s = xstrndup(u->p, n);
	u->p += n;
	return s;
}

struct sy_textprint *sy_textprint_unpack(const void *buf, size_t len)
{
	struct packed_head h;
	if (len < sizeof h)
		return NULL;
	memcpy(&h, buf, sizeof h);
	struct unpacker u = { (const char *)buf + sizeof h, (const char *)buf + len, false };
	struct sy_textprint *tp = xcalloc(1, sizeof *tp);
	tp->sent.s = take(&u, h.nsent, sizeof *tp->sent.s);
	tp->sent.n = u.bad ? 0 : (size_t)h.nsent;
	tp->sent.clause = take(&u, h.nclauses, sizeof *tp->sent.clause);
	tp->sent.clause_len = take(&u, h.nclauses, sizeof *tp->sent.clause_len);
	tp->sent.nclauses = u.bad ? 0 : (size_t)h.nclauses;
	tp->item = take(&u, h.nitems, sizeof *tp->item);
	tp->nitems = u.bad ? 0 : (size_t)h.nitems;
	tp->problem = take(&u, h.nproblems, sizeof *tp->problem);
	tp->nproblems = u.bad ? 0 : (size_t)h.nproblems;
	tp->has_work = h.has_work;
	if (tp->has_work) {
		const char *work = step(&u, sizeof tp->work, 1);
		if (work)
			memcpy(tp->work, work, sizeof tp->work);
	}
	tp->pool = take(&u, h.pool_len, 1);
	tp->pool_len = tp->pool ? (size_t)h.pool_len : 0;
	tp->unit_key = take_str(&u, h.key_len);
	tp->unit_place = take_str(&u, h.place_len);
	tp->rect_id = take_str(&u, h.rect_len);
	if (u.bad || u.p != u.end || (tp->pool && tp->pool[tp->pool_len - 1])) {
		sy_textprint_free(tp);
		return NULL;
	}
	return tp;
}

struct sy_textprint *sy_textprint_read(struct sy_spool *s, uint64_t off, size_t len, struct sy_buf *tmp)
{
	if (!len || sy_spool_get(s, off, len, tmp))
		return NULL;
	return sy_textprint_unpack(tmp->data, tmp->len);
}

/* Through the packed bytes, so pack and unpack stay the one place that
 * knows a print's fields. */
struct sy_textprint *sy_textprint_copy(const struct sy_textprint *tp)
{
	struct sy_buf b = { 0 };
	sy_textprint_pack(tp, &b);
	struct sy_textprint *copy = sy_textprint_unpack(b.data, b.len);
	sy_buf_free(&b);
	return copy;
}
