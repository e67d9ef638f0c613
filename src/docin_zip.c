/* Zip packages (.docx, .odt) read from memory with libzip, never trusting
 * the sizes they declare: a member is read in chunks and refused past
 * SY_DOCIN_MAX_PART bytes or when it inflates more than SY_DOCIN_MAX_RATIO
 * times (a zip bomb). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "shenyue/docin_reader.h"
#include "shenyue/i18n.h"
#include "shenyue/xalloc.h"

/* Past this many bytes a member is checked for its inflation ratio. */
#define RATIO_FLOOR (1u << 20)

struct sy_zip {
	zip_t *za;
};

bool sy_zip_magic(const unsigned char *buf, size_t len)
{
	return len >= 4 && buf[0] == 'P' && buf[1] == 'K' &&
	       ((buf[2] == 3 && buf[3] == 4) || (buf[2] == 5 && buf[3] == 6));
}

struct sy_zip *sy_zip_open(const unsigned char *buf, size_t len, char *err, size_t errlen)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(buf, len, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (!za) {
		snprintf(err, errlen, _("broken zip package (a damaged or cut-off .docx or .odt?): %s"),
			 zip_error_strerror(&ze));
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	struct sy_zip *z = xcalloc(1, sizeof *z);
	z->za = za;
	return z;
}

void sy_zip_close(struct sy_zip *z)
{
	if (!z)
		return;
	zip_discard(z->za);
	free(z);
}

/* Finds a member by name, ignoring case and a leading slash. */
static zip_int64_t locate(zip_t *za, const char *name)
{
	while (*name == '/')
		name++;
	return zip_name_locate(za, name, ZIP_FL_NOCASE);
}

/* Reads an opened member into b, refusing it past the limits. */
static int read_member(zip_file_t *f, const char *name, zip_uint64_t comp, struct sy_buf *b, char *err,
		       size_t errlen)
{
	char chunk[65536];
	for (;;) {
		zip_int64_t n = zip_fread(f, chunk, sizeof chunk);
		if (n < 0) {
			snprintf(err, errlen, _("broken zip package: %s in %s"), zip_file_strerror(f), name);
			return -1;
		}
		if (n == 0)
			return 0;
		sy_buf_add(b, chunk, (size_t)n);
		if (b->len > SY_DOCIN_MAX_PART) {
			snprintf(err, errlen, _("%s inflates to more than %u MiB: refused (a zip bomb?)"), name,
				 SY_DOCIN_MAX_PART >> 20);
			return -1;
		}
		if (b->len > RATIO_FLOOR && b->len / (comp ? comp : 1) > SY_DOCIN_MAX_RATIO) {
			snprintf(err, errlen, _("%s inflates more than %d times its packed size: refused (a zip bomb?)"),
				 name, SY_DOCIN_MAX_RATIO);
			return -1;
		}
	}
}

int sy_zip_read(struct sy_zip *z, const char *name, char **data, size_t *len, char *err, size_t errlen)
{
	*data = NULL;
	*len = 0;
	zip_int64_t idx = locate(z->za, name);
	if (idx < 0)
		return 0;
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) != 0) {
		snprintf(err, errlen, _("broken zip package: %s"), zip_strerror(z->za));
		return -1;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
		snprintf(err, errlen, _("%s is encrypted: the document is password-protected"), name);
		return -1;
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > SY_DOCIN_MAX_PART) {
		snprintf(err, errlen, _("%s inflates to more than %u MiB: refused (a zip bomb?)"), name,
			 SY_DOCIN_MAX_PART >> 20);
		return -1;
	}
	zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
	if (!f) {
		snprintf(err, errlen, _("broken zip package: %s (%s)"), zip_strerror(z->za), name);
		return -1;
	}
	struct sy_buf b = {0};
	zip_uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
	int rc = read_member(f, name, comp, &b, err, errlen);
	zip_fclose(f);
	if (rc != 0) {
		sy_buf_free(&b);
		return -1;
	}
	*len = b.len;
	*data = sy_buf_steal(&b);
	return 1;
}

char *sy_zip_peek(const unsigned char *buf, size_t len, const char *name, size_t max)
{
	if (!sy_zip_magic(buf, len))
		return NULL;
	char err[256];
	struct sy_zip *z = sy_zip_open(buf, len, err, sizeof err);
	if (!z)
		return NULL;
	char *data = NULL;
	size_t n;
	zip_int64_t idx = locate(z->za, name);
	zip_stat_t st;
	zip_stat_init(&st);
	if (idx >= 0 && zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
	    st.size <= max && sy_zip_read(z, name, &data, &n, err, sizeof err) != 1)
		data = NULL;
	sy_zip_close(z);
	return data;
}
