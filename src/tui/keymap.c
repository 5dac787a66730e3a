// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cchc/i18n.h"
#include "cchc/tui/keymap.h"

static const struct {
	const char *name;
	const char *help;
	const char *hint;
} actions[] = {
#define CCHC_ACTION_ROW(id, name, help, hint) [id] = {name, help, hint},
	CCHC_ACTION_LIST(CCHC_ACTION_ROW)
#undef CCHC_ACTION_ROW
};

#define LISTS                                                                             \
	(CCHC_VIEW_PANES | CCHC_VIEW_DETAIL | CCHC_VIEW_HELP | CCHC_VIEW_PICKER |            \
	 CCHC_VIEW_MINUTES)
#define TASKS (CCHC_VIEW_PANES | CCHC_VIEW_DETAIL)
#define OVERLAYS (CCHC_VIEW_DETAIL | CCHC_VIEW_HELP | CCHC_VIEW_PICKER | CCHC_VIEW_MINUTES)
#define DIALOGS (CCHC_VIEW_FORM | CCHC_VIEW_DIALOG)

/* The default keys. Order matters twice: the first binding of a key for a
 * view wins, and the status bar lists hints in this order. */
static const struct binding {
	int key;
	enum cchc_action action;
	unsigned views;
} bindings[] = {
	{CCHC_KEY_UP, CCHC_ACT_UP, LISTS},
	{'k', CCHC_ACT_UP, LISTS},
	{CCHC_KEY_DOWN, CCHC_ACT_DOWN, LISTS},
	{'j', CCHC_ACT_DOWN, LISTS},
	{CCHC_KEY_PAGE_UP, CCHC_ACT_PAGE_UP, LISTS},
	{CCHC_KEY_PAGE_DOWN, CCHC_ACT_PAGE_DOWN, LISTS},
	{' ', CCHC_ACT_PAGE_DOWN, OVERLAYS},
	{CCHC_KEY_HOME, CCHC_ACT_HOME, LISTS},
	{CCHC_KEY_END, CCHC_ACT_END, LISTS},
	{CCHC_KEY_LEFT, CCHC_ACT_PREV_PANE, CCHC_VIEW_PANES},
	{CCHC_KEY_RIGHT, CCHC_ACT_NEXT_PANE, CCHC_VIEW_PANES},
	{CCHC_KEY_BACKTAB, CCHC_ACT_PREV_PANE, CCHC_VIEW_PANES},
	{CCHC_KEY_TAB, CCHC_ACT_NEXT_PANE, CCHC_VIEW_PANES},
	{CCHC_KEY_ENTER, CCHC_ACT_OPEN, CCHC_VIEW_PANES | CCHC_VIEW_PICKER},
	{CCHC_KEY_ESCAPE, CCHC_ACT_BACK, OVERLAYS},
	{'q', CCHC_ACT_BACK, OVERLAYS},
	{CCHC_KEY_LEFT, CCHC_ACT_BACK, CCHC_VIEW_DETAIL},
	{'g', CCHC_ACT_GOTO, TASKS},
	{'/', CCHC_ACT_SEARCH, TASKS},
	{'n', CCHC_ACT_NEXT_MATCH, TASKS},
	{'N', CCHC_ACT_PREV_MATCH, TASKS},
	{'1', CCHC_ACT_NOT_STARTED, TASKS},
	{'2', CCHC_ACT_IN_PROGRESS, TASKS},
	{'3', CCHC_ACT_DONE, TASKS},
	{'4', CCHC_ACT_CANCELLED, TASKS},
	{'e', CCHC_ACT_EDIT, TASKS},
	{'u', CCHC_ACT_UNDO, TASKS},
	{CCHC_CTRL('r'), CCHC_ACT_REDO, TASKS},
	{'p', CCHC_ACT_REPORT, TASKS | CCHC_VIEW_MINUTES},
	{'P', CCHC_ACT_REPORT_ALL, TASKS},
	{'m', CCHC_ACT_MINUTES, TASKS},
	{CCHC_KEY_DOWN, CCHC_ACT_NEXT_FIELD, DIALOGS},
	{CCHC_KEY_TAB, CCHC_ACT_NEXT_FIELD, DIALOGS},
	{CCHC_KEY_UP, CCHC_ACT_PREV_FIELD, DIALOGS},
	{CCHC_KEY_BACKTAB, CCHC_ACT_PREV_FIELD, DIALOGS},
	{CCHC_KEY_ENTER, CCHC_ACT_TOGGLE, CCHC_VIEW_FORM},
	{CCHC_KEY_ENTER, CCHC_ACT_GO, CCHC_VIEW_DIALOG},
	{CCHC_CTRL('s'), CCHC_ACT_GO, CCHC_VIEW_DIALOG},
	{CCHC_CTRL('s'), CCHC_ACT_SAVE, CCHC_VIEW_FORM},
	{CCHC_CTRL('t'), CCHC_ACT_TELEX, CCHC_VIEW_FORM},
	{CCHC_KEY_ESCAPE, CCHC_ACT_CANCEL, DIALOGS},
	{'?', CCHC_ACT_HELP, TASKS | CCHC_VIEW_PICKER},
	{CCHC_CTRL('l'), CCHC_ACT_REDRAW, CCHC_VIEW_ANY},
	{'q', CCHC_ACT_QUIT, CCHC_VIEW_PANES},
};

