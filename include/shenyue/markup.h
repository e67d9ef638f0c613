/* What Markdown and Word-to-text conversions put around report text: heading
 * marks (## 二、…), bold (**一、…**), escapes (1\.), list bullets and table
 * rows. The outline reads through them; they are never report content. */
#ifndef SHENYUE_MARKUP_H
#define SHENYUE_MARKUP_H

#include <stdbool.h>

/* What sy_markup_strip saw on a line. */
struct sy_markup {
	int atx;      /* depth of a Markdown heading mark (## → 2), 0 none */
	bool bold;    /* the whole line is bold: **…** or __…__ */
};

/* Returns a new copy of normalised text s without its markup: a leading
 * Markdown heading or quote mark, emphasis pairs (**2025**年 → 2025年, but
 * not a template's **年), and backslash escapes (1\. → 1.). Returns NULL
 * when s has none, so callers keep s. Fills *m (may be NULL). */
char *sy_markup_strip(const char *s, struct sy_markup *m);
/* True when normalised line s is a list item: "- ", "* ", "+ ", "• ". */
bool sy_markup_list_item(const char *s);
/* True when original line text is a table row: cells between '|', or three
 * or more cells separated by tabs or runs of spaces. */
bool sy_markup_table_row(const char *text);

#endif
