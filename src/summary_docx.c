/* The draft 情况通报 of a batch: what the office sends round after the
 * deadline, naming the units that did not report, the late ones and the
 * ones sent back with the reasons, in the layout of the 审查意见 documents
 * (GB/T 9704: 小标宋 title, 仿宋 body, 黑体 headings, 落款 and date right). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/docin_reader.h"
#include "shenyue/docx.h"
#include "shenyue/summary.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

/* 2025年3月1日 */
static void date_cn(char *buf, size_t len, const struct sy_date *d)
{
	if (!d->y)
		snprintf(buf, len, "%s", "    年  月  日");
	else
		snprintf(buf, len, "%d年%d月%d日", d->y % 10000, (d->m % 13 + 13) % 13, (d->d % 32 + 32) % 32);
}

static void para(struct sy_docx *d, enum sy_docx_style st, const char *text)
{
	sy_docx_para_text(d, st, text);
}

static void para_buf(struct sy_docx *d, enum sy_docx_style st, struct sy_buf *b)
{
	char *text = sy_buf_steal(b);
	para(d, st, text);
	free(text);
}

static void opening(struct sy_docx *d, const struct sy_summary *s)
{
	char due[32], pub[32];
	date_cn(due, sizeof due, &s->submission.date);
	date_cn(pub, sizeof pub, &s->publication.date);
	struct sy_buf b = { 0 };
	para(d, SY_DOCX_PLAIN, "各乡镇人民政府、街道办事处，县直各单位：");
	sy_buf_printf(&b, "根据《法治政府建设与责任落实督察工作规定》，各单位应于%s前报送", due);
	if (s->year)
		sy_buf_printf(&b, "%d年度", s->year);
	sy_buf_printf(&b, "法治政府建设年度报告，并于%s前通过门户网站等向社会公开。"
			  "现将报告报送和审查情况通报如下。", pub);
	para_buf(d, SY_DOCX_BODY, &b);
}

static void overall(struct sy_docx *d, const struct sy_summary *s, const struct sy_date *today)
{
	char when[32];
	date_cn(when, sizeof when, today);
	struct sy_buf b = { 0 };
	para(d, SY_DOCX_HEADING1, "一、总体情况");
	if (s->roster) {
		sy_buf_printf(&b, "截至%s，应报送单位%zu个，已报送%zu个", when, s->expected, s->received);
		if (s->late) /* the late ones are among those received, not among the missing */
			sy_buf_printf(&b, "（其中逾期报送%zu个）", s->late);
		sy_buf_printf(&b, "，未报送%zu个。", s->not_received);
	} else { /* no roster: how many should have reported is not known, nor who did not */
		sy_buf_printf(&b, "截至%s，已报送报告%zu份", when, s->received);
		if (s->late)
			sy_buf_printf(&b, "（其中逾期报送%zu份）", s->late);
		sy_buf_puts(&b, "。");
	}
	sy_buf_printf(&b, "已审查报告%zu份，其中通过%zu份、退回修改%zu份、待定%zu份；尚未审查%zu份",
		      s->reviewed + s->recheck, s->verdicts[SY_VERDICT_ACCEPT], s->verdicts[SY_VERDICT_RETURN],
		      s->verdicts[SY_VERDICT_PENDING], s->not_reviewed);
	if (s->recheck)
		sy_buf_printf(&b, "，另有%zu份修改后重新报送、待复审", s->recheck);
	sy_buf_puts(&b, "。");
	if (s->late_publication)
		sy_buf_printf(&b, "有%zu份报告公开晚于规定时间。", s->late_publication);
	para_buf(d, SY_DOCX_BODY, &b);
}

/* Joins the names of the units (or reports) want picks, in pinyin order. */
static size_t join_names(struct sy_buf *b, const struct sy_summary *s,
			 bool (*want)(const struct sy_summary *, size_t))
{
	size_t n = 0;
	for (size_t j = 0; j < s->nunits; j++)
		if (want(s, s->unit_order[j]))
			sy_buf_printf(b, "%s%s", n++ ? "、" : "", s->roster->u[s->unit_order[j]].name);
	return n;
}

static bool unit_missing(const struct sy_summary *s, size_t u)
{
	return !sy_summary_unit_row(s, u);
}

static void not_received(struct sy_docx *d, const struct sy_summary *s)
{
	struct sy_buf t = { 0 };
	para(d, SY_DOCX_HEADING1, "二、未报送单位");
	if (!s->roster) {
		para(d, SY_DOCX_BODY, "（未提供应报送单位名单，无法统计未报送单位。）");
		return;
	}
	if (!s->not_received) {
		para(d, SY_DOCX_BODY, "应报送单位均已报送。");
		return;
	}
	sy_buf_printf(&t, "截至目前，以下%zu个单位尚未报送：", s->not_received);
	join_names(&t, s, unit_missing);
	sy_buf_puts(&t, "。请上述单位抓紧报送，并说明逾期原因。");
	para_buf(d, SY_DOCX_BODY, &t);
}

