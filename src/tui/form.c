// SPDX-License-Identifier: GPL-3.0-or-later
/* The edit form ("e"): deadline with its milestones read as typed, an
 * extension and the document that granted it, lead and coordinating
 * agencies picked from a list that filters without diacritics, progress,
 * note, evidence, milestones reached and a reason. Saving is one edit:
 * one transaction and one step of undo. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/deadline.h"
#include "cchc/i18n.h"
#include "cchc/xalloc.h"
#include "internal.h"

#define REASON_FIELD CCHC_FIELD_COUNT /* the reason is no task field */

/* ---- opening ------------------------------------------------------------ */

static struct form_row *add_row(struct form *f, int field, enum form_row_kind kind,
				const char *label, const char *value)
{
	struct form_row *r = &f->rows[f->count++];
	memset(r, 0, sizeof *r);
	r->field = field;
	r->kind = kind;
	r->label = label;
	line_set(&r->line, value ? value : "");
	return r;
}

static void iso_to_vietnamese(cchc_day day, char buf[static 16])
{
	if (day == CCHC_NO_DAY) {
		buf[0] = '\0';
		return;
	}
	long_date(day, buf);
}

static void fill_rows(struct form *f, const struct cchc_task *t)
{
	char progress[16], evidence_date[16], completed[16];
	snprintf(progress, sizeof progress, "%d", t->progress);
	iso_to_vietnamese(t->completed_on, completed);
	iso_to_vietnamese(t->evidence_date, evidence_date);
	add_row(f, CCHC_FIELD_DEADLINE, ROW_TEXT, N_("Deadline"), t->deadline_text);
	add_row(f, CCHC_FIELD_EXTENSION, ROW_TEXT, N_("Extended deadline"), t->extension_text);
	add_row(f, CCHC_FIELD_EXTENSION_DOCUMENT, ROW_TEXT, N_("Extension approved by"),
		t->extension_document);
	add_row(f, CCHC_FIELD_LEAD, ROW_AGENCIES, N_("Lead"), NULL);
	add_row(f, CCHC_FIELD_COORDINATING, ROW_AGENCIES, N_("Coordinating"), NULL);
	add_row(f, CCHC_FIELD_PROGRESS, ROW_TEXT, N_("Progress"), progress);
	add_row(f, CCHC_FIELD_COMPLETED_ON, ROW_TEXT, N_("Completed on"), completed);
	add_row(f, CCHC_FIELD_NOTE, ROW_TEXT, N_("Note"), t->note);
	add_row(f, CCHC_FIELD_EVIDENCE_NUMBER, ROW_TEXT, N_("Evidence number"), t->evidence_number);
	add_row(f, CCHC_FIELD_EVIDENCE_DATE, ROW_TEXT, N_("Evidence date"), evidence_date);
	add_row(f, CCHC_FIELD_EVIDENCE_ISSUER, ROW_TEXT, N_("Evidence issuer"), t->evidence_issuer);
	for (size_t i = 0; i < t->milestones.count && f->count < FORM_ROWS - 2; i++) {
		struct form_row *r = add_row(f, CCHC_FIELD_REACHED, ROW_REACHED, N_("Milestones reached"),
					     NULL);
		r->milestone = i;
	}
	add_row(f, REASON_FIELD, ROW_TEXT, N_("Reason for the change"), NULL);
	add_row(f, -1, ROW_SAVE, N_("Save"), NULL);
}

static char *joined(const struct cchc_names *names)
{
	struct cchc_strbuf sb = {0};
	for (size_t i = 0; i < names->count; i++) {
		cchc_strbuf_printf(&sb, "%s%s", i ? "\n" : "", names->items[i]);
	}
	return names->count ? cchc_strbuf_steal(&sb) : NULL;
}

void form_open(struct cchc_app *app, long seq)
{
	struct form *f = &app->form;
	struct cchc_error err = {0};
	form_close(app);
	if (app->read_only) {
		cchc_app_message(app, _("This database is open read-only: nothing can be changed"), true);
		return;
	}
	if (cchc_store_load_task(app->store, seq, &f->task, &err) != CCHC_OK) {
		cchc_app_message(app, err.message, true);
		cchc_task_finish(&f->task);
		return;
	}
	f->seq = seq;
	f->return_view = app->view;
	fill_rows(f, &f->task);
	for (size_t i = 0; i < f->task.lead.count; i++) {
		cchc_names_add(&f->lead, f->task.lead.items[i]);
	}
	for (size_t i = 0; i < f->task.coordinating.count; i++) {
		cchc_names_add(&f->coordinating, f->task.coordinating.items[i]);
	}
	f->reached = cchc_xcalloc(f->task.milestones.count + 1, 1);
	for (size_t i = 0; i < f->task.milestones.count; i++) {
		f->reached[i] = f->task.milestones.items[i].reached ? '1' : '0';
	}
	cchc_store_plan_year(app->store, &f->plan_year, &err);
	f->open = true;
	app->view = CCHC_VIEW_FORM;
}

