/* The text a supervisor judged, kept beside the review file, and what a
 * resubmission changed since (judged.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "shenyue/fileio.h"
#include "shenyue/hash.h"
#include "shenyue/i18n.h"
#include "shenyue/judged.h"
#include "shenyue/review_store.h"
#include "shenyue/xalloc.h"

#define MAGIC "shenyue-judged 1 "
#define SUFFIX ".judged"
/* Larger kept texts are refused on reading (a report is far smaller). */
#define MAX_TEXT (256u << 20)
/* Parts longer than this (lines × lines) are shown as all replaced. */
#define MAX_DIFF_CELLS 4000000u

char *sy_judged_path(const char *report_path, const char *state_dir)
{
	char *dir = sy_store_dir(report_path, state_dir);
	char *base = sy_path_basename(report_path);
	char *fit = sy_file_name_fit(base, strlen(SUFFIX));
	char *p = xasprintf("%s/%s%s", dir, fit, SUFFIX);
	free(dir);
	free(base);
	free(fit);
	return p;
}

/* ---- parts and their lines ---- */

long *sy_report_line_owners(const struct sy_report *rep, size_t nparts)
{
	size_t n = rep->doc.nlines;
	long *own = xcalloc(n + 1, sizeof *own);
	for (size_t i = 0; i < n; i++)
		own[i] = -1;
	size_t *width = xcalloc(n + 1, sizeof *width);
	for (size_t p = 0; p < nparts && p < rep->score.nparts; p++) {
		const struct sy_part_result *pr = &rep->score.parts[p];
		if (pr->heading < 0 || (size_t)pr->heading >= rep->outline.nh)
			continue;
		size_t from = rep->outline.h[pr->heading].line, to = pr->body_end > from ? pr->body_end : from + 1;
		for (size_t i = from; i < to && i < n; i++)
			if (own[i] < 0 || to - from < width[i]) {
				own[i] = (long)p;
				width[i] = to - from;
			}
	}
	free(width);
	return own;
}

/* ---- writing ---- */

static void put_line(struct sy_buf *b, const char *s)
{
	sy_buf_printf(b, "%zu ", strlen(s));
	sy_buf_puts(b, s);
	sy_buf_add(b, "\n", 1);
}

static char *judged_text(const struct sy_report *rep, const struct sy_rubric *r, enum sy_verdict v, size_t *len)
{
	char hash[32], at[32];
	sy_hash_format(rep->doc.hash, hash, sizeof hash);
	sy_time_now(at, sizeof at);
	struct sy_buf b = {0};
	size_t np = rep->score.nparts < r->nparts ? rep->score.nparts : r->nparts;
	sy_buf_printf(&b, "hash %s\nverdict %s\nat %s\nparts %zu\n", hash, sy_verdict_name(v), at, np);
	for (size_t p = 0; p < rep->score.nparts && p < r->nparts; p++) {
		const struct sy_part_result *pr = &rep->score.parts[p];
		long head = pr->heading >= 0 && (size_t)pr->heading < rep->outline.nh ? (long)rep->outline.h[pr->heading].line
										     : -1;
		sy_buf_printf(&b, "%s %d %ld %zu %zu\n", r->parts[p].id, (int)pr->status, head, pr->body_first, pr->body_end);
	}
	sy_buf_printf(&b, "lines %zu\n", rep->doc.nlines);
	for (size_t i = 0; i < rep->doc.nlines; i++)
		put_line(&b, rep->doc.lines[i].text);
	*len = b.len;
	return sy_buf_steal(&b);
}

int sy_judged_save(const struct sy_report *rep, const struct sy_rubric *r, enum sy_verdict v, const char *path,
		   char *err, size_t errlen)
{
	if (!rep->loaded || rep->error) {
		snprintf(err, errlen, _("%s: nothing to keep: the report could not be read"), path);
		return -1;
	}
	size_t len;
	char *text = judged_text(rep, r, v, &len);
	uLongf zlen = compressBound((uLong)len);
	size_t head = strlen(MAGIC) + 24;
	unsigned char *out = xcalloc(head + zlen, 1);
	int hl = snprintf((char *)out, head, MAGIC "%zu\n", len);
	int zrc = compress2(out + hl, &zlen, (const Bytef *)text, (uLong)len, 6);
	free(text);
	if (zrc != Z_OK) {
		free(out);
		snprintf(err, errlen, _("%s: cannot compress the judged text"), path);
		return -1;
	}
	enum sy_write_result rc = sy_file_write(path, out, (size_t)hl + zlen, SY_WRITE_REPLACE, NULL, err, errlen);
	free(out);
	return rc == SY_WRITE_OK ? 0 : -1;
}

