/* Unit names as a batch shows them. See shenyue/unitname.h. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "shenyue/unitname.h"
#include "shenyue/utf8.h"

/* The characters that end the name of an administrative division. */
static bool unit_is_division_end(uint32_t cp)
{
	static const uint32_t ends[] = {0x7701 /* 省 */, 0x5E02 /* 市 */, 0x53BF /* 县 */, 0x533A /* 区 */,
					0x65D7 /* 旗 */, 0x5DDE /* 州 */, 0x76DF /* 盟 */};
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (cp == ends[i])
			return true;
	return false;
}

/* The byte length of the longest common prefix of a and b, whole code points. */
static size_t unit_common(const char *a, const char *b, size_t max)
{
	size_t i = 0;
	while (i < max && a[i] && a[i] == b[i])
		i++;
	while (i > 0 && ((unsigned char)a[i] & 0xC0) == 0x80) /* back to a code point's start */
		i--;
	return i;
}

/* Within the first n bytes of s, the end of the last whole division name
 * (a name of two characters or more ending in 省 市 县 区 旗 州 盟), or 0. */
static size_t unit_division_end(const char *s, size_t n)
{
	size_t end = 0, chars = 0;
	for (size_t i = 0, len; i < n; i += len) {
		uint32_t cp = utf8_decode(s + i, n - i, &len);
		chars++;
		if (unit_is_division_end(cp) && chars >= 2) {
			end = i + len;
			chars = 0;
		}
	}
	return end;
}

size_t sy_unit_shared_prefix(const char *const *units, size_t n)
{
	const char *first = NULL;
	size_t common = 0, count = 0;
	for (size_t i = 0; i < n; i++) {
		if (!units[i])
			continue;
		if (!first) {
			first = units[i];
			common = strlen(first);
		} else {
			common = unit_common(first, units[i], common);
		}
		count++;
	}
	if (count < 2)
		return 0;
	size_t end = unit_division_end(first, common);
	for (size_t i = 0; end && i < n; i++)
		if (units[i] && strlen(units[i]) <= end) /* a unit that is the county itself keeps it */
			return 0;
	return end;
}
