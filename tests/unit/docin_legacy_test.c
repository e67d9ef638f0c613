/* The .doc/.wps/.rtf reader: without a converter it says what to install;
 * with a stand-in converter (a shell script) the result is read as .docx,
 * a hung converter is killed at the time limit with nothing left behind, a
 * failing one is quoted; password-protected files and spreadsheets are
 * refused before converting; conversions go one at a time, an urgent one
 * first, and stop at once when asked. (A real LibreOffice: docin_soffice_test.) */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../test_common.h"
#include "../tools/docx_writer.h"
#include "shenyue/docin.h"
#include "shenyue/docin_reader.h"
#include "shenyue/fileio.h"
#include "shenyue/xalloc.h"

static char tmpdir[] = "/tmp/shenyue-legacy-test-XXXXXX";
static char *convdir; /* TMPDIR of the reader: must be empty after each conversion */

static const unsigned char ole_head[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

/* Bytes that start like an OLE2 file and hold these stream names (UTF-16LE). */
static unsigned char *ole_with(const char *const *names, size_t *len)
{
	struct sy_buf b = {0};
	sy_buf_add(&b, (const char *)ole_head, sizeof ole_head);
	for (int i = 0; i < 64; i++)
		sy_buf_add(&b, "\0", 1);
	for (; *names; names++)
		for (const char *p = *names; *p; p++) {
			sy_buf_add(&b, p, 1);
			sy_buf_add(&b, "\0", 1);
		}
	*len = b.len;
	return (unsigned char *)sy_buf_steal(&b);
}

static char *write_script(const char *name, const char *body)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	chmod(path, 0755);
	return path;
}

static bool dir_is_empty(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strncmp(e->d_name, "shenyue-lo-profile", 18);
	closedir(d);
	return n == 0;
}

static int read_with(struct sy_doc *d, const unsigned char *buf, size_t len, const char *soffice, double seconds,
		     char *err)
{
	struct sy_convert_opts o = { soffice, seconds };
	memset(d, 0, sizeof *d);
	err[0] = '\0';
	return sy_legacy_read_with(d, buf, len, &o, err, 512);
}

static void test_no_converter_says_what_to_install(void **state)
{
	static const char *const names[] = { "WordDocument", NULL };
	size_t len;
	unsigned char *doc = ole_with(names, &len);
	struct sy_doc d;
	char err[512];
	assert_int_equal(read_with(&d, doc, len, "", 0, err), -1);
	assert_non_null(strstr(err, "LibreOffice"));
	assert_non_null(strstr(err, "apt-get install"));
	sy_doc_free(&d);
	/* through the table, by content, under any name, $SHENYUE_SOFFICE empty */
	setenv("SHENYUE_SOFFICE", "", 1);
	assert_int_equal(sy_doc_decode(&d, "report.txt", doc, len, err, 512), -1);
	assert_int_equal(d.kind, SY_KIND_DOC);
	assert_non_null(strstr(err, "LibreOffice"));
	unsetenv("SHENYUE_SOFFICE");
	sy_doc_free(&d);
	free(doc);
}

static void test_refused_before_converting(void **state)
{
	static const char *const encrypted[] = { "EncryptionInfo", "EncryptedPackage", NULL };
	static const char *const sheet[] = { "Workbook", "SummaryInformation", NULL };
	char *never = write_script("never", "echo ran >\"$0.ran\"; exit 1");
	size_t len;
	unsigned char *a = ole_with(encrypted, &len);
	struct sy_doc d;
	char err[512];
	assert_int_equal(read_with(&d, a, len, never, 5, err), -1);
	assert_non_null(strstr(err, "password-protected"));
	sy_doc_free(&d);
	free(a);
	a = ole_with(sheet, &len);
	assert_int_equal(read_with(&d, a, len, never, 5, err), -1);
	assert_non_null(strstr(err, "spreadsheet"));
	sy_doc_free(&d);
	free(a);
	char *ran = xasprintf("%s.ran", never);
	struct stat st;
	assert_int_not_equal(stat(ran, &st), 0); /* the converter never ran */
	free(ran);
	free(never);
}

/* A stand-in for soffice: copies $FAKE_DOCX to OUTDIR/input.docx. */
static const char fake_soffice[] =
	"out=; prev=; in=\n"
	"for a in \"$@\"; do [ \"$prev\" = --outdir ] && out=$a; prev=$a; in=$a; done\n"
	"case \"$*\" in *--headless*--convert-to\\ docx*) ;; *) echo \"bad arguments: $*\"; exit 2 ;; esac\n"
	"[ -f \"$in\" ] || { echo \"no input $in\"; exit 2; }\n"
	"mkdir -p \"$out\" && cp \"$FAKE_DOCX\" \"$out/input.docx\"";

