/* .doc and .wps (the binary Word format, which WPS also writes) and .rtf,
 * through LibreOffice when it is installed: the file is converted to .docx
 * in a private temporary folder by `soffice --headless --convert-to docx`,
 * under a time limit (the whole process group is killed past it), and the
 * result read by the .docx reader. Without soffice the message says what to
 * install. Conversions run one at a time (the one a supervisor waits on
 * first: sy_legacy_priority) and share one LibreOffice profile
 * per shenyue process, made on first use and removed at exit. A program
 * quitting stops them (sy_legacy_stop) rather than wait. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "shenyue/docin.h"
#include "shenyue/docin_reader.h"
#include "shenyue/fileio.h"
#include "shenyue/i18n.h"
#include "shenyue/xalloc.h"

extern char **environ;

static const unsigned char ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static bool is_ole(const unsigned char *buf, size_t len)
{
	return len >= 8 && !memcmp(buf, ole_magic, 8);
}

static bool is_rtf(const unsigned char *buf, size_t len)
{
	return len >= 5 && !memcmp(buf, "{\\rtf", 5);
}

bool sy_legacy_sniff(const unsigned char *buf, size_t len)
{
	return is_ole(buf, len) || is_rtf(buf, len);
}

/* True when an OLE2 file has a stream of this name (its directory holds names in UTF-16LE). */
static bool has_stream(const unsigned char *buf, size_t len, const char *name)
{
	size_t n = strlen(name);
	unsigned char pat[64];
	if (n * 2 > sizeof pat)
		return false;
	for (size_t i = 0; i < n; i++) {
		pat[2 * i] = (unsigned char)name[i];
		pat[2 * i + 1] = 0;
	}
	return memmem(buf, len, pat, n * 2) != NULL;
}

/* Office files that are not Word documents, or that no converter can open. */
static int refuse_early(const unsigned char *buf, size_t len, char *err, size_t errlen)
{
	if (!is_ole(buf, len))
		return 0;
	if (has_stream(buf, len, "EncryptionInfo") || has_stream(buf, len, "EncryptedPackage")) {
		snprintf(err, errlen, _("a password-protected Office document: ask the unit for a copy without "
					"a password"));
		return -1;
	}
	if (!has_stream(buf, len, "WordDocument") &&
	    (has_stream(buf, len, "Workbook") || has_stream(buf, len, "Book") ||
	     has_stream(buf, len, "PowerPoint Document"))) {
		snprintf(err, errlen, _("an Office spreadsheet or presentation, not a Word document"));
		return -1;
	}
	return 0;
}

/* ---------------- the converter ---------------- */

/* The soffice to run: $SHENYUE_SOFFICE (empty: none), else soffice or
 * libreoffice on the PATH. A new string, or NULL. */
static char *find_soffice(const struct sy_convert_opts *o)
{
	const char *given = o && o->soffice ? o->soffice : getenv("SHENYUE_SOFFICE");
	if (given)
		return *given ? xstrdup(given) : NULL;
	const char *path = getenv("PATH");
	static const char *const names[] = { "soffice", "libreoffice" };
	for (size_t k = 0; k < 2 && path; k++) {
		for (const char *p = path; *p;) {
			size_t n = strcspn(p, ":");
			char *cand = xasprintf("%.*s/%s", (int)n, n ? p : ".", names[k]);
			if (access(cand, X_OK) == 0)
				return cand;
			free(cand);
			p += n + (p[n] == ':');
		}
	}
	return NULL;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(path);
}

/* Removes a folder and everything in it, never following links. */
static void remove_tree(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* The conversions' turn: one at a time; a thread asking urgently (the
 * report a supervisor waits on: sy_legacy_priority) goes before the others
 * waiting. */
struct convert_waiter {
	const atomic_bool *urgent;
	struct convert_waiter *next;
};
static pthread_mutex_t convert_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t convert_free = PTHREAD_COND_INITIALIZER;
static bool converting;                /* under the lock: a conversion holds the turn */
static struct convert_waiter *waiters; /* under the lock: those waiting for it */
static _Thread_local const atomic_bool *thread_urgent;
static atomic_bool stopping; /* sy_legacy_stop: conversions end, none begins */

