/* Exporting reviews. What goes back to a unit is an official-style
 * 审查意见: a Word document (.docx) or Markdown, in Chinese, with the
 * supervisor's decisions as the truth (effective.h), no internal ids, no
 * file paths, signed with the issuing office, the reviewer and the date.
 * For the office itself: one CSV row per report, an Excel 汇总表 (.xlsx),
 * and YAML holding everything, which shenyue reads back.
 *
 * Every format is written from one export document built from the batch,
 * the rubric, the reviews and the export options; the YAML loader rebuilds
 * that document. */
#ifndef SHENYUE_EXPORT_H
#define SHENYUE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "shenyue/fileio.h"
#include "shenyue/report.h"
#include "shenyue/review.h"

struct sy_export_format;

/* The language of an export's words and finding sentences. 审查意见 (docx)
 * and the 汇总表 (xlsx) are always Chinese. */
enum sy_export_lang { SY_EXPORT_ZH, SY_EXPORT_EN };

/* Who sends the export, when, and what goes in it. All may be left zero. */
struct sy_export_opts {
	enum sy_export_lang lang;
	bool all_findings;       /* also the info-level findings (left out by default) */
	const char *office;      /* issuing office (落款), or NULL */
	const char *reviewer;    /* or NULL */
	int resubmit_days;       /* days to correct a returned report; 0: no deadline given */
	const char *date;        /* "YYYY-MM-DD" the export is dated; NULL: today */
	const char *base_dir;    /* paths are written relative to it; NULL: the reports' common folder */
	const struct sy_batch *batch; /* the whole batch, to name other reports in findings; may be NULL */
};

struct sy_export_part {
	char *id;
	char *label;
	char *short_label; /* or NULL */
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
	char *message;  /* in the export's language, no absolute path */
};

struct sy_export_report {
	char *path;     /* as given (YAML keeps it; prose uses relpath) */
	char *relpath;  /* relative to the batch folder */
	char *unit;     /* or NULL */
	char *title;    /* the report's own title, or NULL */
	int year;       /* 0 when unknown */
	char *encoding; /* or NULL when unreadable */
	char *hash;     /* "fnv1a64:..." of the report as exported, or NULL */
	int score;      /* as it counts (reviewer's statuses, deductions); -1 when unreadable */
	int detected_score; /* from detection alone; -1 when unreadable */
	bool changed;   /* changed since it was reviewed: needs re-review */
	char *error;    /* why it could not be read, or NULL */
	struct sy_export_part *parts;
	size_t nparts;
	struct sy_export_finding *f;
	size_t nf;
	struct sy_review review;
};

struct sy_export_doc {
	char *rubric;   /* the rubric's name */
	enum sy_export_lang lang;
	bool all_findings;
	char *office;   /* or NULL */
	char *reviewer; /* or NULL */
	char date[11];  /* "YYYY-MM-DD" */
	char deadline[11]; /* resubmission deadline "YYYY-MM-DD", or "" */
	struct sy_export_report *r;
	size_t n;
	bool borrowed;  /* r belongs to another document (sy_export_doc_slice) */
};

/* What to export: a report and its review (NULL when none). */
struct sy_export_entry {
	const struct sy_report *rep;
	const struct sy_review *rv;
};

