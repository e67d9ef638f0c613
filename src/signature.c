/* 内容雷同's fingerprint of one report: a one-permutation MinHash signature
 * of its content's 5-character shingles, and how alike two of them are. */
#include "config.h"

#include <string.h>

#include "shenyue/signature.h"
#include "shenyue/utf8.h"

#define SHINGLE 5

#define EMPTY_BIN 0xFFFFFFFFu

/* A well-mixed 64-bit hash of one shingle's code points. */
static uint64_t shingle_hash(const uint32_t *cp)
{
	uint64_t h = 0x9E3779B97F4A7C15ull;
	for (int k = 0; k < SHINGLE; k++) {
		h ^= cp[k];
		h *= 0xBF58476D1CE4E5B9ull;
		h ^= h >> 31;
	}
	return h;
}

/* Is the code point part of what is compared? Spaces and punctuation below
 * U+3040 are not, digits are. */
static inline bool counts(uint32_t c)
{
	return c >= 0x3040 || (c >= '0' && c <= '9');
}

/* Keeps the smaller value in the bin the hash picks (one-permutation hashing:
 * the top bits pick the bin, the rest compete). */
static inline void minhash_add(uint32_t *bins, unsigned nbins, uint64_t h)
{
	uint32_t bin = (uint32_t)(h >> 58) % nbins, v = (uint32_t)h;
	if (v < bins[bin])
		bins[bin] = v;
}

/* Fills sig from a loaded report's content lines; an unread report's stays empty. */
void sy_signature_make(const struct sy_report *rep, struct sy_signature *sig)
{
	memset(sig->h, 0xFF, sizeof sig->h);
	sig->shingles = 0;
	if (rep->error || !rep->outline.kind)
		return;
	/* the last SHINGLE code points of the content lines, as one stream: each
	 * is written twice, so &win[at] always holds them oldest first */
	uint32_t win[2 * SHINGLE];
	size_t at = 0, seen = 0;
	for (size_t i = 0; i < rep->doc.nlines; i++) {
		enum sy_line_kind k = rep->outline.kind[i];
		if (k != SY_LK_TEXT && k != SY_LK_HEADING && k != SY_LK_HEADCONT)
			continue;
		const unsigned char *s = (const unsigned char *)rep->doc.lines[i].norm;
		for (size_t j = 0, l, sl = strlen((const char *)s); j < sl; j += l) {
			uint32_t c;
			if (s[j] < 0x80) { /* ASCII: only digits count */
				l = 1;
				if (s[j] < '0' || s[j] > '9')
					continue;
				c = s[j];
			} else {
				c = utf8_decode((const char *)s + j, sl - j, &l);
				if (!counts(c))
					continue;
			}
			win[at] = win[at + SHINGLE] = c;
			at = at + 1 == SHINGLE ? 0 : at + 1;
			if (++seen < SHINGLE)
				continue;
			minhash_add(sig->h, SY_MINHASH, shingle_hash(&win[at]));
			sig->shingles++;
		}
	}
}

/* The share of the bins two signatures reached that they agree on, 0..1. */
double sy_signature_estimate(const struct sy_signature *a, const struct sy_signature *b)
{
	/* bins alike, and bins neither text reached (alike too, but they say
	 * nothing): two plain counts the compiler does four bins at a time */
	uint32_t alike = 0, empty = 0;
	for (int k = 0; k < SY_MINHASH; k++) {
		alike += a->h[k] == b->h[k];
		empty += (a->h[k] & b->h[k]) == EMPTY_BIN;
	}
	int same = (int)(alike - empty), used = SY_MINHASH - (int)empty;
	return used ? (double)same / used : 0;
}