void sy_legacy_priority(const atomic_bool *urgent)
{
	thread_urgent = urgent;
}

static bool is_urgent(const struct convert_waiter *w)
{
	return w->urgent && atomic_load(w->urgent);
}

/* Under the lock: true when w may take the turn now. */
static bool convert_may_go(const struct convert_waiter *w)
{
	if (converting)
		return false;
	if (is_urgent(w))
		return true;
	for (const struct convert_waiter *o = waiters; o; o = o->next)
		if (o != w && is_urgent(o))
			return false;
	return true;
}

/* Waits for the conversions' turn. */
static void convert_begin(void)
{
	struct convert_waiter me = { thread_urgent, NULL };
	pthread_mutex_lock(&convert_lock);
	me.next = waiters;
	waiters = &me;
	while (!convert_may_go(&me))
		pthread_cond_wait(&convert_free, &convert_lock);
	struct convert_waiter **p = &waiters;
	while (*p != &me)
		p = &(*p)->next;
	*p = me.next;
	converting = true;
	pthread_mutex_unlock(&convert_lock);
}

/* Gives the turn up: the waiters look again. */
static void convert_end(void)
{
	pthread_mutex_lock(&convert_lock);
	converting = false;
	pthread_cond_broadcast(&convert_free);
	pthread_mutex_unlock(&convert_lock);
}
static char *profile_dir; /* one LibreOffice profile for this process */

static void remove_profile(void)
{
	if (profile_dir)
		remove_tree(profile_dir);
	free(profile_dir);
	profile_dir = NULL;
}

/* A new private folder under $TMPDIR (or /tmp). */
static char *private_dir(const char *what)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/shenyue-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", what);
	if (!mkdtemp(dir)) {
		free(dir);
		return NULL;
	}
	return dir;
}

static const char *profile(void)
{
	if (!profile_dir && (profile_dir = private_dir("lo-profile")) != NULL)
		atexit(remove_profile);
	return profile_dir;
}

/* Writes the submitted bytes where soffice will read them. */
static int write_input(const char *path, const unsigned char *buf, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	size_t done = 0;
	while (done < len) {
		ssize_t n = write(fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)n;
	}
	return close(fd);
}

