/* Message translation with gettext (glibc). Source strings are English;
 * po/zh_CN.po gives the Chinese a supervisor reads. */
#ifndef SHENYUE_I18N_H
#define SHENYUE_I18N_H

#include <stdbool.h>

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(one, many, n) ((n) == 1 ? (one) : (many))
#endif
/* Marks a string for translation where it is defined, translated where used. */
#define N_(s) (s)

/* Binds the message catalogue: $SHENYUE_LOCALEDIR, else locale/ beside the
 * running binary (a build tree), else the installed LOCALEDIR. Call after
 * setlocale(). */
void sy_i18n_init(void);

/* True when the locale's character set is UTF-8: marks such as ✓ and box
 * drawing can be written, else their ASCII stand-ins. */
bool sy_locale_is_utf8(void);

/* Returns the language messages come out in now: "zh_CN" when the Chinese
 * catalogue answers, else "en". */
const char *sy_i18n_language(void);

/* What sy_i18n_switch changed, to put back. */
struct sy_i18n_saved {
	char *language;    /* $LANGUAGE before, or NULL */
	char *lc_messages; /* LC_MESSAGES before, when it had to change, or NULL */
	bool switched;
};
/* Makes messages come out in lang ("zh_CN" or "en") until sy_i18n_restore,
 * whatever the locale (a "C" locale gets C.UTF-8 for messages). Documents
 * for units are written in Chinese even from an English UI. Not thread-safe:
 * call while no other thread translates. */
void sy_i18n_switch(const char *lang, struct sy_i18n_saved *saved);
/* Puts back what sy_i18n_switch changed. */
void sy_i18n_restore(struct sy_i18n_saved *saved);

#endif
