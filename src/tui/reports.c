// SPDX-License-Identifier: GPL-3.0-or-later
/* Reports from the interface: "p" and "P" ask for a format and a place (a
 * file, prefilled, or a printer) and write the summary of the area or of
 * the plan; "m" shows the changes made since the interface opened, ready
 * to print as the meeting's record. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/i18n.h"
#include "cchc/report.h"
#include "internal.h"

static const struct cchc_report_format *const formats = cchc_report_formats;

enum { ROW_FORMAT, ROW_WHERE, ROW_PLACE, ROW_GO, ROWS };

/* cchc-II-2026-12-04: names the file and the print job alike. */
static void job_title(struct cchc_app *app, struct cchc_strbuf *out)
{
	struct report_dialog *d = &app->report;
	char day[11];
	cchc_date_format_iso(app->today, day);
	const char *what = d->minutes ? "minutes" : d->section >= 0 ? app->sections[d->section].code : "plan";
	cchc_strbuf_printf(out, "cchc-%s-%s", what, day);
}

/* ~/cchc-II-2026-12-04.pdf: where a report goes unless the officer says
 * otherwise. */
static void default_path(struct cchc_app *app, struct cchc_strbuf *out)
{
	const char *home = getenv("HOME");
	cchc_strbuf_printf(out, "%s/", home && *home ? home : ".");
	job_title(app, out);
	cchc_strbuf_printf(out, ".%s", formats[app->report.format].extension);
}

static void refresh_path(struct cchc_app *app)
{
	struct cchc_strbuf path = {0};
	default_path(app, &path);
	line_set(&app->report.path, path.data);
	cchc_strbuf_finish(&path);
}

void report_open(struct cchc_app *app, long section, bool minutes)
{
	struct report_dialog *d = &app->report;
	d->section = section;
	d->minutes = minutes;
	d->focus = ROW_GO;
	d->return_view = app->view;
	refresh_path(app);
	app->view = CCHC_VIEW_DIALOG;
}

void report_finish(struct cchc_app *app)
{
	line_finish(&app->report.path);
	line_finish(&app->report.printer);
	cchc_lines_finish(&app->minutes);
}

/* ---- doing it ------------------------------------------------------------ */

/* The report the dialog describes, read afresh from the store. */
static enum cchc_status write_report(FILE *out, void *context, struct cchc_error *err)
{
	struct cchc_app *app = context;
	struct report_dialog *d = &app->report;
	struct cchc_plan *plan = NULL;
	enum cchc_status s = cchc_store_load_plan(app->store, &plan, err);
	if (s == CCHC_OK) {
		bool paged = d->to_printer && formats[d->format].write == cchc_report_text;
		struct cchc_report_options o = {
			.section = d->section, .today = app->today, .width = 80,
			.page_lines = paged ? CCHC_REPORT_A4_LINES : 0,
			.changes_since = d->minutes ? app->session_start : NULL,
		};
		s = formats[d->format].write(out, plan, &o, err);
	}
	cchc_plan_destroy(plan);
	return s;
}

static void go(struct cchc_app *app)
{
	struct report_dialog *d = &app->report;
	struct cchc_error err = {0};
	struct cchc_strbuf msg = {0};
	enum cchc_status s;
	if (d->to_printer) {
		char *printer = line_value(&d->printer);
		struct cchc_strbuf title = {0};
		job_title(app, &title);
		s = cchc_report_print(write_report, app, *printer ? printer : NULL, title.data, true, &err);
		cchc_strbuf_finish(&title);
		cchc_strbuf_printf(&msg, _("Sent to the printer %s"), *printer ? printer : _("(default)"));
		free(printer);
	} else {
		char *path = line_value(&d->path);
		s = cchc_safe_write(path, write_report, app, &err);
		cchc_strbuf_printf(&msg, _("Saved to %s"), path);
		free(path);
	}
	if (s != CCHC_OK) {
		cchc_app_message(app, err.message, true);
	} else {
		app->view = d->return_view;
		cchc_app_message(app, msg.data, false);
	}
	cchc_strbuf_finish(&msg);
}

/* ---- keys --------------------------------------------------------------- */

/* A typed name keeps its words when the format changes; only an extension
 * of the old format follows the new one. */
