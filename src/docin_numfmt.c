/* Writing the numbers of automatic numbering as Word and LibreOffice show
 * them: 一 二 … 十 十一, （一）, ①, 甲 乙 丙, a b c, i ii iii… */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shenyue/docin_reader.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

/* Word numFmt values and the format each stands for. */
static const struct {
	const char *name;
	enum sy_numfmt fmt;
} word_formats[] = {
	{ "decimal", SY_NUM_DECIMAL },
	{ "decimalHalfWidth", SY_NUM_DECIMAL },
	{ "decimalZero", SY_NUM_DECIMAL_ZERO },
	{ "decimalFullWidth", SY_NUM_FULLWIDTH },
	{ "decimalFullWidth2", SY_NUM_FULLWIDTH },
	{ "decimalEnclosedCircle", SY_NUM_CIRCLE },
	{ "decimalEnclosedCircleChinese", SY_NUM_CIRCLE },
	{ "decimalEnclosedFullstop", SY_NUM_FULLSTOP },
	{ "decimalEnclosedParen", SY_NUM_PAREN },
	{ "chineseCounting", SY_NUM_CN_COUNT },
	{ "chineseCountingThousand", SY_NUM_CN_COUNT },
	{ "taiwaneseCounting", SY_NUM_CN_COUNT },
	{ "taiwaneseCountingThousand", SY_NUM_CN_COUNT },
	{ "japaneseCounting", SY_NUM_CN_COUNT },
	{ "chineseLegalSimplified", SY_NUM_CN_LEGAL },
	{ "ideographLegalTraditional", SY_NUM_CN_LEGAL },
	{ "ideographDigital", SY_NUM_CN_DIGIT },
	{ "taiwaneseDigital", SY_NUM_CN_DIGIT },
	{ "ideographTraditional", SY_NUM_TIANGAN },
	{ "ideographZodiac", SY_NUM_DIZHI },
	{ "ideographEnclosedCircle", SY_NUM_IDEO_CIRCLE },
	{ "lowerLetter", SY_NUM_LOWER_LETTER },
	{ "upperLetter", SY_NUM_UPPER_LETTER },
	{ "lowerRoman", SY_NUM_LOWER_ROMAN },
	{ "upperRoman", SY_NUM_UPPER_ROMAN },
	{ "bullet", SY_NUM_BULLET },
	{ "none", SY_NUM_NONE },
};

enum sy_numfmt sy_numfmt_word(const char *val)
{
	for (size_t i = 0; val && i < sizeof word_formats / sizeof *word_formats; i++)
		if (!strcmp(val, word_formats[i].name))
			return word_formats[i].fmt;
	return SY_NUM_DECIMAL;
}

/* ODF writes a format as its first numbers ("一, 二, 三, ..."): the first character decides. */
static const struct {
	uint32_t first;
	enum sy_numfmt fmt;
} odf_formats[] = {
	{ '1', SY_NUM_DECIMAL }, { 'a', SY_NUM_LOWER_LETTER }, { 'A', SY_NUM_UPPER_LETTER },
	{ 'i', SY_NUM_LOWER_ROMAN }, { 'I', SY_NUM_UPPER_ROMAN }, { 0x4E00, SY_NUM_CN_COUNT },
	{ 0x58F9, SY_NUM_CN_LEGAL }, { 0x3007, SY_NUM_CN_DIGIT }, { 0x7532, SY_NUM_TIANGAN },
	{ 0x5B50, SY_NUM_DIZHI }, { 0x2460, SY_NUM_CIRCLE }, { 0xFF11, SY_NUM_FULLWIDTH },
	{ 0x2474, SY_NUM_PAREN }, { 0x2488, SY_NUM_FULLSTOP }, { 0x3280, SY_NUM_IDEO_CIRCLE },
};

enum sy_numfmt sy_numfmt_odf(const char *val)
{
	if (!val || !*val)
		return SY_NUM_NONE;
	size_t l;
	uint32_t cp = utf8_decode_str(val, &l);
	for (size_t i = 0; i < sizeof odf_formats / sizeof *odf_formats; i++)
		if (odf_formats[i].first == cp)
			return odf_formats[i].fmt;
	return SY_NUM_DECIMAL;
}

static void put_cp(struct sy_buf *out, uint32_t cp)
{
	char tmp[4];
	sy_buf_add(out, tmp, utf8_encode(cp, tmp));
}

/* Chinese numerals below 10000 (一千零一, 一百一十, 十一); 'top' drops the
 * 一 of 一十 at the head of the number, as written. */
static void cn_small(struct sy_buf *out, int n, bool top, const char *const *digit, const char *const *unit)
{
	int d[4] = { n / 1000, n / 100 % 10, n / 10 % 10, n % 10 };
	bool started = false, zero = false;
	for (int i = 0; i < 4; i++) {
		if (d[i] == 0) {
			zero = started;
			continue;
		}
		if (zero)
			sy_buf_puts(out, "零");
		zero = false;
		if (!(i == 2 && d[i] == 1 && !started && top))
			sy_buf_puts(out, digit[d[i]]);
		sy_buf_puts(out, unit[i]);
		started = true;
	}
}

