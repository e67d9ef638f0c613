/* The review file format: writing a review as YAML and reading it back. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/review_store.h"
#include "shenyue/score.h"
#include "shenyue/strutil.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

/* ---- writing ---- */

/* Writes the by/at pair of an item as further keys of its mapping. */
static void put_by_at(FILE *out, int col, const struct sy_item *it)
{
	if (it->by)
		sy_yaml_write_key(out, col, false, "by", it->by);
	if (it->at)
		sy_yaml_write_key(out, col, false, "at", it->at);
}

static bool any_prefix(const struct sy_review *rv, const char *prefix)
{
	for (size_t i = 0; i < rv->nitems; i++)
		if (sy_starts(rv->items[i].key, prefix))
			return true;
	return false;
}

static void write_seen(FILE *out, const struct sy_review *rv, int ind)
{
	const struct sy_item *it = sy_review_get(rv, SY_KEY_SEEN);
	if (!it)
		return;
	fprintf(out, "%*sseen:\n", ind, "");
	sy_yaml_write_key(out, ind + 2, false, "hash", it->value);
	put_by_at(out, ind + 2, it);
}

static void write_verdict(FILE *out, const struct sy_review *rv, int ind)
{
	const struct sy_item *it = sy_review_get(rv, SY_KEY_VERDICT);
	if (!it)
		return;
	fprintf(out, "%*sverdict:\n", ind, "");
	sy_yaml_write_key(out, ind + 2, false, "value", it->value);
	int v = sy_verdict_parse(it->value);
	sy_yaml_write_key(out, ind + 2, false, "label", sy_verdict_label(v < 0 ? SY_VERDICT_NONE : (enum sy_verdict)v));
	if (it->reason)
		sy_yaml_write_key(out, ind + 2, false, "waiver", it->reason);
	put_by_at(out, ind + 2, it);
}

/* Writes a one-value item (the batch desk's unit, received, first-seen) as
 * a mapping under name: the value under field, then by and at. */
static void write_value_item(FILE *out, const struct sy_review *rv, const char *key, const char *name,
			     const char *field, int ind)
{
	const struct sy_item *it = sy_review_get(rv, key);
	if (!it)
		return;
	fprintf(out, "%*s%s:\n", ind, "", name);
	sy_yaml_write_key(out, ind + 2, false, field, it->value);
	put_by_at(out, ind + 2, it);
}

static void write_overrides(FILE *out, const struct sy_review *rv, int ind)
{
	if (!any_prefix(rv, "override/"))
		return;
	fprintf(out, "%*soverrides:\n", ind, "");
	for (size_t i = 0; i < rv->nitems; i++) {
		const struct sy_item *it = &rv->items[i];
		if (!sy_starts(it->key, "override/"))
			continue;
		sy_yaml_write_key(out, ind + 4, true, "part", it->key + strlen("override/"));
		sy_yaml_write_key(out, ind + 4, false, "status", it->value);
		if (it->reason)
			sy_yaml_write_key(out, ind + 4, false, "reason", it->reason);
		put_by_at(out, ind + 4, it);
	}
}

static void write_note(FILE *out, const struct sy_item *it, int col)
{
	enum sy_note_on on;
	char *part, *finding;
	long line;
	if (sy_key_note_parse(it->key, &on, &part, &finding, &line) < 0)
		return;
	static const char *const on_names[] = {"report", "part", "finding"};
	sy_yaml_write_key(out, col, true, "on", on_names[on]);
	if (part)
		sy_yaml_write_key(out, col, false, "part", part);
	if (finding) {
		sy_yaml_write_key(out, col, false, "finding", finding);
		fprintf(out, "%*sline: %ld\n", col, "", line);
	}
	sy_yaml_write_key(out, col, false, "text", it->value);
	put_by_at(out, col, it);
	free(part);
	free(finding);
}

static void write_notes(FILE *out, const struct sy_review *rv, int ind)
{
	if (!any_prefix(rv, "note/"))
		return;
	fprintf(out, "%*snotes:\n", ind, "");
	for (size_t i = 0; i < rv->nitems; i++)
		if (sy_starts(rv->items[i].key, "note/"))
			write_note(out, &rv->items[i], ind + 4);
}

