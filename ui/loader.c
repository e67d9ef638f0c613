/* Loading in the background: worker threads (pool.h) read and score the
 * batch's reports while the UI answers keys; between keys the input loop
 * takes in the reports they finished (ui_loader_step). A report is kept
 * compact once scored: its results stay, its text is read again when a
 * view shows it (ui_loader_want), and only the last few shown keep it,
 * so a batch of 100,000 reports fits in memory; its print (what the
 * comparisons read, about 5 KB) waits in a temporary file (a spool) and is
 * read back by the comparisons. Then the duplicate check and the
 * comparisons run one slice per turn.
 *
 * The report the supervisor moves onto is made ready on a thread of its
 * own (a fetch): its job run now, or its text read again. A .doc takes
 * LibreOffice seconds; the keys are answered meanwhile, the views say it is
 * loading, and fill in when the loop takes the fetch in. */
#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shenyue/compare.h"
#include "shenyue/docin.h"
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
/* How long moving onto a report waits for it before the views say it is
 * loading: a text or .docx is in by then, a .doc being converted is not. */
#define LOADER_QUICK_MS 150
/* How long a key that needs a report's text waits for it: a text or
 * .docx is in by then; a .doc LibreOffice converts is said to be still
 * converting, and the key is pressed again once it is shown. */
#define LOADER_NEED_MS 1000
/* Reports made ready at once off the input loop's thread. */
#define LOADER_FETCHES 2

/* A report a worker reads: its path as the batch had it, and the report. */
struct ui_load_job {
	char *path;
	const struct sy_rubric *rubric;
	struct sy_report rep;
	atomic_bool keep_text;  /* wanted on screen: not compacted (no second conversion) */
	bool stale;             /* the file changed since it began: what it read is dropped */
};

/* What a fetch does for its report. */
enum fetch_kind {
	FETCH_JOB,              /* runs (or waits for) the report's job in the pool */
	FETCH_LOAD,             /* loads a report the workers do not cover */
	FETCH_TEXT,             /* reads a compacted report's text again */
};

/* One fetch: a thread making one report ready. */
struct fetch_slot {
	bool busy;              /* started and not yet taken in (the input loop's view) */
	bool finished;          /* under the lock: the thread is through */
	bool stale;             /* the file changed since it began: what it made is dropped */
	bool background;        /* a report added or changed, not one the screen asked for */
	enum fetch_kind kind;
	size_t report;          /* batch index */
	char *path;             /* the report's path when asked */
	uint64_t hash;          /* FETCH_TEXT: the content scored */
	pthread_t thread;
	struct ui_fetches *owner;
	struct sy_pool *pool;   /* FETCH_JOB */
	const struct sy_rubric *rubric;
	struct sy_report rep;   /* FETCH_LOAD: the report read */
	struct sy_report_text text; /* FETCH_TEXT: the text read */
};

struct ui_fetches {
	pthread_mutex_t lock;
	pthread_cond_t done;    /* a fetch finished */
	struct fetch_slot slot[LOADER_FETCHES];
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
	sy_legacy_priority(&job->keep_text); /* once on screen, its conversion goes first */
	sy_report_load(&job->rep, job->path, job->rubric);
	sy_legacy_priority(NULL);
	if (!atomic_load(&job->keep_text))
		sy_report_compact(&job->rep);
}

/* The busy fetch of report i (of this kind, or any when kind is -1), or NULL. */
static struct fetch_slot *fetch_of(const struct ui_loading *l, size_t i, int kind)
{
	for (size_t k = 0; l->fetches && k < LOADER_FETCHES; k++) {
		struct fetch_slot *f = &l->fetches->slot[k];
		if (f->busy && f->report == i && (kind < 0 || (int)f->kind == kind))
			return f;
	}
	return NULL;
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
		bool skip = ui->batch.r[i].loaded || fetch_of(l, i, FETCH_LOAD);
		l->jobs[i].path = skip ? NULL : xstrdup(ui->batch.r[i].path);
		l->jobs[i].rubric = &ui->rubric;
	}
	/* TRANSLATORS: the status bar while reports are read. */
	sy_progress_begin(&l->progress, _("loading"), l->njobs, NULL);
	/* a worker even at -j 1: a job run on this thread between keys holds
	 * them for as long as it takes, seconds for a .doc, and which report is
	 * one LibreOffice converts is known only once its bytes are read */
	l->pool = sy_pool_start_beside(l->njobs, l->threads, 0, loader_job, l->jobs);
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
	if (rep->print)
		return sy_textprint_copy(rep->print);
	return l->prints ? sy_textprint_read(l->prints, rep->print_at, rep->print_len, &l->ptmp) : NULL;
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

