/* .odt (OpenDocument text, as LibreOffice and WPS save it): content.xml
 * streamed node by node, with the list and outline styles of styles.xml and
 * content.xml's automatic styles. One paragraph or heading is one line;
 * list numbers are written as shown (一、 （一） 1.), text:h outline levels
 * become the lines' style levels; a table row is one line of tab-separated
 * cells. Frames (text boxes, images), notes, annotations and the deleted
 * text kept in text:tracked-changes are not body text; tracked changes and
 * annotations are counted. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shenyue/docin_reader.h"
#include "shenyue/i18n.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define DRAW_NS "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define LOEXT_NS "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"

#define LEVELS 10
#define SNIFF_MAX 256

bool sy_odt_sniff(const unsigned char *buf, size_t len)
{
	char *m = sy_zip_peek(buf, len, "mimetype", SNIFF_MAX);
	bool yes = m && !strncmp(m, "application/vnd.oasis.opendocument.text", 39) &&
		   (!m[39] || !strcmp(m + 39, "-template") || !strcmp(m + 39, "-master"));
	free(m);
	return yes;
}

/* ---------------- styles ---------------- */

struct odf_level {
	bool numbered;
	enum sy_numfmt fmt;
	char *prefix, *suffix;
	char *format;  /* loext:num-list-format "%1%.%2%": LibreOffice's own, Word-like */
	char *bullet;  /* text:bullet-char */
	int display;   /* text:display-levels */
	int start;
};

struct odf_list_style {
	char *name;
	struct odf_level lvl[LEVELS];
};

struct odf_para_style {
	char *name, *parent, *list_style;
	int outline; /* style:default-outline-level, 0 none */
};

struct odf_styles {
	struct odf_list_style *lists;
	size_t nlists;
	struct odf_list_style outline; /* text:outline-style: numbers of text:h */
	struct odf_para_style *paras;
	size_t nparas;
	struct odf_list_style *cur; /* the list style being read */
};

static int attr_int(const struct sy_xml *x, const char *ns, const char *name, int lo, int hi, int dflt)
{
	char *v = sy_xml_attr(x, ns, name), *end;
	long n = v ? strtol(v, &end, 10) : dflt;
	bool ok = v && end != v && n >= lo && n <= hi;
	free(v);
	return ok ? (int)n : dflt;
}

static void level_free(struct odf_level *l)
{
	free(l->prefix);
	free(l->suffix);
	free(l->format);
	free(l->bullet);
}

/* A text:list-level-style-* or text:outline-level-style of the list style being read. */
static void take_level(const struct sy_xml *x, struct odf_list_style *ls, bool number)
{
	int i = attr_int(x, TEXT_NS, "level", 1, LEVELS, 0) - 1;
	if (i < 0)
		return;
	struct odf_level *l = &ls->lvl[i];
	level_free(l);
	memset(l, 0, sizeof *l);
	char *fmt = number ? sy_xml_attr(x, STYLE_NS, "num-format") : NULL;
	l->numbered = fmt && *fmt;
	l->fmt = sy_numfmt_odf(fmt);
	free(fmt);
	l->prefix = sy_xml_attr(x, STYLE_NS, "num-prefix");
	l->suffix = sy_xml_attr(x, STYLE_NS, "num-suffix");
	l->format = sy_xml_attr(x, LOEXT_NS, "num-list-format");
	l->bullet = number ? NULL : sy_xml_attr(x, TEXT_NS, "bullet-char");
	l->display = attr_int(x, TEXT_NS, "display-levels", 1, LEVELS, 1);
	l->start = attr_int(x, TEXT_NS, "start-value", 0, 1 << 20, 1);
}

