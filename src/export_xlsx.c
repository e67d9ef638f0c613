/* The 汇总表 (.xlsx, libxlsxwriter): one row per report with its unit,
 * year, score and verdict as they count, a column per part coloured by its
 * status, the reviewer's findings and reasons, the notes, who decided and
 * when. A title row, the header frozen with the unit column, widths fit to
 * Chinese text, printed landscape on A4 with the header repeated. Always
 * Chinese. libxlsxwriter only writes a named file: the table's
 * sy_export_build_via_file hands it a private temporary one. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "shenyue/export.h"
#include "shenyue/i18n.h"
#include "shenyue/score.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

#define WIDEST 40          /* columns of long text wrap beyond this width */
#define LINE_POINTS 15.0   /* the height of a line of 11-point text */
#define CELL_MAX 32000     /* Excel holds at most 32767 characters in a cell */

/* A status's colours: Excel's own good / neutral / bad styles. */
struct tone {
	const char *word;
	lxw_color_t fill, font;
};

static const struct tone tones[] = {
	{"具备", 0xC6EFCE, 0x006100},
	{"部分具备", 0xFFEB9C, 0x9C5700},
	{"缺失", 0xFFC7CE, 0x9C0006},
	{"未报告（非必备）", 0xEDEDED, 0x595959},
	{"通过", 0xC6EFCE, 0x006100},
	{"待定", 0xFFEB9C, 0x9C5700},
	{"退回修改", 0xFFC7CE, 0x9C0006},
};
#define NTONES (sizeof tones / sizeof *tones)

struct book {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *title, *head, *text, *wrap, *number, *tone[NTONES];
	double *width;    /* per column, in Excel's character units */
	size_t ncols;
	bool measuring;   /* the first pass: widths only, nothing written */
	int lines;        /* the tallest cell of the row being written, in lines */
};

/* ---- the columns ---- */

enum col_kind { COL_INDEX, COL_UNIT, COL_YEAR, COL_SCORE, COL_VERDICT, COL_PART, COL_OVERRIDES, COL_FINDINGS,
		COL_WAIVER, COL_NOTES, COL_RESUBMITTED, COL_REVIEWER, COL_DATE, COL_FILE };

struct column {
	enum col_kind kind;
	const char *head;
	size_t part;      /* COL_PART: the part's index */
};

static size_t build_columns(const struct sy_export_doc *x, struct column *c)
{
	static const struct column before[] = {
		{COL_INDEX, "序号", 0}, {COL_UNIT, "单位", 0}, {COL_YEAR, "年度", 0},
		{COL_SCORE, "得分", 0}, {COL_VERDICT, "审查结论", 0},
	};
	static const struct column after[] = {
		{COL_OVERRIDES, "审查认定及理由", 0}, {COL_FINDINGS, "存在的问题", 0}, {COL_WAIVER, "豁免理由", 0},
		{COL_NOTES, "审查意见", 0}, {COL_RESUBMITTED, "重新报送待审", 0}, {COL_REVIEWER, "审查人", 0},
		{COL_DATE, "审查日期", 0}, {COL_FILE, "报告文件", 0},
	};
	size_t n = 0;
	for (size_t i = 0; i < sizeof before / sizeof *before; i++)
		c[n++] = before[i];
	const struct sy_export_report *model = sy_export_parts_model(x);
	for (size_t p = 0; model && p < model->nparts; p++) {
		const struct sy_export_part *part = &model->parts[p];
		c[n++] = (struct column){COL_PART, part->short_label ? part->short_label : part->label, p};
	}
	for (size_t i = 0; i < sizeof after / sizeof *after; i++)
		c[n++] = after[i];
	return n;
}

/* ---- cells ---- */

/* Width of the widest line of text, a CJK character counting two units. */
static double text_width(const char *text, double wrap_at, int *lines)
{
	double w = 0;
	*lines = 0;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		char *one = xstrndup(p, n);
		double line = (double)sy_width_str(one);
		free(one);
		w = line > w ? line : w;
		*lines += wrap_at > 0 && line > wrap_at ? (int)(line / wrap_at) + 1 : 1;
		p += n + (p[n] == '\n');
	}
	return w;
}

/* First pass: remembers the widest text of a column. Second pass: the
 * lines it takes at the column's width make the row tall enough. */
static void measure(struct book *bk, lxw_col_t col, const char *text)
{
	int lines;
	if (col >= bk->ncols)
		return;
	double w = text_width(text, bk->measuring ? 0 : bk->width[col] - 1, &lines);
	if (bk->measuring && w + 2 > bk->width[col])
		bk->width[col] = w + 2 > WIDEST ? WIDEST : w + 2;
	if (!bk->measuring && lines > bk->lines)
		bk->lines = lines;
}

