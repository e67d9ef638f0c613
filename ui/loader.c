/* Incremental loading: the input loop calls ui_loader_step between keys, so a
 * folder of thousands of reports opens at once and scores in the background
 * of the same thread while the UI keeps answering. */
#include "config.h"

#include <time.h>

#include "shenyue/compare.h"
#include "shenyue/similar.h"
#include "ui.h"

static double loader_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

void ui_loader_ensure(struct ui *ui, size_t i)
{
	if (i >= ui->batch.n || ui->batch.r[i].loaded)
		return;
	sy_report_load(&ui->batch.r[i], ui->batch.r[i].path, &ui->rubric);
	ui->load.nloaded++;
}

/* Advances past reports already loaded (on demand) to the next one to load. */
static size_t loader_next(const struct ui *ui, size_t from)
{
	while (from < ui->batch.n && ui->batch.r[from].loaded)
		from++;
	return from;
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
		};
		ui->load.crosscheck = sy_crosscheck_begin_opts(&ui->batch, &o);
		ui->load.crosscheck_n = ui->batch.n;
	}
	if (sy_crosscheck_step(ui->load.crosscheck)) {
		sy_crosscheck_free(ui->load.crosscheck);
		ui->load.crosscheck = NULL;
		ui->load.crosschecked = true;
	}
}

bool ui_loader_step(struct ui *ui, int budget_ms)
{
	if (ui_loader_done(ui))
		return false;
	double end = loader_now_ms() + budget_ms;
	size_t before = ui->load.nloaded;
	for (size_t *c = &ui->load.cursor; (*c = loader_next(ui, *c)) < ui->batch.n;) {
		ui_loader_ensure(ui, *c);
		if (loader_now_ms() >= end)
			break;
	}
	if (ui->load.cursor >= ui->batch.n) /* the desk may have loaded some itself */
		ui->load.nloaded = ui->batch.n;
	if (ui->load.nloaded != before)
		return true; /* the views hear of the last reports loaded before the cross-check begins */
	while (ui->load.nloaded >= ui->batch.n && !ui->load.crosschecked) {
		loader_crosscheck(ui); /* slices until the turn's time is spent */
		if (loader_now_ms() >= end)
			break;
	}
	return true;
}

bool ui_loader_done(const struct ui *ui)
{
	return ui->load.nloaded >= ui->batch.n && ui->load.crosschecked;
}