static void test_converted_result_is_read(void **state)
{
	const char *text = "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n（一）加强领导\n正文。\n";
	char *docx = xasprintf("%s/made.docx", tmpdir);
	assert_int_equal(docx_write(docx, text, strlen(text), DOCX_WORD, NULL), 0);
	setenv("FAKE_DOCX", docx, 1);
	char *fake = write_script("soffice", fake_soffice);
	static const char *const names[] = { "WordDocument", NULL };
	size_t len;
	unsigned char *doc = ole_with(names, &len);
	struct sy_doc d;
	char err[512];
	assert_int_equal(read_with(&d, doc, len, fake, 10, err), 0);
	assert_int_equal(d.nlines, 4);
	assert_string_equal(d.lines[1].text, "一、主要举措和成效");
	assert_int_equal(sy_doc_style_level(&d, 2), 2);
	sy_doc_free(&d);
	assert_true(dir_is_empty(convdir));
	/* RTF goes the same way */
	const char rtf[] = "{\\rtf1\\ansi 报告}";
	assert_true(sy_legacy_sniff((const unsigned char *)rtf, sizeof rtf - 1));
	assert_int_equal(read_with(&d, (const unsigned char *)rtf, sizeof rtf - 1, fake, 10, err), 0);
	sy_doc_free(&d);
	unsetenv("FAKE_DOCX");
	free(doc);
	free(fake);
	unlink(docx);
	free(docx);
}

static void test_hung_converter_is_killed(void **state)
{
	char *pidfile = xasprintf("%s/pid", tmpdir);
	char *body = xasprintf("echo $$ >'%s'; exec sleep 60", pidfile);
	char *hang = write_script("hang", body);
	static const char *const names[] = { "WordDocument", NULL };
	size_t len;
	unsigned char *doc = ole_with(names, &len);
	struct sy_doc d;
	char err[512];
	time_t t0 = time(NULL);
	assert_int_equal(read_with(&d, doc, len, hang, 0.5, err), -1);
	assert_true(time(NULL) - t0 < 10);
	assert_non_null(strstr(err, "did not finish"));
	char *data;
	size_t n;
	assert_int_equal(sy_file_read(pidfile, 0, &data, &n, NULL), SY_READ_OK);
	pid_t pid = (pid_t)atol(data);
	assert_true(pid > 0);
	assert_int_equal(kill(pid, 0), -1); /* killed and reaped */
	assert_int_equal(errno, ESRCH);
	assert_true(dir_is_empty(convdir));
	sy_doc_free(&d);
	free(data);
	free(doc);
	free(hang);
	free(body);
	unlink(pidfile);
	free(pidfile);
}

struct stop_run {
	const char *soffice;
	struct sy_doc d;
	char err[512];
	int rc;
};

static void *stop_run(void *arg)
{
	struct stop_run *r = arg;
	static const char *const names[] = { "WordDocument", NULL };
	size_t len;
	unsigned char *doc = ole_with(names, &len);
	r->rc = read_with(&r->d, doc, len, r->soffice, 60, r->err);
	free(doc);
	return NULL;
}

/* A program quitting stops the conversion under way: the converter is
 * killed at once, not at the time limit, its folder removed, and none
 * starts until conversions run again. */
static void test_stopped_conversion_ends_at_once(void **state)
{
	char *pidfile = xasprintf("%s/pid", tmpdir);
	char *body = xasprintf("echo $$ >'%s.new'; mv '%s.new' '%s'; exec sleep 60", pidfile, pidfile, pidfile);
	char *hang = write_script("hang", body);
	struct stop_run r = { .soffice = hang };
	pthread_t t;
	time_t t0 = time(NULL);
	assert_int_equal(pthread_create(&t, NULL, stop_run, &r), 0);
	struct stat st;
	for (int tries = 0; tries < 1000 && stat(pidfile, &st) != 0; tries++)
		nanosleep(&(struct timespec){ 0, 10 * 1000 * 1000 }, NULL);
	sy_legacy_stop(true);
	pthread_join(t, NULL);
	assert_true(time(NULL) - t0 < 30); /* the limit was 60 s */
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.err, "stopped"));
	char *data;
	size_t n;
	assert_int_equal(sy_file_read(pidfile, 0, &data, &n, NULL), SY_READ_OK);
	assert_int_equal(kill((pid_t)atol(data), 0), -1); /* killed and reaped */
	assert_true(dir_is_empty(convdir));
	/* stopped: the next one never runs its converter */
	sy_doc_free(&r.d);
	char *never = write_script("never", "echo ran >\"$0.ran\"; exit 1");
	r.soffice = never;
	stop_run(&r);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.err, "stopped"));
	char *ran = xasprintf("%s.ran", never);
	assert_int_not_equal(stat(ran, &st), 0);
	sy_legacy_stop(false);
	sy_doc_free(&r.d);
	free(ran);
	free(never);
	free(data);
	free(hang);
	unlink(pidfile);
	free(pidfile);
	free(body);
}

