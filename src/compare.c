/* Comparing reports: a unit's report with its earlier one, and the problems
 * and plan parts across units (compare.h). Works on the reports' prints
 * (textprint.h) only, so it needs no text. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shenyue/arena.h"
#include "shenyue/compare.h"
#include "shenyue/findings.h"
#include "shenyue/i18n.h"
#include "shenyue/textprint.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

/* Reports handled per slice by the stages that go report by report. */
#define SLICE_REPORTS 256
/* Candidate pairs verified per slice. */
#define SLICE_PAIRS 512
/* Repeated shortfalls named per report; past it one finding counts the rest. */
#define MAX_REPEATS 10
/* Copied parts kept per report and part. */
#define MAX_COPIES 3
/* Bands of the sentence sketch that find near-same sentences across units. */
#define BANDS 3
#define BAND_ROWS (SY_SKETCH / BANDS)
/* Last year's problems a rectification finding names. */
#define NAMED_PROBLEMS 3
/* Reports whose postings are sorted at once (about 60 postings of 16 bytes
 * each, and as much again to sort them): a bigger batch's postings are
 * spread by key over temporary files, one part of the keys sorted at a time. */
#define SPILL_REPORTS 4096
/* Temporary files at most: beyond, the parts grow. */
#define MAX_SPILLS 256

/* ---- years and keys ---- */

/* The year a folder name states: 2023, 2023年, 2023年度 (nothing else). */
static int year_of_name(const char *name)
{
	int y = 0;
	size_t i = 0;
	for (; i < 4; i++) {
		if (name[i] < '0' || name[i] > '9')
			return 0;
		y = y * 10 + (name[i] - '0');
	}
	const char *rest = name + i;
	if (*rest && strcmp(rest, "年") && strcmp(rest, "年度") && strcmp(rest, "/"))
		return 0;
	return y >= 1990 && y <= 2100 ? y : 0;
}

int sy_compare_folder_year(const char *path)
{
	size_t n = strlen(path);
	while (n && path[n - 1] != '/') /* the file name */
		n--;
	while (n && path[n - 1] == '/')
		n--;
	size_t start = n;
	while (start && path[start - 1] != '/')
		start--;
	if (n == start)
		return 0;
	char *name = xstrndup(path + start, n - start);
	int y = year_of_name(name);
	free(name);
	return y;
}

int sy_compare_year(const struct sy_report *rep)
{
	int y = sy_compare_folder_year(rep->path);
	return y ? y : rep->outline.year;
}

char *sy_compare_file_key(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	char *stem = xstrndup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
	size_t n;
	uint32_t *key = sy_sentence_key(stem, &n);
	struct sy_buf b = {0};
	sy_buf_add(&b, "", 0);
	for (size_t i = 0; i < n; i++) {
		char tmp[4];
		if (key[i] != '#')
			sy_buf_add(&b, tmp, utf8_encode(key[i], tmp));
	}
	free(key);
	free(stem);
	return sy_buf_steal(&b);
}

/* ---- state ---- */

/* How a report is linked to its unit's other reports (one per report of
 * the batch: the strings are in the comparison's keys arena). */
struct link {
	const char *ukey;    /* its unit (roster unit or core name), or NULL */
	const char *place;   /* the place its unit's name states (a county), or NULL */
	const char *fkey;    /* its file name as a key */
	long group;          /* reports of one unit share it; -1: not compared */
	long prev;           /* the latest earlier report of its unit, -1 */
	int year;
	bool printed;        /* it has a print: it is compared */
};

/* One sentence, clause or band of a problems or plan part, for finding
 * parts that share text across units. */
struct posting {
	uint32_t key;
	uint32_t group;
	uint32_t report;
	uint8_t role;
	uint8_t kind;        /* POST_SENTENCE, POST_CLAUSE, POST_BAND */
};

enum { POST_SENTENCE, POST_CLAUSE, POST_BAND };

/* Postings gathered for a spill file before they are written in one go. */
#define SPILL_BUF 256

/* One temporary file of postings, with those not written yet. */
struct spill {
	FILE *f;
	size_t n;
	struct posting buf[SPILL_BUF];
};

/* A pair of reports whose part of one role may be copied. */
struct pair {
	uint32_t a, b;
	uint8_t role;
};

/* A finding waiting for the last step. */
struct found {
	size_t report;
	enum sy_finding_kind kind;
	enum sy_severity sev;
	long line;
	int part;
	size_t other;        /* batch index of the other report */
	long other_line;
	long l1, l2, l3, l4; /* lines the message names */
	int pct;
	char *owned;         /* a message argument built here (a list of problems,
				an excerpt of the other report's print), or NULL */
};

enum stage { LINK, PAIRS, POSTINGS, CANDIDATES, VERIFY, APPLY, DONE };

/* Prints read through o.print kept at once: a comparison reads two. */
#define PRINT_CACHE 4

/* A print read through o.print. */
struct cached {
	size_t i;
	struct sy_textprint *tp; /* NULL: report i has none */
	unsigned long used;      /* when it was last asked for; 0: empty slot */
};

