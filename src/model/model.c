// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cchc/model.h"
#include "cchc/xalloc.h"

static const char *const status_keys[] = {
#define KEY(name, key, label) [name] = key,
	CCHC_TASK_STATUS_LIST(KEY)
#undef KEY
};
static const char *const status_labels[] = {
#define LABEL(name, key, label) [name] = label,
	CCHC_TASK_STATUS_LIST(LABEL)
#undef LABEL
};
static const char *const state_keys[] = {
#define KEY(name, key, label) [name] = key,
	CCHC_TASK_STATE_LIST(KEY)
#undef KEY
};
static const char *const state_labels[] = {
#define LABEL(name, key, label) [name] = label,
	CCHC_TASK_STATE_LIST(LABEL)
#undef LABEL
};
static const char *const kind_keys[] = {
#define KEY(name, key) [name] = key,
	CCHC_MILESTONE_KIND_LIST(KEY)
#undef KEY
};

const char *cchc_task_status_key(enum cchc_task_status status)
{
	return status_keys[status];
}

const char *cchc_task_status_label(enum cchc_task_status status)
{
	return status_labels[status];
}

const char *cchc_task_state_key(enum cchc_task_state state)
{
	return state_keys[state];
}

const char *cchc_task_state_label(enum cchc_task_state state)
{
	return state_labels[state];
}

const char *cchc_milestone_kind_key(enum cchc_milestone_kind kind)
{
	return kind_keys[kind];
}

static int find_key(const char *const *keys, int count, const char *key)
{
	for (int i = 0; i < count; i++) {
		if (strcmp(keys[i], key) == 0) {
			return i;
		}
	}
	return -1;
}

bool cchc_task_status_from_key(const char *key, enum cchc_task_status *out)
{
	int i = find_key(status_keys, CCHC_TASK_STATUS_COUNT, key);
	if (i >= 0) {
		*out = (enum cchc_task_status)i;
	}
	return i >= 0;
}

bool cchc_milestone_kind_from_key(const char *key, enum cchc_milestone_kind *out)
{
	int i = find_key(kind_keys, CCHC_KIND_COUNT, key);
	if (i >= 0) {
		*out = (enum cchc_milestone_kind)i;
	}
	return i >= 0;
}

struct cchc_plan *cchc_plan_create(void)
{
	struct cchc_plan *plan = cchc_xcalloc(1, sizeof *plan);
	plan->title = cchc_xstrdup("");
	return plan;
}

void cchc_task_finish(struct cchc_task *t)
{
	free(t->ref);
	free(t->number);
	free(t->title);
	free(t->result);
	free(t->deadline_text);
	free(t->assignment_text);
	cchc_milestones_finish(&t->milestones);
	cchc_names_finish(&t->lead);
	cchc_names_finish(&t->coordinating);
	free(t->note);
	free(t->evidence_number);
	free(t->evidence_issuer);
	free(t->extension_text);
	free(t->extension_document);
	cchc_history_free(t->history, t->history_count);
}

void cchc_history_free(struct cchc_history_entry *entries, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(entries[i].at);
		free(entries[i].who);
		free(entries[i].field);
		free(entries[i].old_value);
		free(entries[i].new_value);
		free(entries[i].reason);
	}
	free(entries);
}

void cchc_plan_destroy(struct cchc_plan *plan)
{
	if (!plan) {
		return;
	}
	for (size_t i = 0; i < plan->task_count; i++) {
		cchc_task_finish(&plan->tasks[i]);
	}
	for (size_t i = 0; i < plan->section_count; i++) {
		free(plan->sections[i].code);
		free(plan->sections[i].title);
	}
	free(plan->tasks);
	free(plan->sections);
	free(plan->title);
	free(plan->decision);
	free(plan);
}

struct cchc_section *cchc_plan_add_section(struct cchc_plan *plan, const char *code,
					   const char *title)
{
	plan->sections = cchc_xgrow(plan->sections, &plan->section_cap,
				    plan->section_count + 1, sizeof *plan->sections);
	struct cchc_section *s = &plan->sections[plan->section_count++];
	s->code = cchc_xstrdup(code);
	s->title = cchc_xstrdup(title);
	s->first_task = plan->task_count;
	s->task_count = 0;
	return s;
}

