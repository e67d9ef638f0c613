/* 审查意见 as a Word document a county office can send: laid out as GB/T
 * 9704-2012 has it (title in 小标宋, 主送 unit, body in 仿宋, headings 黑体
 * 一、, the issuing office and the date at the foot, the reviewer as 附注),
 * all in Chinese, the reviewer's decisions as the truth, no ids, no paths.
 * One document holds every report given, each unit a section of its own
 * whose pages are numbered from 1. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/docin_reader.h"
#include "shenyue/docx.h"
#include "shenyue/export.h"
#include "shenyue/score.h"
#include "shenyue/utf8.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

/* A title line of 二号 characters holds 20 on 156 mm: 40 columns, less a margin. */
#define TITLE_COLS 38

static const struct sy_docx_run KAI = {.font = SY_DOCX_FONT_KAITI};

/* Appends n as the sections are numbered: 一 二 … 十 十一. */
static void cn_number(struct sy_buf *b, size_t n)
{
	sy_numfmt_append(b, SY_NUM_CN_COUNT, (int)n);
}

/* Width in columns as the title font sets it: a CJK character 2, a digit 1. */
static size_t cols(const char *s)
{
	return sy_width_str(s);
}

/* ---- the title, broken where the words allow ---- */

/* Splits the title's pieces into at most three lines that each fit,
 * as few lines as possible, then as even as possible; writes them with
 * line breaks between. */
static void docx_title(struct sy_docx *d, const struct sy_export_report *r)
{
	char year[32] = "";
	if (r->year)
		snprintf(year, sizeof year, "%d年度", r->year);
	char *first = xasprintf("关于%s", r->unit ? r->unit : r->relpath);
	const char *all[] = {first, year, "法治政府建设", "年度报告的审查意见"};
	const char *piece[4];
	size_t w[4], n = 0;
	for (size_t i = 0; i < 4; i++)
		if (*all[i]) {
			piece[n] = all[i];
			w[n++] = cols(all[i]);
		}
	/* cut after piece a and after piece b (b == n: no second cut) */
	size_t best_a = n, best_b = n, best_lines = 4, best_max = (size_t)-1;
	for (size_t a = 1; a <= n; a++)
		for (size_t b = a; b <= n; b++) {
			size_t l1 = 0, l2 = 0, l3 = 0;
			for (size_t i = 0; i < n; i++)
				*(i < a ? &l1 : i < b ? &l2 : &l3) += w[i];
			size_t lines = 1 + (l2 > 0) + (l3 > 0), max = l1 > l2 ? l1 : l2;
			max = max > l3 ? max : l3;
			bool fits = max <= TITLE_COLS || lines == 3;
			if (fits && (lines < best_lines || (lines == best_lines && max < best_max))) {
				best_a = a;
				best_b = b;
				best_lines = lines;
				best_max = max;
			}
		}
	struct sy_buf t = {0};
	for (size_t i = 0; i < n; i++) {
		if ((i == best_a && i < n) || (i == best_b && i > best_a && i < n))
			sy_buf_puts(&t, "\n");
		sy_buf_puts(&t, piece[i]);
	}
	char *text = sy_buf_steal(&t);
	sy_docx_para_text(d, SY_DOCX_TITLE, text);
	free(text);
	free(first);
}

/* ---- sentences ---- */

/* Appends s to b, then "。" unless s already ends a sentence. */
static void sentence(struct sy_buf *b, const char *s)
{
	sy_buf_puts(b, s);
	if (!sy_docx_ends_sentence(s))
		sy_buf_puts(b, "。");
}

/* True when a line of a note ends in the middle of a sentence: its last
 * character is a Chinese character, a letter or digit, or a closing
 * bracket or quote (a supervisor types 请补充原因分析 without 。); a line
 * ending in punctuation (。；： …) is left as written. */
