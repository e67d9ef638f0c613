/* The multi-pattern matcher gives exactly sy_pattern_match's answers: on the
 * default rubric over every line of the seed reports, and on made-up
 * patterns (gaps, overlaps, placeholders) over random text. */
#include "config.h"

#include <dirent.h>

#include "../test_common.h"
#include "shenyue/fileio.h"
#include "shenyue/matcher.h"
#include "shenyue/xalloc.h"

static const int years[] = { 0, 2023, 2024, 2025 };

/* Every pattern of l, and the list as a whole, against text: matcher vs sy_pattern_match. */
static void check_list(const struct sy_matcher *m, const struct sy_strlist *l, const char *text, size_t *hits)
{
	for (size_t y = 0; y < sizeof years / sizeof *years; y++) {
		struct sy_hits h = {0};
		sy_matcher_scan(m, text, years[y], &h);
		for (size_t i = 0; i < l->n; i++) {
			size_t at_want = 99999, at_got = 88888;
			bool want = sy_pattern_match(l->v[i], text, years[y], &at_want);
			bool got = sy_hits_one(&h, l, i, &at_got);
			if (want != got || (want && at_want != at_got))
				fail_msg("pattern \"%s\" on \"%s\" (year %d): want %d at %zu, got %d at %zu", l->v[i], text,
					 years[y], want, at_want, got, at_got);
			*hits += want;
		}
		size_t w_want = 77777, w_got = 66666;
		bool want = sy_patterns_match(l, text, years[y], &w_want);
		bool got = sy_hits_any(&h, l, &w_got);
		assert_int_equal(want, got);
		if (want)
			assert_int_equal(w_want, w_got);
		assert_int_equal(want, sy_rubric_match(test_rubric(), l, text, years[y], NULL));
		sy_hits_free(&h);
	}
}

/* Every list the rubric compiles, against text. */
static void check_rubric_lists(const struct sy_rubric *r, const char *text, size_t *hits)
{
	for (size_t i = 0; i < r->nparts; i++) {
		const struct sy_part *p = &r->parts[i];
		const struct sy_strlist *lists[] = { &p->headings, &p->top_headings, &p->exclude, &p->mentions };
		for (size_t k = 0; k < 4; k++)
			check_list(r->matcher, lists[k], text, hits);
		for (size_t a = 0; a < p->naspects; a++) {
			const struct sy_aspect *as = &p->aspects[a];
			const struct sy_strlist *al[] = { &as->heading, &as->body,   &as->weak,   &as->unless,
							  &as->lacking, &as->stated, &as->refers, &as->causal };
			for (size_t k = 0; k < sizeof al / sizeof *al; k++)
				check_list(r->matcher, al[k], text, hits);
		}
	}
}

static void test_default_rubric_on_seed_lines(void **state)
{
	const struct sy_rubric *r = test_rubric();
	assert_non_null(r->matcher);
	assert_true(sy_matcher_patterns(r->matcher) > 100);
	const char *dir = getenv("SHENYUE_SEEDS");
	char path[4096];
	if (!dir || !*dir) {
		snprintf(path, sizeof path, "%s/../shared/seeds", getenv("SRCDIR") ? getenv("SRCDIR") : ".");
		dir = path;
	}
	DIR *d = opendir(dir);
	if (!d)
		skip();
	size_t lines = 0, hits = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".txt"))
			continue;
		char file[8192];
		snprintf(file, sizeof file, "%s/%s", dir, e->d_name);
		struct sy_doc doc;
		char err[256];
		if (sy_doc_load(&doc, file, err, sizeof err)) {
			sy_doc_free(&doc); /* it holds the path even so */
			continue;
		}
		for (size_t i = 0; i < doc.nlines; i++, lines++) {
			check_rubric_lists(r, doc.lines[i].sq, &hits);
			check_rubric_lists(r, doc.lines[i].norm, &hits);
			/* and each clause, as the scorer reads aspects clause by clause */
			char *copy = xstrdup(doc.lines[i].sq);
			for (char *c = strtok(copy, ",;。"); c; c = strtok(NULL, ",;。"))
				check_rubric_lists(r, c, &hits);
			free(copy);
		}
		sy_doc_free(&doc);
	}
	closedir(d);
	assert_true(lines > 150);
	assert_true(hits > 100); /* the patterns do match real text: not a test of "no" only */
}

/* A list of made-up patterns over a small alphabet, where overlaps and gaps
 * abound: the greedy left-to-right reading must come out the same. */
