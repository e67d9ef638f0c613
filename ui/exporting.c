/* e and E: export the current report, the tagged ones or all of them as
 * 审查意见 (Markdown), CSV or YAML, to a file named after the batch in its
 * folder (or in --state DIR). An existing file is never overwritten without
 * asking; the status bar names the file written. */
#include "config.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/xalloc.h"
#include "ui.h"

/* The folder exports go to: --state DIR, else the folder of the batch. */
static char *export_dir(const struct ui *ui)
{
	if (ui->desk.state_dir)
		return xstrdup(ui->desk.state_dir);
	char *copy = xstrdup(ui->batch.r[0].path);
	char *dir = xstrdup(dirname(copy));
	free(copy);
	return dir;
}

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

/* Writes the export to ui->task.path; replace overwrites. Returns as sy_export_save. */
static enum sy_write_result export_write(struct ui *ui, bool replace, size_t *count)
{
	while (!ui_loader_done(ui)) /* every finding, the batch cross-check's too */
		ui_loader_step(ui, 1000);
	size_t n;
	size_t *idx = export_reports(ui, &n);
	struct sy_export_doc x;
	sy_desk_export_build(&ui->desk, idx, n, NULL, &x);
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
	/* TRANSLATORS: the file written, how many reports, its format (md, csv, yaml). */
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
	char *dir = export_dir(ui);
	char *name = sy_export_default_name(dir, ui->task.fmt);
	free(ui->task.path);
	ui->task.path = xasprintf("%s/%s", dir, name);
	free(name);
	free(dir);
	size_t count;
	enum sy_write_result rc = export_write(ui, false, &count);
	if (rc == SY_WRITE_EXISTS)
		return ui_prompt_ask(ui, export_overwrite_key, _("%s exists. Overwrite it? y overwrites · any other key keeps it"),
				     ui->task.path);
	if (rc == SY_WRITE_OK)
		export_said(ui, count);
	return UI_REDRAW;
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
