/* Loading in the background: worker threads (pool.h) read and score the
 * batch's reports while the UI answers keys; between keys the input loop
 * takes in the reports they finished (ui_loader_step). A report is kept
 * compact once scored: its results stay, its text is read again when a
 * view shows it (ui_loader_ensure), and only the last few shown keep it,
 * so a batch of 100,000 reports fits in memory; its print (what the
 * comparisons read, about 5 KB) waits in a temporary file (a spool) and is
 * read back by the comparisons. Then the duplicate check and the
 * comparisons run one slice per turn. */
#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shenyue/compare.h"
#include "shenyue/similar.h"
#include "shenyue/spool.h"
#include "shenyue/textprint.h"
#include "shenyue/xalloc.h"
#include "ui.h"

/* Reports that keep their text besides the one shown. */
#define LOADER_TEXTS UI_LOADER_TEXTS
/* Longest wait for a worker between two looks at the keyboard. */
#define LOADER_WAIT_MS 10
/* Least time between two redraws for reports taken in. */
#define LOADER_REDRAW_MS 100

/* A report a worker reads: its path as the batch had it, and the report. */
struct ui_load_job {
	char *path;
	const struct sy_rubric *rubric;
	struct sy_report rep;
};

static double loader_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* On a worker: reads, scores and compacts one report. */
static void loader_job(void *ctx, size_t i)
{
	struct ui_load_job *job = &((struct ui_load_job *)ctx)[i];
	if (!job->path) /* loaded before the workers began */
		return;
	sy_report_load(&job->rep, job->path, job->rubric);
	sy_report_compact(&job->rep);
}

/* Starts the workers on the reports not loaded yet (once). */
static void loader_start(struct ui *ui)
{
	struct ui_loading *l = &ui->load;
	if (l->started || !ui->batch.n)
		return;
	l->started = true;
	l->njobs = ui->batch.n;
	l->jobs = xcalloc(l->njobs, sizeof *l->jobs);
	for (size_t i = 0; i < l->njobs; i++) {
		l->jobs[i].path = ui->batch.r[i].loaded ? NULL : xstrdup(ui->batch.r[i].path);
		l->jobs[i].rubric = &ui->rubric;
	}
	/* TRANSLATORS: the status bar while reports are read. */
	sy_progress_begin(&l->progress, _("loading"), l->njobs, NULL);
	l->pool = sy_pool_start(l->njobs, l->threads, 0, loader_job, l->jobs);
}

/* Moves the report's print (about 5 KB: a third of what a compact report
 * holds) to the prints' spool, where the cross-check reads it back
 * (loader_print); kept in memory when the spool fails. */
static void loader_spool_print(struct ui_loading *l, struct sy_report *rep)
{
	if (!rep->print)
		return;
	if (!l->prints)
		l->prints = sy_spool_open(false);
	l->ptmp.len = 0;
	sy_textprint_pack(rep->print, &l->ptmp);
	uint64_t at = sy_spool_put(l->prints, l->ptmp.data, l->ptmp.len);
	if (at == UINT64_MAX)
		return;
	rep->print_at = at;
	rep->print_len = l->ptmp.len;
	sy_textprint_free(rep->print);
	rep->print = NULL;
}

/* Report i's print for the cross-check (o.print), newly made: read back
 * from the spool, or copied when the report holds it (loaded on this
 * thread, or reloaded, since the spooling). */
static struct sy_textprint *loader_print(void *ctx, size_t i)
{
	struct ui *ui = ctx;
	struct ui_loading *l = &ui->load;
	if (i >= ui->batch.n)
		return NULL;
	const struct sy_report *rep = &ui->batch.r[i];
	l->ptmp.len = 0;
	if (rep->print)
		sy_textprint_pack(rep->print, &l->ptmp);
	else if (!rep->print_len || !l->prints || sy_spool_get(l->prints, rep->print_at, rep->print_len, &l->ptmp))
		return NULL;
	return sy_textprint_unpack(l->ptmp.data, l->ptmp.len);
}

