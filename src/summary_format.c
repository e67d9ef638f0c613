/* The summary's output forms: text for people, YAML for scripts, CSV for
 * spreadsheets. Text from reports and review files never reaches the
 * terminal raw: it goes through the width module's padding. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shenyue/check.h"
#include "shenyue/i18n.h"
#include "shenyue/summary.h"
#include "shenyue/width.h"
#include "shenyue/yamlutil.h"

/* ---- text ---- */

/* Writes s in exactly cols columns (cut with …), made safe first. */
static void put_col(FILE *out, const char *s, size_t cols)
{
	char *safe = sy_text_safe(s ? s : "");
	char *p = sy_width_pad(safe, cols, SY_ALIGN_LEFT, "…");
	fputs(p, out);
	free(p);
	free(safe);
}

/* Writes s whole: text from reports and reviews never reaches the terminal raw. */
static void put_clean(FILE *out, const char *s)
{
	sy_text_write(out, s ? s : "");
}

static void text_counts(FILE *out, const struct sy_summary *s)
{
	char due[16];
	sy_date_format(&s->submission.date, due, sizeof due);
	fprintf(out, _("Expected %zu, received %zu, not received %zu, late %zu"), s->expected, s->received,
		s->not_received, s->late);
	if (*due)
		fprintf(out, s->submission.configured ? _(" (deadline %s)") : _(" (deadline %s, not set: information only)"),
			due);
	fputc('\n', out);
	if (s->late_publication)
		fprintf(out, _("Published late: %zu\n"), s->late_publication);
	size_t total = s->reviewed + s->not_reviewed + s->recheck;
	int pct = total ? (int)(100 * s->reviewed / total) : 0;
	char bar[21];
	for (int i = 0; i < 20; i++)
		bar[i] = i < pct / 5 ? '#' : '.';
	bar[20] = '\0';
	fprintf(out, _("Review: %zu reviewed, %zu not yet, %zu to re-review  [%s] %d%%\n"), s->reviewed,
		s->not_reviewed, s->recheck, bar, pct);
	fprintf(out, _("Verdicts: %s %zu, %s %zu, %s %zu, %s %zu\n"), sy_verdict_label(SY_VERDICT_ACCEPT),
		s->verdicts[SY_VERDICT_ACCEPT], sy_verdict_label(SY_VERDICT_RETURN), s->verdicts[SY_VERDICT_RETURN],
		sy_verdict_label(SY_VERDICT_PENDING), s->verdicts[SY_VERDICT_PENDING],
		sy_verdict_label(SY_VERDICT_NONE), s->verdicts[SY_VERDICT_NONE]);
}

static void text_parts(FILE *out, const struct sy_summary *s, const struct sy_rubric *r)
{
	fputs(_("By part (present / partial / missing):\n"), out);
	for (size_t p = 0; p < r->nparts; p++) {
		if (!r->parts[p].required)
			continue;
		fputs("  ", out);
		put_col(out, r->parts[p].short_label, 12);
		fprintf(out, " %3zu %3zu %3zu\n", s->parts[p][SY_PRESENT], s->parts[p][SY_PARTIAL],
			s->parts[p][SY_MISSING]);
	}
}

static void text_lists(FILE *out, const struct sy_summary *s, const struct sy_batch *b)
{
	if (s->not_received) {
		fputs(_("Not received: "), out);
		for (size_t j = 0, n = 0; j < s->nunits; j++)
			if (!sy_summary_unit_row(s, s->unit_order[j])) {
				fputs(n++ ? _(", ") : "", out);
				put_clean(out, s->roster->u[s->unit_order[j]].name);
			}
		fputc('\n', out);
	}
	for (size_t j = 0; j < s->nlisted; j++) {
		size_t k = s->row_order[j];
		const struct sy_summary_report *row = &s->rows[k];
		char got[16];
		sy_date_format(&row->received.date, got, sizeof got);
		if (row->late) {
			fputs(_("Late: "), out);
			put_clean(out, sy_summary_row_name(s, b, k));
			fprintf(out, _(" (received %s, %s)\n"), got, sy_received_from_label(row->received.from));
		}
		if (row->verdict == SY_VERDICT_RETURN) {
			fputs(_("Returned: "), out);
			put_clean(out, sy_summary_row_name(s, b, k));
			fputs(": ", out);
			put_clean(out, row->reason);
			fputc('\n', out);
		}
		if (s->roster && row->match.unit < 0) {
			fputs(row->match.how == SY_MATCH_AMBIGUOUS ? _("Ambiguous: ") : _("Matches no unit: "), out);
			put_clean(out, b->r[row->index].path);
			fputc('\n', out);
		}
	}
}

