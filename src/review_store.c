/* Review files on disk: atomic saves, merge with concurrent edits, corrupt
 * files moved aside, and the session file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <pthread.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shenyue/fileio.h"
#include "shenyue/check.h"
#include "shenyue/doc.h"
#include "shenyue/hash.h"
#include "shenyue/i18n.h"
#include "shenyue/review_store.h"
#include "shenyue/xalloc.h"

/* ---- paths ---- */

/* The last folder resolved by folder_realpath, and what it resolved to: a
 * batch's reports share their folder, and realpath costs a readlink and a
 * stat for each part of it (40,000 system calls to open 10,000 reports). */
static pthread_mutex_t last_real_lock = PTHREAD_MUTEX_INITIALIZER;
static char *last_dir, *last_real;

/* realpath(dir), remembered for the last folder asked (a new string, or NULL). */
static char *folder_realpath(const char *dir)
{
	pthread_mutex_lock(&last_real_lock);
	if (!last_dir || strcmp(last_dir, dir)) {
		free(last_dir);
		free(last_real);
		last_dir = xstrdup(dir);
		last_real = realpath(dir, NULL);
	}
	char *real = last_real ? xstrdup(last_real) : NULL;
	pthread_mutex_unlock(&last_real_lock);
	return real;
}

/* Under --state DIR each report folder gets its own subfolder, named after
 * the folder and a hash of its absolute path: two folders holding reports of
 * the same name (2023/云溪镇.txt, 2024/云溪镇.txt) never share a review file. */
static char *state_subdir(const char *report_path, const char *state_dir)
{
	char *dir = sy_path_dirname(report_path);
	char *real = folder_realpath(dir);
	const char *key = real ? real : dir;
	char *name = sy_path_basename(key);
	char *sub = xasprintf("%s/%s-%08x", state_dir, name,
			      (unsigned)(sy_hash64(key, strlen(key)) & 0xFFFFFFFFu));
	free(name);
	free(real);
	free(dir);
	return sub;
}

char *sy_store_dir(const char *report_path, const char *state_dir)
{
	if (state_dir && *state_dir)
		return state_subdir(report_path, state_dir);
	char *dir = sy_path_dirname(report_path);
	char *state = xasprintf("%s/%s", dir, SY_STATE_DIRNAME);
	free(dir);
	return state;
}

char *sy_store_path(const char *report_path, const char *state_dir)
{
	char *dir = sy_store_dir(report_path, state_dir);
	char *base = sy_path_basename(report_path);
	/* a name near NAME_MAX is shortened, with a hash of the whole of it */
	char *fit = sy_file_name_fit(base, strlen(".yaml"));
	char *p = xasprintf("%s/%s.yaml", dir, fit);
	free(dir);
	free(base);
	free(fit);
	return p;
}

/* ---- plain file operations ---- */

static void stamp_from_stat(struct sy_stamp *st, const struct stat *sb, uint64_t hash)
{
	st->exists = true;
	st->ino = sb->st_ino;
	st->size = sb->st_size;
	st->mtime = sb->st_mtim;
	st->hash = hash;
}

/* True when the file at path still looks like st (no need to read it). */
static bool stamp_matches(const char *path, const struct sy_stamp *st)
{
	struct stat sb;
	if (stat(path, &sb) < 0)
		return !st->exists && (errno == ENOENT || errno == ENOTDIR);
	return st->exists && sb.st_ino == st->ino && sb.st_size == st->size &&
	       sb.st_mtim.tv_sec == st->mtime.tv_sec && sb.st_mtim.tv_nsec == st->mtime.tv_nsec;
}

enum sy_read_result sy_file_read_stamped(const char *path, char **data, size_t *len, struct sy_stamp *st,
					 struct stat *sb)
{
	memset(st, 0, sizeof *st);
	enum sy_read_result rd = sy_file_read(path, SY_YAML_MAX_BYTES, data, len, sb);
	if (rd == SY_READ_OK)
		stamp_from_stat(st, sb, sy_hash64(*data, *len));
	return rd;
}

/* ---- review files ---- */

/* Moves an unreadable file aside and says so: SY_LOAD_MOVED, or
 * SY_LOAD_BLOCKED when that failed too. */
static enum sy_load_result store_set_aside(const char *path, const char *why, char *msg, size_t msglen)
{
	char *aside = sy_file_move_aside(path);
	if (!aside) {
		snprintf(msg, msglen, _("%s; it could not be moved aside (%s), so it is left as it is "
			 "and nothing will be saved over it"), why, strerror(errno));
		return SY_LOAD_BLOCKED;
	}
	snprintf(msg, msglen, _("%s; moved aside to %s"), why, aside);
	free(aside);
	return SY_LOAD_MOVED;
}