/* Takes in job i's report when it is still the batch's report i and not
 * loaded meanwhile (the live folder reloads reports itself). */
static void loader_take(struct ui *ui, size_t i)
{
	struct ui_load_job *job = &ui->load.jobs[i];
	if (!job->path)
		return;
	struct sy_report *rep = i < ui->batch.n ? &ui->batch.r[i] : NULL;
	if (rep && !rep->loaded && !job->stale && !strcmp(rep->path, job->path)) {
		free(rep->path);
		*rep = job->rep;
		loader_spool_print(&ui->load, rep);
		ui->load.nloaded++;
		if (rep->doc.lines) /* kept for the screen: counted among those keeping theirs */
			loader_remember_text(ui, i);
	} else {
		sy_report_free(&job->rep);
	}
	memset(&job->rep, 0, sizeof job->rep);
	free(job->path);
	job->path = NULL;
}

/* Takes in the reports finished past the cursor's, which is still being
 * read (a .doc converting for seconds holds none of them back), up to the
 * next one not finished; returns how many. */
static size_t loader_take_past(struct ui *ui)
{
	struct ui_loading *l = &ui->load;
	size_t taken = 0;
	if (l->past <= l->cursor)
		l->past = l->cursor + 1;
	while (l->past < l->njobs && sy_pool_done(l->pool, l->past)) {
		taken += l->jobs[l->past].path != NULL;
		loader_take(ui, l->past++);
	}
	return taken;
}

/* Takes in every report the workers finished: in batch order, then those
 * past one still being read; returns how many. */
static size_t loader_take_done(struct ui *ui)
{
	struct ui_loading *l = &ui->load;
	size_t taken = 0;
	while (l->cursor < l->njobs && sy_pool_done(l->pool, l->cursor)) {
		loader_take(ui, l->cursor++); /* those taken past it already are passed over */
		taken++;
	}
	if (l->cursor < l->njobs)
		taken += loader_take_past(ui);
	sy_progress_update(&l->progress, l->nloaded < l->njobs ? l->nloaded : l->njobs);
	return taken;
}

/* ---- fetches: the report on screen made ready off this thread ---- */

/* A conversion that is always urgent: the report on screen's. */
static atomic_bool fetch_urgent = true;

/* On a fetch's thread: does its work, then says it is through. */
static void *fetch_run(void *arg)
{
	struct fetch_slot *f = arg;
	if (!f->background) /* the screen waits on it: its conversion goes first */
		sy_legacy_priority(&fetch_urgent);
	if (f->kind == FETCH_JOB)
		sy_pool_ensure(f->pool, f->report);
	else if (f->kind == FETCH_LOAD)
		sy_report_load(&f->rep, f->path, f->rubric);
	else
		sy_report_text_read(&f->text, f->path, f->hash, f->rubric);
	pthread_mutex_lock(&f->owner->lock);
	f->finished = true;
	pthread_cond_broadcast(&f->owner->done);
	pthread_mutex_unlock(&f->owner->lock);
	return NULL;
}

/* The fetches, made on first use. */
static struct ui_fetches *fetches_of(struct ui_loading *l)
{
	if (!l->fetches) {
		l->fetches = xcalloc(1, sizeof *l->fetches);
		pthread_mutex_init(&l->fetches->lock, NULL);
		pthread_cond_init(&l->fetches->done, NULL);
	}
	return l->fetches;
}

/* True when fetch f's thread is through (its results may be read). */
static bool fetch_finished(struct ui_fetches *fs, const struct fetch_slot *f)
{
	pthread_mutex_lock(&fs->lock);
	bool finished = f->finished;
	pthread_mutex_unlock(&fs->lock);
	return finished;
}

/* What kind of fetch makes report i ready: its job while the workers have
 * it, a load of its own, or its text again. */
static enum fetch_kind fetch_kind_for(const struct ui *ui, size_t i)
{
	const struct ui_loading *l = &ui->load;
	if (ui->batch.r[i].loaded)
		return FETCH_TEXT;
	if (l->pool && i < l->njobs && l->jobs[i].path && !l->jobs[i].stale)
		return FETCH_JOB;
	return FETCH_LOAD;
}

