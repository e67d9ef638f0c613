/* .html/.htm (a saved copy of the page a unit published) with libxml2's
 * HTML parser. Block elements are lines, a data table's row is one line of
 * tab-separated cells; scripts, styles, navigation and forms are dropped.
 * A portal page wraps the report in menus, link lists and footers: the
 * report is the element holding the most paragraph text (links not
 * counted), read from the page's title heading above it down to its end,
 * with short lines made mostly of links left out. The page's 发布日期 /
 * 发布时间 (or its PubDate meta tag) is kept as the publication date. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "shenyue/docin_reader.h"
#include "shenyue/i18n.h"
#include "shenyue/meta.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

/* Deepest element nesting walked; deeper content is not read. */
#define MAX_WALK SY_DOCIN_MAX_DEPTH
/* Below this much paragraph text, no element stands out: the whole body is read. */
#define MIN_ARTICLE 200

static bool starts_ci(const unsigned char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && !strncasecmp((const char *)s, prefix, k);
}

/* Finds needle (ASCII, any case) in the first n bytes of s. */
static const unsigned char *find_ci(const unsigned char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (!strncasecmp((const char *)s + i, needle, k))
			return s + i;
	return NULL;
}

bool sy_html_sniff(const unsigned char *buf, size_t len)
{
	size_t i = len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF ? 3 : 0;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
		i++;
	if (i >= len || buf[i] != '<')
		return false;
	const unsigned char *s = buf + i;
	size_t n = len - i < 4096 ? len - i : 4096;
	if (starts_ci(s, n, "<!doctype html") || starts_ci(s, n, "<html") || starts_ci(s, n, "<head") ||
	    starts_ci(s, n, "<meta") || starts_ci(s, n, "<body"))
		return true;
	return (starts_ci(s, n, "<?xml") || starts_ci(s, n, "<!--")) && (find_ci(s, n, "<html") || find_ci(s, n, "<body"));
}

/* The encoding the page declares (<meta charset>, http-equiv), or NULL.
 * The GB family is read as GB18030: pages saying gb2312 use GBK characters. */
static const char *declared_encoding(const unsigned char *buf, size_t len)
{
	size_t n = len < 4096 ? len : 4096;
	const unsigned char *p = find_ci(buf, n, "charset=");
	if (!p)
		return NULL;
	p += 8;
	while (p < buf + n && (*p == '"' || *p == '\'' || *p == ' '))
		p++;
	size_t left = (size_t)(buf + n - p);
	if (starts_ci(p, left, "gb") || starts_ci(p, left, "x-gbk") || starts_ci(p, left, "cp936"))
		return "GB18030";
	if (starts_ci(p, left, "utf-8") || starts_ci(p, left, "utf8"))
		return "UTF-8";
	if (starts_ci(p, left, "big5"))
		return "BIG5";
	return NULL;
}

/* ---------------- the page as lines ---------------- */

/* A line of the page with where it came from. */
struct page_line {
	char *text;
	const xmlNode *block; /* the block element that made it */
	size_t chars, link_chars;
	int style;            /* h1-h6: 1-6 */
};

struct page {
	struct page_line *v;
	size_t n;
	struct sy_buf cur;    /* the line being built */
	size_t chars, link_chars;
	bool space;           /* cur ends in collapsible white space */
	const xmlNode *block;
	int style;
};

static bool name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && !strcasecmp((const char *)n->name, name);
}

static bool in_list(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (name_is(n, *names))
			return true;
	return false;
}

static bool is_dropped(const xmlNode *n)
{
	static const char *const names[] = { "script", "style", "noscript", "nav", "iframe", "template", "select",
					     "option", "button", "input", "textarea", "object", "embed", "svg",
					     "canvas", "head", "map", "audio", "video", NULL };
	return in_list(n, names);
}

static bool is_block(const xmlNode *n)
{
	static const char *const names[] = { "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
					     "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr", "section",
					     "article", "header", "footer", "aside", "main", "blockquote", "pre",
					     "address", "center", "form", "fieldset", "hr", "figure", "figcaption",
					     "caption", "body", "td", "th", NULL };
	return in_list(n, names);
}

static int heading_level(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || !n->name || (n->name[0] != 'h' && n->name[0] != 'H'))
		return 0;
	return n->name[1] >= '1' && n->name[1] <= '6' && !n->name[2] ? n->name[1] - '0' : 0;
}

