/* A report file into a doc: its bytes read (regular files only), the reader
 * its content calls for (docin.c) run on them, blank documents refused; and
 * the doc freed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/doc.h"
#include "shenyue/docin.h"
#include "shenyue/fileio.h"
#include "shenyue/hash.h"
#include "shenyue/i18n.h"
#include "shenyue/xalloc.h"

/* Largest file accepted: reports are tens of KiB; this refuses a stray ISO. */
#define SY_MAX_FILE (64u * 1024 * 1024)

const char *sy_doc_source_name(const struct sy_doc *doc)
{
	if (doc->kind == SY_KIND_TEXT)
		return sy_encoding_name(doc->encoding);
	return sy_reader_of(doc->kind)->name;
}

static bool all_blank(const struct sy_doc *doc)
{
	for (size_t i = 0; i < doc->nlines; i++)
		for (const char *p = doc->lines[i].norm; *p; p++)
			if (*p != ' ' && *p != '\f' && *p != '\v')
				return false;
	return true;
}

int sy_doc_decode(struct sy_doc *doc, const char *path, const unsigned char *buf, size_t len,
		  char *err, size_t errlen)
{
	memset(doc, 0, sizeof *doc);
	doc->path = xstrdup(path);
	doc->nbytes = len;
	doc->hash = sy_hash64(buf, len);
	if (len == 0) {
		snprintf(err, errlen, _("empty file"));
		return -1;
	}
	const struct sy_reader *rd = sy_reader_sniff(buf, len);
	doc->kind = rd->kind;
	if (rd->read(doc, buf, len, err, errlen) != 0)
		return -1;
	if (all_blank(doc)) {
		snprintf(err, errlen, doc->kind == SY_KIND_TEXT ? _("empty file (only blank lines)")
								 : _("no text in this document"));
		return -1;
	}
	return 0;
}

int sy_doc_load(struct sy_doc *doc, const char *path, char *err, size_t errlen)
{
	memset(doc, 0, sizeof *doc);
	char *text;
	size_t len;
	struct stat sb;
	enum sy_read_result rd = sy_file_read(path, SY_MAX_FILE, &text, &len, &sb);
	if (rd == SY_READ_TOO_BIG) {
		snprintf(err, errlen, _("file larger than %u MiB, not a report"), SY_MAX_FILE >> 20);
	} else if (rd != SY_READ_OK) {
		/* a FIFO or a device is named as such, never waited on */
		snprintf(err, errlen, rd == SY_READ_OPEN ? _("cannot open: %s") : _("cannot read: %s"),
			 sy_read_strerror(rd, &sb, SY_MAX_FILE));
	}
	if (rd != SY_READ_OK) {
		doc->path = xstrdup(path);
		return -1;
	}
	int rc = sy_doc_decode(doc, path, (const unsigned char *)text, len, err, errlen);
	free(text);
	return rc;
}

void sy_doc_drop_lines(struct sy_doc *doc)
{
	sy_arena_free(&doc->store);
	free(doc->lines);
	free(doc->style_level);
	doc->lines = NULL;
	doc->style_level = NULL;
	doc->nlines = 0;
}

void sy_doc_free(struct sy_doc *doc)
{
	sy_arena_free(&doc->store);
	free(doc->lines);
	free(doc->style_level);
	free(doc->page);
	free(doc->path);
	free(doc->bad);
	memset(doc, 0, sizeof *doc);
}
