/* The roster (名单): loading it from YAML or CSV into a scratch copy that is
 * committed only when the whole file is valid, and the name forms a report
 * may use for a unit. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "shenyue/doc.h"
#include "shenyue/fileio.h"
#include "shenyue/i18n.h"
#include "shenyue/meta.h"
#include "shenyue/roster.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

#define ROSTER_MAX_FILE (4u * 1024 * 1024)

const char *const sy_roster_names[] = { "名单.yaml", "名单.yml", "名单.csv", "roster.yaml",
					"roster.yml", "roster.csv", NULL };

/* ---- kinds ---- */

static const struct {
	enum sy_unit_kind kind;
	const char *words[6];
} kind_words[] = {
	{ SY_KIND_TOWN, { "乡镇", "镇", "乡", "town", "township", NULL } },
	{ SY_KIND_STREET, { "街道", "街道办事处", "办事处", "street", NULL } },
	{ SY_KIND_DEPT, { "部门", "县直部门", "单位", "department", "dept", NULL } },
	{ SY_KIND_COUNTY, { "县政府", "政府", "区政府", "县人民政府", "county", NULL } },
};

const char *sy_unit_kind_label(enum sy_unit_kind k)
{
	switch (k) {
	case SY_KIND_TOWN: return "乡镇";
	case SY_KIND_STREET: return "街道";
	case SY_KIND_DEPT: return "部门";
	case SY_KIND_COUNTY: return "县政府";
	case SY_KIND_UNKNOWN: break;
	}
	return "";
}

int sy_unit_kind_parse(const char *s)
{
	char *sq = sy_squeeze(s);
	int found = -1;
	for (size_t i = 0; i < sizeof kind_words / sizeof *kind_words && found < 0; i++)
		for (const char *const *w = kind_words[i].words; *w && found < 0; w++)
			if (!strcasecmp(sq, *w))
				found = (int)kind_words[i].kind;
	free(sq);
	return found;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !memcmp(s + n - k, suffix, k);
}

enum sy_unit_kind sy_unit_kind_guess(const char *name)
{
	char *c = sy_squeeze(name);
	enum sy_unit_kind k = SY_KIND_UNKNOWN;
	if (ends_with(c, "镇") || ends_with(c, "乡") || ends_with(c, "镇人民政府") || ends_with(c, "乡人民政府"))
		k = SY_KIND_TOWN;
	else if (ends_with(c, "街道") || ends_with(c, "办事处"))
		k = SY_KIND_STREET;
	else if (ends_with(c, "人民政府") || ends_with(c, "县政府") || ends_with(c, "区政府"))
		k = SY_KIND_COUNTY;
	else if (ends_with(c, "局") || ends_with(c, "委") || ends_with(c, "办") || ends_with(c, "委员会") ||
		 ends_with(c, "中心") || ends_with(c, "院") || ends_with(c, "所"))
		k = SY_KIND_DEPT;
	free(c);
	return k;
}

/* ---- name cores ---- */

/* Number of code points in the first n bytes of s. */
static size_t cp_count(const char *s, size_t n)
{
	char *t = xstrndup(s, n);
	size_t c = utf8_count(t);
	free(t);
	return c;
}

/* Removes one of the suffixes that only say what kind of body a unit is. */
static void strip_suffix(char *s)
{
	static const char *const tails[] = { "人民政府", "办事处", "工作委员会", "委员会", "党工委",
					     "党委", "党组", NULL };
	for (const char *const *t = tails; *t; t++)
		if (ends_with(s, *t) && strlen(s) > strlen(*t)) {
			s[strlen(s) - strlen(*t)] = '\0';
			return;
		}
}

/* Length in bytes of a leading place prefix (鲁山县, 平顶山市鲁山县, 渠县) that
 * leaves a name of two characters or more, or 0. */
static size_t place_prefix(const char *s)
{
	static const char *const ends[] = { "省", "市", "州", "县", "区", "旗", NULL };
	size_t n = strlen(s), best = 0;
	for (size_t i = 0, chars = 0; i < n && chars < 8;) {
		size_t l;
		utf8_decode(s + i, n - i, &l);
		i += l;
		chars++;
		for (const char *const *e = ends; *e; e++) {
			size_t el = strlen(*e);
			if (i >= el && !memcmp(s + i - el, *e, el) && cp_count(s + i, n - i) >= 2)
				best = i;
		}
	}
	/* the rest must name a place, not be a bare kind word (城区街道 keeps 城区) */
	if (best && sy_unit_kind_parse(s + best) >= 0)
		return 0;
	return best;
}

