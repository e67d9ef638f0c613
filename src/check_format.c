/* The three output formats of `shenyue check`: text, YAML and CSV. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/check.h"
#include "shenyue/effective.h"
#include "shenyue/i18n.h"
#include "shenyue/width.h"
#include "shenyue/yamlutil.h"

/* A part's mark; an optional part left out is no fault: · rather than ✗. */
static const char *status_mark(enum sy_status st, bool required, bool utf8)
{
	if (st == SY_MISSING && !required)
		return utf8 ? "·" : ".";
	return sy_status_mark(st, utf8);
}

/* A severity as the reader's language says it (错误 警告 提示). */
static const char *severity_label(enum sy_severity sev)
{
	/* TRANSLATORS: severities in `shenyue check`'s text output. */
	return sev == SY_SEV_ERROR ? _("error") : sev == SY_SEV_WARNING ? _("warning") : _("info");
}

/* True when parts go by the rubric's short Chinese names (举措成效) rather
 * than their ids: when the messages are in Chinese. */
static bool text_part_labels(void)
{
	/* TRANSLATORS: not shown. Translate as "part names: label" for check's
	 * text output to name parts by the rubric's short names (举措成效),
	 * leave as is to name them by their ids (measures). */
	return strcmp(_("part names: id"), "part names: label") == 0;
}

static const char *part_name(const struct sy_part *p, bool labels)
{
	if (!labels)
		return p->id;
	return p->short_label ? p->short_label : p->label ? p->label : p->id;
}

static const char *text_unit(const struct sy_report *rep)
{
	return rep->outline.unit ? rep->outline.unit : _("(unit?)");
}

static void text_year(const struct sy_report *rep, char *buf, size_t len)
{
	if (rep->outline.year)
		snprintf(buf, len, "%d", rep->outline.year);
	else
		snprintf(buf, len, "%s", _("(year?)"));
}

static void text_where(const struct sy_finding *f, char *buf, size_t len)
{
	buf[0] = '\0';
	if (f->line)
		snprintf(buf, len, _("line %ld"), f->line);
}

/* The wider of w and s as text_field shows it. */
static size_t max_width(size_t w, const char *s)
{
	char *safe = sy_text_safe(s);
	size_t sw = sy_width_str(safe);
	free(safe);
	return sw > w ? sw : w;
}

static void text_measure_findings(const struct sy_report *rep, struct sy_check_cols *c)
{
	char where[64];
	for (size_t i = 0; i < rep->score.nf; i++) {
		const struct sy_finding *f = &rep->score.f[i];
		c->sev = max_width(c->sev, severity_label(f->severity));
		text_where(f, where, sizeof where);
		c->where = max_width(c->where, where);
		c->id = max_width(c->id, f->id);
	}
}

void sy_check_text_measure(const struct sy_report *rep, struct sy_check_cols *c)
{
	char year[32];
	c->path = max_width(c->path, rep->path);
	if (rep->error)
		return;
	c->unit = max_width(c->unit, text_unit(rep));
	text_year(rep, year, sizeof year);
	c->year = max_width(c->year, year);
	text_measure_findings(rep, c);
}

/* Writes s in exactly cols columns (padded), controls shown as ^[, bidi
 * controls as <U+202E>, bad bytes as \xFF (sy_text_safe): nothing from a
 * report reaches the terminal raw. */
static void text_field(FILE *out, const char *s, size_t cols, enum sy_align align)
{
	char *safe = sy_text_safe(s);
	char *shown = sy_width_pad(safe, cols, align, NULL);
	fputs(shown, out);
	free(shown);
	free(safe);
}

/* Writes s whole, made safe as text_field does. */
static void text_rest(FILE *out, const char *s)
{
	char *safe = sy_text_safe(s);
	fputs(safe, out);
	free(safe);
}

