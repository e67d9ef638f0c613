/* The supervisor's decisions, driven through the desk (src/desk.c): a status
 * of one's own for a part, notes, verdicts (one report or the tagged set),
 * conflicts left by a second reviewer. Each handler only asks what it needs
 * (ui->task carries the answer's parameters) and calls the desk, which
 * validates, applies, records undo and saves at once; what the desk says
 * goes to the status bar, errors in the error style. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

/* Reports a desk call: its own message when it has one, else ok_text. */
static int decide_done(struct ui *ui, int rc, const char *ok_text)
{
	if (rc == SY_DESK_OK && !ui->desk.msg[0])
		ui_message(ui, false, _("saved: %s"), ok_text);
	else if (rc == SY_DESK_MERGED && ui->desk.msg[0])
		ui_message(ui, false, _("saved: %s (%s)"), ok_text, ui->desk.msg);
	else
		ui_desk_said(ui, rc);
	return UI_REDRAW;
}

static int decide_refuse(struct ui *ui, const char *why)
{
	ui_message(ui, true, "%s", why);
	return UI_REDRAW;
}

/* Starts a fresh task about the current report: 0; else reaction flags
 * after saying why not (none: there is no report; or it is still being
 * read, and a decision needs its results: nothing is asked, so nothing
 * typed can be lost). */
static int decide_begin(struct ui *ui, const char *none)
{
	ui_task_reset(ui);
	ui->task.report = ui->current;
	if (ui->current < 0)
		return decide_refuse(ui, none);
	if (!ui->batch.r[ui->current].loaded)
		return ui_loader_say_waiting(ui, (size_t)ui->current);
	return 0;
}

static const char *decide_report_name(struct ui *ui, long i)
{
	return ui_report_name(&ui->batch.r[i]);
}

/* ---- overrides ---- */

static int decide_override_text(struct ui *ui, const char *text)
{
	const struct ui_task *t = &ui->task;
	int rc = sy_desk_set_override(&ui->desk, (size_t)t->report, t->part, t->status, text);
	char ok[256];
	/* TRANSLATORS: after an override: the part's short name, its status. */
	snprintf(ok, sizeof ok, _("%s is %s by your review"), ui_part_short_by_id(ui, t->part),
		 ui_status_label((enum sy_status)t->status));
	return decide_done(ui, rc, ok);
}

/* The status a key stands for (p + present, a ~ partial, m - missing), or -1. */
static int decide_status_of_key(uint32_t key)
{
	switch (key) {
	case 'p': case '+': return SY_PRESENT;
	case 'a': case '~': return SY_PARTIAL;
	case 'm': case '-': return SY_MISSING;
	default: return -1;
	}
}

static int decide_override_key(struct ui *ui, uint32_t key)
{
	struct ui_task *t = &ui->task;
	t->status = decide_status_of_key(key);
	if (t->status < 0) {
		ui_message(ui, false, "%s", _("cancelled: nothing changed"));
		return UI_REDRAW;
	}
	const char *reason = NULL;
	sy_review_override(sy_desk_review(&ui->desk, (size_t)t->report), t->part, &reason);
	char label[256];
	int p = sy_rubric_part_index(&ui->rubric, t->part);
	snprintf(label, sizeof label, _("%s %s %s · reason (optional): "), ui_part_short(ui, (size_t)p),
		 ui_status_mark(ui, (enum sy_status)t->status), ui_status_label((enum sy_status)t->status));
	return ui_prompt_text(ui, label, reason, decide_override_text);
}

int ui_decide_override(struct ui *ui, size_t p)
{
	int refused = decide_begin(ui, _("select a part in the checklist first"));
	if (refused)
		return refused;
	ui_str_set(&ui->task.part, ui->rubric.parts[p].id);
	enum sy_status det = ui_current_report(ui)->score.parts[p].status;
	return ui_prompt_ask(ui, decide_override_key,
			     /* TRANSLATORS: p, a and m are the keys that answer. */
			     _("%s is %s %s as detected. Yours: p %s present · a %s partial · m %s missing · Esc"),
			     ui_part_short(ui, p), ui_status_mark(ui, det), ui_status_label(det),
			     ui_status_mark(ui, SY_PRESENT), ui_status_mark(ui, SY_PARTIAL),
			     ui_status_mark(ui, SY_MISSING));
}