static void test_made_up_patterns_on_random_text(void **state)
{
	static const char *const pats[] = {
		"a", "aa", "aaa", "ab", "ba", "a*a", "aa*aa", "a*b*a", "*", "", "**", "*a", "a*", "b**a",
		"{year}", "{next_year}", "{year}*a", "a*{next_year}", "2024", "20*24", "{year}年", "年*{year}",
		"{yea", "{year", "{{year}}", "一*二", "一二", "二*一*二", "年", "a{year}b", "4*2",
	};
	struct sy_strlist l = { (char **)pats, sizeof pats / sizeof *pats };
	struct sy_strlist one = { (char **)pats + 5, 1 };
	struct sy_matcher *m = sy_matcher_new();
	sy_matcher_add(m, &l);
	sy_matcher_add(m, &one);
	sy_matcher_build(m);
	assert_true(sy_matcher_has(m, &l));
	assert_true(sy_matcher_has(m, &one));
	static const char *const alphabet[] = { "a", "b", "2", "0", "4", "5", "年", "一", "二", "{", "}", "y" };
	unsigned seed = 7;
	size_t hits = 0;
	for (int round = 0; round < 20000; round++) {
		char text[128] = "";
		int n = rand_r(&seed) % 14;
		for (int k = 0; k < n; k++)
			strcat(text, alphabet[rand_r(&seed) % (sizeof alphabet / sizeof *alphabet)]);
		if (round % 7 == 0)
			strcat(text, round % 2 ? "2024年" : "2025");
		for (size_t y = 0; y < sizeof years / sizeof *years; y++) {
			struct sy_hits h = {0};
			sy_matcher_scan(m, text, years[y], &h);
			for (size_t i = 0; i < l.n; i++) {
				size_t at_want = 0, at_got = 1;
				bool want = sy_pattern_match(pats[i], text, years[y], &at_want);
				bool got = sy_hits_one(&h, &l, i, &at_got);
				if (want != got || (want && at_want != at_got))
					fail_msg("pattern \"%s\" on \"%s\" (year %d): want %d at %zu, got %d at %zu",
						 pats[i], text, years[y], want, at_want, got, at_got);
				hits += want;
			}
			size_t w1 = 0, w2 = 1;
			assert_int_equal(sy_patterns_match(&one, text, years[y], &w1), sy_hits_any(&h, &one, &w2));
			sy_hits_free(&h);
		}
	}
	assert_true(hits > 10000);
	sy_matcher_free(m);
}

static void test_unknown_list_goes_the_slow_way(void **state)
{
	const struct sy_rubric *r = test_rubric();
	static const char *const words[] = { "不足", "原因" };
	struct sy_strlist l = { (char **)words, 2 };
	assert_false(sy_matcher_has(r->matcher, &l));
	size_t which = 9;
	assert_true(sy_rubric_match(r, &l, "存在的原因", 2024, &which));
	assert_int_equal(which, 1);
	assert_false(sy_rubric_match(r, &l, "主要举措", 2024, &which));
}

static void test_many_segments_use_the_heap(void **state)
{
	/* more distinct segments than a scan keeps inline */
	char **v = calloc(SY_HITS_INLINE + 50, sizeof *v);
	for (size_t i = 0; i < SY_HITS_INLINE + 50; i++)
		v[i] = xasprintf("w%zu*x%zu", i, i);
	struct sy_strlist l = { v, SY_HITS_INLINE + 50 };
	struct sy_matcher *m = sy_matcher_new();
	sy_matcher_add(m, &l);
	sy_matcher_build(m);
	struct sy_hits h = {0};
	sy_matcher_scan(m, "w600 x600 w3x3", 2024, &h);
	size_t which = 0;
	assert_true(sy_hits_any(&h, &l, &which));
	assert_int_equal(which, 3);
	assert_true(sy_hits_one(&h, &l, 3, NULL));
	sy_matcher_scan(m, "nothing here", 2024, &h); /* a second scan reuses it */
	assert_false(sy_hits_any(&h, &l, NULL));
	sy_hits_free(&h);
	sy_matcher_free(m);
	for (size_t i = 0; i < SY_HITS_INLINE + 50; i++)
		free(v[i]);
	free(v);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_rubric_on_seed_lines),
		cmocka_unit_test(test_made_up_patterns_on_random_text),
		cmocka_unit_test(test_unknown_list_goes_the_slow_way),
		cmocka_unit_test(test_many_segments_use_the_heap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
