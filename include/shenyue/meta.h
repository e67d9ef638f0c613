/* Facts about a report read from its text: year, issuing unit, date line. */
#ifndef SHENYUE_META_H
#define SHENYUE_META_H

#include <stdbool.h>

/* Returns the first year (2000-2099) written as "2024年" or "二〇二四年" in
 * squeezed text s, or 0. */
int sy_meta_year(const char *s);
/* Returns a copy of s with years in Chinese digits (二〇二五年) written in
 * Arabic digits (2025年), so patterns such as {next_year}…安排 match them. */
char *sy_meta_arabic_years(const char *s);
/* Parses a squeezed date line "2025年1月20日" or "二〇二五年一月二十日" (nothing
 * else on the line). Returns true and the date. */
bool sy_meta_date(const char *s, int *y, int *m, int *d);
/* Finds the first date written 2025-03-25, 2025/3/25, 2025.3.25 or 2025年3月25日
 * anywhere in squeezed text s. Returns true and the date. */
bool sy_meta_find_date(const char *s, int *y, int *m, int *d);
/* Derives the issuing unit from the unit lines above the title or the
 * signature, joined by spaces (may be NULL), and the normalised title (may
 * be NULL): of joint issuers, the place they share (中共X镇委员会
 * X镇人民政府 -> X镇). Returns a new string, or NULL when neither names one. */
char *sy_meta_unit(const char *unit_line, const char *title);
/* Returns s past a leading party prefix (中共, 中国共产党), or s when it has none. */
const char *sy_meta_skip_party(const char *s);
/* True when squeezed s is a run of 1-3 Chinese numerals (一 … 十) of length *len bytes. */
bool sy_meta_cn_numeral(const char *s, size_t *len);

#endif