char *sy_unit_core(const char *name)
{
	char *s = sy_squeeze(name);
	const char *t = sy_meta_skip_party(s);
	memmove(s, t, strlen(t) + 1);
	strip_suffix(s);
	size_t pre = place_prefix(s);
	if (pre)
		memmove(s, s + pre, strlen(s + pre) + 1);
	/* 青禾县人民政府石桥街道办事处: the county government's street office */
	if (pre && !strncmp(s, "人民政府", 12) && utf8_count(s + 12) >= 2)
		memmove(s, s + 12, strlen(s + 12) + 1);
	if (utf8_count(s) < 2) {
		free(s);
		return sy_squeeze(name);
	}
	return s;
}

char *sy_unit_place(const char *name)
{
	char *s = sy_squeeze(name);
	const char *t = sy_meta_skip_party(s);
	memmove(s, t, strlen(t) + 1);
	strip_suffix(s);
	size_t pre = place_prefix(s);
	s[pre] = '\0';
	return s;
}

/* ---- the loaded roster ---- */

static void unit_free(struct sy_roster_unit *u)
{
	free(u->name);
	free(u->contact);
	sy_strlist_free(&u->aliases);
	sy_strlist_free(&u->keys);
}

void sy_roster_free(struct sy_roster *r)
{
	for (size_t i = 0; i < r->n; i++)
		unit_free(&r->u[i]);
	free(r->u);
	free(r->source);
	sy_roster_keys_free(r->index);
	memset(r, 0, sizeof *r);
}

static bool list_has(const struct sy_strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return true;
	return false;
}

static void add_key(struct sy_strlist *keys, char *k)
{
	if (utf8_count(k) >= 2 && !list_has(keys, k))
		sy_strlist_add(keys, k);
	free(k);
}

/* The forms a report may use: name and aliases, squeezed, and their cores. */
static void unit_build_keys(struct sy_roster_unit *u)
{
	add_key(&u->keys, sy_squeeze(u->name));
	add_key(&u->keys, sy_unit_core(u->name));
	for (size_t i = 0; i < u->aliases.n; i++) {
		add_key(&u->keys, sy_squeeze(u->aliases.v[i]));
		add_key(&u->keys, sy_unit_core(u->aliases.v[i]));
	}
	if (u->kind == SY_KIND_UNKNOWN)
		u->kind = sy_unit_kind_guess(u->name);
}

int sy_roster_find_unit(const struct sy_roster *r, const char *name)
{
	char *sq = sy_squeeze(name);
	int found = -1;
	if (r->index) { /* a hash of the squeezed names, not every unit's squeezed again */
		found = sy_roster_keys_named(r, sq);
		free(sq);
		return found;
	}
	for (size_t i = 0; i < r->n && found < 0; i++) {
		char *n = sy_squeeze(r->u[i].name);
		if (!strcmp(n, sq))
			found = (int)i;
		for (size_t a = 0; a < r->u[i].aliases.n && found < 0; a++) {
			char *al = sy_squeeze(r->u[i].aliases.v[a]);
			if (!strcmp(al, sq))
				found = (int)i;
			free(al);
		}
		free(n);
	}
	free(sq);
	return found;
}

/* Splits a list of aliases written 云溪、云溪乡 or 云溪;云溪乡 into l. */
static void split_aliases(struct sy_strlist *l, const char *s)
{
	char *norm = sy_normalise(s); /* ； becomes ; */
	char *p = norm;
	while (*p) {
		size_t n = strcspn(p, ";,");
		char *sep = strstr(p, "、");
		if (sep && (size_t)(sep - p) < n)
			n = (size_t)(sep - p);
		char *one = xstrndup(p, n);
		char *sq = sy_squeeze(one);
		if (*sq && !list_has(l, sq))
			sy_strlist_add(l, sq);
		free(sq);
		free(one);
		p += n;
		if (!strncmp(p, "、", 3))
			p += 3;
		else if (*p)
			p++;
	}
	free(norm);
}

/* ---- YAML ---- */

