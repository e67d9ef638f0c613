/* Files on disk, the one way every part of shenyue reads and writes them:
 * whole-file reads that never hang on a FIFO or a device, atomic writes
 * (temporary file, fsync, rename, fsync of the folder) that never replace a
 * device or a symlink by accident and keep the file's mode and owner, and
 * moving an unreadable file aside. */
#ifndef SHENYUE_FILEIO_H
#define SHENYUE_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

enum sy_read_result {
	SY_READ_OK,
	SY_READ_OPEN,        /* could not open: errno says why */
	SY_READ_IO,          /* a read failed: errno says why */
	SY_READ_TOO_BIG,     /* longer than the limit */
	SY_READ_NOT_REGULAR, /* a folder, FIFO, device or socket: not read at all */
};

/* Reads the regular file at path into a new NUL-terminated string (*text,
 * *len bytes), refusing files longer than max bytes (0: no limit). Opens
 * without blocking, so a FIFO or a device is refused at once, never waited
 * on. *sb (may be NULL) gets the fstat of the file that was read (or of
 * what was refused). On failure *text is NULL and errno is kept from the
 * failing call. */
enum sy_read_result sy_file_read(const char *path, size_t max, char **text, size_t *len,
				 struct stat *sb);
/* Says why a read failed, for "cannot read FILE: <this>": errno's text, or
 * "a FIFO, not a regular file", "larger than N MB". Uses errno and sb (the
 * stat sy_file_read filled). The string stays the calling thread's until
 * its next call. */
const char *sy_read_strerror(enum sy_read_result rc, const struct stat *sb, size_t max);
/* Names the kind of a non-regular file: "a folder", "a FIFO", "a device"... */
const char *sy_file_kind(mode_t mode);

/* How sy_file_write treats what is at the path already. */
enum sy_write_flags {
	SY_WRITE_REPLACE = 0,     /* replace a regular file, keeping its mode and owner */
	SY_WRITE_NEW = 1,         /* never replace anything: SY_WRITE_EXISTS instead */
	SY_WRITE_DEVICES = 2,     /* a character device or FIFO at the path (-o /dev/stdout)
				     is written to directly, never replaced */
};

enum sy_write_result {
	SY_WRITE_OK,
	SY_WRITE_EXISTS, /* SY_WRITE_NEW and something is at the path: nothing written */
	SY_WRITE_FAILED, /* nothing replaced; err says why */
};

/* Writes data to path atomically: a temporary file in the target's folder
 * (created with its parents), fsync, rename (link for SY_WRITE_NEW), fsync
 * of the folder. A symlink at path is written through (its target is
 * replaced, the link stays); a dangling one, a folder, a block device or a
 * socket is refused; a character device or FIFO only with SY_WRITE_DEVICES.
 * A replaced file keeps its permission bits and (when allowed) its owner.
 * Temporary names stay within NAME_MAX whatever the file's name. *st (may be
 * NULL) gets the stat of the file written. */
enum sy_write_result sy_file_write(const char *path, const void *data, size_t len,
					  unsigned flags, struct stat *st, char *err, size_t errlen);
/* Creates dir and its parents (mode 0777 less umask). Returns 0 or -1 (errno). */
int sy_mkdir_parents(const char *dir);
/* fsyncs a folder (a file system that cannot is not an error). 0 or -1 (errno). */
int sy_fsync_dir(const char *dir);
/* Renames path to path.corrupt-YYYYmmdd-HHMMSS (or -N), never replacing a
 * file, shortening the name when it would pass NAME_MAX. Returns the new
 * name, newly allocated, or NULL with errno set. */
char *sy_file_move_aside(const char *path);
/* Returns name shortened, if need be, so that name + suffix_len bytes fit in
 * NAME_MAX: cut at a character boundary, with "-" and 16 hex digits of a hash
 * of the whole name appended, so distinct long names stay distinct. Newly
 * allocated. */
char *sy_file_name_fit(const char *name, size_t suffix_len);

/* The directory part of path ("." when none), newly allocated. */
char *sy_path_dirname(const char *path);
/* The last component of path, newly allocated. */
char *sy_path_basename(const char *path);

/* Runs write_file(path, ctx, ...) on a new private temporary file and
 * returns what it wrote in *data, *len (newly allocated), the file removed:
 * for libraries that only write a file by name (libxlsxwriter). Returns 0,
 * or -1 with the reason in err. */
int sy_file_build_via_temp(int (*write_file)(const char *path, const void *ctx, char *err, size_t errlen),
			   const void *ctx, char **data, size_t *len, char *err, size_t errlen);

#endif
