/* The roster (名单): the units expected to report, read from YAML or CSV,
 * and the matching of reports to its units. No curses here.
 *
 * YAML:   units:
 *           - name: 云溪镇人民政府
 *             aliases: [云溪镇, 云溪]
 *             kind: 乡镇            # 乡镇 | 街道 | 部门 | 县政府
 *             contact: 张三 0375-1234567
 * CSV:    a header row 单位,简称,类型,联系人 (or name,aliases,kind,contact;
 *         any order, other columns ignored), several aliases separated by 、
 *         or ; — UTF-8 with or without BOM, GB18030 or UTF-16 as Excel and WPS
 *         save it. */
#ifndef SHENYUE_ROSTER_H
#define SHENYUE_ROSTER_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "shenyue/report.h"
#include "shenyue/review.h"
#include "shenyue/rubric.h"

enum sy_unit_kind { SY_KIND_UNKNOWN, SY_KIND_TOWN, SY_KIND_STREET, SY_KIND_DEPT, SY_KIND_COUNTY };

struct sy_roster_unit {
	char *name;
	struct sy_strlist aliases;
	enum sy_unit_kind kind;  /* as given, else guessed from the name's ending */
	char *contact;           /* or NULL */
	long line;               /* 1-based line of the file that lists it */
	struct sy_strlist keys;  /* squeezed forms a report may name it by (see roster.c) */
};

struct sy_roster_keys;

struct sy_roster {
	char *source;            /* the file it was read from */
	struct sy_roster_unit *u;
	size_t n;
	struct sy_roster_keys *index; /* the units' keys by their first bytes
					 (roster_keys.c), or NULL: searched one by one */
};

/* A unit key found in a text: which (its place in unit, key order), where,
 * and its length. */
struct sy_key_hit {
	uint32_t ord;
	size_t at, len;
};

/* The file names a roster is found by in a report folder, in order of preference. */
extern const char *const sy_roster_names[];

/* Loads a roster file (.yaml/.yml as YAML, anything else as CSV). Returns 0,
 * or -1 with "file:line:col: message" in err; r is untouched on failure. */
int sy_roster_load_file(struct sy_roster *r, const char *path, char *err, size_t errlen);
/* Loads roster text; yaml selects the form, source names it in messages. */
int sy_roster_load_string(struct sy_roster *r, const char *source, const char *text, size_t len,
			  bool yaml, char *err, size_t errlen);
/* Returns the roster file of a report folder (名单.yaml, 名单.csv, roster.yaml,
 * roster.csv), newly allocated, or NULL when it has none. */
char *sy_roster_find(const char *folder);
/* Returns the roster a batch uses: explicit (--roster), else one found in the
 * folder of the first path that is a folder (or holds the first file), else
 * configured (config.yaml); newly allocated or NULL. */
char *sy_roster_pick(const char *explicit_path, char *const *paths, size_t npaths,
		     const char *configured);
/* Frees what the roster owns. */
void sy_roster_free(struct sy_roster *r);
/* Indexes the units' keys (again, after they change), so that
 * sy_roster_keys_find reads a text once; the loaders do it. */
void sy_roster_index(struct sy_roster *r);
/* Frees an index (NULL is fine). */
void sy_roster_keys_free(struct sy_roster_keys *k);
/* Every place in text where a unit key begins, overlapping ones too, in
 * unit, key, then text order; *n of them (a new array). r must be indexed. */
struct sy_key_hit *sy_roster_keys_find(const struct sy_roster *r, const char *text, size_t *n);
/* The first unit whose name or an alias, squeezed, is sq; -1 when none. r
 * must be indexed. */
int sy_roster_keys_named(const struct sy_roster *r, const char *sq);
/* The keys equal to s, in unit, key order: their ords in *ords (a new
 * array, NULL when none), how many returned. r must be indexed. */
size_t sy_roster_keys_equal(const struct sy_roster *r, const char *s, uint32_t **ords);
/* The unit of key ord. */
int sy_roster_key_unit(const struct sy_roster *r, uint32_t ord);
/* The key ord itself. */
const char *sy_roster_key(const struct sy_roster *r, uint32_t ord);
/* Returns the index of the unit named name (its name or an alias), or -1. */
int sy_roster_find_unit(const struct sy_roster *r, const char *name);

/* Returns 乡镇, 街道, 部门, 县政府 or "". */
const char *sy_unit_kind_label(enum sy_unit_kind k);
/* Parses a kind (the Chinese labels, 镇/乡/政府..., or town, street,
 * department, county); -1 when unknown. */
int sy_unit_kind_parse(const char *s);
/* Guesses a unit's kind from the end of its name (…镇 is a town). */
enum sy_unit_kind sy_unit_kind_guess(const char *name);
/* Returns the core of a unit name, newly allocated: squeezed, without 中共,
 * the county prefix (鲁山县…) and suffixes such as 人民政府 and 办事处. */
char *sy_unit_core(const char *name);
/* Returns the place prefix of a unit name (鲁山县 of 鲁山县张良镇人民政府), newly
 * allocated, "" when it names none. */
char *sy_unit_place(const char *name);

/* How a report was matched to a unit. */
enum sy_match_how {
	SY_MATCH_NONE,      /* no unit named it */
	SY_MATCH_AMBIGUOUS, /* several units fit equally: see cand */
	SY_MATCH_UNIT,      /* by the unit the report names (unit line, title) */
	SY_MATCH_TEXT,      /* a unit's name found in the title block */
	SY_MATCH_FILE,      /* by the file name */
	SY_MATCH_HAND,      /* assigned by the supervisor (review item "unit") */
};

struct sy_match {
	enum sy_match_how how;
	int unit;           /* roster index, -1 unless matched */
	int cand[4];        /* candidates when ambiguous (-1 past the last) */
	char *hand_unknown; /* a hand assignment naming no roster unit, or NULL */
};

/* Matches report rep (loaded) to a unit of the roster. rv (may be NULL) is
 * its review: a hand assignment there wins. */
void sy_roster_match(const struct sy_roster *r, const struct sy_report *rep,
		     const struct sy_review *rv, struct sy_match *m);
/* Frees what m owns. */
void sy_match_free(struct sy_match *m);
/* Returns "unit", "text", "file", "hand", "ambiguous" or "none". */
const char *sy_match_how_name(enum sy_match_how how);

/* Adds an "other-unit" finding to rep when it names another roster unit of
 * its own kind where a report names itself: in the title block, the
 * signature or date line, or as the subject at the start of a sentence
 * (replacing those of an earlier call). A neighbour named inside a sentence
 * (与石门镇联合…) or in a list (石门镇、云溪镇) is not a tell. */
void sy_roster_check_tells(const struct sy_roster *r, struct sy_report *rep, int unit);
/* Matches every loaded report of b (no hand assignments) and checks it for
 * tells (sy_roster_check_tells). */
void sy_roster_check_batch(const struct sy_roster *r, struct sy_batch *b);

#endif
