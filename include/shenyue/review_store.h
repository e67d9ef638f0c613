/* Review files on disk: one YAML file per report in .shenyue/ beside the
 * reports (or in a --state directory), saved atomically (temporary file,
 * fsync, rename, fsync of the directory), merged with what a second reviewer
 * saved meanwhile, and never overwritten when unreadable. Also the small
 * session file that remembers where the supervisor was. */
#ifndef SHENYUE_REVIEW_STORE_H
#define SHENYUE_REVIEW_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "shenyue/review.h"
#include "shenyue/rubric.h"
#include "shenyue/fileio.h"
#include "shenyue/yamlutil.h"

#define SY_STATE_DIRNAME ".shenyue"
#define SY_REVIEW_FORMAT 1

/* What a file looked like when we last read or wrote it. */
struct sy_stamp {
	bool exists;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	uint64_t hash; /* FNV-1a 64 of the bytes */
};

/* A review as held by the program: the user's copy and the copy last seen on
 * disk (the merge base). */
struct sy_review_file {
	char *path;            /* the review file */
	struct sy_review cur;  /* what the user sees and edits */
	struct sy_review base; /* as on disk when last loaded or saved */
	struct sy_stamp stamp;
	bool blocked;          /* unreadable and could not be moved aside: never written */
	bool dirty;            /* cur holds changes not on disk yet */
};

enum sy_save_result {
	SY_SAVE_FAILED = -1,  /* nothing written; cur is kept in memory, msg says why */
	SY_SAVE_OK = 0,
	SY_SAVE_MERGED = 1,   /* the file had changed on disk; both sides kept */
	SY_SAVE_CONFLICT = 2, /* as MERGED, and some keys clashed: see conflict items */
	SY_SAVE_MOVED = 3,    /* the file on disk was corrupt: moved aside (msg), ours written */
};

/* Returns the state directory for a report: .shenyue beside the report, or
 * with state_dir a subfolder of it per report folder (<folder>-<hash of its
 * absolute path>), so same-named reports of two folders never collide.
 * Newly allocated. */
char *sy_store_dir(const char *report_path, const char *state_dir);
/* Returns the review file path for a report: DIR/<report file name>.yaml
 * (a name too long for that is shortened: sy_file_name_fit). */
char *sy_store_path(const char *report_path, const char *state_dir);

/* How opening a review (or session) file went. */
enum sy_load_result {
	SY_LOAD_OK,      /* read (a missing file is an empty review) */
	SY_LOAD_MOVED,   /* corrupt or unreadable: moved aside (msg names the file,
			    line:col and the new name); the review starts empty */
	SY_LOAD_BLOCKED, /* could not be read nor moved aside, or written by a newer
			    shenyue: left alone and never written (f->blocked; msg) */
	SY_LOAD_FAILED,  /* (sessions) could not be read at all; msg says why */
};

/* How parsing a review's text went. */
enum sy_parse_result {
	SY_PARSE_OK,
	SY_PARSE_INVALID, /* not a review: err has "source:line:col: message" */
	SY_PARSE_NEWER,   /* written by a newer shenyue: not corrupt, leave it alone */
};

/* Loads the review of a report (see enum sy_load_result). */
enum sy_load_result sy_review_file_open(struct sy_review_file *f, const char *report_path,
					const char *state_dir, char *msg, size_t msglen);
/* Reads the review of a report without changing anything on disk (for
 * export): 0 (a missing file is an empty review), or -1 with the reason
 * ("file:line:col: message") in err and rv empty. */
int sy_review_read(struct sy_review *rv, const char *report_path, const char *state_dir, char *err,
		   size_t errlen);
/* Saves f->cur now. When the file changed on disk since it was read, merges
 * it first (see sy_review_merge). Never overwrites a file it cannot read. */
enum sy_save_result sy_review_file_save(struct sy_review_file *f, char *msg, size_t msglen);
/* Takes in what changed on disk since the last load or save, without
 * writing. Returns SY_SAVE_OK when nothing changed, or as sy_review_file_save. */
enum sy_save_result sy_review_file_refresh(struct sy_review_file *f, char *msg, size_t msglen);
/* Frees what f owns. */
void sy_review_file_close(struct sy_review_file *f);

/* Parses a review file's text (see enum sy_parse_result). */
enum sy_parse_result sy_review_parse(struct sy_review *rv, const char *source, const char *text, size_t len,
				     char *err, size_t errlen);
/* Reads a review from a mapping node (as written by sy_review_write_yaml). */
enum sy_parse_result sy_review_from_node(struct sy_review *rv, struct sy_yaml *y, yaml_node_t *map, char *err,
					 size_t errlen);
/* Writes rv as a YAML mapping, each line indented by indent spaces. */
void sy_review_write_yaml(FILE *out, const struct sy_review *rv, int indent);
/* Returns the review file text for rv (header comment included), newly allocated. */
char *sy_review_format(const struct sy_review *rv, size_t *len);

/* Reads a whole YAML file (sy_file_read, at most SY_YAML_MAX_BYTES) and
 * fills *st from the file read; *sb gets its stat (for sy_read_strerror). */
enum sy_read_result sy_file_read_stamped(const char *path, char **data, size_t *len, struct sy_stamp *st,
					 struct stat *sb);

/* Where the supervisor was, and which reports are tagged. */
struct sy_session {
	char *report;          /* selected report's path, or NULL */
	char *part;            /* selected part id, or NULL */
	long scroll;           /* first line shown in the report pane */
	long line;             /* cursor line in the report pane */
	struct sy_strlist tagged; /* paths of tagged reports */
};

/* Returns the session file for this user in the state directory. */
char *sy_session_path(const char *state_dir);
/* Loads a session; a missing file is an empty session (SY_LOAD_OK). A corrupt
 * one is moved aside (SY_LOAD_MOVED, err says so); SY_LOAD_BLOCKED when it
 * could not be moved; SY_LOAD_FAILED when it could not be read. */
enum sy_load_result sy_session_load(struct sy_session *s, const char *path, char *err, size_t errlen);
/* Saves a session atomically. Returns 0 or -1 with the reason in err. */
int sy_session_save(const struct sy_session *s, const char *path, char *err, size_t errlen);
/* Frees what the session owns. */
void sy_session_free(struct sy_session *s);

#endif
