/* The five seed reports score as ../shared/seeds/expected.yaml records, and
 * their GB18030+CRLF and UTF-16LE twins score exactly like the originals.
 * The folder is $SHENYUE_SEEDS (make check sets it to $srcdir/../shared/seeds
 * unless given); without it the test says so on stderr and SKIPs. */
#include "config.h"

#include <iconv.h>
#include <sys/stat.h>

#include "../test_common.h"
#include "shenyue/fileio.h"
#include "shenyue/yamlutil.h"
#include "shenyue/xalloc.h"

static char seeds[1024];

static int find_seeds(void **state)
{
	const char *env = getenv("SHENYUE_SEEDS");
	const char *src = getenv("SRCDIR");
	snprintf(seeds, sizeof seeds, "%s", env ? env : "");
	if (!env)
		snprintf(seeds, sizeof seeds, "%s/../shared/seeds", src ? src : "..");
	return 0;
}

static char *read_all(const char *path, size_t *len)
{
	char *text;
	return sy_file_read(path, 0, &text, len, NULL) == SY_READ_OK ? text : NULL;
}

static void check_part(const struct sy_report *rep, struct sy_yaml *y, yaml_node_t *parts, const char *id)
{
	yaml_node_t *p = sy_yaml_get(y, parts, id);
	assert_non_null(p);
	const char *want_status = sy_yaml_scalar(sy_yaml_get(y, p, "status"));
	long want_line = atol(sy_yaml_scalar(sy_yaml_get(y, p, "line")));
	int i = sy_rubric_part_index(test_rubric(), id);
	const struct sy_part_result *got = &rep->score.parts[i];
	if (strcmp(sy_status_name(got->status), want_status) || got->line != want_line)
		fail_msg("%s: %s is %s at line %ld, expected %s at line %ld", rep->path, id,
			 sy_status_name(got->status), got->line, want_status, want_line);
}

static void test_seeds_agree_with_expected(void **state)
{
	char path[1200];
	snprintf(path, sizeof path, "%s/expected.yaml", seeds);
	size_t len;
	char *text = read_all(path, &len);
	if (!text)
		fail_msg("cannot read %s", path);
	struct sy_yaml y;
	char err[512];
	assert_int_equal(sy_yaml_parse(&y, path, text, len, err, sizeof err), 0);
	yaml_node_t *reports = sy_yaml_get(&y, sy_yaml_root(&y), "reports");
	assert_true(sy_yaml_len(reports) >= 5);
	for (size_t k = 0; k < sy_yaml_len(reports); k++) {
		yaml_node_t *e = sy_yaml_item(&y, reports, k);
		snprintf(path, sizeof path, "%s/%s", seeds, sy_yaml_scalar(sy_yaml_get(&y, e, "file")));
		struct sy_report rep = {0};
		assert_int_equal(sy_report_load(&rep, path, test_rubric()), 0);
		assert_string_equal(rep.outline.unit, sy_yaml_scalar(sy_yaml_get(&y, e, "unit")));
		assert_int_equal(rep.outline.year, atoi(sy_yaml_scalar(sy_yaml_get(&y, e, "year"))));
		yaml_node_t *parts = sy_yaml_get(&y, e, "parts");
		for (size_t i = 0; i < test_rubric()->nparts; i++)
			if (sy_yaml_get(&y, parts, test_rubric()->parts[i].id))
				check_part(&rep, &y, parts, test_rubric()->parts[i].id);
		sy_report_free(&rep);
	}
	sy_yaml_free(&y);
	free(text);
}