/* What the review file on disk is: gone, read, not a review (moved aside),
 * newer or not a regular file (left alone, never written), unreadable. */
enum disk_state { DISK_SAME, DISK_GONE, DISK_READ, DISK_CORRUPT, DISK_NEWER, DISK_ODD, DISK_UNREADABLE };

/* Reads the review file as it is now into *rv. */
static enum disk_state store_read_disk(const char *path, struct sy_review *rv, struct sy_stamp *st,
				       char *why, size_t whylen)
{
	char *data;
	size_t len;
	struct stat sb;
	enum sy_read_result rd = sy_file_read_stamped(path, &data, &len, st, &sb);
	if (rd != SY_READ_OK) {
		if (rd == SY_READ_OPEN && (errno == ENOENT || errno == ENOTDIR))
			return DISK_GONE; /* no file, or no state folder (yet) */
		snprintf(why, whylen, _("cannot read %s: %s"), path, sy_read_strerror(rd, &sb, SY_YAML_MAX_BYTES));
		return rd == SY_READ_NOT_REGULAR ? DISK_ODD : DISK_UNREADABLE;
	}
	enum sy_parse_result rc = sy_review_parse(rv, path, data, len, why, whylen);
	free(data);
	if (rc == SY_PARSE_NEWER)
		return DISK_NEWER;
	return rc == SY_PARSE_OK ? DISK_READ : DISK_CORRUPT;
}

static void file_init(struct sy_review_file *f, const char *report_path, const char *state_dir)
{
	memset(f, 0, sizeof *f);
	f->path = sy_store_path(report_path, state_dir);
	char *base = sy_path_basename(report_path);
	sy_review_init(&f->cur, base);
	sy_review_init(&f->base, base);
	free(base);
}

enum sy_load_result sy_review_file_open(struct sy_review_file *f, const char *report_path,
					const char *state_dir, char *msg, size_t msglen)
{
	file_init(f, report_path, state_dir);
	if (msglen)
		*msg = '\0';
	struct sy_review rv = {0};
	char why[1024];
	enum sy_load_result rc = SY_LOAD_OK;
	switch (store_read_disk(f->path, &rv, &f->stamp, why, sizeof why)) {
	case DISK_READ:
		if (!rv.report)
			rv.report = xstrdup(f->cur.report);
		sy_review_copy(&f->cur, &rv);
		sy_review_copy(&f->base, &rv);
		break;
	case DISK_GONE:
	case DISK_SAME:
		break;
	case DISK_NEWER:
	case DISK_ODD:
		snprintf(msg, msglen, _("%s; left as it is, nothing will be saved over it"), why);
		f->blocked = true;
		rc = SY_LOAD_BLOCKED;
		break;
	case DISK_CORRUPT:
	case DISK_UNREADABLE:
		memset(&f->stamp, 0, sizeof f->stamp);
		rc = store_set_aside(f->path, why, msg, msglen);
		f->blocked = rc == SY_LOAD_BLOCKED;
		break;
	}
	sy_review_free(&rv);
	return rc;
}

int sy_review_read(struct sy_review *rv, const char *report_path, const char *state_dir, char *err,
		   size_t errlen)
{
	char *path = sy_store_path(report_path, state_dir);
	char *base = sy_path_basename(report_path);
	struct sy_stamp st;
	sy_review_init(rv, base);
	enum disk_state ds = store_read_disk(path, rv, &st, err, errlen);
	if (ds != DISK_READ && ds != DISK_GONE)
		sy_review_init(rv, base);
	else if (!rv->report)
		rv->report = xstrdup(base);
	free(path);
	free(base);
	return ds == DISK_READ || ds == DISK_GONE ? 0 : -1;
}

/* Merges theirs (just read, stamp st) into f->cur; base becomes theirs. */
static enum sy_save_result store_merge(struct sy_review_file *f, struct sy_review *theirs,
				       const struct sy_stamp *st, char *msg, size_t msglen)
{
	size_t conflicts = sy_review_merge(&f->cur, &f->base, theirs);
	sy_review_copy(&f->base, theirs);
	f->stamp = *st;
	f->dirty = !sy_review_equal(&f->cur, &f->base);
	if (conflicts) {
		snprintf(msg, msglen,
			 ngettext("%s was changed by someone else; %zu decision clashed with yours "
				  "(yours kept, theirs shown as conflicts)",
				  "%s was changed by someone else; %zu decisions clashed with yours "
				  "(yours kept, theirs shown as conflicts)", conflicts),
			 f->path, conflicts);
		return SY_SAVE_CONFLICT;
	}
	snprintf(msg, msglen, _("%s was changed by someone else; their changes were merged"), f->path);
	return SY_SAVE_MERGED;
}

