/* The review desk: every review of a batch, with undo and immediate saves. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/deadline.h"
#include "shenyue/desk.h"
#include "shenyue/effective.h"
#include "shenyue/i18n.h"
#include "shenyue/xalloc.h"

/* ---- opening and closing ---- */

/* A desk call passes a save's outcome on as its own (sy_desk_refresh,
 * sy_desk_record_first_seen...): the two enums must agree value for value. */
_Static_assert((int)SY_DESK_OK == (int)SY_SAVE_OK && (int)SY_DESK_MERGED == (int)SY_SAVE_MERGED &&
		       (int)SY_DESK_CONFLICT == (int)SY_SAVE_CONFLICT && (int)SY_DESK_MOVED == (int)SY_SAVE_MOVED &&
		       (int)SY_DESK_FAILED == (int)SY_SAVE_FAILED,
	       "enum sy_desk_result must carry enum sy_save_result's values unchanged");

static void desk_open_session(struct sy_desk *d)
{
	char err[1024] = "";
	char *dir = d->n ? sy_store_dir(d->batch->r[0].path, d->state_dir)
			 : xstrdup(d->state_dir ? d->state_dir : SY_STATE_DIRNAME);
	d->session_path = sy_session_path(dir);
	free(dir);
	if (sy_session_load(&d->session, d->session_path, err, sizeof err) != SY_LOAD_OK)
		sy_strlist_add(&d->problems, err);
	for (size_t t = 0; t < d->session.tagged.n; t++)
		for (size_t i = 0; i < d->n; i++)
			if (!strcmp(d->session.tagged.v[t], d->batch->r[i].path))
				d->tagged[i] = true;
}

static char *desk_default_by(void)
{
	const char *u = getenv("SHENYUE_USER");
	if (!u || !*u)
		u = getenv("USER");
	return xstrdup(u && *u ? u : NULL);
}

void sy_desk_open(struct sy_desk *d, struct sy_batch *b, const struct sy_rubric *r,
		  const char *state_dir, const char *by)
{
	memset(d, 0, sizeof *d);
	d->batch = b;
	d->rubric = r;
	d->state_dir = state_dir && *state_dir ? xstrdup(state_dir) : NULL;
	d->by = by ? xstrdup(by) : desk_default_by();
	d->n = b->n;
	d->judged_of = -1;
	d->files = xcalloc(d->n, sizeof *d->files);
	d->tagged = xcalloc(d->n, sizeof *d->tagged);
	sy_undo_init(&d->undo, 0);
	d->report_stamps = xcalloc(d->n ? d->n : 1, sizeof *d->report_stamps);
	for (size_t i = 0; i < d->n; i++) {
		char msg[2048];
		if (sy_review_file_open(&d->files[i], b->r[i].path, d->state_dir, msg, sizeof msg) != SY_LOAD_OK)
			sy_strlist_add(&d->problems, msg);
		sy_desk_stamp(b->r[i].path, &d->report_stamps[i]);
	}
	desk_open_session(d);
}

void sy_desk_close(struct sy_desk *d)
{
	sy_desk_retry(d);
	for (size_t i = 0; i < d->n; i++)
		sy_review_file_close(&d->files[i]);
	free(d->files);
	free(d->tagged);
	free(d->state_dir);
	free(d->by);
	free(d->session_path);
	sy_undo_free(&d->undo);
	sy_session_free(&d->session);
	sy_strlist_free(&d->problems);
	free(d->report_stamps);
	sy_strlist_free(&d->folders);
	sy_desk_judged_forget(d);
	memset(d, 0, sizeof *d);
}

/* ---- reading ---- */

bool sy_desk_load(struct sy_desk *d, size_t i)
{
	if (i >= d->n || d->batch->r[i].loaded)
		return false;
	sy_report_load(&d->batch->r[i], d->batch->r[i].path, d->rubric);
	return true;
}

const struct sy_review *sy_desk_review(const struct sy_desk *d, size_t i)
{
	return i < d->n ? &d->files[i].cur : NULL;
}

int sy_desk_part_status(const struct sy_desk *d, size_t i, size_t p, bool *overridden)
{
	return (int)sy_effective_status(&d->batch->r[i], &d->files[i].cur, d->rubric, p, overridden);
}

bool sy_desk_needs_waiver(const struct sy_desk *d, size_t i)
{
	const struct sy_report *rep = &d->batch->r[i];
	return rep->error || sy_effective_worst(rep, &d->files[i].cur, d->rubric) != SY_PRESENT;
}

