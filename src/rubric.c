/* Loading a rubric from YAML into a scratch copy that is committed only when
 * the whole file is valid. The default rubric goes through the same code. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shenyue/builtin.h"
#include "shenyue/doc.h"
#include "shenyue/fileio.h"
#include "shenyue/matcher.h"
#include "shenyue/utf8.h"
#include "shenyue/rubric.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

static const char *const top_keys[] = {
	"name", "partial_credit", "figures", "heading_max_chars", "thin_min_chars",
	"deadline_month", "deadline_day", "publication_deadline_month", "publication_deadline_day",
	"parts", "chrome", "debris", "placeholders", "deductions", "nothing", "heading_ends", "prose_starts",
	"text_starts", "contents", "annex", "generic_words", NULL,
};
static const char *const part_keys[] = {
	"id", "label", "short", "required", "weight", "year", "headings", "top_headings", "exclude", "mentions",
	"topical", "figures", "aspects", "compare", NULL,
};
static const char *const aspect_keys[] = { "id", "label", "required", "heading", "body", "weak", "unless", "lacking",
					       "stated", "refers", "causal", NULL };

/* Patterns are compared with squeezed text, so squeeze them once here. */
static void squeeze_list(struct sy_strlist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		char *s = sy_squeeze(l->v[i]);
		free(l->v[i]);
		l->v[i] = s;
	}
}

static void aspect_free(struct sy_aspect *a)
{
	free(a->id);
	free(a->label);
	sy_strlist_free(&a->heading);
	sy_strlist_free(&a->body);
	sy_strlist_free(&a->weak);
	sy_strlist_free(&a->unless);
	sy_strlist_free(&a->lacking);
	sy_strlist_free(&a->stated);
	sy_strlist_free(&a->refers);
	sy_strlist_free(&a->causal);
}

static void part_free(struct sy_part *p)
{
	free(p->id);
	free(p->label);
	free(p->short_label);
	sy_strlist_free(&p->headings);
	sy_strlist_free(&p->top_headings);
	sy_strlist_free(&p->exclude);
	sy_strlist_free(&p->mentions);
	for (size_t i = 0; i < p->naspects; i++)
		aspect_free(&p->aspects[i]);
	free(p->aspects);
}

void sy_rubric_free(struct sy_rubric *r)
{
	free(r->name);
	free(r->source);
	for (size_t i = 0; i < r->nparts; i++)
		part_free(&r->parts[i]);
	free(r->parts);
	sy_strlist_free(&r->figures);
	sy_strlist_free(&r->chrome);
	sy_strlist_free(&r->debris);
	sy_strlist_free(&r->placeholders);
	sy_strlist_free(&r->nothing);
	sy_strlist_free(&r->heading_ends);
	free(r->heading_end_len);
	sy_strlist_free(&r->prose_starts);
	sy_strlist_free(&r->text_starts);
	sy_strlist_free(&r->contents);
	sy_strlist_free(&r->annex);
	sy_strlist_free(&r->generic);
	for (size_t i = 0; i < r->ndeductions; i++)
		free(r->deductions[i].finding);
	free(r->deductions);
	sy_matcher_free(r->matcher);
	memset(r, 0, sizeof *r);
}

