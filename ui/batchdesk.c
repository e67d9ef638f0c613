/* The batch desk in the UI: the roster, the summary the status bar, the
 * list and the summary page read (rebuilt only when reports or reviews
 * changed), the unit and received date set by hand, and the live folder:
 * what another supervisor saved and report files that changed or arrived
 * come in without a restart (inotify wakes it on Linux, a timer elsewhere). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_SYS_INOTIFY_H
#include <sys/inotify.h>
#endif

#include "shenyue/review_store.h"
#include "shenyue/xalloc.h"
#include "ui.h"

#define LIVE_POLL_MS 1500        /* a look at the disk without inotify */
#define LIVE_POLL_INOTIFY_MS 5000 /* with inotify: only to catch what it missed */
#define FIRST_SEEN_PER_TURN 16   /* first-seen dates recorded per turn of the loop */

static double live_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* ---- opening ---- */

/* The folders a batch was given as, to watch for new reports. */
static void batchdesk_watch_folders(struct ui *ui, char *const *paths, size_t npaths)
{
	for (size_t i = 0; i < npaths; i++) {
		struct stat st;
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			sy_desk_watch_folder(&ui->desk, paths[i]);
	}
	if (!npaths)
		sy_desk_watch_folder(&ui->desk, ".");
}

int ui_batchdesk_open(struct ui *ui, const char *roster_path, char *const *paths, size_t npaths)
{
	struct ui_batchdesk *bd = &ui->bdesk;
	bd->inotify_fd = -1;
	bd->stale = true;
	char *path = sy_roster_pick(roster_path, paths, npaths, ui->config.roster);
	if (path) {
		char err[1024];
		if (sy_roster_load_file(&bd->roster, path, err, sizeof err) != 0) {
			fprintf(stderr, "shenyue: %s\n", err);
			free(path);
			return -1;
		}
		bd->have_roster = true;
	}
	free(path);
	return 0;
}

/* Starts watching once the desk is open. */
void ui_batchdesk_start(struct ui *ui, char *const *paths, size_t npaths)
{
	batchdesk_watch_folders(ui, paths, npaths);
	ui->bdesk.polled_ms = live_now_ms();
#ifdef HAVE_SYS_INOTIFY_H
	if (ui->config.live) {
		ui->bdesk.inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
		ui_live_watch(ui);
	}
#endif
}

void ui_batchdesk_close(struct ui *ui)
{
	struct ui_batchdesk *bd = &ui->bdesk;
	if (bd->built)
		sy_summary_free(&bd->sum);
	sy_roster_free(&bd->roster);
	if (bd->inotify_fd >= 0)
		close(bd->inotify_fd);
	memset(bd, 0, sizeof *bd);
	bd->inotify_fd = -1;
}

/* ---- the summary ---- */

void ui_summary_stale(struct ui *ui)
{
	ui->bdesk.stale = true;
}

/* Adds the findings that need the roster and the received dates: only
 * with a roster, the sign that the batch desk is in use (without one, every
 * copied file would be "late" by its modification time). */
static void batchdesk_findings(struct ui *ui, const struct sy_summary *s)
{
	if (!s->roster)
		return;
	for (size_t k = 0; k < s->nrows; k++) {
		struct sy_report *rep = &ui->batch.r[s->rows[k].index];
		if (!rep->loaded || rep->error)
			continue;
		if (s->roster)
			sy_roster_check_tells(s->roster, rep, s->rows[k].match.unit);
		sy_deadline_check(rep, &ui->rubric, s->year, &s->rows[k].received);
	}
}

const struct sy_summary *ui_summary(struct ui *ui)
{
	struct ui_batchdesk *bd = &ui->bdesk;
	/* every decision, undo and redo moves the desk's journal */
	bool decided = bd->undo_n != ui->desk.undo.n || bd->undo_pos != ui->desk.undo.pos;
	if (bd->built && !bd->stale && !decided)
		return &bd->sum;
	bd->undo_n = ui->desk.undo.n;
	bd->undo_pos = ui->desk.undo.pos;
	if (bd->built)
		sy_summary_free(&bd->sum);
	const struct sy_review **rv = xcalloc(ui->batch.n ? ui->batch.n : 1, sizeof *rv);
	for (size_t i = 0; i < ui->batch.n && i < ui->desk.n; i++)
		rv[i] = sy_desk_review(&ui->desk, i);
	sy_summary_build(&bd->sum, &ui->batch, &ui->rubric, bd->have_roster ? &bd->roster : NULL, rv);
	free(rv);
	batchdesk_findings(ui, &bd->sum);
	bd->built = true;
	bd->stale = false;
	return &bd->sum;
}

