// SPDX-License-Identifier: GPL-3.0-or-later
/* A task's detail: every field, wrapped to the window by display width,
 * scrolled line by line. The lines are built when the task opens and
 * again when the width changes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/i18n.h"
#include "cchc/xalloc.h"
#include "internal.h"

struct builder {
	struct cchc_lines *lines;
	unsigned char *roles;
	size_t roles_cap;
	int width;
	int label_width;
};

/* The labels of the detail, in the order they appear. */
static const char *const labels[] = {
	N_("Task"),   N_("Result"), N_("Deadline"),     N_("Milestones"), N_("Lead"),
	N_("Coordinating"), N_("Assignment"), N_("Status"), N_("State"), N_("Completed on"),
	N_("Progress"), N_("Note"), N_("Evidence"), N_("Extended deadline"), N_("History"),
};

/* Wide enough for the longest label in the interface language, plus two
 * spaces before the values. */
static int label_width(void)
{
	size_t w = 0;
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
		size_t n = cchc_text_width(_(labels[i]));
		w = n > w ? n : w;
	}
	return (int)w + 2;
}

static void push(struct builder *b, const char *text, enum cchc_role role)
{
	cchc_lines_add(b->lines, text, strlen(text));
	b->roles = cchc_xgrow(b->roles, &b->roles_cap, b->lines->count, 1);
	b->roles[b->lines->count - 1] = (unsigned char)role;
}

/* "Label:          first line" then continuation lines under the text. */
static void field(struct builder *b, const char *label, const char *text, enum cchc_role role)
{
	struct cchc_lines wrapped = {0};
	int width = b->width - b->label_width;
	cchc_text_wrap(*text ? text : "–", (size_t)(width > 8 ? width : 8), &wrapped);
	for (size_t i = 0; i < wrapped.count; i++) {
		struct cchc_strbuf line = {0};
		cchc_text_fit(&line, i == 0 ? label : "", (size_t)b->label_width, true);
		cchc_strbuf_puts(&line, wrapped.items[i]);
		push(b, line.data, i == 0 && role == CCHC_ROLE_NORMAL ? CCHC_ROLE_NORMAL : role);
		cchc_strbuf_finish(&line);
	}
	cchc_lines_finish(&wrapped);
}

static void names_field(struct builder *b, const char *label, const struct cchc_names *names)
{
	struct cchc_strbuf joined = {0};
	for (size_t i = 0; i < names->count; i++) {
		cchc_strbuf_printf(&joined, "%s%s", i ? "; " : "", names->items[i]);
	}
	field(b, label, joined.data ? joined.data : "", CCHC_ROLE_NORMAL);
	cchc_strbuf_finish(&joined);
}

/* "30/09/2026 (overdue 65 days)" and the like. */
static enum cchc_role milestone_when(const struct cchc_milestone *m, cchc_day today,
				     struct cchc_strbuf *out)
{
	char start[16], due[16];
	long_date(m->start, start);
	long_date(m->due, due);
	if (m->kind == CCHC_KIND_ONGOING) {
		cchc_strbuf_puts(out, _("ongoing"));
		return CCHC_ROLE_NO_DEADLINE;
	}
	if (m->kind == CCHC_KIND_EXTERNAL) {
		cchc_strbuf_puts(out, _("depends on others, no date"));
		return CCHC_ROLE_NO_DEADLINE;
	}
	if (m->kind == CCHC_KIND_RANGE) {
		cchc_strbuf_printf(out, "%s – %s", start, due);
	} else {
		cchc_strbuf_puts(out, due);
	}
	long days = (long)m->due - (long)today;
	if (m->reached) {
		cchc_strbuf_printf(out, " (%s)", _("reached"));
		return CCHC_ROLE_DONE;
	}
	if (days < 0) {
		cchc_strbuf_printf(out, ngettext_(" (overdue %ld day)", " (overdue %ld days)", -days), -days);
		return CCHC_ROLE_OVERDUE;
	}
	cchc_strbuf_printf(out, ngettext_(" (%ld day left)", " (%ld days left)", days), days);
	return CCHC_ROLE_ON_TRACK;
}

