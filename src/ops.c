/* The operations table and key names. See shenyue/ops.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shenyue/ops.h"
#include "shenyue/utf8.h"

static const struct sy_op_info op_table[] = {
	{SY_OP_NONE, "none", "", 0, ""},
#define SY_OP_ROW(id, name, keys, ctx, help) {SY_OP_##id, name, keys, ctx, help},
	SY_OPS(SY_OP_ROW)
#undef SY_OP_ROW
};

/* The contexts: name and kind of each bit, in bit order. */
static const struct {
	const char *name;
	enum sy_ctx_kind kind;
} ctx_table[SY_NCTX] = {
#define SY_CTX_ROW(id, name, kind) {name, SY_CTX_KIND_##kind},
	SY_CONTEXTS(SY_CTX_ROW)
#undef SY_CTX_ROW
};

/* Names of the keys that type nothing, and of the characters that read badly. */
static const struct {
	const char *name;
	uint32_t key;
} key_names[] = {
	{"Enter", SY_KEY_ENTER},   {"Tab", SY_KEY_TAB},       {"S-Tab", SY_KEY_BACKTAB},
	{"Esc", SY_KEY_ESC},       {"Space", ' '},            {"Up", SY_KEY_UP},
	{"Down", SY_KEY_DOWN},     {"Left", SY_KEY_LEFT},     {"Right", SY_KEY_RIGHT},
	{"PgUp", SY_KEY_PGUP},     {"PgDn", SY_KEY_PGDN},     {"Home", SY_KEY_HOME},
	{"End", SY_KEY_END},       {"Backspace", SY_KEY_BACKSPACE},
	{"Delete", SY_KEY_DELETE}, {"F1", SY_KEY_F1},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const struct sy_op_info *sy_op_info(enum sy_op op)
{
	if (op <= SY_OP_NONE || op >= SY_OP_COUNT)
		return NULL;
	return &op_table[op];
}

enum sy_op sy_op_by_name(const char *name)
{
	for (size_t i = 1; i < NELEM(op_table); i++)
		if (strcmp(op_table[i].name, name) == 0)
			return op_table[i].op;
	return SY_OP_NONE;
}

/* The index of a single context bit, or -1. */
static int ctx_index(unsigned ctx)
{
	for (int i = 0; i < SY_NCTX; i++)
		if (ctx == 1u << i)
			return i;
	return -1;
}

const char *sy_ctx_name(unsigned ctx)
{
	int i = ctx_index(ctx);
	return i < 0 ? NULL : ctx_table[i].name;
}

unsigned sy_ctx_by_name(const char *name)
{
	for (int i = 0; name && i < SY_NCTX; i++)
		if (strcmp(ctx_table[i].name, name) == 0)
			return 1u << i;
	return 0;
}

enum sy_ctx_kind sy_ctx_kind(unsigned ctx)
{
	int i = ctx_index(ctx);
	return i < 0 ? SY_CTX_KIND_PANE : ctx_table[i].kind;
}

void sy_ctx_names(unsigned mask, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < SY_NCTX; i++) {
		if (!(mask & (1u << i)))
			continue;
		int w = snprintf(buf + used, len - used, "%s%s", used ? " " : "", ctx_table[i].name);
		if (w < 0 || (size_t)w >= len - used)
			return;
		used += (size_t)w;
	}
}

/* Parses "C-x" (x a letter) into its control code. */
static int key_parse_ctrl(const char *name, uint32_t *key)
{
	char c = name[2];
	if (name[3] != '\0')
		return -1;
	if (c >= 'a' && c <= 'z')
		*key = (uint32_t)(c - 'a' + 1);
	else if (c >= 'A' && c <= 'Z')
		*key = (uint32_t)(c - 'A' + 1);
	else
		return -1;
	return 0;
}

int sy_key_parse(const char *name, uint32_t *key)
{
	if (!name || !*name)
		return -1;
	for (size_t i = 0; i < NELEM(key_names); i++) {
		if (strcmp(key_names[i].name, name) == 0) {
			*key = key_names[i].key;
			return 0;
		}
	}
	if (name[0] == 'C' && name[1] == '-' && name[2])
		return key_parse_ctrl(name, key);
	size_t n = strlen(name), len;
	uint32_t cp = utf8_decode(name, n, &len);
	if (len != n || cp == SY_REPLACEMENT || cp <= ' ' || cp == 0x7F)
		return -1;
	*key = cp;
	return 0;
}

void sy_key_name(uint32_t key, char *buf, size_t len)
{
	for (size_t i = 0; i < NELEM(key_names); i++) {
		if (key_names[i].key == key) {
			snprintf(buf, len, "%s", key_names[i].name);
			return;
		}
	}
	if (key >= 1 && key <= 26) {
		snprintf(buf, len, "C-%c", (char)('a' + key - 1));
	} else if (key > ' ' && key < SY_KEY_SPECIAL) {
		char u[5];
		u[utf8_encode(key, u)] = '\0';
		snprintf(buf, len, "%s", u);
	} else {
		snprintf(buf, len, "?");
	}
}