/* Takes in job i's report when it is still the batch's report i and not
 * loaded meanwhile (the live folder reloads reports itself). */
static void loader_take(struct ui *ui, size_t i)
{
	struct ui_load_job *job = &ui->load.jobs[i];
	if (!job->path)
		return;
	struct sy_report *rep = i < ui->batch.n ? &ui->batch.r[i] : NULL;
	if (rep && !rep->loaded && !strcmp(rep->path, job->path)) {
		free(rep->path);
		*rep = job->rep;
		loader_spool_print(&ui->load, rep);
		ui->load.nloaded++;
	} else {
		sy_report_free(&job->rep);
	}
	memset(&job->rep, 0, sizeof job->rep);
	free(job->path);
	job->path = NULL;
}

/* Takes in every report the workers finished, in batch order; returns how many. */
static size_t loader_take_done(struct ui *ui)
{
	struct ui_loading *l = &ui->load;
	size_t taken = 0;
	while (l->cursor < l->njobs && sy_pool_done(l->pool, l->cursor)) {
		loader_take(ui, l->cursor++);
		taken++;
	}
	sy_progress_update(&l->progress, l->cursor);
	return taken;
}

/* Makes room for report i among those keeping their text: the one longest
 * unseen lets it go (never the one shown). */
static void loader_remember_text(struct ui *ui, size_t i)
{
	struct ui_loading *l = &ui->load;
	size_t k = 0;
	while (k < l->ntexts && l->texts[k] != i)
		k++;
	if (k == l->ntexts && l->ntexts == LOADER_TEXTS) {
		size_t old = 0;
		while (old + 1 < l->ntexts && (long)l->texts[old] == ui->current)
			old++;
		size_t j = l->texts[old];
		if (j < ui->batch.n && (long)j != ui->current)
			sy_report_compact(&ui->batch.r[j]);
		k = old;
	}
	if (k < l->ntexts)
		memmove(&l->texts[k], &l->texts[k + 1], (l->ntexts - k - 1) * sizeof *l->texts);
	else
		l->ntexts++;
	l->texts[l->ntexts - 1] = i;
}

void ui_loader_ensure(struct ui *ui, size_t i)
{
	if (i >= ui->batch.n)
		return;
	struct sy_report *rep = &ui->batch.r[i];
	if (!rep->loaded) {
		/* the workers start from the input loop, after the first screen */
		if (ui->load.pool && i < ui->load.njobs && ui->load.jobs[i].path && i >= ui->load.cursor) {
			sy_pool_ensure(ui->load.pool, i); /* done here when no worker has it */
			loader_take(ui, i);
		}
		if (!rep->loaded) { /* added since the workers began */
			sy_report_load(rep, rep->path, &ui->rubric);
			loader_spool_print(&ui->load, rep);
			ui->load.nloaded++;
		}
	}
	if (sy_report_read_text(rep, &ui->rubric) == 0)
		loader_remember_text(ui, i);
}

/* The review of report i, for the comparisons' hand-assigned units. */
static const struct sy_review *loader_review(void *ctx, size_t i)
{
	struct ui *ui = ctx;
	return i < ui->desk.n ? sy_desk_review(&ui->desk, i) : NULL;
}

/* The duplicate check and the comparisons (compare.h) run one slice per
 * turn, so keys are answered while they go on; their findings appear
 * together when the last slice is done. A batch that grew meanwhile (the
 * live folder) starts them again. */
static void loader_crosscheck(struct ui *ui)
{
	if (ui->load.crosscheck && ui->load.crosscheck_n != ui->batch.n) {
		sy_crosscheck_free(ui->load.crosscheck);
		ui->load.crosscheck = NULL;
	}
	if (!ui->load.crosscheck) {
		struct sy_crosscheck_opts o = {
			.rubric = &ui->rubric,
			.roster = ui->bdesk.have_roster ? &ui->bdesk.roster : NULL,
			.review = loader_review,
			.ctx = ui,
			.print = loader_print,
			.print_ctx = ui,
			.threads = ui->load.threads,
		};
		ui->load.crosscheck = sy_crosscheck_begin_opts(&ui->batch, &o);
		ui->load.crosscheck_n = ui->batch.n;
	}
	if (sy_crosscheck_step(ui->load.crosscheck)) {
		sy_crosscheck_free(ui->load.crosscheck);
		ui->load.crosscheck = NULL;
		ui->load.crosschecked = true;
#ifdef HAVE_MALLOC_TRIM
		malloc_trim(0); /* the texts read and the comparisons' indexes are gone: give the memory back */
#endif
	}
}

