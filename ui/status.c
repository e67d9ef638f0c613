/* The status bar: current report, counts ("24 reports · 5 incomplete"),
 * reviewed and tagged counts, loading progress, key hints; or a message,
 * wrapped upward over a few rows when it is long; or the prompt or question
 * being answered (prompt.c). Nothing is cut where it could be wrapped, and
 * every message is in the message log (M). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

/* Appends printf-like text to buf holding *n bytes, never past len. */
static void status_append(char *buf, size_t len, int *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void status_append(char *buf, size_t len, int *n, const char *fmt, ...)
{
	if (*n < 0 || (size_t)*n >= len)
		return;
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(buf + *n, len - (size_t)*n, fmt, ap);
	va_end(ap);
	*n = w < 0 ? (int)len : *n + w;
}

/* Number of reports in review state st: a verdict on the content as it is
 * (reviewed), or on an earlier version (needs re-review). */
static size_t status_count_state(const struct ui *ui, enum sy_review_state st)
{
	size_t n = 0;
	for (size_t i = 0; i < ui->desk.n; i++)
		n += sy_desk_state(&ui->desk, i) == st;
	return n;
}

#define STATUS_MAX_ROWS 4 /* a long message grows the bar upward to this */
#define STATUS_GAP 2      /* columns kept between the left part and the key hints */

/* Writes "N reports · M incomplete · K reviewed · T tagged / V visible ·
 * loading i/n" into buf. */
static void status_counts(struct ui *ui, char *buf, size_t len)
{
	int n = 0;
	buf[0] = '\0';
	status_append(buf, len, &n, ngettext("%zu report", "%zu reports", ui->batch.n), ui->batch.n);
	status_append(buf, len, &n, " · ");
	status_append(buf, len, &n, _("%zu incomplete"), ui_count_incomplete(ui));
	status_append(buf, len, &n, " · ");
	status_append(buf, len, &n, _("%zu reviewed"), status_count_state(ui, SY_REVIEW_DONE));
	size_t again = status_count_state(ui, SY_REVIEW_AGAIN);
	if (again) {
		status_append(buf, len, &n, " · ");
		status_append(buf, len, &n, ngettext("%zu needs re-review", "%zu need re-review", again), again);
	}
	size_t missing = ui_count_not_received(ui);
	if (missing) {
		status_append(buf, len, &n, " · ");
		status_append(buf, len, &n, _("%zu not received (未报送)"), missing);
	}
	if (sy_desk_ntagged(&ui->desk)) {
		char scope[128];
		ui_tags_scope(ui, scope, sizeof scope);
		status_append(buf, len, &n, " · %s", scope);
	}
	if (ui_loader_done(ui))
		return;
	if (ui->load.nloaded < ui->batch.n) {
		char progress[160];
		ui_loader_progress(ui, progress, sizeof progress);
		status_append(buf, len, &n, " · %s", progress);
	} else
		status_append(buf, len, &n, "%s", _(" · cross-checking for near-identical text…"));
}

/* Draws " name · counts" in w columns: a name too long is shortened with
 * "…" first, then the end of the counts, so the left part never runs into
 * what is right of it. */
static void status_draw_counts(struct ui *ui, int y, int x, int w, const struct ui_style *st)
{
	char counts[600], left[1200];
	status_counts(ui, counts, sizeof counts);
	struct sy_report *rep = ui_current_report(ui);
	char *named = rep && sy_desk_state(&ui->desk, (size_t)ui->current) == SY_REVIEW_AGAIN
			      ? xasprintf(_("%s (needs re-review)"), ui_report_name(rep)) : NULL;
	const char *name = named ? named : rep ? ui_report_name(rep) : "";
	int room = w - 1 - (int)sy_width_str(counts) - (*name ? 3 : 0);
	char *cut = NULL;
	if (*name && (int)sy_width_str(name) > room)
		name = room >= 6 ? (cut = sy_width_pad(name, (size_t)room, SY_ALIGN_LEFT, ui->utf8 ? "…" : "~")) : "";
	snprintf(left, sizeof left, " %s%s%s", name, *name ? " · " : "", counts);
	ui_draw_field(ui, y, x, left, w, SY_ALIGN_LEFT, st);
	free(cut);
	free(named);
}

/* Draws the message: on the one row beside the hints when it fits there,
 * else wrapped over up to STATUS_MAX_ROWS rows above the bottom (every
 * message is in the message log too). */
static void status_draw_message(struct ui *ui, const char *hints, int hw)
{
	const struct sy_rect *r = &ui->lay.status;
	const struct ui_style *st = &ui->style[ui->msg_error ? SY_SLOT_MESSAGE_ERROR : SY_SLOT_STATUSBAR];
	int mw = (int)sy_width_str(ui->msg);
	if (mw <= r->w - 2 - (hw ? hw + STATUS_GAP : 0)) {
		char *left = xasprintf(" %s", ui->msg);
		ui_draw_field(ui, r->y, r->x, left, r->w - (hw ? hw : 0), SY_ALIGN_LEFT, st);
		free(left);
		if (hw)
			ui_draw_field(ui, r->y, r->x + r->w - hw, hints, hw, SY_ALIGN_RIGHT,
				      &ui->style[SY_SLOT_STATUSBAR]);
		return;
	}
	int max = ui->lay.rows / 3 < STATUS_MAX_ROWS ? ui->lay.rows / 3 : STATUS_MAX_ROWS, end;
	int rows = ui_draw_wrapped_up(ui, ui->msg, r->y, r->x + 1, r->w - 2, max > 1 ? max : 1, st, &end);
	for (int i = 0; i < rows; i++) {
		ui_draw_fill(r->y - i, r->x, 1, st);
		ui_draw_fill(r->y - i, r->x + r->w - 1, 1, st);
	}
}

void ui_status_draw(struct ui *ui)
{
	const struct sy_rect *r = &ui->lay.status;
	if (ui_prompt_active(ui)) {
		ui_prompt_draw(ui);
		return;
	}
	/* TRANSLATORS: key hints at the right of the status bar; ? and q are keys. */
	const char *hints = _("?:help  q:quit ");
	int hw = (int)sy_width_str(hints);
	if (hw > r->w / 3)
		hw = 0;
	if (ui->msg) {
		status_draw_message(ui, hints, hw);
		return;
	}
	const struct ui_style *st = &ui->style[SY_SLOT_STATUSBAR];
	status_draw_counts(ui, r->y, r->x, r->w - (hw ? hw + STATUS_GAP : 0), st);
	if (hw) {
		ui_draw_fill(r->y, r->x + r->w - hw - STATUS_GAP, STATUS_GAP, st);
		ui_draw_field(ui, r->y, r->x + r->w - hw, hints, hw, SY_ALIGN_RIGHT, st);
	}
}
