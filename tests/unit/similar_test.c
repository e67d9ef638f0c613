/* The report's signature (for 内容雷同) is what a plain reading of its
 * shingles gives, though the stream of code points is never copied. */
#include "config.h"

#include "../test_common.h"
#include "shenyue/signature.h"
#include "shenyue/similar.h"
#include "shenyue/utf8.h"

#define TITLE "%s关于2024年法治政府建设情况的报告\n"
#define MEASURES "一、主要举措和成效\n" \
	"全镇围绕依法行政这条主线，修订权责清单，组织行政执法人员培训三期，办理行政复议案件两件，" \
	"推行重大行政决策合法性审查全覆盖，全年审查规范性文件十一件，纠正不当条款四处。\n"
#define DUTY_A "二、党政主要负责人履行推进法治建设第一责任人职责情况\n" \
	"镇党委书记主持召开专题会议研究法治建设，带头讲法治课两次，把法治建设纳入年度考核，" \
	"逐项落实述法制度，班子成员全部完成年度学法任务并参加考试。\n"
#define SHORT "三、存在的不足和原因\n基层执法力量薄弱，原因是编制不足、培训不够，整改措施是补充人员。\n"
#define PLAN "四、2025年工作安排\n继续加强执法队伍建设，完善考核办法，全年举办培训班三期。\n"

/* The signature as first written: every code point kept in an array, then
 * each run of five hashed (the shingle hash is signature.c's). */
static void plain_signature(const struct sy_report *rep, uint32_t *h, size_t *shingles)
{
	uint32_t *cp = calloc(rep->doc.nbytes + 8, sizeof *cp);
	size_t n = 0;
	for (size_t i = 0; i < rep->doc.nlines; i++) {
		enum sy_line_kind k = rep->outline.kind[i];
		if (k != SY_LK_TEXT && k != SY_LK_HEADING && k != SY_LK_HEADCONT)
			continue;
		const char *s = rep->doc.lines[i].norm;
		for (size_t j = 0, l, sl = strlen(s); j < sl; j += l) {
			uint32_t c = utf8_decode(s + j, sl - j, &l);
			if (c >= 0x3040 || (c >= '0' && c <= '9'))
				cp[n++] = c;
		}
	}
	memset(h, 0xFF, SY_MINHASH * sizeof *h);
	*shingles = 0;
	for (size_t i = 0; i + 5 <= n; i++) {
		uint64_t x = 0x9E3779B97F4A7C15ull;
		for (int k = 0; k < 5; k++) {
			x ^= cp[i + k];
			x *= 0xBF58476D1CE4E5B9ull;
			x ^= x >> 31;
		}
		uint32_t bin = (uint32_t)(x >> 58) % SY_MINHASH;
		if ((uint32_t)x < h[bin])
			h[bin] = (uint32_t)x;
		(*shingles)++;
	}
	free(cp);
}

static void make(struct sy_report *rep, const char *unit, const char *duty)
{
	char *t = NULL;
	assert_true(asprintf(&t, TITLE "%s%s%s%s", unit, MEASURES, duty, SHORT, PLAN) > 0);
	test_report(rep, t);
	free(t);
}

static void test_report_signature_is_the_plain_reading(void **state)
{
	struct sy_report rep;
	make(&rep, "云溪镇", DUTY_A);
	uint32_t h[SY_MINHASH];
	size_t shingles;
	plain_signature(&rep, h, &shingles);
	assert_true(shingles > 100);
	assert_int_equal(rep.sig->shingles, shingles);
	assert_memory_equal(rep.sig->h, h, sizeof h);
	sy_report_free(&rep);
}

static int by_hash_then_report(const void *a, const void *b)
{
	const struct sy_band_key *x = a, *y = b;
	return x->h < y->h ? -1 : x->h > y->h ? 1 : (x->report > y->report) - (x->report < y->report);
}

/* The duplicate check's band keys, sorted as qsort by hash then report
 * sorts them: many equal hashes (a bucket of copies), hashes differing in
 * one byte only, and every size up to a few thousand. */
static void test_band_keys_sort_as_qsort(void **state)
{
	uint64_t seed = 42;
	for (size_t n = 0; n < 3000; n = n * 3 + 1) {
		struct sy_band_key *keys = calloc(n + 1, sizeof *keys), *want = calloc(n + 1, sizeof *want);
		struct sy_band_key *tmp = calloc(n + 1, sizeof *tmp);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			uint64_t h = seed;
			if (seed >> 62 == 0)
				h = 0x1234; /* a bucket of copies */
			else if (seed >> 62 == 1)
				h = 0xAB00000000000000ull | ((seed >> 20) & 0xFF) << 24; /* one byte differs */
			keys[i] = (struct sy_band_key){ h, i }; /* made in report order */
		}
		memcpy(want, keys, n * sizeof *keys);
		qsort(want, n, sizeof *want, by_hash_then_report);
		sy_band_keys_sort(keys, n, tmp);
		for (size_t i = 0; i < n; i++) {
			assert_true(keys[i].h == want[i].h);
			assert_int_equal(keys[i].report, want[i].report);
		}
		free(keys);
		free(want);
		free(tmp);
	}
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_signature_is_the_plain_reading),
		cmocka_unit_test(test_band_keys_sort_as_qsort),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
