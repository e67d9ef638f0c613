/* FNV-1a over bytes, and open-addressing table sizes (include/shenyue/hash.h). */
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

size_t sy_hash_slots(size_t n)
{
	size_t slots = 16;
	while (slots < 2 * n + 1)
		slots *= 2;
	return slots;
}