static bool ends_without_stop(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	size_t k = n;
	while (k && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
		k--;
	if (!k)
		return false;
	size_t len;
	uint32_t cp = utf8_decode(s + k - 1, n - k + 1, &len);
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0xFF09 /* ） */ ||
	       cp == 0x201D /* ” */ || cp == 0x300B /* 》 */ || cp == 0x300D /* 」 */ || cp == 0x300F /* 』 */;
}

/* One BODY paragraph per line of text (notes keep their paragraphs), each
 * ending a sentence with 。 where the supervisor left it open. */
static void body_lines(struct sy_docx *d, const char *label, const char *text)
{
	const char *p = text;
	bool first = true;
	while (p && *p) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		char *trimmed = line;
		while (*trimmed == ' ' || *trimmed == '\t' || *trimmed == '\r')
			trimmed++;
		if (*trimmed) {
			sy_docx_para(d, SY_DOCX_BODY);
			if (first && label) {
				sy_docx_text_as(d, label, &KAI);
				sy_docx_text(d, "：");
			}
			sy_docx_text(d, trimmed);
			if (ends_without_stop(trimmed, strlen(trimmed)))
				sy_docx_text(d, "。");
			first = false;
		}
		free(line);
		p += n;
		if (*p)
			p++;
	}
}

static void heading(struct sy_docx *d, size_t *section, const char *text)
{
	struct sy_buf b = {0};
	cn_number(&b, ++*section);
	sy_buf_printf(&b, "、%s", text);
	char *h = sy_buf_steal(&b);
	sy_docx_para_text(d, SY_DOCX_HEADING1, h);
	free(h);
}

static const char *note_on(const struct sy_export_report *r, enum sy_note_on on, const char *part,
			   const char *finding, long line)
{
	struct sy_note_target t = {.on = on, .part = part, .finding = finding, .line = line};
	return sy_review_note(&r->review, &t);
}

/* ---- the sections ---- */

static void docx_opening(struct sy_docx *d, const struct sy_export_report *r)
{
	sy_docx_para(d, SY_DOCX_PLAIN);
	sy_docx_text(d, r->unit ? r->unit : r->relpath);
	sy_docx_text(d, "：");
	struct sy_buf b = {0};
	if (r->title)
		sy_buf_printf(&b, "你单位报送的《%s》收悉。", r->title);
	else if (r->year)
		sy_buf_printf(&b, "你单位报送的%d年度法治政府建设年度报告收悉。", r->year);
	else
		sy_buf_puts(&b, "你单位报送的法治政府建设年度报告收悉。");
	sy_buf_puts(&b, "根据《法治政府建设与责任落实督察工作规定》有关要求，经审查，现将审查意见反馈如下。");
	if (r->changed)
		sy_buf_puts(&b, "（说明：该报告在审查后已重新报送，本意见针对此前报送的版本。）");
	char *text = sy_buf_steal(&b);
	sy_docx_para_text(d, SY_DOCX_BODY, text);
	free(text);
}

static void docx_verdict(struct sy_docx *d, const struct sy_export_doc *x, const struct sy_export_report *r,
			 size_t *section)
{
	heading(d, section, "审查结论");
	struct sy_buf b = {0};
	enum sy_verdict v = sy_review_verdict(&r->review);
	static const char *const said[] = {
		[SY_VERDICT_NONE] = "尚未作出审查结论。",
		[SY_VERDICT_ACCEPT] = "予以通过。",
		[SY_VERDICT_RETURN] = "退回修改。请按本意见所列问题整改后重新报送。",
		[SY_VERDICT_PENDING] = "暂缓认定，待进一步核实后另行通知。",
	};
	sy_buf_puts(&b, said[(unsigned)v <= SY_VERDICT_PENDING ? v : SY_VERDICT_NONE]);
	const char *waiver = sy_review_waiver(&r->review);
	if (v == SY_VERDICT_ACCEPT && waiver) {
		sy_buf_puts(&b, "说明：");
		sentence(&b, waiver);
	}
	if (r->score >= 0)
		sy_buf_printf(&b, "报告得分%d分（满分100分）。", r->score);
	if (r->error) {
		sy_buf_puts(&b, "报告文件无法读取（");
		sy_buf_puts(&b, r->error);
		sy_buf_puts(&b, "），请重新报送。");
	}
	char *text = sy_buf_steal(&b);
	sy_docx_para_text(d, SY_DOCX_BODY, text);
	free(text);
	(void)x;
}

