/* The outline: which lines are headings (and at what level), the title block,
 * the preamble, web-page chrome, page footers and the closing date line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/meta.h"
#include "shenyue/outline.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

/* Longest line (characters) that can be a continuation of a broken heading. */
#define HEADCONT_MAX 14
/* Longest line (characters) that can be chrome, a unit line or a title. */
#define SHORT_LINE 60

/* Work space while building: the squeezed copy of each line. */
struct builder {
	struct sy_outline *o;
	const struct sy_doc *d;
	const struct sy_rubric *r;
	char **sq;
};

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A closing mark ends a sentence: such a line is prose, not a heading. */
static bool has_closing_punct(const char *s)
{
	return strstr(s, "。") || strchr(s, ';') || strchr(s, ':') || strchr(s, '!') ||
	       strchr(s, '?');
}

/* Length in bytes of the heading text before the first closing mark. */
static size_t heading_cut(const char *s)
{
	size_t n = strlen(s);
	const char *p = strstr(s, "。");
	size_t cut = p ? (size_t)(p - s) : n;
	for (const char *m = ";:!?"; *m; m++) {
		const char *q = strchr(s, *m);
		if (q && (size_t)(q - s) < cut)
			cut = (size_t)(q - s);
	}
	return cut;
}

bool sy_line_ends_sentence(const char *norm)
{
	size_t n = strlen(norm);
	while (n && norm[n - 1] == ' ')
		n--;
	if (!n)
		return true;
	static const char *const ends[] = { "。", "！", "？", "；", "：", "”", "」", "…", "）",
					    ".", "!", "?", ";", ":", ")" };
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t k = strlen(ends[i]);
		if (n >= k && !memcmp(norm + n - k, ends[i], k))
			return true;
	}
	return false;
}

