/* What every file of the UI shares, and nothing that knows a particular
 * view: the status-bar message, report names, status and verdict marks and
 * words, the desk's answers, the task of a prompt, events, and the views
 * on screen (focus, the stack of popups and pages, sending an
 * op to a view). Views reach each other only through these. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/fileio.h"
#include "shenyue/xalloc.h"
#include "ui.h"

/* ---- the message line and its log ---- */

#define UI_LOG_MAX 1000 /* messages kept; the oldest go first */

void ui_log_add(struct ui *ui, bool error, const char *text)
{
	struct ui_log *l = &ui->log;
	if (l->n == UI_LOG_MAX) {
		free(l->v[0].text);
		memmove(l->v, l->v + 1, (l->n - 1) * sizeof *l->v);
		l->n--;
	}
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = (struct ui_log_entry){xstrdup(text), error, time(NULL)};
}

void ui_log_free(struct ui *ui)
{
	for (size_t i = 0; i < ui->log.n; i++)
		free(ui->log.v[i].text);
	free(ui->log.v);
	ui->log.v = NULL;
	ui->log.n = 0;
}

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap, aq;
	va_start(ap, fmt);
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	char *text = xcalloc((size_t)(n > 0 ? n : 0) + 1, 1);
	if (n > 0)
		vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	free(ui->msg);
	ui->msg = text;
	ui->msg_error = error;
	ui_log_add(ui, error, text);
}

void ui_message_clear(struct ui *ui)
{
	free(ui->msg);
	ui->msg = NULL;
	ui->msg_error = false;
}

/* ---- names, marks and words ---- */

struct sy_report *ui_current_report(struct ui *ui)
{
	if (ui->current < 0 || (size_t)ui->current >= ui->batch.n)
		return NULL;
	return &ui->batch.r[ui->current];
}

const char *ui_report_name(const struct sy_report *rep)
{
	const char *slash = strrchr(rep->path, '/');
	return slash ? slash + 1 : rep->path;
}

char *ui_output_dir(const struct ui *ui)
{
	if (ui->desk.state_dir)
		return xstrdup(ui->desk.state_dir);
	char *dir = sy_path_dirname(ui->batch.n ? ui->batch.r[0].path : "./.");
	size_t n = strlen(dir);
	while (n > 2 && !strcmp(dir + n - 2, "/.")) /* "reports/." names reports */
		dir[n -= 2] = '\0';
	return dir;
}

const char *ui_status_mark(const struct ui *ui, enum sy_status st)
{
	return sy_status_mark(st, ui->utf8);
}

const char *ui_severity_mark(enum sy_severity s)
{
	return s == SY_SEV_ERROR ? "E" : s == SY_SEV_WARNING ? "W" : "I";
}

enum sy_slot ui_status_slot(enum sy_status st)
{
	return st == SY_PRESENT ? SY_SLOT_PRESENT : st == SY_PARTIAL ? SY_SLOT_PARTIAL : SY_SLOT_MISSING;
}

int ui_judged_status(struct ui *ui, size_t i, size_t p)
{
	if (i >= ui->batch.n || p >= ui->rubric.nparts || !ui->batch.r[i].loaded || ui->batch.r[i].error ||
	    !sy_desk_changed(&ui->desk, i))
		return -1;
	const struct sy_judged *j = sy_desk_judged(&ui->desk, i);
	const struct sy_judged_part *jp = j ? sy_judged_part(j, ui->rubric.parts[p].id) : NULL;
	int now = (int)ui->batch.r[i].score.parts[p].status;
	return jp && jp->status >= 0 && jp->status != now ? jp->status : -1;
}

const char *ui_status_label(enum sy_status st)
{
	/* TRANSLATORS: the status of a required part of the report. */
	static const char *const names[] = {N_("missing"), N_("partial"), N_("present")};
	return _(names[st <= SY_PRESENT ? st : SY_MISSING]);
}

const char *ui_verdict_mark(const struct ui *ui, enum sy_verdict v)
{
	static const char *const utf8[] = {"·", "通", "退", "待"};
	static const char *const ascii[] = {".", "A", "R", "P"};
	return (ui->utf8 ? utf8 : ascii)[(unsigned)v <= SY_VERDICT_PENDING ? v : SY_VERDICT_NONE];
}

enum sy_slot ui_verdict_slot(enum sy_verdict v)
{
	switch (v) {
	case SY_VERDICT_ACCEPT: return SY_SLOT_PRESENT;
	case SY_VERDICT_RETURN: return SY_SLOT_MISSING;
	case SY_VERDICT_PENDING: return SY_SLOT_PARTIAL;
	default: return SY_SLOT_DIM;
	}
}

