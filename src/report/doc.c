// SPDX-License-Identifier: GPL-3.0-or-later
/* What a section summary says (SPEC §7): the plan, the section, the day,
 * counts as provincial reports put them, the task table, the overdue list
 * and the agencies' share. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/i18n.h"
#include "cchc/store.h"
#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"
#include "doc.h"

/* ---- counting ----------------------------------------------------------- */

/* A heading that only gathers other tasks is not counted as one. */
static bool counted(const struct cchc_plan *plan, size_t i)
{
	const struct cchc_task *t = &plan->tasks[i];
	bool parent = i + 1 < plan->task_count && plan->tasks[i + 1].parent == i;
	return !(parent && !*t->result && !*t->deadline_text && !*t->assignment_text);
}

static bool in_scope(const struct cchc_plan *plan, long section, size_t i)
{
	if (section < 0) {
		return true;
	}
	const struct cchc_section *s = &plan->sections[section];
	return i >= s->first_task && i < s->first_task + s->task_count;
}

void cchc_report_count(const struct cchc_plan *plan, long section, cchc_day today,
		       struct cchc_report_counts *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < plan->task_count; i++) {
		if (!in_scope(plan, section, i) || !counted(plan, i)) {
			continue;
		}
		int days;
		out->states[cchc_task_state(&plan->tasks[i], today, &days)]++;
		out->total++;
	}
	out->done = out->states[CCHC_STATE_DONE_ON_TIME] + out->states[CCHC_STATE_DONE_LATE];
	int base = out->total - out->states[CCHC_STATE_CANCELLED];
	out->percent = base > 0 ? out->done * 100 / base : 0;
}

/* ---- blocks ------------------------------------------------------------- */

