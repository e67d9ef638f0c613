/* Typing the list filter (applied as you type) or a search (run on Enter). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shenyue/utf8.h"
#include "ui.h"

int ui_prompt_start(struct ui *ui, enum ui_mode mode)
{
	ui->mode = mode;
	const char *start = mode == UI_MODE_FILTER ? ui->list.filter : "";
	snprintf(ui->prompt, sizeof ui->prompt, "%s", start);
	ui->msg[0] = '\0';
	return UI_REDRAW;
}

/* Removes the last UTF-8 character of the prompt. */
static void prompt_backspace(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	s[n] = '\0';
}

static void prompt_append(char *s, size_t cap, uint32_t cp)
{
	char u[5];
	size_t n = strlen(s), l = utf8_encode(cp, u);
	if (n + l + 1 > cap)
		return;
	memcpy(s + n, u, l);
	s[n + l] = '\0';
}

/* The filter follows every keystroke. */
static void prompt_apply_filter(struct ui *ui)
{
	snprintf(ui->list.filter, sizeof ui->list.filter, "%s", ui->prompt);
	ui_list_refresh(ui);
	ui_list_select(ui, ui->list.sel);
}

static int prompt_finish(struct ui *ui, bool accept)
{
	enum ui_mode mode = ui->mode;
	ui->mode = UI_MODE_NORMAL;
	if (mode == UI_MODE_FILTER) {
		if (!accept)
			ui->prompt[0] = '\0';
		prompt_apply_filter(ui);
	} else if (accept) {
		ui_search_run(ui, ui->prompt);
	}
	return UI_REDRAW;
}

int ui_prompt_key(struct ui *ui, uint32_t key)
{
	if (key == SY_KEY_ENTER)
		return prompt_finish(ui, true);
	if (key == SY_KEY_ESC)
		return prompt_finish(ui, false);
	if (key == SY_KEY_BACKSPACE || key == 8 || key == 0x7F)
		prompt_backspace(ui->prompt);
	else if (key == 21) /* C-u */
		ui->prompt[0] = '\0';
	else if (key >= ' ' && key < SY_KEY_SPECIAL && key != 0x7F)
		prompt_append(ui->prompt, sizeof ui->prompt, key);
	else
		return UI_NONE;
	if (ui->mode == UI_MODE_FILTER)
		prompt_apply_filter(ui);
	return UI_REDRAW;
}
