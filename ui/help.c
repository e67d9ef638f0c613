/* The ? help popup, generated from the operations table, the live keymap
 * and the registered views: the keys of the view under it first, then the
 * keys that work in every pane, then the other views'. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

#define HELP_KEYS 16 /* columns of the keys before an op's help */

struct help_line {
	char *text;
	bool header;
	int indent;             /* columns before the rows after its first */
};

/* One screen row: bytes [start, end) of a line's text. */
struct help_row {
	const struct help_line *line;
	size_t start, end;
	bool first;
};

struct help_state {
	size_t top;             /* first line shown */
};

/* Adds a line; a line of prose ("  text") wraps under its text. */
static void help_push(struct help_line **v, size_t *n, bool header, char *text)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = (struct help_line){text, header, (int)strspn(text, " ")};
}

/* True when op belongs in the section for ctx: the ops shared by all panes
 * for SY_CTX_PANES; the popups' own for SY_CTX_POPUPS; a pane's own ops; a
 * page's ops. */
static bool help_in_section(const struct sy_op_info *info, unsigned ctx)
{
	bool everywhere = (info->ctx & SY_CTX_PANES) == SY_CTX_PANES;
	if (ctx == SY_CTX_PANES)
		return everywhere;
	if (ctx == SY_CTX_POPUPS)
		return (info->ctx & SY_CTX_POPUPS) && !(info->ctx & SY_CTX_PANES);
	if (sy_ctx_kind(ctx) == SY_CTX_KIND_PAGE)
		return info->ctx & ctx;
	return !everywhere && (info->ctx & ctx);
}

static void help_add_section(struct ui *ui, struct help_line **v, size_t *n, const char *title,
			     unsigned ctx)
{
	help_push(v, n, true, xstrdup(title));
	unsigned lookup = ctx == SY_CTX_PANES ? (SY_CTX_PANES & -SY_CTX_PANES) : ctx; /* one pane stands for all */
	for (int op = SY_OP_NONE + 1; op < SY_OP_COUNT; op++) {
		const struct sy_op_info *info = sy_op_info((enum sy_op)op);
		if (!help_in_section(info, ctx))
			continue;
		char keys[96];
		sy_keymap_keys_of(&ui->keys, info->op, lookup, keys, sizeof keys);
		char *padded = sy_width_pad(keys, HELP_KEYS, SY_ALIGN_LEFT, NULL);
		help_push(v, n, false, xasprintf("  %s %s", padded, _(info->help)));
		(*v)[*n - 1].indent = 2 + HELP_KEYS + 1; /* the help wraps under itself */
		free(padded);
	}
	help_push(v, n, false, xstrdup(""));
}

/* The view whose keys come first: the one under the help popup. */
static struct ui_view *help_subject(struct ui *ui)
{
	if (ui->views.depth >= 2)
		return &ui->views.v[ui->views.stack[ui->views.depth - 2]];
	return ui_view_focused(ui);
}

/* Writes the labels of the popups, "Keys, Outline, Messages". */
static void help_popup_names(struct ui *ui, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < ui->views.n && used < len; i++) {
		if (ui->views.v[i].ops->kind != SY_CTX_KIND_POPUP)
			continue;
		int w = snprintf(buf + used, len - used, "%s%s", used ? _(", ") : "", _(ui->views.v[i].ops->label));
		used += w > 0 ? (size_t)w : 0;
	}
}

/* The sections of keys: the subject's first, then the keys of every pane,
 * then the other panes' and pages', then the popups'. */
static void help_add_sections(struct ui *ui, struct help_line **v, size_t *n)
{
	struct ui_view *subject = help_subject(ui);
	char title[256], names[128];
	if (subject) {
		snprintf(title, sizeof title, _("%s (this pane)"), _(subject->ops->label));
		help_add_section(ui, v, n, title, subject->ctx);
	}
	help_add_section(ui, v, n, _("All panes"), SY_CTX_PANES);
	for (size_t i = 0; i < ui->views.n; i++) {
		struct ui_view *o = &ui->views.v[i];
		if (o != subject && o->ops->kind != SY_CTX_KIND_POPUP)
			help_add_section(ui, v, n, _(o->ops->label), o->ctx);
	}
	help_popup_names(ui, names, sizeof names);
	snprintf(title, sizeof title, _("Popups (%s)"), names);
	help_add_section(ui, v, n, title, SY_CTX_POPUPS);
}

