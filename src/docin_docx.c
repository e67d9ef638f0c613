/* .docx (WordprocessingML, as Word, WPS and LibreOffice save it): the main
 * document part streamed node by node. One paragraph is one line; Word's
 * automatic numbering is written out as shown; heading styles and outline
 * levels become the lines' style levels; a table row is one line of cells
 * separated by tabs. Text boxes, drawings, field codes and deleted text are
 * not body text (headers, footers and footnotes live in other parts, never
 * read). Tracked changes read as accepted, and are counted, as are comments. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docin_word.h"
#include "shenyue/i18n.h"
#include "shenyue/utf8.h"

#define CT_NS "http://schemas.openxmlformats.org/package/2006/content-types"
#define CT_MAIN "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#define CT_MACRO "application/vnd.ms-word.document.macroEnabled.main+xml"
#define CT_TEMPLATE "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
#define CT_MACRO_TEMPLATE "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
#define CT_STYLES "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
#define CT_NUMBERING "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"

/* Largest [Content_Types].xml looked at while sniffing. */
#define SNIFF_MAX (1u << 20)

static bool is_main_type(const char *t)
{
	return t && (!strcmp(t, CT_MAIN) || !strcmp(t, CT_MACRO) || !strcmp(t, CT_TEMPLATE) ||
		     !strcmp(t, CT_MACRO_TEMPLATE));
}

bool sy_docx_sniff(const unsigned char *buf, size_t len)
{
	char *ct = sy_zip_peek(buf, len, "[Content_Types].xml", SNIFF_MAX);
	bool yes = ct && (strstr(ct, CT_MAIN) || strstr(ct, CT_MACRO) || strstr(ct, CT_TEMPLATE) ||
			  strstr(ct, CT_MACRO_TEMPLATE));
	free(ct);
	return yes;
}

/* The package's part names, from [Content_Types].xml. */
struct parts {
	char *document, *styles, *numbering;
};

static void take_part(struct sy_xml *x, struct parts *p)
{
	char *type = sy_xml_attr(x, NULL, "ContentType"), *name = sy_xml_attr(x, NULL, "PartName");
	char **slot = is_main_type(type) ? &p->document : type && !strcmp(type, CT_STYLES) ? &p->styles
						   : type && !strcmp(type, CT_NUMBERING) ? &p->numbering : NULL;
	if (slot && name && !*slot)
		*slot = xstrdup(name + strspn(name, "/"));
	free(type);
	free(name);
}

/* Reads the part names; those not declared get Word's usual names. */
static void find_parts(const char *ct, size_t len, struct parts *p)
{
	struct sy_xml x;
	if (ct && sy_xml_open(&x, ct, len, "[Content_Types].xml") == 0) {
		while (sy_xml_next(&x) > 0)
			if (sy_xml_start(&x, CT_NS, "Override"))
				take_part(&x, p);
		sy_xml_close(&x);
	}
	if (!p->document)
		p->document = xstrdup("word/document.xml");
	if (!p->styles)
		p->styles = xstrdup("word/styles.xml");
	if (!p->numbering)
		p->numbering = xstrdup("word/numbering.xml");
}

static void parts_free(struct parts *p)
{
	free(p->document);
	free(p->styles);
	free(p->numbering);
}

/* ---------------- the body ---------------- */

struct body {
	struct sy_doc *doc;
	size_t cap;
	struct sy_xml *x;
	const struct word_styles *styles;
	struct word_numbering *num;
	/* the paragraph being read */
	struct sy_buf text;
	struct sy_buf carry; /* paragraphs whose mark was deleted or hidden join the next */
	char *pstyle;
	int num_id, ilvl, outline;
	bool in_ppr, in_mark, mark_gone, in_rpr, run_hidden, in_t;
	/* tables: a row of the outermost table is one line */
	int tables;
	struct sy_buf row;
	int cells;
	bool cell_has_text, in_trpr, row_deleted;
	/* what a reviewer hears of: the first one's line is set when its line is made */
	bool revision_pending, comment_pending;
	bool too_long;
};

static void revision(struct body *b)
{
	b->doc->revisions++;
	if (!b->doc->revision_line)
		b->revision_pending = true;
}

static void comment(struct body *b)
{
	b->doc->comments++;
	if (!b->doc->comment_line)
		b->comment_pending = true;
}

