/* The one emitter of YAML, CSV and human-readable text (yamlutil.c) and the
 * limits of the YAML reader. Property test (issue 14, 1): random bytes and
 * random code points, hostile ones most of all, go through the YAML writer
 * and come back byte for byte through libyaml; CSV and text output is always
 * valid UTF-8 with nothing unsafe left raw. */
#include "config.h"

#include "../test_common.h"
#include "shenyue/check.h"
#include "shenyue/utf8.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"

/* Code points that broke or could break a reader or a terminal. */
static const uint32_t hostile[] = {
	0x01, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0xA0,
	0xAD, 0x061C, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069, 0xFDD0,
	0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF, 0x4E2D, 0x1F600, '"', '\\', '\'', ':', '#',
	'-', '&', '*', '!', '|', '>', '%', '@', '`', ' ',
};

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint32_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

/* A random string: hostile code points, random code points (surrogates
 * written as WTF-8), and random bytes; never NUL. */
static char *random_string(size_t max)
{
	struct sy_buf b = {0};
	size_t n = 1 + next_random() % max;
	for (size_t i = 0; i < n; i++) {
		char enc[4];
		uint32_t pick = next_random() % 4, cp;
		if (pick == 0) {
			char byte = (char)(1 + next_random() % 255);
			sy_buf_add(&b, &byte, 1);
			continue;
		}
		cp = pick == 1 ? hostile[next_random() % (sizeof hostile / sizeof *hostile)]
			       : 1 + next_random() % (pick == 2 ? 0x3000 : 0x10FFFF);
		if (cp >= 0xD800 && cp <= 0xDFFF) { /* WTF-8: what utf8_encode refuses to write */
			enc[0] = (char)0xED;
			enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
			enc[2] = (char)(0x80 | (cp & 0x3F));
			sy_buf_add(&b, enc, 3);
		} else {
			sy_buf_add(&b, enc, utf8_encode(cp, enc));
		}
	}
	return sy_buf_steal(&b);
}

static char *emit_yaml_pair(const char *value, size_t *len)
{
	char *buf = NULL;
	FILE *out = open_memstream(&buf, len);
	sy_yaml_write_key(out, 0, false, "v", value);
	fclose(out);
	return buf;
}

static void test_yaml_round_trips_random_strings(void **state)
{
	for (int round = 0; round < 3000; round++) {
		char *s = random_string(round % 10 == 0 ? 200 : 12);
		size_t len;
		char *yaml = emit_yaml_pair(s, &len);
		assert_true(utf8_is_valid((const unsigned char *)yaml, len));
		struct sy_yaml y;
		char err[512];
		if (sy_yaml_parse(&y, "<emitted>", yaml, len, err, sizeof err) < 0)
			fail_msg("round %d: the emitted YAML does not parse: %s\n%s", round, err, yaml);
		const char *back = sy_yaml_scalar(sy_yaml_get(&y, sy_yaml_root(&y), "v"));
		assert_non_null(back);
		if (strcmp(back, s))
			fail_msg("round %d: did not round-trip:\n%s", round, yaml);
		sy_yaml_free(&y);
		free(yaml);
		free(s);
	}
}

/* Nothing in s is unsafe or invalid, so it can go to a terminal. */
static void assert_safe(const char *s)
{
	size_t n = strlen(s);
	assert_true(utf8_is_valid((const unsigned char *)s, n));
	for (size_t i = 0, len; i < n; i += len) {
		uint32_t cp = utf8_decode(s + i, n - i, &len);
		if (utf8_is_unsafe(cp) && cp != '\r')
			fail_msg("U+%04X left raw in \"%s\"", (unsigned)cp, s);
	}
}

static void test_csv_and_text_are_safe_and_valid(void **state)
{
	for (int round = 0; round < 3000; round++) {
		char *s = random_string(16);
		char *buf = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&buf, &len);
		sy_csv_write_field(out, s);
		fclose(out);
		assert_safe(buf);
		free(buf);
		char *t = sy_text_safe(s);
		assert_safe(t);
		assert_null(strchr(t, '\r'));
		free(t);
		free(s);
	}
}

