/* e and E: export the current report, the tagged ones or all of them in a
 * format of the export-format table (审查意见 as Word or Markdown, the 汇总表,
 * CSV, YAML), in the batch's folder (or in --state DIR). One report is
 * named after its unit and year (审查意见-<单位>-<年度>.docx), never like the
 * batch (审查意见-<folder>.docx, 汇总表-<folder>.xlsx, the folder's real name
 * even when opened as "."). The first export for the units asks for the
 * issuing office and the days to resubmit when they are not set, and keeps
 * the answers in the settings file. An existing file is never overwritten
 * without asking; the status bar names the file written. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

/* The reports to export (NULL: all), their count in *n. */
static size_t *export_reports(struct ui *ui, size_t *n)
{
	if (ui->task.all) {
		*n = ui->batch.n;
		return NULL;
	}
	if (sy_desk_ntagged(&ui->desk))
		return sy_desk_tagged_list(&ui->desk, n);
	size_t *idx = xcalloc(1, sizeof *idx);
	idx[0] = (size_t)ui->task.report;
	*n = 1;
	return idx;
}

/* What the settings say about who sends the export. */
static struct sy_export_opts export_options(const struct ui *ui)
{
	return (struct sy_export_opts){
		.office = ui->config.office,
		.reviewer = ui->config.reviewer,
		.resubmit_days = ui->config.resubmit_days,
	};
}

/* The file the export goes to: one report by its unit and year, more by the batch's folder. */
static char *export_path(struct ui *ui, const struct sy_export_doc *x)
{
	char *dir = ui_output_dir(ui);
	char *name = !ui->task.all && x->n == 1 ? sy_export_report_name(&x->r[0], ui->task.fmt)
						: sy_export_default_name(dir, ui->task.fmt);
	char *path = xasprintf("%s/%s", dir, name);
	free(name);
	free(dir);
	return path;
}

/* Writes the export to ui->task.path (chosen on the first call); replace
 * overwrites. Returns as sy_export_save. */
static enum sy_write_result export_write(struct ui *ui, bool replace, size_t *count)
{
	while (!ui_loader_done(ui)) /* every finding, the batch cross-check's too: say how far */
		if (ui_loader_step(ui, 100) && ui->draw_now)
			ui->draw_now(ui);
	size_t n;
	size_t *idx = export_reports(ui, &n);
	struct sy_export_doc x;
	struct sy_export_opts o = export_options(ui);
	sy_desk_export_build(&ui->desk, idx, n, &o, &x);
	if (!ui->task.path)
		ui->task.path = export_path(ui, &x);
	char err[1024] = "";
	enum sy_write_result rc = sy_export_save(ui->task.path, ui->task.fmt, &x, replace ? SY_WRITE_REPLACE : SY_WRITE_NEW,
						 err, sizeof err);
	*count = x.n;
	sy_export_free(&x);
	free(idx);
	if (rc == SY_WRITE_FAILED)
		ui_message(ui, true, _("export not written: %s"), err);
	return rc;
}

static void export_said(struct ui *ui, size_t count)
{
	/* TRANSLATORS: the file written, how many reports, its format (md, csv, yaml, docx, xlsx). */
	ui_message(ui, false, ngettext("wrote %s (%zu report, %s)", "wrote %s (%zu reports, %s)", count),
		   ui->task.path, count, ui->task.fmt->name);
}

static int export_overwrite_key(struct ui *ui, uint32_t key)
{
	size_t count;
	if (!ui_prompt_yes(key))
		ui_message(ui, false, _("not exported: %s is left as it was"), ui->task.path);
	else if (export_write(ui, true, &count) == SY_WRITE_OK)
		export_said(ui, count);
	return UI_REDRAW;
}

/* Writes the export once every question is answered. */
static int export_run(struct ui *ui)
{
	size_t count;
	free(ui->task.path);
	ui->task.path = NULL;
	enum sy_write_result rc = export_write(ui, false, &count);
	if (rc == SY_WRITE_EXISTS)
		return ui_prompt_ask(ui, export_overwrite_key, _("%s exists. Overwrite it? y overwrites · any other key keeps it"),
				     ui->task.path);
	if (rc == SY_WRITE_OK)
		export_said(ui, count);
	return UI_REDRAW;
}

/* Keeps an answer in the settings file (and for this session); a file that
 * cannot be written is said, the answer still used. */