static void write_conflicts(FILE *out, const struct sy_review *rv, int ind)
{
	if (!any_prefix(rv, SY_KEY_CONFLICT))
		return;
	fprintf(out, "%*sconflicts:\n", ind, "");
	for (size_t i = 0; i < rv->nitems; i++) {
		const struct sy_item *it = &rv->items[i];
		char *target = sy_conflict_target(it->key);
		if (!target)
			continue;
		sy_yaml_write_key(out, ind + 4, true, "key", target);
		sy_yaml_write_key(out, ind + 4, false, "value", it->value);
		if (it->reason)
			sy_yaml_write_key(out, ind + 4, false, "reason", it->reason);
		put_by_at(out, ind + 4, it);
		free(target);
	}
}

void sy_review_write_yaml(FILE *out, const struct sy_review *rv, int indent)
{
	fprintf(out, "%*sformat: %d\n", indent, "", SY_REVIEW_FORMAT);
	fprintf(out, "%*sreport: ", indent, "");
	sy_yaml_write_str(out, rv->report);
	fputc('\n', out);
	write_seen(out, rv, indent);
	write_verdict(out, rv, indent);
	write_value_item(out, rv, SY_KEY_UNIT, "unit", "name", indent);
	write_value_item(out, rv, SY_KEY_RECEIVED, "received", "date", indent);
	write_value_item(out, rv, SY_KEY_FIRST_SEEN, "first_seen", "date", indent);
	write_overrides(out, rv, indent);
	write_notes(out, rv, indent);
	write_conflicts(out, rv, indent);
}

char *sy_review_format(const struct sy_review *rv, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *out = xopen_memstream(&buf, &n);
	fputs("# shenyue review: overrides, notes and verdict for one report.\n"
	      "# Saved by shenyue after every change; edit by hand with care.\n", out);
	sy_review_write_yaml(out, rv, 0);
	xclose_memstream(out); /* a review cut short by a full memory is never saved */
	if (len)
		*len = n;
	return buf;
}

/* ---- reading ---- */

struct meta {
	char *by, *at;
};

static void meta_free(struct meta *m)
{
	free(m->by);
	free(m->at);
}

static int read_meta(struct sy_yaml *y, yaml_node_t *map, struct meta *m, char *err, size_t errlen)
{
	if (sy_yaml_get_str(y, map, "by", false, &m->by, err, errlen) < 0)
		return -1;
	return sy_yaml_get_str(y, map, "at", false, &m->at, err, errlen);
}

static int read_seen(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *n, char *err, size_t errlen)
{
	static const char *const keys[] = {"hash", "by", "at", NULL};
	char *hash = NULL;
	struct meta m = {0};
	uint64_t h;
	int rc = -1;
	if (sy_yaml_expect_map(y, n, "'seen'", err, errlen) < 0 ||
	    sy_yaml_check_keys(y, n, keys, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "hash", true, &hash, err, errlen) < 0 || read_meta(y, n, &m, err, errlen) < 0)
		goto out;
	if (sy_hash_parse(hash, &h) < 0) {
		sy_yaml_error(y, sy_yaml_get(y, n, "hash"), err, errlen, "'hash' must look like fnv1a64:<hex>");
		goto out;
	}
	sy_review_put(rv, SY_KEY_SEEN, hash, NULL, m.by, m.at);
	rc = 0;
out:
	free(hash);
	meta_free(&m);
	return rc;
}

static int read_verdict(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *n, char *err, size_t errlen)
{
	static const char *const keys[] = {"value", "label", "waiver", "by", "at", NULL};
	char *value = NULL, *waiver = NULL;
	struct meta m = {0};
	int rc = -1;
	if (sy_yaml_expect_map(y, n, "'verdict'", err, errlen) < 0 ||
	    sy_yaml_check_keys(y, n, keys, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "value", true, &value, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "waiver", false, &waiver, err, errlen) < 0 || read_meta(y, n, &m, err, errlen) < 0)
		goto out;
	if (sy_verdict_parse(value) <= 0) {
		sy_yaml_error(y, sy_yaml_get(y, n, "value"), err, errlen,
			      "'value' must be accept, return or pending");
		goto out;
	}
	sy_review_put(rv, SY_KEY_VERDICT, sy_verdict_name((enum sy_verdict)sy_verdict_parse(value)), waiver,
		      m.by, m.at);
	rc = 0;
out:
	free(value);
	free(waiver);
	meta_free(&m);
	return rc;
}

