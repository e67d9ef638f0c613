/* The checklist pane: the verdict, "changed since review" and the report's
 * note on top; one item per rubric part (its status as the reviewer sees it,
 * label, matched heading and line; when the reviewer overrode it, the
 * detected status, the reviewer's and the reason; its note); the findings
 * with their severity and notes; then conflicts left by a second reviewer.
 * Enter on a part or a finding sends the viewer to its line (an event).
 * Everything is drawn from the report and the desk's review: the pane holds
 * no data, only its selection, which it says in ui->at.part and
 * ui->at.finding. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

enum check_kind { ROW_PART, ROW_PART_LINE, ROW_FINDING, ROW_HEADER, ROW_TEXT };
enum check_section { SECTION_FINDINGS, SECTION_CONFLICTS };

/* One screen row of the pane. item is the item it belongs to, or -1. */
struct check_row {
	long item;
	enum check_kind kind;
	const char *text;       /* ROW_TEXT, ROW_FINDING: the text; bytes [start, end) */
	size_t start, end;
	const char *prefix;     /* ROW_TEXT: drawn before the first row's text */
	int indent;             /* ROW_TEXT: columns from the pane's left to the text */
	enum sy_slot slot;      /* ROW_TEXT: style when not selected */
	int section;            /* ROW_HEADER: enum check_section */
};

struct check_rows {
	struct check_row *v;
	size_t n;
	char **owned;           /* strings made for this frame */
	size_t nowned;
};

struct check_state {
	size_t sel;             /* item: parts first, then findings, then conflicts */
	size_t top;             /* first row shown */
};

/* What a checklist item is: a part, a finding or a conflict. */
enum check_item_kind { ITEM_NONE, ITEM_PART, ITEM_FINDING, ITEM_CONFLICT };

static const struct sy_review *check_review(struct ui *ui)
{
	return ui->current >= 0 ? sy_desk_review(&ui->desk, (size_t)ui->current) : NULL;
}

static size_t check_conflict_count(struct ui *ui)
{
	const struct sy_review *rv = check_review(ui);
	return rv ? sy_review_nconflicts(rv) : 0;
}

static const struct sy_item *check_conflict_item(struct ui *ui, size_t k)
{
	const struct sy_review *rv = check_review(ui);
	size_t plen = strlen(SY_KEY_CONFLICT);
	for (size_t i = 0; rv && i < rv->nitems; i++)
		if (!strncmp(rv->items[i].key, SY_KEY_CONFLICT, plen) && k-- == 0)
			return &rv->items[i];
	return NULL;
}

/* The number of items (parts, findings, conflicts) of the current report. */
static size_t check_count(struct ui *ui)
{
	struct sy_report *rep = ui_current_report(ui);
	if (!rep || !rep->loaded || rep->error)
		return 0;
	return rep->score.nparts + rep->score.nf + check_conflict_count(ui);
}

/* Returns the kind of the selected item and its index among those in *index. */
static enum check_item_kind check_selected(struct ui *ui, const struct check_state *cs, size_t *index)
{
	struct sy_report *rep = ui_current_report(ui);
	size_t s = cs->sel;
	if (!check_count(ui) || s >= check_count(ui))
		return ITEM_NONE;
	if (s < rep->score.nparts) {
		*index = s;
		return ITEM_PART;
	}
	s -= rep->score.nparts;
	if (s < rep->score.nf) {
		*index = s;
		return ITEM_FINDING;
	}
	*index = s - rep->score.nf;
	return ITEM_CONFLICT;
}

/* Selects item sel (clamped) and says which part that is. */
static void check_set_sel(struct ui *ui, struct check_state *cs, size_t sel)
{
	size_t n = check_count(ui);
	cs->sel = sel < n ? sel : n ? n - 1 : 0;
	const struct sy_report *rep = ui_current_report(ui);
	ui->at.part = n && cs->sel < rep->score.nparts ? (long)cs->sel : -1;
	ui->at.finding = n && cs->sel >= rep->score.nparts && cs->sel < rep->score.nparts + rep->score.nf
				 ? (long)(cs->sel - rep->score.nparts) : -1;
}

