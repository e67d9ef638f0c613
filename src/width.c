/* Display width of UTF-8 text: wide CJK, placeholders for controls, U+FFFD for
 * bad bytes, never a split wide character. See shenyue/width.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "shenyue/utf8.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

struct range {
	uint32_t lo, hi;
};

static enum sy_width_mode width_mode = SY_WIDTH_TABLE;
static bool width_ascii;
static int width_ambiguous = 1;

/* East Asian Wide and Fullwidth ranges (Unicode 15, EastAsianWidth.txt, merged). */
static const struct range wide_ranges[] = {
	{0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
	{0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
	{0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
	{0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
	{0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
	{0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
	{0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
	{0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
	{0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
	{0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
	{0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
	{0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
	{0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F202}, {0x1F210, 0x1F23B},
	{0x1F240, 0x1F248}, {0x1F250, 0x1F251}, {0x1F260, 0x1F265}, {0x1F300, 0x1F320},
	{0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
	{0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E},
	{0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
	{0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
	{0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2},
	{0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC},
	{0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
	{0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/* Characters that take no column: combining marks, zero-width and bidi
 * format characters, variation selectors, the BOM. They are dropped. */
static const struct range zero_ranges[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x200B, 0x200F}, {0x2028, 0x202E}, {0x2060, 0x206F},
	{0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE00, 0xFE0F},
	{0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0000, 0xE0FFF},
};

/* East Asian Ambiguous characters met in Chinese documents: Latin-1 signs,
 * Greek and Cyrillic, general punctuation, letterlike symbols, Roman
 * numerals, arrows, circled numbers, box drawing, geometric shapes. */
static const struct range ambiguous_ranges[] = {
	{0x00A1, 0x00A1}, {0x00A4, 0x00A4}, {0x00A7, 0x00A8}, {0x00AA, 0x00AA},
	{0x00AD, 0x00AE}, {0x00B0, 0x00B4}, {0x00B6, 0x00BA}, {0x00BC, 0x00BF},
	{0x00C6, 0x00C6}, {0x00D0, 0x00D0}, {0x00D7, 0x00D8}, {0x00DE, 0x00E1},
	{0x00E6, 0x00E6}, {0x00E8, 0x00EA}, {0x00EC, 0x00ED}, {0x00F0, 0x00F0},
	{0x00F2, 0x00F3}, {0x00F7, 0x00FA}, {0x00FC, 0x00FC}, {0x00FE, 0x00FE},
	{0x0391, 0x03A9}, {0x03B1, 0x03C9}, {0x0401, 0x0401}, {0x0410, 0x044F},
	{0x0451, 0x0451}, {0x2010, 0x2010}, {0x2013, 0x2016}, {0x2018, 0x2019},
	{0x201C, 0x201D}, {0x2020, 0x2022}, {0x2024, 0x2027}, {0x2030, 0x2030},
	{0x2032, 0x2033}, {0x2035, 0x2035}, {0x203B, 0x203B}, {0x203E, 0x203E},
	{0x2103, 0x2103}, {0x2105, 0x2105}, {0x2109, 0x2109}, {0x2116, 0x2116},
	{0x2121, 0x2122}, {0x2160, 0x216B}, {0x2170, 0x2179}, {0x2190, 0x2199},
	{0x21D2, 0x21D2}, {0x21D4, 0x21D4}, {0x2200, 0x2200}, {0x2208, 0x2208},
	{0x2211, 0x2211}, {0x221A, 0x221A}, {0x221E, 0x221E}, {0x2225, 0x2225},
	{0x2227, 0x222B}, {0x2234, 0x2237}, {0x2248, 0x2248}, {0x2260, 0x2261},
	{0x2264, 0x2265}, {0x2460, 0x24E9}, {0x24EB, 0x254B}, {0x2550, 0x2573},
	{0x2580, 0x258F}, {0x2592, 0x2595}, {0x25A0, 0x25A1}, {0x25A3, 0x25A9},
	{0x25B2, 0x25B3}, {0x25B6, 0x25B7}, {0x25BC, 0x25BD}, {0x25C0, 0x25C1},
	{0x25C6, 0x25C8}, {0x25CB, 0x25CB}, {0x25CE, 0x25D1}, {0x25E2, 0x25E5},
	{0x25EF, 0x25EF}, {0x2605, 0x2606}, {0x2609, 0x2609}, {0x260E, 0x260F},
	{0x261C, 0x261C}, {0x261E, 0x261E}, {0x2640, 0x2640}, {0x2642, 0x2642},
	{0x2660, 0x2661}, {0x2663, 0x2665}, {0x2667, 0x266A}, {0x266C, 0x266D},
	{0x266F, 0x266F}, {0x273D, 0x273D}, {0x2776, 0x277F},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static bool range_has(const struct range *r, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp > r[mid].hi)
			lo = mid + 1;
		else if (cp < r[mid].lo)
			hi = mid;
		else
			return true;
	}
	return false;
}

void sy_width_set_mode(enum sy_width_mode m)
{
	width_mode = m;
}

void sy_width_set_ascii(bool on)
{
	width_ascii = on;
}

void sy_width_set_ambiguous(int cols)
{
	width_ambiguous = cols == 2 ? 2 : 1;
}

bool sy_width_is_ambiguous(uint32_t cp)
{
	return range_has(ambiguous_ranges, NELEM(ambiguous_ranges), cp);
}

static bool width_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

static int width_from_table(uint32_t cp)
{
	if (range_has(zero_ranges, NELEM(zero_ranges), cp))
		return 0;
	return range_has(wide_ranges, NELEM(wide_ranges), cp) ? 2 : 1;
}

static int width_from_libc(uint32_t cp)
{
	if (range_has(zero_ranges, NELEM(zero_ranges), cp))
		return 0;
	int w = wcwidth((wchar_t)cp);
	if (w < 0)
		return width_from_table(cp);
	return w > 2 ? 2 : w;
}

int sy_width_cp(uint32_t cp)
{
	if (width_is_control(cp))
		return -1;
	if (cp < 0x7F)
		return 1;
	if (width_ambiguous == 2 && sy_width_is_ambiguous(cp))
		return 2;
	return width_mode == SY_WIDTH_LIBC ? width_from_libc(cp) : width_from_table(cp);
}

/* Fills g with the caret notation for a control character: ^[ for ESC, ^M for
 * CR, ^? for DEL, <9b> for a C1 control. A tab becomes four spaces. */
static void glyph_set_placeholder(struct sy_glyph *g, uint32_t cp)
{
	g->placeholder = true;
	if (cp == '\t') {
		memcpy(g->shown, "    ", 5);
		g->placeholder = false;
	} else if (cp < 0x20) {
		g->shown[0] = '^';
		g->shown[1] = (char)('@' + cp);
		g->shown[2] = '\0';
	} else if (cp == 0x7F) {
		memcpy(g->shown, "^?", 3);
	} else {
		snprintf(g->shown, sizeof g->shown, "<%02x>", (unsigned)cp);
	}
	g->width = (int)strlen(g->shown);
}

/* ASCII look-alikes for the punctuation and marks the UI itself uses. */
static char glyph_ascii_lookalike(uint32_t cp)
{
	static const struct {
		uint32_t cp;
		char c;
	} map[] = {
		{0x00B7, '.'}, {0x2026, '~'}, {0x2192, '>'}, {0x2713, '+'}, {0x2717, 'x'},
		{0x2502, '|'}, {0x2014, '-'}, {0x2013, '-'}, {0x201C, '"'}, {0x201D, '"'},
		{0x2018, '\''}, {0x2019, '\''},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].cp == cp)
			return map[i].c;
	return 0;
}

/* Outside a UTF-8 locale: a look-alike for known marks, else one '?' per column. */
static void glyph_set_ascii(struct sy_glyph *g, int width)
{
	char c = glyph_ascii_lookalike(g->cp);
	if (c) {
		g->shown[0] = c;
		g->shown[1] = '\0';
		g->width = 1;
		return;
	}
	memset(g->shown, '?', (size_t)width);
	g->shown[width] = '\0';
	g->placeholder = true;
}

size_t sy_glyph_next(const char *s, size_t n, struct sy_glyph *g)
{
	memset(g, 0, sizeof *g);
	g->cp = utf8_decode(s, n, &g->len);
	if (g->len == 0)
		g->len = 1;
	int w = sy_width_cp(g->cp);
	if (w < 0) {
		glyph_set_placeholder(g, g->cp);
		return g->len;
	}
	g->width = w;
	if (w == 0)
		return g->len;
	if (width_ascii && g->cp >= 0x80) {
		glyph_set_ascii(g, w);
		return g->len;
	}
	g->placeholder = g->cp == SY_REPLACEMENT;
	g->shown[utf8_encode(g->cp, g->shown)] = '\0';
	return g->len;
}

size_t sy_width_strn(const char *s, size_t n)
{
	size_t cols = 0;
	struct sy_glyph g;
	for (size_t i = 0; i < n;) {
		i += sy_glyph_next(s + i, n - i, &g);
		cols += (size_t)g.width;
	}
	return cols;
}

size_t sy_width_str(const char *s)
{
	return s ? sy_width_strn(s, strlen(s)) : 0;
}

size_t sy_width_fit(const char *s, size_t n, size_t cols, size_t *used)
{
	size_t i = 0, w = 0;
	struct sy_glyph g;
	while (i < n) {
		size_t len = sy_glyph_next(s + i, n - i, &g);
		if (w + (size_t)g.width > cols)
			break;
		w += (size_t)g.width;
		i += len;
	}
	if (used)
		*used = w;
	return i;
}

static void pad_spaces(struct sy_buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sy_buf_add(b, " ", 1);
}

/* Appends the glyphs of s[0..n) as drawn, and returns the columns added. */
static size_t pad_add_shown(struct sy_buf *b, const char *s, size_t n)
{
	size_t cols = 0;
	struct sy_glyph g;
	for (size_t i = 0; i < n;) {
		i += sy_glyph_next(s + i, n - i, &g);
		sy_buf_puts(b, g.shown);
		cols += (size_t)g.width;
	}
	return cols;
}

char *sy_width_pad(const char *s, size_t cols, enum sy_align align, const char *marker)
{
	if (!s)
		s = "";
	size_t n = strlen(s), total = sy_width_strn(s, n);
	size_t mw = marker ? sy_width_str(marker) : 0;
	struct sy_buf body = {0};
	size_t w;
	if (total <= cols) {
		w = pad_add_shown(&body, s, n);
	} else {
		size_t room = cols > mw ? cols - mw : 0;
		size_t bytes = sy_width_fit(s, n, room, NULL);
		w = pad_add_shown(&body, s, bytes);
		if (marker && mw <= cols - w) {
			sy_buf_puts(&body, marker);
			w += mw;
		}
	}
	struct sy_buf out = {0};
	if (align == SY_ALIGN_RIGHT)
		pad_spaces(&out, cols - w);
	if (body.len)
		sy_buf_add(&out, body.data, body.len);
	if (align == SY_ALIGN_LEFT)
		pad_spaces(&out, cols - w);
	sy_buf_free(&body);
	return sy_buf_steal(&out);
}