int sy_rubric_part_index(const struct sy_rubric *r, const char *id)
{
	for (size_t i = 0; i < r->nparts; i++)
		if (strcmp(r->parts[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct sy_deduction *sy_rubric_deduction(const struct sy_rubric *r, const char *finding)
{
	for (size_t i = 0; finding && i < r->ndeductions; i++)
		if (!strcmp(r->deductions[i].finding, finding))
			return &r->deductions[i];
	return NULL;
}

/* A finding id as findings are named: lower-case letters, digits and '-'. */
static bool finding_id_valid(const char *s)
{
	return s && *s && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(s);
}

/* One deduction: "id: points" or "id: {points: N, max: M}". */
static int load_deduction(struct sy_yaml *y, yaml_node_t *k, yaml_node_t *v, struct sy_deduction *d,
			  char *err, size_t errlen)
{
	static const char *const keys[] = {"points", "max", NULL};
	const char *id = sy_yaml_scalar(k);
	long points = 0, max = 0;
	if (!finding_id_valid(id))
		return sy_yaml_error(y, k, err, errlen, "'%s' is not a finding id (such as causes-missing)",
				     id ? id : "?");
	if (v->type == YAML_MAPPING_NODE) {
		if (sy_yaml_check_keys(y, v, keys, err, errlen) ||
		    sy_yaml_get_int(y, v, "points", 0, 100, &points, err, errlen) ||
		    sy_yaml_get_int(y, v, "max", 0, 100, &max, err, errlen))
			return -1;
	} else {
		char *end = NULL;
		const char *s = sy_yaml_scalar(v);
		points = s ? strtol(s, &end, 10) : -1;
		if (!s || !*s || *end || points < 0 || points > 100)
			return sy_yaml_error(y, v, err, errlen,
					     "the deduction for '%s' must be points from 0 to 100, or {points: N, max: M}", id);
	}
	d->finding = xstrdup(id);
	d->points = (int)points;
	d->max = (int)max;
	return 0;
}

/* deductions: a mapping from finding id to the points it costs. */
static int load_deductions(struct sy_yaml *y, yaml_node_t *root, struct sy_rubric *r, char *err, size_t errlen)
{
	yaml_node_t *map = sy_yaml_get(y, root, "deductions");
	if (sy_yaml_is_null(map))
		return 0;
	if (sy_yaml_expect_map(y, map, "'deductions'", err, errlen))
		return -1;
	size_t n = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
	r->deductions = xcalloc(n ? n : 1, sizeof *r->deductions);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&y->doc, p->value);
		if (sy_rubric_deduction(r, sy_yaml_scalar(k)))
			return sy_yaml_error(y, k, err, errlen, "duplicate deduction for '%s'", sy_yaml_scalar(k));
		if (load_deduction(y, k, v, &r->deductions[r->ndeductions], err, errlen))
			return -1;
		r->ndeductions++;
	}
	return 0;
}

/* True for a character an id may hold: an ASCII letter, digit, '-' or '_',
 * or a letter of another script; not CJK or full-width punctuation. */
static bool id_char(uint32_t cp)
{
	if (cp < 0x80)
		return isalnum((int)cp) || cp == '-' || cp == '_';
	bool punct = (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20);
	return cp != SY_REPLACEMENT && !utf8_is_unsafe(cp) && !punct;
}

/* A part's or aspect's id is written as it is into check's YAML and CSV and
 * into finding ids: letters, digits, '-' and '_' only (measures, 举措). */
static bool part_id_valid(const char *s)
{
	if (!s || !*s)
		return false;
	for (size_t n = strlen(s), i = 0, len; i < n; i += len)
		if (!id_char(utf8_decode(s + i, n - i, &len)))
			return false;
	return true;
}

static int load_aspect(struct sy_yaml *y, yaml_node_t *n, struct sy_aspect *a, char *err, size_t errlen)
{
	if (sy_yaml_expect_map(y, n, "an aspect", err, errlen) ||
	    sy_yaml_check_keys(y, n, aspect_keys, err, errlen) ||
	    sy_yaml_get_str(y, n, "id", true, &a->id, err, errlen) ||
	    sy_yaml_get_str(y, n, "label", false, &a->label, err, errlen) ||
	    sy_yaml_get_bool(y, n, "required", &a->required, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "heading", &a->heading, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "body", &a->body, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "weak", &a->weak, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "unless", &a->unless, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "lacking", &a->lacking, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "stated", &a->stated, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "refers", &a->refers, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "causal", &a->causal, err, errlen))
		return -1;
	if (!part_id_valid(a->id))
		return sy_yaml_error(y, n, err, errlen,
				     "aspect id '%s': letters, digits, '-' or '_' only (such as causes)", a->id);
	squeeze_list(&a->heading);
	squeeze_list(&a->body);
	squeeze_list(&a->weak);
	squeeze_list(&a->unless);
	squeeze_list(&a->lacking);
	squeeze_list(&a->stated);
	squeeze_list(&a->refers);
	squeeze_list(&a->causal);
	return 0;
}

static int parse_year_rule(struct sy_yaml *y, yaml_node_t *part, enum sy_year_rule *out,
			   char *err, size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, part, "year");
	if (sy_yaml_is_null(n))
		return 0;
	const char *s = sy_yaml_scalar(n);
	if (s && !strcmp(s, "report"))
		*out = SY_YEAR_REPORT;
	else if (s && !strcmp(s, "next"))
		*out = SY_YEAR_NEXT;
	else if (s && !strcmp(s, "any"))
		*out = SY_YEAR_ANY;
	else
		return sy_yaml_error(y, n, err, errlen, "'year' must be report, next or any");
	return 0;
}

static int parse_compare_role(struct sy_yaml *y, yaml_node_t *part, enum sy_compare_role *out,
			      char *err, size_t errlen)
{
	static const char *const names[] = { [SY_ROLE_WORK] = "work", [SY_ROLE_PROBLEMS] = "problems",
					     [SY_ROLE_PLAN] = "plan" };
	yaml_node_t *n = sy_yaml_get(y, part, "compare");
	if (sy_yaml_is_null(n))
		return 0;
	const char *s = sy_yaml_scalar(n);
	for (int i = SY_ROLE_WORK; s && i <= SY_ROLE_PLAN; i++)
		if (!strcmp(s, names[i])) {
			*out = (enum sy_compare_role)i;
			return 0;
		}
	return sy_yaml_error(y, n, err, errlen, "'compare' must be work, problems or plan");
}

static int load_aspects(struct sy_yaml *y, yaml_node_t *part, struct sy_part *p, char *err, size_t errlen)
{
	yaml_node_t *seq = sy_yaml_get(y, part, "aspects");
	if (sy_yaml_is_null(seq))
		return 0;
	if (seq->type != YAML_SEQUENCE_NODE)
		return sy_yaml_error(y, seq, err, errlen, "'aspects' must be a list");
	p->naspects = sy_yaml_len(seq);
	p->aspects = xcalloc(p->naspects, sizeof *p->aspects);
	for (size_t i = 0; i < p->naspects; i++)
		if (load_aspect(y, sy_yaml_item(y, seq, i), &p->aspects[i], err, errlen))
			return -1;
	return 0;
}

static int load_part(struct sy_yaml *y, yaml_node_t *n, struct sy_part *p, char *err, size_t errlen)
{
	long weight = 0;
	p->required = true;
	if (sy_yaml_expect_map(y, n, "a part", err, errlen) ||
	    sy_yaml_check_keys(y, n, part_keys, err, errlen) ||
	    sy_yaml_get_str(y, n, "id", true, &p->id, err, errlen) ||
	    sy_yaml_get_str(y, n, "label", false, &p->label, err, errlen) ||
	    sy_yaml_get_str(y, n, "short", false, &p->short_label, err, errlen) ||
	    sy_yaml_get_bool(y, n, "required", &p->required, err, errlen) ||
	    sy_yaml_get_int(y, n, "weight", 0, 1000, &weight, err, errlen) ||
	    parse_year_rule(y, n, &p->year, err, errlen) ||
	    parse_compare_role(y, n, &p->compare, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "headings", &p->headings, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "top_headings", &p->top_headings, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "exclude", &p->exclude, err, errlen) ||
	    sy_yaml_get_strlist(y, n, "mentions", &p->mentions, err, errlen) ||
	    sy_yaml_get_bool(y, n, "topical", &p->topical, err, errlen) ||
	    sy_yaml_get_bool(y, n, "figures", &p->figures, err, errlen) ||
	    load_aspects(y, n, p, err, errlen))
		return -1;
	if (!part_id_valid(p->id))
		return sy_yaml_error(y, n, err, errlen,
				     "part id '%s': letters, digits, '-' or '_' only (such as measures)", p->id);
	if (p->headings.n + p->top_headings.n == 0)
		return sy_yaml_error(y, n, err, errlen, "part '%s' needs at least one heading pattern", p->id);
	p->weight = (int)weight;
	if (!p->label)
		p->label = xstrdup(p->id);
	if (!p->short_label)
		p->short_label = xstrdup(p->id);
	squeeze_list(&p->headings);
	squeeze_list(&p->top_headings);
	squeeze_list(&p->exclude);
	squeeze_list(&p->mentions);
	return 0;
}

static int load_parts(struct sy_yaml *y, yaml_node_t *root, struct sy_rubric *r, char *err, size_t errlen)
{
	yaml_node_t *seq = sy_yaml_get(y, root, "parts");
	if (!seq || seq->type != YAML_SEQUENCE_NODE || sy_yaml_len(seq) == 0)
		return sy_yaml_error(y, seq ? seq : root, err, errlen, "'parts' must be a non-empty list");
	r->nparts = sy_yaml_len(seq);
	r->parts = xcalloc(r->nparts, sizeof *r->parts);
	for (size_t i = 0; i < r->nparts; i++) {
		yaml_node_t *item = sy_yaml_item(y, seq, i);
		if (load_part(y, item, &r->parts[i], err, errlen))
			return -1;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(r->parts[j].id, r->parts[i].id))
				return sy_yaml_error(y, item, err, errlen, "duplicate part id '%s'", r->parts[i].id);
	}
	return 0;
}

