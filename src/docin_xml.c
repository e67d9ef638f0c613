/* Streaming the XML parts of documents with libxml2's xmlTextReader: one node
 * at a time, never a tree. Untrusted input: no network (XML_PARSE_NONET), no
 * DTD loading and no entity substitution; a document with a DTD at all is
 * refused (Office and ODF parts never have one), nesting is bounded, and
 * parser errors are kept for the message instead of printed. */
#include "config.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "shenyue/docin_reader.h"
#include "shenyue/i18n.h"
#include "shenyue/xalloc.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void quiet_generic(void *ctx, const char *msg, ...)
{
}

static void init_once(void)
{
	xmlInitParser();
}

void sy_xml_init(void)
{
	pthread_once(&xml_once, init_once);
	/* libxml2's error globals are per thread: silence this one */
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlSetStructuredErrorFunc(NULL, NULL);
}

/* Keeps the first error the parser reports, with its line. */
static void keep_error(void *arg, xmlErrorPtr e)
{
	struct sy_xml *x = arg;
	if (x->err[0] || !e || e->level < XML_ERR_ERROR)
		return;
	char msg[200];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "?");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	snprintf(x->err, sizeof x->err, _("%s: malformed XML at line %d: %s"), x->part, e->line, msg);
}

/* True when the prolog (before the first element) declares a DTD: refused
 * before the parser reads it, so no entity of it is ever expanded. */
static bool has_doctype(const char *s, size_t n)
{
	const char *end = s + n;
	while (s < end) {
		while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || (unsigned char)*s >= 0x80))
			s++;
		size_t left = (size_t)(end - s);
		if (left >= 9 && !memcmp(s, "<!DOCTYPE", 9))
			return true;
		const char *close = left >= 2 && !memcmp(s, "<?", 2) ? "?>" : left >= 4 && !memcmp(s, "<!--", 4) ? "-->" : NULL;
		if (!close)
			return false;
		const char *p = memmem(s, left, close, strlen(close));
		if (!p)
			return false;
		s = p + strlen(close);
	}
	return false;
}

int sy_xml_open(struct sy_xml *x, const char *data, size_t len, const char *part)
{
	memset(x, 0, sizeof *x);
	x->part = part;
	sy_xml_init();
	if (len > (size_t)INT_MAX) {
		snprintf(x->err, sizeof x->err, _("%s is too large"), part);
		return -1;
	}
	if (has_doctype(data, len)) {
		snprintf(x->err, sizeof x->err, _("%s declares a DTD, which documents never need: not read"), part);
		return -1;
	}
	xmlTextReaderPtr r = xmlReaderForMemory(data, (int)len, part, NULL,
						XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!r) {
		snprintf(x->err, sizeof x->err, _("%s: cannot start the XML parser"), part);
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(r, keep_error, x);
	x->reader = r;
	return 0;
}

/* Fills the fields describing the node the reader is on; refuses a DTD and
 * nesting past the limit. */
static int describe(struct sy_xml *x)
{
	xmlTextReaderPtr r = x->reader;
	x->type = xmlTextReaderNodeType(r);
	x->depth = xmlTextReaderDepth(r);
	x->empty = x->type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(r) == 1;
	const xmlChar *l = xmlTextReaderConstLocalName(r), *ns = xmlTextReaderConstNamespaceUri(r);
	x->local = l ? (const char *)l : "";
	x->ns = ns ? (const char *)ns : "";
	if (x->type == XML_READER_TYPE_DOCUMENT_TYPE || x->type == XML_READER_TYPE_ENTITY_REFERENCE) {
		snprintf(x->err, sizeof x->err, _("%s declares a DTD, which documents never need: not read"),
			 x->part);
		return -1;
	}
	if (x->depth > SY_DOCIN_MAX_DEPTH) {
		snprintf(x->err, sizeof x->err, _("%s nests elements more than %d deep: not read"), x->part,
			 SY_DOCIN_MAX_DEPTH);
		return -1;
	}
	return 1;
}

int sy_xml_next(struct sy_xml *x)
{
	if (!x->reader)
		return -1;
	bool skip = x->skip && x->type == XML_READER_TYPE_ELEMENT && !x->empty;
	x->skip = false;
	int rc = skip ? xmlTextReaderNext(x->reader) : xmlTextReaderRead(x->reader);
	if (rc < 0 || x->err[0]) {
		if (!x->err[0])
			snprintf(x->err, sizeof x->err, _("%s: malformed XML"), x->part);
		return -1;
	}
	if (rc == 0)
		return 0;
	return describe(x);
}

void sy_xml_skip(struct sy_xml *x)
{
	x->skip = true;
}

bool sy_xml_start(const struct sy_xml *x, const char *ns, const char *local)
{
	return x->type == XML_READER_TYPE_ELEMENT && !strcmp(x->local, local) && (!ns || !strcmp(x->ns, ns));
}

bool sy_xml_end(const struct sy_xml *x, const char *ns, const char *local)
{
	bool end = x->type == XML_READER_TYPE_END_ELEMENT || (x->type == XML_READER_TYPE_ELEMENT && x->empty);
	return end && !strcmp(x->local, local) && (!ns || !strcmp(x->ns, ns));
}

const char *sy_xml_text(const struct sy_xml *x)
{
	if (x->type != XML_READER_TYPE_TEXT && x->type != XML_READER_TYPE_CDATA &&
	    x->type != XML_READER_TYPE_SIGNIFICANT_WHITESPACE && x->type != XML_READER_TYPE_WHITESPACE)
		return NULL;
	return (const char *)xmlTextReaderConstValue(x->reader);
}

char *sy_xml_attr(const struct sy_xml *x, const char *ns, const char *local)
{
	xmlChar *v = ns ? xmlTextReaderGetAttributeNs(x->reader, (const xmlChar *)local, (const xmlChar *)ns)
			: xmlTextReaderGetAttribute(x->reader, (const xmlChar *)local);
	if (!v)
		return NULL;
	char *copy = xstrdup((const char *)v);
	xmlFree(v);
	return copy;
}

void sy_xml_close(struct sy_xml *x)
{
	if (x->reader)
		xmlFreeTextReader(x->reader);
	x->reader = NULL;
}
