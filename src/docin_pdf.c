/* .pdf with a text layer, through poppler-glib: each page's text in
 * poppler's reading order with the box of every character; running headers,
 * footers and page numbers (— 3 —, -3-, 第3页, 3/12) removed; visual lines
 * joined into paragraphs the way a reader sees them (a line that reaches
 * the right margin goes on in the next unless that one is indented or
 * starts after a gap); a wider gap is a blank line. Every line keeps the
 * page it starts on. A page that is an image with no text is a scan: a
 * document of scans is refused with a message saying so, a few scanned
 * pages are a finding. An encrypted PDF is refused by name. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <poppler.h>

#include "shenyue/docin_reader.h"
#include "shenyue/i18n.h"
#include "shenyue/meta.h"
#include "shenyue/outline.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

/* poppler shares state between documents: one PDF at a time. */
static pthread_mutex_t poppler_lock = PTHREAD_MUTEX_INITIALIZER;

bool sy_pdf_sniff(const unsigned char *buf, size_t len)
{
	size_t n = len < 1024 ? len : 1024;
	for (size_t i = 0; i + 5 <= n; i++)
		if (!memcmp(buf + i, "%PDF-", 5))
			return true;
	return false;
}

/* One visual line of a page. */
struct vline {
	char *text;
	double x1, y1, x2, y2;
	unsigned page;  /* 1-based */
	size_t chars;   /* non-space characters */
	double first_w; /* width of its first unit: up to the first break between two Chinese characters */
	bool margin;    /* a running header or footer, or a page number */
};

struct vlines {
	struct vline *v;
	size_t n;
};

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static bool is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\r';
}

/* Chinese characters and punctuation: a line may break between any two of them. */
static bool cjk(uint32_t c)
{
	return c >= 0x2E80 && c != 0x3000 && c != 0xFEFF;
}

static bool ascii_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* One character of a line with its box (NULL when poppler gave none). */
struct glyph {
	uint32_t cp;
	const char *s;
	size_t len;
	const struct sy_pdf_box *r;
};

/* A space poppler puts where Word, WPS and LibreOffice only widen the gap
 * between Chinese text and Latin letters or digits (their automatic spacing,
 * about a quarter of a character): not in the text. A space typed there is
 * half a character wide or more, and stays. */
static bool autospace(const struct glyph *g, size_t n, size_t i)
{
	size_t a = i, b = i + 1;
	while (a > 0 && is_space_cp(g[a - 1].cp))
		a--;
	while (b < n && is_space_cp(g[b].cp))
		b++;
	if (a == 0 || b >= n || b - a > 1 + (i - a) || !g[a - 1].r || !g[b].r)
		return false;
	const struct glyph *p = &g[a - 1], *q = &g[b];
	bool mixed = (cjk(p->cp) && ascii_alnum(q->cp)) || (ascii_alnum(p->cp) && cjk(q->cp));
	double em = fmax(p->r->y2 - p->r->y1, q->r->y2 - q->r->y1);
	return mixed && b - a == 1 && q->r->x1 - p->r->x2 < 0.35 * em;
}

/* Fills the line's box, size and first unit from its glyphs. */
static void measure_line(struct vline *l, const struct glyph *g, size_t n)
{
	uint32_t prev = 0;
	bool in_first = true;
	double first_x1 = 0;
	for (size_t i = 0; i < n; i++) {
		if (is_space_cp(g[i].cp) || !g[i].r)
			continue;
		/* the first unit a line could have been broken after: up to the
		 * first place between two Chinese characters */
		if (in_first && l->chars && cjk(prev) && cjk(g[i].cp))
			in_first = false;
		if (!l->chars)
			first_x1 = g[i].r->x1;
		if (in_first)
			l->first_w = g[i].r->x2 - first_x1;
		prev = g[i].cp;
		l->chars++;
		l->x1 = fmin(l->x1, g[i].r->x1);
		l->y1 = fmin(l->y1, g[i].r->y1);
		l->x2 = fmax(l->x2, g[i].r->x2);
		l->y2 = fmax(l->y2, g[i].r->y2);
	}
}

