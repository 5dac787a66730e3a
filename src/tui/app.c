// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cchc/i18n.h"
#include "cchc/xalloc.h"
#include "internal.h"

/* ---- small shared helpers ---------------------------------------------- */

void clamp_cursor(long *pos, long *top, long count, int h)
{
	if (count <= 0) {
		*pos = *top = 0;
		return;
	}
	*pos = *pos < 0 ? 0 : *pos >= count ? count - 1 : *pos;
	if (h <= 0) {
		*top = *pos;
		return;
	}
	if (*pos < *top) {
		*top = *pos;
	} else if (*pos >= *top + h) {
		*top = *pos - h + 1;
	}
	long max_top = count > h ? count - h : 0;
	*top = *top > max_top ? max_top : *top < 0 ? 0 : *top;
}

static const struct {
	const char *symbol;
	enum cchc_role role;
} states[] = {
	[CCHC_STATE_DONE_ON_TIME] = {"✓", CCHC_ROLE_DONE},
	[CCHC_STATE_DONE_LATE] = {"✓!", CCHC_ROLE_DONE_LATE},
	[CCHC_STATE_ON_TRACK] = {"○", CCHC_ROLE_ON_TRACK},
	[CCHC_STATE_OVERDUE] = {"!", CCHC_ROLE_OVERDUE},
	[CCHC_STATE_NO_DEADLINE] = {"∞", CCHC_ROLE_NO_DEADLINE},
	[CCHC_STATE_CANCELLED] = {"✗", CCHC_ROLE_CANCELLED},
};

const char *state_symbol(enum cchc_task_state state)
{
	return states[state].symbol;
}

enum cchc_role state_role(enum cchc_task_state state)
{
	return states[state].role;
}

void short_date(cchc_day day, cchc_day today, char buf[static 16])
{
	if (day == CCHC_NO_DAY) {
		snprintf(buf, 16, "–");
		return;
	}
	int y, m, d, ty, tm, td;
	cchc_date_to_ymd(day, &y, &m, &d);
	cchc_date_to_ymd(today, &ty, &tm, &td);
	if (y == ty) {
		snprintf(buf, 16, "%02d/%02d", d % 100, m % 100);
	} else {
		snprintf(buf, 16, "%02d/%02d", m % 100, y % 100);
	}
}

void long_date(cchc_day day, char buf[static 16])
{
	if (day == CCHC_NO_DAY) {
		snprintf(buf, 16, "–");
		return;
	}
	int y, m, d;
	cchc_date_to_ymd(day, &y, &m, &d);
	snprintf(buf, 16, "%02d/%02d/%04d", d % 100, m % 100, y % 10000);
}

/* ---- life cycle ------------------------------------------------------- */

enum cchc_status cchc_app_create(struct cchc_store *store, cchc_day today, int cols, int rows,
				 struct cchc_app **out, struct cchc_error *err)
{
	struct cchc_app *app = cchc_xcalloc(1, sizeof *app);
	app->store = store;
	app->today = today;
	app->cols = cols;
	app->rows = rows;
	app->view = CCHC_VIEW_PANES;
	app->detail_seq = -1;
	enum cchc_status status = cchc_store_section_views(store, today, &app->sections,
							   &app->section_count, err);
	if (status == CCHC_OK && app->section_count > MAX_SECTIONS) {
		app->section_count = MAX_SECTIONS;
	}
	if (status != CCHC_OK) {
		cchc_app_destroy(app);
		return status;
	}
	panes_invalidate(app);
	panes_layout(app);
	app->read_only = cchc_store_read_only(store);
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(app->session_start, sizeof app->session_start, "%Y-%m-%dT%H:%M:%S%z", &tm);
	cchc_store_data_version(store, &app->data_version, err);
	*out = app;
	return CCHC_OK;
}

void cchc_app_destroy(struct cchc_app *app)
{
	if (!app) {
		return;
	}
	for (size_t i = 0; i < MAX_SECTIONS; i++) {
		cchc_task_rows_clear(app->panes[i].rows, app->panes[i].row_count);
	}
	cchc_section_views_free(app->sections, app->section_count);
	detail_close(app);
	edits_free(app);
	form_close(app);
	report_finish(app);
	cchc_lines_finish(&app->help_lines);
	cchc_search_hits_free(app->hits, app->hit_count);
	free(app->query);
	line_finish(&app->input);
	cchc_strbuf_finish(&app->message);
	free(app);
}