static enum sy_slot check_severity_slot(enum sy_severity s)
{
	return s == SY_SEV_ERROR ? SY_SLOT_ERROR : s == SY_SEV_WARNING ? SY_SLOT_WARNING : SY_SLOT_INFO;
}

/* ---- building the rows ---- */

static void check_push(struct check_rows *rs, struct check_row r)
{
	rs->v = xreallocarray(rs->v, rs->n + 1, sizeof *rs->v);
	rs->v[rs->n++] = r;
}

/* Keeps s (newly allocated) until the rows are freed; returns it. */
static const char *check_own(struct check_rows *rs, char *s)
{
	rs->owned = xreallocarray(rs->owned, rs->nowned + 1, sizeof *rs->owned);
	rs->owned[rs->nowned++] = s;
	return s;
}

static void check_rows_free(struct check_rows *rs)
{
	for (size_t i = 0; i < rs->nowned; i++)
		free(rs->owned[i]);
	free(rs->owned);
	free(rs->v);
}

/* Adds text (which may hold newlines) wrapped to the pane's width w, the
 * first row after prefix, the others indented under it. */
static void check_push_text(struct check_rows *rs, long item, const char *prefix, const char *text, int w,
			    enum sy_slot slot)
{
	int indent = 3 + (int)sy_width_str(prefix);
	size_t cols = (size_t)(w - indent - 1 > 4 ? w - indent - 1 : 4);
	size_t len = strlen(text), pos = 0;
	const char *first = prefix;
	for (;;) {
		size_t nl = pos + strcspn(text + pos, "\n");
		size_t p = pos;
		do {
			size_t b = nl > p ? sy_width_wrap(text + p, nl - p, cols) : 0;
			check_push(rs, (struct check_row){.item = item, .kind = ROW_TEXT, .text = text, .start = p,
							  .end = p + b, .prefix = first, .indent = indent, .slot = slot});
			first = NULL;
			p += b;
		} while (p < nl);
		if (nl >= len)
			break;
		pos = nl + 1;
	}
}

/* The rows above the parts: verdict, waiver, changed since review, the report's note. */
static void check_rows_report(struct ui *ui, struct check_rows *rs, int w)
{
	const struct sy_review *rv = check_review(ui);
	enum sy_verdict v = sy_review_verdict(rv);
	if (v != SY_VERDICT_NONE) {
		const struct sy_item *it = sy_review_get(rv, SY_KEY_VERDICT);
		const char *text = check_own(rs, xasprintf("%s%s%s%s", sy_verdict_label(v), it->by ? " (" : "",
							   it->by ? it->by : "", it->by ? ")" : ""));
		check_push_text(rs, -1, _("verdict: "), text, w, ui_verdict_slot(v));
	}
	if (sy_review_waiver(rv))
		check_push_text(rs, -1, _("waiver: "), sy_review_waiver(rv), w, SY_SLOT_WARNING);
	if (sy_desk_changed(&ui->desk, (size_t)ui->current))
		check_push_text(rs, -1, ui->utf8 ? "↻ " : "c ", _("changed since review: the notes are from before (v marks it reviewed)"),
				w, SY_SLOT_WARNING);
	const struct sy_note_target t = {.on = SY_NOTE_REPORT};
	const char *note = sy_review_note(rv, &t);
	if (note) {
		char *prefix = xasprintf("%s %s", ui->utf8 ? "✎" : "n", _("report: "));
		check_push_text(rs, -1, check_own(rs, prefix), note, w, SY_SLOT_INFO);
	}
}

/* A part: its two rows, the reason of an override, its note. */
static void check_rows_part(struct ui *ui, struct check_rows *rs, size_t p, int w)
{
	const struct sy_review *rv = check_review(ui);
	const char *id = ui->rubric.parts[p].id;
	check_push(rs, (struct check_row){.item = (long)p, .kind = ROW_PART});
	check_push(rs, (struct check_row){.item = (long)p, .kind = ROW_PART_LINE});
	const char *reason = NULL;
	if (sy_review_override(rv, id, &reason) >= 0 && reason && *reason)
		check_push_text(rs, (long)p, _("reason: "), reason, w, SY_SLOT_DIM);
	const struct sy_note_target t = {.on = SY_NOTE_PART, .part = id};
	const char *note = sy_review_note(rv, &t);
	if (note)
		check_push_text(rs, (long)p, ui->utf8 ? "✎ " : "n ", note, w, SY_SLOT_INFO);
}

