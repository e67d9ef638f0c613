/* Decoder: BOMs, strict UTF-8, GB18030, UTF-16, line ends, bad bytes, refusals. */
#include "config.h"

#include "../test_common.h"
#include <iconv.h>

#include "shenyue/doc.h"
#include "shenyue/gb18030.h"
#include "shenyue/hash.h"
#include "shenyue/utf8.h"

static int decode(struct sy_doc *d, const void *buf, size_t n, char *err)
{
	return sy_doc_decode(d, "f.txt", buf, n, err, 256);
}

static void test_utf8_plain_lf(void **state)
{
	struct sy_doc d;
	char err[256];
	const char *t = "一、主要举措\n正文。\n";
	assert_int_equal(decode(&d, t, strlen(t), err), 0);
	assert_int_equal(d.encoding, SY_ENC_UTF8);
	assert_false(d.bom);
	assert_int_equal(d.eol, SY_EOL_LF);
	assert_int_equal(d.nlines, 2); /* the final newline does not open a line */
	assert_string_equal(d.lines[0].text, "一、主要举措");
	assert_int_equal(d.nbad, 0);
	sy_doc_free(&d);
}

static void test_utf8_bom_stripped(void **state)
{
	struct sy_doc d;
	char err[256];
	const char t[] = "\xEF\xBB\xBF标题\r\n正文";
	assert_int_equal(decode(&d, t, sizeof t - 1, err), 0);
	assert_true(d.bom);
	assert_int_equal(d.encoding, SY_ENC_UTF8);
	assert_int_equal(d.eol, SY_EOL_CRLF);
	assert_string_equal(d.lines[0].text, "标题");
	assert_string_equal(d.lines[1].text, "正文");
	sy_doc_free(&d);
}

static void test_gb18030(void **state)
{
	/* "报告\r\n第二行" in GB18030 */
	const unsigned char t[] = { 0xB1, 0xA8, 0xB8, 0xE6, '\r', '\n', 0xB5, 0xDA, 0xB6, 0xFE, 0xD0, 0xD0 };
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, t, sizeof t, err), 0);
	assert_int_equal(d.encoding, SY_ENC_GB18030);
	assert_int_equal(d.nlines, 2);
	assert_string_equal(d.lines[0].text, "报告");
	assert_string_equal(d.lines[1].text, "第二行");
	assert_int_equal(d.nbad, 0);
	sy_doc_free(&d);
}

static void test_gb18030_bad_byte_located(void **state)
{
	/* line 2 ends with a lone lead byte 0x81 */
	const unsigned char t[] = { 0xB1, 0xA8, 0xB8, 0xE6, '\n', 0xB5, 0xDA, 0x81, '\n', 0xD0, 0xD0 };
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, t, sizeof t, err), 0);
	assert_int_equal(d.encoding, SY_ENC_GB18030);
	assert_int_equal(d.nbad, 1);
	assert_int_equal(d.bad[0].line, 2);
	assert_int_equal(d.bad[0].offset, 7);
	assert_non_null(strstr(d.lines[1].text, "\xEF\xBF\xBD"));
	sy_doc_free(&d);
}

static void test_utf16le_bom(void **state)
{
	const unsigned char t[] = { 0xFF, 0xFE, 0x00, 0x4E, '\r', 0, '\n', 0, 0x8C, 0x4E };
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, t, sizeof t, err), 0);
	assert_int_equal(d.encoding, SY_ENC_UTF16LE);
	assert_true(d.bom);
	assert_int_equal(d.nlines, 2);
	assert_string_equal(d.lines[0].text, "一");
	assert_string_equal(d.lines[1].text, "二");
	sy_doc_free(&d);
}

