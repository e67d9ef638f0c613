/* `shenyue check --explain`: the outline shenyue saw in a report and why
 * each part has its status, so a supervisor who disagrees can see why and a
 * developer can see where a reading went wrong. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/check.h"
#include "shenyue/effective.h"
#include "shenyue/i18n.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

/* Report text made safe for a terminal: control characters shown as ^[. */
static void put_shown(FILE *out, const char *s)
{
	char *shown = sy_width_pad(s ? s : "", sy_width_str(s ? s : ""), SY_ALIGN_LEFT, NULL);
	fputs(shown, out);
	free(shown);
}

/* What a stretch of structural lines is, said for the outline. */
static const char *region_label(enum sy_line_kind k)
{
	switch (k) {
	case SY_LK_UNIT: return _("unit");
	case SY_LK_TITLE: return _("title");
	case SY_LK_CONTENTS: return _("contents page: navigation, not headings (skipped)");
	case SY_LK_PREAMBLE: return _("preamble: not part of any part (skipped)");
	case SY_LK_CHROME: return _("web-page chrome or page footer (skipped)");
	case SY_LK_SIGNATURE: return _("signature");
	case SY_LK_DATE: return _("date line");
	case SY_LK_ANNEX: return _("annex after the date line: not part of the report (skipped)");
	default: return NULL;
	}
}

/* "12" or "12-15". */
static void put_lines(FILE *out, size_t a, size_t b)
{
	char buf[48];
	if (a == b)
		snprintf(buf, sizeof buf, "%zu", a + 1);
	else
		snprintf(buf, sizeof buf, "%zu-%zu", a + 1, b + 1);
	fprintf(out, "  %-9s ", buf);
}

/* The last piece of a run of structural pieces of the same kind from k
 * (blank lines inside the run belong to it). */
static size_t region_end(const struct sy_outline *o, size_t k)
{
	size_t last = k;
	for (size_t j = k + 1; j < o->npc; j++) {
		if (o->pc[j].kind == SY_LK_BLANK)
			continue;
		if (o->pc[j].kind != o->pc[k].kind)
			break;
		last = j;
	}
	return last;
}

/* The parts heading k decides, with their marks: "举措成效 ✓". */
static void put_heading_parts(FILE *out, const struct sy_report *rep, const struct sy_rubric *r, size_t k,
			      bool utf8)
{
	bool first = true;
	for (size_t p = 0; p < r->nparts && p < rep->score.nparts; p++) {
		const struct sy_part_result *pr = &rep->score.parts[p];
		if (pr->heading != (long)k)
			continue;
		fprintf(out, "%s%s %s%s", first ? "   → " : ", ", r->parts[p].short_label, sy_status_mark(pr->status, utf8),
			sy_evidence_uncertain(&pr->ev) ? "?" : "");
		first = false;
	}
}

static void put_heading(FILE *out, const struct sy_report *rep, const struct sy_rubric *r, size_t k, bool utf8)
{
	const struct sy_heading *h = &rep->outline.h[k];
	put_lines(out, h->line, h->line + h->nlines - 1);
	fprintf(out, "L%d %*s", h->level, (h->level - 1) * 2, "");
	put_shown(out, h->display);
	if (h->run_on)
		fprintf(out, "  [%s]", _("inside a line that lost its line breaks"));
	else if (h->weak)
		fprintf(out, "  [%s]", _("unnumbered: known by its words"));
	else if (!h->numbered && h->markup)
		fprintf(out, "  [%s %d]", _("marked up as a heading, level"), h->markup);
	put_heading_parts(out, rep, r, k, utf8);
	fputc('\n', out);
}

/* How the top level is numbered: "一、", "第一部分", or a markup heading. */
static void put_top(FILE *out, const struct sy_outline *o)
{
	if (o->top_style != SY_MARK_NONE)
		fprintf(out, _("top level numbered like %s"), sy_mark_example(o->top_style));
	else if (o->top_markup)
		fprintf(out, _("top level: headings marked up at level %d"), o->top_markup);
	else
		fputs(_("top level: unnumbered headings"), out);
}

static void explain_outline(FILE *out, const struct sy_report *rep, const struct sy_rubric *r, bool utf8)
{
	const struct sy_outline *o = &rep->outline;
	fprintf(out, "%s\n", _("Outline (line, level, what shenyue saw):"));
	size_t next_heading = 0;
	for (size_t k = 0; k < o->npc; k++) {
		if (k == o->pc_body_start && o->nh) {
			put_lines(out, o->pc[k].line, o->pc[k].line);
			fprintf(out, "%s; ", _("the body starts"));
			put_top(out, o);
			fputc('\n', out);
		}
		if (k == o->pc_body_end && k < o->npc) {
			put_lines(out, o->pc[k].line, o->pc[k].line);
			fprintf(out, "%s\n", _("the body ends"));
		}
		while (next_heading < o->nh && o->h[next_heading].piece < k)
			next_heading++;
		if (next_heading < o->nh && o->h[next_heading].piece == k) {
			put_heading(out, rep, r, next_heading, utf8);
			continue;
		}
		const char *label = region_label(o->pc[k].kind);
		if (!label)
			continue;
		size_t last = region_end(o, k);
		put_lines(out, o->pc[k].line, o->pc[last].line);
		fputs(label, out);
		if (o->pc[k].kind == SY_LK_TITLE && o->title) {
			fputs(": ", out);
			put_shown(out, o->title);
		}
		fputc('\n', out);
		k = last;
	}
	if (!o->nh)
		fprintf(out, "  %s\n", _("no headings at all"));
}

static void explain_parts(FILE *out, const struct sy_report *rep, const struct sy_rubric *r, bool utf8)
{
	fprintf(out, "%s\n", _("Parts (status, line, why):"));
	for (size_t p = 0; p < r->nparts && p < rep->score.nparts; p++) {
		const struct sy_part_result *pr = &rep->score.parts[p];
		char why[512], rule[64], line[32] = "-";
		sy_evidence_describe(pr, &r->parts[p], why, sizeof why);
		sy_evidence_rule_id(&pr->ev, rule, sizeof rule);
		if (pr->line)
			snprintf(line, sizeof line, "%ld", pr->line);
		char *name = sy_width_pad(r->parts[p].short_label, 10, SY_ALIGN_LEFT, NULL);
		fprintf(out, "  %s %s%s %-7s %-5s [%s] %s\n", name, sy_status_mark(pr->status, utf8),
			sy_evidence_uncertain(&pr->ev) ? "?" : " ", sy_status_name(pr->status), line, rule, why);
		free(name);
	}
}

void sy_explain_write(FILE *out, const struct sy_report *rep, const struct sy_rubric *r, bool utf8)
{
	put_shown(out, rep->path);
	if (rep->error) {
		fputs(": ", out);
		put_shown(out, rep->error);
		fputs("\n\n", out);
		return;
	}
	fputs(": ", out);
	put_shown(out, rep->outline.unit ? rep->outline.unit : _("(unit?)"));
	if (rep->outline.year)
		fprintf(out, ", %d", rep->outline.year);
	/* the score every other output shows: the rubric's deductions taken */
	fprintf(out, ", %s, %s %d\n", sy_encoding_name(rep->doc.encoding), _("score"), sy_effective_score(rep, NULL, r));
	explain_outline(out, rep, r, utf8);
	explain_parts(out, rep, r, utf8);
	fputc('\n', out);
}
