/* The plain-text reader, the reader table's last row (docin.c): BOM, then
 * strict UTF-8, otherwise GB18030 (iconv); UTF-16 with a BOM or with the
 * unmistakable zero-byte pattern of ASCII text. The result is UTF-8 split
 * into lines, with invalid bytes shown as U+FFFD. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/doc.h"
#include "shenyue/docin_reader.h"
#include "shenyue/gb18030.h"
#include "shenyue/i18n.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

/* A decoded buffer plus where the replacement characters for bad input went.
 * text is out's data, or the file's own bytes when they are clean UTF-8. */
struct decoded {
	struct sy_buf out;
	const char *text;
	size_t len;
	size_t nbad;
	size_t bad_out[SY_BADBYTE_KEEP]; /* offsets in out */
	size_t bad_in[SY_BADBYTE_KEEP];  /* offsets in the file */
};

static inline void put_cp(struct decoded *d, uint32_t cp)
{
	struct sy_buf *b = &d->out;
	if (b->len + 5 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 4096;
		b->data = xrealloc(b->data, b->cap);
	}
	b->len += utf8_encode(cp, b->data + b->len);
	b->data[b->len] = '\0';
}

static void put_bad(struct decoded *d, size_t in_offset)
{
	if (d->nbad < SY_BADBYTE_KEEP) {
		d->bad_out[d->nbad] = d->out.len;
		d->bad_in[d->nbad] = in_offset;
	}
	d->nbad++;
	put_cp(d, SY_REPLACEMENT);
}

/* The name of an encoding, as the check output shows it ("UTF-8", "GB18030"...). */
const char *sy_encoding_name(enum sy_encoding e)
{
	switch (e) {
	case SY_ENC_UTF8: return "UTF-8";
	case SY_ENC_GB18030: return "GB18030";
	case SY_ENC_UTF16LE: return "UTF-16LE";
	case SY_ENC_UTF16BE: return "UTF-16BE";
	}
	return "?";
}

