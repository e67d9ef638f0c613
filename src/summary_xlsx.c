/* The batch summary as a spreadsheet (.xlsx, libxlsxwriter): a sheet of
 * counts and lists, the units × parts matrix with the parts that are not
 * complete shaded, and one row per report. libxlsxwriter only writes a
 * named file, so the workbook goes to a private temporary file that is read
 * back and removed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "shenyue/fileio.h"
#include "shenyue/i18n.h"
#include "shenyue/summary.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

struct book {
	lxw_workbook *wb;
	lxw_format *head, *bad, *dim;
};

/* Writes text made safe (control characters shown, valid UTF-8). */
static void cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *text, lxw_format *f)
{
	char *safe = sy_text_safe(text ? text : "");
	worksheet_write_string(ws, r, c, safe, f);
	free(safe);
}

static void count_row(lxw_worksheet *ws, lxw_row_t *r, const char *label, size_t n)
{
	cell(ws, *r, 0, label, NULL);
	worksheet_write_number(ws, (*r)++, 1, (double)n, NULL);
}

/* Sheet 汇总: the counts, the verdicts, the parts. */
static void sheet_counts(struct book *bk, const struct sy_summary *s, const struct sy_rubric *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(bk->wb, "汇总");
	worksheet_set_column(ws, 0, 0, 24, NULL);
	worksheet_set_column(ws, 1, 3, 10, NULL);
	lxw_row_t row = 0;
	char due[16];
	sy_date_format(&s->submission.date, due, sizeof due);
	cell(ws, row, 0, "截止日期", bk->head);
	cell(ws, row++, 1, due, NULL);
	count_row(ws, &row, "应报送", s->expected);
	count_row(ws, &row, "已报送", s->received);
	count_row(ws, &row, "未报送", s->not_received);
	count_row(ws, &row, "逾期报送", s->late);
	count_row(ws, &row, "逾期公开", s->late_publication);
	count_row(ws, &row, "已审查", s->reviewed);
	count_row(ws, &row, "未审查", s->not_reviewed);
	count_row(ws, &row, "需复审", s->recheck);
	for (int v = SY_VERDICT_ACCEPT; v <= SY_VERDICT_PENDING; v++)
		count_row(ws, &row, sy_verdict_label((enum sy_verdict)v), s->verdicts[v]);
	count_row(ws, &row, sy_verdict_label(SY_VERDICT_NONE), s->verdicts[SY_VERDICT_NONE]);
	row++;
	static const char *const head[] = { "必备部分", "齐全", "不完整", "缺失" };
	for (lxw_col_t c = 0; c < 4; c++)
		cell(ws, row, c, head[c], bk->head);
	row++;
	for (size_t p = 0; p < r->nparts; p++) {
		if (!r->parts[p].required)
			continue;
		cell(ws, row, 0, r->parts[p].label, NULL);
		for (int st = SY_PRESENT, c = 1; st >= SY_MISSING; st--, c++)
			worksheet_write_number(ws, row, (lxw_col_t)c, (double)s->parts[p][st], NULL);
		row++;
	}
}

static const char *status_word(int st)
{
	return st == SY_PRESENT ? "齐全" : st == SY_PARTIAL ? "不完整" : "缺失";
}

/* One matrix row: the unit, its parts, verdict, received date, lateness, reason. */
static void matrix_row(struct book *bk, lxw_worksheet *ws, lxw_row_t row, const char *name,
		       const struct sy_summary_report *rep, const struct sy_batch *b, const struct sy_rubric *r)
{
	cell(ws, row, 0, name, NULL);
	lxw_col_t c = 1;
	for (size_t p = 0; p < r->nparts; p++) {
		if (!r->parts[p].required)
			continue;
		if (!rep)
			cell(ws, row, c, "—", bk->dim);
		else if (b->r[rep->index].error)
			cell(ws, row, c, "无法读取", bk->bad);
		else
			cell(ws, row, c, status_word(rep->status[p]), rep->status[p] == SY_PRESENT ? NULL : bk->bad);
		c++;
	}
	if (!rep) {
		cell(ws, row, c, "未报送", bk->bad);
		return;
	}
	char got[16];
	sy_date_format(&rep->received.date, got, sizeof got);
	cell(ws, row, c++, rep->verdict == SY_VERDICT_NONE ? "未审查" : sy_verdict_label(rep->verdict), NULL);
	cell(ws, row, c++, got, NULL);
	cell(ws, row, c++, rep->late ? "逾期" : "", rep->late ? bk->bad : NULL);
	char *why = rep->verdict == SY_VERDICT_RETURN ? sy_summary_reason_zh(rep, r) : NULL;
	cell(ws, row, c++, why, NULL);
	free(why);
	cell(ws, row, c, b->r[rep->index].path, bk->dim);
}

