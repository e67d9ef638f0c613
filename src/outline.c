/* The outline: where a report's body starts and ends (title block, contents
 * page, preamble, signature, date line, annexes, web-page chrome, page
 * footers), built on pieces of lines; heading.c finds the headings in it,
 * outline_text.c answers what both ask of a piece's text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "outline_build.h"
#include "outline_text.h"
#include "shenyue/meta.h"
#include "shenyue/utf8.h"
#include "shenyue/strutil.h"
#include "shenyue/xalloc.h"

/* Longest line (characters) that can be chrome, a unit line or a title. */
#define SHORT_LINE 60
/* A contents page lists at most this many entries. */
#define CONTENTS_MAX 60
/* A report's title stands within this many lines of text after its first lines. */
#define HEAD_LINES 40

const char *sy_line_kind_name(enum sy_line_kind k)
{
	static const char *const names[] = { "blank", "text", "heading", "heading", "unit", "title",
					     "preamble", "chrome", "signature", "date", "contents", "annex" };
	return (size_t)k < sizeof names / sizeof *names ? names[k] : "?";
}

const char *sy_mark_example(enum sy_mark m)
{
	static const char *const ex[] = { "", "第一部分", "一、", "（一）", "1.", "（1）" };
	return ex[m];
}

/* One piece per line, its matching text read through any markup. */
static void make_pieces(struct builder *b)
{
	struct sy_outline *o = b->o;
	o->npc = o->nlines;
	o->pc = xcalloc(o->npc + 1, sizeof *o->pc);
	b->pi = xcalloc(o->npc + 1, sizeof *b->pi);
	for (size_t i = 0; i < o->nlines; i++) {
		const struct sy_line *l = &b->d->lines[i];
		struct sy_piece *p = &o->pc[i];
		p->line = i;
		p->to = strlen(l->text);
		p->sq = l->sq;
		char *plain = strpbrk(l->norm, "#*_\\>") ? sy_markup_strip(l->norm, &b->pi[i].mk) : NULL;
		if (plain) {
			p->own = matching_text(plain);
			p->sq = p->own;
			free(plain);
		}
		b->pi[i].table = sy_markup_table_row(l->text);
		p->kind = *p->sq ? SY_LK_TEXT : SY_LK_BLANK;
	}
}

/* Web-page chrome: a line opening with a chrome label, followed by a
 * separator (来源：…, 首页 > 政务公开, 【打印】), or short enough to be
 * nothing but a label (扫一扫在手机打开当前页). Sentences never qualify. */
static bool is_chrome(const struct builder *b, const char *sq)
{
	if (!*sq || utf8_longer_than(sq, SHORT_LINE) || strstr(sq, "。"))
		return false;
	for (size_t i = 0; i < b->r->chrome.n; i++) {
		const char *w = b->r->chrome.v[i];
		if (*w == '*' || !sy_starts(sq, w))
			continue;
		const char *rest = sq + strlen(w);
		if (!*rest || strchr(":|>/]", *rest) || sy_starts(rest, "】") || sy_starts(rest, "》") ||
		    sy_starts(rest, "»") || sy_starts(rest, "›") || !strncmp(w, "【", 3) || !utf8_longer_than(sq, 16))
			return true;
	}
	return false;
}

/* Page footers: "- 3 -", "—3—", "第3页", "第3页共5页". */
static bool is_footer(const char *sq)
{
	const char *p = sq;
	while (*p == '-' || *p == '_' || sy_starts(p, "—") || sy_starts(p, "–"))
		p += (*p == '-' || *p == '_') ? 1 : 3;
	size_t k = digits_at(p);
	if (k >= 1 && k <= 3) {
		const char *q = p + k;
		while (*q == '-' || *q == '_' || sy_starts(q, "—") || sy_starts(q, "–"))
			q += (*q == '-' || *q == '_') ? 1 : 3;
		if (!*q && q != p + k)
			return true;
	}
	if (sy_starts(sq, "第")) {
		k = digits_at(sq + 3);
		if (k && sy_starts(sq + 3 + k, "页")) {
			const char *q = sq + 3 + k + 3;
			if (!*q)
				return true;
			if (sy_starts(q, "共") && digits_at(q + 3) && sy_starts(q + 3 + digits_at(q + 3), "页"))
				return true;
		}
	}
	return false;
}

