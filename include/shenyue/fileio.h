/* Reading a whole file, the one way every loader does it. */
#ifndef SHENYUE_FILEIO_H
#define SHENYUE_FILEIO_H

#include <stddef.h>
#include <sys/stat.h>

enum sy_read_result {
	SY_READ_OK,
	SY_READ_OPEN,    /* could not open: errno says why */
	SY_READ_IO,      /* a read failed, or not a regular file: errno says why */
	SY_READ_TOO_BIG, /* longer than the limit */
};

/* Reads the regular file at path into a new NUL-terminated string (*text,
 * *len bytes), refusing files longer than max bytes (0: no limit). *sb (may
 * be NULL) gets the fstat of the file that was read. On failure *text is
 * NULL and errno is kept from the failing call. */
enum sy_read_result sy_file_read(const char *path, size_t max, char **text, size_t *len,
				 struct stat *sb);

#endif