#define BINDING_COUNT (sizeof bindings / sizeof *bindings)

enum cchc_action cchc_keymap_lookup(int key, enum cchc_view view)
{
	for (size_t i = 0; i < BINDING_COUNT; i++) {
		if (bindings[i].key == key && (bindings[i].views & (unsigned)view)) {
			return bindings[i].action;
		}
	}
	return CCHC_ACT_NONE;
}

static const struct {
	int key;
	const char *name;
} key_names[] = {
	{CCHC_KEY_UP, "↑"},        {CCHC_KEY_DOWN, "↓"},      {CCHC_KEY_LEFT, "←"},
	{CCHC_KEY_RIGHT, "→"},     {CCHC_KEY_PAGE_UP, "PgUp"}, {CCHC_KEY_PAGE_DOWN, "PgDn"},
	{CCHC_KEY_HOME, "Home"},   {CCHC_KEY_END, "End"},      {CCHC_KEY_ENTER, "Enter"},
	{CCHC_KEY_ESCAPE, "Esc"},  {CCHC_KEY_TAB, "Tab"},      {CCHC_KEY_BACKTAB, "S-Tab"},
	{CCHC_KEY_BACKSPACE, "Backspace"}, {' ', "Space"},
};

const char *cchc_keymap_key_name(int key, char buf[static 16])
{
	for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++) {
		if (key_names[i].key == key) {
			return key_names[i].name;
		}
	}
	if (key > 0 && key < 0x20) {
		snprintf(buf, 16, "Ctrl-%c", 'A' + key - 1);
	} else if (key < 0x80) {
		snprintf(buf, 16, "%c", key);
	} else {
		snprintf(buf, 16, "U+%04X", (unsigned)key);
	}
	return buf;
}

/* Keys bound to action in view, as "↑ k". */
static void keys_of(enum cchc_action action, enum cchc_view view, struct cchc_strbuf *out,
		    const char *separator)
{
	size_t before = out->len;
	for (size_t i = 0; i < BINDING_COUNT; i++) {
		if (bindings[i].action != action || !(bindings[i].views & (unsigned)view) ||
		    cchc_keymap_lookup(bindings[i].key, view) != action) {
			continue;
		}
		char buf[16];
		cchc_strbuf_puts(out, out->len > before ? separator : "");
		cchc_strbuf_puts(out, cchc_keymap_key_name(bindings[i].key, buf));
	}
}

void cchc_keymap_help(enum cchc_view view, struct cchc_lines *lines)
{
	for (int a = CCHC_ACT_NONE + 1; a < CCHC_ACT_COUNT; a++) {
		struct cchc_strbuf keys = {0};
		keys_of((enum cchc_action)a, view, &keys, " ");
		if (keys.len) {
			struct cchc_strbuf line = {0};
			cchc_text_fit(&line, cchc_strbuf_str(&keys), 16, true);
			cchc_strbuf_printf(&line, "  %s", _(actions[a].help));
			cchc_lines_add(lines, line.data, line.len);
			cchc_strbuf_finish(&line);
		}
		cchc_strbuf_finish(&keys);
	}
}

/* First key bound to action in view, or -1. */
static int first_key(enum cchc_action action, enum cchc_view view)
{
	for (size_t i = 0; i < BINDING_COUNT; i++) {
		if (bindings[i].action == action && (bindings[i].views & (unsigned)view) &&
		    cchc_keymap_lookup(bindings[i].key, view) == action) {
			return bindings[i].key;
		}
	}
	return -1;
}

static void flush_hint(struct cchc_strbuf *out, struct cchc_strbuf *keys, const char *hint)
{
	cchc_strbuf_printf(out, "%s%s %s", out->len ? "  " : "", cchc_strbuf_str(keys), _(hint));
	cchc_strbuf_reset(keys);
}

void cchc_keymap_hints(enum cchc_view view, struct cchc_strbuf *out)
{
	/* Actions sharing a hint ("move") share one entry: "↑↓ move". */
	const char *pending = NULL;
	struct cchc_strbuf keys = {0};
	for (int a = CCHC_ACT_NONE + 1; a < CCHC_ACT_COUNT; a++) {
		const char *hint = actions[a].hint;
		int key = first_key((enum cchc_action)a, view);
		if (!hint || key < 0) {
			continue;
		}
		if (pending && strcmp(pending, hint) != 0) {
			flush_hint(out, &keys, pending);
		}
		char buf[16];
		cchc_strbuf_puts(&keys, cchc_keymap_key_name(key, buf));
		pending = hint;
	}
	if (pending) {
		flush_hint(out, &keys, pending);
	}
	cchc_strbuf_finish(&keys);
}
