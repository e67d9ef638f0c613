/* The finding registry (include/shenyue/findings.h): the table, the one
 * function detectors add findings with, and the generated documentation. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/findings.h"
#include "shenyue/i18n.h"
#include "shenyue/roff.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"

const struct sy_finding_row sy_finding_rows[SY_FIND_COUNT] = {
#define SY_FINDING_ROW(name, id, sev, msg, doc) {#name, id, sev, msg, doc},
	SY_FINDINGS(SY_FINDING_ROW)
#undef SY_FINDING_ROW
};

/* Length of the conversion specification at fmt (which starts after '%'),
 * its conversion in *conv and its length modifier in *mod ('l', 'z', 'h' or
 * 0); *pos gets a positional argument's number (%2$s), else 0. */
static size_t conv_spec(const char *fmt, char *conv, char *mod, int *pos)
{
	size_t i = 0;
	*pos = 0;
	size_t digits = strspn(fmt, "0123456789");
	if (digits && fmt[digits] == '$') {
		*pos = atoi(fmt);
		i = digits + 1;
	}
	i += strspn(fmt + i, "-+ #0");
	i += strspn(fmt + i, "0123456789");
	if (fmt[i] == '.')
		i += 1 + strspn(fmt + i + 1, "0123456789");
	*mod = 0;
	while (fmt[i] && strchr("lzhjt", fmt[i])) {
		*mod = fmt[i] == 'h' && *mod ? *mod : fmt[i];
		i++;
	}
	*conv = fmt[i];
	return fmt[i] ? i + 1 : i;
}

/* The type a conversion reads from the arguments. */
static char arg_type(char conv, char mod)
{
	if (conv == 's')
		return 's';
	if (strchr("eEfgG", conv))
		return 'f';
	if (mod == 'z')
		return 'z';
	if (mod == 'l')
		return 'l';
	return strchr("uxXo", conv) ? 'u' : 'i';
}

/* Takes the arguments the untranslated template reads, in its order. */
static void keep_args(struct sy_finding *f, const char *tmpl, va_list ap)
{
	for (const char *p = tmpl; (p = strchr(p, '%'));) {
		char conv, mod;
		int pos;
		if (p[1] == '%') {
			p += 2;
			continue;
		}
		p += 1 + conv_spec(p + 1, &conv, &mod, &pos);
		if (!conv)
			break;
		struct sy_finding_arg a = {.type = arg_type(conv, mod)};
		switch (a.type) {
		case 's': {
			const char *str = va_arg(ap, const char *);
			a.v.s = xstrdup(str ? str : "(null)");
			break;
		}
		case 'f': a.v.f = va_arg(ap, double); break;
		case 'z': a.v.z = va_arg(ap, size_t); break;
		case 'l': a.v.i = va_arg(ap, long); break;
		case 'u': a.v.i = va_arg(ap, unsigned); break;
		default: a.v.i = va_arg(ap, int); break;
		}
		f->args = xreallocarray(f->args, f->nargs + 1, sizeof *f->args);
		f->args[f->nargs++] = a;
	}
}

/* The findings whose string argument is a list of lines in the neutral form
 * "2-4,49" (sy_line_list_say): its separators follow the message's language. */
static const enum sy_finding_kind line_list_findings[] = { SY_FIND_WEB_CHROME };

static bool takes_line_list(int k)
{
	for (size_t i = 0; i < sizeof line_list_findings / sizeof *line_list_findings; i++)
		if ((int)line_list_findings[i] == k)
			return true;
	return false;
}

char *sy_line_list_say(const char *neutral)
{
	struct sy_buf b = {0};
	sy_buf_add(&b, "", 0);
	for (const char *p = neutral; *p;) {
		char *end;
		unsigned long from = strtoul(p, &end, 10), to = from;
		if (end == p)
			break;
		if (*end == '-')
			to = strtoul(end + 1, &end, 10);
		if (b.len)
			sy_buf_puts(&b, _(", "));
		/* TRANSLATORS: a range of line numbers, "lines 2-4" */
		if (to != from)
			sy_buf_printf(&b, _("%lu-%lu"), from, to);
		else
			sy_buf_printf(&b, "%lu", from);
		p = *end == ',' ? end + 1 : end;
	}
	return sy_buf_steal(&b);
}