static size_t digits_at(const char *s)
{
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* (一) or (1): returns the marker length or 0. */
static size_t paren_marker(const char *s, bool *arabic)
{
	if (*s != '(')
		return 0;
	size_t k = digits_at(s + 1);
	*arabic = k > 0;
	if (k == 0 && !sy_meta_cn_numeral(s + 1, &k))
		return 0;
	if (k > 6 || s[1 + k] != ')')
		return 0;
	return k + 2;
}

int sy_heading_marker(const char *s, size_t *mlen)
{
	size_t k;
	bool arabic;
	if ((k = paren_marker(s, &arabic)) > 0) {
		*mlen = k;
		return arabic ? 3 : 2;
	}
	if (sy_meta_cn_numeral(s, &k)) {
		if (starts(s + k, "、") || (s[k] == '.' && s[k + 1] != '.')) {
			*mlen = k + (s[k] == '.' ? 1 : 3);
			return 1;
		}
		return 0;
	}
	if (starts(s, "第")) {
		if (sy_meta_cn_numeral(s + 3, &k) && starts(s + 3 + k, "部分")) {
			*mlen = 3 + k + 6;
			if (starts(s + *mlen, "、") || s[*mlen] == ':')
				*mlen += s[*mlen] == ':' ? 1 : 3;
			return 1;
		}
		return 0;
	}
	k = digits_at(s);
	if (k >= 1 && k <= 2) {
		const char *p = s + k;
		if (starts(p, "、")) {
			*mlen = k + 3;
			return 3;
		}
		if ((*p == '.' || *p == ')') && !(p[1] >= '0' && p[1] <= '9')) {
			*mlen = k + 1;
			return 3;
		}
	}
	return 0;
}

/* Web-page chrome: a line opening with a chrome label, followed by a
 * separator (来源：…, 首页 > 政务公开, 【打印】), or short enough to be
 * nothing but a label (扫一扫在手机打开当前页). Sentences never qualify. */
static bool is_chrome(const struct builder *b, const char *sq)
{
	size_t chars = utf8_count(sq);
	if (!*sq || chars > SHORT_LINE || strstr(sq, "。"))
		return false;
	for (size_t i = 0; i < b->r->chrome.n; i++) {
		const char *w = b->r->chrome.v[i];
		if (!starts(sq, w))
			continue;
		const char *rest = sq + strlen(w);
		if (!*rest || strchr(":|>/]", *rest) || starts(rest, "】") || starts(rest, "》") ||
		    starts(rest, "»") || starts(rest, "›") || !strncmp(w, "【", 3) || chars <= 16)
			return true;
	}
	return false;
}

/* Page footers: "- 3 -", "—3—", "第3页", "第3页共5页". */
static bool is_footer(const char *sq)
{
	const char *p = sq;
	while (*p == '-' || *p == '_' || starts(p, "—") || starts(p, "–"))
		p += (*p == '-' || *p == '_') ? 1 : 3;
	size_t k = digits_at(p);
	if (k >= 1 && k <= 3) {
		const char *q = p + k;
		while (*q == '-' || *q == '_' || starts(q, "—") || starts(q, "–"))
			q += (*q == '-' || *q == '_') ? 1 : 3;
		if (!*q && q != p + k)
			return true;
	}
	if (starts(sq, "第")) {
		k = digits_at(sq + 3);
		if (k && starts(sq + 3 + k, "页")) {
			const char *q = sq + 3 + k + 3;
			if (!*q)
				return true;
			if (starts(q, "共") && digits_at(q + 3) && starts(q + 3 + digits_at(q + 3), "页"))
				return true;
		}
	}
	return false;
}

static void mark_chrome(struct builder *b)
{
	for (size_t i = 0; i < b->o->nlines; i++) {
		if (!*b->sq[i])
			b->o->kind[i] = SY_LK_BLANK;
		else if (is_chrome(b, b->sq[i]) || is_footer(b->sq[i]))
			b->o->kind[i] = SY_LK_CHROME;
		else
			b->o->kind[i] = SY_LK_TEXT;
	}
}

static bool names_a_part(const struct builder *b, const char *sq);

static bool is_text(const struct builder *b, size_t i)
{
	return i < b->o->nlines && b->o->kind[i] == SY_LK_TEXT;
}

/* Trimmed normalised text of line i (a new string). */
static char *trimmed_norm(const struct builder *b, size_t i)
{
	const char *t = b->d->lines[i].norm;
	while (*t == ' ')
		t++;
	size_t n = strlen(t);
	while (n && t[n - 1] == ' ')
		n--;
	return xstrndup(t, n);
}

/* A title says 报告, or names rule-of-law work with a year or as a summary. */
static bool is_title_text(const char *sq)
{
	if (strstr(sq, "报告"))
		return true;
	return strstr(sq, "法治") && (sy_meta_year(sq) || strstr(sq, "总结") || strstr(sq, "情况"));
}

/* The title: the first short line with 报告 among the first content lines;
 * when only its tail is there (情况的报告), it began on the line above. */
static void find_title(struct builder *b)
{
	struct sy_outline *o = b->o;
	long prev = -1;
	size_t seen = 0;
	for (size_t i = 0; i < o->nlines && seen < 6; i++) {
		if (!is_text(b, i))
			continue;
		seen++;
		const char *sq = b->sq[i];
		size_t ml;
		if (sy_heading_marker(sq, &ml) || has_closing_punct(sq) || utf8_count(sq) > SHORT_LINE)
			return;
		if (!is_title_text(sq)) {
			prev = (long)i;
			continue;
		}
		size_t first = i, last = i, next = i + 1;
		if (!strstr(sq, "法治") && prev >= 0 && strstr(b->sq[prev], "法治"))
			first = (size_t)prev;
		else if (!strstr(sq, "报告") && is_text(b, next) && strstr(b->sq[next], "报告") &&
			 !strstr(b->sq[next], "法治") && utf8_count(b->sq[next]) < 20)
			last = next;
		struct sy_buf t = {0};
		for (size_t k = first; k <= last; k++) {
			char *part = trimmed_norm(b, k);
			sy_buf_puts(&t, part);
			free(part);
			o->kind[k] = SY_LK_TITLE;
		}
		o->title_line = (long)first;
		o->title = sy_buf_steal(&t);
		return;
	}
}

/* A unit's name: short, unpunctuated, no heading marker, no year or date
 * (a document number such as 青禾政〔2025〕3号 or a date is not a unit). */
static bool is_unit_like(const struct builder *b, size_t i)
{
	size_t ml;
	const char *sq = b->sq[i];
	int y, m, d;
	return b->o->kind[i] == SY_LK_TEXT && !has_closing_punct(sq) && utf8_count(sq) <= 40 &&
	       !sy_heading_marker(sq, &ml) && !strstr(sq, "法治") && !strstr(sq, "报告") &&
	       !strstr(sq, "〔") && !strchr(sq, '[') && !sy_meta_find_date(sq, &y, &m, &d) &&
	       !sy_meta_year(sq);
}

/* Short lines above the title are the issuing unit; with no title, a short
 * first line is. Returns the first such line's normalised text, or NULL. */
static const char *find_unit_line(struct builder *b)
{
	const char *unit = NULL;
	for (long i = 0; i < b->o->title_line; i++) {
		if (!is_unit_like(b, (size_t)i))
			continue;
		b->o->kind[i] = SY_LK_UNIT;
		if (!unit)
			unit = b->d->lines[i].norm;
	}
	if (b->o->title_line >= 0)
		return unit;
	for (size_t i = 0; i < b->o->nlines; i++) {
		if (b->o->kind[i] != SY_LK_TEXT)
			continue;
		if (!is_unit_like(b, i) || names_a_part(b, b->sq[i]))
			return NULL;
		b->o->kind[i] = SY_LK_UNIT;
		return b->d->lines[i].norm;
	}
	return NULL;
}

/* The signing unit at the end, when nothing above the body names the unit. */
static const char *find_signature_unit(const struct builder *b)
{
	for (size_t i = 0; i < b->o->nlines; i++)
		if (b->o->kind[i] == SY_LK_SIGNATURE)
			return b->d->lines[i].norm;
	return NULL;
}

static void find_year(struct builder *b)
{
	struct sy_outline *o = b->o;
	char *title = o->title ? sy_squeeze(o->title) : NULL;
	o->year = title ? sy_meta_year(title) : 0;
	free(title);
	if (o->year > 0) {
		o->year_line = o->title_line;
		return;
	}
	size_t start = o->title_line >= 0 ? (size_t)o->title_line + 1 : 0;
	for (size_t i = start, paragraphs = 0; i < o->nlines && paragraphs < 2; i++) {
		if (!is_text(b, i))
			continue;
		paragraphs++;
		if ((o->year = sy_meta_year(b->sq[i])) > 0) {
			o->year_line = (long)i;
			return;
		}
	}
	/* a report is dated early in the year after the one it reports on, or
	 * at the very end of the year itself */
	if (o->date_line >= 0 && (o->date_m <= 6 || o->date_m >= 11)) {
		o->year = o->date_m <= 6 ? o->date_y - 1 : o->date_y;
		o->year_line = o->date_line;
	}
}

/* An unnumbered line is a heading when short, unpunctuated and naming a part. */
static bool names_a_part(const struct builder *b, const char *sq)
{
	for (size_t p = 0; p < b->r->nparts; p++) {
		const struct sy_part *part = &b->r->parts[p];
		bool named = sy_patterns_match(&part->headings, sq, b->o->year, NULL) ||
			     sy_patterns_match(&part->top_headings, sq, b->o->year, NULL);
		if (named && !sy_patterns_match(&part->exclude, sq, b->o->year, NULL))
			return true;
	}
	return false;
}

/* A heading starts a paragraph: the line above is blank, structural, or ends
 * a sentence. A line of hard-wrapped prose never does. */
static bool starts_paragraph(const struct builder *b, size_t i)
{
	if (i == 0)
		return true;
	enum sy_line_kind k = b->o->kind[i - 1];
	return k != SY_LK_TEXT || sy_line_ends_sentence(b->d->lines[i - 1].norm);
}

static bool is_unnumbered_heading(const struct builder *b, size_t i)
{
	const char *sq = b->sq[i];
	return is_text(b, i) && !has_closing_punct(sq) &&
	       utf8_count(sq) <= (size_t)b->r->heading_max_chars && starts_paragraph(b, i) &&
	       names_a_part(b, sq);
}

/* A broken heading continues on the next line when that line is a short fragment. */
/* How a heading's last words read: the tail of a broken heading ends so. */
static bool ends_like_heading(const char *sq)
{
	static const char *const ends[] = { "情况", "成效", "安排", "计划", "打算", "原因", "问题", "不足",
					    "职责", "举措", "思路", "措施", "工作", "重点", "要点", "方向" };
	size_t n = strlen(sq);
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t k = strlen(ends[i]);
		if (n >= k && !strcmp(sq + n - k, ends[i]))
			return true;
	}
	return false;
}