static void put_text(struct book *bk, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *f)
{
	char *safe = sy_text_safe(text ? text : "");
	size_t n = strlen(safe);
	if (n > CELL_MAX) { /* cut at a character boundary */
		n = CELL_MAX;
		while (n && ((unsigned char)safe[n] & 0xC0) == 0x80)
			n--;
		safe[n] = '\0';
	}
	if (!bk->measuring)
		worksheet_write_string(bk->ws, row, col, safe, f);
	measure(bk, col, safe);
	free(safe);
}

static void put_number(struct book *bk, lxw_row_t row, lxw_col_t col, double v)
{
	if (!bk->measuring)
		worksheet_write_number(bk->ws, row, col, v, bk->number);
	char buf[32];
	snprintf(buf, sizeof buf, "%g", v);
	measure(bk, col, buf);
}

/* The format of a status or verdict word: its colour, else plain text. */
static lxw_format *tone_of(const struct book *bk, const char *word)
{
	for (size_t i = 0; i < NTONES; i++)
		if (!strcmp(tones[i].word, word))
			return bk->tone[i];
	return bk->text;
}

/* The findings that go back, one sentence a line, with their line. */
static char *findings_text(const struct sy_export_doc *x, const struct sy_export_report *r)
{
	struct sy_buf b = {0};
	size_t k = 0;
	for (size_t i = 0; i < r->nf; i++) {
		const struct sy_export_finding *f = &r->f[i];
		if (!sy_export_finding_shown(x, r, f))
			continue;
		sy_buf_printf(&b, "%s%zu．%s", k ? "\n" : "", k + 1, f->message);
		if (f->line)
			sy_buf_printf(&b, "（第%ld行）", f->line);
		k++;
	}
	return sy_buf_steal(&b);
}

static void put_cell(struct book *bk, const struct sy_export_doc *x, const struct sy_export_report *r,
		     lxw_row_t row, lxw_col_t col, const struct column *c, size_t index)
{
	enum sy_verdict v = sy_review_verdict(&r->review);
	char *owned = NULL, date[16];
	switch (c->kind) {
	case COL_INDEX: put_number(bk, row, col, (double)index); return;
	case COL_UNIT: put_text(bk, row, col, r->unit ? r->unit : "（未识别）", bk->text); return;
	case COL_YEAR:
		if (r->year)
			put_number(bk, row, col, r->year);
		return;
	case COL_SCORE:
		if (r->score >= 0)
			put_number(bk, row, col, r->score);
		return;
	case COL_VERDICT: {
		const char *w = sy_export_verdict_word(SY_EXPORT_ZH, v);
		put_text(bk, row, col, w, v ? tone_of(bk, w) : bk->text);
		return;
	}
	case COL_PART: {
		if (r->error || c->part >= r->nparts)
			return;
		const char *w = sy_export_status_word(SY_EXPORT_ZH, sy_export_part_status(r, c->part, NULL, NULL),
						      r->parts[c->part].required);
		put_text(bk, row, col, w, tone_of(bk, w));
		return;
	}
	case COL_OVERRIDES: owned = sy_export_overrides_text(x, r); break;
	case COL_FINDINGS: owned = r->error ? xasprintf("报告无法读取：%s", r->error) : findings_text(x, r); break;
	case COL_WAIVER: put_text(bk, row, col, sy_review_waiver(&r->review), bk->wrap); return;
	case COL_NOTES: owned = sy_export_notes_text(x, r); break;
	case COL_RESUBMITTED: put_text(bk, row, col, r->changed ? "是" : "否", bk->text); return;
	case COL_REVIEWER: put_text(bk, row, col, v ? sy_export_decided_by(x, r) : NULL, bk->text); return;
	case COL_DATE:
		sy_export_decided_on(x, r, date, sizeof date);
		put_text(bk, row, col, date, bk->text);
		return;
	case COL_FILE: put_text(bk, row, col, r->relpath, bk->text); return;
	}
	put_text(bk, row, col, owned, bk->wrap);
	free(owned);
}

/* ---- the workbook ---- */

