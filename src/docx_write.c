/* The .docx writer: document.xml streamed into a buffer as the caller
 * builds it, the fixed parts (styles, settings, fonts, footers, properties)
 * written from tables, all zipped in memory with libzip. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <zip.h>

#include "shenyue/docx.h"
#include "shenyue/i18n.h"
#include "shenyue/review_store.h"
#include "shenyue/utf8.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* GB/T 9704-2012 on A4, in twentieths of a point (1 mm = 56.69 twips). */
enum {
	PAGE_W = 11906, PAGE_H = 16838, /* 210 x 297 mm */
	MARGIN_TOP = 2098,              /* 天头 37 mm */
	MARGIN_BOTTOM = 1984,           /* 35 mm: 225 mm of text */
	MARGIN_LEFT = 1587,             /* 订口 28 mm */
	MARGIN_RIGHT = 1474,            /* 26 mm: 156 mm of text */
	FOOTER_FROM_EDGE = 1247,        /* page number about 7 mm below the text */
	LINE_PITCH = 579,               /* 22 lines in 225 mm: 28.95 pt, exact */
	TITLE_PITCH = 700,              /* 35 pt between the lines of a 二号 title */
	TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT,
};

struct font_def {
	const char *name;    /* as Word and WPS name it */
	const char *alt;     /* w:altName: what to use when it is missing */
	const char *panose;
	const char *family;
	const char *pitch;
};

static const struct font_def fonts[SY_DOCX_NFONTS] = {
	[SY_DOCX_FONT_FANGSONG] = {"仿宋_GB2312", "仿宋", "02010609060101010101", "modern", "fixed"},
	[SY_DOCX_FONT_XIAOBIAOSONG] = {"方正小标宋简体", "宋体", "02000000000000000000", "auto", "variable"},
	[SY_DOCX_FONT_HEITI] = {"黑体", "SimHei", "02010609060101010101", "modern", "fixed"},
	[SY_DOCX_FONT_KAITI] = {"楷体_GB2312", "楷体", "02010609030101010101", "modern", "fixed"},
	[SY_DOCX_FONT_SONGTI] = {"宋体", "SimSun", "02010600030101010101", "auto", "variable"},
};

struct style_def {
	const char *id, *name;
	enum sy_docx_font font;
	int size;
	const char *ppr; /* extra paragraph properties, in schema order */
};

/* One style per enum sy_docx_style; all based on Normal (仿宋 三号,
 * aligned left, exact 28.95 pt lines). */
static const struct style_def styles[SY_DOCX_NSTYLES] = {
	/* left, not justified: Chinese characters are all one width, so the
	 * edge is straight anyway, and LibreOffice drops a comma that hangs
	 * past the end of a justified line */
	[SY_DOCX_BODY] = {"BodyText", "Body Text", SY_DOCX_FONT_FANGSONG, SY_DOCX_SANHAO,
			  "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"},
	[SY_DOCX_TITLE] = {"Title", "Title", SY_DOCX_FONT_XIAOBIAOSONG, SY_DOCX_ERHAO,
			   "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"579\" w:line=\"700\" w:lineRule=\"exact\"/>"
			   "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>"},
	[SY_DOCX_HEADING1] = {"Heading1", "heading 1", SY_DOCX_FONT_HEITI, SY_DOCX_SANHAO,
			      "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl w:val=\"1\"/>"},
	[SY_DOCX_HEADING2] = {"Heading2", "heading 2", SY_DOCX_FONT_KAITI, SY_DOCX_SANHAO,
			      "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:outlineLvl w:val=\"2\"/>"},
	[SY_DOCX_PLAIN] = {"Plain", "正文（无缩进）", SY_DOCX_FONT_FANGSONG, SY_DOCX_SANHAO, ""},
	[SY_DOCX_CELL] = {"TableText", "表格文字", SY_DOCX_FONT_FANGSONG, SY_DOCX_SIHAO,
			  "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"360\" w:lineRule=\"exact\"/>"
			  "<w:jc w:val=\"left\"/>"},
};