/* Longest site name (characters). */
#define SITE_NAME_MAX 30

/* A web site's name (白水县人民政府网, 柳林县政府门户网站): a short line ending
 * as one of the rubric's chrome entries written "*…" does. */
static bool is_site_name(const struct builder *b, const char *sq)
{
	size_t n = strlen(sq);
	if (utf8_longer_than(sq, SITE_NAME_MAX) || has_closing_punct(sq))
		return false;
	for (size_t i = 0; i < b->r->chrome.n; i++) {
		const char *w = b->r->chrome.v[i];
		size_t k = strlen(w) - 1;
		if (*w == '*' && k && n > k && !memcmp(sq + n - k, w + 1, k))
			return true;
	}
	return false;
}

/* The length of a breadcrumb separator at s (> › » → 〉 | /), or 0. */
static size_t crumb_separator(const char *s)
{
	static const char *const seps[] = { ">", "›", "»", "→", "〉", "|", "/" };
	for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
		if (sy_starts(s, seps[i]))
			return strlen(seps[i]);
	return 0;
}

/* A site's name opening a line, then more after a space or a breadcrumb
 * separator (平川县人民政府门户网站 > 政府信息公开 > …, 白石镇人民政府网 首页):
 * the page's header, never the unit. norm: the line's normalised text. */
static bool opens_with_site_name(const struct builder *b, const char *norm)
{
	while (*norm == ' ')
		norm++;
	size_t n = 0, chars = 0;
	while (norm[n] && norm[n] != ' ' && !crumb_separator(norm + n)) {
		chars += ((unsigned char)norm[n] & 0xC0) != 0x80;
		if (chars > SITE_NAME_MAX)
			return false; /* too long a word for a site's name (is_site_name) */
		n++;
	}
	const char *rest = norm + n;
	while (*rest == ' ' || crumb_separator(rest))
		rest += *rest == ' ' ? 1 : crumb_separator(rest);
	if (!n || !*rest)
		return false;
	char *first = xstrndup(norm, n);
	bool site = is_site_name(b, first);
	free(first);
	return site;
}

/* Chrome anywhere; and a site's name in the head of the page (alone, or
 * opening a breadcrumb), among the short unpunctuated lines before the first
 * sentence or heading, where it would otherwise be taken for the unit (a
 * heading may end in 网: 法治网). */
static void mark_chrome(struct builder *b)
{
	bool head = true;
	for (size_t i = 0; i < b->o->npc; i++) {
		if (!piece_is_text(b, i))
			continue;
		const char *sq = b->o->pc[i].sq;
		struct mark m;
		const char *norm = b->d->lines[b->o->pc[i].line].norm;
		if (is_chrome(b, sq) || is_footer(sq) ||
		    (head && (is_site_name(b, sq) || opens_with_site_name(b, norm)))) {
			b->o->pc[i].kind = SY_LK_CHROME;
			continue;
		}
		head = head && !has_closing_punct(sq) && !parse_mark(sq, &m) && !utf8_longer_than(sq, SHORT_LINE);
	}
}

/* Dot leaders (……, ····, ....) then a page number end a contents entry;
 * returns the length of the entry's text before them, or 0. */
