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
	for (size_t i = 0; i < o->keys.n; i++) {
		free(o->keys.name[i]);
		free(o->keys.key[i]);
	}
	free(o->keys.name);
	free(o->keys.key);
	memset(&o->keys, 0, sizeof o->keys);
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

static bool keeps_incomplete(const struct ui *ui, size_t i) { return ui_report_incomplete(ui, i); }
static bool keeps_tagged(const struct ui *ui, size_t i) { return ui->desk.tagged[i]; }
static bool keeps_again(const struct ui *ui, size_t i) { return sy_desk_state(&ui->desk, i) == SY_REVIEW_AGAIN; }
/* the summary is rebuilt when stale */
static bool keeps_late(const struct ui *ui, size_t i) { return ui_report_late((struct ui *)ui, i); }

/* One "show only" choice: its words and the reports it keeps, by a test of
 * its own or by their verdict. LIST_SHOW_ALL and LIST_SHOW_REVIEWER (whose
 * words and test take the reviewer's name) are not rows of their own. */
static const struct {
	const char *label;   /* N_(); NULL: the verdict's label */
	bool (*keeps)(const struct ui *ui, size_t i); /* NULL: by verdict */
	enum sy_verdict verdict;
} list_show_rows[LIST_NSHOW] = {
	[LIST_SHOW_INCOMPLETE] = {N_("incomplete"), keeps_incomplete, SY_VERDICT_NONE},
	[LIST_SHOW_NO_VERDICT] = {N_("no verdict"), NULL, SY_VERDICT_NONE},
	[LIST_SHOW_ACCEPT] = {NULL, NULL, SY_VERDICT_ACCEPT},
	[LIST_SHOW_RETURN] = {NULL, NULL, SY_VERDICT_RETURN},
	[LIST_SHOW_PENDING] = {NULL, NULL, SY_VERDICT_PENDING},
	[LIST_SHOW_TAGGED] = {N_("tagged"), keeps_tagged, SY_VERDICT_NONE},
	[LIST_SHOW_LATE] = {N_("received late"), keeps_late, SY_VERDICT_NONE},
	[LIST_SHOW_AGAIN] = {N_("needs re-review"), keeps_again, SY_VERDICT_NONE},
};

void list_show_label(const struct list_order *o, char *buf, size_t len)
{
	if (o->show == LIST_SHOW_REVIEWER) /* TRANSLATORS: the list shows only the verdicts of this reviewer. */
		snprintf(buf, len, _("by %s"), o->reviewer ? o->reviewer : "?");
	else if (o->show <= LIST_SHOW_ALL || o->show >= LIST_NSHOW)
		snprintf(buf, len, "%s", "");
	else if (list_show_rows[o->show].label)
		snprintf(buf, len, "%s", _(list_show_rows[o->show].label));
	else
		snprintf(buf, len, "%s", sy_verdict_label(list_show_rows[o->show].verdict));
}

bool list_shows(const struct ui *ui, enum list_show show, const char *reviewer, size_t i)
{
	if (show == LIST_SHOW_REVIEWER) {
		const char *by = list_reviewer(ui, i);
		return by && reviewer && !strcmp(by, reviewer);
	}
	if (show <= LIST_SHOW_ALL || show >= LIST_NSHOW)
		return true;
	if (list_show_rows[show].keeps)
		return list_show_rows[show].keeps(ui, i);
	return list_verdict(ui, i) == list_show_rows[show].verdict;
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

/* Makes sure the name of each of the n reports in v has its key, made for
 * the name it has now (a live folder may put another report at an index). */
static void name_keys_update(struct list_name_keys *k, const struct ui *ui, const size_t *v, size_t n)
{
	if (k->n < ui->batch.n) {
		k->name = xreallocarray(k->name, ui->batch.n, sizeof *k->name);
		k->key = xreallocarray(k->key, ui->batch.n, sizeof *k->key);
		memset(k->name + k->n, 0, (ui->batch.n - k->n) * sizeof *k->name);
		memset(k->key + k->n, 0, (ui->batch.n - k->n) * sizeof *k->key);
		k->n = ui->batch.n;
	}
	for (size_t p = 0; p < n; p++) {
		size_t i = v[p];
		const char *name = ui_report_name(&ui->batch.r[i]);
		if (k->name[i] && !strcmp(k->name[i], name))
			continue;
		free(k->name[i]);
		free(k->key[i]);
		k->name[i] = xstrdup(name);
		k->key[i] = sy_collate_key(name);
	}
}

/* Names in pinyin order, as Chinese readers expect (the keys order as
 * sy_collate does). */
static int cmp_name(size_t a, size_t b)
{
	const struct sy_report *ra = &sort_ui->batch.r[a], *rb = &sort_ui->batch.r[b];
	int c = strcmp(sort_order->keys.key[a], sort_order->keys.key[b]);
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

static int cmp_score(size_t a, size_t b) { return cmp_long(score_key(a), score_key(b)); }
static int cmp_verdict(size_t a, size_t b) { return cmp_long(verdict_key(a), verdict_key(b)); }
static int cmp_tagged(size_t a, size_t b) { return cmp_long(!sort_ui->desk.tagged[a], !sort_ui->desk.tagged[b]); }
static int cmp_state(size_t a, size_t b) { return cmp_long(state_key(a), state_key(b)); }
static int cmp_reviewer(size_t a, size_t b) { return sy_collate(list_reviewer(sort_ui, a), list_reviewer(sort_ui, b)); }

/* Units in pinyin order, reports not yet read last. */
static int cmp_unit(size_t a, size_t b)
{
	const struct sy_report *ra = &sort_ui->batch.r[a], *rb = &sort_ui->batch.r[b];
	return sy_collate(ra->loaded ? ra->outline.unit : NULL, rb->loaded ? rb->outline.unit : NULL);
}

/* The sort orders: the supervisor's word for each, and how it compares
 * (ties go by name). */
static const struct {
	const char *label; /* N_() */
	int (*cmp)(size_t a, size_t b);
} list_sort_rows[LIST_NSORT] = {
	/* TRANSLATORS: the sort order of the report list, shown as "Reports 3/3 · name". */
	[LIST_SORT_NAME] = {N_("name"), cmp_name},
	[LIST_SORT_SCORE] = {N_("score"), cmp_score},
	[LIST_SORT_UNIT] = {N_("unit"), cmp_unit},
	[LIST_SORT_VERDICT] = {N_("verdict"), cmp_verdict},
	[LIST_SORT_REVIEWER] = {N_("reviewer"), cmp_reviewer},
	[LIST_SORT_TAGGED] = {N_("tagged first"), cmp_tagged},
	[LIST_SORT_STATE] = {N_("re-review first"), cmp_state},
};

const char *list_sort_label(enum list_sort s)
{
	return (unsigned)s < LIST_NSORT ? _(list_sort_rows[s].label) : "?";
}

static int cmp_view(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = (unsigned)sort_order->sort < LIST_NSORT ? list_sort_rows[sort_order->sort].cmp(a, b) : 0;
	return c ? c : cmp_name(a, b);
}

void list_order_sort(const struct ui *ui, struct list_order *o, size_t *v, size_t n)
{
	name_keys_update(&o->keys, ui, v, n);
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
