/* Writes text as a .docx the way Word stores it: each line a paragraph, runs
 * split as Word splits them, bookmarks and proofing marks in between and, in
 * DOCX_WORD style, heading numbers taken out of the text and given to Word's
 * automatic numbering (numbering.xml) — only where Word's counters would show
 * the same number, so the document reads exactly like the text. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "docx_writer.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

#define LEVELS 4

/* The heading number at the start of a line. */
struct marker {
	int level;        /* 0 一、  1 （一）  2 1.  3 （1）; -1 none */
	int value;
	size_t len;       /* bytes of the marker */
	char open[8];     /* what comes before the number: "（" or "" */
	char close[8];    /* after it: "、" "）" "." */
};

static int cn_digit(uint32_t cp)
{
	static const uint32_t d[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };
	for (int i = 0; i < 9; i++)
		if (cp == d[i])
			return i + 1;
	return cp == 0x5341 ? 10 : 0;
}

/* A Chinese numeral 一 … 九十九 at s; its value, and its length in *len. */
static int cn_number(const char *s, size_t *len)
{
	int v = 0, cur = 0, chars = 0;
	size_t i = 0, l;
	for (;; i += l, chars++) {
		uint32_t cp = utf8_decode(s + i, strlen(s + i), &l);
		int d = *s ? cn_digit(cp) : 0;
		if (!d || chars >= 3 || !s[i])
			break;
		if (d == 10) {
			v += (cur ? cur : 1) * 10;
			cur = 0;
		} else {
			cur = d;
		}
	}
	*len = i;
	return chars ? v + cur : 0;
}

static size_t prefix(const char *s, const char *const *alts)
{
	for (; *alts; alts++)
		if (!strncmp(s, *alts, strlen(*alts)))
			return strlen(*alts);
	return 0;
}

/* Reads a heading number at s (leading spaces already gone). */
static struct marker read_marker(const char *s)
{
	static const char *const opens[] = { "（", "(", NULL };
	static const char *const closes[] = { "）", ")", NULL };
	static const char *const seps[] = { "、", "．", NULL };
	struct marker m = { .level = -1 };
	size_t o = prefix(s, opens), n = 0, c;
	bool cn = true;
	int v = cn_number(s + o, &n);
	if (!v) {
		cn = false;
		while (n < 2 && s[o + n] >= '0' && s[o + n] <= '9')
			v = v * 10 + s[o + n++] - '0';
	}
	if (!v)
		return m;
	const char *after = s + o + n;
	if (o && (c = prefix(after, closes)) > 0) {
		m.level = cn ? 1 : 3;
	} else if (!o && ((c = prefix(after, seps)) > 0 || (*after == '.' && after[1] != '.' &&
							      !(after[1] >= '0' && after[1] <= '9')))) {
		c = c ? c : 1;
		m.level = cn ? 0 : 2;
	} else {
		return m;
	}
	m.value = v;
	m.len = o + n + c;
	snprintf(m.open, sizeof m.open, "%.*s", (int)o, s);
	snprintf(m.close, sizeof m.close, "%.*s", (int)c, after);
	return m;
}

/* The document's list: each level's shape, fixed by its first use, and Word's counters. */
struct list {
	bool shaped[LEVELS];
	char open[LEVELS][8], close[LEVELS][8];
	int counter[LEVELS];
};

/* True (and the counters moved) when Word's numbering would show m here. */
static bool list_takes(struct list *l, const struct marker *m)
{
	int k = m->level;
	if (!l->shaped[k]) {
		l->shaped[k] = true;
		memcpy(l->open[k], m->open, sizeof m->open);
		memcpy(l->close[k], m->close, sizeof m->close);
	}
	if (strcmp(l->open[k], m->open) || strcmp(l->close[k], m->close) || m->value != l->counter[k] + 1)
		return false;
	l->counter[k] = m->value;
	for (int d = k + 1; d < LEVELS; d++)
		l->counter[d] = 0;
	return true;
}

static void esc(struct sy_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': sy_buf_puts(b, "&amp;"); break;
		case '<': sy_buf_puts(b, "&lt;"); break;
		case '>': sy_buf_puts(b, "&gt;"); break;
		case '"': sy_buf_puts(b, "&quot;"); break;
		default:
			if ((unsigned char)s[i] >= 0x20)
				sy_buf_add(b, s + i, 1);
		}
	}
}

/* Text as runs of at most 9 characters (Word splits runs at every edit),
 * tabs as w:tab. */