static int load_limits(struct sy_yaml *y, yaml_node_t *root, struct sy_rubric *r, char *err, size_t errlen)
{
	long hmax = 40, thin = 0, dm = 0, dd = 0, pm = 0, pd = 0;
	if (sy_yaml_get_double(y, root, "partial_credit", 0, 1, &r->partial_credit, err, errlen) ||
	    sy_yaml_get_int(y, root, "heading_max_chars", 4, 400, &hmax, err, errlen) ||
	    sy_yaml_get_int(y, root, "thin_min_chars", 0, 100000, &thin, err, errlen) ||
	    sy_yaml_get_int(y, root, "deadline_month", 0, 12, &dm, err, errlen) ||
	    sy_yaml_get_int(y, root, "deadline_day", 0, 31, &dd, err, errlen) ||
	    sy_yaml_get_int(y, root, "publication_deadline_month", 0, 12, &pm, err, errlen) ||
	    sy_yaml_get_int(y, root, "publication_deadline_day", 0, 31, &pd, err, errlen))
		return -1;
	r->heading_max_chars = (int)hmax;
	r->thin_min_chars = (int)thin;
	r->deadline_month = (int)dm;
	r->deadline_day = (int)dd;
	r->publication_month = (int)pm;
	r->publication_day = (int)pd;
	return 0;
}

