// SPDX-License-Identifier: GPL-3.0-or-later
/* Changes from the interface: one-key status, undo and redo, and keeping
 * up with what another officer changes in the same database. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cchc/i18n.h"
#include "cchc/xalloc.h"
#include "internal.h"

/* ---- the task in focus ------------------------------------------------- */

/* seq and version of the task the officer is looking at. */
static bool current_task(struct cchc_app *app, long *seq, int64_t *version)
{
	if (app->view == CCHC_VIEW_DETAIL && app->detail_seq >= 0) {
		*seq = app->detail_seq;
		*version = app->detail_version;
		return true;
	}
	*seq = panes_current(app);
	if (*seq < 0) {
		return false;
	}
	struct cchc_task_row row = {0};
	size_t got = 0;
	struct cchc_error err = {0};
	cchc_store_task_rows(app->store, app->sections[app->focus].id, *seq, 1, app->today, &row,
			     &got, &err);
	*version = got ? row.version : -1;
	cchc_task_rows_clear(&row, got);
	return got == 1;
}

/* ---- reloading ---------------------------------------------------------- */

void app_reload(struct cchc_app *app)
{
	struct cchc_section_view *views = NULL;
	size_t count = 0;
	struct cchc_error err = {0};
	if (cchc_store_section_views(app->store, app->today, &views, &count, &err) != CCHC_OK) {
		cchc_app_message(app, err.message, true);
		return;
	}
	cchc_section_views_free(app->sections, app->section_count);
	app->sections = views;
	app->section_count = count < MAX_SECTIONS ? count : MAX_SECTIONS;
	app->focus = app->focus < app->section_count ? app->focus : 0;
	panes_invalidate(app);
	panes_layout(app);
	if (app->view == CCHC_VIEW_DETAIL && app->detail_seq >= 0) {
		detail_open(app, app->detail_seq);
	}
	cchc_store_data_version(app->store, &app->data_version, &err);
}

bool app_poll(struct cchc_app *app)
{
	int64_t version = 0;
	struct cchc_error err = {0};
	if (cchc_store_data_version(app->store, &version, &err) != CCHC_OK ||
	    version == app->data_version) {
		return false;
	}
	app_reload(app);
	return true;
}

/* ---- undo and redo ------------------------------------------------------ */

static void push(struct cchc_edit **stack, size_t *count, size_t *cap, struct cchc_edit *edit)
{
	*stack = cchc_xgrow(*stack, cap, *count + 1, sizeof **stack);
	(*stack)[(*count)++] = *edit;
	memset(edit, 0, sizeof *edit);
}

static void clear(struct cchc_edit *stack, size_t *count)
{
	for (size_t i = 0; i < *count; i++) {
		cchc_edit_finish(&stack[i]);
	}
	*count = 0;
}

void edits_free(struct cchc_app *app)
{
	clear(app->undo, &app->undo_count);
	clear(app->redo, &app->redo_count);
	free(app->undo);
	free(app->redo);
}

/* The change that names an edit: its status if it has one. */
static const struct cchc_change *headline(const struct cchc_edit *edit)
{
	for (size_t i = 0; i < edit->count; i++) {
		if (edit->changes[i].field == CCHC_FIELD_STATUS) {
			return &edit->changes[i];
		}
	}
	return edit->count ? &edit->changes[0] : NULL;
}

static const char *shown_value(const struct cchc_change *c, const char *value)
{
	enum cchc_task_status status;
	if (!value) {
		return "–";
	}
	if (c->field == CCHC_FIELD_STATUS && cchc_task_status_from_key(value, &status)) {
		return _(cchc_task_status_label(status));
	}
	return value;
}