/* One matrix row: name, the parts' marks, the verdict. */
static void text_matrix_row(FILE *out, const char *name, const struct sy_summary_report *row,
			    const struct sy_rubric *r, bool utf8)
{
	fputs("  ", out);
	put_col(out, name, 20);
	if (!row) {
		fprintf(out, " %s\n", _("not received"));
		return;
	}
	for (size_t p = 0; p < r->nparts; p++)
		if (r->parts[p].required)
			fprintf(out, " %s", sy_status_mark((enum sy_status)row->status[p], utf8));
	fprintf(out, "  %s%s\n", sy_verdict_label(row->verdict), row->late ? _(" (late)") : "");
}

static void text_matrix(FILE *out, const struct sy_summary *s, const struct sy_batch *b,
			const struct sy_rubric *r, bool utf8)
{
	fputs(_("Units × parts:\n"), out);
	for (size_t j = 0; j < s->nunits; j++)
		text_matrix_row(out, s->roster->u[s->unit_order[j]].name, sy_summary_unit_row(s, s->unit_order[j]), r,
				utf8);
	for (size_t j = 0; j < s->nlisted; j++)
		if (!s->roster || s->rows[s->row_order[j]].match.unit < 0)
			text_matrix_row(out, sy_summary_row_name(s, b, s->row_order[j]), &s->rows[s->row_order[j]], r,
					utf8);
}

void sy_summary_write_text(FILE *out, const struct sy_summary *s, const struct sy_batch *b,
			   const struct sy_rubric *r, bool utf8)
{
	text_counts(out, s);
	text_parts(out, s, r);
	text_lists(out, s, b);
	text_matrix(out, s, b, r, utf8);
}

/* ---- YAML ---- */

static void yaml_date(FILE *out, const struct sy_date *d)
{
	char buf[16];
	sy_date_format(d, buf, sizeof buf);
	sy_yaml_write_str(out, *buf ? buf : NULL);
}

static void yaml_names(FILE *out, const char *key, const struct sy_summary *s, const struct sy_batch *b,
		       bool (*want)(const struct sy_summary *, size_t, bool))
{
	bool any = false;
	fprintf(out, "%s:", key);
	size_t n = s->roster ? s->nunits : s->nlisted;
	for (size_t j = 0; j < n; j++) {
		size_t k = s->roster ? s->unit_order[j] : s->row_order[j];
		if (!want(s, k, s->roster != NULL))
			continue;
		fputs(any ? "\n  - " : "\n  - ", out);
		sy_yaml_write_str(out, s->roster ? s->roster->u[k].name : sy_summary_row_name(s, b, k));
		any = true;
	}
	fputs(any ? "\n" : " []\n", out);
}

static bool want_not_received(const struct sy_summary *s, size_t k, bool by_unit)
{
	return by_unit && !sy_summary_unit_row(s, k);
}

static bool want_late(const struct sy_summary *s, size_t k, bool by_unit)
{
	const struct sy_summary_report *row = by_unit ? sy_summary_unit_row(s, k) : &s->rows[k];
	return row && row->late;
}

static bool want_late_publication(const struct sy_summary *s, size_t k, bool by_unit)
{
	const struct sy_summary_report *row = by_unit ? sy_summary_unit_row(s, k) : &s->rows[k];
	return row && row->late_publication;
}

static void yaml_counts(FILE *out, const struct sy_summary *s)
{
	fputs("roster: ", out);
	sy_yaml_write_str(out, s->roster ? s->roster->source : NULL);
	fputs("\nyear: ", out);
	s->year ? fprintf(out, "%d", s->year) : fputs("null", out);
	fputs("\ndeadlines:\n  submission: ", out);
	yaml_date(out, &s->submission.date);
	fprintf(out, "\n  submission_set: %s\n  publication: ", s->submission.configured ? "true" : "false");
	yaml_date(out, &s->publication.date);
	fprintf(out, "\n  publication_set: %s\n", s->publication.configured ? "true" : "false");
	fprintf(out, "expected: %zu\nreceived: %zu\nnot_received_count: %zu\n", s->expected, s->received,
		s->not_received);
}

static void yaml_review(FILE *out, const struct sy_summary *s)
{
	fprintf(out, "reviewed: %zu\nnot_reviewed: %zu\nrecheck: %zu\n", s->reviewed, s->not_reviewed, s->recheck);
	fputs("verdicts:\n", out);
	for (int v = SY_VERDICT_ACCEPT; v <= SY_VERDICT_PENDING; v++)
		fprintf(out, "  %s: %zu\n", sy_verdict_name((enum sy_verdict)v), s->verdicts[v]);
	fprintf(out, "  none: %zu\n", s->verdicts[SY_VERDICT_NONE]);
}

