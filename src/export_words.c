/* The words of the exports in Chinese and English: one table, and the few
 * phrases built from it (status, verdict, date, title). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shenyue/export.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"

static const char *const words[SY_W_COUNT][2] = {
#define SY_EXPORT_WORD_ROW(id, zh, en) [SY_W_##id] = {zh, en},
	SY_EXPORT_WORDS(SY_EXPORT_WORD_ROW)
#undef SY_EXPORT_WORD_ROW
};

const char *sy_export_word(enum sy_export_lang lang, enum sy_export_word w)
{
	return (unsigned)w < SY_W_COUNT ? words[w][lang == SY_EXPORT_EN] : "";
}

const char *sy_export_status_word(enum sy_export_lang lang, int status, bool required)
{
	if (status == SY_PRESENT)
		return sy_export_word(lang, SY_W_PRESENT);
	if (status == SY_PARTIAL)
		return sy_export_word(lang, SY_W_PARTIAL);
	return sy_export_word(lang, required ? SY_W_MISSING : SY_W_NOT_REPORTED);
}

const char *sy_export_verdict_word(enum sy_export_lang lang, enum sy_verdict v)
{
	static const enum sy_export_word by_verdict[] = {
		[SY_VERDICT_NONE] = SY_W_V_NONE, [SY_VERDICT_ACCEPT] = SY_W_V_ACCEPT,
		[SY_VERDICT_RETURN] = SY_W_V_RETURN, [SY_VERDICT_PENDING] = SY_W_V_PENDING,
	};
	return sy_export_word(lang, (unsigned)v <= SY_VERDICT_PENDING ? by_verdict[v] : SY_W_V_NONE);
}

void sy_export_date_words(enum sy_export_lang lang, const char *ymd, char *buf, size_t len)
{
	int y, m, d;
	if (lang == SY_EXPORT_ZH && ymd && sscanf(ymd, "%d-%d-%d", &y, &m, &d) == 3)
		snprintf(buf, len, "%d年%d月%d日", y, m, d);
	else
		snprintf(buf, len, "%s", ymd ? ymd : "");
}

char *sy_export_title(enum sy_export_lang lang, const struct sy_export_report *r)
{
	char year[16] = "";
	if (lang == SY_EXPORT_EN) {
		if (r->year)
			snprintf(year, sizeof year, "%d ", r->year);
		return xasprintf("Review of the %sannual report on rule-of-law government of %s", year,
				 r->unit ? r->unit : r->relpath);
	}
	if (r->year)
		snprintf(year, sizeof year, "%d年度", r->year);
	return xasprintf("关于%s%s法治政府建设年度报告的审查意见", r->unit ? r->unit : r->relpath, year);
}
