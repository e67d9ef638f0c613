/* Shared set-up for the cmocka tests: a UTF-8 locale, unbuffered output and
 * helpers to build documents from inline Chinese text. */
#ifndef SHENYUE_TEST_COMMON_H
#define SHENYUE_TEST_COMMON_H

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "shenyue/doc.h"
#include "shenyue/report.h"
#include "shenyue/rubric.h"

/* Sets C.UTF-8 (or en_US.UTF-8): in the C locale CJK has no width. */
static inline void test_setup_locale(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		fprintf(stderr, "warning: no UTF-8 locale available\n");
}

/* The default rubric, loaded once per test binary. */
static inline const struct sy_rubric *test_rubric(void)
{
	static struct sy_rubric r;
	static int loaded;
	if (!loaded) {
		char err[512];
		if (sy_rubric_load_default(&r, err, sizeof err) != 0)
			fail_msg("default rubric: %s", err);
		loaded = 1;
	}
	return &r;
}

/* Decodes, outlines and scores UTF-8 text as if read from 'name'. */
static inline void test_report(struct sy_report *rep, const char *text)
{
	char err[256];
	memset(rep, 0, sizeof *rep);
	rep->path = strdup("test.txt");
	if (sy_doc_decode(&rep->doc, "test.txt", (const unsigned char *)text, strlen(text), err, sizeof err))
		fail_msg("decode: %s", err);
	sy_report_from_doc(rep, test_rubric());
}

/* Status of the part with this id. */
static inline int test_status(const struct sy_report *rep, const char *id)
{
	int i = sy_rubric_part_index(test_rubric(), id);
	assert_true(i >= 0);
	return (int)rep->score.parts[i].status;
}

/* 1-based line recorded for the part with this id (0 when missing). */
static inline long test_line(const struct sy_report *rep, const char *id)
{
	int i = sy_rubric_part_index(test_rubric(), id);
	assert_true(i >= 0);
	return rep->score.parts[i].line;
}

/* The paragraph a 1-based line belongs to: its rank among the non-blank
 * lines (0 for none). A document and its text twin agree on paragraphs
 * where blank lines differ (a PDF has none at the top of a page). */
static inline long test_paragraph_of(const struct sy_doc *d, long line)
{
	if (line <= 0 || (size_t)line > d->nlines)
		return 0;
	long k = 0;
	for (long i = 0; i < line; i++)
		k += d->lines[i].sq[0] != '\0';
	return k;
}

/* Number of findings with this id. */
static inline int test_count_findings(const struct sy_report *rep, const char *id)
{
	int n = 0;
	for (size_t i = 0; i < rep->score.nf; i++)
		n += strcmp(rep->score.f[i].id, id) == 0;
	return n;
}

/* The first finding with this id, or NULL. */
static inline const struct sy_finding *test_finding(const struct sy_report *rep, const char *id)
{
	for (size_t i = 0; i < rep->score.nf; i++)
		if (!strcmp(rep->score.f[i].id, id))
			return &rep->score.f[i];
	return NULL;
}

#endif