int sy_desk_score(const struct sy_desk *d, size_t i)
{
	return sy_effective_score(&d->batch->r[i], &d->files[i].cur, d->rubric);
}

bool sy_desk_incomplete(const struct sy_desk *d, size_t i)
{
	return sy_effective_incomplete(&d->batch->r[i], &d->files[i].cur, d->rubric);
}

size_t sy_desk_warnings(const struct sy_desk *d, size_t i)
{
	return sy_effective_warnings(&d->batch->r[i], &d->files[i].cur);
}

enum sy_review_state sy_desk_state(const struct sy_desk *d, size_t i)
{
	return sy_effective_state(&d->batch->r[i], &d->files[i].cur);
}

/* True when report i was decoded, so its content hash means something. */
static bool desk_has_content(const struct sy_desk *d, size_t i)
{
	return d->batch->r[i].loaded && !d->batch->r[i].error;
}

bool sy_desk_changed(const struct sy_desk *d, size_t i)
{
	return desk_has_content(d, i) && sy_review_changed(&d->files[i].cur, d->batch->r[i].doc.hash);
}

bool sy_desk_unsaved(const struct sy_desk *d, size_t i)
{
	return d->files[i].dirty;
}

/* ---- applying changes ---- */

/* Sets key in report i's review, recording the change in step st. Returns
 * true when something changed. */
static bool desk_put(struct sy_desk *d, struct sy_undo_step *st, size_t i, const char *key,
		     const char *value, const char *reason)
{
	struct sy_review *rv = &d->files[i].cur;
	struct sy_item before = {0};
	sy_item_copy(&before, sy_review_get(rv, key));
	if (value && *value && before.value && !strcmp(before.value, value) &&
	    !strcmp(before.reason ? before.reason : "", reason ? reason : "")) {
		sy_item_free(&before);
		return false;
	}
	if (!before.value && (!value || !*value)) {
		sy_item_free(&before);
		return false;
	}
	char at[32];
	sy_time_now(at, sizeof at);
	sy_review_put(rv, key, value, reason, d->by, at);
	sy_undo_add(st, i, key, before.value ? &before : NULL, sy_review_get(rv, key));
	sy_item_free(&before);
	d->files[i].dirty = true;
	return true;
}

/* Records the report's content hash as seen. */
static void desk_put_seen(struct sy_desk *d, struct sy_undo_step *st, size_t i)
{
	if (!desk_has_content(d, i))
		return;
	char hash[32];
	sy_hash_format(d->batch->r[i].doc.hash, hash, sizeof hash);
	desk_put(d, st, i, SY_KEY_SEEN, hash, NULL);
}

/* A review that had no content hash gets one with its first decision. */
static void desk_put_first_seen(struct sy_desk *d, struct sy_undo_step *st, size_t i)
{
	if (!sy_review_get(&d->files[i].cur, SY_KEY_SEEN))
		desk_put_seen(d, st, i);
}

/* Ranks save results: a failure beats a conflict beats a merge... */
static int result_rank(int r)
{
	switch (r) {
	case SY_DESK_FAILED: return 5;
	case SY_DESK_CONFLICT: return 4;
	case SY_DESK_MOVED: return 3;
	case SY_DESK_MERGED: return 2;
	case SY_DESK_OK: return 1;
	default: return 0;
	}
}

/* Saves report i; keeps the most important result and message in *worst. */
static void desk_save_one(struct sy_desk *d, size_t i, int *worst)
{
	char msg[2048];
	int r = sy_review_file_save(&d->files[i], msg, sizeof msg);
	if (result_rank(r) > result_rank(*worst)) {
		*worst = r;
		if (*msg)
			snprintf(d->msg, sizeof d->msg, "%s", msg);
	}
}

/* Saves every report a step touched (each once). */
static int desk_save_step(struct sy_desk *d, const struct sy_undo_step *st)
{
	int worst = SY_DESK_UNCHANGED;
	for (size_t c = 0; c < st->n; c++) {
		bool seen = false;
		for (size_t k = 0; k < c && !seen; k++)
			seen = st->c[k].report == st->c[c].report;
		if (!seen)
			desk_save_one(d, st->c[c].report, &worst);
	}
	return worst == SY_DESK_UNCHANGED ? SY_DESK_OK : worst;
}

/* Closes the step begun for one call: drops it when empty, else saves. */
static int desk_finish(struct sy_desk *d, struct sy_undo_step *st)
{
	if (st->n == 0) {
		sy_undo_end(&d->undo);
		return SY_DESK_UNCHANGED;
	}
	return desk_save_step(d, st);
}

