/* The normalised copy of report text that all matching works on. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
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

/* sy_normalise a character at a time: for text that is not valid UTF-8. */
static char *normalise_slowly(const char *s, size_t n)
{
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

char *sy_normalise(const char *s)
{
	size_t n = strlen(s);
	char *out = xrealloc(NULL, n + 1);
	bool changed;
	size_t len = sy_normalise_into(out, s, n, &changed);
	if (len == SIZE_MAX) {
		free(out);
		return normalise_slowly(s, n);
	}
	out[len] = '\0';
	return out;
}

char *sy_squeeze(const char *s)
{
	char *norm = sy_normalise(s);
	char *w = norm;
	for (const char *r = norm; *r; r++)
		if (!sy_squeezed_out(*r))
			*w++ = *r;
	*w = '\0';
	return norm;
}

/* Length of the valid UTF-8 sequence led by c at u (n bytes left), or 0. */
static inline size_t seq_len(const unsigned char *u, size_t n)
{
	unsigned char c = u[0];
	/* most of Chinese text: E1..EC and EE..EF lead neither overlongs nor surrogates */
	if (c >= 0xE1 && c != 0xED && c <= 0xEF && n >= 3 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80)
		return 3;
	return utf8_valid_seq(u, n);
}

/* What the three-byte sequence at u becomes: -1 kept, 0 dropped, else the one byte. */
static inline int map3(const unsigned char *u)
{
	switch (u[0]) {
	case 0xE2:
		if (u[1] == 0x80) {
			unsigned char t = u[2];
			if (t == 0x82 || t == 0x83 || t == 0x89 || t == 0xAF)
				return ' ';
			if (t == 0x8B || t == 0x8C || t == 0x8D)
				return 0;
		}
		return u[1] == 0x81 && u[2] == 0xA0 ? 0 : -1;
	case 0xE3:
		return u[1] == 0x80 && u[2] == 0x80 ? ' ' : -1;
	case 0xEF:
		if (u[1] == 0xBC && u[2] >= 0x81)
			return u[2] - 0x60; /* U+FF01..FF3F */
		if (u[1] == 0xBD && u[2] <= 0x9E)
			return u[2] - 0x20; /* U+FF40..FF5E */
		return u[1] == 0xBB && u[2] == 0xBF ? 0 : -1;
	default:
		return -1;
	}
}

size_t sy_normalise_into(char *out, const char *s, size_t n, bool *changed)
{
	const unsigned char *u = (const unsigned char *)s;
	char *o = out;
	bool ch = false;
	for (size_t i = 0; i < n;) {
		unsigned char c = u[i];
		if (c < 0x80) {
			if (c == '\t') {
				c = ' ';
				ch = true;
			}
			*o++ = (char)c;
			i++;
			continue;
		}
		size_t l = seq_len(u + i, n - i);
		if (l == 0)
			return SIZE_MAX;
		if (l == 3 && c >= 0xE4 && c <= 0xE9) {
			o[0] = (char)c; /* U+4000..U+9FFF, most of Chinese text: kept as it is */
			o[1] = (char)u[i + 1];
			o[2] = (char)u[i + 2];
			o += 3;
			i += 3;
			continue;
		}
		int m = l == 3 ? map3(u + i) : l == 2 && c == 0xC2 && u[i + 1] == 0xA0 ? ' ' : -1;
		if (m < 0) {
			for (size_t k = 0; k < l; k++) /* one to four bytes: no call to memcpy */
				*o++ = (char)u[i + k];
		} else {
			if (m)
				*o++ = (char)m;
			ch = true;
		}
		i += l;
	}
	*changed = ch;
	return (size_t)(o - out);
}
