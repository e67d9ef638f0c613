/* docgen: prints the lists the README and the man page take from the
 * registries, for `make docs` (which splices them in) and for
 * tests/cli/docs_lists.sh (which fails when they drift).
 * usage: docgen findings|formats text|roff
 *        docgen synopsis|options|configuration|exit-status|environment roff
 * (the man page's sections made from the option table, options.h) */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shenyue/export.h"
#include "shenyue/findings.h"
#include "shenyue/options.h"

int main(int argc, char **argv)
{
	if (argc != 3 || (strcmp(argv[2], "text") && strcmp(argv[2], "roff"))) {
		fputs("usage: docgen findings|formats text|roff\n"
		      "       docgen synopsis|options|configuration|exit-status|environment roff\n",
		      stderr);
		return 2;
	}
	for (int s = 0; sy_man_section_name((enum sy_man_section)s); s++)
		if (!strcmp(argv[1], sy_man_section_name((enum sy_man_section)s))) {
			sy_options_roff(stdout, (enum sy_man_section)s);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		}
	bool roff = !strcmp(argv[2], "roff");
	if (!strcmp(argv[1], "findings"))
		sy_findings_doc(stdout, roff);
	else if (!strcmp(argv[1], "formats"))
		sy_export_formats_doc(stdout, roff);
	else
		return 2;
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