static void late(struct sy_docx *d, const struct sy_summary *s, const struct sy_batch *b)
{
	struct sy_buf t = { 0 };
	para(d, SY_DOCX_HEADING1, "三、逾期报送单位");
	size_t n = 0;
	for (size_t j = 0; j < s->nlisted; j++) {
		const struct sy_summary_report *row = &s->rows[s->row_order[j]];
		if (!row->late)
			continue;
		char got[32];
		date_cn(got, sizeof got, &row->received.date);
		sy_buf_printf(&t, "%s%s（%s报送）", n++ ? "、" : "", sy_summary_row_name(s, b, s->row_order[j]), got);
	}
	if (!n) {
		sy_buf_free(&t);
		para(d, SY_DOCX_BODY, "无。");
		return;
	}
	char *names = sy_buf_steal(&t);
	sy_buf_printf(&t, "以下%zu个单位逾期报送：%s。", n, names);
	free(names);
	para_buf(d, SY_DOCX_BODY, &t);
}

static void returned(struct sy_docx *d, const struct sy_summary *s, const struct sy_batch *b,
		     const struct sy_rubric *r)
{
	para(d, SY_DOCX_HEADING1, "四、退回修改的报告");
	size_t n = 0;
	for (size_t j = 0; j < s->nlisted; j++) {
		const struct sy_summary_report *row = &s->rows[s->row_order[j]];
		if (row->verdict != SY_VERDICT_RETURN)
			continue;
		struct sy_buf t = { 0 };
		sy_buf_puts(&t, "（");
		sy_numfmt_append(&t, SY_NUM_CN_COUNT, (int)++n);
		sy_buf_puts(&t, "）");
		char *why = sy_summary_reason_zh(row, r);
		sy_buf_printf(&t, "%s。退回原因：%s", sy_summary_row_name(s, b, s->row_order[j]), why);
		if (!sy_docx_ends_sentence(why)) /* a note typed with its 。 keeps one */
			sy_buf_puts(&t, "。");
		free(why);
		para_buf(d, SY_DOCX_BODY, &t);
	}
	if (!n)
		para(d, SY_DOCX_BODY, "无。");
	else
		para(d, SY_DOCX_BODY, "请上述单位按照审查意见修改完善后重新报送。");
}

static void parts(struct sy_docx *d, const struct sy_summary *s, const struct sy_rubric *r)
{
	para(d, SY_DOCX_HEADING1, "五、报告内容情况");
	para(d, SY_DOCX_BODY, "已报送报告中各必备部分的情况如下（按审查人认定）：");
	static const int widths[] = { 78, 26, 26, 26 };
	static const char *const head[] = { "必备部分", "齐全", "不完整", "缺失" };
	sy_docx_table(d, 4, widths);
	sy_docx_row(d, true);
	for (size_t c = 0; c < 4; c++) {
		sy_docx_cell(d, NULL);
		sy_docx_text(d, head[c]);
	}
	for (size_t p = 0; p < r->nparts; p++) {
		if (!r->parts[p].required)
			continue;
		sy_docx_row(d, false);
		sy_docx_cell(d, NULL);
		sy_docx_text(d, r->parts[p].label);
		for (int st = SY_PRESENT; st >= SY_MISSING; st--) {
			char n[32];
			snprintf(n, sizeof n, "%zu", s->parts[p][st]);
			sy_docx_cell(d, NULL);
			sy_docx_text(d, n);
		}
	}
	sy_docx_table_end(d);
}

/* The office (a blank for the supervisor when none is set) and the date,
 * placed as the 审查意见 place them. */
static void signature(struct sy_docx *d, const char *office, const struct sy_date *today)
{
	char when[32];
	date_cn(when, sizeof when, today);
	sy_docx_signature(d, office && *office ? office : "（发文单位）", when);
}

static const char *mark(const struct sy_summary_report *row, const struct sy_batch *b, size_t p)
{
	if (b->r[row->index].error)
		return "无法读取";
	return row->status[p] == SY_PRESENT ? "✓" : row->status[p] == SY_PARTIAL ? "不完整" : "缺失";
}