void form_close(struct cchc_app *app)
{
	struct form *f = &app->form;
	for (size_t i = 0; i < f->count; i++) {
		line_finish(&f->rows[i].line);
	}
	cchc_task_finish(&f->task);
	cchc_names_finish(&f->lead);
	cchc_names_finish(&f->coordinating);
	cchc_names_finish(&f->agencies);
	line_finish(&f->filter);
	free(f->reached);
	free(f->error);
	bool telex = f->telex;
	memset(f, 0, sizeof *f);
	f->telex = telex;
}

/* ---- saving ------------------------------------------------------------- */

static void fail(struct form *f, size_t row, const char *message)
{
	free(f->error);
	f->error = cchc_xstrdup(message);
	f->focus = row;
}

/* "30/9/2026" → "2026-09-30"; an empty text stays empty. */
static bool vietnamese_date(const char *text, char iso[static 11])
{
	int d, m, y;
	char tail;
	iso[0] = '\0';
	if (!*text) {
		return true;
	}
	if (sscanf(text, "%d/%d/%d%c", &d, &m, &y, &tail) != 3 || !cchc_date_valid(y, m, d)) {
		return false;
	}
	cchc_date_format_iso(cchc_date_from_ymd(y, m, d), iso);
	return true;
}

static const char *original(const struct form *f, enum cchc_field field, char buf[static 16])
{
	const struct cchc_task *t = &f->task;
	switch (field) {
	case CCHC_FIELD_DEADLINE:
		return t->deadline_text;
	case CCHC_FIELD_EXTENSION:
		return t->extension_text;
	case CCHC_FIELD_EXTENSION_DOCUMENT:
		return t->extension_document;
	case CCHC_FIELD_PROGRESS:
		snprintf(buf, 16, "%d", t->progress);
		return buf;
	case CCHC_FIELD_NOTE:
		return t->note;
	case CCHC_FIELD_EVIDENCE_NUMBER:
		return t->evidence_number;
	case CCHC_FIELD_EVIDENCE_DATE:
	case CCHC_FIELD_COMPLETED_ON: {
		cchc_day day = field == CCHC_FIELD_EVIDENCE_DATE ? t->evidence_date : t->completed_on;
		if (day == CCHC_NO_DAY) {
			return NULL;
		}
		cchc_date_format_iso(day, buf);
		return buf;
	}
	case CCHC_FIELD_EVIDENCE_ISSUER:
		return t->evidence_issuer;
	default:
		return NULL;
	}
}

static bool differs(const char *a, const char *b)
{
	a = a && *a ? a : NULL;
	b = b && *b ? b : NULL;
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
}

/* Adds the change a text row asks for; false (with the form's error set)
 * when its value is wrong. */
static bool text_change(struct cchc_app *app, size_t index, struct cchc_edit *edit)
{
	struct form *f = &app->form;
	struct form_row *r = &f->rows[index];
	char *value = line_value(&r->line);
	char iso[11], buf[16];
	bool ok = true;
	const char *stored = value;
	if (r->field == CCHC_FIELD_EVIDENCE_DATE || r->field == CCHC_FIELD_COMPLETED_ON) {
		ok = vietnamese_date(value, iso);
		stored = iso;
		if (!ok) {
			struct cchc_strbuf msg = {0};
			cchc_strbuf_printf(&msg, _("%s: “%s” is not a real date (dd/mm/yyyy)"),
					   _(cchc_field_label((enum cchc_field)r->field)), value);
			fail(f, index, msg.data);
			cchc_strbuf_finish(&msg);
		}
	}
	struct cchc_error err = {0};
	if (ok && differs(stored, original(f, (enum cchc_field)r->field, buf))) {
		const char *v = *stored ? stored : NULL;
		if (cchc_store_check_value(app->store, (enum cchc_field)r->field, v, &err) != CCHC_OK) {
			fail(f, index, err.message);
			ok = false;
		} else {
			cchc_edit_set(edit, (enum cchc_field)r->field, v);
		}
	}
	free(value);
	return ok;
}

