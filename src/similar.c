/* 内容雷同: MinHash signatures of 5-character shingles, compared through
 * locality-sensitive hashing so thousands of reports cost n log n, not n². */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/similar.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

#define SHINGLE 5
#define BANDS 16
#define ROWS (SY_MINHASH / BANDS)
/* Estimated similarity from which two reports are flagged. */
#define DUP_THRESHOLD 0.60
/* Reports with fewer shingles than this are too short to judge. */
#define MIN_SHINGLES 100

static uint32_t mix32(uint32_t x, uint32_t seed)
{
	x ^= seed * 0x9E3779B9u;
	x ^= x >> 16;
	x *= 0x7FEB352Du;
	x ^= x >> 15;
	x *= 0x846CA68Bu;
	x ^= x >> 16;
	return x;
}

/* Code points of the content lines, spaces and punctuation below U+3040 dropped. */
static uint32_t *content_codepoints(const struct sy_report *rep, size_t *n)
{
	uint32_t *cp = NULL;
	size_t len = 0, cap = 0;
	for (size_t i = 0; i < rep->doc.nlines; i++) {
		enum sy_line_kind k = rep->outline.kind[i];
		if (k != SY_LK_TEXT && k != SY_LK_HEADING && k != SY_LK_HEADCONT)
			continue;
		const char *s = rep->doc.lines[i].norm;
		for (size_t j = 0, l, sl = strlen(s); j < sl; j += l) {
			uint32_t c = utf8_decode(s + j, sl - j, &l);
			if (c < 0x3040 && !(c >= '0' && c <= '9'))
				continue;
			if (len == cap) {
				cap = cap ? cap * 2 : 1024;
				cp = xreallocarray(cp, cap, sizeof *cp);
			}
			cp[len++] = c;
		}
	}
	*n = len;
	return cp;
}

void sy_similar_signature(const struct sy_report *rep, struct sy_signature *sig)
{
	memset(sig, 0xFF, sizeof sig->h);
	sig->shingles = 0;
	if (rep->error || !rep->outline.kind)
		return;
	size_t n;
	uint32_t *cp = content_codepoints(rep, &n);
	for (size_t i = 0; i + SHINGLE <= n; i++) {
		uint32_t h = sy_hash64(cp + i, SHINGLE * sizeof *cp) & 0xFFFFFFFFu;
		for (int k = 0; k < SY_MINHASH; k++) {
			uint32_t v = mix32(h, (uint32_t)k + 1);
			if (v < sig->h[k])
				sig->h[k] = v;
		}
		sig->shingles++;
	}
	free(cp);
}

double sy_similar_estimate(const struct sy_signature *a, const struct sy_signature *b)
{
	int same = 0;
	for (int k = 0; k < SY_MINHASH; k++)
		same += a->h[k] == b->h[k];
	return (double)same / SY_MINHASH;
}

struct band_key {
	uint64_t h;
	size_t report;
};

static int cmp_band(const void *a, const void *b)
{
	const struct band_key *x = a, *y = b;
	return x->h < y->h ? -1 : x->h > y->h ? 1 : (x->report > y->report) - (x->report < y->report);
}

static bool same_unit(const struct sy_report *a, const struct sy_report *b)
{
	return a->outline.unit && b->outline.unit && !strcmp(a->outline.unit, b->outline.unit);
}

static void drop_duplicate_findings(struct sy_report *rep)
{
	size_t w = 0;
	for (size_t i = 0; i < rep->score.nf; i++) {
		struct sy_finding *f = &rep->score.f[i];
		if (!strcmp(f->id, "duplicate")) {
			free(f->id);
			free(f->part);
			free(f->message);
		} else {
			rep->score.f[w++] = *f;
		}
	}
	rep->score.nf = w;
}

static void flag_pair(struct sy_batch *b, size_t i, size_t j, double sim)
{
	const struct sy_report *x = &b->r[i], *y = &b->r[j];
	sy_score_add_finding(&b->r[i].score, "duplicate", SY_SEV_WARNING, 0, NULL,
			     "about %d%% of the text is the same as %s (%s)", (int)(sim * 100 + 0.5), y->path,
			     y->outline.unit ? y->outline.unit : "unit unknown");
	sy_score_add_finding(&b->r[j].score, "duplicate", SY_SEV_WARNING, 0, NULL,
			     "about %d%% of the text is the same as %s (%s)", (int)(sim * 100 + 0.5), x->path,
			     x->outline.unit ? x->outline.unit : "unit unknown");
}

void sy_batch_crosscheck(struct sy_batch *b)
{
	struct sy_signature *sig = xcalloc(b->n, sizeof *sig);
	for (size_t i = 0; i < b->n; i++) {
		if (b->r[i].loaded && !b->r[i].error)
			drop_duplicate_findings(&b->r[i]);
		sy_similar_signature(&b->r[i], &sig[i]);
	}
	struct band_key *keys = xcalloc(b->n, sizeof *keys);
	/* a pair is compared once: at the first band it shares */
	for (int band = 0; band < BANDS; band++) {
		size_t nk = 0;
		for (size_t i = 0; i < b->n; i++) {
			if (sig[i].shingles < MIN_SHINGLES)
				continue;
			keys[nk].h = sy_hash64(&sig[i].h[band * ROWS], ROWS * sizeof(uint32_t));
			keys[nk++].report = i;
		}
		qsort(keys, nk, sizeof *keys, cmp_band);
		for (size_t s = 0; s < nk; s++)
			for (size_t t = s + 1; t < nk && keys[t].h == keys[s].h; t++) {
				size_t i = keys[s].report, j = keys[t].report;
				bool earlier = false;
				for (int e = 0; e < band && !earlier; e++)
					earlier = !memcmp(&sig[i].h[e * ROWS], &sig[j].h[e * ROWS], ROWS * sizeof(uint32_t));
				if (earlier || same_unit(&b->r[i], &b->r[j]))
					continue;
				double sim = sy_similar_estimate(&sig[i], &sig[j]);
				if (sim >= DUP_THRESHOLD)
					flag_pair(b, i, j, sim);
			}
	}
	free(keys);
	free(sig);
}
