/* The finding registry (include/shenyue/findings.h): the table, the one
 * function detectors add findings with, and the generated documentation. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/findings.h"
#include "shenyue/i18n.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"

const struct sy_finding_row sy_finding_rows[SY_FIND_COUNT] = {
#define SY_FINDING_ROW(name, id, sev, msg, doc) {#name, id, sev, msg, doc},
	SY_FINDINGS(SY_FINDING_ROW)
#undef SY_FINDING_ROW
};

static void finding_addv(struct sy_score *s, enum sy_finding_kind k, const char *id, enum sy_severity sev,
			 long line, const char *part, va_list ap)
{
	const struct sy_finding_row *row = &sy_finding_rows[k];
	s->f = xreallocarray(s->f, s->nf + 1, sizeof *s->f);
	struct sy_finding *f = &s->f[s->nf++];
	f->id = xstrdup(id ? id : row->id);
	f->severity = sev;
	f->line = line;
	f->part = xstrdup(part);
	/* the template is the registry's own literal, never text from a report */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	f->message = xvasprintf(_(row->message), ap);
#pragma GCC diagnostic pop
}

void sy_finding_add(struct sy_score *s, enum sy_finding_kind k, long line, const char *part, ...)
{
	va_list ap;
	va_start(ap, part);
	finding_addv(s, k, NULL, sy_finding_rows[k].severity, line, part, ap);
	va_end(ap);
}

void sy_finding_add_as(struct sy_score *s, enum sy_finding_kind k, const char *id, enum sy_severity sev,
		       long line, const char *part, ...)
{
	va_list ap;
	va_start(ap, part);
	finding_addv(s, k, id, sev, line, part, ap);
	va_end(ap);
}

void sy_finding_drop(struct sy_score *s, const char *id)
{
	size_t kept = 0;
	for (size_t i = 0; i < s->nf; i++) {
		struct sy_finding *f = &s->f[i];
		if (strcmp(f->id, id)) {
			s->f[kept++] = *f;
			continue;
		}
		free(f->id);
		free(f->part);
		free(f->message);
	}
	s->nf = kept;
}

/* True when a family's id ("ASPECT-missing") stands for id ("causes-missing"). */
static bool family_matches(const char *family, const char *id)
{
	const char *dash = strchr(family, '-');
	if (!dash || strncmp(family, "ASPECT", (size_t)(dash - family)))
		return false;
	size_t n = strlen(id), tail = strlen(dash);
	return n > tail && !strcmp(id + n - tail, dash);
}

const struct sy_finding_row *sy_finding_lookup(const char *id)
{
	for (size_t k = 0; k < SY_FIND_COUNT; k++)
		if (!strcmp(sy_finding_rows[k].id, id))
			return &sy_finding_rows[k];
	for (size_t k = 0; k < SY_FIND_COUNT; k++)
		if (family_matches(sy_finding_rows[k].id, id))
			return &sy_finding_rows[k];
	return NULL;
}

const char *sy_severity_name(enum sy_severity sev)
{
	return sev == SY_SEV_ERROR ? "error" : sev == SY_SEV_WARNING ? "warning" : "info";
}

int sy_severity_parse(const char *name)
{
	for (int i = SY_SEV_INFO; i <= SY_SEV_ERROR; i++)
		if (!strcmp(name, sy_severity_name((enum sy_severity)i)))
			return i;
	return -1;
}

/* ---- documentation ---- */

/* Writes text's words wrapped at width columns (the docs are English, a
 * byte a column), starting at column col, continuation lines indented. */
static void wrap(FILE *out, const char *text, size_t col, size_t indent, size_t width)
{
	bool first = true;
	for (const char *p = text; *p;) {
		size_t word = strcspn(p, " ");
		if (!first && col + 1 + word > width) {
			fprintf(out, "\n%*s", (int)indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, word, out);
		col += word;
		first = false;
		p += word;
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

/* Writes s with roff's special characters escaped. */
static void roff_text(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

void sy_findings_doc(FILE *out, bool roff)
{
	for (size_t k = 0; k < SY_FIND_COUNT; k++) {
		const struct sy_finding_row *row = &sy_finding_rows[k];
		if (!row->doc)
			continue;
		/* a family reads as what it stands for: <aspect>-missing */
		char id[64];
		bool family = !strncmp(row->id, "ASPECT-", 7);
		snprintf(id, sizeof id, "%s%s", family ? "<aspect>" : "", row->id + (family ? 6 : 0));
		if (roff) {
			fputs(".TP\n.B ", out);
			roff_text(out, id);
			fprintf(out, "\n(%s) ", sy_severity_name(row->severity));
			roff_text(out, row->doc);
			fputc('\n', out);
		} else {
			fprintf(out, "    %-22s %-7s ", id, sy_severity_name(row->severity));
			wrap(out, row->doc, 4 + 22 + 1 + 7 + 1, 4 + 22 + 1 + 7 + 1, 78);
		}
	}
}