static int load_root(struct sy_yaml *y, struct sy_rubric *r, char *err, size_t errlen)
{
	yaml_node_t *root = sy_yaml_root(y);
	if (!root)
		return sy_yaml_error(y, NULL, err, errlen, "the rubric is empty");
	r->partial_credit = 0.5;
	if (sy_yaml_expect_map(y, root, "the rubric", err, errlen) ||
	    sy_yaml_check_keys(y, root, top_keys, err, errlen) ||
	    sy_yaml_get_str(y, root, "name", false, &r->name, err, errlen) ||
	    load_limits(y, root, r, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "figures", &r->figures, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "chrome", &r->chrome, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "debris", &r->debris, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "placeholders", &r->placeholders, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "nothing", &r->nothing, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "heading_ends", &r->heading_ends, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "prose_starts", &r->prose_starts, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "text_starts", &r->text_starts, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "contents", &r->contents, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "annex", &r->annex, err, errlen) ||
	    sy_yaml_get_strlist(y, root, "generic_words", &r->generic, err, errlen) ||
	    load_parts(y, root, r, err, errlen) ||
	    load_deductions(y, root, r, err, errlen))
		return -1;
	squeeze_list(&r->chrome);
	squeeze_list(&r->nothing);
	squeeze_list(&r->heading_ends);
	r->heading_end_len = xcalloc(r->heading_ends.n + 1, sizeof *r->heading_end_len);
	for (size_t i = 0; i < r->heading_ends.n; i++)
		r->heading_end_len[i] = strlen(r->heading_ends.v[i]);
	squeeze_list(&r->prose_starts);
	squeeze_list(&r->text_starts);
	squeeze_list(&r->contents);
	squeeze_list(&r->annex);
	squeeze_list(&r->generic);
	return 0;
}

int sy_rubric_load_string(struct sy_rubric *r, const char *source, const char *yaml,
			  size_t len, char *err, size_t errlen)
{
	struct sy_yaml y;
	struct sy_rubric scratch = {0};
	if (sy_yaml_parse(&y, source, yaml, len, err, errlen)) {
		sy_yaml_free(&y);
		return -1;
	}
	int rc = load_root(&y, &scratch, err, errlen);
	sy_yaml_free(&y);
	if (rc) {
		sy_rubric_free(&scratch);
		return -1;
	}
	scratch.source = xstrdup(source);
	if (!scratch.name)
		scratch.name = xstrdup(source);
	sy_rubric_build_matcher(&scratch);
	*r = scratch;
	return 0;
}

int sy_rubric_load_file(struct sy_rubric *r, const char *path, char *err, size_t errlen)
{
	char *text;
	size_t len;
	struct stat sb;
	enum sy_read_result rd = sy_file_read(path, SY_YAML_MAX_BYTES, &text, &len, &sb);
	if (rd != SY_READ_OK) {
		snprintf(err, errlen, "%s: cannot %s: %s", path, rd == SY_READ_OPEN ? "open" : "read",
			 sy_read_strerror(rd, &sb, SY_YAML_MAX_BYTES));
		return -1;
	}
	int rc = sy_rubric_load_string(r, path, text, len, err, errlen);
	free(text);
	return rc;
}

int sy_rubric_load_default(struct sy_rubric *r, char *err, size_t errlen)
{
	const struct sy_builtin *b = sy_builtin_find("rubrics/default.yaml");
	if (!b) {
		snprintf(err, errlen, "the default rubric is not built in");
		return -1;
	}
	return sy_rubric_load_string(r, "<builtin>/rubrics/default.yaml", b->data, b->len, err, errlen);
}
