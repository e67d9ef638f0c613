/* shenyue: command dispatch. `check` runs the batch check; anything else
 * opens the review UI (ui/app.c). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "shenyue/check.h"
#include "shenyue/export.h"
#include "shenyue/i18n.h"
#include "shenyue/summary.h"
#include "ui.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	sy_i18n_init();
	if (argc > 1 && strcmp(argv[1], "check") == 0)
		return sy_cli_check(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "export") == 0)
		return sy_cli_export(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "summary") == 0)
		return sy_cli_summary(argc - 1, argv + 1);
	return ui_main(argc, argv);
}
