/* Long notes in the user's editor ($VISUAL, $EDITOR, else vi) on a temporary
 * file. Curses steps aside while it runs (endwin, then a full repaint). The
 * note is saved only when the file changed; an editor that fails leaves the
 * note as it was, and the status bar says so. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shenyue/fileio.h"
#include "shenyue/review_store.h"
#include "shenyue/xalloc.h"
#include "ui.h"

/* Writes text (and a final newline) to a new temporary file; returns its
 * name, newly allocated, or NULL with errno set. */
static char *editor_write_temp(const char *text)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/shenyue-note-XXXXXX.txt", dir && *dir ? dir : "/tmp");
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		free(path);
		return NULL;
	}
	FILE *f = fdopen(fd, "w");
	bool ok = f && fputs(text, f) >= 0 && (!*text || fputc('\n', f) != EOF);
	if ((f ? fclose(f) : close(fd)) != 0 || !ok) {
		int e = errno;
		unlink(path);
		free(path);
		errno = e;
		return NULL;
	}
	return path;
}

/* Runs the editor on path as system() would (the parent ignores SIGINT and
 * SIGQUIT meanwhile). Returns its wait status, or -1. */
static int editor_run(const char *path)
{
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", "exec ${VISUAL:-${EDITOR:-vi}} \"$1\"", "sh", path, (char *)NULL);
		_exit(127);
	}
	int status = -1;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return pid > 0 ? status : -1;
}

/* Drops the newlines editors add at the end. */
static void editor_trim(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

/* Runs the editor with curses put aside; returns its wait status. */
static int editor_run_outside_curses(const char *path)
{
	ui_term_lock();
	def_prog_mode();
	endwin();
	ui_term_unlock();
	int status = editor_run(path);
	ui_term_lock();
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	ui_term_unlock();
	return status;
}

/* Reads the edited file back; NULL (with a message) when it cannot be. */
static char *editor_read_back(struct ui *ui, const char *path, int status)
{
	if (status != 0) {
		ui_message(ui, true, _("the editor failed (%s %d): the note is unchanged"),
			   status < 0 ? _("could not start") : WIFEXITED(status) ? _("exit status") : _("signal"),
			   status < 0 ? errno : WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		return NULL;
	}
	char *data = NULL;
	size_t len;
	if (sy_file_read(path, 0, &data, &len, NULL) != SY_READ_OK) {
		ui_message(ui, true, _("cannot read the edited note back (%s): the note is unchanged"),
			   strerror(errno));
		return NULL;
	}
	char *text = xstrndup(data, len);
	free(data);
	editor_trim(text);
	return text;
}

/* Saves the edited text as note t of report i, if it changed. */
static void editor_save(struct ui *ui, size_t i, const struct sy_note_target *t, const char *before,
			const char *after, const char *what)
{
	if (!strcmp(before, after)) {
		ui_message(ui, false, "%s", _("note unchanged"));
		return;
	}
	int rc = sy_desk_set_note(&ui->desk, i, t, after);
	if (rc == SY_DESK_OK && !ui->desk.msg[0])
		ui_message(ui, false, _("saved: note on %s"), what);
	else
		ui_desk_said(ui, rc);
}

int ui_editor_note(struct ui *ui, const struct sy_note_target *t, const char *what)
{
	long report = ui->current;
	if (report < 0)
		return UI_NONE;
	if (!ui->batch.r[report].loaded) /* a note goes with the content it was written on */
		return ui_loader_say_waiting(ui, (size_t)report);
	const char *now = sy_review_note(sy_desk_review(&ui->desk, (size_t)report), t);
	char *before = xstrdup(now ? now : "");
	char *path = editor_write_temp(before);
	if (!path) {
		ui_message(ui, true, _("cannot write a temporary file for the editor: %s"), strerror(errno));
		free(before);
		return UI_REDRAW;
	}
	int status = editor_run_outside_curses(path);
	char *after = editor_read_back(ui, path, status);
	if (after)
		editor_save(ui, (size_t)report, t, before, after, what);
	unlink(path);
	free(path);
	free(after);
	free(before);
	return UI_LAYOUT;
}
