/* Word's paragraph styles and automatic numbering, so a heading numbered by
 * Word reads 一、 exactly as a human sees it. Counters follow Word: lists
 * that share an abstractNum continue each other's numbers, a num's
 * startOverride restarts them, and a level restarts when a higher one is
 * used (lvlRestart can say otherwise). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docin_word.h"
#include "shenyue/i18n.h"
#include "shenyue/utf8.h"

#define LEVELS 9

bool word_ns(const struct sy_xml *x)
{
	return !strcmp(x->ns, W_NS) || !strcmp(x->ns, W_NS_STRICT);
}

char *word_attr(const struct sy_xml *x, const char *local)
{
	char *v = sy_xml_attr(x, W_NS, local);
	return v ? v : sy_xml_attr(x, W_NS_STRICT, local);
}

int word_int(const struct sy_xml *x, const char *local, int lo, int hi, int dflt)
{
	char *v = word_attr(x, local), *end;
	if (!v)
		return dflt;
	long n = strtol(v, &end, 10);
	bool ok = end != v && n >= lo && n <= hi;
	free(v);
	return ok ? (int)n : dflt;
}

bool word_on(const struct sy_xml *x)
{
	char *v = word_attr(x, "val");
	bool on = !v || !(!strcmp(v, "0") || !strcasecmp(v, "false") || !strcasecmp(v, "off"));
	free(v);
	return on;
}

/* Replaces *slot with the w:val of the current element. */
static void take_val(const struct sy_xml *x, char **slot)
{
	free(*slot);
	*slot = word_attr(x, "val");
}

/* ---------------- styles ---------------- */

struct word_style {
	char *id;
	char *name;
	char *based_on;
	bool is_default;
	struct word_para_props p;
};

struct word_styles {
	struct word_style *v;
	size_t n;
};

static void style_child(const struct sy_xml *x, struct word_style *st)
{
	if (!strcmp(x->local, "name"))
		take_val(x, &st->name);
	else if (!strcmp(x->local, "basedOn"))
		take_val(x, &st->based_on);
	else if (!strcmp(x->local, "outlineLvl"))
		st->p.outline = word_int(x, "val", 0, 9, -1);
	else if (!strcmp(x->local, "numId"))
		st->p.num_id = word_int(x, "val", 0, 1 << 30, -1);
	else if (!strcmp(x->local, "ilvl"))
		st->p.ilvl = word_int(x, "val", 0, LEVELS - 1, -1);
}

/* Starts a w:style entry when it is a paragraph style; returns it or NULL. */
static struct word_style *style_start(struct sy_xml *x, struct word_styles *s)
{
	char *type = word_attr(x, "type");
	bool para = !type || !strcmp(type, "paragraph");
	free(type);
	if (!para) {
		sy_xml_skip(x);
		return NULL;
	}
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	struct word_style *st = &s->v[s->n++];
	memset(st, 0, sizeof *st);
	st->p = (struct word_para_props){ -1, -1, -1 };
	st->id = word_attr(x, "styleId");
	char *dflt = word_attr(x, "default");
	st->is_default = dflt && (!strcmp(dflt, "1") || !strcasecmp(dflt, "true") || !strcasecmp(dflt, "on"));
	free(dflt);
	return st;
}

struct word_styles *word_styles_parse(const char *xml, size_t len, char *err, size_t errlen)
{
	struct word_styles *s = xcalloc(1, sizeof *s);
	if (!xml)
		return s;
	struct sy_xml x;
	struct word_style *cur = NULL;
	int rc = sy_xml_open(&x, xml, len, "word/styles.xml");
	while (rc == 0 && (rc = sy_xml_next(&x)) > 0) {
		rc = 0;
		if (x.type == SY_XML_END && word_ns(&x) && !strcmp(x.local, "style"))
			cur = NULL;
		if (x.type != SY_XML_ELEMENT || !word_ns(&x))
			continue;
		if (!strcmp(x.local, "style"))
			cur = style_start(&x, s);
		else if (!strcmp(x.local, "tblPr") || !strcmp(x.local, "tblStylePr") || !strcmp(x.local, "rPr") ||
			 !strcmp(x.local, "docDefaults") || !strcmp(x.local, "latentStyles"))
			sy_xml_skip(&x);
		else if (cur)
			style_child(&x, cur);
	}
	if (rc < 0) {
		snprintf(err, errlen, "%s", x.err);
		sy_xml_close(&x);
		word_styles_free(s);
		return NULL;
	}
	sy_xml_close(&x);
	return s;
}

static const struct word_style *find_style(const struct word_styles *s, const char *id)
{
	for (size_t i = 0; id && i < s->n; i++)
		if (s->v[i].id && !strcmp(s->v[i].id, id))
			return &s->v[i];
	if (!id)
		for (size_t i = 0; i < s->n; i++)
			if (s->v[i].is_default)
				return &s->v[i];
	return NULL;
}