/* "III.6: Status Not started → Done", what the officer reads out. */
static void describe(struct cchc_app *app, const char *prefix, const struct cchc_edit *edit)
{
	const struct cchc_change *c = headline(edit);
	if (!c) {
		return;
	}
	struct cchc_strbuf msg = {0};
	cchc_strbuf_printf(&msg, "%s%s: %s %s → %s", prefix, edit->ref, _(cchc_field_label(c->field)),
			   shown_value(c, c->old_value), shown_value(c, c->new_value));
	size_t more = 0;
	for (size_t i = 0; i < edit->count; i++) {
		bool follows = c->field == CCHC_FIELD_STATUS &&
			       edit->changes[i].field == CCHC_FIELD_COMPLETED_ON;
		more += &edit->changes[i] != c && !follows;
	}
	if (more) {
		cchc_strbuf_printf(&msg, ngettext_(" (and %zu more change)", " (and %zu more changes)", more),
				   more);
	}
	cchc_app_message(app, msg.data, false);
	cchc_strbuf_finish(&msg);
}

/* Applies edit; on success it goes on the undo stack. */
bool app_apply(struct cchc_app *app, struct cchc_edit *edit, const char *prefix)
{
	struct cchc_error err = {0};
	if (app->read_only) {
		cchc_app_message(app, _("This database is open read-only: nothing can be changed"), true);
		return false;
	}
	if (cchc_store_apply_edit(app->store, edit, &err) != CCHC_OK) {
		cchc_app_message(app, err.message, true);
		app_reload(app);
		return false;
	}
	describe(app, prefix, edit);
	app_reload(app);
	return true;
}

bool app_commit(struct cchc_app *app, struct cchc_edit *edit)
{
	if (!app_apply(app, edit, "")) {
		return false;
	}
	clear(app->redo, &app->redo_count);
	push(&app->undo, &app->undo_count, &app->undo_cap, edit);
	return true;
}

static void set_status(struct cchc_app *app, enum cchc_task_status status)
{
	struct cchc_edit edit = {0};
	if (!current_task(app, &edit.seq, &edit.version)) {
		return;
	}
	char today[11];
	cchc_date_format_iso(app->today, today);
	cchc_edit_set(&edit, CCHC_FIELD_STATUS, cchc_task_status_key(status));
	cchc_edit_set(&edit, CCHC_FIELD_COMPLETED_ON, status == CCHC_TASK_DONE ? today : NULL);
	app_commit(app, &edit);
	cchc_edit_finish(&edit);
}

/* Takes the top of from back and puts what it did on to. */
static void step(struct cchc_app *app, struct cchc_edit *from, size_t *from_count,
		 struct cchc_edit **to, size_t *to_count, size_t *to_cap, const char *prefix,
		 const char *reason, const char *empty)
{
	if (*from_count == 0) {
		cchc_app_message(app, empty, true);
		return;
	}
	struct cchc_edit *top = &from[*from_count - 1];
	struct cchc_edit back;
	cchc_edit_inverse(top, &back);
	back.reason = cchc_xstrdup(reason);
	if (app_apply(app, &back, prefix)) {
		long seq = back.seq;
		cchc_edit_finish(top);
		(*from_count)--;
		push(to, to_count, to_cap, &back);
		app_go_to(app, seq); /* show the task that changed back */
	}
	cchc_edit_finish(&back);
}

unsigned edits_handle(struct cchc_app *app, enum cchc_action action)
{
	switch (action) {
	case CCHC_ACT_NOT_STARTED:
		set_status(app, CCHC_TASK_NOT_STARTED);
		break;
	case CCHC_ACT_IN_PROGRESS:
		set_status(app, CCHC_TASK_IN_PROGRESS);
		break;
	case CCHC_ACT_DONE:
		set_status(app, CCHC_TASK_DONE);
		break;
	case CCHC_ACT_CANCELLED:
		set_status(app, CCHC_TASK_CANCELLED);
		break;
	case CCHC_ACT_EDIT: {
		long seq;
		int64_t version;
		if (current_task(app, &seq, &version)) {
			form_open(app, seq);
		}
		break;
	}
	case CCHC_ACT_UNDO:
		step(app, app->undo, &app->undo_count, &app->redo, &app->redo_count, &app->redo_cap,
		     _("Undone: "), _("undo"), _("Nothing to undo"));
		break;
	case CCHC_ACT_REDO:
		step(app, app->redo, &app->redo_count, &app->undo, &app->undo_count, &app->undo_cap,
		     _("Redone: "), _("redo"), _("Nothing to redo"));
		break;
	default:
		return CCHC_EFFECT_NONE;
	}
	return CCHC_EFFECT_REDRAW;
}
