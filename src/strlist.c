/* Growable lists of strings, and of collected error messages. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include "shenyue/strlist.h"
#include "shenyue/xalloc.h"

static void strlist_push(struct sy_strlist *l, char *owned)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = owned;
}

void sy_strlist_add(struct sy_strlist *l, const char *s)
{
	strlist_push(l, xstrdup(s));
}

void sy_strlist_addf(struct sy_strlist *l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	strlist_push(l, s);
}

void sy_strlist_free(struct sy_strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