/* Word's built-in heading styles by name: "heading 2", WPS "标题 2". */
static int heading_name_level(const char *name)
{
	if (!name)
		return -1;
	const char *p = NULL;
	if (!strncasecmp(name, "heading ", 8))
		p = name + 8;
	else if (!strncmp(name, "标题 ", strlen("标题 ")))
		p = name + strlen("标题 ");
	else if (!strncmp(name, "标题", strlen("标题")))
		p = name + strlen("标题");
	if (!p || *p < '1' || *p > '9' || p[1])
		return -1;
	return *p - '1';
}

struct word_para_props word_style_props(const struct word_styles *s, const char *id)
{
	struct word_para_props out = { -1, -1, -1 };
	const struct word_style *st = find_style(s, id);
	for (int hops = 0; st && hops < 32; hops++) {
		if (out.outline < 0)
			out.outline = st->p.outline >= 0 ? st->p.outline : heading_name_level(st->name);
		if (out.num_id < 0 && st->p.num_id >= 0) {
			out.num_id = st->p.num_id;
			out.ilvl = st->p.ilvl;
		}
		st = st->based_on ? find_style(s, st->based_on) : NULL;
	}
	if (out.outline > 8)
		out.outline = -1;
	return out;
}

size_t word_style_chain(const struct word_styles *s, const char *id, const char **ids, size_t max)
{
	size_t n = 0;
	for (const struct word_style *st = find_style(s, id); st && st->id && n < max;
	     st = st->based_on ? find_style(s, st->based_on) : NULL)
		ids[n++] = st->id;
	return n;
}

void word_styles_free(struct word_styles *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].id);
		free(s->v[i].name);
		free(s->v[i].based_on);
	}
	free(s->v);
	free(s);
}

/* ---------------- numbering ---------------- */

enum suffix { SUFF_TAB, SUFF_SPACE, SUFF_NOTHING };

struct word_lvl {
	bool defined;
	int start;
	enum sy_numfmt fmt;
	char *text;   /* lvlText: "%1、" */
	int restart;  /* -1: after any higher level; 0 never; n: after level n (1-based) or higher */
	bool legal;   /* isLgl: every number in decimal */
	enum suffix suff;
	char *pstyle; /* the paragraph style linked to this level */
};

struct word_abstract {
	int id;
	char *num_style_link; /* its levels are those of the abstractNum with this styleLink */
	char *style_link;
	struct word_lvl lvl[LEVELS];
	int counter[LEVELS];
	bool counted[LEVELS]; /* the level has a current value */
};

struct word_num {
	int id;
	int abstract_id;
	bool has_start[LEVELS];
	int start[LEVELS];
	struct word_lvl lvl[LEVELS]; /* lvlOverride/lvl: a whole level replaced */
	bool started;                /* its startOverrides were applied */
};

struct word_numbering {
	struct word_abstract *a;
	size_t na;
	struct word_num *n;
	size_t nn;
};

static void lvl_init(struct word_lvl *l)
{
	memset(l, 0, sizeof *l);
	l->start = 1;
	l->restart = -1;
}

static void lvl_free(struct word_lvl *l)
{
	free(l->text);
	free(l->pstyle);
}

static enum suffix parse_suff(const struct sy_xml *x)
{
	char *v = word_attr(x, "val");
	enum suffix s = !v ? SUFF_TAB : !strcmp(v, "space") ? SUFF_SPACE : !strcmp(v, "nothing") ? SUFF_NOTHING : SUFF_TAB;
	free(v);
	return s;
}

static void lvl_child(const struct sy_xml *x, struct word_lvl *l)
{
	const char *n = x->local;
	if (!strcmp(n, "start")) {
		l->start = word_int(x, "val", 0, 1 << 20, 1);
	} else if (!strcmp(n, "numFmt")) {
		char *v = word_attr(x, "val");
		if (v && strcmp(v, "custom")) /* custom: its mc:Fallback gives a plain one */
			l->fmt = sy_numfmt_word(v);
		free(v);
	} else if (!strcmp(n, "lvlText")) {
		take_val(x, &l->text);
	} else if (!strcmp(n, "lvlRestart")) {
		l->restart = word_int(x, "val", 0, LEVELS, -1);
	} else if (!strcmp(n, "isLgl")) {
		l->legal = word_on(x);
	} else if (!strcmp(n, "suff")) {
		l->suff = parse_suff(x);
	} else if (!strcmp(n, "pStyle")) {
		take_val(x, &l->pstyle);
	}
}

/* Where the elements being read go. */
struct num_parse {
	struct word_numbering *nb;
	struct word_abstract *abs;
	struct word_num *num;
	struct word_lvl *lvl;
	int override_ilvl;
};

