/* The batch check as a stream: worker threads read and score the files;
 * each report's parts, evidence, findings, what the doc and outline say and
 * its print (compare.h) go to the spool at once and its text is freed. What
 * the cross-report checks need stays in memory as a skeleton report: path,
 * unit, year, title block, the signature (duplicates) and the findings the
 * cross-check may drop or rewrite (sy_compare_touches), each run of the
 * others after the first of them standing as one mark (a finding with the
 * id "" whose line counts them). Once every report is in, the cross-check
 * and the comparisons run on the skeletons as on a batch, reading the
 * prints back from the spool; the duplicate findings go to the spool too,
 * another mark standing where they go. The output is written report by
 * report from the spool: the record's findings before the skeleton's, then
 * the skeleton's with each mark replaced by what it stands for, then the
 * roster's tells. */
#include "config.h"

#include <errno.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/check.h"
#include "shenyue/compare.h"
#include "shenyue/effective.h"
#include "shenyue/i18n.h"
#include "shenyue/order.h"
#include "shenyue/pool.h"
#include "shenyue/progress.h"
#include "shenyue/similar.h"
#include "shenyue/spool.h"
#include "shenyue/textprint.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

/* Where a report's spooled part is, and what is known of it at once. */
struct stub {
	uint64_t off;           /* its record in the spool */
	size_t len;
	size_t plen;            /* its print's bytes, right after the record (0: none) */
	size_t npre;            /* findings of the record before the skeleton's */
	size_t nkept;           /* findings of the record the skeleton's marks stand for,
				   npre included (the roster's tells follow) */
	uint64_t doff;          /* its duplicate findings in the spool (dlen 0: none) */
	size_t dlen;
	const char *mark;       /* the id of the skeleton's finding that stands where
				   they go (NULL: none) */
	int score;              /* effective score, once known (--sort score) */
	bool incomplete;        /* a required part partial or missing */
};

struct stream {
	const struct sy_check_run *run;
	struct sy_batch skel;   /* the skeletons, as a batch the cross-check reads */
	struct stub *st;
	size_t n;
	struct sy_buf *rec;     /* per job: its packed record and print, until spooled */
	struct sy_spool *spool;
	struct sy_buf ptmp;     /* a print being read back */
	struct sy_buf dtmp;     /* duplicate findings being spooled */
	bool failed;            /* the spool refused some */
};

/* The roster's tells, added after the cross-check as the batch check does:
 * here they are worked out while the text is there, and set aside. */
static size_t roster_tells(const struct sy_roster *roster, struct sy_report *rep)
{
	if (!roster || !rep->loaded || rep->error)
		return 0;
	size_t before = rep->score.nf;
	struct sy_match m;
	sy_roster_match(roster, rep, NULL, &m);
	sy_roster_check_tells(roster, rep, m.unit);
	sy_match_free(&m);
	return rep->score.nf - before;
}

/* Copies n findings (src may be NULL when n is 0). */
static void copy_findings(struct sy_finding *dst, const struct sy_finding *src, size_t n)
{
	if (n)
		memcpy(dst, src, n * sizeof *dst);
}

/* True when the cross-check may drop or rewrite the report's finding k:
 * it stays with the skeleton. */
static bool touched(const struct sy_report *rep, size_t k)
{
	return sy_compare_touches(rep->score.f[k].id, rep->print);
}

/* True for a skeleton's mark: a finding with the id "" (no real one has it). */
static bool is_mark(const struct sy_finding *f)
{
	return !f->id[0];
}

/* Packs the report's results with the findings the cross-check never
 * touches and its last ntells (the roster's), then its print. */
