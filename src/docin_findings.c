/* Findings only a document shows: tracked changes not accepted and comments
 * left in a Word or ODF file (修订未接受, 批注未删除), PDF pages that are scans. */
#include "config.h"

#include "shenyue/docin_findings.h"
#include "shenyue/findings.h"

void sy_docin_findings(struct sy_score *s, const struct sy_doc *d)
{
	if (d->revisions)
		sy_finding_add(s, SY_FIND_TRACKED_CHANGES, (long)d->revision_line, NULL, d->revisions);
	if (d->comments)
		sy_finding_add(s, SY_FIND_COMMENTS_LEFT, (long)d->comment_line, NULL, d->comments);
	if (d->scanned_pages)
		sy_finding_add(s, SY_FIND_SCANNED_PAGES, 0, NULL, d->scanned_pages, d->first_scanned_page);
}
