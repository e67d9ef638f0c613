/* The review session around the UI: opening the desk (problems such as a
 * corrupt review file moved aside go to the message log, which opens: never
 * silently),
 * remembering where the supervisor is (as the views say it in ui->at; saved
 * when the keyboard goes idle, not on every key: each save is an fsync),
 * restoring it on the next start, and quitting only once every review is on
 * disk or the user says to. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui.h"

#define SESSION_SAVE_EVERY_MS 1000 /* while keys keep coming */

void ui_session_open(struct ui *ui, const char *state_dir, const char *reviewer)
{
	sy_desk_open(&ui->desk, &ui->batch, &ui->rubric, state_dir, reviewer);
	ui->place = (struct ui_place){.report = -1, .part = -1, .top_line = 0};
	if (!ui->desk.problems.n)
		return;
	ui_log_add(ui, false, _("Opening the reviews: nothing was overwritten. Read this before you go on:"));
	for (size_t i = 0; i < ui->desk.problems.n; i++)
		ui_log_add(ui, true, ui->desk.problems.v[i]);
	ui_view_open(ui, ui_view_by_ctx(ui, SY_CTX_LOG));
}

void ui_session_restore(struct ui *ui)
{
	const struct sy_session *s = &ui->desk.session;
	size_t i = sy_desk_place_report(&ui->desk);
	if (!s->report || i >= ui->batch.n || strcmp(ui->batch.r[i].path, s->report) != 0)
		return;
	ui_show_report(ui, (long)i);
	int p = s->part ? sy_rubric_part_index(&ui->rubric, s->part) : -1;
	ui_emit_place(ui, p, s->scroll, false);
	ui->place = (struct ui_place){.report = (long)i, .part = p, .top_line = s->scroll};
}

/* Where the supervisor is now. */
static struct ui_place session_place_now(struct ui *ui)
{
	struct ui_place now = {.report = ui->current, .part = ui->at.part, .top_line = ui->at.line};
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