static void pack_record(struct sy_report *rep, size_t ntells, struct stub *st, struct sy_buf *out)
{
	struct sy_finding *all = rep->score.f;
	size_t nf = rep->score.nf, n = 0;
	struct sy_finding *f = xcalloc(nf + 1, sizeof *f);
	st->npre = nf - ntells;
	for (size_t k = 0; k < nf - ntells; k++) {
		if (!touched(rep, k))
			f[n++] = all[k];
		else if (st->npre > k)
			st->npre = k;
	}
	st->nkept = n;
	copy_findings(f + n, all + (nf - ntells), ntells);
	rep->score.f = f;
	rep->score.nf = n + ntells;
	sy_report_pack(rep, out);
	rep->score.f = all;
	rep->score.nf = nf;
	free(f);
	st->len = out->len;
	if (rep->print)
		sy_textprint_pack(rep->print, out);
	st->plen = out->len - st->len;
}

/* Keeps of the report's findings (the last ntells left out) those the
 * cross-check may touch and, for each run of others after the first of
 * them, a mark counting the run; the others go (they are in the record). */
static void keep_touched(struct sy_report *rep, size_t ntells)
{
	size_t nf = rep->score.nf - ntells, n = 0;
	struct sy_finding *f = rep->score.f, *keep = xcalloc(nf + 1, sizeof *keep);
	for (size_t k = 0; k < nf;) {
		if (touched(rep, k)) {
			keep[n++] = f[k++];
			continue;
		}
		size_t run = 0;
		for (; k < nf && !touched(rep, k); k++, run++)
			sy_finding_clear(&f[k]);
		if (n) /* the run before the first is the record's first npre */
			keep[n++] = (struct sy_finding){ .id = xstrdup(""), .line = (long)run };
	}
	for (size_t k = nf; k < rep->score.nf; k++)
		sy_finding_clear(&f[k]);
	free(f);
	rep->score.f = keep;
	rep->score.nf = n;
}

/* A copy of s that takes no more than its bytes (NULL stays NULL). */
static char *shrunk(char *s)
{
	char *t = s ? xstrdup(s) : NULL;
	free(s);
	return t;
}

/* Lets the report go but for what the cross-checks read: each byte kept
 * here is kept for every report of the batch. roster: the title block is
 * read (sy_roster_match). */
static void make_skeleton(struct sy_report *rep, size_t ntells, bool roster)
{
	keep_touched(rep, ntells);
	sy_textprint_free(rep->print);
	rep->print = NULL;
	for (size_t p = 0; p < rep->score.nparts; p++)
		free(rep->score.parts[p].heading_text);
	free(rep->score.parts);
	rep->score.parts = NULL;
	rep->score.nparts = 0;
	if (!rep->score.nf) { /* the array held every finding */
		free(rep->score.f);
		rep->score.f = NULL;
	}
	sy_report_compact(rep);
	free(rep->doc.path); /* rep->path is the one read */
	rep->doc.path = NULL;
	if (!roster) {
		free(rep->title_block);
		rep->title_block = NULL;
	}
}

/* A copy of the n bytes at p (NULL when p is NULL). */
static void *copied(const void *p, size_t n)
{
	if (!p)
		return NULL;
	void *q = xcalloc(1, n ? n : 1);
	memcpy(q, p, n);
	return q;
}

/* The skeleton's memory made anew on this thread, at its exact size. Made
 * on a worker among the text it was read with, each small block kept till
 * the end would hold down the worker's freed memory around it: at 200,000
 * reports, most of a gigabyte. */
static void rehome(struct sy_report *rep)
{
	rep->error = shrunk(rep->error);
	rep->outline.title = shrunk(rep->outline.title);
	rep->outline.unit = shrunk(rep->outline.unit);
	rep->title_block = shrunk(rep->title_block);
	struct sy_signature *sig = copied(rep->sig, sizeof *rep->sig);
	free(rep->sig);
	rep->sig = sig;
	size_t nbad = rep->doc.nbad < SY_BADBYTE_KEEP ? rep->doc.nbad : SY_BADBYTE_KEEP;
	struct sy_badbyte *bad = copied(rep->doc.bad, nbad * sizeof *bad);
	free(rep->doc.bad);
	rep->doc.bad = bad;
	unsigned *page = copied(rep->doc.page, rep->doc.npage * sizeof *page);
	free(rep->doc.page);
	rep->doc.page = page;
	if (!rep->score.nf)
		return;
	struct sy_buf b = {0};
	struct sy_score anew = {0};
	sy_findings_pack(rep->score.f, rep->score.nf, &b);
	if (!sy_findings_unpack(&anew, b.data, b.len)) {
		for (size_t k = 0; k < rep->score.nf; k++)
			sy_finding_clear(&rep->score.f[k]);
		free(rep->score.f);
		rep->score.f = anew.f;
	}
	sy_buf_free(&b);
}