static int yaml_unit_scalar(struct sy_yaml *y, yaml_node_t *n, struct sy_roster_unit *u, char *err,
			    size_t errlen)
{
	const char *s = sy_yaml_scalar(n);
	if (!s || !*s)
		return sy_yaml_error(y, n, err, errlen, _("a unit needs a name"));
	u->name = sy_squeeze(s);
	return 0;
}

static int yaml_unit_kind(struct sy_yaml *y, yaml_node_t *map, struct sy_roster_unit *u, char *err,
			  size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, map, "kind");
	if (sy_yaml_is_null(n))
		return 0;
	const char *s = sy_yaml_scalar(n);
	int k = s ? sy_unit_kind_parse(s) : -1;
	if (k < 0)
		return sy_yaml_error(y, n, err, errlen, _("unknown kind '%s' (乡镇, 街道, 部门 or 县政府)"),
				     s ? s : "?");
	u->kind = (enum sy_unit_kind)k;
	return 0;
}

static int yaml_unit(struct sy_yaml *y, yaml_node_t *n, struct sy_roster_unit *u, char *err, size_t errlen)
{
	static const char *const keys[] = { "name", "aliases", "kind", "contact", NULL };
	u->line = (long)n->start_mark.line + 1;
	if (n->type == YAML_SCALAR_NODE)
		return yaml_unit_scalar(y, n, u, err, errlen);
	struct sy_strlist raw = {0};
	char *name = NULL;
	int rc = -1;
	if (sy_yaml_expect_map(y, n, _("a unit"), err, errlen) || sy_yaml_check_keys(y, n, keys, err, errlen) ||
	    sy_yaml_get_str(y, n, "name", true, &name, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "aliases", &raw, err, errlen) || yaml_unit_kind(y, n, u, err, errlen) ||
	    sy_yaml_get_str(y, n, "contact", false, &u->contact, err, errlen))
		goto out;
	u->name = sy_squeeze(name);
	if (!*u->name) {
		rc = sy_yaml_error(y, sy_yaml_get(y, n, "name"), err, errlen, _("a unit needs a name"));
		goto out;
	}
	for (size_t i = 0; i < raw.n; i++)
		split_aliases(&u->aliases, raw.v[i]);
	rc = 0;
out:
	free(name);
	sy_strlist_free(&raw);
	return rc;
}

/* Fails when unit i repeats the name or an alias of an earlier unit. */
static int unit_unique(const struct sy_roster *r, size_t i, char *dup, size_t duplen)
{
	const struct sy_roster_unit *u = &r->u[i];
	for (size_t j = 0; j < i; j++) {
		const struct sy_roster_unit *o = &r->u[j];
		const char *clash = NULL;
		if (!strcmp(o->name, u->name) || list_has(&o->aliases, u->name))
			clash = u->name;
		for (size_t a = 0; !clash && a < u->aliases.n; a++)
			if (!strcmp(o->name, u->aliases.v[a]) || list_has(&o->aliases, u->aliases.v[a]))
				clash = u->aliases.v[a];
		if (clash) {
			snprintf(dup, duplen, _("'%s' is already unit '%s' (line %ld)"), clash, o->name, o->line);
			return -1;
		}
	}
	return 0;
}

static int yaml_load(struct sy_roster *r, struct sy_yaml *y, char *err, size_t errlen)
{
	static const char *const keys[] = { "units", NULL };
	yaml_node_t *root = sy_yaml_root(y);
	if (!root)
		return sy_yaml_error(y, NULL, err, errlen, _("the roster is empty"));
	if (sy_yaml_expect_map(y, root, _("the roster"), err, errlen) ||
	    sy_yaml_check_keys(y, root, keys, err, errlen))
		return -1;
	yaml_node_t *seq = sy_yaml_get(y, root, "units");
	if (!seq || seq->type != YAML_SEQUENCE_NODE || !sy_yaml_len(seq))
		return sy_yaml_error(y, seq ? seq : root, err, errlen, _("'units' must be a non-empty list"));
	r->n = sy_yaml_len(seq);
	r->u = xcalloc(r->n, sizeof *r->u);
	for (size_t i = 0; i < r->n; i++) {
		yaml_node_t *item = sy_yaml_item(y, seq, i);
		char dup[512];
		if (yaml_unit(y, item, &r->u[i], err, errlen))
			return -1;
		if (unit_unique(r, i, dup, sizeof dup))
			return sy_yaml_error(y, item, err, errlen, "%s", dup);
	}
	return 0;
}