/* Starts a thread making report i ready in slot f (for the screen, or in
 * the background); -1 when none starts. */
static int fetch_start(struct ui *ui, struct fetch_slot *f, size_t i, bool background)
{
	const struct sy_report *rep = &ui->batch.r[i];
	*f = (struct fetch_slot){.kind = fetch_kind_for(ui, i), .report = i, .path = xstrdup(rep->path),
				 .hash = rep->doc.hash, .owner = ui->load.fetches, .pool = ui->load.pool,
				 .rubric = &ui->rubric, .background = background};
	if (f->kind == FETCH_JOB)
		atomic_store(&ui->load.jobs[i].keep_text, true);
	if (pthread_create(&f->thread, NULL, fetch_run, f) != 0) {
		free(f->path);
		memset(f, 0, sizeof *f);
		return -1;
	}
	f->busy = true;
	return 0;
}

/* Starts making report i ready unless a fetch has it or none is free:
 * 0; -1 when no thread could be started. */
static int fetch_ask(struct ui *ui, size_t i)
{
	struct ui_fetches *fs = fetches_of(&ui->load);
	if (fetch_of(&ui->load, i, -1))
		return 0;
	for (size_t k = 0; k < LOADER_FETCHES; k++)
		if (!fs->slot[k].busy)
			return fetch_start(ui, &fs->slot[k], i, false);
	return 0; /* every fetch is busy: the loop asks again when one is through */
}

/* Takes in what a FETCH_LOAD read, when report i still wants it. */
static bool fetch_take_load(struct ui *ui, struct fetch_slot *f)
{
	struct sy_report *rep = f->report < ui->batch.n ? &ui->batch.r[f->report] : NULL;
	if (!rep || rep->loaded || strcmp(rep->path, f->path)) {
		sy_report_free(&f->rep);
		return false;
	}
	free(rep->path);
	*rep = f->rep;
	memset(&f->rep, 0, sizeof f->rep);
	loader_spool_print(&ui->load, rep);
	ui->load.nloaded++;
	return true;
}

/* Takes in what a FETCH_TEXT read, when report i still lacks its text;
 * when the file no longer holds what was scored, gives up on it. */
static bool fetch_take_text(struct ui *ui, struct fetch_slot *f)
{
	struct sy_report *rep = f->report < ui->batch.n ? &ui->batch.r[f->report] : NULL;
	if (!rep || strcmp(rep->path, f->path) || rep->doc.lines) {
		sy_report_text_free(&f->text);
		return false;
	}
	if (sy_report_text_take(rep, &f->text) != 0)
		ui->load.given_up = (long)f->report;
	return true;
}

/* Lets the text of a report loaded in the background go, unless it is the
 * one shown or a converted one (reading it again is another conversion,
 * seconds); those kept count among the reports keeping theirs. */
static void fetch_keep_text(struct ui *ui, const struct fetch_slot *f)
{
	struct sy_report *rep = &ui->batch.r[f->report];
	if (!rep->doc.lines)
		return;
	if (f->background && (long)f->report != ui->current && rep->doc.kind != SY_KIND_DOC)
		sy_report_compact(rep);
	else
		loader_remember_text(ui, f->report);
}

/* Takes in fetch f, which is through: its thread joined, its report given
 * what it made (nothing when the file changed since). Returns true when
 * the report changed. */
static bool fetch_take(struct ui *ui, struct fetch_slot *f)
{
	pthread_join(f->thread, NULL);
	bool took = false;
	if (f->kind == FETCH_JOB) {
		bool waiting = ui->load.jobs && f->report >= ui->load.cursor && ui->load.jobs[f->report].path;
		if (waiting)
			loader_take(ui, f->report); /* a stale job is dropped there */
		took = waiting;
	} else if (f->stale) {
		sy_report_free(&f->rep);
		sy_report_text_free(&f->text);
	} else {
		took = f->kind == FETCH_LOAD ? fetch_take_load(ui, f) : fetch_take_text(ui, f);
	}
	if (took && f->report < ui->batch.n)
		fetch_keep_text(ui, f);
	free(f->path);
	memset(f, 0, sizeof *f);
	return took;
}

/* Takes in every fetch that is through (all, waiting for them, when wait
 * is true). Returns true when a report changed. */