/* Converts UTF-8 to another encoding, optionally turning LF into CRLF first. */
static char *convert(const char *in, size_t n, const char *to, bool crlf, size_t *outlen)
{
	struct sy_buf src = {0};
	for (size_t i = 0; i < n; i++) {
		if (crlf && in[i] == '\n')
			sy_buf_add(&src, "\r", 1);
		sy_buf_add(&src, in + i, 1);
	}
	iconv_t cd = iconv_open(to, "UTF-8");
	assert_true(cd != (iconv_t)-1);
	size_t cap = src.len * 4 + 16, left = cap;
	char *out = malloc(cap), *op = out, *ip = src.data;
	size_t inleft = src.len;
	assert_int_not_equal(iconv(cd, &ip, &inleft, &op, &left), (size_t)-1);
	iconv_close(cd);
	*outlen = cap - left;
	sy_buf_free(&src);
	return out;
}

static void assert_same_score(const struct sy_report *a, const struct sy_report *b)
{
	assert_int_equal(a->score.score, b->score.score);
	assert_string_equal(a->outline.unit, b->outline.unit);
	assert_int_equal(a->doc.nlines, b->doc.nlines);
	for (size_t i = 0; i < a->score.nparts; i++) {
		assert_int_equal(a->score.parts[i].status, b->score.parts[i].status);
		assert_int_equal(a->score.parts[i].line, b->score.parts[i].line);
	}
	assert_int_equal(a->score.nf, b->score.nf);
	for (size_t i = 0; i < a->score.nf; i++) {
		assert_string_equal(a->score.f[i].id, b->score.f[i].id);
		assert_int_equal(a->score.f[i].line, b->score.f[i].line);
	}
}

static void score_bytes(struct sy_report *rep, const char *buf, size_t n)
{
	char err[256];
	memset(rep, 0, sizeof *rep);
	rep->path = xstrdup("twin");
	assert_int_equal(sy_doc_decode(&rep->doc, "twin", (const unsigned char *)buf, n, err, sizeof err), 0);
	sy_report_from_doc(rep, test_rubric());
}

static void test_encoding_twins_score_alike(void **state)
{
	static const char *const names[] = {
		"000_06e11f169beecc49.txt", "001_e130f611d196ff54.txt", "002_28ee2d7a8fa26c2d.txt",
		"003_3dc1a203e122848d.txt", "004_080feac8481725d6.txt",
	};
	for (size_t k = 0; k < 5; k++) {
		char path[1200];
		snprintf(path, sizeof path, "%s/%s", seeds, names[k]);
		size_t len, gl, ul;
		char *utf8 = read_all(path, &len);
		if (!utf8)
			fail_msg("cannot read %s", path);
		struct sy_report orig, gb, u16;
		score_bytes(&orig, utf8, len);
		char *g = convert(utf8, len, "GB18030", true, &gl);
		char *u = convert(utf8, len, "UTF-16LE", false, &ul);
		char *ub = malloc(ul + 2);
		memcpy(ub, "\xFF\xFE", 2);
		memcpy(ub + 2, u, ul);
		score_bytes(&gb, g, gl);
		score_bytes(&u16, ub, ul + 2);
		assert_int_equal(gb.doc.encoding, SY_ENC_GB18030);
		assert_int_equal(gb.doc.eol, SY_EOL_CRLF);
		assert_int_equal(u16.doc.encoding, SY_ENC_UTF16LE);
		assert_same_score(&orig, &gb);
		assert_same_score(&orig, &u16);
		sy_report_free(&orig);
		sy_report_free(&gb);
		sy_report_free(&u16);
		free(utf8);
		free(g);
		free(u);
		free(ub);
	}
}

int main(void)
{
	test_setup_locale();
	find_seeds(NULL);
	char expected[1200];
	snprintf(expected, sizeof expected, "%s/expected.yaml", seeds);
	struct stat st;
	if (stat(expected, &st) != 0) {
		fprintf(stderr, "SKIP: no seed reports at %s (set SHENYUE_SEEDS to the folder holding "
				"expected.yaml): the seeds were NOT checked\n", seeds);
		return 77; /* automake's SKIP */
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeds_agree_with_expected),
		cmocka_unit_test(test_encoding_twins_score_alike),
	};
	return cmocka_run_group_tests(tests, find_seeds, NULL);
}
