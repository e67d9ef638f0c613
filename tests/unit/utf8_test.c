/* The UTF-8 helpers' fast paths (eight bytes at a time, three-byte
 * sequences inline) answer as a byte-by-byte reading of the rules does. */
#include "config.h"

#include "../test_common.h"
#include "shenyue/utf8.h"

/* The rules, one byte at a time: strict UTF-8 (no overlongs, no surrogates). */
static size_t plain_seq(const unsigned char *s, size_t n)
{
	if (!n)
		return 0;
	unsigned c = s[0], len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
		: c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	if (!len || n < len)
		return 0;
	uint32_t cp = len == 1 ? c : c & (0x7Fu >> len);
	for (unsigned i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	static const uint32_t min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Random bytes biased towards what Chinese UTF-8 text is made of. */
static size_t random_text(unsigned *seed, unsigned char *buf, size_t cap)
{
	static const unsigned char bytes[] = { 'a', ' ', 0xE4, 0xB8, 0x80, 0xBF, 0xE0, 0xA0, 0xED, 0x9F,
					       0xA0, 0xEF, 0xBC, 0xC2, 0xA0, 0xF0, 0x90, 0xF4, 0x8F, 0xC0,
					       0xFF, 0xE3, 0x80, 0x82, 0xE9 };
	size_t n = (size_t)rand_r(seed) % cap;
	for (size_t i = 0; i < n; i++)
		buf[i] = rand_r(seed) % 4 ? bytes[rand_r(seed) % sizeof bytes] : (unsigned char)(rand_r(seed) % 255 + 1);
	return n;
}

static void test_validity_and_decoding_agree_with_the_rules(void **state)
{
	unsigned seed = 3;
	unsigned char buf[64];
	size_t valid = 0;
	for (int round = 0; round < 200000; round++) {
		size_t n = random_text(&seed, buf, sizeof buf);
		bool want = true;
		for (size_t i = 0; i < n;) {
			size_t l = plain_seq(buf + i, n - i);
			if (!l) {
				want = false;
				break;
			}
			i += l;
		}
		assert_int_equal(utf8_is_valid(buf, n), want);
		valid += want;
		for (size_t i = 0; i < n;) {
			size_t l, pl = plain_seq(buf + i, n - i);
			uint32_t cp = utf8_decode((const char *)buf + i, n - i, &l);
			assert_int_equal(l, pl ? pl : 1);
			if (!pl)
				assert_int_equal(cp, SY_REPLACEMENT);
			i += l;
		}
	}
	assert_true(valid > 1000);
}

/* utf8_count, and utf8_longer_than (which reads a long line only in part),
 * agree with counting the bytes that start a code point, for every text and
 * bound, invalid ones too, at the edge of the bytes it reads. */
static void test_count_is_code_points(void **state)
{
	unsigned seed = 5;
	unsigned char buf[80];
	for (int round = 0; round < 100000; round++) {
		size_t n = random_text(&seed, buf, sizeof buf - 1);
		buf[n] = 0;
		size_t want = 0;
		for (size_t i = 0; i < n; i++)
			want += (buf[i] & 0xC0) != 0x80;
		assert_int_equal(utf8_count((const char *)buf), want);
		for (size_t bound = 0; bound < 30; bound++)
			assert_int_equal(utf8_longer_than((const char *)buf, bound), want > bound);
	}
	assert_int_equal(utf8_count("2024年法治政府建设情况"), 13);
	assert_int_equal(utf8_count(""), 0);
}

/* Every code point is written as the decoder reads it back; surrogates and
 * what lies past U+10FFFF become U+FFFD (the inline three-byte path and
 * the rest must agree at their edges). */
static void test_encode_round_trips_every_code_point(void **state)
{
	for (uint32_t cp = 0; cp <= 0x110001; cp++) {
		char out[4];
		size_t n = utf8_encode(cp, out), l;
		bool bad = (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
		size_t want = bad ? 3 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		assert_int_equal(n, want);
		assert_true(utf8_is_valid((const unsigned char *)out, n));
		assert_int_equal(utf8_decode(out, n, &l), bad ? SY_REPLACEMENT : cp);
		assert_int_equal(l, n);
	}
}

/* utf8_longer_than at the length of a heading. */
static void test_longer_than_a_heading(void **state)
{
	/* 16 three-byte characters, as headings are: 48 bytes */
	const char *h = "推进法治政府建设的主要举措和成效";
	assert_false(utf8_longer_than(h, 16));
	assert_true(utf8_longer_than(h, 15));
	assert_false(utf8_longer_than("", 0));
	assert_true(utf8_longer_than("a", 0));
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validity_and_decoding_agree_with_the_rules),
		cmocka_unit_test(test_count_is_code_points),
		cmocka_unit_test(test_encode_round_trips_every_code_point),
		cmocka_unit_test(test_longer_than_a_heading),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