static bool fetch_collect(struct ui *ui, bool wait)
{
	struct ui_fetches *fs = ui->load.fetches;
	bool took = false;
	for (size_t k = 0; fs && k < LOADER_FETCHES; k++) {
		struct fetch_slot *f = &fs->slot[k];
		if (f->busy && (wait || fetch_finished(fs, f)))
			took |= fetch_take(ui, f);
	}
	return took;
}

/* Waits up to ms milliseconds for a fetch (of report i, or any when i is
 * SIZE_MAX) to be through. */
static void fetch_wait(struct ui *ui, size_t i, int ms)
{
	struct ui_fetches *fs = ui->load.fetches;
	if (!fs)
		return;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_nsec += (long)ms * 1000000L;
	until.tv_sec += until.tv_nsec / 1000000000L;
	until.tv_nsec %= 1000000000L;
	pthread_mutex_lock(&fs->lock);
	for (;;) {
		bool any = false, through = false;
		for (size_t k = 0; k < LOADER_FETCHES; k++) {
			const struct fetch_slot *f = &fs->slot[k];
			if (f->busy && (i == SIZE_MAX || f->report == i)) {
				any = true;
				through |= f->finished;
			}
		}
		if (!any || through || pthread_cond_timedwait(&fs->done, &fs->lock, &until) != 0)
			break;
	}
	pthread_mutex_unlock(&fs->lock);
}

/* True when a fetch is under way. */
static bool fetch_busy(const struct ui_loading *l)
{
	for (size_t k = 0; l->fetches && k < LOADER_FETCHES; k++)
		if (l->fetches->slot[k].busy)
			return true;
	return false;
}

/* Stops the fetches: waits for each (a conversion under way is stopped
 * first: ui_loader_free) and frees what they made. */
static void fetch_free(struct ui *ui)
{
	struct ui_fetches *fs = ui->load.fetches;
	if (!fs)
		return;
	for (size_t k = 0; k < LOADER_FETCHES; k++)
		if (fs->slot[k].busy) {
			pthread_join(fs->slot[k].thread, NULL);
			sy_report_free(&fs->slot[k].rep);
			sy_report_text_free(&fs->slot[k].text);
			free(fs->slot[k].path);
		}
	pthread_mutex_destroy(&fs->lock);
	pthread_cond_destroy(&fs->done);
	free(fs);
	ui->load.fetches = NULL;
}

/* True when report i can be shown as it is: read (or unreadable) and
 * holding its text, or its text could not be read again. */
static bool loader_ready(const struct ui *ui, size_t i)
{
	const struct sy_report *rep = &ui->batch.r[i];
	return rep->loaded && (rep->error || rep->doc.lines || ui->load.given_up == (long)i);
}

/* Makes report i ready on this thread (no fetch thread could start). */
static void loader_ready_here(struct ui *ui, size_t i)
{
	struct sy_report *rep = &ui->batch.r[i];
	if (!rep->loaded && fetch_kind_for(ui, i) == FETCH_JOB) {
		sy_pool_ensure(ui->load.pool, i); /* done here when no worker has it */
		loader_take(ui, i);
	}
	if (!rep->loaded) {
		sy_report_load(rep, rep->path, &ui->rubric);
		loader_spool_print(&ui->load, rep);
		ui->load.nloaded++;
	}
	if (sy_report_read_text(rep, &ui->rubric) != 0)
		ui->load.given_up = (long)i;
}

/* Asks for report i to be made ready (once a fetch is free); true when it is now. */
static bool loader_ask(struct ui *ui, size_t i, int wait_ms)
{
	fetch_collect(ui, false);
	if (!loader_ready(ui, i) && fetch_ask(ui, i) != 0)
		loader_ready_here(ui, i);
	if (!loader_ready(ui, i) && wait_ms > 0) {
		fetch_wait(ui, i, wait_ms);
		fetch_collect(ui, false);
	}
	if (!loader_ready(ui, i))
		return false;
	if (ui->batch.r[i].doc.lines)
		loader_remember_text(ui, i);
	return true;
}

/* Asks for report i (afresh: a text given up on is tried again) and waits
 * up to ms milliseconds for it; true when it is ready. */
static bool loader_wait(struct ui *ui, size_t i, int ms)
{
	if (i >= ui->batch.n)
		return false;
	if (ui->load.given_up == (long)i) /* asked again: the file may be back */
		ui->load.given_up = -1;
	return loader_ask(ui, i, ms);
}

