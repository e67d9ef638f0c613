/* 内容雷同: the reports' MinHash signatures (signature.c) compared through
 * locality-sensitive hashing so thousands of reports cost n log n, not n². */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/compare.h"
#include "shenyue/findings.h"
#include "shenyue/hash.h"
#include "shenyue/i18n.h"
#include "shenyue/pool.h"
#include "shenyue/similar.h"
#include "shenyue/xalloc.h"

#define BANDS 16
#define ROWS (SY_MINHASH / BANDS)
/* Estimated similarity from which two reports are flagged. */
#define DUP_THRESHOLD 0.60
/* Reports with fewer shingles than this are too short to judge. */
#define MIN_SHINGLES 100

/* The most similar other reports kept per report: a batch of many near-copies
 * should not bury each report under hundreds of findings. */
#define KEEP_PER_REPORT 3
/* How many following members of an LSH bucket each report is compared with:
 * keeps a bucket of many identical copies from costing n². */
#define BUCKET_REACH 32

struct match {
	size_t other;
	double sim;
};

struct sy_crosscheck {
	struct sy_cc_source src; /* the reports, and where their findings go */
	size_t n;               /* reports when it began */
	struct sy_band_key *keys;
	struct sy_band_key *keys_tmp; /* room for sorting keys */
	uint64_t *unit_hash;    /* per report, 0 when its unit is unknown */
	struct match (*best)[KEEP_PER_REPORT]; /* per report, most similar first */
	int band;
	struct sy_compare *cmp; /* the comparisons (compare.h), or NULL */
	void (*duplicates)(void *dup_ctx, size_t i, const struct sy_score *dups); /* or NULL */
	void *dup_ctx;
	bool linked;            /* cmp has linked the reports of one unit */
	int threads;            /* to compare a band's pairs on (0: one per core) */
};

/* A stable radix sort of the hash's eight bytes keeps each run of one hash
 * in report order: what qsort by hash, then report, gives, in a tenth of
 * the time (the duplicate check sorts every report's key sixteen times). */
void sy_band_keys_sort(struct sy_band_key *keys, size_t n, struct sy_band_key *tmp)
{
	struct sy_band_key *from = keys, *to = tmp;
	size_t count[257];
	for (int shift = 0; shift < 64; shift += 8) {
		memset(count, 0, sizeof count);
		for (size_t k = 0; k < n; k++)
			count[((from[k].h >> shift) & 255) + 1]++;
		for (size_t d = 1; d <= 256; d++)
			count[d] += count[d - 1];
		for (size_t k = 0; k < n; k++)
			to[count[(from[k].h >> shift) & 255]++] = from[k];
		struct sy_band_key *t = from;
		from = to;
		to = t;
	}
	/* eight passes: the keys are back in keys */
}

/* Reports of one unit are not duplicates of each other (this year's and last year's). */
static bool same_unit(const struct sy_crosscheck *cc, size_t i, size_t j)
{
	if (cc->cmp && sy_compare_same_unit(cc->cmp, i, j))
		return true;
	if (!cc->unit_hash[i] || cc->unit_hash[i] != cc->unit_hash[j])
		return false;
	const char *a = cc->src.unit(cc->src.ctx, i), *b = cc->src.unit(cc->src.ctx, j);
	return a && b && !strcmp(a, b);
}

/* Keeps (other, sim) among report i's best matches, once. */
static void remember(struct sy_crosscheck *cc, size_t i, size_t other, double sim)
{
	struct match *m = cc->best[i];
	if (sim <= m[KEEP_PER_REPORT - 1].sim)
		return; /* no better than the least kept: kept already, or never (most calls) */
	for (int k = 0; k < KEEP_PER_REPORT; k++)
		if (m[k].sim > 0 && m[k].other == other)
			return;
	for (int k = 0; k < KEEP_PER_REPORT; k++) {
		if (sim <= m[k].sim)
			continue;
		memmove(&m[k + 1], &m[k], (KEEP_PER_REPORT - 1 - k) * sizeof *m);
		m[k] = (struct match){ other, sim };
		return;
	}
}

/* The signature report i is compared by, or NULL when it is too short or unread. */
static const struct sy_signature *comparable(const struct sy_crosscheck *cc, size_t i)
{
	const struct sy_signature *s = cc->src.sig(cc->src.ctx, i);
	return s && s->shingles >= MIN_SHINGLES ? s : NULL;
}

