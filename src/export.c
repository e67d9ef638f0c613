/* Export of reviews: building the export document and writing it as
 * Markdown (审查意见), CSV and YAML. */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shenyue/check.h"
#include "shenyue/effective.h"
#include "shenyue/export.h"
#include "shenyue/review_store.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

/* ---- building ---- */

static void build_parts(struct sy_export_report *x, const struct sy_report *rep, const struct sy_rubric *r)
{
	x->parts = xcalloc(r->nparts, sizeof *x->parts);
	x->nparts = r->nparts;
	for (size_t i = 0; i < r->nparts; i++) {
		struct sy_export_part *p = &x->parts[i];
		const struct sy_part_result *pr = i < rep->score.nparts ? &rep->score.parts[i] : NULL;
		p->id = xstrdup(r->parts[i].id);
		p->label = xstrdup(r->parts[i].label);
		p->required = r->parts[i].required;
		p->status = pr ? (int)pr->status : SY_MISSING;
		p->line = pr ? pr->line : 0;
		p->heading = pr ? xstrdup(pr->heading_text) : NULL;
	}
}

static void build_findings(struct sy_export_report *x, const struct sy_report *rep)
{
	x->f = xcalloc(rep->score.nf, sizeof *x->f);
	x->nf = rep->score.nf;
	for (size_t i = 0; i < rep->score.nf; i++) {
		const struct sy_finding *f = &rep->score.f[i];
		x->f[i] = (struct sy_export_finding){
			.id = xstrdup(f->id), .severity = (int)f->severity, .line = f->line,
			.part = xstrdup(f->part), .message = xstrdup(f->message),
		};
	}
}

static void build_report(struct sy_export_report *x, const struct sy_export_entry *e,
			 const struct sy_rubric *r)
{
	const struct sy_report *rep = e->rep;
	memset(x, 0, sizeof *x);
	x->path = xstrdup(rep->path);
	x->score = -1;
	if (e->rv)
		sy_review_copy(&x->review, e->rv);
	if (rep->error) {
		x->error = xstrdup(rep->error);
		return;
	}
	char hash[32];
	sy_hash_format(rep->doc.hash, hash, sizeof hash);
	x->hash = xstrdup(hash);
	x->unit = xstrdup(rep->outline.unit);
	x->year = rep->outline.year;
	x->encoding = xstrdup(sy_doc_source_name(&rep->doc));
	x->score = sy_effective_score(rep, e->rv, r); /* the reviewer's statuses win */
	x->changed = e->rv && sy_review_changed(e->rv, rep->doc.hash);
	build_parts(x, rep, r);
	build_findings(x, rep);
}

void sy_export_build(struct sy_export_doc *x, const struct sy_export_entry *e, size_t n,
		     const struct sy_rubric *r)
{
	memset(x, 0, sizeof *x);
	x->rubric = xstrdup(r->name);
	x->r = xcalloc(n, sizeof *x->r);
	x->n = n;
	for (size_t i = 0; i < n; i++)
		build_report(&x->r[i], &e[i], r);
}

static void report_free(struct sy_export_report *x)
{
	for (size_t i = 0; i < x->nparts; i++) {
		free(x->parts[i].id);
		free(x->parts[i].label);
		free(x->parts[i].heading);
	}
	for (size_t i = 0; i < x->nf; i++) {
		free(x->f[i].id);
		free(x->f[i].part);
		free(x->f[i].message);
	}
	free(x->parts);
	free(x->f);
	free(x->path);
	free(x->unit);
	free(x->encoding);
	free(x->hash);
	free(x->error);
	sy_review_free(&x->review);
	memset(x, 0, sizeof *x);
}

void sy_export_free(struct sy_export_doc *x)
{
	for (size_t i = 0; i < x->n; i++)
		report_free(&x->r[i]);
	free(x->r);
	free(x->rubric);
	memset(x, 0, sizeof *x);
}

/* ---- Markdown ---- */

static const char *status_zh(int st)
{
	return st == SY_PRESENT ? "具备" : st == SY_PARTIAL ? "部分具备" : "缺失";
}

static const char *severity_zh(int sev)
{
	return sev == SY_SEV_ERROR ? "问题" : sev == SY_SEV_WARNING ? "提示" : "参考";
}

/* Escapes what could start a block at the beginning of a line (list items,
 * numbered lists, setext underlines; # and > are escaped everywhere).
 * Returns the bytes it wrote itself from s. */
static size_t md_line_start(FILE *out, const char *s)
{
	if (*s == '-' || *s == '+' || *s == '=') {
		fputc('\\', out);
		return 0;
	}
	size_t digits = strspn(s, "0123456789");
	if (digits && (s[digits] == '.' || s[digits] == ')')) {
		fwrite(s, 1, digits, out);
		fputc('\\', out);
		return digits;
	}
	return 0;
}