static void write_text_finding(FILE *out, const struct sy_finding *f, const struct sy_check_cols *c)
{
	char where[64];
	text_where(f, where, sizeof where);
	fputs("    ", out);
	text_field(out, severity_label(f->severity), c->sev, SY_ALIGN_LEFT);
	fputs("  ", out);
	if (c->where) {
		text_field(out, where, c->where, SY_ALIGN_LEFT);
		fputs("  ", out);
	}
	text_field(out, f->id, c->id, SY_ALIGN_LEFT);
	fputs("  ", out);
	text_rest(out, f->message);
	fputc('\n', out);
}

void sy_check_text_report(FILE *out, const struct sy_report *rep, const struct sy_rubric *r,
			  const struct sy_check_cols *c, bool utf8)
{
	text_field(out, rep->path, c->path, SY_ALIGN_LEFT);
	fputs("  ", out);
	if (rep->error) {
		/* TRANSLATORS: in check's text output, before why a file could not be read. */
		fputs(_("ERROR"), out);
		fputs("  ", out);
		text_rest(out, rep->error);
		fputc('\n', out);
		return;
	}
	char year[32];
	text_year(rep, year, sizeof year);
	text_field(out, text_unit(rep), c->unit, SY_ALIGN_LEFT);
	fputs("  ", out);
	text_field(out, year, c->year, SY_ALIGN_LEFT);
	fprintf(out, "  %3d ", sy_effective_score(rep, NULL, r));
	bool labels = text_part_labels();
	for (size_t i = 0; i < r->nparts; i++)
		fprintf(out, " %s%s", part_name(&r->parts[i], labels),
			status_mark(rep->score.parts[i].status, r->parts[i].required, utf8));
	fputc('\n', out);
	for (size_t i = 0; i < rep->score.nf; i++)
		write_text_finding(out, &rep->score.f[i], c);
}

void sy_check_write_text(FILE *out, const struct sy_batch *b, const struct sy_rubric *r, bool utf8)
{
	struct sy_check_cols c = {0};
	for (size_t i = 0; i < b->n; i++)
		sy_check_text_measure(&b->r[i], &c);
	for (size_t i = 0; i < b->n; i++)
		sy_check_text_report(out, &b->r[i], r, &c, utf8);
}

/* Why the part has its status: the rule, the lines it rests on, and
 * uncertain: true when the evidence is weak. */
static void write_yaml_evidence(FILE *out, const struct sy_evidence *e)
{
	char rule[64];
	sy_evidence_rule_id(e, rule, sizeof rule);
	fprintf(out, "        evidence:\n          rule: %s\n          lines: [", rule);
	for (size_t i = 0; i < e->nlines; i++)
		fprintf(out, "%s%ld", i ? ", " : "", e->lines[i]);
	fputs("]\n", out);
	if (sy_evidence_uncertain(e))
		fputs("          uncertain: true\n", out);
}

/* The value of "line:" (a number or null) and, for a document that has
 * pages (a PDF), "page: N" on the next line at indent. */
static void write_yaml_line(FILE *out, const struct sy_report *rep, long line, const char *indent)
{
	if (line)
		fprintf(out, "%ld", line);
	else
		fputs("null", out);
	unsigned page = line > 0 ? sy_doc_page(&rep->doc, (size_t)line - 1) : 0;
	if (page)
		fprintf(out, "\n%spage: %u", indent, page);
}

static void write_yaml_parts(FILE *out, const struct sy_report *rep, const struct sy_rubric *r)
{
	fputs("    parts:\n", out);
	for (size_t i = 0; i < r->nparts; i++) {
		const struct sy_part_result *p = &rep->score.parts[i];
		fprintf(out, "      - id: %s\n        status: %s\n        line: ", r->parts[i].id,
			sy_status_name(p->status));
		write_yaml_line(out, rep, p->line, "        ");
		fputs("\n        heading: ", out);
		sy_yaml_write_str(out, p->heading_text);
		fputc('\n', out);
		write_yaml_evidence(out, &p->ev);
	}
}