/* Builds the help text for the view under the popup. */
static struct help_line *help_lines(struct ui *ui, size_t *n)
{
	struct help_line *v = NULL;
	*n = 0;
	help_add_sections(ui, &v, n);
	help_push(&v, n, true, xstrdup(_("Typing a filter, a search, a note or a reason")));
	help_push(&v, n, false, xstrdup(_("  Enter saves, Esc cancels. Left/Right (C-b/C-f) move by character,")));
	help_push(&v, n, false, xstrdup(_("  Home/End (C-a/C-e), Backspace and Delete remove one character,")));
	help_push(&v, n, false, xstrdup(_("  C-k cuts to the end, C-u to the start, C-w the word before.")));
	help_push(&v, n, false, xstrdup(_("  An empty note removes it; a note of several lines opens in $EDITOR.")));
	help_push(&v, n, false, xstrdup(_("  The filter keeps reports whose file, unit or title contains the text.")));
	help_push(&v, n, false, xstrdup(_("  Every change is saved at once; u undoes it.")));
	help_push(&v, n, true, xstrdup(_("Marks")));
	help_push(&v, n, false, xasprintf(_("  %s present  %s partial  %s missing   E error  W warning  I info"),
				       ui_status_mark(ui, SY_PRESENT), ui_status_mark(ui, SY_PARTIAL),
				       ui_status_mark(ui, SY_MISSING)));
	help_push(&v, n, false, xasprintf(_("  %s 通过  %s 退回修改  %s 待定  %s no verdict   * tagged"),
				       ui_verdict_mark(ui, SY_VERDICT_ACCEPT), ui_verdict_mark(ui, SY_VERDICT_RETURN),
				       ui_verdict_mark(ui, SY_VERDICT_PENDING), ui_verdict_mark(ui, SY_VERDICT_NONE)));
	help_push(&v, n, false, xasprintf(_("  %s has notes  %s changed since review  ! conflict with another reviewer"),
				       ui->utf8 ? "✎" : "n", ui->utf8 ? "↻" : "c"));
	help_push(&v, n, false, xstrdup(_("  L received late  ? detection unsure (w: why)  !3 warnings and errors "
					 "still standing  未报送 no report from a roster unit")));
	help_push(&v, n, false, xasprintf(_("  %s%s%s 人工: detected %s, set %s by the reviewer"),
				       ui_status_mark(ui, SY_MISSING), ui->utf8 ? "→" : ">",
				       ui_status_mark(ui, SY_PARTIAL), ui_status_label(SY_MISSING),
				       ui_status_label(SY_PARTIAL)));
	return v;
}

static void help_free(struct help_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

/* Wraps the lines to width columns: rows after a line's first start at
 * its indent. Returns the rows, *nrows of them. */
static struct help_row *help_rows(const struct help_line *v, size_t n, int width, size_t *nrows)
{
	struct help_row *rows = NULL;
	*nrows = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(v[i].text), pos = 0;
		do {
			int cols = pos ? width - v[i].indent : width;
			size_t b = len ? sy_width_wrap(v[i].text + pos, len - pos, (size_t)(cols > 8 ? cols : 8)) : 0;
			rows = xreallocarray(rows, *nrows + 1, sizeof *rows);
			rows[(*nrows)++] = (struct help_row){&v[i], pos, pos + b, pos == 0};
			pos += b;
			while (pos < len && v[i].text[pos] == ' ') /* a row never starts with the space it broke at */
				pos++;
		} while (pos < len);
	}
	return rows;
}

/* The number of rows the help takes in width columns. */
static size_t help_count_rows(struct ui *ui, int width)
{
	size_t n, nrows;
	struct help_line *lines = help_lines(ui, &n);
	free(help_rows(lines, n, width, &nrows));
	help_free(lines, n);
	return nrows;
}

static void *help_init(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct help_state));
}

static bool help_open(struct ui *ui, struct ui_view *v)
{
	struct help_state *h = v->state;
	h->top = 0;
	return true;
}

static void help_size(struct ui *ui, struct ui_view *v, int *h, int *w)
{
	*h = ui->lay.rows;
	*w = 84;
}

static void help_title(struct ui *ui, struct ui_view *v, char *buf, size_t len)
{
	snprintf(buf, len, "%s", _(" Keys · j/k scroll · Esc or q closes"));
}

/* Moves the first line shown by delta (clamped to the text). */
static int help_scroll(struct ui *ui, struct ui_view *v, long delta)
{
	struct help_state *hs = v->state;
	size_t n = help_count_rows(ui, v->rect.w);
	long h = v->rect.h > 0 ? v->rect.h : 1;
	long max = (long)n > h ? (long)n - h : 0, top = (long)hs->top + delta;
	hs->top = (size_t)(top < 0 ? 0 : top > max ? max : top);
	return UI_REDRAW;
}

static void help_draw(struct ui *ui, struct ui_view *v)
{
	struct help_state *hs = v->state;
	size_t n, nrows;
	struct help_line *lines = help_lines(ui, &n);
	struct sy_rect in = v->rect;
	struct help_row *rows = help_rows(lines, n, in.w, &nrows);
	for (int i = 0; i < in.h && hs->top + (size_t)i < nrows; i++) {
		const struct help_row *r = &rows[hs->top + (size_t)i];
		const struct ui_style *st = &ui->style[r->line->header ? SY_SLOT_HEADING1 : SY_SLOT_POPUP];
		int x = r->first ? 0 : r->line->indent;
		ui_draw_fill(in.y + i, in.x, in.w, st);
		ui_draw_text(in.y + i, in.x + x, r->line->text + r->start, r->end - r->start, in.w - x, st);
	}
	free(rows);
	help_free(lines, n);
}

static const struct ui_view_handler help_handlers[] = {
	{SY_OP_NONE, NULL},
};

const struct ui_view_ops ui_help_view = {
	.name = "help",
	.kind = SY_CTX_KIND_POPUP,
	.label = N_("Keys"),
	.init = help_init,
	.free = free,
	.title = help_title,
	.draw = help_draw,
	.handlers = help_handlers,
	.move_by = help_scroll,
	.open_op = SY_OP_HELP,
	.open = help_open,
	.size = help_size,
};