static int desk_invalid(struct sy_desk *d, const char *what)
{
	snprintf(d->msg, sizeof d->msg, "%s", what);
	return SY_DESK_INVALID;
}

int sy_desk_set_override(struct sy_desk *d, size_t i, const char *part, int status, const char *reason)
{
	d->msg[0] = '\0';
	if (i >= d->n || !part || sy_rubric_part_index(d->rubric, part) < 0)
		return desk_invalid(d, _("no such report or part"));
	if (status < -1 || status > SY_PRESENT)
		return desk_invalid(d, _("no such status"));
	sy_desk_load(d, i);
	struct sy_undo_step *st = sy_undo_begin(&d->undo, N_("override"));
	char *key = sy_key_override(part);
	desk_put_first_seen(d, st, i);
	desk_put(d, st, i, key, status < 0 ? NULL : sy_status_name((enum sy_status)status),
		 status < 0 ? NULL : reason);
	free(key);
	return desk_finish(d, st);
}

static bool target_valid(const struct sy_desk *d, const struct sy_note_target *t)
{
	switch (t->on) {
	case SY_NOTE_REPORT:
		return true;
	case SY_NOTE_PART:
		return t->part && sy_rubric_part_index(d->rubric, t->part) >= 0;
	case SY_NOTE_FINDING:
		return t->finding && *t->finding && !strchr(t->finding, '/') && t->line >= 0;
	}
	return false;
}

int sy_desk_set_note(struct sy_desk *d, size_t i, const struct sy_note_target *t, const char *text)
{
	d->msg[0] = '\0';
	if (i >= d->n || !t || !target_valid(d, t))
		return desk_invalid(d, _("no such report, part or finding"));
	sy_desk_load(d, i);
	struct sy_undo_step *st = sy_undo_begin(&d->undo, N_("note"));
	char *key = sy_key_note(t);
	desk_put_first_seen(d, st, i);
	desk_put(d, st, i, key, text, NULL);
	free(key);
	return desk_finish(d, st);
}

/* Checks a verdict for report i; SY_DESK_OK or why not. */
static int verdict_check(struct sy_desk *d, size_t i, enum sy_verdict v, const char *waiver)
{
	if ((unsigned)v > SY_VERDICT_PENDING)
		return desk_invalid(d, _("no such verdict"));
	sy_desk_load(d, i);
	if (v == SY_VERDICT_ACCEPT && (!waiver || !*waiver) && sy_desk_needs_waiver(d, i)) {
		snprintf(d->msg, sizeof d->msg, _("%s: a required part is partial or missing; "
			 "accepting it needs a waiver reason"), d->batch->r[i].path);
		return SY_DESK_NEED_WAIVER;
	}
	return SY_DESK_OK;
}

/* Puts the verdict of report i into step st (the waiver only with 通过). */
static void verdict_put(struct sy_desk *d, struct sy_undo_step *st, size_t i, enum sy_verdict v,
			const char *waiver)
{
	bool keep_waiver = v == SY_VERDICT_ACCEPT && sy_desk_needs_waiver(d, i);
	desk_put(d, st, i, SY_KEY_VERDICT, v == SY_VERDICT_NONE ? NULL : sy_verdict_name(v),
		 keep_waiver ? waiver : NULL);
	desk_put_seen(d, st, i);
	if (v != SY_VERDICT_NONE)
		sy_desk_keep_judged(d, i, v); /* what was judged, for the resubmission's diff */
}

int sy_desk_set_verdict(struct sy_desk *d, size_t i, enum sy_verdict v, const char *waiver)
{
	d->msg[0] = '\0';
	if (i >= d->n)
		return desk_invalid(d, _("no such report"));
	int rc = verdict_check(d, i, v, waiver);
	if (rc != SY_DESK_OK)
		return rc;
	struct sy_undo_step *st = sy_undo_begin(&d->undo, N_("verdict"));
	verdict_put(d, st, i, v, waiver);
	return desk_finish(d, st);
}

int sy_desk_set_verdict_tagged(struct sy_desk *d, enum sy_verdict v, const char *waiver)
{
	d->msg[0] = '\0';
	for (size_t i = 0; i < d->n; i++) {
		int rc = d->tagged[i] ? verdict_check(d, i, v, waiver) : SY_DESK_OK;
		if (rc != SY_DESK_OK)
			return rc;
	}
	struct sy_undo_step *st = sy_undo_begin(&d->undo, N_("verdict on tagged reports"));
	for (size_t i = 0; i < d->n; i++)
		if (d->tagged[i])
			verdict_put(d, st, i, v, waiver);
	return desk_finish(d, st);
}

