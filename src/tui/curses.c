// SPDX-License-Identifier: GPL-3.0-or-later
/* The only file that speaks curses: it turns terminal input into events
 * and draws the app's canvas with the wide-character API. */
#include "config.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <time.h>
#include <wchar.h>

#include "cchc/i18n.h"
#include "cchc/tui/app.h"
#include "cchc/tui/keymap.h"

/* ---- colours ---------------------------------------------------------- */

struct look {
	short fg, bg;
	attr_t attr;      /* with colours */
	attr_t mono_attr; /* without (monochrome terminals, NO_COLOR) */
};

static const struct look looks[CCHC_ROLE_COUNT] = {
	[CCHC_ROLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
	[CCHC_ROLE_BORDER] = {COLOR_BLUE, -1, A_NORMAL, A_DIM},
	[CCHC_ROLE_BORDER_FOCUS] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[CCHC_ROLE_TITLE] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[CCHC_ROLE_HEADER] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
	[CCHC_ROLE_LABEL] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[CCHC_ROLE_DIM] = {-1, -1, A_DIM, A_DIM},
	[CCHC_ROLE_CURSOR] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
	[CCHC_ROLE_CURSOR_IDLE] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
	[CCHC_ROLE_DONE] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
	[CCHC_ROLE_DONE_LATE] = {COLOR_YELLOW, -1, A_NORMAL, A_NORMAL},
	[CCHC_ROLE_ON_TRACK] = {-1, -1, A_NORMAL, A_NORMAL},
	[CCHC_ROLE_OVERDUE] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	[CCHC_ROLE_NO_DEADLINE] = {COLOR_MAGENTA, -1, A_NORMAL, A_NORMAL},
	[CCHC_ROLE_CANCELLED] = {-1, -1, A_DIM, A_DIM},
	[CCHC_ROLE_BAR_FILL] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
	[CCHC_ROLE_BAR_EMPTY] = {-1, -1, A_DIM, A_DIM},
	[CCHC_ROLE_STATUS] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE},
	[CCHC_ROLE_MESSAGE] = {COLOR_BLUE, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD},
	[CCHC_ROLE_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
	[CCHC_ROLE_PROMPT] = {-1, -1, A_BOLD, A_BOLD},
};

static bool use_colour;

static void setup_colours(void)
{
	const char *no_color = getenv("NO_COLOR");
	use_colour = has_colors() && !(no_color && *no_color);
	if (!use_colour) {
		return;
	}
	start_color();
	use_default_colors();
	for (int r = 0; r < CCHC_ROLE_COUNT; r++) {
		init_pair((short)(r + 1), looks[r].fg, looks[r].bg);
	}
}

/* ---- drawing ---------------------------------------------------------- */

/* A grapheme cluster as the wide characters of one cchar_t. */
static int to_wide(const char *s, wchar_t *out, int max)
{
	int n = 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p && n < max) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			break;
		}
		out[n++] = (wchar_t)cp;
		p += len;
	}
	out[n] = L'\0';
	return n;
}

static void draw_cell(int x, int y, const struct cchc_cell *cell)
{
	wchar_t wide[CCHARW_MAX + 1];
	if (to_wide(cell->text, wide, CCHARW_MAX) == 0) {
		wide[0] = L' ';
		wide[1] = L'\0';
	}
	const struct look *look = &looks[cell->role < CCHC_ROLE_COUNT ? cell->role : 0];
	cchar_t cc;
	setcchar(&cc, wide, use_colour ? look->attr : look->mono_attr,
		 use_colour ? (short)(cell->role + 1) : 0, NULL);
	mvadd_wch(y, x, &cc);
}

