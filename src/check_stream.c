/* The batch check as a stream: worker threads read and score the files;
 * each report's parts, evidence, findings, what the doc and outline say and
 * its print (compare.h) go to the spool at once and its text is freed. What
 * the cross-report checks need stays in memory as a stub of a few dozen
 * bytes (struct stub: where its record is, path and unit in one arena,
 * year, roster match) and its signature (duplicates), and the cross-check
 * reads them as its source (struct sy_cc_source), never as a batch of
 * struct sy_report. The findings the cross-check may drop or rewrite
 * (sy_compare_touches) go to the spool as the report's skeleton: those
 * findings, each run of the others after the first of them standing as
 * one mark (a finding with the id "" whose line counts them); they come
 * back into memory only for the reports the cross-check gives findings.
 * The duplicate findings go to the spool too, a mark (line -1) standing
 * where they go. The output is written report by report from the spool:
 * the record's findings before the skeleton's, then the skeleton's with
 * each mark replaced by what it stands for, then the roster's tells. */
#include "config.h"

#include <errno.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/arena.h"
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

/* What check keeps of a report while the batch is read: where its spooled
 * part is, and what the cross-check reads of it (struct sy_cc_source).
 * Each byte here is kept for every report of the batch. */
struct stub {
	uint64_t off;           /* its record in the spool; its print follows, then
				   its skeleton's findings */
	uint64_t doff;          /* its duplicate findings in the spool (dlen 0: none) */
	const char *path;       /* in the stream's names */
	const char *unit;       /* the unit it names, in the names, or NULL */
	char *error;            /* why it could not be read, or NULL */
	struct sy_score *sk;    /* its skeleton's findings once the cross-check asked
				   for them (NULL: still in the spool) */
	uint32_t len;           /* its record's bytes */
	uint32_t plen;          /* its print's (0: none) */
	uint32_t klen;          /* its skeleton's findings' (0: none) */
	uint32_t dlen;
	uint32_t npre;          /* findings of the record before the skeleton's */
	uint32_t nkept;         /* findings of the record the skeleton's marks stand for,
				   npre included (the roster's tells follow) */
	int score;              /* effective score, once known (--sort score) */
	int year;               /* the year it states */
	int roster_unit;        /* the roster unit it matches, -1 */
	bool loaded;            /* reading it was tried */
	bool signed_;           /* sigs[i] holds its signature */
	bool incomplete;        /* a required part partial or missing */
};

/* A report being read by a worker, until the main thread takes it in. */
struct slot {
	struct sy_report rep;   /* what is left of it: unit and error */
	struct sy_buf rec;      /* its packed record, print and skeleton's findings */
};

struct stream {
	const struct sy_check_run *run;
	struct stub *st;
	size_t n;
	struct sy_signature *sigs; /* per report (stub.signed_) */
	struct sy_arena names;  /* paths and units */
	struct sy_strlist errors; /* path problems met while expanding */
	struct slot *slot;      /* per job in flight: job i uses slot[i % nslots] */
	size_t nslots;
	struct sy_spool *spool;
	struct sy_buf ptmp;     /* a print or skeleton being read back */
	struct sy_buf dtmp;     /* duplicate findings being spooled */
	bool failed;            /* the spool refused or lost some */
};

/* The roster's tells, added after the cross-check as the batch check does:
 * here they are worked out while the text is there, and set aside; unit:
 * the roster unit the report matches (-1), as the comparisons link it. */
