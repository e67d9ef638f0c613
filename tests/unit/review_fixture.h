/* Helpers for the review tests: a scratch directory per test, small file
 * utilities, and a batch of example reports copied into it. */
#ifndef SHENYUE_REVIEW_FIXTURE_H
#define SHENYUE_REVIEW_FIXTURE_H

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../test_common.h"
#include "shenyue/fileio.h"
#include "shenyue/desk.h"
#include "shenyue/xalloc.h"

/* Makes a fresh directory under $TMPDIR (or /tmp). */
static inline char *fx_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/shenyue-review-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(tmpl))
		fail_msg("mkdtemp %s: %s", tmpl, strerror(errno));
	return tmpl;
}

static inline int fx_rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes dir and everything in it, and frees the name. */
static inline void fx_rmtree(char *dir)
{
	nftw(dir, fx_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

static inline void fx_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		fail_msg("cannot write %s: %s", path, strerror(errno));
	fputs(text, f);
	fclose(f);
}

/* Returns the whole file (NUL-terminated), or NULL when it cannot be read. */
static inline char *fx_read(const char *path)
{
	char *text;
	size_t len;
	return sy_file_read(path, 0, &text, &len, NULL) == SY_READ_OK ? text : NULL;
}

/* Counts the entries of dir whose name contains part. */
static inline size_t fx_count(const char *dir, const char *part)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	if (!d)
		return 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strstr(e->d_name, part) != NULL;
	closedir(d);
	return n;
}

/* Returns the first entry of dir whose name contains part (full path), or NULL. */
static inline char *fx_find(const char *dir, const char *part)
{
	DIR *d = opendir(dir);
	char *found = NULL;
	if (!d)
		return NULL;
	for (struct dirent *e; !found && (e = readdir(d));)
		if (strstr(e->d_name, part))
			found = xasprintf("%s/%s", dir, e->d_name);
	closedir(d);
	return found;
}

/* Copies examples/NAME from the source tree into dir; returns the new path. */
static inline char *fx_copy_example(const char *dir, const char *name)
{
	const char *src = getenv("SRCDIR");
	char *from = xasprintf("%s/examples/%s", src && *src ? src : ".", name);
	char *text = fx_read(from);
	if (!text)
		fail_msg("cannot read %s (is SRCDIR set?)", from);
	char *to = xasprintf("%s/%s", dir, name);
	fx_write(to, text);
	free(text);
	free(from);
	return to;
}

/* The test's world: a folder holding two example reports, loaded as a batch. */
struct fx_world {
	char *dir;
	char *complete; /* examples/01-complete.txt: every part present */
	char *missing;  /* examples/02-missing-part.txt: duty missing */
	struct sy_batch batch;
};

static inline void fx_world_load_batch(struct fx_world *w)
{
	char *paths[] = {w->complete, w->missing};
	memset(&w->batch, 0, sizeof w->batch);
	sy_batch_expand(&w->batch, paths, 2);
	sy_batch_load_all(&w->batch, test_rubric());
}

static inline void fx_world_init(struct fx_world *w)
{
	w->dir = fx_tmpdir();
	w->complete = fx_copy_example(w->dir, "01-complete.txt");
	w->missing = fx_copy_example(w->dir, "02-missing-part.txt");
	fx_world_load_batch(w);
}

static inline void fx_world_free(struct fx_world *w)
{
	sy_batch_free(&w->batch);
	free(w->complete);
	free(w->missing);
	fx_rmtree(w->dir);
}

#endif