int sy_desk_mark_seen(struct sy_desk *d, size_t i)
{
	d->msg[0] = '\0';
	if (i >= d->n)
		return desk_invalid(d, _("no such report"));
	sy_desk_load(d, i);
	struct sy_undo_step *st = sy_undo_begin(&d->undo, N_("mark seen"));
	desk_put_seen(d, st, i);
	return desk_finish(d, st);
}

int sy_desk_set_unit(struct sy_desk *d, size_t i, const char *unit)
{
	d->msg[0] = '\0';
	if (i >= d->n)
		return desk_invalid(d, _("no such report"));
	char *sq = unit ? sy_squeeze(unit) : NULL;
	struct sy_undo_step *st = sy_undo_begin(&d->undo, N_("assign unit"));
	desk_put(d, st, i, SY_KEY_UNIT, sq, NULL);
	free(sq);
	return desk_finish(d, st);
}

int sy_desk_set_received(struct sy_desk *d, size_t i, const char *date)
{
	d->msg[0] = '\0';
	if (i >= d->n)
		return desk_invalid(d, _("no such report"));
	char value[16] = "";
	struct sy_date dt;
	if (date && *date) {
		if (sy_date_parse(date, &dt) < 0)
			return desk_invalid(d, _("not a date: write it as 2025-02-27"));
		sy_date_format(&dt, value, sizeof value);
	}
	struct sy_undo_step *st = sy_undo_begin(&d->undo, N_("received date"));
	desk_put(d, st, i, SY_KEY_RECEIVED, value, NULL);
	return desk_finish(d, st);
}

int sy_desk_record_first_seen(struct sy_desk *d, size_t i, time_t now)
{
	d->msg[0] = '\0';
	if (i >= d->n)
		return desk_invalid(d, _("no such report"));
	struct sy_review_file *f = &d->files[i];
	if (sy_review_get(&f->cur, SY_KEY_FIRST_SEEN) || f->blocked)
		return SY_DESK_UNCHANGED;
	char value[16], at[32], msg[2048];
	struct sy_date dt = sy_first_seen_date(d->batch->r[i].path, now);
	sy_date_format(&dt, value, sizeof value);
	sy_time_now(at, sizeof at);
	bool was_dirty = f->dirty;
	sy_review_put(&f->cur, SY_KEY_FIRST_SEEN, value, NULL, NULL, at);
	f->dirty = true;
	int rc = sy_review_file_save(f, msg, sizeof msg);
	if (rc == SY_SAVE_FAILED) {
		sy_review_put(&f->cur, SY_KEY_FIRST_SEEN, NULL, NULL, NULL, NULL);
		f->dirty = was_dirty;
	}
	return rc;
}

int sy_desk_resolve_conflict(struct sy_desk *d, size_t i, const char *key, bool take_theirs)
{
	d->msg[0] = '\0';
	const struct sy_item *c = i < d->n && key ? sy_review_get(&d->files[i].cur, key) : NULL;
	char *target = c ? sy_conflict_target(key) : NULL;
	if (!target)
		return desk_invalid(d, _("no such conflict"));
	struct sy_item theirs = {0};
	sy_item_copy(&theirs, c);
	struct sy_undo_step *st = sy_undo_begin(&d->undo, N_("resolve conflict"));
	if (take_theirs) {
		bool removed = !strcmp(theirs.value, SY_CONFLICT_REMOVED);
		desk_put(d, st, i, target, removed ? NULL : theirs.value, theirs.reason);
	}
	desk_put(d, st, i, key, NULL, NULL);
	sy_item_free(&theirs);
	free(target);
	return desk_finish(d, st);
}

/* ---- undo ---- */

/* Applies a step backwards (undo) or forwards (redo), then saves. */
static int desk_replay(struct sy_desk *d, const struct sy_undo_step *st, bool forward, size_t *report)
{
	for (size_t k = 0; k < st->n; k++) {
		const struct sy_change *c = &st->c[forward ? k : st->n - 1 - k];
		const struct sy_item *it = forward ? &c->after : &c->before;
		sy_review_put_item(&d->files[c->report].cur, c->key, it->value ? it : NULL);
		d->files[c->report].dirty = true;
	}
	if (report && st->n)
		*report = st->c[0].report;
	int rc = desk_save_step(d, st);
	if (rc >= 0 && !*d->msg)
		snprintf(d->msg, sizeof d->msg, forward ? _("redone: %s") : _("undone: %s"), _(st->label));
	return rc;
}