static size_t leader_entry(const char *sq)
{
	size_t n = strlen(sq), k = 0;
	while (k < n && k < 3 && sq[n - 1 - k] >= '0' && sq[n - 1 - k] <= '9')
		k++;
	if (!k || k == n)
		return 0;
	size_t end = n - k, leaders = 0;
	for (;;) {
		if (end >= 3 && (!memcmp(sq + end - 3, "…", 3) || !memcmp(sq + end - 3, "⋯", 3)))
			end -= 3, leaders += 2;
		else if (end >= 2 && !memcmp(sq + end - 2, "·", 2))
			end -= 2, leaders++;
		else if (end >= 1 && (sq[end - 1] == '.' || sq[end - 1] == '-' || sq[end - 1] == '_'))
			end -= 1, leaders++;
		else
			break;
	}
	return leaders >= 2 && end > 0 ? end : 0;
}

/* A line naming a contents page: 目录, 目 录. */
static bool is_contents_heading(const struct builder *b, const char *sq)
{
	for (size_t i = 0; i < b->r->contents.n; i++)
		if (!strcmp(sq, b->r->contents.v[i]))
			return true;
	return false;
}

/* The text of a contents entry: without leaders and a page number ("一、主要工作 3"). */
static char *entry_text(const struct builder *b, size_t i)
{
	const char *sq = b->o->pc[i].sq;
	size_t n = leader_entry(sq);
	if (n)
		return xstrndup(sq, n);
	const char *norm = b->d->lines[i].norm;
	size_t len = strlen(norm), k = len;
	while (k && norm[k - 1] == ' ')
		k--;
	size_t digits = 0;
	while (k && norm[k - 1] >= '0' && norm[k - 1] <= '9' && digits < 3)
		k--, digits++;
	if (digits && k && norm[k - 1] == ' ') {
		char *cut = xstrndup(norm, k);
		char *sq2 = sy_squeeze(cut);
		free(cut);
		return sq2;
	}
	return xstrdup(sq);
}

/* After 目录, the entries: short lines without a sentence, until one repeats
 * an entry (the body begins with the first heading again) or prose starts. */
static void mark_contents_after(struct builder *b, size_t head)
{
	struct sy_outline *o = b->o;
	char **seen = xcalloc(CONTENTS_MAX, sizeof *seen);
	size_t nseen = 0;
	o->pc[head].kind = SY_LK_CONTENTS;
	o->contents_first = o->contents_last = (long)head;
	for (size_t i = head + 1; i < o->npc && nseen < CONTENTS_MAX; i++) {
		if (o->pc[i].kind == SY_LK_BLANK)
			continue;
		const char *sq = o->pc[i].sq;
		size_t n = strlen(sq);
		bool prose = strstr(sq, "。") || strchr(sq, ';') || (n && sq[n - 1] == ':');
		if (!piece_is_text(b, i) || prose || utf8_longer_than(sq, (size_t)b->r->heading_max_chars + 8))
			break;
		char *t = entry_text(b, i);
		bool again = false;
		for (size_t k = 0; k < nseen && !again; k++)
			again = !strcmp(seen[k], t);
		if (again) {
			free(t);
			break;
		}
		seen[nseen++] = t;
		o->pc[i].kind = SY_LK_CONTENTS;
		o->contents_last = (long)i;
	}
	for (size_t k = 0; k < nseen; k++)
		free(seen[k]);
	free(seen);
}

/* An entry of a contents page that has neither 目录 nor dot leaders: a short
 * line opening with a numbering marker, without a sentence. */
static bool is_listed_heading(const struct builder *b, size_t i)
{
	struct mark m;
	const char *sq = b->o->pc[i].sq;
	size_t n = strlen(sq);
	return piece_is_text(b, i) && parse_mark(sq, &m) && !strstr(sq, "。") && !strchr(sq, ';') &&
	       !(n && sq[n - 1] == ':') && !utf8_longer_than(sq, (size_t)b->r->heading_max_chars + 8);
}

/* Does a line after 'from' open with the entry's words (the heading itself)? */
static bool listed_again(const struct builder *b, size_t from, const char *entry)
{
	for (size_t j = from; j < b->o->npc; j++)
		if (piece_is_text(b, j) && !strncmp(b->o->pc[j].sq, entry, strlen(entry)))
			return true;
	return false;
}

