/* Shared set-up for the UI-support unit tests: unbuffered output and a
 * UTF-8 locale (C.UTF-8, else en_US.UTF-8), without which wcwidth() knows no
 * CJK widths. Include after <cmocka.h>'s prerequisites. */
#ifndef UI_TEST_COMMON_H
#define UI_TEST_COMMON_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

/* Sets stdout unbuffered and a UTF-8 locale; returns 0, or -1 when none. */
static inline int ui_test_setup_locale(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "en_US.UTF-8"))
		return 0;
	fputs("no UTF-8 locale available\n", stderr);
	return -1;
}

/* Returns $SRCDIR/rel (or ./rel) in buf. */
static inline const char *ui_test_srcpath(char *buf, size_t len, const char *rel)
{
	const char *src = getenv("SRCDIR");
	snprintf(buf, len, "%s/%s", src && *src ? src : ".", rel);
	return buf;
}

#endif
