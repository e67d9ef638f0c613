/* Files on disk: whole-file reads for every loader (reports, rubrics,
 * themes, settings, review files) and atomic writes for every file shenyue
 * writes (review files, sessions, exports). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shenyue/doc.h"
#include "shenyue/fileio.h"
#include "shenyue/hash.h"
#include "shenyue/i18n.h"
#include "shenyue/xalloc.h"

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

/* ---- paths ---- */

char *sy_path_dirname(const char *path)
{
	char *copy = xstrdup(path);
	char *d = xstrdup(dirname(copy));
	free(copy);
	return d;
}

char *sy_path_basename(const char *path)
{
	char *copy = xstrdup(path);
	char *b = xstrdup(basename(copy));
	free(copy);
	return b;
}

/* The longest prefix of s no longer than max bytes that ends on a UTF-8
 * character boundary (bytes that are not UTF-8 count one each). */
static size_t cut_at_char(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80 && max - n < 3)
		n--;
	return n;
}

char *sy_file_name_fit(const char *name, size_t suffix_len)
{
	size_t len = strlen(name);
	if (len + suffix_len <= NAME_MAX)
		return xstrdup(name);
	size_t room = NAME_MAX > suffix_len + 17 ? NAME_MAX - suffix_len - 17 : 0;
	size_t keep = cut_at_char(name, room);
	return xasprintf("%.*s-%016llx", (int)keep, name,
			 (unsigned long long)sy_hash64(name, len));
}

/* ---- reading ---- */

const char *sy_file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return _("a folder");
	if (S_ISFIFO(mode))
		return _("a FIFO (named pipe)");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return _("a device");
	if (S_ISSOCK(mode))
		return _("a socket");
	if (S_ISLNK(mode))
		return _("a symbolic link");
	return _("not a regular file");
}

const char *sy_read_strerror(enum sy_read_result rc, const struct stat *sb, size_t max)
{
	static _Thread_local char buf[128]; /* reports are read on several threads */
	switch (rc) {
	case SY_READ_NOT_REGULAR:
		/* TRANSLATORS: %s is "a FIFO (named pipe)", "a folder", "a device"... */
		snprintf(buf, sizeof buf, _("%s, not a regular file"), sb ? sy_file_kind(sb->st_mode) : "?");
		return buf;
	case SY_READ_TOO_BIG:
		snprintf(buf, sizeof buf, _("larger than the limit of %zu MB"), max >> 20);
		return buf;
	default:
		return strerror(errno);
	}
}

/* Reads fd to its end into b, stopping once b holds more than max (0: no limit). */
static int read_all(int fd, size_t max, struct sy_buf *b)
{
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0 || (max && b->len > max))
			return 0;
		sy_buf_add(b, chunk, (size_t)n);
	}
}

/* Reads into b's free room (as much as fits) until it is full or the file
 * ends: one read for a file no longer than stat said. */
static int read_into_room(int fd, struct sy_buf *b)
{
	while (b->len + 1 < b->cap) {
		ssize_t n = read(fd, b->data + b->len, b->cap - 1 - b->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		b->len += (size_t)n;
	}
	b->data[b->len] = '\0';
	return 0;
}

/* Reads the open regular file fd (stat st) into b: straight into a buffer
 * of the size stat gives, then on in chunks should the file have grown.
 * A regular file never blocks, so its O_NONBLOCK is left as it is. */
static enum sy_read_result read_regular(int fd, const struct stat *st, size_t max, struct sy_buf *b)
{
	size_t want = st->st_size > 0 ? (size_t)st->st_size : 0;
	if (max && want > max)
		want = max + 1; /* enough to see it is too big */
	b->cap = want + 1;
	b->data = xrealloc(NULL, b->cap);
	if (read_into_room(fd, b) < 0 || read_all(fd, max, b) < 0)
		return SY_READ_IO;
	return max && b->len > max ? SY_READ_TOO_BIG : SY_READ_OK;
}

enum sy_read_result sy_file_read(const char *path, size_t max, char **text, size_t *len,
				 struct stat *sb)
{
	*text = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO with no writer must not wait for one */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return SY_READ_OPEN;
	struct stat st;
	struct sy_buf b = {0};
	enum sy_read_result rc;
	if (fstat(fd, &st) < 0)
		rc = SY_READ_IO;
	else if (!S_ISREG(st.st_mode))
		rc = (errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL, SY_READ_NOT_REGULAR);
	else
		rc = read_regular(fd, &st, max, &b);
	int saved = errno;
	close(fd);
	if (sb && rc != SY_READ_IO)
		*sb = st;
	if (rc != SY_READ_OK) {
		sy_buf_free(&b);
		errno = saved;
		return rc;
	}
	*len = b.len;
	*text = sy_buf_steal(&b);
	return SY_READ_OK;
}

/* ---- writing ---- */

int sy_mkdir_parents(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		errno = ENOTDIR;
		return -1;
	}
	char *parent = sy_path_dirname(dir);
	int rc = strcmp(parent, dir) ? sy_mkdir_parents(parent) : 0;
	free(parent);
	if (rc == 0 && mkdir(dir, 0777) < 0 && errno != EEXIST)
		rc = -1;
	return rc;
}