static bool agency_change(struct cchc_app *app, size_t index, struct cchc_edit *edit)
{
	struct form *f = &app->form;
	enum cchc_field field = (enum cchc_field)f->rows[index].field;
	const struct cchc_names *now = field == CCHC_FIELD_LEAD ? &f->lead : &f->coordinating;
	const struct cchc_names *was = field == CCHC_FIELD_LEAD ? &f->task.lead : &f->task.coordinating;
	char *a = joined(now), *b = joined(was);
	struct cchc_error err = {0};
	bool ok = true;
	if (differs(a, b)) {
		if (cchc_store_check_value(app->store, field, a, &err) != CCHC_OK) {
			fail(f, index, err.message);
			ok = false;
		} else {
			cchc_edit_set(edit, field, a);
		}
	}
	free(a);
	free(b);
	return ok;
}

static bool collect(struct cchc_app *app, struct cchc_edit *edit)
{
	struct form *f = &app->form;
	/* Reached flags first: a new deadline rebuilds milestones by label. */
	char *was = cchc_xcalloc(f->task.milestones.count + 1, 1);
	for (size_t i = 0; i < f->task.milestones.count; i++) {
		was[i] = f->task.milestones.items[i].reached ? '1' : '0';
	}
	if (strcmp(was, f->reached) != 0) {
		cchc_edit_set(edit, CCHC_FIELD_REACHED, f->reached);
	}
	free(was);
	for (size_t i = 0; i < f->count; i++) {
		struct form_row *r = &f->rows[i];
		bool ok = true;
		if (r->kind == ROW_TEXT && r->field == REASON_FIELD) {
			free(edit->reason);
			edit->reason = line_value(&r->line);
		} else if (r->kind == ROW_TEXT) {
			ok = text_change(app, i, edit);
		} else if (r->kind == ROW_AGENCIES) {
			ok = agency_change(app, i, edit);
		}
		if (!ok) {
			return false;
		}
	}
	return true;
}

static void save(struct cchc_app *app)
{
	struct form *f = &app->form;
	struct cchc_edit edit = {.seq = f->seq, .version = f->task.version};
	if (!collect(app, &edit)) {
		cchc_edit_finish(&edit);
		return;
	}
	enum cchc_view back = f->return_view;
	long seq = f->seq;
	if (edit.count == 0) {
		cchc_app_message(app, _("Nothing changed"), false);
	} else if (!app_commit(app, &edit)) {
		fail(f, f->focus, app->message.data ? app->message.data : "");
		cchc_edit_finish(&edit);
		return;
	}
	cchc_edit_finish(&edit);
	form_close(app);
	app->view = back;
	if (back == CCHC_VIEW_DETAIL) {
		detail_open(app, seq);
	}
}

/* ---- the agency picker ----------------------------------------------------- */

static struct cchc_names *picked(struct form *f)
{
	return f->picking == CCHC_FIELD_LEAD ? &f->lead : &f->coordinating;
}

/* Agencies whose name holds the filter, ignoring case and diacritics. */
static void visible_agencies(struct form *f, struct cchc_names *out)
{
	char *filter = line_value(&f->filter);
	char *key = cchc_text_search_key(filter);
	for (size_t i = 0; i < f->agencies.count; i++) {
		char *name = cchc_text_search_key(f->agencies.items[i]);
		if (strstr(name, key)) {
			cchc_names_add(out, f->agencies.items[i]);
		}
		free(name);
	}
	if (*filter && !cchc_names_contains(&f->agencies, filter)) {
		cchc_names_add(out, filter); /* offered as a new agency */
	}
	free(key);
	free(filter);
}

static void toggle_name(struct cchc_names *names, const char *name)
{
	if (!cchc_names_contains(names, name)) {
		cchc_names_add(names, name);
		return;
	}
	struct cchc_names kept = {0};
	for (size_t i = 0; i < names->count; i++) {
		if (strcmp(names->items[i], name) != 0) {
			cchc_names_add(&kept, names->items[i]);
		}
	}
	cchc_names_finish(names);
	*names = kept;
}

static void pick_open(struct cchc_app *app, enum cchc_field field)
{
	struct form *f = &app->form;
	struct cchc_error err = {0};
	cchc_names_finish(&f->agencies);
	cchc_store_agency_names(app->store, &f->agencies, &err);
	line_set(&f->filter, "");
	f->filter.telex = f->telex;
	f->picking = field;
	f->pick_cursor = f->pick_top = 0;
}

