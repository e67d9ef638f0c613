/* The status bar: current report, counts ("24 reports · 5 incomplete"),
 * reviewed and tagged counts, loading progress, key hints; or a message; or
 * the prompt or question being answered (prompt.c). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

/* Number of reports that have a verdict. */
static size_t status_count_reviewed(const struct ui *ui)
{
	size_t n = 0;
	for (size_t i = 0; i < ui->desk.n; i++)
		n += sy_review_verdict(sy_desk_review(&ui->desk, i)) != SY_VERDICT_NONE;
	return n;
}

/* Writes "name · N reports · M incomplete · K reviewed · T tagged / V visible
 * · loading i/n" into buf. */
static void status_counts(struct ui *ui, char *buf, size_t len)
{
	struct sy_report *rep = ui_current_report(ui);
	int n = 0;
	status_append(buf, len, &n, " %s%s", rep ? ui_report_name(rep) : "", rep ? " · " : "");
	status_append(buf, len, &n, ngettext("%zu report", "%zu reports", ui->batch.n), ui->batch.n);
	status_append(buf, len, &n, " · ");
	status_append(buf, len, &n, _("%zu incomplete"), ui_count_incomplete(ui));
	status_append(buf, len, &n, " · ");
	status_append(buf, len, &n, _("%zu reviewed"), status_count_reviewed(ui));
	if (sy_desk_ntagged(&ui->desk)) {
		char scope[128];
		ui_tags_scope(ui, scope, sizeof scope);
		status_append(buf, len, &n, " · %s", scope);
	}
	if (ui_loader_done(ui))
		return;
	if (ui->load.nloaded < ui->batch.n)
		status_append(buf, len, &n, _(" · loading %zu/%zu"), ui->load.nloaded, ui->batch.n);
	else
		status_append(buf, len, &n, "%s", _(" · cross-checking for near-identical text…"));
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
	char left[1200];
	if (ui->msg)
		snprintf(left, sizeof left, " %s", ui->msg);
	else
		status_counts(ui, left, sizeof left);
	ui_draw_field(ui, r->y, r->x, left, r->w - hw, SY_ALIGN_LEFT,
		      &ui->style[ui->msg && ui->msg_error ? SY_SLOT_MESSAGE_ERROR : SY_SLOT_STATUSBAR]);
	if (hw)
		ui_draw_field(ui, r->y, r->x + r->w - hw, hints, hw, SY_ALIGN_RIGHT, &ui->style[SY_SLOT_STATUSBAR]);
}