struct para {
	bool open;
	enum sy_docx_style style;
	enum sy_docx_align align;
	int indent_right; /* characters */
	bool keep_next;
	bool page_break;
	struct sy_buf runs;
};

struct sy_docx {
	char *title, *author;
	struct sy_buf body;  /* the blocks of document.xml's w:body */
	struct para p;
	bool break_pending;  /* the next block starts a new page */
	bool last_was_table;
	/* the table being written */
	bool in_table, in_row, in_cell, header_row;
	size_t ncols, col;
	int *col_w;          /* twips */
};

/* ---- XML text ---- */

/* True for the code points XML 1.0 allows in text. */
static bool xml_char_ok(uint32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void sy_xml_escape(struct sy_buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	for (size_t i = 0; i < n;) {
		size_t len;
		uint32_t c = utf8_decode(s + i, n - i, &len);
		char enc[4];
		if (c == '&')
			sy_buf_puts(b, "&amp;");
		else if (c == '<')
			sy_buf_puts(b, "&lt;");
		else if (c == '>')
			sy_buf_puts(b, "&gt;");
		else if (c == '"')
			sy_buf_puts(b, "&quot;");
		else if (!xml_char_ok(c) || c == '\r')
			sy_buf_add(b, enc, utf8_encode(SY_REPLACEMENT, enc));
		else
			sy_buf_add(b, enc, utf8_encode(c, enc));
		i += len;
	}
}

/* ---- document building ---- */

struct sy_docx *sy_docx_new(const char *title, const char *author)
{
	struct sy_docx *d = xcalloc(1, sizeof *d);
	d->title = xstrdup(title ? title : "");
	d->author = xstrdup(author ? author : "");
	return d;
}

void sy_docx_free(struct sy_docx *d)
{
	if (!d)
		return;
	free(d->title);
	free(d->author);
	sy_buf_free(&d->body);
	sy_buf_free(&d->p.runs);
	free(d->col_w);
	free(d);
}

static const char *align_name(enum sy_docx_align a)
{
	static const char *const names[] = {NULL, "left", "center", "right", "both"};
	return (unsigned)a < sizeof names / sizeof *names ? names[a] : NULL;
}

/* Writes the open paragraph into the body and closes it. */
static void para_flush(struct sy_docx *d)
{
	struct para *p = &d->p;
	if (!p->open)
		return;
	struct sy_buf *b = &d->body;
	sy_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", styles[p->style].id);
	if (p->keep_next)
		sy_buf_puts(b, "<w:keepNext/>");
	if (p->page_break)
		sy_buf_puts(b, "<w:pageBreakBefore/>");
	if (p->indent_right)
		sy_buf_printf(b, "<w:ind w:rightChars=\"%d\" w:right=\"%d\"/>", p->indent_right * 100,
			      p->indent_right * 320);
	if (align_name(p->align))
		sy_buf_printf(b, "<w:jc w:val=\"%s\"/>", align_name(p->align));
	sy_buf_puts(b, "</w:pPr>");
	if (p->runs.len)
		sy_buf_add(b, p->runs.data, p->runs.len);
	sy_buf_puts(b, "</w:p>");
	p->runs.len = 0;
	p->open = false;
	d->last_was_table = false;
}

/* Starts a page with an empty paragraph when a break waits before a table. */
static void break_before_table(struct sy_docx *d)
{
	if (!d->break_pending || d->in_table)
		return;
	sy_buf_puts(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/><w:pageBreakBefore/></w:pPr></w:p>");
	d->break_pending = false;
}

/* Opens a paragraph of style st (the previous one must be flushed). */
static void para_start(struct sy_docx *d, enum sy_docx_style st)
{
	struct para *p = &d->p;
	p->open = true;
	p->style = (unsigned)st < SY_DOCX_NSTYLES ? st : SY_DOCX_BODY;
	p->align = SY_DOCX_ALIGN_STYLE;
	p->indent_right = 0;
	p->keep_next = false;
	p->page_break = d->break_pending && !d->in_cell;
	if (p->page_break)
		d->break_pending = false;
}

void sy_docx_para(struct sy_docx *d, enum sy_docx_style st)
{
	para_flush(d);
	if (d->in_table && !d->in_cell) { /* text in a table always sits in a cell */
		sy_docx_cell(d, NULL);
		para_flush(d);
	}
	para_start(d, st);
}

void sy_docx_align(struct sy_docx *d, enum sy_docx_align a)
{
	if (d->p.open)
		d->p.align = a;
}

void sy_docx_indent_right(struct sy_docx *d, int chars)
{
	if (d->p.open)
		d->p.indent_right = chars < 0 ? 0 : chars > 20 ? 20 : chars;
}

void sy_docx_keep_next(struct sy_docx *d)
{
	if (d->p.open)
		d->p.keep_next = true;
}

void sy_docx_page_break(struct sy_docx *d)
{
	para_flush(d);
	d->break_pending = true;
}

static void run_props(struct sy_buf *b, const struct sy_docx_run *run)
{
	if (!run || (!run->font && !run->size && !run->bold))
		return;
	sy_buf_puts(b, "<w:rPr>");
	if (run->font > SY_DOCX_FONT_STYLE && run->font < SY_DOCX_NFONTS) {
		const char *f = fonts[run->font].name;
		sy_buf_printf(b, "<w:rFonts w:ascii=\"%s\" w:hAnsi=\"%s\" w:eastAsia=\"%s\" w:cs=\"%s\" w:hint=\"eastAsia\"/>",
			      f, f, f, f);
	}
	if (run->bold)
		sy_buf_puts(b, "<w:b/><w:bCs/>");
	if (run->size > 0)
		sy_buf_printf(b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", run->size, run->size);
	sy_buf_puts(b, "</w:rPr>");
}

/* Appends the text of a run: w:t pieces, w:br for '\n', w:tab for '\t'. */
static void run_text(struct sy_buf *b, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, "\n\t");
		if (n) {
			char *piece = xstrndup(s, n);
			sy_buf_puts(b, "<w:t xml:space=\"preserve\">");
			sy_xml_escape(b, piece);
			sy_buf_puts(b, "</w:t>");
			free(piece);
		}
		s += n;
		if (*s == '\n')
			sy_buf_puts(b, "<w:br/>");
		else if (*s == '\t')
			sy_buf_puts(b, "<w:tab/>");
		if (*s)
			s++;
	}
}

void sy_docx_text_as(struct sy_docx *d, const char *utf8, const struct sy_docx_run *run)
{
	if (!utf8 || !*utf8)
		return;
	if (!d->p.open)
		sy_docx_para(d, d->in_cell ? SY_DOCX_CELL : SY_DOCX_BODY);
	struct sy_docx_run r = run ? *run : (struct sy_docx_run){0};
	if (d->in_cell && d->header_row)
		r.bold = true;
	sy_buf_puts(&d->p.runs, "<w:r>");
	run_props(&d->p.runs, &r);
	run_text(&d->p.runs, utf8);
	sy_buf_puts(&d->p.runs, "</w:r>");
}

void sy_docx_text(struct sy_docx *d, const char *utf8)
{
	sy_docx_text_as(d, utf8, NULL);
}

bool sy_docx_ends_sentence(const char *utf8)
{
	size_t n = utf8 ? strlen(utf8) : 0;
	static const char *const ends[] = {"。", "！", "？", "；"};
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t k = strlen(ends[i]);
		if (n >= k && !strcmp(utf8 + n - k, ends[i]))
			return true;
	}
	return false;
}

