/* Text made safe for roff, the man page's language. */
#include "config.h"

#include "shenyue/roff.h"

/* Writes s with backslashes and hyphens escaped, never opening a roff request. */
void sy_roff_text(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}
