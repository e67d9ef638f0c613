/* The reviewer wins: statuses, score and completeness as they count. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/effective.h"
#include "shenyue/xalloc.h"

/* True when the report was read and scored. */
static bool scored(const struct sy_report *rep)
{
	return rep->loaded && !rep->error && rep->score.parts;
}

enum sy_status sy_effective_detected(const struct sy_report *rep, size_t p)
{
	if (!scored(rep) || p >= rep->score.nparts)
		return SY_MISSING;
	return rep->score.parts[p].status;
}

enum sy_status sy_effective_status(const struct sy_report *rep, const struct sy_review *rv,
				   const struct sy_rubric *r, size_t p, bool *overridden)
{
	int st = rv && p < r->nparts ? sy_review_override(rv, r->parts[p].id, NULL) : -1;
	if (overridden)
		*overridden = st >= 0;
	return st >= 0 ? (enum sy_status)st : sy_effective_detected(rep, p);
}

/* The share of a part's weight a status earns. */
static double credit(const struct sy_rubric *r, enum sy_status st)
{
	return st == SY_PRESENT ? 1.0 : st == SY_PARTIAL ? r->partial_credit : 0.0;
}

/* The weighted score of the statuses (0..100), before deductions. */
static int weighted(const struct sy_rubric *r, const enum sy_status *st)
{
	double got = 0, total = 0;
	for (size_t i = 0; i < r->nparts; i++) {
		total += r->parts[i].weight;
		got += r->parts[i].weight * credit(r, st[i]);
	}
	return total > 0 ? (int)lround(100.0 * got / total) : 100;
}

/* True when the reviewer marked the part finding f is about as present. */
static bool finding_overruled(const struct sy_finding *f, const struct sy_review *rv)
{
	return rv && f->part && sy_review_override(rv, f->part, NULL) == SY_PRESENT;
}

int sy_effective_deductions(const struct sy_report *rep, const struct sy_review *rv, const struct sy_rubric *r)
{
	if (!r->ndeductions || !scored(rep))
		return 0;
	int *taken = xcalloc(r->ndeductions, sizeof *taken);
	int total = 0;
	for (size_t i = 0; i < rep->score.nf; i++) {
		const struct sy_finding *f = &rep->score.f[i];
		const struct sy_deduction *d = sy_rubric_deduction(r, f->id);
		if (!d || finding_overruled(f, rv))
			continue;
		size_t k = (size_t)(d - r->deductions);
		int pts = d->max && taken[k] + d->points > d->max ? d->max - taken[k] : d->points;
		taken[k] += pts;
		total += pts;
	}
	free(taken);
	return total;
}

/* Score from statuses st minus the deductions, never below 0. */
static int score_of(const struct sy_rubric *r, const enum sy_status *st, int deducted)
{
	int s = weighted(r, st) - deducted;
	return s < 0 ? 0 : s;
}

int sy_effective_score(const struct sy_report *rep, const struct sy_review *rv, const struct sy_rubric *r)
{
	if (!scored(rep))
		return -1;
	enum sy_status *st = xcalloc(r->nparts ? r->nparts : 1, sizeof *st);
	for (size_t p = 0; p < r->nparts; p++)
		st[p] = sy_effective_status(rep, rv, r, p, NULL);
	int s = score_of(r, st, sy_effective_deductions(rep, rv, r));
	free(st);
	return s;
}

enum sy_status sy_effective_worst(const struct sy_report *rep, const struct sy_review *rv,
				  const struct sy_rubric *r)
{
	if (rep->error)
		return SY_MISSING;
	enum sy_status worst = SY_PRESENT;
	for (size_t p = 0; p < r->nparts; p++) {
		enum sy_status st = sy_effective_status(rep, rv, r, p, NULL);
		if (r->parts[p].required && st < worst)
			worst = st;
	}
	return worst;
}

