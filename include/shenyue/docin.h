/* Documents in: the formats units send (.docx, .odt, .pdf, .html, .doc/.wps
 * through LibreOffice), one reader each in one table, chosen by content.
 * Every reader fills the same struct sy_doc the text decoder fills: original
 * text for display, normalised text for matching, 1-based lines, plus what
 * the format knows per line (heading style level, PDF page). */
#ifndef SHENYUE_DOCIN_H
#define SHENYUE_DOCIN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "shenyue/doc.h"

/* One format. */
struct sy_reader {
	enum sy_doc_kind kind;
	const char *name;              /* "docx": what `check --format yaml` shows as encoding */
	const char *const *extensions; /* names a folder picks up (lower case, no dot) */
	/* True when buf (the whole file, len > 0 bytes) is in this format. */
	bool (*sniff)(const unsigned char *buf, size_t len);
	/* Fills doc's lines from buf. Returns 0, or -1 with a one-sentence reason
	 * in err. doc->path, nbytes and hash are already set. */
	int (*read)(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen);
};

/* The readers in sniffing order; the last one (plain text) takes anything.
 * Each row's sniff and read are declared in docin_reader.h. */
extern const struct sy_reader sy_readers[];
extern const size_t sy_nreaders;

/* Returns the reader for these bytes, decided by content (never NULL). */
const struct sy_reader *sy_reader_sniff(const unsigned char *buf, size_t len);
/* Returns the reader of a format. */
const struct sy_reader *sy_reader_of(enum sy_doc_kind kind);
/* True when a folder should pick up a file of this name: a known extension,
 * not hidden, not an Office lock file (~$报告.docx). */
bool sy_reader_wants_name(const char *name);
/* The format a file's name says it is in (its extension; plain text when
 * none says): a guess, before the content decides, for what a UI tells
 * while the file is read. */
enum sy_doc_kind sy_reader_kind_of_name(const char *name);
/* A new string naming the extensions a folder picks up: "*.docx *.odt … *.txt". */
char *sy_reader_extension_list(void);

/* With stop true: the conversions under way end now (LibreOffice killed,
 * its process group and all; their temporary folders removed) and fail,
 * as do those asked for later, at once; with false, they run again. For a
 * program quitting, which need not wait seconds for a conversion. */
void sy_legacy_stop(bool stop);
/* The conversions this thread asks for from now on go before those of
 * other threads still waiting their turn (they run one at a time) while
 * *urgent is true: for the report a supervisor waits on. NULL: never. */
void sy_legacy_priority(const atomic_bool *urgent);

#endif
