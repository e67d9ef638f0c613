/* The review UI's start and finish: options, rubric, theme, keymap, the
 * batch of reports, the terminal; then the input loop; then a clean exit on
 * every path (quit, error, SIGTERM, SIGHUP, SIGINT). */
#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shenyue/cli.h"
#include "shenyue/options.h"
#include "shenyue/xalloc.h"
#include "shenyue/yamlutil.h"
#include "shenyue/termcolor.h"
#include "ui.h"

/* Prints the operations table as Markdown: the source of the key docs. */
static void app_print_keys(void)
{
	/* TRANSLATORS: the header of the key table (Markdown) printed by --keys. */
	puts(_("| operation | default keys | where | what it does |"));
	puts("|---|---|---|---|");
	for (int op = SY_OP_NONE + 1; op < SY_OP_COUNT; op++) {
		const struct sy_op_info *i = sy_op_info((enum sy_op)op);
		char where[64];
		sy_ctx_names(i->ctx, where, sizeof where);
		printf("| %s | `%s` | %s | %s |\n", i->name, i->keys, where, _(i->help));
	}
}

/* What the command line asks for. */
enum app_action {
	APP_RUN,         /* open the review UI */
	APP_HELP,        /* print --help, exit 0 */
	APP_KEYS,        /* print the key table, exit 0 */
	APP_DUMP_CONFIG, /* print the settings, exit 0 */
	APP_USAGE_ERROR, /* already told on stderr, exit 2 */
};

/* Takes one option of the table into o; returns the action it asks for. */
static enum app_action app_take(struct ui_options *o, int opt, const char *arg)
{
	switch (opt) {
	case SY_OPT_HELP: return APP_HELP;
	case SY_OPT_KEYS: return APP_KEYS;
	case SY_OPT_DUMP_CONFIG: return APP_DUMP_CONFIG;
	case SY_OPT_THEME: o->theme = arg; break;
	case SY_OPT_NO_MOUSE: o->no_mouse = true; break;
	case SY_OPT_AMBIGUOUS_WIDE: o->ambiguous_wide = true; break;
	case SY_OPT_RUBRIC: o->rubric = arg; break;
	case SY_OPT_STATE: o->state = arg; break;
	case SY_OPT_CONFIG: o->config = arg; break;
	case SY_OPT_ROSTER: o->roster = arg; break;
	case SY_OPT_JOBS:
		if (sy_cli_take_jobs(arg, &o->jobs) == 0)
			break;
		return APP_USAGE_ERROR;
	default: return APP_USAGE_ERROR;
	}
	return APP_RUN;
}

/* Parses the command line with getopt_long over the option table's rows for
 * the review UI; the paths are what is left. --help wins over the other
 * printing options, and a usage error over all. */
static enum app_action app_parse_args(int argc, char **argv, struct ui_options *o)
{
	struct sy_optparse p;
	enum app_action action = APP_RUN;
	int opt;
	sy_optparse_init(&p, SY_CMD_UI);
	while ((opt = sy_optparse_next(&p, argc, argv)) != SY_OPT_END) {
		enum app_action a = opt == SY_OPT_BAD ? APP_USAGE_ERROR : app_take(o, opt, p.arg);
		if (a == APP_USAGE_ERROR || (a == APP_HELP && action != APP_USAGE_ERROR) ||
		    (a != APP_RUN && action == APP_RUN))
			action = a;
	}
	sy_optparse_free(&p);
	o->paths = xcalloc((size_t)argc, sizeof *o->paths);
	for (int i = optind; i < argc; i++)
		o->paths[o->npaths++] = argv[i];
	return action;
}

static bool app_no_color(void)
{
	const char *nc = getenv("NO_COLOR");
	return nc && *nc;
}

/* The terminal's background: $COLORFGBG when it says, else the terminal's
 * answer to an OSC 11 query. */
static enum sy_background app_background(void)
{
	enum sy_background bg = sy_background_from_colorfgbg(getenv("COLORFGBG"));
	return bg != SY_BG_UNKNOWN ? bg : ui_term_background();
}

