/* Order as Chinese readers expect: Chinese text by pinyin (ICU's collator
 * for "zh"), digits as numbers first (第2 before 第10), then Chinese,
 * then Latin letters without regard to case (CLDR's order for zh). Used wherever unit names are sorted: the
 * report list, `check --sort unit`, exports, the summary. Without ICU's
 * data it falls back to code point order. Thread-safe. */
#ifndef SHENYUE_COLLATE_H
#define SHENYUE_COLLATE_H

#include <stddef.h>

/* Compares two UTF-8 strings in pinyin order; NULL sorts after any text.
 * Returns <0, 0 or >0. Equal only for identical text. */
int sy_collate(const char *a, const char *b);

/* Returns a new NUL-terminated sort key for s (NULL gives the key of a text
 * after all others): strcmp() of two keys orders as sy_collate. Compute
 * keys once when sorting many strings; free the key. */
char *sy_collate_key(const char *s);

/* Sorts n elements of size bytes at base by the text text_of returns for
 * each (NULL last), in pinyin order; elements of equal text keep their
 * order (stable). Computes each key once. */
void sy_collate_sort(void *base, size_t n, size_t size, const char *(*text_of)(const void *elem));

#endif
