/* Exporting reviews: 审查意见 in Markdown for the units, one CSV row per
 * report, and YAML holding everything, which shenyue reads back.
 * All three are written from one export document built from the batch, the
 * rubric and the reviews; the YAML loader rebuilds that document. */
#ifndef SHENYUE_EXPORT_H
#define SHENYUE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "shenyue/fileio.h"
#include "shenyue/report.h"
#include "shenyue/review.h"

struct sy_export_part {
	char *id;
	char *label;
	bool required;
	int status;     /* detected: enum sy_status */
	long line;      /* 1-based, 0 when none */
	char *heading;  /* or NULL */
};

struct sy_export_finding {
	char *id;
	int severity;   /* enum sy_severity */
	long line;      /* 0 when none */
	char *part;     /* or NULL */
	char *message;
};

struct sy_export_report {
	char *path;
	char *unit;     /* or NULL */
	int year;       /* 0 when unknown */
	char *encoding; /* or NULL when unreadable */
	char *hash;     /* "fnv1a64:..." of the report as exported, or NULL */
	int score;      /* -1 when unreadable */
	bool changed;   /* changed since it was reviewed */
	char *error;    /* why it could not be read, or NULL */
	struct sy_export_part *parts;
	size_t nparts;
	struct sy_export_finding *f;
	size_t nf;
	struct sy_review review;
};

struct sy_export_doc {
	char *rubric;   /* the rubric's name */
	struct sy_export_report *r;
	size_t n;
};

/* What to export: a report and its review (NULL when none). */
struct sy_export_entry {
	const struct sy_report *rep;
	const struct sy_review *rv;
};

/* Builds the export document of n entries (copies everything it needs). */
void sy_export_build(struct sy_export_doc *x, const struct sy_export_entry *e, size_t n,
		     const struct sy_rubric *r);
/* Frees what the document owns. */
void sy_export_free(struct sy_export_doc *x);

/* Writes 审查意见 in Markdown: per report its unit, year, score, verdict, each
 * part with detected status and any override, findings and notes. Every piece
 * of text that came from a report or a reviewer is escaped. */
void sy_export_write_md(FILE *out, const struct sy_export_doc *x);
/* Writes CSV, UTF-8 with BOM, one row per report with verdict and notes. */
void sy_export_write_csv(FILE *out, const struct sy_export_doc *x);
/* Writes everything as YAML, in the form sy_export_load reads. */
void sy_export_write_yaml(FILE *out, const struct sy_export_doc *x);
/* Writes s escaped for Markdown; each newline starts a new line with indent. */
void sy_md_write_text(FILE *out, const char *s, const char *indent);

/* ---- the export-format table (src/export_formats.c) ----
 * Every format `shenyue export`, the TUI's e/E, --help and the man page
 * offer is one row. Adding a format is one writer plus one row:
 *   1. a writer: text to a FILE * (write), or, for a binary format such as
 *      docx or xlsx, the file's bytes built in memory (build: libzip can
 *      write to a zip_source_buffer; a library that only writes files by
 *      name, like libxlsxwriter, goes through sy_export_build_via_file);
 *   2. a row in sy_export_formats[] (name, aliases, extension, TUI key,
 *      label and help, flags, the writer);
 *   3. `make docs` (README and man page list the formats).
 * Everything else (--format parsing, --help, atomic -o, stdout, the TUI's
 * prompt, the default file name, the docs) reads the table. */
struct sy_export_format {
	const char *name;      /* what --format takes and messages show: "md" */
	const char *aliases;   /* other names --format takes, space-separated, or NULL */
	const char *extension; /* of the file written, without the dot: "md" */
	int key;               /* the key choosing it in the TUI's export prompt, or 0 */
	const char *label;     /* N_(): the prompt's name for it: "Markdown" */
	const char *help;      /* N_(): one line for --help and the man page */
	unsigned flags;        /* SY_FORMAT_* */
	/* the writer: exactly one of the two */
	void (*write)(FILE *out, const struct sy_export_doc *x);
	int (*build)(const struct sy_export_doc *x, char **data, size_t *len, char *err, size_t errlen);
};

enum sy_format_flags {
	SY_FORMAT_FOR_UNITS = 1, /* sent back to the units: findings in Chinese by default */
	SY_FORMAT_BINARY = 2,    /* not text: never written to a terminal */
	SY_FORMAT_READBACK = 4,  /* shenyue reads it back (sy_export_load) */
};

/* The table; the first row is the default format. */
extern const struct sy_export_format sy_export_formats[];
/* The number of rows of sy_export_formats. */
extern const size_t sy_export_nformats;

/* Returns the format named (or aliased) name, or NULL. */
const struct sy_export_format *sy_export_format_find(const char *name);
/* Returns the format the TUI key chooses, or NULL. */
const struct sy_export_format *sy_export_format_by_key(int key);
/* Returns "md|csv|yaml...": every format's name, for usage lines. Static. */
const char *sy_export_format_names(void);
/* Renders x in format f into memory (*data, *len; newly allocated). Returns
 * 0, or -1 with the reason in err. */
int sy_export_render(const struct sy_export_format *f, const struct sy_export_doc *x, char **data, size_t *len,
		     char *err, size_t errlen);
/* Runs write_file(path, x, ...) on a temporary file and returns its bytes as
 * a build writer does: for libraries that can only write a file by name. */
int sy_export_build_via_file(const struct sy_export_doc *x, char **data, size_t *len, char *err, size_t errlen,
			     int (*write_file)(const char *path, const struct sy_export_doc *x, char *err,
					       size_t errlen));
/* Writes the export to path atomically (sy_file_write with flags: with
 * SY_WRITE_NEW an existing file is never replaced and SY_WRITE_EXISTS comes
 * back so the caller can ask). */
enum sy_write_result sy_export_save(const char *path, const struct sy_export_format *f,
				    const struct sy_export_doc *x, unsigned flags, char *err, size_t errlen);
/* Returns a file name for exporting a batch: "审查意见-<folder>.<ext>", newly
 * allocated (folder: the last component of dir, "." when none). */
char *sy_export_default_name(const char *dir, const struct sy_export_format *f);
/* Writes the formats as --help lists them, or as roff for the man page. */
void sy_export_formats_doc(FILE *out, bool roff);

/* Loads an export written by sy_export_write_yaml. Returns 0, or -1 with
 * "source:line:col: message"; x is untouched on failure. */
int sy_export_load(struct sy_export_doc *x, const char *source, const char *text, size_t len,
		   char *err, size_t errlen);

/* Runs `shenyue export ARGS` (argv[0] is "export"). Returns the exit status:
 * 0 written; 1 written, but some report or review file could not be read;
 * 2 usage error, broken rubric, or the output could not be written. */
int sy_cli_export(int argc, char **argv);

#endif