/* ---- CSV ---- */

/* A CSV reader over decoded UTF-8 text that knows its line and column. */
struct csv {
	const char *source;
	const char *p;
	long line, col;       /* of p, 1-based; col counts characters */
	const char *delim;    /* "," "\t" ";" or "，" */
	char *err;
	size_t errlen;
};

struct csv_field {
	char *text;
	long line, col;
};

struct csv_row {
	struct csv_field *f;
	size_t n;
};

static int csv_error(struct csv *c, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int csv_error(struct csv *c, long line, long col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(c->err, c->errlen, "%s:%ld:%ld: %s", c->source, line, col, msg);
	return -1;
}

/* Moves past one character, keeping line and column. */
static void csv_advance(struct csv *c)
{
	if (*c->p == '\n') {
		c->line++;
		c->col = 1;
		c->p++;
		return;
	}
	size_t l;
	utf8_decode_str(c->p, &l);
	c->p += l;
	c->col++;
}

static bool csv_at_delim(const struct csv *c)
{
	return !strncmp(c->p, c->delim, strlen(c->delim));
}

static void csv_skip_delim(struct csv *c)
{
	for (size_t i = 0, n = utf8_count(c->delim); i < n; i++)
		csv_advance(c);
}

/* Reads a quoted field ("a ""b"""), the opening quote at c->p. */
static int csv_quoted(struct csv *c, struct sy_buf *b)
{
	long line = c->line, col = c->col;
	csv_advance(c);
	for (;;) {
		if (!*c->p)
			return csv_error(c, line, col, _("a quoted field is never closed"));
		if (*c->p == '"' && c->p[1] == '"') {
			sy_buf_add(b, "\"", 1);
			csv_advance(c);
			csv_advance(c);
		} else if (*c->p == '"') {
			csv_advance(c);
			break;
		} else {
			const char *start = c->p;
			csv_advance(c);
			sy_buf_add(b, start, (size_t)(c->p - start));
		}
	}
	while (*c->p == ' ')
		csv_advance(c);
	if (*c->p && *c->p != '\n' && !csv_at_delim(c))
		return csv_error(c, c->line, c->col, _("text after the closing quote of a field"));
	return 0;
}

static int csv_field(struct csv *c, struct csv_field *f)
{
	struct sy_buf b = {0};
	sy_buf_add(&b, "", 0);
	f->line = c->line;
	f->col = c->col;
	while (*c->p == ' ')
		csv_advance(c);
	if (*c->p == '"') {
		if (csv_quoted(c, &b)) {
			sy_buf_free(&b);
			return -1;
		}
	} else {
		while (*c->p && *c->p != '\n' && !csv_at_delim(c)) {
			const char *start = c->p;
			csv_advance(c);
			sy_buf_add(&b, start, (size_t)(c->p - start));
		}
	}
	char *raw = sy_buf_steal(&b);
	f->text = sy_squeeze(raw);
	free(raw);
	return 0;
}

static void csv_row_free(struct csv_row *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->f[i].text);
	free(r->f);
	memset(r, 0, sizeof *r);
}

/* Reads one row; false at the end of the text. */
static int csv_row(struct csv *c, struct csv_row *r)
{
	memset(r, 0, sizeof *r);
	if (!*c->p)
		return 0;
	for (;;) {
		r->f = xreallocarray(r->f, r->n + 1, sizeof *r->f);
		if (csv_field(c, &r->f[r->n]) < 0) {
			csv_row_free(r);
			return -1;
		}
		r->n++;
		if (csv_at_delim(c)) {
			csv_skip_delim(c);
			continue;
		}
		if (*c->p == '\n')
			csv_advance(c);
		return 1;
	}
}

static bool row_blank(const struct csv_row *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (*r->f[i].text)
			return false;
	return true;
}

/* The delimiter the header row uses: comma, tab (Excel's Unicode text),
 * semicolon, or a full-width comma. */
