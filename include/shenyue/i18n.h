/* Message translation with gettext (glibc). Source strings are English;
 * po/zh_CN.po gives the Chinese a supervisor reads. */
#ifndef SHENYUE_I18N_H
#define SHENYUE_I18N_H

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

#endif