bool ui_report_late(struct ui *ui, size_t i)
{
	if (!ui->bdesk.have_roster)
		return false;
	const struct sy_summary *s = ui_summary(ui);
	return i < s->nrows && s->rows[i].late;
}

size_t ui_count_not_received(struct ui *ui)
{
	return ui->bdesk.have_roster ? ui_summary(ui)->not_received : 0;
}

/* ---- by hand: unit and received date ---- */

static int batchdesk_done(struct ui *ui, int rc, const char *ok)
{
	ui_summary_stale(ui);
	struct ui_event ev = {.kind = UI_EVENT_LOADED, .part = -1, .line = -1};
	ui_emit(ui, &ev);
	if (rc == SY_DESK_OK && !ui->desk.msg[0])
		ui_message(ui, false, _("saved: %s"), ok);
	else
		ui_desk_said(ui, rc);
	return UI_REDRAW;
}

static int batchdesk_unit_text(struct ui *ui, const char *text)
{
	struct ui_batchdesk *bd = &ui->bdesk;
	if (*text && bd->have_roster && sy_roster_find_unit(&bd->roster, text) < 0) {
		ui_message(ui, true, _("%s is not on the roster (%s): nothing changed"), text, bd->roster.source);
		return UI_REDRAW;
	}
	int rc = sy_desk_set_unit(&ui->desk, (size_t)ui->task.report, text);
	char ok[256];
	snprintf(ok, sizeof ok, *text ? _("unit %s") : _("unit assignment removed"), text);
	return batchdesk_done(ui, rc, ok);
}

int ui_assign_unit(struct ui *ui)
{
	ui_task_reset(ui);
	ui->task.report = ui->current;
	if (ui->current < 0) {
		ui_message(ui, true, "%s", _("no report selected"));
		return UI_REDRAW;
	}
	const struct sy_item *it = sy_review_get(sy_desk_review(&ui->desk, (size_t)ui->current), SY_KEY_UNIT);
	const struct sy_summary *s = ui_summary(ui);
	const struct sy_match *m = &s->rows[ui->current].match;
	const char *now = it ? it->value : m->unit >= 0 ? ui->bdesk.roster.u[m->unit].name : NULL;
	char label[320];
	snprintf(label, sizeof label, _("Unit of %s (empty: match it again by itself): "),
		 ui_report_name(&ui->batch.r[ui->current]));
	return ui_prompt_text(ui, label, now, batchdesk_unit_text);
}

static int batchdesk_received_text(struct ui *ui, const char *text)
{
	int rc = sy_desk_set_received(&ui->desk, (size_t)ui->task.report, text);
	char ok[256];
	const struct sy_item *it = sy_review_get(sy_desk_review(&ui->desk, (size_t)ui->task.report), SY_KEY_RECEIVED);
	snprintf(ok, sizeof ok, it ? _("received %s") : _("received date removed"), it ? it->value : "");
	return batchdesk_done(ui, rc, ok);
}

int ui_set_received(struct ui *ui)
{
	ui_task_reset(ui);
	ui->task.report = ui->current;
	if (ui->current < 0) {
		ui_message(ui, true, "%s", _("no report selected"));
		return UI_REDRAW;
	}
	struct sy_received rc = sy_received_of(ui->batch.r[ui->current].path, sy_desk_review(&ui->desk, (size_t)ui->current));
	char now[16];
	sy_date_format(&rc.date, now, sizeof now);
	char label[320];
	snprintf(label, sizeof label, _("Received %s on (2025-02-27; empty: as recorded): "),
		 ui_report_name(&ui->batch.r[ui->current]));
	return ui_prompt_text(ui, label, rc.from == SY_RECEIVED_HAND ? now : NULL, batchdesk_received_text);
}

/* ---- the live folder ---- */

