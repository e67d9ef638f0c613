/* The arena: blocks on a list, filled front to back. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/arena.h"
#include "shenyue/xalloc.h"

#define BLOCK_DEFAULT (16u * 1024)

struct sy_arena_block {
	struct sy_arena_block *next;
	size_t size, used;
	char data[];
};

void sy_arena_reserve(struct sy_arena *a, size_t n)
{
	if (a->head && a->head->size - a->head->used >= n)
		return;
	if (n > a->next_size)
		a->next_size = n;
}

/* Starts a block with room for at least n bytes. */
static void new_block(struct sy_arena *a, size_t n)
{
	size_t size = a->next_size > BLOCK_DEFAULT ? a->next_size : BLOCK_DEFAULT;
	if (size < n)
		size = n;
	struct sy_arena_block *b = xrealloc(NULL, sizeof *b + size);
	b->next = a->head;
	b->size = size;
	b->used = 0;
	a->head = b;
	a->held += size;
	a->next_size = 0;
}

char *sy_arena_alloc(struct sy_arena *a, size_t n)
{
	if (!a->head || a->head->size - a->head->used < n)
		new_block(a, n);
	char *p = a->head->data + a->head->used;
	a->head->used += n;
	a->used += n;
	return p;
}

void sy_arena_shrink_last(struct sy_arena *a, char *p, size_t n, size_t keep)
{
	struct sy_arena_block *b = a->head;
	if (!b || keep > n || p + n != b->data + b->used)
		return;
	b->used -= n - keep;
	a->used -= n - keep;
}

char *sy_arena_strndup(struct sy_arena *a, const char *s, size_t n)
{
	char *p = sy_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void sy_arena_free(struct sy_arena *a)
{
	for (struct sy_arena_block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	memset(a, 0, sizeof *a);
}