/* ---- reading ---- */

/* A cursor over the inflated text. */
struct reader {
	const char *p, *end;
};

static bool read_word(struct reader *r, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(r->end - r->p) < n + 1 || memcmp(r->p, word, n) || r->p[n] != ' ')
		return false;
	r->p += n + 1;
	return true;
}

/* The rest of the current line, newly allocated; the cursor moves past it. */
static char *read_rest(struct reader *r)
{
	const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
	if (!nl)
		return NULL;
	char *s = xstrndup(r->p, (size_t)(nl - r->p));
	r->p = nl + 1;
	return s;
}

static bool read_num(struct reader *r, long *v)
{
	char *end;
	errno = 0;
	if (r->p >= r->end)
		return false;
	long x = strtol(r->p, &end, 10);
	if (end == r->p || errno || end >= r->end || (*end != ' ' && *end != '\n'))
		return false;
	*v = x;
	r->p = end + 1;
	return true;
}

static bool read_header(struct sy_judged *j, struct reader *r)
{
	char *hash = NULL;
	bool ok = read_word(r, "hash") && (hash = read_rest(r)) && sy_hash_parse(hash, &j->hash) == 0 &&
		  read_word(r, "verdict") && (j->verdict = read_rest(r)) && read_word(r, "at") &&
		  (j->at = read_rest(r));
	free(hash);
	return ok;
}

static bool read_parts(struct sy_judged *j, struct reader *r)
{
	long n;
	if (!read_word(r, "parts") || !read_num(r, &n) || n < 0 || n > 1000)
		return false;
	j->parts = xcalloc((size_t)n + 1, sizeof *j->parts);
	for (long i = 0; i < n; i++) {
		long st, head, first, end;
		const char *sp = memchr(r->p, ' ', (size_t)(r->end - r->p));
		if (!sp || sp == r->p || memchr(r->p, '\n', (size_t)(sp - r->p)))
			return false;
		char *id = xstrndup(r->p, (size_t)(sp - r->p));
		r->p = sp + 1;
		if (!read_num(r, &st) || !read_num(r, &head) || !read_num(r, &first) || !read_num(r, &end) || first < 0 ||
		    end < first) {
			free(id);
			return false;
		}
		struct sy_judged_part *p = &j->parts[j->nparts++];
		p->id = id;
		p->status = st >= 0 && st <= 2 ? (int)st : -1;
		p->heading = head;
		p->first = (size_t)first;
		p->end = (size_t)end;
	}
	return true;
}

static bool read_lines(struct sy_judged *j, struct reader *r)
{
	long n;
	if (!read_word(r, "lines") || !read_num(r, &n) || n < 0 || (size_t)n > (size_t)(r->end - r->p))
		return false;
	j->lines = xcalloc((size_t)n + 1, sizeof *j->lines);
	for (long i = 0; i < n; i++) {
		long len;
		if (!read_num(r, &len) || len < 0 || len >= r->end - r->p || r->p[len] != '\n')
			return false;
		j->lines[j->nlines++] = xstrndup(r->p, (size_t)len);
		r->p += len + 1;
	}
	return true;
}

/* Inflates the stream after the first line of data. */
static char *inflate_text(const char *data, size_t len, size_t *out_len)
{
	size_t magic = strlen(MAGIC);
	if (len < magic || memcmp(data, MAGIC, magic))
		return NULL;
	char *end;
	errno = 0;
	unsigned long long n = strtoull(data + magic, &end, 10);
	if (errno || end == data + magic || (size_t)(end - data) >= len || *end != '\n' || n == 0 || n > MAX_TEXT)
		return NULL;
	const char *z = end + 1;
	char *text = xcalloc((size_t)n + 1, 1);
	uLongf got = (uLongf)n;
	if (uncompress((Bytef *)text, &got, (const Bytef *)z, (uLong)(len - (size_t)(z - data))) != Z_OK || got != n) {
		free(text);
		return NULL;
	}
	*out_len = (size_t)n;
	return text;
}

