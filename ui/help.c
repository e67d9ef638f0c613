/* The ? help screen, generated from the operations table and the live
 * keymap: the focused pane's keys first, then the keys that work everywhere,
 * then the other panes'. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

struct help_line {
	char *text;
	bool header;
};

static const char *const pane_names[SY_NPANES] = {N_("Report list"), N_("Section viewer"), N_("Checklist")};

static void help_push(struct help_line **v, size_t *n, bool header, char *text)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = (struct help_line){text, header};
}

/* True when op belongs in the section for ctx: pane-only ops for a pane, or
 * the ops shared by all panes for SY_CTX_PANES. */
static bool help_in_section(const struct sy_op_info *info, unsigned ctx)
{
	bool everywhere = (info->ctx & SY_CTX_PANES) == SY_CTX_PANES;
	if (ctx == SY_CTX_PANES)
		return everywhere;
	if (ctx == SY_CTX_POPUPS)
		return !(info->ctx & SY_CTX_PANES);
	return !everywhere && (info->ctx & ctx);
}

static void help_add_section(struct ui *ui, struct help_line **v, size_t *n, const char *title,
			     unsigned ctx)
{
	help_push(v, n, true, xstrdup(title));
	unsigned lookup = ctx == SY_CTX_PANES ? SY_CTX_LIST : ctx == SY_CTX_POPUPS ? SY_CTX_HELP | SY_CTX_OUTLINE : ctx;
	for (int op = SY_OP_NONE + 1; op < SY_OP_COUNT; op++) {
		const struct sy_op_info *info = sy_op_info((enum sy_op)op);
		if (!help_in_section(info, ctx))
			continue;
		char keys[96];
		sy_keymap_keys_of(&ui->keys, info->op, lookup, keys, sizeof keys);
		char *padded = sy_width_pad(keys, 16, SY_ALIGN_LEFT, NULL);
		help_push(v, n, false, xasprintf("  %s %s", padded, _(info->help)));
		free(padded);
	}
	help_push(v, n, false, xstrdup(""));
}

/* Builds the help text for the focused pane. */
static struct help_line *help_lines(struct ui *ui, size_t *n)
{
	struct help_line *v = NULL;
	*n = 0;
	char title[128];
	snprintf(title, sizeof title, _("%s (this pane)"), _(pane_names[ui->focus]));
	help_add_section(ui, &v, n, title, 1u << ui->focus);
	help_add_section(ui, &v, n, _("All panes"), SY_CTX_PANES);
	for (int p = 0; p < SY_NPANES; p++)
		if (p != (int)ui->focus)
			help_add_section(ui, &v, n, _(pane_names[p]), 1u << p);
	help_add_section(ui, &v, n, _("Popups (help, outline)"), SY_CTX_POPUPS);
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

int ui_help_open(struct ui *ui)
{
	ui->mode = UI_MODE_HELP;
	ui->help.top = 0;
	return UI_REDRAW;
}

static struct sy_rect help_rect(const struct ui *ui)
{
	return ui_popup_rect(ui, ui->lay.rows, 84);
}

int ui_help_handle(struct ui *ui, enum sy_op op)
{
	size_t n;
	struct help_line *v = help_lines(ui, &n);
	help_free(v, n);
	size_t h = (size_t)(help_rect(ui).h - 2);
	size_t max = n > h ? n - h : 0;
	size_t *top = &ui->help.top;
	switch (op) {
	case SY_OP_CLOSE:
	case SY_OP_QUIT:
	case SY_OP_HELP:
		ui->mode = UI_MODE_NORMAL;
		break;
	case SY_OP_MOVE_DOWN: *top = *top < max ? *top + 1 : max; break;
	case SY_OP_MOVE_UP: *top = *top ? *top - 1 : 0; break;
	case SY_OP_PAGE_DOWN: *top = *top + h < max ? *top + h : max; break;
	case SY_OP_PAGE_UP: *top = *top > h ? *top - h : 0; break;
	case SY_OP_MOVE_TOP: *top = 0; break;
	case SY_OP_MOVE_BOTTOM: *top = max; break;
	default: break;
	}
	return UI_REDRAW;
}

void ui_help_draw(struct ui *ui)
{
	size_t n;
	struct help_line *v = help_lines(ui, &n);
	struct sy_rect in = ui_popup_frame(ui, help_rect(ui), _(" Keys · j/k scroll · Esc or q closes"));
	for (int i = 0; i < in.h && ui->help.top + (size_t)i < n; i++) {
		const struct help_line *l = &v[ui->help.top + (size_t)i];
		ui_draw_field(ui, in.y + i, in.x, l->text, in.w, SY_ALIGN_LEFT,
			      &ui->style[l->header ? SY_SLOT_HEADING1 : SY_SLOT_POPUP]);
	}
	help_free(v, n);
}