static void draw(const struct cchc_canvas *c)
{
	for (int y = 0; y < c->rows && y < LINES; y++) {
		for (int x = 0; x < c->cols && x < COLS; x++) {
			const struct cchc_cell *cell = cchc_canvas_at(c, x, y);
			if (cell->width == 0) {
				continue; /* the second half of a wide character */
			}
			if (cell->width == 2 && x + 1 >= COLS) {
				break;
			}
			draw_cell(x, y, cell);
		}
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- input ------------------------------------------------------------ */

static const struct {
	int curses;
	int key;
} special[] = {
	{KEY_UP, CCHC_KEY_UP},           {KEY_DOWN, CCHC_KEY_DOWN},
	{KEY_LEFT, CCHC_KEY_LEFT},       {KEY_RIGHT, CCHC_KEY_RIGHT},
	{KEY_PPAGE, CCHC_KEY_PAGE_UP},   {KEY_NPAGE, CCHC_KEY_PAGE_DOWN},
	{KEY_HOME, CCHC_KEY_HOME},       {KEY_END, CCHC_KEY_END},
	{KEY_ENTER, CCHC_KEY_ENTER},     {KEY_BTAB, CCHC_KEY_BACKTAB},
	{KEY_BACKSPACE, CCHC_KEY_BACKSPACE}, {KEY_DC, CCHC_KEY_DELETE},
};

static int translate_char(wint_t ch)
{
	switch (ch) {
	case L'\n':
	case L'\r':
		return CCHC_KEY_ENTER;
	case 27:
		return CCHC_KEY_ESCAPE;
	case L'\t':
		return CCHC_KEY_TAB;
	case 127:
	case 8:
		return CCHC_KEY_BACKSPACE;
	default:
		return (int)ch;
	}
}

static bool mouse_event(struct cchc_event *ev)
{
	MEVENT m;
	if (getmouse(&m) != OK) {
		return false;
	}
	ev->x = m.x;
	ev->y = m.y;
	if (m.bstate & BUTTON4_PRESSED) {
		ev->type = CCHC_EVENT_WHEEL;
		ev->delta = -1;
	} else if (m.bstate & BUTTON5_PRESSED) {
		ev->type = CCHC_EVENT_WHEEL;
		ev->delta = 1;
	} else if (m.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) {
		ev->type = CCHC_EVENT_CLICK;
	} else {
		return false;
	}
	return true;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Waits for the next event the app understands; false when the terminal
 * is gone. */
static bool next_event(struct cchc_event *ev)
{
	int quick_errors = 0;
	for (;;) {
		wint_t ch;
		double asked = now();
		int kind = get_wch(&ch);
		memset(ev, 0, sizeof *ev);
		if (kind == ERR) {
			/* The half-second timeout gives a chance to see other
			 * officers' changes; errors without waiting mean the
			 * input has closed. */
			if (now() - asked < 0.1 && ++quick_errors > 10) {
				return false;
			}
			if (now() - asked >= 0.1) {
				ev->type = CCHC_EVENT_TICK;
				return true;
			}
			continue;
		}
		if (kind == OK) {
			ev->type = CCHC_EVENT_KEY;
			ev->key = translate_char(ch);
			return true;
		}
		if (ch == KEY_RESIZE) {
			ev->type = CCHC_EVENT_RESIZE;
			ev->x = COLS;
			ev->y = LINES;
			return true;
		}
		if (ch == KEY_MOUSE) {
			if (mouse_event(ev)) {
				return true;
			}
			continue;
		}
		for (size_t i = 0; i < sizeof special / sizeof *special; i++) {
			if (special[i].curses == (int)ch) {
				ev->type = CCHC_EVENT_KEY;
				ev->key = special[i].key;
				return true;
			}
		}
	}
}

/* ---- the loop --------------------------------------------------------- */

static void start(void)
{
	set_escdelay(25);
	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	timeout(500);
	setup_colours();
}

enum cchc_status cchc_tui_run(struct cchc_app *app, struct cchc_error *err)
{
	start();
	struct cchc_canvas canvas;
	cchc_canvas_init(&canvas, COLS, LINES);
	struct cchc_event resize = {.type = CCHC_EVENT_RESIZE, .x = COLS, .y = LINES};
	cchc_app_handle(app, &resize);
	unsigned effect = CCHC_EFFECT_REDRAW;
	for (;;) {
		if (effect & CCHC_EFFECT_REPAINT) {
			clearok(curscr, TRUE);
		}
		if (effect & (CCHC_EFFECT_REDRAW | CCHC_EFFECT_REPAINT)) {
			cchc_app_render(app, &canvas);
			draw(&canvas);
		}
		struct cchc_event ev;
		if (!next_event(&ev)) {
			break;
		}
		effect = cchc_app_handle(app, &ev);
		if (effect & CCHC_EFFECT_QUIT) {
			break;
		}
	}
	cchc_canvas_finish(&canvas);
	endwin();
	(void)err;
	return CCHC_OK;
}
