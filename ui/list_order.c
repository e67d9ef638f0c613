/* Which reports the list shows and in which order. See list_order.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/collate.h"
#include "shenyue/xalloc.h"
#include "list_order.h"
#include "ui.h"

void list_order_free(struct list_order *o)
{
	free(o->reviewer);
	free(o->filter);
	o->reviewer = o->filter = NULL;
}

const char *list_sort_label(enum list_sort s)
{
	/* TRANSLATORS: the sort order of the report list, shown as "Reports 3/3 · name". */
	static const char *const names[LIST_NSORT] = {N_("name"), N_("score"), N_("unit"), N_("verdict"),
						      N_("reviewer"), N_("tagged first"), N_("re-review first")};
	return (unsigned)s < LIST_NSORT ? _(names[s]) : "?";
}

void list_show_label(const struct list_order *o, char *buf, size_t len)
{
	switch (o->show) {
	case LIST_SHOW_INCOMPLETE: snprintf(buf, len, "%s", _("incomplete")); break;
	case LIST_SHOW_NO_VERDICT: snprintf(buf, len, "%s", _("no verdict")); break;
	case LIST_SHOW_ACCEPT: snprintf(buf, len, "%s", sy_verdict_label(SY_VERDICT_ACCEPT)); break;
	case LIST_SHOW_RETURN: snprintf(buf, len, "%s", sy_verdict_label(SY_VERDICT_RETURN)); break;
	case LIST_SHOW_PENDING: snprintf(buf, len, "%s", sy_verdict_label(SY_VERDICT_PENDING)); break;
	case LIST_SHOW_TAGGED: snprintf(buf, len, "%s", _("tagged")); break;
	case LIST_SHOW_AGAIN: snprintf(buf, len, "%s", _("needs re-review")); break;
	case LIST_SHOW_LATE: snprintf(buf, len, "%s", _("received late")); break;
	/* TRANSLATORS: the list shows only the verdicts of this reviewer. */
	case LIST_SHOW_REVIEWER: snprintf(buf, len, _("by %s"), o->reviewer ? o->reviewer : "?"); break;
	default: snprintf(buf, len, "%s", ""); break;
	}
}

const char *list_reviewer(const struct ui *ui, size_t i)
{
	const struct sy_item *it = sy_review_get(sy_desk_review(&ui->desk, i), SY_KEY_VERDICT);
	return it && it->by && *it->by ? it->by : NULL;
}

static enum sy_verdict list_verdict(const struct ui *ui, size_t i)
{
	return sy_review_verdict(sy_desk_review(&ui->desk, i));
}

bool list_shows(const struct ui *ui, enum list_show show, const char *reviewer, size_t i)
{
	switch (show) {
	case LIST_SHOW_INCOMPLETE: return ui_report_incomplete(ui, i);
	case LIST_SHOW_NO_VERDICT: return list_verdict(ui, i) == SY_VERDICT_NONE;
	case LIST_SHOW_ACCEPT: return list_verdict(ui, i) == SY_VERDICT_ACCEPT;
	case LIST_SHOW_RETURN: return list_verdict(ui, i) == SY_VERDICT_RETURN;
	case LIST_SHOW_PENDING: return list_verdict(ui, i) == SY_VERDICT_PENDING;
	case LIST_SHOW_TAGGED: return ui->desk.tagged[i];
	case LIST_SHOW_AGAIN: return sy_desk_state(&ui->desk, i) == SY_REVIEW_AGAIN;
	case LIST_SHOW_LATE: return ui_report_late((struct ui *)ui, i); /* the summary is rebuilt when stale */
	case LIST_SHOW_REVIEWER: {
		const char *by = list_reviewer(ui, i);
		return by && reviewer && !strcmp(by, reviewer);
	}
	default: return true;
	}
}

/* True when the file, the unit or the title of report i contains f. */
static bool list_filter_matches(const struct sy_report *rep, const char *f)
{
	if (!f || !*f || strcasestr(rep->path, f))
		return true;
	if (rep->loaded && rep->outline.unit && strstr(rep->outline.unit, f))
		return true;
	return rep->loaded && rep->outline.title && strstr(rep->outline.title, f);
}