static void export_remember(struct ui *ui, const char *key, const char *value)
{
	char err[1024];
	if (!ui->config_path)
		return;
	if (sy_config_save_setting(ui->config_path, key, value, err, sizeof err) < 0)
		ui_message(ui, true, _("not saved in the settings: %s"), err);
}

/* True when a report about to be exported is returned: 整改要求 need a deadline. */
static bool export_has_return(struct ui *ui)
{
	size_t n;
	size_t *idx = export_reports(ui, &n);
	bool any = false;
	for (size_t k = 0; k < n && !any; k++)
		any = sy_review_verdict(sy_desk_review(&ui->desk, idx ? idx[k] : k)) == SY_VERDICT_RETURN;
	free(idx);
	return any;
}

static int export_ask_days(struct ui *ui);

static int export_office_text(struct ui *ui, const char *text)
{
	while (*text == ' ')
		text++;
	if (*text) {
		ui_str_set(&ui->config.office, text);
		export_remember(ui, "office", text);
	}
	return export_ask_days(ui);
}

static int export_days_text(struct ui *ui, const char *text)
{
	char *end = NULL;
	long days = strtol(text, &end, 10);
	if (*text && (*end || days < 1 || days > 365)) {
		ui_message(ui, true, _("cancelled: %s is not a number of days from 1 to 365"), text);
		return UI_REDRAW;
	}
	if (*text) {
		ui->config.resubmit_days = (int)days;
		char buf[16];
		snprintf(buf, sizeof buf, "%ld", days);
		export_remember(ui, "resubmit_days", buf);
	}
	return export_run(ui);
}

/* Asks for the days to resubmit when a returned report goes out and none is set. */
static int export_ask_days(struct ui *ui)
{
	if (!(ui->task.fmt->flags & SY_FORMAT_FOR_UNITS) || ui->config.resubmit_days > 0 || !export_has_return(ui))
		return export_run(ui);
	return ui_prompt_text(ui, _("Days a returned report has to come back (kept in your settings, e.g. 15): "), NULL,
			      export_days_text);
}

/* Asks for the issuing office when the 审查意见 go out and none is set. */
static int export_ask_office(struct ui *ui)
{
	if (!(ui->task.fmt->flags & SY_FORMAT_FOR_UNITS) || (ui->config.office && *ui->config.office))
		return export_ask_days(ui);
	return ui_prompt_text(ui, _("Issuing office signed under the 审查意见 (kept in your settings, e.g. 青禾县依法治县办): "),
			      NULL, export_office_text);
}

static int export_format_key(struct ui *ui, uint32_t key)
{
	/* the keys of the export-format table; Enter takes its first row */
	const struct sy_export_format *fmt =
		key == SY_KEY_ENTER ? &sy_export_formats[0] : sy_export_format_by_key((int)key);
	if (!fmt) {
		ui_message(ui, false, "%s", _("cancelled: nothing exported"));
		return UI_REDRAW;
	}
	ui->task.fmt = fmt;
	return export_ask_office(ui);
}

/* "m Markdown (Enter) · c CSV · y YAML": the choices of the format table. */
static void export_choices(char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t i = 0, n = 0; i < sy_export_nformats; i++) {
		const struct sy_export_format *f = &sy_export_formats[i];
		if (f->key)
			n += (size_t)snprintf(buf + n, n < len ? len - n : 0, "%s%c %s%s", n ? " · " : "", f->key,
					      _(f->label), i == 0 ? _(" (Enter)") : "");
	}
}

int ui_export_start(struct ui *ui, bool all)
{
	ui_task_reset(ui);
	ui->task.all = all;
	ui->task.report = ui->current;
	if (!ui->batch.n || (!all && !sy_desk_ntagged(&ui->desk) && ui->current < 0)) {
		ui_message(ui, true, "%s", _("nothing to export"));
		return UI_REDRAW;
	}
	char scope[256];
	if (all)
		snprintf(scope, sizeof scope, _("all %zu reports"), ui->batch.n);
	else if (sy_desk_ntagged(&ui->desk))
		ui_tags_scope(ui, scope, sizeof scope);
	else
		snprintf(scope, sizeof scope, "%s", ui_report_name(&ui->batch.r[ui->current]));
	char choices[256];
	export_choices(choices, sizeof choices);
	/* TRANSLATORS: the reports to export, then the formats with the keys that answer. */
	return ui_prompt_ask(ui, export_format_key, _("Export %s as: %s · Esc"), scope, choices);
}