struct sy_compare {
	struct sy_cc_source src;
	size_t n;            /* reports when it began */
	struct sy_crosscheck_opts o;
	enum stage stage;
	size_t cursor;
	struct link *link;
	struct sy_arena keys; /* the links' strings */
	size_t ngroups;
	struct posting *post;
	size_t npost, cappost;
	uint32_t *boiler;    /* sorted keys found in SY_BOILERPLATE_UNITS units or more */
	size_t nboiler;
	size_t boiler_units;
	struct pair *pairs;
	size_t npairs, pairs_cap;
	uint8_t kind_now;    /* the kind of postings of this round: sentences, clauses, bands */
	struct spill *spill; /* nspill > 1: this round's postings, spread by key */
	size_t nspill;
	size_t spill_now;    /* the file whose postings are sorted next */
	bool spill_failed;   /* a write or read failed: this round is done again in memory */
	struct found *found;
	size_t nfound;
	struct cached cache[PRINT_CACHE];
	unsigned long clock;
};

/* Report i's print through o.print: one of the last PRINT_CACHE asked for,
 * else read now in place of the least recently asked for. */
static const struct sy_textprint *cached_print(struct sy_compare *c, size_t i)
{
	struct cached *old = &c->cache[0];
	for (int k = 0; k < PRINT_CACHE; k++) {
		struct cached *e = &c->cache[k];
		if (e->used && e->i == i) {
			e->used = ++c->clock;
			return e->tp;
		}
		if (e->used < old->used)
			old = e;
	}
	sy_textprint_free(old->tp);
	*old = (struct cached){ i, c->o.print(c->o.print_ctx, i), ++c->clock };
	return old->tp;
}

/* Report i's print, or NULL when it is not compared. The pointer is good
 * until PRINT_CACHE other reports' prints have been asked for. */
static const struct sy_textprint *print_of(struct sy_compare *c, size_t i)
{
	if (!c->src.readable(c->src.ctx, i))
		return NULL;
	if (c->o.print)
		return cached_print(c, i);
	return c->src.print ? c->src.print(c->src.ctx, i) : NULL;
}

static void add_found(struct sy_compare *c, const struct found *f)
{
	c->found = xreallocarray(c->found, c->nfound + 1, sizeof *c->found);
	c->found[c->nfound++] = *f;
}

static const char *part_id(const struct sy_compare *c, int part)
{
	return part >= 0 && (size_t)part < c->o.rubric->nparts ? c->o.rubric->parts[part].id : NULL;
}

static const char *part_name(const struct sy_compare *c, int part)
{
	const struct sy_part *p = part >= 0 && (size_t)part < c->o.rubric->nparts ? &c->o.rubric->parts[part] : NULL;
	return p ? (p->short_label ? p->short_label : p->id) : "";
}

/* ---- stage LINK: years, units, groups and earlier reports ---- */

static char *unit_key(struct sy_compare *c, size_t i)
{
	if (c->o.roster) {
		struct sy_match m;
		c->src.roster_match(c->src.ctx, i, &c->o, &m);
		char *key = m.unit >= 0 ? xasprintf("roster:%d", m.unit)
			    : m.hand_unknown ? xasprintf("hand:%s", m.hand_unknown) : NULL;
		sy_match_free(&m);
		if (key)
			return key;
	}
	const struct sy_textprint *tp = print_of(c, i);
	return tp && tp->unit_key ? xasprintf("unit:%s", tp->unit_key) : NULL;
}

static bool same_unit(const struct link *a, const struct link *b)
{
	if (a->ukey && b->ukey) /* 城关镇 of two counties are two units */
		return !strcmp(a->ukey, b->ukey) && (!a->place || !b->place || !strcmp(a->place, b->place));
	return *a->fkey && !strcmp(a->fkey, b->fkey);
}

/* A report as reports are sorted to find their unit's other reports. */
struct entry {
	const char *key;
	int year;
	size_t i;
};

