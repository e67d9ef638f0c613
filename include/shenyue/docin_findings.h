/* Findings only a document shows (修订未接受, 批注未删除, scanned PDF pages):
 * what the readers noted in struct sy_doc, turned into findings when the
 * report is scored. */
#ifndef SHENYUE_DOCIN_FINDINGS_H
#define SHENYUE_DOCIN_FINDINGS_H

#include "shenyue/doc.h"

struct sy_score;

/* Adds the findings a document itself shows (tracked changes, comments,
 * scanned pages) to s. */
void sy_docin_findings(struct sy_score *s, const struct sy_doc *d);

#endif
