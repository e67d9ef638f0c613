/* Findings only a document shows: tracked changes not accepted and comments
 * left in a Word or ODF file (修订未接受, 批注未删除), PDF pages that are scans. */
#include "config.h"

#include "shenyue/docin.h"
#include "shenyue/i18n.h"
#include "shenyue/score.h"

void sy_docin_findings(struct sy_score *s, const struct sy_doc *d)
{
	if (d->revisions)
		sy_score_add_finding(s, "tracked-changes", SY_SEV_WARNING, (long)d->revision_line, NULL,
				     _("tracked changes not accepted (修订未接受): %u revision marks, read as if "
				       "accepted; accept or reject them before the report is published"),
				     d->revisions);
	if (d->comments)
		sy_score_add_finding(s, "comments-left", SY_SEV_WARNING, (long)d->comment_line, NULL,
				     _("comments left in the file (批注未删除): %u"), d->comments);
	if (d->scanned_pages)
		sy_score_add_finding(s, "scanned-pages", SY_SEV_WARNING, 0, NULL,
				     _("%u pages are scanned images with no text layer (the first is page %u): "
				       "their text was not read"),
				     d->scanned_pages, d->first_scanned_page);
}