static int cmp_entry(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;
	int r = strcmp(a->key, b->key);
	if (r)
		return r;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* How far back in a run of one key a report looks for its earlier report. */
#define LOOK_BACK 64

/* In a run of entries with one key (sorted by year), gives each report the
 * latest earlier one of its unit. */
static void link_run(struct sy_compare *c, const struct entry *run, size_t n)
{
	for (size_t x = 1; x < n; x++) {
		struct link *a = &c->link[run[x].i];
		for (size_t y = x; y-- > 0 && x - y <= LOOK_BACK && a->prev < 0;) {
			const struct link *b = &c->link[run[y].i];
			if (b->year && b->year < a->year && same_unit(a, b))
				a->prev = (long)run[y].i;
		}
	}
}

/* Groups: reports linked as one unit share a number (union of both keys). */
static long group_find(long *parent, long x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return x;
}

/* Does a run of one key (sorted by year) hold two reports of one year? A
 * unit sends one report a year, so such a key names no one unit. */
static bool year_repeats(const struct entry *run, size_t n)
{
	for (size_t x = 1; x < n; x++)
		if (run[x].year == run[x - 1].year)
			return true;
	return false;
}

/* Sorts the entries, links each run of one key and joins its units' groups;
 * by_name: the key is a file name, which identifies a unit only when no
 * two reports of one year share it (b06.txt b07.txt, 1.docx 2.docx). */
static void link_by(struct sy_compare *c, struct entry *e, size_t n, long *parent, bool by_name)
{
	if (n)
		qsort(e, n, sizeof *e, cmp_entry);
	for (size_t s = 0, t; s < n; s = t) {
		for (t = s + 1; t < n && !strcmp(e[t].key, e[s].key); t++)
			;
		if (by_name && year_repeats(e + s, t - s))
			continue;
		link_run(c, e + s, t - s);
		for (size_t k = s + 1; k < t; k++)
			if (same_unit(&c->link[e[k].i], &c->link[e[s].i]))
				parent[group_find(parent, (long)e[k].i)] = group_find(parent, (long)e[s].i);
	}
}

/* A copy of key in the keys arena (NULL stays NULL); key is freed. */
static const char *kept_key(struct sy_compare *c, char *key)
{
	const char *k = key ? sy_arena_strndup(&c->keys, key, strlen(key)) : NULL;
	free(key);
	return k;
}

static void stage_link(struct sy_compare *c)
{
	size_t n = c->n, nu = 0, nf = 0;
	struct entry *byu = xcalloc(n + 1, sizeof *byu), *byf = xcalloc(n + 1, sizeof *byf);
	long *parent = xcalloc(n + 1, sizeof *parent);
	for (size_t i = 0; i < n; i++) {
		struct link *l = &c->link[i];
		l->prev = -1;
		parent[i] = (long)i;
		if (!print_of(c, i))
			continue;
		l->printed = true;
		const char *path = c->src.path(c->src.ctx, i);
		int folder = sy_compare_folder_year(path);
		l->year = folder ? folder : c->src.year(c->src.ctx, i);
		l->ukey = kept_key(c, unit_key(c, i));
		const char *place = c->o.roster ? NULL : print_of(c, i)->unit_place;
		l->place = place ? sy_arena_strndup(&c->keys, place, strlen(place)) : NULL;
		l->fkey = kept_key(c, sy_compare_file_key(path));
		if (l->ukey)
			byu[nu++] = (struct entry){ l->ukey, l->year, i };
		if (*l->fkey)
			byf[nf++] = (struct entry){ l->fkey, l->year, i };
	}
	link_by(c, byu, nu, parent, false);
	link_by(c, byf, nf, parent, true);
	for (size_t i = 0; i < n; i++)
		c->link[i].group = c->link[i].printed ? group_find(parent, (long)i) : -1;
	for (size_t i = 0; i < n; i++)
		c->ngroups += c->link[i].group == (long)i;
	c->boiler_units = c->ngroups / 100 > SY_BOILERPLATE_UNITS ? c->ngroups / 100 : SY_BOILERPLATE_UNITS;
	free(parent);
	free(byu);
	free(byf);
}

/* ---- stage PAIRS: each report against its unit's earlier one ---- */

/* Indexes of the sentences of tp with this role (SY_ROLE_NONE: every role)
 * that are compared: not a part's own heading; leads and aspects as asked. */
static uint32_t *pick(const struct sy_textprint *tp, int role, unsigned leave_out, size_t *n)
{
	uint32_t *v = xcalloc(tp->sent.n + 1, sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < tp->sent.n; i++) {
		const struct sy_sentence *s = &tp->sent.s[i];
		if ((role != SY_ROLE_NONE && s->role != role) || (s->flags & (SY_SENT_PART_HEADING | leave_out)))
			continue;
		v[k++] = (uint32_t)i;
	}
	*n = k;
	return v;
}

static void check_same(struct sy_compare *c, size_t i, size_t j)
{
	const struct sy_textprint *a = print_of(c, i), *b = print_of(c, j);
	size_t na, nb;
	uint32_t *sa = pick(a, SY_ROLE_NONE, 0, &na), *sb = pick(b, SY_ROLE_NONE, 0, &nb);
	struct sy_sentence_set set;
	sy_sentence_set_init(&set, &b->sent, sb, nb);
	size_t shared = 0;
	long first = 0, other = 0;
	for (size_t k = 0; k < na; k++) {
		long m = sy_sentence_set_match(&set, &a->sent, &a->sent.s[sa[k]], NULL, NULL);
		if (m < 0)
			continue;
		if (!shared++) {
			first = a->sent.s[sa[k]].line;
			other = b->sent.s[m].line;
		}
	}
	if (na >= SY_SAME_MIN && shared >= SY_SAME_SHARE * (double)na)
		add_found(c, &(struct found){ .report = i, .kind = SY_FIND_SAME_AS_LAST_YEAR, .sev = SY_SEV_WARNING,
					      .line = first, .part = -1, .other = j, .other_line = other,
					      .pct = (int)(100.0 * (double)shared / (double)na + 0.5),
					      .l1 = c->link[j].year });
	sy_sentence_set_free(&set);
	free(sa);
	free(sb);
}

static void check_repeats(struct sy_compare *c, size_t i, size_t j)
{
	const struct sy_textprint *a = print_of(c, i), *b = print_of(c, j);
	size_t na, nb, repeats = 0;
	uint32_t *sa = pick(a, SY_ROLE_PROBLEMS, SY_SENT_LEAD | SY_SENT_ASPECT, &na);
	uint32_t *sb = pick(b, SY_ROLE_PROBLEMS, SY_SENT_LEAD, &nb);
	struct sy_sentence_set set;
	sy_sentence_set_init(&set, &b->sent, sb, nb);
	long first = 0, last_line = 0;
	int part = -1;
	for (size_t k = 0; k < na; k++) {
		const struct sy_sentence *s = &a->sent.s[sa[k]];
		if (s->line == last_line)
			continue; /* one finding a line: a problem and its explanation */
		long m = sy_sentence_set_match(&set, &a->sent, s, NULL, NULL);
		if (m < 0)
			continue;
		last_line = s->line;
		if (++repeats <= MAX_REPEATS)
			add_found(c, &(struct found){ .report = i, .kind = SY_FIND_REPEATED_SHORTFALL,
						      .sev = SY_SEV_WARNING, .line = s->line, .part = s->part, .other = j,
						      .other_line = b->sent.s[m].line, .l1 = b->sent.s[m].line });
		else if (!first)
			first = s->line, part = s->part;
	}
	if (repeats > MAX_REPEATS)
		add_found(c, &(struct found){ .report = i, .kind = SY_FIND_REPEATED_SHORTFALL_MORE,
					      .sev = SY_SEV_WARNING, .line = first, .part = part, .other = j,
					      .l1 = (long)(repeats - MAX_REPEATS) });
	sy_sentence_set_free(&set);
	free(sa);
	free(sb);
}

/* Where plan findings sit: the first sentence of the first work part of
 * the rubric (measures before duty, whatever the report's order). */
static const struct sy_sentence *work_start(const struct sy_textprint *tp)
{
	const struct sy_sentence *best = NULL;
	for (size_t i = 0; i < tp->sent.n; i++) {
		const struct sy_sentence *s = &tp->sent.s[i];
		if (s->role == SY_ROLE_WORK && (!best || s->part < best->part))
			best = s;
	}
	return best;
}

static bool item_taken_up(const struct sy_textprint *now, const struct sy_plan_item *it)
{
	size_t found = 0;
	for (size_t k = 0; k < it->nkeys; k++)
		found += sy_textprint_has_work_pair(now, it->keys[k]);
	return found >= SY_PLAN_TAKEN * it->nkeys;
}

static void check_plan(struct sy_compare *c, size_t i, size_t j)
{
	const struct sy_textprint *a = print_of(c, i), *b = print_of(c, j);
	const struct sy_sentence *at = work_start(a);
	if (!at || !a->has_work)
		return; /* no work part this year: the missing part says it */
	for (size_t k = 0; k < b->nitems; k++) {
		const struct sy_plan_item *it = &b->item[k];
		if (!it->nkeys || item_taken_up(a, it))
			continue;
		add_found(c, &(struct found){ .report = i, .kind = SY_FIND_PLAN_NOT_FOLLOWED, .sev = SY_SEV_INFO,
					      .line = at->line, .part = at->part, .other = j, .other_line = it->line,
					      .l1 = it->line, .owned = xstrdup(sy_textprint_excerpt(b, it->title)) });
	}
}

/* The rectification finding names last year's problems. */
static void check_rectification(struct sy_compare *c, size_t i, size_t j)
{
	const struct sy_textprint *a = print_of(c, i), *b = print_of(c, j);
	if (!a->rect_id || !b->nproblems)
		return;
	struct sy_buf names = {0};
	for (size_t k = 0; k < b->nproblems && k < NAMED_PROBLEMS; k++)
		sy_buf_printf(&names, "%s%s", k ? "；" : "", sy_textprint_excerpt(b, b->problem[k].text));
	if (b->nproblems > NAMED_PROBLEMS)
		sy_buf_puts(&names, "……");
	add_found(c, &(struct found){ .report = i, .kind = SY_FIND_ASPECT_MISSING_LAST_YEAR, .sev = SY_SEV_INFO,
				      .other = j, .other_line = b->problem[0].line, .owned = sy_buf_steal(&names) });
}

static void stage_pairs(struct sy_compare *c)
{
	size_t end = c->cursor + SLICE_REPORTS < c->n ? c->cursor + SLICE_REPORTS : c->n;
	for (size_t i = c->cursor; i < end; i++) {
		long j = c->link[i].prev;
		if (j < 0 || !print_of(c, i) || !print_of(c, (size_t)j))
			continue;
		check_same(c, i, (size_t)j);
		check_repeats(c, i, (size_t)j);
		check_plan(c, i, (size_t)j);
		check_rectification(c, i, (size_t)j);
	}
	c->cursor = end;
}

/* ---- stage POSTINGS: what problems and plan parts hold, across units ---- */

/* Writes the postings sp holds to its file; false when that fails. */
static bool spill_flush(struct sy_compare *c, struct spill *sp)
{
	size_t n = sp->n;
	sp->n = 0;
	return c->spill_failed || fwrite(sp->buf, sizeof *sp->buf, n, sp->f) == n;
}

static void post(struct sy_compare *c, uint32_t key, size_t i, uint8_t role, uint8_t kind)
{
	struct posting p;
	memset(&p, 0, sizeof p); /* padding too: spilled postings are written out */
	p.key = key;
	p.group = (uint32_t)c->link[i].group;
	p.report = (uint32_t)i;
	p.role = role;
	p.kind = kind;
	if (c->nspill > 1) { /* a run of one key is all in one file */
		struct spill *sp = &c->spill[key % c->nspill];
		sp->buf[sp->n++] = p;
		if (sp->n == SPILL_BUF && !spill_flush(c, sp))
			c->spill_failed = true;
		return;
	}
	if (c->npost == c->cappost) {
		c->cappost = c->cappost ? c->cappost * 2 : 4096;
		c->post = xreallocarray(c->post, c->cappost, sizeof *c->post);
	}
	c->post[c->npost++] = p;
}

static void spill_close(struct sy_compare *c)
{
	for (size_t k = 0; k < c->nspill; k++)
		fclose(c->spill[k].f);
	free(c->spill);
	c->spill = NULL;
	c->nspill = 0;
}

/* Opens the temporary files a batch of n reports spreads its postings over
 * (none for a small batch, or when they cannot be made). */
static void spill_open(struct sy_compare *c, size_t per)
{
	size_t n = (c->n + per - 1) / per;
	n = n > MAX_SPILLS ? MAX_SPILLS : n;
	if (n < 2)
		return;
	c->spill = xcalloc(n, sizeof *c->spill);
	for (c->nspill = 0; c->nspill < n; c->nspill++)
		if (!(c->spill[c->nspill].f = tmpfile()))
			break;
	if (c->nspill < n) /* no files: all in memory, as for a small batch */
		spill_close(c);
}

/* Reads the postings of spill file k into c->post and empties the file. */
static bool spill_read(struct sy_compare *c, size_t k)
{
	FILE *f = c->spill[k].f;
	long end = !spill_flush(c, &c->spill[k]) || fflush(f) ? -1 : ftell(f);
	if (end < 0 || end % (long)sizeof *c->post)
		return false;
	c->npost = c->cappost = (size_t)end / sizeof *c->post;
	c->post = xcalloc(c->npost + 1, sizeof *c->post);
	rewind(f);
	if (fread(c->post, sizeof *c->post, c->npost, f) != c->npost)
		return false;
	rewind(f);
	return ftruncate(fileno(f), 0) == 0;
}

static uint32_t band_key(const struct sy_sentence *s, int band)
{
	uint32_t h = 0x811C9DC5u ^ (uint32_t)band;
	for (int k = 0; k < BAND_ROWS; k++)
		h = (h ^ s->sketch[band * BAND_ROWS + k]) * 0x01000193u;
	return h;
}

static void post_report(struct sy_compare *c, size_t i)
{
	const struct sy_textprint *tp = print_of(c, i);
	for (size_t k = 0; k < tp->sent.n; k++) {
		const struct sy_sentence *s = &tp->sent.s[k];
		if ((s->role != SY_ROLE_PROBLEMS && s->role != SY_ROLE_PLAN) ||
		    (s->flags & (SY_SENT_PART_HEADING | SY_SENT_LEAD)))
			continue;
		/* a sentence of one clause is posted once, as its clause */
		bool one = s->nclauses == 1 && tp->sent.clause[s->clause] == s->hash;
		if (c->kind_now == POST_SENTENCE && !one)
			post(c, s->hash, i, s->role, POST_SENTENCE);
		for (size_t q = 0; c->kind_now == POST_CLAUSE && q < s->nclauses; q++)
			post(c, tp->sent.clause[s->clause + q], i, s->role, POST_CLAUSE);
		for (int band = 0; c->kind_now == POST_BAND && band < BANDS; band++)
			post(c, band_key(s, band), i, s->role, POST_BAND);
	}
}

static void stage_postings(struct sy_compare *c)
{
	size_t end = c->cursor + SLICE_REPORTS < c->n ? c->cursor + SLICE_REPORTS : c->n;
	for (size_t i = c->cursor; i < end; i++)
		if (print_of(c, i) && c->link[i].group >= 0)
			post_report(c, i);
	c->cursor = end;
}

/* ---- stage CANDIDATES: boilerplate, and pairs of units sharing the rest ---- */

static int cmp_posting(const void *x, const void *y)
{
	const struct posting *a = x, *b = y;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->role != b->role)
		return a->role < b->role ? -1 : 1;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return (a->report > b->report) - (a->report < b->report);
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return (a > b) - (a < b);
}