/* s without CR, then with every control, bidi control and invalid byte made
 * visible (sy_text_safe): nothing from a report reaches a reader raw. */
static char *md_safe(const char *s)
{
	char *bare = xstrdup(s);
	char *w = bare;
	for (const char *p = s; *p; p++)
		if (*p != '\r')
			*w++ = *p;
	*w = '\0';
	char *safe = sy_text_safe(bare);
	free(bare);
	return safe;
}

void sy_md_write_text(FILE *out, const char *raw, const char *indent)
{
	if (!raw)
		return;
	char *safe = md_safe(raw);
	const char *s = safe;
	bool line_start = true;
	while (*s) {
		if (line_start) {
			while (*s == ' ' || *s == '\t')
				s++; /* leading blanks could make a code block */
			s += md_line_start(out, s);
			line_start = false;
			continue;
		}
		char c = *s++;
		if (c == '\n') {
			fprintf(out, "  \n%s", indent ? indent : "");
			line_start = true;
		} else if (c == '&') {
			fputs("&amp;", out);
		} else {
			if (strchr("\\`*_[]<>|~#!{}", c))
				fputc('\\', out);
			fputc(c, out);
		}
	}
	free(safe);
}

/* The review's note on a part, a finding or the report, or NULL. */
static const char *note_on(const struct sy_review *rv, enum sy_note_on on, const char *part,
			   const char *finding, long line)
{
	struct sy_note_target t = {.on = on, .part = part, .finding = finding, .line = line};
	return sy_review_note(rv, &t);
}

static void md_note(FILE *out, const char *label, const char *text, const char *indent)
{
	if (!text)
		return;
	fprintf(out, "%s- **%s**：", indent, label);
	char *inner = xasprintf("%s  ", indent);
	sy_md_write_text(out, text, inner);
	free(inner);
	fputc('\n', out);
}

static void md_part(FILE *out, const struct sy_export_report *x, const struct sy_export_part *p)
{
	fputs("- ", out);
	sy_md_write_text(out, p->label ? p->label : p->id, "  ");
	/* an optional part left out is not a fault to report back */
	if (!p->required && p->status == SY_MISSING)
		fputs("：未报告（非必备）", out);
	else
		fprintf(out, "：%s", status_zh(p->status));
	if (p->line) {
		fprintf(out, "（第%ld行", p->line);
		if (p->heading) {
			fputs("「", out);
			sy_md_write_text(out, p->heading, "  ");
			fputs("」", out);
		}
		fputs("）", out);
	}
	fputc('\n', out);
	const char *reason;
	int ov = sy_review_override(&x->review, p->id, &reason);
	if (ov >= 0) {
		fprintf(out, "  - **审查认定**：%s", status_zh(ov));
		if (reason) {
			fputs("。理由：", out);
			sy_md_write_text(out, reason, "    ");
		}
		fputc('\n', out);
	}
	md_note(out, "审查意见", note_on(&x->review, SY_NOTE_PART, p->id, NULL, 0), "  ");
}

static void md_finding(FILE *out, const struct sy_export_report *x, const struct sy_export_finding *f)
{
	fprintf(out, "- 【%s】", severity_zh(f->severity));
	if (f->line)
		fprintf(out, "第%ld行：", f->line);
	sy_md_write_text(out, f->message, "  ");
	fputc('\n', out);
	md_note(out, "审查意见", note_on(&x->review, SY_NOTE_FINDING, NULL, f->id, f->line), "  ");
}

static bool export_has_finding(const struct sy_export_report *x, const char *id, long line)
{
	for (size_t i = 0; i < x->nf; i++)
		if (!strcmp(x->f[i].id, id) && x->f[i].line == line)
			return true;
	return false;
}

static bool export_has_part(const struct sy_export_report *x, const char *id)
{
	for (size_t i = 0; i < x->nparts; i++)
		if (!strcmp(x->parts[i].id, id))
			return true;
	return false;
}

/* Notes whose part or finding is no longer in the report (a resubmission):
 * kept visible, never dropped. */