/* The fixed words of the exports, Chinese and English: X(id, zh, en). */
#define SY_EXPORT_WORDS(X)                                                                          \
	X(DOC_TITLE, "法治政府建设年度报告审查意见", "Review of the annual reports on rule-of-law government") \
	X(UNIT, "单位", "Unit")                                                                    \
	X(YEAR, "年度", "Year")                                                                    \
	X(FILE, "报告文件", "Report file")                                                         \
	X(TITLE, "报告标题", "Report title")                                                       \
	X(SCORE, "得分", "Score")                                                                  \
	X(DETECTED, "系统识别", "detected")                                                        \
	X(REVIEWED_AS, "审查认定", "reviewer")                                                     \
	X(REASON, "理由", "reason")                                                                \
	X(VERDICT, "审查结论", "Verdict")                                                          \
	X(WAIVER, "豁免理由", "Waiver")                                                            \
	X(CHANGED, "报告在审查后已重新报送，尚需重新审查；以下意见针对此前的版本",               \
	  "The report was resubmitted after this review and needs reviewing again; these notes are on the earlier version") \
	X(REMARK, "说明", "Remark")                                                                \
	X(PARTS, "各部分", "Parts")                                                                \
	X(FINDINGS, "存在的问题", "Findings")                                                      \
	X(NOTE, "审查意见", "Note")                                                                \
	X(OVERALL, "总体意见", "Overall")                                                          \
	X(EARLIER, "此前的其他审查意见", "Earlier notes")                                          \
	X(RECTIFY, "整改要求", "Corrections")                                                      \
	X(RECTIFY_BY, "请对照上述问题认真整改，于%s前重新报送。", "Please correct the points above and resubmit by %s.") \
	X(RECTIFY_SOON, "请对照上述问题认真整改后重新报送。", "Please correct the points above and resubmit.") \
	X(UNKNOWN, "（未识别）", "(not recognised)")                                               \
	X(UNREADABLE, "报告无法读取", "The report could not be read")                              \
	X(LINE, "第%ld行", "line %ld")                                                             \
	X(PART, "部分", "part")                                                                    \
	X(OFFICE, "审查单位", "Office")                                                            \
	X(REVIEWER, "审查人", "Reviewer")                                                          \
	X(DATE, "日期", "Date")                                                                    \
	X(PRESENT, "具备", "present")                                                              \
	X(PARTIAL, "部分具备", "partial")                                                          \
	X(MISSING, "缺失", "missing")                                                              \
	X(NOT_REPORTED, "未报告（非必备）", "not reported (optional)")                             \
	X(SEV_ERROR, "问题", "error")                                                              \
	X(SEV_WARNING, "提示", "warning")                                                          \
	X(SEV_INFO, "参考", "info")                                                                \
	X(V_NONE, "未定", "no verdict yet")                                                        \
	X(V_ACCEPT, "通过", "accepted")                                                            \
	X(V_RETURN, "退回修改", "returned for correction")                                         \
	X(V_PENDING, "待定", "pending")                                                            \
	X(COL_PATH, "报告文件", "path")                                                            \
	X(COL_UNIT, "单位", "unit")                                                                \
	X(COL_YEAR, "年度", "year")                                                                \
	X(COL_SCORE, "得分", "score")                                                              \
	X(COL_DETECTED_SCORE, "系统识别得分", "detected_score")                                    \
	X(COL_VERDICT, "审查结论", "verdict")                                                      \
	X(COL_VERDICT_ID, "审查结论代码", "verdict_id")                                            \
	X(COL_WAIVER, "豁免理由", "waiver")                                                        \
	X(COL_RESUBMITTED, "重新报送待审", "changed_since_review")                                 \
	X(COL_OVERRIDES, "审查认定", "overrides")                                                  \
	X(COL_NOTES, "审查意见", "notes")                                                          \
	X(COL_FINDINGS, "问题数", "findings")                                                      \
	X(COL_FINDING_IDS, "问题代码", "finding_ids")                                              \
	X(COL_CONFLICTS, "未解决冲突", "conflicts")                                                \
	X(COL_REVIEWER, "审查人", "reviewer")                                                      \
	X(COL_DATE, "审查日期", "date")                                                            \
	X(COL_ERROR, "读取错误", "error")                                                          \
	X(YES, "是", "yes")                                                                        \
	X(NO, "否", "no")                                                                          \
	X(COLON, "：", ": ")                                                                       \
	X(SEMI, "；", "; ")                                                                        \
	X(COMMA, "，", ", ")                                                                       \
	X(STOP, "。", ". ")                                                                        \
	X(LPAREN, "（", " (")                                                                      \
	X(RPAREN, "）", ")")                                                                       \
	X(LQUOTE, "「", "“")                                                                       \
	X(RQUOTE, "」", "”")                                                                       \
	X(LTAG, "【", "[")                                                                         \
	X(RTAG, "】", "] ")

enum sy_export_word {
#define SY_EXPORT_WORD_ID(id, zh, en) SY_W_##id,
	SY_EXPORT_WORDS(SY_EXPORT_WORD_ID)
#undef SY_EXPORT_WORD_ID
	SY_W_COUNT
};

/* Returns word w in lang. */
const char *sy_export_word(enum sy_export_lang lang, enum sy_export_word w);
/* Returns a part status in words (enum sy_status), or NOT_REPORTED for an
 * optional part left out. */
const char *sy_export_status_word(enum sy_export_lang lang, int status, bool required);
/* Returns a verdict in words. */
const char *sy_export_verdict_word(enum sy_export_lang lang, enum sy_verdict v);
/* Writes "YYYY-MM-DD" as 2025年3月1日 (Chinese) or as is (English) into buf. */
void sy_export_date_words(enum sy_export_lang lang, const char *ymd, char *buf, size_t len);
/* Returns the title of report r's 审查意见: 关于<unit><year>年度法治政府建设
 * 年度报告的审查意见 (or its English). Newly allocated. */
char *sy_export_title(enum sy_export_lang lang, const struct sy_export_report *r);

/* Builds the export document of n entries against rubric r (copies all it
 * needs). Finding sentences come out in o->lang whatever the UI language.
 * o may be NULL (Chinese, no office, today). */
void sy_export_build(struct sy_export_doc *x, const struct sy_export_entry *e, size_t n,
		     const struct sy_rubric *r, const struct sy_export_opts *o);
