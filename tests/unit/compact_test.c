/* A report lets its text go and reads it again: the results stay, the
 * title block and the stated publication date outlive the lines, and a
 * file changed meanwhile is not read as the text scored. */
#include "config.h"

#include <unistd.h>

#include "../test_common.h"
#include "shenyue/deadline.h"
#include "shenyue/xalloc.h"

static const char text[] =
	"来源：青禾县人民政府网 发布日期：2025-05-08\n"
	"青禾县云溪镇人民政府\n"
	"关于2024年法治政府建设情况的报告\n"
	"一、2024年推进法治政府建设的主要举措和成效\n"
	"全镇修订权责清单，组织执法培训3期，办理行政复议案件2件。\n"
	"二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
	"镇党委书记主持召开专题会议4次，带头讲法治课2次。\n"
	"三、存在的不足和原因\n"
	"基层执法力量薄弱，原因是编制不足，整改措施是补充人员。\n"
	"四、2025年工作安排\n"
	"全年举办培训班3期。\n";

static char *write_file(const char *body)
{
	char *path = xasprintf("%s/compact_XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, body, strlen(body)), (ssize_t)strlen(body));
	close(fd);
	return path;
}

static void test_text_goes_and_comes_back(void **state)
{
	char *path = write_file(text);
	struct sy_report rep = {0};
	assert_int_equal(sy_report_load(&rep, path, test_rubric()), 0);
	size_t nlines = rep.doc.nlines, nh = rep.outline.nh;
	char *block = sy_report_title_block(&rep);
	struct sy_date pub;
	assert_true(sy_report_published(&rep, &pub));
	int score = rep.score.score;
	size_t nf = rep.score.nf;

	sy_report_compact(&rep);
	assert_null(rep.doc.lines);
	assert_int_equal(rep.doc.nlines, 0);
	assert_int_equal(rep.outline.nh, 0);
	assert_true(rep.loaded && !rep.error);
	assert_int_equal(rep.score.score, score); /* the results stay */
	assert_int_equal(rep.score.nf, nf);
	char *kept = sy_report_title_block(&rep);
	assert_string_equal(kept, block); /* the roster still finds the unit */
	struct sy_date again;
	assert_true(sy_report_published(&rep, &again));
	assert_int_equal(again.y * 10000 + again.m * 100 + again.d, pub.y * 10000 + pub.m * 100 + pub.d);

	assert_int_equal(sy_report_read_text(&rep, test_rubric()), 0);
	assert_int_equal(rep.doc.nlines, nlines);
	assert_int_equal(rep.outline.nh, nh);
	assert_string_equal(rep.doc.lines[2].text, "关于2024年法治政府建设情况的报告");
	assert_int_equal(rep.score.score, score);
	assert_int_equal(sy_report_read_text(&rep, test_rubric()), 0); /* has it: nothing to do */
	free(kept);
	free(block);
	sy_report_free(&rep);
	unlink(path);
	free(path);
}

static void test_changed_file_is_not_the_text_scored(void **state)
{
	char *path = write_file(text);
	struct sy_report rep = {0};
	assert_int_equal(sy_report_load(&rep, path, test_rubric()), 0);
	sy_report_compact(&rep);
	FILE *f = fopen(path, "a");
	fputs("五、其他需要报告的情况\n无。\n", f);
	fclose(f);
	assert_int_equal(sy_report_read_text(&rep, test_rubric()), -1);
	assert_null(rep.doc.lines); /* left as it was */
	unlink(path);
	assert_int_equal(sy_report_read_text(&rep, test_rubric()), -1); /* gone */
	sy_report_free(&rep);
	free(path);
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_goes_and_comes_back),
		cmocka_unit_test(test_changed_file_is_not_the_text_scored),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
