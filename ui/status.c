/* The status bar: current report, counts ("24 reports · 5 incomplete"),
 * loading progress, key hints; or a message; or the prompt being typed. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ui.h"

static void status_draw_prompt(struct ui *ui)
{
	const struct sy_rect *r = &ui->lay.status;
	char buf[400];
	bool filter = ui->mode == UI_MODE_FILTER;
	snprintf(buf, sizeof buf, "%s%s_", filter ? "filter: " : "/", ui->prompt);
	ui_draw_field(ui, r->y, r->x, buf, r->w - 30, SY_ALIGN_LEFT, &ui->style[SY_SLOT_STATUSBAR]);
	ui_draw_field(ui, r->y, r->x + r->w - 30, "Enter accept · Esc cancel ", 30, SY_ALIGN_RIGHT,
		      &ui->style[SY_SLOT_STATUSBAR]);
}

/* Writes "name · N reports · M incomplete · loading i/n" into buf. */
static void status_counts(struct ui *ui, char *buf, size_t len)
{
	struct sy_report *rep = ui_current_report(ui);
	int n = snprintf(buf, len, " %s%s%zu report%s · %zu incomplete", rep ? ui_report_name(rep) : "",
			 rep ? " · " : "", ui->batch.n, ui->batch.n == 1 ? "" : "s",
			 ui_list_count_incomplete(ui));
	if (ui_loader_done(ui) || n <= 0 || (size_t)n >= len)
		return;
	if (ui->nloaded < ui->batch.n)
		snprintf(buf + n, len - (size_t)n, " · loading %zu/%zu", ui->nloaded, ui->batch.n);
	else
		snprintf(buf + n, len - (size_t)n, " · cross-checking for near-identical text…");
}

void ui_status_draw(struct ui *ui)
{
	const struct sy_rect *r = &ui->lay.status;
	if (ui->mode == UI_MODE_FILTER || ui->mode == UI_MODE_SEARCH) {
		status_draw_prompt(ui);
		return;
	}
	const char *hints = "?:help  q:quit ";
	int hw = (int)sy_width_str(hints);
	if (hw > r->w / 3)
		hw = 0;
	char left[600];
	if (ui->msg[0])
		snprintf(left, sizeof left, " %s", ui->msg);
	else
		status_counts(ui, left, sizeof left);
	ui_draw_field(ui, r->y, r->x, left, r->w - hw, SY_ALIGN_LEFT,
		      &ui->style[ui->msg[0] && ui->msg_error ? SY_SLOT_MESSAGE_ERROR : SY_SLOT_STATUSBAR]);
	if (hw)
		ui_draw_field(ui, r->y, r->x + r->w - hw, hints, hw, SY_ALIGN_RIGHT, &ui->style[SY_SLOT_STATUSBAR]);
}
