/* The three output formats of `shenyue check`: text, YAML and CSV. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/check.h"
#include "shenyue/effective.h"
#include "shenyue/i18n.h"
#include "shenyue/width.h"

void sy_yaml_write_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20 || *p == 0x7F)
				fprintf(out, "\\x%02x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

void sy_csv_write_field(FILE *out, const char *s)
{
	if (!s)
		return;
	bool quote = strpbrk(s, ",\"\r\n") != NULL || *s == ' ' || (*s && s[strlen(s) - 1] == ' ');
	/* a leading = + - @ would be run as a formula by Excel and WPS */
	bool formula = strchr("=+-@", *s) && *s;
	if (!quote && !formula) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
}

static const char *status_mark(enum sy_status st, bool utf8)
{
	if (utf8)
		return st == SY_PRESENT ? "✓" : st == SY_PARTIAL ? "~" : "✗";
	return st == SY_PRESENT ? "+" : st == SY_PARTIAL ? "~" : "-";
}

static void write_text_report(FILE *out, const struct sy_report *rep, const struct sy_rubric *r, bool utf8)
{
	if (rep->error) {
		fprintf(out, "%s  ERROR  %s\n", rep->path, rep->error);
		return;
	}
	fprintf(out, "%s  %s  ", rep->path, rep->outline.unit ? rep->outline.unit : _("(unit?)"));
	if (rep->outline.year)
		fprintf(out, "%d", rep->outline.year);
	else
		fputs(_("(year?)"), out);
	fprintf(out, "  %3d ", sy_effective_score(rep, NULL, r));
	for (size_t i = 0; i < r->nparts; i++)
		fprintf(out, " %s%s", r->parts[i].id, status_mark(rep->score.parts[i].status, utf8));
	fputc('\n', out);
	for (size_t i = 0; i < rep->score.nf; i++) {
		const struct sy_finding *f = &rep->score.f[i];
		char line[32] = "";
		if (f->line)
			snprintf(line, sizeof line, _("line %ld"), f->line);
		/* columns by display width: a translated "第 20 行" is wider than its bytes say */
		char *where = sy_width_pad(line, 9, SY_ALIGN_LEFT, NULL);
		fprintf(out, "    %-7s %s %-16s %s\n", sy_severity_name(f->severity), where, f->id, f->message);
		free(where);
	}
}

void sy_check_write_text(FILE *out, const struct sy_batch *b, const struct sy_rubric *r, bool utf8)
{
	for (size_t i = 0; i < b->n; i++)
		write_text_report(out, &b->r[i], r, utf8);
}

static void write_yaml_parts(FILE *out, const struct sy_report *rep, const struct sy_rubric *r)
{
	fputs("    parts:\n", out);
	for (size_t i = 0; i < r->nparts; i++) {
		const struct sy_part_result *p = &rep->score.parts[i];
		fprintf(out, "      - id: %s\n        status: %s\n        line: ", r->parts[i].id,
			sy_status_name(p->status));
		if (p->line)
			fprintf(out, "%ld", p->line);
		else
			fputs("null", out);
		fputs("\n        heading: ", out);
		sy_yaml_write_str(out, p->heading_text);
		fputc('\n', out);
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
		if (f->line)
			fprintf(out, "%ld", f->line);
		else
			fputs("null", out);
		fputs("\n        message: ", out);
		sy_yaml_write_str(out, f->message);
		fputc('\n', out);
	}
}

static void write_yaml_report(FILE *out, const struct sy_report *rep, const struct sy_rubric *r)
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

void sy_check_write_yaml(FILE *out, const struct sy_batch *b, const struct sy_rubric *r)
{
	if (!b->n) {
		fputs("reports: []\n", out);
		return;
	}
	fputs("reports:\n", out);
	for (size_t i = 0; i < b->n; i++)
		write_yaml_report(out, &b->r[i], r);
}

void sy_check_write_csv(FILE *out, const struct sy_batch *b, const struct sy_rubric *r)
{
	fputs("\xEF\xBB\xBFpath,unit,year,score", out);
	for (size_t i = 0; i < r->nparts; i++) {
		fputc(',', out);
		sy_csv_write_field(out, r->parts[i].id);
	}
	fputs(",findings\r\n", out);
	for (size_t k = 0; k < b->n; k++) {
		const struct sy_report *rep = &b->r[k];
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
}

int sy_check_exit_status(const struct sy_batch *b, const struct sy_rubric *r)
{
	int status = b->nerrors ? 2 : 0;
	for (size_t i = 0; i < b->n; i++) {
		if (b->r[i].error)
			return 2;
		if (sy_report_worst(&b->r[i], r) != SY_PRESENT)
			status = status ? status : 1;
	}
	return status;
}