static const char *csv_guess_delim(const char *text)
{
	size_t n = strcspn(text, "\n");
	char *head = xstrndup(text, n);
	const char *d = strchr(head, ',') ? "," : strchr(head, '\t') ? "\t" : strstr(head, "，") ? "，"
		      : strchr(head, ';') ? ";" : ",";
	free(head);
	return d;
}

enum csv_col { COL_NAME, COL_ALIASES, COL_KIND, COL_CONTACT, NCOLS };

static int csv_column_of(const char *h)
{
	static const char *const names[NCOLS][6] = {
		{ "单位", "单位名称", "名称", "name", "unit", NULL },
		{ "简称", "别名", "aliases", "alias", NULL, NULL },
		{ "类型", "类别", "kind", "type", NULL, NULL },
		{ "联系人", "联系方式", "contact", NULL, NULL, NULL },
	};
	for (int c = 0; c < NCOLS; c++)
		for (const char *const *n = names[c]; *n; n++)
			if (!strcasecmp(h, *n))
				return c;
	return -1;
}

static int csv_header(struct csv *c, const struct csv_row *h, int cols[NCOLS])
{
	for (int k = 0; k < NCOLS; k++)
		cols[k] = -1;
	for (size_t i = 0; i < h->n; i++) {
		int k = csv_column_of(h->f[i].text);
		if (k >= 0 && cols[k] >= 0)
			return csv_error(c, h->f[i].line, h->f[i].col, _("column '%s' appears twice"), h->f[i].text);
		if (k >= 0)
			cols[k] = (int)i;
	}
	if (cols[COL_NAME] < 0)
		return csv_error(c, h->n ? h->f[0].line : 1, 1,
				 _("the header row has no 单位 (name) column: 单位,简称,类型,联系人"));
	return 0;
}

static const struct csv_field *row_get(const struct csv_row *r, int col)
{
	return col >= 0 && (size_t)col < r->n ? &r->f[col] : NULL;
}

static int csv_unit(struct csv *c, const struct csv_row *row, const int cols[NCOLS], struct sy_roster_unit *u)
{
	const struct csv_field *name = row_get(row, cols[COL_NAME]);
	const struct csv_field *al = row_get(row, cols[COL_ALIASES]);
	const struct csv_field *kind = row_get(row, cols[COL_KIND]);
	const struct csv_field *contact = row_get(row, cols[COL_CONTACT]);
	u->line = row->f[0].line;
	if (!name || !*name->text)
		return csv_error(c, name ? name->line : row->f[0].line, name ? name->col : 1,
				 _("a unit needs a name"));
	u->name = xstrdup(name->text);
	if (al)
		split_aliases(&u->aliases, al->text);
	if (kind && *kind->text) {
		int k = sy_unit_kind_parse(kind->text);
		if (k < 0)
			return csv_error(c, kind->line, kind->col, _("unknown kind '%s' (乡镇, 街道, 部门 or 县政府)"),
					 kind->text);
		u->kind = (enum sy_unit_kind)k;
	}
	if (contact && *contact->text)
		u->contact = xstrdup(contact->text);
	return 0;
}

static int csv_load(struct sy_roster *r, struct csv *c)
{
	struct csv_row row;
	int cols[NCOLS], got;
	while ((got = csv_row(c, &row)) > 0 && row_blank(&row))
		csv_row_free(&row);
	if (got <= 0)
		return got < 0 ? -1 : csv_error(c, 1, 1, _("the roster is empty"));
	int rc = csv_header(c, &row, cols);
	csv_row_free(&row);
	while (rc == 0 && (got = csv_row(c, &row)) > 0) {
		if (!row_blank(&row)) {
			r->u = xreallocarray(r->u, r->n + 1, sizeof *r->u);
			memset(&r->u[r->n], 0, sizeof *r->u);
			rc = csv_unit(c, &row, cols, &r->u[r->n++]);
			char dup[512];
			if (!rc && unit_unique(r, r->n - 1, dup, sizeof dup))
				rc = csv_error(c, row.f[0].line, row.f[0].col, "%s", dup);
		}
		csv_row_free(&row);
	}
	if (rc == 0 && got < 0)
		rc = -1;
	if (rc == 0 && !r->n)
		rc = csv_error(c, c->line, 1, _("the roster lists no units under its header"));
	return rc;
}

/* ---- entry points ---- */

/* Decodes roster bytes (UTF-8 with or without BOM, GB18030, UTF-16) into
 * UTF-8 text with LF line ends, line for line. */