static void yaml_parts(FILE *out, const struct sy_summary *s, const struct sy_rubric *r)
{
	fputs("parts:\n", out);
	for (size_t p = 0; p < r->nparts; p++)
		fprintf(out, "  - id: %s\n    required: %s\n    present: %zu\n    partial: %zu\n    missing: %zu\n",
			r->parts[p].id, r->parts[p].required ? "true" : "false", s->parts[p][SY_PRESENT],
			s->parts[p][SY_PARTIAL], s->parts[p][SY_MISSING]);
}

static void yaml_returned(FILE *out, const struct sy_summary *s, const struct sy_batch *b)
{
	bool any = false;
	fputs("returned:", out);
	for (size_t j = 0; j < s->nlisted; j++) {
		size_t k = s->row_order[j];
		if (s->rows[k].verdict != SY_VERDICT_RETURN)
			continue;
		fputs("\n  - unit: ", out);
		sy_yaml_write_str(out, sy_summary_row_name(s, b, k));
		fputs("\n    path: ", out);
		sy_yaml_write_str(out, b->r[s->rows[k].index].path);
		fputs("\n    reason: ", out);
		sy_yaml_write_str(out, s->rows[k].reason);
		any = true;
	}
	fputs(any ? "\n" : " []\n", out);
}

static void yaml_report(FILE *out, const struct sy_summary *s, const struct sy_batch *b,
			const struct sy_rubric *r, size_t k)
{
	const struct sy_summary_report *row = &s->rows[k];
	fputs("  - path: ", out);
	sy_yaml_write_str(out, b->r[row->index].path);
	fputs("\n    unit: ", out);
	sy_yaml_write_str(out, s->roster && row->match.unit >= 0 ? s->roster->u[row->match.unit].name : NULL);
	fprintf(out, "\n    match: %s", sy_match_how_name(row->match.how));
	if (row->match.how == SY_MATCH_AMBIGUOUS) {
		fputs("\n    candidates:", out);
		for (size_t c = 0; c < sizeof row->match.cand / sizeof *row->match.cand && row->match.cand[c] >= 0; c++) {
			fputs("\n      - ", out);
			sy_yaml_write_str(out, s->roster->u[row->match.cand[c]].name);
		}
	}
	fputs("\n    received: ", out);
	yaml_date(out, &row->received.date);
	fprintf(out, "\n    received_from: %s\n    dated: ", sy_received_from_name(row->received.from));
	yaml_date(out, &row->dated);
	fputs("\n    published: ", out);
	yaml_date(out, &row->published);
	fprintf(out, "\n    late: %s\n    late_publication: %s\n    verdict: %s\n    review: %s\n    parts:\n",
		row->late ? "true" : "false", row->late_publication ? "true" : "false",
		sy_verdict_name(row->verdict), sy_review_state_name(row->state));
	for (size_t p = 0; p < r->nparts; p++)
		fprintf(out, "      %s: %s\n", r->parts[p].id,
			b->r[row->index].error ? "error" : sy_status_name((enum sy_status)row->status[p]));
}

static void yaml_units(FILE *out, const struct sy_summary *s, const struct sy_batch *b)
{
	if (!s->roster)
		return;
	fputs("units:\n", out);
	for (size_t u = 0; u < s->nunits; u++) {
		const struct sy_roster_unit *ru = &s->roster->u[u];
		fputs("  - name: ", out);
		sy_yaml_write_str(out, ru->name);
		fputs("\n    kind: ", out);
		sy_yaml_write_str(out, *sy_unit_kind_label(ru->kind) ? sy_unit_kind_label(ru->kind) : NULL);
		fputs("\n    contact: ", out);
		sy_yaml_write_str(out, ru->contact);
		fprintf(out, "\n    received: %s\n    reports:", s->units[u].nreports ? "true" : "false");
		for (size_t k = 0; k < s->units[u].nreports; k++) {
			fputs("\n      - ", out);
			sy_yaml_write_str(out, b->r[s->rows[s->units[u].reports[k]].index].path);
		}
		fputs(s->units[u].nreports ? "\n" : " []\n", out);
	}
}