static void num_start(struct sy_xml *x, struct num_parse *p)
{
	struct word_numbering *nb = p->nb;
	const char *n = x->local;
	if (!strcmp(n, "abstractNum")) {
		nb->a = xreallocarray(nb->a, nb->na + 1, sizeof *nb->a);
		p->abs = &nb->a[nb->na++];
		memset(p->abs, 0, sizeof *p->abs);
		p->abs->id = word_int(x, "abstractNumId", 0, 1 << 30, -1);
		for (int i = 0; i < LEVELS; i++)
			lvl_init(&p->abs->lvl[i]);
		p->num = NULL;
	} else if (!strcmp(n, "num")) {
		nb->n = xreallocarray(nb->n, nb->nn + 1, sizeof *nb->n);
		p->num = &nb->n[nb->nn++];
		memset(p->num, 0, sizeof *p->num);
		p->num->id = word_int(x, "numId", 0, 1 << 30, -1);
		p->num->abstract_id = -1;
		for (int i = 0; i < LEVELS; i++)
			lvl_init(&p->num->lvl[i]);
		p->abs = NULL;
	} else if (!strcmp(n, "lvl")) {
		int i = word_int(x, "ilvl", 0, LEVELS - 1, -1);
		if (p->num && p->override_ilvl >= 0)
			i = p->override_ilvl;
		struct word_lvl *l = i < 0 ? NULL : p->num ? &p->num->lvl[i] : p->abs ? &p->abs->lvl[i] : NULL;
		if (l) {
			lvl_free(l);
			lvl_init(l);
			l->defined = true;
		}
		p->lvl = l;
	} else if (!strcmp(n, "lvlOverride") && p->num) {
		p->override_ilvl = word_int(x, "ilvl", 0, LEVELS - 1, -1);
	} else if (!strcmp(n, "startOverride") && p->num && p->override_ilvl >= 0) {
		p->num->has_start[p->override_ilvl] = true;
		p->num->start[p->override_ilvl] = word_int(x, "val", 0, 1 << 20, 1);
	} else if (!strcmp(n, "abstractNumId") && p->num) {
		p->num->abstract_id = word_int(x, "val", 0, 1 << 30, -1);
	} else if (!strcmp(n, "numStyleLink") && p->abs) {
		take_val(x, &p->abs->num_style_link);
	} else if (!strcmp(n, "styleLink") && p->abs) {
		take_val(x, &p->abs->style_link);
	} else if (!strcmp(n, "rPr") || !strcmp(n, "pPr") || !strcmp(n, "numPicBullet")) {
		sy_xml_skip(x);
	} else if (p->lvl) {
		lvl_child(x, p->lvl);
	}
}

static void num_end(const struct sy_xml *x, struct num_parse *p)
{
	const char *n = x->local;
	if (!strcmp(n, "lvl"))
		p->lvl = NULL;
	else if (!strcmp(n, "lvlOverride"))
		p->override_ilvl = -1;
	else if (!strcmp(n, "abstractNum"))
		p->abs = NULL;
	else if (!strcmp(n, "num"))
		p->num = NULL;
}

struct word_numbering *word_numbering_parse(const char *xml, size_t len, char *err, size_t errlen)
{
	struct word_numbering *nb = xcalloc(1, sizeof *nb);
	if (!xml)
		return nb;
	struct sy_xml x;
	struct num_parse p = { nb, NULL, NULL, NULL, -1 };
	int rc = sy_xml_open(&x, xml, len, "word/numbering.xml");
	while (rc == 0 && (rc = sy_xml_next(&x)) > 0) {
		rc = 0;
		if (!word_ns(&x))
			continue;
		if (x.type == SY_XML_ELEMENT)
			num_start(&x, &p);
		if (sy_xml_end(&x, NULL, x.local))
			num_end(&x, &p);
	}
	if (rc < 0) {
		snprintf(err, errlen, "%s", x.err);
		sy_xml_close(&x);
		word_numbering_free(nb);
		return NULL;
	}
	sy_xml_close(&x);
	return nb;
}

static struct word_num *find_num(struct word_numbering *nb, int id)
{
	for (size_t i = 0; i < nb->nn; i++)
		if (nb->n[i].id == id)
			return &nb->n[i];
	return NULL;
}

static struct word_abstract *find_abstract(struct word_numbering *nb, int id)
{
	for (size_t i = 0; i < nb->na; i++)
		if (nb->a[i].id == id)
			return &nb->a[i];
	return NULL;
}

/* The abstractNum whose levels a list uses, following a numStyleLink to the
 * definition with the matching styleLink. */
static struct word_abstract *definition(struct word_numbering *nb, struct word_abstract *a)
{
	if (!a || !a->num_style_link)
		return a;
	for (size_t i = 0; i < nb->na; i++)
		if (nb->a[i].style_link && !strcmp(nb->a[i].style_link, a->num_style_link))
			return &nb->a[i];
	return a;
}