static int cmp_pair(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return (a->role > b->role) - (a->role < b->role);
}

static void add_pair(struct sy_compare *c, uint32_t a, uint32_t b, uint8_t role)
{
	if (c->npairs == c->pairs_cap) {
		c->pairs_cap = c->pairs_cap ? c->pairs_cap * 2 : 256;
		c->pairs = xreallocarray(c->pairs, c->pairs_cap, sizeof *c->pairs);
	}
	c->pairs[c->npairs++] = (struct pair){ a < b ? a : b, a < b ? b : a, role };
}

/* What postings are ordered by first: kind, role and key (36 bits). */
static uint64_t posting_order(const struct posting *p)
{
	return (uint64_t)p->kind << 34 | (uint64_t)p->role << 32 | p->key;
}

/* Orders the postings by kind, role and key: a radix sort of three 12-bit
 * digits (a million postings in a few tens of ms, where qsort takes ten
 * times as long); each run of one key is then ordered by unit. */
static void sort_postings(struct sy_compare *c)
{
	struct posting *tmp = xcalloc(c->npost + 1, sizeof *tmp), *from = c->post, *to = tmp;
	size_t *count = xcalloc(4097, sizeof *count);
	for (int shift = 0; shift < 36; shift += 12) {
		memset(count, 0, 4097 * sizeof *count);
		for (size_t k = 0; k < c->npost; k++)
			count[((posting_order(&from[k]) >> shift) & 4095) + 1]++;
		for (size_t d = 1; d <= 4096; d++)
			count[d] += count[d - 1];
		for (size_t k = 0; k < c->npost; k++)
			to[count[(posting_order(&from[k]) >> shift) & 4095]++] = from[k];
		struct posting *t = from;
		from = to;
		to = t;
	}
	if (from != c->post && c->npost)
		memcpy(c->post, from, c->npost * sizeof *c->post);
	free(tmp);
	free(count);
}