static void write_yaml_findings(FILE *out, const struct sy_report *rep)
{
	if (!rep->score.nf) {
		fputs("    findings: []\n", out);
		return;
	}
	fputs("    findings:\n", out);
	for (size_t i = 0; i < rep->score.nf; i++) {
		const struct sy_finding *f = &rep->score.f[i];
		fprintf(out, "      - id: %s\n        severity: %s\n        line: ", f->id,
			sy_severity_name(f->severity));
		write_yaml_line(out, rep, f->line, "        ");
		fputs("\n        message: ", out);
		sy_yaml_write_str(out, f->message);
		fputc('\n', out);
		if (f->other) {
			fputs("        other: ", out);
			sy_yaml_write_str(out, f->other);
			fprintf(out, "\n        other_line: %ld\n", f->other_line);
		}
	}
}

void sy_check_yaml_report(FILE *out, const struct sy_report *rep, const struct sy_rubric *r)
{
	fputs("  - path: ", out);
	sy_yaml_write_str(out, rep->path);
	fputs("\n    unit: ", out);
	sy_yaml_write_str(out, rep->error ? NULL : rep->outline.unit);
	if (rep->error || !rep->outline.year)
		fputs("\n    year: null\n", out);
	else
		fprintf(out, "\n    year: %d\n", rep->outline.year);
	if (rep->error) {
		fputs("    encoding: null\n    score: null\n    findings: []\n    error: ", out);
		sy_yaml_write_str(out, rep->error);
		fputc('\n', out);
		return;
	}
	fprintf(out, "    encoding: %s\n    score: %d\n", sy_doc_source_name(&rep->doc), sy_effective_score(rep, NULL, r));
	write_yaml_parts(out, rep, r);
	write_yaml_findings(out, rep);
}

void sy_check_yaml_head(FILE *out, size_t n)
{
	fputs(n ? "reports:\n" : "reports: []\n", out);
}

void sy_check_write_yaml(FILE *out, const struct sy_batch *b, const struct sy_rubric *r)
{
	sy_check_yaml_head(out, b->n);
	for (size_t i = 0; i < b->n; i++)
		sy_check_yaml_report(out, &b->r[i], r);
}

void sy_check_csv_head(FILE *out, const struct sy_rubric *r)
{
	fputs("\xEF\xBB\xBFpath,unit,year,score", out);
	for (size_t i = 0; i < r->nparts; i++) {
		fputc(',', out);
		sy_csv_write_field(out, r->parts[i].id);
	}
	fputs(",findings\r\n", out);
}

void sy_check_csv_row(FILE *out, const struct sy_report *rep, const struct sy_rubric *r)
{
	sy_csv_write_field(out, rep->path);
	fputc(',', out);
	if (!rep->error) {
		sy_csv_write_field(out, rep->outline.unit);
		fputc(',', out);
		if (rep->outline.year)
			fprintf(out, "%d", rep->outline.year);
		fprintf(out, ",%d", sy_effective_score(rep, NULL, r));
	} else {
		fputs(",,", out);
	}
	for (size_t i = 0; i < r->nparts; i++)
		fprintf(out, ",%s", rep->error ? "error" : sy_status_name(rep->score.parts[i].status));
	fprintf(out, ",%zu\r\n", rep->error ? (size_t)0 : rep->score.nf);
}

void sy_check_write_csv(FILE *out, const struct sy_batch *b, const struct sy_rubric *r)
{
	sy_check_csv_head(out, r);
	for (size_t k = 0; k < b->n; k++)
		sy_check_csv_row(out, &b->r[k], r);
}

int sy_check_exit_status(const struct sy_batch *b, const struct sy_rubric *r)
{
	int status = b->errors.n ? 2 : 0;
	for (size_t i = 0; i < b->n; i++) {
		if (b->r[i].error)
			return 2;
		if (sy_report_worst(&b->r[i], r) != SY_PRESENT)
			status = status ? status : 1;
	}
	return status;
}
