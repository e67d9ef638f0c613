/* Typesets text as a PDF with cairo (see pdf_writer.h). Lines break where a
 * typesetter would let them: anywhere between Chinese characters, never
 * inside a Latin word and never next to a space. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_writer.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define LEFT 79.0
#define RIGHT 74.0
#define TOP 99.0
#define BOTTOM 99.0
#define SIZE 16.0
#define PITCH 28.9
#define FONT "WenQuanYi Micro Hei"

struct writer {
	cairo_t *cr;
	const struct pdf_options *o;
	int page;
	double y;       /* baseline of the next line */
	bool page_empty;
	double adv[0x10000]; /* advance of each BMP character, 0 until measured */
};

static bool cjk(uint32_t c)
{
	return c >= 0x2E80 && c != 0x3000;
}

static bool alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The extra gap automatic spacing puts between a and b. */
static double autogap(const struct writer *w, uint32_t a, uint32_t b)
{
	return w->o->autospace && ((cjk(a) && alnum(b)) || (alnum(a) && cjk(b))) ? SIZE / 4 : 0;
}

static bool latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* A typed space is half a character wide, as in the fonts of Chinese
 * documents (仿宋, 宋体); this font's own is narrower, so it is drawn at
 * twice the size. */
#define SPACE_SCALE 2.0

static double advance(struct writer *w, uint32_t cp, const char *s, size_t n)
{
	if (cp < 0x10000 && w->adv[cp] > 0)
		return w->adv[cp];
	char tmp[8];
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	cairo_text_extents_t e;
	cairo_text_extents(w->cr, tmp, &e);
	double a = cp == ' ' ? e.x_advance * SPACE_SCALE : e.x_advance;
	if (cp < 0x10000)
		w->adv[cp] = a;
	return a;
}

/* Draws one character, a space half a character wide. */
static void show_char(struct writer *w, const char *s, size_t n)
{
	char tmp[8];
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (*s == ' ')
		cairo_set_font_size(w->cr, SIZE * SPACE_SCALE);
	cairo_show_text(w->cr, tmp);
	cairo_set_font_size(w->cr, SIZE);
}

/* Draws n bytes of text at the current point: runs without spaces in one
 * go, with automatic spacing at Chinese-Latin boundaries when asked. */
static void show(struct writer *w, const char *s, size_t n)
{
	uint32_t prev = 0;
	size_t run = 0, cl;
	for (size_t i = 0; i <= n; i += cl) {
		uint32_t cp = i < n ? utf8_decode(s + i, n - i, &cl) : 0;
		double gap = i < n ? autogap(w, prev, cp) : 0;
		if (i == n || cp == ' ' || prev == ' ' || gap > 0) {
			char *part = xstrndup(s + run, i - run);
			if (*part == ' ')
				show_char(w, part, strlen(part));
			else
				cairo_show_text(w->cr, part);
			free(part);
			if (gap > 0)
				cairo_rel_move_to(w->cr, gap, 0);
			run = i;
		}
		if (i == n)
			break;
		prev = cp;
	}
}

static void centered(struct writer *w, const char *s, double y)
{
	cairo_text_extents_t e;
	cairo_text_extents(w->cr, s, &e);
	cairo_move_to(w->cr, (PAGE_W - e.x_advance) / 2, y);
	cairo_show_text(w->cr, s);
}

/* Ends the page: its header and number, then a new one. */
static void end_page(struct writer *w)
{
	if (w->o->header)
		centered(w, w->o->header, 50);
	if (w->o->number_fmt) {
		char num[64];
		snprintf(num, sizeof num, w->o->number_fmt, w->page);
		centered(w, num, PAGE_H - 50);
	}
	cairo_show_page(w->cr);
	w->page++;
	w->y = TOP + SIZE;
	w->page_empty = true;
}

static int lines_per_page(const struct writer *w)
{
	return w->o->lines_per_page > 0 ? w->o->lines_per_page : (int)((PAGE_H - TOP - BOTTOM) / PITCH);
}

static void next_line(struct writer *w)
{
	w->y += PITCH;
	w->page_empty = false;
	if (w->y > TOP + SIZE + PITCH * (lines_per_page(w) - 1) + 0.5)
		end_page(w);
}

/* May a line end between code points a and b? */
static bool breakable(uint32_t a, uint32_t b)
{
	return !(latin(a) && latin(b)) && a != ' ' && b != ' ';
}

/* The end of the line starting at start: as much as fits in width, cut at
 * the last place a line may end. */
