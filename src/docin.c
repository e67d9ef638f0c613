/* The reader table: one row per format, the kind decided by content (magic
 * bytes, the zip's mimetype or [Content_Types].xml), never by the name alone. */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "shenyue/docin.h"
#include "shenyue/docin_reader.h"
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

enum sy_doc_kind sy_reader_kind_of_name(const char *name)
{
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sy_nreaders; i++)
		for (const char *const *e = sy_readers[i].extensions; *e; e++)
			if (!strcasecmp(dot + 1, *e))
				return sy_readers[i].kind;
	return SY_KIND_TEXT;
}

char *sy_reader_extension_list(void)
{
	struct sy_buf b = {0};
	for (size_t i = 0; i < sy_nreaders; i++)
		for (const char *const *e = sy_readers[i].extensions; *e; e++)
			sy_buf_printf(&b, "%s*.%s", b.len ? " " : "", *e);
	return sy_buf_steal(&b);
}