static void take_para_style(const struct sy_xml *x, struct odf_styles *s)
{
	char *family = sy_xml_attr(x, STYLE_NS, "family");
	bool para = family && !strcmp(family, "paragraph");
	free(family);
	if (!para)
		return;
	s->paras = xreallocarray(s->paras, s->nparas + 1, sizeof *s->paras);
	struct odf_para_style *p = &s->paras[s->nparas++];
	p->name = sy_xml_attr(x, STYLE_NS, "name");
	p->parent = sy_xml_attr(x, STYLE_NS, "parent-style-name");
	p->list_style = sy_xml_attr(x, STYLE_NS, "list-style-name");
	p->outline = attr_int(x, STYLE_NS, "default-outline-level", 1, LEVELS, 0);
}

/* Takes a style element at the reader's node; true when it was one. */
static bool take_style(const struct sy_xml *x, struct odf_styles *s)
{
	if (x->type != SY_XML_ELEMENT) {
		if (sy_xml_end(x, TEXT_NS, "list-style") || sy_xml_end(x, TEXT_NS, "outline-style"))
			s->cur = NULL;
		return false;
	}
	if (sy_xml_start(x, TEXT_NS, "list-style")) {
		s->lists = xreallocarray(s->lists, s->nlists + 1, sizeof *s->lists);
		s->cur = &s->lists[s->nlists++];
		memset(s->cur, 0, sizeof *s->cur);
		s->cur->name = sy_xml_attr(x, STYLE_NS, "name");
	} else if (sy_xml_start(x, TEXT_NS, "outline-style")) {
		s->cur = &s->outline;
	} else if (s->cur && (sy_xml_start(x, TEXT_NS, "list-level-style-number") ||
			      sy_xml_start(x, TEXT_NS, "outline-level-style"))) {
		take_level(x, s->cur, true);
	} else if (s->cur && (sy_xml_start(x, TEXT_NS, "list-level-style-bullet") ||
			      sy_xml_start(x, TEXT_NS, "list-level-style-image"))) {
		take_level(x, s->cur, false);
	} else if (sy_xml_start(x, STYLE_NS, "style")) {
		take_para_style(x, s);
	} else {
		return false;
	}
	return true;
}

static const struct odf_para_style *find_para_style(const struct odf_styles *s, const char *name)
{
	for (size_t i = s->nparas; name && i-- > 0;) /* automatic styles come last: they win */
		if (s->paras[i].name && !strcmp(s->paras[i].name, name))
			return &s->paras[i];
	return NULL;
}

static const struct odf_list_style *find_list_style(const struct odf_styles *s, const char *name)
{
	for (size_t i = s->nlists; name && i-- > 0;)
		if (s->lists[i].name && !strcmp(s->lists[i].name, name))
			return &s->lists[i];
	return NULL;
}

/* The outline level and list style a paragraph style gives, through its parents. */
static void para_style_props(const struct odf_styles *s, const char *name, int *outline, const char **list)
{
	*outline = 0;
	*list = NULL;
	const struct odf_para_style *p = find_para_style(s, name);
	for (int hops = 0; p && hops < 32; hops++) {
		if (!*outline)
			*outline = p->outline;
		if (!*list)
			*list = p->list_style;
		p = find_para_style(s, p->parent);
	}
}

static void styles_free(struct odf_styles *s)
{
	for (size_t i = 0; i < s->nlists; i++) {
		free(s->lists[i].name);
		for (int k = 0; k < LEVELS; k++)
			level_free(&s->lists[i].lvl[k]);
	}
	for (int k = 0; k < LEVELS; k++)
		level_free(&s->outline.lvl[k]);
	for (size_t i = 0; i < s->nparas; i++) {
		free(s->paras[i].name);
		free(s->paras[i].parent);
		free(s->paras[i].list_style);
	}
	free(s->lists);
	free(s->paras);
}

/* ---------------- list counters ---------------- */

/* The counters of one list, kept by its style so a list that continues the
 * numbering (text:continue-numbering, text:continue-list) picks them up. */
struct odf_counter {
	char *style;
	int n[LEVELS];
	bool counted[LEVELS];
};