struct sy_crosscheck *sy_crosscheck_begin_source(const struct sy_cc_source *src, const struct sy_crosscheck_opts *o)
{
	struct sy_crosscheck *cc = xcalloc(1, sizeof *cc);
	cc->src = *src;
	cc->n = src->n;
	cc->keys = xcalloc(src->n + 1, sizeof *cc->keys);
	cc->keys_tmp = xcalloc(src->n + 1, sizeof *cc->keys_tmp);
	cc->best = xcalloc(src->n + 1, sizeof *cc->best);
	cc->unit_hash = xcalloc(src->n + 1, sizeof *cc->unit_hash);
	for (size_t i = 0; i < src->n; i++) {
		const char *u = comparable(cc, i) ? src->unit(src->ctx, i) : NULL;
		cc->unit_hash[i] = u ? sy_hash64(u, strlen(u)) | 1 : 0;
	}
	if (o && o->rubric)
		cc->cmp = sy_compare_begin(src, o);
	if (o) {
		cc->duplicates = o->duplicates;
		cc->dup_ctx = o->dup_ctx;
		cc->threads = o->threads;
	}
	cc->linked = !cc->cmp;
	return cc;
}

struct sy_crosscheck *sy_crosscheck_begin(struct sy_batch *b)
{
	return sy_crosscheck_begin_opts(b, NULL);
}

struct sy_crosscheck *sy_crosscheck_begin_opts(struct sy_batch *b, const struct sy_crosscheck_opts *o)
{
	struct sy_cc_source src;
	sy_batch_source(b, &src);
	return sy_crosscheck_begin_source(&src, o);
}

/* Sorted keys of a band a job of the band compares: enough pairs that
 * handing jobs over costs little beside them. */
#define BAND_BLOCK 1024

/* A pair of reports found alike in a band (sim at least DUP_THRESHOLD). */
struct band_pair {
	uint32_t i, j;
	double sim;
};

/* The pairs one block of a band's sorted keys gives, in the order the
 * loop over them meets them. */
struct band_block {
	struct band_pair *p;
	size_t n, cap;
};

/* A band's comparison, shared by its jobs. */
struct band_run {
	const struct sy_crosscheck *cc;
	size_t nk;
	struct band_block *blocks;
	const struct sy_signature **sig; /* per report, asked of the source once a band */
};

/* Job b, on a worker: the alike pairs whose first member is among sorted
 * keys [b * BAND_BLOCK, ...) and its next BUCKET_REACH neighbours in its
 * bucket. Reads the reports only (signatures, units, the comparisons'
 * links), so jobs run at once. */
static void band_job(void *ctx, size_t b)
{
	struct band_run *run = ctx;
	const struct sy_crosscheck *cc = run->cc;
	const struct sy_band_key *keys = cc->keys;
	struct band_block *out = &run->blocks[b];
	size_t end = (b + 1) * BAND_BLOCK < run->nk ? (b + 1) * BAND_BLOCK : run->nk;
	for (size_t s = b * BAND_BLOCK; s < end; s++)
		for (size_t t = s + 1; t < run->nk && t <= s + BUCKET_REACH && keys[t].h == keys[s].h; t++) {
			size_t i = keys[s].report, j = keys[t].report;
			if (same_unit(cc, i, j))
				continue;
			double sim = sy_signature_estimate(run->sig[i], run->sig[j]);
			if (sim < DUP_THRESHOLD)
				continue;
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 64;
				out->p = xreallocarray(out->p, out->cap, sizeof *out->p);
			}
			out->p[out->n++] = (struct band_pair){ (uint32_t)i, (uint32_t)j, sim };
		}
}

/* Compares the members of each bucket of one band with their next
 * neighbours: the estimates on the pool's threads a block of keys at a
 * time, remembered here in the order one loop over the keys would (so the
 * matches kept are the same for any number of threads). */