void sy_summary_write_yaml(FILE *out, const struct sy_summary *s, const struct sy_batch *b,
			   const struct sy_rubric *r)
{
	yaml_counts(out, s);
	yaml_names(out, "not_received", s, b, want_not_received);
	yaml_names(out, "late", s, b, want_late);
	yaml_names(out, "late_publication", s, b, want_late_publication);
	yaml_review(out, s);
	yaml_parts(out, s, r);
	yaml_returned(out, s, b);
	fprintf(out, "unmatched: %zu\nambiguous: %zu\nunreadable: %zu\n", s->unmatched, s->ambiguous, s->unreadable);
	yaml_units(out, s, b);
	fputs(s->nlisted ? "reports:\n" : "reports: []\n", out);
	for (size_t k = 0; k < s->nrows; k++)
		if (!s->rows[k].earlier)
			yaml_report(out, s, b, r, k);
}

/* ---- CSV ---- */

static void csv_row(FILE *out, const char *unit, const char *kind, const struct sy_summary_report *row,
		    const struct sy_batch *b, const struct sy_rubric *r)
{
	char got[16];
	sy_csv_write_field(out, unit);
	fputc(',', out);
	sy_csv_write_field(out, kind);
	fputc(',', out);
	if (!row) {
		fputs(",,,,,not_received,", out);
		for (size_t p = 0; p < r->nparts; p++)
			fputc(',', out);
		fputs("\r\n", out);
		return;
	}
	sy_csv_write_field(out, b->r[row->index].path);
	sy_date_format(&row->received.date, got, sizeof got);
	fprintf(out, ",%s,%s,%s,%s,%s,%s", got, sy_received_from_name(row->received.from), row->late ? "yes" : "no",
		row->late_publication ? "yes" : "no", sy_review_state_name(row->state), sy_verdict_name(row->verdict));
	for (size_t p = 0; p < r->nparts; p++)
		fprintf(out, ",%s", b->r[row->index].error ? "error" : sy_status_name((enum sy_status)row->status[p]));
	fputs("\r\n", out);
}

void sy_summary_write_csv(FILE *out, const struct sy_summary *s, const struct sy_batch *b,
			  const struct sy_rubric *r)
{
	fputs("\xEF\xBB\xBFunit,kind,path,received,received_from,late,late_publication,review,verdict", out);
	for (size_t p = 0; p < r->nparts; p++) {
		fputc(',', out);
		sy_csv_write_field(out, r->parts[p].id);
	}
	fputs("\r\n", out);
	for (size_t j = 0; j < s->nunits; j++) {
		const struct sy_roster_unit *ru = &s->roster->u[s->unit_order[j]];
		const struct sy_summary_unit *su = &s->units[s->unit_order[j]];
		if (!su->nreports)
			csv_row(out, ru->name, sy_unit_kind_label(ru->kind), NULL, b, r);
		for (size_t k = 0; k < su->nreports; k++)
			csv_row(out, ru->name, sy_unit_kind_label(ru->kind), &s->rows[su->reports[k]], b, r);
	}
	for (size_t j = 0; j < s->nlisted; j++)
		if (!s->roster || s->rows[s->row_order[j]].match.unit < 0)
			csv_row(out, sy_summary_row_name(s, b, s->row_order[j]), "", &s->rows[s->row_order[j]], b, r);
}

/* ---- the table of forms ---- */

static void write_text_here(FILE *out, const struct sy_summary *s, const struct sy_batch *b,
			    const struct sy_rubric *r)
{
	sy_summary_write_text(out, s, b, r, sy_locale_is_utf8());
}

/* The 情况通报 of today, signed by s->office (left blank for the supervisor
 * when none is set). */
static int build_docx_today(const struct sy_summary *s, const struct sy_batch *b, const struct sy_rubric *r,
			    char **data, size_t *len, char *err, size_t errlen)
{
	struct sy_date today = sy_date_of(time(NULL));
	return sy_summary_docx(s, b, r, s->office, &today, data, len, err, errlen);
}

const struct sy_summary_format sy_summary_formats[] = {
	{ "text", N_("for people: counts, progress, parts, lists, the units x parts matrix"), write_text_here, NULL },
	{ "yaml", N_("for scripts: every count, list, unit and report"), sy_summary_write_yaml, NULL },
	{ "csv", N_("the units x parts matrix, one row per unit (UTF-8 with BOM)"), sy_summary_write_csv, NULL },
	{ "xlsx", N_("counts and the units x parts matrix as a spreadsheet (Excel, WPS)"), NULL, sy_summary_xlsx },
	{ "docx", N_("the draft 情况通报 of the batch (Word)"), NULL, build_docx_today },
	{ NULL, NULL, NULL, NULL },
};

const struct sy_summary_format *sy_summary_format_find(const char *name)
{
	for (const struct sy_summary_format *f = sy_summary_formats; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}
