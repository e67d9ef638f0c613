/* YAML: parsing within limits, typed getters with file:line:col error
 * messages, and the one emitter of YAML, CSV and human-readable scalars. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <strings.h>

#include "shenyue/i18n.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

/* ---- base64, for !!binary ---- */

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void b64_write(FILE *out, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
		fputc(b64_alphabet[v >> 18 & 63], out);
		fputc(b64_alphabet[v >> 12 & 63], out);
		fputc(i + 1 < n ? b64_alphabet[v >> 6 & 63] : '=', out);
		fputc(i + 2 < n ? b64_alphabet[v & 63] : '=', out);
	}
}

/* Decodes base64 text (whitespace ignored) into a new string; NULL when it is
 * not base64 or decodes to a NUL byte. */
static char *b64_decode(const char *s)
{
	struct sy_buf b = {0};
	uint32_t v = 0;
	int bits = 0;
	for (; *s && *s != '='; s++) {
		const char *k = strchr(b64_alphabet, *s);
		if (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
			continue;
		if (!k || !*s) {
			sy_buf_free(&b);
			return NULL;
		}
		v = v << 6 | (uint32_t)(k - b64_alphabet);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			char c = (char)(v >> bits & 0xFF);
			if (!c) {
				sy_buf_free(&b);
				return NULL;
			}
			sy_buf_add(&b, &c, 1);
		}
	}
	return sy_buf_steal(&b);
}

/* ---- parsing within limits ---- */

struct walk {
	struct sy_yaml *y;
	size_t expanded;       /* scalar bytes seen, aliases counted each time */
	yaml_node_t *bad;      /* where a limit was passed */
	const char *why;
};

/* Visits n and what it holds as a reader would, aliases expanded; stops at
 * the first limit passed. */
static bool walk_node(struct walk *w, yaml_node_t *n, int depth)
{
	if (!n)
		return true;
	if (depth > SY_YAML_MAX_DEPTH) {
		w->bad = n;
		w->why = N_("nested deeper than %d levels");
		return false;
	}
	w->expanded += n->type == YAML_SCALAR_NODE ? n->data.scalar.length + 1 : 1;
	if (w->expanded > SY_YAML_MAX_EXPANDED) {
		w->bad = n;
		w->why = N_("its aliases stand for more than %d MB of text");
		return false;
	}
	if (n->type == YAML_SEQUENCE_NODE)
		for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++)
			if (!walk_node(w, yaml_document_get_node(&w->y->doc, *i), depth + 1))
				return false;
	if (n->type == YAML_MAPPING_NODE)
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++)
			if (!walk_node(w, yaml_document_get_node(&w->y->doc, p->key), depth + 1) ||
			    !walk_node(w, yaml_document_get_node(&w->y->doc, p->value), depth + 1))
				return false;
	return true;
}

/* Refuses a document nested too deeply or whose aliases expand too far. */
static int check_limits(struct sy_yaml *y, char *err, size_t errlen)
{
	struct walk w = {.y = y};
	if (walk_node(&w, sy_yaml_root(y), 0))
		return 0;
	int limit = w.why[0] == 'n' ? SY_YAML_MAX_DEPTH : (int)(SY_YAML_MAX_EXPANDED >> 20);
	return sy_yaml_error(y, w.bad, err, errlen, _(w.why), limit);
}

/* Decodes every !!binary scalar in place (its value is bytes, base64). */
static int decode_binary(struct sy_yaml *y, char *err, size_t errlen)
{
	for (yaml_node_t *n = y->doc.nodes.start; n < y->doc.nodes.top; n++) {
		if (n->type != YAML_SCALAR_NODE || !n->tag || strcmp((const char *)n->tag, "tag:yaml.org,2002:binary"))
			continue;
		char *bytes = b64_decode((const char *)n->data.scalar.value);
		if (!bytes)
			return sy_yaml_error(y, n, err, errlen, "%s", _("not valid !!binary (base64) text"));
		/* libyaml frees document memory with free(): the swap is safe */
		free(n->data.scalar.value);
		n->data.scalar.value = (yaml_char_t *)bytes;
		n->data.scalar.length = strlen(bytes);
	}
	return 0;
}

/* Fails when the text holds a second document after the one loaded. */
static int check_single(struct sy_yaml *y, yaml_parser_t *p, char *err, size_t errlen)
{
	yaml_document_t next;
	if (!yaml_parser_load(p, &next))
		return 0; /* the first document is what matters; a broken tail is not read */
	yaml_node_t *root = yaml_document_get_root_node(&next);
	int rc = 0;
	if (root) {
		snprintf(err, errlen, _("%s:%zu:%zu: a second YAML document (---): this file must hold one"),
			 y->source, root->start_mark.line + 1, root->start_mark.column + 1);
		rc = -1;
	}
	yaml_document_delete(&next);
	return rc;
}

