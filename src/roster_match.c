/* Matching reports to roster units, and the copy-paste tell: a report that
 * names another unit where it should name itself. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shenyue/findings.h"
#include "shenyue/i18n.h"
#include "shenyue/roster.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"

const char *sy_match_how_name(enum sy_match_how how)
{
	switch (how) {
	case SY_MATCH_AMBIGUOUS: return "ambiguous";
	case SY_MATCH_UNIT: return "unit";
	case SY_MATCH_TEXT: return "text";
	case SY_MATCH_FILE: return "file";
	case SY_MATCH_HAND: return "hand";
	case SY_MATCH_NONE: break;
	}
	return "none";
}

void sy_match_free(struct sy_match *m)
{
	free(m->hand_unknown);
	m->hand_unknown = NULL;
}

static void match_init(struct sy_match *m)
{
	memset(m, 0, sizeof *m);
	m->unit = -1;
	for (size_t i = 0; i < sizeof m->cand / sizeof *m->cand; i++)
		m->cand[i] = -1;
}

/* Adds unit u to the candidates (once). */
static void cand_add(struct sy_match *m, int u)
{
	for (size_t i = 0; i < sizeof m->cand / sizeof *m->cand; i++) {
		if (m->cand[i] == u)
			return;
		if (m->cand[i] < 0) {
			m->cand[i] = u;
			return;
		}
	}
}

/* Settles m from its candidates: one is a match by how, several ambiguous. */
static bool match_settle(struct sy_match *m, enum sy_match_how how)
{
	if (m->cand[0] < 0)
		return false;
	if (m->cand[1] < 0) {
		m->how = how;
		m->unit = m->cand[0];
		m->cand[0] = -1;
	} else {
		m->how = SY_MATCH_AMBIGUOUS;
	}
	return true;
}

/* True when unit u could be the one a report calls unit, whose place
 * prefix is place: a unit named with another county's prefix is not. */
static bool same_place(const struct sy_roster_unit *u, const char *place)
{
	if (!*place)
		return true;
	char *mine = sy_unit_place(u->name);
	bool same = !*mine || !strcmp(mine, place);
	free(mine);
	return same;
}

/* Stage 1: the unit the report names: its full name or an alias as the
 * roster writes it; else compared core to core (without county, 中共,
 * 人民政府...), unless both name different counties. */
static bool match_by_unit(const struct sy_roster *r, const char *unit, struct sy_match *m)
{
	if (!unit || !*unit)
		return false;
	int exact = sy_roster_find_unit(r, unit);
	if (exact >= 0) {
		cand_add(m, exact);
		return match_settle(m, SY_MATCH_UNIT);
	}
	char *core = sy_unit_core(unit);
	char *place = sy_unit_place(unit);
	if (r->index) { /* the keys equal to the core, from the index */
		uint32_t *ords;
		size_t n = sy_roster_keys_equal(r, core, &ords);
		for (size_t x = 0; x < n; x++) {
			int i = sy_roster_key_unit(r, ords[x]);
			if (same_place(&r->u[i], place))
				cand_add(m, i);
		}
		free(ords);
	} else {
		for (size_t i = 0; i < r->n; i++)
			for (size_t k = 0; k < r->u[i].keys.n; k++)
				if (!strcmp(r->u[i].keys.v[k], core) && same_place(&r->u[i], place))
					cand_add(m, (int)i);
	}
	free(core);
	free(place);
	return match_settle(m, SY_MATCH_UNIT);
}

/* A unit key found in a text: where, and how long. */
struct hit {
	int unit;
	size_t at, len;
};

/* Every occurrence of every unit key in text, in unit, key, then text
 * order: through the roster's index when it has one. */