static void test_utf16be_bom_and_surrogates(void **state)
{
	/* U+20000 (CJK Ext. B) as a surrogate pair, then an unpaired low surrogate */
	const unsigned char t[] = { 0xFE, 0xFF, 0xD8, 0x40, 0xDC, 0x00, 0xDC, 0x00, 0x00, 'a' };
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, t, sizeof t, err), 0);
	assert_int_equal(d.encoding, SY_ENC_UTF16BE);
	assert_string_equal(d.lines[0].text, "\xF0\xA0\x80\x80\xEF\xBF\xBD" "a");
	assert_int_equal(d.nbad, 1);
	sy_doc_free(&d);
}

static void test_utf16le_without_bom_sniffed(void **state)
{
	const char *ascii = "Report 2024\nline two\n";
	unsigned char buf[64];
	size_t n = 0;
	for (const char *p = ascii; *p; p++) {
		buf[n++] = (unsigned char)*p;
		buf[n++] = 0;
	}
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, buf, n, err), 0);
	assert_int_equal(d.encoding, SY_ENC_UTF16LE);
	assert_false(d.bom);
	assert_string_equal(d.lines[1].text, "line two");
	sy_doc_free(&d);
}

static void test_chinese_utf16_without_bom_sniffed(void **state)
{
	/* "一、主要举措\n开展活动。\n" in UTF-16LE: few zero bytes (only the newlines) */
	const char *utf8 = "一、主要举措\n开展普法活动，取得明显成效。\n";
	unsigned char buf[256];
	size_t n = 0;
	for (size_t i = 0; utf8[i];) {
		size_t l;
		uint32_t cp = utf8_decode(utf8 + i, strlen(utf8 + i), &l);
		buf[n++] = (unsigned char)(cp & 0xFF);
		buf[n++] = (unsigned char)(cp >> 8);
		i += l;
	}
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, buf, n, err), 0);
	assert_int_equal(d.encoding, SY_ENC_UTF16LE);
	assert_string_equal(d.lines[0].text, "一、主要举措");
	sy_doc_free(&d);
	/* the same bytes swapped are UTF-16BE */
	for (size_t i = 0; i + 1 < n; i += 2) {
		unsigned char t = buf[i];
		buf[i] = buf[i + 1];
		buf[i + 1] = t;
	}
	assert_int_equal(decode(&d, buf, n, err), 0);
	assert_int_equal(d.encoding, SY_ENC_UTF16BE);
	assert_string_equal(d.lines[1].text, "开展普法活动，取得明显成效。");
	sy_doc_free(&d);
}

static void test_cr_and_mixed_line_ends(void **state)
{
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, "a\rb\rc", 5, err), 0);
	assert_int_equal(d.eol, SY_EOL_CR);
	assert_int_equal(d.nlines, 3);
	sy_doc_free(&d);
	assert_int_equal(decode(&d, "a\r\nb\nc\r\n\r\nd", 11, err), 0);
	assert_int_equal(d.eol, SY_EOL_MIXED);
	assert_int_equal(d.nlines, 5);
	assert_string_equal(d.lines[3].text, "");
	assert_string_equal(d.lines[4].text, "d");
	sy_doc_free(&d);
}

static void test_refuses_empty_binary_blank(void **state)
{
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, "", 0, err), -1);
	assert_string_equal(err, "empty file");
	sy_doc_free(&d);
	const unsigned char bin[] = { 0x7F, 'E', 'L', 'F', 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0 };
	assert_int_equal(decode(&d, bin, sizeof bin, err), -1);
	assert_non_null(strstr(err, "binary"));
	sy_doc_free(&d);
	assert_int_equal(decode(&d, " \r\n\xE3\x80\x80\n", 7, err), -1);
	assert_non_null(strstr(err, "blank"));
	sy_doc_free(&d);
}

/* Text of len bytes ('a', newlines, tabs and ESC, which are allowed) with
 * stray controls (from 0x01 to 0x1F) at every step-th byte from first. */
