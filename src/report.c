/* One report: read, decoded, outlined and scored. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/deadline.h"
#include "shenyue/debris.h"
#include "shenyue/report.h"
#include "shenyue/signature.h"
#include "shenyue/textprint.h"
#include "shenyue/xalloc.h"

void sy_report_from_doc(struct sy_report *rep, const struct sy_rubric *r)
{
	sy_outline_build(&rep->outline, &rep->doc, r);
	sy_score_report(&rep->score, &rep->doc, &rep->outline, r);
	sy_debris_scan(&rep->score, &rep->doc, &rep->outline, r);
	rep->sig = xcalloc(1, sizeof *rep->sig);
	sy_signature_make(rep, rep->sig);
	sy_textprint_free(rep->print);
	rep->print = sy_textprint_make(rep, r);
	rep->loaded = true;
}

int sy_report_load(struct sy_report *rep, const char *path, const struct sy_rubric *r)
{
	char err[512];
	if (rep->path != path) {
		free(rep->path);
		rep->path = xstrdup(path);
	}
	rep->loaded = true;
	if (sy_doc_load(&rep->doc, path, err, sizeof err) != 0) {
		rep->error = xstrdup(err);
		return -1;
	}
	sy_report_from_doc(rep, r);
	return 0;
}

char *sy_report_title_block(const struct sy_report *rep)
{
	if (!rep->doc.lines && rep->title_block)
		return xstrdup(rep->title_block);
	struct sy_buf b = {0};
	sy_buf_add(&b, "", 0);
	const struct sy_outline *o = &rep->outline;
	for (size_t i = 0; i < o->nlines && i < rep->doc.nlines; i++)
		if (o->kind[i] == SY_LK_UNIT || o->kind[i] == SY_LK_TITLE)
			sy_buf_printf(&b, "%s|", rep->doc.lines[i].sq);
	if (o->title)
		sy_buf_printf(&b, "%s|", o->title);
	return sy_buf_steal(&b);
}

/* The publication date the text states (web chrome 发布日期), kept in the
 * doc's own fields once the text goes, where sy_report_published reads it. */
static void keep_published(struct sy_report *rep)
{
	struct sy_date d;
	if (rep->doc.pub_y || !rep->doc.lines || !sy_report_published(rep, &d))
		return;
	rep->doc.pub_y = d.y;
	rep->doc.pub_m = d.m;
	rep->doc.pub_d = d.d;
}

void sy_report_compact(struct sy_report *rep)
{
	if (!rep->loaded || rep->error)
		return;
	if (rep->doc.lines && !rep->title_block)
		rep->title_block = sy_report_title_block(rep);
	keep_published(rep);
	sy_doc_drop_lines(&rep->doc);
	sy_outline_drop_lines(&rep->outline);
}

int sy_report_text_read(struct sy_report_text *t, const char *path, uint64_t hash, const struct sy_rubric *r)
{
	memset(t, 0, sizeof *t);
	char err[512];
	if (sy_doc_load(&t->doc, path, err, sizeof err) != 0 || t->doc.hash != hash) {
		sy_report_text_free(t);
		return -1; /* gone or changed: the results stay those of the text scored */
	}
	sy_outline_build(&t->outline, &t->doc, r);
	t->ok = true;
	return 0;
}

int sy_report_text_take(struct sy_report *rep, struct sy_report_text *t)
{
	int rc = -1;
	if (t->ok && rep->loaded && !rep->error && !rep->doc.lines && t->doc.hash == rep->doc.hash) {
		sy_doc_free(&rep->doc);
		sy_outline_free(&rep->outline);
		rep->doc = t->doc;
		rep->outline = t->outline;
		memset(t, 0, sizeof *t);
		rc = 0;
	}
	sy_report_text_free(t);
	return rc;
}

void sy_report_text_free(struct sy_report_text *t)
{
	sy_outline_free(&t->outline);
	sy_doc_free(&t->doc);
	memset(t, 0, sizeof *t);
}

int sy_report_read_text(struct sy_report *rep, const struct sy_rubric *r)
{
	if (!rep->loaded || rep->error)
		return -1;
	if (rep->doc.lines)
		return 0;
	struct sy_report_text t;
	if (sy_report_text_read(&t, rep->path, rep->doc.hash, r) != 0)
		return -1;
	return sy_report_text_take(rep, &t);
}

void sy_report_free(struct sy_report *rep)
{
	free(rep->path);
	free(rep->error);
	sy_doc_free(&rep->doc);
	sy_outline_free(&rep->outline);
	sy_score_free(&rep->score);
	free(rep->sig);
	sy_textprint_free(rep->print);
	free(rep->title_block);
	memset(rep, 0, sizeof *rep);
}

enum sy_status sy_report_worst(const struct sy_report *rep, const struct sy_rubric *r)
{
	if (rep->error || !rep->score.parts)
		return SY_MISSING;
	enum sy_status worst = SY_PRESENT;
	for (size_t i = 0; i < r->nparts && i < rep->score.nparts; i++)
		if (r->parts[i].required && rep->score.parts[i].status < worst)
			worst = rep->score.parts[i].status;
	return worst;
}