static const struct word_lvl *level_of(const struct word_num *num, const struct word_abstract *a, int i)
{
	return num->lvl[i].defined ? &num->lvl[i] : &a->lvl[i];
}

/* The level a paragraph of style_id sits at in list a, or -1. */
static int level_of_style(const struct word_abstract *a, const char *style_id)
{
	for (int i = 0; style_id && i < LEVELS; i++)
		if (a->lvl[i].pstyle && !strcmp(a->lvl[i].pstyle, style_id))
			return i;
	return -1;
}

/* Does level k restart when level i (higher, i < k) is used? */
static bool restarts(const struct word_lvl *k, int i)
{
	return k->restart < 0 || (k->restart > 0 && i <= k->restart - 1);
}

/* Moves the counters of list a for a paragraph at level ilvl. */
static void advance(struct word_num *num, struct word_abstract *a, int ilvl)
{
	if (!num->started) {
		num->started = true;
		for (int i = 0; i < LEVELS; i++)
			if (num->has_start[i]) {
				a->counter[i] = num->start[i] - 1;
				a->counted[i] = true;
			}
	}
	if (!a->counted[ilvl])
		a->counter[ilvl] = level_of(num, a, ilvl)->start - 1;
	a->counter[ilvl]++;
	a->counted[ilvl] = true;
	for (int k = ilvl + 1; k < LEVELS; k++)
		if (restarts(level_of(num, a, k), ilvl))
			a->counted[k] = false;
}

/* Writes lvlText with each %N replaced by level N's number. */
static void expand(struct sy_buf *out, const struct word_num *num, const struct word_abstract *a, int ilvl)
{
	const struct word_lvl *l = level_of(num, a, ilvl);
	const char *t = l->text ? l->text : "";
	if (l->fmt == SY_NUM_BULLET) {
		size_t cl;
		uint32_t cp = *t ? utf8_decode_str(t, &cl) : 0;
		/* Symbol/Wingdings bullets sit in the private use area */
		sy_buf_puts(out, cp >= 0xE000 && cp <= 0xF8FF ? "•" : t);
		return;
	}
	for (const char *p = t; *p; p++) {
		if (*p != '%' || p[1] < '1' || p[1] > '9') {
			sy_buf_add(out, p, 1);
			continue;
		}
		int k = *++p - '1';
		const struct word_lvl *lk = level_of(num, a, k);
		int v = a->counted[k] ? a->counter[k] : lk->start;
		sy_numfmt_append(out, l->legal && lk->fmt != SY_NUM_NONE ? SY_NUM_DECIMAL : lk->fmt, v);
	}
}

/* The separation after the number: a tab after a full-width mark (、 ） ．)
 * or ASCII punctuation adds nothing a reader would see; after a letter, a
 * digit or an ideograph it reads as a space. */
static void add_suffix(struct sy_buf *out, size_t from, enum suffix suff)
{
	if (suff == SUFF_NOTHING || out->len == from)
		return;
	if (suff == SUFF_SPACE) {
		sy_buf_add(out, " ", 1);
		return;
	}
	size_t k = out->len - 1;
	while (k > from && ((unsigned char)out->data[k] & 0xC0) == 0x80)
		k--;
	size_t cl;
	uint32_t cp = utf8_decode(out->data + k, out->len - k, &cl);
	bool word = (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 0x4E00 && cp <= 0x9FFF);
	if (word)
		sy_buf_add(out, " ", 1);
}

bool word_numbering_next(struct word_numbering *nb, int num_id, int ilvl, const char *const *styles,
			 size_t nstyles, struct sy_buf *out)
{
	struct word_num *num = num_id > 0 ? find_num(nb, num_id) : NULL;
	struct word_abstract *a = num ? definition(nb, find_abstract(nb, num->abstract_id)) : NULL;
	if (!a)
		return false;
	for (size_t i = 0; ilvl < 0 && i < nstyles; i++)
		ilvl = level_of_style(a, styles[i]);
	if (ilvl < 0)
		ilvl = 0;
	advance(num, a, ilvl);
	size_t from = out->len;
	expand(out, num, a, ilvl);
	add_suffix(out, from, level_of(num, a, ilvl)->suff);
	return true;
}

void word_numbering_free(struct word_numbering *nb)
{
	if (!nb)
		return;
	for (size_t i = 0; i < nb->na; i++) {
		for (int k = 0; k < LEVELS; k++)
			lvl_free(&nb->a[i].lvl[k]);
		free(nb->a[i].num_style_link);
		free(nb->a[i].style_link);
	}
	for (size_t i = 0; i < nb->nn; i++)
		for (int k = 0; k < LEVELS; k++)
			lvl_free(&nb->n[i].lvl[k]);
	free(nb->a);
	free(nb->n);
	free(nb);
}