static struct hit *find_hits(const struct sy_roster *r, const char *text, size_t *n)
{
	struct hit *h = NULL;
	*n = 0;
	if (r->index) {
		struct sy_key_hit *k = sy_roster_keys_find(r, text, n);
		h = xcalloc(*n + 1, sizeof *h);
		for (size_t a = 0; a < *n; a++)
			h[a] = (struct hit){ sy_roster_key_unit(r, k[a].ord), k[a].at, k[a].len };
		free(k);
		return h;
	}
	for (size_t i = 0; i < r->n; i++)
		for (size_t k = 0; k < r->u[i].keys.n; k++) {
			const char *key = r->u[i].keys.v[k];
			for (const char *p = text; (p = strstr(p, key)); p++) {
				h = xreallocarray(h, *n + 1, sizeof *h);
				h[(*n)++] = (struct hit){ (int)i, (size_t)(p - text), strlen(key) };
			}
		}
	return h;
}

/* True when hit a lies inside a longer hit of another unit (田镇 in 田镇街道). */
static bool hit_shadowed(const struct hit *h, size_t n, size_t a)
{
	for (size_t b = 0; b < n; b++)
		if (h[b].unit != h[a].unit && h[b].len > h[a].len && h[b].at <= h[a].at &&
		    h[b].at + h[b].len >= h[a].at + h[a].len)
			return true;
	return false;
}

/* Stages 2 and 3: unit names found in a text (title block, file name);
 * names inside a longer name of another unit do not count. */
static bool match_in_text(const struct sy_roster *r, const char *text, enum sy_match_how how,
			  struct sy_match *m)
{
	if (!text || !*text)
		return false;
	char *sq = sy_squeeze(text);
	size_t n;
	struct hit *h = find_hits(r, sq, &n);
	for (size_t a = 0; a < n; a++)
		if (!hit_shadowed(h, n, a))
			cand_add(m, h[a].unit);
	free(h);
	free(sq);
	return match_settle(m, how);
}

/* The file's name without folder and extension. */
static char *file_stem(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	const char *dot = strrchr(name, '.');
	return xstrndup(name, dot && dot > name ? (size_t)(dot - name) : strlen(name));
}

static bool match_by_hand(const struct sy_roster *r, const struct sy_review *rv, struct sy_match *m)
{
	const struct sy_item *it = rv ? sy_review_get(rv, SY_KEY_UNIT) : NULL;
	if (!it)
		return false;
	m->how = SY_MATCH_HAND;
	m->unit = sy_roster_find_unit(r, it->value);
	if (m->unit < 0)
		m->hand_unknown = xstrdup(it->value);
	return true;
}

void sy_roster_match(const struct sy_roster *r, const struct sy_report *rep,
		     const struct sy_review *rv, struct sy_match *m)
{
	match_init(m);
	if (match_by_hand(r, rv, m))
		return;
	if (rep->loaded && !rep->error && match_by_unit(r, rep->outline.unit, m))
		return;
	if (rep->loaded && !rep->error) {
		char *block = sy_report_title_block(rep);
		bool found = match_in_text(r, block, SY_MATCH_TEXT, m);
		free(block);
		if (found)
			return;
	}
	char *stem = file_stem(rep->path);
	match_in_text(r, stem, SY_MATCH_FILE, m);
	free(stem);
}

/* ---- the copy-paste tell ---- */

/* The code point just before byte offset at of s, or 0 at its start. */
static uint32_t cp_before(const char *s, size_t at)
{
	if (!at)
		return 0;
	size_t b = at - 1;
	while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
		b--;
	size_t l;
	return utf8_decode(s + b, at - b, &l);
}

/* True when a unit named at byte at of squeezed line s stands where a
 * report names itself: at the start of the line (after a heading marker)
 * or of a clause, and not in a list (石门镇、云溪镇 / 石门镇和云溪镇). */