static void cn_number(struct sy_buf *out, int n, bool legal)
{
	static const char *const lower[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	static const char *const upper[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
	static const char *const lunit[] = { "千", "百", "十", "" };
	static const char *const uunit[] = { "仟", "佰", "拾", "" };
	const char *const *digit = legal ? upper : lower;
	const char *const *unit = legal ? uunit : lunit;
	if (n == 0) {
		sy_buf_puts(out, digit[0]);
		return;
	}
	int high = n / 10000, low = n % 10000;
	if (high) {
		cn_small(out, high, !legal, digit, unit);
		sy_buf_puts(out, "万");
		if (low && low < 1000)
			sy_buf_puts(out, "零");
		if (low)
			cn_small(out, low, false, digit, unit);
		return;
	}
	cn_small(out, low, !legal, digit, unit);
}

static void cn_digits(struct sy_buf *out, int n)
{
	static const char *const digit[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	char tmp[16];
	snprintf(tmp, sizeof tmp, "%d", n);
	for (const char *p = tmp; *p; p++)
		sy_buf_puts(out, digit[*p - '0']);
}

static void roman(struct sy_buf *out, int n, bool upper)
{
	static const struct {
		int v;
		const char *s;
	} r[] = { { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
		  { 50, "l" },   { 40, "xl" },  { 10, "x" },  { 9, "ix" },   { 5, "v" },   { 4, "iv" },
		  { 1, "i" } };
	if (n <= 0 || n >= 4000) {
		sy_buf_printf(out, "%d", n);
		return;
	}
	for (size_t i = 0; i < sizeof r / sizeof *r; i++)
		for (; n >= r[i].v; n -= r[i].v)
			for (const char *p = r[i].s; *p; p++) {
				char c = upper ? (char)(*p - 'a' + 'A') : *p;
				sy_buf_add(out, &c, 1);
			}
}

/* a..z, then aa bb cc (Word repeats the letter). */
static void letters(struct sy_buf *out, int n, bool upper)
{
	if (n <= 0) {
		sy_buf_printf(out, "%d", n);
		return;
	}
	char c = (char)((upper ? 'A' : 'a') + (n - 1) % 26);
	for (int k = 0; k <= (n - 1) / 26 && k < 50; k++)
		sy_buf_add(out, &c, 1);
}

/* A code point from a run of enclosed numbers, or decimal past its end. */
static void enclosed(struct sy_buf *out, int n, uint32_t first, int count)
{
	if (n >= 1 && n <= count)
		put_cp(out, first + (uint32_t)(n - 1));
	else
		sy_buf_printf(out, "%d", n);
}

static void circled(struct sy_buf *out, int n)
{
	if (n >= 21 && n <= 35)
		put_cp(out, 0x3251 + (uint32_t)(n - 21));
	else if (n >= 36 && n <= 50)
		put_cp(out, 0x32B1 + (uint32_t)(n - 36));
	else
		enclosed(out, n, 0x2460, 20);
}

static void cyclic(struct sy_buf *out, int n, const char *const *names, int count)
{
	if (n >= 1)
		sy_buf_puts(out, names[(n - 1) % count]);
	else
		sy_buf_printf(out, "%d", n);
}

static void fullwidth(struct sy_buf *out, int n)
{
	char tmp[16];
	snprintf(tmp, sizeof tmp, "%d", n);
	for (const char *p = tmp; *p; p++)
		put_cp(out, *p == '-' ? 0xFF0D : 0xFF10 + (uint32_t)(*p - '0'));
}

void sy_numfmt_append(struct sy_buf *out, enum sy_numfmt f, int n)
{
	static const char *const tiangan[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };
	static const char *const dizhi[] = { "子", "丑", "寅", "卯", "辰", "巳",
					     "午", "未", "申", "酉", "戌", "亥" };
	if (n < 0)
		n = 0;
	switch (f) {
	case SY_NUM_DECIMAL: sy_buf_printf(out, "%d", n); break;
	case SY_NUM_DECIMAL_ZERO: sy_buf_printf(out, "%02d", n); break;
	case SY_NUM_FULLWIDTH: fullwidth(out, n); break;
	case SY_NUM_CIRCLE: circled(out, n); break;
	case SY_NUM_FULLSTOP: enclosed(out, n, 0x2488, 20); break;
	case SY_NUM_PAREN: enclosed(out, n, 0x2474, 20); break;
	case SY_NUM_IDEO_CIRCLE: enclosed(out, n, 0x3280, 10); break;
	case SY_NUM_CN_COUNT: cn_number(out, n % 100000000, false); break;
	case SY_NUM_CN_LEGAL: cn_number(out, n % 100000000, true); break;
	case SY_NUM_CN_DIGIT: cn_digits(out, n); break;
	case SY_NUM_TIANGAN: cyclic(out, n, tiangan, 10); break;
	case SY_NUM_DIZHI: cyclic(out, n, dizhi, 12); break;
	case SY_NUM_LOWER_LETTER: letters(out, n, false); break;
	case SY_NUM_UPPER_LETTER: letters(out, n, true); break;
	case SY_NUM_LOWER_ROMAN: roman(out, n, false); break;
	case SY_NUM_UPPER_ROMAN: roman(out, n, true); break;
	case SY_NUM_BULLET:
	case SY_NUM_NONE: break;
	}
}
