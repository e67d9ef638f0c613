/* The batch check as a stream: worker threads read and score the files,
 * each report is packed into the spool and its text freed at once; only a
 * small stub stays in memory (path, unit, signature, where its record is).
 * Once every report is in, the cross-check runs on the stubs, and the
 * output is written report by report from the spool, each given its
 * duplicate findings as it comes. Memory grows with the stubs only. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/check.h"
#include "shenyue/collate.h"
#include "shenyue/effective.h"
#include "shenyue/i18n.h"
#include "shenyue/pool.h"
#include "shenyue/progress.h"
#include "shenyue/similar.h"
#include "shenyue/spool.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

/* What stays in memory of a report once it is spooled. */
struct stub {
	char *path;
	char *error;            /* why it could not be read, or NULL */
	char *unit;
	struct sy_signature sig;
	uint64_t off;           /* its record in the spool */
	size_t len;
	size_t nroster;         /* roster findings ending the record: they stay after the duplicates */
	int score;              /* effective score, once known (--sort score) */
	bool incomplete;        /* a required part partial or missing */
};

struct stream {
	const struct sy_check_run *run;
	struct stub *st;
	size_t n;
	struct sy_buf *rec;     /* per job: its packed record, until spooled */
	struct sy_spool *spool;
	struct sy_crosscheck *cc;
};

/* The roster's tells, as the batch check adds them (after the duplicates). */
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

/* Job i, on a worker: read, score, sign, pack; keep the stub; free the rest. */
static void stream_job(void *ctx, size_t i)
{
	struct stream *s = ctx;
	struct stub *st = &s->st[i];
	struct sy_report rep = {0};
	sy_report_load(&rep, st->path, s->run->rubric);
	st->nroster = roster_tells(s->run->roster, &rep);
	st->error = rep.error ? xstrdup(rep.error) : NULL;
	st->unit = !rep.error && rep.outline.unit ? xstrdup(rep.outline.unit) : NULL;
	if (rep.sig) {
		st->sig = *rep.sig; /* the part signatures go with it */
		free(rep.sig);
		rep.sig = NULL;
	}
	st->incomplete = rep.error || sy_report_worst(&rep, s->run->rubric) != SY_PRESENT;
	sy_report_pack(&rep, &s->rec[i]);
	sy_report_free(&rep);
}

static const struct sy_signature *stub_sig(void *ctx, size_t i)
{
	const struct stub *st = &((struct stream *)ctx)->st[i];
	return st->error ? NULL : &st->sig;
}

static const char *stub_unit(void *ctx, size_t i)
{
	return ((struct stream *)ctx)->st[i].unit;
}