void cchc_app_message(struct cchc_app *app, const char *text, bool error)
{
	cchc_strbuf_reset(&app->message);
	cchc_strbuf_puts(&app->message, text);
	app->message_error = error;
}

/* ---- going places ----------------------------------------------------- */

void app_go_to(struct cchc_app *app, long seq)
{
	if (!panes_show(app, seq)) {
		return;
	}
	if (app->view == CCHC_VIEW_DETAIL || app->view == CCHC_VIEW_PICKER) {
		app->view = CCHC_VIEW_DETAIL;
		detail_open(app, seq);
	}
}

static bool roman_part(const char *s, size_t n, char *out, size_t size)
{
	static const char *const numerals[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII",
					       "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"};
	char buf[8];
	if (n == 0 || n >= sizeof buf) {
		return false;
	}
	bool digits = true;
	for (size_t i = 0; i < n; i++) {
		buf[i] = (char)toupper((unsigned char)s[i]);
		digits = digits && isdigit((unsigned char)s[i]);
	}
	buf[n] = '\0';
	if (digits) {
		int v = atoi(buf);
		if (v < 1 || v > 16) {
			return false;
		}
		snprintf(out, size, "%s", numerals[v - 1]);
		return true;
	}
	for (size_t i = 0; i < sizeof numerals / sizeof *numerals; i++) {
		if (strcmp(numerals[i], buf) == 0) {
			snprintf(out, size, "%s", buf);
			return true;
		}
	}
	return false;
}

bool cchc_app_parse_ref(const char *input, char *out, size_t size)
{
	while (*input == ' ') {
		input++;
	}
	size_t len = strlen(input);
	while (len > 0 && (input[len - 1] == ' ' || input[len - 1] == '.')) {
		len--;
	}
	const char *dot = memchr(input, '.', len);
	if (!dot || !roman_part(input, (size_t)(dot - input), out, size)) {
		return false;
	}
	size_t n = strlen(out);
	for (const char *p = dot; p < input + len && n + 1 < size; p++) {
		if (!isalnum((unsigned char)*p) && *p != '.') {
			return false;
		}
		out[n++] = (char)tolower((unsigned char)*p);
	}
	out[n] = '\0';
	return n > strlen(".") && out[n - 1] != '.';
}

void app_goto_ref(struct cchc_app *app, const char *input)
{
	char ref[64];
	struct cchc_error err = {0};
	long seq;
	if (!cchc_app_parse_ref(input, ref, sizeof ref)) {
		struct cchc_strbuf msg = {0};
		cchc_strbuf_printf(&msg, _("“%s” is not a task number; type it as III.6 or 3.6"), input);
		cchc_app_message(app, msg.data, true);
		cchc_strbuf_finish(&msg);
		return;
	}
	if (cchc_store_find_ref(app->store, ref, &seq, &err) != CCHC_OK) {
		cchc_app_message(app, err.message, true);
		return;
	}
	app_go_to(app, seq);
	/* Say where we landed: in a meeting the chair hears it read out. */
	struct cchc_task_row row = {0};
	size_t got = 0;
	const struct cchc_section_view *s = &app->sections[app->focus];
	if (cchc_store_task_rows(app->store, s->id, seq, 1, app->today, &row, &got, &err) == CCHC_OK &&
	    got == 1) {
		struct cchc_strbuf msg = {0};
		cchc_strbuf_printf(&msg, "%s — %s", row.ref, row.title);
		cchc_app_message(app, msg.data, false);
		cchc_strbuf_finish(&msg);
	}
	cchc_task_rows_clear(&row, got);
}

void app_show_hit(struct cchc_app *app)
{
	const struct cchc_search_hit *h = &app->hits[app->hit_current];
	struct cchc_strbuf msg = {0};
	cchc_strbuf_printf(&msg, _("Match %zu of %zu: %s"), app->hit_current + 1, app->hit_count,
			   h->ref);
	app_go_to(app, h->seq);
	cchc_app_message(app, msg.data, false);
	cchc_strbuf_finish(&msg);
}