static struct block *add(struct doc *doc, enum block_kind kind, const char *text)
{
	doc->blocks = cchc_xgrow(doc->blocks, &doc->cap, doc->count + 1, sizeof *doc->blocks);
	struct block *b = &doc->blocks[doc->count++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = text ? cchc_xstrdup(text) : NULL;
	return b;
}

static void add_line(struct doc *doc, enum block_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add_line(struct doc *doc, enum block_kind kind, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	add(doc, kind, buf);
}

static void row(struct table *t, const char *const *cells, bool emphasis)
{
	size_t need = (t->rows + 1) * t->columns;
	size_t cap = t->cap;
	t->cells = cchc_xgrow(t->cells, &t->cap, need, sizeof *t->cells);
	t->emphasis = cchc_xgrow(t->emphasis, &cap, need, 1);
	for (size_t c = 0; c < t->columns; c++) {
		t->cells[t->rows * t->columns + c] = cchc_xstrdup(cells[c] ? cells[c] : "");
	}
	t->emphasis[t->rows++] = emphasis;
}

static void columns(struct table *t, const struct column *cols, size_t n)
{
	t->columns = n;
	memcpy(t->column, cols, n * sizeof *cols);
}

/* ---- what each task row says --------------------------------------------- */

static void leads(const struct cchc_task *t, struct cchc_strbuf *out)
{
	for (size_t i = 0; i < t->lead.count; i++) {
		cchc_strbuf_printf(out, "%s%s", i ? "; " : "", t->lead.items[i]);
	}
}

static void due_text(const struct cchc_task *t, struct cchc_strbuf *out)
{
	cchc_day due = cchc_task_next_due(t);
	due = due != CCHC_NO_DAY ? due : cchc_task_last_due(t);
	if (due != CCHC_NO_DAY) {
		int y, m, d;
		cchc_date_to_ymd(due, &y, &m, &d);
		cchc_strbuf_printf(out, "%02d/%02d/%04d", d, m, y);
	} else {
		cchc_strbuf_puts(out, t->extension_text ? t->extension_text : t->deadline_text);
	}
}

static void state_text(const struct cchc_task *t, cchc_day today, struct cchc_strbuf *out)
{
	int days = 0;
	enum cchc_task_state state = cchc_task_state(t, today, &days);
	cchc_strbuf_puts(out, _(cchc_task_state_label(state)));
	if (days > 0) {
		cchc_strbuf_printf(out, ngettext_(" (%d day)", " (%d days)", days), days);
	}
}

static void task_row(struct table *table, const struct cchc_plan *plan, size_t i, cchc_day today)
{
	const struct cchc_task *t = &plan->tasks[i];
	struct cchc_strbuf lead = {0}, due = {0}, state = {0};
	bool group = !counted(plan, i);
	if (!group) {
		leads(t, &lead);
		due_text(t, &due);
		state_text(t, today, &state);
	}
	const char *cells[] = {t->ref, t->title, cchc_strbuf_str(&lead), cchc_strbuf_str(&due),
			       cchc_strbuf_str(&state)};
	row(table, cells, group);
	cchc_strbuf_finish(&lead);
	cchc_strbuf_finish(&due);
	cchc_strbuf_finish(&state);
}

/* ---- the parts ---------------------------------------------------------- */

static void header(struct doc *doc, const struct cchc_plan *plan,
		   const struct cchc_report_options *o)
{
	add(doc, BLOCK_TITLE, plan->title);
	if (o->section >= 0) {
		const struct cchc_section *s = &plan->sections[o->section];
		add_line(doc, BLOCK_LINE, _("Section %s. %s"), s->code, s->title);
	} else {
		add(doc, BLOCK_LINE, _("The whole plan"));
	}
	int y, m, d;
	cchc_date_to_ymd(o->today, &y, &m, &d);
	add_line(doc, BLOCK_LINE, _("As of %02d/%02d/%04d"), d, m, y);
}

static void summary(struct doc *doc, const struct cchc_plan *plan,
		    const struct cchc_report_options *o)
{
	struct cchc_report_counts c;
	cchc_report_count(plan, o->section, o->today, &c);
	add(doc, BLOCK_HEADING, _("Summary"));
	add_line(doc, BLOCK_LINE, _("%d/%d tasks done (%d%%)"), c.done,
		 c.total - c.states[CCHC_STATE_CANCELLED], c.percent);
	add_line(doc, BLOCK_LINE, _("Done on time: %d; done late: %d"),
		 c.states[CCHC_STATE_DONE_ON_TIME], c.states[CCHC_STATE_DONE_LATE]);
	add_line(doc, BLOCK_LINE, _("In progress on time: %d; overdue: %d"),
		 c.states[CCHC_STATE_ON_TRACK], c.states[CCHC_STATE_OVERDUE]);
	add_line(doc, BLOCK_LINE, _("No deadline: %d; cancelled: %d; tasks in all: %d"),
		 c.states[CCHC_STATE_NO_DEADLINE], c.states[CCHC_STATE_CANCELLED], c.total);
}

static const struct column task_columns[] = {
	{N_("No."), 6, 9, false, false},
	{N_("Task"), 12, 30, true, false},
	{N_("Lead"), 10, 16, false, false},
	{N_("Deadline"), 10, 11, false, false},
	{N_("State"), 10, 15, false, false},
};

static void translate_headers(struct table *t)
{
	for (size_t c = 0; c < t->columns; c++) {
		t->column[c].header = _(t->column[c].header);
	}
}

static void task_tables(struct doc *doc, const struct cchc_plan *plan,
			const struct cchc_report_options *o)
{
	add(doc, BLOCK_HEADING, _("Tasks"));
	for (size_t s = 0; s < plan->section_count; s++) {
		if (o->section >= 0 && (long)s != o->section) {
			continue;
		}
		const struct cchc_section *sec = &plan->sections[s];
		if (o->section < 0) {
			add_line(doc, BLOCK_LINE, "%s. %s", sec->code, sec->title);
		}
		struct block *b = add(doc, BLOCK_TABLE, NULL);
		columns(&b->table, task_columns, 5);
		translate_headers(&b->table);
		for (size_t i = sec->first_task; i < sec->first_task + sec->task_count; i++) {
			task_row(&b->table, plan, i, o->today);
		}
	}
}

static const struct column overdue_columns[] = {
	{N_("No."), 6, 9, false, false},
	{N_("Task"), 12, 30, true, false},
	{N_("Lead"), 10, 16, false, false},
	{N_("Due"), 10, 11, false, false},
	{N_("Days overdue"), 7, 12, false, true},
};

static void overdue(struct doc *doc, const struct cchc_plan *plan,
		    const struct cchc_report_options *o)
{
	add(doc, BLOCK_HEADING, _("Overdue tasks"));
	struct block *b = add(doc, BLOCK_TABLE, NULL);
	columns(&b->table, overdue_columns, 5);
	translate_headers(&b->table);
	for (size_t i = 0; i < plan->task_count; i++) {
		int days = 0;
		const struct cchc_task *t = &plan->tasks[i];
		if (!in_scope(plan, o->section, i) || !counted(plan, i) ||
		    cchc_task_state(t, o->today, &days) != CCHC_STATE_OVERDUE) {
			continue;
		}
		struct cchc_strbuf lead = {0}, due = {0};
		leads(t, &lead);
		due_text(t, &due);
		char n[16];
		snprintf(n, sizeof n, "%d", days);
		const char *cells[] = {t->ref, t->title, cchc_strbuf_str(&lead), cchc_strbuf_str(&due), n};
		row(&b->table, cells, false);
		cchc_strbuf_finish(&lead);
		cchc_strbuf_finish(&due);
	}
	if (b->table.rows == 0) {
		b->kind = BLOCK_LINE;
		b->text = cchc_xstrdup(_("No task is overdue."));
	}
}

/* ---- agencies ------------------------------------------------------------- */

struct share {
	char *name;
	char *key; /* for the order */
	int leads, done, overdue;
};

static int by_key(const void *a, const void *b)
{
	const struct share *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->name, y->name);
}

static struct share *share_of(struct share **list, size_t *count, size_t *cap, const char *name)
{
	for (size_t i = 0; i < *count; i++) {
		if (strcmp((*list)[i].name, name) == 0) {
			return &(*list)[i];
		}
	}
	*list = cchc_xgrow(*list, cap, *count + 1, sizeof **list);
	struct share *s = &(*list)[(*count)++];
	*s = (struct share){cchc_xstrdup(name), cchc_text_collation_key(name), 0, 0, 0};
	return s;
}

static const struct column agency_columns[] = {
	{N_("Lead agency"), 16, 40, true, false},
	{N_("Tasks"), 5, 7, false, true},
	{N_("Done"), 5, 7, false, true},
	{N_("Overdue"), 5, 9, false, true},
};

static void agencies(struct doc *doc, const struct cchc_plan *plan,
		     const struct cchc_report_options *o)
{
	struct share *list = NULL;
	size_t count = 0, cap = 0;
	for (size_t i = 0; i < plan->task_count; i++) {
		const struct cchc_task *t = &plan->tasks[i];
		if (!in_scope(plan, o->section, i) || !counted(plan, i)) {
			continue;
		}
		int days;
		enum cchc_task_state state = cchc_task_state(t, o->today, &days);
		for (size_t k = 0; k < t->lead.count; k++) {
			struct share *s = share_of(&list, &count, &cap, t->lead.items[k]);
			s->leads++;
			s->done += state == CCHC_STATE_DONE_ON_TIME || state == CCHC_STATE_DONE_LATE;
			s->overdue += state == CCHC_STATE_OVERDUE;
		}
	}
	if (count) { /* qsort wants an array, even of none */
		qsort(list, count, sizeof *list, by_key);
	}
	add(doc, BLOCK_HEADING, _("By lead agency"));
	struct block *b = add(doc, BLOCK_TABLE, NULL);
	columns(&b->table, agency_columns, 4);
	translate_headers(&b->table);
	for (size_t i = 0; i < count; i++) {
		char n[3][16];
		snprintf(n[0], 16, "%d", list[i].leads);
		snprintf(n[1], 16, "%d", list[i].done);
		snprintf(n[2], 16, "%d", list[i].overdue);
		const char *cells[] = {list[i].name, n[0], n[1], n[2]};
		row(&b->table, cells, false);
		free(list[i].name);
		free(list[i].key);
	}
	free(list);
}

/* ---- the minutes: changes since a time ------------------------------------ */

struct change_row {
	const struct cchc_history_entry *entry;
	const char *ref;
};

static int by_time(const void *a, const void *b)
{
	const struct change_row *x = a, *y = b;
	int c = strcmp(x->entry->at, y->entry->at);
	return c ? c : strcmp(x->ref, y->ref);
}

static const struct column change_columns[] = {
	{N_("Time"), 16, 16, false, false},
	{N_("No."), 6, 9, false, false},
	{N_("Change"), 16, 30, true, false},
	{N_("By"), 6, 8, false, false},
	{N_("Reason"), 8, 24, false, false},
};

static void changes(struct doc *doc, const struct cchc_plan *plan,
		    const struct cchc_report_options *o)
{
	struct change_row *rows = NULL;
	size_t count = 0, cap = 0;
	for (size_t i = 0; i < plan->task_count; i++) {
		const struct cchc_task *t = &plan->tasks[i];
		for (size_t k = 0; k < t->history_count && in_scope(plan, o->section, i); k++) {
			if (strcmp(t->history[k].at, o->changes_since) >= 0) {
				rows = cchc_xgrow(rows, &cap, count + 1, sizeof *rows);
				rows[count++] = (struct change_row){&t->history[k], t->ref};
			}
		}
	}
	if (count) {
		qsort(rows, count, sizeof *rows, by_time);
	}
	struct cchc_strbuf since = {0};
	cchc_time_describe(o->changes_since, &since);
	add_line(doc, BLOCK_HEADING, _("Changes since %s"), since.data);
	cchc_strbuf_finish(&since);
	struct block *b = add(doc, BLOCK_TABLE, NULL);
	columns(&b->table, change_columns, 5);
	translate_headers(&b->table);
	for (size_t i = 0; i < count; i++) {
		struct cchc_strbuf when = {0}, what = {0};
		cchc_history_describe(rows[i].entry, &when, &what);
		const char *cells[] = {when.data, rows[i].ref, what.data, rows[i].entry->who,
				       rows[i].entry->reason};
		row(&b->table, cells, false);
		cchc_strbuf_finish(&when);
		cchc_strbuf_finish(&what);
	}
	if (count == 0) {
		b->kind = BLOCK_LINE;
		b->text = cchc_xstrdup(_("No change was made in that time."));
	}
	free(rows);
}

void doc_build(struct doc *doc, const struct cchc_plan *plan,
	       const struct cchc_report_options *options)
{
	memset(doc, 0, sizeof *doc);
	header(doc, plan, options);
	if (options->changes_since) {
		changes(doc, plan, options);
		return;
	}
	summary(doc, plan, options);
	task_tables(doc, plan, options);
	overdue(doc, plan, options);
	agencies(doc, plan, options);
}

void doc_finish(struct doc *doc)
{
	for (size_t i = 0; i < doc->count; i++) {
		struct table *t = &doc->blocks[i].table;
		for (size_t k = 0; k < t->rows * t->columns; k++) {
			free(t->cells[k]);
		}
		free(t->cells);
		free(t->emphasis);
		free(doc->blocks[i].text);
	}
	free(doc->blocks);
	memset(doc, 0, sizeof *doc);
}

void doc_widths(const struct table *t, int width, int *out)
{
	int total = (int)t->columns - 1; /* one space between columns */
	int flex = -1;
	for (size_t c = 0; c < t->columns; c++) {
		out[c] = t->column[c].preferred;
		total += out[c];
		flex = t->column[c].flex ? (int)c : flex;
	}
	if (flex >= 0) {
		int grow = width - total;
		out[flex] += grow;
		total = width;
		if (out[flex] < t->column[flex].min) {
			total += t->column[flex].min - out[flex];
			out[flex] = t->column[flex].min;
		}
	}
	/* Still too wide: narrow the others towards their minimum ... */
	for (size_t c = 0; c < t->columns && total > width; c++) {
		int cut = out[c] - t->column[c].min;
		cut = cut < total - width ? cut : total - width;
		cut = cut > 0 ? cut : 0;
		out[c] -= cut;
		total -= cut;
	}
	/* ... then, on a very narrow page, take from the widest column first,
	 * so every column keeps a readable share (never under three). */
	while (total > width) {
		size_t widest = 0;
		for (size_t c = 1; c < t->columns; c++) {
			widest = out[c] > out[widest] ? c : widest;
		}
		if (out[widest] <= 3) {
			break;
		}
		out[widest]--;
		total--;
	}
}
