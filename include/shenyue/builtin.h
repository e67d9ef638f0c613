/* Data files embedded at build time (build-aux/embed.sh). */
#ifndef SHENYUE_BUILTIN_H
#define SHENYUE_BUILTIN_H

#include <stddef.h>

struct sy_builtin {
	const char *name; /* path in the source tree: "rubrics/default.yaml" */
	const char *data; /* NUL-terminated */
	size_t len;
};

extern const struct sy_builtin sy_builtins[];
extern const size_t sy_nbuiltins;

/* Returns the embedded file with this name, or NULL. */
const struct sy_builtin *sy_builtin_find(const char *name);

#endif
