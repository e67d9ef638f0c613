/* The spool: a temporary file opened with tmpfile() (unlinked at once, so
 * nothing is left behind however the program ends), written through a
 * buffer and read back with pread; or a growing buffer in memory. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shenyue/spool.h"

#define WRITE_BUFFER (1u << 20)

struct sy_spool {
	FILE *f;             /* NULL: in memory */
	struct sy_buf mem;
	uint64_t size;       /* bytes put so far */
	bool dirty;          /* written since the last flush */
	bool failed;
};

struct sy_spool *sy_spool_open(bool in_memory)
{
	struct sy_spool *s = xcalloc(1, sizeof *s);
	if (!in_memory && (s->f = tmpfile()) != NULL)
		setvbuf(s->f, NULL, _IOFBF, WRITE_BUFFER);
	return s;
}

uint64_t sy_spool_put(struct sy_spool *s, const void *p, size_t n)
{
	if (s->failed)
		return UINT64_MAX;
	uint64_t off = s->size;
	if (!s->f) {
		sy_buf_add(&s->mem, p, n);
	} else if (n && fwrite(p, 1, n, s->f) != n) {
		s->failed = true;
		return UINT64_MAX;
	}
	s->size += n;
	s->dirty = true;
	return off;
}

int sy_spool_settle(struct sy_spool *s)
{
	if (!s->f || !s->dirty)
		return s->failed ? -1 : 0;
	if (fflush(s->f) != 0) {
		s->failed = true;
		return -1;
	}
	s->dirty = false;
	return 0;
}

int sy_spool_get(struct sy_spool *s, uint64_t off, size_t n, struct sy_buf *out)
{
	out->len = 0;
	sy_buf_add(out, "", 0);
	if (s->failed || off > s->size || n > s->size - off)
		return -1;
	if (!s->f) {
		sy_buf_add(out, s->mem.data + off, n);
		return 0;
	}
	if (sy_spool_settle(s))
		return -1;
	if (out->cap < n + 1) {
		out->data = xrealloc(out->data, n + 1);
		out->cap = n + 1;
	}
	size_t got = 0;
	while (got < n) {
		ssize_t r = pread(fileno(s->f), out->data + got, n - got, (off_t)(off + got));
		if (r <= 0)
			return -1;
		got += (size_t)r;
	}
	out->len = n;
	out->data[n] = '\0';
	return 0;
}

void sy_spool_close(struct sy_spool *s)
{
	if (!s)
		return;
	if (s->f)
		fclose(s->f);
	sy_buf_free(&s->mem);
	free(s);
}