static const char *stub_path(void *ctx, size_t i)
{
	return ((struct stream *)ctx)->st[i].path;
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
		s->st[i].len = s->rec[i].len;
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

/* Report i as the output shows it: from the spool, with its duplicate
 * findings before the roster's. Returns -1 when the spool fails it. */
static int stream_report(struct stream *s, size_t i, struct sy_report *rep, struct sy_buf *tmp)
{
	const struct stub *st = &s->st[i];
	if (sy_spool_get(s->spool, st->off, st->len, tmp) || sy_report_unpack(rep, tmp->data, tmp->len))
		return -1;
	if (rep->error || !rep->loaded)
		return 0;
	size_t keep = rep->score.nf - st->nroster;
	struct sy_finding *roster = NULL;
	if (st->nroster) {
		roster = xcalloc(st->nroster, sizeof *roster);
		memcpy(roster, rep->score.f + keep, st->nroster * sizeof *roster);
		rep->score.nf = keep;
	}
	sy_crosscheck_add_findings(s->cc, i, &rep->score);
	for (size_t k = 0; k < st->nroster; k++) { /* handed back to the score, which frees them */
		rep->score.f = xreallocarray(rep->score.f, rep->score.nf + 1, sizeof *rep->score.f);
		rep->score.f[rep->score.nf++] = roster[k];
	}
	free(roster);
	return 0;
}

static const char *order_unit_of(const void *elem)
{
	const struct stub *st = *(struct stub *const *)elem;
	return st->error ? NULL : st->unit;
}

struct score_ref {
	int key;
	size_t index;
};

static int cmp_score_ref(const void *pa, const void *pb)
{
	const struct score_ref *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

/* The order of output, as sy_batch_order gives it (stable). */
static size_t *stream_order(struct stream *s)
{
	size_t *idx = xcalloc(s->n + 1, sizeof *idx);
	for (size_t i = 0; i < s->n; i++)
		idx[i] = i;
	if (s->run->order == SY_ORDER_UNIT) {
		struct stub **refs = xcalloc(s->n + 1, sizeof *refs);
		for (size_t i = 0; i < s->n; i++)
			refs[i] = &s->st[i];
		sy_collate_sort(refs, s->n, sizeof *refs, order_unit_of);
		for (size_t i = 0; i < s->n; i++)
			idx[i] = (size_t)(refs[i] - s->st);
		free(refs);
	} else if (s->run->order == SY_ORDER_SCORE) {
		struct score_ref *refs = xcalloc(s->n + 1, sizeof *refs);
		for (size_t i = 0; i < s->n; i++)
			refs[i] = (struct score_ref){ s->st[i].error ? -1 : s->st[i].score, i };
		qsort(refs, s->n, sizeof *refs, cmp_score_ref);
		for (size_t i = 0; i < s->n; i++)
			idx[i] = refs[i].index;
		free(refs);
	}
	return idx;
}

/* What the output needs before its first report: the text columns' widths,
 * each report's score after its duplicates. One more pass over the spool. */
static int stream_measure(struct stream *s, struct sy_check_cols *cols)
{
	struct sy_buf tmp = {0};
	int rc = 0;
	for (size_t i = 0; i < s->n && !rc; i++) {
		struct sy_report rep;
		if (stream_report(s, i, &rep, &tmp)) {
			rc = -1;
			break;
		}
		sy_check_text_measure(&rep, cols);
		s->st[i].score = rep.error ? -1 : sy_effective_score(&rep, NULL, s->run->rubric);
		sy_report_free(&rep);
	}
	sy_buf_free(&tmp);
	return rc;
}

static int stream_write(struct stream *s, const size_t *idx, const struct sy_check_cols *cols)
{
	const struct sy_check_run *run = s->run;
	FILE *out = run->out;
	if (run->fmt == SY_FMT_YAML)
		sy_check_yaml_head(out, s->n);
	else if (run->fmt == SY_FMT_CSV)
		sy_check_csv_head(out, run->rubric);
	struct sy_buf tmp = {0};
	int rc = 0;
	for (size_t k = 0; k < s->n && !rc; k++) {
		struct sy_report rep;
		if (stream_report(s, idx[k], &rep, &tmp)) {
			rc = -1;
			break;
		}
		if (run->fmt == SY_FMT_YAML)
			sy_check_yaml_report(out, &rep, run->rubric);
		else if (run->fmt == SY_FMT_CSV)
			sy_check_csv_row(out, &rep, run->rubric);
		else
			sy_check_text_report(out, &rep, run->rubric, cols, run->utf8);
		sy_report_free(&rep);
	}
	sy_buf_free(&tmp);
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
		free(s->st[i].path);
		free(s->st[i].error);
		free(s->st[i].unit);
		sy_signature_free(&s->st[i].sig);
	}
	free(s->st);
	free(s->rec);
	sy_crosscheck_free(s->cc);
	sy_spool_close(s->spool);
}

int sy_check_stream(const struct sy_check_run *run)
{
	struct sy_strlist files = {0}, errors = {0};
	sy_paths_expand(&files, &errors, run->paths, run->npaths);
	struct stream s = { run, xcalloc(files.n + 1, sizeof *s.st), files.n,
			    xcalloc(files.n + 1, sizeof *s.rec), sy_spool_open(run->in_memory), NULL };
	for (size_t i = 0; i < files.n; i++)
		s.st[i].path = files.v[i]; /* taken over */
	free(files.v);
	int status = 0;
	if (stream_read_all(&s)) {
		fprintf(stderr, _("shenyue: cannot keep the results in a temporary file: %s\n"), strerror(errno));
		status = 2;
	}
	struct sy_dup_source src = { s.n, stub_sig, stub_unit, stub_path, &s };
	s.cc = sy_crosscheck_begin_source(&src);
	while (!sy_crosscheck_step(s.cc))
		;
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
	int finish = stream_finish(&s, &errors, idx);
	status = status ? status : finish;
	if (write_error) { /* a full disk or a closed pipe is not a clean check */
		fprintf(stderr, _("shenyue: cannot write the output: %s\n"), strerror(write_error));
		status = 2;
	}
	free(idx);
	sy_strlist_free(&errors);
	stream_free(&s);
	return status;
}