int sy_fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	if (rc < 0 && (errno == EINVAL || errno == EROFS))
		rc = 0; /* the file system cannot sync directories */
	int e = errno;
	close(fd);
	errno = e;
	return rc;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = ENOSPC;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* What stands at the path, after following a symlink. */
struct target {
	char *path;     /* the file to replace: path, or a symlink's target */
	bool exists;
	struct stat st; /* when exists */
};

/* Finds what path names; refuses what must not be replaced. */
static enum sy_write_result target_find(struct target *t, const char *path, unsigned flags, char *err,
					size_t errlen)
{
	memset(t, 0, sizeof *t);
	struct stat lst;
	if (lstat(path, &lst) < 0) {
		t->path = xstrdup(path);
		return SY_WRITE_OK; /* nothing there (or not reachable: the write will say) */
	}
	if (flags & SY_WRITE_NEW)
		return SY_WRITE_EXISTS;
	if (S_ISLNK(lst.st_mode)) {
		t->path = realpath(path, NULL);
		if (!t->path) {
			snprintf(err, errlen, _("%s is a symbolic link to a missing file: not written"), path);
			return SY_WRITE_FAILED;
		}
		if (stat(t->path, &lst) < 0) {
			snprintf(err, errlen, _("cannot write %s: %s"), path, strerror(errno));
			return SY_WRITE_FAILED;
		}
	} else {
		t->path = xstrdup(path);
	}
	t->exists = true;
	t->st = lst;
	bool direct_ok = (flags & SY_WRITE_DEVICES) && (S_ISCHR(lst.st_mode) || S_ISFIFO(lst.st_mode));
	if (!S_ISREG(lst.st_mode) && !direct_ok) {
		/* TRANSLATORS: the second %s is "a folder", "a device"... */
		snprintf(err, errlen, _("%s is %s, not a regular file: not replaced"), path,
			 sy_file_kind(lst.st_mode));
		return SY_WRITE_FAILED;
	}
	return SY_WRITE_OK;
}

