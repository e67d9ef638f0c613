/* Exporting reviews: 审查意见 in Markdown for the units, one CSV row per
 * report, and YAML holding everything, which shenyue reads back.
 * All three are written from one export document built from the batch, the
 * rubric and the reviews; the YAML loader rebuilds that document. */
#ifndef SHENYUE_EXPORT_H
#define SHENYUE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "shenyue/report.h"
#include "shenyue/review.h"

enum sy_export_format { SY_EXPORT_MD, SY_EXPORT_CSV, SY_EXPORT_YAML };

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

/* Returns "md", "csv" or "yaml". */
const char *sy_export_format_name(enum sy_export_format f);
/* Parses md|markdown|csv|yaml|yml; returns -1 when unknown. */
int sy_export_format_parse(const char *s);

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
/* Writes in format fmt. */
void sy_export_write(FILE *out, enum sy_export_format fmt, const struct sy_export_doc *x);
/* Writes s escaped for Markdown; each newline starts a new line with indent. */
void sy_md_write_text(FILE *out, const char *s, const char *indent);

/* Writes the export to path atomically. With replace false an existing file
 * is never overwritten: returns 1 (nothing written) so the caller can ask.
 * Returns 0 when written, -1 with the reason in err. */
int sy_export_save(const char *path, enum sy_export_format fmt, const struct sy_export_doc *x,
		   bool replace, char *err, size_t errlen);
/* Returns a file name for exporting a batch: "审查意见-<folder>.<ext>", newly
 * allocated (folder: the last component of dir, "." when none). */
char *sy_export_default_name(const char *dir, enum sy_export_format fmt);

/* Loads an export written by sy_export_write_yaml. Returns 0, or -1 with
 * "source:line:col: message"; x is untouched on failure. */
int sy_export_load(struct sy_export_doc *x, const char *source, const char *text, size_t len,
		   char *err, size_t errlen);

/* Runs `shenyue export ARGS` (argv[0] is "export"). Returns the exit status:
 * 0 written; 1 written, but some report or review file could not be read;
 * 2 usage error, broken rubric, or the output could not be written. */
int sy_cli_export(int argc, char **argv);

#endif