static void follow_format(struct cchc_app *app, size_t old)
{
	char *path = line_value(&app->report.path);
	size_t n = strlen(path), e = strlen(formats[old].extension);
	if (n > e + 1 && path[n - e - 1] == '.' && strcmp(path + n - e, formats[old].extension) == 0) {
		struct cchc_strbuf next = {0};
		cchc_strbuf_printf(&next, "%.*s%s", (int)(n - e), path, formats[app->report.format].extension);
		line_set(&app->report.path, next.data);
		cchc_strbuf_finish(&next);
	}
	free(path);
}

static void set_format(struct cchc_app *app, size_t format)
{
	size_t old = app->report.format;
	app->report.format = format;
	follow_format(app, old);
}

/* PDF comes last, and only when this build writes it. */
static size_t offered(void)
{
	return cchc_report_format_count - (cchc_report_has_pdf() ? 0 : 1);
}

static void cycle(struct cchc_app *app, int delta)
{
	struct report_dialog *d = &app->report;
	if (d->focus == ROW_FORMAT) {
		size_t n = offered(), next = d->format;
		do { /* the minutes have no CSV form */
			next = (next + n + (size_t)(long)delta) % n;
		} while (d->minutes && formats[next].write == cchc_report_csv);
		set_format(app, next);
	} else if (d->focus == ROW_WHERE) {
		d->to_printer = !d->to_printer;
		/* text goes to a printer through its own filter, which lacks most
		 * Vietnamese glyphs: the PDF prints as it looks */
		if (d->to_printer && d->format == 0 && cchc_report_has_pdf()) {
			set_format(app, cchc_report_format_count - 1);
		}
	}
}

unsigned report_key(struct cchc_app *app, int key)
{
	struct report_dialog *d = &app->report;
	switch (cchc_keymap_lookup(key, CCHC_VIEW_DIALOG)) {
	case CCHC_ACT_NEXT_FIELD:
		d->focus = (d->focus + 1) % ROWS;
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_PREV_FIELD:
		d->focus = (d->focus + ROWS - 1) % ROWS;
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_GO: /* from any row, as in any dialog */
		go(app);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_CANCEL:
		app->view = d->return_view;
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_REDRAW:
		return CCHC_EFFECT_REDRAW | CCHC_EFFECT_REPAINT;
	default:
		break;
	}
	if (d->focus == ROW_PLACE) {
		line_key(d->to_printer ? &d->printer : &d->path, key);
	} else if (key == CCHC_KEY_LEFT || key == CCHC_KEY_RIGHT || key == ' ') {
		cycle(app, key == CCHC_KEY_LEFT ? -1 : 1);
	}
	return CCHC_EFFECT_REDRAW;
}

/* ---- drawing ------------------------------------------------------------ */

static void draw_choice(struct cchc_canvas *c, int x, int y, const char *const *names, size_t n,
			size_t chosen, bool focused)
{
	for (size_t i = 0; i < n; i++) {
		char item[64];
		snprintf(item, sizeof item, i == chosen ? "[%s]" : " %s ", names[i]);
		enum cchc_role role = i == chosen ? (focused ? CCHC_ROLE_CURSOR : CCHC_ROLE_TITLE)
						  : CCHC_ROLE_NORMAL;
		x += cchc_canvas_text(c, x, y, 40, item, role) + 1;
	}
}