bool list_order_keeps(const struct ui *ui, const struct list_order *o, size_t i)
{
	return list_shows(ui, o->show, o->reviewer, i) && list_filter_matches(&ui->batch.r[i], o->filter);
}

/* ---- sorting ---- */

static const struct ui *sort_ui;           /* the qsort comparators' context */
static const struct list_order *sort_order;

/* Names in pinyin order, as Chinese readers expect. */
static int cmp_name(size_t a, size_t b)
{
	const struct sy_report *ra = &sort_ui->batch.r[a], *rb = &sort_ui->batch.r[b];
	int c = sy_collate(ui_report_name(ra), ui_report_name(rb));
	return c ? c : strcmp(ra->path, rb->path);
}

/* Score order: unreadable first, then lowest score; not yet scored last. */
static long score_key(size_t i)
{
	const struct sy_report *r = &sort_ui->batch.r[i];
	if (!r->loaded)
		return 1000;
	return r->error ? -1 : sy_desk_score(&sort_ui->desk, i);
}

/* Verdict order: what is still to decide first (none, 待定, 退回修改, 通过). */
static long verdict_key(size_t i)
{
	static const long rank[] = {[SY_VERDICT_NONE] = 0, [SY_VERDICT_PENDING] = 1, [SY_VERDICT_RETURN] = 2,
				    [SY_VERDICT_ACCEPT] = 3};
	return rank[list_verdict(sort_ui, i)];
}

/* Review state order: to review again first, then not reviewed, then done. */
static long state_key(size_t i)
{
	enum sy_review_state s = sy_desk_state(&sort_ui->desk, i);
	return s == SY_REVIEW_AGAIN ? 0 : s == SY_REVIEW_OPEN ? 1 : 2;
}

static int cmp_long(long a, long b)
{
	return a < b ? -1 : a > b;
}

static int cmp_view(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const struct sy_report *ra = &sort_ui->batch.r[a], *rb = &sort_ui->batch.r[b];
	int c = 0;
	switch (sort_order->sort) {
	case LIST_SORT_SCORE: c = cmp_long(score_key(a), score_key(b)); break;
	case LIST_SORT_UNIT:
		c = sy_collate(ra->loaded ? ra->outline.unit : NULL, rb->loaded ? rb->outline.unit : NULL);
		break;
	case LIST_SORT_VERDICT: c = cmp_long(verdict_key(a), verdict_key(b)); break;
	case LIST_SORT_REVIEWER: c = sy_collate(list_reviewer(sort_ui, a), list_reviewer(sort_ui, b)); break;
	case LIST_SORT_TAGGED: c = cmp_long(!sort_ui->desk.tagged[a], !sort_ui->desk.tagged[b]); break;
	case LIST_SORT_STATE: c = cmp_long(state_key(a), state_key(b)); break;
	default: break;
	}
	return c ? c : cmp_name(a, b);
}

void list_order_sort(const struct ui *ui, const struct list_order *o, size_t *v, size_t n)
{
	sort_ui = ui;
	sort_order = o;
	qsort(v, n, sizeof *v, cmp_view);
}

static int cmp_collate(const void *a, const void *b)
{
	return sy_collate(*(const char *const *)a, *(const char *const *)b);
}

const char **list_reviewers(const struct ui *ui, size_t *n)
{
	const char **names = xcalloc(ui->batch.n ? ui->batch.n : 1, sizeof *names);
	*n = 0;
	for (size_t i = 0; i < ui->batch.n; i++) {
		const char *by = list_reviewer(ui, i);
		bool seen = false;
		for (size_t k = 0; by && !seen && k < *n; k++)
			seen = !strcmp(names[k], by);
		if (by && !seen)
			names[(*n)++] = by;
	}
	qsort(names, *n, sizeof *names, cmp_collate);
	return names;
}