static void runs(struct sy_buf *b, const char *s, size_t n, const char *tag)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i, chars = 0, l;
		while (j < n && s[j] != '\t' && chars < 9) {
			utf8_decode(s + j, n - j, &l);
			j += l;
			chars++;
		}
		if (j > i) {
			sy_buf_printf(b, "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:%s xml:space=\"preserve\">", tag);
			esc(b, s + i, j - i);
			sy_buf_printf(b, "</w:%s></w:r>", tag);
		}
		if (j < n && s[j] == '\t') {
			sy_buf_puts(b, "<w:r><w:tab/></w:r>");
			j++;
		}
		i = j;
	}
}

static bool closes_sentence(const char *s, size_t n)
{
	char *t = xstrndup(s, n);
	bool yes = strstr(t, "。") || strstr(t, "：") || strstr(t, "；") || strchr(t, ':') || strchr(t, ';');
	free(t);
	return yes;
}

/* Leading ASCII spaces and U+3000 of a line. */
static size_t indent_of(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || (n - i >= 3 && !memcmp(s + i, "\xE3\x80\x80", 3))))
		i += s[i] == ' ' ? 1 : 3;
	return i;
}

struct writer {
	struct sy_buf doc;
	struct list list;
	enum docx_style style;
	struct docx_marks *marks;
	size_t line;      /* 1-based line being written */
	size_t nonblank;  /* non-blank lines so far */
};

/* A paragraph whose number Word writes: its style, numbering and the rest of the text. */
static bool word_paragraph(struct writer *w, const char *s, size_t n)
{
	size_t ind = indent_of(s, n);
	char *t = xstrndup(s + ind, n - ind);
	struct marker m = read_marker(t);
	bool numbered = m.level >= 0 && m.len < n - ind && list_takes(&w->list, &m);
	if (numbered) {
		const char *rest = s + ind + m.len;
		size_t rn = n - ind - m.len;
		bool heading = m.level <= 1 && !closes_sentence(rest, rn);
		sy_buf_puts(&w->doc, "<w:p><w:pPr>");
		if (heading)
			sy_buf_printf(&w->doc, "<w:pStyle w:val=\"%d\"/>", m.level + 1);
		sy_buf_printf(&w->doc, "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"1\"/></w:numPr>", m.level);
		sy_buf_puts(&w->doc, "<w:ind w:firstLine=\"640\"/></w:pPr><w:bookmarkStart w:id=\"9\" w:name=\"_Toc1\"/>");
		runs(&w->doc, rest, rn, "t");
		sy_buf_puts(&w->doc, "<w:bookmarkEnd w:id=\"9\"/></w:p>");
		w->marks->numbered++;
	}
	free(t);
	return numbered;
}

/* DOCX_TRACKED: the third non-blank line gets a deletion and an insertion
 * (accepted, it reads as before), the fifth a comment. */
static bool tracked_paragraph(struct writer *w, const char *s, size_t n)
{
	size_t cut = (size_t)(utf8_skip(s, 4) - s);
	if (w->nonblank == 3 && n > cut) {
		sy_buf_puts(&w->doc, "<w:p>");
		runs(&w->doc, s, cut, "t");
		sy_buf_puts(&w->doc, "<w:del w:id=\"1\" w:author=\"审核人\" w:date=\"2025-01-02T09:00:00Z\">");
		runs(&w->doc, "已删除的文字", strlen("已删除的文字"), "delText");
		sy_buf_puts(&w->doc, "</w:del><w:ins w:id=\"2\" w:author=\"审核人\" w:date=\"2025-01-02T09:00:00Z\">");
		runs(&w->doc, s + cut, n - cut, "t");
		sy_buf_puts(&w->doc, "</w:ins></w:p>");
		w->marks->revision_line = w->line;
		return true;
	}
	if (w->nonblank == 5) {
		sy_buf_puts(&w->doc, "<w:p><w:commentRangeStart w:id=\"0\"/>");
		runs(&w->doc, s, n, "t");
		sy_buf_puts(&w->doc, "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>");
		w->marks->comment_line = w->line;
		return true;
	}
	return false;
}

static void paragraph(struct writer *w, const char *s, size_t n)
{
	bool blank = indent_of(s, n) == n;
	w->nonblank += !blank;
	if (w->style == DOCX_WORD && word_paragraph(w, s, n))
		return;
	if (w->style == DOCX_TRACKED && !blank && tracked_paragraph(w, s, n))
		return;
	sy_buf_puts(&w->doc, "<w:p><w:proofErr w:type=\"spellStart\"/>");
	runs(&w->doc, s, n, "t");
	sy_buf_puts(&w->doc, "<w:proofErr w:type=\"spellEnd\"/></w:p>");
}