/* A finding: its message wrapped, then its note. */
static void check_rows_finding(struct ui *ui, struct check_rows *rs, const struct sy_report *rep, size_t f, int w)
{
	const struct sy_finding *fd = &rep->score.f[f];
	long item = (long)(rep->score.nparts + f);
	const char *msg = fd->message ? fd->message : "";
	size_t len = strlen(msg), pos = 0;
	size_t cols = (size_t)(w - 8 > 8 ? w - 8 : 8);
	do {
		size_t b = sy_width_wrap(msg + pos, len - pos, cols);
		check_push(rs, (struct check_row){.item = item, .kind = ROW_FINDING, .text = msg, .start = pos,
						  .end = pos + b});
		pos += b;
	} while (pos < len);
	const struct sy_note_target t = {.on = SY_NOTE_FINDING, .finding = fd->id, .line = fd->line > 0 ? fd->line : 0};
	const char *note = sy_review_note(check_review(ui), &t);
	if (note)
		check_push_text(rs, item, ui->utf8 ? "✎ " : "n ", note, w, SY_SLOT_INFO);
}

/* A conflict: what the other reviewer saved, beside what we hold. */
static void check_rows_conflict(struct ui *ui, struct check_rows *rs, size_t k, long item, int w)
{
	const struct sy_item *c = check_conflict_item(ui, k);
	char *target = sy_conflict_target(c->key);
	const struct sy_item *mine = target ? sy_review_get(check_review(ui), target) : NULL;
	char *what = ui_key_describe(ui, target ? target : c->key);
	/* TRANSLATORS: a conflict: what it is about · the other reviewer's
	 * name and value · ours. */
	char *text = xasprintf(_("%s · theirs (%s): %s · mine: %s"), what, c->by ? c->by : "?",
			       ui_value_describe(target, c->value),
			       ui_value_describe(target, mine ? mine->value : NULL));
	check_push_text(rs, item, "! ", check_own(rs, text), w, SY_SLOT_WARNING);
	free(what);
	free(target);
}

/* Builds the pane's rows for width w. */
static void check_rows(struct ui *ui, const struct sy_report *rep, int w, struct check_rows *rs)
{
	memset(rs, 0, sizeof *rs);
	check_rows_report(ui, rs, w);
	for (size_t p = 0; p < rep->score.nparts; p++)
		check_rows_part(ui, rs, p, w);
	check_push(rs, (struct check_row){.item = -1, .kind = ROW_HEADER, .section = SECTION_FINDINGS});
	for (size_t f = 0; f < rep->score.nf; f++)
		check_rows_finding(ui, rs, rep, f, w);
	size_t nc = check_conflict_count(ui);
	if (nc)
		check_push(rs, (struct check_row){.item = -1, .kind = ROW_HEADER, .section = SECTION_CONFLICTS});
	for (size_t k = 0; k < nc; k++)
		check_rows_conflict(ui, rs, k, (long)(rep->score.nparts + rep->score.nf + k), w);
}

/* ---- drawing ---- */

/* The style of a row of item: the selection's when it is selected. */
static const struct ui_style *check_item_style(struct ui *ui, const struct ui_view *v, long item,
					       enum sy_slot normal)
{
	const struct check_state *cs = v->state;
	if (item >= 0 && (size_t)item == cs->sel)
		return &ui->style[ui_view_focused(ui) == v ? SY_SLOT_SELECTION : SY_SLOT_SELECTION_IDLE];
	return &ui->style[normal];
}

/* The right-hand status of a part: "missing", "optional", or "✗→~ 人工"
 * (detected, then the reviewer's) when overridden. */
