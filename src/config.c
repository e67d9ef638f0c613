/* Settings: one schema table, a transactional YAML loader with collected
 * file:line:col errors, and the dump that documents it. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shenyue/fileio.h"
#include "shenyue/builtin.h"
#include "shenyue/i18n.h"
#include "shenyue/config.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

struct setting {
	const char *key;
	enum sy_config_type type;
	size_t offset;
	const char *help;
};

static const struct setting settings[] = {
#define SY_CFG_ROW(key, type, field, help) { key, type, offsetof(struct sy_config, field), help },
	SY_CONFIG_SETTINGS(SY_CFG_ROW)
#undef SY_CFG_ROW
};
#define NSETTINGS (sizeof settings / sizeof *settings)

static char **string_at(struct sy_config *c, const struct setting *s)
{
	return (char **)((char *)c + s->offset);
}

static bool *bool_at(struct sy_config *c, const struct setting *s)
{
	return (bool *)((char *)c + s->offset);
}

static int *int_at(struct sy_config *c, const struct setting *s)
{
	return (int *)((char *)c + s->offset);
}

/* The highest value an integer setting takes (resubmit_days: a year). */
#define SETTING_INT_MAX 365

/* Reads an integer setting from the map. */
static int get_int_setting(struct sy_yaml *y, yaml_node_t *root, const struct setting *s, struct sy_config *c,
			   char *err, size_t errlen)
{
	long v = *int_at(c, s);
	if (sy_yaml_get_int(y, root, s->key, 0, SETTING_INT_MAX, &v, err, errlen))
		return -1;
	*int_at(c, s) = (int)v;
	return 0;
}

static void binds_free(struct sy_config_bind *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(b[i].op);
		free(b[i].key);
	}
	free(b);
}

/* Frees the settings of c, keeping its error list. */
static void settings_free(struct sy_config *c)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (settings[i].type == SY_CFG_STRING)
			free(*string_at(c, &settings[i]));
	binds_free(c->binds, c->nbinds);
}

/* A deep copy of c's settings (not its errors), for loading transactionally. */
static void settings_copy(struct sy_config *dst, const struct sy_config *src)
{
	*dst = *src;
	memset(&dst->errors, 0, sizeof dst->errors);
	for (size_t i = 0; i < NSETTINGS; i++)
		if (settings[i].type == SY_CFG_STRING)
			*string_at(dst, &settings[i]) = xstrdup(*string_at((struct sy_config *)src, &settings[i]));
	dst->binds = xcalloc(src->nbinds + 1, sizeof *dst->binds);
	for (size_t i = 0; i < src->nbinds; i++) {
		dst->binds[i].op = xstrdup(src->binds[i].op);
		dst->binds[i].key = xstrdup(src->binds[i].key);
	}
}

static void add_bind(struct sy_config *c, const char *op, const char *key)
{
	c->binds = xreallocarray(c->binds, c->nbinds + 1, sizeof *c->binds);
	c->binds[c->nbinds].op = xstrdup(op);
	c->binds[c->nbinds++].key = xstrdup(key);
}

/* An empty string means "not set". */
static void normalise_empty(struct sy_config *c)
{
	for (size_t i = 0; i < NSETTINGS; i++) {
		char **s = settings[i].type == SY_CFG_STRING ? string_at(c, &settings[i]) : NULL;
		if (s && *s && !**s) {
			free(*s);
			*s = NULL;
		}
	}
}

static int load_binds(struct sy_yaml *y, yaml_node_t *root, struct sy_config *c, char *err, size_t errlen)
{
	yaml_node_t *map = sy_yaml_get(y, root, "bind");
	if (sy_yaml_is_null(map))
		return 0;
	if (sy_yaml_expect_map(y, map, "'bind'", err, errlen))
		return -1;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
		const char *op = sy_yaml_scalar(k);
		if (!op || sy_op_by_name(op) == SY_OP_NONE)
			return sy_yaml_error(y, k, err, errlen, _("unknown operation '%s' (see shenyue --keys)"),
					     op ? op : "?");
		struct sy_strlist keys = {0};
		int rc = sy_yaml_get_strlist(y, map, op, &keys, err, errlen);
		for (size_t i = 0; rc == 0 && i < keys.n; i++) {
			uint32_t code;
			if (sy_key_parse(keys.v[i], &code) != 0)
				rc = sy_yaml_error(y, yaml_document_get_node(&y->doc, p->value), err, errlen,
						   _("'%s' is not a key name"), keys.v[i]);
			else
				add_bind(c, op, keys.v[i]);
		}
		sy_strlist_free(&keys);
		if (rc)
			return -1;
	}
	return 0;
}

