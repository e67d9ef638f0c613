/* Small string tests used all over the reading of a report. */
#ifndef SHENYUE_STRUTIL_H
#define SHENYUE_STRUTIL_H

#include <stdbool.h>

/* True when s begins with prefix (strncmp(s, prefix, strlen(prefix)) == 0,
 * without measuring the prefix first: most prefixes are a few bytes, most
 * tests fail at the first). */
static inline bool sy_starts(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (*s != *prefix)
			return false;
	return true;
}

#endif