/* True when the run [s, e) of one key holds at least the boilerplate
 * number of units (found without sorting it: the run may be long). */
static bool run_is_boilerplate(const struct sy_compare *c, size_t s, size_t e)
{
	if (e - s < c->boiler_units)
		return false;
	uint32_t *seen = xcalloc(c->boiler_units + 1, sizeof *seen);
	size_t n = 0;
	for (size_t k = s; k < e && n < c->boiler_units; k++) {
		bool known = false;
		for (size_t q = 0; q < n && !known; q++)
			known = seen[q] == c->post[k].group;
		if (!known)
			seen[n++] = c->post[k].group;
	}
	free(seen);
	return n >= c->boiler_units;
}

/* One run of postings with the same kind, key and role: boilerplate when
 * many units hold it, else every pair of its units is a candidate. */
static void take_run(struct sy_compare *c, size_t s, size_t e)
{
	if (run_is_boilerplate(c, s, e)) {
		if (c->post[s].kind != POST_BAND) {
			c->boiler = xreallocarray(c->boiler, c->nboiler + 1, sizeof *c->boiler);
			c->boiler[c->nboiler++] = c->post[s].key;
		}
		return;
	}
	if (e - s < 2)
		return;
	qsort(c->post + s, e - s, sizeof *c->post, cmp_posting); /* by unit */
	size_t units = 0;
	for (size_t k = s; k < e; k++)
		units += k == s || c->post[k].group != c->post[k - 1].group;
	for (size_t x = s; x < e && units > 1; x++)
		for (size_t y = x + 1; y < e; y++)
			if (c->post[x].group != c->post[y].group)
				add_pair(c, c->post[x].report, c->post[y].report, c->post[x].role);
}