/* Loads the theme: --theme, else mono under NO_COLOR, else the settings'
 * theme; "default" is the dark or light theme after the terminal's
 * background (one legible on both when it does not say). A broken one
 * leaves the default and a message naming file:line:col. */
static void app_load_theme(struct ui *ui, const char *name)
{
	char err[512];
	const char *want = name ? name : app_no_color() ? "mono" : ui->config.theme;
	bool automatic = !want || !*want || !strcmp(want, "default");
	enum sy_background bg = automatic ? app_background() : SY_BG_UNKNOWN;
	if (sy_theme_load(&ui->theme, want, bg, err, sizeof err) != 0)
		ui_message(ui, true, _("theme: %s (using the default theme)"), err);
}

static int app_load_rubric(struct ui *ui, const char *path)
{
	char err[512];
	int rc = path ? sy_rubric_load_file(&ui->rubric, path, err, sizeof err)
		      : sy_rubric_load_default(&ui->rubric, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "shenyue: %s\n", err);
	return rc;
}

/* The built-in settings, then --config FILE or the user's file when there is one. */
static void app_load_config(struct sy_config *c, const char *path)
{
	sy_config_init(c);
	char *user = path ? NULL : sy_config_user_path();
	if (path || user)
		sy_config_load_file(c, path ? path : user, path == NULL);
	free(user);
}

/* Shows the first of n problems in the status bar (unless a message is
 * there already) and keeps every one in the message log. */
static void app_say_problems(struct ui *ui, const char *what, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *text = xasprintf("%s%s", what, v[i]);
		if (!ui->msg && n > 1)
			ui_message(ui, true, ngettext("%s (and %zu more in the message log)",
						      "%s (and %zu more in the message log)", n - 1), text, n - 1);
		else if (!ui->msg)
			ui_message(ui, true, "%s", text);
		else
			ui_log_add(ui, true, text);
		free(text);
	}
}

/* Prepares everything that does not need the terminal. */
static int app_setup(struct ui *ui, const struct ui_options *o)
{
	ui->current = -1;
	ui->zoom = -1;
	ui->load.threads = o->jobs;
	ui->load.given_up = -1;
	ui->at = (struct ui_where){.part = -1, .finding = -1, .line = 0};
	ui->cursor_y = ui->cursor_x = -1;
	ui_task_reset(ui);
	sy_lineedit_init(&ui->prompt.edit, NULL);
	ui->utf8 = sy_locale_is_utf8();
#ifdef ENABLE_NLS
	/* Outside a UTF-8 locale every Chinese character would show as ?: the
	 * English source reads better than a screen of question marks. */
	if (!ui->utf8)
		textdomain("shenyue-untranslated");
#endif
	const struct sy_config *cf = &ui->config;
	ui->mouse = !o->no_mouse && cf->mouse;
	sy_width_set_mode(ui->utf8 ? SY_WIDTH_LIBC : SY_WIDTH_TABLE);
	sy_width_set_ascii(!ui->utf8);
	if (o->ambiguous_wide || cf->ambiguous_wide)
		sy_width_set_ambiguous(2);
	if (app_load_rubric(ui, o->rubric ? o->rubric : cf->rubric) != 0)
		return -1;
	if (ui_batchdesk_open(ui, o->roster, o->paths, o->npaths) != 0)
		return -1;
	app_load_theme(ui, o->theme);
	sy_keymap_init_default(&ui->keys);
	sy_config_apply_binds(&ui->config, &ui->keys);
	app_say_problems(ui, _("config: "), (const char *const *)cf->errors.v, cf->errors.n);
	char *here = ".";
	sy_batch_expand(&ui->batch, o->npaths ? o->paths : &here, o->npaths ? o->npaths : 1);
	app_say_problems(ui, "", (const char *const *)ui->batch.errors.v, ui->batch.errors.n);
	if (!ui->msg && !ui->utf8)
		ui_message(ui, true, "not a UTF-8 locale: Chinese shows as ?; try LC_ALL=C.UTF-8");
	ui_views_init(ui);
	ui_session_open(ui, o->state ? o->state : cf->state, cf->reviewer);
	ui_batchdesk_start(ui, o->paths, o->npaths);
	return 0;
}