static void crosscheck_band(struct sy_crosscheck *cc, int band)
{
	size_t nk = 0;
	const struct sy_signature **sig = xcalloc(cc->n + 1, sizeof *sig);
	for (size_t i = 0; i < cc->n; i++) {
		const struct sy_signature *s = sig[i] = comparable(cc, i);
		if (!s)
			continue;
		cc->keys[nk].h = sy_hash64(&s->h[band * ROWS], ROWS * sizeof(uint32_t));
		cc->keys[nk++].report = i;
	}
	sy_band_keys_sort(cc->keys, nk, cc->keys_tmp);
	size_t nblocks = (nk + BAND_BLOCK - 1) / BAND_BLOCK;
	struct band_run run = { cc, nk, xcalloc(nblocks + 1, sizeof *run.blocks), sig };
	int threads = sy_pool_threads(cc->threads);
	struct sy_pool *pool = sy_pool_start(nblocks, threads, (size_t)threads * 4, band_job, &run);
	for (size_t b = 0; b < nblocks; b++) {
		sy_pool_ensure(pool, b);
		const struct band_block *blk = &run.blocks[b];
		for (size_t k = 0; k < blk->n; k++) {
			remember(cc, blk->p[k].i, blk->p[k].j, blk->p[k].sim);
			remember(cc, blk->p[k].j, blk->p[k].i, blk->p[k].sim);
		}
		free(blk->p);
		run.blocks[b].p = NULL;
		sy_pool_release(pool, b + 1);
	}
	sy_pool_free(pool);
	free(run.blocks);
	free(sig);
}

/* Adds report i's duplicate findings, once the bands are done. */
static void add_duplicates(const struct sy_crosscheck *cc, size_t i, struct sy_score *s)
{
	for (int k = 0; k < KEEP_PER_REPORT && cc->best[i][k].sim > 0; k++) {
		size_t y = cc->best[i][k].other;
		const char *unit = cc->src.unit(cc->src.ctx, y);
		sy_finding_add(s, SY_FIND_DUPLICATE, 0, NULL, (int)(cc->best[i][k].sim * 100 + 0.5),
			       cc->src.path(cc->src.ctx, y), unit ? unit : _("unit unknown"));
	}
}

/* Replaces every report's duplicate findings with the matches found. */
static void crosscheck_apply(struct sy_crosscheck *cc)
{
	for (size_t i = 0; i < cc->n; i++) {
		if (!cc->src.readable(cc->src.ctx, i))
			continue;
		if (!cc->src.fresh)
			sy_finding_drop(cc->src.score(cc->src.ctx, i), "duplicate");
		if (!cc->duplicates) {
			if (!cc->src.fresh || cc->best[i][0].sim > 0)
				add_duplicates(cc, i, cc->src.score(cc->src.ctx, i));
			continue;
		}
		struct sy_score dups = {0};
		add_duplicates(cc, i, &dups);
		cc->duplicates(cc->dup_ctx, i, &dups);
		for (size_t k = 0; k < dups.nf; k++)
			sy_finding_clear(&dups.f[k]);
		free(dups.f);
	}
}

bool sy_crosscheck_step(struct sy_crosscheck *cc)
{
	if (cc->src.now && cc->src.now(cc->src.ctx) < cc->n) /* the batch shrank under us: stop, adding nothing more */
		return true;
	if (!cc->linked) { /* first: which reports are one unit's */
		sy_compare_step(cc->cmp);
		cc->linked = true;
		return false;
	}
	if (cc->band < BANDS) {
		crosscheck_band(cc, cc->band++);
		if (cc->band == BANDS)
			crosscheck_apply(cc);
		return !cc->cmp && cc->band >= BANDS;
	}
	return !cc->cmp || sy_compare_step(cc->cmp);
}

void sy_crosscheck_free(struct sy_crosscheck *cc)
{
	if (!cc)
		return;
	free(cc->keys);
	free(cc->keys_tmp);
	free(cc->best);
	free(cc->unit_hash);
	sy_compare_free(cc->cmp);
	free(cc);
}

void sy_batch_crosscheck(struct sy_batch *b)
{
	sy_batch_crosscheck_opts(b, NULL);
}

void sy_batch_crosscheck_opts(struct sy_batch *b, const struct sy_crosscheck_opts *o)
{
	struct sy_cc_source src;
	sy_batch_source(b, &src);
	sy_crosscheck_source(&src, o);
}

void sy_crosscheck_source(const struct sy_cc_source *src, const struct sy_crosscheck_opts *o)
{
	struct sy_crosscheck *cc = sy_crosscheck_begin_source(src, o);
	while (!sy_crosscheck_step(cc))
		;
	sy_crosscheck_free(cc);
}