void app_search(struct cchc_app *app, const char *query)
{
	struct cchc_error err = {0};
	cchc_search_hits_free(app->hits, app->hit_count);
	app->hits = NULL;
	app->hit_count = app->hit_current = 0;
	free(app->query);
	app->query = cchc_xstrdup(query);
	if (cchc_store_search(app->store, query, 500, &app->hits, &app->hit_count, &err) != CCHC_OK) {
		cchc_app_message(app, err.message, true);
		return;
	}
	if (app->hit_count == 0) {
		struct cchc_strbuf msg = {0};
		cchc_strbuf_printf(&msg, _("No task matches “%s”"), query);
		cchc_app_message(app, msg.data, true);
		cchc_strbuf_finish(&msg);
		return;
	}
	if (app->hit_count == 1) {
		app_show_hit(app);
		return;
	}
	app->return_view = app->view == CCHC_VIEW_PICKER ? app->return_view : app->view;
	app->view = CCHC_VIEW_PICKER;
	app->picker_cursor = app->picker_top = 0;
}

static unsigned step_match(struct cchc_app *app, int direction)
{
	if (app->hit_count == 0) {
		cchc_app_message(app, _("No search yet: press / to search"), true);
		return CCHC_EFFECT_REDRAW;
	}
	app->hit_current = (app->hit_current + app->hit_count + (size_t)(long)direction) % app->hit_count;
	app_show_hit(app);
	return CCHC_EFFECT_REDRAW;
}

/* ---- events ----------------------------------------------------------- */

static unsigned common_action(struct cchc_app *app, enum cchc_action action)
{
	switch (action) {
	case CCHC_ACT_GOTO:
		prompt_open(app, PROMPT_GOTO);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_SEARCH:
		prompt_open(app, PROMPT_SEARCH);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_NEXT_MATCH:
		return step_match(app, 1);
	case CCHC_ACT_PREV_MATCH:
		return step_match(app, -1);
	case CCHC_ACT_HELP:
		help_open(app);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_REDRAW:
		return CCHC_EFFECT_REDRAW | CCHC_EFFECT_REPAINT;
	case CCHC_ACT_NOT_STARTED:
	case CCHC_ACT_IN_PROGRESS:
	case CCHC_ACT_DONE:
	case CCHC_ACT_CANCELLED:
	case CCHC_ACT_UNDO:
	case CCHC_ACT_REDO:
	case CCHC_ACT_EDIT:
		return edits_handle(app, action);
	case CCHC_ACT_REPORT:
		if (app->view == CCHC_VIEW_MINUTES) {
			return CCHC_EFFECT_NONE; /* the minutes view prints itself */
		}
		report_open(app, app->section_count ? (long)app->focus : -1, false);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_REPORT_ALL:
		report_open(app, -1, false);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_MINUTES:
		minutes_open(app);
		return CCHC_EFFECT_REDRAW;
	default:
		return CCHC_EFFECT_NONE;
	}
}

/* The view that receives an action. */
static const struct {
	enum cchc_view view;
	unsigned (*handle)(struct cchc_app *app, enum cchc_action action);
} handlers[] = {
	{CCHC_VIEW_PANES, panes_handle},
	{CCHC_VIEW_DETAIL, detail_handle},
	{CCHC_VIEW_HELP, help_handle},
	{CCHC_VIEW_PICKER, picker_handle},
	{CCHC_VIEW_MINUTES, minutes_handle},
};

static unsigned on_key(struct cchc_app *app, int key)
{
	if (app->prompt != PROMPT_NONE) {
		return prompt_key(app, key);
	}
	if (app->view == CCHC_VIEW_FORM) {
		return form_key(app, key);
	}
	if (app->view == CCHC_VIEW_DIALOG) {
		return report_key(app, key);
	}
	enum cchc_action action = cchc_keymap_lookup(key, app->view);
	if (action == CCHC_ACT_NONE) {
		return CCHC_EFFECT_NONE;
	}
	cchc_strbuf_reset(&app->message);
	unsigned effect = common_action(app, action);
	if (effect != CCHC_EFFECT_NONE) {
		return effect;
	}
	for (size_t i = 0; i < sizeof handlers / sizeof *handlers; i++) {
		if (handlers[i].view == app->view) {
			return handlers[i].handle(app, action) | CCHC_EFFECT_REDRAW;
		}
	}
	return CCHC_EFFECT_NONE;
}

static unsigned on_resize(struct cchc_app *app, int cols, int rows)
{
	app->cols = cols > 0 ? cols : 1;
	app->rows = rows > 0 ? rows : 1;
	panes_layout(app);
	if (app->view == CCHC_VIEW_MINUTES) {
		long top = app->minutes_scroll;
		minutes_open(app); /* wrapped again to the new width */
		app->minutes_scroll = top;
		minutes_handle(app, CCHC_ACT_NONE); /* and kept inside the text */
	}
	return CCHC_EFFECT_REDRAW | CCHC_EFFECT_REPAINT;
}

