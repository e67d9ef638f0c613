/* The arena behind a report's lines: strings that stay put until freed. */
#include "config.h"

#include "../test_common.h"
#include "shenyue/arena.h"

static void test_strings_survive_new_blocks(void **state)
{
	struct sy_arena a = {0};
	char *p[2000];
	char want[32];
	size_t bytes = 0;
	for (int i = 0; i < 2000; i++) {
		snprintf(want, sizeof want, "line %d", i);
		p[i] = sy_arena_strndup(&a, want, strlen(want));
		bytes += strlen(want) + 1;
	}
	for (int i = 0; i < 2000; i++) {
		snprintf(want, sizeof want, "line %d", i);
		assert_string_equal(p[i], want);
	}
	assert_int_equal(a.used, bytes);
	assert_true(a.held >= a.used);
	sy_arena_free(&a);
	assert_null(a.head);
	assert_int_equal(a.used, 0);
}

static void test_used_counts_every_byte(void **state)
{
	struct sy_arena a = {0};
	size_t total = 0;
	for (size_t n = 1; n < 300; n++) {
		char *p = sy_arena_alloc(&a, n);
		memset(p, 'x', n); /* ASan: every byte handed out is ours */
		total += n;
	}
	assert_int_equal(a.used, total);
	sy_arena_free(&a);
}

static void test_big_request_gets_its_own_block(void **state)
{
	struct sy_arena a = {0};
	char *small = sy_arena_strndup(&a, "a", 1);
	char *big = sy_arena_alloc(&a, 1 << 20);
	memset(big, 'b', 1 << 20);
	assert_string_equal(small, "a");
	assert_true(a.held >= (1u << 20));
	sy_arena_free(&a);
}

static void test_reserve_makes_one_block_hold_it_all(void **state)
{
	struct sy_arena a = {0};
	sy_arena_reserve(&a, 100000);
	char *first = sy_arena_alloc(&a, 10);
	char *last = NULL;
	for (int i = 0; i < 9999; i++)
		last = sy_arena_alloc(&a, 10);
	assert_ptr_equal(last, first + 99990); /* contiguous: no second block */
	assert_int_equal(a.held, 100000);
	sy_arena_free(&a);
}

static void test_shrink_last_gives_back_the_tail(void **state)
{
	struct sy_arena a = {0};
	char *p = sy_arena_alloc(&a, 100);
	sy_arena_shrink_last(&a, p, 100, 4);
	assert_int_equal(a.used, 4);
	char *q = sy_arena_alloc(&a, 1);
	assert_ptr_equal(q, p + 4);
	/* only the last allocation can shrink: an older one is left alone */
	sy_arena_shrink_last(&a, p, 4, 0);
	assert_int_equal(a.used, 5);
	sy_arena_free(&a);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings_survive_new_blocks),
		cmocka_unit_test(test_used_counts_every_byte),
		cmocka_unit_test(test_big_request_gets_its_own_block),
		cmocka_unit_test(test_reserve_makes_one_block_hold_it_all),
		cmocka_unit_test(test_shrink_last_gives_back_the_tail),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
