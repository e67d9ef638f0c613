/* The user's settings: a YAML file checked against one schema table, which
 * also documents every setting (`shenyue --dump-config`). The built-in
 * defaults (config/default.yaml) go through the same loader. */
#ifndef SHENYUE_CONFIG_H
#define SHENYUE_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

#include "shenyue/ops.h"
#include "shenyue/rubric.h"

/* X(key, type, field, help): the settings, in the order they are documented. */
#define SY_CONFIG_SETTINGS(X)                                                                   \
	X("theme", SY_CFG_STRING, theme, "Colour theme: default (dark or light after the terminal's background), dark, light, neutral, high-contrast, mono, or a YAML file") \
	X("mouse", SY_CFG_BOOL, mouse, "Take mouse clicks and the wheel")                       \
	X("rubric", SY_CFG_STRING, rubric, "Rubric file to score against (empty: the built-in one)") \
	X("state", SY_CFG_STRING, state, "Folder for review files (empty: .shenyue/ beside the reports)") \
	X("roster", SY_CFG_STRING, roster, "Roster of the units expected to report, YAML or CSV (empty: 名单.yaml/名单.csv in the report folder)") \
	X("live", SY_CFG_BOOL, live, "Watch the report folder: take in what other reviewers saved and new or changed reports while open (C-l does it by hand)") \
	X("reviewer", SY_CFG_STRING, reviewer, "Your name, recorded with each decision and signed under the 审查意见 (empty: $USER)") \
	X("office", SY_CFG_STRING, office, "Issuing office signed under the 审查意见, e.g. 青禾县依法治县办 or 青禾县司法局 (empty: asked at the first export)") \
	X("resubmit_days", SY_CFG_INT, resubmit_days, "Days a unit has to correct and resubmit a returned report (0: asked at the first export)") \
	X("ambiguous_wide", SY_CFG_BOOL, ambiguous_wide, "Draw East Asian ambiguous characters (“ ” …) two columns wide")

enum sy_config_type { SY_CFG_STRING, SY_CFG_BOOL, SY_CFG_INT };

/* One rebinding from the file's bind: section. */
struct sy_config_bind {
	char *op;
	char *key;
};

struct sy_config {
	char *theme;
	bool mouse;
	char *rubric;
	char *state;
	char *roster;
	bool live;
	char *reviewer;
	char *office;
	int resubmit_days;
	bool ambiguous_wide;
	struct sy_config_bind *binds;
	size_t nbinds;
	struct sy_strlist errors; /* "file:line:col: message", collected, never fatal */
};

/* Loads the built-in defaults into c (always succeeds). */
void sy_config_init(struct sy_config *c);
/* Reads a config file over c. Returns 0, or -1 with the error added to
 * c->errors; on error nothing of the file is taken (all or nothing). A
 * missing file is not an error when optional is true. */
int sy_config_load_file(struct sy_config *c, const char *path, bool optional);
/* Reads config text over c, as sy_config_load_file ('source' names it). */
int sy_config_load_string(struct sy_config *c, const char *source, const char *text, size_t len);
/* Returns the user's config path ($XDG_CONFIG_HOME or ~/.config, then
 * shenyue/config.yaml), newly allocated, or NULL without a home. */
char *sy_config_user_path(void);
/* Applies the bind: section to km; each failure is added to c->errors. */
void sy_config_apply_binds(struct sy_config *c, struct sy_keymap *km);
/* Sets one setting in the config file at path (created when missing),
 * keeping everything else in it: the key's line is replaced, or appended.
 * The value is checked against the schema first. Returns 0, or -1 with the
 * reason in err. */
int sy_config_save_setting(const char *path, const char *key, const char *value, char *err, size_t errlen);
/* Writes every setting with its help and current value, as a config file. */
void sy_config_dump(FILE *out, const struct sy_config *c);
/* Frees what c owns. */
void sy_config_free(struct sy_config *c);

#endif
