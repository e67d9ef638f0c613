/* Key -> operation lookup, filled from the operations table. No curses. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/ops.h"
#include "shenyue/xalloc.h"

/* Removes ctx bits from every binding of key; drops bindings left with none. */
static void keymap_unbind(struct sy_keymap *km, uint32_t key, unsigned ctx)
{
	size_t j = 0;
	for (size_t i = 0; i < km->n; i++) {
		if (km->b[i].key == key)
			km->b[i].ctx &= ~ctx;
		if (km->b[i].ctx)
			km->b[j++] = km->b[i];
	}
	km->n = j;
}

static void keymap_add(struct sy_keymap *km, uint32_t key, unsigned ctx, enum sy_op op)
{
	keymap_unbind(km, key, ctx);
	km->b = xreallocarray(km->b, km->n + 1, sizeof *km->b);
	km->b[km->n++] = (struct sy_binding){key, ctx, op};
}

/* Binds every key named in the space-separated list to op. */
static void keymap_add_list(struct sy_keymap *km, const struct sy_op_info *info)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", info->keys);
	for (char *save = NULL, *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		uint32_t key;
		if (sy_key_parse(t, &key) == 0)
			keymap_add(km, key, info->ctx, info->op);
	}
}

void sy_keymap_init_default(struct sy_keymap *km)
{
	memset(km, 0, sizeof *km);
	for (int op = SY_OP_NONE + 1; op < SY_OP_COUNT; op++)
		keymap_add_list(km, sy_op_info((enum sy_op)op));
}

int sy_keymap_bind(struct sy_keymap *km, const char *opname, const char *keyspec, char *err,
		   size_t errlen)
{
	enum sy_op op = sy_op_by_name(opname);
	if (op == SY_OP_NONE) {
		snprintf(err, errlen, _("unknown operation '%s'"), opname);
		return -1;
	}
	uint32_t key;
	if (sy_key_parse(keyspec, &key) != 0) {
		snprintf(err, errlen, _("unknown key '%s'"), keyspec);
		return -1;
	}
	keymap_add(km, key, sy_op_info(op)->ctx, op);
	return 0;
}

enum sy_op sy_keymap_lookup(const struct sy_keymap *km, unsigned ctx, uint32_t key)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->b[i].key == key && (km->b[i].ctx & ctx))
			return km->b[i].op;
	return SY_OP_NONE;
}

void sy_keymap_keys_of(const struct sy_keymap *km, enum sy_op op, unsigned ctx, char *buf,
		       size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < km->n && used + 1 < len; i++) {
		if (km->b[i].op != op || !(km->b[i].ctx & ctx))
			continue;
		char name[16];
		sy_key_name(km->b[i].key, name, sizeof name);
		int w = snprintf(buf + used, len - used, "%s%s", used ? " " : "", name);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
}

void sy_keymap_free(struct sy_keymap *km)
{
	free(km->b);
	km->b = NULL;
	km->n = 0;
}