static size_t roster_tells(const struct sy_roster *roster, struct sy_report *rep, int *unit)
{
	*unit = -1;
	if (!roster || !rep->loaded || rep->error)
		return 0;
	size_t before = rep->score.nf;
	struct sy_match m;
	sy_roster_match(roster, rep, NULL, &m);
	sy_roster_check_tells(roster, rep, m.unit);
	*unit = m.unit;
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

/* True for a skeleton's mark: a finding with the id "" (no real one has
 * it). A run of the record's findings is marked with its length (1 or
 * more), where the duplicates go with -1. */
static bool is_mark(const struct sy_finding *f)
{
	return !f->id[0];
}

static bool is_dup_mark(const struct sy_finding *f)
{
	return is_mark(f) && f->line < 0;
}

/* Packs the report's results with the findings the cross-check never
 * touches and its last ntells (the roster's), then its print. */
static void pack_record(struct sy_report *rep, size_t ntells, struct stub *st, struct sy_buf *out)
{
	struct sy_finding *all = rep->score.f;
	size_t nf = rep->score.nf, n = 0;
	struct sy_finding *f = xcalloc(nf + 1, sizeof *f);
	size_t npre = nf - ntells;
	for (size_t k = 0; k < nf - ntells; k++) {
		if (!touched(rep, k))
			f[n++] = all[k];
		else if (npre > k)
			npre = k;
	}
	st->npre = (uint32_t)npre;
	st->nkept = (uint32_t)n;
	copy_findings(f + n, all + (nf - ntells), ntells);
	rep->score.f = f;
	rep->score.nf = n + ntells;
	sy_report_pack(rep, out);
	rep->score.f = all;
	rep->score.nf = nf;
	free(f);
	size_t len = out->len;
	if (rep->print)
		sy_textprint_pack(rep->print, out);
	st->len = (uint32_t)len;
	st->plen = (uint32_t)(out->len - len);
}

/* Packs the skeleton's findings: of the report's findings (the last ntells
 * left out) those the cross-check may touch and, for each run of others
 * after the first of them, a mark counting the run (the others are in the
 * record). */
static void pack_skeleton(const struct sy_report *rep, size_t ntells, struct stub *st, struct sy_buf *out)
{
	size_t nf = rep->score.nf - ntells, n = 0;
	const struct sy_finding *f = rep->score.f;
	struct sy_finding *keep = xcalloc(nf + 1, sizeof *keep);
	for (size_t k = 0; k < nf;) {
		if (touched(rep, k)) {
			keep[n++] = f[k++];
			continue;
		}
		size_t run = 0;
		for (; k < nf && !touched(rep, k); k++, run++)
			;
		if (n) /* the run before the first is the record's first npre */
			keep[n++] = (struct sy_finding){ .id = "", .line = (long)run };
	}
	size_t len = out->len;
	if (n)
		sy_findings_pack(keep, n, out);
	st->klen = (uint32_t)(out->len - len);
	free(keep);
}

/* Job i, on a worker: read, score, sign and pack; only the unit and the
 * error are left in the slot, for the main thread to keep. */
static void stream_job(void *ctx, size_t i)
{
	struct stream *s = ctx;
	struct stub *st = &s->st[i];
	struct slot *sl = &s->slot[i % s->nslots];
	struct sy_report *rep = &sl->rep;
	memset(rep, 0, sizeof *rep);
	sy_report_load(rep, st->path, s->run->rubric);
	size_t tells = roster_tells(s->run->roster, rep, &st->roster_unit);
	st->incomplete = rep->error || sy_report_worst(rep, s->run->rubric) != SY_PRESENT;
	st->loaded = rep->loaded;
	st->year = rep->outline.year;
	st->signed_ = rep->loaded && !rep->error && rep->sig;
	if (st->signed_)
		s->sigs[i] = *rep->sig;
	pack_record(rep, tells, st, &sl->rec);
	pack_skeleton(rep, tells, st, &sl->rec);
	char *unit = rep->outline.unit, *error = rep->error;
	rep->outline.unit = NULL;
	rep->error = NULL;
	sy_report_free(rep);
	rep->outline.unit = unit;
	rep->error = error;
}

/* Keeps what the main thread keeps of job i's report, and spools the rest. */
static int stream_take(struct stream *s, size_t i)
{
	struct stub *st = &s->st[i];
	struct slot *sl = &s->slot[i % s->nslots];
	if (sl->rep.outline.unit)
		st->unit = sy_arena_strndup(&s->names, sl->rep.outline.unit, strlen(sl->rep.outline.unit));
	if (sl->rep.error) /* a copy made here: a worker's block would pin its freed memory */
		st->error = xstrdup(sl->rep.error);
	free(sl->rep.outline.unit);
	free(sl->rep.error);
	memset(&sl->rep, 0, sizeof sl->rep);
	int rc = 0;
	if (sl->rec.len > UINT32_MAX || (st->off = sy_spool_put(s->spool, sl->rec.data, sl->rec.len)) == UINT64_MAX)
		rc = -1;
	sy_buf_free(&sl->rec);
	return rc;
}

/* Report i's print read back from the spool (o.print of the cross-check). */
static struct sy_textprint *stream_print(void *ctx, size_t i)
{
	struct stream *s = ctx;
	const struct stub *st = &s->st[i];
	return sy_textprint_read(s->spool, st->off + st->len, st->plen, &s->ptmp);
}

/* Report i's skeleton's findings read back from the spool (through tmp:
 * the writing's threads each have their own), with the mark of its
 * duplicates last when it has some (where the cross-check put them: before
 * any finding of the comparisons). Returns 0, or -1 (sk empty) when the
 * spool fails. */
static int skeleton_read(struct stream *s, size_t i, struct sy_score *sk, struct sy_buf *tmp)
{
	const struct stub *st = &s->st[i];
	memset(sk, 0, sizeof *sk);
	if (st->klen && (sy_spool_get(s->spool, st->off + st->len + st->plen, st->klen, tmp) ||
			 sy_findings_unpack(sk, tmp->data, tmp->len)))
		return -1;
	if (st->dlen) {
		sk->f = xreallocarray(sk->f, sk->nf + 1, sizeof *sk->f);
		sk->f[sk->nf++] = (struct sy_finding){ .id = xstrdup(""), .line = -1 };
	}
	return 0;
}

/* Reads, scores and spools every report, in order, on the pool's threads. */
static int stream_read_all(struct stream *s)
{
	const struct sy_check_run *run = s->run;
	struct sy_progress prog;
	/* TRANSLATORS: the progress line of check, export and summary. */
	sy_progress_begin(&prog, _("reading"), s->n, run->progress);
	int threads = sy_pool_threads(run->jobs);
	s->nslots = (size_t)threads * 8;
	s->slot = xcalloc(s->nslots, sizeof *s->slot);
	struct sy_pool *pool = sy_pool_start(s->n, threads, s->nslots, stream_job, s);
	int rc = 0;
	for (size_t i = 0; i < s->n; i++) {
		sy_pool_ensure_next(pool, i); /* woken once for a few reports */
		if (stream_take(s, i))
			rc = -1;
		sy_pool_release(pool, i + 1);
		sy_progress_update(&prog, i + 1);
	}
	sy_pool_free(pool);
	sy_progress_end(&prog);
	return rc;
}

/* ---- the cross-check's source: the stubs ---- */

static bool stub_readable(void *ctx, size_t i)
{
	const struct stub *st = &((struct stream *)ctx)->st[i];
	return st->loaded && !st->error;
}

static const char *stub_path(void *ctx, size_t i)
{
	return ((struct stream *)ctx)->st[i].path;
}

static const char *stub_unit(void *ctx, size_t i)
{
	return ((struct stream *)ctx)->st[i].unit;
}

static int stub_year(void *ctx, size_t i)
{
	return ((struct stream *)ctx)->st[i].year;
}

static const struct sy_signature *stub_sig(void *ctx, size_t i)
{
	struct stream *s = ctx;
	return s->st[i].signed_ ? &s->sigs[i] : NULL;
}

/* The match made while the report was read (check has no reviews, so no
 * hand assignments). */
static void stub_roster_match(void *ctx, size_t i, const struct sy_crosscheck_opts *o, struct sy_match *m)
{
	(void)o;
	memset(m, 0, sizeof *m);
	m->unit = ((struct stream *)ctx)->st[i].roster_unit;
	for (size_t k = 0; k < sizeof m->cand / sizeof *m->cand; k++)
		m->cand[k] = -1;
}

/* The skeleton's findings of report i, read back the first time asked. */
static struct sy_score *stub_score(void *ctx, size_t i)
{
	struct stream *s = ctx;
	struct stub *st = &s->st[i];
	if (!st->sk) {
		st->sk = xcalloc(1, sizeof *st->sk);
		if (skeleton_read(s, i, st->sk, &s->ptmp))
			s->failed = true;
	}
	return st->sk;
}

/* The cross-check's duplicate findings of report i (o.duplicates): to the
 * spool; the skeleton's mark where they go is added when it is read
 * (skeleton_read), or now when it already was. */
static void stream_dups(void *ctx, size_t i, const struct sy_score *dups)
{
	struct stream *s = ctx;
	if (!dups->nf)
		return;
	struct stub *st = &s->st[i];
	s->dtmp.len = 0;
	sy_findings_pack(dups->f, dups->nf, &s->dtmp);
	st->doff = sy_spool_put(s->spool, s->dtmp.data, s->dtmp.len);
	st->dlen = (uint32_t)s->dtmp.len;
	if (st->doff == UINT64_MAX || s->dtmp.len > UINT32_MAX)
		s->failed = true;
	if (st->sk) {
		struct sy_score *sk = st->sk;
		sk->f = xreallocarray(sk->f, sk->nf + 1, sizeof *sk->f);
		sk->f[sk->nf++] = (struct sy_finding){ .id = xstrdup(""), .line = -1 };
	}
}

static void stream_crosscheck(struct stream *s)
{
	const struct sy_check_run *run = s->run;
	struct sy_cc_source src = { .n = s->n,
				    .ctx = s,
				    .readable = stub_readable,
				    .path = stub_path,
				    .unit = stub_unit,
				    .year = stub_year,
				    .sig = stub_sig,
				    .roster_match = stub_roster_match,
				    .score = stub_score,
				    .fresh = true };
	sy_crosscheck_source(&src, &(struct sy_crosscheck_opts){ .rubric = run->rubric, .roster = run->roster,
								 .print = stream_print, .print_ctx = s,
								 .duplicates = stream_dups, .dup_ctx = s,
								 .threads = run->jobs });
}

/* True when the skeleton's marks stand for the record's kept findings
 * after its first npre, no more, no less. */
static bool marks_fit(const struct stub *st, const struct sy_score *sk, size_t nrecord)
{
	size_t sum = st->npre;
	for (size_t k = 0; k < sk->nf; k++)
		if (is_mark(&sk->f[k]) && !is_dup_mark(&sk->f[k]))
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
		if (is_dup_mark(x)) {
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

/* Frees the skeleton's marks and its array (its findings were moved). */
static void skeleton_done(struct sy_score *sk)
{
	for (size_t k = 0; k < sk->nf; k++)
		if (is_mark(&sk->f[k]))
			sy_finding_clear(&sk->f[k]);
	free(sk->f);
	sk->f = NULL;
	sk->nf = 0;
}

/* Report i as the output shows it: its spooled record, its findings
 * merged with the skeleton's (merged()). take: the findings of a skeleton
 * the cross-check asked for move over (once, for writing); else they are
 * lent, and stream_report_done gives them back (one read back from the
 * spool here is always moved). Returns -1 when the spool fails it. */
static int stream_report(struct stream *s, size_t i, struct sy_report *rep, struct sy_buf *tmp, bool take)
{
	struct stub *st = &s->st[i];
	struct sy_score d = {0}, here = {0};
	struct sy_score *sk = st->sk;
	if (!sk && skeleton_read(s, i, sk = &here, tmp))
		return -1;
	if (st->dlen && (sy_spool_get(s->spool, st->doff, st->dlen, tmp) || sy_findings_unpack(&d, tmp->data, tmp->len))) {
		sy_score_free(&here);
		return -1;
	}
	bool read = !sy_spool_get(s->spool, st->off, st->len, tmp) && !sy_report_unpack(rep, tmp->data, tmp->len);
	if (!read || !marks_fit(st, sk, rep->score.nf)) {
		if (read)
			sy_report_free(rep);
		for (size_t k = 0; k < d.nf; k++)
			sy_finding_clear(&d.f[k]);
		free(d.f);
		sy_score_free(&here);
		return -1;
	}
	size_t n;
	struct sy_finding *f = merged(st, sk, &rep->score, &d, &n);
	free(rep->score.f);
	free(d.f);
	rep->score.f = f;
	rep->score.nf = n;
	if (sk == &here) {
		skeleton_done(&here);
	} else if (take) {
		skeleton_done(sk);
		free(sk);
		st->sk = NULL;
	}
	return 0;
}

/* True when f is one of the skeleton's findings (lent, not owned). */
static bool lent(const struct sy_score *sk, const struct sy_finding *f)
{
	for (size_t k = 0; sk && k < sk->nf; k++)
		if (sk->f[k].id == f->id)
			return true;
	return false;
}

/* Frees a report of stream_report(take false), the lent findings excepted. */
static void stream_report_done(struct stream *s, size_t i, struct sy_report *rep)
{
	const struct sy_score *sk = s->st[i].sk;
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
	const struct stub *st = &((const struct stream *)ctx)->st[i];
	return st->error ? NULL : st->unit;
}

static long stream_score(const void *ctx, size_t i)
{
	const struct stub *st = &((const struct stream *)ctx)->st[i];
	return st->error ? -1 : st->score;
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
	int threads = sy_pool_threads(run->jobs);
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
static int stream_finish(struct stream *s, const size_t *idx)
{
	for (size_t i = 0; i < s->errors.n; i++)
		say_shown("", s->errors.v[i]);
	int status = s->errors.n ? 2 : 0;
	for (size_t k = 0; k < s->n; k++) {
		const struct stub *st = &s->st[idx[k]];
		if (st->error) {
			say_shown(st->path, st->error);
			status = 2;
		} else if (st->incomplete && !status) {
			status = 1;
		}
	}
	return status;
}

static void stream_free(struct stream *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->st[i].error);
		if (s->st[i].sk) {
			sy_score_free(s->st[i].sk);
			free(s->st[i].sk);
		}
	}
	for (size_t k = 0; k < s->nslots; k++)
		sy_buf_free(&s->slot[k].rec);
	free(s->slot);
	free(s->st);
	free(s->sigs);
	sy_arena_free(&s->names);
	sy_strlist_free(&s->errors);
	sy_buf_free(&s->ptmp);
	sy_buf_free(&s->dtmp);
	sy_spool_close(s->spool);
}

/* Expands the paths into the stubs: each path copied into the names. */
static void stream_expand(struct stream *s)
{
	struct sy_strlist files = {0};
	sy_paths_expand(&files, &s->errors, s->run->paths, s->run->npaths);
	s->n = files.n;
	s->st = xcalloc(s->n + 1, sizeof *s->st);
	s->sigs = xcalloc(s->n + 1, sizeof *s->sigs);
	for (size_t i = 0; i < files.n; i++)
		s->st[i].path = sy_arena_strndup(&s->names, files.v[i], strlen(files.v[i]));
	sy_strlist_free(&files);
}

int sy_check_stream(const struct sy_check_run *run)
{
	struct stream s = { .run = run, .spool = sy_spool_open(run->in_memory) };
	stream_expand(&s);
	int status = 0;
	if (stream_read_all(&s)) {
		fprintf(stderr, _("shenyue: cannot keep the results in a temporary file: %s\n"), strerror(errno));
		status = 2;
	}
	stream_crosscheck(&s);
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
	int finish = stream_finish(&s, idx);
	status = status ? status : finish;
	if (write_error) { /* a full disk or a closed pipe is not a clean check */
		fprintf(stderr, _("shenyue: cannot write the output: %s\n"), strerror(write_error));
		status = 2;
	}
	free(idx);
	stream_free(&s);
	return status;
}
