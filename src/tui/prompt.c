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
	line_set(&app->input, "");
}

static unsigned submit(struct cchc_app *app)
{
	enum prompt_kind kind = app->prompt;
	app->prompt = PROMPT_NONE;
	cchc_strbuf_reset(&app->message);
	char *text = line_value(&app->input);
	if (*text && kind == PROMPT_GOTO) {
		app_goto_ref(app, text);
	} else if (*text) {
		app_search(app, text);
	}
	free(text);
	return CCHC_EFFECT_REDRAW;
}

unsigned prompt_key(struct cchc_app *app, int key)
{
	switch (line_key(&app->input, key == CCHC_CTRL('c') || key == CCHC_CTRL('g')
						? CCHC_KEY_ESCAPE
						: key)) {
	case LINE_DONE:
		return submit(app);
	case LINE_CANCEL:
		app->prompt = PROMPT_NONE;
		return CCHC_EFFECT_REDRAW;
	default:
		return CCHC_EFFECT_REDRAW;
	}
}

void prompt_render(struct cchc_app *app, struct cchc_canvas *c, int y)
{
	const char *label = prompt_label(app->prompt);
	int x = cchc_canvas_text(c, 0, y, app->cols, label, CCHC_ROLE_PROMPT);
	if (app->input.telex) {
		x += cchc_canvas_text(c, x, y, app->cols - x, "[Telex] ", CCHC_ROLE_MESSAGE);
	}
	line_render(&app->input, c, x, y, app->cols - x, CCHC_ROLE_PROMPT, true);
}