/* Report i's format: as read, else as its name says (.doc: LibreOffice). */
static enum sy_doc_kind loader_kind(const struct ui *ui, size_t i)
{
	const struct sy_report *rep = &ui->batch.r[i];
	return rep->loaded ? rep->doc.kind : sy_reader_kind_of_name(rep->path);
}

bool ui_loader_want(struct ui *ui, size_t i)
{
	/* a conversion takes seconds: no use waiting a moment for it */
	bool converted = i < ui->batch.n && loader_kind(ui, i) == SY_KIND_DOC;
	return loader_wait(ui, i, converted ? 0 : LOADER_QUICK_MS);
}

bool ui_loader_need(struct ui *ui, size_t i)
{
	if (loader_wait(ui, i, LOADER_NEED_MS))
		return true;
	if (i < ui->batch.n)
		ui_loader_say_waiting(ui, i);
	return false;
}

const char *ui_loader_waiting(const struct ui *ui, size_t i)
{
	if (i >= ui->batch.n || loader_ready(ui, i))
		return NULL;
	/* TRANSLATORS: the viewer and checklist while a .doc or .wps is converted. */
	return loader_kind(ui, i) == SY_KIND_DOC ? _("converting with LibreOffice…") : _("loading…");
}

int ui_loader_say_waiting(struct ui *ui, size_t i)
{
	const struct sy_report *rep = &ui->batch.r[i];
	if (loader_kind(ui, i) == SY_KIND_DOC)
		ui_message(ui, false, _("%s is still being converted by LibreOffice: try again in a moment"),
			   ui_report_name(rep));
	else
		ui_message(ui, false, _("%s is still loading: try again in a moment"), ui_report_name(rep));
	return UI_REDRAW;
}

/* Marks what is being read for report i as read from the file before it
 * changed: it is dropped when it comes in. */
static void loader_forget(struct ui_loading *l, size_t i)
{
	if (l->jobs && i < l->njobs)
		l->jobs[i].stale = true;
	for (size_t k = 0; l->fetches && k < LOADER_FETCHES; k++)
		if (l->fetches->slot[k].busy && l->fetches->slot[k].report == i)
			l->fetches->slot[k].stale = true;
	if (l->given_up == (long)i)
		l->given_up = -1;
}

void ui_loader_reload(struct ui *ui, size_t i)
{
	struct ui_loading *l = &ui->load;
	if (i >= ui->batch.n)
		return;
	if (ui->batch.r[i].loaded && l->nloaded)
		l->nloaded--;
	sy_desk_unload(&ui->desk, i);
	loader_forget(l, i);
	sy_crosscheck_free(l->crosscheck); /* it read the report gone: begun again once all are in */
	l->crosscheck = NULL;
	l->crosschecked = false;
	for (size_t k = 0; k < l->nreload; k++)
		if (l->reload[k] == i)
			return;
	l->reload = xreallocarray(l->reload, l->nreload + 1, sizeof *l->reload);
	l->reload[l->nreload++] = i;
}

/* One turn of the fetches: takes in those through, and asks again for the
 * report shown when it is not ready. Returns true when a report changed. */
