/* The two registries: the finding registry (findings.h) and the export-format
 * table (export.h). Rows are well formed, lookups find them, the detectors
 * emit only registered findings, and every format renders. */
#include "config.h"

#include <ctype.h>

#include "../test_common.h"
#include "shenyue/export.h"
#include "shenyue/findings.h"
#include "shenyue/score.h"
#include "shenyue/xalloc.h"

/* True when every % conversion of fmt is one the detectors pass: s d u ld zu, with flags. */
static bool conversions_known(const char *fmt)
{
	for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		p += strspn(p, "0123456789-");
		if (!strncmp(p, "ld", 2) || !strncmp(p, "zu", 2))
			p += 2;
		else if (*p == 's' || *p == 'd' || *p == 'u')
			p++;
		else
			return false;
	}
	return true;
}

static void test_finding_rows_are_well_formed(void **state)
{
	const char *documented = NULL;
	for (size_t k = 0; k < SY_FIND_COUNT; k++) {
		const struct sy_finding_row *row = &sy_finding_rows[k];
		assert_non_null(row->id);
		assert_non_null(row->message);
		for (const char *c = strncmp(row->id, "ASPECT-", 7) ? row->id : row->id + 7; *c; c++)
			if (!islower((unsigned char)*c) && *c != '-')
				fail_msg("finding id '%s' is not lower-case words joined by '-'", row->id);
		if (!conversions_known(row->message))
			fail_msg("%s: the message uses a conversion detectors do not pass: %s", row->name, row->message);
		if (row->doc)
			documented = row->id;
		else if (!documented || strcmp(documented, row->id))
			fail_msg("%s: a variant (no doc) must follow a documented row of the same id", row->name);
	}
}

static void test_each_id_is_documented_once(void **state)
{
	for (size_t a = 0; a < SY_FIND_COUNT; a++)
		for (size_t b = a + 1; b < SY_FIND_COUNT; b++)
			if (sy_finding_rows[a].doc && sy_finding_rows[b].doc &&
			    !strcmp(sy_finding_rows[a].id, sy_finding_rows[b].id))
				fail_msg("'%s' is documented twice", sy_finding_rows[a].id);
}

static void test_lookup_knows_ids_and_families(void **state)
{
	assert_ptr_equal(sy_finding_lookup("thin-part"), &sy_finding_rows[SY_FIND_THIN_PART]);
	assert_ptr_equal(sy_finding_lookup("causes-missing"), &sy_finding_rows[SY_FIND_ASPECT_MISSING]);
	assert_ptr_equal(sy_finding_lookup("rectification-promised"), &sy_finding_rows[SY_FIND_ASPECT_PROMISED]);
	assert_null(sy_finding_lookup("no-such-finding"));
	assert_null(sy_finding_lookup("-missing"));
	assert_int_equal(sy_severity_parse("warning"), SY_SEV_WARNING);
	assert_int_equal(sy_severity_parse("fatal"), -1);
}

static void test_add_takes_id_severity_and_message_from_the_row(void **state)
{
	struct sy_score s = {0};
	sy_finding_add(&s, SY_FIND_EMPTY_PART, 7, "duty", "duty", "二、第一责任人");
	sy_finding_add_as(&s, SY_FIND_ASPECT_MISSING, "causes-missing", SY_SEV_INFO, 9, "shortfalls", "不足", "原因");
	assert_int_equal(s.nf, 2);
	assert_string_equal(s.f[0].id, "empty-part");
	assert_int_equal(s.f[0].severity, SY_SEV_ERROR);
	assert_int_equal(s.f[0].line, 7);
	assert_string_equal(s.f[0].part, "duty");
	assert_string_equal(s.f[0].message, "duty: the heading \"二、第一责任人\" has nothing written under it");
	assert_string_equal(s.f[1].id, "causes-missing");
	assert_int_equal(s.f[1].severity, SY_SEV_INFO);
	sy_finding_drop(&s, "empty-part");
	assert_int_equal(s.nf, 1);
	assert_string_equal(s.f[0].id, "causes-missing");
	sy_score_free(&s);
}

/* Every finding the detectors raise on the examples is in the registry. */
static void test_detectors_raise_only_registered_findings(void **state)
{
	static const char *const texts[] = {
		"2024年度某镇法治政府建设年度报告\n\n一、主要举措\n\n二、存在的不足\n问题很多。\n[bookmark: x]\nXX镇\n",
		"某局2023年法治政府建设情况报告\n一、2023年推进法治政府建设的主要举措和成效\n开展普法宣传 12 次。\n"
		"二、存在的不足和原因\n一是不够。\n三、2023年工作安排\n继续。\n",
	};
	size_t seen = 0;
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		struct sy_report rep;
		test_report(&rep, texts[t]);
		for (size_t i = 0; i < rep.score.nf; i++, seen++)
			if (!sy_finding_lookup(rep.score.f[i].id))
				fail_msg("finding '%s' is not in the registry", rep.score.f[i].id);
		sy_report_free(&rep);
	}
	assert_true(seen >= 5);
}

static void test_format_rows_are_well_formed(void **state)
{
	assert_true(sy_export_nformats >= 3);
	for (size_t i = 0; i < sy_export_nformats; i++) {
		const struct sy_export_format *f = &sy_export_formats[i];
		assert_true((f->write != NULL) != (f->build != NULL)); /* exactly one writer */
		assert_non_null(f->extension);
		assert_non_null(f->help);
		assert_ptr_equal(sy_export_format_find(f->name), f);
		for (size_t j = 0; j < i; j++) {
			assert_string_not_equal(f->name, sy_export_formats[j].name);
			if (f->key)
				assert_int_not_equal(f->key, sy_export_formats[j].key);
		}
		if (f->key)
			assert_ptr_equal(sy_export_format_by_key(f->key), f);
		assert_non_null(strstr(sy_export_format_names(), f->name));
	}
	assert_ptr_equal(sy_export_format_find("Markdown"), sy_export_format_find("md"));
	assert_ptr_equal(sy_export_format_find("yml"), sy_export_format_find("yaml"));
	assert_null(sy_export_format_find("pdf"));
	assert_null(sy_export_format_by_key('z'));
}

static void test_every_format_renders_and_names_its_file(void **state)
{
	struct sy_report rep;
	test_report(&rep, "2024年度某镇法治政府建设年度报告\n一、主要举措和成效\n开展普法宣传 12 次。\n");
	struct sy_export_entry e = {.rep = &rep, .rv = NULL};
	struct sy_export_doc x;
	sy_export_build(&x, &e, 1, test_rubric(), NULL);
	for (size_t i = 0; i < sy_export_nformats; i++) {
		const struct sy_export_format *f = &sy_export_formats[i];
		char *data, err[256];
		size_t len;
		if (sy_export_render(f, &x, &data, &len, err, sizeof err) < 0)
			fail_msg("%s: %s", f->name, err);
		assert_true(len > 20);
		free(data);
		char *name = sy_export_default_name("/data/2024", f);
		char *dot = strrchr(name, '.');
		assert_non_null(dot);
		assert_string_equal(dot + 1, f->extension);
		free(name);
	}
	sy_export_free(&x);
	sy_report_free(&rep);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_finding_rows_are_well_formed),
		cmocka_unit_test(test_each_id_is_documented_once),
		cmocka_unit_test(test_lookup_knows_ids_and_families),
		cmocka_unit_test(test_add_takes_id_severity_and_message_from_the_row),
		cmocka_unit_test(test_detectors_raise_only_registered_findings),
		cmocka_unit_test(test_format_rows_are_well_formed),
		cmocka_unit_test(test_every_format_renders_and_names_its_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