/* A contents page with neither 目录 nor dot leaders: three or more marker
 * lines in a row with no text between them, which the body then opens with
 * again. Returns the line after the run. */
static size_t mark_listed_run(struct builder *b, size_t start)
{
	struct sy_outline *o = b->o;
	size_t last = start, n = 0, again = 0;
	for (size_t i = start; i < o->npc && n < CONTENTS_MAX; i++) {
		if (o->pc[i].kind == SY_LK_BLANK)
			continue;
		if (!is_listed_heading(b, i))
			break;
		last = i;
		n++;
	}
	for (size_t i = start; n >= 3 && i <= last; i++) {
		if (o->pc[i].kind == SY_LK_BLANK)
			continue;
		char *entry = entry_text(b, i);
		again += *entry && listed_again(b, last + 1, entry);
		free(entry);
	}
	if (n < 3 || again + 1 < n)
		return start + 1;
	for (size_t i = start; i <= last; i++)
		if (o->pc[i].kind != SY_LK_BLANK)
			o->pc[i].kind = SY_LK_CONTENTS;
	if (o->contents_first < 0 || (long)start < o->contents_first)
		o->contents_first = (long)start;
	if ((long)last > o->contents_last)
		o->contents_last = (long)last;
	return last + 1;
}

/* A contents page: 目录 and its entries, lines ending in dot leaders and a
 * page number wherever they are, or a run of headings the body repeats.
 * Navigation: neither headings nor mentions. */
static void mark_contents(struct builder *b)
{
	struct sy_outline *o = b->o;
	for (size_t i = 0; i < o->npc; i++) {
		if (!piece_is_text(b, i))
			continue;
		if (is_contents_heading(b, o->pc[i].sq) && o->contents_first < 0) {
			mark_contents_after(b, i);
		} else if (leader_entry(o->pc[i].sq) && !strstr(o->pc[i].sq, "。")) {
			o->pc[i].kind = SY_LK_CONTENTS;
			if (o->contents_first < 0)
				o->contents_first = (long)i;
			if ((long)i > o->contents_last)
				o->contents_last = (long)i;
		}
	}
	for (size_t i = 0; i < o->npc && o->contents_first < 0;)
		i = is_listed_heading(b, i) ? mark_listed_run(b, i) : i + 1;
}

/* Trimmed normalised text of line i, read through its markup (a new string). */
static char *clean_norm(const struct builder *b, size_t i)
{
	char *plain = sy_markup_strip(b->d->lines[i].norm, NULL);
	const char *t = plain ? plain : b->d->lines[i].norm;
	while (*t == ' ')
		t++;
	size_t n = strlen(t);
	while (n && t[n - 1] == ' ')
		n--;
	char *out = xstrndup(t, n);
	free(plain);
	return out;
}

/* A title says 报告, or names rule-of-law work with a year or as a summary. */
static bool is_title_text(const char *sq)
{
	if (strstr(sq, "报告"))
		return true;
	return strstr(sq, "法治") && (sy_meta_year(sq) || strstr(sq, "总结") || strstr(sq, "情况"));
}

/* Takes line i as the report's title, with the half on the line above or
 * below when it was broken in two (情况的报告 under …法治政府建设); prev is
 * the content line above it, or -1. */
static void take_title(struct builder *b, size_t i, long prev)
{
	struct sy_outline *o = b->o;
	const char *sq = o->pc[i].sq;
	size_t first = i, last = i, next = i + 1;
	if (!strstr(sq, "法治") && prev >= 0 && strstr(o->pc[prev].sq, "法治"))
		first = (size_t)prev;
	else if (!strstr(sq, "报告") && piece_is_text(b, next) && strstr(o->pc[next].sq, "报告") &&
		 !strstr(o->pc[next].sq, "法治") && !utf8_longer_than(o->pc[next].sq, 19))
		last = next;
	struct sy_buf t = {0};
	for (size_t k = first; k <= last; k++) {
		char *part = clean_norm(b, k);
		sy_buf_puts(&t, part);
		free(part);
		o->pc[k].kind = SY_LK_TITLE;
	}
	free(o->title);
	o->title_line = (long)first;
	o->title = sy_buf_steal(&t);
}

