/* The review desk: the reviews of a whole batch, as the UI drives them.
 * Every mutating call validates its arguments, applies the change, records it
 * for undo, and saves the touched review files at once. A change that could
 * not be saved stays in memory (and in the undo journal), is reported, and is
 * saved again by the next successful call or sy_desk_retry: nothing typed is
 * dropped. No curses here. */
#ifndef SHENYUE_DESK_H
#define SHENYUE_DESK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "shenyue/effective.h"
#include "shenyue/judged.h"
#include "shenyue/export.h"
#include "shenyue/report.h"
#include "shenyue/review.h"
#include "shenyue/review_store.h"
#include "shenyue/undo.h"

enum sy_desk_result {
	SY_DESK_OK = 0,
	SY_DESK_MERGED = 1,       /* saved; someone else's changes were merged in */
	SY_DESK_CONFLICT = 2,     /* saved; some decisions clashed: see the conflict items */
	SY_DESK_MOVED = 3,        /* saved; a corrupt file on disk was moved aside (msg) */
	SY_DESK_UNCHANGED = 4,    /* the call changed nothing */
	SY_DESK_FAILED = -1,      /* kept in memory but NOT saved: d->msg says why */
	SY_DESK_NEED_WAIVER = -2, /* accepting needs a waiver reason; nothing changed */
	SY_DESK_INVALID = -3,     /* bad argument (index, part, status...); nothing changed */
	SY_DESK_NOTHING = -4,     /* nothing to undo or redo */
};

struct sy_desk {
	struct sy_batch *batch;         /* not owned */
	const struct sy_rubric *rubric; /* not owned */
	char *state_dir;                /* --state DIR, or NULL: .shenyue beside each report */
	char *by;                       /* the reviewer's name, recorded with each decision */
	struct sy_review_file *files;   /* one per report of the batch */
	bool *tagged;                   /* one per report */
	size_t n;
	struct sy_undo undo;
	struct sy_session session;
	char *session_path;
	struct sy_strlist problems;     /* messages from opening (corrupt files moved aside...) */
	char msg[2048];                 /* what the last call has to say, or "" */
	struct sy_stamp *report_stamps; /* one per report: the file as last seen (live folder) */
	struct sy_strlist folders;      /* folders watched for new reports (sy_desk_watch_folder) */
	struct sy_judged judged;        /* the text judged at report judged_of's last verdict */
	long judged_of;                 /* -1: none read (desk_judged.c) */
	int judged_rc;                  /* how reading it went: 0 read, 1 none kept, -1 unreadable */
};

/* What changed on disk since the last look (sy_desk_poll). */
struct sy_desk_changes {
	size_t *reviews;         /* reports whose review another reviewer saved (merged in) */
	size_t nreviews;
	size_t *reports;         /* reports whose file changed, appeared again or went away */
	size_t nreports;
	struct sy_strlist added; /* new report files in a watched folder (not in the batch) */
};

/* Opens the reviews of every report of batch b. The batch need only be
 * expanded: opening reads the review files and the session, never the
 * reports, so a UI can show reviews while it scores in the background.
 * A decision on a report not loaded yet loads it first (its content hash is
 * recorded as seen); sy_desk_changed is false until a report is loaded.
 * by names the reviewer (NULL: $SHENYUE_USER, $USER or the login name).
 * Never fails: problems (corrupt files moved aside, unreadable files) go to
 * d->problems. */
void sy_desk_open(struct sy_desk *d, struct sy_batch *b, const struct sy_rubric *r,
		  const char *state_dir, const char *by);
/* Saves what is still unsaved (best effort) and frees the desk. */
void sy_desk_close(struct sy_desk *d);

/* Returns the review of report i (never NULL for a valid i). */
const struct sy_review *sy_desk_review(const struct sy_desk *d, size_t i);
/* Returns part p's status as it counts (sy_effective_status): the override
 * if any, else the detected one. *overridden (may be NULL) says which. */
int sy_desk_part_status(const struct sy_desk *d, size_t i, size_t p, bool *overridden);
/* Returns report i's score as it counts (sy_effective_score), -1 when
 * unreadable or not loaded. */
int sy_desk_score(const struct sy_desk *d, size_t i);
/* True when loaded report i is incomplete as it counts (sy_effective_incomplete). */
bool sy_desk_incomplete(const struct sy_desk *d, size_t i);
/* Returns how many warnings and errors of report i still stand
 * (sy_effective_warnings). */
size_t sy_desk_warnings(const struct sy_desk *d, size_t i);
/* Returns where report i stands: no verdict, reviewed, or needs re-review. */
enum sy_review_state sy_desk_state(const struct sy_desk *d, size_t i);
/* True when accepting report i needs a waiver (a required part is partial
 * or missing after overrides, or the report could not be read). */
bool sy_desk_needs_waiver(const struct sy_desk *d, size_t i);
/* True when report i changed since it was reviewed (a resubmission). */
bool sy_desk_changed(const struct sy_desk *d, size_t i);
/* True when report i's review has changes not on disk yet. */
bool sy_desk_unsaved(const struct sy_desk *d, size_t i);

/* Overrides part's status (enum sy_status; -1 removes the override). */
int sy_desk_set_override(struct sy_desk *d, size_t i, const char *part, int status, const char *reason);
/* Sets the note on t (NULL or "" removes it). */
int sy_desk_set_note(struct sy_desk *d, size_t i, const struct sy_note_target *t, const char *text);
/* Sets the verdict (SY_VERDICT_NONE removes it) and records the report's
 * content as seen. Accepting a report that sy_desk_needs_waiver requires a
 * non-empty waiver, else SY_DESK_NEED_WAIVER. */
