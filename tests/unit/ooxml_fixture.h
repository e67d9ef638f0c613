/* Reading back what the .docx and .xlsx writers produce: the parts of a zip
 * archive, parsed with libxml2, queried with XPath; and LibreOffice as an
 * oracle when it is installed (converting to PDF must work). */
#ifndef SHENYUE_OOXML_FIXTURE_H
#define SHENYUE_OOXML_FIXTURE_H

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <sys/wait.h>
#include <zip.h>

#include "review_fixture.h"

/* Returns the bytes of part name of the zip archive in data (NUL-terminated,
 * *len bytes), or NULL when the archive or the part is missing. */
static inline char *ox_part(const char *data, size_t size, const char *name, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, size, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
	zip_error_fini(&ze);
	if (!za) {
		if (src)
			zip_source_free(src);
		return NULL;
	}
	zip_stat_t st;
	char *out = NULL;
	zip_file_t *f = zip_stat(za, name, 0, &st) == 0 ? zip_fopen(za, name, 0) : NULL;
	if (f) {
		out = xcalloc(st.size + 1, 1);
		if (zip_fread(f, out, st.size) != (zip_int64_t)st.size) {
			free(out);
			out = NULL;
		}
		zip_fclose(f);
		if (len)
			*len = st.size;
	}
	zip_close(za);
	return out;
}

/* Returns the names of every entry of the archive, one per line. */
static inline char *ox_names(const char *data, size_t size)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, size, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
	zip_error_fini(&ze);
	if (!za) {
		if (src)
			zip_source_free(src);
		return NULL;
	}
	struct sy_buf b = {0};
	for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); i++)
		sy_buf_printf(&b, "%s\n", zip_get_name(za, (zip_uint64_t)i, 0));
	zip_close(za);
	return sy_buf_steal(&b);
}

/* Parses part name as XML; fails the test when it is missing or malformed. */
static inline xmlDocPtr ox_xml(const char *data, size_t size, const char *name)
{
	size_t len = 0;
	char *text = ox_part(data, size, name, &len);
	if (!text)
		fail_msg("%s: not in the archive", name);
	xmlDocPtr doc = xmlReadMemory(text, (int)len, name, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR);
	free(text);
	if (!doc)
		fail_msg("%s: not well-formed XML", name);
	return doc;
}

/* Evaluates an XPath expression (prefixes w, r, ct, rel, x, cp, dc) and
 * returns its string value, newly allocated ("" when nothing matches). */
static inline char *ox_str(xmlDocPtr doc, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, BAD_CAST "w", BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
	xmlXPathRegisterNs(ctx, BAD_CAST "r", BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
	xmlXPathRegisterNs(ctx, BAD_CAST "ct", BAD_CAST "http://schemas.openxmlformats.org/package/2006/content-types");
	xmlXPathRegisterNs(ctx, BAD_CAST "rel", BAD_CAST "http://schemas.openxmlformats.org/package/2006/relationships");
	xmlXPathRegisterNs(ctx, BAD_CAST "x", BAD_CAST "http://schemas.openxmlformats.org/spreadsheetml/2006/main");
	xmlXPathRegisterNs(ctx, BAD_CAST "cp",
			   BAD_CAST "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	xmlXPathRegisterNs(ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	if (!o)
		fail_msg("bad XPath: %s", xpath);
	xmlChar *s = xmlXPathCastToString(o);
	char *out = xstrdup((const char *)s);
	xmlFree(s);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return out;
}

/* Asserts that an XPath expression has the string value want. */
#define ox_assert_str(doc, xpath, want)                                                         \
	do {                                                                                    \
		char *got_ = ox_str(doc, xpath);                                                \
		if (strcmp(got_, want))                                                         \
			fail_msg("%s: got \"%s\", want \"%s\"", xpath, got_, want);            \
		free(got_);                                                                     \
	} while (0)

/* Returns the number value of an XPath expression such as count(...). */
static inline long ox_num(xmlDocPtr doc, const char *xpath)
{
	char *s = ox_str(doc, xpath);
	long v = strtol(s, NULL, 10);
	free(s);
	return v;
}

/* Every text run of document.xml joined, paragraphs separated by '\n'. */
static inline char *ox_docx_text(xmlDocPtr doc)
{
	struct sy_buf b = {0};
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, BAD_CAST "w", BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST "//w:body//w:p", ctx);
	for (int i = 0; o && o->nodesetval && i < o->nodesetval->nodeNr; i++) {
		xmlXPathObjectPtr t = xmlXPathNodeEval(o->nodesetval->nodeTab[i], BAD_CAST ".//w:t", ctx);
		for (int k = 0; t && t->nodesetval && k < t->nodesetval->nodeNr; k++) {
			xmlChar *s = xmlNodeGetContent(t->nodesetval->nodeTab[k]);
			sy_buf_puts(&b, (const char *)s);
			xmlFree(s);
		}
		xmlXPathFreeObject(t);
		sy_buf_puts(&b, "\n");
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return sy_buf_steal(&b);
}

/* LibreOffice as the oracle: converts path to PDF in outdir with a profile
 * of its own (so parallel runs do not clash). Returns 1 when it converted,
 * 0 when LibreOffice is not installed (said on stderr, loudly), and fails
 * the test when the conversion failed. */
static inline int ox_soffice_pdf(const char *path, const char *outdir)
{
	if (system("command -v soffice >/dev/null 2>&1") != 0) {
		fprintf(stderr, "SKIPPED: LibreOffice (soffice) is not installed: %s was not opened in it\n", path);
		return 0;
	}
	char *profile = xasprintf("%s/lo-profile", outdir);
	char *cmd = xasprintf("timeout 180 soffice -env:UserInstallation=file://%s --headless --norestore "
			      "--convert-to pdf --outdir '%s' '%s' >'%s/soffice.log' 2>&1",
			      profile, outdir, path, outdir);
	int rc = system(cmd);
	free(cmd);
	free(profile);
	if (rc != 0)
		fail_msg("soffice could not convert %s (exit %d)", path, WIFEXITED(rc) ? WEXITSTATUS(rc) : -1);
	return 1;
}

#endif