void ui_live_watch(struct ui *ui)
{
#ifdef HAVE_SYS_INOTIFY_H
	int fd = ui->bdesk.inotify_fd;
	if (fd < 0)
		return;
	const uint32_t mask = IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB;
	for (size_t k = 0; k < ui->desk.folders.n; k++)
		inotify_add_watch(fd, ui->desk.folders.v[k], mask);
	char *last = NULL;
	for (size_t i = 0; i < ui->batch.n; i++) {
		char *dir = sy_store_dir(ui->batch.r[i].path, ui->desk.state_dir);
		const char *slash = strrchr(ui->batch.r[i].path, '/');
		char *folder = slash ? xstrndup(ui->batch.r[i].path, (size_t)(slash - ui->batch.r[i].path) + (slash == ui->batch.r[i].path)) : xstrdup(".");
		if (!last || strcmp(last, dir)) {
			inotify_add_watch(fd, dir, mask); /* fails harmlessly while it does not exist */
			inotify_add_watch(fd, folder, mask);
		}
		free(folder);
		free(last);
		last = dir;
	}
	free(last);
#else
	(void)ui;
#endif
}

/* True when inotify has something to say (its queue is drained). */
static bool live_woken(struct ui *ui)
{
#ifdef HAVE_SYS_INOTIFY_H
	int fd = ui->bdesk.inotify_fd;
	bool any = false;
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	while (fd >= 0 && read(fd, buf, sizeof buf) > 0)
		any = true;
	return any;
#else
	(void)ui;
	return false;
#endif
}

/* With a roster, the date each report was first seen is recorded, a few per turn. */
static void live_first_seen(struct ui *ui)
{
	struct ui_batchdesk *bd = &ui->bdesk;
	if (!bd->have_roster)
		return;
	time_t now = time(NULL);
	for (int k = 0; k < FIRST_SEEN_PER_TURN && bd->seen_cursor < ui->desk.n; k++, bd->seen_cursor++) {
		int rc = sy_desk_record_first_seen(&ui->desk, bd->seen_cursor, now);
		if (rc >= 0 && rc != SY_DESK_UNCHANGED)
			bd->stale = true;
	}
}

/* Takes in what sy_desk_poll found: reloads changed reports, adds new ones. */
static void live_apply(struct ui *ui, const struct sy_desk_changes *c)
{
	bool current_touched = false;
	for (size_t k = 0; k < c->nreports; k++) {
		ui_loader_reload(ui, c->reports[k]); /* LibreOffice may take seconds: not on this thread */
		current_touched |= (long)c->reports[k] == ui->current;
	}
	for (size_t k = 0; k < c->added.n; k++)
		sy_desk_add_report(&ui->desk, c->added.v[k]);
	for (size_t k = 0; k < c->nreviews; k++)
		current_touched |= (long)c->reviews[k] == ui->current;
	if (c->nreports || c->added.n)
		ui->load.crosschecked = false; /* the duplicate check sees the new text */
	if (c->added.n || current_touched) {
		long keep = ui->current; /* the batch may have moved: every view looks again */
		ui->current = -1;
		ui_show_report(ui, keep);
	}
}

int ui_live_step(struct ui *ui, bool now)
{
	struct ui_batchdesk *bd = &ui->bdesk;
	live_first_seen(ui);
	double t = live_now_ms();
	double every = bd->inotify_fd >= 0 ? LIVE_POLL_INOTIFY_MS : LIVE_POLL_MS;
	bool woken = live_woken(ui);
	if (!woken && !now && (!ui->config.live || t - bd->polled_ms < every))
		return UI_NONE;
	bd->polled_ms = t;
	if (woken)
		ui_live_watch(ui); /* a review folder made meanwhile is watched from now on */
	struct sy_desk_changes c;
	size_t n = sy_desk_poll(&ui->desk, &c);
	if (n) {
		live_apply(ui, &c);
		char what[1024];
		sy_desk_changes_describe(&ui->desk, &c, what, sizeof what);
		ui_message(ui, false, "%s", what);
		ui_live_watch(ui); /* the folders of new reports */
		bd->stale = true;
		struct ui_event ev = {.kind = UI_EVENT_LOADED, .part = -1, .line = -1};
		ui_emit(ui, &ev);
	}
	sy_desk_changes_free(&c);
	return n || now ? UI_REDRAW : UI_NONE;
}