/* A heading broken by PDF extraction goes on with a short fragment that ends
 * like a heading, or stands alone before a blank line; wrapped prose does not. */
static bool continues_heading(const struct builder *b, size_t i)
{
	size_t j = i + 1, ml;
	if (!is_text(b, j) || has_closing_punct(b->sq[i]) || has_closing_punct(b->sq[j]))
		return false;
	const char *c = b->sq[j];
	int y, m, d;
	if (utf8_count(c) > HEADCONT_MAX || sy_heading_marker(c, &ml) || starts(c, "无") ||
	    starts(c, "(无") || sy_meta_date(c, &y, &m, &d) || utf8_count(b->sq[i]) < 8)
		return false;
	bool alone = j + 1 >= b->o->nlines || b->o->kind[j + 1] == SY_LK_BLANK;
	return ends_like_heading(c) || alone;
}

/* The original text of line i without surrounding spaces, cut to ncut bytes of
 * its squeezed form when the line goes on with body text. */
static void append_display(struct sy_buf *out, const struct sy_doc *d, size_t i)
{
	const char *t = d->lines[i].text;
	size_t n = strlen(t);
	size_t a = 0, l;
	while (a < n) {
		uint32_t cp = utf8_decode(t + a, n - a, &l);
		if (cp != ' ' && cp != '\t' && cp != 0x3000 && cp != 0xA0)
			break;
		a += l;
	}
	size_t z = n;
	while (z > a) {
		size_t k = z - 1;
		while (k > a && ((unsigned char)t[k] & 0xC0) == 0x80)
			k--;
		uint32_t cp = utf8_decode(t + k, z - k, &l);
		if (cp != ' ' && cp != '\t' && cp != 0x3000 && cp != 0xA0 && cp != '\r')
			break;
		z = k;
	}
	sy_buf_add(out, t + a, z - a);
}

