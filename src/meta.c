/* Year, issuing unit and date line, read from a report's title block and end. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/meta.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

/* Value of a Chinese digit (〇零一…九), 10 for 十, -1 otherwise. */
static int cn_digit(uint32_t cp)
{
	static const uint32_t digits[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
					   0x516D, 0x4E03, 0x516B, 0x4E5D };
	if (cp == 0x96F6 || cp == 0x25CB || cp == 0x039F || cp == 'O')
		return 0; /* 零, ○ and look-alikes used for 〇 */
	for (int i = 0; i < 10; i++)
		if (digits[i] == cp)
			return i;
	return cp == 0x5341 ? 10 : -1;
}

bool sy_meta_cn_numeral(const char *s, size_t *len)
{
	/* At most four code points are looked at: never measure the whole line. */
	size_t n = strnlen(s, 16), i = 0, count = 0, l;
	while (i < n && count < 4) {
		uint32_t cp = utf8_decode(s + i, n - i, &l);
		int v = cn_digit(cp);
		if (v < 1 || cp == 'O' || cp == 0x039F)
			break;
		i += l;
		count++;
	}
	*len = i;
	return count >= 1 && count <= 3;
}

/* A year in Chinese digits at p (二〇二四年): its value, or 0. */
static int cn_year_at(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		size_t l;
		int d = cn_digit(utf8_decode_str(p, &l));
		if (d < 0 || d > 9)
			return 0;
		v = v * 10 + d;
		p += l;
	}
	return strncmp(p, "年", 3) == 0 && v >= 2000 && v <= 2099 ? v : 0;
}

char *sy_meta_arabic_years(const char *s)
{
	struct sy_buf b = {0};
	sy_buf_add(&b, "", 0);
	const char *p = s;
	for (const char *two; (two = strstr(p, "二")) != NULL;) { /* a year opens with 二 */
		sy_buf_add(&b, p, (size_t)(two - p));
		int y = cn_year_at(two);
		if (y) {
			sy_buf_printf(&b, "%d", y);
			p = strstr(two, "年"); /* cn_year_at saw 年 right after the digits */
		} else {
			sy_buf_add(&b, two, 1);
			p = two + 1;
		}
	}
	sy_buf_puts(&b, p);
	return sy_buf_steal(&b);
}

int sy_meta_year(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
		    p[3] <= '9' && !strncmp(p + 4, "年", 3) && (p == s || p[-1] < '0' || p[-1] > '9'))
			return 2000 + (p[2] - '0') * 10 + (p[3] - '0');
		int cn = !strncmp(p, "二", 3) ? cn_year_at(p) : 0;
		if (cn)
			return cn;
	}
	return 0;
}

/* Reads a number written in Arabic digits or Chinese numerals ending at 'unit'. */
static const char *read_number(const char *p, const char *unit, int *out, bool positional)
{
	int v = 0, digits = 0;
	if (*p >= '0' && *p <= '9') {
		while (*p >= '0' && *p <= '9' && digits < 4) {
			v = v * 10 + (*p++ - '0');
			digits++;
		}
	} else {
		int tens = 0, cur = -1;
		size_t l;
		for (int cp; (cp = cn_digit(utf8_decode_str(p, &l))) >= 0 && digits < 5; p += l, digits++) {
			if (cp == 10 && !positional) {
				tens = (cur < 0 ? 1 : cur) * 10;
				cur = 0;
			} else {
				cur = positional ? (cur < 0 ? 0 : cur) * 10 + cp : cp;
			}
		}
		v = positional ? cur : tens + (cur < 0 ? 0 : cur);
	}
	if (!digits || strncmp(p, unit, strlen(unit)) != 0)
		return NULL;
	*out = v;
	return p + strlen(unit);
}