/* Saves what is still unsaved and closes the reviews; says on stderr what
 * could not be saved and what went wrong opening them. False when some
 * review was lost. */
static bool app_close_desk(struct sy_desk *d)
{
	for (size_t i = 0; i < d->problems.n; i++)
		fprintf(stderr, "shenyue: %s\n", d->problems.v[i]);
	bool saved = !d->n || sy_desk_retry(d) == SY_DESK_OK;
	if (!saved)
		fprintf(stderr, _("shenyue: NOT SAVED: %s\n"), d->msg);
	sy_desk_close(d);
	return saved;
}

/* Closes everything; false when some review could not be saved. */
static bool app_teardown(struct ui *ui, struct ui_options *o)
{
	ui_term_stop();
	sy_strlist_print(&ui->batch.errors, stderr, "shenyue: ");
	bool saved = app_close_desk(&ui->desk);
	ui_batchdesk_close(ui);
	ui_views_free(ui);
	ui_prompt_free(ui);
	ui_task_reset(ui);
	ui_message_clear(ui);
	ui_log_free(ui);
	sy_keymap_free(&ui->keys);
	for (size_t i = 0; i < ui->config.errors.n; i++)
		fprintf(stderr, _("shenyue: config: %s\n"), ui->config.errors.v[i]);
	sy_config_free(&ui->config);
	free(ui->config_path);
	sy_theme_free(&ui->theme);
	ui_loader_free(ui);
	sy_batch_free(&ui->batch);
	sy_rubric_free(&ui->rubric);
	free(o->paths);
	return saved;
}

/* Ends the process the way the signal that stopped us would have. */
static void app_reraise(int sig)
{
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Does what an action other than running asks; returns the exit status. */
static int app_print_and_exit(enum app_action action, struct ui_options *o)
{
	struct sy_config config;
	if (action == APP_HELP)
		sy_options_help(stdout, SY_CMD_UI);
	else if (action == APP_KEYS)
		app_print_keys();
	else if (action == APP_DUMP_CONFIG) {
		app_load_config(&config, o->config);
		sy_config_dump(stdout, &config);
		for (size_t i = 0; i < config.errors.n; i++)
			fprintf(stderr, _("shenyue: config: %s\n"), config.errors.v[i]);
		sy_config_free(&config);
	}
	free(o->paths);
	return action == APP_USAGE_ERROR ? 2 : 0;
}

int ui_main(int argc, char **argv)
{
	struct ui ui;
	struct ui_options o;
	memset(&ui, 0, sizeof ui);
	memset(&o, 0, sizeof o);
	enum app_action action = app_parse_args(argc, argv, &o);
	if (action != APP_RUN)
		return app_print_and_exit(action, &o);
	app_load_config(&ui.config, o.config);
	ui.config_path = o.config ? xstrdup(o.config) : sy_config_user_path();
	int rc = app_setup(&ui, &o) == 0 ? 0 : 2;
	if (rc == 0 && ui_term_start(&ui) != 0) {
		fputs(_("shenyue: cannot start the terminal (is TERM set?)\n"), stderr);
		rc = 2;
	}
	if (rc == 0) {
		ui_theme_apply(&ui, app_no_color());
		if (ui.mouse)
			ui_mouse_enable();
		struct ui_event loaded = {.kind = UI_EVENT_LOADED, .part = -1, .line = -1};
		ui_emit(&ui, &loaded); /* the list shows its first report */
		ui_session_restore(&ui);
		rc = ui_input_loop(&ui);
	}
	/* quitting after "lose it? y" is not a success: exit 1 */
	if (!app_teardown(&ui, &o) && rc == 0)
		rc = 1;
	if (ui_term_signalled())
		app_reraise(ui_term_signal());
	return rc;
}
