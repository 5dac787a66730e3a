// SPDX-License-Identifier: GPL-3.0-or-later
/* The one-line prompt of "g" and "/": typed text is kept as UTF-8 and
 * Backspace removes a whole grapheme, so an NFD "ệ" goes in one step. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cchc/i18n.h"
#include "internal.h"

static const char *prompt_label(enum prompt_kind kind)
{
	return kind == PROMPT_GOTO ? _("Go to task (III.6): ") : _("Search: ");
}

void prompt_open(struct cchc_app *app, enum prompt_kind kind)
{
	app->prompt = kind;
	cchc_strbuf_reset(&app->input);
}

/* Drops the last grapheme cluster of the input. */
static void backspace(struct cchc_strbuf *input)
{
	size_t at = 0, last = 0;
	while (at < input->len) {
		int w;
		size_t n = cchc_text_grapheme(input->data + at, &w);
		if (n == 0) {
			break;
		}
		last = at;
		at += n;
	}
	input->len = last;
	if (input->data) {
		input->data[last] = '\0';
	}
}

static unsigned submit(struct cchc_app *app)
{
	enum prompt_kind kind = app->prompt;
	app->prompt = PROMPT_NONE;
	cchc_strbuf_reset(&app->message);
	char *text = cchc_strbuf_steal(&app->input);
	char *nfc = cchc_text_nfc(text);
	cchc_text_squeeze(nfc);
	if (*nfc && kind == PROMPT_GOTO) {
		app_goto_ref(app, nfc);
	} else if (*nfc) {
		app_search(app, nfc);
	}
	free(nfc);
	free(text);
	return CCHC_EFFECT_REDRAW;
}

unsigned prompt_key(struct cchc_app *app, int key)
{
	if (key == CCHC_KEY_ENTER) {
		return submit(app);
	}
	if (key == CCHC_KEY_ESCAPE || key == CCHC_CTRL('c') || key == CCHC_CTRL('g')) {
		app->prompt = PROMPT_NONE;
		return CCHC_EFFECT_REDRAW;
	}
	if (key == CCHC_KEY_BACKSPACE) {
		backspace(&app->input);
	} else if (key == CCHC_CTRL('u')) {
		cchc_strbuf_reset(&app->input);
	} else if (key >= 0x20 && key < 0x110000 && key != 0x7f && app->input.len < 200) {
		utf8proc_uint8_t buf[4];
		utf8proc_ssize_t n = utf8proc_encode_char(key, buf);
		cchc_strbuf_append(&app->input, (const char *)buf, (size_t)n);
	}
	return CCHC_EFFECT_REDRAW;
}

void prompt_render(struct cchc_app *app, struct cchc_canvas *c, int y)
{
	const char *label = prompt_label(app->prompt);
	int x = cchc_canvas_text(c, 0, y, app->cols, label, CCHC_ROLE_PROMPT);
	const char *text = app->input.data ? app->input.data : "";
	/* Keep the end of a long input in view. */
	int room = app->cols - x - 1;
	while (room > 0 && (int)cchc_text_width(text) > room) {
		int w;
		text += cchc_text_grapheme(text, &w);
	}
	x += cchc_canvas_text(c, x, y, room, text, CCHC_ROLE_PROMPT);
	if (x < app->cols) {
		cchc_canvas_text(c, x, y, 1, "▏", CCHC_ROLE_PROMPT);
	}
}
