/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_TUI_KEYMAP_H
#define CCHC_TUI_KEYMAP_H

#include "cchc/strbuf.h"
#include "cchc/text.h"

/* Keys are Unicode code points; the others are given codes above the
 * Unicode range by the terminal backend. */
enum cchc_key {
	CCHC_KEY_UP = 0x110001,
	CCHC_KEY_DOWN,
	CCHC_KEY_LEFT,
	CCHC_KEY_RIGHT,
	CCHC_KEY_PAGE_UP,
	CCHC_KEY_PAGE_DOWN,
	CCHC_KEY_HOME,
	CCHC_KEY_END,
	CCHC_KEY_ENTER,
	CCHC_KEY_ESCAPE,
	CCHC_KEY_TAB,
	CCHC_KEY_BACKTAB,
	CCHC_KEY_BACKSPACE,
	CCHC_KEY_DELETE,
};

#define CCHC_CTRL(c) ((c) & 0x1f)

/* Where a binding applies. */
enum cchc_view {
	CCHC_VIEW_PANES = 1 << 0,
	CCHC_VIEW_DETAIL = 1 << 1,
	CCHC_VIEW_HELP = 1 << 2,
	CCHC_VIEW_PICKER = 1 << 3,
	CCHC_VIEW_FORM = 1 << 4,
	CCHC_VIEW_MINUTES = 1 << 5,
	CCHC_VIEW_DIALOG = 1 << 6,
	CCHC_VIEW_ANY = 0x7f,
};

/* Every action, once: its enum value, its name, the help text and the
 * short hint the status bar shows (NULL: not shown there). */
#define CCHC_ACTION_LIST(X)                                                          \
	X(CCHC_ACT_NONE, "none", NULL, NULL)                                         \
	X(CCHC_ACT_UP, "up", N_("Move up"), N_("move"))                              \
	X(CCHC_ACT_DOWN, "down", N_("Move down"), N_("move"))                        \
	X(CCHC_ACT_PAGE_UP, "page-up", N_("Move up a page"), NULL)                   \
	X(CCHC_ACT_PAGE_DOWN, "page-down", N_("Move down a page"), NULL)             \
	X(CCHC_ACT_HOME, "home", N_("Go to the first line"), NULL)                   \
	X(CCHC_ACT_END, "end", N_("Go to the last line"), NULL)                      \
	X(CCHC_ACT_PREV_PANE, "prev-pane", N_("Previous reform area"), N_("area"))   \
	X(CCHC_ACT_NEXT_PANE, "next-pane", N_("Next reform area"), N_("area"))       \
	X(CCHC_ACT_OPEN, "open", N_("Open the task's detail"), N_("open"))           \
	X(CCHC_ACT_BACK, "back", N_("Go back"), N_("back"))                          \
	X(CCHC_ACT_GOTO, "goto", N_("Go to a task by number (III.6, 3.6)"), N_("go to")) \
	X(CCHC_ACT_SEARCH, "search", N_("Search titles, results and agencies"), N_("search")) \
	X(CCHC_ACT_NEXT_MATCH, "next-match", N_("Next match"), NULL)                 \
	X(CCHC_ACT_PREV_MATCH, "prev-match", N_("Previous match"), NULL)             \
	X(CCHC_ACT_NOT_STARTED, "not-started", N_("Set the status: not started"), N_("status")) \
	X(CCHC_ACT_IN_PROGRESS, "in-progress", N_("Set the status: in progress"), N_("status")) \
	X(CCHC_ACT_DONE, "done", N_("Set the status: done (completed today)"), N_("status")) \
	X(CCHC_ACT_CANCELLED, "cancelled", N_("Set the status: cancelled"), N_("status")) \
	X(CCHC_ACT_EDIT, "edit", N_("Edit the task: deadline, agencies, progress, note, evidence"), N_("edit")) \
	X(CCHC_ACT_UNDO, "undo", N_("Undo the last change"), N_("undo"))             \
	X(CCHC_ACT_REDO, "redo", N_("Redo the change undone"), NULL)                  \
	X(CCHC_ACT_NEXT_FIELD, "next-field", N_("Next field"), N_("field"))         \
	X(CCHC_ACT_PREV_FIELD, "prev-field", N_("Previous field"), N_("field"))     \
	X(CCHC_ACT_TOGGLE, "toggle", N_("Tick or untick; pick agencies"), N_("pick")) \
	X(CCHC_ACT_SAVE, "save", N_("Save the changes"), N_("save"))                 \
	X(CCHC_ACT_TELEX, "telex", N_("Telex typing on or off"), N_("Telex"))         \
	X(CCHC_ACT_CANCEL, "cancel", N_("Leave without saving"), N_("cancel"))       \
	X(CCHC_ACT_REPORT, "report", N_("Print or save the summary of this reform area"), N_("print")) \
	X(CCHC_ACT_REPORT_ALL, "report-all", N_("Print or save the summary of the whole plan"), NULL) \
	X(CCHC_ACT_GO, "go", N_("Save or print the report"), N_("do it"))       \
	X(CCHC_ACT_MINUTES, "minutes", N_("The changes made in this session, for the minutes"), N_("minutes")) \
	X(CCHC_ACT_HELP, "help", N_("Show the keys"), N_("help"))                    \
	X(CCHC_ACT_REDRAW, "redraw", N_("Redraw the screen"), NULL)                  \
	X(CCHC_ACT_QUIT, "quit", N_("Quit (every change is already saved)"), N_("quit"))

enum cchc_action {
#define CCHC_ACTION_ENUM(id, name, help, hint) id,
	CCHC_ACTION_LIST(CCHC_ACTION_ENUM)
#undef CCHC_ACTION_ENUM
	CCHC_ACT_COUNT
};

/* The action key means in view (CCHC_ACT_NONE when unbound). */
enum cchc_action cchc_keymap_lookup(int key, enum cchc_view view);

/* Printable name of a key ("↑", "Enter", "PgUp", "Ctrl-L", "g"). */
const char *cchc_keymap_key_name(int key, char buf[static 16]);

/* Help lines for view: every action bound there, its keys and its text
 * (translated), generated from the table that binds them. */
void cchc_keymap_help(enum cchc_view view, struct cchc_lines *lines);

/* The status bar's hints for view ("↑↓ move  Enter open  …"). */
void cchc_keymap_hints(enum cchc_view view, struct cchc_strbuf *out);

#endif