struct odf_counters {
	struct odf_counter *v;
	size_t n;
};

static struct odf_counter *counter_for(struct odf_counters *c, const char *style, bool restart)
{
	const char *key = style ? style : "";
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->v[i].style, key)) {
			if (restart)
				memset(c->v[i].counted, 0, sizeof c->v[i].counted);
			return &c->v[i];
		}
	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	struct odf_counter *k = &c->v[c->n++];
	memset(k, 0, sizeof *k);
	k->style = xstrdup(key);
	return k;
}

/* Advances level i (0-based) and writes its label as shown. */
static void label(struct sy_buf *out, struct odf_counter *k, const struct odf_list_style *ls, int i, int start)
{
	const struct odf_level *l = &ls->lvl[i];
	if (start > 0) {
		k->n[i] = start - 1;
		k->counted[i] = true;
	}
	if (!k->counted[i])
		k->n[i] = l->start - 1;
	k->n[i]++;
	k->counted[i] = true;
	for (int d = i + 1; d < LEVELS; d++)
		k->counted[d] = false;
	if (!l->numbered) {
		size_t cl;
		uint32_t cp = l->bullet && *l->bullet ? utf8_decode_str(l->bullet, &cl) : 0;
		/* symbol-font bullets sit in the private use area */
		sy_buf_puts(out, cp >= 0xE000 && cp <= 0xF8FF ? "•" : l->bullet ? l->bullet : "");
		return;
	}
	if (l->format) { /* "%1%.%2%" */
		for (const char *p = l->format; *p; p++) {
			if (*p == '%' && p[1] >= '1' && p[1] <= '9' && p[2] == '%') {
				int d = p[1] - '1';
				sy_numfmt_append(out, ls->lvl[d].fmt, k->counted[d] ? k->n[d] : ls->lvl[d].start);
				p += 2;
			} else {
				sy_buf_add(out, p, 1);
			}
		}
		return;
	}
	sy_buf_puts(out, l->prefix ? l->prefix : "");
	for (int d = i - l->display + 1 < 0 ? 0 : i - l->display + 1; d < i; d++) {
		sy_numfmt_append(out, ls->lvl[d].fmt, k->counted[d] ? k->n[d] : ls->lvl[d].start);
		sy_buf_add(out, ".", 1);
	}
	sy_numfmt_append(out, l->fmt, k->n[i]);
	sy_buf_puts(out, l->suffix ? l->suffix : "");
}

static void counters_free(struct odf_counters *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].style);
	free(c->v);
}

/* ---------------- the body ---------------- */

/* One open text:list. */
struct open_list {
	char *style;     /* its own text:style-name, or NULL */
	int item_start;  /* text:start-value of the current item, 0 none */
	bool item_labelled; /* the current item's first paragraph had its label */
	bool header;     /* the current item is a text:list-header: no label */
};

struct body {
	struct sy_doc *doc;
	size_t cap;
	struct sy_xml *x;
	struct odf_styles *styles;
	struct odf_counters counters, outline;
	struct odf_counter *list_counter; /* of the outermost open list */
	struct open_list lists[LEVELS + 1];
	int depth;                /* open text:list elements */
	bool in_body;
	int paras;                /* open text:p/text:h (notes can nest them) */
	struct sy_buf text;       /* the paragraph being read */
	int style_level;          /* its outline level */
	bool space;               /* the text so far ends in collapsible space */
	int tables;
	struct sy_buf row;
	int cells;
	bool cell_has_text;
	bool revision_pending, comment_pending, too_long;
};

static void mark_revision(struct body *b)
{
	if (!b->doc->revision_line)
		b->revision_pending = true;
}