/* Job i, on a worker: read, score, sign; spool record and skeleton. */
static void stream_job(void *ctx, size_t i)
{
	struct stream *s = ctx;
	struct sy_report *rep = &s->skel.r[i];
	sy_report_load(rep, rep->path, s->run->rubric);
	size_t tells = roster_tells(s->run->roster, rep);
	s->st[i].incomplete = rep->error || sy_report_worst(rep, s->run->rubric) != SY_PRESENT;
	pack_record(rep, tells, &s->st[i], &s->rec[i]);
	make_skeleton(rep, tells, s->run->roster != NULL);
}

/* Report i's print read back from the spool (o.print of the cross-check). */
static struct sy_textprint *stream_print(void *ctx, size_t i)
{
	struct stream *s = ctx;
	const struct stub *st = &s->st[i];
	if (!st->plen || sy_spool_get(s->spool, st->off + st->len, st->plen, &s->ptmp))
		return NULL;
	return sy_textprint_unpack(s->ptmp.data, s->ptmp.len);
}

/* Reads, scores and spools every report, in order, on the pool's threads. */
static int stream_read_all(struct stream *s)
{
	const struct sy_check_run *run = s->run;
	struct sy_progress prog;
	/* TRANSLATORS: the progress line of check, export and summary. */
	sy_progress_begin(&prog, _("reading"), s->n, run->progress);
	int threads = run->jobs > 0 ? run->jobs : sy_pool_cores();
	struct sy_pool *pool = sy_pool_start(s->n, threads, (size_t)threads * 8, stream_job, s);
	int rc = 0;
	for (size_t i = 0; i < s->n; i++) {
		sy_pool_ensure(pool, i);
		rehome(&s->skel.r[i]);
		s->st[i].off = sy_spool_put(s->spool, s->rec[i].data, s->rec[i].len);
		if (s->st[i].off == UINT64_MAX)
			rc = -1;
		sy_buf_free(&s->rec[i]);
		sy_pool_release(pool, i + 1);
		sy_progress_update(&prog, i + 1);
	}
	sy_pool_free(pool);
	sy_progress_end(&prog);
	return rc;
}

/* The cross-check's duplicate findings of report i (o.duplicates): to the
 * spool, and a mark in the skeleton's findings where they go, so that the
 * comparisons' findings that follow stay after them. */
static void stream_dups(void *ctx, size_t i, const struct sy_score *dups)
{
	struct stream *s = ctx;
	if (!dups->nf)
		return;
	struct stub *st = &s->st[i];
	s->dtmp.len = 0;
	sy_findings_pack(dups->f, dups->nf, &s->dtmp);
	st->doff = sy_spool_put(s->spool, s->dtmp.data, s->dtmp.len);
	st->dlen = s->dtmp.len;
	if (st->doff == UINT64_MAX)
		s->failed = true;
	struct sy_score *sk = &s->skel.r[i].score;
	sk->f = xreallocarray(sk->f, sk->nf + 1, sizeof *sk->f);
	sk->f[sk->nf] = (struct sy_finding){ .id = xstrdup("") }; /* an id no finding has */
	st->mark = sk->f[sk->nf++].id;
}

/* True when the skeleton's marks stand for the record's kept findings
 * after its first npre, no more, no less. */
