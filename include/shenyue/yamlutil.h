/* YAML for every loader (rubric, theme, settings, review state, roster):
 * parsing with limits, typed getters that report errors as
 * "source:line:col: message"; and the one emitter of YAML and CSV scalars
 * (and of text for people), which writes only valid UTF-8. */
#ifndef SHENYUE_YAMLUTIL_H
#define SHENYUE_YAMLUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <yaml.h>

#include "shenyue/strlist.h"

struct sy_yaml {
	yaml_document_t doc;
	char *source;   /* names the text in messages: a path or "<builtin>/..." */
	bool loaded;
};

/* Limits on every YAML text read: its size, how deep it nests, and how much
 * text its aliases may stand for (a "billion laughs" file is refused). */
#define SY_YAML_MAX_BYTES (16u << 20)
#define SY_YAML_MAX_DEPTH 64
#define SY_YAML_MAX_EXPANDED (64u << 20)

/* Parses one YAML document within the limits above; a second document in the
 * text is an error, not silently ignored. Scalars tagged !!binary are decoded
 * (how the writers keep bytes that are not UTF-8). Returns 0, or -1 with
 * "source:line:col: message". */
int sy_yaml_parse(struct sy_yaml *y, const char *source, const char *text, size_t len,
		  char *err, size_t errlen);
/* Frees the document. */
void sy_yaml_free(struct sy_yaml *y);
/* Returns the root node, or NULL for an empty document. */
yaml_node_t *sy_yaml_root(struct sy_yaml *y);
/* Returns the value stored under key in a mapping node, or NULL. */
yaml_node_t *sy_yaml_get(struct sy_yaml *y, const yaml_node_t *map, const char *key);
/* Returns the i-th item of a sequence node, or NULL. */
yaml_node_t *sy_yaml_item(struct sy_yaml *y, const yaml_node_t *seq, size_t i);
/* Returns the number of items of a sequence (0 for other nodes). */
size_t sy_yaml_len(const yaml_node_t *seq);
/* Returns a scalar's text, or NULL when n is not a scalar. */
const char *sy_yaml_scalar(const yaml_node_t *n);
/* True for a missing node, an empty scalar, ~ or null. */
bool sy_yaml_is_null(const yaml_node_t *n);
/* Formats "source:line:col: message" for node n into err; always returns -1. */
int sy_yaml_error(const struct sy_yaml *y, const yaml_node_t *n, char *err, size_t errlen,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Fails on the first key of map that is not in the NULL-terminated list allowed. */
int sy_yaml_check_keys(struct sy_yaml *y, const yaml_node_t *map, const char *const *allowed,
		       char *err, size_t errlen);
/* Fails unless n is a mapping ('what' names it in the message). */
int sy_yaml_expect_map(const struct sy_yaml *y, const yaml_node_t *n, const char *what,
		       char *err, size_t errlen);
/* Reads a string under key into *out (newly allocated; NULL when absent and not required). */
int sy_yaml_get_str(struct sy_yaml *y, const yaml_node_t *map, const char *key, bool required,
		    char **out, char *err, size_t errlen);
/* Reads an integer in [min, max] under key; *out keeps its value when absent. */
int sy_yaml_get_int(struct sy_yaml *y, const yaml_node_t *map, const char *key, long min,
		    long max, long *out, char *err, size_t errlen);
/* Reads a number in [min, max] under key; *out keeps its value when absent. */
int sy_yaml_get_double(struct sy_yaml *y, const yaml_node_t *map, const char *key, double min,
		       double max, double *out, char *err, size_t errlen);
/* Reads true/false/yes/no under key; *out keeps its value when absent. */
int sy_yaml_get_bool(struct sy_yaml *y, const yaml_node_t *map, const char *key, bool *out,
		     char *err, size_t errlen);
/* Reads a sequence of strings (or one string) under key, appending to *out. */
int sy_yaml_get_strlist(struct sy_yaml *y, const yaml_node_t *map, const char *key,
			struct sy_strlist *out, char *err, size_t errlen);

/* ---- writing ---- */

/* Writes s as a YAML double-quoted scalar ("null" when s is NULL). Only
 * valid UTF-8 comes out: \" \\ \t \n \r escaped, every character a reader
 * or a terminal would act on (utf8_is_unsafe) as \uXXXX; a string that is
 * not valid UTF-8 (a GBK file name) as !!binary base64, so its bytes read
 * back exactly. */
void sy_yaml_write_str(FILE *out, const char *s);
/* Writes "key: value\n" at column col (with dash, "- " just before the key,
 * opening a list item), the value by sy_yaml_write_str. */
void sy_yaml_write_key(FILE *out, int col, bool dash, const char *key, const char *val);
/* Writes s as one CSV field: quoted when needed, a leading = + - @ guarded
 * against formulas, bytes that are not UTF-8 as \xNN and unsafe characters
 * as <U+XXXX>, so the field is valid UTF-8 and shows what was there. */
void sy_csv_write_field(FILE *out, const char *s);
/* Writes s for a person (a terminal, a text or Markdown file): valid UTF-8
 * kept, tab and newline kept, every other control shown in caret notation
 * (^[ ^?), C1 and bidi controls and noncharacters as <U+XXXX>, bytes that
 * are not UTF-8 as \xNN. Nothing reaches the terminal raw. */
void sy_text_write(FILE *out, const char *s);
/* As sy_text_write, into a new string. */
char *sy_text_safe(const char *s);
/* Formats like printf, then writes the result as sy_text_write does: for
 * messages that hold file names or report text ("shenyue: %s: %s\n"). */
void sy_text_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes each string of l on its own line after prefix (e.g. "shenyue: ")
 * to out, controls and bad bytes shown visibly (sy_text_write). */
void sy_strlist_print(const struct sy_strlist *l, FILE *out, const char *prefix);

#endif