/* Ends the line being built (a blank one is not kept). */
static void end_line(struct page *pg)
{
	size_t n = pg->cur.len;
	while (n && pg->cur.data[n - 1] == ' ')
		n--;
	if (n) {
		pg->v = xreallocarray(pg->v, pg->n + 1, sizeof *pg->v);
		pg->v[pg->n++] = (struct page_line){ xstrndup(pg->cur.data, n), pg->block, pg->chars, pg->link_chars,
						     pg->style };
	}
	pg->cur.len = 0;
	pg->chars = pg->link_chars = 0;
	pg->space = true;
}

/* Text, its white space collapsed as a browser shows it. */
static void add_text(struct page *pg, const char *s, bool link, bool pre)
{
	for (size_t i = 0, n = strlen(s), l; i < n; i += l) {
		uint32_t cp = utf8_decode(s + i, n - i, &l);
		bool white = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f';
		if (pre && cp == '\n') {
			end_line(pg);
			continue;
		}
		if (white && pg->space)
			continue;
		sy_buf_add(&pg->cur, white ? " " : s + i, white ? 1 : l);
		pg->space = white;
		if (!white) {
			pg->chars++;
			pg->link_chars += link;
		}
	}
}

static void walk(struct page *pg, const xmlNode *n, int depth, bool link, bool pre);

/* True when a table cell holds blocks: a layout cell, not a data cell. */
static bool holds_blocks(const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c && depth < MAX_WALK; c = c->next)
		if ((is_block(c) && !name_is(c, "td") && !name_is(c, "th")) || name_is(c, "br") ||
		    (c->type == XML_ELEMENT_NODE && holds_blocks(c, depth + 1)))
			return true;
	return false;
}

/* A row of two or more data cells becomes one line: cells separated by
 * tabs. A row of one cell is layout. */
static bool data_row(const xmlNode *tr, int depth)
{
	int cells = 0;
	for (const xmlNode *c = tr->children; c; c = c->next)
		if (name_is(c, "td") || name_is(c, "th")) {
			if (holds_blocks(c, depth))
				return false;
			cells++;
		}
	return cells >= 2;
}

static void walk_row(struct page *pg, const xmlNode *tr, int depth, bool link)
{
	end_line(pg);
	const xmlNode *saved = pg->block;
	pg->block = tr;
	int cells = 0;
	for (const xmlNode *c = tr->children; c; c = c->next) {
		if (!name_is(c, "td") && !name_is(c, "th"))
			continue;
		if (cells++ > 0) {
			sy_buf_add(&pg->cur, "\t", 1);
			pg->space = true;
		}
		for (const xmlNode *k = c->children; k; k = k->next)
			walk(pg, k, depth + 1, link, false);
		while (pg->cur.len && pg->cur.data[pg->cur.len - 1] == ' ')
			pg->cur.len--;
	}
	/* a row of empty cells is no line */
	bool blank = true;
	for (size_t i = 0; i < pg->cur.len && blank; i++)
		blank = pg->cur.data[i] == '\t';
	if (blank)
		pg->cur.len = 0;
	end_line(pg);
	pg->block = saved;
}

static void walk_block(struct page *pg, const xmlNode *n, int depth, bool link, bool pre)
{
	end_line(pg);
	const xmlNode *saved = pg->block;
	int saved_style = pg->style;
	pg->block = n;
	if (heading_level(n))
		pg->style = heading_level(n);
	for (const xmlNode *c = n->children; c; c = c->next)
		walk(pg, c, depth + 1, link, pre || name_is(n, "pre"));
	end_line(pg);
	pg->block = saved;
	pg->style = saved_style;
}

static void walk(struct page *pg, const xmlNode *n, int depth, bool link, bool pre)
{
	if (depth > MAX_WALK)
		return;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			add_text(pg, (const char *)n->content, link, pre);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || is_dropped(n))
		return;
	if (name_is(n, "br")) {
		end_line(pg);
	} else if (name_is(n, "tr") && data_row(n, depth)) {
		walk_row(pg, n, depth, link);
	} else if (is_block(n)) {
		walk_block(pg, n, depth, link, pre);
	} else {
		for (const xmlNode *c = n->children; c; c = c->next)
			walk(pg, c, depth + 1, link || name_is(n, "a"), pre);
	}
}

static void page_free(struct page *pg)
{
	for (size_t i = 0; i < pg->n; i++)
		free(pg->v[i].text);
	free(pg->v);
	sy_buf_free(&pg->cur);
}

/* ---------------- where the report is ---------------- */

static bool is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (; n; n = n->parent)
		if (n == a)
			return true;
	return false;
}

