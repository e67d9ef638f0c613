/* GB18030 without iconv's per-call cost: ASCII and the two-byte codes (all
 * of GBK, where Chinese reports live) through a table that iconv itself fills
 * once, so the answers are iconv's. Four-byte codes and invalid bytes are
 * left to iconv (the caller falls back), which keeps the error handling one. */
#include "config.h"

#include <iconv.h>
#include <pthread.h>
#include <string.h>

#include "shenyue/gb18030.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

#define LEADS 126  /* 0x81..0xFE */
#define TRAILS 191 /* 0x40..0xFE (0x7F is never a trail; its slot stays 0) */

/* Code point of each two-byte code, 0 where iconv refuses it or gives
 * something outside the BMP (left to iconv). */
static uint16_t table[LEADS * TRAILS];
static bool table_ok;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/* Asks iconv for the one character of a two-byte code. */
static uint16_t convert_pair(iconv_t cd, unsigned char lead, unsigned char trail)
{
	char in[2] = { (char)lead, (char)trail }, out[8];
	char *ip = in, *op = out;
	size_t il = 2, ol = sizeof out;
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0)
		return 0;
	size_t n = (size_t)(op - out), l;
	uint32_t cp = utf8_decode(out, n, &l);
	return l == n && cp >= 0x80 && cp <= 0xFFFF && cp != SY_REPLACEMENT ? (uint16_t)cp : 0;
}

static void build_table(void)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return;
	for (unsigned lead = 0x81; lead <= 0xFE; lead++)
		for (unsigned trail = 0x40; trail <= 0xFE; trail++)
			if (trail != 0x7F)
				table[(lead - 0x81) * TRAILS + (trail - 0x40)] =
					convert_pair(cd, (unsigned char)lead, (unsigned char)trail);
	iconv_close(cd);
	table_ok = true;
}

/* Makes room for n more bytes (and a NUL) at the end of b. */
static void room(struct sy_buf *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->data = xrealloc(b->data, b->cap);
	}
}

bool sy_gb18030_fast(const unsigned char *s, size_t n, struct sy_buf *out)
{
	pthread_once(&table_once, build_table);
	if (!table_ok)
		return false;
	room(out, n + n / 2); /* two bytes become at most three */
	char *o = out->data + out->len;
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		if (c < 0x80) {
			*o++ = (char)c;
			i++;
			continue;
		}
		if (c == 0x80 || c == 0xFF || i + 1 >= n || s[i + 1] < 0x40 || s[i + 1] == 0xFF)
			return false;
		uint16_t cp = table[(c - 0x81) * TRAILS + (s[i + 1] - 0x40)];
		if (!cp)
			return false;
		o += utf8_encode(cp, o);
		i += 2;
	}
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
	return true;
}