/* Appends the line s (len bytes; rects from index ra, one per character) to out. */
static void add_vline(struct vlines *out, const char *s, size_t len, const struct sy_pdf_box *r, size_t ra,
		      size_t nr, unsigned page)
{
	struct glyph *g = xcalloc(len + 1, sizeof *g);
	size_t n = 0, k = ra, cl;
	for (size_t i = 0; i < len; i += cl, k++) {
		uint32_t cp = utf8_decode(s + i, len - i, &cl);
		g[n++] = (struct glyph){ cp, s + i, cl, k < nr ? &r[k] : NULL };
	}
	struct vline l = { .x1 = 1e9, .y1 = 1e9, .x2 = -1e9, .y2 = -1e9, .page = page };
	measure_line(&l, g, n);
	if (l.chars) {
		struct sy_buf text = {0};
		for (size_t i = 0; i < n; i++)
			if (!(g[i].cp == ' ' && autospace(g, n, i)))
				sy_buf_add(&text, g[i].s, g[i].len);
		while (text.len && (text.data[text.len - 1] == ' ' || text.data[text.len - 1] == '\r'))
			text.len--;
		l.text = xstrndup(text.data ? text.data : "", text.len);
		sy_buf_free(&text);
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		out->v[out->n++] = l;
	}
	free(g);
}

/* Splits a page's text into visual lines with their boxes. */
static void page_lines(struct vlines *out, const char *text, const struct sy_pdf_box *r, size_t nr, unsigned page)
{
	size_t k = 0, start = 0, start_k = 0, n = strlen(text), cl;
	for (size_t i = 0; i <= n; i += cl) {
		if (i == n || text[i] == '\n') {
			add_vline(out, text + start, i - start, r, start_k, nr, page);
			if (i == n)
				break;
			cl = 1;
			k++;
			start = i + 1;
			start_k = k;
			continue;
		}
		utf8_decode(text + i, n - i, &cl);
		k++;
	}
}

/* ---------------- pieces of one visual line ---------------- */

/* True when the squeezed text is nothing but a heading number (一、 （一） 1.). */
static bool only_marker(const char *text)
{
	char *sq = sy_squeeze(text);
	size_t ml = 0;
	bool yes = sy_heading_marker(sq, &ml) > 0 && ml == strlen(sq);
	free(sq);
	return yes;
}

/* Joins b onto a: a list number and its text, or the cells of a table row,
 * that poppler gave as separate lines on one baseline. */
static void merge_into(struct vline *a, struct vline *b, double em)
{
	const char *sep = only_marker(a->text) ? "" : b->x1 - a->x2 > 2 * em ? "\t" : " ";
	char *t = xasprintf("%s%s%s", a->text, sep, b->text);
	free(a->text);
	a->text = t;
	a->x2 = fmax(a->x2, b->x2);
	a->y1 = fmin(a->y1, b->y1);
	a->y2 = fmax(a->y2, b->y2);
	a->chars += b->chars;
	free(b->text);
	b->text = NULL;
}

/* Merges consecutive lines that share a baseline, left to right. */
static void merge_same_baseline(struct vlines *ls)
{
	size_t w = 0;
	for (size_t i = 0; i < ls->n; i++) {
		struct vline *b = &ls->v[i];
		if (w > 0) {
			struct vline *a = &ls->v[w - 1];
			double em = fmax(a->y2 - a->y1, b->y2 - b->y1);
			if (a->page == b->page && fabs(a->y2 - b->y2) < 0.3 * em && fabs(a->y1 - b->y1) < 0.5 * em &&
			    b->x1 >= a->x2 - 0.2 * em) {
				merge_into(a, b, em);
				continue;
			}
		}
		ls->v[w++] = *b;
	}
	ls->n = w;
}

/* ---------------- headers, footers, page numbers ---------------- */

/* — 3 —, -3-, 3, 第3页, 第3页共5页, 3/5, Page 3, 共5页第3页 (squeezed). */
static bool page_number_like(const char *text)
{
	char *sq = sy_squeeze(text);
	const char *p = sq;
	while (*p == '-' || *p == '_' || *p == '.' || !strncmp(p, "—", 3) || !strncmp(p, "–", 3) ||
	       !strncmp(p, "－", 3))
		p += (*p == '-' || *p == '_' || *p == '.') ? 1 : 3;
	bool yes = false;
	size_t d = strspn(p, "0123456789");
	if (d && d <= 4) {
		const char *q = p + d;
		if (*q == '/' && strspn(q + 1, "0123456789"))
			q += 1 + strspn(q + 1, "0123456789");
		while (*q == '-' || *q == '_' || *q == '.' || !strncmp(q, "—", 3) || !strncmp(q, "–", 3) ||
		       !strncmp(q, "－", 3))
			q += (*q == '-' || *q == '_' || *q == '.') ? 1 : 3;
		yes = !*q;
	}
	if (!yes && (!strncmp(sq, "第", 3) || !strncmp(sq, "共", 3))) {
		yes = strstr(sq, "页") && strlen(sq) <= 30;
		for (const char *c = sq; *c && yes; c++)
			yes = (*c >= '0' && *c <= '9') || (unsigned char)*c >= 0x80 || *c == '/';
	}
	if (!yes && (!strncmp(sq, "Page", 4) || !strncmp(sq, "page", 4)))
		yes = strspn(sq + 4, "0123456789of/") == strlen(sq + 4) && sq[4];
	free(sq);
	return yes;
}