/* Starts soffice in its own process group, output to log. */
static int spawn(pid_t *pid, const char *soffice, const char *dir, const char *input, const char *log)
{
	char *outdir = xasprintf("%s/out", dir);
	char *env_profile = xasprintf("-env:UserInstallation=file://%s", profile());
	char *const argv[] = { (char *)soffice, "--headless", "--norestore", "--nologo", "--nodefault",
			       "--nolockcheck", "--nofirststartwizard", env_profile, "--convert-to",
			       "docx:MS Word 2007 XML", "--outdir", outdir, (char *)input, NULL };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	posix_spawnattr_init(&at);
	posix_spawnattr_setpgroup(&at, 0);
	sigset_t none;
	sigemptyset(&none);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
	int rc = posix_spawn(pid, soffice, &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	free(outdir);
	free(env_profile);
	errno = rc;
	return rc ? -1 : 0;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void sy_legacy_stop(bool stop)
{
	atomic_store(&stopping, stop);
}

/* Waits for the converter; past the limit, or when conversions are
 * stopped, kills its whole process group. Returns its exit status, -1
 * when it ran out of time, -2 when it was stopped. */
static int wait_for(pid_t pid, double seconds)
{
	double end = now() + seconds;
	int status = 0;
	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid || (r < 0 && errno != EINTR))
			break;
		bool stopped = atomic_load(&stopping);
		if (stopped || now() > end) {
			kill(-pid, SIGKILL);
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			return stopped ? -2 : -1;
		}
		struct timespec nap = { 0, 20 * 1000 * 1000 };
		nanosleep(&nap, NULL);
	}
	kill(-pid, SIGKILL); /* what it left running (soffice.bin) goes too */
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* The first line of the converter's log, for the message. */
static char *log_line(const char *log)
{
	char *text;
	size_t len;
	if (sy_file_read(log, 1 << 16, &text, &len, NULL) != SY_READ_OK)
		return xstrdup("");
	char *p = text;
	while (*p == '\n' || *p == ' ')
		p++;
	char *line = xstrndup(p, strcspn(p, "\r\n"));
	free(text);
	return line;
}

/* Converts in dir and reads the result. */
static int convert_in(struct sy_doc *doc, const char *dir, const char *soffice, const unsigned char *buf,
		      size_t len, double seconds, char *err, size_t errlen)
{
	char *input = xasprintf("%s/input.%s", dir, is_rtf(buf, len) ? "rtf" : "doc");
	char *output = xasprintf("%s/out/input.docx", dir);
	char *log = xasprintf("%s/soffice.log", dir);
	pid_t pid;
	int rc = -1, waited = 0;
	if (write_input(input, buf, len) != 0) {
		snprintf(err, errlen, _("cannot write a temporary copy for LibreOffice: %s"), strerror(errno));
	} else if (!profile() || spawn(&pid, soffice, dir, input, log) != 0) {
		snprintf(err, errlen, _("cannot run %s: %s"), soffice, strerror(errno));
	} else if ((waited = wait_for(pid, seconds)) == -2) {
		snprintf(err, errlen, "%s", _("the conversion by LibreOffice was stopped: shenyue is quitting"));
	} else if (waited < 0) {
		snprintf(err, errlen, _("LibreOffice did not finish converting it within %g s: stopped"), seconds);
	} else {
		char *data;
		size_t n;
		if (sy_file_read(output, SY_DOCIN_MAX_PART, &data, &n, NULL) != SY_READ_OK) {
			char *why = log_line(log);
			snprintf(err, errlen, _("LibreOffice could not convert it (a damaged or password-protected "
						"file?)%s%s"), *why ? ": " : "", why);
			free(why);
		} else {
			rc = sy_docx_read(doc, (const unsigned char *)data, n, err, errlen);
			free(data);
		}
	}
	free(input);
	free(output);
	free(log);
	return rc;
}

/* Converts in a private folder of its own, removed afterwards; the caller
 * holds the turn. */
static int convert(struct sy_doc *doc, const char *soffice, const unsigned char *buf, size_t len, double seconds,
		   char *err, size_t errlen)
{
	if (atomic_load(&stopping)) {
		snprintf(err, errlen, "%s", _("the conversion by LibreOffice was stopped: shenyue is quitting"));
		return -1;
	}
	char *dir = private_dir("convert");
	if (!dir) {
		snprintf(err, errlen, _("cannot make a temporary folder for LibreOffice: %s"), strerror(errno));
		return -1;
	}
	int rc = convert_in(doc, dir, soffice, buf, len, seconds, err, errlen);
	remove_tree(dir);
	free(dir);
	return rc;
}

int sy_legacy_read_with(struct sy_doc *doc, const unsigned char *buf, size_t len, const struct sy_convert_opts *o,
			char *err, size_t errlen)
{
	if (refuse_early(buf, len, err, errlen) != 0)
		return -1;
	char *soffice = find_soffice(o);
	if (!soffice) {
		snprintf(err, errlen, _("a .doc, .wps or .rtf file: reading it needs LibreOffice (apt-get install "
					"libreoffice-writer), or ask the unit for the .docx"));
		return -1;
	}
	double seconds = o && o->seconds > 0 ? o->seconds : SY_CONVERT_SECONDS;
	convert_begin();
	int rc = convert(doc, soffice, buf, len, seconds, err, errlen);
	convert_end();
	free(soffice);
	return rc;
}

int sy_legacy_read(struct sy_doc *doc, const unsigned char *buf, size_t len, char *err, size_t errlen)
{
	return sy_legacy_read_with(doc, buf, len, NULL, err, errlen);
}