static lxw_format *bordered(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static void make_formats(struct book *bk)
{
	bk->title = workbook_add_format(bk->wb);
	format_set_bold(bk->title);
	format_set_font_size(bk->title, 16);
	format_set_align(bk->title, LXW_ALIGN_CENTER);
	format_set_align(bk->title, LXW_ALIGN_VERTICAL_CENTER);
	bk->head = bordered(bk->wb);
	format_set_bold(bk->head);
	format_set_bg_color(bk->head, 0xD9E1F2);
	format_set_align(bk->head, LXW_ALIGN_CENTER);
	format_set_text_wrap(bk->head);
	bk->text = bordered(bk->wb);
	bk->wrap = bordered(bk->wb);
	format_set_text_wrap(bk->wrap);
	format_set_align(bk->wrap, LXW_ALIGN_VERTICAL_TOP);
	bk->number = bordered(bk->wb);
	format_set_align(bk->number, LXW_ALIGN_CENTER);
	for (size_t i = 0; i < NTONES; i++) {
		bk->tone[i] = bordered(bk->wb);
		format_set_bg_color(bk->tone[i], tones[i].fill);
		format_set_font_color(bk->tone[i], tones[i].font);
		format_set_align(bk->tone[i], LXW_ALIGN_CENTER);
	}
}

/* Widths fit to what the columns hold, long text wrapped past WIDEST. */
static void set_widths(struct book *bk)
{
	for (size_t c = 0; c < bk->ncols; c++) {
		if (bk->width[c] < 6)
			bk->width[c] = 6;
		worksheet_set_column(bk->ws, (lxw_col_t)c, (lxw_col_t)c, bk->width[c], NULL);
	}
}

/* Writes the rows (or, measuring, only sizes them up); each row as tall
 * as its longest wrapped cell. */
static void write_rows(struct book *bk, const struct sy_export_doc *x, const struct column *cols, size_t ncols)
{
	for (size_t i = 0; i < x->n; i++) {
		bk->lines = 1;
		for (size_t c = 0; c < ncols; c++)
			put_cell(bk, x, &x->r[i], (lxw_row_t)(i + 2), (lxw_col_t)c, &cols[c], i + 1);
		if (!bk->measuring && bk->lines > 1)
			worksheet_set_row(bk->ws, (lxw_row_t)(i + 2), LINE_POINTS * bk->lines, NULL);
	}
}

/* The sheet's frame: title row, header row, frozen panes, filter, printing. */
static void sheet_frame(struct book *bk, const struct sy_export_doc *x, const struct column *cols, size_t ncols)
{
	char date[64];
	sy_export_date_words(SY_EXPORT_ZH, x->date, date, sizeof date);
	char *title = xasprintf("法治政府建设年度报告审查汇总表（%s%s%s）", x->office ? x->office : "",
				x->office ? "，" : "", date);
	worksheet_merge_range(bk->ws, 0, 0, 0, (lxw_col_t)(ncols - 1), title, bk->title);
	worksheet_set_row(bk->ws, 0, 30, NULL);
	free(title);
	for (size_t c = 0; c < ncols; c++)
		put_text(bk, 1, (lxw_col_t)c, cols[c].head, bk->head);
	worksheet_freeze_panes(bk->ws, 2, 2);
	worksheet_autofilter(bk->ws, 1, 0, (lxw_row_t)(x->n + 1), (lxw_col_t)(ncols - 1));
	worksheet_set_landscape(bk->ws);
	worksheet_set_paper(bk->ws, 9); /* A4 */
	worksheet_repeat_rows(bk->ws, 0, 1);
	worksheet_fit_to_pages(bk->ws, 1, 0);
}

static int xlsx_write_file(const char *path, const struct sy_export_doc *x, char *err, size_t errlen)
{
	struct book bk = {.wb = workbook_new(path)};
	if (!bk.wb) {
		snprintf(err, errlen, _("%s: cannot create the workbook"), path);
		return -1;
	}
	const struct sy_export_report *model = sy_export_parts_model(x);
	struct column *cols = xcalloc(16 + (model ? model->nparts : 0), sizeof *cols);
	size_t ncols = build_columns(x, cols);
	bk.ncols = ncols;
	bk.width = xcalloc(ncols, sizeof *bk.width);
	bk.ws = workbook_add_worksheet(bk.wb, "汇总表");
	make_formats(&bk);
	bk.measuring = true;
	for (size_t c = 0; c < ncols; c++)
		measure(&bk, (lxw_col_t)c, cols[c].head);
	write_rows(&bk, x, cols, ncols);
	bk.measuring = false;
	set_widths(&bk);
	sheet_frame(&bk, x, cols, ncols);
	write_rows(&bk, x, cols, ncols);
	workbook_set_properties(bk.wb, &(lxw_doc_properties){
		.title = "法治政府建设年度报告审查汇总表", .author = x->reviewer, .company = x->office,
	});
	lxw_error e = workbook_close(bk.wb);
	free(cols);
	free(bk.width);
	if (e != LXW_NO_ERROR) {
		snprintf(err, errlen, "%s: %s", path, lxw_strerror(e));
		return -1;
	}
	return 0;
}

int sy_export_xlsx(const struct sy_export_doc *x, char **data, size_t *len, char *err, size_t errlen)
{
	return sy_export_build_via_file(x, data, len, err, errlen, xlsx_write_file);
}
