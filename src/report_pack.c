/* A scored report as bytes and back, so that a batch of 200,000 keeps its
 * results on disk (spool.h) rather than in memory. What is packed is what
 * the results say: the check writers, the effective score and the exit
 * status read nothing else. The text, outline and signature are not packed.
 * A record is read back by the same process only: pointers into the rubric
 * (an evidence's aspect id) stay good. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/findings.h"
#include "shenyue/report.h"
#include "shenyue/xalloc.h"

#define NO_STRING UINT32_MAX

static void put(struct sy_buf *b, const void *p, size_t n)
{
	sy_buf_add(b, p, n);
}

static void put_u64(struct sy_buf *b, uint64_t v)
{
	put(b, &v, sizeof v);
}

static void put_str(struct sy_buf *b, const char *s)
{
	uint32_t n = s ? (uint32_t)strlen(s) : NO_STRING;
	put(b, &n, sizeof n);
	if (s)
		put(b, s, n);
}

/* Reading back: a cursor that fails once it would run past the end. */
struct reader {
	const char *p, *end;
	bool bad;
};

static void get(struct reader *r, void *out, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->p, n);
	r->p += n;
}

static uint64_t get_u64(struct reader *r)
{
	uint64_t v;
	get(r, &v, sizeof v);
	return v;
}

static char *get_str(struct reader *r)
{
	uint32_t n;
	get(r, &n, sizeof n);
	if (r->bad || n == NO_STRING)
		return NULL;
	if ((size_t)(r->end - r->p) < n) {
		r->bad = true;
		return NULL;
	}
	char *s = xstrndup(r->p, n);
	r->p += n;
	return s;
}

/* The doc's facts about the file (not its lines). */
static void pack_doc(struct sy_buf *b, const struct sy_doc *d)
{
	uint64_t v[] = { d->kind, d->encoding, d->bom, d->eol, d->nbad, d->nbytes, d->hash, d->revisions,
			 d->revision_line, d->comments, d->comment_line, d->scanned_pages,
			 d->first_scanned_page, (uint64_t)(int64_t)d->pub_y, (uint64_t)(int64_t)d->pub_m,
			 (uint64_t)(int64_t)d->pub_d, d->pub_line };
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		put_u64(b, v[i]);
	size_t nbad = d->bad ? (d->nbad < SY_BADBYTE_KEEP ? d->nbad : SY_BADBYTE_KEEP) : 0;
	put_u64(b, nbad);
	put(b, d->bad, nbad * sizeof *d->bad);
	/* the page each line starts on: results name lines with their page */
	size_t npage = d->page ? d->npage : 0;
	put_u64(b, npage);
	put(b, d->page, npage * sizeof *d->page);
}

static void unpack_doc(struct reader *r, struct sy_doc *d)
{
	d->kind = (enum sy_doc_kind)get_u64(r);
	d->encoding = (enum sy_encoding)get_u64(r);
	d->bom = get_u64(r);
	d->eol = (enum sy_eol)get_u64(r);
	d->nbad = get_u64(r);
	d->nbytes = get_u64(r);
	d->hash = get_u64(r);
	d->revisions = (unsigned)get_u64(r);
	d->revision_line = get_u64(r);
	d->comments = (unsigned)get_u64(r);
	d->comment_line = get_u64(r);
	d->scanned_pages = (unsigned)get_u64(r);
	d->first_scanned_page = (unsigned)get_u64(r);
	d->pub_y = (int)(int64_t)get_u64(r);
	d->pub_m = (int)(int64_t)get_u64(r);
	d->pub_d = (int)(int64_t)get_u64(r);
	d->pub_line = get_u64(r);
	uint64_t nbad = get_u64(r);
	if (nbad > SY_BADBYTE_KEEP) {
		r->bad = true;
		return;
	}
	if (nbad) {
		d->bad = xcalloc((size_t)nbad, sizeof *d->bad);
		get(r, d->bad, (size_t)nbad * sizeof *d->bad);
	}
	uint64_t npage = get_u64(r);
	if (npage > (uint64_t)(r->end - r->p) / sizeof *d->page) {
		r->bad = true;
		return;
	}
	if (npage) {
		d->page = xcalloc((size_t)npage, sizeof *d->page);
		d->npage = (size_t)npage;
		get(r, d->page, d->npage * sizeof *d->page);
	}
}