static void check_part_status_text(struct ui *ui, enum sy_status det, int eff, bool ov, bool quiet, char *buf,
				   size_t len)
{
	if (ov)
		snprintf(buf, len, "%s%s%s 人工", ui_status_mark(ui, det), ui->utf8 ? "→" : ">",
			 ui_status_mark(ui, (enum sy_status)eff));
	else
		snprintf(buf, len, "%s", quiet ? _("optional") : ui_status_label((enum sy_status)eff));
}

static void check_draw_part1(struct ui *ui, const struct ui_view *v, const struct sy_report *rep, int y, size_t p)
{
	int x = v->rect.x, w = v->rect.w;
	const struct sy_part_result *pr = &rep->score.parts[p];
	const struct ui_style *st = check_item_style(ui, v, (long)p, SY_SLOT_NORMAL);
	bool ov;
	int eff = sy_desk_part_status(&ui->desk, (size_t)ui->current, p, &ov);
	/* An optional part that is absent is not a fault: no alarm colour. */
	bool quiet = !ui->rubric.parts[p].required && eff == SY_MISSING && !ov;
	const struct ui_style *mark = &ui->style[quiet ? SY_SLOT_DIM : ui_status_slot((enum sy_status)eff)];
	char right[64];
	check_part_status_text(ui, pr->status, eff, ov, quiet, right, sizeof right);
	int sw = (int)sy_width_str(right) > 8 ? (int)sy_width_str(right) : 8;
	ui_draw_fill(y, x, w, st);
	ui_draw_field(ui, y, x + 1, quiet ? "-" : ui_status_mark(ui, (enum sy_status)eff), 1, SY_ALIGN_LEFT, mark);
	/* ? where the detected status rests on weak evidence (w shows why) */
	if (!ov && sy_evidence_uncertain(&pr->ev))
		ui_draw_field(ui, y, x + 2, "?", 1, SY_ALIGN_LEFT, &ui->style[SY_SLOT_WARNING]);
	ui_draw_field(ui, y, x + 3, ui_part_short(ui, p), w - 6 - sw, SY_ALIGN_LEFT, st);
	const struct sy_note_target t = {.on = SY_NOTE_PART, .part = ui->rubric.parts[p].id};
	if (sy_review_note(check_review(ui), &t))
		ui_draw_field(ui, y, x + w - sw - 2, ui->utf8 ? "✎" : "n", 1, SY_ALIGN_LEFT, st);
	ui_draw_field(ui, y, x + w - sw, right, sw, SY_ALIGN_RIGHT, mark);
}

static void check_draw_part2(struct ui *ui, const struct ui_view *v, const struct sy_report *rep, int y, size_t p)
{
	int x = v->rect.x, w = v->rect.w;
	const struct sy_part_result *pr = &rep->score.parts[p];
	const struct ui_style *st = check_item_style(ui, v, (long)p, SY_SLOT_DIM);
	char buf[512], was[64] = "";
	int old = ui_judged_status(ui, (size_t)ui->current, p); /* changed since the verdict (d shows how) */
	if (old >= 0)
		snprintf(was, sizeof was, _("was %s · "), ui_status_mark(ui, (enum sy_status)old));
	if (pr->line <= 0)
		snprintf(buf, sizeof buf, "%s%s", was, _("no heading, no mention"));
	else if (pr->heading_text)
		snprintf(buf, sizeof buf, "%sL%ld %s", was, pr->line, pr->heading_text);
	else
		snprintf(buf, sizeof buf, _("%sL%ld mentioned, no heading"), was, pr->line);
	ui_draw_fill(y, x, w, st);
	ui_draw_field(ui, y, x + 3, buf, w - 3, SY_ALIGN_LEFT, st);
}

static void check_draw_finding(struct ui *ui, const struct ui_view *v, const struct sy_report *rep, int y,
			       const struct check_row *row)
{
	int x = v->rect.x, w = v->rect.w;
	size_t f = (size_t)row->item - rep->score.nparts;
	const struct sy_finding *fd = &rep->score.f[f];
	const struct ui_style *st = check_item_style(ui, v, row->item, SY_SLOT_NORMAL);
	ui_draw_fill(y, x, w, st);
	if (row->start == 0) {
		ui_draw_field(ui, y, x + 1, ui_severity_mark(fd->severity), 1, SY_ALIGN_LEFT,
			      &ui->style[check_severity_slot(fd->severity)]);
		char line[24] = "";
		if (fd->line > 0)
			snprintf(line, sizeof line, "L%ld", fd->line);
		ui_draw_field(ui, y, x + 3, line, 4, SY_ALIGN_LEFT, st);
	}
	ui_draw_text(y, x + 8, row->text + row->start, row->end - row->start, w - 8, st);
}