/* Scores of the elements holding paragraph text (kept in a small table). */
struct scores {
	const xmlNode **node;
	size_t *score;
	size_t n;
};

static void add_score(struct scores *s, const xmlNode *node, size_t v)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->node[i] == node) {
			s->score[i] += v;
			return;
		}
	s->node = xreallocarray(s->node, s->n + 1, sizeof *s->node);
	s->score = xreallocarray(s->score, s->n + 1, sizeof *s->score);
	s->node[s->n] = node;
	s->score[s->n++] = v;
}

/* The element with the most paragraph text: each line's text (links not
 * counted) goes to its block's parent, half to the grandparent. */
static const xmlNode *best_container(const struct page *pg, size_t *best_score)
{
	struct scores s = {0};
	for (size_t i = 0; i < pg->n; i++) {
		const xmlNode *b = pg->v[i].block;
		size_t text = pg->v[i].chars - pg->v[i].link_chars;
		if (!b || text < 10)
			continue;
		const xmlNode *p = name_is(b, "p") || name_is(b, "div") || name_is(b, "td") ? b->parent : b;
		if (p)
			add_score(&s, p, text * 2);
		if (p && p->parent)
			add_score(&s, p->parent, text);
	}
	const xmlNode *best = NULL;
	*best_score = 0;
	for (size_t i = 0; i < s.n; i++)
		if (s.score[i] > *best_score) {
			*best_score = s.score[i];
			best = s.node[i];
		}
	free(s.node);
	free(s.score);
	*best_score /= 2;
	return best;
}

/* True when a class or id value has a word naming a title: "article-title",
 * "con_tit", "bt" (标题), "biaoti". */
static bool names_title(const char *v)
{
	static const char *const words[] = { "title", "tit", "bt", "biaoti", "headline", NULL };
	for (const char *p = v; *p;) {
		size_t k = strcspn(p, " -_");
		for (const char *const *w = words; *w; w++)
			if (k == strlen(*w) && !strncasecmp(p, *w, k))
				return true;
		p += k + (p[k] != '\0');
	}
	return false;
}

/* A heading element: h1-h3, or a block whose class or id names a title. */
static bool title_like(const xmlNode *n)
{
	int h = heading_level(n);
	if (h >= 1 && h <= 3)
		return true;
	if (n->type != XML_ELEMENT_NODE)
		return false;
	static const char *const attrs[] = { "class", "id" };
	for (size_t k = 0; k < 2; k++) {
		xmlChar *v = xmlGetProp((xmlNode *)n, (const xmlChar *)attrs[k]);
		bool yes = v && names_title((const char *)v);
		xmlFree(v);
		if (yes)
			return true;
	}
	return false;
}

/* The first line of the report: the nearest title-like line above the
 * container, within its ancestors a few levels up; else its first line. */
static size_t first_line(const struct page *pg, const xmlNode *c, size_t first_in)
{
	const xmlNode *scope = c;
	for (int up = 0; up < 4 && scope->parent; up++)
		scope = scope->parent;
	for (size_t i = first_in; i-- > 0;) {
		const xmlNode *b = pg->v[i].block;
		if (!b || !is_ancestor(scope, b))
			break;
		for (const xmlNode *n = b; n && n != scope; n = n->parent)
			if (title_like(n) && pg->v[i].chars >= 6)
				return i;
	}
	return first_in;
}

/* Short lines made mostly of links (menus, 上一篇/下一篇, 字号 大中小) are not the report's. */
static bool link_line(const struct page_line *l)
{
	return l->chars < 80 && l->link_chars * 2 > l->chars;
}

/* ---------------- the publication date ---------------- */

static bool date_in(const char *text, int *y, int *m, int *d)
{
	char *sq = sy_squeeze(text);
	const char *p = strstr(sq, "发布日期");
	if (!p)
		p = strstr(sq, "发布时间");
	if (!p)
		p = strstr(sq, "发文日期");
	bool found = p && sy_meta_find_date(p, y, m, d);
	free(sq);
	return found;
}

