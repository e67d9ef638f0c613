/* Why a part has its status, said for check --format yaml, --explain and the
 * checklist. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shenyue/i18n.h"
#include "shenyue/score.h"

void sy_evidence_rule_id(const struct sy_evidence *e, char *buf, size_t len)
{
	static const char *const ids[] = { "none", "heading", "empty", "nothing", "", "mention", "topical" };
	if (e->rule == SY_RULE_ASPECT)
		snprintf(buf, len, "%s-missing", e->aspect ? e->aspect : "aspect");
	else
		snprintf(buf, len, "%s", ids[e->rule]);
}

/* The label of the aspect the evidence speaks of (原因), or its id. */
static const char *aspect_label(const struct sy_evidence *e, const struct sy_part *p)
{
	for (size_t i = 0; p && e->aspect && i < p->naspects; i++)
		if (!strcmp(p->aspects[i].id, e->aspect))
			return p->aspects[i].label ? p->aspects[i].label : p->aspects[i].id;
	return e->aspect ? e->aspect : "";
}

static const char *kind_place(enum sy_line_kind k)
{
	switch (k) {
	case SY_LK_CONTENTS: return _("the contents page");
	case SY_LK_PREAMBLE: return _("the preamble");
	case SY_LK_ANNEX: return _("an annex after the date line");
	default: return _("text outside the body");
	}
}

/* The first sentence: the rule and its lines. */
static int describe_rule(const struct sy_part_result *pr, const struct sy_part *p, char *buf, size_t len)
{
	const struct sy_evidence *e = &pr->ev;
	long second = e->nlines > 1 ? e->lines[1] : 0;
	switch (e->rule) {
	case SY_RULE_HEADING:
		if (e->aspect_line)
			return snprintf(buf, len, _("a level-%d heading names it (line %ld), text follows, %s at line %ld"),
					e->level, pr->line, aspect_label(e, p), e->aspect_line);
		return snprintf(buf, len, _("a level-%d heading names it (line %ld) and text follows (line %ld)"),
				e->level, pr->line, second ? second : pr->line);
	case SY_RULE_EMPTY:
		return snprintf(buf, len, _("its heading (line %ld) has nothing written under it"), pr->line);
	case SY_RULE_NOTHING:
		return snprintf(buf, len, _("under its heading (line %ld) it says only that there is nothing (line %ld)"),
				pr->line, second ? second : pr->line);
	case SY_RULE_ASPECT:
		return snprintf(buf, len, _("its heading (line %ld) names it, but %s is not there"), pr->line,
				aspect_label(e, p));
	case SY_RULE_MENTION:
		return snprintf(buf, len, _("no heading names it; another part's text mentions it (line %ld)"), pr->line);
	case SY_RULE_TOPICAL:
		return snprintf(buf, len, _("no heading names it; the top-level headings describe topics of the "
					    "year's work instead (from line %ld)"), pr->line);
	case SY_RULE_NONE:
	default:
		if (e->ignored)
			return snprintf(buf, len, _("no heading names it and the body never mentions it; "
						    "line %ld names it in %s, which does not count"),
					e->ignored, kind_place(e->ignored_kind));
		return snprintf(buf, len, _("no heading names it and the body never mentions it"));
	}
}

void sy_evidence_describe(const struct sy_part_result *pr, const struct sy_part *p, char *buf, size_t len)
{
	int n = describe_rule(pr, p, buf, len);
	if (n < 0 || (size_t)n >= len)
		return;
	const struct sy_evidence *e = &pr->ev;
	char why[256] = "";
	if (e->doubt & SY_DOUBT_RUN_ON)
		snprintf(why, sizeof why, "%s", _("uncertain: the heading was found inside a line that lost its line breaks"));
	else if (e->doubt & SY_DOUBT_WORDS)
		snprintf(why, sizeof why, "%s", _("uncertain: an unnumbered line taken for a heading by its words"));
	else if (e->doubt & SY_DOUBT_CUT)
		snprintf(why, sizeof why,
			 _("uncertain: its text ends at line %ld, an unnumbered line taken for a heading by its words"),
			 e->cut_line);
	else if (e->doubt & SY_DOUBT_ASPECT)
		snprintf(why, sizeof why, "%s",
			 _("uncertain: shown only by a phrase without the word itself (之所以, 一方面…另一方面)"));
	if (*why)
		snprintf(buf + n, len - (size_t)n, " (%s)", why);
}
