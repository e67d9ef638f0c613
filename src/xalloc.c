/* Allocation wrappers that abort on failure, and a growable string buffer. */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"

static void (*die_hook)(void);

void xalloc_set_die_hook(void (*hook)(void))
{
	die_hook = hook;
}

/* Runs the hook once (it may allocate and fail again), then says why and aborts. */
static void die_oom(void)
{
	void (*hook)(void) = die_hook;
	die_hook = NULL;
	if (hook)
		hook();
	fputs("shenyue: out of memory\n", stderr);
	abort();
}

void *xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);
	if (!p)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t sz)
{
	void *q = realloc(p, sz ? sz : 1);
	if (!q)
		die_oom();
	return q;
}

void *xreallocarray(void *p, size_t n, size_t sz)
{
	if (sz && n > SIZE_MAX / sz)
		die_oom();
	return xrealloc(p, n * sz);
}

FILE *xopen_memstream(char **buf, size_t *len)
{
	FILE *f = open_memstream(buf, len);
	if (!f)
		die_oom();
	return f;
}

void xclose_memstream(FILE *f)
{
	/* a write the buffer could not grow for sets the error flag only */
	bool lost = ferror(f) != 0;
	if (fclose(f) != 0 || lost)
		die_oom();
}

char *xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		die_oom();
	char *p = xrealloc(NULL, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void sy_buf_add(struct sy_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sy_buf_puts(struct sy_buf *b, const char *s)
{
	sy_buf_add(b, s, strlen(s));
}

void sy_buf_printf(struct sy_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	sy_buf_puts(b, p);
	free(p);
}

char *sy_buf_steal(struct sy_buf *b)
{
	char *p = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void sy_buf_free(struct sy_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