/* Brings f up to date with the disk before a save or on refresh. */
static enum sy_save_result store_sync(struct sy_review_file *f, char *msg, size_t msglen)
{
	if (stamp_matches(f->path, &f->stamp))
		return SY_SAVE_OK;
	struct sy_review theirs = {0};
	struct sy_stamp st;
	char why[1024];
	enum sy_save_result rc = SY_SAVE_OK;
	switch (store_read_disk(f->path, &theirs, &st, why, sizeof why)) {
	case DISK_SAME:
		break;
	case DISK_GONE:
		memset(&f->stamp, 0, sizeof f->stamp);
		f->dirty = true;
		break;
	case DISK_READ:
		if (st.hash == f->stamp.hash && f->stamp.exists)
			f->stamp = st; /* touched, not changed */
		else
			rc = store_merge(f, &theirs, &st, msg, msglen);
		break;
	case DISK_NEWER:
	case DISK_ODD:
		snprintf(msg, msglen, _("%s; not saving over it"), why);
		f->blocked = true;
		rc = SY_SAVE_FAILED;
		break;
	case DISK_CORRUPT:
	case DISK_UNREADABLE:
		if (store_set_aside(f->path, why, msg, msglen) == SY_LOAD_BLOCKED) {
			f->blocked = true;
			rc = SY_SAVE_FAILED;
			break;
		}
		memset(&f->stamp, 0, sizeof f->stamp);
		f->dirty = true;
		rc = SY_SAVE_MOVED;
		break;
	}
	sy_review_free(&theirs);
	return rc;
}

/* Takes the lock file of the review's folder; returns its fd or -1. */
static int store_lock(const char *path)
{
	char *dir = sy_path_dirname(path);
	char *lock = xasprintf("%s/.lock", dir);
	int fd = -1;
	if (sy_mkdir_parents(dir) == 0)
		fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (fd >= 0)
		while (flock(fd, LOCK_EX) < 0 && errno == EINTR)
			;
	free(dir);
	free(lock);
	return fd;
}

static void store_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}

/* Writes f->cur; on success it becomes the new base. */
static int store_write(struct sy_review_file *f, char *msg, size_t msglen)
{
	size_t len;
	char *text = sy_review_format(&f->cur, &len);
	char err[1024];
	struct stat sb;
	enum sy_write_result rc = sy_file_write(f->path, text, len, SY_WRITE_REPLACE, &sb, err, sizeof err);
	if (rc == SY_WRITE_OK)
		stamp_from_stat(&f->stamp, &sb, sy_hash64(text, len));
	free(text);
	if (rc != SY_WRITE_OK) {
		snprintf(msg, msglen, _("not saved: %s"), err);
		return -1;
	}
	sy_review_copy(&f->base, &f->cur);
	f->dirty = false;
	return 0;
}

enum sy_save_result sy_review_file_save(struct sy_review_file *f, char *msg, size_t msglen)
{
	if (msglen)
		*msg = '\0';
	if (f->blocked) {
		snprintf(msg, msglen, _("not saved: %s could not be read, so nothing is saved over it"), f->path);
		return SY_SAVE_FAILED;
	}
	int lock = store_lock(f->path);
	enum sy_save_result rc = store_sync(f, msg, msglen);
	if (rc != SY_SAVE_FAILED && (f->dirty || !f->stamp.exists || !sy_review_equal(&f->cur, &f->base))) {
		if (store_write(f, msg, msglen) < 0)
			rc = SY_SAVE_FAILED; /* the failure says more than a merge */
	}
	store_unlock(lock);
	if (rc == SY_SAVE_FAILED)
		f->dirty = true;
	return rc;
}

enum sy_save_result sy_review_file_refresh(struct sy_review_file *f, char *msg, size_t msglen)
{
	if (msglen)
		*msg = '\0';
	if (f->blocked)
		return SY_SAVE_OK;
	return store_sync(f, msg, msglen);
}

void sy_review_file_close(struct sy_review_file *f)
{
	sy_review_free(&f->cur);
	sy_review_free(&f->base);
	free(f->path);
	memset(f, 0, sizeof *f);
}