static void decode_utf16(struct decoded *d, const unsigned char *s, size_t n, size_t base, bool le)
{
	size_t i = 0;
	sy_buf_add(&d->out, "", 0);
	if (d->out.cap < n / 2 * 3 + 8) { /* a unit becomes at most three bytes */
		d->out.cap = n / 2 * 3 + 8;
		d->out.data = xrealloc(d->out.data, d->out.cap);
	}
	while (i + 1 < n) {
		uint32_t u = le ? (uint32_t)(s[i] | s[i + 1] << 8) : (uint32_t)(s[i] << 8 | s[i + 1]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
			uint32_t v = le ? (uint32_t)(s[i + 2] | s[i + 3] << 8)
					: (uint32_t)(s[i + 2] << 8 | s[i + 3]);
			if (v >= 0xDC00 && v <= 0xDFFF) {
				put_cp(d, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
				i += 4;
				continue;
			}
		}
		if (u >= 0xD800 && u <= 0xDFFF)
			put_bad(d, base + i);
		else
			put_cp(d, u);
		i += 2;
	}
	if (i < n)
		put_bad(d, base + i);
}

static void decode_utf8_lossy(struct decoded *d, const unsigned char *s, size_t n, size_t base)
{
	size_t i = 0;
	while (i < n) {
		size_t l = utf8_valid_seq(s + i, n - i);
		if (l == 0) {
			put_bad(d, base + i);
			i++;
		} else {
			sy_buf_add(&d->out, (const char *)s + i, l);
			i += l;
		}
	}
}

/* GB18030 through glibc iconv; a byte iconv refuses becomes U+FFFD. */
static int decode_gb18030(struct decoded *d, const unsigned char *s, size_t n, size_t base)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return -1;
	char *in = (char *)s;
	size_t inleft = n;
	char chunk[4096];
	while (inleft > 0) {
		char *op = chunk;
		size_t outleft = sizeof chunk;
		size_t rc = iconv(cd, &in, &inleft, &op, &outleft);
		sy_buf_add(&d->out, chunk, (size_t)(op - chunk));
		if (rc != (size_t)-1)
			continue;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL: skip one byte and start afresh */
		put_bad(d, base + (size_t)((const unsigned char *)in - s));
		in++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return 0;
}

/* Is this UTF-16 unit what a Chinese report is made of: ASCII text, CJK
 * punctuation, ideographs, full-width forms, general punctuation? */
static bool plausible_unit(uint32_t u)
{
	return u == '\n' || u == '\r' || u == '\t' || (u >= 0x20 && u < 0x7F) || u == 0xA0 ||
	       (u >= 0x2000 && u <= 0x206F) || (u >= 0x3000 && u <= 0x303F) ||
	       (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xFF00 && u <= 0xFFEF);
}

/* Share (0..1000) of the units of s that read as plausible report text. */
static size_t plausible_per_mille(const unsigned char *s, size_t n, bool le)
{
	size_t good = 0, pairs = n / 2;
	for (size_t i = 0; i + 1 < n; i += 2)
		good += plausible_unit(le ? (uint32_t)(s[i] | s[i + 1] << 8) : (uint32_t)(s[i] << 8 | s[i + 1]));
	return pairs ? good * 1000 / pairs : 0;
}

/* Guesses BOM-less UTF-16: 0 none, 1 LE, 2 BE. ASCII-heavy text shows by
 * where its zero bytes fall; Chinese text by reading as report characters. */
static int sniff_utf16(const unsigned char *s, size_t n)
{
	if (n < 4 || n % 2)
		return 0;
	size_t even = 0, odd = 0, pairs = n / 2;
	for (size_t i = 0; i + 1 < n; i += 2) {
		even += s[i] == 0;
		odd += s[i + 1] == 0;
	}
	if (odd * 10 >= pairs * 3 && even * 50 < pairs)
		return 1;
	if (even * 10 >= pairs * 3 && odd * 50 < pairs)
		return 2;
	size_t le = plausible_per_mille(s, n, true), be = plausible_per_mille(s, n, false);
	if (le >= 950 && le > be)
		return 1;
	if (be >= 950 && be > le)
		return 2;
	return 0;
}

static bool has_nul(const unsigned char *s, size_t n)
{
	return memchr(s, 0, n) != NULL;
}

static bool is_stray_control(unsigned char ch)
{
	return ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f' && ch != 0x1b;
}

/* Counts C0 controls other than tab, LF, CR, FF and ESC in decoded text.
 * Eight bytes at a time: most words hold no byte below 0x20 at all. */
static size_t count_controls(const char *s, size_t n)
{
	size_t c = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (!((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull))
			continue; /* no byte of the word is below 0x20 */
		for (size_t k = i; k < i + 8; k++)
			c += is_stray_control((unsigned char)s[k]);
	}
	for (; i < n; i++)
		c += is_stray_control((unsigned char)s[i]);
	return c;
}

/* Takes the file's own bytes as the text: they are clean UTF-8. */
static void borrow(struct decoded *d, const unsigned char *buf, size_t len)
{
	d->text = (const char *)buf;
	d->len = len;
}

/* Points text at what was decoded into out, unless the file's bytes were borrowed. */
static void settle(struct decoded *d)
{
	if (!d->text) {
		d->text = d->out.data ? d->out.data : "";
		d->len = d->out.len;
	}
}

static void decoded_free(struct decoded *d)
{
	sy_buf_free(&d->out);
}

/* Picks the encoding and decodes; returns -1 with err set when it cannot. */
static int decode_any(struct sy_doc *doc, struct decoded *d, const unsigned char *buf, size_t len,
		      char *err, size_t errlen)
{
	if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) {
		doc->encoding = SY_ENC_UTF8;
		doc->bom = true;
		if (utf8_is_valid(buf + 3, len - 3))
			borrow(d, buf + 3, len - 3);
		else
			decode_utf8_lossy(d, buf + 3, len - 3, 3);
		return 0;
	}
	if (len >= 2 && (buf[0] == 0xFF && buf[1] == 0xFE)) {
		doc->encoding = SY_ENC_UTF16LE;
		doc->bom = true;
		decode_utf16(d, buf + 2, len - 2, 2, true);
		return 0;
	}
	if (len >= 2 && (buf[0] == 0xFE && buf[1] == 0xFF)) {
		doc->encoding = SY_ENC_UTF16BE;
		doc->bom = true;
		decode_utf16(d, buf + 2, len - 2, 2, false);
		return 0;
	}
	if (has_nul(buf, len)) {
		int guess = sniff_utf16(buf, len);
		if (!guess) {
			snprintf(err, errlen, _("binary file (contains NUL bytes), not a text report"));
			return -1;
		}
		doc->encoding = guess == 1 ? SY_ENC_UTF16LE : SY_ENC_UTF16BE;
		decode_utf16(d, buf, len, 0, guess == 1);
		return 0;
	}
	if (utf8_is_valid(buf, len)) {
		doc->encoding = SY_ENC_UTF8;
		borrow(d, buf, len);
		return 0;
	}
	/* Not clean UTF-8: take whichever reading leaves fewer bad bytes, GB18030 on a tie. */
	struct decoded gb = {0}, u8 = {0};
	if (sy_gb18030_fast(buf, len, &gb.out)) { /* no bad byte: GB18030 wins */
		doc->encoding = SY_ENC_GB18030;
		*d = gb;
		return 0;
	}
	if (decode_gb18030(&gb, buf, len, 0) != 0) {
		decoded_free(&gb);
		snprintf(err, errlen, _("cannot decode: iconv has no GB18030 converter"));
		return -1;
	}
	decode_utf8_lossy(&u8, buf, len, 0);
	if (gb.nbad <= u8.nbad) {
		doc->encoding = SY_ENC_GB18030;
		*d = gb;
		decoded_free(&u8);
	} else {
		doc->encoding = SY_ENC_UTF8;
		*d = u8;
		decoded_free(&gb);
	}
	return 0;
}