const char *ui_part_short(const struct ui *ui, size_t i)
{
	const struct sy_part *p = &ui->rubric.parts[i];
	if (p->short_label && *p->short_label)
		return p->short_label;
	return p->label ? p->label : p->id;
}

const char *ui_part_short_by_id(const struct ui *ui, const char *id)
{
	int p = id ? sy_rubric_part_index(&ui->rubric, id) : -1;
	return p >= 0 ? ui_part_short(ui, (size_t)p) : id ? id : "";
}

char *ui_key_describe(const struct ui *ui, const char *key)
{
	enum sy_note_on on;
	char *part = NULL, *finding = NULL;
	long line = 0;
	if (!strcmp(key, SY_KEY_VERDICT))
		return xstrdup(_("verdict"));
	if (!strcmp(key, SY_KEY_SEEN))
		return xstrdup(_("reviewed version"));
	if (!strncmp(key, "override/", 9))
		return xasprintf(_("override of %s"), ui_part_short_by_id(ui, key + 9));
	if (sy_key_note_parse(key, &on, &part, &finding, &line) != 0)
		return xstrdup(key);
	char *s;
	if (on == SY_NOTE_PART)
		s = xasprintf(_("note on %s"), ui_part_short_by_id(ui, part));
	else if (on == SY_NOTE_FINDING && line > 0)
		s = xasprintf(_("note on finding %s (line %ld)"), finding ? finding : "", line);
	else if (on == SY_NOTE_FINDING)
		s = xasprintf(_("note on finding %s"), finding ? finding : "");
	else
		s = xstrdup(_("report note"));
	free(part);
	free(finding);
	return s;
}

const char *ui_value_describe(const char *key, const char *value)
{
	if (!value)
		return _("(none)");
	if (!strcmp(value, SY_CONFLICT_REMOVED))
		return _("(removed)");
	if (key && !strncmp(key, "override/", 9) && sy_status_parse(value) >= 0)
		return ui_status_label((enum sy_status)sy_status_parse(value));
	if (key && !strcmp(key, SY_KEY_VERDICT) && sy_verdict_parse(value) >= 0)
		return sy_verdict_label((enum sy_verdict)sy_verdict_parse(value));
	return value;
}

bool ui_report_incomplete(const struct ui *ui, size_t i)
{
	return sy_desk_incomplete(&ui->desk, i);
}

size_t ui_count_incomplete(const struct ui *ui)
{
	size_t n = 0;
	for (size_t i = 0; i < ui->batch.n; i++)
		n += ui_report_incomplete(ui, i);
	return n;
}

/* ---- the desk's answers and the task of a prompt ---- */

int ui_desk_said(struct ui *ui, int rc)
{
	bool bad = rc == SY_DESK_FAILED || rc == SY_DESK_INVALID || rc == SY_DESK_NEED_WAIVER ||
		   rc == SY_DESK_CONFLICT || rc == SY_DESK_MOVED;
	if (rc == SY_DESK_FAILED)
		ui_message(ui, true, _("NOT SAVED (kept in memory, saved again with the next change): %s"),
			   ui->desk.msg);
	else if (ui->desk.msg[0])
		ui_message(ui, bad, "%s", ui->desk.msg);
	else if (rc == SY_DESK_UNCHANGED)
		ui_message(ui, false, "%s", _("nothing changed"));
	return UI_REDRAW;
}

void ui_str_set(char **dst, const char *src)
{
	char *copy = xstrdup(src);
	free(*dst);
	*dst = copy;
}

void ui_task_reset(struct ui *ui)
{
	struct ui_task *t = &ui->task;
	free(t->part);
	free(t->finding);
	free(t->key);
	free(t->path);
	memset(t, 0, sizeof *t);
	t->report = -1;
}

/* ---- showing a report, events ---- */

void ui_emit(struct ui *ui, const struct ui_event *ev)
{
	for (size_t i = 0; i < ui->views.n; i++) {
		struct ui_view *v = &ui->views.v[i];
		if (v->ops->event)
			v->ops->event(ui, v, ev);
	}
}

void ui_emit_place(struct ui *ui, long part, long line, bool highlight)
{
	struct ui_event ev = {.kind = UI_EVENT_PLACE, .part = part, .line = line, .highlight = highlight};
	ui_emit(ui, &ev);
}

/* ---- the views on screen ---- */

void *ui_view_state(struct ui *ui, const struct ui_view_ops *ops)
{
	for (size_t i = 0; i < ui->views.n; i++)
		if (ui->views.v[i].ops == ops)
			return ui->views.v[i].state;
	return NULL;
}

