/* The checklist pane: one item per rubric part (✓ ~ ✗, label, matched
 * heading and line), the score, then the findings with their severity.
 * Enter on an item scrolls the viewer to its line and highlights it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

/* One screen row of the pane: a row of an item, or a heading row (item -1). */
struct check_row {
	long item;
	size_t start, end;      /* bytes of the item's text drawn on this row */
	int kind;               /* 0 part line 1, 1 part line 2, 2 finding, 3 header */
};

static const struct sy_rect *check_rect(const struct ui *ui)
{
	return &ui->lay.pane[SY_PANE_CHECKLIST];
}

size_t ui_checklist_count(struct ui *ui)
{
	struct sy_report *rep = ui_current_report(ui);
	if (!rep || !rep->loaded || rep->error)
		return 0;
	return rep->score.nparts + rep->score.nf;
}

static const char *check_severity_mark(enum sy_severity s)
{
	return s == SY_SEV_ERROR ? "E" : s == SY_SEV_WARNING ? "W" : "I";
}

static enum sy_slot check_severity_slot(enum sy_severity s)
{
	return s == SY_SEV_ERROR ? SY_SLOT_ERROR : s == SY_SEV_WARNING ? SY_SLOT_WARNING : SY_SLOT_INFO;
}

static void check_push(struct check_row **rows, size_t *n, struct check_row r)
{
	*rows = xreallocarray(*rows, *n + 1, sizeof **rows);
	(*rows)[(*n)++] = r;
}

/* Builds the pane's rows for text width w: two per part, a header before the
 * findings, then each finding's message wrapped. */
static struct check_row *check_rows(struct ui *ui, const struct sy_report *rep, int w, size_t *n)
{
	struct check_row *rows = NULL;
	*n = 0;
	for (size_t p = 0; p < rep->score.nparts; p++) {
		check_push(&rows, n, (struct check_row){(long)p, 0, 0, 0});
		check_push(&rows, n, (struct check_row){(long)p, 0, 0, 1});
	}
	check_push(&rows, n, (struct check_row){-1, 0, 0, 3});
	for (size_t f = 0; f < rep->score.nf; f++) {
		const char *msg = rep->score.f[f].message ? rep->score.f[f].message : "";
		size_t len = strlen(msg), pos = 0;
		int cols = w - 8 > 8 ? w - 8 : 8;
		do {
			size_t b = sy_width_wrap(msg + pos, len - pos, (size_t)cols);
			check_push(&rows, n, (struct check_row){(long)(rep->score.nparts + f), pos, pos + b, 2});
			pos += b;
		} while (pos < len);
	}
	return rows;
}

static const struct ui_style *check_item_style(struct ui *ui, long item, enum sy_slot normal)
{
	if (item >= 0 && (size_t)item == ui->check.sel)
		return &ui->style[ui->focus == SY_PANE_CHECKLIST ? SY_SLOT_SELECTION : SY_SLOT_SELECTION_IDLE];
	return &ui->style[normal];
}

static void check_draw_part1(struct ui *ui, const struct sy_report *rep, int y, int x, int w, size_t p)
{
	const struct sy_part_result *pr = &rep->score.parts[p];
	const struct ui_style *st = check_item_style(ui, (long)p, SY_SLOT_NORMAL);
	/* An optional part that is absent is not a fault: no alarm colour. */
	bool quiet = !ui->rubric.parts[p].required && pr->status == SY_MISSING;
	const struct ui_style *mark = &ui->style[quiet ? SY_SLOT_DIM : ui_status_slot(pr->status)];
	ui_draw_fill(y, x, w, st);
	ui_draw_field(ui, y, x + 1, quiet ? "-" : ui_status_mark(ui, pr->status), 1, SY_ALIGN_LEFT, mark);
	int sw = 8;
	ui_draw_field(ui, y, x + 3, ui_part_short(ui, p), w - 4 - sw, SY_ALIGN_LEFT, st);
	ui_draw_field(ui, y, x + w - sw, quiet ? "optional" : sy_status_name(pr->status), sw,
		      SY_ALIGN_RIGHT, mark);
}

static void check_draw_part2(struct ui *ui, const struct sy_report *rep, int y, int x, int w, size_t p)
{
	const struct sy_part_result *pr = &rep->score.parts[p];
	const struct ui_style *st = check_item_style(ui, (long)p, SY_SLOT_DIM);
	char buf[512];
	if (pr->line <= 0)
		snprintf(buf, sizeof buf, "no heading, no mention");
	else if (pr->heading_text)
		snprintf(buf, sizeof buf, "L%ld %s", pr->line, pr->heading_text);
	else
		snprintf(buf, sizeof buf, "L%ld mentioned, no heading", pr->line);
	ui_draw_fill(y, x, w, st);
	ui_draw_field(ui, y, x + 3, buf, w - 3, SY_ALIGN_LEFT, st);
}

static void check_draw_finding(struct ui *ui, const struct sy_report *rep, int y, int x, int w,
			       const struct check_row *row)
{
	size_t f = (size_t)row->item - rep->score.nparts;
	const struct sy_finding *fd = &rep->score.f[f];
	const struct ui_style *st = check_item_style(ui, row->item, SY_SLOT_NORMAL);
	ui_draw_fill(y, x, w, st);
	if (row->start == 0) {
		ui_draw_field(ui, y, x + 1, check_severity_mark(fd->severity), 1, SY_ALIGN_LEFT,
			      &ui->style[check_severity_slot(fd->severity)]);
		char line[24] = "";
		if (fd->line > 0)
			snprintf(line, sizeof line, "L%ld", fd->line);
		ui_draw_field(ui, y, x + 3, line, 4, SY_ALIGN_LEFT, st);
	}
	const char *msg = fd->message ? fd->message : "";
	ui_draw_text(y, x + 8, msg + row->start, row->end - row->start, w - 8, st);
}

