/* 审查意见 in Markdown: Chinese unless asked for English, no ids, paths
 * relative to the batch folder, the reviewer's statuses first, signed with
 * office, reviewer and date. Text is escaped only where Markdown would
 * otherwise change its rendering, so a reader sees no backslashes. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/export.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

/* ---- escaping only what would render ---- */

static bool md_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
}

static bool md_punct(char c)
{
	return (unsigned char)c < 0x80 && ispunct((unsigned char)c);
}

/* True when the character before p (or the start of s) and the one at p+1
 * are both letters (CJK counts): '_' there cannot open or close emphasis. */
static bool md_intraword(const char *s, const char *p)
{
	char prev = p > s ? p[-1] : '\0', next = p[1];
	return !md_blank(prev) && !md_punct(prev) && !md_blank(next) && !md_punct(next);
}

static size_t md_count(const char *s, char c)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

/* True when a line of s looks like a table's delimiter row (|---|:--|). */
static bool md_has_table_rule(const char *s)
{
	for (const char *line = s; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		size_t n = strcspn(line, "\n");
		bool dash = false, other = false;
		for (size_t i = 0; i < n; i++) {
			dash |= line[i] == '-';
			other |= !strchr("|-: \t", line[i]);
		}
		if (dash && !other && memchr(line, '|', n))
			return true;
	}
	return false;
}

/* True when p starts an entity reference (&amp; &#38; &#x26;). */
static bool md_entity(const char *p)
{
	const char *q = p + 1;
	if (*q == '#') {
		q++;
		bool hex = *q == 'x' || *q == 'X';
		q += hex;
		const char *d = q;
		while (hex ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q))
			q++;
		return q > d && *q == ';';
	}
	const char *a = q;
	while (isalnum((unsigned char)*q))
		q++;
	return q > a && isalpha((unsigned char)*a) && *q == ';';
}

/* True when the '[' at p ends in "](" or "][" (a link). */
static bool md_link_opens(const char *p)
{
	const char *close = strchr(p, ']');
	return close && (close[1] == '(' || close[1] == '[');
}

/* What the text as a whole allows: a lone '*', '_' or '`' cannot pair. */
struct md_scan {
	bool stars, unders, ticks, tildes, pipes;
};

static struct md_scan md_scan_text(const char *s)
{
	return (struct md_scan){
		.stars = md_count(s, '*') > 1,
		.unders = md_count(s, '_') > 1,
		.ticks = md_count(s, '`') > 1,
		.tildes = md_count(s, '~') > 1,
		.pipes = md_has_table_rule(s),
	};
}

/* True when the line at s is a thematic break or setext underline: one of
 * - = * _ repeated, spaces allowed. */
static bool md_rule_line(const char *s)
{
	char c = *s;
	size_t n = 0;
	for (; *s && *s != '\n'; s++) {
		if (*s == c)
			n++;
		else if (*s != ' ' && *s != '\t')
			return false;
	}
	return c == '=' || n >= 3 || (c == '-' && n >= 1);
}

/* Escapes what could start a block at the beginning of a line. Returns the
 * bytes of s it wrote itself. */
static size_t md_line_start(FILE *out, const char *s)
{
	if (strchr("-+*", *s) && *s && md_blank(s[1])) {
		fputc('\\', out);
		return 0;
	}
	if (strchr("-=*_", *s) && *s && md_rule_line(s)) {
		fputc('\\', out);
		return 0;
	}
	if (*s == '>') {
		fputc('\\', out);
		return 0;
	}
	size_t hashes = strspn(s, "#");
	if (hashes && hashes <= 6 && md_blank(s[hashes])) {
		fputc('\\', out);
		return 0;
	}
	size_t digits = strspn(s, "0123456789");
	if (digits && digits <= 9 && (s[digits] == '.' || s[digits] == ')') && md_blank(s[digits + 1])) {
		fwrite(s, 1, digits, out);
		fputc('\\', out);
		return digits;
	}
	if (*s == '[' && strstr(s, "]:") && (!strchr(s, '\n') || strstr(s, "]:") < strchr(s, '\n'))) {
		fputc('\\', out); /* a link reference definition */
		return 0;
	}
	return 0;
}