/* "（一）<label>：部分具备。系统识别：具备；审查认定：部分具备，理由：…。" */
static void docx_part(struct sy_docx *d, const struct sy_export_report *r, size_t i, size_t k)
{
	const struct sy_export_part *p = &r->parts[i];
	bool ov;
	const char *reason;
	int st = sy_export_part_status(r, i, &ov, &reason);
	struct sy_buf b = {0};
	sy_buf_puts(&b, "（");
	cn_number(&b, k);
	sy_buf_printf(&b, "）%s", p->label ? p->label : p->id);
	char *lead = sy_buf_steal(&b);
	sy_buf_printf(&b, "：%s。", sy_export_status_word(SY_EXPORT_ZH, st, p->required));
	if (ov) {
		sy_buf_printf(&b, "系统识别：%s；审查认定：%s", sy_export_status_word(SY_EXPORT_ZH, p->status, p->required),
			      sy_export_status_word(SY_EXPORT_ZH, st, p->required));
		if (reason && *reason) {
			sy_buf_puts(&b, "，理由：");
			sentence(&b, reason);
		} else {
			sy_buf_puts(&b, "。");
		}
	}
	char *rest = sy_buf_steal(&b);
	sy_docx_para(d, SY_DOCX_BODY);
	sy_docx_text_as(d, lead, &KAI);
	sy_docx_text(d, rest);
	free(rest);
	free(lead);
	body_lines(d, "审查意见", note_on(r, SY_NOTE_PART, p->id, NULL, 0));
}

/* A part goes into the document when required, when it was reported, or
 * when the reviewer wrote a note on it (the note goes under it). */
static bool part_shown(const struct sy_export_report *r, size_t i)
{
	return r->parts[i].required || sy_export_part_status(r, i, NULL, NULL) != SY_MISSING ||
	       note_on(r, SY_NOTE_PART, r->parts[i].id, NULL, 0);
}

static void docx_parts(struct sy_docx *d, const struct sy_export_report *r, size_t *section)
{
	if (!r->nparts)
		return;
	heading(d, section, "各部分审查情况");
	size_t k = 0;
	for (size_t i = 0; i < r->nparts; i++)
		if (part_shown(r, i))
			docx_part(d, r, i, ++k);
}

/* True when the sentence already says where it is ("第 2-4, 49 行"). */
static bool names_line(const char *msg, long line)
{
	char num[32];
	snprintf(num, sizeof num, "%ld", line);
	for (const char *p = strstr(msg, "第"); p; p = strstr(p + 1, "第")) {
		const char *q = p + strlen("第");
		while (*q == ' ')
			q++;
		if (!strncmp(q, num, strlen(num)))
			return true;
	}
	return false;
}

/* True for a code point of Chinese text: an ideograph or CJK punctuation. */
static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* A finding's sentence as a document prints Chinese: no space between a
 * Chinese character and a number (the messages space them for the screen:
 * "仅在第 6 行提及", "约 92% 的内容"), so it reads like the document's own
 * 第14行; text quoted from the report (“2024 年”) is left as it is. */
static char *tight_numbers(const char *msg)
{
	struct sy_buf b = {0};
	sy_buf_add(&b, "", 0);
	uint32_t prev = 0;
	int quoted = 0;
	size_t n = strlen(msg);
	for (size_t i = 0; i < n;) {
		size_t len;
		uint32_t cp = utf8_decode(msg + i, n - i, &len);
		if (cp == 0x201C)
			quoted++;
		else if (cp == 0x201D && quoted)
			quoted--;
		if (cp == ' ' && !quoted && i + 1 < n) {
			size_t nlen;
			uint32_t next = utf8_decode(msg + i + 1, n - i - 1, &nlen);
			bool digit_prev = prev >= '0' && prev <= '9', digit_next = next >= '0' && next <= '9';
			if ((is_cjk(prev) && digit_next) || ((digit_prev || prev == '%') && is_cjk(next))) {
				i += len;
				continue;
			}
		}
		sy_buf_add(&b, msg + i, len);
		prev = cp;
		i += len;
	}
	return sy_buf_steal(&b);
}

static void docx_finding(struct sy_docx *d, const struct sy_export_report *r, const struct sy_export_finding *f,
			 size_t k)
{
	struct sy_buf b = {0};
	char *msg = tight_numbers(f->message);
	sy_buf_printf(&b, "%zu．", k);
	if (f->line && !names_line(msg, f->line)) {
		sy_buf_puts(&b, msg);
		sy_buf_printf(&b, "（报告第%ld行）", f->line);
		sy_buf_puts(&b, "。");
	} else {
		sentence(&b, msg);
	}
	free(msg);
	char *text = sy_buf_steal(&b);
	sy_docx_para_text(d, SY_DOCX_BODY, text);
	free(text);
	body_lines(d, "审查意见", note_on(r, SY_NOTE_FINDING, NULL, f->id, f->line));
}