/* The candidates among the postings in c->post. */
static void candidates_of_postings(struct sy_compare *c)
{
	sort_postings(c);
	for (size_t s = 0, e; s < c->npost; s = e) {
		for (e = s + 1; e < c->npost && c->post[e].kind == c->post[s].kind && c->post[e].key == c->post[s].key &&
				c->post[e].role == c->post[s].role;
		     e++)
			;
		take_run(c, s, e);
	}
	free(c->post);
	c->post = NULL;
	c->npost = c->cappost = 0;
}

/* The postings of this round (or of one of its files) in candidates;
 * returns true when the round is done. A failed file makes the round go
 * again in memory: pairs are taken once in the end, boilerplate keys
 * found twice count once. */
static bool stage_candidates(struct sy_compare *c)
{
	if (c->nspill < 2) {
		candidates_of_postings(c);
		return true;
	}
	if (c->spill_failed || !spill_read(c, c->spill_now)) {
		free(c->post);
		c->post = NULL;
		c->npost = c->cappost = 0;
		spill_close(c);
		c->spill_failed = false;
		return false;
	}
	candidates_of_postings(c);
	if (++c->spill_now < c->nspill)
		return false;
	c->spill_now = 0;
	return true;
}

/* After the last round: the boilerplate sorted, each pair once. */
static void candidates_settle(struct sy_compare *c)
{
	if (c->nboiler)
		qsort(c->boiler, c->nboiler, sizeof *c->boiler, cmp_u32);
	if (c->npairs)
		qsort(c->pairs, c->npairs, sizeof *c->pairs, cmp_pair);
	size_t w = 0;
	for (size_t k = 0; k < c->npairs; k++)
		if (!w || cmp_pair(&c->pairs[k], &c->pairs[w - 1]))
			c->pairs[w++] = c->pairs[k];
	c->npairs = w;
}

/* ---- stage VERIFY: how much of one part the other's holds ---- */

static bool is_boiler(void *ctx, uint32_t hash)
{
	const struct sy_compare *c = ctx;
	return c->nboiler && bsearch(&hash, c->boiler, c->nboiler, sizeof *c->boiler, cmp_u32) != NULL;
}

/* How much of a's part of this role b's part holds. */
struct cover {
	size_t counted, covered;
	long first, last;             /* lines in a */
	long ofirst, olast;           /* lines in b */
	int part;
};

static struct cover part_cover(struct sy_compare *c, size_t i, size_t j, int role)
{
	const struct sy_textprint *a = print_of(c, i), *b = print_of(c, j);
	struct cover cv = { .part = -1 };
	size_t na, nb;
	uint32_t *sa = pick(a, role, SY_SENT_LEAD, &na), *sb = pick(b, role, SY_SENT_LEAD, &nb);
	struct sy_sentence_set set;
	sy_sentence_set_init(&set, &b->sent, sb, nb);
	for (size_t k = 0; k < na; k++) {
		const struct sy_sentence *s = &a->sent.s[sa[k]];
		if (is_boiler(c, s->hash))
			continue;
		size_t w = sy_sentence_weight(&a->sent, s, is_boiler, c);
		cv.counted += w;
		cv.part = s->part;
		long m = w ? sy_sentence_set_match(&set, &a->sent, s, is_boiler, c) : -1;
		if (m < 0)
			continue;
		cv.covered += w;
		long ol = b->sent.s[m].line;
		cv.first = cv.first ? cv.first : (long)s->line;
		cv.last = s->line;
		cv.ofirst = cv.ofirst && cv.ofirst < ol ? cv.ofirst : ol;
		cv.olast = cv.olast > ol ? cv.olast : ol;
	}
	sy_sentence_set_free(&set);
	free(sa);
	free(sb);
	return cv;
}

static bool copied(const struct cover *cv)
{
	return cv->covered >= SY_COPIED_MIN && cv->covered >= SY_COPIED_SHARE * (double)cv->counted;
}

static void add_copy(struct sy_compare *c, size_t i, size_t j, const struct cover *cv)
{
	add_found(c, &(struct found){ .report = i, .kind = SY_FIND_COPIED_PART, .sev = SY_SEV_WARNING,
				      .line = cv->first, .part = cv->part, .other = j, .other_line = cv->ofirst,
				      .pct = (int)(100.0 * (double)cv->covered / (double)cv->counted + 0.5),
				      .l1 = cv->ofirst, .l2 = cv->olast, .l3 = cv->first, .l4 = cv->last });
}

