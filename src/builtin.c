/* Lookup of the data files embedded at build time. */
#include "config.h"

#include <string.h>

#include "shenyue/builtin.h"

const struct sy_builtin *sy_builtin_find(const char *name)
{
	for (size_t i = 0; i < sy_nbuiltins; i++)
		if (strcmp(sy_builtins[i].name, name) == 0)
			return &sy_builtins[i];
	return NULL;
}