static void matrix_row(struct sy_docx *d, const char *name, const struct sy_summary_report *row,
		       const struct sy_batch *b, const struct sy_rubric *r)
{
	sy_docx_row(d, false);
	sy_docx_cell(d, NULL);
	sy_docx_text(d, name);
	for (size_t p = 0; p < r->nparts; p++) {
		if (!r->parts[p].required)
			continue;
		sy_docx_cell(d, row && row->status[p] != SY_PRESENT ? "FCE4D6" : NULL);
		sy_docx_text(d, row ? mark(row, b, p) : "—");
	}
	sy_docx_cell(d, NULL);
	sy_docx_text(d, !row ? "未报送" : row->verdict == SY_VERDICT_NONE ? "未审查" : sy_verdict_label(row->verdict));
}

/* Millimetres a one-line cell needs for label in 四号 (4.94 mm a Chinese
 * character) with the cell margins (3 mm) and 1-2 mm to spare, which
 * LibreOffice needs not to break the last character; four at least. */
static int label_mm(const char *label)
{
	size_t chars = (sy_width_str(label ? label : "") + 1) / 2;
	if (chars < 4)
		chars = 4;
	return (int)(chars * 4.94 + 3.0) + 2;
}

/* The annex's column widths: each part as wide as its short name needs
 * (举措成效, 第一责任人) and 退回修改 on one line, the unit the rest; when
 * that leaves the unit under 30 mm (many parts), equal columns. */
static int *matrix_widths(const struct sy_rubric *r, size_t nreq)
{
	int *widths = xcalloc(nreq + 2, sizeof *widths);
	int used = 0;
	size_t c = 1;
	for (size_t p = 0; p < r->nparts; p++)
		if (r->parts[p].required)
			used += widths[c++] = label_mm(r->parts[p].short_label);
	used += widths[c] = label_mm("退回修改");
	if (156 - used >= 30) {
		widths[0] = 156 - used;
		return widths;
	}
	int col = (int)((156 - 36) / (nreq + 1));
	col = col > 24 ? 24 : col;
	for (c = 1; c <= nreq + 1; c++)
		widths[c] = col;
	widths[0] = 156 - col * (int)(nreq + 1);
	return widths;
}

/* 附件: the units × parts table. */
static void matrix(struct sy_docx *d, const struct sy_summary *s, const struct sy_batch *b,
		   const struct sy_rubric *r)
{
	size_t nreq = 0;
	for (size_t p = 0; p < r->nparts; p++)
		nreq += r->parts[p].required;
	int *widths = matrix_widths(r, nreq);
	sy_docx_page_break(d);
	para(d, SY_DOCX_PLAIN, "附件");
	para(d, SY_DOCX_TITLE, "各单位报告审查情况一览表");
	sy_docx_table(d, nreq + 2, widths);
	sy_docx_row(d, true);
	sy_docx_cell(d, NULL);
	sy_docx_text(d, "单位");
	for (size_t p = 0; p < r->nparts; p++)
		if (r->parts[p].required) {
			sy_docx_cell(d, NULL);
			sy_docx_text(d, r->parts[p].short_label);
		}
	sy_docx_cell(d, NULL);
	sy_docx_text(d, "结论");
	for (size_t j = 0; j < s->nunits; j++)
		matrix_row(d, s->roster->u[s->unit_order[j]].name, sy_summary_unit_row(s, s->unit_order[j]), b, r);
	for (size_t j = 0; j < s->nlisted; j++)
		if (!s->roster || s->rows[s->row_order[j]].match.unit < 0)
			matrix_row(d, sy_summary_row_name(s, b, s->row_order[j]), &s->rows[s->row_order[j]], b, r);
	sy_docx_table_end(d);
	free(widths);
}

int sy_summary_docx(const struct sy_summary *s, const struct sy_batch *b, const struct sy_rubric *r,
		    const char *office, const struct sy_date *today, char **data, size_t *len, char *err,
		    size_t errlen)
{
	char title[128];
	if (s->year)
		snprintf(title, sizeof title, "关于%d年度法治政府建设年度报告报送和审查情况的通报", s->year);
	else
		snprintf(title, sizeof title, "%s", "关于法治政府建设年度报告报送和审查情况的通报");
	struct sy_docx *d = sy_docx_new(title, office);
	para(d, SY_DOCX_TITLE, title);
	para(d, SY_DOCX_PLAIN, "（草稿）");
	sy_docx_align(d, SY_DOCX_ALIGN_CENTER);
	opening(d, s);
	overall(d, s, today);
	not_received(d, s);
	late(d, s, b);
	returned(d, s, b, r);
	parts(d, s, r);
	signature(d, office, today);
	matrix(d, s, b, r);
	int rc = sy_docx_build(d, data, len, err, errlen);
	sy_docx_free(d);
	return rc;
}