static void stage_verify(struct sy_compare *c)
{
	size_t end = c->cursor + SLICE_PAIRS < c->npairs ? c->cursor + SLICE_PAIRS : c->npairs;
	for (size_t k = c->cursor; k < end; k++) {
		const struct pair *p = &c->pairs[k];
		struct cover ab = part_cover(c, p->a, p->b, p->role);
		struct cover ba = part_cover(c, p->b, p->a, p->role);
		if (copied(&ab))
			add_copy(c, p->a, p->b, &ab);
		if (copied(&ba))
			add_copy(c, p->b, p->a, &ba);
	}
	c->cursor = end;
}

/* ---- stage APPLY ---- */

static const char *const compare_ids[] = { "same-as-last-year", "repeated-shortfall", "plan-not-followed",
					   "copied-part" };

/* Keeps the best MAX_COPIES copied parts of each report and part. */
static void trim_copies(struct sy_compare *c)
{
	for (size_t k = 0; k < c->nfound; k++) {
		struct found *f = &c->found[k];
		if (f->kind != SY_FIND_COPIED_PART)
			continue;
		size_t better = 0;
		for (size_t q = 0; q < c->nfound; q++) {
			const struct found *g = &c->found[q];
			if (q != k && g->kind == f->kind && g->report == f->report && g->part == f->part &&
			    (g->pct > f->pct || (g->pct == f->pct && q < k)))
				better++;
		}
		if (better >= MAX_COPIES)
			f->kind = SY_FIND_COUNT; /* dropped */
	}
}

static const char *unit_name(const struct sy_compare *c, size_t i)
{
	const char *unit = c->src.unit(c->src.ctx, i);
	return unit ? unit : _("unit unknown");
}

static void add_one(struct sy_compare *c, const struct found *f)
{
	struct sy_score *s = c->src.score(c->src.ctx, f->report);
	const char *op = c->src.path(c->src.ctx, f->other);
	const char *pid = part_id(c, f->part), *pn = part_name(c, f->part);
	switch (f->kind) {
	case SY_FIND_SAME_AS_LAST_YEAR:
		sy_finding_add_linked(s, f->kind, f->line, NULL, op, f->other_line, f->pct, op, (int)f->l1);
		break;
	case SY_FIND_REPEATED_SHORTFALL:
		sy_finding_add_linked(s, f->kind, f->line, pid, op, f->other_line, pn, op, f->l1);
		break;
	case SY_FIND_REPEATED_SHORTFALL_MORE:
		sy_finding_add_linked(s, f->kind, f->line, pid, op, 0, pn, f->l1, op);
		break;
	case SY_FIND_PLAN_NOT_FOLLOWED:
		sy_finding_add_linked(s, f->kind, f->line, pid, op, f->other_line, pn, op, f->l1, f->owned);
		break;
	case SY_FIND_COPIED_PART:
		sy_finding_add_linked(s, f->kind, f->line, pid, op, f->other_line, pn, f->pct, unit_name(c, f->other),
				      op, f->l1, f->l2, f->l3, f->l4);
		break;
	default:
		break;
	}
}

/* The label of the aspect whose finding has this id (rectification-missing
 * → 整改情况), or NULL. */
static const char *aspect_label(const struct sy_part *part, const char *id)
{
	for (size_t a = 0; a < part->naspects; a++) {
		const struct sy_aspect *asp = &part->aspects[a];
		size_t n = strlen(asp->id);
		if (!strncmp(id, asp->id, n) && (!strcmp(id + n, "-missing") || !strcmp(id + n, "-promised")))
			return asp->label ? asp->label : asp->id;
	}
	return NULL;
}

/* Rewrites report i's rectification finding to name last year's problems. */
static void name_problems(struct sy_compare *c, const struct found *f)
{
	struct sy_score *score = c->src.score(c->src.ctx, f->report);
	const char *op = c->src.path(c->src.ctx, f->other);
	const struct sy_textprint *tp = print_of(c, f->report);
	for (size_t k = 0; k < score->nf; k++) {
		struct sy_finding *x = &score->f[k];
		if (strcmp(x->id, tp->rect_id))
			continue;
		int p = x->part ? sy_rubric_part_index(c->o.rubric, x->part) : -1;
		const char *label = p >= 0 ? aspect_label(&c->o.rubric->parts[p], x->id) : NULL;
		bool promised = strstr(x->id, "-promised") != NULL;
		char *id = xstrdup(x->id), *part = xstrdup(x->part);
		long line = x->line;
		enum sy_severity sev = x->severity;
		sy_finding_drop(score, id);
		sy_finding_add_as(score, promised ? SY_FIND_ASPECT_PROMISED_LAST_YEAR : SY_FIND_ASPECT_MISSING_LAST_YEAR,
				  id, sev, line, part, part_name(c, p), label ? label : id, op, f->owned);
		sy_finding_set_other(score, score->nf - 1, op, f->other_line);
		free(id);
		free(part);
		return;
	}
}

static void stage_apply(struct sy_compare *c)
{
	trim_copies(c);
	for (size_t i = 0; i < c->n && !c->src.fresh; i++)
		if (c->src.readable(c->src.ctx, i))
			for (size_t k = 0; k < sizeof compare_ids / sizeof *compare_ids; k++)
				sy_finding_drop(c->src.score(c->src.ctx, i), compare_ids[k]);
	for (size_t k = 0; k < c->nfound; k++) {
		if (c->found[k].kind == SY_FIND_ASPECT_MISSING_LAST_YEAR)
			name_problems(c, &c->found[k]);
		else
			add_one(c, &c->found[k]);
	}
	for (size_t i = 0; i < c->n && c->src.previous; i++)
		c->src.previous(c->src.ctx, i, c->link[i].prev);
}

