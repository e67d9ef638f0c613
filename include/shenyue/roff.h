/* Text made safe for roff, the language of the man page: what its generated
 * parts (options, findings, export formats) are written through. */
#ifndef SHENYUE_ROFF_H
#define SHENYUE_ROFF_H

#include <stdio.h>

/* Writes text for roff: backslashes and hyphens escaped, no line starting
 * with a control character (every generated part of the man page). */
void sy_roff_text(FILE *out, const char *s);

#endif