static void md_orphan_notes(FILE *out, const struct sy_export_report *x)
{
	bool header = false;
	for (size_t i = 0; i < x->review.nitems; i++) {
		const struct sy_item *it = &x->review.items[i];
		enum sy_note_on on;
		char *part, *finding;
		long line;
		if (sy_key_note_parse(it->key, &on, &part, &finding, &line) < 0)
			continue;
		bool orphan = (on == SY_NOTE_PART && !export_has_part(x, part)) ||
			      (on == SY_NOTE_FINDING && !export_has_finding(x, finding, line));
		if (orphan) {
			if (!header)
				fputs("\n### 此前的其他审查意见\n\n", out);
			header = true;
			char *label = on == SY_NOTE_PART ? xasprintf("部分 %s", part)
							 : xasprintf("第%ld行 %s", line, finding);
			char *esc_label = NULL;
			size_t n = 0;
			FILE *m = open_memstream(&esc_label, &n);
			sy_md_write_text(m, label, "");
			fclose(m);
			md_note(out, esc_label, it->value, "");
			free(esc_label);
			free(label);
		}
		free(part);
		free(finding);
	}
}

static void md_header(FILE *out, const struct sy_export_report *x)
{
	fputs("## ", out);
	sy_md_write_text(out, x->unit ? x->unit : x->path, "");
	if (x->year)
		fprintf(out, " %d年度法治政府建设年度报告", x->year);
	fputs(" 审查意见\n\n- 报告文件：", out);
	sy_md_write_text(out, x->path, "  ");
	fputs("\n- 单位：", out);
	sy_md_write_text(out, x->unit ? x->unit : "（未识别）", "  ");
	if (x->year)
		fprintf(out, "\n- 年度：%d", x->year);
	else
		fputs("\n- 年度：（未识别）", out);
	if (x->score >= 0)
		fprintf(out, "\n- 得分：%d", x->score);
	enum sy_verdict v = sy_review_verdict(&x->review);
	fprintf(out, "\n- 审查结论：%s", sy_verdict_label(v));
	const char *waiver = sy_review_waiver(&x->review);
	if (waiver) {
		fputs("\n- 豁免理由：", out);
		sy_md_write_text(out, waiver, "  ");
	}
	if (x->changed)
		fputs("\n- 说明：报告在审查后已修改（重新提交），以下意见针对此前版本", out);
	fputc('\n', out);
}

static void md_report(FILE *out, const struct sy_export_report *x)
{
	md_header(out, x);
	if (x->error) {
		fputs("\n报告无法读取：", out);
		sy_md_write_text(out, x->error, "");
		fputc('\n', out);
	}
	if (x->nparts) {
		fputs("\n### 各部分\n\n", out);
		for (size_t i = 0; i < x->nparts; i++)
			md_part(out, x, &x->parts[i]);
	}
	if (x->nf) {
		fputs("\n### 发现的问题\n\n", out);
		for (size_t i = 0; i < x->nf; i++)
			md_finding(out, x, &x->f[i]);
	}
	md_orphan_notes(out, x);
	const char *note = note_on(&x->review, SY_NOTE_REPORT, NULL, NULL, 0);
	if (note) {
		fputs("\n### 总体意见\n\n", out);
		sy_md_write_text(out, note, "");
		fputc('\n', out);
	}
}

void sy_export_write_md(FILE *out, const struct sy_export_doc *x)
{
	fputs("# 法治政府建设年度报告审查意见\n", out);
	for (size_t i = 0; i < x->n; i++) {
		fputc('\n', out);
		md_report(out, &x->r[i]);
	}
}

/* ---- CSV ---- */

/* All overrides as one field: "duty: missing（reason）; ...". */
static char *csv_overrides(const struct sy_export_report *x)
{
	struct sy_buf b = {0};
	for (size_t i = 0; i < x->review.nitems; i++) {
		const struct sy_item *it = &x->review.items[i];
		if (strncmp(it->key, "override/", 9))
			continue;
		sy_buf_printf(&b, "%s%s: %s", b.len ? "; " : "", it->key + 9, it->value);
		if (it->reason)
			sy_buf_printf(&b, "（%s）", it->reason);
	}
	return sy_buf_steal(&b);
}

/* All notes as one field, one per line, each with what it is on. */
static char *csv_notes(const struct sy_export_report *x)
{
	struct sy_buf b = {0};
	for (size_t i = 0; i < x->review.nitems; i++) {
		const struct sy_item *it = &x->review.items[i];
		enum sy_note_on on;
		char *part, *finding;
		long line;
		if (sy_key_note_parse(it->key, &on, &part, &finding, &line) < 0)
			continue;
		if (b.len)
			sy_buf_puts(&b, "\n");
		if (on == SY_NOTE_REPORT)
			sy_buf_puts(&b, "[总体] ");
		else if (on == SY_NOTE_PART)
			sy_buf_printf(&b, "[%s] ", part);
		else
			sy_buf_printf(&b, "[%s 第%ld行] ", finding, line);
		sy_buf_puts(&b, it->value);
		free(part);
		free(finding);
	}
	return sy_buf_steal(&b);
}

