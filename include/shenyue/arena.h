/* An arena: many small strings of one owner (a report's lines) in a few big
 * blocks, freed at once. Blocks never move, so pointers into them stay good
 * until the arena is freed. */
#ifndef SHENYUE_ARENA_H
#define SHENYUE_ARENA_H

#include <stddef.h>

struct sy_arena_block;

struct sy_arena {
	struct sy_arena_block *head; /* the block being filled; older ones follow */
	size_t next_size;            /* size of the next block (0: the default) */
	size_t used;                 /* bytes handed out, all blocks */
	size_t held;                 /* bytes allocated, all blocks */
};

/* Makes the next block at least n bytes, so text known to come (a file's
 * size, say) fits in one. */
void sy_arena_reserve(struct sy_arena *a, size_t n);
/* Returns n bytes (no alignment: for strings). Never NULL. */
char *sy_arena_alloc(struct sy_arena *a, size_t n);
/* Gives back the end of the last allocation: it keeps only its first 'keep'
 * bytes of the n it asked for. p must be that allocation. */
void sy_arena_shrink_last(struct sy_arena *a, char *p, size_t n, size_t keep);
/* Returns a NUL-terminated copy of the n bytes at s. */
char *sy_arena_strndup(struct sy_arena *a, const char *s, size_t n);
/* Frees every block; the arena can be used again. */
void sy_arena_free(struct sy_arena *a);

#endif