static bool at_subject(const char *s, size_t at, size_t len)
{
	size_t mlen = 0;
	bool start = at == 0 || (sy_heading_marker(s, &mlen) && at == mlen);
	uint32_t before = cp_before(s, at);
	if (!start && !strchr(",;:!?", (int)(before < 128 ? before : 1)) && before != 0x3002 /* 。 */)
		return false;
	const char *after = s + at + len;
	static const char *const joins[] = { "、", "和", "与", "及", "同", "等", NULL };
	for (const char *const *j = joins; *j; j++)
		if (!strncmp(after, *j, strlen(*j)))
			return false;
	return true;
}

/* True for the lines where a report names itself whatever the wording. */
static bool self_line(enum sy_line_kind k)
{
	return k == SY_LK_UNIT || k == SY_LK_TITLE || k == SY_LK_SIGNATURE || k == SY_LK_DATE;
}

static bool text_line(enum sy_line_kind k)
{
	return k == SY_LK_TEXT || k == SY_LK_PREAMBLE || k == SY_LK_HEADING;
}

/* How often another unit is named as if it were the report's own, and
 * the first line. */
struct tell {
	int unit;
	size_t count;
	long first;
};

/* Counts hit a of line i (kind k, squeezed s) for its unit, when that unit
 * (not own, of own's kind) is named there as the report's own would be. */
static void tell_add(const struct sy_roster *r, int own, const struct hit *h, size_t n, size_t a, size_t i,
		     enum sy_line_kind k, const char *s, struct tell **t, size_t *nt)
{
	int o = h[a].unit;
	enum sy_unit_kind kind = r->u[own].kind;
	if (o == own || (kind != SY_KIND_UNKNOWN && r->u[o].kind != kind) || hit_shadowed(h, n, a))
		return;
	for (size_t b = 0; b < n; b++)
		if (h[b].unit == own && h[b].at < h[a].at + h[a].len && h[a].at < h[b].at + h[b].len)
			return; /* inside the report's own name */
	if (!self_line(k) && !at_subject(s, h[a].at, h[a].len))
		return;
	size_t x = 0;
	while (x < *nt && (*t)[x].unit != o)
		x++;
	if (x == *nt) {
		*t = xreallocarray(*t, *nt + 1, sizeof **t);
		(*t)[(*nt)++] = (struct tell){ o, 0, (long)i + 1 };
	}
	(*t)[x].count++;
}

static int cmp_tell(const void *a, const void *b)
{
	const struct tell *x = a, *y = b;
	return (x->unit > y->unit) - (x->unit < y->unit);
}

void sy_roster_check_tells(const struct sy_roster *r, struct sy_report *rep, int unit)
{
	if (!rep->loaded || rep->error)
		return;
	sy_finding_drop(&rep->score, "other-unit");
	if (!r || unit < 0 || (size_t)unit >= r->n)
		return;
	/* one pass over the lines for every unit (not a pass for each) */
	struct tell *t = NULL;
	size_t nt = 0;
	for (size_t i = 0; i < rep->doc.nlines && i < rep->outline.nlines; i++) {
		enum sy_line_kind k = rep->outline.kind[i];
		if (!self_line(k) && !text_line(k))
			continue;
		const char *s = rep->doc.lines[i].sq;
		size_t n;
		struct hit *h = find_hits(r, s, &n);
		for (size_t a = 0; a < n; a++)
			tell_add(r, unit, h, n, a, i, k, s, &t, &nt);
		free(h);
	}
	if (nt > 1)
		qsort(t, nt, sizeof *t, cmp_tell); /* the units in roster order, as the findings were */
	for (size_t x = 0; x < nt; x++)
		sy_finding_add(&rep->score, SY_FIND_OTHER_UNIT, t[x].first, NULL, r->u[t[x].unit].name, t[x].count,
			       t[x].first);
	free(t);
}

void sy_roster_check_batch(const struct sy_roster *r, struct sy_batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		struct sy_match m;
		sy_roster_match(r, &b->r[i], NULL, &m);
		sy_roster_check_tells(r, &b->r[i], m.unit);
		sy_match_free(&m);
	}
}
