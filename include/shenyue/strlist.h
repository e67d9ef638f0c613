/* A growable list of strings. Also the one error-list type: loaders that
 * collect problems without stopping (settings, the review desk, the batch's
 * paths) keep them as a struct sy_strlist of "file:line:col: message". */
#ifndef SHENYUE_STRLIST_H
#define SHENYUE_STRLIST_H

#include <stddef.h>
#include <stdio.h>

struct sy_strlist {
	char **v;
	size_t n;
};

/* Appends a copy of s to the list. */
void sy_strlist_add(struct sy_strlist *l, const char *s);
/* Appends a printf-formatted string to the list. */
void sy_strlist_addf(struct sy_strlist *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Frees the list's strings and array, leaving it empty. */
void sy_strlist_free(struct sy_strlist *l);

#endif
