// SPDX-License-Identifier: GPL-3.0-or-later
/* The "?" screen: the keys of every view, generated from the table that
 * binds them, and what the state symbols mean. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cchc/i18n.h"
#include "internal.h"

static void add(struct cchc_lines *lines, const char *text)
{
	cchc_lines_add(lines, text, strlen(text));
}

static void legend(struct cchc_lines *lines)
{
	static const enum cchc_task_state order[] = {
		CCHC_STATE_DONE_ON_TIME, CCHC_STATE_DONE_LATE,   CCHC_STATE_ON_TRACK,
		CCHC_STATE_OVERDUE,      CCHC_STATE_NO_DEADLINE, CCHC_STATE_CANCELLED,
	};
	add(lines, _("States"));
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		struct cchc_strbuf line = {0};
		cchc_strbuf_puts(&line, "  ");
		cchc_text_fit(&line, state_symbol(order[i]), 4, true);
		cchc_strbuf_puts(&line, _(cchc_task_state_label(order[i])));
		add(lines, line.data);
		cchc_strbuf_finish(&line);
	}
}

void help_open(struct cchc_app *app)
{
	cchc_lines_finish(&app->help_lines);
	add(&app->help_lines, _("In the reform areas"));
	cchc_keymap_help(CCHC_VIEW_PANES, &app->help_lines);
	add(&app->help_lines, "");
	add(&app->help_lines, _("In a task's detail"));
	cchc_keymap_help(CCHC_VIEW_DETAIL, &app->help_lines);
	add(&app->help_lines, "");
	add(&app->help_lines, _("In the edit form"));
	cchc_keymap_help(CCHC_VIEW_FORM, &app->help_lines);
	add(&app->help_lines, _("  Text fields: ← → Home End Ctrl-A Ctrl-E move, Backspace Ctrl-K Ctrl-U Ctrl-W delete"));
	add(&app->help_lines, "");
	add(&app->help_lines, _("In the report dialog (p, P)"));
	cchc_keymap_help(CCHC_VIEW_DIALOG, &app->help_lines);
	add(&app->help_lines, _("  Format and destination: ← → or Space choose"));
	add(&app->help_lines, "");
	add(&app->help_lines, _("In the minutes (m)"));
	cchc_keymap_help(CCHC_VIEW_MINUTES, &app->help_lines);
	add(&app->help_lines, "");
	legend(&app->help_lines);
	add(&app->help_lines, "");
	add(&app->help_lines, _("Mouse: a click picks an area and a task, the wheel scrolls."));
	add(&app->help_lines, _("Dates in the panes: day/month this year, month/year another year."));
	app->help_scroll = 0;
	app->return_view = app->view;
	app->view = CCHC_VIEW_HELP;
}

void help_render(struct cchc_app *app, struct cchc_canvas *c)
{
	cchc_canvas_fit(c, 0, 0, app->cols, _(" Keys — cchc"), CCHC_ROLE_HEADER);
	int h = app->rows - 3;
	for (int i = 0; i < h && app->help_scroll + i < (long)app->help_lines.count; i++) {
		const char *line = app->help_lines.items[app->help_scroll + i];
		enum cchc_role role = line[0] != ' ' && strstr(line, "  ") == NULL ? CCHC_ROLE_TITLE
										    : CCHC_ROLE_NORMAL;
		cchc_canvas_text(c, 2, 2 + i, app->cols - 3, line, role);
	}
}

unsigned help_handle(struct cchc_app *app, enum cchc_action action)
{
	long h = app->rows - 3;
	long max_top = (long)app->help_lines.count - h;
	max_top = max_top > 0 ? max_top : 0;
	switch (action) {
	case CCHC_ACT_UP:
		app->help_scroll--;
		break;
	case CCHC_ACT_DOWN:
		app->help_scroll++;
		break;
	case CCHC_ACT_PAGE_UP:
		app->help_scroll -= h;
		break;
	case CCHC_ACT_PAGE_DOWN:
		app->help_scroll += h;
		break;
	case CCHC_ACT_HOME:
		app->help_scroll = 0;
		break;
	case CCHC_ACT_END:
		app->help_scroll = max_top;
		break;
	case CCHC_ACT_BACK:
		app->view = app->return_view;
		return CCHC_EFFECT_REDRAW;
	default:
		break;
	}
	app->help_scroll = app->help_scroll > max_top ? max_top : app->help_scroll;
	app->help_scroll = app->help_scroll < 0 ? 0 : app->help_scroll;
	return CCHC_EFFECT_REDRAW;
}
