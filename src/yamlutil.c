/* libyaml document helpers with file:line:col error messages. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

int sy_yaml_parse(struct sy_yaml *y, const char *source, const char *text, size_t len,
		  char *err, size_t errlen)
{
	memset(y, 0, sizeof *y);
	y->source = xstrdup(source);
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		snprintf(err, errlen, "%s: cannot start the YAML parser", source);
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&p, &y->doc)) {
		snprintf(err, errlen, "%s:%zu:%zu: %s%s%s", source, p.problem_mark.line + 1,
			 p.problem_mark.column + 1, p.problem ? p.problem : "invalid YAML",
			 p.context ? " " : "", p.context ? p.context : "");
		yaml_parser_delete(&p);
		return -1;
	}
	yaml_parser_delete(&p);
	y->loaded = true;
	return 0;
}

void sy_yaml_free(struct sy_yaml *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	free(y->source);
	memset(y, 0, sizeof *y);
}

yaml_node_t *sy_yaml_root(struct sy_yaml *y)
{
	return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

static bool key_is(const yaml_node_t *k, const char *key)
{
	return k && k->type == YAML_SCALAR_NODE && strlen(key) == k->data.scalar.length &&
	       memcmp(k->data.scalar.value, key, k->data.scalar.length) == 0;
}

yaml_node_t *sy_yaml_get(struct sy_yaml *y, const yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
		if (key_is(yaml_document_get_node(&y->doc, p->key), key))
			return yaml_document_get_node(&y->doc, p->value);
	return NULL;
}

yaml_node_t *sy_yaml_item(struct sy_yaml *y, const yaml_node_t *seq, size_t i)
{
	if (i >= sy_yaml_len(seq))
		return NULL;
	return yaml_document_get_node(&y->doc, seq->data.sequence.items.start[i]);
}

size_t sy_yaml_len(const yaml_node_t *seq)
{
	if (!seq || seq->type != YAML_SEQUENCE_NODE)
		return 0;
	return (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

const char *sy_yaml_scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

bool sy_yaml_is_null(const yaml_node_t *n)
{
	if (!n)
		return true;
	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *s = (const char *)n->data.scalar.value;
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
}

int sy_yaml_error(const struct sy_yaml *y, const yaml_node_t *n, char *err, size_t errlen,
		  const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	size_t line = n ? n->start_mark.line + 1 : 1, col = n ? n->start_mark.column + 1 : 1;
	snprintf(err, errlen, "%s:%zu:%zu: %s", y->source, line, col, msg);
	return -1;
}

int sy_yaml_check_keys(struct sy_yaml *y, const yaml_node_t *map, const char *const *allowed,
		       char *err, size_t errlen)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
		const char *name = sy_yaml_scalar(k);
		if (!name)
			return sy_yaml_error(y, k, err, errlen, "a key must be a plain string");
		bool ok = false;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = strcmp(*a, name) == 0;
		if (!ok)
			return sy_yaml_error(y, k, err, errlen, "unknown key '%s'", name);
	}
	return 0;
}

int sy_yaml_expect_map(const struct sy_yaml *y, const yaml_node_t *n, const char *what,
		       char *err, size_t errlen)
{
	if (n && n->type == YAML_MAPPING_NODE)
		return 0;
	return sy_yaml_error(y, n, err, errlen, "%s must be a mapping", what);
}

int sy_yaml_get_str(struct sy_yaml *y, const yaml_node_t *map, const char *key, bool required,
		    char **out, char *err, size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, map, key);
	if (sy_yaml_is_null(n)) {
		if (required)
			return sy_yaml_error(y, n ? n : map, err, errlen, "'%s' is required", key);
		return 0;
	}
	const char *s = sy_yaml_scalar(n);
	if (!s)
		return sy_yaml_error(y, n, err, errlen, "'%s' must be a string", key);
	free(*out);
	*out = xstrdup(s);
	return 0;
}

int sy_yaml_get_int(struct sy_yaml *y, const yaml_node_t *map, const char *key, long min,
		    long max, long *out, char *err, size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, map, key);
	if (sy_yaml_is_null(n))
		return 0;
	const char *s = sy_yaml_scalar(n);
	char *end = NULL;
	errno = 0;
	long v = s ? strtol(s, &end, 10) : 0;
	if (!s || !*s || *end || errno)
		return sy_yaml_error(y, n, err, errlen, "'%s' must be a whole number", key);
	if (v < min || v > max)
		return sy_yaml_error(y, n, err, errlen, "'%s' must be between %ld and %ld", key, min, max);
	*out = v;
	return 0;
}

int sy_yaml_get_double(struct sy_yaml *y, const yaml_node_t *map, const char *key, double min,
		       double max, double *out, char *err, size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, map, key);
	if (sy_yaml_is_null(n))
		return 0;
	const char *s = sy_yaml_scalar(n);
	char *end = NULL;
	double v = s ? strtod(s, &end) : 0;
	if (!s || !*s || *end)
		return sy_yaml_error(y, n, err, errlen, "'%s' must be a number", key);
	if (v < min || v > max)
		return sy_yaml_error(y, n, err, errlen, "'%s' must be between %g and %g", key, min, max);
	*out = v;
	return 0;
}

int sy_yaml_get_bool(struct sy_yaml *y, const yaml_node_t *map, const char *key, bool *out,
		     char *err, size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, map, key);
	if (sy_yaml_is_null(n))
		return 0;
	const char *s = sy_yaml_scalar(n);
	if (s && (!strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "on")))
		*out = true;
	else if (s && (!strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcasecmp(s, "off")))
		*out = false;
	else
		return sy_yaml_error(y, n, err, errlen, "'%s' must be true or false", key);
	return 0;
}

int sy_yaml_get_strlist(struct sy_yaml *y, const yaml_node_t *map, const char *key,
			struct sy_strlist *out, char *err, size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, map, key);
	if (sy_yaml_is_null(n))
		return 0;
	if (sy_yaml_scalar(n)) {
		sy_strlist_add(out, sy_yaml_scalar(n));
		return 0;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return sy_yaml_error(y, n, err, errlen, "'%s' must be a list of strings", key);
	for (size_t i = 0; i < sy_yaml_len(n); i++) {
		yaml_node_t *it = sy_yaml_item(y, n, i);
		const char *s = sy_yaml_scalar(it);
		if (!s || !*s)
			return sy_yaml_error(y, it, err, errlen, "'%s' items must be non-empty strings", key);
		sy_strlist_add(out, s);
	}
	return 0;
}