/* Loads on this thread what the workers do not cover (reports added later). */
static void loader_rest(struct ui *ui, double end)
{
	for (size_t i = ui->load.njobs; i < ui->batch.n && loader_now_ms() < end; i++)
		if (!ui->batch.r[i].loaded) {
			sy_report_load(&ui->batch.r[i], ui->batch.r[i].path, &ui->rubric);
			sy_report_compact(&ui->batch.r[i]);
			loader_spool_print(&ui->load, &ui->batch.r[i]);
			ui->load.nloaded++;
		}
}

/* True when every report of the batch is loaded. */
static bool loader_all_loaded(struct ui *ui)
{
	if (ui->load.nloaded < ui->batch.n)
		for (size_t i = ui->load.nloaded = 0; i < ui->batch.n; i++)
			ui->load.nloaded += ui->batch.r[i].loaded;
	return ui->load.nloaded >= ui->batch.n;
}

/* Frees the jobs, and what a job not taken in still holds. */
static void loader_free_jobs(struct ui_loading *l)
{
	for (size_t i = 0; l->jobs && i < l->njobs; i++) {
		free(l->jobs[i].path);
		sy_report_free(&l->jobs[i].rep);
	}
	free(l->jobs);
	l->jobs = NULL;
}

bool ui_loader_step(struct ui *ui, int budget_ms)
{
	if (ui_loader_done(ui))
		return false;
	struct ui_loading *l = &ui->load;
	double start = loader_now_ms(), end = start + budget_ms;
	loader_start(ui);
	if (l->cursor < l->njobs) {
		if (!loader_take_done(ui)) {
			sy_pool_wait_any(l->pool, budget_ms < LOADER_WAIT_MS ? budget_ms : LOADER_WAIT_MS);
			loader_take_done(ui);
		}
		if (l->cursor < l->njobs) { /* redraw now and then, not for every report */
			if (start - l->drawn_ms < LOADER_REDRAW_MS)
				return false;
			l->drawn_ms = start;
			return true;
		}
		sy_pool_free(l->pool);
		l->pool = NULL;
		loader_free_jobs(l); /* all taken in: 500 bytes a report no longer needed */
		return true; /* the views hear of the last reports before the cross-check begins */
	}
	size_t before = l->nloaded;
	loader_rest(ui, end);
	if (!loader_all_loaded(ui))
		return true;
	bool took = l->nloaded != before;
	while (!l->crosschecked) {
		loader_crosscheck(ui); /* slices until the turn's time is spent */
		if (loader_now_ms() >= end)
			break;
	}
	/* a slice of the cross-check changes nothing the views show (the status
	 * bar says it goes on): they hear of it when its findings are in */
	return took || l->crosschecked;
}

bool ui_loader_done(const struct ui *ui)
{
	return ui->load.nloaded >= ui->batch.n && ui->load.crosschecked;
}

void ui_loader_progress(const struct ui *ui, char *buf, size_t len)
{
	if (ui->load.started)
		sy_progress_format(&ui->load.progress, buf, len);
	else /* the workers have not begun */
		snprintf(buf, len, "%s %zu/%zu", _("loading"), ui->load.nloaded, ui->batch.n);
}

void ui_loader_free(struct ui *ui)
{
	struct ui_loading *l = &ui->load;
	sy_pool_free(l->pool);
	loader_free_jobs(l);
	sy_crosscheck_free(l->crosscheck);
	sy_spool_close(l->prints);
	sy_buf_free(&l->ptmp);
	memset(l, 0, sizeof *l);
}