/* The text of a line with its digits as '#': the same running header on every page. */
static char *shape_of(const char *text)
{
	char *sq = sy_squeeze(text);
	for (char *p = sq; *p; p++)
		if (*p >= '0' && *p <= '9')
			*p = '#';
	return sq;
}

/* How many pages have a margin line (top or bottom band) of this shape. */
static unsigned pages_with_shape(const struct vlines *ls, const bool *band, const char *shape)
{
	unsigned count = 0, last_page = 0;
	for (size_t i = 0; i < ls->n; i++) {
		if (!band[i] || ls->v[i].page == last_page)
			continue;
		char *s = shape_of(ls->v[i].text);
		if (!strcmp(s, shape)) {
			count++;
			last_page = ls->v[i].page;
		}
		free(s);
	}
	return count;
}

/* Marks the lines in a page's top or bottom 12% that are page numbers or
 * repeat on at least half the pages (two at least). */
static void mark_margins(struct vlines *ls, const double *page_h, unsigned npages)
{
	bool *band = xcalloc(ls->n + 1, sizeof *band);
	for (size_t i = 0; i < ls->n; i++) {
		const struct vline *l = &ls->v[i];
		double h = page_h[l->page - 1];
		band[i] = l->y2 <= h * 0.12 || l->y1 >= h * 0.88;
	}
	for (size_t i = 0; i < ls->n; i++) {
		if (!band[i])
			continue;
		if (page_number_like(ls->v[i].text)) {
			ls->v[i].margin = true;
			continue;
		}
		char *shape = shape_of(ls->v[i].text);
		unsigned pages = npages >= 2 ? pages_with_shape(ls, band, shape) : 0;
		ls->v[i].margin = pages >= 2 && pages * 2 >= npages;
		free(shape);
	}
	free(band);
}

