/* Which reports the list shows and in which order: a substring filter, a
 * "show only" choice (incomplete, a verdict, no verdict, tagged, needing
 * re-review, one reviewer) and a sort order. Private to the list view
 * (ui/list.c); no drawing here. */
#ifndef SHENYUE_UI_LIST_ORDER_H
#define SHENYUE_UI_LIST_ORDER_H

#include <stdbool.h>
#include <stddef.h>

struct ui;

enum list_sort {
	LIST_SORT_NAME, LIST_SORT_SCORE, LIST_SORT_UNIT, LIST_SORT_VERDICT, LIST_SORT_REVIEWER,
	LIST_SORT_TAGGED, LIST_SORT_STATE, LIST_NSORT
};

enum list_show {
	LIST_SHOW_ALL, LIST_SHOW_INCOMPLETE, LIST_SHOW_NO_VERDICT, LIST_SHOW_ACCEPT, LIST_SHOW_RETURN,
	LIST_SHOW_PENDING, LIST_SHOW_TAGGED, LIST_SHOW_LATE, LIST_SHOW_AGAIN, LIST_SHOW_REVIEWER, LIST_NSHOW
};

/* The reports' names with their pinyin sort keys, kept between sorts: the
 * list is sorted again as reports load, and comparing keys with strcmp
 * costs little beside ICU comparing the names each time. */
struct list_name_keys {
	size_t n;               /* batch indices with room */
	char **name;            /* the name each key was made for (NULL: none yet) */
	char **key;             /* sy_collate_key of it */
};

struct list_order {
	enum list_sort sort;
	enum list_show show;
	char *reviewer;         /* LIST_SHOW_REVIEWER: whose verdicts */
	char *filter;           /* substring of file, unit or title, or NULL */
	struct list_name_keys keys;
};

/* Frees the order's strings and keys. */
void list_order_free(struct list_order *o);
/* Returns the sort order in the supervisor's words ("score"). */
const char *list_sort_label(enum list_sort s);
/* Writes what the list is showing into buf ("incomplete", "通过", "by 张三"),
 * "" for every report. */
void list_show_label(const struct list_order *o, char *buf, size_t len);
/* Returns who gave report i its verdict, or NULL. */
const char *list_reviewer(const struct ui *ui, size_t i);
/* True when report i is shown under show (and reviewer), filter aside. */
bool list_shows(const struct ui *ui, enum list_show show, const char *reviewer, size_t i);
/* True when report i is shown under o. */
bool list_order_keeps(const struct ui *ui, const struct list_order *o, size_t i);
/* Sorts the n batch indices in v by o (keeping the names' keys in o). */
void list_order_sort(const struct ui *ui, struct list_order *o, size_t *v, size_t n);
/* Returns the reviewers of the batch's verdicts in pinyin order (names
 * borrowed from the reviews, array newly allocated), *n of them. */
const char **list_reviewers(const struct ui *ui, size_t *n);

#endif