static void milestones(struct builder *b, const struct cchc_task *t, cchc_day today)
{
	for (size_t i = 0; i < t->milestones.count; i++) {
		const struct cchc_milestone *m = &t->milestones.items[i];
		struct cchc_strbuf text = {0};
		enum cchc_role role = milestone_when(m, today, &text);
		cchc_strbuf_printf(&text, " — %s", m->label);
		field(b, i == 0 ? _("Milestones") : "", text.data, role);
		cchc_strbuf_finish(&text);
	}
}

static void tracking(struct builder *b, const struct cchc_task *t, cchc_day today)
{
	int days = 0;
	enum cchc_task_state state = cchc_task_state(t, today, &days);
	struct cchc_strbuf text = {0};
	cchc_strbuf_printf(&text, "%s %s", state_symbol(state), _(cchc_task_state_label(state)));
	if (days > 0) {
		cchc_strbuf_printf(&text, ngettext_(" (%d day)", " (%d days)", days), days);
	}
	field(b, _("Status"), _(cchc_task_status_label(t->status)), CCHC_ROLE_NORMAL);
	field(b, _("State"), text.data, state_role(state));
	char done[16], progress[16];
	long_date(t->completed_on, done);
	snprintf(progress, sizeof progress, "%d%%", t->progress);
	field(b, _("Completed on"), done, CCHC_ROLE_NORMAL);
	field(b, _("Progress"), progress, CCHC_ROLE_NORMAL);
	field(b, _("Note"), t->note, CCHC_ROLE_NORMAL);
	cchc_strbuf_reset(&text);
	char date[16];
	long_date(t->evidence_date, date);
	if (t->evidence_number || t->evidence_issuer || t->evidence_date != CCHC_NO_DAY) {
		cchc_strbuf_printf(&text, _("document %s of %s, issued by %s"),
				   t->evidence_number ? t->evidence_number : "–", date,
				   t->evidence_issuer ? t->evidence_issuer : "–");
	}
	field(b, _("Evidence"), cchc_strbuf_str(&text), CCHC_ROLE_NORMAL);
	cchc_strbuf_finish(&text);
}

/* "04/12/2026 16:40 an: Status: Not started → Done (meeting)" */
static void history(struct builder *b, struct cchc_app *app)
{
	struct cchc_history_entry *entries = NULL;
	size_t count = 0;
	struct cchc_error err = {0};
	if (cchc_store_history(app->store, app->detail_seq, &entries, &count, &err) != CCHC_OK) {
		return;
	}
	for (size_t i = 0; i < count; i++) {
		const struct cchc_history_entry *e = &entries[i];
		struct cchc_strbuf line = {0}, what = {0};
		cchc_time_describe(e->at, &line);
		cchc_history_describe(e, NULL, &what);
		cchc_strbuf_printf(&line, " %s: %s", e->who, what.data);
		if (*e->reason) {
			cchc_strbuf_printf(&line, " (%s)", e->reason);
		}
		field(b, i == 0 ? _("History") : "", line.data, CCHC_ROLE_DIM);
		cchc_strbuf_finish(&line);
		cchc_strbuf_finish(&what);
	}
	cchc_history_free(entries, count);
}

static void build(struct cchc_app *app, const struct cchc_task *t)
{
	struct builder b = {.lines = &app->detail_lines, .width = app->cols - 2,
			    .label_width = label_width()};
	field(&b, _("Task"), t->title, CCHC_ROLE_TITLE);
	push(&b, "", CCHC_ROLE_NORMAL);
	field(&b, _("Result"), t->result, CCHC_ROLE_NORMAL);
	field(&b, _("Deadline"), t->deadline_text, CCHC_ROLE_NORMAL);
	if (t->extension_text) {
		struct cchc_strbuf ext = {0};
		cchc_strbuf_printf(&ext, "%s (%s)", t->extension_text,
				   t->extension_document ? t->extension_document : "–");
		field(&b, _("Extended deadline"), ext.data, CCHC_ROLE_NORMAL);
		cchc_strbuf_finish(&ext);
	}
	milestones(&b, t, app->today);
	push(&b, "", CCHC_ROLE_NORMAL);
	names_field(&b, _("Lead"), &t->lead);
	names_field(&b, _("Coordinating"), &t->coordinating);
	field(&b, _("Assignment"), t->assignment_text, CCHC_ROLE_DIM);
	push(&b, "", CCHC_ROLE_NORMAL);
	tracking(&b, t, app->today);
	push(&b, "", CCHC_ROLE_NORMAL);
	history(&b, app);
	app->detail_roles = b.roles;
	app->detail_width = app->cols;
	snprintf(app->detail_ref, sizeof app->detail_ref, "%s", t->ref);
	app->detail_version = t->version;
}