/* ---------------- paragraphs ---------------- */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of n values (sorted in place). */
static double quantile(double *v, size_t n, double q)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	size_t i = (size_t)(q * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

/* The page's geometry as its body lines show it. */
struct layout {
	double left, right; /* margins: where lines start, where full lines end */
	double em;          /* a character's size */
	double pitch;       /* baseline to baseline */
};

static struct layout measure(const struct vlines *ls)
{
	double *x1 = xcalloc(ls->n + 1, sizeof *x1), *x2 = xcalloc(ls->n + 1, sizeof *x2);
	double *h = xcalloc(ls->n + 1, sizeof *h), *dy = xcalloc(ls->n + 1, sizeof *dy);
	size_t n = 0, ndy = 0;
	const struct vline *prev = NULL;
	for (size_t i = 0; i < ls->n; i++) {
		const struct vline *l = &ls->v[i];
		if (l->margin)
			continue;
		x1[n] = l->x1;
		x2[n] = l->x2;
		h[n++] = l->y2 - l->y1;
		if (prev && prev->page == l->page && l->y1 > prev->y1)
			dy[ndy++] = l->y1 - prev->y1;
		prev = l;
	}
	struct layout g = { quantile(x1, n, 0.05), quantile(x2, n, 0.9), quantile(h, n, 0.5), 0 };
	g.pitch = ndy ? quantile(dy, ndy, 0.3) : g.em * 1.5;
	if (g.em <= 0)
		g.em = 10;
	if (g.pitch < g.em)
		g.pitch = g.em * 1.2;
	free(x1);
	free(x2);
	free(h);
	free(dy);
	return g;
}

static bool ends_sentence(const char *text)
{
	char *n = sy_normalise(text);
	bool yes = sy_line_ends_sentence(n);
	free(n);
	return yes;
}

static bool starts_heading(const char *text)
{
	char *sq = sy_squeeze(text);
	size_t ml;
	bool yes = sy_heading_marker(sq, &ml) > 0;
	free(sq);
	return yes;
}

/* Does line b go on the paragraph that line a is in? It does when b's first
 * unit would not have fitted at the end of a (so it wrapped), b is not
 * indented, no gap parts them, and a is not a sentence before a heading. */
static bool continues(const struct layout *g, const struct vline *a, const struct vline *b)
{
	bool full = a->x2 + b->first_w > g->right - 0.3 * g->em;
	bool indented = b->x1 > g->left + 0.8 * g->em;
	bool gap = a->page == b->page && b->y1 - a->y1 > g->pitch * 1.5;
	if (!full || indented || gap)
		return false;
	return !(ends_sentence(a->text) && starts_heading(b->text));
}

/* Blank lines a gap between two lines on one page stands for. */
static int blank_lines(const struct layout *g, const struct vline *a, const struct vline *b)
{
	if (a->page != b->page || b->y1 - a->y1 <= g->pitch * 1.5)
		return 0;
	int k = (int)lround((b->y1 - a->y1) / g->pitch) - 1;
	return k < 1 ? 1 : k > 3 ? 3 : k;
}

static bool latin(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Joins line b's text to the paragraph: a space only between two Latin words. */
static void join(struct sy_buf *para, const char *text)
{
	if (para->len) {
		size_t k = para->len - 1, cl;
		while (k > 0 && ((unsigned char)para->data[k] & 0xC0) == 0x80)
			k--;
		uint32_t last = utf8_decode(para->data + k, para->len - k, &cl);
		uint32_t first = utf8_decode_str(text, &cl);
		if (latin(last) && latin(first))
			sy_buf_add(para, " ", 1);
	}
	sy_buf_puts(para, text);
}

static int emit_paragraphs(struct sy_doc *doc, const struct vlines *ls)
{
	struct layout g = measure(ls);
	struct sy_buf para = {0};
	size_t cap = 0;
	unsigned page = 0;
	const struct vline *prev = NULL;
	int rc = 0;
	for (size_t i = 0; i < ls->n && rc == 0; i++) {
		const struct vline *l = &ls->v[i];
		if (l->margin)
			continue;
		if (prev && !continues(&g, prev, l)) {
			rc = sy_doc_add_text(doc, &cap, para.data, para.len, 0, page);
			for (int k = blank_lines(&g, prev, l); k > 0 && rc == 0; k--)
				rc = sy_doc_add_text(doc, &cap, "", 0, 0, l->page);
			para.len = 0;
		}
		if (!para.len)
			page = l->page;
		join(&para, l->text);
		prev = l;
	}
	if (rc == 0 && para.len)
		rc = sy_doc_add_text(doc, &cap, para.data, para.len, 0, page);
	sy_buf_free(&para);
	return rc;
}

/* ---------------- reading ---------------- */

static void vlines_free(struct vlines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->v[i].text);
	free(ls->v);
}

/* A page with images and (almost) no text is a scan. */
static bool page_is_scan(PopplerPage *p, size_t chars)
{
	if (chars >= 5)
		return false;
	GList *images = poppler_page_get_image_mapping(p);
	bool scan = images != NULL;
	poppler_page_free_image_mapping(images);
	return scan;
}

static int open_document(PopplerDocument **out, const unsigned char *buf, size_t len, char *err, size_t errlen)
{
	GError *e = NULL;
	GBytes *bytes = g_bytes_new_static(buf, len);
	*out = poppler_document_new_from_bytes(bytes, NULL, &e);
	g_bytes_unref(bytes);
	if (*out)
		return 0;
	if (e && e->domain == POPPLER_ERROR && e->code == POPPLER_ERROR_ENCRYPTED)
		snprintf(err, errlen, _("encrypted PDF: it needs a password to open; ask the unit for a copy "
					"without one"));
	else
		snprintf(err, errlen, _("broken PDF: %s"), e && e->message ? e->message : "?");
	if (e)
		g_error_free(e);
	return -1;
}

int sy_pdf_text_stage(struct sy_doc *doc, const struct sy_pdf_page *pages, size_t npages, char *err, size_t errlen)
{
	struct vlines ls = {0};
	double *page_h = xcalloc(npages + 1, sizeof *page_h);
	for (size_t i = 0; i < npages; i++) {
		const struct sy_pdf_page *pg = &pages[i];
		page_h[i] = pg->height > 0 ? pg->height : 842;
		if (pg->scanned && !doc->scanned_pages++)
			doc->first_scanned_page = (unsigned)i + 1;
		if (pg->text)
			page_lines(&ls, pg->text, pg->box, pg->nbox, (unsigned)i + 1);
	}
	int rc = 0;
	if (ls.n == 0) {
		if (doc->scanned_pages)
			snprintf(err, errlen, _("scanned PDF: its %zu pages are images with no text layer; ask the unit "
						"for the Word file, or run OCR on it"), npages);
		else
			snprintf(err, errlen, _("no text in this PDF"));
		rc = -1;
	} else {
		merge_same_baseline(&ls);
		mark_margins(&ls, page_h, (unsigned)npages);
		if (emit_paragraphs(doc, &ls) != 0) {
			snprintf(err, errlen, _("more than %u lines: not a report"), SY_DOCIN_MAX_LINES);
			rc = -1;
		}
	}
	vlines_free(&ls);
	free(page_h);
	return rc;
}

/* Takes a page's text and character boxes from poppler. */
static void take_page(PopplerPage *p, struct sy_pdf_page *pg)
{
	double w;
	poppler_page_get_size(p, &w, &pg->height);
	char *text = poppler_page_get_text(p);
	PopplerRectangle *r = NULL;
	guint nr = 0;
	if (text && !poppler_page_get_text_layout(p, &r, &nr))
		nr = 0;
	struct sy_pdf_box *box = xcalloc((size_t)nr + 1, sizeof *box);
	for (guint k = 0; k < nr; k++)
		box[k] = (struct sy_pdf_box){ r[k].x1, r[k].y1, r[k].x2, r[k].y2 };
	pg->text = xstrdup(text ? text : "");
	pg->box = box;
	pg->nbox = nr;
	size_t chars = 0;
	for (const char *c = pg->text; *c; c++)
		chars += *c != ' ' && *c != '\n' && *c != '\r' && *c != '\t' && (*c & 0xC0) != 0x80;
	pg->scanned = page_is_scan(p, chars);
	g_free(r);
	g_free(text);
}

/* Reads every page's text and boxes, within the time allowed. */
static int read_pages(PopplerDocument *pd, struct sy_pdf_page *pages, int npages, const struct sy_pdf_limits *lim,
		      char *err, size_t errlen)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < npages; i++) {
		if (seconds_since(&t0) > lim->max_seconds) {
			snprintf(err, errlen, _("reading the PDF's text took more than %g s (stopped at page %d of %d)"),
				 lim->max_seconds, i + 1, npages);
			return -1;
		}
		PopplerPage *p = poppler_document_get_page(pd, i);
		if (!p)
			continue;
		take_page(p, &pages[i]);
		g_object_unref(p);
	}
	return 0;
}

