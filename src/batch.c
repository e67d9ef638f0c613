/* The batch: files and folders named on the command line, expanded into
 * reports (a folder gives its report files, of every format a reader of the
 * table in docin.h takes, sorted by name). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shenyue/compare.h"
#include "shenyue/docin.h"
#include "shenyue/i18n.h"
#include "shenyue/pool.h"
#include "shenyue/progress.h"
#include "shenyue/report.h"
#include "shenyue/xalloc.h"

/* What expanding the command line's paths gives: the files, and the problems. */
struct found {
	struct sy_strlist *files, *errors;
};

static void batch_add_file(struct found *f, const char *path)
{
	sy_strlist_add(f->files, path);
}

static void batch_add_folder(struct found *f, const char *dir, bool top);

static void batch_add_error(struct found *f, const char *path, const char *why)
{
	sy_strlist_addf(f->errors, "%s: %s", path, why);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool sy_batch_is_own_output(const char *name)
{
	static const char *const prefixes[] = { "审查意见-", "情况通报-", NULL };
	for (const char *const *p = prefixes; *p; p++)
		if (!strncmp(name, *p, strlen(*p)))
			return true;
	return false;
}

bool sy_batch_wants_name(const char *name)
{
	return sy_reader_wants_name(name) && !sy_batch_is_own_output(name);
}

/* True when name (in folder dir) is a folder named after a year: 2023, 2023年. */
static bool is_year_folder(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s/x", dir, name);
	int year = sy_compare_folder_year(p);
	free(p);
	if (!year)
		return false;
	char *q = xasprintf("%s/%s", dir, name);
	struct stat st;
	bool folder = stat(q, &st) == 0 && S_ISDIR(st.st_mode);
	free(q);
	return folder;
}

/* Adds dir/name for each of the n names (sorted first); year folders are
 * expanded as folders of their own. */
static void batch_add_names(struct found *b, const char *dir, char **names, size_t n, bool folders)
{
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	size_t dl = strlen(dir);
	bool slash = dl && dir[dl - 1] == '/';
	for (size_t i = 0; i < n; i++) {
		char *p = xasprintf("%s%s%s", dir, slash ? "" : "/", names[i]);
		if (folders)
			batch_add_folder(b, p, false);
		else
			batch_add_file(b, p);
		free(p);
		free(names[i]);
	}
	free(names);
}

/* Adds the report files of dir; a folder named on the command line (top)
 * also gives those of its year folders (2023/, 2024/), one level down only. */
static void batch_add_folder(struct found *b, const char *dir, bool top)
{
	DIR *d = opendir(dir);
	if (!d) {
		batch_add_error(b, dir, strerror(errno));
		return;
	}
	char **names = NULL, **years = NULL;
	size_t n = 0, ny = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (sy_batch_wants_name(e->d_name)) {
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = xstrdup(e->d_name);
		} else if (top && e->d_name[0] != '.' && is_year_folder(dir, e->d_name)) {
			years = xreallocarray(years, ny + 1, sizeof *years);
			years[ny++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	batch_add_names(b, dir, names, n, false);
	batch_add_names(b, dir, years, ny, true);
	if (!n && !ny) {
		char *kinds = sy_reader_extension_list();
		char *why = xasprintf(_("no reports in this folder (%s)"), kinds);
		batch_add_error(b, dir, why);
		free(why);
		free(kinds);
	}
}

void sy_paths_expand(struct sy_strlist *files, struct sy_strlist *errors, char *const *paths, size_t npaths)
{
	struct found f = { files, errors };
	for (size_t i = 0; i < npaths; i++) {
		struct stat st;
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			batch_add_folder(&f, paths[i], true);
		else
			batch_add_file(&f, paths[i]);
	}
}

void sy_batch_expand(struct sy_batch *b, char *const *paths, size_t npaths)
{
	struct sy_strlist files = {0};
	sy_paths_expand(&files, &b->errors, paths, npaths);
	b->r = xreallocarray(b->r, b->n + files.n + 1, sizeof *b->r);
	memset(b->r + b->n, 0, (files.n + 1) * sizeof *b->r);
	for (size_t i = 0; i < files.n; i++)
		b->r[b->n++].path = files.v[i]; /* taken over */
	free(files.v);
}

struct load_ctx {
	struct sy_batch *b;
	const struct sy_rubric *r;
};

/* On a worker: loads report i (each job touches its own report only). */
static void load_job(void *ctx, size_t i)
{
	struct load_ctx *c = ctx;
	if (!c->b->r[i].loaded)
		sy_report_load(&c->b->r[i], c->b->r[i].path, c->r);
}

void sy_batch_load(struct sy_batch *b, const struct sy_rubric *r, int jobs, FILE *progress)
{
	struct load_ctx c = { b, r };
	struct sy_progress p;
	/* TRANSLATORS: the progress line of check, export and summary. */
	sy_progress_begin(&p, _("reading"), b->n, progress);
	struct sy_pool *pool = sy_pool_start(b->n, jobs, 0, load_job, &c);
	for (size_t i = 0; i < b->n; i++) {
		sy_pool_ensure_next(pool, i); /* woken once for a few reports */
		sy_progress_update(&p, i + 1);
	}
	sy_pool_free(pool);
	sy_progress_end(&p);
}

void sy_batch_load_all(struct sy_batch *b, const struct sy_rubric *r)
{
	sy_batch_load(b, r, 0, NULL);
}

void sy_batch_free(struct sy_batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		sy_report_free(&b->r[i]);
	free(b->r);
	sy_strlist_free(&b->errors);
	memset(b, 0, sizeof *b);
}
