/* A small WordprocessingML (.docx) writer for Chinese official-style
 * documents: paragraphs of runs with font, size and bold, page breaks and
 * simple tables, on A4 with the margins of GB/T 9704-2012 (top 37 mm, left
 * 28 mm, text block 156 x 225 mm) and page numbers "— 1 —" in 4号 宋体
 * (odd pages right, even pages left). The XML is written by this module and
 * zipped with libzip; nothing else is needed to read it in Word, WPS or
 * LibreOffice. No curses, no I/O until sy_docx_save.
 *
 * Build a document by calls in reading order:
 *
 *     struct sy_docx *d = sy_docx_new("关于……的审查意见", "张三");
 *     sy_docx_para(d, SY_DOCX_TITLE);
 *     sy_docx_text(d, "关于……的审查意见");
 *     sy_docx_para(d, SY_DOCX_BODY);
 *     sy_docx_text(d, "正文……");
 *     sy_docx_save(d, "out.docx", false, err, sizeof err);
 *     sy_docx_free(d);
 *
 * Text is UTF-8; anything XML cannot hold (control characters, invalid
 * bytes) is replaced, '\n' becomes a line break and '\t' a tab. Fonts are
 * named as WPS and Word know them (仿宋_GB2312, 方正小标宋简体, 黑体,
 * 楷体_GB2312, 宋体), each with a fallback (w:altName: 仿宋, 宋体, 楷体)
 * and the GB2312 character set, so a machine without the exact font
 * substitutes a font of the same family. */
#ifndef SHENYUE_DOCX_H
#define SHENYUE_DOCX_H

#include <stdbool.h>
#include <stddef.h>

struct sy_docx;

/* The kinds of paragraph, each a style in styles.xml. */
enum sy_docx_style {
	SY_DOCX_BODY,     /* 正文: 仿宋 三号, first line indented 2 characters */
	SY_DOCX_TITLE,    /* 标题: 小标宋 二号, centred */
	SY_DOCX_HEADING1, /* 一级标题 "一、": 黑体 三号 */
	SY_DOCX_HEADING2, /* 二级标题 "（一）": 楷体 三号 */
	SY_DOCX_PLAIN,    /* 仿宋 三号, no indent (主送, 落款, 成文日期) */
	SY_DOCX_CELL,     /* table text: 仿宋 四号, single spacing, no indent */
	SY_DOCX_NSTYLES
};

/* Font families of a Chinese official document. SY_DOCX_FONT_STYLE: the
 * paragraph style's own. */
enum sy_docx_font {
	SY_DOCX_FONT_STYLE,
	SY_DOCX_FONT_FANGSONG,     /* 仿宋_GB2312, fallback 仿宋 */
	SY_DOCX_FONT_XIAOBIAOSONG, /* 方正小标宋简体, fallback 宋体 */
	SY_DOCX_FONT_HEITI,        /* 黑体 */
	SY_DOCX_FONT_KAITI,        /* 楷体_GB2312, fallback 楷体 */
	SY_DOCX_FONT_SONGTI,       /* 宋体 */
	SY_DOCX_NFONTS
};

/* Sizes in half-points, by their Chinese names. */
enum {
	SY_DOCX_ERHAO = 44,  /* 二号 22 pt: titles */
	SY_DOCX_SANHAO = 32, /* 三号 16 pt: body text */
	SY_DOCX_SIHAO = 28,  /* 四号 14 pt: tables, page numbers */
	SY_DOCX_XIAOSI = 24, /* 小四 12 pt */
};

enum sy_docx_align { SY_DOCX_ALIGN_STYLE, SY_DOCX_ALIGN_LEFT, SY_DOCX_ALIGN_CENTER,
		     SY_DOCX_ALIGN_RIGHT, SY_DOCX_ALIGN_JUSTIFY };

/* How a run differs from its paragraph style (all zero: not at all). */
struct sy_docx_run {
	enum sy_docx_font font;
	int size;   /* half-points; 0: the style's */
	bool bold;
};

/* Starts an empty document; title and author (may be NULL) go into its
 * properties (docProps/core.xml). */
struct sy_docx *sy_docx_new(const char *title, const char *author);
/* Frees the document. */
void sy_docx_free(struct sy_docx *d);

/* Starts a new paragraph of style st (in the current table cell, if any). */
void sy_docx_para(struct sy_docx *d, enum sy_docx_style st);
/* Aligns the current paragraph. */
void sy_docx_align(struct sy_docx *d, enum sy_docx_align a);
/* Indents the current paragraph from the right by chars characters (落款
 * and 成文日期 "右空四字"). */
void sy_docx_indent_right(struct sy_docx *d, int chars);
/* Keeps the current paragraph on the same page as the next one. */
void sy_docx_keep_next(struct sy_docx *d);
/* Appends text to the current paragraph in its style (starting a BODY
 * paragraph when there is none). */
void sy_docx_text(struct sy_docx *d, const char *utf8);
/* Appends text formatted as run says. */
void sy_docx_text_as(struct sy_docx *d, const char *utf8, const struct sy_docx_run *run);
/* Starts a paragraph of style st holding text. */
void sy_docx_para_text(struct sy_docx *d, enum sy_docx_style st, const char *utf8);
/* True when text already ends a sentence (。！？；, also after a closing
 * bracket): where a document adds its own 。 it must not add a second. */
bool sy_docx_ends_sentence(const char *utf8);
/* Signs the document as GB/T 9704-2012 7.3.5.3 places a signature without a
 * seal: a blank line, the office (may be NULL) 右空二字, the date under it
 * starting two characters further right (a date longer than that: the date
 * 右空二字 and the office moved in). */
void sy_docx_signature(struct sy_docx *d, const char *office, const char *date);
/* Starts the next paragraph (or table) on a new page. */
void sy_docx_page_break(struct sy_docx *d);
/* Ends the section here: what follows starts on a new page numbered 1 (one
 * unit's 审查意见 in a file holding many is printed and sent on its own). */
void sy_docx_new_section(struct sy_docx *d);

/* Starts a table of ncols columns, widths in millimetres (they should add
 * up to 156, the text width). Ends any open paragraph. */
void sy_docx_table(struct sy_docx *d, size_t ncols, const int *widths_mm);
/* Starts a row; a header row repeats on every page and is shaded. */
void sy_docx_row(struct sy_docx *d, bool header);
/* Starts the next cell of the row, with a CELL paragraph in it; fill is a
 * background colour "RRGGBB" or NULL. */
void sy_docx_cell(struct sy_docx *d, const char *fill);
/* Ends the table. */
void sy_docx_table_end(struct sy_docx *d);

/* Zips the document into a new buffer (*data, *len). Returns 0, or -1 with
 * the reason in err. */
int sy_docx_build(struct sy_docx *d, char **data, size_t *len, char *err, size_t errlen);
/* Writes the document to path atomically. With replace false an existing
 * file is never overwritten: returns 1 (nothing written). Returns 0 when
 * written, -1 with the reason in err. */
int sy_docx_save(struct sy_docx *d, const char *path, bool replace, char *err, size_t errlen);

struct sy_buf;
/* Appends s to b escaped for XML text or attributes: & < > " escaped,
 * invalid UTF-8 and characters XML 1.0 forbids replaced by U+FFFD. */
void sy_xml_escape(struct sy_buf *b, const char *s);

#endif