/* A line that could be a title: short, unpunctuated, unnumbered. */
static bool is_title_shaped(const char *sq)
{
	struct mark m;
	return !parse_mark(sq, &m) && !has_closing_punct(sq) && !utf8_longer_than(sq, SHORT_LINE);
}

/* Does a first part heading's marker (一、 第一部分 1.) open s? */
static bool first_part_marker(const char *s)
{
	struct mark m;
	return parse_mark(s, &m) && m.number == 1 && m.style <= SY_MARK_AR && m.style != SY_MARK_PCN;
}

/* Does the body start at squeezed line s: a numbering marker opens it, or
 * a first part heading (一、 第一部分 1.) follows a closing mark inside it (a
 * web copy that lost its line breaks)? */
static bool opens_body(const char *s)
{
	struct mark m;
	if (parse_mark(s, &m))
		return true;
	for (const char *p = strpbrk(s, ":;"); p; p = strpbrk(p + 1, ":;"))
		if (first_part_marker(p + 1))
			return true;
	for (const char *p = s; (p = strstr(p, "。")) != NULL; p += 3)
		if (first_part_marker(p + 3))
			return true;
	return false;
}

/* …情况报告, …的报告: a title that names a part's words (建设情况) is still
 * a title when it ends in 报告; without it, such a line is a heading. */
static bool ends_in_report(const char *sq)
{
	size_t n = strlen(sq);
	return n >= 6 && !strcmp(sq + n - 6, "报告");
}

/* The title further down: a cover letter (报送函) before the report, or a
 * web page showing the title again under its header, puts the report's own
 * title below the first lines. Among the lines after 'from' and before the
 * body (its first numbered heading, an unnumbered heading, at most
 * HEAD_LINES lines of text), the last that reads as a title (one naming a
 * part's words ends in 报告); -1 if none. */
static long later_title(const struct builder *b, size_t from, long *prev)
{
	const struct sy_outline *o = b->o;
	long found = -1, last = -1;
	for (size_t i = from, seen = 0; i < o->npc && seen < HEAD_LINES; i++) {
		if (!piece_is_text(b, i))
			continue;
		seen++;
		const char *sq = o->pc[i].sq;
		if (opens_body(sq))
			break;
		bool shaped = is_title_shaped(sq), named = shaped && names_a_part(b, sq);
		bool title = shaped && is_title_text(sq) && (!named || ends_in_report(sq));
		if (named && !title)
			break; /* an unnumbered heading: the body has begun */
		if (title) {
			found = (long)i;
			*prev = last;
		}
		last = (long)i;
	}
	return found;
}

/* The title: the first short line with 报告 among the first content lines;
 * when only its tail is there (情况的报告), it began on the line above. A
 * title further down (later_title) is the report's own: the first lines were
 * a cover letter or a web page's header. */
static void find_title(struct builder *b)
{
	struct sy_outline *o = b->o;
	long prev = -1;
	size_t seen = 0;
	for (size_t i = 0; i < o->npc && seen < 6; i++) {
		if (!piece_is_text(b, i))
			continue;
		seen++;
		const char *sq = o->pc[i].sq;
		if (!is_title_shaped(sq))
			break;
		if (!is_title_text(sq)) {
			prev = (long)i;
			continue;
		}
		take_title(b, i, prev);
		break;
	}
	size_t from = o->title_line >= 0 ? (size_t)o->title_line + 1 : 0;
	while (from < o->npc && o->pc[from].kind == SY_LK_TITLE)
		from++;
	long before = -1, later = later_title(b, from, &before);
	if (later >= 0)
		take_title(b, (size_t)later, before);
}