struct cchc_task *cchc_plan_add_task(struct cchc_plan *plan)
{
	plan->tasks = cchc_xgrow(plan->tasks, &plan->task_cap, plan->task_count + 1,
				 sizeof *plan->tasks);
	struct cchc_task *t = &plan->tasks[plan->task_count++];
	memset(t, 0, sizeof *t);
	t->ref = cchc_xstrdup("");
	t->number = cchc_xstrdup("");
	t->title = cchc_xstrdup("");
	t->result = cchc_xstrdup("");
	t->deadline_text = cchc_xstrdup("");
	t->assignment_text = cchc_xstrdup("");
	t->note = cchc_xstrdup("");
	t->completed_on = CCHC_NO_DAY;
	t->evidence_date = CCHC_NO_DAY;
	t->parent = CCHC_NO_PARENT;
	if (plan->section_count > 0) {
		plan->sections[plan->section_count - 1].task_count++;
	}
	return t;
}

size_t cchc_plan_find_task(const struct cchc_plan *plan, const char *ref)
{
	for (size_t i = 0; i < plan->task_count; i++) {
		if (strcmp(plan->tasks[i].ref, ref) == 0) {
			return i;
		}
	}
	return CCHC_NO_PARENT;
}

void cchc_milestones_add(struct cchc_milestones *list, const char *label,
			 enum cchc_milestone_kind kind, cchc_day start, cchc_day due)
{
	list->items = cchc_xgrow(list->items, &list->cap, list->count + 1, sizeof *list->items);
	struct cchc_milestone *m = &list->items[list->count++];
	m->label = cchc_xstrdup(label);
	m->kind = kind;
	m->start = start;
	m->due = due;
	m->reached = false;
}

void cchc_milestones_finish(struct cchc_milestones *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].label);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}

bool cchc_names_contains(const struct cchc_names *names, const char *name)
{
	for (size_t i = 0; i < names->count; i++) {
		if (strcmp(names->items[i], name) == 0) {
			return true;
		}
	}
	return false;
}

void cchc_names_add(struct cchc_names *names, const char *name)
{
	if (cchc_names_contains(names, name)) {
		return;
	}
	names->items = cchc_xgrow(names->items, &names->cap, names->count + 1,
				  sizeof *names->items);
	names->items[names->count++] = cchc_xstrdup(name);
}

void cchc_names_finish(struct cchc_names *names)
{
	for (size_t i = 0; i < names->count; i++) {
		free(names->items[i]);
	}
	free(names->items);
	memset(names, 0, sizeof *names);
}

cchc_day cchc_task_last_due(const struct cchc_task *task)
{
	cchc_day last = CCHC_NO_DAY;
	for (size_t i = 0; i < task->milestones.count; i++) {
		cchc_day due = task->milestones.items[i].due;
		if (due != CCHC_NO_DAY && (last == CCHC_NO_DAY || due > last)) {
			last = due;
		}
	}
	return last;
}

cchc_day cchc_task_next_due(const struct cchc_task *task)
{
	cchc_day next = CCHC_NO_DAY;
	for (size_t i = 0; i < task->milestones.count; i++) {
		const struct cchc_milestone *m = &task->milestones.items[i];
		if (!m->reached && m->due != CCHC_NO_DAY && (next == CCHC_NO_DAY || m->due < next)) {
			next = m->due;
		}
	}
	return next;
}

enum cchc_task_state cchc_state_of(enum cchc_task_status status, cchc_day completed_on,
				   cchc_day next_due, cchc_day last_due, cchc_day today,
				   int *days_overdue)
{
	*days_overdue = 0;
	if (status == CCHC_TASK_CANCELLED) {
		return CCHC_STATE_CANCELLED;
	}
	if (status == CCHC_TASK_DONE) {
		bool late = last_due != CCHC_NO_DAY && completed_on != CCHC_NO_DAY &&
			    completed_on > last_due;
		return late ? CCHC_STATE_DONE_LATE : CCHC_STATE_DONE_ON_TIME;
	}
	if (last_due == CCHC_NO_DAY) {
		return CCHC_STATE_NO_DEADLINE;
	}
	if (next_due != CCHC_NO_DAY && next_due < today) {
		*days_overdue = today - next_due;
		return CCHC_STATE_OVERDUE;
	}
	return CCHC_STATE_ON_TRACK;
}

enum cchc_task_state cchc_task_state(const struct cchc_task *task, cchc_day today,
				     int *days_overdue)
{
	return cchc_state_of(task->status, task->completed_on, cchc_task_next_due(task),
			     cchc_task_last_due(task), today, days_overdue);
}