struct turn_run {
	const char *soffice;
	const char *text;        /* after the magic: the stand-in logs it */
	const atomic_bool *urgent;
};

static void *turn_run(void *arg)
{
	struct turn_run *r = arg;
	struct sy_buf b = {0};
	sy_buf_add(&b, (const char *)ole_head, sizeof ole_head);
	sy_buf_add(&b, r->text, strlen(r->text));
	struct sy_doc d;
	char err[512];
	sy_legacy_priority(r->urgent);
	read_with(&d, (const unsigned char *)b.data, b.len, r->soffice, 30, err);
	sy_doc_free(&d);
	sy_buf_free(&b);
	return NULL;
}

static void nap_ms(long ms)
{
	nanosleep(&(struct timespec){ ms / 1000, (ms % 1000) * 1000 * 1000 }, NULL);
}

/* One conversion at a time: an urgent one asked for while another waits
 * its turn goes first. */
static void test_urgent_conversion_goes_first(void **state)
{
	char *log = xasprintf("%s/turns.log", tmpdir), *gate = xasprintf("%s/gate", tmpdir);
	char *body = xasprintf("in=; for a in \"$@\"; do in=$a; done\n"
			       "t=$(tail -c +9 \"$in\"); echo \"$t\" >>'%s'\n"
			       "[ \"$t\" = first ] && while [ ! -e '%s' ]; do sleep 0.05; done\n"
			       "exit 1", log, gate);
	char *turns = write_script("turns", body);
	static atomic_bool yes = true;
	struct turn_run a = { turns, "first", NULL }, b = { turns, "waiting", NULL }, c = { turns, "urgent", &yes };
	pthread_t ta, tb, tc;
	struct stat st;
	assert_int_equal(pthread_create(&ta, NULL, turn_run, &a), 0);
	for (int tries = 0; tries < 1000 && stat(log, &st) != 0; tries++)
		nap_ms(10);
	assert_int_equal(pthread_create(&tb, NULL, turn_run, &b), 0);
	nap_ms(300); /* b waits its turn */
	assert_int_equal(pthread_create(&tc, NULL, turn_run, &c), 0);
	nap_ms(300);
	FILE *g = fopen(gate, "w");
	assert_non_null(g);
	fclose(g);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	pthread_join(tc, NULL);
	char *data;
	size_t n;
	assert_int_equal(sy_file_read(log, 0, &data, &n, NULL), SY_READ_OK);
	assert_string_equal(data, "first\nurgent\nwaiting\n");
	assert_true(dir_is_empty(convdir));
	unlink(log);
	unlink(gate);
	free(data);
	free(turns);
	free(body);
	free(gate);
	free(log);
}

static void test_failing_converter_is_quoted(void **state)
{
	char *fail = write_script("fails", "echo 'Error: source file could not be loaded'; exit 1");
	static const char *const names[] = { "WordDocument", NULL };
	size_t len;
	unsigned char *doc = ole_with(names, &len);
	struct sy_doc d;
	char err[512];
	assert_int_equal(read_with(&d, doc, len, fail, 10, err), -1);
	assert_non_null(strstr(err, "could not convert"));
	assert_non_null(strstr(err, "source file could not be loaded"));
	sy_doc_free(&d);
	char *missing = xasprintf("%s/no-such-soffice", tmpdir);
	assert_int_equal(read_with(&d, doc, len, missing, 10, err), -1);
	assert_non_null(strstr(err, "cannot run"));
	sy_doc_free(&d);
	assert_true(dir_is_empty(convdir));
	free(missing);
	free(doc);
	free(fail);
}

static int make_tmpdir(void **state)
{
	if (!mkdtemp(tmpdir))
		return -1;
	convdir = xasprintf("%s/conv", tmpdir);
	mkdir(convdir, 0700);
	setenv("TMPDIR", convdir, 1);
	return 0;
}

static int remove_tmpdir(void **state)
{
	char *rm = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(rm);
	free(rm);
	free(convdir);
	return rc;
}

int main(void)
{
	test_setup_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_converter_says_what_to_install),
		cmocka_unit_test(test_refused_before_converting),
		cmocka_unit_test(test_converted_result_is_read),
		cmocka_unit_test(test_hung_converter_is_killed),
		cmocka_unit_test(test_stopped_conversion_ends_at_once),
		cmocka_unit_test(test_urgent_conversion_goes_first),
		cmocka_unit_test(test_failing_converter_is_quoted),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