/* A unit's name: short, unpunctuated, no heading marker, no year or date
 * (a document number such as 青禾政〔2025〕3号 or a date is not a unit). */
static bool is_unit_like(const struct builder *b, size_t i)
{
	struct mark m;
	const char *sq = b->o->pc[i].sq;
	int y, mo, d;
	return piece_is_text(b, i) && !has_closing_punct(sq) && !utf8_longer_than(sq, 40) && !parse_mark(sq, &m) &&
	       !strstr(sq, "法治") && !strstr(sq, "报告") && !strstr(sq, "〔") && !strchr(sq, '[') &&
	       !sy_meta_find_date(sq, &y, &mo, &d) && !sy_meta_year(sq);
}

/* Appends the clean text of line i to a list of issuers, a space between. */
static void add_issuer(const struct builder *b, struct sy_buf *issuers, size_t i)
{
	char *t = clean_norm(b, i);
	if (issuers->len)
		sy_buf_puts(issuers, " ");
	sy_buf_puts(issuers, t);
	free(t);
}

/* The issuers collected (new), or NULL when there are none. */
static char *issuers_or_null(struct sy_buf *issuers)
{
	if (issuers->len)
		return sy_buf_steal(issuers);
	free(issuers->data);
	return NULL;
}

/* Short lines above the title are the issuing unit (or units: 中共X镇委员会
 * / X镇人民政府); with no title, a short first line is. Returns their clean
 * text joined by spaces (new), or NULL. */
static char *find_unit_line(struct builder *b)
{
	struct sy_buf issuers = {0};
	for (long i = 0; i < b->o->title_line; i++) {
		if (!is_unit_like(b, (size_t)i))
			continue;
		b->o->pc[i].kind = SY_LK_UNIT;
		add_issuer(b, &issuers, (size_t)i);
	}
	if (b->o->title_line >= 0)
		return issuers_or_null(&issuers);
	for (size_t i = 0; i < b->o->npc; i++) {
		if (!piece_is_text(b, i))
			continue;
		if (!is_unit_like(b, i) || names_a_part(b, b->o->pc[i].sq))
			return NULL;
		b->o->pc[i].kind = SY_LK_UNIT;
		return clean_norm(b, i);
	}
	return NULL;
}

/* The signing units at the end (joined by spaces), when nothing above the
 * body names the unit. */
static char *find_signature_unit(const struct builder *b)
{
	struct sy_buf issuers = {0};
	for (size_t i = 0; i < b->o->npc; i++)
		if (b->o->pc[i].kind == SY_LK_SIGNATURE)
			add_issuer(b, &issuers, i);
	return issuers_or_null(&issuers);
}

/* The issuing organ a portal's metadata names (发文机关：X) on a chrome line
 * before the body, for a report that names its unit nowhere else (new). */