static unsigned pick_key(struct cchc_app *app, int key)
{
	struct form *f = &app->form;
	struct cchc_names shown = {0};
	visible_agencies(f, &shown);
	long h = app->rows - 6;
	if (key == CCHC_KEY_DOWN || key == CCHC_KEY_UP) {
		f->pick_cursor += key == CCHC_KEY_DOWN ? 1 : -1;
	} else if (key == CCHC_KEY_ENTER) {
		if (f->pick_cursor < (long)shown.count) {
			toggle_name(picked(f), shown.items[f->pick_cursor]);
		}
	} else if (key == CCHC_KEY_ESCAPE || key == CCHC_CTRL('s')) {
		f->picking = 0;
	} else if (line_key(&f->filter, key) == LINE_CONTINUE) {
		f->pick_cursor = 0;
	}
	cchc_names_finish(&shown);
	visible_agencies(f, &shown);
	clamp_cursor(&f->pick_cursor, &f->pick_top, (long)shown.count, (int)h);
	cchc_names_finish(&shown);
	return CCHC_EFFECT_REDRAW;
}

/* ---- keys --------------------------------------------------------------- */

static void move_focus(struct form *f, int delta)
{
	long n = (long)f->count;
	f->focus = (size_t)(((long)f->focus + delta + n) % n);
}

static void activate(struct cchc_app *app)
{
	struct form *f = &app->form;
	struct form_row *r = &f->rows[f->focus];
	switch (r->kind) {
	case ROW_AGENCIES:
		pick_open(app, (enum cchc_field)r->field);
		break;
	case ROW_REACHED:
		f->reached[r->milestone] = f->reached[r->milestone] == '1' ? '0' : '1';
		break;
	case ROW_SAVE:
		save(app);
		break;
	default:
		move_focus(f, 1);
	}
}

static void telex_all(struct form *f)
{
	f->telex = !f->telex;
	for (size_t i = 0; i < f->count; i++) {
		f->rows[i].line.telex = f->telex;
	}
	f->filter.telex = f->telex;
}

unsigned form_key(struct cchc_app *app, int key)
{
	struct form *f = &app->form;
	if (f->picking) {
		return pick_key(app, key);
	}
	switch (cchc_keymap_lookup(key, CCHC_VIEW_FORM)) {
	case CCHC_ACT_NEXT_FIELD:
		move_focus(f, 1);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_PREV_FIELD:
		move_focus(f, -1);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_TOGGLE:
		activate(app);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_SAVE:
		save(app);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_TELEX:
		telex_all(f);
		return CCHC_EFFECT_REDRAW;
	case CCHC_ACT_CANCEL: {
		enum cchc_view back = f->return_view;
		form_close(app);
		app->view = back;
		cchc_app_message(app, _("Edit left, nothing saved"), false);
		return CCHC_EFFECT_REDRAW;
	}
	default:
		break;
	}
	struct form_row *r = &f->rows[f->focus];
	if (r->kind == ROW_TEXT) {
		line_key(&r->line, key);
	} else if (r->kind == ROW_REACHED && key == ' ') {
		activate(app);
	}
	return CCHC_EFFECT_REDRAW;
}

/* ---- drawing ------------------------------------------------------------ */

static int label_width(const struct form *f)
{
	size_t w = 0;
	for (size_t i = 0; i < f->count; i++) {
		size_t n = cchc_text_width(_(f->rows[i].label));
		w = n > w ? n : w;
	}
	return (int)w + 2;
}

/* How each kind of milestone reads beside its date. */
static const char *const kind_labels[CCHC_KIND_COUNT] = {
	[CCHC_KIND_DATE] = N_("deadline"),
	[CCHC_KIND_RANGE] = N_("period"),
	[CCHC_KIND_ONGOING] = N_("ongoing"),
	[CCHC_KIND_EXTERNAL] = N_("on a condition"),
};

/* What a deadline as typed resolves to, or why it does not. */
static void preview(const struct form *f, const struct form_row *r, struct cchc_strbuf *out,
		    bool *error)
{
	char *value = line_value(&r->line);
	struct cchc_milestones list = {0};
	struct cchc_error err = {0};
	*error = cchc_deadline_parse(value, f->plan_year, &list, &err) != CCHC_OK;
	if (*error) {
		cchc_strbuf_puts(out, err.message);
	}
	for (size_t i = 0; !*error && i < list.count; i++) {
		char due[16];
		long_date(list.items[i].due, due);
		cchc_strbuf_printf(out, "%s%s (%s)", i ? "; " : "→ ",
				   list.items[i].due == CCHC_NO_DAY ? _("no date") : due,
				   _(kind_labels[list.items[i].kind]));
	}
	cchc_milestones_finish(&list);
	free(value);
}