static size_t line_end(struct writer *w, const char *s, size_t n, size_t start, double x)
{
	double width = PAGE_W - LEFT - RIGHT;
	size_t i = start, last_break = start, cl;
	uint32_t prev = 0;
	while (i < n) {
		uint32_t cp = utf8_decode(s + i, n - i, &cl);
		double a = advance(w, cp, s + i, cl) + (i > start ? autogap(w, prev, cp) : 0);
		if (x + a > width && i > start)
			return last_break > start ? last_break : i;
		if (i > start && breakable(prev, cp))
			last_break = i;
		x += a;
		prev = cp;
		i += cl;
	}
	return n;
}

/* Typesets one paragraph: first line indented by two characters. */
static void paragraph(struct writer *w, const char *s, size_t n)
{
	for (size_t start = 0; start < n;) {
		double indent = start == 0 ? 2 * SIZE : 0;
		size_t end = line_end(w, s, n, start, indent);
		cairo_move_to(w->cr, LEFT + indent, w->y);
		show(w, s + start, end - start);
		next_line(w);
		start = end;
	}
}

/* Leading and trailing spaces of a text line are layout, not text. */
static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t' || (*n >= 3 && !memcmp(*s, "\xE3\x80\x80", 3)))) {
		size_t k = **s == ' ' || **s == '\t' ? 1 : 3;
		*s += k;
		*n -= k;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\r' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* A grey page-sized image: what a scanner makes. */
static void image_page(struct writer *w)
{
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 280);
	cairo_t *ic = cairo_create(img);
	cairo_set_source_rgb(ic, 0.9, 0.9, 0.85);
	cairo_paint(ic);
	cairo_set_source_rgb(ic, 0.2, 0.2, 0.2);
	for (int k = 0; k < 40; k++)
		cairo_rectangle(ic, 20, 20 + k * 6, 160 - (k * 7) % 50, 2);
	cairo_fill(ic);
	cairo_destroy(ic);
	cairo_save(w->cr);
	cairo_scale(w->cr, PAGE_W / 200, PAGE_H / 280);
	cairo_set_source_surface(w->cr, img, 0, 0);
	cairo_paint(w->cr);
	cairo_restore(w->cr);
	cairo_surface_destroy(img);
	cairo_show_page(w->cr);
	w->page++;
}

/* True when the font cairo found has a glyph for 中. */
static bool has_cjk(cairo_t *cr)
{
	cairo_glyph_t *g = NULL;
	int n = 0;
	cairo_status_t st = cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(cr), 0, 0, "中", -1, &g, &n,
							     NULL, NULL, NULL);
	bool yes = st == CAIRO_STATUS_SUCCESS && n == 1 && g[0].index != 0;
	cairo_glyph_free(g);
	return yes;
}

static void typeset(struct writer *w, const char *text, size_t len, struct pdf_marks *m)
{
	for (size_t i = 0; i < len;) {
		size_t k = strcspn(text + i, "\n");
		if (i + k > len)
			k = len - i;
		const char *s = text + i;
		size_t n = k;
		trim(&s, &n);
		if (n) {
			m->last_para_page = w->page;
			paragraph(w, s, n);
		} else if (!w->page_empty) {
			next_line(w); /* a blank line; none at the top of a page */
		}
		i += k + 1;
	}
}

void pdf_writer_cleanup(void)
{
	cairo_debug_reset_static_data();
	FcFini();
}

int pdf_write(const char *path, const char *text, size_t len, const struct pdf_options *o, struct pdf_marks *m)
{
	struct pdf_marks none;
	m = m ? m : &none;
	memset(m, 0, sizeof *m);
	cairo_surface_t *surf = cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surf);
		errno = EIO;
		return -1;
	}
	struct writer *w = xcalloc(1, sizeof *w);
	w->cr = cairo_create(surf);
	w->o = o;
	w->page = 1;
	w->y = TOP + SIZE;
	w->page_empty = true;
	cairo_select_font_face(w->cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(w->cr, SIZE);
	int rc = has_cjk(w->cr) ? 0 : 77;
	for (int k = 0; rc == 0 && k < o->only_images; k++)
		image_page(w);
	if (rc == 0 && !o->only_images) {
		typeset(w, text, len, m);
		if (!w->page_empty)
			end_page(w);
		if (o->image_pages)
			image_page(w);
	}
	m->pages = w->page - 1;
	cairo_destroy(w->cr);
	cairo_surface_finish(surf);
	if (rc == 0 && cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		rc = -1;
		errno = EIO;
	}
	cairo_surface_destroy(surf);
	free(w);
	return rc;
}