void sy_docx_para_text(struct sy_docx *d, enum sy_docx_style st, const char *utf8)
{
	sy_docx_para(d, st);
	sy_docx_text(d, utf8);
}

/* Width of s in characters, a half-width character counting half. */
static double chars_of(const char *s)
{
	return sy_width_str(s) / 2.0;
}

void sy_docx_signature(struct sy_docx *d, const char *office, const char *date)
{
	sy_docx_para(d, SY_DOCX_PLAIN); /* 正文下空一行 */
	double wo = office ? chars_of(office) : 0, wd = chars_of(date);
	int office_in = 2, date_in = (int)(wo - wd + 0.5);
	if (wd > wo - 2) {
		date_in = 2;
		office_in = (int)(2 + wd + 2 - wo + 0.5);
	}
	if (office) {
		sy_docx_para_text(d, SY_DOCX_PLAIN, office);
		sy_docx_align(d, SY_DOCX_ALIGN_RIGHT);
		sy_docx_indent_right(d, office_in);
		sy_docx_keep_next(d);
	}
	sy_docx_para_text(d, SY_DOCX_PLAIN, date);
	sy_docx_align(d, SY_DOCX_ALIGN_RIGHT);
	sy_docx_indent_right(d, office ? date_in : 2);
}

/* ---- tables ---- */

