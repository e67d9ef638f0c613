/* Tests of sy_unit_shared_prefix: the county's name that every unit of a
 * batch shares is found whole, never half a name, and only when it leaves
 * every unit a name of its own. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "shenyue/unitname.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_county_prefix(void **state)
{
	(void)state;
	const char *u[] = {"青禾县云溪镇人民政府", "青禾县人力资源和社会保障局", "青禾县市场监督管理局", NULL,
			   "青禾县人民政府办公室"};
	assert_int_equal(sy_unit_shared_prefix(u, N(u)), strlen("青禾县"));
}

static void test_whole_names_only(void **state)
{
	(void)state;
	/* 青禾县人 is common, but 人 starts a unit's own name. */
	const char *a[] = {"青禾县人民政府办公室", "青禾县人力资源和社会保障局"};
	assert_int_equal(sy_unit_shared_prefix(a, N(a)), strlen("青禾县"));
	/* 城 is common to 城关镇 and 城南街道: no division ends there. */
	const char *b[] = {"城关镇人民政府", "城南街道办事处"};
	assert_int_equal(sy_unit_shared_prefix(b, N(b)), 0);
	/* 市场 after 青禾市: the second 市 ends no name of two characters. */
	const char *c[] = {"青禾市市场监督管理局", "青禾市市政管理处"};
	assert_int_equal(sy_unit_shared_prefix(c, N(c)), strlen("青禾市"));
	/* A province and a city are both dropped. */
	const char *d[] = {"云岭省青禾市司法局", "云岭省青禾市财政局"};
	assert_int_equal(sy_unit_shared_prefix(d, N(d)), strlen("云岭省青禾市"));
}

static void test_nothing_to_drop(void **state)
{
	(void)state;
	const char *one[] = {"青禾县云溪镇人民政府", NULL};
	assert_int_equal(sy_unit_shared_prefix(one, N(one)), 0);
	assert_int_equal(sy_unit_shared_prefix(NULL, 0), 0);
	/* The county itself is one of the units: the prefix is its whole name. */
	const char *self[] = {"青禾县", "青禾县司法局"};
	assert_int_equal(sy_unit_shared_prefix(self, N(self)), 0);
	const char *apart[] = {"城关镇人民政府", "河口乡人民政府", "石桥街道办事处"};
	assert_int_equal(sy_unit_shared_prefix(apart, N(apart)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_county_prefix),
		cmocka_unit_test(test_whole_names_only),
		cmocka_unit_test(test_nothing_to_drop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
