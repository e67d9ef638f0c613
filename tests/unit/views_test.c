/* Tests of the view registry (ui/views.c), linked from the UI library
 * without starting curses: every view has a context in ops.h of its kind,
 * every context has a view, and every op of a view's context has a handler
 * in that view (its own table, the panes' shared one, or a view it opens).
 * Before the registry, an op without a handler did nothing, silently. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../ui/ui.h"
#include "ui_test_common.h"

static void test_views_have_contexts(void **state)
{
	(void)state;
	size_t n;
	const struct ui_view_ops *const *t = ui_views_table(&n);
	assert_true(n >= 3);
	for (size_t i = 0; i < n; i++) {
		unsigned ctx = sy_ctx_by_name(t[i]->name);
		if (!ctx)
			fail_msg("view %s has no context in ops.h (SY_CONTEXTS)", t[i]->name);
		if (sy_ctx_kind(ctx) != t[i]->kind)
			fail_msg("view %s is not of the kind its context says", t[i]->name);
		assert_non_null(t[i]->label);
		assert_non_null(t[i]->draw);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(t[i]->name, t[j]->name))
				fail_msg("two views named %s", t[i]->name);
	}
}

static void test_contexts_have_views(void **state)
{
	(void)state;
	size_t n;
	const struct ui_view_ops *const *t = ui_views_table(&n);
	for (int c = 0; c < SY_NCTX; c++) {
		bool found = false;
		for (size_t i = 0; i < n; i++)
			found |= sy_ctx_by_name(t[i]->name) == 1u << c;
		if (!found)
			fail_msg("context %s has no view in ui/views.c", sy_ctx_name(1u << c));
	}
}

static void test_every_op_has_a_handler(void **state)
{
	(void)state;
	size_t n;
	const struct ui_view_ops *const *t = ui_views_table(&n);
	for (size_t i = 0; i < n; i++) {
		enum sy_op missing;
		size_t k = ui_views_missing_handlers(t[i], &missing);
		if (k)
			fail_msg("view %s has no handler for %zu op(s) of its context, first %s", t[i]->name, k,
				 sy_op_info(missing)->name);
	}
}

static int do_nothing(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	(void)v;
	return UI_NONE;
}

/* The check itself catches a view that lacks handlers. */
static void test_missing_handler_is_caught(void **state)
{
	(void)state;
	struct ui_view_ops bare_list = {.name = "list", .kind = SY_CTX_KIND_PANE};
	enum sy_op missing;
	/* The shared pane ops answer quit, tag...; moving and sorting are the list's own. */
	size_t k = ui_views_missing_handlers(&bare_list, &missing);
	assert_int_equal(missing, SY_OP_MOVE_DOWN);
	size_t own = 0;
	for (int op = SY_OP_NONE + 1; op < SY_OP_COUNT; op++)
		own += (sy_op_info((enum sy_op)op)->ctx & SY_CTX_PANES) == SY_CTX_LIST;
	assert_true(k >= own + 6); /* the list's own ops, and the six moves */

	static const struct ui_view_handler outline_close[] = {{SY_OP_CLOSE, do_nothing}, {SY_OP_NONE, NULL}};
	struct ui_view_ops bare_outline = {.name = "outline", .kind = SY_CTX_KIND_POPUP, .handlers = outline_close};
	assert_true(ui_views_missing_handlers(&bare_outline, &missing) > 0);
	assert_int_equal(missing, SY_OP_MOVE_DOWN);
}

/* A popup's opener works in the panes, and only one view answers it. */
static void test_openers(void **state)
{
	(void)state;
	size_t n;
	const struct ui_view_ops *const *t = ui_views_table(&n);
	for (size_t i = 0; i < n; i++) {
		if (t[i]->open_op == SY_OP_NONE)
			continue;
		assert_int_not_equal(t[i]->kind, SY_CTX_KIND_PANE);
		assert_true(sy_op_info(t[i]->open_op)->ctx & SY_CTX_PANES);
		for (size_t j = 0; j < n; j++)
			if (j != i && t[j]->open_op == t[i]->open_op)
				fail_msg("views %s and %s both open with %s", t[i]->name, t[j]->name,
					 sy_op_info(t[i]->open_op)->name);
	}
}

int main(void)
{
	if (ui_test_setup_locale() != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_views_have_contexts),
		cmocka_unit_test(test_contexts_have_views),
		cmocka_unit_test(test_every_op_has_a_handler),
		cmocka_unit_test(test_missing_handler_is_caught),
		cmocka_unit_test(test_openers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