/* Frees what the document owns. */
void sy_export_free(struct sy_export_doc *x);
/* Makes one a view of report i of x alone (nothing copied; free x, not one). */
void sy_export_doc_slice(const struct sy_export_doc *x, size_t i, struct sy_export_doc *one);

/* Part p's status as it counts for report x (the reviewer's if set);
 * *reason (may be NULL) gets the reviewer's reason or NULL. */
int sy_export_part_status(const struct sy_export_report *x, size_t p, bool *overridden, const char **reason);
/* True when finding f goes into prose exports: one the reviewer wrote a note
 * on always; else not info-level unless asked, and not about a part the
 * reviewer marked present. */
bool sy_export_finding_shown(const struct sy_export_doc *x, const struct sy_export_report *r,
			     const struct sy_export_finding *f);

/* True when review item it is a note with no place left in r: on a finding
 * no longer in the report (a resubmission), or on a part the rubric no
 * longer has. *line gets the finding's line (0 for a part). Exports write
 * such notes apart, never drop them. */
bool sy_export_note_orphaned(const struct sy_export_report *r, const struct sy_item *it, long *line);

/* Every override of r in one line of text: "第一责任人：部分具备（理由）；…". */
char *sy_export_overrides_text(const struct sy_export_doc *x, const struct sy_export_report *r);
/* Every note of r, one per line, each with what it is on: [总体] [第一责任人] [第14行]. */
char *sy_export_notes_text(const struct sy_export_doc *x, const struct sy_export_report *r);
/* Who gave r's verdict (else the exporting reviewer), and on which day
 * ("YYYY-MM-DD", "" without a verdict). */
const char *sy_export_decided_by(const struct sy_export_doc *x, const struct sy_export_report *r);
/* Writes into buf the day r's verdict was given ("YYYY-MM-DD"; the export's
 * date when it has no time; "" without a verdict). */
void sy_export_decided_on(const struct sy_export_doc *x, const struct sy_export_report *r, char *buf, size_t len);
/* The first report that has parts (their names head the table's columns), or NULL. */
const struct sy_export_report *sy_export_parts_model(const struct sy_export_doc *x);

/* Writes 审查意见 in Markdown (words in x->lang): per report its unit, year,
 * score, verdict, each part with the reviewer's status and the detected one
 * where they differ, findings with their line, notes, 整改要求, and the
 * office, reviewer and date. Only what would change the rendering is escaped. */
void sy_export_write_md(FILE *out, const struct sy_export_doc *x);
/* Writes CSV, UTF-8 with BOM, one row per report: Chinese column names (英文
 * with lang en), a status column per part, ids in their own columns. */
void sy_export_write_csv(FILE *out, const struct sy_export_doc *x);
/* Writes everything as YAML, in the form sy_export_load reads. */
void sy_export_write_yaml(FILE *out, const struct sy_export_doc *x);
/* Writes s for Markdown, escaping only what would change its rendering;
 * each newline starts a new line with indent. */
void sy_md_write_text(FILE *out, const char *s, const char *indent);

/* Builds the 审查意见 of every report of x as one .docx (the docx row's writer), a page break
 * between units, into a new buffer. Returns 0, or -1 with the reason in err. */
int sy_export_docx(const struct sy_export_doc *x, char **data, size_t *len, char *err, size_t errlen);

/* Builds the 汇总表 of x as an .xlsx (the xlsx row's writer): one row per
 * report, a column per part coloured by status, verdict, reasons, notes,
 * reviewer and date; header frozen. Returns 0, or -1 with the reason in err. */
int sy_export_xlsx(const struct sy_export_doc *x, char **data, size_t *len, char *err, size_t errlen);

/* Returns the name of a batch's folder: its last component, the real name
 * even when dir is "." or ends in "/" ("批次" when it has none). Newly allocated. */
char *sy_export_folder_name(const char *dir);

/* Returns the file name for exporting one report: <stem>-<unit>-<year>.<ext>,
 * falling back to the report's file name. Characters
 * a file name cannot hold are replaced. Newly allocated. */
char *sy_export_report_name(const struct sy_export_report *r, const struct sy_export_format *f);

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
	const char *stem;      /* the file name's start: "汇总表"; NULL: "审查意见" */
};

enum sy_format_flags {
	SY_FORMAT_FOR_UNITS = 1, /* sent back to the units: findings in Chinese by default */
	SY_FORMAT_BINARY = 2,    /* not text: never written to a terminal */
	SY_FORMAT_READBACK = 4,  /* shenyue reads it back (sy_export_load) */
	SY_FORMAT_PER_REPORT = 8, /* the CLI writes one file per report unless --one-file */
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
/* Returns the file name for exporting a whole batch from folder dir:
 * <stem>-<folder>.<ext> (审查意见-…, 汇总表-…), the folder's real name even
 * when dir is ".". Newly allocated. */
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
