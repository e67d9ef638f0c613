/* Fast GB18030 decoding of the common case (ASCII and two-byte codes). */
#ifndef SHENYUE_GB18030_H
#define SHENYUE_GB18030_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/xalloc.h"

/* Appends the UTF-8 of the n GB18030 bytes at s to out, exactly as iconv
 * would, and returns true; returns false (out's length unchanged) at the first
 * four-byte code or invalid byte, for the caller to use iconv instead. */
bool sy_gb18030_fast(const unsigned char *s, size_t n, struct sy_buf *out);

#endif