/* True when character p of s would act as Markdown where it stands. */
static bool md_active(const char *s, const char *p, const struct md_scan *sc)
{
	switch (*p) {
	case '\\': return md_punct(p[1]);
	case '`': return sc->ticks;
	case '*': return sc->stars && !(md_blank(p > s ? p[-1] : '\0') && md_blank(p[1]));
	case '_': return sc->unders && !md_intraword(s, p);
	case '~': return sc->tildes;
	case '[': return md_link_opens(p);
	case '<': return isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?';
	case '|': return sc->pipes;
	default: return false;
	}
}

/* s without CR, then with every control, bidi control and invalid byte made
 * visible (sy_text_safe): nothing from a report reaches a reader raw. */
static char *md_safe(const char *s)
{
	char *bare = xstrdup(s);
	char *w = bare;
	for (const char *p = s; *p; p++)
		if (*p != '\r')
			*w++ = *p;
	*w = '\0';
	char *safe = sy_text_safe(bare);
	free(bare);
	return safe;
}

void sy_md_write_text(FILE *out, const char *raw, const char *indent)
{
	if (!raw)
		return;
	char *safe = md_safe(raw);
	const char *s = safe;
	struct md_scan sc = md_scan_text(s);
	const char *start = s;
	bool line_start = true;
	while (*s) {
		if (line_start) {
			while (*s == ' ' || *s == '\t')
				s++; /* leading blanks could make a code block */
			s += md_line_start(out, s);
			line_start = false;
			continue;
		}
		const char *p = s++;
		if (*p == '\r')
			continue;
		if (*p == '\n') {
			fprintf(out, "  \n%s", indent ? indent : "");
			line_start = true;
		} else if (*p == '&' && md_entity(p)) {
			fputs("&amp;", out);
		} else {
			if (md_active(start, p, &sc))
				fputc('\\', out);
			fputc(*p, out);
		}
	}
	free(safe);
}

/* ---- the document ---- */

static const char *W(const struct sy_export_doc *x, enum sy_export_word w)
{
	return sy_export_word(x->lang, w);
}

/* The review's note on a part, a finding or the report, or NULL. */
static const char *note_on(const struct sy_review *rv, enum sy_note_on on, const char *part,
			   const char *finding, long line)
{
	struct sy_note_target t = {.on = on, .part = part, .finding = finding, .line = line};
	return sy_review_note(rv, &t);
}

/* "- **label**：text" with the text's lines indented under it. */
static void md_note(FILE *out, const struct sy_export_doc *x, const char *label, const char *text,
		    const char *indent)
{
	if (!text)
		return;
	fprintf(out, "%s- **%s**%s", indent, label, W(x, SY_W_COLON));
	char *inner = xasprintf("%s  ", indent);
	sy_md_write_text(out, text, inner);
	free(inner);
	fputc('\n', out);
}

static void md_line_ref(FILE *out, const struct sy_export_doc *x, long line)
{
	char buf[64];
	snprintf(buf, sizeof buf, W(x, SY_W_LINE), line);
	fputs(buf, out);
}

/* "系统识别：具备；审查认定：部分具备，理由：…" when the reviewer set a status. */
static void md_override(FILE *out, const struct sy_export_doc *x, const struct sy_export_part *p, int eff,
			const char *reason)
{
	fprintf(out, "%s%s%s%s%s%s%s%s", W(x, SY_W_STOP), W(x, SY_W_DETECTED), W(x, SY_W_COLON),
		sy_export_status_word(x->lang, p->status, p->required), W(x, SY_W_SEMI), W(x, SY_W_REVIEWED_AS),
		W(x, SY_W_COLON), sy_export_status_word(x->lang, eff, p->required));
	if (reason && *reason) {
		fprintf(out, "%s%s%s", W(x, SY_W_COMMA), W(x, SY_W_REASON), W(x, SY_W_COLON));
		sy_md_write_text(out, reason, "  ");
	}
}