int ui_decide_clear_override(struct ui *ui, size_t p)
{
	int refused = decide_begin(ui, _("select a part in the checklist first"));
	if (refused)
		return refused;
	int rc = sy_desk_set_override(&ui->desk, (size_t)ui->current, ui->rubric.parts[p].id, -1, NULL);
	char ok[256];
	snprintf(ok, sizeof ok, _("%s is back to its detected status"), ui_part_short(ui, p));
	return decide_done(ui, rc, ok);
}

/* ---- notes ---- */

/* The note target held in ui->task. */
static struct sy_note_target decide_task_target(const struct ui *ui)
{
	const struct ui_task *t = &ui->task;
	return (struct sy_note_target){.on = t->on, .part = t->part, .finding = t->finding, .line = t->line};
}

const char *ui_decide_report_target(struct ui *ui, char *buf, size_t len)
{
	const struct sy_report *rep = ui_current_report(ui);
	snprintf(buf, len, _("the report %s"), rep ? ui_report_name(rep) : "");
	return buf;
}

/* Keeps note target t in ui->task, for the answer. */
static void decide_keep_target(struct ui *ui, const struct sy_note_target *t)
{
	ui->task.on = t->on;
	ui_str_set(&ui->task.part, t->part);
	ui_str_set(&ui->task.finding, t->finding);
	ui->task.line = t->line;
}

static int decide_note_text(struct ui *ui, const char *text)
{
	struct sy_note_target t = decide_task_target(ui);
	int rc = sy_desk_set_note(&ui->desk, (size_t)ui->task.report, &t, text);
	return decide_done(ui, rc, *text ? _("note") : _("note removed"));
}

int ui_decide_note(struct ui *ui, const struct sy_note_target *t, const char *what)
{
	int refused = decide_begin(ui, _("no report selected"));
	if (refused)
		return refused;
	decide_keep_target(ui, t);
	const char *now = sy_review_note(sy_desk_review(&ui->desk, (size_t)ui->current), t);
	if (now && strchr(now, '\n'))
		return ui_editor_note(ui, t, what); /* several lines: the line editor would join them */
	char label[320];
	snprintf(label, sizeof label, _("Note on %s: "), what);
	return ui_prompt_text(ui, label, now, decide_note_text);
}

int ui_decide_note_report(struct ui *ui)
{
	char what[256];
	const struct sy_note_target t = {.on = SY_NOTE_REPORT};
	return ui_decide_note(ui, &t, ui_decide_report_target(ui, what, sizeof what));
}

/* ---- verdicts ---- */

/* Writes the short names of the required parts report i lacks into buf. */
static void decide_lacking(struct ui *ui, size_t i, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t p = 0; p < ui->rubric.nparts && used < len; p++) {
		int st = sy_desk_part_status(&ui->desk, i, p, NULL);
		if (!ui->rubric.parts[p].required || st == SY_PRESENT)
			continue;
		int w = snprintf(buf + used, len - used, "%s%s %s", used ? _(", ") : "", ui_part_short(ui, p),
				 ui_status_label((enum sy_status)st));
		used += w > 0 ? (size_t)w : 0;
	}
	if (ui->batch.r[i].error)
		snprintf(buf, len, "%s", _("it cannot be read"));
}

static int decide_verdict_apply(struct ui *ui, const char *waiver)
{
	const struct ui_task *t = &ui->task;
	int rc = t->tagged ? sy_desk_set_verdict_tagged(&ui->desk, t->verdict, waiver)
			   : sy_desk_set_verdict(&ui->desk, (size_t)t->report, t->verdict, waiver);
	char ok[256];
	if (t->tagged)
		snprintf(ok, sizeof ok, _("%s on %zu tagged reports"), sy_verdict_label(t->verdict),
			 sy_desk_ntagged(&ui->desk));
	else
		snprintf(ok, sizeof ok, "%s · %s", sy_verdict_label(t->verdict), decide_report_name(ui, t->report));
	return decide_done(ui, rc, ok);
}

static int decide_waiver_text(struct ui *ui, const char *text)
{
	if (!*text)
		return decide_refuse(ui, _("cancelled: accepting a report that lacks a required part needs a reason"));
	return decide_verdict_apply(ui, text);
}