static size_t text_with_controls(unsigned char *buf, size_t len, size_t first, size_t step)
{
	static const unsigned char controls[] = { 0x01, 0x07, 0x08, 0x0B, 0x0E, 0x10, 0x17, 0x1F };
	size_t stray = 0;
	for (size_t i = 0; i < len; i++) {
		buf[i] = i % 40 == 39 ? '\n' : i % 13 == 5 ? '\t' : i % 17 == 3 ? 0x1B : 'a';
		if (i >= first && (i - first) % step == 0) {
			buf[i] = controls[i % 8];
			stray++;
		}
	}
	return stray;
}

/* One stray control in twenty bytes is the limit (count * 20 > len + 20 is
 * refused), wherever the controls fall in the words the count reads. */
static void test_control_bytes_refused_past_one_in_twenty(void **state)
{
	unsigned char buf[4000];
	char err[256];
	struct sy_doc d;
	for (size_t first = 0; first < 9; first++) {
		for (size_t step = 15; step <= 25; step++) {
			size_t len = 3997 + first % 3;
			size_t stray = text_with_controls(buf, len, first, step);
			bool refused = stray * 20 > len + 20;
			assert_int_equal(decode(&d, buf, len, err), refused ? -1 : 0);
			if (refused)
				assert_non_null(strstr(err, "control bytes"));
			sy_doc_free(&d);
		}
	}
}

static void test_mostly_utf8_with_one_bad_byte_stays_utf8(void **state)
{
	const char t[] = "法治政府建设情况的报告\n第二行\xFF文字\n";
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, t, sizeof t - 1, err), 0);
	assert_int_equal(d.encoding, SY_ENC_UTF8);
	assert_int_equal(d.nbad, 1);
	assert_int_equal(d.bad[0].line, 2);
	sy_doc_free(&d);
}

static void test_load_missing_file_names_reason(void **state)
{
	struct sy_doc d;
	char err[256];
	assert_int_equal(sy_doc_load(&d, "/nonexistent/report.txt", err, sizeof err), -1);
	assert_non_null(strstr(err, "cannot open"));
	sy_doc_free(&d);
}

static void test_hash_identifies_content(void **state)
{
	struct sy_doc a, b;
	char err[256];
	assert_int_equal(decode(&a, "报告\n", 7, err), 0);
	assert_int_equal(decode(&b, "报告\r\n", 8, err), 0);
	assert_int_not_equal(a.hash, b.hash);
	assert_int_equal(a.hash, sy_hash64("报告\n", 7));
	sy_doc_free(&a);
	sy_doc_free(&b);
}

/* The UTF-8 iconv makes of n GB18030 bytes (NULL when it refuses them). */
static char *iconv_gb(const unsigned char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	assert_true(cd != (iconv_t)-1);
	char *out = calloc(1, n * 4 + 4), *op = out, *ip = (char *)s;
	size_t il = n, ol = n * 4;
	size_t rc = iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	if (rc == (size_t)-1 || il) {
		free(out);
		return NULL;
	}
	return out;
}

static void test_gb18030_fast_path_is_iconv_for_every_two_byte_code(void **state)
{
	size_t taken = 0;
	for (unsigned lead = 0x81; lead <= 0xFE; lead++)
		for (unsigned trail = 0x40; trail <= 0xFE; trail++) {
			const unsigned char in[3] = { (unsigned char)lead, (unsigned char)trail, 'x' };
			struct sy_buf fast = {0};
			char *want = iconv_gb(in, 3);
			if (sy_gb18030_fast(in, 3, &fast)) {
				assert_non_null(want);
				assert_string_equal(fast.data, want);
				taken++;
			} else {
				assert_int_equal(fast.len, 0);
			}
			free(want);
			sy_buf_free(&fast);
		}
	assert_true(taken > 20000); /* all of GBK */
}

