/* Theme loader: YAML -> a style per semantic slot. See shenyue/theme.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shenyue/fileio.h"
#include "shenyue/builtin.h"
#include "shenyue/i18n.h"
#include "shenyue/theme.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const slot_names[SY_SLOT_COUNT] = {
#define SY_SLOT_NAME(id, name, help) name,
	SY_THEME_SLOTS(SY_SLOT_NAME)
#undef SY_SLOT_NAME
};

static const char *const color_names[8] = {"black", "red",     "green", "yellow",
					   "blue",  "magenta", "cyan",  "white"};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{"bold", SY_ATTR_BOLD},     {"underline", SY_ATTR_UNDERLINE}, {"reverse", SY_ATTR_REVERSE},
	{"dim", SY_ATTR_DIM},       {"italic", SY_ATTR_ITALIC},       {"standout", SY_ATTR_STANDOUT},
};

const char *sy_slot_name(enum sy_slot s)
{
	return (unsigned)s < SY_SLOT_COUNT ? slot_names[s] : "?";
}

int sy_slot_by_name(const char *name)
{
	for (int i = 0; i < SY_SLOT_COUNT; i++)
		if (strcmp(slot_names[i], name) == 0)
			return i;
	return -1;
}

/* Parses a decimal colour number 0..255. */
static int color_parse_number(const char *s, int *color)
{
	char *end = NULL;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < 0 || v > 255)
		return -1;
	*color = (int)v;
	return 0;
}

int sy_color_parse(const char *s, int *color)
{
	if (!s)
		return -1;
	if (strcmp(s, "default") == 0) {
		*color = SY_COLOR_DEFAULT;
		return 0;
	}
	int bright = strncmp(s, "bright-", 7) == 0 ? 8 : 0;
	const char *base = bright ? s + 7 : s;
	for (int i = 0; i < 8; i++) {
		if (strcmp(base, color_names[i]) == 0) {
			*color = i + bright;
			return 0;
		}
	}
	return bright ? -1 : color_parse_number(s, color);
}

/* Maps an xterm 6x6x6 cube or grey-ramp colour to the nearest basic colour. */
static int color_256_to_8(int c)
{
	if (c >= 232) /* grey ramp */
		return c < 244 ? 0 : 7;
	c -= 16;
	int r = c / 36, g = (c / 6) % 6, b = c % 6;
	int bits = (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0);
	return bits;
}

int sy_color_to_8(int color, bool *bold)
{
	*bold = false;
	if (color < 8)
		return color;
	if (color < 16) {
		*bold = true;
		return color - 8;
	}
	return color_256_to_8(color);
}

static void theme_set_plain(struct sy_theme *t)
{
	for (int i = 0; i < SY_SLOT_COUNT; i++)
		t->slot[i] = (struct sy_style){SY_COLOR_DEFAULT, SY_COLOR_DEFAULT, 0};
}

static int style_read_color(struct sy_yaml *y, const yaml_node_t *map, const char *key, int *out,
			    char *err, size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, map, key);
	if (!n)
		return 0;
	if (sy_color_parse(sy_yaml_scalar(n), out) != 0)
		return sy_yaml_error(y, n, err, errlen,
				     _("'%s' must be a colour: default, red, bright-red... or 0-255"), key);
	return 0;
}

static int style_read_attr(struct sy_yaml *y, const yaml_node_t *n, unsigned *attrs, char *err,
			   size_t errlen)
{
	const char *s = sy_yaml_scalar(n);
	for (size_t i = 0; s && i < NELEM(attr_names); i++) {
		if (strcmp(s, attr_names[i].name) == 0) {
			*attrs |= attr_names[i].bit;
			return 0;
		}
	}
	return sy_yaml_error(y, n, err, errlen,
			     _("unknown attribute '%s' (bold, underline, reverse, dim, italic, standout)"),
			     s ? s : "");
}

static int style_read_attrs(struct sy_yaml *y, const yaml_node_t *map, unsigned *attrs,
			    char *err, size_t errlen)
{
	yaml_node_t *n = sy_yaml_get(y, map, "attrs");
	if (sy_yaml_is_null(n))
		return 0;
	if (n->type == YAML_SCALAR_NODE)
		return style_read_attr(y, n, attrs, err, errlen);
	if (n->type != YAML_SEQUENCE_NODE)
		return sy_yaml_error(y, n, err, errlen, _("'attrs' must be a list such as [bold, underline]"));
	for (size_t i = 0; i < sy_yaml_len(n); i++)
		if (style_read_attr(y, sy_yaml_item(y, n, i), attrs, err, errlen) != 0)
			return -1;
	return 0;
}

static int theme_read_style(struct sy_yaml *y, const yaml_node_t *map, struct sy_style *st,
			    char *err, size_t errlen)
{
	static const char *const keys[] = {"fg", "bg", "attrs", NULL};
	if (sy_yaml_expect_map(y, map, "a slot's style", err, errlen) != 0 ||
	    sy_yaml_check_keys(y, map, keys, err, errlen) != 0)
		return -1;
	*st = (struct sy_style){SY_COLOR_DEFAULT, SY_COLOR_DEFAULT, 0};
	if (style_read_color(y, map, "fg", &st->fg, err, errlen) != 0 ||
	    style_read_color(y, map, "bg", &st->bg, err, errlen) != 0)
		return -1;
	return style_read_attrs(y, map, &st->attrs, err, errlen);
}