/* Visible text of the current run goes into the paragraph. */
static void add_text(struct body *b, const char *s, size_t n)
{
	if (!b->run_hidden)
		sy_buf_add(&b->text, s, n);
}

/* Makes a line (or lines, at line breaks) of the document. */
static void emit(struct body *b, const char *s, size_t n, int style)
{
	if (b->revision_pending) {
		b->doc->revision_line = b->doc->nlines + 1;
		b->revision_pending = false;
	}
	if (b->comment_pending) {
		b->doc->comment_line = b->doc->nlines + 1;
		b->comment_pending = false;
	}
	if (sy_doc_add_text(b->doc, &b->cap, s ? s : "", n, style, 0) != 0)
		b->too_long = true;
}

static void para_begin(struct body *b)
{
	b->text.len = 0;
	free(b->pstyle);
	b->pstyle = NULL;
	b->num_id = b->ilvl = b->outline = -1;
	b->mark_gone = b->in_ppr = b->in_mark = false;
}

/* The paragraph as shown: text carried from merged paragraphs, the number Word writes, its text. */
static void para_end(struct body *b)
{
	if (b->mark_gone) {
		sy_buf_add(&b->carry, b->text.data ? b->text.data : "", b->text.len);
		b->text.len = 0;
		return;
	}
	struct word_para_props sp = word_style_props(b->styles, b->pstyle);
	int num_id = b->num_id >= 0 ? b->num_id : sp.num_id;
	int ilvl = b->ilvl >= 0 ? b->ilvl : sp.ilvl;
	int outline = b->outline >= 0 ? b->outline : sp.outline;
	struct sy_buf line = {0};
	sy_buf_add(&line, b->carry.data ? b->carry.data : "", b->carry.len);
	if (num_id > 0) {
		const char *chain[8];
		size_t nchain = word_style_chain(b->styles, b->pstyle, chain, 8);
		word_numbering_next(b->num, num_id, ilvl, chain, nchain, &line);
	}
	sy_buf_add(&line, b->text.data ? b->text.data : "", b->text.len);
	b->carry.len = 0;
	b->text.len = 0;
	if (b->tables > 0) {
		if (b->cell_has_text && line.len)
			sy_buf_add(&b->row, " ", 1);
		sy_buf_add(&b->row, line.data ? line.data : "", line.len);
		b->cell_has_text |= line.len > 0;
	} else {
		emit(b, line.data, line.len, outline >= 0 && outline <= 8 ? outline + 1 : 0);
	}
	sy_buf_free(&line);
}

static void row_begin(struct body *b)
{
	b->row.len = 0;
	b->cells = 0;
	b->row_deleted = false;
}

static void row_end(struct body *b)
{
	if (!b->row_deleted)
		emit(b, b->row.data, b->row.len, 0);
	b->row.len = 0;
}

/* A w:sym character: symbol fonts use the private use area, which says nothing in text. */
static void add_sym(struct body *b)
{
	char *c = word_attr(b->x, "char");
	unsigned long cp = c ? strtoul(c, NULL, 16) : 0;
	free(c);
	if (cp >= 0x20 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && !(cp >= 0xE000 && cp <= 0xF8FF)) {
		char tmp[4];
		add_text(b, tmp, utf8_encode((uint32_t)cp, tmp));
	}
}

static void add_break(struct body *b)
{
	char *type = word_attr(b->x, "type");
	bool line = !type || !strcmp(type, "textWrapping");
	free(type);
	if (line) /* a page or column break ends no paragraph */
		add_text(b, "\n", 1);
}

/* Elements whose content is never body text. */
static bool skipped(const char *n)
{
	static const char *const names[] = {
		"delText", "delInstrText", "instrText", "txbxContent", "pict", "drawing", "object",
		"sectPr", "tblPr", "tblGrid", "tcPr", "sdtPr", "sdtEndPr", "rt", "customXmlPr",
		"smartTagPr", "fldData", "tabs", "footnotePr", "endnotePr", "altChunk",
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(n, names[i]))
			return true;
	return false;
}

/* Property changes tracked as revisions: their content is the old properties. */
static bool property_change(const char *n)
{
	size_t l = strlen(n);
	return l > 6 && !strcmp(n + l - 6, "Change");
}

