/* The terminal's background and the xterm palette's contrast. See
 * shenyue/termcolor.h. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/termcolor.h"

/* xterm's default colours 0..15. */
static const struct sy_rgb xterm_base[16] = {
	{0, 0, 0},       {205, 0, 0},     {0, 205, 0},     {205, 205, 0},
	{0, 0, 238},     {205, 0, 205},   {0, 205, 205},   {229, 229, 229},
	{127, 127, 127}, {255, 0, 0},     {0, 255, 0},     {255, 255, 0},
	{92, 92, 255},   {255, 0, 255},   {0, 255, 255},   {255, 255, 255},
};

static unsigned char cube_level(int i)
{
	return (unsigned char)(i ? 55 + 40 * i : 0);
}

struct sy_rgb sy_xterm_rgb(int c)
{
	if (c < 0 || c > 255)
		return xterm_base[0];
	if (c < 16)
		return xterm_base[c];
	if (c >= 232) {
		unsigned char v = (unsigned char)(8 + 10 * (c - 232));
		return (struct sy_rgb){v, v, v};
	}
	c -= 16;
	return (struct sy_rgb){cube_level(c / 36), cube_level((c / 6) % 6), cube_level(c % 6)};
}

static double channel_linear(unsigned char v)
{
	double s = v / 255.0;
	return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

/* WCAG 2 relative luminance. */
static double luminance(struct sy_rgb c)
{
	return 0.2126 * channel_linear(c.r) + 0.7152 * channel_linear(c.g) + 0.0722 * channel_linear(c.b);
}

double sy_contrast(struct sy_rgb a, struct sy_rgb b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

enum sy_background sy_background_of_rgb(struct sy_rgb rgb)
{
	struct sy_rgb black = {0, 0, 0}, white = {255, 255, 255};
	return sy_contrast(rgb, white) > sy_contrast(rgb, black) ? SY_BG_DARK : SY_BG_LIGHT;
}

/* Reads one colour component of 1 to 4 hex digits, scaled to 0..255;
 * returns the position after it, or NULL. */
static const char *osc_component(const char *p, const char *end, unsigned char *out)
{
	unsigned long v = 0, max = 0;
	int digits = 0;
	while (p < end && digits < 4) {
		char c = *p;
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			break;
		v = v * 16 + (unsigned long)d;
		max = max * 16 + 15;
		digits++;
		p++;
	}
	if (!digits)
		return NULL;
	*out = (unsigned char)((v * 255 + max / 2) / max);
	return p;
}

/* Parses "rgb:R/G/B" or "rgba:R/G/B/A" (components of 1-4 hex digits). */
static int osc_parse_rgb(const char *p, const char *end, struct sy_rgb *rgb)
{
	size_t skip = (size_t)(end - p) >= 5 && !strncmp(p, "rgba:", 5) ? 5
		    : (size_t)(end - p) >= 4 && !strncmp(p, "rgb:", 4) ? 4 : 0;
	if (!skip)
		return -1;
	p += skip;
	unsigned char *ch[3] = {&rgb->r, &rgb->g, &rgb->b};
	for (int i = 0; i < 3; i++) {
		if (i && (p >= end || *p++ != '/'))
			return -1;
		if (!(p = osc_component(p, end, ch[i])))
			return -1;
	}
	return 0;
}

/* Parses "#RRGGBB". */
static int osc_parse_hash(const char *p, const char *end, struct sy_rgb *rgb)
{
	if (end - p < 7 || *p != '#')
		return -1;
	unsigned char *ch[3] = {&rgb->r, &rgb->g, &rgb->b};
	for (int i = 0; i < 3; i++) {
		const char *q = osc_component(p + 1 + 2 * i, p + 3 + 2 * i, ch[i]);
		if (q != p + 3 + 2 * i)
			return -1;
	}
	return 0;
}

/* Finds the colour after "ESC ] 11 ;" up to its terminator (BEL or ESC \). */
static int osc11_find(const char *reply, size_t len, struct sy_rgb *rgb)
{
	const char *end = reply + len;
	for (const char *p = reply; p + 5 <= end; p++) {
		if (memcmp(p, "\033]11;", 5))
			continue;
		const char *body = p + 5, *stop = body;
		while (stop < end && *stop != '\a' && *stop != '\033')
			stop++;
		if (stop == end)
			return -1; /* not terminated: cut short */
		if (osc_parse_rgb(body, stop, rgb) == 0 || osc_parse_hash(body, stop, rgb) == 0)
			return 0;
	}
	return -1;
}

enum sy_background sy_background_from_osc11(const char *reply, size_t len)
{
	struct sy_rgb rgb;
	if (!reply || osc11_find(reply, len, &rgb) != 0)
		return SY_BG_UNKNOWN;
	return sy_background_of_rgb(rgb);
}

int sy_term_reply_complete(const char *reply, size_t len)
{
	for (size_t i = 0; i + 2 < len; i++) {
		if (memcmp(reply + i, "\033[?", 3))
			continue;
		size_t j = i + 3;
		while (j < len && ((reply[j] >= '0' && reply[j] <= '9') || reply[j] == ';'))
			j++;
		if (j < len && reply[j] == 'c')
			return 1;
	}
	return 0;
}

enum sy_background sy_background_from_colorfgbg(const char *value)
{
	if (!value || !*value)
		return SY_BG_UNKNOWN;
	const char *last = strrchr(value, ';');
	const char *bg = last ? last + 1 : value;
	char *end;
	long c = strtol(bg, &end, 10);
	if (!last || end == bg || *end || c < 0 || c > 15)
		return SY_BG_UNKNOWN;
	/* rxvt's convention: 0-6 and 8 are dark backgrounds, 7 and 9-15 light */
	return c <= 6 || c == 8 ? SY_BG_DARK : SY_BG_LIGHT;
}

/* The terminal's own foreground and background on a background kind. */
static void default_colours(enum sy_background bg, struct sy_rgb *fg, struct sy_rgb *back)
{
	if (bg == SY_BG_LIGHT) {
		*fg = (struct sy_rgb){0, 0, 0};
		*back = (struct sy_rgb){255, 255, 255};
	} else {
		*fg = xterm_base[7];
		*back = xterm_base[0];
	}
}

static struct sy_rgb colour_or(int c, struct sy_rgb dflt)
{
	return c == SY_COLOR_DEFAULT ? dflt : sy_xterm_rgb(c);
}

/* Half-way from fg to bg: how terminals draw faint (dim) text. */
static struct sy_rgb blend_half(struct sy_rgb fg, struct sy_rgb bg)
{
	return (struct sy_rgb){(unsigned char)((fg.r + bg.r) / 2), (unsigned char)((fg.g + bg.g) / 2),
			       (unsigned char)((fg.b + bg.b) / 2)};
}

/* The contrast of s drawn with foreground colour number fg_colour. */
static double style_contrast_as(const struct sy_style *s, int fg_colour, enum sy_background bg)
{
	struct sy_rgb dfg, dbg;
	default_colours(bg, &dfg, &dbg);
	struct sy_rgb fg = colour_or(fg_colour, dfg), back = colour_or(s->bg, dbg);
	if (s->attrs & SY_ATTR_REVERSE) {
		struct sy_rgb t = fg;
		fg = back;
		back = t;
	}
	if (s->attrs & SY_ATTR_DIM)
		fg = blend_half(fg, back);
	return sy_contrast(fg, back);
}

double sy_style_contrast(const struct sy_style *s, enum sy_background bg)
{
	double c = style_contrast_as(s, s->fg, bg);
	if ((s->attrs & SY_ATTR_BOLD) && s->fg >= 0 && s->fg < 8) {
		double bright = style_contrast_as(s, s->fg + 8, bg);
		c = bright < c ? bright : c;
	}
	return c;
}
