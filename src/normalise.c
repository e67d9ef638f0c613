/* The normalised copy of report text that all matching works on. */
#include "config.h"

#include <string.h>

#include "shenyue/doc.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

uint32_t sy_normalise_cp(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	switch (cp) {
	case 0x3000: case 0x00A0: case '\t': case 0x2002: case 0x2003: case 0x2009: case 0x202F:
		return ' ';
	case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x2060:
		return 0;
	default:
		return cp;
	}
}

char *sy_normalise(const char *s)
{
	size_t n = strlen(s);
	struct sy_buf b = {0};
	sy_buf_add(&b, "", 0);
	for (size_t i = 0; i < n;) {
		size_t len;
		uint32_t cp = sy_normalise_cp(utf8_decode(s + i, n - i, &len));
		if (cp) {
			char tmp[4];
			sy_buf_add(&b, tmp, utf8_encode(cp, tmp));
		}
		i += len;
	}
	return sy_buf_steal(&b);
}

char *sy_squeeze(const char *s)
{
	char *norm = sy_normalise(s);
	char *w = norm;
	for (const char *r = norm; *r; r++)
		if (*r != ' ' && *r != '\f' && *r != '\v' && *r != '\r' && *r != '\n')
			*w++ = *r;
	*w = '\0';
	return norm;
}
