/* The review session around the UI: opening the desk (problems such as a
 * corrupt review file moved aside are shown in a popup, never silently),
 * remembering where the supervisor is (saved when the keyboard goes idle,
 * not on every key: each save is an fsync), restoring it on the next start,
 * and quitting only once every review is on disk or the user says to. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shenyue/xalloc.h"
#include "ui.h"

#define SESSION_SAVE_EVERY_MS 1000 /* while keys keep coming */

void ui_session_open(struct ui *ui, const char *state_dir, const char *reviewer)
{
	sy_desk_open(&ui->desk, &ui->batch, &ui->rubric, state_dir, reviewer);
	ui->place = (struct ui_place){.report = -1, .part = -1, .top_line = 0};
	if (ui->desk.problems.n) {
		ui->mode = UI_MODE_MESSAGES;
		ui->messages.top = 0;
	}
}

void ui_session_restore(struct ui *ui)
{
	const struct sy_session *s = &ui->desk.session;
	size_t i = sy_desk_place_report(&ui->desk);
	if (!s->report || i >= ui->batch.n || strcmp(ui->batch.r[i].path, s->report) != 0)
		return;
	ui_list_show_index(ui, i);
	int p = s->part ? sy_rubric_part_index(&ui->rubric, s->part) : -1;
	if (p >= 0)
		ui->check.sel = (size_t)p;
	ui->restore_line = s->scroll;
	ui->place = (struct ui_place){.report = (long)i, .part = p, .top_line = s->scroll};
}

/* Where the supervisor is now. */
static struct ui_place session_place_now(struct ui *ui)
{
	struct ui_place now = {.report = ui->current, .part = -1, .top_line = 0};
	struct sy_report *rep = ui_current_report(ui);
	if (rep && rep->loaded && !rep->error && ui->check.sel < rep->score.nparts)
		now.part = (long)ui->check.sel;
	const struct ui_viewer *v = &ui->viewer;
	if (v->built_for == ui->current && v->top < v->nrows)
		now.top_line = (long)v->rows[v->top].line;
	else if (ui->place.report == ui->current)
		now.top_line = ui->restore_line >= 0 ? ui->restore_line : ui->place.top_line;
	now.failed = ui->place.failed;
	return now;
}

static double session_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int ui_session_save_place(struct ui *ui, bool idle)
{
	double t = session_now_ms();
	if (!idle && t - ui->place.saved_ms < SESSION_SAVE_EVERY_MS)
		return UI_NONE;
	struct ui_place now = session_place_now(ui);
	if (now.report < 0 || (now.report == ui->place.report && now.part == ui->place.part &&
			       now.top_line == ui->place.top_line))
		return UI_NONE;
	now.saved_ms = t;
	ui->place = now;
	const char *part = now.part >= 0 ? ui->rubric.parts[now.part].id : NULL;
	if (sy_desk_save_place(&ui->desk, (size_t)now.report, part, now.top_line, now.top_line) == SY_DESK_OK)
		return UI_NONE;
	if (ui->place.failed)
		return UI_NONE;
	ui->place.failed = true;
	ui_message(ui, true, _("where you are will not be remembered: %s"), ui->desk.msg);
	return UI_REDRAW;
}

/* Number of reviews with changes not on disk. */
static size_t session_unsaved(const struct ui *ui)
{
	size_t n = 0;
	for (size_t i = 0; i < ui->desk.n; i++)
		n += sy_desk_unsaved(&ui->desk, i);
	return n;
}

static int session_quit_key(struct ui *ui, uint32_t key)
{
	if (ui_prompt_yes(key))
		return UI_QUIT;
	ui_message(ui, true, _("not quitting: %zu review(s) still unsaved; fix the folder or restart with --state DIR"),
		   session_unsaved(ui));
	return UI_REDRAW;
}

int ui_session_quit(struct ui *ui)
{
	ui_session_save_place(ui, true);
	ui->desk.msg[0] = '\0';
	sy_desk_retry(&ui->desk);
	size_t n = session_unsaved(ui);
	if (!n)
		return UI_QUIT;
	/* TRANSLATORS: how many reviews, why they are not saved; y is the key that answers. */
	return ui_prompt_ask(ui, session_quit_key,
			     ngettext("%zu review is NOT SAVED (%s). Quit and lose it? y quits · any other key stays",
				      "%zu reviews are NOT SAVED (%s). Quit and lose them? y quits · any other key stays", n),
			     n, ui->desk.msg[0] ? ui->desk.msg : _("cannot write"));
}

/* ---- the messages popup ---- */

static struct sy_rect messages_rect(const struct ui *ui)
{
	return ui_popup_rect(ui, (int)ui->desk.problems.n * 2 + 6, 100);
}

int ui_messages_handle(struct ui *ui, enum sy_op op)
{
	switch (op) {
	case SY_OP_CLOSE:
	case SY_OP_QUIT:
	case SY_OP_HELP:
		ui->mode = UI_MODE_NORMAL;
		break;
	case SY_OP_MOVE_DOWN: ui->messages.top++; break;
	case SY_OP_MOVE_UP: ui->messages.top -= ui->messages.top > 0; break;
	default: break;
	}
	return UI_REDRAW;
}

/* Draws problem text wrapped to w columns from row y; returns rows used. */
static int messages_draw_one(struct ui *ui, const char *text, int y, int x, int w, int rows)
{
	size_t len = strlen(text), pos = 0;
	int used = 0;
	while (pos < len && used < rows) {
		size_t b = sy_width_wrap(text + pos, len - pos, (size_t)w);
		char *row = xstrndup(text + pos, b);
		ui_draw_field(ui, y + used, x, row, w, SY_ALIGN_LEFT, &ui->style[SY_SLOT_MESSAGE_ERROR]);
		free(row);
		pos += b;
		used++;
	}
	return used;
}

void ui_messages_draw(struct ui *ui)
{
	const struct sy_strlist *p = &ui->desk.problems;
	struct sy_rect in = ui_popup_frame(ui, messages_rect(ui), _(" Opening the reviews · Esc or q closes"));
	int y = in.y;
	ui_draw_field(ui, y++, in.x, _("Nothing was overwritten. Read this before you go on:"), in.w, SY_ALIGN_LEFT,
		      &ui->style[SY_SLOT_POPUP]);
	if (ui->messages.top >= p->n)
		ui->messages.top = p->n ? p->n - 1 : 0;
	for (size_t i = ui->messages.top; i < p->n && y < in.y + in.h; i++) {
		y++;
		y += messages_draw_one(ui, p->v[i], y, in.x, in.w, in.y + in.h - y);
	}
}