/* Cuts a display string at the first sentence-closing mark (。；：！？ or ASCII). */
static void cut_display(char *s)
{
	static const char *const marks[] = { "。", "；", "：", "！", "？", ";", ":", "!", "?" };
	char *cut = NULL;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		char *p = strstr(s, marks[i]);
		if (p && (!cut || p < cut))
			cut = p;
	}
	if (cut)
		*cut = '\0';
}

static void add_heading(struct builder *b, size_t i, int level, size_t mlen, bool numbered)
{
	struct sy_outline *o = b->o;
	o->h = xreallocarray(o->h, o->nh + 1, sizeof *o->h);
	struct sy_heading *h = &o->h[o->nh++];
	memset(h, 0, sizeof *h);
	h->line = i;
	h->level = level;
	h->numbered = numbered;
	h->nlines = continues_heading(b, i) ? 2 : 1;
	h->marker = xstrndup(b->sq[i], mlen);
	struct sy_buf text = {0}, disp = {0};
	sy_buf_puts(&text, b->sq[i] + mlen);
	append_display(&disp, b->d, i);
	if (h->nlines == 2) {
		sy_buf_puts(&text, b->sq[i + 1]);
		append_display(&disp, b->d, i + 1);
		o->kind[i + 1] = SY_LK_HEADCONT;
	}
	h->text = sy_buf_steal(&text);
	size_t cut = heading_cut(h->text);
	h->inline_body = utf8_count(h->text + cut) > 2;
	h->text[cut] = '\0';
	h->display = sy_buf_steal(&disp);
	cut_display(h->display);
	o->kind[i] = SY_LK_HEADING;
}

/* The highest heading level (smallest number) the document's own styles give
 * a content line from 'start' on: that style level is the outline's level 1.
 * 0 when the document has no heading styles (plain text). */
static int top_style_level(const struct builder *b, size_t start)
{
	int top = 0;
	for (size_t i = start; i < b->o->nlines; i++) {
		int s = sy_doc_style_level(b->d, i);
		if (s && is_text(b, i) && (!top || s < top))
			top = s;
	}
	return top;
}

/* A line the document itself styles as a heading (Word Heading 1-9, an outline
 * level, ODF text:h) is a heading when short enough to be one, whatever its
 * words. Returns its outline level (1..3, relative to the top styled level), or 0. */
static int styled_heading_level(const struct builder *b, size_t i, int top)
{
	int s = sy_doc_style_level(b->d, i);
	size_t chars = utf8_count(b->sq[i]);
	if (!s || !top || chars < 2 || chars > (size_t)b->r->heading_max_chars)
		return 0;
	int level = s - top + 1;
	return level > 3 ? 3 : level;
}

static void find_headings(struct builder *b)
{
	size_t start = b->o->title_line >= 0 ? (size_t)b->o->title_line + 1 : 0;
	int top = top_style_level(b, start);
	for (size_t i = start; i < b->o->nlines; i++) {
		if (!is_text(b, i))
			continue;
		size_t ml = 0;
		int level = sy_heading_marker(b->sq[i], &ml);
		if (level && utf8_count(b->sq[i] + ml) >= 2)
			add_heading(b, i, level, ml, true);
		else if ((level = styled_heading_level(b, i, top)) > 0)
			add_heading(b, i, level, 0, false);
		else if (is_unnumbered_heading(b, i))
			add_heading(b, i, 1, 0, false);
	}
}

/* A date alone on its line, or after the signing unit on the same short line
 * ("青禾县云溪镇人民政府 2025年1月15日"). */
