/* UTF-8 decoding and validation (strict: no overlongs, no surrogates). */
#include "config.h"

#include <string.h>

#include "shenyue/utf8.h"

size_t utf8_valid_seq(const unsigned char *s, size_t n)
{
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	size_t len;
	uint32_t min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	uint32_t cp = c & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

uint32_t utf8_decode_rest(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t l = utf8_valid_seq(u, n);
	if (l == 0) {
		*len = n ? 1 : 0;
		return SY_REPLACEMENT;
	}
	*len = l;
	if (l == 1)
		return u[0];
	uint32_t cp = u[0] & (0x7F >> l);
	for (size_t i = 1; i < l; i++)
		cp = (cp << 6) | (u[i] & 0x3F);
	return cp;
}

size_t utf8_encode_rest(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = SY_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_is_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* runs of ASCII eight bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* three-byte sequences led by E1..EC or EE..EF (most Chinese text) can be
		 * neither overlong nor surrogates: only their continuation bytes matter */
		if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 3 <= n && (s[i + 1] & 0xC0) == 0x80 &&
		    (s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		size_t l = utf8_valid_seq(s + i, n - i);
		if (l == 0)
			return false;
		i += l;
	}
	return true;
}

/* The code points of the n bytes at s. */
static size_t count_in(const char *s, size_t n)
{
	size_t cont = 0, i = 0;
	/* continuation bytes (10xxxxxx), eight at a time */
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t c = (w & ~(w << 1) & 0x8080808080808080ull) >> 7; /* 1 in each such byte */
		cont += (size_t)((c * 0x0101010101010101ull) >> 56);       /* their sum, in the top byte */
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}

size_t utf8_count(const char *s)
{
	return count_in(s, strlen(s));
}

bool utf8_longer_than(const char *s, size_t n)
{
	/* 4n + 4 bytes of valid UTF-8 hold the starts of n + 1 code points at
	 * least: the rest is counted only for text that is not */
	size_t cap = 4 * n + 4, len = strnlen(s, cap), count = count_in(s, len);
	if (count > n || len < cap)
		return count > n;
	return count + count_in(s + len, strlen(s + len)) > n;
}

const char *utf8_skip(const char *s, size_t n)
{
	while (*s && n) {
		s++;
		while ((*(const unsigned char *)s & 0xC0) == 0x80)
			s++;
		n--;
	}
	return s;
}

bool utf8_is_noncharacter(uint32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

bool utf8_is_unsafe(uint32_t cp)
{
	if (cp == '\t' || cp == '\n')
		return false;
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || utf8_is_noncharacter(cp);
}
