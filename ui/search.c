/* Search in the viewer: every hit of a substring (Chinese or not) in the
 * report's original text, highlighted; n / N step through them. Separate
 * from the list filter. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

static void search_clear_hits(struct ui_viewer *v)
{
	free(v->hits);
	v->hits = NULL;
	v->nhits = 0;
	v->hit = -1;
}

static void search_add_hit(struct ui_viewer *v, size_t *cap, size_t line, size_t off, size_t len)
{
	if (v->nhits == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		v->hits = xreallocarray(v->hits, *cap, sizeof *v->hits);
	}
	v->hits[v->nhits++] = (struct ui_hit){line, off, len};
}

/* Finds the hits of v->query in the current report, in line order. */
static void search_find(struct ui *ui)
{
	struct ui_viewer *v = &ui->viewer;
	struct sy_report *rep = ui_current_report(ui);
	search_clear_hits(v);
	v->hits_for = ui->current;
	size_t qlen = strlen(v->query), cap = 0;
	if (!qlen || !rep || !rep->loaded || rep->error)
		return;
	for (size_t l = 0; l < rep->doc.nlines; l++) {
		const char *text = rep->doc.lines[l].text;
		for (const char *p = strstr(text, v->query); p; p = strstr(p + qlen, v->query))
			search_add_hit(v, &cap, l, (size_t)(p - text), qlen);
	}
}

void ui_search_refresh(struct ui *ui)
{
	if (ui->viewer.hits_for != ui->current)
		search_find(ui);
}

void ui_search_run(struct ui *ui, const char *query)
{
	snprintf(ui->viewer.query, sizeof ui->viewer.query, "%s", query);
	search_find(ui);
	if (!query[0])
		return;
	if (!ui->viewer.nhits) {
		ui_message(ui, true, _("not found: %s"), query);
		return;
	}
	ui_search_step(ui, 1);
}

/* Returns the first hit at or after the viewer's top line. */
static long search_first_visible(struct ui *ui)
{
	struct ui_viewer *v = &ui->viewer;
	ui_viewer_prepare(ui);
	size_t top_line = v->nrows ? v->rows[v->top].line : 0;
	for (size_t i = 0; i < v->nhits; i++)
		if (v->hits[i].line >= top_line)
			return (long)i;
	return 0;
}

int ui_search_step(struct ui *ui, int dir)
{
	struct ui_viewer *v = &ui->viewer;
	ui_search_refresh(ui);
	if (!v->query[0]) {
		ui_message(ui, false, "%s", _("no search yet: press / to search"));
		return UI_REDRAW;
	}
	if (!v->nhits) {
		ui_message(ui, true, _("not found: %s"), v->query);
		return UI_REDRAW;
	}
	long n = (long)v->nhits, next;
	if (v->hit < 0)
		next = dir > 0 ? search_first_visible(ui) : n - 1;
	else
		next = v->hit + dir;
	if (next >= n || next < 0)
		ui_message(ui, false, "%s", dir > 0 ? _("search wrapped to the top") : _("search wrapped to the bottom"));
	v->hit = (next % n + n) % n;
	ui_viewer_show_line(ui, v->hits[v->hit].line, false);
	return UI_REDRAW;
}

bool ui_search_is_hit(const struct ui *ui, size_t line, size_t off)
{
	const struct ui_viewer *v = &ui->viewer;
	if (v->hits_for != ui->current)
		return false;
	size_t lo = 0, hi = v->nhits;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v->hits[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < v->nhits && v->hits[i].line == line; i++)
		if (off >= v->hits[i].off && off < v->hits[i].off + v->hits[i].len)
			return true;
	return false;
}