static int read_override(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *n, char *err, size_t errlen)
{
	static const char *const keys[] = {"part", "status", "reason", "by", "at", NULL};
	char *part = NULL, *status = NULL, *reason = NULL;
	struct meta m = {0};
	int rc = -1;
	if (sy_yaml_expect_map(y, n, "an override", err, errlen) < 0 ||
	    sy_yaml_check_keys(y, n, keys, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "part", true, &part, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "status", true, &status, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "reason", false, &reason, err, errlen) < 0 || read_meta(y, n, &m, err, errlen) < 0)
		goto out;
	if (sy_status_parse(status) < 0) {
		sy_yaml_error(y, sy_yaml_get(y, n, "status"), err, errlen,
			      "'status' must be present, partial or missing");
		goto out;
	}
	char *key = sy_key_override(part);
	sy_review_put(rv, key, status, reason, m.by, m.at);
	free(key);
	rc = 0;
out:
	free(part);
	free(status);
	free(reason);
	meta_free(&m);
	return rc;
}

/* Reads on/part/finding/line of a note into t (strings owned by the caller). */
static int read_note_target(struct sy_yaml *y, yaml_node_t *n, struct sy_note_target *t, char **on,
			    char **part, char **finding, char *err, size_t errlen)
{
	if (sy_yaml_get_str(y, n, "on", true, on, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "part", false, part, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "finding", false, finding, err, errlen) < 0 ||
	    sy_yaml_get_int(y, n, "line", 0, 100000000, &t->line, err, errlen) < 0)
		return -1;
	t->part = *part;
	t->finding = *finding;
	if (!strcmp(*on, "report"))
		t->on = SY_NOTE_REPORT;
	else if (!strcmp(*on, "part") && *part)
		t->on = SY_NOTE_PART;
	else if (!strcmp(*on, "finding") && *finding)
		t->on = SY_NOTE_FINDING;
	else
		return sy_yaml_error(y, sy_yaml_get(y, n, "on"), err, errlen,
				     "'on' must be report, part (with 'part') or finding (with 'finding')");
	return 0;
}

static int read_note(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *n, char *err, size_t errlen)
{
	static const char *const keys[] = {"on", "part", "finding", "line", "text", "by", "at", NULL};
	char *on = NULL, *part = NULL, *finding = NULL, *text = NULL;
	struct sy_note_target t = {0};
	struct meta m = {0};
	int rc = -1;
	if (sy_yaml_expect_map(y, n, "a note", err, errlen) < 0 ||
	    sy_yaml_check_keys(y, n, keys, err, errlen) < 0 ||
	    read_note_target(y, n, &t, &on, &part, &finding, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "text", true, &text, err, errlen) < 0 || read_meta(y, n, &m, err, errlen) < 0)
		goto out;
	char *key = sy_key_note(&t);
	sy_review_put(rv, key, text, NULL, m.by, m.at);
	free(key);
	rc = 0;
out:
	free(on);
	free(part);
	free(finding);
	free(text);
	meta_free(&m);
	return rc;
}

static int read_conflict(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *n, char *err, size_t errlen)
{
	static const char *const keys[] = {"key", "value", "reason", "by", "at", NULL};
	char *key = NULL, *value = NULL, *reason = NULL;
	struct meta m = {0};
	int rc = -1;
	if (sy_yaml_expect_map(y, n, "a conflict", err, errlen) < 0 ||
	    sy_yaml_check_keys(y, n, keys, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "key", true, &key, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "value", true, &value, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, "reason", false, &reason, err, errlen) < 0 || read_meta(y, n, &m, err, errlen) < 0)
		goto out;
	sy_review_add_conflict(rv, key, value, reason, m.by, m.at);
	rc = 0;
out:
	free(key);
	free(value);
	free(reason);
	meta_free(&m);
	return rc;
}

/* Reads a one-value item written by write_value_item. */
static int read_value_item(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *n, const char *key,
			   const char *field, char *err, size_t errlen)
{
	const char *keys[] = {field, "by", "at", NULL};
	char *value = NULL;
	struct meta m = {0};
	int rc = -1;
	if (sy_yaml_expect_map(y, n, key, err, errlen) < 0 || sy_yaml_check_keys(y, n, keys, err, errlen) < 0 ||
	    sy_yaml_get_str(y, n, field, true, &value, err, errlen) < 0 || read_meta(y, n, &m, err, errlen) < 0)
		goto out;
	sy_review_put(rv, key, value, NULL, m.by, m.at);
	rc = 0;
out:
	free(value);
	meta_free(&m);
	return rc;
}