static void md_part(FILE *out, const struct sy_export_doc *x, const struct sy_export_report *r, size_t i)
{
	const struct sy_export_part *p = &r->parts[i];
	bool ov;
	const char *reason;
	int eff = sy_export_part_status(r, i, &ov, &reason);
	fputs("- ", out);
	sy_md_write_text(out, p->label ? p->label : p->id, "  ");
	fprintf(out, "%s%s", W(x, SY_W_COLON), sy_export_status_word(x->lang, eff, p->required));
	if (p->line) {
		fputs(W(x, SY_W_LPAREN), out);
		md_line_ref(out, x, p->line);
		if (p->heading) {
			fputs(x->lang == SY_EXPORT_EN ? " " : "", out);
			fputs(W(x, SY_W_LQUOTE), out);
			sy_md_write_text(out, p->heading, "  ");
			fputs(W(x, SY_W_RQUOTE), out);
		}
		fputs(W(x, SY_W_RPAREN), out);
	}
	if (ov)
		md_override(out, x, p, eff, reason);
	fputc('\n', out);
	md_note(out, x, W(x, SY_W_NOTE), note_on(&r->review, SY_NOTE_PART, p->id, NULL, 0), "  ");
}

static const char *severity_word(const struct sy_export_doc *x, int sev)
{
	return W(x, sev == SY_SEV_ERROR ? SY_W_SEV_ERROR : sev == SY_SEV_WARNING ? SY_W_SEV_WARNING : SY_W_SEV_INFO);
}

static void md_finding(FILE *out, const struct sy_export_doc *x, const struct sy_export_report *r,
		       const struct sy_export_finding *f)
{
	fprintf(out, "- %s%s%s", W(x, SY_W_LTAG), severity_word(x, f->severity), W(x, SY_W_RTAG));
	if (f->line) {
		md_line_ref(out, x, f->line);
		fputs(W(x, SY_W_COLON), out);
	}
	sy_md_write_text(out, f->message, "  ");
	fputc('\n', out);
	md_note(out, x, W(x, SY_W_NOTE), note_on(&r->review, SY_NOTE_FINDING, NULL, f->id, f->line), "  ");
}

/* A note whose finding is gone (a resubmission): kept, never dropped; it is
 * named by its line, never by an id. */
static void md_orphan(FILE *out, const struct sy_export_doc *x, const char *text, long line, bool *header)
{
	if (!*header)
		fprintf(out, "\n### %s\n\n", W(x, SY_W_EARLIER));
	*header = true;
	char label[64];
	if (line)
		snprintf(label, sizeof label, W(x, SY_W_LINE), line);
	else
		snprintf(label, sizeof label, "%s", W(x, SY_W_NOTE));
	md_note(out, x, label, text, "");
}

/* Notes whose finding is no longer in the report: kept visible. */
static void md_orphan_notes(FILE *out, const struct sy_export_doc *x, const struct sy_export_report *r)
{
	bool header = false;
	for (size_t i = 0; i < r->review.nitems; i++) {
		long line;
		if (sy_export_note_orphaned(r, &r->review.items[i], &line))
			md_orphan(out, x, r->review.items[i].value, line, &header);
	}
}

static void md_field(FILE *out, const struct sy_export_doc *x, const char *label, const char *value)
{
	fprintf(out, "- %s%s", label, W(x, SY_W_COLON));
	sy_md_write_text(out, value, "  ");
	fputc('\n', out);
}