static int theme_read_slots(struct sy_yaml *y, const yaml_node_t *slots, struct sy_theme *t,
			    char *err, size_t errlen)
{
	if (sy_yaml_expect_map(y, slots, "'slots'", err, errlen) != 0)
		return -1;
	for (yaml_node_pair_t *p = slots->data.mapping.pairs.start; p < slots->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, p->key);
		const char *name = sy_yaml_scalar(k);
		int s = name ? sy_slot_by_name(name) : -1;
		if (s < 0)
			return sy_yaml_error(y, k, err, errlen, _("unknown slot '%s'"), name ? name : "");
		yaml_node_t *v = yaml_document_get_node(&y->doc, p->value);
		if (theme_read_style(y, v, &t->slot[s], err, errlen) != 0)
			return -1;
	}
	return 0;
}

/* Reads `background: dark | light | any` (left out: any). */
static int theme_read_background(struct sy_yaml *y, const yaml_node_t *root, struct sy_theme *t,
				 char *err, size_t errlen)
{
	static const char *const names[] = {"any", "dark", "light"};
	yaml_node_t *n = sy_yaml_get(y, root, "background");
	if (!n)
		return 0;
	const char *s = sy_yaml_scalar(n);
	for (int i = 0; s && i < 3; i++)
		if (!strcmp(s, names[i])) {
			t->meant_for = (enum sy_background)i;
			return 0;
		}
	return sy_yaml_error(y, n, err, errlen, _("'background' must be dark, light or any"));
}

static int theme_read(struct sy_yaml *y, struct sy_theme *t, char *err, size_t errlen)
{
	static const char *const keys[] = {"name", "background", "slots", NULL};
	yaml_node_t *root = sy_yaml_root(y);
	if (sy_yaml_expect_map(y, root, "a theme", err, errlen) != 0 ||
	    sy_yaml_check_keys(y, root, keys, err, errlen) != 0 ||
	    sy_yaml_get_str(y, root, "name", false, &t->name, err, errlen) != 0 ||
	    theme_read_background(y, root, t, err, errlen) != 0)
		return -1;
	yaml_node_t *slots = sy_yaml_get(y, root, "slots");
	if (!slots)
		return sy_yaml_error(y, root, err, errlen, _("'slots' is required"));
	return theme_read_slots(y, slots, t, err, errlen);
}

int sy_theme_load_string(struct sy_theme *t, const char *source, const char *yaml, size_t len,
			 char *err, size_t errlen)
{
	struct sy_yaml y;
	struct sy_theme scratch = {0};
	theme_set_plain(&scratch);
	int rc = sy_yaml_parse(&y, source, yaml, len, err, errlen);
	if (rc == 0)
		rc = theme_read(&y, &scratch, err, errlen);
	sy_yaml_free(&y);
	if (rc != 0) {
		sy_theme_free(&scratch);
		return -1;
	}
	if (!scratch.name)
		scratch.name = xstrdup(source);
	scratch.source = xstrdup(source);
	sy_theme_free(t);
	*t = scratch;
	return 0;
}

int sy_theme_load_file(struct sy_theme *t, const char *path, char *err, size_t errlen)
{
	size_t len = 0;
	char *text;
	struct stat sb;
	enum sy_read_result rd = sy_file_read(path, SY_YAML_MAX_BYTES, &text, &len, &sb);
	if (rd != SY_READ_OK) {
		snprintf(err, errlen, rd == SY_READ_OPEN ? _("%s: cannot open: %s") : _("%s: cannot read: %s"),
			 path, sy_read_strerror(rd, &sb, SY_YAML_MAX_BYTES));
		return -1;
	}
	int rc = sy_theme_load_string(t, path, text, len, err, errlen);
	free(text);
	return rc;
}

const char *const sy_builtin_themes[] = {"dark", "light", "neutral", "high-contrast", "mono", NULL};

const char *sy_theme_resolve(const char *name, enum sy_background bg)
{
	if (name && *name && strcmp(name, "default"))
		return name;
	return bg == SY_BG_DARK ? "dark" : bg == SY_BG_LIGHT ? "light" : "neutral";
}

int sy_theme_load_builtin(struct sy_theme *t, const char *name, char *err, size_t errlen)
{
	char path[128];
	name = sy_theme_resolve(name, SY_BG_UNKNOWN);
	snprintf(path, sizeof path, "themes/%s.yaml", name);
	const struct sy_builtin *b = strchr(name, '/') ? NULL : sy_builtin_find(path);
	if (!b) {
		snprintf(err, errlen,
			 _("no theme named '%s' (default, dark, light, neutral, high-contrast, mono)"), name);
		return -1;
	}
	char source[160];
	snprintf(source, sizeof source, "<builtin>/%s", path);
	return sy_theme_load_string(t, source, b->data, b->len, err, errlen);
}

static bool theme_name_is_file(const char *s)
{
	size_t n = strlen(s);
	return strchr(s, '/') || (n > 5 && strcmp(s + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(s + n - 4, ".yml") == 0);
}

int sy_theme_load(struct sy_theme *t, const char *name_or_file, enum sy_background bg, char *err,
		  size_t errlen)
{
	const char *s = sy_theme_resolve(name_or_file, bg);
	int rc = theme_name_is_file(s) ? sy_theme_load_file(t, s, err, errlen)
				       : sy_theme_load_builtin(t, s, err, errlen);
	if (rc == 0)
		return 0;
	char ignored[256];
	if (sy_theme_load_builtin(t, sy_theme_resolve(NULL, bg), ignored, sizeof ignored) != 0) {
		sy_theme_free(t);
		theme_set_plain(t);
		t->name = xstrdup("plain");
		t->source = xstrdup("<none>");
	}
	return -1;
}

void sy_theme_free(struct sy_theme *t)
{
	free(t->name);
	free(t->source);
	t->name = NULL;
	t->source = NULL;
}