/* Sheet 单位×部分: every roster unit (those not received too), then the
 * reports that match none, in pinyin order. */
static void sheet_matrix(struct book *bk, const struct sy_summary *s, const struct sy_batch *b,
			 const struct sy_rubric *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(bk->wb, "单位×部分");
	lxw_col_t c = 0;
	cell(ws, 0, c++, "单位", bk->head);
	for (size_t p = 0; p < r->nparts; p++)
		if (r->parts[p].required)
			cell(ws, 0, c++, r->parts[p].short_label, bk->head);
	static const char *const tail[] = { "结论", "收到日期", "逾期", "退回原因", "文件" };
	for (size_t k = 0; k < sizeof tail / sizeof *tail; k++)
		cell(ws, 0, c++, tail[k], bk->head);
	worksheet_set_column(ws, 0, 0, 24, NULL);
	worksheet_set_column(ws, 1, c, 12, NULL);
	worksheet_freeze_panes(ws, 1, 1);
	lxw_row_t row = 1;
	for (size_t j = 0; j < s->nunits; j++)
		matrix_row(bk, ws, row++, s->roster->u[s->unit_order[j]].name, sy_summary_unit_row(s, s->unit_order[j]),
			   b, r);
	for (size_t j = 0; j < s->nlisted; j++)
		if (!s->roster || s->rows[s->row_order[j]].match.unit < 0)
			matrix_row(bk, ws, row++, sy_summary_row_name(s, b, s->row_order[j]), &s->rows[s->row_order[j]], b,
				   r);
	worksheet_autofilter(ws, 0, 0, row - 1, c - 1);
}

/* What the workbook is made of, for sy_file_build_via_temp. */
struct book_of {
	const struct sy_summary *s;
	const struct sy_batch *b;
	const struct sy_rubric *r;
};

/* Writes the workbook to path. Returns 0, or -1 with the reason in err. */
static int write_book(const char *path, const void *ctx, char *err, size_t errlen)
{
	const struct book_of *of = ctx;
	const struct sy_summary *s = of->s;
	const struct sy_batch *b = of->b;
	const struct sy_rubric *r = of->r;
	struct book bk = { workbook_new(path), NULL, NULL, NULL };
	if (!bk.wb) {
		snprintf(err, errlen, _("%s: cannot start the spreadsheet"), path);
		return -1;
	}
	bk.head = workbook_add_format(bk.wb);
	format_set_bold(bk.head);
	format_set_bg_color(bk.head, 0xD9E1F2);
	bk.bad = workbook_add_format(bk.wb);
	format_set_bg_color(bk.bad, 0xFCE4D6);
	bk.dim = workbook_add_format(bk.wb);
	format_set_font_color(bk.dim, 0x808080);
	workbook_set_properties(bk.wb, &(lxw_doc_properties){ .title = "法治政府建设年度报告报送和审查情况" });
	sheet_counts(&bk, s, r);
	sheet_matrix(&bk, s, b, r);
	lxw_error e = workbook_close(bk.wb);
	if (e != LXW_NO_ERROR) {
		snprintf(err, errlen, "%s: %s", path, lxw_strerror(e));
		return -1;
	}
	return 0;
}

int sy_summary_xlsx(const struct sy_summary *s, const struct sy_batch *b, const struct sy_rubric *r, char **data,
		    size_t *len, char *err, size_t errlen)
{
	struct book_of of = {s, b, r};
	return sy_file_build_via_temp(write_book, &of, data, len, err, errlen);
}
