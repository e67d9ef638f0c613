/* Export of reviews: the formats, building the export document (statuses
 * as they count, finding sentences in the export's language with no
 * absolute path, the date and the deadline), and naming the files. The writers are
 * export_md.c, export_csv.c, export_yaml.c, export_docx.c, export_xlsx.c. */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "shenyue/check.h"
#include "shenyue/effective.h"
#include "shenyue/export.h"
#include "shenyue/i18n.h"
#include "shenyue/review_store.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

/* ---- dates ---- */

/* Parses "YYYY-MM-DD" into tm (local noon); false when it is not a date. */
static bool parse_date(const char *s, struct tm *tm)
{
	int y, m, d;
	char tail;
	if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 1900 || m < 1 || m > 12 || d < 1 ||
	    d > 31)
		return false;
	memset(tm, 0, sizeof *tm);
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_hour = 12;
	tm->tm_isdst = -1;
	time_t t = mktime(tm);
	return t != (time_t)-1 && tm->tm_mday == d && tm->tm_mon == m - 1;
}

/* Sets x->date (given, else today) and x->deadline (date + days). */
static void export_dates(struct sy_export_doc *x, const char *date, int days)
{
	struct tm tm;
	if (!parse_date(date, &tm)) {
		time_t now = time(NULL);
		localtime_r(&now, &tm);
		tm.tm_hour = 12;
	}
	strftime(x->date, sizeof x->date, "%Y-%m-%d", &tm);
	x->deadline[0] = '\0';
	if (days > 0) {
		tm.tm_mday += days;
		tm.tm_isdst = -1;
		if (mktime(&tm) != (time_t)-1)
			strftime(x->deadline, sizeof x->deadline, "%Y-%m-%d", &tm);
	}
}

/* ---- paths in prose ---- */

/* True when path lies inside folder dir ("" holds everything). */
static bool path_under(const char *path, const char *dir)
{
	size_t k = strlen(dir);
	if (!k)
		return true;
	if (!strcmp(dir, "/"))
		return path[0] == '/';
	return !strncmp(path, dir, k) && path[k] == '/';
}

/* Drops the last component of dir ("/a" -> "/", "a" -> ""). */
static void dir_up(char *dir)
{
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir)
		*slash = '\0';
	else if (slash && dir[1])
		dir[1] = '\0';
	else
		dir[0] = '\0';
}

/* The longest folder all paths share ("" when none). */
static char *common_dir(const char *const *paths, size_t n)
{
	char *dir = xstrdup(n ? paths[0] : "");
	dir_up(dir);
	for (size_t i = 1; i < n; i++)
		while (!path_under(paths[i], dir))
			dir_up(dir);
	return dir;
}

/* path relative to base: never absolute, never starting with "./". */
static char *relative_to(const char *base, const char *path)
{
	size_t k = base ? strlen(base) : 0;
	while (k > 1 && base[k - 1] == '/')
		k--;
	const char *rel = path;
	if (k && !strncmp(path, base, k) && path[k] == '/')
		rel = path + k + 1;
	else if (path[0] == '/')
		rel = strrchr(path, '/') + 1; /* outside the batch folder: its name alone */
	while (rel[0] == '.' && rel[1] == '/')
		rel += 2;
	return xstrdup(*rel ? rel : path);
}

/* What prose says for another report: "<unit>的报告", else its relative path. */
struct named_path {
	const char *path;
	const char *unit;
	char *rel;
};

/* The batch's paths sorted by strcmp, and the bytes a path may start with,
 * so that finding the paths in a message costs a look-up, not a pass over
 * the batch at every byte (3,000 reports took 90 s to export). */
struct path_index {
	struct named_path *np;
	size_t n;
	bool first[256];
};

static int cmp_named_path(const void *a, const void *b)
{
	return strcmp(((const struct named_path *)a)->path, ((const struct named_path *)b)->path);
}

/* Sorts the paths and notes their first bytes. */
static void path_index_build(struct path_index *ix)
{
	if (ix->n)
		qsort(ix->np, ix->n, sizeof *ix->np, cmp_named_path);
	memset(ix->first, 0, sizeof ix->first);
	for (size_t i = 0; i < ix->n; i++)
		ix->first[(unsigned char)ix->np[i].path[0]] = true;
}

/* Compares path with the first c bytes of s (all of s for SIZE_MAX). */
static int cmp_with_prefix(const char *path, const char *s, size_t c)
{
	size_t k = 0;
	while (k < c && s[k] && path[k] == s[k])
		k++;
	if (k == c || !s[k])
		return path[k] ? 1 : 0;
	return (unsigned char)path[k] - (unsigned char)s[k];
}