/* Rejects text that decoded but is mostly garbage or control bytes. */
static int check_plausible(const struct decoded *d, size_t len, char *err, size_t errlen)
{
	if (d->nbad * 5 > len + 20) {
		snprintf(err, errlen,
			 _("cannot decode: %zu of %zu bytes are invalid as UTF-8, GB18030 and UTF-16"),
			 d->nbad, len);
		return -1;
	}
	if (count_controls(d->text, d->len) * 20 > d->len + 20) {
		snprintf(err, errlen, _("binary file (control bytes), not a text report"));
		return -1;
	}
	return 0;
}

/* The next place at or after i where byte c is in s (n bytes), or n;
 * *at caches it (SIZE_MAX: not looked for yet), so that the whole text is
 * searched once however many lines end with the other kind of break. */
static size_t next_byte(const char *s, size_t n, size_t i, char c, size_t *at)
{
	if (*at == SIZE_MAX || *at < i) {
		const char *p = memchr(s + i, c, n - i);
		*at = p ? (size_t)(p - s) : n;
	}
	return *at;
}

/* Splits on LF, CRLF and CR; records line ends and maps bad bytes to lines. */
static void split_lines(struct sy_doc *doc, const struct decoded *d)
{
	const char *s = d->text;
	size_t n = d->len, cap = 0, start = 0, line = 1, nlf = 0, ncrlf = 0, ncr = 0, k = 0;
	size_t lf = SIZE_MAX, cr = SIZE_MAX;
	size_t kept = d->nbad < SY_BADBYTE_KEEP ? d->nbad : SY_BADBYTE_KEEP;
	sy_arena_reserve(&doc->store, 2 * n + 256); /* text, and norm where it differs */
	if (kept)
		doc->bad = xcalloc(kept, sizeof *doc->bad);
	for (;;) {
		size_t a = next_byte(s, n, start, '\n', &lf), b = next_byte(s, n, start, '\r', &cr);
		size_t i = a < b ? a : b; /* the line's end: its break, or the text's end */
		while (k < kept && d->bad_out[k] <= i) {
			doc->bad[k].line = line;
			doc->bad[k].offset = d->bad_in[k];
			k++;
		}
		if (i == n) {
			if (i > start)
				sy_doc_push_line(doc, &cap, s + start, i - start);
			break;
		}
		sy_doc_push_line(doc, &cap, s + start, i - start);
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') {
			ncrlf++;
			i++;
		} else if (s[i] == '\r') {
			ncr++;
		} else {
			nlf++;
		}
		start = i + 1;
		line++;
	}
	int kinds = (nlf > 0) + (ncrlf > 0) + (ncr > 0);
	doc->eol = kinds > 1 ? SY_EOL_MIXED : nlf ? SY_EOL_LF : ncrlf ? SY_EOL_CRLF : ncr ? SY_EOL_CR : SY_EOL_NONE;
}

/* Reads buf as plain text in the encoding it shows, one line per line break. */
int sy_text_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen)
{
	if (sy_zip_magic(buf, len)) {
		struct sy_zip *z = sy_zip_open(buf, len, err, errlen);
		if (z)
			snprintf(err, errlen, _("a zip archive, but not a Word (.docx) or OpenDocument (.odt) text"));
		sy_zip_close(z);
		return -1;
	}
	struct decoded d = {0};
	if (decode_any(doc, &d, buf, len, err, errlen) != 0) {
		decoded_free(&d);
		return -1;
	}
	settle(&d);
	if (check_plausible(&d, len, err, errlen) != 0) {
		decoded_free(&d);
		return -1;
	}
	doc->nbad = d.nbad;
	split_lines(doc, &d);
	decoded_free(&d);
	return 0;
}