int sy_desk_set_verdict(struct sy_desk *d, size_t i, enum sy_verdict v, const char *waiver);
/* Sets the verdict of every tagged report as one undo step; when accepting
 * and some need a waiver and none is given, changes nothing (NEED_WAIVER). */
int sy_desk_set_verdict_tagged(struct sy_desk *d, enum sy_verdict v, const char *waiver);
/* Records the report's current content as reviewed (clears "changed"). */
int sy_desk_mark_seen(struct sy_desk *d, size_t i);
/* Resolves conflict item key: take_theirs sets the clashing decision to
 * theirs; either way the conflict item goes. */
int sy_desk_resolve_conflict(struct sy_desk *d, size_t i, const char *key, bool take_theirs);
/* Assigns report i to a roster unit by hand (NULL or "" removes it): the
 * review item "unit", saved and merged like any decision, undoable. */
int sy_desk_set_unit(struct sy_desk *d, size_t i, const char *unit);
/* Sets the date report i came in (2025-02-27, 2025/2/27 or 2025年2月27日;
 * NULL or "" removes it): the review item "received", undoable. */
int sy_desk_set_received(struct sy_desk *d, size_t i, const char *date);
/* Records the date shenyue first saw report i's file (sy_first_seen_date)
 * when its review has none. Not undoable; when it cannot be saved it is
 * dropped again, silently (a read-only folder). */
int sy_desk_record_first_seen(struct sy_desk *d, size_t i, time_t now);

/* Undoes the last step; *report (may be NULL) gets the report it touched. */
int sy_desk_undo(struct sy_desk *d, size_t *report);
/* Redoes the last undone step. */
int sy_desk_redo(struct sy_desk *d, size_t *report);
/* Saves every review with unsaved changes. Returns SY_DESK_OK or the first failure. */
int sy_desk_retry(struct sy_desk *d);
/* Takes in changes other reviewers saved to report i's file (no write unless
 * a merge left something to save). */
int sy_desk_refresh(struct sy_desk *d, size_t i);

/* Fills st from a stat of path (ino, size, mtime; no hash); st->exists is
 * false when the file is gone. */
void sy_desk_stamp(const char *path, struct sy_stamp *st);
/* Live folder. Watches folder for new report files (those a batch folder picks up). */
void sy_desk_watch_folder(struct sy_desk *d, const char *folder);
/* Looks at the disk: reviews another reviewer saved are merged in (nothing
 * of ours is lost), report files that changed and new ones in watched
 * folders are listed in c (reset first; free with sy_desk_changes_free).
 * Cheap when nothing changed: one stat per file. Returns the number of
 * changes. */
size_t sy_desk_poll(struct sy_desk *d, struct sy_desk_changes *c);
/* Reloads report i from its file (after sy_desk_poll listed it). */
void sy_desk_reload(struct sy_desk *d, size_t i);
/* Forgets report i's content (after sy_desk_poll listed it): it is as if
 * never loaded, its path kept, so a caller can load it again on another
 * thread (sy_report_load) and put it back; its review is untouched. */
void sy_desk_unload(struct sy_desk *d, size_t i);
/* Adds the report file at path to the batch and opens its review; returns
 * its index. Pointers into the batch's reports move. */
size_t sy_desk_add_report(struct sy_desk *d, const char *path);
/* Writes one sentence naming what c holds ("李四 saved a.txt; new: b.txt")
 * into buf. */
void sy_desk_changes_describe(const struct sy_desk *d, const struct sy_desk_changes *c, char *buf,
			      size_t len);
/* Frees what c owns and empties it. */
void sy_desk_changes_free(struct sy_desk_changes *c);

/* The text judged at report i's last verdict (judged.h: kept when the
 * verdict was given), read once and held until another report's is asked
 * for; NULL when none was kept, or when it cannot be read (d->msg says why). */
const struct sy_judged *sy_desk_judged(struct sy_desk *d, size_t i);
/* Keeps report i's text as judged with verdict v, beside its review
 * (sy_desk_set_verdict does it). Returns SY_DESK_OK or SY_DESK_FAILED (d->msg). */
int sy_desk_keep_judged(struct sy_desk *d, size_t i, enum sy_verdict v);
/* Forgets the judged text held (it is read again when asked for). */
void sy_desk_judged_forget(struct sy_desk *d);

/* Loads report i if it is not loaded yet (sy_report_load); true when it was
 * loaded by this call. */
bool sy_desk_load(struct sy_desk *d, size_t i);
/* Builds the export of the n reports listed in idx (idx NULL: every report;
 * for the tagged ones, see sy_desk_tagged_list), loading any not loaded yet,
 * with options o (may be NULL; the reviewer defaults to the desk's).
 * Free x with sy_export_free. */
void sy_desk_export_build(struct sy_desk *d, const size_t *idx, size_t n, const struct sy_export_opts *o,
			  struct sy_export_doc *x);
/* Returns the indices of the tagged reports (newly allocated) and their count in *n. */
size_t *sy_desk_tagged_list(const struct sy_desk *d, size_t *n);

/* Tags or untags report i and saves the session. Not undoable (a selection). */
int sy_desk_tag(struct sy_desk *d, size_t i, bool on);
/* Tags or untags the n reports listed in idx (e.g. all visible). */
int sy_desk_tag_many(struct sy_desk *d, const size_t *idx, size_t n, bool on);
/* Returns the number of tagged reports. */
size_t sy_desk_ntagged(const struct sy_desk *d);
/* Remembers where the supervisor is (report i, part id or NULL, scroll and
 * cursor lines) and saves the session. */
int sy_desk_save_place(struct sy_desk *d, size_t i, const char *part, long scroll, long line);
/* Returns the index of the report the session was on, or 0. */
size_t sy_desk_place_report(const struct sy_desk *d);

#endif