static void check_draw_header(struct ui *ui, const struct sy_report *rep, int y, int x, int w)
{
	char buf[128];
	snprintf(buf, sizeof buf, "Findings (%zu)", rep->score.nf);
	ui_draw_field(ui, y, x + 1, buf, w - 1, SY_ALIGN_LEFT, &ui->style[SY_SLOT_TITLE]);
}

static void check_draw_row(struct ui *ui, const struct sy_report *rep, int y, const struct check_row *row)
{
	const struct sy_rect *r = check_rect(ui);
	int x = r->x, w = r->w;
	if (row->kind == 0)
		check_draw_part1(ui, rep, y, x, w, (size_t)row->item);
	else if (row->kind == 1)
		check_draw_part2(ui, rep, y, x, w, (size_t)row->item);
	else if (row->kind == 2)
		check_draw_finding(ui, rep, y, x, w, row);
	else
		check_draw_header(ui, rep, y, x, w);
}

/* Moves check.top so every row of the selected item is on screen. */
static void check_scroll_to_sel(struct ui *ui, const struct check_row *rows, size_t n, size_t h)
{
	size_t first = 0, last = 0;
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].item == (long)ui->check.sel) {
			if (!found)
				first = i;
			last = i;
			found = true;
		}
	}
	if (!found)
		return;
	if (last >= ui->check.top + h)
		ui->check.top = last - h + 1;
	if (first < ui->check.top)
		ui->check.top = first;
	if (ui->check.sel == ui_checklist_count(ui) - 1 && n > h)
		ui->check.top = n - h;
}

static void check_draw_title(struct ui *ui, const struct sy_report *rep)
{
	char title[128];
	if (rep && rep->loaded && !rep->error)
		snprintf(title, sizeof title, "Checklist · score %d/100", rep->score.score);
	else
		snprintf(title, sizeof title, "Checklist");
	ui_draw_title(ui, SY_PANE_CHECKLIST, title);
}

void ui_checklist_draw(struct ui *ui)
{
	struct sy_report *rep = ui_current_report(ui);
	const struct sy_rect *r = check_rect(ui);
	check_draw_title(ui, rep);
	if (!rep || !rep->loaded || rep->error) {
		const char *why = !rep ? "" : !rep->loaded ? "loading…" : "cannot be read";
		ui_draw_field(ui, r->y + 1, r->x + 1, why, r->w - 1, SY_ALIGN_LEFT, &ui->style[SY_SLOT_DIM]);
		return;
	}
	size_t n;
	struct check_row *rows = check_rows(ui, rep, r->w, &n);
	size_t h = r->h > 1 ? (size_t)r->h - 1 : 1;
	check_scroll_to_sel(ui, rows, n, h);
	for (size_t i = 0; i < h && ui->check.top + i < n; i++)
		check_draw_row(ui, rep, r->y + 1 + (int)i, &rows[ui->check.top + i]);
	free(rows);
}

long ui_checklist_item_at(struct ui *ui, int r)
{
	struct sy_report *rep = ui_current_report(ui);
	if (!rep || !rep->loaded || rep->error || r < 0)
		return -1;
	size_t n;
	struct check_row *rows = check_rows(ui, rep, check_rect(ui)->w, &n);
	size_t i = ui->check.top + (size_t)r;
	long item = i < n ? rows[i].item : -1;
	free(rows);
	return item;
}

int ui_checklist_move(struct ui *ui, long delta)
{
	size_t n = ui_checklist_count(ui);
	if (!n)
		return UI_NONE;
	long s = (long)ui->check.sel + delta;
	ui->check.sel = s < 0 ? 0 : (size_t)s >= n ? n - 1 : (size_t)s;
	return UI_REDRAW;
}

/* The 1-based line an item points at (0 when none), and a word on why not. */
static long check_item_line(struct ui *ui, const struct sy_report *rep, size_t item)
{
	if (item < rep->score.nparts) {
		const struct sy_part_result *pr = &rep->score.parts[item];
		if (pr->line <= 0)
			ui_message(ui, true, "%s missing: no heading names it, no text mentions it (%s)",
				   ui_part_short(ui, item), ui->rubric.parts[item].label);
		return pr->line;
	}
	const struct sy_finding *f = &rep->score.f[item - rep->score.nparts];
	if (f->line <= 0)
		ui_message(ui, false, "this finding is about the whole report: %s", f->message);
	return f->line;
}

int ui_checklist_jump(struct ui *ui)
{
	struct sy_report *rep = ui_current_report(ui);
	if (!ui_checklist_count(ui))
		return UI_NONE;
	long line = check_item_line(ui, rep, ui->check.sel);
	if (line <= 0)
		return UI_REDRAW;
	int react = UI_REDRAW;
	if (ui->zoom >= 0 && ui->zoom != SY_PANE_VIEWER) {
		ui->zoom = -1;
		react = UI_LAYOUT;
	}
	sy_layout_compute(&ui->lay, ui->lay.rows, ui->lay.cols, ui->zoom);
	return react | ui_viewer_show_line(ui, (size_t)line - 1, true);
}
