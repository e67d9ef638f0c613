/* Small UTF-8 helpers shared by the decoder, the matcher and the width module. */
#ifndef SHENYUE_UTF8_H
#define SHENYUE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SY_REPLACEMENT 0xFFFDu

/* utf8_decode for what the fast path below leaves (use utf8_decode). */
uint32_t utf8_decode_rest(const char *s, size_t n, size_t *len);
/* Decodes one code point at s (at most n bytes); stores its length in *len
 * (always >= 1 when n > 0). Invalid or truncated sequences yield U+FFFD, length 1.
 * Inline for ASCII and the three-byte sequences of Chinese text. */
static inline uint32_t utf8_decode(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n && u[0] < 0x80) {
		*len = 1;
		return u[0];
	}
	/* E1..EC and EE..EF with two continuation bytes: valid as they stand */
	if (n >= 3 && u[0] >= 0xE1 && u[0] != 0xED && u[0] <= 0xEF && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		*len = 3;
		return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	}
	return utf8_decode_rest(s, n, len);
}
/* utf8_decode at the start of NUL-terminated s, looking at its first four
 * bytes at most: never measures the rest of a line (a 15 MB one is read
 * character by character). */
static inline uint32_t utf8_decode_str(const char *s, size_t *len)
{
	return utf8_decode(s, strnlen(s, 4), len);
}
/* utf8_encode for what the fast path below leaves (use utf8_encode). */
size_t utf8_encode_rest(uint32_t cp, char *out);
/* Encodes cp into out (4 bytes room); returns the number of bytes written.
 * Surrogates and code points past U+10FFFF become U+FFFD. Inline for the
 * three-byte sequences of Chinese text. */
static inline size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp >= 0x800 && cp <= 0xFFFF && (cp < 0xD800 || cp > 0xDFFF)) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	return utf8_encode_rest(cp, out);
}
/* Returns the length of the valid UTF-8 sequence at s, or 0 when invalid. */
size_t utf8_valid_seq(const unsigned char *s, size_t n);
/* True when all n bytes are valid UTF-8 (no overlongs, no surrogates). */
bool utf8_is_valid(const unsigned char *s, size_t n);
/* Returns the number of code points in a NUL-terminated string. */
size_t utf8_count(const char *s);
/* True when s holds more than n code points: utf8_count(s) > n, reading at
 * most 4n + 4 bytes of a long line of valid UTF-8. */
bool utf8_longer_than(const char *s, size_t n);
/* Returns a pointer just past the first n code points of s (or to its end). */
const char *utf8_skip(const char *s, size_t n);
/* True for a noncharacter: U+FDD0..U+FDEF and the last two code points of
 * every plane (U+FFFE, U+FFFF, U+1FFFE...). */
bool utf8_is_noncharacter(uint32_t cp);
/* True for a code point no output may carry raw, because a terminal or a
 * reader would act on it: C0 controls (but tab and newline), DEL, C1
 * controls, the bidirectional controls (U+061C, U+200E, U+200F,
 * U+202A..U+202E, U+2066..U+2069), U+2028/U+2029, and noncharacters. */
bool utf8_is_unsafe(uint32_t cp);

#endif
