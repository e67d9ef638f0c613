/* A spool: records written once, in order, and read back by offset, kept in
 * an unlinked temporary file (so a batch's results take disk, not memory),
 * or in memory when no temporary file can be made. */
#ifndef SHENYUE_SPOOL_H
#define SHENYUE_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shenyue/xalloc.h"

struct sy_spool;

/* Opens an empty spool. in_memory: never touch the disk. Never NULL. */
struct sy_spool *sy_spool_open(bool in_memory);
/* Appends n bytes; returns the offset to read them back at. Returns
 * UINT64_MAX when the disk refuses them (the spool is then unusable). */
uint64_t sy_spool_put(struct sy_spool *s, const void *p, size_t n);
/* Reads the n bytes put at off into out (replacing its contents). Returns 0,
 * or -1 when they cannot be read. */
int sy_spool_get(struct sy_spool *s, uint64_t off, size_t n, struct sy_buf *out);
/* Writes out what is buffered. Returns 0, or -1 when the disk refuses it.
 * Until the next put, gets may then run on many threads at once. */
int sy_spool_settle(struct sy_spool *s);
/* Closes and frees (NULL is fine); the temporary file is gone already. */
void sy_spool_close(struct sy_spool *s);

#endif