bool sy_meta_date(const char *s, int *y, int *m, int *d)
{
	const char *p = read_number(s, "年", y, true);
	if (p)
		p = read_number(p, "月", m, false);
	if (p)
		p = read_number(p, "日", d, false);
	return p && !*p && *y >= 1990 && *y <= 2099 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

/* Reads 1-2 digits followed by sep (a byte string); returns past it, or NULL. */
static const char *read_part(const char *p, const char *sep, int *out)
{
	size_t k = 0;
	int v = 0;
	while (p[k] >= '0' && p[k] <= '9' && k < 2)
		v = v * 10 + (p[k++] - '0');
	if (!k || (sep && strncmp(p + k, sep, strlen(sep))))
		return NULL;
	*out = v;
	return p + k + (sep ? strlen(sep) : 0);
}

bool sy_meta_find_date(const char *s, int *y, int *m, int *d)
{
	static const char *const seps[][2] = { { "-", "-" }, { "/", "/" }, { ".", "." }, { "年", "月" } };
	for (const char *p = s; *p; p++) {
		if (!(p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9'))
			continue;
		for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
			size_t l = strlen(seps[i][0]);
			if (strncmp(p + 4, seps[i][0], l))
				continue;
			const char *q = read_part(p + 4 + l, seps[i][1], m);
			if (q && read_part(q, NULL, d) && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31) {
				*y = 2000 + (p[2] - '0') * 10 + (p[3] - '0');
				return true;
			}
		}
	}
	return false;
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

const char *sy_meta_skip_party(const char *s)
{
	static const char *const prefixes[] = { "中共", "中国共产党" };
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if (!strncmp(s, prefixes[i], strlen(prefixes[i])))
			return s + strlen(prefixes[i]);
	return s;
}

/* A party organ (中共X委员会, X党工委, X局党组), not the government body that
 * reports on 法治政府建设. 委员会 alone is no sign: 卫生健康委员会 is a bureau. */
static bool is_party_organ(const char *s, size_t n)
{
	static const char *const tails[] = { "党工委", "党委", "党组", NULL };
	if (sy_meta_skip_party(s) != s)
		return true;
	for (const char *const *t = tails; *t; t++)
		if (ends_with(s, n, *t) && n > strlen(*t))
			return true;
	return false;
}

/* The place of a party organ: 中共X工作委员会, 中共X委员会, 中共X县委,
 * X党工委, 中共X局党组 -> X. */
static char *strip_party(const char *s, size_t n)
{
	const char *place = sy_meta_skip_party(s);
	bool cpc = place != s;
	n -= (size_t)(place - s);
	s = place;
	static const char *const tails[] = { "工作委员会", "委员会", "党工委", "党委", "党组", "委", NULL };
	for (const char *const *t = tails; *t; t++)
		if (ends_with(s, n, *t) && n > strlen(*t) && (cpc || strcmp(*t, "委"))) {
			n -= strlen(*t);
			break;
		}
	return xstrndup(s, n);
}

/* A unit line may name joint issuers separated by spaces (中共X镇委员会
 * X镇人民政府, the party committee and the government that report
 * together): the unit is the place they share, the party organ's name
 * without its party form (X镇; 中共X局党组 -> X局), as for a party organ
 * alone; any other issuer is the unit as written. */
static char *unit_from_line(const char *line)
{
	const char *first = NULL;
	size_t first_len = 0;
	for (const char *p = line; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (n && is_party_organ(p, n))
			return strip_party(p, n);
		if (n && !first) {
			first = p;
			first_len = n;
		}
		p += n;
	}
	return first ? xstrndup(first, first_len) : xstrdup("");
}

static const char *find_year_digits(const char *t)
{
	for (const char *p = t; *p; p++)
		if (p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9')
			return p;
	return NULL;
}

/* The unit inside a normalised title: what stands before the year
 * (X关于2024年…), or between the year and 法治政府建设 (2024年度X法治政府建设…). */
static char *unit_from_title(const char *t)
{
	while (*t == ' ')
		t++;
	if (!strncmp(t, "关于", 6))
		t += 6;
	const char *year = find_year_digits(t);
	const char *law = strstr(t, "法治政府建设");
	struct sy_buf u = {0};
	if (year && year > t) {
		sy_buf_add(&u, t, (size_t)(year - t));
	} else if (year && law && law > year) {
		const char *p = year + 4;
		while (*p == ' ')
			p++;
		if (!strncmp(p, "年", 3))
			p += 3;
		if (!strncmp(p, "度", 3))
			p += 3;
		sy_buf_add(&u, p, (size_t)(law - p));
	} else if (!year && law && law > t) {
		sy_buf_add(&u, t, (size_t)(law - t));
	}
	char *s = sy_buf_steal(&u);
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	if (n >= 6 && !strcmp(s + n - 6, "关于"))
		s[n -= 6] = '\0';
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	char *unit = unit_from_line(s);
	free(s);
	return unit;
}

char *sy_meta_unit(const char *unit_line, const char *title)
{
	if (unit_line && *unit_line)
		return unit_from_line(unit_line);
	if (title && *title) {
		char *u = unit_from_title(title);
		if (u && (!*u || utf8_count(u) < 2)) {
			free(u);
			u = NULL;
		}
		return u;
	}
	return NULL;
}
