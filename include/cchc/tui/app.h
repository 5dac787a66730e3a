/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_TUI_APP_H
#define CCHC_TUI_APP_H

#include <stdbool.h>

#include "cchc/date.h"
#include "cchc/status.h"
#include "cchc/store.h"
#include "cchc/tui/canvas.h"

/* What the terminal says happened. */
struct cchc_event {
	/* TICK: half a second passed without input */
	enum { CCHC_EVENT_KEY, CCHC_EVENT_RESIZE, CCHC_EVENT_CLICK, CCHC_EVENT_WHEEL, CCHC_EVENT_TICK } type;
	int key;    /* KEY: a code point or an enum cchc_key */
	int x, y;   /* CLICK, WHEEL: cell; RESIZE: columns and rows */
	int delta;  /* WHEEL: -1 up, +1 down */
};

/* What handling an event asks of the loop. */
enum cchc_effect {
	CCHC_EFFECT_NONE = 0,
	CCHC_EFFECT_REDRAW = 1 << 0,
	CCHC_EFFECT_REPAINT = 1 << 1, /* clear the terminal first (Ctrl-L) */
	CCHC_EFFECT_QUIT = 1 << 2,
};

/* The interface's state: views over a store, independent of any terminal,
 * so that tests drive it with events and read its canvas. */
struct cchc_app;

enum cchc_status cchc_app_create(struct cchc_store *store, cchc_day today, int cols, int rows,
				 struct cchc_app **out, struct cchc_error *err);
void cchc_app_destroy(struct cchc_app *app);

/* Shows text in the status bar until the next action. */
void cchc_app_message(struct cchc_app *app, const char *text, bool error);

unsigned cchc_app_handle(struct cchc_app *app, const struct cchc_event *event);

/* Draws the current screen into canvas, resized to the app's size. */
void cchc_app_render(struct cchc_app *app, struct cchc_canvas *canvas);

/* "III.6", "iii.6" and "3.6" → "III.6" in out; false if it is no ref. */
bool cchc_app_parse_ref(const char *input, char *out, size_t size);

/* Runs the interface on the terminal until the officer quits. */
enum cchc_status cchc_tui_run(struct cchc_app *app, struct cchc_error *err);

#endif