/* w:del / w:moveFrom: in a paragraph mark it merges the paragraph with the next,
 * in a row's properties it removes the row, elsewhere its content is dropped. */
static void on_deletion(struct body *b)
{
	revision(b);
	if (b->in_mark)
		b->mark_gone = true;
	else if (b->in_trpr)
		b->row_deleted = true;
	else
		sy_xml_skip(b->x);
}

/* Paragraph properties: style, numbering, outline level, the mark's run properties. */
static bool on_para_prop(struct body *b, const char *n)
{
	if (!b->in_ppr)
		return false;
	if (!strcmp(n, "pStyle") && !b->in_mark) {
		free(b->pstyle);
		b->pstyle = word_attr(b->x, "val");
	} else if (!strcmp(n, "numId")) {
		b->num_id = word_int(b->x, "val", 0, 1 << 30, -1);
	} else if (!strcmp(n, "ilvl")) {
		b->ilvl = word_int(b->x, "val", 0, 8, -1);
	} else if (!strcmp(n, "outlineLvl")) {
		b->outline = word_int(b->x, "val", 0, 9, -1);
	} else if (!strcmp(n, "rPr")) {
		b->in_mark = true;
	} else if (!strcmp(n, "vanish") && b->in_mark) {
		b->mark_gone |= word_on(b->x);
	} else {
		return false;
	}
	return true;
}

/* Runs and what they hold. */
static bool on_run_content(struct body *b, const char *n)
{
	if (!strcmp(n, "r")) {
		b->run_hidden = false;
	} else if (!strcmp(n, "rPr")) {
		b->in_rpr = true;
	} else if (!strcmp(n, "vanish") && b->in_rpr) {
		b->run_hidden = word_on(b->x);
	} else if (!strcmp(n, "t")) {
		b->in_t = true;
	} else if (!strcmp(n, "tab") || !strcmp(n, "ptab")) {
		add_text(b, "\t", 1);
	} else if (!strcmp(n, "br")) {
		add_break(b);
	} else if (!strcmp(n, "cr")) {
		add_text(b, "\n", 1);
	} else if (!strcmp(n, "noBreakHyphen")) {
		add_text(b, "-", 1);
	} else if (!strcmp(n, "sym")) {
		add_sym(b);
	} else {
		return false;
	}
	return true;
}

static void on_table(struct body *b, const char *n)
{
	if (!strcmp(n, "tbl")) {
		if (b->tables++ == 0)
			row_begin(b);
	} else if (!strcmp(n, "tr") && b->tables == 1) {
		row_begin(b);
	} else if (!strcmp(n, "trPr") && b->tables == 1) {
		b->in_trpr = true;
	} else if (!strcmp(n, "tc") && b->tables == 1) {
		if (b->cells++ > 0)
			sy_buf_add(&b->row, "\t", 1);
		b->cell_has_text = false;
	}
}

static void on_start(struct body *b)
{
	const char *n = b->x->local;
	if (!strcmp(n, "p"))
		para_begin(b);
	else if (!strcmp(n, "pPr"))
		b->in_ppr = true;
	else if (!strcmp(n, "del") || !strcmp(n, "moveFrom"))
		on_deletion(b);
	else if (!strcmp(n, "ins") || !strcmp(n, "moveTo"))
		revision(b);
	else if (property_change(n))
		revision(b), sy_xml_skip(b->x);
	else if (!strcmp(n, "commentReference"))
		comment(b);
	else if (skipped(n))
		sy_xml_skip(b->x);
	else if (!on_para_prop(b, n) && !on_run_content(b, n))
		on_table(b, n);
}

static void on_end(struct body *b)
{
	const char *n = b->x->local;
	if (!strcmp(n, "p"))
		para_end(b);
	else if (!strcmp(n, "pPr"))
		b->in_ppr = b->in_mark = false;
	else if (!strcmp(n, "rPr"))
		b->in_mark = b->in_rpr = false;
	else if (!strcmp(n, "t"))
		b->in_t = false;
	else if (!strcmp(n, "r"))
		b->run_hidden = b->in_rpr = false;
	else if (!strcmp(n, "trPr"))
		b->in_trpr = false;
	else if (!strcmp(n, "tr") && b->tables == 1)
		row_end(b);
	else if (!strcmp(n, "tbl") && b->tables > 0)
		b->tables--;
}

