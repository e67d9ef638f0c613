/* What the document readers (src/docin_*.c) share, below the reader table
 * (docin.h) that lists them: the limits on what a submitted document may make
 * us do, the one way text becomes a doc's lines, each format's sniff and read
 * (the table's rows), and the zip, XML and numbering helpers. The .docx
 * writers use the numbering formats too, for counts in Chinese. */
#ifndef SHENYUE_DOCIN_READER_H
#define SHENYUE_DOCIN_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/doc.h"

struct sy_buf;

/* Limits on what a submitted document may make us do (zip bombs, deep XML...). */
#define SY_DOCIN_MAX_PART (64u * 1024 * 1024)    /* bytes of one uncompressed zip member */
#define SY_DOCIN_MAX_RATIO 200                   /* uncompressed / compressed, past 1 MiB */
#define SY_DOCIN_MAX_DEPTH 160                   /* XML element nesting (libxml2 stops at 256) */
#define SY_DOCIN_MAX_LINES 200000                /* lines of one document */

/* Appends n bytes of UTF-8 text as lines of doc: '\n' (or U+2028/U+2029)
 * starts another line; C0 controls other than tab are dropped, CR ends a
 * line. style is the first line's heading style level (1..9, 0 none), page
 * its 1-based page (0 none). *cap tracks the allocation (start at 0).
 * Returns -1 once the document has SY_DOCIN_MAX_LINES lines, else 0. */
int sy_doc_add_text(struct sy_doc *doc, size_t *cap, const char *s, size_t n, int style, unsigned page);
/* Appends one line exactly as given (no splitting, no cleaning). */
void sy_doc_push_line(struct sy_doc *doc, size_t *cap, const char *s, size_t n);
/* The rows of the table: each format's sniff and read (see struct sy_reader:
 * sniff is true when buf is in that format; read fills doc and returns 0, or
 * -1 with a one-sentence reason in err). */
/* True when buf is a zip whose [Content_Types].xml names a Word document. */
bool sy_docx_sniff(const unsigned char *buf, size_t len);
/* Reads a .docx: one paragraph a line, Word's numbering rebuilt. */
int sy_docx_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen);
/* True when buf is a zip whose mimetype is an OpenDocument text. */
bool sy_odt_sniff(const unsigned char *buf, size_t len);
/* Reads an .odt: one paragraph or heading a line, list numbers rebuilt. */
int sy_odt_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen);
/* True when buf (after a BOM and blanks) opens with HTML markup. */
bool sy_html_sniff(const unsigned char *buf, size_t len);
/* Reads a saved web page: its text, one block a line, in its declared charset. */
int sy_html_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen);
/* True when "%PDF-" is in buf's first KiB. */
bool sy_pdf_sniff(const unsigned char *buf, size_t len);
/* Reads a PDF's text layer under the default limits (sy_pdf_read_with). */
int sy_pdf_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen);
/* True when buf is an OLE2 file (.doc, .wps) or RTF. */
bool sy_legacy_sniff(const unsigned char *buf, size_t len);
/* Reads .doc/.wps/.rtf through LibreOffice when installed (default options). */
int sy_legacy_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen);
/* The plain-text reader (BOM, UTF-8, GB18030, UTF-16), the table's last row. */
int sy_text_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen);

/* The XML parts of a .docx the reader uses (styles and numbering may be NULL). */
struct sy_docx_parts {
	const char *document, *styles, *numbering;
	size_t document_len, styles_len, numbering_len;
};
/* The .docx reader after unzipping: streams word/document.xml with the
 * package's styles and numbering. Returns 0, or -1 with err set. */
int sy_docx_read_parts(struct sy_doc *doc, const struct sy_docx_parts *p, char *err, size_t errlen);

/* The .odt reader after unzipping: streams content.xml with the list and
 * outline styles of styles.xml (may be NULL). Returns 0, or -1 with err set. */
int sy_odt_read_parts(struct sy_doc *doc, const char *content, size_t content_len, const char *styles,
		      size_t styles_len, char *err, size_t errlen);

/* What a PDF may make us do: pages read, seconds spent (checked between pages). */
#define SY_PDF_MAX_PAGES 1000
#define SY_PDF_MAX_SECONDS 30.0
struct sy_pdf_limits {
	int max_pages;
	double max_seconds;
};
/* A page of a PDF as poppler reads it: its text in reading order, lines
 * separated by '\n', and the box of each of its characters (points, from
 * the page's top left). */
struct sy_pdf_box {
	double x1, y1, x2, y2;
};
struct sy_pdf_page {
	const char *text;
	const struct sy_pdf_box *box; /* one per character of text ('\n' included) */
	size_t nbox;
	double height;                /* of the page */
	bool scanned;                 /* an image with no text */
};
/* The PDF reader's text stage: the pages' lines made into the doc's
 * paragraphs (headers, footers and page numbers out; each line's page
 * kept). Returns 0, or -1 with err set (no text, a scan). */
int sy_pdf_text_stage(struct sy_doc *doc, const struct sy_pdf_page *pages, size_t npages, char *err,
		      size_t errlen);
