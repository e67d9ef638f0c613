/* The review table as CSV (UTF-8 with BOM, so Excel and WPS open it): one
 * row per report, Chinese column names by default, the status of every
 * part as it counts, and the ids (verdict, findings) in their own columns
 * for people who script. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/check.h"
#include "shenyue/export.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

static const char *W(const struct sy_export_doc *x, enum sy_export_word w)
{
	return sy_export_word(x->lang, w);
}

/* A part's name in a column or a note: its short label, or its id in English. */
static const char *part_name(const struct sy_export_doc *x, const struct sy_export_part *p)
{
	return x->lang == SY_EXPORT_EN || !p->short_label ? p->id : p->short_label;
}

static const char *part_name_by_id(const struct sy_export_doc *x, const struct sy_export_report *r, const char *id)
{
	for (size_t i = 0; i < r->nparts; i++)
		if (!strcmp(r->parts[i].id, id))
			return part_name(x, &r->parts[i]);
	return id;
}

/* Every override in one field: "第一责任人：部分具备（理由）；…". */
char *sy_export_overrides_text(const struct sy_export_doc *x, const struct sy_export_report *r)
{
	struct sy_buf b = {0};
	for (size_t i = 0; i < r->nparts; i++) {
		bool ov;
		const char *reason;
		int st = sy_export_part_status(r, i, &ov, &reason);
		if (!ov)
			continue;
		if (b.len)
			sy_buf_puts(&b, W(x, SY_W_SEMI));
		sy_buf_printf(&b, "%s%s%s", part_name(x, &r->parts[i]), W(x, SY_W_COLON),
			      sy_export_status_word(x->lang, st, r->parts[i].required));
		if (reason && *reason)
			sy_buf_printf(&b, "%s%s%s", W(x, SY_W_LPAREN), reason, W(x, SY_W_RPAREN));
	}
	return sy_buf_steal(&b);
}

/* Every note in one field, one per line, each with what it is on:
 * [总体] [第一责任人] [第14行]. */
char *sy_export_notes_text(const struct sy_export_doc *x, const struct sy_export_report *r)
{
	struct sy_buf b = {0};
	for (size_t i = 0; i < r->review.nitems; i++) {
		const struct sy_item *it = &r->review.items[i];
		enum sy_note_on on;
		char *part, *finding;
		long line;
		if (sy_key_note_parse(it->key, &on, &part, &finding, &line) < 0)
			continue;
		if (b.len)
			sy_buf_puts(&b, "\n");
		if (on == SY_NOTE_REPORT) {
			sy_buf_printf(&b, "[%s] ", W(x, SY_W_OVERALL));
		} else if (on == SY_NOTE_PART) {
			sy_buf_printf(&b, "[%s] ", part_name_by_id(x, r, part));
		} else {
			char where[64];
			snprintf(where, sizeof where, W(x, SY_W_LINE), line);
			sy_buf_printf(&b, "[%s] ", line ? where : W(x, SY_W_SEV_ERROR));
		}
		sy_buf_puts(&b, it->value);
		free(part);
		free(finding);
	}
	return sy_buf_steal(&b);
}

/* The ids of the findings that go into prose, space-separated. */
static char *finding_ids(const struct sy_export_doc *x, const struct sy_export_report *r, size_t *n)
{
	struct sy_buf b = {0};
	*n = 0;
	for (size_t i = 0; i < r->nf; i++) {
		if (!sy_export_finding_shown(x, r, &r->f[i]))
			continue;
		sy_buf_printf(&b, "%s%s", b.len ? " " : "", r->f[i].id);
		++*n;
	}
	return sy_buf_steal(&b);
}

const char *sy_export_decided_by(const struct sy_export_doc *x, const struct sy_export_report *r)
{
	const struct sy_item *v = sy_review_get(&r->review, SY_KEY_VERDICT);
	return v && v->by && *v->by ? v->by : x->reviewer;
}

