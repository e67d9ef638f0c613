/* shenyue: command dispatch. `check` runs the batch check; anything else opens the TUI. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "shenyue/check.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc > 1 && strcmp(argv[1], "check") == 0)
		return sy_cli_check(argc - 1, argv + 1);
	fputs("shenyue: the review TUI is not built yet; use `shenyue check PATH...`\n", stderr);
	return 2;
}