#define NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
	   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

static char *document_xml(struct writer *w, const char *text, size_t len)
{
	sy_buf_puts(&w->doc, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " NS "><w:body>");
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		size_t end = i > start && text[i - 1] == '\r' ? i - 1 : i;
		if (i == len && start == len)
			break;
		w->line++;
		paragraph(w, text + start, end - start);
		start = i + 1;
	}
	sy_buf_puts(&w->doc, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>");
	return sy_buf_steal(&w->doc);
}

static char *numbering_xml(const struct list *l)
{
	static const char *const fmt[LEVELS] = { "chineseCounting", "chineseCounting", "decimal", "decimal" };
	struct sy_buf b = {0};
	sy_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering " NS ">"
			"<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>");
	for (int k = 0; k < LEVELS; k++) {
		sy_buf_printf(&b, "<w:lvl w:ilvl=\"%d\"><w:start w:val=\"1\"/><w:numFmt w:val=\"%s\"/>", k, fmt[k]);
		if (k <= 1)
			sy_buf_printf(&b, "<w:pStyle w:val=\"%d\"/>", k + 1);
		sy_buf_puts(&b, "<w:lvlText w:val=\"");
		esc(&b, l->open[k], strlen(l->open[k]));
		sy_buf_printf(&b, "%%%d", k + 1);
		esc(&b, l->close[k], strlen(l->close[k]));
		sy_buf_puts(&b, "\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"0\" w:firstLine=\"640\"/></w:pPr></w:lvl>");
	}
	sy_buf_puts(&b, "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>");
	return sy_buf_steal(&b);
}

/* Normal, and headings 1-2 named as Chinese Word names them (ids "1", "2"). */
static const char styles_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles " NS ">"
	"<w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:line=\"560\"/></w:pPr></w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"a\"/>"
	"<w:next w:val=\"a\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"a\"/>"
	"<w:next w:val=\"a\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
	"<w:style w:type=\"character\" w:styleId=\"a0\"><w:name w:val=\"Default Paragraph Font\"/></w:style>"
	"</w:styles>";

static const char comments_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments " NS ">"
	"<w:comment w:id=\"0\" w:author=\"审核人\" w:date=\"2025-01-02T09:00:00Z\"><w:p><w:r>"
	"<w:t>此处数据请核实</w:t></w:r></w:p></w:comment></w:comments>";

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
	"%s</Types>";

static const char comments_type[] =
	"<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>";

static const char package_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"</Relationships>";

static const char document_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
	"%s</Relationships>";

static const char comments_rel[] =
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>";

/* Adds a member; a static string is copied, a heap one (owned) handed over. */
static int add(zip_t *za, const char *name, const char *data, bool owned)
{
	size_t n = strlen(data);
	char *copy = owned ? (char *)data : xstrndup(data, n);
	zip_source_t *src = zip_source_buffer(za, copy, n, 1);
	if (!src || zip_file_add(za, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
		if (src)
			zip_source_free(src);
		else
			free(copy);
		return -1;
	}
	return 0;
}

int docx_write(const char *path, const char *text, size_t len, enum docx_style style, struct docx_marks *marks)
{
	struct docx_marks none;
	marks = marks ? marks : &none;
	memset(marks, 0, sizeof *marks);
	struct writer w = { .style = style, .marks = marks };
	char *doc = document_xml(&w, text, len);
	int err = 0;
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!za) {
		free(doc);
		errno = EIO;
		return -1;
	}
	bool comments = style == DOCX_TRACKED;
	int rc = add(za, "[Content_Types].xml", xasprintf(content_types, comments ? comments_type : ""), true) |
		 add(za, "_rels/.rels", package_rels, false) |
		 add(za, "word/_rels/document.xml.rels", xasprintf(document_rels, comments ? comments_rel : ""), true) |
		 add(za, "word/document.xml", doc, true) | add(za, "word/styles.xml", styles_xml, false) |
		 add(za, "word/numbering.xml", numbering_xml(&w.list), true) |
		 (comments ? add(za, "word/comments.xml", comments_xml, false) : 0);
	if (zip_close(za) < 0) {
		zip_discard(za);
		rc = -1;
	}
	if (rc)
		errno = EIO;
	return rc ? -1 : 0;
}