static void rebuild(struct cchc_app *app)
{
	cchc_lines_finish(&app->detail_lines);
	free(app->detail_roles);
	app->detail_roles = NULL;
	struct cchc_task t;
	struct cchc_error err = {0};
	if (cchc_store_load_task(app->store, app->detail_seq, &t, &err) != CCHC_OK) {
		cchc_app_message(app, err.message, true);
	} else {
		build(app, &t);
	}
	cchc_task_finish(&t);
}

void detail_open(struct cchc_app *app, long seq)
{
	if (seq != app->detail_seq) {
		app->detail_scroll = 0;
	}
	app->detail_seq = seq;
	rebuild(app);
}

void detail_close(struct cchc_app *app)
{
	cchc_lines_finish(&app->detail_lines);
	free(app->detail_roles);
	app->detail_roles = NULL;
	app->detail_seq = -1;
}

static int body_height(const struct cchc_app *app)
{
	return app->rows - 3;
}

void detail_render(struct cchc_app *app, struct cchc_canvas *c)
{
	if (app->detail_width != app->cols) {
		rebuild(app);
	}
	char header[160];
	snprintf(header, sizeof header, " %s  %s", app->detail_ref, _("Task detail"));
	cchc_canvas_fit(c, 0, 0, app->cols, header, CCHC_ROLE_HEADER);
	int h = body_height(app);
	long max = (long)app->detail_lines.count;
	for (int i = 0; i < h && app->detail_scroll + i < max; i++) {
		size_t line = (size_t)(app->detail_scroll + i);
		cchc_canvas_text(c, 1, 2 + i, app->cols - 2, app->detail_lines.items[line],
				 app->detail_roles ? app->detail_roles[line] : CCHC_ROLE_NORMAL);
	}
	if (app->detail_scroll + h < max) {
		cchc_canvas_text(c, app->cols - 1, app->rows - 2, 1, "↓", CCHC_ROLE_BORDER_FOCUS);
	}
	if (app->detail_scroll > 0) {
		cchc_canvas_text(c, app->cols - 1, 2, 1, "↑", CCHC_ROLE_BORDER_FOCUS);
	}
}

unsigned detail_handle(struct cchc_app *app, enum cchc_action action)
{
	long h = body_height(app);
	long max_top = (long)app->detail_lines.count - h;
	max_top = max_top > 0 ? max_top : 0;
	switch (action) {
	case CCHC_ACT_UP:
		app->detail_scroll--;
		break;
	case CCHC_ACT_DOWN:
		app->detail_scroll++;
		break;
	case CCHC_ACT_PAGE_UP:
		app->detail_scroll -= h > 1 ? h - 1 : 1;
		break;
	case CCHC_ACT_PAGE_DOWN:
		app->detail_scroll += h > 1 ? h - 1 : 1;
		break;
	case CCHC_ACT_HOME:
		app->detail_scroll = 0;
		break;
	case CCHC_ACT_END:
		app->detail_scroll = max_top;
		break;
	case CCHC_ACT_BACK:
		app->view = CCHC_VIEW_PANES;
		detail_close(app);
		return CCHC_EFFECT_REDRAW;
	default:
		break;
	}
	app->detail_scroll = app->detail_scroll > max_top ? max_top : app->detail_scroll;
	app->detail_scroll = app->detail_scroll < 0 ? 0 : app->detail_scroll;
	return CCHC_EFFECT_REDRAW;
}