/* The .pdf reader under the given limits (sy_pdf_read uses the defaults). */
int sy_pdf_read_with(struct sy_doc *doc, const unsigned char *buf, size_t len, const struct sy_pdf_limits *lim,
		     char *err, size_t errlen);

/* How .doc/.wps/.rtf files are converted: soffice (NULL: $SHENYUE_SOFFICE,
 * where empty means none, else soffice or libreoffice on the PATH) and the
 * time allowed (0: SY_CONVERT_SECONDS). */
#define SY_CONVERT_SECONDS 120.0
struct sy_convert_opts {
	const char *soffice;
	double seconds;
};
/* The legacy reader with these options (sy_legacy_read uses the defaults). */
int sy_legacy_read_with(struct sy_doc *doc, const unsigned char *buf, size_t len, const struct sy_convert_opts *o,
			char *err, size_t errlen);

/* A zip package read from memory, with the limits above. */
struct sy_zip;
/* Opens the zip in buf (kept, not copied). Returns NULL with err set. */
struct sy_zip *sy_zip_open(const unsigned char *buf, size_t len, char *err, size_t errlen);
/* Reads member 'name' (case-insensitive) into a new NUL-terminated *data.
 * Returns 1 read, 0 no such member, -1 refused or broken (err says why). */
int sy_zip_read(struct sy_zip *z, const char *name, char **data, size_t *len, char *err, size_t errlen);
/* Closes the package. */
void sy_zip_close(struct sy_zip *z);
/* True when buf starts like a zip file. */
bool sy_zip_magic(const unsigned char *buf, size_t len);
/* Reads member 'name' of the zip in buf without keeping it open (for sniffing).
 * Returns a new string or NULL, refusing members over max bytes. */
char *sy_zip_peek(const unsigned char *buf, size_t len, const char *name, size_t max);

/* A streaming XML reader (libxml2's xmlTextReader) over one part of a
 * document: no network, no DTD (so no entities to expand), bounded depth,
 * errors kept rather than printed. */
enum { SY_XML_ELEMENT = 1, SY_XML_TEXT = 3, SY_XML_END = 15 }; /* node types (libxml2's) */
struct sy_xml {
	void *reader;         /* xmlTextReaderPtr */
	const char *part;     /* the part's name, for messages */
	char err[256];        /* the first error, "" when none */
	bool skip;            /* the next step skips the current element's subtree */
	int type;             /* XML_READER_TYPE_* of the current node */
	int depth;
	bool empty;           /* an element with no content (<a/>) */
	const char *local;    /* its local name ("" for text) */
	const char *ns;       /* its namespace URI ("" when none) */
};
/* Starts reading len bytes of XML (kept, not copied). Returns 0, or -1 with x->err set. */
int sy_xml_open(struct sy_xml *x, const char *data, size_t len, const char *part);
/* Moves to the next node. Returns 1 on a node, 0 at the end, -1 on an error
 * (malformed XML, a DTD, nesting past SY_DOCIN_MAX_DEPTH: x->err says which). */
int sy_xml_next(struct sy_xml *x);
/* Makes the next sy_xml_next step over the current element's content. */
void sy_xml_skip(struct sy_xml *x);
/* True when the current node is a start tag (element) named local in namespace ns. */
bool sy_xml_start(const struct sy_xml *x, const char *ns, const char *local);
/* True when the current node ends an element named local in ns (an end tag,
 * or a start tag with no content). */
bool sy_xml_end(const struct sy_xml *x, const char *ns, const char *local);
/* The current node's text (text, CDATA, whitespace), or NULL. */
const char *sy_xml_text(const struct sy_xml *x);
/* A new copy of attribute local in namespace ns (NULL: no namespace) of the
 * current element, or NULL. */
char *sy_xml_attr(const struct sy_xml *x, const char *ns, const char *local);
/* Frees the reader. */
void sy_xml_close(struct sy_xml *x);
/* Makes libxml2 ready for use from any thread, silent on stderr. */
void sy_xml_init(void);

/* Number formats of automatic numbering (Word numFmt, ODF style:num-format). */
enum sy_numfmt {
	SY_NUM_DECIMAL, SY_NUM_DECIMAL_ZERO, SY_NUM_FULLWIDTH, SY_NUM_CIRCLE, SY_NUM_FULLSTOP,
	SY_NUM_PAREN, SY_NUM_CN_COUNT, SY_NUM_CN_LEGAL, SY_NUM_CN_DIGIT, SY_NUM_TIANGAN,
	SY_NUM_DIZHI, SY_NUM_IDEO_CIRCLE, SY_NUM_LOWER_LETTER, SY_NUM_UPPER_LETTER,
	SY_NUM_LOWER_ROMAN, SY_NUM_UPPER_ROMAN, SY_NUM_BULLET, SY_NUM_NONE,
};
/* The format a Word numFmt value names (unknown ones count in decimal). */
enum sy_numfmt sy_numfmt_word(const char *val);
/* The format an ODF style:num-format value names ("1", "一, 二, 三, ...", "a"...). */
enum sy_numfmt sy_numfmt_odf(const char *val);
/* Appends n (>= 0) written in format f to out. */
void sy_numfmt_append(struct sy_buf *out, enum sy_numfmt f, int n);

#endif