void report_render(struct cchc_app *app, struct cchc_canvas *c)
{
	struct report_dialog *d = &app->report;
	char title[200];
	if (d->minutes) {
		snprintf(title, sizeof title, " %s", _("The minutes: changes made in this session"));
	} else if (d->section >= 0) {
		snprintf(title, sizeof title, " %s %s. %s", _("Summary of"), app->sections[d->section].code,
			 app->sections[d->section].title);
	} else {
		snprintf(title, sizeof title, " %s", _("Summary of the whole plan"));
	}
	cchc_canvas_fit(c, 0, 0, app->cols, title, CCHC_ROLE_HEADER);
	const char *labels[] = {_("Format"), _("Send to"), d->to_printer ? _("Printer") : _("File"), ""};
	const char *where[] = {_("a file"), _("the printer")};
	size_t n = offered();
	for (int r = 0; r < ROWS; r++) {
		int y = 2 + r * 2;
		cchc_canvas_fit(c, 1, y, 12, labels[r], CCHC_ROLE_LABEL);
		bool focused = d->focus == r;
		if (r == ROW_FORMAT) {
			const char *names[16];
			for (size_t i = 0; i < n && i < 16; i++) {
				names[i] = formats[i].name;
			}
			draw_choice(c, 14, y, names, n, d->format, focused);
		} else if (r == ROW_WHERE) {
			draw_choice(c, 14, y, where, 2, d->to_printer, focused);
		} else if (r == ROW_PLACE) {
			cchc_canvas_fill(c, 14, y, app->cols - 15, 1, focused ? CCHC_ROLE_CURSOR : CCHC_ROLE_NORMAL);
			line_render(d->to_printer ? &d->printer : &d->path, c, 14, y, app->cols - 15,
				    focused ? CCHC_ROLE_CURSOR : CCHC_ROLE_NORMAL, focused);
			if (d->to_printer && !d->printer.text.len && !focused) {
				cchc_canvas_text(c, 14, y, app->cols - 15, _("(the default printer)"), CCHC_ROLE_DIM);
			}
		} else {
			char go_label[64];
			snprintf(go_label, sizeof go_label, "[ %s ]", d->to_printer ? _("Print") : _("Save"));
			cchc_canvas_fit(c, 14, y, 20, go_label, focused ? CCHC_ROLE_CURSOR : CCHC_ROLE_NORMAL);
		}
	}
}

/* ---- the minutes view ------------------------------------------------- */

void minutes_open(struct cchc_app *app)
{
	cchc_lines_finish(&app->minutes);
	struct cchc_plan *plan = NULL;
	struct cchc_error err = {0};
	if (cchc_store_load_plan(app->store, &plan, &err) != CCHC_OK) {
		cchc_app_message(app, err.message, true);
		return;
	}
	char *text = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&text, &n);
	struct cchc_report_options o = {.section = -1, .today = app->today,
					.width = app->cols - 4 >= 40 ? app->cols - 4 : 40,
					.changes_since = app->session_start};
	cchc_report_text(out, plan, &o, &err);
	fclose(out);
	cchc_plan_destroy(plan);
	for (char *p = text; p && *p;) {
		char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		cchc_lines_add(&app->minutes, p, len);
		p += len + (nl != NULL);
	}
	free(text);
	app->minutes_scroll = 0;
	app->view = CCHC_VIEW_MINUTES;
}

void minutes_render(struct cchc_app *app, struct cchc_canvas *c)
{
	cchc_canvas_fit(c, 0, 0, app->cols, _(" The minutes: changes made in this session"),
			CCHC_ROLE_HEADER);
	int h = app->rows - 3;
	for (int i = 0; i < h && app->minutes_scroll + i < (long)app->minutes.count; i++) {
		cchc_canvas_text(c, 2, 2 + i, app->cols - 3, app->minutes.items[app->minutes_scroll + i],
				 CCHC_ROLE_NORMAL);
	}
}

unsigned minutes_handle(struct cchc_app *app, enum cchc_action action)
{
	long h = app->rows - 3;
	long max_top = (long)app->minutes.count - h;
	max_top = max_top > 0 ? max_top : 0;
	switch (action) {
	case CCHC_ACT_UP:
		app->minutes_scroll--;
		break;
	case CCHC_ACT_DOWN:
		app->minutes_scroll++;
		break;
	case CCHC_ACT_PAGE_UP:
		app->minutes_scroll -= h;
		break;
	case CCHC_ACT_PAGE_DOWN:
		app->minutes_scroll += h;
		break;
	case CCHC_ACT_HOME:
		app->minutes_scroll = 0;
		break;
	case CCHC_ACT_END:
		app->minutes_scroll = max_top;
		break;
	case CCHC_ACT_REPORT:
		app->view = CCHC_VIEW_PANES;
		report_open(app, -1, true);
		app->report.return_view = CCHC_VIEW_MINUTES;
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_BACK:
		app->view = CCHC_VIEW_PANES;
		return CCHC_EFFECT_REDRAW;
	default:
		break;
	}
	app->minutes_scroll = app->minutes_scroll > max_top ? max_top : app->minutes_scroll;
	app->minutes_scroll = app->minutes_scroll < 0 ? 0 : app->minutes_scroll;
	return CCHC_EFFECT_REDRAW;
}
