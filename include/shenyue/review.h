/* The review of one report, in memory: the supervisor's overrides, notes,
 * verdict, the content hash the review was made on, and conflicts left by a
 * merge with a second reviewer. No I/O and no curses here.
 *
 * Every decision is an item with a string key, so that saving, merging and
 * undo treat them all alike:
 *
 *   seen                      value: "fnv1a64:<16 hex>" of the report reviewed
 *   verdict                   value: accept | return | pending; reason: waiver
 *   override/<part>           value: present | partial | missing; reason
 *   note/report               value: the note's text
 *   note/part/<part>          value: the note's text
 *   note/finding/<id>/<line>  value: the note's text (line 0 when none)
 *   unit                      value: the roster unit the supervisor assigned
 *   received                  value: the date the report came in (2025-02-27),
 *                             as the supervisor set it
 *   first-seen                value: the date shenyue first saw the file
 *   conflict/<key>#<8 hex>    value, reason, by, at: what the other reviewer
 *                             saved for <key> when it clashed with ours
 *                             (SY_CONFLICT_REMOVED when they removed it)
 *
 * An item with an empty or NULL value does not exist. */
#ifndef SHENYUE_REVIEW_H
#define SHENYUE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum sy_verdict { SY_VERDICT_NONE, SY_VERDICT_ACCEPT, SY_VERDICT_RETURN, SY_VERDICT_PENDING };

enum sy_note_on { SY_NOTE_REPORT, SY_NOTE_PART, SY_NOTE_FINDING };

/* What a note is attached to. part for SY_NOTE_PART; finding and line
 * (1-based, 0 when none) for SY_NOTE_FINDING. */
struct sy_note_target {
	enum sy_note_on on;
	const char *part;
	const char *finding;
	long line;
};

/* One decision. by/at say who set it and when (ISO 8601 UTC); they are kept
 * but do not take part in comparisons. */
struct sy_item {
	char *key;
	char *value;
	char *reason;
	char *by;
	char *at;
};

struct sy_review {
	char *report;          /* the report's file name (no folder), or NULL */
	struct sy_item *items; /* sorted by key */
	size_t nitems;
};

#define SY_KEY_SEEN "seen"
#define SY_KEY_VERDICT "verdict"
#define SY_KEY_CONFLICT "conflict/"
#define SY_KEY_UNIT "unit"
#define SY_KEY_RECEIVED "received"
#define SY_KEY_FIRST_SEEN "first-seen"
/* The value of a conflict item when the other reviewer removed the decision. */
#define SY_CONFLICT_REMOVED "(removed)"

/* Returns "accept", "return", "pending" or "none". */
const char *sy_verdict_name(enum sy_verdict v);
/* Returns 通过, 退回修改, 待定 or 未定. */
const char *sy_verdict_label(enum sy_verdict v);
/* Parses an English name or a Chinese label; returns -1 when unknown. */
int sy_verdict_parse(const char *s);

/* Empties rv (which must be zeroed or already initialised) and names its report. */
void sy_review_init(struct sy_review *rv, const char *report);
/* Frees what rv owns and zeroes it. */
void sy_review_free(struct sy_review *rv);
/* Makes dst a deep copy of src (dst is freed first). */
void sy_review_copy(struct sy_review *dst, const struct sy_review *src);
/* True when both hold the same items (key, value, reason; by/at ignored). */
bool sy_review_equal(const struct sy_review *a, const struct sy_review *b);

/* Returns the item with this key, or NULL. */
const struct sy_item *sy_review_get(const struct sy_review *rv, const char *key);
/* Sets the item (copies every string); a NULL or empty value removes it. */
void sy_review_put(struct sy_review *rv, const char *key, const char *value, const char *reason,
		   const char *by, const char *at);
/* Sets the item from a copy of it; an item with no value removes the key. */
void sy_review_put_item(struct sy_review *rv, const char *key, const struct sy_item *it);

/* Frees an item's strings and zeroes it. */
void sy_item_free(struct sy_item *it);
/* Makes dst a deep copy of src (src may be NULL: dst becomes empty). */
void sy_item_copy(struct sy_item *dst, const struct sy_item *src);
/* True when both are absent, or have equal value and reason. */
bool sy_item_same(const struct sy_item *a, const struct sy_item *b);

/* Returns the key of an override for part ("override/duty"), newly allocated. */
char *sy_key_override(const char *part);
/* Returns the key of a note on t, newly allocated. */
char *sy_key_note(const struct sy_note_target *t);
/* Parses a note key: *on, *line, and part and finding newly allocated
 * (NULL when not used). Returns 0, or -1 when key is not a note key. */
int sy_key_note_parse(const char *key, enum sy_note_on *on, char **part, char **finding, long *line);

/* Returns the verdict, SY_VERDICT_NONE when none was given. */
enum sy_verdict sy_review_verdict(const struct sy_review *rv);
/* Returns the waiver reason recorded with the verdict, or NULL. */
const char *sy_review_waiver(const struct sy_review *rv);
/* Returns the overriding status of part (enum sy_status), or -1; *reason
 * (may be NULL) gets the reason or NULL. */
int sy_review_override(const struct sy_review *rv, const char *part, const char **reason);
/* Returns the note on t, or NULL. */
const char *sy_review_note(const struct sy_review *rv, const struct sy_note_target *t);
/* True when the review holds at least one note. */
bool sy_review_has_notes(const struct sy_review *rv);
/* Returns the number of unresolved conflicts. */
size_t sy_review_nconflicts(const struct sy_review *rv);
/* True when the review recorded a content hash and it differs from hash. */
bool sy_review_changed(const struct sy_review *rv, uint64_t hash);
/* Formats a content hash as "fnv1a64:<16 hex>" into buf (24 bytes or more). */
void sy_hash_format(uint64_t hash, char *buf, size_t len);
/* Parses "fnv1a64:<hex>"; returns 0 or -1. */
int sy_hash_parse(const char *s, uint64_t *hash);

/* Three-way merge: mine becomes mine plus what theirs changed since base.
 * A key both sides changed differently keeps mine and gains a conflict item
 * holding theirs, so nothing is lost. Returns the number of new conflicts. */
size_t sy_review_merge(struct sy_review *mine, const struct sy_review *base,
		       const struct sy_review *theirs);
/* Records a conflict on key holding the other side's value (value NULL or
 * empty: they removed it). Returns false when the same conflict is there. */
bool sy_review_add_conflict(struct sy_review *rv, const char *key, const char *value,
			    const char *reason, const char *by, const char *at);
/* Returns the conflicting key that conflict item key stands for, newly
 * allocated ("note/report" for "conflict/note/report#1a2b3c4d"), or NULL. */
char *sy_conflict_target(const char *key);

/* Writes the time now as ISO 8601 UTC ("2026-11-22T03:10:24Z"). */
void sy_time_now(char *buf, size_t len);

#endif