void sy_export_decided_on(const struct sy_export_doc *x, const struct sy_export_report *r, char *buf, size_t len)
{
	const struct sy_item *v = sy_review_get(&r->review, SY_KEY_VERDICT);
	if (v && v->at && strlen(v->at) >= 10)
		snprintf(buf, len, "%.10s", v->at);
	else
		snprintf(buf, len, "%s", v ? x->date : "");
}

static void field(FILE *out, const char *s)
{
	sy_csv_write_field(out, s);
	fputc(',', out);
}

static void field_int(FILE *out, int v, bool known)
{
	if (known)
		fprintf(out, "%d", v);
	fputc(',', out);
}

const struct sy_export_report *sy_export_parts_model(const struct sy_export_doc *x)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->r[i].nparts)
			return &x->r[i];
	return NULL;
}

static void csv_header(FILE *out, const struct sy_export_doc *x)
{
	const struct sy_export_report *model = sy_export_parts_model(x);
	static const enum sy_export_word before[] = {SY_W_COL_UNIT, SY_W_COL_YEAR, SY_W_COL_SCORE,
						     SY_W_COL_DETECTED_SCORE, SY_W_COL_VERDICT};
	static const enum sy_export_word after[] = {
		SY_W_COL_OVERRIDES, SY_W_COL_NOTES, SY_W_COL_FINDINGS, SY_W_COL_WAIVER, SY_W_COL_RESUBMITTED,
		SY_W_COL_REVIEWER, SY_W_COL_DATE, SY_W_COL_PATH, SY_W_COL_VERDICT_ID, SY_W_COL_FINDING_IDS,
		SY_W_COL_CONFLICTS, SY_W_COL_ERROR,
	};
	fputs("\xEF\xBB\xBF", out);
	for (size_t i = 0; i < sizeof before / sizeof *before; i++)
		field(out, W(x, before[i]));
	for (size_t p = 0; model && p < model->nparts; p++)
		field(out, part_name(x, &model->parts[p]));
	for (size_t i = 0; i < sizeof after / sizeof *after; i++) {
		sy_csv_write_field(out, W(x, after[i]));
		fputs(i + 1 < sizeof after / sizeof *after ? "," : "\r\n", out);
	}
}

static void csv_row(FILE *out, const struct sy_export_doc *x, const struct sy_export_report *r, size_t nparts)
{
	enum sy_verdict v = sy_review_verdict(&r->review);
	field(out, r->unit);
	field_int(out, r->year, r->year != 0);
	field_int(out, r->score, r->score >= 0);
	field_int(out, r->detected_score, r->detected_score >= 0);
	field(out, v ? sy_export_verdict_word(x->lang, v) : NULL);
	for (size_t p = 0; p < nparts; p++)
		field(out, p < r->nparts && !r->error ? sy_export_status_word(x->lang, sy_export_part_status(r, p, NULL, NULL),
									      r->parts[p].required)
						      : NULL);
	char *ov = sy_export_overrides_text(x, r), *notes = sy_export_notes_text(x, r);
	size_t nshown;
	char *ids = finding_ids(x, r, &nshown);
	field(out, ov);
	field(out, notes);
	field_int(out, (int)nshown, !r->error);
	field(out, sy_review_waiver(&r->review));
	field(out, W(x, r->changed ? SY_W_YES : SY_W_NO));
	field(out, v ? sy_export_decided_by(x, r) : NULL);
	char date[16];
	sy_export_decided_on(x, r, date, sizeof date);
	field(out, date);
	field(out, r->relpath);
	field(out, v ? sy_verdict_name(v) : NULL);
	field(out, ids);
	field_int(out, (int)sy_review_nconflicts(&r->review), true);
	sy_csv_write_field(out, r->error);
	fputs("\r\n", out);
	free(ov);
	free(notes);
	free(ids);
}

void sy_export_write_csv(FILE *out, const struct sy_export_doc *x)
{
	csv_header(out, x);
	const struct sy_export_report *model = sy_export_parts_model(x);
	size_t nparts = model ? model->nparts : 0;
	for (size_t i = 0; i < x->n; i++)
		csv_row(out, x, &x->r[i], nparts);
}
