/* The batch summary: counts, lists and the units × parts matrix. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/collate.h"
#include "shenyue/compare.h"
#include "shenyue/i18n.h"
#include "shenyue/summary.h"
#include "shenyue/xalloc.h"

const char *sy_review_state_name(enum sy_review_state st)
{
	return st == SY_REVIEW_DONE ? "reviewed" : st == SY_REVIEW_AGAIN ? "recheck" : "not_reviewed";
}

/* The most common report year of the batch, 0 when none names one. */
static int batch_year(const struct sy_batch *b)
{
	int best = 0;
	size_t best_n = 0;
	for (size_t i = 0; i < b->n; i++) {
		int y = b->r[i].error ? 0 : b->r[i].outline.year;
		size_t n = 0;
		for (size_t j = 0; y && j < b->n; j++)
			n += !b->r[j].error && b->r[j].outline.year == y;
		if (n > best_n || (n == best_n && y > best)) {
			best = y;
			best_n = n;
		}
	}
	return best;
}

/* With reports in folders named after two years or more (2023/ 2024/,
 * opened to compare), the latest of them: the batch under review, the
 * others there for comparison only. 0 otherwise (a report's own stated
 * year never sets reports aside). */
static int latest_folder_year(const struct sy_batch *b)
{
	int lo = 0, hi = 0;
	for (size_t i = 0; i < b->n; i++) {
		int y = sy_compare_folder_year(b->r[i].path);
		if (!y)
			continue;
		lo = !lo || y < lo ? y : lo;
		hi = y > hi ? y : hi;
	}
	return lo && lo < hi ? hi : 0;
}

/* The reviewer's note on the report (new string), or NULL. */
static char *report_note(const struct sy_review *rv)
{
	struct sy_note_target t = { SY_NOTE_REPORT, NULL, NULL, 0 };
	const char *note = rv ? sy_review_note(rv, &t) : NULL;
	return note && *note ? xstrdup(note) : NULL;
}

/* Why a returned report went back: the note on the report, else the
 * required parts that are not complete. */
static char *return_reason(const struct sy_summary_report *row, const struct sy_rubric *r)
{
	if (row->note)
		return xstrdup(row->note);
	struct sy_buf b = {0};
	sy_buf_add(&b, "", 0);
	for (size_t p = 0; p < r->nparts; p++) {
		if (!r->parts[p].required || row->status[p] == SY_PRESENT)
			continue;
		sy_buf_printf(&b, "%s%s%s", b.len ? _("; ") : "", r->parts[p].short_label,
			      row->status[p] == SY_PARTIAL ? _(" incomplete") : _(" missing"));
	}
	return sy_buf_steal(&b);
}

static void build_row(struct sy_summary *s, struct sy_summary_report *row, const struct sy_batch *b, size_t i,
		      const struct sy_rubric *r, const struct sy_review *rv)
{
	const struct sy_report *rep = &b->r[i];
	struct sy_review empty = {0};
	if (!rv)
		rv = &empty;
	row->index = i;
	int folder = sy_compare_folder_year(rep->path);
	row->earlier = s->latest && folder && folder < s->latest;
	if (s->roster)
		sy_roster_match(s->roster, rep, rv, &row->match);
	else
		row->match = (struct sy_match){ .how = SY_MATCH_NONE, .unit = -1 };
	row->received = sy_received_of(rep->path, rv);
	int year = !rep->error && rep->outline.year ? rep->outline.year : s->year;
	row->late = sy_is_late(r, year, &row->received);
	if (!rep->error && rep->outline.date_line >= 0)
		row->dated = (struct sy_date){ rep->outline.date_y, rep->outline.date_m, rep->outline.date_d };
	struct sy_deadline pub = sy_deadline_publication(r, year);
	if (sy_report_published(rep, &row->published))
		row->late_publication = pub.date.y && sy_date_cmp(&row->published, &pub.date) >= 0;
	row->verdict = sy_review_verdict(rv);
	row->state = sy_effective_state(rep, rv);
	row->status = xcalloc(r->nparts ? r->nparts : 1, sizeof *row->status);
	for (size_t p = 0; p < r->nparts; p++)
		row->status[p] = (int)sy_effective_status(rep, rv, r, p, NULL);
	if (row->verdict == SY_VERDICT_RETURN) {
		row->note = report_note(rv);
		row->reason = return_reason(row, r);
	}
}

char *sy_summary_reason_zh(const struct sy_summary_report *row, const struct sy_rubric *r)
{
	if (row->note)
		return xstrdup(row->note);
	struct sy_buf b = {0};
	for (size_t p = 0; p < r->nparts; p++)
		if (r->parts[p].required && row->status[p] != SY_PRESENT)
			sy_buf_printf(&b, "%s%s%s", b.len ? "；" : "", r->parts[p].short_label,
				      row->status[p] == SY_PARTIAL ? "不完整" : "缺失");
	if (!b.len)
		sy_buf_puts(&b, "见审查意见");
	return sy_buf_steal(&b);
}

static void count_row(struct sy_summary *s, const struct sy_summary_report *row, const struct sy_batch *b)
{
	const struct sy_report *rep = &b->r[row->index];
	if (row->earlier)
		return;
	s->verdicts[row->verdict]++;
	s->reviewed += row->state == SY_REVIEW_DONE;
	s->not_reviewed += row->state == SY_REVIEW_OPEN;
	s->recheck += row->state == SY_REVIEW_AGAIN;
	s->unmatched += s->roster && row->match.unit < 0 && row->match.how != SY_MATCH_AMBIGUOUS;
	s->ambiguous += row->match.how == SY_MATCH_AMBIGUOUS;
	s->unreadable += rep->error != NULL;
	for (size_t p = 0; p < s->nparts && rep->loaded && !rep->error; p++) /* not scored yet: not counted */
		s->parts[p][row->status[p]]++;
}