static void test_gb18030_fast_path_leaves_four_byte_codes_to_iconv(void **state)
{
	/* 0x81 0x30 0x81 0x30 is U+0080, a four-byte code; 0x80 and 0xFF are never valid */
	const unsigned char four[] = { 0xB1, 0xA8, 0x81, 0x30, 0x81, 0x30 };
	const unsigned char bad[] = { 0xB1, 0xA8, 0x80 };
	struct sy_buf b = {0};
	assert_false(sy_gb18030_fast(four, sizeof four, &b));
	assert_false(sy_gb18030_fast(bad, sizeof bad, &b));
	assert_int_equal(b.len, 0);
	sy_buf_free(&b);
	/* and the file still decodes, through iconv */
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, four, sizeof four, err), 0);
	assert_int_equal(d.encoding, SY_ENC_GB18030);
	assert_string_equal(d.lines[0].text, "报\xC2\x80");
	sy_doc_free(&d);
}

static void test_lines_share_what_normalising_leaves_alone(void **state)
{
	struct sy_doc d;
	char err[256];
	const char *t = "一、主要举措\n依法行政，成效明显\n工作 计划\n二〇二四年工作\n";
	assert_int_equal(decode(&d, t, strlen(t), err), 0);
	/* nothing to normalise or squeeze: one copy */
	assert_ptr_equal(d.lines[0].norm, d.lines[0].text);
	assert_ptr_equal(d.lines[0].sq, d.lines[0].norm);
	/* a full-width comma folds: norm is its own string, sq shares it */
	assert_string_equal(d.lines[1].norm, "依法行政,成效明显");
	assert_string_equal(d.lines[1].text, "依法行政，成效明显");
	assert_ptr_equal(d.lines[1].sq, d.lines[1].norm);
	/* a space: squeezed apart */
	assert_ptr_equal(d.lines[2].norm, d.lines[2].text);
	assert_string_equal(d.lines[2].sq, "工作计划");
	/* a year in Chinese digits reads in Arabic ones in sq only */
	assert_string_equal(d.lines[3].norm, "二〇二四年工作");
	assert_string_equal(d.lines[3].sq, "2024年工作");
	sy_doc_free(&d);
}

static void test_a_nul_ends_its_line(void **state)
{
	/* UTF-16LE with a BOM: "ab", U+0000, "cd", LF, "ef" */
	const unsigned char t[] = { 0xFF, 0xFE, 'a', 0, 'b', 0, 0, 0, 'c', 0, 'd', 0, '\n', 0, 'e', 0, 'f', 0 };
	struct sy_doc d;
	char err[256];
	assert_int_equal(decode(&d, t, sizeof t, err), 0);
	assert_int_equal(d.nlines, 2);
	assert_string_equal(d.lines[0].text, "ab");
	assert_string_equal(d.lines[0].sq, "ab");
	assert_string_equal(d.lines[1].text, "ef");
	sy_doc_free(&d);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_plain_lf),
		cmocka_unit_test(test_utf8_bom_stripped),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_gb18030_bad_byte_located),
		cmocka_unit_test(test_utf16le_bom),
		cmocka_unit_test(test_utf16be_bom_and_surrogates),
		cmocka_unit_test(test_utf16le_without_bom_sniffed),
		cmocka_unit_test(test_chinese_utf16_without_bom_sniffed),
		cmocka_unit_test(test_cr_and_mixed_line_ends),
		cmocka_unit_test(test_refuses_empty_binary_blank),
		cmocka_unit_test(test_control_bytes_refused_past_one_in_twenty),
		cmocka_unit_test(test_mostly_utf8_with_one_bad_byte_stays_utf8),
		cmocka_unit_test(test_load_missing_file_names_reason),
		cmocka_unit_test(test_hash_identifies_content),
		cmocka_unit_test(test_gb18030_fast_path_is_iconv_for_every_two_byte_code),
		cmocka_unit_test(test_gb18030_fast_path_leaves_four_byte_codes_to_iconv),
		cmocka_unit_test(test_lines_share_what_normalising_leaves_alone),
		cmocka_unit_test(test_a_nul_ends_its_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
