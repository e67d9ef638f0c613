/* Everything as YAML, in the form sy_export_load reads back: the reports
 * as given (paths included), their parts and findings, the reviews, and who
 * exported them when. */
#include "config.h"

#include <stdio.h>

#include "shenyue/check.h"
#include "shenyue/export.h"
#include "shenyue/review_store.h"
#include "shenyue/score.h"
#include "shenyue/yamlutil.h"

static void yaml_key_long(FILE *out, int col, const char *key, long val, bool null_if_zero)
{
	if (null_if_zero && !val)
		fprintf(out, "%*s%s: null\n", col, "", key);
	else
		fprintf(out, "%*s%s: %ld\n", col, "", key, val);
}

static void yaml_score(FILE *out, const char *key, int score)
{
	if (score >= 0)
		fprintf(out, "    %s: %d\n", key, score);
	else
		fprintf(out, "    %s: null\n", key);
}

static void yaml_parts(FILE *out, const struct sy_export_report *x)
{
	fputs(x->nparts ? "    parts:\n" : "    parts: []\n", out);
	for (size_t i = 0; i < x->nparts; i++) {
		const struct sy_export_part *p = &x->parts[i];
		sy_yaml_write_key(out, 8, true, "id", p->id);
		sy_yaml_write_key(out, 8, false, "label", p->label);
		sy_yaml_write_key(out, 8, false, "short", p->short_label);
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
	sy_yaml_write_key(out, 4, false, "relpath", x->relpath);
	sy_yaml_write_key(out, 4, false, "unit", x->unit);
	sy_yaml_write_key(out, 4, false, "title", x->title);
	yaml_key_long(out, 4, "year", x->year, true);
	sy_yaml_write_key(out, 4, false, "encoding", x->encoding);
	sy_yaml_write_key(out, 4, false, "hash", x->hash);
	yaml_score(out, "score", x->score);
	yaml_score(out, "detected_score", x->detected_score);
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
	fprintf(out, "lang: %s\n", x->lang == SY_EXPORT_EN ? "en" : "zh");
	sy_yaml_write_key(out, 0, false, "office", x->office);
	sy_yaml_write_key(out, 0, false, "reviewer", x->reviewer);
	sy_yaml_write_key(out, 0, false, "date", x->date);
	sy_yaml_write_key(out, 0, false, "resubmit_by", x->deadline[0] ? x->deadline : NULL);
	fputs(x->n ? "reports:\n" : "reports: []\n", out);
	for (size_t i = 0; i < x->n; i++)
		yaml_report(out, &x->r[i]);
}