static char *find_portal_issuer(const struct builder *b)
{
	static const char *const labels[] = { "发文机关:", "发布机构:" };
	size_t end = b->o->title_line >= 0 ? (size_t)b->o->title_line : b->o->npc;
	for (size_t l = 0; l < sizeof labels / sizeof *labels; l++)
		for (size_t i = 0; i < end && i < b->o->npc; i++) {
			if (b->o->pc[i].kind != SY_LK_CHROME)
				continue;
			char *t = clean_norm(b, i);
			const char *v = strstr(t, labels[l]);
			char *unit = NULL;
			if (v) {
				v += strlen(labels[l]);
				while (*v == ' ')
					v++;
				unit = xstrndup(v, strcspn(v, " "));
			}
			free(t);
			if (unit && *unit)
				return unit;
			free(unit);
		}
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
	for (size_t i = start, paragraphs = 0; i < o->npc && paragraphs < 2; i++) {
		if (!piece_is_text(b, i))
			continue;
		paragraphs++;
		if ((o->year = sy_meta_year(o->pc[i].sq)) > 0) {
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

/* A date alone on its line, or after the signing unit on the same short line
 * ("青禾县云溪镇人民政府 2025年1月15日"). */
static bool is_date_line(const char *sq, int *y, int *m, int *d)
{
	if (sy_meta_date(sq, y, m, d))
		return true;
	size_t n = strlen(sq);
	const char *p = strstr(sq, "20");
	if (!p || has_closing_punct(sq) || utf8_longer_than(sq, 40) || n < 3 || strcmp(sq + n - 3, "日"))
		return false;
	for (const char *q = p; (q = strstr(q, "20")) != NULL; q++)
		if (sy_meta_date(q, y, m, d))
			return true;
	return false;
}

/* The date line among the last four lines of text before line 'limit', or
 * -1. Never one above the title: that dates a cover letter, not the report. */
static long find_date_before(const struct builder *b, size_t limit, int *y, int *m, int *d)
{
	size_t seen = 0;
	for (size_t i = limit; i-- > 0 && seen < 4 && (long)i > b->o->title_line;) {
		if (!piece_is_text(b, i))
			continue;
		seen++;
		if (is_date_line(b->o->pc[i].sq, y, m, d))
			return (long)i;
	}
	return -1;
}

/* 附件1, 附表, 附件：…: a line opening an annex. *bare: nothing else on it. */
static bool is_annex_label(const struct builder *b, size_t i, bool *bare)
{
	const char *sq = b->o->pc[i].sq;
	for (size_t k = 0; k < b->r->annex.n; k++) {
		const char *w = b->r->annex.v[k];
		if (!sy_starts(sq, w) || strstr(sq, "。") || utf8_longer_than(sq, 40))
			continue;
		const char *p = sq + strlen(w);
		size_t len;
		p += digits_at(p);
		if (sy_meta_cn_numeral(p, &len))
			p += len;
		if (*p == ':')
			p++;
		*bare = !*p;
		return true;
	}
	return false;
}

/* Up to two short lines above the date line sign the report. */
static void mark_signature(struct builder *b, size_t date)
{
	struct sy_outline *o = b->o;
	for (size_t j = date, sig = 0; j-- > 0 && sig < 2;) {
		if (o->pc[j].kind == SY_LK_BLANK)
			continue;
		struct mark m;
		const char *sq = o->pc[j].sq;
		if (!piece_is_text(b, j) || has_closing_punct(sq) || utf8_longer_than(sq, 40) || parse_mark(sq, &m) ||
		    says_nothing(b, sq))
			break;
		o->pc[j].kind = SY_LK_SIGNATURE;
		sig++;
	}
}

/* Where the report ends: the date line (and the signature above it), and
 * the annexes after it — 附件, tables, whatever text follows the date. */
static void find_end(struct builder *b)
{
	struct sy_outline *o = b->o;
	int y = 0, m = 0, d = 0;
	long date = find_date_before(b, o->npc, &y, &m, &d);
	for (size_t i = 0; i < o->npc && date < 0 && o->annex_line < 0; i++) {
		bool bare;
		if (!piece_is_text(b, i) || !is_annex_label(b, i, &bare))
			continue;
		date = find_date_before(b, i, &y, &m, &d);
		if (date >= 0 || (bare && i > o->npc / 2))
			o->annex_line = (long)i;
	}
	if (date >= 0) {
		o->date_line = date;
		o->date_y = y, o->date_m = m, o->date_d = d;
		o->pc[date].kind = SY_LK_DATE;
		mark_signature(b, (size_t)date);
	}
	size_t from = date >= 0 ? (size_t)date + 1 : o->annex_line >= 0 ? (size_t)o->annex_line : o->npc;
	for (size_t i = from; i < o->npc; i++) {
		if (!piece_is_text(b, i))
			continue;
		o->pc[i].kind = SY_LK_ANNEX;
		if (o->annex_line < 0 || (long)i < o->annex_line)
			o->annex_line = (long)i;
	}
}

/* The line kinds the rest of the program sees: each line's first piece, or
 * HEADING when a heading starts it; text when a run-on line holds body text. */
static void line_kinds(struct builder *b)
{
	struct sy_outline *o = b->o;
	for (size_t k = 0; k < o->npc; k++) {
		const struct sy_piece *p = &o->pc[k];
		bool first = k == 0 || o->pc[k - 1].line != p->line;
		if (first)
			o->kind[p->line] = p->kind;
		else if (o->kind[p->line] == SY_LK_PREAMBLE && p->kind != SY_LK_PREAMBLE)
			o->kind[p->line] = SY_LK_TEXT;
	}
}

/* The first line with the signature, date or annex after the body starts. */
static void find_body_end(struct builder *b)
{
	struct sy_outline *o = b->o;
	o->pc_body_end = o->npc;
	for (size_t k = o->pc_body_start; k < o->npc; k++) {
		enum sy_line_kind kd = o->pc[k].kind;
		if (kd == SY_LK_SIGNATURE || kd == SY_LK_DATE || kd == SY_LK_ANNEX) {
			o->pc_body_end = k;
			break;
		}
	}
	o->body_end = o->pc_body_end < o->npc ? o->pc[o->pc_body_end].line : o->nlines;
	o->body_start = o->pc_body_start < o->npc ? o->pc[o->pc_body_start].line : o->nlines;
}

void sy_outline_build(struct sy_outline *o, const struct sy_doc *d, const struct sy_rubric *r)
{
	memset(o, 0, sizeof *o);
	o->nlines = d->nlines;
	o->kind = xcalloc(d->nlines + 1, sizeof *o->kind);
	o->title_line = o->year_line = o->date_line = -1;
	o->contents_first = o->contents_last = o->annex_line = -1;
	struct names_memo memo = { .next = 0 };
	struct builder b = { o, d, r, NULL, &memo };
	make_pieces(&b);
	mark_chrome(&b);
	mark_contents(&b);
	find_title(&b);
	find_end(&b);
	find_year(&b);
	char *unit_line = find_unit_line(&b);
	o->unit = sy_meta_unit(unit_line, o->title);
	free(unit_line);
	if (!o->unit) {
		char *sig = find_signature_unit(&b);
		o->unit = sy_meta_unit(sig, NULL);
		free(sig);
	}
	if (!o->unit) {
		char *issuer = find_portal_issuer(&b);
		o->unit = sy_meta_unit(issuer, NULL);
		free(issuer);
	}
	split_run_on_lines(&b);
	find_headings(&b);
	assign_levels(&b);
	find_body_end(&b);
	line_kinds(&b);
	free(b.pi);
}

void sy_outline_drop_lines(struct sy_outline *o)
{
	for (size_t i = 0; i < o->nh; i++) {
		free(o->h[i].marker);
		free(o->h[i].marker_text);
		free(o->h[i].text);
		free(o->h[i].display);
	}
	for (size_t k = 0; k < o->npc; k++)
		free(o->pc[k].own);
	free(o->pc);
	free(o->h);
	free(o->kind);
	o->kind = NULL;
	o->pc = NULL;
	o->h = NULL;
	o->nlines = o->npc = o->nh = 0;
}

void sy_outline_free(struct sy_outline *o)
{
	sy_outline_drop_lines(o);
	free(o->title);
	free(o->unit);
	memset(o, 0, sizeof *o);
}

size_t sy_outline_section_end(const struct sy_outline *o, size_t i)
{
	if (i >= o->nh)
		return o->npc;
	for (size_t k = i + 1; k < o->nh; k++)
		if (o->h[k].level <= o->h[i].level)
			return o->h[k].piece;
	return o->pc_body_end > o->h[i].piece ? o->pc_body_end : o->npc;
}

long sy_outline_section_of(const struct sy_outline *o, size_t p)
{
	long best = -1;
	for (size_t k = 0; k < o->nh && o->h[k].piece <= p; k++)
		best = (long)k;
	return best;
}