/* The longest path of the index that s starts with: its index, or ix->n.
 * The greatest path not above s is it when it is a prefix of s; else the
 * longest prefix is also a prefix of that path's common part with s, so
 * the search goes on below it. */
static size_t longest_path_at(const struct path_index *ix, const char *s)
{
	if (!ix->first[(unsigned char)*s])
		return ix->n;
	for (size_t c = SIZE_MAX;;) {
		size_t lo = 0, hi = ix->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (cmp_with_prefix(ix->np[mid].path, s, c) <= 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (!lo)
			return ix->n;
		const char *q = ix->np[lo - 1].path;
		size_t k = 0;
		while (q[k] && q[k] == s[k])
			k++;
		if (!q[k])
			return lo - 1;
		if (!k)
			return ix->n;
		c = k;
	}
}

/* Replaces, in message s, every path of the batch: "P（U）" and "P (U)"
 * by the unit's report, a bare P by its relative path. Newly allocated. */
static char *prose_paths(const char *s, const struct path_index *ix, enum sy_export_lang lang)
{
	const struct named_path *np = ix->np;
	struct sy_buf b = {0};
	while (*s) {
		size_t best = longest_path_at(ix, s);
		if (best == ix->n) {
			sy_buf_add(&b, s, 1);
			s++;
			continue;
		}
		const char *after = s + strlen(np[best].path), *unit = np[best].unit;
		char *zh = unit ? xasprintf("（%s）", unit) : NULL, *en = unit ? xasprintf(" (%s)", unit) : NULL;
		if (zh && (!strncmp(after, zh, strlen(zh)) || !strncmp(after, en, strlen(en)))) {
			sy_buf_printf(&b, lang == SY_EXPORT_EN ? "the report of %s" : "%s的报告", unit);
			after += strncmp(after, zh, strlen(zh)) ? strlen(en) : strlen(zh);
		} else {
			sy_buf_puts(&b, np[best].rel);
		}
		free(zh);
		free(en);
		s = after;
	}
	return sy_buf_steal(&b);
}

/* ---- finding sentences in the export's language ---- */

static const char *lang_code(enum sy_export_lang lang)
{
	return lang == SY_EXPORT_EN ? "en" : "zh_CN";
}

/* The sentences of rep's findings in lang, newly allocated (NULL when the
 * messages already speak it): a 审查意见 is Chinese even from an English UI. */
static char **messages_in(const struct sy_report *rep, enum sy_export_lang lang)
{
	if (!strcmp(sy_i18n_language(), lang_code(lang)) || !rep->score.nf)
		return NULL;
	struct sy_i18n_saved saved;
	sy_i18n_switch(lang_code(lang), &saved);
	char **msg = xcalloc(rep->score.nf, sizeof *msg);
	for (size_t i = 0; i < rep->score.nf; i++)
		msg[i] = sy_finding_message(&rep->score.f[i]);
	sy_i18n_restore(&saved);
	return msg;
}

/* ---- building ---- */

struct build_ctx {
	const struct sy_rubric *r;
	const struct sy_export_opts *o;
	struct path_index names;
	char *base;
};

static void build_parts(struct sy_export_report *x, const struct sy_report *rep, const struct sy_rubric *r)
{
	x->parts = xcalloc(r->nparts ? r->nparts : 1, sizeof *x->parts);
	x->nparts = r->nparts;
	for (size_t i = 0; i < r->nparts; i++) {
		struct sy_export_part *p = &x->parts[i];
		const struct sy_part_result *pr = i < rep->score.nparts ? &rep->score.parts[i] : NULL;
		p->id = xstrdup(r->parts[i].id);
		p->label = xstrdup(r->parts[i].label);
		p->short_label = xstrdup(r->parts[i].short_label);
		p->required = r->parts[i].required;
		p->status = pr ? (int)pr->status : SY_MISSING;
		p->line = pr ? pr->line : 0;
		p->heading = pr ? xstrdup(pr->heading_text) : NULL;
	}
}

static void build_findings(struct sy_export_report *x, const struct sy_report *rep, const struct build_ctx *c)
{
	char **again = messages_in(rep, c->o->lang);
	x->f = xcalloc(rep->score.nf + 1, sizeof *x->f);
	x->nf = rep->score.nf;
	for (size_t i = 0; i < rep->score.nf; i++) {
		const struct sy_finding *f = &rep->score.f[i];
		x->f[i] = (struct sy_export_finding){
			.id = xstrdup(f->id), .severity = (int)f->severity, .line = f->line, .part = xstrdup(f->part),
			.message = prose_paths(again ? again[i] : f->message, &c->names, c->o->lang),
		};
		if (again)
			free(again[i]);
	}
	free(again);
}

/* The unit as it counts: the supervisor's assignment, else the detected one. */
static const char *unit_of(const struct sy_report *rep, const struct sy_review *rv)
{
	const struct sy_item *it = rv ? sy_review_get(rv, SY_KEY_UNIT) : NULL;
	return it && it->value && *it->value ? it->value : rep->error ? NULL : rep->outline.unit;
}

static void build_report(struct sy_export_report *x, const struct sy_export_entry *e, const struct build_ctx *c)
{
	const struct sy_report *rep = e->rep;
	memset(x, 0, sizeof *x);
	x->path = xstrdup(rep->path);
	x->relpath = relative_to(c->base, rep->path);
	x->score = x->detected_score = -1;
	x->unit = xstrdup(unit_of(rep, e->rv));
	if (e->rv)
		sy_review_copy(&x->review, e->rv);
	if (rep->error) {
		x->error = prose_paths(rep->error, &c->names, c->o->lang);
		return;
	}
	char hash[32];
	sy_hash_format(rep->doc.hash, hash, sizeof hash);
	x->hash = xstrdup(hash);
	x->title = xstrdup(rep->outline.title);
	x->year = rep->outline.year;
	x->encoding = xstrdup(sy_doc_source_name(&rep->doc));
	x->score = sy_effective_score(rep, e->rv, c->r); /* the reviewer's statuses win */
	x->detected_score = sy_effective_score(rep, NULL, c->r);
	x->changed = sy_effective_state(rep, e->rv) == SY_REVIEW_AGAIN ||
		     (e->rv && sy_review_changed(e->rv, rep->doc.hash));
	build_parts(x, rep, c->r);
	build_findings(x, rep, c);
}

/* Every report the prose may name: the whole batch when known. */
static void build_names(struct build_ctx *c, const struct sy_export_entry *e, size_t n)
{
	const struct sy_batch *b = c->o->batch;
	size_t total = b ? b->n : n;
	const char **paths = xcalloc(total + 1, sizeof *paths);
	struct named_path *np = xcalloc(total + 1, sizeof *np);
	for (size_t i = 0; i < total; i++) {
		const struct sy_report *rep = b ? &b->r[i] : e[i].rep;
		paths[i] = rep->path;
		np[i].path = rep->path;
		np[i].unit = rep->loaded && !rep->error ? rep->outline.unit : NULL;
	}
	c->base = c->o->base_dir ? xstrdup(c->o->base_dir) : common_dir(paths, total);
	for (size_t i = 0; i < total; i++)
		np[i].rel = relative_to(c->base, np[i].path);
	free(paths);
	c->names = (struct path_index){ .np = np, .n = total };
	path_index_build(&c->names);
}

void sy_export_build(struct sy_export_doc *x, const struct sy_export_entry *e, size_t n,
		     const struct sy_rubric *r, const struct sy_export_opts *o)
{
	static const struct sy_export_opts none = {0};
	struct build_ctx c = {.r = r, .o = o ? o : &none};
	memset(x, 0, sizeof *x);
	x->rubric = xstrdup(r->name);
	x->lang = c.o->lang;
	x->all_findings = c.o->all_findings;
	x->office = c.o->office && *c.o->office ? xstrdup(c.o->office) : NULL;
	x->reviewer = c.o->reviewer && *c.o->reviewer ? xstrdup(c.o->reviewer) : NULL;
	export_dates(x, c.o->date, c.o->resubmit_days);
	build_names(&c, e, n);
	x->r = xcalloc(n + 1, sizeof *x->r);
	x->n = n;
	for (size_t i = 0; i < n; i++)
		build_report(&x->r[i], &e[i], &c);
	for (size_t i = 0; i < c.names.n; i++)
		free(c.names.np[i].rel);
	free(c.names.np);
	free(c.base);
}

static void report_free(struct sy_export_report *x)
{
	for (size_t i = 0; i < x->nparts; i++) {
		free(x->parts[i].id);
		free(x->parts[i].label);
		free(x->parts[i].short_label);
		free(x->parts[i].heading);
	}
	for (size_t i = 0; i < x->nf; i++) {
		free(x->f[i].id);
		free(x->f[i].part);
		free(x->f[i].message);
	}
	free(x->parts);
	free(x->f);
	free(x->path);
	free(x->relpath);
	free(x->unit);
	free(x->title);
	free(x->encoding);
	free(x->hash);
	free(x->error);
	sy_review_free(&x->review);
	memset(x, 0, sizeof *x);
}

void sy_export_free(struct sy_export_doc *x)
{
	for (size_t i = 0; !x->borrowed && i < x->n; i++)
		report_free(&x->r[i]);
	if (!x->borrowed) {
		free(x->r);
		free(x->rubric);
		free(x->office);
		free(x->reviewer);
	}
	memset(x, 0, sizeof *x);
}

void sy_export_doc_slice(const struct sy_export_doc *x, size_t i, struct sy_export_doc *one)
{
	*one = *x;
	one->r = i < x->n ? &x->r[i] : NULL;
	one->n = i < x->n ? 1 : 0;
	one->borrowed = true;
}

/* ---- what prose says ---- */

int sy_export_part_status(const struct sy_export_report *x, size_t p, bool *overridden, const char **reason)
{
	const char *why = NULL;
	int st = p < x->nparts ? sy_review_override(&x->review, x->parts[p].id, &why) : -1;
	if (overridden)
		*overridden = st >= 0;
	if (reason)
		*reason = st >= 0 ? why : NULL;
	return st >= 0 ? st : p < x->nparts ? x->parts[p].status : SY_MISSING;
}

bool sy_export_finding_shown(const struct sy_export_doc *x, const struct sy_export_report *r,
			     const struct sy_export_finding *f)
{
	struct sy_note_target t = {.on = SY_NOTE_FINDING, .finding = f->id, .line = f->line};
	if (sy_review_note(&r->review, &t))
		return true; /* the reviewer wrote on it: it goes back with the note */
	if (f->severity == SY_SEV_INFO && !x->all_findings)
		return false;
	return !f->part || sy_review_override(&r->review, f->part, NULL) != SY_PRESENT;
}

static bool has_finding(const struct sy_export_report *r, const char *id, long line)
{
	for (size_t i = 0; i < r->nf; i++)
		if (!strcmp(r->f[i].id, id) && r->f[i].line == line)
			return true;
	return false;
}

static bool has_part(const struct sy_export_report *r, const char *id)
{
	for (size_t i = 0; i < r->nparts; i++)
		if (!strcmp(r->parts[i].id, id))
			return true;
	return false;
}

bool sy_export_note_orphaned(const struct sy_export_report *r, const struct sy_item *it, long *line)
{
	enum sy_note_on on;
	char *part, *finding;
	if (sy_key_note_parse(it->key, &on, &part, &finding, line) < 0)
		return false;
	bool orphan = (on == SY_NOTE_FINDING && !has_finding(r, finding, *line)) ||
		      (on == SY_NOTE_PART && !has_part(r, part));
	if (on != SY_NOTE_FINDING)
		*line = 0;
	free(part);
	free(finding);
	return orphan;
}

/* ---- file names ---- */

char *sy_export_folder_name(const char *dir)
{
	char *copy = xstrdup(dir && *dir ? dir : ".");
	size_t n = strlen(copy);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	char *real = NULL;
	const char *base = basename(copy);
	if (!strcmp(base, ".") || !strcmp(base, "..")) { /* "." is a folder with a name */
		real = realpath(copy, NULL);
		base = real ? basename(real) : base;
	}
	char *name = xstrdup(!strcmp(base, ".") || !strcmp(base, "..") || !strcmp(base, "/") ? "批次" : base);
	free(real);
	free(copy);
	return name;
}

/* Makes s fit in a file name: no '/', no control characters, no leading dot. */
static void file_name_safe(char *s)
{
	for (char *p = s; *p; p++)
		if (*p == '/' || *p == '\\' || (unsigned char)*p < 0x20 || strchr(":*?\"<>|", *p))
			*p = '_';
	if (*s == '.')
		*s = '_';
}

static const char *name_stem(const struct sy_export_format *f)
{
	return f->stem ? f->stem : "审查意见";
}

char *sy_export_default_name(const char *dir, const struct sy_export_format *f)
{
	char *folder = sy_export_folder_name(dir);
	char *name = xasprintf("%s-%s.%s", name_stem(f), folder, f->extension);
	free(folder);
	file_name_safe(name);
	return name;
}

char *sy_export_report_name(const struct sy_export_report *r, const struct sy_export_format *f)
{
	char *stem;
	if (r->unit && r->year)
		stem = xasprintf("%s-%d", r->unit, r->year);
	else if (r->unit)
		stem = xstrdup(r->unit);
	else {
		const char *slash = strrchr(r->path, '/');
		stem = xstrdup(slash ? slash + 1 : r->path);
		char *dot = strrchr(stem, '.');
		if (dot && dot != stem)
			*dot = '\0';
	}
	char *name = xasprintf("%s-%s.%s", name_stem(f), stem, f->extension);
	free(stem);
	file_name_safe(name);
	return name;
}