/* Writes straight into a character device or FIFO (never replacing it). */
static enum sy_write_result write_direct(const struct target *t, const void *data, size_t len,
					 char *err, size_t errlen)
{
	/* O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of hanging */
	int fd = open(t->path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	int fl = fd < 0 ? -1 : fcntl(fd, F_GETFL);
	if (fd < 0 || fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 || write_all(fd, data, len) < 0) {
		snprintf(err, errlen, _("cannot write %s: %s"), t->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return SY_WRITE_FAILED;
	}
	if (close(fd) < 0) {
		snprintf(err, errlen, _("cannot write %s: %s"), t->path, strerror(errno));
		return SY_WRITE_FAILED;
	}
	return SY_WRITE_OK;
}

/* Gives the new file fd the mode (and owner) of what it replaces, or the
 * default mode for a new file. */
static int temp_set_mode(int fd, const struct target *t)
{
	if (!t->exists) {
		mode_t mask = umask(0);
		umask(mask);
		return fchmod(fd, 0666 & ~mask);
	}
	/* not allowed to give it away (not root): it stays ours, as a new file would */
	if (fchown(fd, t->st.st_uid, t->st.st_gid) < 0 && fchown(fd, (uid_t)-1, t->st.st_gid) < 0)
		errno = 0;
	return fchmod(fd, t->st.st_mode & 07777);
}

/* Writes data into a new temporary file beside the target; returns its fd
 * (synced, mode set) and the name in *tmp. */
static int temp_write(const char *dir, const struct target *t, const void *data, size_t len, char **tmp,
		      char *err, size_t errlen)
{
	char *base = sy_path_basename(t->path);
	char *fit = sy_file_name_fit(base, strlen(".") + strlen(".XXXXXX"));
	*tmp = xasprintf("%s/.%s.XXXXXX", dir, fit);
	free(fit);
	free(base);
	int fd = mkostemp(*tmp, O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, _("cannot create a file in %s: %s"), dir, strerror(errno));
		return -1;
	}
	if (temp_set_mode(fd, t) < 0 || write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		snprintf(err, errlen, _("cannot write %s: %s"), *tmp, strerror(errno));
		close(fd);
		unlink(*tmp);
		return -1;
	}
	return fd;
}

/* Puts tmp in place of path (replacing it, or only when absent). */
static enum sy_write_result temp_commit(const char *tmp, const char *path, unsigned flags, char *err,
					size_t errlen)
{
	bool only_new = flags & SY_WRITE_NEW;
	if ((only_new ? link(tmp, path) : rename(tmp, path)) < 0) {
		int e = errno;
		unlink(tmp);
		if (only_new && e == EEXIST)
			return SY_WRITE_EXISTS; /* appeared meanwhile: still never replaced */
		snprintf(err, errlen, only_new ? _("cannot create %s: %s") : _("cannot replace %s: %s"), path,
			 strerror(e));
		return SY_WRITE_FAILED;
	}
	if (only_new)
		unlink(tmp);
	return SY_WRITE_OK;
}

/* The atomic write proper, to a target that is (or will be) a regular file. */
static enum sy_write_result write_replace(const struct target *t, const void *data, size_t len,
					  unsigned flags, struct stat *st, char *err, size_t errlen)
{
	char *dir = sy_path_dirname(t->path), *tmp = NULL;
	enum sy_write_result rc = SY_WRITE_FAILED;
	struct stat sb;
	int fd = -1;
	if (sy_mkdir_parents(dir) < 0) {
		snprintf(err, errlen, _("cannot create the folder %s: %s"), dir, strerror(errno));
		goto out;
	}
	fd = temp_write(dir, t, data, len, &tmp, err, errlen);
	if (fd < 0)
		goto out;
	if (fstat(fd, &sb) < 0 || close(fd) < 0) {
		snprintf(err, errlen, _("cannot write %s: %s"), tmp, strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = temp_commit(tmp, t->path, flags, err, errlen);
	if (rc == SY_WRITE_OK && sy_fsync_dir(dir) < 0) {
		snprintf(err, errlen, _("cannot sync the folder %s: %s"), dir, strerror(errno));
		rc = SY_WRITE_FAILED;
	}
	if (rc == SY_WRITE_OK && st)
		*st = sb;
out:
	free(dir);
	free(tmp);
	return rc;
}

enum sy_write_result sy_file_write(const char *path, const void *data, size_t len,
					  unsigned flags, struct stat *st, char *err, size_t errlen)
{
	struct target t;
	enum sy_write_result rc = target_find(&t, path, flags, err, errlen);
	if (rc == SY_WRITE_OK && t.exists && !S_ISREG(t.st.st_mode)) {
		rc = write_direct(&t, data, len, err, errlen);
		if (rc == SY_WRITE_OK && st)
			*st = t.st;
	} else if (rc == SY_WRITE_OK) {
		rc = write_replace(&t, data, len, flags, st, err, errlen);
	}
	free(t.path);
	return rc;
}

char *sy_file_move_aside(const char *path)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	char *dir = sy_path_dirname(path), *base = sy_path_basename(path);
	/* ".corrupt-" + stamp + "-999" */
	char *fit = sy_file_name_fit(base, strlen(".corrupt-") + strlen(stamp) + 4);
	char *prefix = strcmp(fit, base) ? xasprintf("%s/%s", dir, fit) : xstrdup(path);
	char *aside = NULL;
	for (int i = 1; i < 1000; i++) {
		aside = i == 1 ? xasprintf("%s.corrupt-%s", prefix, stamp)
			       : xasprintf("%s.corrupt-%s-%d", prefix, stamp, i);
		struct stat sb;
		if (lstat(aside, &sb) < 0 && errno == ENOENT)
			break;
		free(aside);
		aside = NULL;
	}
	if (!aside)
		errno = EEXIST;
	else if (rename(path, aside) < 0) {
		free(aside);
		aside = NULL;
	}
	free(prefix);
	free(dir);
	free(base);
	free(fit);
	return aside;
}

int sy_file_build_via_temp(int (*write_file)(const char *path, const void *ctx, char *err, size_t errlen),
			   const void *ctx, char **data, size_t *len, char *err, size_t errlen)
{
	const char *tmpdir = getenv("TMPDIR");
	char *path = xasprintf("%s/shenyue-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	int fd = mkstemp(path);
	int rc = -1;
	if (fd < 0) {
		snprintf(err, errlen, _("cannot create a file in %s: %s"), tmpdir && *tmpdir ? tmpdir : "/tmp",
			 strerror(errno));
	} else {
		close(fd);
		struct stat sb;
		enum sy_read_result rd = SY_READ_OK;
		if (write_file(path, ctx, err, errlen) == 0 &&
		    (rd = sy_file_read(path, 0, data, len, &sb)) == SY_READ_OK)
			rc = 0;
		else if (rd != SY_READ_OK)
			snprintf(err, errlen, _("cannot read %s: %s"), path, sy_read_strerror(rd, &sb, 0));
		unlink(path);
	}
	free(path);
	return rc;
}