static bool marks_fit(const struct stub *st, const struct sy_score *sk, size_t nrecord)
{
	size_t sum = st->npre;
	for (size_t k = 0; k < sk->nf; k++)
		if (is_mark(&sk->f[k]) && sk->f[k].id != st->mark)
			sum += (size_t)sk->f[k].line;
	return st->npre <= st->nkept && sum == st->nkept && st->nkept <= nrecord;
}

/* The findings of report i in output order: the record's first npre, the
 * skeleton's with each mark replaced (a run of the record's kept findings,
 * or the duplicates d), then the record's last (the roster's tells). The
 * findings are moved, not copied; returns the array, *n of them. */
static struct sy_finding *merged(const struct stub *st, const struct sy_score *sk, const struct sy_score *rec,
				 const struct sy_score *d, size_t *n)
{
	struct sy_finding *f = xcalloc(sk->nf + d->nf + rec->nf + 1, sizeof *f);
	size_t w = 0, r = st->npre;
	copy_findings(f, rec->f, r);
	w = r;
	for (size_t k = 0; k < sk->nf; k++) {
		const struct sy_finding *x = &sk->f[k];
		if (x->id == st->mark) {
			copy_findings(f + w, d->f, d->nf);
			w += d->nf;
		} else if (is_mark(x)) {
			copy_findings(f + w, rec->f + r, (size_t)x->line);
			w += (size_t)x->line;
			r += (size_t)x->line;
		} else {
			f[w++] = *x;
		}
	}
	copy_findings(f + w, rec->f + st->nkept, rec->nf - st->nkept);
	*n = w + rec->nf - st->nkept;
	return f;
}

/* Report i as the output shows it: its spooled record, its findings
 * merged with the skeleton's (merged()). take: the skeleton's findings
 * move over (once, for writing); else they are lent, and
 * stream_report_done gives them back. Returns -1 when the spool fails it. */
static int stream_report(struct stream *s, size_t i, struct sy_report *rep, struct sy_buf *tmp, bool take)
{
	struct stub *st = &s->st[i];
	struct sy_score d = {0};
	if (st->dlen && (sy_spool_get(s->spool, st->doff, st->dlen, tmp) || sy_findings_unpack(&d, tmp->data, tmp->len)))
		return -1;
	struct sy_score *sk = &s->skel.r[i].score;
	bool read = !sy_spool_get(s->spool, st->off, st->len, tmp) && !sy_report_unpack(rep, tmp->data, tmp->len);
	if (!read || !marks_fit(st, sk, rep->score.nf)) {
		if (read)
			sy_report_free(rep);
		for (size_t k = 0; k < d.nf; k++)
			sy_finding_clear(&d.f[k]);
		free(d.f);
		return -1;
	}
	size_t n;
	struct sy_finding *f = merged(st, sk, &rep->score, &d, &n);
	free(rep->score.f);
	free(d.f);
	rep->score.f = f;
	rep->score.nf = n;
	if (take) {
		for (size_t k = 0; k < sk->nf; k++)
			if (is_mark(&sk->f[k]))
				sy_finding_clear(&sk->f[k]);
		free(sk->f);
		sk->f = NULL;
		sk->nf = 0;
		st->mark = NULL;
	}
	return 0;
}

/* True when f is one of the skeleton's findings (lent, not owned). */
static bool lent(const struct sy_score *sk, const struct sy_finding *f)
{
	for (size_t k = 0; k < sk->nf; k++)
		if (sk->f[k].id == f->id)
			return true;
	return false;
}

/* Frees a report of stream_report(take false), the lent findings excepted. */
static void stream_report_done(struct stream *s, size_t i, struct sy_report *rep)
{
	const struct sy_score *sk = &s->skel.r[i].score;
	for (size_t k = 0; k < rep->score.nf; k++)
		if (!lent(sk, &rep->score.f[k]))
			sy_finding_clear(&rep->score.f[k]);
	free(rep->score.f);
	rep->score.f = NULL;
	rep->score.nf = 0;
	sy_report_free(rep);
}

static const char *stream_unit(const void *ctx, size_t i)
{
	const struct sy_report *rep = &((const struct stream *)ctx)->skel.r[i];
	return rep->error ? NULL : rep->outline.unit;
}