unsigned cchc_app_handle(struct cchc_app *app, const struct cchc_event *event)
{
	switch (event->type) {
	case CCHC_EVENT_KEY:
		return on_key(app, event->key);
	case CCHC_EVENT_RESIZE:
		return on_resize(app, event->x, event->y);
	case CCHC_EVENT_CLICK:
		return app->view == CCHC_VIEW_PANES && app->prompt == PROMPT_NONE
			       ? panes_click(app, event->x, event->y)
			       : CCHC_EFFECT_NONE;
	case CCHC_EVENT_TICK:
		return app_poll(app) ? CCHC_EFFECT_REDRAW : CCHC_EFFECT_NONE;
	case CCHC_EVENT_WHEEL:
		if (app->view == CCHC_VIEW_PANES) {
			return panes_wheel(app, event->x, event->y, event->delta);
		}
		return on_key(app, event->delta < 0 ? CCHC_KEY_UP : CCHC_KEY_DOWN);
	}
	return CCHC_EFFECT_NONE;
}

/* ---- drawing ---------------------------------------------------------- */

static void render_status(struct cchc_app *app, struct cchc_canvas *c)
{
	int y = app->rows - 1;
	cchc_canvas_fill(c, 0, y, app->cols, 1, CCHC_ROLE_STATUS);
	if (app->prompt != PROMPT_NONE) {
		prompt_render(app, c, y);
		return;
	}
	int x = 0;
	if (app->read_only) {
		x = cchc_canvas_text(c, 0, y, app->cols, _("[read-only] "), CCHC_ROLE_ERROR);
	}
	if (app->message.len) {
		x += cchc_canvas_text(c, x, y, app->cols - x, app->message.data,
				      app->message_error ? CCHC_ROLE_ERROR : CCHC_ROLE_MESSAGE);
		x += 2;
	}
	struct cchc_strbuf hints = {0};
	cchc_keymap_hints(app->view, &hints);
	if (x < app->cols) {
		cchc_canvas_fit(c, x, y, app->cols - x, hints.data ? hints.data : "", CCHC_ROLE_STATUS);
	}
	cchc_strbuf_finish(&hints);
}

/* Instead of panes: the window is too small, or there is no plan. */
static void render_notice(struct cchc_app *app, struct cchc_canvas *c)
{
	struct cchc_strbuf msg = {0};
	if (app->section_count == 0) {
		cchc_strbuf_puts(&msg, _("This database holds no plan yet; import one with “cchc import FILE”."));
	} else {
		cchc_strbuf_printf(&msg, _("The window is too small (%d×%d); cchc needs at least %d×%d."),
				   app->cols, app->rows, MIN_COLS, MIN_ROWS);
	}
	struct cchc_lines lines = {0};
	cchc_text_wrap(msg.data, (size_t)app->cols, &lines);
	for (size_t i = 0; i < lines.count && (int)i < app->rows; i++) {
		cchc_canvas_text(c, 0, (int)i, app->cols, lines.items[i], CCHC_ROLE_ERROR);
	}
	cchc_lines_finish(&lines);
	cchc_strbuf_finish(&msg);
}

void cchc_app_render(struct cchc_app *app, struct cchc_canvas *c)
{
	if (c->cols != app->cols || c->rows != app->rows) {
		cchc_canvas_finish(c);
		cchc_canvas_init(c, app->cols, app->rows);
	}
	cchc_canvas_clear(c);
	if (app->layout == LAYOUT_TOO_SMALL) {
		render_notice(app, c);
		return;
	}
	switch (app->view) {
	case CCHC_VIEW_DETAIL:
		detail_render(app, c);
		break;
	case CCHC_VIEW_HELP:
		help_render(app, c);
		break;
	case CCHC_VIEW_PICKER:
		picker_render(app, c);
		break;
	case CCHC_VIEW_FORM:
		form_render(app, c);
		break;
	case CCHC_VIEW_DIALOG:
		report_render(app, c);
		break;
	case CCHC_VIEW_MINUTES:
		minutes_render(app, c);
		break;
	default:
		panes_render(app, c);
	}
	render_status(app, c);
}
