/* Markdown and Word-to-text markup around report text. */
#include "config.h"

#include <string.h>

#include "shenyue/markup.h"
#include "shenyue/utf8.h"
#include "shenyue/strutil.h"
#include "shenyue/xalloc.h"

/* A leading "## " (1-6 marks and a space): its depth, and *len past it. */
static int atx_depth(const char *s, size_t *len)
{
	size_t n = 0;
	while (s[n] == '#' && n < 7)
		n++;
	if (n < 1 || n > 6 || s[n] != ' ')
		return 0;
	*len = n + 1;
	return (int)n;
}

/* What an emphasis pair may hold: some text, not a lone 年/月/日 (a template's **年**月). */
static bool emphasis_content(const char *a, size_t n)
{
	if (!n || a[0] == ' ' || a[n - 1] == ' ')
		return false;
	static const char *const units[] = { "年", "月", "日" };
	for (size_t i = 0; i < 3; i++)
		if (n == strlen(units[i]) && !memcmp(a, units[i], n))
			return false;
	return true;
}

/* Copies s to out without the emphasis pairs made of delimiter d ("**" or "__"). */
static void drop_pairs(const char *s, const char *d, struct sy_buf *out, bool *changed)
{
	size_t dl = strlen(d);
	while (*s) {
		const char *open = strstr(s, d);
		const char *close = open ? strstr(open + dl, d) : NULL;
		if (!close) {
			sy_buf_puts(out, s);
			return;
		}
		if (!emphasis_content(open + dl, (size_t)(close - open - dl))) {
			sy_buf_add(out, s, (size_t)(open - s) + dl);
			s = open + dl;
			continue;
		}
		sy_buf_add(out, s, (size_t)(open - s));
		sy_buf_add(out, open + dl, (size_t)(close - open - dl));
		s = close + dl;
		*changed = true;
	}
}

/* Drops a backslash before ASCII punctuation (Markdown escapes). */
static void drop_escapes(char *s, bool *changed)
{
	char *w = s;
	for (const char *r = s; *r; r++) {
		if (*r == '\\' && r[1] && strchr(".*_#-+()[]`!>|\\", r[1])) {
			*changed = true;
			continue;
		}
		*w++ = *r;
	}
	*w = '\0';
}

/* True when the trimmed line is one emphasis pair from end to end. */
static bool whole_line_bold(const char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	for (const char *d = "**"; d; d = *d == '*' ? "__" : NULL) {
		if (n > 4 && sy_starts(s, d) && !memcmp(s + n - 2, d, 2)) {
			const char *inner = strstr(s + 2, d);
			if (inner == s + n - 2)
				return true;
		}
	}
	return false;
}

char *sy_markup_strip(const char *s, struct sy_markup *m)
{
	struct sy_markup seen = {0};
	const char *p = s;
	while (*p == ' ')
		p++;
	size_t skip = 0;
	bool changed = false;
	if ((seen.atx = atx_depth(p, &skip)) > 0 || sy_starts(p, "> ")) {
		p += seen.atx ? skip : 2;
		changed = true;
	}
	seen.bold = whole_line_bold(p);
	struct sy_buf a = {0}, b = {0};
	sy_buf_add(&a, "", 0);
	sy_buf_add(&b, "", 0);
	drop_pairs(p, "**", &a, &changed);
	drop_pairs(a.data, "__", &b, &changed);
	sy_buf_free(&a);
	drop_escapes(b.data, &changed);
	if (m)
		*m = seen;
	if (!changed) {
		sy_buf_free(&b);
		return NULL;
	}
	return sy_buf_steal(&b);
}

bool sy_markup_list_item(const char *s)
{
	while (*s == ' ')
		s++;
	return ((*s == '-' || *s == '*' || *s == '+') && s[1] == ' ') || sy_starts(s, "• ") || sy_starts(s, "·");
}

/* Does t hold anything that can separate cells: a tab or a space (U+3000,
 * U+00A0 too)? Without one, a line is one cell at most. */
static bool may_separate(const char *t)
{
	return strpbrk(t, "\t ") || strstr(t, "\xE3\x80\x80") || strstr(t, "\xC2\xA0");
}

/* Does t hold three cells or more, separated by tabs or runs of two or
 * more spaces (U+3000 too)? */
static bool spaced_row(const char *t)
{
	if (!may_separate(t))
		return false;
	size_t cells = 0, spaces = 0, n = strlen(t), l;
	bool sep = true;
	for (size_t i = 0; i < n && cells < 3; i += l) {
		uint32_t cp = utf8_decode(t + i, n - i, &l);
		if (cp == '\t') {
			sep = true;
			spaces = 0;
		} else if (cp == ' ' || cp == 0x3000 || cp == 0xA0) {
			if (++spaces >= 2)
				sep = true;
		} else {
			cells += sep;
			sep = false;
			spaces = 0;
		}
	}
	return cells >= 3;
}

bool sy_markup_table_row(const char *text)
{
	const char *p = text;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '|') {
		size_t bars = 0;
		for (const char *q = p; *q; q++)
			bars += *q == '|';
		return bars >= 3;
	}
	return spaced_row(p);
}