/* ---- driving ---- */

struct sy_compare *sy_compare_begin(const struct sy_cc_source *src, const struct sy_crosscheck_opts *o)
{
	struct sy_compare *c = xcalloc(1, sizeof *c);
	c->src = *src;
	c->n = src->n;
	c->o = *o;
	c->link = xcalloc(src->n + 1, sizeof *c->link);
	c->stage = o->rubric ? LINK : DONE;
	if (o->rubric)
		spill_open(c, o->spill_reports ? o->spill_reports : SPILL_REPORTS);
	return c;
}

static void next_stage(struct sy_compare *c, enum stage s)
{
	c->stage = s;
	c->cursor = 0;
}

bool sy_compare_step(struct sy_compare *c)
{
	if (c->src.now && c->src.now(c->src.ctx) < c->n) { /* the batch shrank under us: nothing is applied */
		c->stage = DONE;
		return true;
	}
	switch (c->stage) {
	case LINK:
		stage_link(c);
		next_stage(c, PAIRS);
		break;
	case PAIRS:
		stage_pairs(c);
		if (c->cursor >= c->n)
			next_stage(c, POSTINGS);
		break;
	case POSTINGS:
		stage_postings(c);
		if (c->cursor >= c->n)
			next_stage(c, CANDIDATES);
		break;
	case CANDIDATES: /* a round per kind of posting, so few are held at once */
		if (!stage_candidates(c)) {
			if (!c->nspill) /* the files failed: this round again, in memory */
				next_stage(c, POSTINGS);
			break;
		}
		if (c->kind_now < POST_BAND) {
			c->kind_now++;
			next_stage(c, POSTINGS);
		} else {
			candidates_settle(c);
			next_stage(c, VERIFY);
		}
		break;
	case VERIFY:
		stage_verify(c);
		if (c->cursor >= c->npairs)
			next_stage(c, APPLY);
		break;
	case APPLY:
		stage_apply(c);
		next_stage(c, DONE);
		break;
	case DONE:
		break;
	}
	return c->stage == DONE;
}

void sy_compare_free(struct sy_compare *c)
{
	if (!c)
		return;
	sy_arena_free(&c->keys);
	for (int k = 0; k < PRINT_CACHE; k++)
		sy_textprint_free(c->cache[k].tp);
	for (size_t k = 0; k < c->nfound; k++)
		free(c->found[k].owned);
	free(c->link);
	spill_close(c);
	free(c->post);
	free(c->boiler);
	free(c->pairs);
	free(c->found);
	free(c);
}

bool sy_compare_touches(const char *id, const struct sy_textprint *tp)
{
	for (size_t k = 0; k < sizeof compare_ids / sizeof *compare_ids; k++)
		if (!strcmp(id, compare_ids[k]))
			return true;
	return !strcmp(id, "duplicate") || (tp && tp->rect_id && !strcmp(id, tp->rect_id));
}

long sy_compare_previous(const struct sy_batch *b, size_t i)
{
	return i < b->n && b->r[i].has_previous ? (long)b->r[i].previous : -1;
}

bool sy_compare_same_unit(const struct sy_compare *c, size_t i, size_t j)
{
	return c->stage > LINK && i < c->n && j < c->n && c->link[i].group >= 0 && c->link[i].group == c->link[j].group;
}

/* ---- the source of a batch's reports ---- */

static const struct sy_report *batch_report(void *ctx, size_t i)
{
	return &((struct sy_batch *)ctx)->r[i];
}

static bool batch_readable(void *ctx, size_t i)
{
	const struct sy_report *r = batch_report(ctx, i);
	return r->loaded && !r->error;
}

static const char *batch_path(void *ctx, size_t i)
{
	return batch_report(ctx, i)->path;
}

static const char *batch_unit(void *ctx, size_t i)
{
	return batch_report(ctx, i)->outline.unit;
}

static int batch_year(void *ctx, size_t i)
{
	return batch_report(ctx, i)->outline.year;
}

static const struct sy_signature *batch_sig(void *ctx, size_t i)
{
	return batch_readable(ctx, i) ? batch_report(ctx, i)->sig : NULL;
}

static const struct sy_textprint *batch_print(void *ctx, size_t i)
{
	return batch_report(ctx, i)->print;
}

static void batch_roster_match(void *ctx, size_t i, const struct sy_crosscheck_opts *o, struct sy_match *m)
{
	const struct sy_review *rv = o->review ? o->review(o->ctx, i) : NULL;
	sy_roster_match(o->roster, batch_report(ctx, i), rv, m);
}

static struct sy_score *batch_score(void *ctx, size_t i)
{
	return &((struct sy_batch *)ctx)->r[i].score;
}

static void batch_previous(void *ctx, size_t i, long prev)
{
	struct sy_report *r = &((struct sy_batch *)ctx)->r[i];
	r->has_previous = prev >= 0;
	r->previous = prev >= 0 ? (size_t)prev : 0;
}

static size_t batch_now(void *ctx)
{
	return ((struct sy_batch *)ctx)->n;
}

void sy_batch_source(struct sy_batch *b, struct sy_cc_source *src)
{
	*src = (struct sy_cc_source){ .n = b->n,
				      .ctx = b,
				      .readable = batch_readable,
				      .path = batch_path,
				      .unit = batch_unit,
				      .year = batch_year,
				      .sig = batch_sig,
				      .print = batch_print,
				      .roster_match = batch_roster_match,
				      .score = batch_score,
				      .previous = batch_previous,
				      .now = batch_now };
}