static bool loader_fetch_turn(struct ui *ui)
{
	bool took = fetch_collect(ui, false);
	if (ui->current >= 0 && (size_t)ui->current < ui->batch.n && !loader_ready(ui, (size_t)ui->current))
		loader_ask(ui, (size_t)ui->current, 0);
	return took;
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

/* True when report i is for the background to load: not loaded, no fetch
 * at it, and no job of the workers that still counts. */
static bool loader_rest_wants(const struct ui *ui, size_t i)
{
	const struct ui_loading *l = &ui->load;
	if (i >= ui->batch.n || ui->batch.r[i].loaded || fetch_of(l, i, -1))
		return false;
	return !(l->jobs && i < l->njobs && l->jobs[i].path && !l->jobs[i].stale);
}

/* The next report the workers do not cover: one whose file changed, else
 * one added later; SIZE_MAX when none waits. */
static size_t loader_rest_next(struct ui *ui)
{
	struct ui_loading *l = &ui->load;
	for (size_t k = 0; k < l->nreload;) {
		size_t i = l->reload[k];
		if (i < ui->batch.n && !ui->batch.r[i].loaded) {
			if (loader_rest_wants(ui, i))
				return i;
			k++;
		} else { /* loaded meanwhile (shown), or gone */
			l->reload[k] = l->reload[--l->nreload];
		}
	}
	if (l->rest < l->njobs)
		l->rest = l->njobs;
	while (l->rest < ui->batch.n && ui->batch.r[l->rest].loaded)
		l->rest++;
	for (size_t i = l->rest; i < ui->batch.n; i++)
		if (loader_rest_wants(ui, i))
			return i;
	return SIZE_MAX;
}

/* How many fetches load reports in the background. */
static size_t fetch_background(const struct ui_loading *l)
{
	size_t n = 0;
	for (size_t k = 0; l->fetches && k < LOADER_FETCHES; k++)
		n += l->fetches->slot[k].busy && l->fetches->slot[k].background;
	return n;
}

/* Loads what the workers do not cover (reports added later, or changed on
 * disk) on a fetch of its own, one at a time, so a .doc converting for
 * seconds holds no key; one fetch stays free for the report shown. */
static void loader_rest(struct ui *ui)
{
	struct ui_loading *l = &ui->load;
	if (fetch_background(l) >= LOADER_FETCHES - 1)
		return;
	size_t i = loader_rest_next(ui);
	struct ui_fetches *fs = fetches_of(l);
	for (size_t k = 0; i != SIZE_MAX && k < LOADER_FETCHES; k++) {
		struct fetch_slot *f = &fs->slot[k];
		if (f->busy)
			continue;
		if (fetch_start(ui, f, i, true) != 0) { /* no thread: here, as before */
			sy_report_load(&ui->batch.r[i], ui->batch.r[i].path, &ui->rubric);
			sy_report_compact(&ui->batch.r[i]);
			loader_spool_print(l, &ui->batch.r[i]);
			l->nloaded++;
		}
		return;
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

/* Takes in the fetches running jobs of the pool, which is through with
 * every job (their threads are at most returning), before it goes. */
static void fetch_finish_jobs(struct ui *ui)
{
	for (size_t k = 0; ui->load.fetches && k < LOADER_FETCHES; k++)
		if (ui->load.fetches->slot[k].busy && ui->load.fetches->slot[k].kind == FETCH_JOB)
			fetch_take(ui, &ui->load.fetches->slot[k]);
}

/* The batch's turn: takes in what the workers read, loads reports added
 * later, runs the cross-check; returns true when the views should look again. */
static bool loader_batch_step(struct ui *ui, int budget_ms)
{
	struct ui_loading *l = &ui->load;
	double start = loader_now_ms(), end = start + budget_ms;
	loader_start(ui);
	loader_rest(ui); /* reports added or changed meanwhile, the workers busy or not */
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
		fetch_finish_jobs(ui);
		sy_pool_free(l->pool);
		l->pool = NULL;
		loader_free_jobs(l); /* all taken in: 500 bytes a report no longer needed */
		return true; /* the views hear of the last reports before the cross-check begins */
	}
	size_t before = l->nloaded;
	if (!loader_all_loaded(ui)) {
		if (l->nloaded == before) /* what is left is a fetch's: wait for it a little */
			fetch_wait(ui, SIZE_MAX, LOADER_WAIT_MS);
		return l->nloaded != before;
	}
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

bool ui_loader_step(struct ui *ui, int budget_ms)
{
	bool fetched = loader_fetch_turn(ui);
	if (!ui_loader_done(ui))
		return loader_batch_step(ui, budget_ms) || fetched;
	if (fetch_busy(&ui->load)) { /* only a fetch goes on: wait for it a little, as for the workers */
		fetch_wait(ui, SIZE_MAX, budget_ms < LOADER_WAIT_MS ? budget_ms : LOADER_WAIT_MS);
		fetched |= loader_fetch_turn(ui);
	}
	return fetched;
}

bool ui_loader_done(const struct ui *ui)
{
	return ui->load.nloaded >= ui->batch.n && ui->load.crosschecked;
}

bool ui_loader_idle(const struct ui *ui)
{
	return ui_loader_done(ui) && !fetch_busy(&ui->load);
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
	/* a conversion under way is stopped, not waited for (up to its time
	 * limit): nothing it would bring is kept, every review is saved already */
	sy_legacy_stop(true);
	fetch_free(ui); /* before the pool its jobs may wait on */
	sy_pool_free(l->pool);
	sy_legacy_stop(false);
	loader_free_jobs(l);
	sy_crosscheck_free(l->crosscheck);
	sy_spool_close(l->prints);
	sy_buf_free(&l->ptmp);
	free(l->reload);
	memset(l, 0, sizeof *l);
}
