/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_TUI_INTERNAL_H
#define CCHC_TUI_INTERNAL_H

/* Shared by the views of the interface only. */

#include <stddef.h>

#include "cchc/store.h"
#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "cchc/tui/app.h"
#include "cchc/tui/canvas.h"
#include "cchc/tui/keymap.h"

#define MAX_SECTIONS 16
#define MAX_PANE_ROWS 200
#define MIN_COLS 40
#define MIN_ROWS 10

struct rect {
	int x, y, w, h;
};

enum layout { LAYOUT_TOO_SMALL, LAYOUT_GRID, LAYOUT_TABS };

/* A reform area's pane: where its cursor is, and the rows on screen. */
struct pane {
	long cursor; /* row index within the section */
	long top;    /* first row shown */
	struct rect rect;
	struct rect list; /* where task rows go */
	bool visible;
	struct cchc_task_row rows[MAX_PANE_ROWS];
	size_t row_count;
	long rows_top; /* top the rows were read for, -1 when stale */
	size_t rows_wanted;
};

enum prompt_kind { PROMPT_NONE, PROMPT_GOTO, PROMPT_SEARCH };

struct cchc_app {
	struct cchc_store *store;
	cchc_day today;
	int cols, rows;
	enum layout layout;

	struct cchc_section_view *sections;
	size_t section_count;
	struct pane panes[MAX_SECTIONS];
	size_t focus;

	enum cchc_view view;
	enum cchc_view return_view; /* where help and the picker go back to */

	/* the task detail */
	long detail_seq;
	char detail_ref[64];
	struct cchc_lines detail_lines;
	unsigned char *detail_roles;
	int detail_width; /* the lines were wrapped for this width */
	long detail_scroll;

	long help_scroll;
	struct cchc_lines help_lines;

	enum prompt_kind prompt;
	struct cchc_strbuf input;

	char *query;
	struct cchc_search_hit *hits;
	size_t hit_count;
	size_t hit_current;
	long picker_cursor;
	long picker_top;

	struct cchc_strbuf message;
	bool message_error;

	bool read_only;
	int64_t data_version; /* to see other instances' commits */
	int64_t detail_version;
	struct cchc_edit *undo;
	size_t undo_count, undo_cap;
	struct cchc_edit *redo;
	size_t redo_count, redo_cap;
};

/* panes.c */
void panes_layout(struct cchc_app *app);
void panes_render(struct cchc_app *app, struct cchc_canvas *c);
unsigned panes_handle(struct cchc_app *app, enum cchc_action action);
unsigned panes_click(struct cchc_app *app, int x, int y);
unsigned panes_wheel(struct cchc_app *app, int x, int y, int delta);
void panes_invalidate(struct cchc_app *app);
/* Focuses the task at seq, scrolling its pane to show it; false if no
 * section holds seq. */
bool panes_show(struct cchc_app *app, long seq);
/* seq of the task under the focused pane's cursor, or -1. */
long panes_current(const struct cchc_app *app);

/* detail.c */
void detail_open(struct cchc_app *app, long seq);
void detail_render(struct cchc_app *app, struct cchc_canvas *c);
unsigned detail_handle(struct cchc_app *app, enum cchc_action action);
void detail_close(struct cchc_app *app);

/* help.c */
void help_open(struct cchc_app *app);
void help_render(struct cchc_app *app, struct cchc_canvas *c);
unsigned help_handle(struct cchc_app *app, enum cchc_action action);

/* picker.c */
void picker_render(struct cchc_app *app, struct cchc_canvas *c);
unsigned picker_handle(struct cchc_app *app, enum cchc_action action);

/* prompt.c */
void prompt_open(struct cchc_app *app, enum prompt_kind kind);
unsigned prompt_key(struct cchc_app *app, int key);
void prompt_render(struct cchc_app *app, struct cchc_canvas *c, int y);

/* edits.c */
unsigned edits_handle(struct cchc_app *app, enum cchc_action action);
/* Reads counts, rows and the open detail again after a change. */
void app_reload(struct cchc_app *app);
/* Reloads when another instance committed; true if it did. */
bool app_poll(struct cchc_app *app);
void edits_free(struct cchc_app *app);
/* Applies an officer's edit, says what changed, and reloads; false (with
 * a message) when it was refused. */
bool app_apply(struct cchc_app *app, struct cchc_edit *edit, const char *prefix);

/* app.c */
/* Moves to the task at seq in the current view (its detail, if a detail
 * is open). */
void app_go_to(struct cchc_app *app, long seq);
void app_search(struct cchc_app *app, const char *query);
/* Goes to the current search match and says which it is. */
void app_show_hit(struct cchc_app *app);
void app_goto_ref(struct cchc_app *app, const char *input);
/* A scrolling helper: clamps *pos into [0, count) and keeps it in a window
 * of height h starting at *top. */
void clamp_cursor(long *pos, long *top, long count, int h);
/* State symbols and their roles, shared by panes and help. */
const char *state_symbol(enum cchc_task_state state);
enum cchc_role state_role(enum cchc_task_state state);
/* Five columns: "30/09" (day/month) this year, "01/27" (month/year)
 * another; "–" for none. */
void short_date(cchc_day day, cchc_day today, char buf[static 16]);
/* "30/09/2026" */
void long_date(cchc_day day, char buf[static 16]);

#endif