/* The outline's facts about the title block, date and body bounds. */
static void pack_outline(struct sy_buf *b, const struct sy_outline *o)
{
	put_str(b, o->title);
	put_str(b, o->unit);
	int64_t v[] = { (int64_t)o->body_start, (int64_t)o->body_end, (int64_t)o->pc_body_start,
			(int64_t)o->pc_body_end, o->top_style, o->top_markup, o->contents_first,
			o->contents_last, o->annex_line, o->run_on, o->title_line, o->year, o->year_line,
			o->date_line, o->date_y, o->date_m, o->date_d };
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		put_u64(b, (uint64_t)v[i]);
}

static void unpack_outline(struct reader *r, struct sy_outline *o)
{
	o->title = get_str(r);
	o->unit = get_str(r);
	o->body_start = (size_t)get_u64(r);
	o->body_end = (size_t)get_u64(r);
	o->pc_body_start = (size_t)get_u64(r);
	o->pc_body_end = (size_t)get_u64(r);
	o->top_style = (enum sy_mark)(int64_t)get_u64(r);
	o->top_markup = (int)(int64_t)get_u64(r);
	o->contents_first = (long)(int64_t)get_u64(r);
	o->contents_last = (long)(int64_t)get_u64(r);
	o->annex_line = (long)(int64_t)get_u64(r);
	o->run_on = get_u64(r);
	o->title_line = (long)(int64_t)get_u64(r);
	o->year = (int)(int64_t)get_u64(r);
	o->year_line = (long)(int64_t)get_u64(r);
	o->date_line = (long)(int64_t)get_u64(r);
	o->date_y = (int)(int64_t)get_u64(r);
	o->date_m = (int)(int64_t)get_u64(r);
	o->date_d = (int)(int64_t)get_u64(r);
}

static void pack_part(struct sy_buf *b, const struct sy_part_result *p)
{
	int64_t v[] = { p->status, p->line, p->heading, (int64_t)p->body_first, (int64_t)p->body_end,
			(int64_t)p->piece_first, (int64_t)p->piece_end };
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		put_u64(b, (uint64_t)v[i]);
	put_str(b, p->heading_text);
	put(b, &p->ev, sizeof p->ev); /* no owned pointers: the aspect id is the rubric's */
}

static void unpack_part(struct reader *r, struct sy_part_result *p)
{
	p->status = (enum sy_status)(int64_t)get_u64(r);
	p->line = (long)(int64_t)get_u64(r);
	p->heading = (long)(int64_t)get_u64(r);
	p->body_first = (size_t)get_u64(r);
	p->body_end = (size_t)get_u64(r);
	p->piece_first = (size_t)get_u64(r);
	p->piece_end = (size_t)get_u64(r);
	p->heading_text = get_str(r);
	get(r, &p->ev, sizeof p->ev);
}

static void pack_finding(struct sy_buf *b, const struct sy_finding *f)
{
	put_str(b, f->id);
	put_u64(b, f->severity);
	put_u64(b, (uint64_t)(int64_t)f->line);
	put_str(b, f->part);
	put_str(b, f->message);
	put_u64(b, (uint64_t)(int64_t)f->kind);
	put_u64(b, f->nargs);
	for (size_t i = 0; i < f->nargs; i++) {
		const struct sy_finding_arg *a = &f->args[i];
		put(b, &a->type, 1);
		if (a->type == 's')
			put_str(b, a->v.s);
		else
			put(b, &a->v, sizeof a->v);
	}
	put_str(b, f->other);
	put_u64(b, (uint64_t)(int64_t)f->other_line);
}

