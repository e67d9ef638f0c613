/* libFuzzer target: the theme loader and the display-width module, which
 * every byte of report text passes through before it reaches the screen,
 * and line breaking. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shenyue/theme.h"
#include "shenyue/width.h"
#include "shenyue/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	struct sy_theme t;
	memset(&t, 0, sizeof t);
	if (sy_theme_load_string(&t, "fuzz", (const char *)data, size, err, sizeof err) == 0)
		sy_theme_free(&t);
	char *s = xstrndup((const char *)data, size);
	size_t cols = size ? data[0] % 40 : 7;
	size_t w = sy_width_str(s), used = 0;
	size_t fit = sy_width_fit(s, strlen(s), cols, &used);
	if (used > cols || fit > strlen(s))
		abort();
	char *pad = sy_width_pad(s, cols, SY_ALIGN_LEFT, "…");
	if (sy_width_str(pad) != cols)
		abort(); /* the promise: exactly cols columns */
	free(pad);
	struct sy_span *rows;
	size_t nrows = sy_wrap(s, cols ? cols : 1, &rows);
	for (size_t i = 0; i < nrows; i++)
		if (rows[i].end < rows[i].start || rows[i].end > strlen(s) || (i && rows[i].start < rows[i - 1].end))
			abort(); /* rows are in order, inside the text */
	free(rows);
	(void)w;
	free(s);
	return 0;
}
