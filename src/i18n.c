/* Finding the message catalogue, installed or in the build tree. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
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
