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

/* line.c: the one-line editor of prompts and forms */
struct line_editor {
	struct cchc_strbuf text;
	size_t cursor; /* byte offset, always between graphemes */
	bool telex;
};

enum line_result { LINE_CONTINUE, LINE_DONE, LINE_CANCEL, LINE_IGNORED };

void line_set(struct line_editor *e, const char *text);
void line_finish(struct line_editor *e);
/* The text in NFC, squeezed; the caller frees it. */
char *line_value(const struct line_editor *e);
enum line_result line_key(struct line_editor *e, int key);
void line_render(const struct line_editor *e, struct cchc_canvas *c, int x, int y, int w,
		 enum cchc_role role, bool focused);

/* form.c: the edit form */
#define FORM_ROWS 40

enum form_row_kind { ROW_TEXT, ROW_AGENCIES, ROW_REACHED, ROW_SAVE };

struct form_row {
	int field; /* an enum cchc_field, or CCHC_FIELD_COUNT for the reason */
	enum form_row_kind kind;
	const char *label;
	struct line_editor line;
	size_t milestone;
};

struct form {
	bool open;
	long seq;
	struct cchc_task task; /* as it was when the form opened */
	enum cchc_view return_view;
	struct form_row rows[FORM_ROWS];
	size_t count;
	size_t focus;
	struct cchc_names lead, coordinating;
	char *reached; /* '0'/'1' per milestone */
	int plan_year;
	char *error;
	bool telex;
	int picking; /* CCHC_FIELD_LEAD or _COORDINATING while picking, else 0 */
	struct line_editor filter;
	struct cchc_names agencies;
	long pick_cursor, pick_top;
};

/* reports.c: the "p"/"P" dialog and the minutes */
struct report_dialog {
	long section; /* -1: the whole plan */
	bool minutes; /* the changes of this session instead of a summary */
	size_t format;
	bool to_printer;
	int focus;
	struct line_editor path, printer;
	enum cchc_view return_view;
};

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
	struct line_editor input;

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

	struct form form;
	struct report_dialog report;
	struct cchc_lines minutes;
	long minutes_scroll;
	char session_start[32]; /* ISO time the interface opened */
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

void form_open(struct cchc_app *app, long seq);
void form_close(struct cchc_app *app);
unsigned form_key(struct cchc_app *app, int key);
void form_render(struct cchc_app *app, struct cchc_canvas *c);

void report_open(struct cchc_app *app, long section, bool minutes);
void report_finish(struct cchc_app *app);
unsigned report_key(struct cchc_app *app, int key);
void report_render(struct cchc_app *app, struct cchc_canvas *c);
void minutes_open(struct cchc_app *app);
void minutes_render(struct cchc_app *app, struct cchc_canvas *c);
unsigned minutes_handle(struct cchc_app *app, enum cchc_action action);

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
/* An officer's own edit: applied, and on success made the next undo. */
bool app_commit(struct cchc_app *app, struct cchc_edit *edit);

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