int sy_pdf_read_with(struct sy_doc *doc, const unsigned char *buf, size_t len, const struct sy_pdf_limits *lim,
		     char *err, size_t errlen)
{
	pthread_mutex_lock(&poppler_lock);
	PopplerDocument *pd;
	int rc = open_document(&pd, buf, len, err, errlen);
	int npages = rc == 0 ? poppler_document_get_n_pages(pd) : 0;
	if (rc == 0 && npages > lim->max_pages) {
		snprintf(err, errlen, _("a PDF of %d pages: more than %d, not a report"), npages, lim->max_pages);
		rc = -1;
	}
	struct sy_pdf_page *pages = xcalloc((size_t)npages + 1, sizeof *pages);
	if (rc == 0)
		rc = read_pages(pd, pages, npages, lim, err, errlen);
	if (pd)
		g_object_unref(pd);
	pthread_mutex_unlock(&poppler_lock);
	if (rc == 0)
		rc = sy_pdf_text_stage(doc, pages, (size_t)npages, err, errlen);
	for (int i = 0; i < npages; i++) {
		free((char *)pages[i].text);
		free((struct sy_pdf_box *)pages[i].box);
	}
	free(pages);
	return rc;
}

int sy_pdf_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen)
{
	static const struct sy_pdf_limits lim = { SY_PDF_MAX_PAGES, SY_PDF_MAX_SECONDS };
	return sy_pdf_read_with(doc, buf, len, &lim, err, errlen);
}
