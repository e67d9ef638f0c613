/* FNV-1a over bytes (include/shenyue/hash.h). */
#include "config.h"

#include "shenyue/hash.h"

uint64_t sy_hash64(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ull;
	}
	return h;
}
