/* Tests of src/layout.c: pure arithmetic, no terminal. Panes never overlap,
 * fill the screen above the status bar, and a small screen says so. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "shenyue/layout.h"
#include "ui_test_common.h"

/* Every cell above the status bar belongs to exactly one pane or separator. */
static void assert_tiles(const struct sy_layout *l)
{
	for (int y = 0; y < l->rows - 1; y++) {
		for (int x = 0; x < l->cols; x++) {
			int owners = 0;
			for (int p = 0; p < SY_NPANES; p++) {
				const struct sy_rect *r = &l->pane[p];
				owners += l->visible[p] && y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
			}
			for (int s = 0; s < l->nsep; s++) {
				const struct sy_rect *r = &l->sep[s];
				owners += y >= r->y && y < r->y + r->h && x == r->x;
			}
			if (owners != 1)
				fail_msg("cell %d,%d has %d owners at %dx%d", y, x, owners, l->cols, l->rows);
		}
	}
	assert_int_equal(l->status.y, l->rows - 1);
	assert_int_equal(l->status.w, l->cols);
}

static void test_sizes_tile(void **state)
{
	(void)state;
	static const int sizes[][2] = {{16, 60}, {24, 80}, {48, 160}, {60, 200}, {40, 119},
				       {40, 120}, {25, 81}, {300, 1000}};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct sy_layout l;
		sy_layout_compute(&l, sizes[i][0], sizes[i][1], -1);
		assert_false(l.too_small);
		assert_tiles(&l);
		assert_true(l.pane[SY_PANE_VIEWER].w >= 30);
		assert_true(l.pane[SY_PANE_LIST].h >= 4);
	}
}

static void test_wide_and_narrow(void **state)
{
	(void)state;
	struct sy_layout l;
	sy_layout_compute(&l, 24, 80, -1);
	assert_false(l.wide);
	assert_int_equal(l.pane[SY_PANE_LIST].x, l.pane[SY_PANE_CHECKLIST].x);
	assert_true(l.pane[SY_PANE_CHECKLIST].y > l.pane[SY_PANE_LIST].y);
	sy_layout_compute(&l, 48, 160, -1);
	assert_true(l.wide);
	assert_true(l.pane[SY_PANE_LIST].x < l.pane[SY_PANE_VIEWER].x);
	assert_true(l.pane[SY_PANE_VIEWER].x < l.pane[SY_PANE_CHECKLIST].x);
	assert_int_equal(l.nsep, 2);
}

/* Past 160 columns the list grows (for its review columns) while the viewer
 * keeps a reading width; the widths grow with the screen, never jump back. */
static void test_roomy(void **state)
{
	(void)state;
	struct sy_layout l;
	int last_list = 0;
	for (int cols = SY_LAYOUT_ROOMY_COLS; cols <= 320; cols++) {
		sy_layout_compute(&l, 60, cols, -1);
		int list = l.pane[SY_PANE_LIST].w;
		assert_true(list >= last_list);
		assert_true(l.pane[SY_PANE_VIEWER].w >= 60);
		last_list = list;
	}
	sy_layout_compute(&l, 60, 200, -1);
	assert_true(l.pane[SY_PANE_LIST].w >= 78);
	sy_layout_compute(&l, 48, 160, -1);
	assert_int_equal(l.pane[SY_PANE_LIST].w, 40); /* as before up to 160 */
	assert_int_equal(l.pane[SY_PANE_CHECKLIST].w, 45);
}

static void test_too_small(void **state)
{
	(void)state;
	struct sy_layout l;
	sy_layout_compute(&l, 15, 80, -1);
	assert_true(l.too_small);
	sy_layout_compute(&l, 24, 59, -1);
	assert_true(l.too_small);
	for (int p = 0; p < SY_NPANES; p++)
		assert_false(l.visible[p]);
	sy_layout_compute(&l, 0, 0, -1);
	assert_true(l.too_small);
}

static void test_zoom(void **state)
{
	(void)state;
	struct sy_layout l;
	sy_layout_compute(&l, 24, 80, SY_PANE_VIEWER);
	assert_true(l.visible[SY_PANE_VIEWER]);
	assert_false(l.visible[SY_PANE_LIST]);
	assert_int_equal(l.pane[SY_PANE_VIEWER].w, 80);
	assert_int_equal(l.pane[SY_PANE_VIEWER].h, 23);
	assert_tiles(&l);
}

static void test_pane_at(void **state)
{
	(void)state;
	struct sy_layout l;
	sy_layout_compute(&l, 24, 80, -1);
	assert_int_equal(sy_layout_pane_at(&l, 1, 1), SY_PANE_LIST);
	assert_int_equal(sy_layout_pane_at(&l, 22, 1), SY_PANE_CHECKLIST);
	assert_int_equal(sy_layout_pane_at(&l, 5, 79), SY_PANE_VIEWER);
	assert_int_equal(sy_layout_pane_at(&l, 23, 5), -1); /* status bar */
	assert_int_equal(sy_layout_pane_at(&l, 5, l.sep[0].x), -1);
}

int main(void)
{
	if (ui_test_setup_locale() != 0)
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes_tile),
		cmocka_unit_test(test_wide_and_narrow),
		cmocka_unit_test(test_roomy),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_zoom),
		cmocka_unit_test(test_pane_at),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
