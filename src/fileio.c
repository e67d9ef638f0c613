/* Whole-file reads for the loaders of reports, rubrics, themes, settings
 * and review files. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "shenyue/fileio.h"
#include "shenyue/xalloc.h"

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

enum sy_read_result sy_file_read(const char *path, size_t max, char **text, size_t *len,
				 struct stat *sb)
{
	*text = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return SY_READ_OPEN;
	struct stat st;
	struct sy_buf b = {0};
	enum sy_read_result rc = SY_READ_OK;
	if (fstat(fd, &st) < 0)
		rc = SY_READ_IO;
	else if (!S_ISREG(st.st_mode)) /* a folder or a pipe is not a file to read */
		rc = (errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL, SY_READ_IO);
	else if (read_all(fd, max, &b) < 0)
		rc = SY_READ_IO;
	else if (max && b.len > max)
		rc = SY_READ_TOO_BIG;
	int saved = errno;
	close(fd);
	if (rc != SY_READ_OK) {
		sy_buf_free(&b);
		errno = saved;
		return rc;
	}
	if (sb)
		*sb = st;
	*len = b.len;
	*text = sy_buf_steal(&b);
	return SY_READ_OK;
}