static void finding_addv(struct sy_score *s, enum sy_finding_kind k, const char *id, enum sy_severity sev,
			 long line, const char *part, va_list ap)
{
	const struct sy_finding_row *row = &sy_finding_rows[k];
	s->f = xreallocarray(s->f, s->nf + 1, sizeof *s->f);
	struct sy_finding *f = &s->f[s->nf++];
	memset(f, 0, sizeof *f);
	f->id = xstrdup(id ? id : row->id);
	f->severity = sev;
	f->line = line;
	f->part = xstrdup(part);
	f->kind = (int)k;
	va_list again;
	va_copy(again, ap);
	keep_args(f, row->message, again);
	va_end(again);
	f->other = NULL;
	f->other_line = 0;
	if (takes_line_list(k)) {
		f->message = sy_finding_message(f);
		return;
	}
	/* the template is the registry's own literal, never text from a report */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	f->message = xvasprintf(_(row->message), ap);
#pragma GCC diagnostic pop
}

/* Formats one kept argument with the conversion spec (without its N$). */
static void format_arg(struct sy_buf *b, const char *spec, const struct sy_finding_arg *a)
{
	char buf[256];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	switch (a->type) {
	case 's': sy_buf_printf(b, spec, a->v.s); return;
	case 'f': snprintf(buf, sizeof buf, spec, a->v.f); break;
	case 'z': snprintf(buf, sizeof buf, spec, a->v.z); break;
	case 'l': snprintf(buf, sizeof buf, spec, (long)a->v.i); break;
	case 'u': snprintf(buf, sizeof buf, spec, (unsigned)a->v.i); break;
	default: snprintf(buf, sizeof buf, spec, (int)a->v.i); break;
	}
#pragma GCC diagnostic pop
	sy_buf_puts(b, buf);
}

char *sy_finding_message(const struct sy_finding *f)
{
	if (f->kind < 0 || f->kind >= SY_FIND_COUNT)
		return xstrdup(f->message);
	const char *tmpl = _(sy_finding_rows[f->kind].message);
	struct sy_buf b = {0};
	size_t next = 0;
	for (const char *p = tmpl; *p;) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			sy_buf_puts(&b, p);
			break;
		}
		sy_buf_add(&b, p, (size_t)(pct - p));
		if (pct[1] == '%') {
			sy_buf_puts(&b, "%");
			p = pct + 2;
			continue;
		}
		char conv, mod;
		int pos;
		size_t n = conv_spec(pct + 1, &conv, &mod, &pos);
		size_t idx = pos > 0 ? (size_t)pos - 1 : next++;
		const char *body = pct + 1;
		if (pos > 0)
			body = strchr(body, '$') + 1;
		char *spec = xasprintf("%%%.*s", (int)(pct + 1 + n - body), body);
		if (idx < f->nargs && conv && f->args[idx].type == 's' && takes_line_list(f->kind)) {
			char *said = sy_line_list_say(f->args[idx].v.s);
			sy_buf_puts(&b, said);
			free(said);
		} else if (idx < f->nargs && conv) {
			format_arg(&b, spec, &f->args[idx]);
		}
		free(spec);
		p = pct + 1 + n;
	}
	return sy_buf_steal(&b);
}

void sy_finding_clear(struct sy_finding *f)
{
	free(f->id);
	free(f->part);
	free(f->message);
	for (size_t i = 0; i < f->nargs; i++)
		if (f->args[i].type == 's')
			free(f->args[i].v.s);
	free(f->args);
	free(f->other);
	memset(f, 0, sizeof *f);
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

void sy_finding_add_linked(struct sy_score *s, enum sy_finding_kind k, long line, const char *part,
			   const char *other, long other_line, ...)
{
	va_list ap;
	va_start(ap, other_line);
	finding_addv(s, k, NULL, sy_finding_rows[k].severity, line, part, ap);
	va_end(ap);
	sy_finding_set_other(s, s->nf - 1, other, other_line);
}

void sy_finding_set_other(struct sy_score *s, size_t i, const char *other, long other_line)
{
	if (i >= s->nf)
		return;
	free(s->f[i].other);
	s->f[i].other = xstrdup(other);
	s->f[i].other_line = other ? other_line : 0;
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
		sy_finding_clear(f);
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
			sy_roff_text(out, id);
			fprintf(out, "\n(%s) ", sy_severity_name(row->severity));
			sy_roff_text(out, row->doc);
			fputc('\n', out);
		} else {
			fprintf(out, "    %-22s %-7s ", id, sy_severity_name(row->severity));
			wrap(out, row->doc, 4 + 22 + 1 + 7 + 1, 4 + 22 + 1 + 7 + 1, 78);
		}
	}
}
