/* WordprocessingML definitions the .docx reader needs besides the body:
 * paragraph styles (outline levels, numbering) from word/styles.xml and
 * automatic numbering from word/numbering.xml. Private to src/docin_*.c. */
#ifndef SHENYUE_DOCIN_WORD_H
#define SHENYUE_DOCIN_WORD_H

#include <stdbool.h>
#include <stddef.h>

#include "shenyue/docin_reader.h"
#include "shenyue/xalloc.h"

/* WordprocessingML namespaces: transitional (Word, WPS, LibreOffice) and strict. */
#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* True when the current node is in a WordprocessingML namespace. */
bool word_ns(const struct sy_xml *x);
/* The w:<local> attribute of the current element (either namespace), a new string or NULL. */
char *word_attr(const struct sy_xml *x, const char *local);
/* The w:val attribute read as an integer in [lo, hi], or dflt. */
int word_int(const struct sy_xml *x, const char *local, int lo, int hi, int dflt);
/* A w:val on/off property: absent or true/1/on is true. */
bool word_on(const struct sy_xml *x);

/* What a paragraph style gives its paragraphs, after its basedOn chain. */
struct word_para_props {
	int outline; /* 0..8, -1 none (9, body text, reads as none) */
	int num_id;  /* -1 none, 0 numbering switched off */
	int ilvl;    /* -1 not given */
};

struct word_styles;
/* Parses word/styles.xml (xml may be NULL: no styles). Returns NULL with err
 * set when the part is malformed. */
struct word_styles *word_styles_parse(const char *xml, size_t len, char *err, size_t errlen);
/* The properties of paragraph style id (NULL: the default paragraph style). */
struct word_para_props word_style_props(const struct word_styles *s, const char *id);
/* Fills ids with paragraph style id (NULL: the default style) and the styles
 * it is based on, at most max; returns how many. */
size_t word_style_chain(const struct word_styles *s, const char *id, const char **ids, size_t max);
void word_styles_free(struct word_styles *s);

struct word_numbering;
/* Parses word/numbering.xml (xml may be NULL). Returns NULL with err set when malformed. */
struct word_numbering *word_numbering_parse(const char *xml, size_t len, char *err, size_t errlen);
/* Writes the number of the next paragraph of list num_id at level ilvl (-1:
 * the level linked to the first of the paragraph's styles, style and the
 * styles it is based on, that a level names; else 0) into out, as Word shows
 * it ("一、", "（一）", "1."), and advances the list's counters. False when
 * num_id names no list (out untouched). */
bool word_numbering_next(struct word_numbering *n, int num_id, int ilvl, const char *const *styles,
			 size_t nstyles, struct sy_buf *out);
void word_numbering_free(struct word_numbering *n);

#endif
