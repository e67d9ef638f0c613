/* The reader table: one row per format, the kind decided by content (magic
 * bytes, the zip's mimetype or [Content_Types].xml), never by the name alone.
 * And the one way readers turn text into the doc's lines. */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "shenyue/docin.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"


static bool sniff_any(const unsigned char *buf, size_t len)
{
	return true;
}

static const char *const docx_ext[] = { "docx", "docm", "dotx", NULL };
static const char *const odt_ext[] = { "odt", "ott", NULL };
static const char *const pdf_ext[] = { "pdf", NULL };
static const char *const html_ext[] = { "html", "htm", "shtml", "xhtml", NULL };
static const char *const legacy_ext[] = { "doc", "wps", "rtf", "dot", "wpt", NULL };
static const char *const text_ext[] = { "txt", NULL };

const struct sy_reader sy_readers[] = {
	{ SY_KIND_DOCX, "docx", docx_ext, sy_docx_sniff, sy_docx_read },
	{ SY_KIND_ODT, "odt", odt_ext, sy_odt_sniff, sy_odt_read },
	{ SY_KIND_PDF, "pdf", pdf_ext, sy_pdf_sniff, sy_pdf_read },
	{ SY_KIND_DOC, "doc", legacy_ext, sy_legacy_sniff, sy_legacy_read },
	{ SY_KIND_HTML, "html", html_ext, sy_html_sniff, sy_html_read },
	{ SY_KIND_TEXT, "text", text_ext, sniff_any, sy_text_read },
};
const size_t sy_nreaders = sizeof sy_readers / sizeof *sy_readers;

const struct sy_reader *sy_reader_sniff(const unsigned char *buf, size_t len)
{
	for (size_t i = 0; i + 1 < sy_nreaders; i++)
		if (sy_readers[i].sniff(buf, len))
			return &sy_readers[i];
	return &sy_readers[sy_nreaders - 1];
}

const struct sy_reader *sy_reader_of(enum sy_doc_kind kind)
{
	for (size_t i = 0; i < sy_nreaders; i++)
		if (sy_readers[i].kind == kind)
			return &sy_readers[i];
	return &sy_readers[sy_nreaders - 1];
}

bool sy_reader_wants_name(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (name[0] == '.' || !strncmp(name, "~$", 2) || !dot || dot == name)
		return false;
	for (size_t i = 0; i < sy_nreaders; i++)
		for (const char *const *e = sy_readers[i].extensions; *e; e++)
			if (!strcasecmp(dot + 1, *e))
				return true;
	return false;
}

char *sy_reader_extension_list(void)
{
	struct sy_buf b = {0};
	for (size_t i = 0; i < sy_nreaders; i++)
		for (const char *const *e = sy_readers[i].extensions; *e; e++)
			sy_buf_printf(&b, "%s*.%s", b.len ? " " : "", *e);
	return sy_buf_steal(&b);
}

/* Grows the per-line extra array *a (when it exists or v is not 0) to cap entries. */
static void *grow_extra(void *a, size_t old_cap, size_t cap, size_t sz, bool needed)
{
	if (!a && !needed)
		return NULL;
	char *p = xreallocarray(a, cap, sz);
	size_t from = a ? old_cap : 0;
	memset(p + from * sz, 0, (cap - from) * sz);
	return p;
}

/* Appends one clean line with its extras. */
static void add_clean_line(struct sy_doc *doc, size_t *cap, const char *s, size_t n, int style,
			   unsigned page)
{
	size_t old_cap = *cap;
	sy_doc_push_line(doc, cap, s, n);
	size_t i = doc->nlines - 1;
	if (*cap != old_cap || (!doc->style_level && style) || (!doc->page && page)) {
		doc->style_level = grow_extra(doc->style_level, old_cap, *cap, 1, style != 0);
		doc->page = grow_extra(doc->page, old_cap, *cap, sizeof(unsigned), page != 0);
	}
	if (doc->style_level)
		doc->style_level[i] = (unsigned char)(style > 9 ? 9 : style < 0 ? 0 : style);
	if (doc->page) {
		doc->page[i] = page;
		doc->npage = doc->nlines;
	}
}

/* A line separator: LF, CR, U+2028, U+2029 (returns its length in bytes, or 0). */
static size_t line_break_at(const char *s, size_t n)
{
	if (*s == '\n' || *s == '\r')
		return 1;
	if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9))
		return 3;
	return 0;
}

int sy_doc_add_text(struct sy_doc *doc, size_t *cap, const char *s, size_t n, int style, unsigned page)
{
	struct sy_buf line = {0};
	int rc = 0;
	for (size_t i = 0;; ) {
		size_t br = i < n ? line_break_at(s + i, n - i) : 0;
		if (i == n || br) {
			if (doc->nlines >= SY_DOCIN_MAX_LINES) {
				rc = -1;
				break;
			}
			add_clean_line(doc, cap, line.data ? line.data : "", line.len, style, page);
			style = 0;
			line.len = 0;
			if (i == n)
				break;
			i += br;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 || c == '\t')
			sy_buf_add(&line, s + i, 1);
		i++;
	}
	sy_buf_free(&line);
	return rc;
}