static long stream_score(const void *ctx, size_t i)
{
	const struct stream *s = ctx;
	return s->skel.r[i].error ? -1 : s->st[i].score;
}

/* The order of output, as sy_batch_order gives it (stable). */
static size_t *stream_order(struct stream *s)
{
	struct sy_order_keys k = { stream_unit, stream_score, s };
	return sy_order_index(s->run->order, s->n, &k);
}

/* What the output needs before its first report: the text columns' widths,
 * each report's score after its duplicates. One more pass over the spool. */
static int stream_measure(struct stream *s, struct sy_check_cols *cols)
{
	struct sy_buf tmp = {0};
	int rc = 0;
	for (size_t i = 0; i < s->n && !rc; i++) {
		struct sy_report rep;
		if (stream_report(s, i, &rep, &tmp, false)) {
			rc = -1;
			break;
		}
		sy_check_text_measure(&rep, cols);
		s->st[i].score = rep.error ? -1 : sy_effective_score(&rep, NULL, s->run->rubric);
		stream_report_done(s, i, &rep);
	}
	sy_buf_free(&tmp);
	return rc;
}

/* Reports a job of the writing formats: enough that handing jobs over
 * costs little beside them. */
#define WRITE_CHUNK 64

/* What the writing's job k made: reports idx[k * WRITE_CHUNK...] in the
 * output's format, up to the first the spool failed. */
struct written {
	char *text;
	size_t len;
	bool failed;            /* the spool failed one */
};

/* The writing's state, shared by its jobs. */
struct writing {
	struct stream *s;
	const size_t *idx;
	const struct sy_check_cols *cols;
	struct written *w;
};

/* Job k of the writing, on a worker: its chunk of reports formatted in memory. */
static void write_job(void *ctx, size_t k)
{
	struct writing *wr = ctx;
	const struct sy_check_run *run = wr->s->run;
	struct written *w = &wr->w[k];
	struct sy_buf tmp = {0};
	FILE *mem = xopen_memstream(&w->text, &w->len);
	__fsetlocking(mem, FSETLOCKING_BYCALLER); /* this thread's alone: no lock a call */
	size_t end = (k + 1) * WRITE_CHUNK < wr->s->n ? (k + 1) * WRITE_CHUNK : wr->s->n;
	for (size_t j = k * WRITE_CHUNK; j < end && !w->failed; j++) {
		struct sy_report rep;
		w->failed = stream_report(wr->s, wr->idx[j], &rep, &tmp, true) != 0;
		if (w->failed)
			break;
		if (run->fmt == SY_FMT_YAML)
			sy_check_yaml_report(mem, &rep, run->rubric);
		else if (run->fmt == SY_FMT_CSV)
			sy_check_csv_row(mem, &rep, run->rubric);
		else
			sy_check_text_report(mem, &rep, run->rubric, wr->cols, run->utf8);
		sy_report_free(&rep);
	}
	xclose_memstream(mem);
	sy_buf_free(&tmp);
}

/* Writes the reports in the order idx gives: formatted a chunk at a time on
 * the pool's threads (the spool settled, so they may read it at once),
 * written out here in order. Returns -1 when the spool fails one (the
 * output stops before it). */
static int stream_write(struct stream *s, const size_t *idx, const struct sy_check_cols *cols)
{
	const struct sy_check_run *run = s->run;
	FILE *out = run->out;
	if (run->fmt == SY_FMT_YAML)
		sy_check_yaml_head(out, s->n);
	else if (run->fmt == SY_FMT_CSV)
		sy_check_csv_head(out, run->rubric);
	if (sy_spool_settle(s->spool))
		return -1;
	size_t jobs = (s->n + WRITE_CHUNK - 1) / WRITE_CHUNK;
	struct writing wr = { s, idx, cols, xcalloc(jobs + 1, sizeof *wr.w) };
	int threads = run->jobs > 0 ? run->jobs : sy_pool_cores();
	struct sy_pool *pool = sy_pool_start(jobs, threads, (size_t)threads * 4, write_job, &wr);
	int rc = 0;
	for (size_t k = 0; k < jobs && !rc; k++) {
		sy_pool_ensure(pool, k);
		fwrite(wr.w[k].text, 1, wr.w[k].len, out);
		rc = wr.w[k].failed ? -1 : 0;
		free(wr.w[k].text);
		wr.w[k].text = NULL;
		sy_pool_release(pool, k + 1);
	}
	sy_pool_free(pool);
	for (size_t k = 0; k < jobs; k++)
		free(wr.w[k].text);
	free(wr.w);
	return rc;
}