struct ui_view *ui_view_by_ctx(struct ui *ui, unsigned ctx)
{
	for (size_t i = 0; i < ui->views.n; i++)
		if (ui->views.v[i].ctx == ctx)
			return &ui->views.v[i];
	return NULL;
}

struct ui_view *ui_view_focused(struct ui *ui)
{
	return ui->views.n ? &ui->views.v[ui->views.focus] : NULL;
}

struct ui_view *ui_view_top(struct ui *ui)
{
	if (ui->views.depth)
		return &ui->views.v[ui->views.stack[ui->views.depth - 1]];
	return ui_view_focused(ui);
}

bool ui_view_has_focus(struct ui *ui, const struct ui_view *v)
{
	return ui_view_top(ui) == v;
}

int ui_view_focus(struct ui *ui, struct ui_view *v)
{
	if (!v || v->ops->kind != SY_CTX_KIND_PANE)
		return UI_NONE;
	ui->views.focus = (size_t)(v - ui->views.v);
	if (ui->zoom >= 0 && ui->zoom != v->slot) {
		ui->zoom = v->slot;
		return UI_LAYOUT;
	}
	return UI_REDRAW;
}

bool ui_view_is_open(const struct ui *ui, const struct ui_view *v)
{
	for (size_t d = 0; d < ui->views.depth; d++)
		if (&ui->views.v[ui->views.stack[d]] == v)
			return true;
	return false;
}

int ui_view_open(struct ui *ui, struct ui_view *v)
{
	if (!v || v->ops->kind == SY_CTX_KIND_PANE || ui_view_is_open(ui, v))
		return UI_NONE;
	if (v->ops->open && !v->ops->open(ui, v))
		return UI_REDRAW;
	ui->views.stack = xreallocarray(ui->views.stack, ui->views.depth + 1, sizeof *ui->views.stack);
	ui->views.stack[ui->views.depth++] = (size_t)(v - ui->views.v);
	return UI_LAYOUT;
}

int ui_view_close(struct ui *ui, struct ui_view *v)
{
	for (size_t d = 0; d < ui->views.depth; d++) {
		if (&ui->views.v[ui->views.stack[d]] != v)
			continue;
		ui->views.depth = d;
		/* A popup's frame may have covered half of a wide character, which
		 * the terminal then blanked while curses still counts it as drawn:
		 * once it closes, every cell is repainted. */
		clearok(curscr, TRUE);
		return UI_LAYOUT;
	}
	return UI_NONE;
}

/* What a view with a move hook does on j k PgDn PgUp g G, and what a
 * popup or page does on close, when its own table says nothing else. */
static int common_move_down(struct ui *ui, struct ui_view *v) { return v->ops->move_by(ui, v, 1); }
static int common_move_up(struct ui *ui, struct ui_view *v) { return v->ops->move_by(ui, v, -1); }
static int common_page_down(struct ui *ui, struct ui_view *v) { return v->ops->move_by(ui, v, v->rect.h); }
static int common_page_up(struct ui *ui, struct ui_view *v) { return v->ops->move_by(ui, v, -v->rect.h); }
static int common_move_top(struct ui *ui, struct ui_view *v) { return v->ops->move_by(ui, v, -UI_MOVE_ALL); }
static int common_move_bottom(struct ui *ui, struct ui_view *v) { return v->ops->move_by(ui, v, UI_MOVE_ALL); }

static const struct ui_view_handler common_moves[] = {
	{SY_OP_MOVE_DOWN, common_move_down},
	{SY_OP_MOVE_UP, common_move_up},
	{SY_OP_PAGE_DOWN, common_page_down},
	{SY_OP_PAGE_UP, common_page_up},
	{SY_OP_MOVE_TOP, common_move_top},
	{SY_OP_MOVE_BOTTOM, common_move_bottom},
	{SY_OP_NONE, NULL},
};

static ui_view_fn handler_in(const struct ui_view_handler *table, enum sy_op op)
{
	for (const struct ui_view_handler *h = table; h && h->op != SY_OP_NONE; h++)
		if (h->op == op)
			return h->run;
	return NULL;
}

ui_view_fn ui_view_handler(const struct ui_view_ops *ops, enum sy_op op)
{
	ui_view_fn fn = handler_in(ops->handlers, op);
	if (!fn && ops->move_by)
		fn = handler_in(common_moves, op);
	if (!fn && op == SY_OP_CLOSE && ops->kind != SY_CTX_KIND_PANE)
		fn = ui_view_close;
	return fn;
}

int ui_view_send(struct ui *ui, unsigned ctx, enum sy_op op)
{
	struct ui_view *v = ui_view_by_ctx(ui, ctx);
	ui_view_fn fn = v ? ui_view_handler(v->ops, op) : NULL;
	return fn ? fn(ui, v) : UI_NONE;
}
