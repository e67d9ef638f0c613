/* Allocation wrappers that never return NULL: they abort with a message. */
#ifndef SHENYUE_XALLOC_H
#define SHENYUE_XALLOC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Sets what runs before an allocation failure aborts the program (the UI
 * restores the terminal there); NULL for nothing. */
void xalloc_set_die_hook(void (*hook)(void));
/* Returns zeroed memory for n objects of size sz, or aborts. */
void *xcalloc(size_t n, size_t sz);
/* Returns p resized to sz bytes, or aborts. */
void *xrealloc(void *p, size_t sz);
/* Returns a new array of n objects of size sz, growing p; aborts on overflow. */
void *xreallocarray(void *p, size_t n, size_t sz);
/* Returns a heap copy of s (NULL stays NULL). */
char *xstrdup(const char *s);
/* Returns a heap copy of the first n bytes of s, NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/* Returns a heap string formatted like printf. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* As xasprintf, with a va_list. */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Returns a stream that writes into *buf (open_memstream), or aborts. */
FILE *xopen_memstream(char **buf, size_t *len);
/* Closes a stream from xopen_memstream: *buf then holds everything written
 * to it, NUL-terminated, *len bytes. Aborts when any of it was lost. */
void xclose_memstream(FILE *f);

/* Growable byte buffer; data is always NUL-terminated once anything was added. */
struct sy_buf {
	char *data;
	size_t len;
	size_t cap;
};
/* Appends n bytes of s. */
void sy_buf_add(struct sy_buf *b, const char *s, size_t n);
/* Appends a NUL-terminated string. */
void sy_buf_puts(struct sy_buf *b, const char *s);
/* Appends printf-formatted text. */
void sy_buf_printf(struct sy_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the buffer's string to the caller (never NULL) and resets the buffer. */
char *sy_buf_steal(struct sy_buf *b);
/* Frees the buffer's memory. */
void sy_buf_free(struct sy_buf *b);

#endif
