/* The export-format table (include/shenyue/export.h): its rows, lookups,
 * rendering any row into memory, saving atomically, and the lists that
 * --help and the man page show. */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shenyue/export.h"
#include "shenyue/fileio.h"
#include "shenyue/i18n.h"
#include "shenyue/roff.h"
#include "shenyue/xalloc.h"

const struct sy_export_format sy_export_formats[] = {
	{"md", "markdown", "md", 'm', N_("Markdown"),
	 N_("审查意见 per report in Markdown, Chinese unless --lang en"), SY_FORMAT_FOR_UNITS,
	 sy_export_write_md, NULL, NULL},
	{"csv", NULL, "csv", 'c', N_("CSV"),
	 N_("one row per report: verdict, part statuses, notes; Chinese column names (UTF-8 with BOM)"), 0,
	 sy_export_write_csv, NULL, NULL},
	{"yaml", "yml", "yaml", 'y', N_("YAML"), N_("everything, in a form shenyue reads back"), SY_FORMAT_READBACK,
	 sy_export_write_yaml, NULL, NULL},
	{"docx", "word", "docx", 'd', N_("Word"),
	 N_("审查意见 as Word documents to send to each unit (always Chinese): one per report, or --one-file"),
	 SY_FORMAT_FOR_UNITS | SY_FORMAT_BINARY | SY_FORMAT_PER_REPORT, NULL, sy_export_docx, NULL},
	{"xlsx", "excel", "xlsx", 'x', N_("Excel"),
	 N_("汇总表 for the office: one row per report, a column per part coloured by its status (always Chinese)"),
	 SY_FORMAT_BINARY, NULL, sy_export_xlsx, "汇总表"},
};

const size_t sy_export_nformats = sizeof sy_export_formats / sizeof sy_export_formats[0];

/* True when name is one of the space-separated words of list. */
static bool in_word_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; p && *p;) {
		size_t w = strcspn(p, " ");
		if (w == n && !strncasecmp(p, name, n))
			return true;
		p += w;
		p += strspn(p, " ");
	}
	return false;
}

const struct sy_export_format *sy_export_format_find(const char *name)
{
	for (size_t i = 0; i < sy_export_nformats; i++) {
		const struct sy_export_format *f = &sy_export_formats[i];
		if (!strcasecmp(f->name, name) || in_word_list(f->aliases, name))
			return f;
	}
	return NULL;
}

const struct sy_export_format *sy_export_format_by_key(int key)
{
	for (size_t i = 0; i < sy_export_nformats; i++)
		if (key && sy_export_formats[i].key == key)
			return &sy_export_formats[i];
	return NULL;
}

const char *sy_export_format_names(void)
{
	static char names[256];
	if (!names[0])
		for (size_t i = 0; i < sy_export_nformats; i++)
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? "|" : "",
				 sy_export_formats[i].name);
	return names;
}

int sy_export_render(const struct sy_export_format *f, const struct sy_export_doc *x, char **data, size_t *len,
		     char *err, size_t errlen)
{
	*data = NULL;
	*len = 0;
	if (f->build)
		return f->build(x, data, len, err, errlen);
	FILE *mem = open_memstream(data, len);
	if (!mem) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	f->write(mem, x);
	if (fclose(mem) != 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		free(*data);
		*data = NULL;
		return -1;
	}
	return 0;
}

/* sy_export_build_via_file's writer and document, for sy_file_build_via_temp. */
struct via_file {
	int (*write_file)(const char *path, const struct sy_export_doc *x, char *err, size_t errlen);
	const struct sy_export_doc *x;
};

static int via_file_write(const char *path, const void *ctx, char *err, size_t errlen)
{
	const struct via_file *v = ctx;
	return v->write_file(path, v->x, err, errlen);
}

int sy_export_build_via_file(const struct sy_export_doc *x, char **data, size_t *len, char *err, size_t errlen,
			     int (*write_file)(const char *path, const struct sy_export_doc *x, char *err,
					       size_t errlen))
{
	struct via_file v = {write_file, x};
	return sy_file_build_via_temp(via_file_write, &v, data, len, err, errlen);
}

enum sy_write_result sy_export_save(const char *path, const struct sy_export_format *f,
				    const struct sy_export_doc *x, unsigned flags, char *err, size_t errlen)
{
	char *data;
	size_t len;
	if (sy_export_render(f, x, &data, &len, err, errlen) < 0)
		return SY_WRITE_FAILED;
	enum sy_write_result rc = sy_file_write(path, data, len, flags, NULL, err, errlen);
	free(data);
	return rc;
}

void sy_export_formats_doc(FILE *out, bool roff)
{
	for (size_t i = 0; i < sy_export_nformats; i++) {
		const struct sy_export_format *f = &sy_export_formats[i];
		const char *dflt = i == 0 ? _(" (default)") : "";
		if (roff) {
			fprintf(out, ".TP\n.B %s\n", f->name);
			sy_roff_text(out, _(f->help));
			fprintf(out, "%s (\\fB.%s\\fR)\n", dflt, f->extension);
		}
		else {
			fprintf(out, "  %-6s %s%s\n", f->name, _(f->help), dflt);
		}
	}
}
