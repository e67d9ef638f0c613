/* Theme -> curses: one colour pair per slot, degraded for 8-colour and
 * monochrome terminals; NO_COLOR keeps the attributes and drops colours. */
#include "config.h"

#include "ui.h"

static attr_t theme_attrs(unsigned a)
{
	attr_t r = A_NORMAL;
	if (a & SY_ATTR_BOLD)
		r |= A_BOLD;
	if (a & SY_ATTR_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & SY_ATTR_REVERSE)
		r |= A_REVERSE;
	if (a & SY_ATTR_DIM)
		r |= A_DIM;
	if (a & SY_ATTR_STANDOUT)
		r |= A_STANDOUT;
#ifdef A_ITALIC
	if (a & SY_ATTR_ITALIC)
		r |= A_ITALIC;
#endif
	return r;
}

/* Fits a colour to what the terminal has; *bold set for a lost bright bit. */
static int theme_fit_color(int c, bool *bold)
{
	*bold = false;
	if (c < 0 || c < COLORS)
		return c;
	return sy_color_to_8(c, bold);
}

/* A slot with colours when the terminal cannot show them: keep its meaning
 * visible with reverse video for a coloured background. */
static attr_t theme_mono_fallback(const struct sy_style *s)
{
	return s->bg != SY_COLOR_DEFAULT ? A_REVERSE : A_NORMAL;
}

void ui_theme_apply(struct ui *ui, bool no_color)
{
	bool color = !no_color && has_colors() && start_color() == OK;
	if (color)
		use_default_colors();
	for (int i = 0; i < SY_SLOT_COUNT; i++) {
		const struct sy_style *s = &ui->theme.slot[i];
		ui->style[i].attr = theme_attrs(s->attrs);
		ui->style[i].pair = 0;
		if (!color) {
			ui->style[i].attr |= theme_mono_fallback(s);
			continue;
		}
		bool bf, bb;
		int fg = theme_fit_color(s->fg, &bf), bg = theme_fit_color(s->bg, &bb);
		if (bf)
			ui->style[i].attr |= A_BOLD;
		if (i + 1 < COLOR_PAIRS && init_pair((short)(i + 1), (short)fg, (short)bg) == OK)
			ui->style[i].pair = (short)(i + 1);
	}
}