static void check_draw_text(struct ui *ui, const struct ui_view *v, int y, const struct check_row *row)
{
	int x = v->rect.x, w = v->rect.w;
	const struct ui_style *st = check_item_style(ui, v, row->item, row->slot);
	ui_draw_fill(y, x, w, row->item >= 0 ? st : &ui->style[SY_SLOT_NORMAL]);
	if (row->prefix)
		ui_draw_field(ui, y, x + 3, row->prefix, row->indent - 3, SY_ALIGN_LEFT, st);
	if (w > row->indent)
		ui_draw_text(y, x + row->indent, row->text + row->start, row->end - row->start, w - row->indent, st);
}

static void check_draw_header(struct ui *ui, const struct sy_report *rep, int y, int x, int w, int section)
{
	char buf[128];
	if (section == SECTION_FINDINGS)
		snprintf(buf, sizeof buf, _("Findings (%zu)"), rep->score.nf);
	else
		snprintf(buf, sizeof buf, _("Conflicts with another reviewer (%zu) · R resolves"), check_conflict_count(ui));
	ui_draw_field(ui, y, x + 1, buf, w - 1, SY_ALIGN_LEFT,
		      &ui->style[section == SECTION_FINDINGS ? SY_SLOT_TITLE : SY_SLOT_MESSAGE_ERROR]);
}

static void check_draw_row(struct ui *ui, const struct ui_view *v, const struct sy_report *rep, int y,
			   const struct check_row *row)
{
	switch (row->kind) {
	case ROW_PART: check_draw_part1(ui, v, rep, y, (size_t)row->item); break;
	case ROW_PART_LINE: check_draw_part2(ui, v, rep, y, (size_t)row->item); break;
	case ROW_FINDING: check_draw_finding(ui, v, rep, y, row); break;
	case ROW_TEXT: check_draw_text(ui, v, y, row); break;
	case ROW_HEADER: check_draw_header(ui, rep, y, v->rect.x, v->rect.w, row->section); break;
	}
}

/* Moves the top row so every row of the selected item is on screen. */
static void check_scroll_to_sel(struct ui *ui, struct check_state *cs, const struct check_rows *rs, size_t h)
{
	size_t first = 0, last = 0;
	bool found = false;
	for (size_t i = 0; i < rs->n; i++) {
		if (rs->v[i].item == (long)cs->sel) {
			if (!found)
				first = i;
			last = i;
			found = true;
		}
	}
	if (!found)
		return;
	if (last >= cs->top + h)
		cs->top = last - h + 1;
	if (first < cs->top)
		cs->top = first;
	if (cs->sel == check_count(ui) - 1 && rs->n > h)
		cs->top = rs->n - h;
}

static void check_title(struct ui *ui, struct ui_view *v, char *title, size_t len)
{
	const struct sy_report *rep = ui_current_report(ui);
	if (rep && rep->loaded && !rep->error)
		snprintf(title, len, _("Checklist · score %d/100"), sy_desk_score(&ui->desk, (size_t)ui->current));
	else
		snprintf(title, len, "%s", _("Checklist"));
}

static void check_draw(struct ui *ui, struct ui_view *v)
{
	struct check_state *cs = v->state;
	struct sy_report *rep = ui_current_report(ui);
	const struct sy_rect *r = &v->rect;
	if (!rep || !rep->loaded || rep->error) {
		const char *why = !rep ? "" : !rep->loaded ? ui_loader_waiting(ui, (size_t)ui->current) : _("cannot be read");
		ui_draw_field(ui, r->y, r->x + 1, why, r->w - 1, SY_ALIGN_LEFT, &ui->style[SY_SLOT_DIM]);
		return;
	}
	if (cs->sel >= check_count(ui))
		check_set_sel(ui, cs, cs->sel);
	struct check_rows rs;
	check_rows(ui, rep, r->w, &rs);
	size_t h = r->h > 0 ? (size_t)r->h : 1;
	check_scroll_to_sel(ui, cs, &rs, h);
	for (size_t i = 0; i < h && cs->top + i < rs.n; i++)
		check_draw_row(ui, v, rep, r->y + (int)i, &rs.v[cs->top + i]);
	check_rows_free(&rs);
}