static void emit(struct body *b, const char *s, size_t n, int style)
{
	if (b->revision_pending && b->doc->revisions) {
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

/* The list style that applies at the current depth: the nearest open list's
 * own, else the paragraph style's. */
static const struct odf_list_style *current_list_style(const struct body *b, const char *para_list)
{
	for (int d = b->depth; d-- > 0;)
		if (b->lists[d].style)
			return find_list_style(b->styles, b->lists[d].style);
	return find_list_style(b->styles, para_list);
}

/* The label of a paragraph that opens a list item, or of a numbered heading. */
static void paragraph_label(struct body *b, bool heading, int outline, const char *para_list)
{
	if (b->depth > 0) {
		struct open_list *l = &b->lists[b->depth - 1];
		if (l->item_labelled || l->header)
			return;
		l->item_labelled = true;
		const struct odf_list_style *ls = current_list_style(b, para_list);
		if (ls && b->list_counter)
			label(&b->text, b->list_counter, ls, b->depth - 1 < LEVELS ? b->depth - 1 : LEVELS - 1,
			      l->item_start);
		return;
	}
	if (heading && outline > 0) {
		struct odf_counter *k = counter_for(&b->outline, "outline", false);
		label(&b->text, k, &b->styles->outline, outline - 1, 0);
	}
}

static void para_begin(struct body *b, bool heading)
{
	b->paras++;
	if (b->paras > 1)
		return; /* a paragraph inside a note or a frame: skipped anyway */
	char *style = sy_xml_attr(b->x, TEXT_NS, "style-name");
	int outline;
	const char *para_list;
	para_style_props(b->styles, style, &outline, &para_list);
	if (heading)
		outline = attr_int(b->x, TEXT_NS, "outline-level", 1, LEVELS, outline ? outline : 1);
	b->text.len = 0;
	b->space = true; /* leading white space of a paragraph is ignored */
	b->style_level = b->tables ? 0 : outline;
	paragraph_label(b, heading, outline, para_list);
	free(style);
}

static void para_end(struct body *b)
{
	if (--b->paras > 0)
		return;
	while (b->text.len && b->text.data[b->text.len - 1] == ' ' && b->space)
		b->text.len--;
	if (b->tables > 0) {
		if (b->cell_has_text && b->text.len)
			sy_buf_add(&b->row, " ", 1);
		sy_buf_add(&b->row, b->text.data ? b->text.data : "", b->text.len);
		b->cell_has_text |= b->text.len > 0;
	} else {
		emit(b, b->text.data, b->text.len, b->style_level);
	}
	b->text.len = 0;
}

/* Text of the body: runs of white space are one space (ODF collapses them). */
static void on_text(struct body *b, const char *s)
{
	for (; *s; s++) {
		bool white = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		if (white && b->space)
			continue;
		sy_buf_add(&b->text, white ? " " : s, 1);
		b->space = white;
	}
}

static void add_literal(struct body *b, const char *s, size_t n)
{
	sy_buf_add(&b->text, s, n);
	b->space = false;
}

static void list_begin(struct body *b)
{
	char *style = sy_xml_attr(b->x, TEXT_NS, "style-name");
	if (b->depth == 0) {
		char *cont = sy_xml_attr(b->x, TEXT_NS, "continue-numbering");
		char *cont_list = sy_xml_attr(b->x, TEXT_NS, "continue-list");
		bool restart = !(cont && !strcmp(cont, "true")) && !cont_list;
		b->list_counter = counter_for(&b->counters, style, restart);
		free(cont);
		free(cont_list);
	}
	if (b->depth <= LEVELS) {
		struct open_list *l = &b->lists[b->depth];
		memset(l, 0, sizeof *l);
		l->style = style;
		style = NULL;
	}
	b->depth++;
	free(style);
}

static void list_end(struct body *b)
{
	if (b->depth == 0)
		return;
	b->depth--;
	if (b->depth <= LEVELS) {
		free(b->lists[b->depth].style);
		b->lists[b->depth].style = NULL;
	}
}

static void item_begin(struct body *b, bool header)
{
	if (b->depth == 0 || b->depth > LEVELS)
		return;
	struct open_list *l = &b->lists[b->depth - 1];
	l->item_start = header ? 0 : attr_int(b->x, TEXT_NS, "start-value", 1, 1 << 20, 0);
	l->item_labelled = false;
	l->header = header;
}

static void on_table(struct body *b, const char *n, bool start)
{
	if (!strcmp(n, "table")) {
		b->tables += start ? 1 : -1;
		if (b->tables < 0)
			b->tables = 0;
	} else if (!strcmp(n, "table-row") && b->tables == 1) {
		if (start) {
			b->row.len = 0;
			b->cells = 0;
		} else {
			emit(b, b->row.data, b->row.len, 0);
		}
	} else if ((!strcmp(n, "table-cell") || !strcmp(n, "covered-table-cell")) && start && b->tables == 1) {
		if (b->cells++ > 0)
			sy_buf_add(&b->row, "\t", 1);
		b->cell_has_text = false;
	}
}

/* text:s (text:c spaces), text:tab, text:line-break. */
static bool on_inline(struct body *b, const char *n)
{
	if (!strcmp(n, "s")) {
		int c = attr_int(b->x, TEXT_NS, "c", 1, 1000, 1);
		for (int i = 0; i < c; i++)
			add_literal(b, " ", 1);
	} else if (!strcmp(n, "tab")) {
		add_literal(b, "\t", 1);
	} else if (!strcmp(n, "line-break")) {
		add_literal(b, "\n", 1);
	} else {
		return false;
	}
	return true;
}

/* Elements of the text namespace whose content is not body text. */
static bool skipped_text(const char *n)
{
	static const char *const names[] = { "note", "tracked-changes", "ruby-text", "sequence-decls",
					     "variable-decls", "user-field-decls", "bookmark-ref-decls" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(n, names[i]))
			return true;
	return false;
}

/* Counts the regions of text:tracked-changes, then skips what they keep. */
static void count_changes(struct body *b)
{
	int depth = b->x->depth;
	if (b->x->empty)
		return;
	while (sy_xml_next(b->x) > 0 && b->x->depth > depth)
		if (sy_xml_start(b->x, TEXT_NS, "changed-region"))
			b->doc->revisions++;
}

static void on_text_start(struct body *b, const char *n)
{
	if (!strcmp(n, "p") || !strcmp(n, "h"))
		para_begin(b, n[0] == 'h');
	else if (!strcmp(n, "list"))
		list_begin(b);
	else if (!strcmp(n, "list-item") || !strcmp(n, "list-header"))
		item_begin(b, n[5] == 'h');
	else if (!strcmp(n, "tracked-changes"))
		count_changes(b);
	else if (!strcmp(n, "change-start") || !strcmp(n, "change"))
		mark_revision(b);
	else if (skipped_text(n))
		sy_xml_skip(b->x);
	else if (b->paras == 1)
		on_inline(b, n);
}

/* An annotation (批注): counted, its text is not the report's. */
static void on_annotation(struct body *b)
{
	b->doc->comments++;
	if (!b->doc->comment_line)
		b->comment_pending = true;
	sy_xml_skip(b->x);
}

static void on_start(struct body *b)
{
	struct sy_xml *x = b->x;
	if (!b->in_body) {
		if (!take_style(x, b->styles) && sy_xml_start(x, OFFICE_NS, "text"))
			b->in_body = true;
		return;
	}
	if (!strcmp(x->ns, TEXT_NS))
		on_text_start(b, x->local);
	else if (!strcmp(x->ns, TABLE_NS))
		on_table(b, x->local, true);
	else if (sy_xml_start(x, OFFICE_NS, "annotation"))
		on_annotation(b);
	else if (!strcmp(x->ns, DRAW_NS) || !strcmp(x->ns, OFFICE_NS))
		sy_xml_skip(x); /* frames, shapes, forms: not body text */
}

static void on_end(struct body *b)
{
	struct sy_xml *x = b->x;
	if (!b->in_body) {
		take_style(x, b->styles);
		return;
	}
	if (!strcmp(x->ns, TEXT_NS)) {
		if (!strcmp(x->local, "p") || !strcmp(x->local, "h"))
			para_end(b);
		else if (!strcmp(x->local, "list"))
			list_end(b);
	} else if (!strcmp(x->ns, TABLE_NS)) {
		on_table(b, x->local, false);
	} else if (sy_xml_end(x, OFFICE_NS, "text")) {
		b->in_body = false;
	}
}

static int stream(struct body *b)
{
	struct sy_xml *x = b->x;
	int rc;
	while ((rc = sy_xml_next(x)) > 0 && !b->too_long) {
		if (x->type == SY_XML_ELEMENT)
			on_start(b);
		if (sy_xml_end(x, NULL, x->local))
			on_end(b);
		else if (b->paras == 1 && sy_xml_text(x))
			on_text(b, sy_xml_text(x));
	}
	return rc;
}

/* Reads the styles of styles.xml (may be NULL). */
static int read_styles(struct odf_styles *s, const char *xml, size_t len, char *err, size_t errlen)
{
	if (!xml)
		return 0;
	struct sy_xml x;
	int rc = sy_xml_open(&x, xml, len, "styles.xml");
	while (rc == 0 && (rc = sy_xml_next(&x)) > 0) {
		rc = 0;
		take_style(&x, s);
	}
	if (rc < 0)
		snprintf(err, errlen, "%s", x.err);
	sy_xml_close(&x);
	s->cur = NULL;
	return rc < 0 ? -1 : 0;
}

int sy_odt_read_parts(struct sy_doc *doc, const char *content, size_t content_len, const char *styles_xml,
		      size_t styles_len, char *err, size_t errlen)
{
	struct odf_styles styles = {0};
	struct sy_xml x;
	int rc = read_styles(&styles, styles_xml, styles_len, err, errlen);
	if (rc == 0 && sy_xml_open(&x, content, content_len, "content.xml") != 0) {
		snprintf(err, errlen, "%s", x.err);
		rc = -1;
	}
	if (rc != 0) {
		styles_free(&styles);
		return -1;
	}
	struct body b = { .doc = doc, .x = &x, .styles = &styles };
	rc = stream(&b);
	if (rc < 0)
		snprintf(err, errlen, "%s", x.err);
	else if (b.too_long)
		snprintf(err, errlen, _("more than %u lines: not a report"), SY_DOCIN_MAX_LINES);
	if (b.revision_pending && doc->revisions)
		doc->revision_line = doc->nlines;
	if (b.comment_pending)
		doc->comment_line = doc->nlines;
	while (b.depth > 0)
		list_end(&b);
	sy_xml_close(&x);
	sy_buf_free(&b.text);
	sy_buf_free(&b.row);
	counters_free(&b.counters);
	counters_free(&b.outline);
	styles_free(&styles);
	return rc < 0 || b.too_long ? -1 : 0;
}

int sy_odt_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen)
{
	struct sy_zip *z = sy_zip_open(buf, len, err, errlen);
	if (!z)
		return -1;
	char *content = NULL, *styles = NULL;
	size_t clen = 0, slen = 0;
	int rc = sy_zip_read(z, "content.xml", &content, &clen, err, errlen);
	if (rc == 0)
		snprintf(err, errlen, _("no content.xml in this OpenDocument file"));
	if (rc == 1)
		rc = sy_zip_read(z, "styles.xml", &styles, &slen, err, errlen) < 0 ? -1 : 1;
	if (rc == 1)
		rc = sy_odt_read_parts(doc, content, clen, styles, slen, err, errlen) == 0 ? 1 : -1;
	free(content);
	free(styles);
	sy_zip_close(z);
	return rc == 1 ? 0 : -1;
}