static void docx_findings(struct sy_docx *d, const struct sy_export_doc *x, const struct sy_export_report *r,
			  size_t *section)
{
	size_t k = 0;
	for (size_t i = 0; i < r->nf; i++) {
		if (!sy_export_finding_shown(x, r, &r->f[i]))
			continue;
		if (!k)
			heading(d, section, "存在的问题");
		docx_finding(d, r, &r->f[i], ++k);
	}
}

/* The report note, and notes with no place left: on findings no longer in
 * the resubmitted report, on parts the rubric no longer has (never
 * dropped, named by their line). */
static void docx_other(struct sy_docx *d, const struct sy_export_report *r, size_t *section)
{
	const char *note = note_on(r, SY_NOTE_REPORT, NULL, NULL, 0);
	bool header = false;
	if (note) {
		heading(d, section, "其他意见");
		header = true;
		body_lines(d, NULL, note);
	}
	for (size_t i = 0; i < r->review.nitems; i++) {
		long line;
		if (!sy_export_note_orphaned(r, &r->review.items[i], &line))
			continue;
		if (!header)
			heading(d, section, "其他意见");
		header = true;
		char label[64];
		snprintf(label, sizeof label, line ? "此前版本第%ld行" : "此前版本", line);
		body_lines(d, label, r->review.items[i].value);
	}
}

static void docx_rectify(struct sy_docx *d, const struct sy_export_doc *x, const struct sy_export_report *r,
			 size_t *section)
{
	if (sy_review_verdict(&r->review) != SY_VERDICT_RETURN)
		return;
	heading(d, section, "整改要求");
	struct sy_buf b = {0};
	sy_buf_puts(&b, "请对照上述问题认真整改，补充完善相关内容，");
	if (x->deadline[0]) {
		char date[64];
		sy_export_date_words(SY_EXPORT_ZH, x->deadline, date, sizeof date);
		sy_buf_printf(&b, "于%s前", date);
	}
	sy_buf_puts(&b, "将修改后的报告重新报送");
	if (x->office)
		sy_buf_puts(&b, x->office);
	sy_buf_puts(&b, "。");
	char *text = sy_buf_steal(&b);
	sy_docx_para_text(d, SY_DOCX_BODY, text);
	free(text);
}

/* The office and the date at the foot (GB/T 9704-2012 7.3.5.3), then the
 * reviewer as 附注. */
static void docx_signature(struct sy_docx *d, const struct sy_export_doc *x, const struct sy_export_report *r)
{
	char date[64];
	sy_export_date_words(SY_EXPORT_ZH, x->date, date, sizeof date);
	sy_docx_signature(d, x->office, date);
	const char *reviewer = sy_export_decided_by(x, r);
	if (reviewer) {
		char *note = xasprintf("（审查人：%s）", reviewer);
		sy_docx_para_text(d, SY_DOCX_BODY, note);
		free(note);
	}
}

static void docx_report(struct sy_docx *d, const struct sy_export_doc *x, const struct sy_export_report *r)
{
	size_t section = 0;
	docx_title(d, r);
	docx_opening(d, r);
	docx_verdict(d, x, r, &section);
	docx_parts(d, r, &section);
	docx_findings(d, x, r, &section);
	docx_other(d, r, &section);
	docx_rectify(d, x, r, &section);
	docx_signature(d, x, r);
}

int sy_export_docx(const struct sy_export_doc *x, char **data, size_t *len, char *err, size_t errlen)
{
	char *title = x->n == 1 ? sy_export_title(SY_EXPORT_ZH, &x->r[0]) : xstrdup("法治政府建设年度报告审查意见");
	struct sy_docx *d = sy_docx_new(title, x->reviewer);
	free(title);
	for (size_t i = 0; i < x->n; i++) {
		if (i)
			sy_docx_new_section(d);
		docx_report(d, x, &x->r[i]);
	}
	int rc = sy_docx_build(d, data, len, err, errlen);
	sy_docx_free(d);
	return rc;
}