bool sy_effective_incomplete(const struct sy_report *rep, const struct sy_review *rv,
			     const struct sy_rubric *r)
{
	return rep->loaded && (rep->error || sy_effective_worst(rep, rv, r) != SY_PRESENT);
}

size_t sy_effective_count(const struct sy_report *rep, enum sy_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; rep->loaded && i < rep->score.nf; i++)
		n += rep->score.f[i].severity == sev;
	return n;
}

size_t sy_effective_warnings(const struct sy_report *rep, const struct sy_review *rv)
{
	size_t n = 0;
	for (size_t i = 0; rep->loaded && i < rep->score.nf; i++) {
		const struct sy_finding *f = &rep->score.f[i];
		n += f->severity >= SY_SEV_WARNING && !finding_overruled(f, rv);
	}
	return n;
}

enum sy_review_state sy_effective_state(const struct sy_report *rep, const struct sy_review *rv)
{
	if (!rv || sy_review_verdict(rv) == SY_VERDICT_NONE)
		return SY_REVIEW_OPEN;
	bool known = rep->loaded && !rep->error;
	return known && sy_review_changed(rv, rep->doc.hash) ? SY_REVIEW_AGAIN : SY_REVIEW_DONE;
}

/* Fills the parts and the two worst statuses. */
static void effective_parts(struct sy_effective *e, const struct sy_report *rep, const struct sy_review *rv,
			    const struct sy_rubric *r)
{
	e->nparts = r->nparts;
	e->parts = xcalloc(r->nparts ? r->nparts : 1, sizeof *e->parts);
	e->worst = e->detected_worst = SY_PRESENT;
	for (size_t p = 0; p < r->nparts; p++) {
		struct sy_effective_part *ep = &e->parts[p];
		ep->detected = sy_effective_detected(rep, p);
		ep->status = sy_effective_status(rep, rv, r, p, &ep->overridden);
		if (ep->overridden)
			sy_review_override(rv, r->parts[p].id, &ep->reason);
		if (r->parts[p].required && ep->status < e->worst)
			e->worst = ep->status;
		if (r->parts[p].required && ep->detected < e->detected_worst)
			e->detected_worst = ep->detected;
	}
	if (rep->error)
		e->worst = e->detected_worst = SY_MISSING;
}

/* Fills both scores and the points deducted. */
static void effective_scores(struct sy_effective *e, const struct sy_report *rep, const struct sy_review *rv,
			     const struct sy_rubric *r)
{
	e->score = e->detected_score = -1;
	if (!scored(rep))
		return;
	enum sy_status *st = xcalloc(r->nparts ? r->nparts : 1, sizeof *st);
	enum sy_status *det = xcalloc(r->nparts ? r->nparts : 1, sizeof *det);
	for (size_t p = 0; p < r->nparts; p++) {
		st[p] = e->parts[p].status;
		det[p] = e->parts[p].detected;
	}
	e->deducted = sy_effective_deductions(rep, rv, r);
	e->score = score_of(r, st, e->deducted);
	e->detected_score = score_of(r, det, sy_effective_deductions(rep, NULL, r));
	free(st);
	free(det);
}

void sy_effective_of(struct sy_effective *e, const struct sy_report *rep, const struct sy_review *rv,
		     const struct sy_rubric *r)
{
	memset(e, 0, sizeof *e);
	effective_parts(e, rep, rv, r);
	effective_scores(e, rep, rv, r);
	e->incomplete = rep->loaded && (rep->error || e->worst != SY_PRESENT);
	e->detected_incomplete = rep->loaded && (rep->error || e->detected_worst != SY_PRESENT);
	e->nerrors = sy_effective_count(rep, SY_SEV_ERROR);
	e->nwarnings = sy_effective_count(rep, SY_SEV_WARNING);
	e->ninfos = sy_effective_count(rep, SY_SEV_INFO);
	e->state = sy_effective_state(rep, rv);
}

void sy_effective_free(struct sy_effective *e)
{
	free(e->parts);
	memset(e, 0, sizeof *e);
}