static void value_of(const struct form *f, const struct form_row *r, struct cchc_strbuf *out)
{
	if (r->kind == ROW_AGENCIES) {
		const struct cchc_names *n = r->field == CCHC_FIELD_LEAD ? &f->lead : &f->coordinating;
		for (size_t i = 0; i < n->count; i++) {
			cchc_strbuf_printf(out, "%s%s", i ? "; " : "", n->items[i]);
		}
	} else if (r->kind == ROW_REACHED) {
		const struct cchc_milestone *m = &f->task.milestones.items[r->milestone];
		cchc_strbuf_printf(out, "[%s] %s", f->reached[r->milestone] == '1' ? "x" : " ", m->label);
	} else if (r->kind == ROW_SAVE) {
		cchc_strbuf_printf(out, "[ %s ]", _("Save"));
	}
}

static int draw_row(struct cchc_app *app, struct cchc_canvas *c, size_t i, int y, int lw)
{
	struct form *f = &app->form;
	struct form_row *r = &f->rows[i];
	bool focused = i == f->focus;
	enum cchc_role role = focused ? CCHC_ROLE_CURSOR : CCHC_ROLE_NORMAL;
	bool repeat = i > 0 && r->kind == ROW_REACHED && f->rows[i - 1].kind == ROW_REACHED;
	cchc_canvas_fit(c, 1, y, lw, repeat ? "" : _(r->label), CCHC_ROLE_LABEL);
	cchc_canvas_fill(c, 1 + lw, y, app->cols - lw - 2, 1, role);
	if (r->kind == ROW_TEXT) {
		line_render(&r->line, c, 1 + lw, y, app->cols - lw - 2, role, focused);
	} else {
		struct cchc_strbuf v = {0};
		value_of(f, r, &v);
		cchc_canvas_fit(c, 1 + lw, y, app->cols - lw - 2, cchc_strbuf_str(&v), role);
		cchc_strbuf_finish(&v);
	}
	if (r->field != CCHC_FIELD_DEADLINE && r->field != CCHC_FIELD_EXTENSION) {
		return 1;
	}
	struct cchc_strbuf p = {0};
	bool error = false;
	preview(f, r, &p, &error);
	cchc_canvas_fit(c, 1 + lw, y + 1, app->cols - lw - 2, cchc_strbuf_str(&p),
			error ? CCHC_ROLE_OVERDUE : CCHC_ROLE_DIM);
	cchc_strbuf_finish(&p);
	return 2;
}

static void draw_picker(struct cchc_app *app, struct cchc_canvas *c)
{
	struct form *f = &app->form;
	char title[160];
	snprintf(title, sizeof title, " %s — %s", f->task.ref, _(cchc_field_label(f->picking)));
	cchc_canvas_fit(c, 0, 0, app->cols, title, CCHC_ROLE_HEADER);
	int x = cchc_canvas_text(c, 1, 2, app->cols, _("Filter: "), CCHC_ROLE_LABEL);
	line_render(&f->filter, c, 1 + x, 2, app->cols - x - 2, CCHC_ROLE_PROMPT, true);
	struct cchc_names shown = {0};
	visible_agencies(f, &shown);
	int h = app->rows - 6;
	for (int i = 0; i < h && f->pick_top + i < (long)shown.count; i++) {
		long k = f->pick_top + i;
		const char *name = shown.items[k];
		bool is_new = !cchc_names_contains(&f->agencies, name);
		char line[512];
		snprintf(line, sizeof line, "[%s] %s%s", cchc_names_contains(picked(f), name) ? "x" : " ",
			 name, is_new ? _("  (new agency)") : "");
		cchc_canvas_fit(c, 2, 4 + i, app->cols - 4, line,
				k == f->pick_cursor ? CCHC_ROLE_CURSOR : CCHC_ROLE_NORMAL);
	}
	cchc_names_finish(&shown);
}

void form_render(struct cchc_app *app, struct cchc_canvas *c)
{
	struct form *f = &app->form;
	if (f->picking) {
		draw_picker(app, c);
		return;
	}
	char title[160];
	snprintf(title, sizeof title, " %s  %s%s", f->task.ref, _("Edit task"), f->telex ? "  [Telex]" : "");
	cchc_canvas_fit(c, 0, 0, app->cols, title, CCHC_ROLE_HEADER);
	int lw = label_width(f);
	int y = 2;
	/* Keep the focused row on screen: start from it when it would fall off. */
	size_t first = 0;
	if ((int)f->focus + 8 > app->rows - 4) {
		first = f->focus + 8 - (size_t)(app->rows - 4);
	}
	for (size_t i = first; i < f->count && y < app->rows - 3; i++) {
		y += draw_row(app, c, i, y, lw);
	}
	if (f->error) {
		cchc_canvas_fit(c, 1, app->rows - 2, app->cols - 2, f->error, CCHC_ROLE_ERROR);
	}
}
