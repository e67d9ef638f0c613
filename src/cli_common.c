/* The set-up check, export and summary share. See shenyue/cli.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "shenyue/cli.h"
#include "shenyue/i18n.h"
#include "shenyue/pool.h"
#include "shenyue/review_store.h"
#include "shenyue/yamlutil.h"

int sy_cli_parse(enum sy_command cmd, int argc, char **argv, int (*take)(void *ctx, int opt, const char *arg),
		 void *ctx, int *status)
{
	struct sy_optparse p;
	sy_optparse_init(&p, cmd);
	int opt, rc = 0;
	*status = 2;
	while (rc == 0 && (opt = sy_optparse_next(&p, argc, argv)) != SY_OPT_END) {
		if (opt == SY_OPT_HELP) {
			sy_options_help(stdout, cmd);
			*status = 0;
			rc = -1;
		} else if (opt == SY_OPT_BAD || take(ctx, opt, p.arg) != 0) {
			if (opt != SY_OPT_BAD)
				sy_options_usage_error(stderr, cmd);
			rc = -1;
		}
	}
	sy_optparse_free(&p);
	if (rc == 0 && optind >= argc) {
		fprintf(stderr, _("shenyue: %s needs at least one PATH\n"), sy_command_info(cmd)->name);
		sy_options_usage_error(stderr, cmd);
		rc = -1;
	}
	return rc;
}

size_t sy_cli_load_config(struct sy_config *c, const char *path)
{
	sy_config_init(c);
	char *user = path ? NULL : sy_config_user_path();
	if (path || user)
		sy_config_load_file(c, path ? path : user, path == NULL);
	free(user);
	for (size_t i = 0; i < c->errors.n; i++)
		sy_text_printf(stderr, _("shenyue: config: %s\n"), c->errors.v[i]);
	return c->errors.n;
}

int sy_cli_take_jobs(const char *arg, int *jobs)
{
	if ((*jobs = sy_pool_parse_jobs(arg)) > 0)
		return 0;
	fprintf(stderr, _("shenyue: -j wants a number of threads from 1 to 1024, not '%s'\n"), arg);
	return -1;
}

int sy_cli_load_rubric(struct sy_rubric *r, const char *path)
{
	char err[1024];
	int rc = path ? sy_rubric_load_file(r, path, err, sizeof err) : sy_rubric_load_default(r, err, sizeof err);
	if (rc)
		sy_text_printf(stderr, "shenyue: %s\n", err);
	return rc ? -1 : 0;
}

int sy_cli_load_roster(struct sy_roster *r, const char *explicit_path, char *const *paths, size_t npaths,
		       const char *setting, bool *have)
{
	char err[1024];
	char *path = sy_roster_pick(explicit_path, paths, npaths, setting);
	int rc = path ? sy_roster_load_file(r, path, err, sizeof err) : 0;
	if (rc)
		sy_text_printf(stderr, "shenyue: %s\n", err);
	*have = path && !rc;
	free(path);
	return rc ? -1 : 0;
}

size_t sy_cli_read_reviews(const struct sy_batch *b, const char *state, struct sy_review *rv, bool conflicts)
{
	size_t bad = 0;
	for (size_t i = 0; i < b->n; i++) {
		char err[1024];
		if (sy_review_read(&rv[i], b->r[i].path, state, err, sizeof err) < 0) {
			sy_text_printf(stderr, _("shenyue: %s (review left out)\n"), err);
			bad++;
		} else if (conflicts && sy_review_nconflicts(&rv[i])) {
			sy_text_printf(stderr, _("shenyue: %s: %zu unresolved conflict(s) between reviewers\n"),
				       b->r[i].path, sy_review_nconflicts(&rv[i]));
		}
	}
	return bad;
}

void sy_cli_report_errors(const struct sy_batch *b)
{
	sy_strlist_print(&b->errors, stderr, "shenyue: ");
	for (size_t i = 0; i < b->n; i++)
		if (b->r[i].error)
			sy_text_printf(stderr, "shenyue: %s: %s\n", b->r[i].path, b->r[i].error);
}