static int load_settings(struct sy_yaml *y, yaml_node_t *root, struct sy_config *c, char *err, size_t errlen)
{
	const char *keys[NSETTINGS + 2];
	for (size_t i = 0; i < NSETTINGS; i++)
		keys[i] = settings[i].key;
	keys[NSETTINGS] = "bind";
	keys[NSETTINGS + 1] = NULL;
	if (sy_yaml_expect_map(y, root, "the config", err, errlen) ||
	    sy_yaml_check_keys(y, root, keys, err, errlen))
		return -1;
	for (size_t i = 0; i < NSETTINGS; i++) {
		const struct setting *s = &settings[i];
		int rc = s->type == SY_CFG_BOOL ? sy_yaml_get_bool(y, root, s->key, bool_at(c, s), err, errlen)
			 : s->type == SY_CFG_INT ? get_int_setting(y, root, s, c, err, errlen)
						 : sy_yaml_get_str(y, root, s->key, false, string_at(c, s), err, errlen);
		if (rc)
			return -1;
	}
	return load_binds(y, root, c, err, errlen);
}

int sy_config_load_string(struct sy_config *c, const char *source, const char *text, size_t len)
{
	char err[1024];
	struct sy_yaml y;
	struct sy_config scratch;
	settings_copy(&scratch, c);
	int rc = sy_yaml_parse(&y, source, text, len, err, sizeof err);
	yaml_node_t *root = rc ? NULL : sy_yaml_root(&y);
	if (rc == 0 && root)
		rc = load_settings(&y, root, &scratch, err, sizeof err);
	sy_yaml_free(&y);
	if (rc) {
		settings_free(&scratch);
		sy_strlist_add(&c->errors, err);
		return -1;
	}
	normalise_empty(&scratch);
	scratch.errors = c->errors;
	settings_free(c);
	*c = scratch;
	return 0;
}

int sy_config_load_file(struct sy_config *c, const char *path, bool optional)
{
	char *text;
	size_t len;
	struct stat sb;
	enum sy_read_result rd = sy_file_read(path, SY_YAML_MAX_BYTES, &text, &len, &sb);
	if (rd == SY_READ_OPEN && optional && errno == ENOENT)
		return 0;
	if (rd != SY_READ_OK) {
		char *msg = xasprintf(rd == SY_READ_OPEN ? _("%s: cannot open: %s") : _("%s: cannot read: %s"),
				      path, sy_read_strerror(rd, &sb, SY_YAML_MAX_BYTES));
		sy_strlist_add(&c->errors, msg);
		free(msg);
		return -1;
	}
	int rc = sy_config_load_string(c, path, text, len);
	free(text);
	return rc;
}

void sy_config_init(struct sy_config *c)
{
	memset(c, 0, sizeof *c);
	const struct sy_builtin *b = sy_builtin_find("config/default.yaml");
	if (b)
		sy_config_load_string(c, "<builtin>/config/default.yaml", b->data, b->len);
	else
		sy_strlist_add(&c->errors, _("the default config is not built in"));
}

char *sy_config_user_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/shenyue/config.yaml", xdg);
	const char *home = getenv("HOME");
	return home && *home ? xasprintf("%s/.config/shenyue/config.yaml", home) : NULL;
}

void sy_config_apply_binds(struct sy_config *c, struct sy_keymap *km)
{
	char err[256];
	for (size_t i = 0; i < c->nbinds; i++)
		if (sy_keymap_bind(km, c->binds[i].op, c->binds[i].key, err, sizeof err) != 0) {
			char *msg = xasprintf("bind %s: %s", c->binds[i].op, err);
			sy_strlist_add(&c->errors, msg);
			free(msg);
		}
}

