// SPDX-License-Identifier: GPL-3.0-or-later
/* The cost of one keystroke that moves a row, counted in instructions
 * under callgrind (repeatable, unlike time): the interface is opened on a
 * plan at 160×48, then the measured part presses ↓ KEYS times, drawing the
 * screen after each, as the terminal loop does. Run it under
 *   valgrind --tool=callgrind --collect-atstart=no bench_keys DB KEYS
 * and divide the total by KEYS. Without valgrind it only times. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <valgrind/callgrind.h>

#include "cchc/store.h"
#include "cchc/tui/app.h"
#include "cchc/tui/keymap.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s DB KEYS\n", argv[0]);
		return 2;
	}
	int keys = atoi(argv[2]);
	struct cchc_error err = {0};
	struct cchc_store *store = NULL;
	struct cchc_app *app = NULL;
	if (cchc_store_open(argv[1], CCHC_STORE_READ_ONLY, &store, &err) != CCHC_OK ||
	    cchc_app_create(store, cchc_date_from_ymd(2026, 12, 4), 160, 48, &app, &err) != CCHC_OK) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	struct cchc_canvas canvas;
	cchc_canvas_init(&canvas, 160, 48);
	struct cchc_event tab = {.type = CCHC_EVENT_KEY, .key = CCHC_KEY_TAB};
	cchc_app_handle(app, &tab); /* the second area, long enough to scroll */
	cchc_app_render(app, &canvas);
	struct cchc_event down = {.type = CCHC_EVENT_KEY, .key = CCHC_KEY_DOWN};
	double t0 = now();
	CALLGRIND_TOGGLE_COLLECT;
	for (int i = 0; i < keys; i++) {
		cchc_app_handle(app, &down);
		cchc_app_render(app, &canvas);
	}
	CALLGRIND_TOGGLE_COLLECT;
	double t1 = now();
	printf("%d keystrokes: %.1f µs each\n", keys, (t1 - t0) * 1e6 / keys);
	cchc_canvas_finish(&canvas);
	cchc_app_destroy(app);
	cchc_store_close(store);
	return 0;
}