int sy_judged_load(struct sy_judged *j, const char *path, char *err, size_t errlen)
{
	memset(j, 0, sizeof *j);
	char *data;
	size_t len;
	struct stat sb;
	enum sy_read_result rc = sy_file_read(path, MAX_TEXT, &data, &len, &sb);
	if (rc != SY_READ_OK) {
		if (errno == ENOENT)
			return 1;
		snprintf(err, errlen, "%s: %s", path, sy_read_strerror(rc, &sb, MAX_TEXT));
		return -1;
	}
	size_t tlen = 0;
	char *text = inflate_text(data, len, &tlen);
	free(data);
	struct reader r = { text, text ? text + tlen : NULL };
	if (!text || !read_header(j, &r) || !read_parts(j, &r) || !read_lines(j, &r)) {
		free(text);
		sy_judged_free(j);
		snprintf(err, errlen, _("%s: not a judged text shenyue kept, or damaged"), path);
		return -1;
	}
	free(text);
	return 0;
}

void sy_judged_free(struct sy_judged *j)
{
	free(j->verdict);
	free(j->at);
	for (size_t i = 0; i < j->nparts; i++)
		free(j->parts[i].id);
	free(j->parts);
	for (size_t i = 0; i < j->nlines; i++)
		free(j->lines[i]);
	free(j->lines);
	memset(j, 0, sizeof *j);
}

const struct sy_judged_part *sy_judged_part(const struct sy_judged *j, const char *id)
{
	for (size_t i = 0; i < j->nparts; i++)
		if (!strcmp(j->parts[i].id, id))
			return &j->parts[i];
	return NULL;
}

/* ---- the difference ---- */

/* The lines judged that each part owned then, as line_owners does now
 * (parts by their index in rubric r, found by id). */
static long *judged_owners(const struct sy_judged *j, const struct sy_rubric *r)
{
	long *own = xcalloc(j->nlines + 1, sizeof *own);
	size_t *width = xcalloc(j->nlines + 1, sizeof *width);
	for (size_t i = 0; i < j->nlines; i++)
		own[i] = -1;
	for (size_t k = 0; k < j->nparts; k++) {
		const struct sy_judged_part *jp = &j->parts[k];
		int p = sy_rubric_part_index(r, jp->id);
		if (jp->heading < 0 || p < 0)
			continue;
		size_t from = (size_t)jp->heading, to = jp->end > from ? jp->end : from + 1;
		for (size_t i = from; i < to && i < j->nlines; i++)
			if (own[i] < 0 || to - from < width[i]) {
				own[i] = (long)p;
				width[i] = to - from;
			}
	}
	free(width);
	return own;
}

/* A line's text as compared: its spacing left out. */
static uint64_t line_key(const char *text)
{
	char *sq = sy_squeeze(text);
	uint64_t h = sy_hash64(sq, strlen(sq));
	free(sq);
	return h;
}

/* The lines owned by part p (-1: by no part) that are not blank. */
static size_t owned(const long *own, const uint64_t *key, size_t n, long p, size_t **idx)
{
	uint64_t blank = line_key("");
	size_t k = 0;
	*idx = xcalloc(n + 1, sizeof **idx);
	for (size_t i = 0; i < n; i++)
		if (own[i] == p && key[i] != blank)
			(*idx)[k++] = i;
	return k;
}

static void diff_add(struct sy_part_diff *pd, enum sy_diff_op op, long old_line, long new_line)
{
	pd->d = xreallocarray(pd->d, pd->nd + 1, sizeof *pd->d);
	pd->d[pd->nd++] = (struct sy_diff_line){ op, old_line, new_line };
	if (op != SY_DIFF_SAME)
		pd->changed = true;
}