static void test_text_shows_what_was_there(void **state)
{
	char *t = sy_text_safe("a\x1b[2J\x1b]0;pwn\a.txt\x7f\xc2\x9b\xe2\x80\xae\xff");
	assert_string_equal(t, "a^[[2J^[]0;pwn^G.txt^?<U+009B><U+202E>\\xFF");
	free(t);
}

/* check --format yaml with random file names and unit names: libyaml reads
 * it, and they come back exactly. */
static void test_check_yaml_round_trips_random_names(void **state)
{
	for (int round = 0; round < 300; round++) {
		struct sy_batch b = {0};
		b.r = calloc(1, sizeof *b.r);
		b.n = 1;
		test_report(&b.r[0], "某镇2024年法治政府建设年度报告\n一、主要举措和成效\n开展普法12次。\n");
		char *path = random_string(40), *unit = random_string(20);
		free(b.r[0].path);
		b.r[0].path = xstrdup(path);
		free(b.r[0].outline.unit);
		b.r[0].outline.unit = xstrdup(unit);
		char *yaml = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&yaml, &len);
		sy_check_write_yaml(out, &b, test_rubric());
		fclose(out);
		struct sy_yaml y;
		char err[512];
		if (sy_yaml_parse(&y, "<check>", yaml, len, err, sizeof err) < 0)
			fail_msg("round %d: check --format yaml is not YAML: %s", round, err);
		yaml_node_t *r0 = sy_yaml_item(&y, sy_yaml_get(&y, sy_yaml_root(&y), "reports"), 0);
		assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, r0, "path")), path);
		assert_string_equal(sy_yaml_scalar(sy_yaml_get(&y, r0, "unit")), unit);
		sy_yaml_free(&y);
		free(yaml);
		free(path);
		free(unit);
		sy_batch_free(&b);
	}
}

static void test_non_utf8_is_kept_as_binary(void **state)
{
	size_t len;
	char *yaml = emit_yaml_pair("\xd4\xc6\xcf\xaa\xd5\xf2.txt", &len); /* 云溪镇 in GBK */
	assert_non_null(strstr(yaml, "!!binary"));
	free(yaml);
}

static int parse(const char *text, char *err, size_t errlen)
{
	struct sy_yaml y;
	int rc = sy_yaml_parse(&y, "t.yaml", text, strlen(text), err, errlen);
	sy_yaml_free(&y);
	return rc;
}

static void test_alias_bombs_are_refused(void **state)
{
	struct sy_buf b = {0};
	sy_buf_puts(&b, "a: &a \"");
	for (int i = 0; i < 300000; i++)
		sy_buf_puts(&b, "x");
	sy_buf_puts(&b, "\"\nb: [");
	for (int i = 0; i < 2000; i++)
		sy_buf_puts(&b, i ? ", *a" : "*a");
	sy_buf_puts(&b, "]\n");
	char err[512];
	assert_int_equal(parse(b.data, err, sizeof err), -1);
	assert_non_null(strstr(err, "aliases"));
	sy_buf_free(&b);
}

static void test_deep_nesting_is_refused(void **state)
{
	struct sy_buf b = {0};
	for (int i = 0; i < 200; i++)
		sy_buf_puts(&b, "[");
	for (int i = 0; i < 200; i++)
		sy_buf_puts(&b, "]");
	char err[512];
	assert_int_equal(parse(b.data, err, sizeof err), -1);
	assert_non_null(strstr(err, "nested deeper"));
	sy_buf_free(&b);
}

static void test_a_second_document_is_an_error(void **state)
{
	char err[512];
	assert_int_equal(parse("format: 1\n---\nformat: 2\n", err, sizeof err), -1);
	assert_non_null(strstr(err, "t.yaml:3:1"));
	assert_int_equal(parse("format: 1\n...\n", err, sizeof err), 0);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_round_trips_random_strings),
		cmocka_unit_test(test_csv_and_text_are_safe_and_valid),
		cmocka_unit_test(test_text_shows_what_was_there),
		cmocka_unit_test(test_check_yaml_round_trips_random_names),
		cmocka_unit_test(test_non_utf8_is_kept_as_binary),
		cmocka_unit_test(test_alias_bombs_are_refused),
		cmocka_unit_test(test_deep_nesting_is_refused),
		cmocka_unit_test(test_a_second_document_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
