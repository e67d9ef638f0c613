/* Finding the message catalogue, installed or in the build tree. */
#include "config.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shenyue/i18n.h"

#ifdef ENABLE_NLS
/* "<folder of the running binary>/locale" when it exists, else NULL. */
static const char *build_tree_localedir(void)
{
	static char dir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 16);
	if (n <= 0)
		return NULL;
	dir[n] = '\0';
	char *slash = strrchr(dir, '/');
	if (!slash)
		return NULL;
	strcpy(slash + 1, "locale");
	struct stat st;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? dir : NULL;
}
#endif

void sy_i18n_init(void)
{
#ifdef ENABLE_NLS
	const char *dir = getenv("SHENYUE_LOCALEDIR");
	if (!dir || !*dir)
		dir = build_tree_localedir();
	bindtextdomain(PACKAGE, dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}

const char *sy_i18n_language(void)
{
	/* TRANSLATORS: the code of the language you translate into (zh_CN): it
	 * tells shenyue which language its messages come out in. */
	const char *code = _("en");
	return !strncmp(code, "zh", 2) ? "zh_CN" : "en";
}

#ifdef ENABLE_NLS
extern int _nl_msg_cat_cntr; /* glibc: bumping it makes gettext look again */
#endif

void sy_i18n_switch(const char *lang, struct sy_i18n_saved *saved)
{
	memset(saved, 0, sizeof *saved);
#ifdef ENABLE_NLS
	const char *old = getenv("LANGUAGE");
	saved->language = old ? strdup(old) : NULL;
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	if (msgs && (!strcmp(msgs, "C") || !strcmp(msgs, "POSIX"))) { /* LANGUAGE is ignored in C */
		saved->lc_messages = strdup(msgs);
		setlocale(LC_MESSAGES, "C.UTF-8");
	}
	setenv("LANGUAGE", lang, 1);
	++_nl_msg_cat_cntr;
	saved->switched = true;
#else
	(void)lang;
#endif
}

void sy_i18n_restore(struct sy_i18n_saved *saved)
{
#ifdef ENABLE_NLS
	if (!saved->switched)
		return;
	if (saved->language)
		setenv("LANGUAGE", saved->language, 1);
	else
		unsetenv("LANGUAGE");
	if (saved->lc_messages)
		setlocale(LC_MESSAGES, saved->lc_messages);
	++_nl_msg_cat_cntr;
#endif
	free(saved->language);
	free(saved->lc_messages);
	memset(saved, 0, sizeof *saved);
}

bool sy_locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}
