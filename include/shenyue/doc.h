/* A report file, decoded: the original text for display and a normalised copy for matching. */
#ifndef SHENYUE_DOC_H
#define SHENYUE_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shenyue/arena.h"

enum sy_encoding { SY_ENC_UTF8, SY_ENC_GB18030, SY_ENC_UTF16LE, SY_ENC_UTF16BE };
enum sy_eol { SY_EOL_NONE, SY_EOL_LF, SY_EOL_CRLF, SY_EOL_CR, SY_EOL_MIXED };
/* What the file was: plain text, or a document read by a reader (docin.h). */
enum sy_doc_kind { SY_KIND_TEXT, SY_KIND_DOCX, SY_KIND_ODT, SY_KIND_PDF, SY_KIND_HTML, SY_KIND_DOC };

/* One line of the file: 'text' is the original (U+FFFD for bad bytes),
 * 'norm' the normalised copy used for matching, 'sq' that copy without any
 * space and with years in Arabic digits (what heading words are matched
 * against). All UTF-8, NUL-terminated, read-only: they live in the doc's
 * arena (sy_doc_push_line puts them there), and norm is text, sq is norm,
 * when normalising or squeezing changes nothing. */
struct sy_line {
	char *text;
	char *norm;
	char *sq;
};

/* Where an invalid byte was met: 1-based line, 0-based byte offset in the file. */
struct sy_badbyte {
	size_t line;
	size_t offset;
};

#define SY_BADBYTE_KEEP 32 /* positions kept; the count goes on */

struct sy_doc {
	char *path;               /* as given, or folder/name */
	enum sy_doc_kind kind;
	enum sy_encoding encoding; /* of plain text; documents are read as UTF-8 */
	bool bom;
	enum sy_eol eol;
	size_t nbad;              /* invalid bytes, each shown as U+FFFD */
	struct sy_badbyte *bad;   /* the first SY_BADBYTE_KEEP of them (NULL when none):
				     not in the struct, which every report of a batch has */
	struct sy_line *lines;
	size_t nlines;
	struct sy_arena store;    /* the lines' strings */
	size_t nbytes;            /* size of the file as read */
	uint64_t hash;            /* FNV-1a 64 of the raw bytes: identifies the content */
	/* Per-line facts only a document format knows; NULL when the format has none. */
	unsigned char *style_level; /* heading level the document's own styles give the line
				       (Word Heading 1-9 / outline level, ODF text:h): 1..9, 0 none */
	unsigned *page;           /* 1-based page the line starts on (PDF), 0 unknown */
	size_t npage;             /* entries of page: nlines, and still after sy_doc_drop_lines */
	/* What the reader saw that a reviewer should hear of (0: none or unknown). */
	unsigned revisions;       /* tracked changes left unaccepted (read as accepted) */
	size_t revision_line;     /* 1-based line of the first one */
	unsigned comments;        /* comments (批注) left in the file */
	size_t comment_line;      /* 1-based line of the first one */
	unsigned scanned_pages;   /* PDF pages that are images with no text layer */
	unsigned first_scanned_page;
	int pub_y, pub_m, pub_d;  /* publication date of a web page (发布日期) */
	size_t pub_line;          /* 1-based line that states it, 0 when only in metadata */
};

/* The heading level line i's own style gives it (1..9), or 0 when none or unknown. */
static inline int sy_doc_style_level(const struct sy_doc *doc, size_t i)
{
	return doc->style_level && i < doc->nlines ? doc->style_level[i] : 0;
}

/* The 1-based page line i starts on, or 0 when the format has no pages. */
static inline unsigned sy_doc_page(const struct sy_doc *doc, size_t i)
{
	return doc->page && i < doc->npage ? doc->page[i] : 0;
}

/* Returns the name of an encoding, as in the check output ("UTF-8", "GB18030"...). */
const char *sy_encoding_name(enum sy_encoding e);
/* What the doc was read from, as `check --format yaml` shows it: the text
 * encoding ("UTF-8", "GB18030"...) or the document format ("docx", "pdf"...). */
const char *sy_doc_source_name(const struct sy_doc *doc);

/* Reads buf (len bytes, the whole file) into doc with the reader its content
 * calls for (docin.h): a document format, else plain text. Returns 0, or -1
 * with a one-sentence reason in err ("empty file", "binary file", "scanned
 * PDF"...). doc->path is set to a copy of path; doc->hash is over the bytes. */
int sy_doc_decode(struct sy_doc *doc, const char *path, const unsigned char *buf, size_t len,
		  char *err, size_t errlen);
/* Reads and decodes the file at path. Returns 0, or -1 with the reason in err;
 * either way doc->path is set, so the doc is freed with sy_doc_free. */
int sy_doc_load(struct sy_doc *doc, const char *path, char *err, size_t errlen);
/* Frees what the doc owns; the struct itself is the caller's. */
void sy_doc_free(struct sy_doc *doc);
/* Frees the lines (and what is kept per line), keeping what the doc says of
 * the file: path, kind, encoding, hash, sizes, counts, and the page each
 * line starts on (what the results' line numbers are shown with). nlines
 * becomes 0. */
void sy_doc_drop_lines(struct sy_doc *doc);

/* Returns a newly allocated normalised copy of a UTF-8 string: full-width ASCII
 * to half-width, U+3000 / NBSP / tab to space, zero-width marks dropped. */
char *sy_normalise(const char *s);
/* Maps one code point to its matching form (what sy_normalise does to it); 0: dropped. */
uint32_t sy_normalise_cp(uint32_t cp);
/* sy_normalise of the n bytes at s (stopping at none of them: s holds no NUL),
 * written to out, which has room for n bytes. Returns the length written and
 * whether it differs from s, or SIZE_MAX (out undefined) when s is not valid
 * UTF-8: then only sy_normalise gives the answer. */
size_t sy_normalise_into(char *out, const char *s, size_t n, bool *changed);
/* Returns a newly allocated copy of s without any whitespace (after normalising). */
char *sy_squeeze(const char *s);
/* True for the bytes sy_squeeze drops from normalised text. */
static inline bool sy_squeezed_out(char c)
{
	return c == ' ' || c == '\f' || c == '\v' || c == '\r' || c == '\n';
}

#endif