int sy_desk_undo(struct sy_desk *d, size_t *report)
{
	d->msg[0] = '\0';
	const struct sy_undo_step *st = sy_undo_back(&d->undo);
	return st ? desk_replay(d, st, false, report) : SY_DESK_NOTHING;
}

int sy_desk_redo(struct sy_desk *d, size_t *report)
{
	d->msg[0] = '\0';
	const struct sy_undo_step *st = sy_undo_forward(&d->undo);
	return st ? desk_replay(d, st, true, report) : SY_DESK_NOTHING;
}

int sy_desk_retry(struct sy_desk *d)
{
	int worst = SY_DESK_UNCHANGED;
	for (size_t i = 0; i < d->n; i++)
		if (d->files[i].dirty && !d->files[i].blocked)
			desk_save_one(d, i, &worst);
	return worst == SY_DESK_FAILED ? SY_DESK_FAILED : SY_DESK_OK;
}

int sy_desk_refresh(struct sy_desk *d, size_t i)
{
	d->msg[0] = '\0';
	if (i >= d->n)
		return desk_invalid(d, _("no such report"));
	int rc = sy_review_file_refresh(&d->files[i], d->msg, sizeof d->msg);
	if (rc != SY_SAVE_FAILED && d->files[i].dirty) {
		int worst = rc;
		desk_save_one(d, i, &worst);
		rc = worst;
	}
	return rc;
}

/* ---- session: tags and place ---- */

static int desk_save_session(struct sy_desk *d)
{
	sy_strlist_free(&d->session.tagged);
	for (size_t i = 0; i < d->n; i++)
		if (d->tagged[i])
			sy_strlist_add(&d->session.tagged, d->batch->r[i].path);
	char err[1024];
	if (sy_session_save(&d->session, d->session_path, err, sizeof err) < 0) {
		snprintf(d->msg, sizeof d->msg, _("session not saved: %s"), err);
		return SY_DESK_FAILED;
	}
	return SY_DESK_OK;
}

int sy_desk_tag(struct sy_desk *d, size_t i, bool on)
{
	return sy_desk_tag_many(d, &i, 1, on);
}

int sy_desk_tag_many(struct sy_desk *d, const size_t *idx, size_t n, bool on)
{
	d->msg[0] = '\0';
	for (size_t k = 0; k < n; k++)
		if (idx[k] >= d->n)
			return desk_invalid(d, _("no such report"));
	for (size_t k = 0; k < n; k++)
		d->tagged[idx[k]] = on;
	return desk_save_session(d);
}

size_t sy_desk_ntagged(const struct sy_desk *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->tagged[i];
	return n;
}

int sy_desk_save_place(struct sy_desk *d, size_t i, const char *part, long scroll, long line)
{
	d->msg[0] = '\0';
	if (i >= d->n)
		return desk_invalid(d, _("no such report"));
	free(d->session.report);
	free(d->session.part);
	d->session.report = xstrdup(d->batch->r[i].path);
	d->session.part = xstrdup(part);
	d->session.scroll = scroll < 0 ? 0 : scroll;
	d->session.line = line < 0 ? 0 : line;
	return desk_save_session(d);
}

size_t sy_desk_place_report(const struct sy_desk *d)
{
	for (size_t i = 0; d->session.report && i < d->n; i++)
		if (!strcmp(d->batch->r[i].path, d->session.report))
			return i;
	return 0;
}

/* ---- export ---- */

void sy_desk_export_build(struct sy_desk *d, const size_t *idx, size_t n, const struct sy_export_opts *o,
			  struct sy_export_doc *x)
{
	size_t count = idx ? n : d->n;
	struct sy_export_entry *e = xcalloc(count, sizeof *e);
	size_t k = 0;
	for (size_t j = 0; j < count; j++) {
		size_t i = idx ? idx[j] : j;
		if (i >= d->n)
			continue;
		sy_desk_load(d, i);
		e[k++] = (struct sy_export_entry){.rep = &d->batch->r[i], .rv = &d->files[i].cur};
	}
	struct sy_export_opts with_batch = o ? *o : (struct sy_export_opts){0};
	with_batch.batch = d->batch;
	if (!with_batch.reviewer)
		with_batch.reviewer = d->by;
	sy_export_build(x, e, k, d->rubric, &with_batch);
	free(e);
}

size_t *sy_desk_tagged_list(const struct sy_desk *d, size_t *n)
{
	size_t *idx = xcalloc(d->n, sizeof *idx);
	*n = 0;
	for (size_t i = 0; i < d->n; i++)
		if (d->tagged[i])
			idx[(*n)++] = i;
	return idx;
}