/* ---- session ---- */

/* The user's name, reduced to characters safe in a file name. */
static char *session_user(void)
{
	const char *u = getenv("SHENYUE_USER");
	if (!u || !*u)
		u = getenv("USER");
	struct passwd *pw = (!u || !*u) ? getpwuid(getuid()) : NULL;
	if (pw)
		u = pw->pw_name;
	char *s = xstrdup(u && *u ? u : "user");
	for (char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '_' || *p == '.'))
			*p = '_';
	return s;
}

char *sy_session_path(const char *state_dir)
{
	char *user = session_user();
	char *p = xasprintf("%s/session-%s.yaml", state_dir, user);
	free(user);
	return p;
}

void sy_session_free(struct sy_session *s)
{
	free(s->report);
	free(s->part);
	sy_strlist_free(&s->tagged);
	memset(s, 0, sizeof *s);
}

static int session_from_node(struct sy_session *s, struct sy_yaml *y, yaml_node_t *root, char *err,
			     size_t errlen)
{
	static const char *const keys[] = {"format", "report", "part", "scroll", "line", "tagged", NULL};
	long format = 1;
	if (sy_yaml_expect_map(y, root, "the session", err, errlen) < 0 ||
	    sy_yaml_check_keys(y, root, keys, err, errlen) < 0 ||
	    sy_yaml_get_int(y, root, "format", 1, 1, &format, err, errlen) < 0 ||
	    sy_yaml_get_str(y, root, "report", false, &s->report, err, errlen) < 0 ||
	    sy_yaml_get_str(y, root, "part", false, &s->part, err, errlen) < 0 ||
	    sy_yaml_get_int(y, root, "scroll", 0, 100000000, &s->scroll, err, errlen) < 0 ||
	    sy_yaml_get_int(y, root, "line", 0, 100000000, &s->line, err, errlen) < 0 ||
	    sy_yaml_get_strlist(y, root, "tagged", &s->tagged, err, errlen) < 0)
		return -1;
	return 0;
}

/* Parses session text into s; s is left empty on failure. */
static int session_parse(struct sy_session *s, const char *path, const char *text, size_t len, char *err,
			 size_t errlen)
{
	struct sy_yaml y;
	int rc = sy_yaml_parse(&y, path, text, len, err, errlen);
	yaml_node_t *root = rc < 0 ? NULL : sy_yaml_root(&y);
	if (rc == 0 && root)
		rc = session_from_node(s, &y, root, err, errlen);
	sy_yaml_free(&y);
	if (rc < 0)
		sy_session_free(s);
	return rc;
}

enum sy_load_result sy_session_load(struct sy_session *s, const char *path, char *err, size_t errlen)
{
	memset(s, 0, sizeof *s);
	char *data;
	size_t len;
	struct sy_stamp st;
	struct stat sb;
	enum sy_read_result rd = sy_file_read_stamped(path, &data, &len, &st, &sb);
	if (rd != SY_READ_OK) {
		if (rd == SY_READ_OPEN && errno == ENOENT)
			return SY_LOAD_OK;
		snprintf(err, errlen, _("cannot read %s: %s"), path, sy_read_strerror(rd, &sb, SY_YAML_MAX_BYTES));
		return SY_LOAD_FAILED;
	}
	char why[1024];
	int rc = session_parse(s, path, data, len, why, sizeof why);
	free(data);
	return rc < 0 ? store_set_aside(path, why, err, errlen) : SY_LOAD_OK;
}

int sy_session_save(const struct sy_session *s, const char *path, char *err, size_t errlen)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *out = xopen_memstream(&buf, &n);
	fputs("# shenyue session: where you were. Safe to delete.\nformat: 1\nreport: ", out);
	sy_yaml_write_str(out, s->report);
	fputs("\npart: ", out);
	sy_yaml_write_str(out, s->part);
	fprintf(out, "\nscroll: %ld\nline: %ld\ntagged:", s->scroll, s->line);
	fputs(s->tagged.n ? "\n" : " []\n", out);
	for (size_t i = 0; i < s->tagged.n; i++) {
		fputs("  - ", out);
		sy_yaml_write_str(out, s->tagged.v[i]);
		fputc('\n', out);
	}
	xclose_memstream(out);
	enum sy_write_result rc = sy_file_write(path, buf, n, SY_WRITE_REPLACE, NULL, err, errlen);
	free(buf);
	return rc == SY_WRITE_OK ? 0 : -1;
}
