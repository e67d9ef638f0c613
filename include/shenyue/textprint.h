/* What a report's text is, compactly, for comparing it with other reports
 * once its text is freed (compare.h): its sentences as hashes and sketches
 * (sentence.h), the items of its plan, the words of its work parts, and a
 * few short excerpts a message quotes. Made when the report is scored; it
 * points into nothing else. About 50 bytes a sentence and 1 KiB for the
 * words: some 5 KiB for a report of 3,000 characters. */
#ifndef SHENYUE_TEXTPRINT_H
#define SHENYUE_TEXTPRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shenyue/report.h"
#include "shenyue/sentence.h"
#include "shenyue/xalloc.h"

/* Bits of the Bloom filter of the work parts' pairs of characters. */
#define SY_WORK_BITS 8192
/* Words kept of one plan item's title. */
#define SY_ITEM_KEYS 16
/* Characters of an excerpt. */
#define SY_EXCERPT_CHARS 24

/* An item of the plan (下一年度安排): a sub-heading, else a paragraph, else a sentence. */
struct sy_plan_item {
	uint32_t line;            /* 1-based */
	uint32_t title;           /* its opening words: offset in the print's pool */
	uint8_t nkeys;            /* its title's pairs of characters, generic words taken out */
	uint32_t keys[SY_ITEM_KEYS];
};

/* A problem of the shortfalls, for messages naming last year's problems. */
struct sy_problem {
	uint32_t line;            /* 1-based */
	uint32_t text;            /* its opening words: offset in the pool */
};

struct sy_textprint {
	struct sy_sentences sent; /* no spans, no texts */
	struct sy_plan_item *item;
	size_t nitems;
	struct sy_problem *problem; /* the first few */
	size_t nproblems;
	uint8_t work[SY_WORK_BITS / 8]; /* pairs of characters of the work parts */
	bool has_work;
	char *pool;               /* excerpts, NUL-terminated each */
	size_t pool_len;          /* its bytes */
	char *unit_key;           /* the unit's core name (sy_unit_core), or NULL */
	char *unit_place;         /* what its name says before the core (鲁山县 of 鲁山县汇源街道办事处), or NULL */
	char *rect_id;            /* the id of the finding that the problems part says nothing of
				     rectification ("rectification-missing"), when the report has it */
};

/* Makes the print of a scored report (rubric r: the parts' compare roles,
 * the generic words, the problems part's aspects). */
struct sy_textprint *sy_textprint_make(const struct sy_report *rep, const struct sy_rubric *r);
/* Frees a print (NULL is fine). */
void sy_textprint_free(struct sy_textprint *tp);
/* The excerpt at offset off of the pool. */
const char *sy_textprint_excerpt(const struct sy_textprint *tp, uint32_t off);
/* True when the pair of characters with this key hash is in the work parts. */
bool sy_textprint_has_work_pair(const struct sy_textprint *tp, uint32_t pair);
/* Appends the print to out as bytes sy_textprint_unpack turns back into it
 * (in this same process: a batch too big for memory keeps its prints in a
 * spool, spool.h). */
void sy_textprint_pack(const struct sy_textprint *tp, struct sy_buf *out);
/* The print packed in [buf, buf + len), newly allocated, or NULL when the
 * bytes are not such a record. */
struct sy_textprint *sy_textprint_unpack(const void *buf, size_t len);
struct sy_spool;
/* The print packed at [off, off + len) of spool s, newly allocated (tmp:
 * the caller's buffer the bytes are read into), or NULL when len is 0 or
 * the bytes cannot be read or are not a print. */
struct sy_textprint *sy_textprint_read(struct sy_spool *s, uint64_t off, size_t len, struct sy_buf *tmp);
/* A copy of the print, newly allocated, sharing nothing with it. */
struct sy_textprint *sy_textprint_copy(const struct sy_textprint *tp);
/* Bytes the print holds (for the benchmark). */
size_t sy_textprint_size(const struct sy_textprint *tp);

#endif