int sy_yaml_parse(struct sy_yaml *y, const char *source, const char *text, size_t len,
		  char *err, size_t errlen)
{
	memset(y, 0, sizeof *y);
	y->source = xstrdup(source);
	if (len > SY_YAML_MAX_BYTES) {
		snprintf(err, errlen, _("%s: larger than %u MB: not read"), source, SY_YAML_MAX_BYTES >> 20);
		return -1;
	}
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
	y->loaded = true;
	int rc = check_single(y, &p, err, errlen);
	yaml_parser_delete(&p);
	if (rc == 0)
		rc = check_limits(y, err, errlen);
	if (rc == 0)
		rc = decode_binary(y, err, errlen);
	return rc;
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

/* ---- writing ---- */

/* The escape a double-quoted YAML string writes for cp, or NULL. */
static const char *yaml_escape_of(uint32_t cp)
{
	switch (cp) {
	case '"': return "\\\"";
	case '\\': return "\\\\";
	case '\n': return "\\n";
	case '\r': return "\\r";
	case '\t': return "\\t";
	default: return NULL;
	}
}

void sy_yaml_write_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	size_t n = strlen(s);
	if (!utf8_is_valid((const unsigned char *)s, n)) {
		fputs("!!binary \"", out);
		b64_write(out, (const unsigned char *)s, n);
		fputc('"', out);
		return;
	}
	fputc('"', out);
	size_t plain = 0; /* where the characters written as they are begin */
	for (size_t i = 0, len; i < n; i += len) {
		uint32_t cp = utf8_decode(s + i, n - i, &len);
		if (cp >= 0x3000 && cp < 0xFDD0)
			continue; /* Chinese text: neither escaped nor unsafe (the noncharacters start at U+FDD0) */
		const char *esc = yaml_escape_of(cp);
		if (!esc && !utf8_is_unsafe(cp))
			continue;
		fwrite(s + plain, 1, i - plain, out);
		plain = i + len;
		if (esc)
			fputs(esc, out);
		else
			fprintf(out, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", (unsigned)cp);
	}
	fwrite(s + plain, 1, n - plain, out);
	fputc('"', out);
}

void sy_yaml_write_key(FILE *out, int col, bool dash, const char *key, const char *val)
{
	fprintf(out, "%*s%s%s: ", dash ? col - 2 : col, "", dash ? "- " : "", key);
	sy_yaml_write_str(out, val);
	fputc('\n', out);
}

enum text_style { TEXT_PERSON, TEXT_CSV };

/* Appends s to b with what must not pass raw made visible (see sy_text_write;
 * a CSV field keeps CR, the quoting handles it). */
static void text_escape(struct sy_buf *b, const char *s, enum text_style style)
{
	size_t n = strlen(s);
	for (size_t i = 0, len; i < n; i += len) {
		if (!utf8_valid_seq((const unsigned char *)s + i, n - i)) {
			sy_buf_printf(b, "\\x%02X", (unsigned char)s[i]);
			len = 1;
			continue;
		}
		uint32_t cp = utf8_decode(s + i, n - i, &len);
		if (!utf8_is_unsafe(cp) || (style == TEXT_CSV && cp == '\r'))
			sy_buf_add(b, s + i, len);
		else if (style == TEXT_PERSON && cp < 0x20)
			sy_buf_printf(b, "^%c", (char)('@' + cp));
		else if (style == TEXT_PERSON && cp == 0x7F)
			sy_buf_puts(b, "^?");
		else
			sy_buf_printf(b, "<U+%04X>", (unsigned)cp);
	}
}

char *sy_text_safe(const char *s)
{
	struct sy_buf b = {0};
	text_escape(&b, s ? s : "", TEXT_PERSON);
	return sy_buf_steal(&b);
}

void sy_text_write(FILE *out, const char *s)
{
	char *safe = sy_text_safe(s);
	fputs(safe, out);
	free(safe);
}

void sy_text_printf(FILE *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	sy_text_write(out, text);
	free(text);
}

void sy_strlist_print(const struct sy_strlist *l, FILE *out, const char *prefix)
{
	for (size_t i = 0; i < l->n; i++)
		sy_text_printf(out, "%s%s\n", prefix ? prefix : "", l->v[i]);
}

void sy_csv_write_field(FILE *out, const char *raw)
{
	if (!raw)
		return;
	struct sy_buf b = {0};
	text_escape(&b, raw, TEXT_CSV);
	char *s = sy_buf_steal(&b);
	bool quote = strpbrk(s, ",\"\r\n") != NULL || *s == ' ' || (*s && s[strlen(s) - 1] == ' ');
	/* a leading = + - @ would be run as a formula by Excel and WPS */
	bool formula = *s && strchr("=+-@", *s);
	if (!quote && !formula) {
		fputs(s, out);
		free(s);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
	free(s);
}