/* Returns the item drawn at content row r of the pane, or -1. */
static long check_item_at(struct ui *ui, struct ui_view *v, int r)
{
	struct check_state *cs = v->state;
	struct sy_report *rep = ui_current_report(ui);
	if (!rep || !rep->loaded || rep->error || r < 0)
		return -1;
	struct check_rows rs;
	check_rows(ui, rep, v->rect.w, &rs);
	size_t i = cs->top + (size_t)r;
	long item = i < rs.n ? rs.v[i].item : -1;
	check_rows_free(&rs);
	return item;
}

/* Moves the selection by delta items. */
static int check_move(struct ui *ui, struct ui_view *v, long delta)
{
	struct check_state *cs = v->state;
	if (!check_count(ui))
		return UI_NONE;
	long s = (long)cs->sel + delta;
	check_set_sel(ui, cs, s < 0 ? 0 : (size_t)s);
	return UI_REDRAW;
}

/* The 1-based line an item points at (0 when none), and a word on why not. */
static long check_item_line(struct ui *ui, const struct sy_report *rep, size_t item)
{
	if (item < rep->score.nparts) {
		const struct sy_part_result *pr = &rep->score.parts[item];
		if (pr->line <= 0)
			ui_message(ui, true, _("%s missing: no heading names it, no text mentions it (%s)"),
				   ui_part_short(ui, item), ui->rubric.parts[item].label);
		return pr->line;
	}
	if (item >= rep->score.nparts + rep->score.nf) {
		ui_message(ui, false, "%s", _("a conflict with another reviewer: R keeps yours or takes theirs"));
		return 0;
	}
	const struct sy_finding *f = &rep->score.f[item - rep->score.nparts];
	if (f->line <= 0)
		ui_message(ui, false, _("this finding is about the whole report: %s"), f->message);
	return f->line;
}

/* Sends the viewer to the selected item's line, unzooming to show it. */
static int check_jump(struct ui *ui, struct ui_view *v)
{
	struct check_state *cs = v->state;
	struct sy_report *rep = ui_current_report(ui);
	if (!check_count(ui))
		return UI_NONE;
	long line = check_item_line(ui, rep, cs->sel);
	if (line <= 0)
		return UI_REDRAW;
	int react = UI_REDRAW;
	if (ui->zoom >= 0 && ui->zoom != ui_view_by_ctx(ui, SY_CTX_VIEWER)->slot) {
		ui->zoom = -1;
		react = UI_LAYOUT;
	}
	ui_emit_place(ui, -1, line - 1, true);
	return react;
}

/* ---- what the checklist does ---- */

static int check_down(struct ui *ui, struct ui_view *v)
{
	return check_move(ui, v, 1);
}

static int check_up(struct ui *ui, struct ui_view *v)
{
	return check_move(ui, v, -1);
}

#define CHECK_PAGE 5 /* items a page moves: each takes two rows or more */

static int check_page_down(struct ui *ui, struct ui_view *v)
{
	return check_move(ui, v, CHECK_PAGE);
}

static int check_page_up(struct ui *ui, struct ui_view *v)
{
	return check_move(ui, v, -CHECK_PAGE);
}

static int check_first(struct ui *ui, struct ui_view *v)
{
	return check_move(ui, v, -(long)1e9);
}

static int check_last(struct ui *ui, struct ui_view *v)
{
	return check_move(ui, v, (long)1e9);
}

/* The selected part's index in *p, or a message saying to select one. */
static bool check_part(struct ui *ui, struct ui_view *v, size_t *p)
{
	if (check_selected(ui, v->state, p) == ITEM_PART)
		return true;
	ui_message(ui, true, "%s", _("select a part in the checklist first"));
	return false;
}