/* Writes "shenyue: [path: ]message" on stderr, control characters shown. */
static void say_shown(const char *path, const char *message)
{
	char *text = xasprintf("%s%s%s", path, *path ? ": " : "", message);
	char *shown = sy_width_pad(text, sy_width_str(text), SY_ALIGN_LEFT, NULL);
	fprintf(stderr, "shenyue: %s\n", shown);
	free(shown);
	free(text);
}

/* The unreadable files on stderr, and the exit status. */
static int stream_finish(struct stream *s, const struct sy_strlist *errors, const size_t *idx)
{
	for (size_t i = 0; i < errors->n; i++)
		say_shown("", errors->v[i]);
	int status = errors->n ? 2 : 0;
	for (size_t k = 0; k < s->n; k++) {
		const struct sy_report *rep = &s->skel.r[idx[k]];
		if (rep->error) {
			say_shown(rep->path, rep->error);
			status = 2;
		} else if (s->st[idx[k]].incomplete && !status) {
			status = 1;
		}
	}
	return status;
}

static void stream_free(struct stream *s)
{
	sy_batch_free(&s->skel);
	free(s->st);
	free(s->rec);
	sy_buf_free(&s->ptmp);
	sy_buf_free(&s->dtmp);
	sy_spool_close(s->spool);
}

int sy_check_stream(const struct sy_check_run *run)
{
	struct stream s = { run, {0}, NULL, 0, NULL, sy_spool_open(run->in_memory), {0}, {0}, false };
	sy_batch_expand(&s.skel, run->paths, run->npaths);
	s.n = s.skel.n;
	s.st = xcalloc(s.n + 1, sizeof *s.st);
	s.rec = xcalloc(s.n + 1, sizeof *s.rec);
	int status = 0;
	if (stream_read_all(&s)) {
		fprintf(stderr, _("shenyue: cannot keep the results in a temporary file: %s\n"), strerror(errno));
		status = 2;
	}
	sy_batch_crosscheck_opts(&s.skel, &(struct sy_crosscheck_opts){ .rubric = run->rubric, .roster = run->roster,
									  .print = stream_print, .print_ctx = &s,
									  .duplicates = stream_dups, .dup_ctx = &s });
	if (s.failed && !status) {
		fprintf(stderr, _("shenyue: cannot keep the results in a temporary file: %s\n"), strerror(errno));
		status = 2;
	}
	struct sy_check_cols cols = {0};
	bool measure = run->fmt == SY_FMT_TEXT || run->order == SY_ORDER_SCORE;
	if (!status && measure && stream_measure(&s, &cols))
		status = 2;
	size_t *idx = stream_order(&s);
	if (!status && stream_write(&s, idx, &cols)) {
		fprintf(stderr, _("shenyue: cannot read the results back from the temporary file\n"));
		status = 2;
	}
	errno = 0;
	int write_error = fflush(run->out) != 0 || ferror(run->out) ? (errno ? errno : EIO) : 0;
	int finish = stream_finish(&s, &s.skel.errors, idx);
	status = status ? status : finish;
	if (write_error) { /* a full disk or a closed pipe is not a clean check */
		fprintf(stderr, _("shenyue: cannot write the output: %s\n"), strerror(write_error));
		status = 2;
	}
	free(idx);
	stream_free(&s);
	return status;
}