static char *roster_decode(const char *source, const char *bytes, size_t len, char *err, size_t errlen)
{
	struct sy_doc d;
	char why[256];
	if (sy_doc_decode(&d, source, (const unsigned char *)bytes, len, why, sizeof why)) {
		snprintf(err, errlen, "%s:1:1: %s", source, why);
		sy_doc_free(&d);
		return NULL;
	}
	if (d.nbad) {
		snprintf(err, errlen, _("%s:%zu:1: bytes that are neither UTF-8 nor GB18030"), source, d.bad[0].line);
		sy_doc_free(&d);
		return NULL;
	}
	struct sy_buf b = {0};
	sy_buf_add(&b, "", 0);
	for (size_t i = 0; i < d.nlines; i++)
		sy_buf_printf(&b, "%s\n", d.lines[i].text);
	sy_doc_free(&d);
	return sy_buf_steal(&b);
}

static int roster_parse(struct sy_roster *r, const char *source, const char *text, bool yaml, char *err,
			size_t errlen)
{
	if (!yaml) {
		struct csv c = { source, text, 1, 1, csv_guess_delim(text), err, errlen };
		return csv_load(r, &c);
	}
	struct sy_yaml y;
	int rc = sy_yaml_parse(&y, source, text, strlen(text), err, errlen);
	if (!rc)
		rc = yaml_load(r, &y, err, errlen);
	sy_yaml_free(&y);
	return rc;
}

int sy_roster_load_string(struct sy_roster *r, const char *source, const char *text, size_t len,
			  bool yaml, char *err, size_t errlen)
{
	char *utf8 = roster_decode(source, text, len, err, errlen);
	if (!utf8)
		return -1;
	struct sy_roster scratch = {0};
	int rc = roster_parse(&scratch, source, utf8, yaml, err, errlen);
	free(utf8);
	if (rc) {
		sy_roster_free(&scratch);
		return -1;
	}
	for (size_t i = 0; i < scratch.n; i++)
		unit_build_keys(&scratch.u[i]);
	sy_roster_index(&scratch);
	scratch.source = xstrdup(source);
	*r = scratch;
	return 0;
}

static bool is_yaml_name(const char *path)
{
	size_t n = strlen(path);
	return (n > 5 && !strcasecmp(path + n - 5, ".yaml")) || (n > 4 && !strcasecmp(path + n - 4, ".yml"));
}

int sy_roster_load_file(struct sy_roster *r, const char *path, char *err, size_t errlen)
{
	char *text;
	size_t len;
	struct stat sb;
	enum sy_read_result rd = sy_file_read(path, ROSTER_MAX_FILE, &text, &len, &sb);
	if (rd != SY_READ_OK) {
		if (rd == SY_READ_TOO_BIG)
			snprintf(err, errlen, _("%s: larger than %u MiB, not a roster"), path, ROSTER_MAX_FILE >> 20);
		else /* a FIFO is named as one, never waited on */
			snprintf(err, errlen, "%s: %s", path, sy_read_strerror(rd, &sb, ROSTER_MAX_FILE));
		return -1;
	}
	int rc = sy_roster_load_string(r, path, text, len, is_yaml_name(path), err, errlen);
	free(text);
	return rc;
}

char *sy_roster_find(const char *folder)
{
	for (const char *const *n = sy_roster_names; *n; n++) {
		char *p = xasprintf("%s/%s", folder, *n);
		struct stat st;
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			return p;
		free(p);
	}
	return NULL;
}

/* The folder a batch path stands for: itself, or the file's folder. */
static char *path_folder(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return xstrdup(path);
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, (size_t)(slash - path) + (slash == path)) : xstrdup(".");
}

char *sy_roster_pick(const char *explicit_path, char *const *paths, size_t npaths,
		     const char *configured)
{
	if (explicit_path && *explicit_path)
		return xstrdup(explicit_path);
	for (size_t i = 0; i < npaths; i++) {
		char *dir = path_folder(paths[i]);
		char *found = sy_roster_find(dir);
		free(dir);
		if (found)
			return found;
	}
	if (!npaths) {
		char *found = sy_roster_find(".");
		if (found)
			return found;
	}
	return configured && *configured ? xstrdup(configured) : NULL;
}