static void unpack_finding(struct reader *r, struct sy_finding *f)
{
	f->id = get_str(r);
	f->severity = (enum sy_severity)get_u64(r);
	f->line = (long)(int64_t)get_u64(r);
	f->part = get_str(r);
	f->message = get_str(r);
	f->kind = (int)(int64_t)get_u64(r);
	uint64_t nargs = get_u64(r);
	if (nargs > (uint64_t)(r->end - r->p)) {
		r->bad = true;
		nargs = 0;
	}
	if (nargs) {
		f->args = xcalloc((size_t)nargs, sizeof *f->args);
		for (size_t i = 0; i < nargs && !r->bad; i++, f->nargs++) {
			struct sy_finding_arg *a = &f->args[i];
			get(r, &a->type, 1);
			if (a->type == 's')
				a->v.s = get_str(r);
			else
				get(r, &a->v, sizeof a->v);
		}
	}
	f->other = get_str(r);
	f->other_line = (long)(int64_t)get_u64(r);
	if (!f->id) /* every finding has an id: a record without one is corrupt */
		f->id = xstrdup("");
}

void sy_report_pack(const struct sy_report *rep, struct sy_buf *out)
{
	put_str(out, rep->path);
	put_str(out, rep->error);
	put_u64(out, rep->loaded);
	pack_doc(out, &rep->doc);
	pack_outline(out, &rep->outline);
	put_u64(out, rep->score.parts ? rep->score.nparts : 0);
	for (size_t i = 0; rep->score.parts && i < rep->score.nparts; i++)
		pack_part(out, &rep->score.parts[i]);
	put_u64(out, (uint64_t)(int64_t)rep->score.score);
	put_u64(out, rep->score.nf);
	for (size_t i = 0; i < rep->score.nf; i++)
		pack_finding(out, &rep->score.f[i]);
}

int sy_report_unpack(struct sy_report *rep, const void *buf, size_t len)
{
	struct reader r = { buf, (const char *)buf + len, false };
	memset(rep, 0, sizeof *rep);
	rep->path = get_str(&r);
	rep->error = get_str(&r);
	rep->loaded = get_u64(&r);
	unpack_doc(&r, &rep->doc);
	rep->doc.path = rep->path ? xstrdup(rep->path) : NULL;
	unpack_outline(&r, &rep->outline);
	uint64_t nparts = get_u64(&r);
	if (nparts > len) /* more parts than bytes: corrupt */
		r.bad = true;
	if (!r.bad && nparts) {
		rep->score.parts = xcalloc((size_t)nparts, sizeof *rep->score.parts);
		rep->score.nparts = (size_t)nparts;
		for (size_t i = 0; i < nparts && !r.bad; i++)
			unpack_part(&r, &rep->score.parts[i]);
	}
	rep->score.score = (int)(int64_t)get_u64(&r);
	uint64_t nf = get_u64(&r);
	if (nf > len)
		r.bad = true;
	if (!r.bad && nf) {
		rep->score.f = xcalloc((size_t)nf, sizeof *rep->score.f);
		for (size_t i = 0; i < nf && !r.bad; i++, rep->score.nf++)
			unpack_finding(&r, &rep->score.f[i]);
	}
	if (r.bad || r.p != r.end) {
		sy_report_free(rep);
		return -1;
	}
	return 0;
}

void sy_findings_pack(const struct sy_finding *f, size_t n, struct sy_buf *out)
{
	put_u64(out, n);
	for (size_t i = 0; i < n; i++)
		pack_finding(out, &f[i]);
}

int sy_findings_unpack(struct sy_score *s, const void *buf, size_t len)
{
	struct reader r = { buf, (const char *)buf + len, false };
	uint64_t n = get_u64(&r);
	if (r.bad || n > len)
		return -1;
	struct sy_finding *f = xcalloc((size_t)n + 1, sizeof *f);
	size_t got = 0;
	for (; got < n && !r.bad; got++)
		unpack_finding(&r, &f[got]);
	if (r.bad || r.p != r.end) {
		for (size_t k = 0; k < got; k++)
			sy_finding_clear(&f[k]);
		free(f);
		return -1;
	}
	s->f = xreallocarray(s->f, s->nf + got + 1, sizeof *s->f);
	memcpy(s->f + s->nf, f, got * sizeof *f);
	s->nf += got;
	free(f);
	return 0;
}
