/* The sentences of a report, as reports are compared sentence by sentence
 * (compare.h): cut at 。！？；： and where a heading or a paragraph ends, each
 * reduced to a key that leaves out punctuation and spacing, writes every
 * figure as # (2023, 12件 and 十二件 read alike) and the report's own unit as
 * @ (a section copied from another unit with the name changed still reads
 * alike), then fingerprinted so that "the same or nearly the same" can be
 * told once the text is gone: a hash of the key, hashes of its clauses (cut
 * at ，) and a MinHash sketch of its pairs of characters.
 *
 * Two sentences are near-same (sy_sentence_near) when their keys are equal,
 * or at least SY_NEAR_AGREE of the SY_SKETCH sketch values agree (estimated
 * similarity of their character pairs 0.75 or more; a word or two reworded
 * in a sentence of 20 characters or more) and their lengths are within a
 * factor of two. A sentence is also matched when SY_CLAUSE_COVER of its key
 * lies in clauses the other side has (sentences merged or split by a changed
 * stop: 。 written ，; a clause of three reworded). Sketches are made for the
 * problems and the plan only, where single sentences are looked for; the
 * rest is compared by keys and clauses. No curses, no I/O. */
#ifndef SHENYUE_SENTENCE_H
#define SHENYUE_SENTENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shenyue/report.h"

#define SY_SKETCH 12
/* Key characters below which a sentence is not compared (无, 原因：). */
#define SY_SENTENCE_MIN 6
/* Key characters below which a clause is not compared (一是, 同时). */
#define SY_CLAUSE_MIN 4
/* Sketch values of SY_SKETCH that agree in near-same sentences. */
#define SY_NEAR_AGREE 9
/* Share of a sentence's key in clauses of the other side that matches it. */
#define SY_CLAUSE_COVER 0.7

enum sy_sentence_flag {
	SY_SENT_HEADING = 1,      /* a heading line, or its first sentence */
	SY_SENT_PART_HEADING = 2, /* the heading naming its part: not compared */
	SY_SENT_LEAD = 4,         /* ends with a colon: it leads into what follows */
	SY_SENT_ASPECT = 8,       /* problems: speaks of causes or rectification, not a problem */
	SY_SENT_PARA = 16,        /* opens a paragraph */
	SY_SENT_UNSKETCHED = 32,  /* no sketch: outside the problems and the plan */
};

/* One sentence, compactly (32 bytes): what stays of it once the text is freed. */
struct sy_sentence {
	uint32_t hash;            /* of the key */
	uint8_t sketch[SY_SKETCH]; /* MinHash of its pairs of characters (low 8 bits) */
	uint32_t line;            /* 1-based line it starts on */
	uint32_t clause;          /* its first clause in the clause arrays */
	uint16_t len;             /* key length in characters (at most 65535) */
	uint8_t nclauses;         /* clauses of SY_CLAUSE_MIN characters or more */
	int8_t part;              /* rubric part index, -1 outside the parts */
	uint8_t role;             /* enum sy_compare_role of its part */
	uint8_t flags;            /* enum sy_sentence_flag */
};

/* Where a sentence is in the text: 0-based lines, byte offsets in their
 * original text, [from, to) across lines line .. last_line. */
struct sy_sentence_span {
	uint32_t line, from, last_line, to;
};

struct sy_sentences {
	struct sy_sentence *s;
	size_t n;
	uint32_t *clause;         /* clause hashes */
	uint16_t *clause_len;     /* their key lengths */
	size_t nclauses;
	struct sy_sentence_span *span; /* SY_WANT_SPANS: one per sentence, else NULL */
	char *unit_core;          /* the report's unit, core name (sy_unit_core), or NULL */
	char *text;               /* SY_WANT_TEXT: each sentence's normalised text, */
	uint32_t *text_at;        /* ... starting at text + text_at[i], NUL-terminated */
};

enum sy_sentence_want {
	SY_WANT_SPANS = 1,      /* span[]: where each sentence is */
	SY_WANT_TEXT = 2,       /* text: each sentence's normalised text */
	SY_WANT_TEXT_PARTS = 4, /* text: only the problems' and the plan's ("" for the others) */
};

/* Hears each sentence kept with its key (i: its index in the sentences). */
struct sy_sentence_sink {
	void (*key)(void *ctx, size_t i, const struct sy_sentence *s, const uint32_t *key, size_t n);
	void *ctx;
};

/* Cuts the content of a loaded report (title, signature, chrome, contents
 * and annexes left out) into sentences, in text order, each with its part
 * (rubric r gives the parts' compare roles; NULL: none). want: spans and
 * texts too. Empty for a report that could not be read. */
void sy_sentences_build(struct sy_sentences *out, const struct sy_report *rep, const struct sy_rubric *r,
			unsigned want);
/* As sy_sentences_build, telling sink each sentence's key. */
void sy_sentences_build_sink(struct sy_sentences *out, const struct sy_report *rep, const struct sy_rubric *r,
			     unsigned want, const struct sy_sentence_sink *sink);
/* Frees what out owns and empties it. */
void sy_sentences_free(struct sy_sentences *out);

/* Reduces UTF-8 text to a sentence key, as code points (newly allocated,
 * *n of them): what sentences are compared by. */
uint32_t *sy_sentence_key(const char *s, size_t *n);
/* The same into key (room for strlen(s) code points); returns how many. */
size_t sy_sentence_key_into(const char *s, uint32_t *key);
/* True for a character a figure is written with: 0-9, 〇一二…十百千万亿两. */
bool sy_is_figure_char(uint32_t c);
/* How many sketch values of a and b agree (0..SY_SKETCH). */
int sy_sketch_agree(const struct sy_sentence *a, const struct sy_sentence *b);
/* True when a and b are the same or nearly the same sentence (see above). */
bool sy_sentence_near(const struct sy_sentence *a, const struct sy_sentence *b);

/* A hash and the sentence it belongs to. */
struct sy_hash_ref {
	uint32_t hash;
	uint32_t at;              /* sentence index */
};

/* A lookup of the other side's sentences and clauses. */
struct sy_sentence_set {
	const struct sy_sentences *of;
	uint32_t *keep;           /* indexes of the sentences in the set */
	size_t n;
	struct sy_hash_ref *hashes; /* the sentences' hashes: a table of hsize entries */
	struct sy_hash_ref *clauses; /* the clauses' hashes: a table of csize entries */
	size_t hsize, csize, nclauses;
};

/* Tells a clause that does not count (boilerplate many reports share). */
typedef bool (*sy_clause_skip_fn)(void *ctx, uint32_t hash);

/* Makes a set of the n sentences of of listed in keep (NULL: all of them). */
void sy_sentence_set_init(struct sy_sentence_set *set, const struct sy_sentences *of, const uint32_t *keep,
			  size_t n);
/* Frees what the set owns. */
void sy_sentence_set_free(struct sy_sentence_set *set);
/* The sentence of the set that a (from sentences from) is near-same to: its
 * index in set->of, or -1. A match through clauses returns the sentence
 * holding the first such clause. Clauses skip says yes to (skip may be
 * NULL) count neither way. */
long sy_sentence_set_match(const struct sy_sentence_set *set, const struct sy_sentences *from,
			   const struct sy_sentence *a, sy_clause_skip_fn skip, void *ctx);
/* The key characters of a that count: its length less the clauses skip says
 * yes to. */
size_t sy_sentence_weight(const struct sy_sentences *from, const struct sy_sentence *a, sy_clause_skip_fn skip,
			  void *ctx);

#endif