/* Writes s as a YAML double-quoted string. */
static void dump_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (s = s ? s : ""; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void sy_config_dump(FILE *out, const struct sy_config *c)
{
	fputs("# shenyue settings (~/.config/shenyue/config.yaml)\n", out);
	for (size_t i = 0; i < NSETTINGS; i++) {
		const struct setting *s = &settings[i];
		fprintf(out, "\n# %s\n%s: ", s->help, s->key);
		if (s->type == SY_CFG_BOOL)
			fputs(*bool_at((struct sy_config *)c, s) ? "true" : "false", out);
		else if (s->type == SY_CFG_INT)
			fprintf(out, "%d", *int_at((struct sy_config *)c, s));
		else
			dump_string(out, *string_at((struct sy_config *)c, s));
		fputc('\n', out);
	}
	fputs("\n# Key rebindings: operation -> key or [keys]; shenyue --keys lists them.\nbind:", out);
	if (!c->nbinds)
		fputs(" {}", out);
	for (size_t i = 0; i < c->nbinds; i++) {
		fprintf(out, "\n  %s: ", c->binds[i].op);
		dump_string(out, c->binds[i].key);
	}
	fputc('\n', out);
}

static const struct setting *setting_find(const char *key)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (!strcmp(settings[i].key, key))
			return &settings[i];
	return NULL;
}

/* Returns "key: value\n" with the value quoted for YAML when it is a string. */
static char *setting_line(const struct setting *s, const char *value)
{
	if (s->type != SY_CFG_STRING)
		return xasprintf("%s: %s\n", s->key, value);
	char *buf = NULL;
	size_t n = 0;
	FILE *m = xopen_memstream(&buf, &n);
	fprintf(m, "%s: ", s->key);
	dump_string(m, value);
	fputc('\n', m);
	xclose_memstream(m);
	return buf;
}

/* text with the line for key replaced by line, or line appended. */
static char *replace_setting_line(const char *text, const char *key, const char *line)
{
	struct sy_buf b = {0};
	size_t klen = strlen(key);
	bool done = false;
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
		if (!done && !strncmp(p, key, klen) && p[klen] == ':') {
			sy_buf_puts(&b, line);
			done = true;
		} else {
			sy_buf_add(&b, p, n);
			if (!nl)
				sy_buf_puts(&b, "\n");
		}
		p += n;
	}
	if (!done)
		sy_buf_puts(&b, line);
	return sy_buf_steal(&b);
}

int sy_config_save_setting(const char *path, const char *key, const char *value, char *err, size_t errlen)
{
	const struct setting *s = setting_find(key);
	if (!s || !value) {
		snprintf(err, errlen, _("unknown setting '%s'"), key);
		return -1;
	}
	for (const char *c = value; *c; c++)
		if ((unsigned char)*c < 0x20) {
			snprintf(err, errlen, _("'%s' must be one line of text"), key);
			return -1;
		}
	char *line = setting_line(s, value);
	struct sy_config check;
	sy_config_init(&check);
	int rc = sy_config_load_string(&check, path, line, strlen(line));
	if (rc < 0)
		snprintf(err, errlen, "%s", check.errors.v[check.errors.n - 1]);
	sy_config_free(&check);
	char *text = NULL;
	size_t len = 0;
	if (rc == 0 && sy_file_read(path, 0, &text, &len, NULL) != SY_READ_OK && errno != ENOENT) {
		snprintf(err, errlen, _("%s: cannot read: %s"), path, strerror(errno));
		rc = -1;
	}
	if (rc == 0) {
		char *next = replace_setting_line(text ? text : "", key, line);
		rc = sy_file_write(path, next, strlen(next), SY_WRITE_REPLACE, NULL, err, errlen) == SY_WRITE_OK ? 0 : -1;
		free(next);
	}
	free(text);
	free(line);
	return rc;
}

void sy_config_free(struct sy_config *c)
{
	settings_free(c);
	sy_strlist_free(&c->errors);
	memset(c, 0, sizeof *c);
}