/* A longest common subsequence of the two lists of keys, then the edit. */
static void diff_lines(struct sy_part_diff *pd, const uint64_t *a, const size_t *ai, size_t na, const uint64_t *b,
		       const size_t *bi, size_t nb)
{
	if (na && nb && (double)na * (double)nb > MAX_DIFF_CELLS) {
		for (size_t i = 0; i < na; i++)
			diff_add(pd, SY_DIFF_DELETED, (long)ai[i], -1);
		for (size_t k = 0; k < nb; k++)
			diff_add(pd, SY_DIFF_ADDED, -1, (long)bi[k]);
		return;
	}
	uint32_t *len = xcalloc((na + 1) * (nb + 1), sizeof *len); /* len[i][k]: LCS of a[i..], b[k..] */
	for (size_t i = na; i-- > 0;)
		for (size_t k = nb; k-- > 0;)
			len[i * (nb + 1) + k] = a[i] == b[k] ? len[(i + 1) * (nb + 1) + k + 1] + 1
				: len[(i + 1) * (nb + 1) + k] > len[i * (nb + 1) + k + 1] ? len[(i + 1) * (nb + 1) + k]
											 : len[i * (nb + 1) + k + 1];
	size_t i = 0, k = 0;
	while (i < na || k < nb) {
		if (i < na && k < nb && a[i] == b[k]) {
			diff_add(pd, SY_DIFF_SAME, (long)ai[i++], (long)bi[k++]);
		} else if (i < na && (k == nb || len[(i + 1) * (nb + 1) + k] >= len[i * (nb + 1) + k + 1])) {
			diff_add(pd, SY_DIFF_DELETED, (long)ai[i++], -1); /* what went out before what came in */
		} else {
			diff_add(pd, SY_DIFF_ADDED, -1, (long)bi[k++]);
		}
	}
	free(len);
}

static void diff_part(struct sy_part_diff *pd, const struct sy_judged *j, const long *jown, const uint64_t *jkey,
		      const struct sy_report *rep, const long *own, const uint64_t *key, long p)
{
	size_t *ai, *bi;
	size_t na = owned(jown, jkey, j->nlines, p, &ai), nb = owned(own, key, rep->doc.nlines, p, &bi);
	uint64_t *a = xcalloc(na + 1, sizeof *a), *b = xcalloc(nb + 1, sizeof *b);
	for (size_t i = 0; i < na; i++)
		a[i] = jkey[ai[i]];
	for (size_t k = 0; k < nb; k++)
		b[k] = key[bi[k]];
	diff_lines(pd, a, ai, na, b, bi, nb);
	free(a);
	free(b);
	free(ai);
	free(bi);
}

void sy_judged_diff(struct sy_report_diff *d, const struct sy_judged *j, const struct sy_report *rep,
		    const struct sy_rubric *r)
{
	memset(d, 0, sizeof *d);
	d->n = r->nparts + 1;
	d->p = xcalloc(d->n, sizeof *d->p);
	long *jown = judged_owners(j, r), *own = sy_report_line_owners(rep, r->nparts);
	uint64_t *jkey = xcalloc(j->nlines + 1, sizeof *jkey), *key = xcalloc(rep->doc.nlines + 1, sizeof *key);
	for (size_t i = 0; i < j->nlines; i++)
		jkey[i] = line_key(j->lines[i]);
	for (size_t i = 0; i < rep->doc.nlines; i++)
		key[i] = line_key(rep->doc.lines[i].text);
	for (size_t p = 0; p < d->n; p++) {
		struct sy_part_diff *pd = &d->p[p];
		bool part = p < r->nparts;
		pd->id = part ? r->parts[p].id : NULL;
		const struct sy_judged_part *jp = part ? sy_judged_part(j, r->parts[p].id) : NULL;
		pd->old_status = jp ? jp->status : -1;
		pd->new_status = part && p < rep->score.nparts && !rep->error ? (int)rep->score.parts[p].status : -1;
		diff_part(pd, j, jown, jkey, rep, own, key, part ? (long)p : -1);
		d->nchanged += pd->changed;
	}
	free(jown);
	free(own);
	free(jkey);
	free(key);
}

void sy_report_diff_free(struct sy_report_diff *d)
{
	for (size_t p = 0; p < d->n; p++)
		free(d->p[p].d);
	free(d->p);
	memset(d, 0, sizeof *d);
}