static int decide_verdict_key(struct ui *ui, uint32_t key)
{
	if (!ui_prompt_yes(key)) {
		ui_message(ui, false, "%s", _("cancelled: nothing changed"));
		return UI_REDRAW;
	}
	return decide_verdict_apply(ui, NULL);
}

/* Counts the tagged reports accepting would need a waiver for, and
 * (*loading) those still being read, whose results are not in yet. */
static size_t decide_tagged_needing_waiver(struct ui *ui, size_t *loading)
{
	size_t n = 0;
	*loading = 0;
	for (size_t i = 0; i < ui->desk.n; i++) {
		if (!ui->desk.tagged[i])
			continue;
		*loading += !ui->batch.r[i].loaded;
		n += ui->batch.r[i].loaded && sy_desk_needs_waiver(&ui->desk, i);
	}
	return n;
}

static int decide_verdict_tagged(struct ui *ui, enum sy_verdict v)
{
	ui_task_reset(ui);
	ui->task.tagged = true;
	ui->task.verdict = v;
	char scope[160];
	ui_tags_scope(ui, scope, sizeof scope);
	size_t loading = 0;
	size_t need = v == SY_VERDICT_ACCEPT ? decide_tagged_needing_waiver(ui, &loading) : 0;
	if (loading) { /* whether they need a waiver is not known yet */
		ui_message(ui, false, ngettext("%zu tagged report is still loading: try again in a moment",
					       "%zu tagged reports are still loading: try again in a moment", loading),
			   loading);
		return UI_REDRAW;
	}
	const char *label = v == SY_VERDICT_NONE ? _("remove the verdict") : sy_verdict_label(v);
	if (need) {
		char prompt[400];
		snprintf(prompt, sizeof prompt, _("%s for %s; %zu lack a required part. Waiver reason: "), label,
			 scope, need);
		return ui_prompt_text(ui, prompt, NULL, decide_waiver_text);
	}
	return ui_prompt_ask(ui, decide_verdict_key, _("%s for %s? y applies · any other key cancels"), label, scope);
}

int ui_decide_verdict(struct ui *ui, enum sy_verdict v)
{
	if (sy_desk_ntagged(&ui->desk))
		return decide_verdict_tagged(ui, v);
	int refused = decide_begin(ui, _("no report selected"));
	if (refused)
		return refused;
	ui->task.verdict = v;
	size_t i = (size_t)ui->current;
	if (v == SY_VERDICT_ACCEPT && sy_desk_needs_waiver(&ui->desk, i)) {
		char lacks[256], prompt[512];
		decide_lacking(ui, i, lacks, sizeof lacks);
		snprintf(prompt, sizeof prompt, _("通过 although %s? Waiver reason: "), lacks);
		return ui_prompt_text(ui, prompt, NULL, decide_waiver_text);
	}
	return decide_verdict_apply(ui, NULL);
}

int ui_decide_mark_seen(struct ui *ui)
{
	int refused = decide_begin(ui, _("no report selected"));
	if (refused)
		return refused;
	int rc = sy_desk_mark_seen(&ui->desk, (size_t)ui->current);
	return decide_done(ui, rc, _("marked as reviewed as it is now"));
}

/* ---- conflicts ---- */

static int decide_resolve_key(struct ui *ui, uint32_t key)
{
	if (key != 'm' && key != 't') {
		ui_message(ui, false, "%s", _("cancelled: the conflict stays"));
		return UI_REDRAW;
	}
	bool theirs = key == 't';
	int rc = sy_desk_resolve_conflict(&ui->desk, (size_t)ui->task.report, ui->task.key, theirs);
	return decide_done(ui, rc, theirs ? _("took theirs") : _("kept mine"));
}

int ui_decide_resolve(struct ui *ui, const struct sy_item *c)
{
	const char *none = _("select a conflict in the checklist (under Conflicts) first");
	int refused = c ? decide_begin(ui, none) : decide_refuse(ui, none);
	if (refused)
		return refused;
	ui_str_set(&ui->task.key, c->key);
	char *target = sy_conflict_target(c->key);
	char *what = ui_key_describe(ui, target ? target : c->key);
	/* TRANSLATORS: m and t are the keys that answer. */
	int react = ui_prompt_ask(ui, decide_resolve_key, _("%s: m keep mine · t take theirs (%s) · Esc"), what,
				  c->by ? c->by : "?");
	free(what);
	free(target);
	return react;
}