/* Gives each roster unit its reports; the earliest received stands for it. */
static void build_units(struct sy_summary *s)
{
	s->nunits = s->roster->n;
	s->units = xcalloc(s->nunits ? s->nunits : 1, sizeof *s->units);
	for (size_t u = 0; u < s->nunits; u++)
		s->units[u].first = -1;
	for (size_t k = 0; k < s->nrows; k++) {
		int u = s->rows[k].match.unit;
		if (u < 0 || s->rows[k].earlier)
			continue;
		struct sy_summary_unit *su = &s->units[u];
		su->reports = xreallocarray(su->reports, su->nreports + 1, sizeof *su->reports);
		su->reports[su->nreports++] = k;
		if (su->first < 0 || sy_date_cmp(&s->rows[k].received.date, &s->rows[su->first].received.date) < 0)
			su->first = (int)k;
	}
}

/* Expected, received, late: by unit with a roster, else by report. */
static void count_arrivals(struct sy_summary *s)
{
	if (!s->roster) {
		s->expected = s->received = s->nlisted;
		for (size_t k = 0; k < s->nrows; k++) {
			if (s->rows[k].earlier)
				continue;
			s->late += s->rows[k].late;
			s->late_publication += s->rows[k].late_publication;
		}
		return;
	}
	s->expected = s->nunits;
	for (size_t u = 0; u < s->nunits; u++) {
		const struct sy_summary_report *row = sy_summary_unit_row(s, u);
		s->received += row != NULL;
		s->late += row && row->late;
		s->late_publication += row && row->late_publication;
	}
	s->not_received = s->expected - s->received;
}

/* The orders the writers list units and reports in: pinyin, as a person
 * looks a name up. */
struct named {
	size_t index;
	const char *name;
};

static const char *named_text(const void *e)
{
	return ((const struct named *)e)->name;
}

static size_t *pinyin_order(struct named *v, size_t n)
{
	sy_collate_sort(v, n, sizeof *v, named_text);
	size_t *order = xcalloc(n ? n : 1, sizeof *order);
	for (size_t k = 0; k < n; k++)
		order[k] = v[k].index;
	free(v);
	return order;
}

static void build_orders(struct sy_summary *s, const struct sy_batch *b)
{
	struct named *v = xcalloc(s->nunits ? s->nunits : 1, sizeof *v);
	for (size_t u = 0; u < s->nunits; u++)
		v[u] = (struct named){ u, s->roster->u[u].name };
	s->unit_order = pinyin_order(v, s->nunits);
	v = xcalloc(s->nrows ? s->nrows : 1, sizeof *v);
	size_t n = 0;
	for (size_t k = 0; k < s->nrows; k++)
		if (!s->rows[k].earlier)
			v[n++] = (struct named){ k, sy_summary_row_name(s, b, k) };
	s->nlisted = n;
	s->row_order = pinyin_order(v, n);
}

void sy_summary_build(struct sy_summary *s, const struct sy_batch *b, const struct sy_rubric *r,
		      const struct sy_roster *roster, const struct sy_review *const *rv)
{
	memset(s, 0, sizeof *s);
	s->roster = roster;
	s->latest = latest_folder_year(b);
	s->year = s->latest ? s->latest : batch_year(b);
	s->submission = sy_deadline_submission(r, s->year);
	s->publication = sy_deadline_publication(r, s->year);
	s->nparts = r->nparts;
	s->parts = xcalloc(r->nparts ? r->nparts : 1, sizeof *s->parts);
	s->nrows = b->n;
	s->rows = xcalloc(b->n ? b->n : 1, sizeof *s->rows);
	for (size_t i = 0; i < b->n; i++) {
		build_row(s, &s->rows[i], b, i, r, rv ? rv[i] : NULL);
		count_row(s, &s->rows[i], b);
	}
	if (roster)
		build_units(s);
	build_orders(s, b); /* before the counts: nlisted */
	count_arrivals(s);
}

void sy_summary_free(struct sy_summary *s)
{
	for (size_t k = 0; k < s->nrows; k++) {
		sy_match_free(&s->rows[k].match);
		free(s->rows[k].status);
		free(s->rows[k].reason);
		free(s->rows[k].note);
	}
	free(s->rows);
	for (size_t u = 0; u < s->nunits; u++)
		free(s->units[u].reports);
	free(s->units);
	free(s->parts);
	free(s->unit_order);
	free(s->row_order);
	memset(s, 0, sizeof *s);
}

const struct sy_summary_report *sy_summary_unit_row(const struct sy_summary *s, size_t u)
{
	if (u >= s->nunits || s->units[u].first < 0)
		return NULL;
	return &s->rows[s->units[u].first];
}

const char *sy_summary_row_name(const struct sy_summary *s, const struct sy_batch *b, size_t row)
{
	const struct sy_summary_report *r = &s->rows[row];
	const struct sy_report *rep = &b->r[r->index];
	if (s->roster && r->match.unit >= 0)
		return s->roster->u[r->match.unit].name;
	if (!rep->error && rep->outline.unit)
		return rep->outline.unit;
	const char *slash = strrchr(rep->path, '/');
	return slash ? slash + 1 : rep->path;
}