/* Text inside w:t: line ends in it are spaces to Word. */
static void on_text(struct body *b, const char *s)
{
	for (const char *p = s; *p;) {
		size_t k = strcspn(p, "\r\n");
		add_text(b, p, k);
		p += k;
		if (*p) {
			add_text(b, " ", 1);
			p++;
		}
	}
}

/* True for an mc:Fallback: the same content as its mc:Choice, in older markup. */
static bool is_fallback(const struct sy_xml *x)
{
	return sy_xml_start(x, MC_NS, "Fallback");
}

static int stream_body(struct body *b)
{
	struct sy_xml *x = b->x;
	int rc;
	while ((rc = sy_xml_next(x)) > 0 && !b->too_long) {
		if (x->type == SY_XML_ELEMENT && is_fallback(x)) {
			sy_xml_skip(x);
			continue;
		}
		if (x->type == SY_XML_ELEMENT && word_ns(x))
			on_start(b);
		if (sy_xml_end(x, NULL, x->local) && word_ns(x))
			on_end(b);
		else if (b->in_t && sy_xml_text(x))
			on_text(b, sy_xml_text(x));
	}
	return rc;
}

int sy_docx_read_parts(struct sy_doc *doc, const struct sy_docx_parts *p, char *err, size_t errlen)
{
	struct word_styles *styles = word_styles_parse(p->styles, p->styles_len, err, errlen);
	struct word_numbering *num = styles ? word_numbering_parse(p->numbering, p->numbering_len, err, errlen) : NULL;
	struct sy_xml x;
	if (!styles || !num || sy_xml_open(&x, p->document, p->document_len, "word/document.xml") != 0) {
		if (styles && num)
			snprintf(err, errlen, "%s", x.err);
		word_styles_free(styles);
		word_numbering_free(num);
		return -1;
	}
	struct body b = { .doc = doc, .x = &x, .styles = styles, .num = num };
	para_begin(&b);
	int rc = stream_body(&b);
	if (rc < 0)
		snprintf(err, errlen, "%s", x.err);
	else if (b.too_long)
		snprintf(err, errlen, _("more than %u lines: not a report"), SY_DOCIN_MAX_LINES);
	if (b.revision_pending || b.comment_pending) {
		if (b.revision_pending)
			doc->revision_line = doc->nlines;
		if (b.comment_pending)
			doc->comment_line = doc->nlines;
	}
	sy_xml_close(&x);
	sy_buf_free(&b.text);
	sy_buf_free(&b.carry);
	sy_buf_free(&b.row);
	free(b.pstyle);
	word_styles_free(styles);
	word_numbering_free(num);
	return rc < 0 || b.too_long ? -1 : 0;
}

/* Reads an optional part; a broken or refused one is an error, a missing one is not. */
static int read_part(struct sy_zip *z, const char *name, char **data, size_t *len, bool required,
		     char *err, size_t errlen)
{
	int rc = sy_zip_read(z, name, data, len, err, errlen);
	if (rc == 0 && required)
		snprintf(err, errlen, _("no %s in this Word document"), name);
	return rc < 0 || (rc == 0 && required) ? -1 : 0;
}

int sy_docx_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen)
{
	struct sy_zip *z = sy_zip_open(buf, len, err, errlen);
	if (!z)
		return -1;
	char *ct = NULL;
	size_t ctlen = 0;
	struct parts names = {0};
	struct sy_docx_parts p = {0};
	int rc = read_part(z, "[Content_Types].xml", &ct, &ctlen, true, err, errlen);
	if (rc == 0) {
		find_parts(ct, ctlen, &names);
		rc = read_part(z, names.document, (char **)&p.document, &p.document_len, true, err, errlen);
	}
	if (rc == 0)
		rc = read_part(z, names.styles, (char **)&p.styles, &p.styles_len, false, err, errlen);
	if (rc == 0)
		rc = read_part(z, names.numbering, (char **)&p.numbering, &p.numbering_len, false, err, errlen);
	if (rc == 0)
		rc = sy_docx_read_parts(doc, &p, err, errlen);
	free(ct);
	free((char *)p.document);
	free((char *)p.styles);
	free((char *)p.numbering);
	parts_free(&names);
	sy_zip_close(z);
	return rc;
}