static void csv_field(FILE *out, const char *s, bool last)
{
	sy_csv_write_field(out, s);
	fputs(last ? "\r\n" : ",", out);
}

static void csv_row(FILE *out, const struct sy_export_report *x)
{
	char num[32];
	enum sy_verdict v = sy_review_verdict(&x->review);
	csv_field(out, x->path, false);
	csv_field(out, x->unit, false);
	snprintf(num, sizeof num, "%d", x->year);
	csv_field(out, x->year ? num : NULL, false);
	snprintf(num, sizeof num, "%d", x->score);
	csv_field(out, x->score >= 0 ? num : NULL, false);
	csv_field(out, v ? sy_verdict_label(v) : NULL, false);
	csv_field(out, v ? sy_verdict_name(v) : NULL, false);
	csv_field(out, sy_review_waiver(&x->review), false);
	csv_field(out, x->changed ? "yes" : "no", false);
	char *ov = csv_overrides(x), *notes = csv_notes(x);
	csv_field(out, ov, false);
	csv_field(out, notes, false);
	free(ov);
	free(notes);
	snprintf(num, sizeof num, "%zu", sy_review_nconflicts(&x->review));
	csv_field(out, num, false);
	csv_field(out, x->error, true);
}

void sy_export_write_csv(FILE *out, const struct sy_export_doc *x)
{
	fputs("\xEF\xBB\xBFpath,unit,year,score,verdict,verdict_id,waiver,changed_since_review,"
	      "overrides,notes,conflicts,error\r\n", out);
	for (size_t i = 0; i < x->n; i++)
		csv_row(out, &x->r[i]);
}

/* ---- YAML ---- */

static void yaml_key_long(FILE *out, int col, const char *key, long val, bool null_if_zero)
{
	if (null_if_zero && !val)
		fprintf(out, "%*s%s: null\n", col, "", key);
	else
		fprintf(out, "%*s%s: %ld\n", col, "", key, val);
}

static void yaml_parts(FILE *out, const struct sy_export_report *x)
{
	fputs(x->nparts ? "    parts:\n" : "    parts: []\n", out);
	for (size_t i = 0; i < x->nparts; i++) {
		const struct sy_export_part *p = &x->parts[i];
		sy_yaml_write_key(out, 8, true, "id", p->id);
		sy_yaml_write_key(out, 8, false, "label", p->label);
		fprintf(out, "        required: %s\n", p->required ? "true" : "false");
		sy_yaml_write_key(out, 8, false, "status", sy_status_name((enum sy_status)p->status));
		yaml_key_long(out, 8, "line", p->line, true);
		sy_yaml_write_key(out, 8, false, "heading", p->heading);
	}
}

static void yaml_findings(FILE *out, const struct sy_export_report *x)
{
	fputs(x->nf ? "    findings:\n" : "    findings: []\n", out);
	for (size_t i = 0; i < x->nf; i++) {
		const struct sy_export_finding *f = &x->f[i];
		sy_yaml_write_key(out, 8, true, "id", f->id);
		sy_yaml_write_key(out, 8, false, "severity", sy_severity_name((enum sy_severity)f->severity));
		yaml_key_long(out, 8, "line", f->line, true);
		sy_yaml_write_key(out, 8, false, "part", f->part);
		sy_yaml_write_key(out, 8, false, "message", f->message);
	}
}

static void yaml_report(FILE *out, const struct sy_export_report *x)
{
	sy_yaml_write_key(out, 4, true, "path", x->path);
	sy_yaml_write_key(out, 4, false, "unit", x->unit);
	yaml_key_long(out, 4, "year", x->year, true);
	sy_yaml_write_key(out, 4, false, "encoding", x->encoding);
	sy_yaml_write_key(out, 4, false, "hash", x->hash);
	if (x->score >= 0)
		yaml_key_long(out, 4, "score", x->score, false);
	else
		fputs("    score: null\n", out);
	fprintf(out, "    changed_since_review: %s\n", x->changed ? "true" : "false");
	sy_yaml_write_key(out, 4, false, "error", x->error);
	yaml_parts(out, x);
	yaml_findings(out, x);
	fputs("    review:\n", out);
	sy_review_write_yaml(out, &x->review, 6);
}

void sy_export_write_yaml(FILE *out, const struct sy_export_doc *x)
{
	fputs("# shenyue export: reports, scores and reviews. `shenyue` reads this back.\n", out);
	fputs("format: 1\n", out);
	sy_yaml_write_key(out, 0, false, "rubric", x->rubric);
	fputs(x->n ? "reports:\n" : "reports: []\n", out);
	for (size_t i = 0; i < x->n; i++)
		yaml_report(out, &x->r[i]);
}