static int read_unit(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *n, char *err, size_t errlen)
{
	return read_value_item(rv, y, n, SY_KEY_UNIT, "name", err, errlen);
}

static int read_received(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *n, char *err, size_t errlen)
{
	return read_value_item(rv, y, n, SY_KEY_RECEIVED, "date", err, errlen);
}

static int read_first_seen(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *n, char *err, size_t errlen)
{
	return read_value_item(rv, y, n, SY_KEY_FIRST_SEEN, "date", err, errlen);
}

typedef int (*read_item_fn)(struct sy_review *, struct sy_yaml *, yaml_node_t *, char *, size_t);

/* Reads every item of the list under key with fn. */
static int read_list(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *map, const char *key,
		     read_item_fn fn, char *err, size_t errlen)
{
	yaml_node_t *seq = sy_yaml_get(y, map, key);
	if (sy_yaml_is_null(seq))
		return 0;
	if (seq->type != YAML_SEQUENCE_NODE)
		return sy_yaml_error(y, seq, err, errlen, "'%s' must be a list", key);
	for (size_t i = 0; i < sy_yaml_len(seq); i++)
		if (fn(rv, y, sy_yaml_item(y, seq, i), err, errlen) < 0)
			return -1;
	return 0;
}

/* Reads the optional mapping under key with fn. */
static int read_one(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *map, const char *key,
		    read_item_fn fn, char *err, size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, map, key);
	return sy_yaml_is_null(n) ? 0 : fn(rv, y, n, err, errlen);
}

enum sy_parse_result sy_review_from_node(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *map, char *err,
					 size_t errlen)
{
	static const char *const keys[] = {"format", "report", "seen", "verdict", "unit", "received",
					   "first_seen", "overrides", "notes", "conflicts", NULL};
	long format = SY_REVIEW_FORMAT;
	char *report = NULL;
	if (sy_yaml_expect_map(y, map, "a review", err, errlen) < 0 ||
	    sy_yaml_get_int(y, map, "format", 1, 1000000, &format, err, errlen) < 0)
		return SY_PARSE_INVALID;
	if (format > SY_REVIEW_FORMAT) {
		sy_yaml_error(y, sy_yaml_get(y, map, "format"), err, errlen,
			      "written by a newer shenyue (format %ld)", format);
		return SY_PARSE_NEWER;
	}
	if (sy_yaml_check_keys(y, map, keys, err, errlen) < 0 ||
	    sy_yaml_get_str(y, map, "report", false, &report, err, errlen) < 0)
		return SY_PARSE_INVALID;
	struct sy_review tmp = {0};
	sy_review_init(&tmp, report);
	free(report);
	if (read_one(&tmp, y, map, "seen", read_seen, err, errlen) < 0 ||
	    read_one(&tmp, y, map, "verdict", read_verdict, err, errlen) < 0 ||
	    read_one(&tmp, y, map, "unit", read_unit, err, errlen) < 0 ||
	    read_one(&tmp, y, map, "received", read_received, err, errlen) < 0 ||
	    read_one(&tmp, y, map, "first_seen", read_first_seen, err, errlen) < 0 ||
	    read_list(&tmp, y, map, "overrides", read_override, err, errlen) < 0 ||
	    read_list(&tmp, y, map, "notes", read_note, err, errlen) < 0 ||
	    read_list(&tmp, y, map, "conflicts", read_conflict, err, errlen) < 0) {
		sy_review_free(&tmp);
		return SY_PARSE_INVALID;
	}
	sy_review_free(rv);
	*rv = tmp;
	return SY_PARSE_OK;
}

enum sy_parse_result sy_review_parse(struct sy_review *rv, const char *source, const char *text, size_t len,
				     char *err, size_t errlen)
{
	struct sy_yaml y;
	if (sy_yaml_parse(&y, source, text, len, err, errlen) < 0) {
		sy_yaml_free(&y);
		return SY_PARSE_INVALID;
	}
	yaml_node_t *root = sy_yaml_root(&y);
	enum sy_parse_result rc = SY_PARSE_INVALID;
	if (!root)
		sy_yaml_error(&y, NULL, err, errlen, "empty review file");
	else
		rc = sy_review_from_node(rv, &y, root, err, errlen);
	sy_yaml_free(&y);
	return rc;
}