static void md_header(FILE *out, const struct sy_export_doc *x, const struct sy_export_report *r)
{
	char *title = sy_export_title(x->lang, r);
	fputs("## ", out);
	sy_md_write_text(out, title, "");
	fputs("\n\n", out);
	free(title);
	md_field(out, x, W(x, SY_W_UNIT), r->unit ? r->unit : W(x, SY_W_UNKNOWN));
	if (r->year)
		fprintf(out, "- %s%s%d\n", W(x, SY_W_YEAR), W(x, SY_W_COLON), r->year);
	md_field(out, x, W(x, SY_W_FILE), r->relpath);
	if (r->score >= 0) {
		fprintf(out, "- %s%s%d", W(x, SY_W_SCORE), W(x, SY_W_COLON), r->score);
		if (r->detected_score >= 0 && r->detected_score != r->score)
			fprintf(out, "%s%s%s%d%s", W(x, SY_W_LPAREN), W(x, SY_W_DETECTED), W(x, SY_W_COLON),
				r->detected_score, W(x, SY_W_RPAREN));
		fputc('\n', out);
	}
	enum sy_verdict v = sy_review_verdict(&r->review);
	fprintf(out, "- %s%s%s\n", W(x, SY_W_VERDICT), W(x, SY_W_COLON), sy_export_verdict_word(x->lang, v));
	const char *waiver = sy_review_waiver(&r->review);
	if (waiver)
		md_field(out, x, W(x, SY_W_WAIVER), waiver);
	if (r->changed)
		fprintf(out, "- %s%s%s\n", W(x, SY_W_REMARK), W(x, SY_W_COLON), W(x, SY_W_CHANGED));
}

static void md_findings(FILE *out, const struct sy_export_doc *x, const struct sy_export_report *r)
{
	bool header = false;
	for (size_t i = 0; i < r->nf; i++) {
		if (!sy_export_finding_shown(x, r, &r->f[i]))
			continue;
		if (!header)
			fprintf(out, "\n### %s\n\n", W(x, SY_W_FINDINGS));
		header = true;
		md_finding(out, x, r, &r->f[i]);
	}
}

static void md_rectify(FILE *out, const struct sy_export_doc *x, const struct sy_export_report *r)
{
	if (sy_review_verdict(&r->review) != SY_VERDICT_RETURN)
		return;
	fprintf(out, "\n### %s\n\n", W(x, SY_W_RECTIFY));
	if (x->deadline[0]) {
		char date[64];
		sy_export_date_words(x->lang, x->deadline, date, sizeof date);
		fprintf(out, W(x, SY_W_RECTIFY_BY), date);
	} else {
		fputs(W(x, SY_W_RECTIFY_SOON), out);
	}
	fputc('\n', out);
}

static void md_signature(FILE *out, const struct sy_export_doc *x, const struct sy_export_report *r)
{
	const char *reviewer = sy_export_decided_by(x, r);
	char date[64];
	sy_export_date_words(x->lang, x->date, date, sizeof date);
	fputc('\n', out);
	if (x->office)
		md_field(out, x, W(x, SY_W_OFFICE), x->office);
	if (reviewer)
		md_field(out, x, W(x, SY_W_REVIEWER), reviewer);
	fprintf(out, "- %s%s%s\n", W(x, SY_W_DATE), W(x, SY_W_COLON), date);
}

static void md_report(FILE *out, const struct sy_export_doc *x, const struct sy_export_report *r)
{
	md_header(out, x, r);
	if (r->error) {
		fprintf(out, "\n%s%s", W(x, SY_W_UNREADABLE), W(x, SY_W_COLON));
		sy_md_write_text(out, r->error, "");
		fputc('\n', out);
	}
	if (r->nparts) {
		fprintf(out, "\n### %s\n\n", W(x, SY_W_PARTS));
		for (size_t i = 0; i < r->nparts; i++)
			md_part(out, x, r, i);
	}
	md_findings(out, x, r);
	md_orphan_notes(out, x, r);
	const char *note = note_on(&r->review, SY_NOTE_REPORT, NULL, NULL, 0);
	if (note) {
		fprintf(out, "\n### %s\n\n", W(x, SY_W_OVERALL));
		sy_md_write_text(out, note, "");
		fputc('\n', out);
	}
	md_rectify(out, x, r);
	md_signature(out, x, r);
}

void sy_export_write_md(FILE *out, const struct sy_export_doc *x)
{
	fprintf(out, "# %s\n", W(x, SY_W_DOC_TITLE));
	for (size_t i = 0; i < x->n; i++) {
		fputc('\n', out);
		md_report(out, x, &x->r[i]);
	}
}
