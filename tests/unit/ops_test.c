/* Tests of the operations table and the keymap: every op is complete and
 * reachable, key names round-trip, lookups respect the pane, rebinding. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "shenyue/ops.h"
#include "ui_test_common.h"

static void test_table_is_complete(void **state)
{
	(void)state;
	for (int op = SY_OP_NONE + 1; op < SY_OP_COUNT; op++) {
		const struct sy_op_info *i = sy_op_info((enum sy_op)op);
		assert_non_null(i);
		assert_int_equal(i->op, op);
		assert_true(i->name[0] && i->help[0] && i->keys[0]);
		assert_true(i->ctx != 0);
		assert_int_equal(sy_op_by_name(i->name), op);
	}
	assert_null(sy_op_info(SY_OP_NONE));
	assert_null(sy_op_info(SY_OP_COUNT));
	assert_int_equal(sy_op_by_name("no-such-op"), SY_OP_NONE);
}

static void test_default_keys_parse(void **state)
{
	(void)state;
	struct sy_keymap km;
	sy_keymap_init_default(&km);
	for (int op = SY_OP_NONE + 1; op < SY_OP_COUNT; op++) {
		const struct sy_op_info *i = sy_op_info((enum sy_op)op);
		char buf[128], *save = NULL;
		snprintf(buf, sizeof buf, "%s", i->keys);
		for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			uint32_t key;
			assert_int_equal(sy_key_parse(t, &key), 0);
			/* Each default key reaches its op in some context of the op. */
			bool found = false;
			for (unsigned c = 1; c < 1u << SY_NCTX; c <<= 1)
				if ((i->ctx & c) && (int)sy_keymap_lookup(&km, c, key) == op)
					found = true;
			assert_true(found);
		}
	}
	sy_keymap_free(&km);
}

static void test_key_names(void **state)
{
	(void)state;
	uint32_t k;
	char name[16];
	assert_int_equal(sy_key_parse("C-f", &k), 0);
	assert_int_equal(k, 6);
	sy_key_name(k, name, sizeof name);
	assert_string_equal(name, "C-f");
	assert_int_equal(sy_key_parse("S-Tab", &k), 0);
	assert_int_equal(k, SY_KEY_BACKTAB);
	assert_int_equal(sy_key_parse("PgDn", &k), 0);
	sy_key_name(k, name, sizeof name);
	assert_string_equal(name, "PgDn");
	assert_int_equal(sy_key_parse("审", &k), 0);
	assert_int_equal(k, 0x5BA1);
	sy_key_name(k, name, sizeof name);
	assert_string_equal(name, "审");
	assert_int_equal(sy_key_parse("Tab", &k), 0);
	assert_int_equal(k, 9);
	assert_int_equal(sy_key_parse("", &k), -1);
	assert_int_equal(sy_key_parse("ab", &k), -1);
	assert_int_equal(sy_key_parse("C-", &k), -1);
	assert_int_equal(sy_key_parse("C-1", &k), -1);
	assert_int_equal(sy_key_parse("\xff", &k), -1);
}

static void test_lookup_by_pane(void **state)
{
	(void)state;
	struct sy_keymap km;
	sy_keymap_init_default(&km);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_LIST, SY_KEY_ENTER), SY_OP_OPEN);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_CHECKLIST, SY_KEY_ENTER), SY_OP_JUMP);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_OUTLINE, SY_KEY_ENTER), SY_OP_PICK);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_VIEWER, SY_KEY_ENTER), SY_OP_NONE);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_VIEWER, 'q'), SY_OP_QUIT);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_HELP, 'q'), SY_OP_CLOSE);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_VIEWER, '/'), SY_OP_SEARCH);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_LIST, '/'), SY_OP_NONE);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_LIST, 'f'), SY_OP_FILTER);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_CHECKLIST, 'j'), SY_OP_MOVE_DOWN);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_VIEWER, SY_KEY_DOWN), SY_OP_MOVE_DOWN);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_LIST, SY_KEY_BACKTAB), SY_OP_PREV_PANE);
	sy_keymap_free(&km);
}

static void test_bind_replaces(void **state)
{
	(void)state;
	struct sy_keymap km;
	char err[128];
	sy_keymap_init_default(&km);
	assert_int_equal(sy_keymap_bind(&km, "search", "s", err, sizeof err), 0);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_VIEWER, 's'), SY_OP_SEARCH);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_LIST, 's'), SY_OP_SORT); /* other pane kept */
	assert_int_equal(sy_keymap_bind(&km, "quit", "C-q", err, sizeof err), 0);
	assert_int_equal(sy_keymap_lookup(&km, SY_CTX_LIST, 17), SY_OP_QUIT);
	assert_int_equal(sy_keymap_bind(&km, "frobnicate", "x", err, sizeof err), -1);
	assert_non_null(strstr(err, "frobnicate"));
	assert_int_equal(sy_keymap_bind(&km, "quit", "Hyper-x", err, sizeof err), -1);
	char keys[64];
	sy_keymap_keys_of(&km, SY_OP_MOVE_DOWN, SY_CTX_VIEWER, keys, sizeof keys);
	assert_string_equal(keys, "j Down C-n");
	sy_keymap_free(&km);
}

static void test_no_key_conflicts(void **state)
{
	(void)state;
	/* Within one context, no default key names two ops. */
	for (int a = SY_OP_NONE + 1; a < SY_OP_COUNT; a++) {
		for (int b = a + 1; b < SY_OP_COUNT; b++) {
			const struct sy_op_info *ia = sy_op_info((enum sy_op)a), *ib = sy_op_info((enum sy_op)b);
			if (!(ia->ctx & ib->ctx))
				continue;
			char ka[128], kb[128], *sa = NULL;
			snprintf(ka, sizeof ka, "%s", ia->keys);
			for (char *t = strtok_r(ka, " ", &sa); t; t = strtok_r(NULL, " ", &sa)) {
				char *sb = NULL;
				snprintf(kb, sizeof kb, "%s", ib->keys);
				for (char *u = strtok_r(kb, " ", &sb); u; u = strtok_r(NULL, " ", &sb))
					if (strcmp(t, u) == 0)
						fail_msg("key %s is bound to both %s and %s", t, ia->name, ib->name);
			}
		}
	}
}

int main(void)
{
	if (ui_test_setup_locale() != 0)
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_is_complete),
		cmocka_unit_test(test_default_keys_parse),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_lookup_by_pane),
		cmocka_unit_test(test_bind_replaces),
		cmocka_unit_test(test_no_key_conflicts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