static bool is_date_line(const char *sq, int *y, int *m, int *d)
{
	if (sy_meta_date(sq, y, m, d))
		return true;
	size_t n = strlen(sq);
	const char *p = strstr(sq, "20");
	if (!p || has_closing_punct(sq) || utf8_count(sq) > 40 || n < 3 || strcmp(sq + n - 3, "日"))
		return false;
	for (const char *q = p; (q = strstr(q, "20")) != NULL; q++)
		if (sy_meta_date(q, y, m, d))
			return true;
	return false;
}

/* The date line and the signing unit above it, looked for among the last lines. */
static void find_date(struct builder *b)
{
	struct sy_outline *o = b->o;
	size_t seen = 0;
	for (size_t i = o->nlines; i-- > 0 && seen < 4;) {
		if (o->kind[i] != SY_LK_TEXT)
			continue;
		seen++;
		if (!is_date_line(b->sq[i], &o->date_y, &o->date_m, &o->date_d))
			continue;
		o->date_line = (long)i;
		o->kind[i] = SY_LK_DATE;
		for (size_t j = i, sig = 0; j-- > 0 && sig < 2;) {
			if (o->kind[j] == SY_LK_BLANK)
				continue;
			if (o->kind[j] != SY_LK_TEXT || has_closing_punct(b->sq[j]) ||
			    utf8_count(b->sq[j]) > 40)
				break;
			o->kind[j] = SY_LK_SIGNATURE;
			sig++;
		}
		return;
	}
}

/* The highest level any heading uses: some reports number their parts （一）. */
static int top_level(const struct sy_outline *o)
{
	int top = 3;
	for (size_t k = 0; k < o->nh; k++)
		if (o->h[k].level < top)
			top = o->h[k].level;
	return top;
}

/* Content begins at the first top-level heading; before it is the preamble. */
static void mark_preamble(struct builder *b)
{
	struct sy_outline *o = b->o;
	o->top_level = top_level(o);
	size_t start = o->title_line >= 0 ? (size_t)o->title_line + 1 : 0;
	long first = -1;
	for (size_t k = 0; k < o->nh && first < 0; k++)
		if (o->h[k].level == o->top_level)
			first = (long)o->h[k].line;
	if (first < 0) {
		/* no heading at all: only the first paragraph is preamble */
		first = (long)start;
		while ((size_t)first < o->nlines && !is_text(b, (size_t)first))
			first++;
		if ((size_t)first < o->nlines)
			first++;
	}
	o->body_start = (size_t)first;
	for (size_t i = start; i < o->body_start; i++)
		if (o->kind[i] == SY_LK_TEXT)
			o->kind[i] = SY_LK_PREAMBLE;
}

void sy_outline_build(struct sy_outline *o, const struct sy_doc *d, const struct sy_rubric *r)
{
	memset(o, 0, sizeof *o);
	o->nlines = d->nlines;
	o->kind = xcalloc(d->nlines + 1, sizeof *o->kind);
	o->title_line = o->year_line = o->date_line = -1;
	struct builder b = { o, d, r, xcalloc(d->nlines + 1, sizeof(char *)) };
	for (size_t i = 0; i < d->nlines; i++)
		b.sq[i] = d->lines[i].sq;
	mark_chrome(&b);
	find_title(&b);
	find_date(&b);
	find_year(&b);
	const char *unit_line = find_unit_line(&b);
	o->unit = sy_meta_unit(unit_line, o->title);
	if (!o->unit)
		o->unit = sy_meta_unit(find_signature_unit(&b), NULL);
	find_headings(&b);
	mark_preamble(&b);
	free(b.sq);
}

void sy_outline_free(struct sy_outline *o)
{
	for (size_t i = 0; i < o->nh; i++) {
		free(o->h[i].marker);
		free(o->h[i].text);
		free(o->h[i].display);
	}
	free(o->h);
	free(o->kind);
	free(o->title);
	free(o->unit);
	memset(o, 0, sizeof *o);
}

/* End of the content: the signature or date line, else the end of the file. */
static size_t content_end(const struct sy_outline *o)
{
	for (size_t i = 0; i < o->nlines; i++)
		if (o->kind[i] == SY_LK_SIGNATURE || o->kind[i] == SY_LK_DATE)
			return i;
	return o->nlines;
}

size_t sy_outline_section_end(const struct sy_outline *o, size_t i)
{
	if (i >= o->nh)
		return o->nlines;
	for (size_t k = i + 1; k < o->nh; k++)
		if (o->h[k].level <= o->h[i].level)
			return o->h[k].line;
	size_t end = content_end(o);
	return end > o->h[i].line ? end : o->nlines;
}

long sy_outline_section_of(const struct sy_outline *o, size_t line)
{
	long best = -1;
	for (size_t k = 0; k < o->nh && o->h[k].line <= line; k++)
		best = (long)k;
	return best;
}