/* <meta name="PubDate" content="2025-03-25 10:00"> and its kin. */
static bool meta_date(const xmlNode *n, int depth, int *y, int *m, int *d)
{
	static const char *const names[] = { "pubdate", "publishdate", "firstpublishedtime", "publish_date",
					     "article:published_time", "dc.date", NULL };
	for (; n && depth < MAX_WALK; n = n->next) {
		if (name_is(n, "meta")) {
			xmlChar *name = xmlGetProp((xmlNode *)n, (const xmlChar *)"name");
			if (!name)
				name = xmlGetProp((xmlNode *)n, (const xmlChar *)"property");
			bool pub = false;
			for (const char *const *k = names; name && *k && !pub; k++)
				pub = !strcasecmp((const char *)name, *k);
			xmlFree(name);
			xmlChar *content = pub ? xmlGetProp((xmlNode *)n, (const xmlChar *)"content") : NULL;
			char *sq = content ? sy_squeeze((const char *)content) : NULL;
			bool found = sq && sy_meta_find_date(sq, y, m, d);
			free(sq);
			xmlFree(content);
			if (found)
				return true;
		}
		if (n->type == XML_ELEMENT_NODE && !name_is(n, "body") && meta_date(n->children, depth + 1, y, m, d))
			return true;
	}
	return false;
}

/* ---------------- reading ---------------- */

static const xmlNode *find_element(const xmlNode *n, const char *name, int depth)
{
	for (; n && depth < MAX_WALK; n = n->next) {
		if (name_is(n, name))
			return n;
		const xmlNode *f = n->type == XML_ELEMENT_NODE ? find_element(n->children, name, depth + 1) : NULL;
		if (f)
			return f;
	}
	return NULL;
}

/* Writes the report's lines: [from, to] of the page, link lines left out;
 * the publication date's line is recorded when it is one of them. */
static int emit_range(struct sy_doc *doc, const struct page *pg, size_t from, size_t to, size_t pub_at)
{
	size_t cap = 0;
	for (size_t i = from; i <= to && i < pg->n; i++) {
		if (link_line(&pg->v[i]) && i != pub_at)
			continue;
		if (i == pub_at)
			doc->pub_line = doc->nlines + 1;
		if (sy_doc_add_text(doc, &cap, pg->v[i].text, strlen(pg->v[i].text), pg->v[i].style, 0) != 0)
			return -1;
	}
	return 0;
}

static void read_page(struct sy_doc *doc, const xmlDoc *hd, struct page *pg, size_t *from, size_t *to,
		      size_t *pub_at)
{
	const xmlNode *root = xmlDocGetRootElement((xmlDoc *)hd);
	const xmlNode *body = root ? find_element(root, "body", 0) : NULL;
	pg->space = true;
	if (body)
		walk(pg, body, 0, false, false);
	else if (root)
		walk(pg, root, 0, false, false);
	end_line(pg);
	*from = 0;
	*to = pg->n ? pg->n - 1 : 0;
	size_t score;
	const xmlNode *c = best_container(pg, &score);
	if (c && score >= MIN_ARTICLE) {
		size_t first = pg->n, last = 0;
		for (size_t i = 0; i < pg->n; i++)
			if (pg->v[i].block && is_ancestor(c, pg->v[i].block)) {
				first = i < first ? i : first;
				last = i;
			}
		if (first < pg->n) {
			*from = first_line(pg, c, first);
			*to = last;
		}
	}
	*pub_at = (size_t)-1;
	for (size_t i = 0; i < pg->n; i++)
		if (date_in(pg->v[i].text, &doc->pub_y, &doc->pub_m, &doc->pub_d)) {
			*pub_at = i;
			break;
		}
	if (*pub_at == (size_t)-1 && root)
		meta_date(root, 0, &doc->pub_y, &doc->pub_m, &doc->pub_d);
}

int sy_html_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen)
{
	if (len > (size_t)INT32_MAX) {
		snprintf(err, errlen, _("web page too large"));
		return -1;
	}
	sy_xml_init();
	const char *enc = declared_encoding(buf, len);
	if (!enc)
		enc = utf8_is_valid(buf, len) ? "UTF-8" : "GB18030";
	htmlDocPtr hd = htmlReadMemory((const char *)buf, (int)len, "page.html", enc,
				       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					       HTML_PARSE_NONET | HTML_PARSE_COMPACT);
	if (!hd) {
		snprintf(err, errlen, _("not a web page libxml2 can read"));
		return -1;
	}
	struct page pg = {0};
	size_t from, to, pub_at;
	read_page(doc, hd, &pg, &from, &to, &pub_at);
	int rc = -1;
	if (pg.n == 0)
		snprintf(err, errlen, _("no text in this web page"));
	else if (emit_range(doc, &pg, from, to, pub_at >= from && pub_at <= to ? pub_at : (size_t)-1) != 0)
		snprintf(err, errlen, _("more than %u lines: not a report"), SY_DOCIN_MAX_LINES);
	else
		rc = 0;
	page_free(&pg);
	xmlFreeDoc(hd);
	return rc;
}
