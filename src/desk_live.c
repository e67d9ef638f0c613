/* The live folder: what other reviewers saved and which report files
 * changed or arrived since the desk last looked. One stat per file when
 * nothing changed; the UI calls sy_desk_poll when inotify wakes it, or
 * every few seconds where there is no inotify. */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shenyue/desk.h"
#include "shenyue/i18n.h"
#include "shenyue/xalloc.h"

void sy_desk_stamp(const char *path, struct sy_stamp *st)
{
	struct stat sb;
	memset(st, 0, sizeof *st);
	if (stat(path, &sb) < 0)
		return;
	st->exists = true;
	st->ino = sb.st_ino;
	st->size = sb.st_size;
	st->mtime = sb.st_mtim;
}

static bool stamps_equal(const struct sy_stamp *a, const struct sy_stamp *b)
{
	if (!a->exists || !b->exists)
		return a->exists == b->exists;
	return a->ino == b->ino && a->size == b->size && a->mtime.tv_sec == b->mtime.tv_sec &&
	       a->mtime.tv_nsec == b->mtime.tv_nsec;
}

void sy_desk_watch_folder(struct sy_desk *d, const char *folder)
{
	for (size_t i = 0; i < d->folders.n; i++)
		if (!strcmp(d->folders.v[i], folder))
			return;
	sy_strlist_add(&d->folders, folder);
}

static void push_index(size_t **v, size_t *n, size_t i)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = i;
}

void sy_desk_changes_free(struct sy_desk_changes *c)
{
	free(c->reviews);
	free(c->reports);
	sy_strlist_free(&c->added);
	memset(c, 0, sizeof *c);
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The batch's paths, sorted, to look new files up in (not one strcmp per
 * report and file: 10,000 reports would make that a second per look). */
static const char **batch_paths_sorted(const struct sy_desk *d)
{
	const char **v = xcalloc(d->n ? d->n : 1, sizeof *v);
	for (size_t i = 0; i < d->n; i++)
		v[i] = d->batch->r[i].path;
	qsort(v, d->n, sizeof *v, cmp_path);
	return v;
}

static bool in_batch(const char *const *sorted, size_t n, const char *path)
{
	return bsearch(&path, sorted, n, sizeof *sorted, cmp_path) != NULL;
}

/* New report files of a watched folder, in name order. */
static void poll_folder(const struct sy_desk *d, const char *const *sorted, const char *folder,
			struct sy_strlist *added)
{
	DIR *dir = opendir(folder);
	if (!dir)
		return;
	size_t from = added->n;
	size_t fl = strlen(folder);
	for (struct dirent *e; (e = readdir(dir));) {
		if (!sy_batch_wants_name(e->d_name)) /* what a folder of the batch picks up */
			continue;
		char *p = xasprintf("%s%s%s", folder, fl && folder[fl - 1] == '/' ? "" : "/", e->d_name);
		struct stat sb;
		if (!in_batch(sorted, d->n, p) && stat(p, &sb) == 0 && S_ISREG(sb.st_mode))
			sy_strlist_add(added, p);
		free(p);
	}
	closedir(dir);
	for (size_t i = from; i + 1 < added->n; i++) /* few: insertion sort */
		for (size_t j = i + 1; j < added->n; j++)
			if (strcmp(added->v[j], added->v[i]) < 0) {
				char *t = added->v[i];
				added->v[i] = added->v[j];
				added->v[j] = t;
			}
}

size_t sy_desk_poll(struct sy_desk *d, struct sy_desk_changes *c)
{
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < d->n; i++) {
		char msg[2048];
		if (!d->files[i].blocked && sy_review_file_refresh(&d->files[i], msg, sizeof msg) > SY_SAVE_OK)
			push_index(&c->reviews, &c->nreviews, i);
		if (d->files[i].dirty && !d->files[i].blocked) /* a merge left something of ours to write */
			sy_review_file_save(&d->files[i], msg, sizeof msg);
		struct sy_stamp now;
		sy_desk_stamp(d->batch->r[i].path, &now);
		if (!stamps_equal(&now, &d->report_stamps[i])) {
			d->report_stamps[i] = now;
			push_index(&c->reports, &c->nreports, i);
		}
	}
	const char **sorted = d->folders.n ? batch_paths_sorted(d) : NULL;
	for (size_t k = 0; k < d->folders.n; k++)
		poll_folder(d, sorted, d->folders.v[k], &c->added);
	free(sorted);
	return c->nreviews + c->nreports + c->added.n;
}

void sy_desk_unload(struct sy_desk *d, size_t i)
{
	if (i >= d->n)
		return;
	struct sy_report *rep = &d->batch->r[i];
	char *path = xstrdup(rep->path);
	sy_report_free(rep);
	rep->path = path;
	sy_desk_stamp(path, &d->report_stamps[i]);
}

void sy_desk_reload(struct sy_desk *d, size_t i)
{
	if (i >= d->n)
		return;
	sy_desk_unload(d, i);
	struct sy_report *rep = &d->batch->r[i];
	sy_report_load(rep, rep->path, d->rubric); /* its own path: kept as it is */
}

size_t sy_desk_add_report(struct sy_desk *d, const char *path)
{
	struct sy_batch *b = d->batch;
	char *one[] = { (char *)path };
	sy_batch_expand(b, one, 1);
	size_t i = d->n++;
	d->files = xreallocarray(d->files, d->n, sizeof *d->files);
	d->tagged = xreallocarray(d->tagged, d->n, sizeof *d->tagged);
	d->report_stamps = xreallocarray(d->report_stamps, d->n, sizeof *d->report_stamps);
	memset(&d->files[i], 0, sizeof d->files[i]);
	d->tagged[i] = false;
	char msg[2048];
	if (sy_review_file_open(&d->files[i], b->r[i].path, d->state_dir, msg, sizeof msg) != SY_LOAD_OK)
		sy_strlist_add(&d->problems, msg);
	sy_desk_stamp(b->r[i].path, &d->report_stamps[i]);
	return i;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* Appends up to three names from the list, then "and N more". */
static void describe_list(struct sy_buf *b, const char *label, const struct sy_desk *d, const size_t *idx,
			  size_t n, const struct sy_strlist *paths)
{
	if (!n)
		return;
	sy_buf_printf(b, "%s%s", b->len ? _("; ") : "", label);
	for (size_t k = 0; k < n && k < 3; k++)
		sy_buf_printf(b, "%s%s", k ? _(", ") : " ",
			      base_name(idx ? d->batch->r[idx[k]].path : paths->v[k]));
	if (n > 3)
		sy_buf_printf(b, _(" and %zu more"), n - 3);
}

void sy_desk_changes_describe(const struct sy_desk *d, const struct sy_desk_changes *c, char *buf,
			      size_t len)
{
	struct sy_buf b = { 0 };
	sy_buf_add(&b, "", 0);
	describe_list(&b, _("another reviewer saved"), d, c->reviews, c->nreviews, NULL);
	describe_list(&b, _("report file changed:"), d, c->reports, c->nreports, NULL);
	describe_list(&b, _("new report:"), d, NULL, c->added.n, &c->added);
	char *s = sy_buf_steal(&b);
	snprintf(buf, len, "%s", s);
	free(s);
}