static void cell_close(struct sy_docx *d)
{
	if (!d->in_cell)
		return;
	bool had = d->p.open;
	para_flush(d);
	if (!had)
		sy_buf_puts(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>");
	sy_buf_puts(&d->body, "</w:tc>");
	d->in_cell = false;
}

static void cell_open(struct sy_docx *d, const char *fill)
{
	size_t c = d->col < d->ncols ? d->col : d->ncols - 1;
	sy_buf_printf(&d->body, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", d->col_w[c]);
	char hex[7] = "";
	if (fill && strlen(fill) == 6 && strspn(fill, "0123456789abcdefABCDEF") == 6)
		memcpy(hex, fill, 7);
	else if (d->header_row)
		memcpy(hex, "E7E6E6", 7);
	if (*hex)
		sy_buf_printf(&d->body, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>", hex);
	sy_buf_puts(&d->body, "<w:vAlign w:val=\"center\"/></w:tcPr>");
	d->in_cell = true;
	d->col++;
	para_start(d, SY_DOCX_CELL);
	if (d->header_row)
		d->p.align = SY_DOCX_ALIGN_CENTER;
}

static void row_close(struct sy_docx *d)
{
	if (!d->in_row)
		return;
	cell_close(d);
	while (d->col < d->ncols) { /* every row fills the grid */
		cell_open(d, NULL);
		cell_close(d);
	}
	sy_buf_puts(&d->body, "</w:tr>");
	d->in_row = false;
}

void sy_docx_table(struct sy_docx *d, size_t ncols, const int *widths_mm)
{
	para_flush(d);
	sy_docx_table_end(d);
	break_before_table(d);
	d->ncols = ncols ? ncols : 1;
	free(d->col_w);
	d->col_w = xcalloc(d->ncols, sizeof *d->col_w);
	int total = 0;
	for (size_t i = 0; i < d->ncols; i++) {
		int mm = widths_mm && widths_mm[i] > 0 ? widths_mm[i] : 156 / (int)d->ncols;
		d->col_w[i] = (int)(mm * 1440 / 25.4 + 0.5);
		total += d->col_w[i];
	}
	struct sy_buf *b = &d->body;
	sy_buf_printf(b, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>", total);
	static const char *const sides[] = {"top", "left", "bottom", "right", "insideH", "insideV"};
	for (size_t i = 0; i < 6; i++)
		sy_buf_printf(b, "<w:%s w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>", sides[i]);
	sy_buf_puts(b, "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
		       "<w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
		       "</w:tblPr><w:tblGrid>");
	for (size_t i = 0; i < d->ncols; i++)
		sy_buf_printf(b, "<w:gridCol w:w=\"%d\"/>", d->col_w[i]);
	sy_buf_puts(b, "</w:tblGrid>");
	d->in_table = true;
}

void sy_docx_row(struct sy_docx *d, bool header)
{
	if (!d->in_table)
		return;
	row_close(d);
	sy_buf_puts(&d->body, header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
				     : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	d->in_row = true;
	d->header_row = header;
	d->col = 0;
}

void sy_docx_cell(struct sy_docx *d, const char *fill)
{
	if (!d->in_table)
		return;
	if (!d->in_row)
		sy_docx_row(d, false);
	if (d->in_cell && d->col >= d->ncols) { /* more cells than columns: a new paragraph in the last */
		para_flush(d);
		para_start(d, SY_DOCX_CELL);
		return;
	}
	cell_close(d);
	cell_open(d, fill);
}

void sy_docx_table_end(struct sy_docx *d)
{
	if (!d->in_table)
		return;
	row_close(d);
	sy_buf_puts(&d->body, "</w:tbl>");
	d->in_table = false;
	d->header_row = false;
	d->last_was_table = true;
}

/* ---- the package parts ---- */

static void font_xml(struct sy_buf *b, enum sy_docx_font f)
{
	const char *n = fonts[f].name;
	sy_buf_printf(b, "<w:rFonts w:ascii=\"%s\" w:hAnsi=\"%s\" w:eastAsia=\"%s\" w:cs=\"%s\" w:hint=\"eastAsia\"/>",
		      n, n, n, n);
}

/* The properties of a section: A4, GB/T 9704 margins, the odd and even page
 * number footers, page numbers starting at 1. */
static void section_xml(struct sy_buf *b)
{
	sy_buf_printf(b, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>"
			 "<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
			 "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
			 "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"851\" "
			 "w:footer=\"%d\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/><w:cols w:space=\"425\"/>"
			 "<w:docGrid w:linePitch=\"%d\"/></w:sectPr>",
		      PAGE_W, PAGE_H, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT, FOOTER_FROM_EDGE,
		      LINE_PITCH);
}

void sy_docx_new_section(struct sy_docx *d)
{
	para_flush(d);
	sy_docx_table_end(d);
	/* a section ends with the paragraph holding its properties; the next
	 * one starts on a new page (the default section type) */
	sy_buf_puts(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/>");
	section_xml(&d->body);
	sy_buf_puts(&d->body, "</w:pPr></w:p>");
	d->break_pending = false;
	d->last_was_table = false;
}

static char *document_xml(struct sy_docx *d)
{
	para_flush(d);
	sy_docx_table_end(d);
	struct sy_buf b = {0};
	sy_buf_puts(&b, XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body>");
	if (d->body.len)
		sy_buf_add(&b, d->body.data, d->body.len);
	if (!d->body.len || d->last_was_table || d->break_pending)
		sy_buf_puts(&b, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/></w:pPr></w:p>");
	section_xml(&b);
	sy_buf_puts(&b, "</w:body></w:document>");
	return sy_buf_steal(&b);
}

static char *styles_xml(void)
{
	struct sy_buf b = {0};
	sy_buf_puts(&b, XML_DECL "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>");
	font_xml(&b, SY_DOCX_FONT_FANGSONG);
	sy_buf_printf(&b, "<w:kern w:val=\"2\"/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
			  "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
			  "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" "
			  "w:line=\"%d\" w:lineRule=\"exact\"/><w:jc w:val=\"left\"/></w:pPr></w:pPrDefault></w:docDefaults>",
		      SY_DOCX_SANHAO, SY_DOCX_SANHAO, LINE_PITCH);
	sy_buf_puts(&b, "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
			"<w:qFormat/></w:style>"
			"<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
			"<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
			"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
			"<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
			"<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
			"<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
	for (int s = 0; s < SY_DOCX_NSTYLES; s++) {
		const struct style_def *st = &styles[s];
		sy_buf_printf(&b, "<w:style w:type=\"paragraph\" w:styleId=\"%s\"><w:name w:val=\"%s\"/>"
				  "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"%s\"/><w:qFormat/><w:pPr>%s</w:pPr><w:rPr>",
			      st->id, st->name, s == SY_DOCX_CELL ? "TableText" : "BodyText", st->ppr);
		font_xml(&b, st->font);
		sy_buf_printf(&b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr></w:style>", st->size, st->size);
	}
	sy_buf_puts(&b, "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
			"<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr>");
	font_xml(&b, SY_DOCX_FONT_SONGTI);
	sy_buf_printf(&b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr></w:style></w:styles>", SY_DOCX_SIHAO,
		      SY_DOCX_SIHAO);
	return sy_buf_steal(&b);
}

static char *font_table_xml(void)
{
	struct sy_buf b = {0};
	sy_buf_puts(&b, XML_DECL "<w:fonts xmlns:w=\"" NS_W "\">");
	for (int f = SY_DOCX_FONT_STYLE + 1; f < SY_DOCX_NFONTS; f++)
		sy_buf_printf(&b, "<w:font w:name=\"%s\"><w:altName w:val=\"%s\"/><w:panose1 w:val=\"%s\"/>"
				  "<w:charset w:val=\"86\"/><w:family w:val=\"%s\"/><w:pitch w:val=\"%s\"/></w:font>",
			      fonts[f].name, fonts[f].alt, fonts[f].panose, fonts[f].family, fonts[f].pitch);
	sy_buf_puts(&b, "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/>"
			"<w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
			"</w:fonts>");
	return sy_buf_steal(&b);
}

/* A footer with the page number as "— 1 —": odd pages right, even pages
 * left, one character in from the edge (GB/T 9704-2012 7.5). */
static char *footer_xml(bool even)
{
	struct sy_buf b = {0};
	sy_buf_printf(&b, XML_DECL "<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr>"
			  "<w:pStyle w:val=\"Footer\"/><w:ind w:%sChars=\"100\" w:%s=\"280\"/><w:jc w:val=\"%s\"/></w:pPr>",
		      even ? "left" : "right", even ? "left" : "right", even ? "left" : "right");
	sy_buf_puts(&b, "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
			"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
			"<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
			"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
			"<w:r><w:t>1</w:t></w:r>"
			"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
			"<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>");
	return sy_buf_steal(&b);
}

static char *settings_xml(void)
{
	return xstrdup(XML_DECL "<w:settings xmlns:w=\"" NS_W "\"><w:zoom w:percent=\"100\"/>"
		       "<w:defaultTabStop w:val=\"420\"/><w:evenAndOddHeaders/>"
		       "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
		       "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
		       "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
		       "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
		       "<w:decimalSymbol w:val=\".\"/><w:listSeparator w:val=\",\"/></w:settings>");
}

/* The time the document says it was made: $SOURCE_DATE_EPOCH when set
 * (reproducible output), else now. */
static time_t docx_time(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	long long v = e && *e ? strtoll(e, &end, 10) : -1;
	return v >= 0 && end && !*end ? (time_t)v : time(NULL);
}

static char *core_xml(const struct sy_docx *d)
{
	char when[32];
	time_t t = docx_time();
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	struct sy_buf b = {0};
	sy_buf_puts(&b, XML_DECL "<cp:coreProperties "
			"xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
			"xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
			"xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
			"xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	sy_xml_escape(&b, d->title);
	sy_buf_puts(&b, "</dc:title><dc:creator>");
	sy_xml_escape(&b, d->author);
	sy_buf_puts(&b, "</dc:creator><dc:language>zh-CN</dc:language>");
	sy_buf_printf(&b, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
			  "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified></cp:coreProperties>",
		      when, when);
	return sy_buf_steal(&b);
}

static const char CONTENT_TYPES[] =
	XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/word/fontTable.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/word/footer2.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" "
	"ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"<Override PartName=\"/docProps/app.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
	"</Types>";

static const char PACKAGE_RELS[] =
	XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" "
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
	"Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" "
	"Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
	"Target=\"docProps/core.xml\"/>"
	"<Relationship Id=\"rId3\" "
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
	"Target=\"docProps/app.xml\"/>"
	"</Relationships>";

#define REL(id, type, target) \
	"<Relationship Id=\"" id "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" \
	type "\" Target=\"" target "\"/>"
static const char DOCUMENT_RELS[] =
	XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	REL("rIdStyles", "styles", "styles.xml")
	REL("rIdSettings", "settings", "settings.xml")
	REL("rIdFonts", "fontTable", "fontTable.xml")
	REL("rIdFooterOdd", "footer", "footer1.xml")
	REL("rIdFooterEven", "footer", "footer2.xml")
	"</Relationships>";
#undef REL

static const char APP_XML[] =
	XML_DECL "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
	"<Application>shenyue</Application></Properties>";

/* ---- zipping ---- */

struct part {
	const char *name;
	char *xml;
};

/* Adds one part; the zip keeps pointing at xml until it is closed. */
static int zip_add_part(zip_t *za, const struct part *p, char *err, size_t errlen)
{
	zip_source_t *src = zip_source_buffer(za, p->xml, strlen(p->xml), 0);
	zip_int64_t idx = src ? zip_file_add(za, p->name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
	if (idx < 0) {
		if (src)
			zip_source_free(src);
		snprintf(err, errlen, _("cannot build the .docx (%s): %s"), p->name, zip_strerror(za));
		return -1;
	}
	zip_file_set_mtime(za, (zip_uint64_t)idx, docx_time(), 0);
	return 0;
}

/* Copies the finished archive out of its in-memory source. */
static int zip_take(zip_source_t *src, char **data, size_t *len, char *err, size_t errlen)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0) {
		snprintf(err, errlen, _("cannot build the .docx: %s"), zip_error_strerror(zip_source_error(src)));
		return -1;
	}
	*data = xcalloc(st.size + 1, 1);
	zip_int64_t got = zip_source_read(src, *data, st.size);
	zip_source_close(src);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(*data);
		*data = NULL;
		snprintf(err, errlen, _("cannot build the .docx: %s"), _("reading the archive back failed"));
		return -1;
	}
	*len = (size_t)st.size;
	return 0;
}

static int zip_parts(const struct part *parts, size_t n, char **data, size_t *len, char *err, size_t errlen)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (!za) {
		snprintf(err, errlen, _("cannot build the .docx: %s"), zip_error_strerror(&ze));
		zip_error_fini(&ze);
		if (src)
			zip_source_free(src);
		return -1;
	}
	zip_error_fini(&ze);
	zip_source_keep(src);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = zip_add_part(za, &parts[i], err, errlen);
	if (rc < 0) {
		zip_discard(za);
	} else if (zip_close(za) < 0) {
		snprintf(err, errlen, _("cannot build the .docx: %s"), zip_strerror(za));
		zip_discard(za);
		rc = -1;
	}
	if (rc == 0)
		rc = zip_take(src, data, len, err, errlen);
	zip_source_free(src);
	return rc;
}

int sy_docx_build(struct sy_docx *d, char **data, size_t *len, char *err, size_t errlen)
{
	struct part parts[] = {
		{"[Content_Types].xml", xstrdup(CONTENT_TYPES)},
		{"_rels/.rels", xstrdup(PACKAGE_RELS)},
		{"word/document.xml", document_xml(d)},
		{"word/_rels/document.xml.rels", xstrdup(DOCUMENT_RELS)},
		{"word/styles.xml", styles_xml()},
		{"word/settings.xml", settings_xml()},
		{"word/fontTable.xml", font_table_xml()},
		{"word/footer1.xml", footer_xml(false)},
		{"word/footer2.xml", footer_xml(true)},
		{"docProps/core.xml", core_xml(d)},
		{"docProps/app.xml", xstrdup(APP_XML)},
	};
	size_t n = sizeof parts / sizeof *parts;
	*data = NULL;
	*len = 0;
	int rc = zip_parts(parts, n, data, len, err, errlen);
	for (size_t i = 0; i < n; i++)
		free(parts[i].xml);
	return rc;
}

int sy_docx_save(struct sy_docx *d, const char *path, bool replace, char *err, size_t errlen)
{
	char *data;
	size_t len;
	if (sy_docx_build(d, &data, &len, err, errlen) < 0)
		return -1;
	enum sy_write_result rc = sy_file_write(path, data, len, replace ? SY_WRITE_REPLACE : SY_WRITE_NEW, NULL,
						err, errlen);
	free(data);
	return rc == SY_WRITE_OK ? 0 : rc == SY_WRITE_EXISTS ? 1 : -1;
}