static int check_override(struct ui *ui, struct ui_view *v)
{
	size_t p;
	return check_part(ui, v, &p) ? ui_decide_override(ui, p) : UI_REDRAW;
}

static int check_clear_override(struct ui *ui, struct ui_view *v)
{
	size_t p;
	return check_part(ui, v, &p) ? ui_decide_clear_override(ui, p) : UI_REDRAW;
}

static int check_resolve(struct ui *ui, struct ui_view *v)
{
	size_t k;
	bool conflict = check_selected(ui, v->state, &k) == ITEM_CONFLICT;
	return ui_decide_resolve(ui, conflict ? check_conflict_item(ui, k) : NULL);
}

/* The note target of the selection: a part, a finding, else the report;
 * what names it goes to buf. */
static struct sy_note_target check_note_target(struct ui *ui, struct ui_view *v, char *what, size_t len)
{
	size_t k;
	enum check_item_kind kind = check_selected(ui, v->state, &k);
	const struct sy_report *rep = ui_current_report(ui);
	if (kind == ITEM_PART) {
		snprintf(what, len, "%s", ui_part_short(ui, k));
		return (struct sy_note_target){.on = SY_NOTE_PART, .part = ui->rubric.parts[k].id};
	}
	if (kind == ITEM_FINDING) {
		const struct sy_finding *f = &rep->score.f[k];
		snprintf(what, len, f->line > 0 ? _("finding %s") : _("finding %s (whole report)"), f->id);
		return (struct sy_note_target){.on = SY_NOTE_FINDING, .finding = f->id, .line = f->line > 0 ? f->line : 0};
	}
	ui_decide_report_target(ui, what, len);
	return (struct sy_note_target){.on = SY_NOTE_REPORT};
}

static int check_note(struct ui *ui, struct ui_view *v)
{
	char what[256];
	struct sy_note_target t = check_note_target(ui, v, what, sizeof what);
	return ui_decide_note(ui, &t, what);
}

static int check_note_editor(struct ui *ui, struct ui_view *v)
{
	char what[256];
	struct sy_note_target t = check_note_target(ui, v, what, sizeof what);
	return ui_editor_note(ui, &t, what);
}

static int check_click(struct ui *ui, struct ui_view *v, int row, int col)
{
	long item = check_item_at(ui, v, row);
	if (item < 0)
		return UI_REDRAW;
	check_set_sel(ui, v->state, (size_t)item);
	return check_jump(ui, v);
}

/* Starts at the top for another report; selects the part a place names. */
static void check_event(struct ui *ui, struct ui_view *v, const struct ui_event *ev)
{
	struct check_state *cs = v->state;
	if (ev->kind == UI_EVENT_REPORT) {
		cs->top = 0;
		check_set_sel(ui, cs, 0);
	} else if (ev->kind == UI_EVENT_PLACE && ev->part >= 0) {
		check_set_sel(ui, cs, (size_t)ev->part);
	}
}

static void *check_init(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct check_state));
}

static const struct ui_view_handler check_handlers[] = {
	{SY_OP_MOVE_DOWN, check_down},
	{SY_OP_MOVE_UP, check_up},
	{SY_OP_PAGE_DOWN, check_page_down},
	{SY_OP_PAGE_UP, check_page_up},
	{SY_OP_MOVE_TOP, check_first},
	{SY_OP_MOVE_BOTTOM, check_last},
	{SY_OP_JUMP, check_jump},
	{SY_OP_OVERRIDE, check_override},
	{SY_OP_CLEAR_OVERRIDE, check_clear_override},
	{SY_OP_RESOLVE, check_resolve},
	{SY_OP_NOTE, check_note},
	{SY_OP_NOTE_EDITOR, check_note_editor},
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_checklist_view = {
	.name = "checklist",
	.kind = SY_CTX_KIND_PANE,
	.label = N_("Checklist"),
	.init = check_init,
	.free = free,
	.title = check_title,
	.draw = check_draw,
	.handlers = check_handlers,
	.click = check_click,
	.wheel_rows = 1,
	.event = check_event,
};
