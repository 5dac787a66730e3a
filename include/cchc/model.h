/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_MODEL_H
#define CCHC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cchc/date.h"

#ifndef N_
#define N_(s) (s)
#endif

#define CCHC_TASK_STATUS_LIST(X)                                  \
	X(CCHC_TASK_NOT_STARTED, "not_started", N_("Not started"))    \
	X(CCHC_TASK_IN_PROGRESS, "in_progress", N_("In progress"))    \
	X(CCHC_TASK_DONE, "done", N_("Done"))                         \
	X(CCHC_TASK_CANCELLED, "cancelled", N_("Cancelled"))

/* What the officer records about a task (SPEC §4). */
enum cchc_task_status {
#define CCHC_TASK_STATUS_ENUM(name, key, label) name,
	CCHC_TASK_STATUS_LIST(CCHC_TASK_STATUS_ENUM)
#undef CCHC_TASK_STATUS_ENUM
	CCHC_TASK_STATUS_COUNT
};

#define CCHC_TASK_STATE_LIST(X)                                              \
	X(CCHC_STATE_DONE_ON_TIME, "done_on_time", N_("Done on time"))           \
	X(CCHC_STATE_DONE_LATE, "done_late", N_("Done late"))                    \
	X(CCHC_STATE_ON_TRACK, "on_track", N_("On track"))                       \
	X(CCHC_STATE_OVERDUE, "overdue", N_("Overdue"))                          \
	X(CCHC_STATE_NO_DEADLINE, "no_deadline", N_("No deadline"))              \
	X(CCHC_STATE_CANCELLED, "cancelled", N_("Cancelled"))

/* What follows from the status, the milestones and today. */
enum cchc_task_state {
#define CCHC_TASK_STATE_ENUM(name, key, label) name,
	CCHC_TASK_STATE_LIST(CCHC_TASK_STATE_ENUM)
#undef CCHC_TASK_STATE_ENUM
	CCHC_TASK_STATE_COUNT
};

#define CCHC_MILESTONE_KIND_LIST(X)          \
	X(CCHC_KIND_DATE, "date")            \
	X(CCHC_KIND_RANGE, "range")          \
	X(CCHC_KIND_ONGOING, "ongoing")      \
	X(CCHC_KIND_EXTERNAL, "external")

enum cchc_milestone_kind {
#define CCHC_KIND_ENUM(name, key) name,
	CCHC_MILESTONE_KIND_LIST(CCHC_KIND_ENUM)
#undef CCHC_KIND_ENUM
	CCHC_KIND_COUNT
};

struct cchc_milestone {
	char *label;
	enum cchc_milestone_kind kind;
	cchc_day start; /* CCHC_NO_DAY when none */
	cchc_day due;   /* CCHC_NO_DAY when none */
	bool reached;
};

struct cchc_milestones {
	struct cchc_milestone *items;
	size_t count;
	size_t cap;
};

struct cchc_names {
	char **items;
	size_t count;
	size_t cap;
};

/* One recorded change of a task. */
struct cchc_history_entry {
	char *at; /* ISO 8601 with offset */
	char *who;
	char *field;
	char *old_value;
	char *new_value;
	char *reason;
};

struct cchc_task {
	char *ref;    /* "II.2.2.a" */
	char *number; /* "a" for a bullet item, "2.2" for a numbered one */
	char *title;
	char *result;
	char *deadline_text;
	char *assignment_text;
	struct cchc_milestones milestones;
	struct cchc_names lead;
	struct cchc_names coordinating;
	enum cchc_task_status status;
	cchc_day completed_on;
	int progress;
	char *note;
	char *evidence_number;
	cchc_day evidence_date;
	char *evidence_issuer;
	char *extension_text;     /* a granted extension's deadline, or NULL */
	char *extension_document; /* the document that granted it, or NULL */
	int64_t version;          /* bumped by every change, to spot conflicts */
	struct cchc_history_entry *history;
	size_t history_count;
	size_t parent; /* index in the plan's task array, or CCHC_NO_PARENT */
	int depth;     /* 0 for a task directly under its section */
	long source_line;
};

#define CCHC_NO_PARENT ((size_t)-1)

struct cchc_section {
	char *code; /* Roman numeral "I" … "VII" */
	char *title;
	size_t first_task; /* tasks of a section are contiguous */
	size_t task_count;
};

/* A plan with its tasks in document (tree pre-)order. */
struct cchc_plan {
	char *title;
	int year;
	char *decision;
	struct cchc_section *sections;
	size_t section_count;
	size_t section_cap;
	struct cchc_task *tasks;
	size_t task_count;
	size_t task_cap;
};

struct cchc_plan *cchc_plan_create(void);
void cchc_plan_destroy(struct cchc_plan *plan);

/* Appends a section and returns it (owned by the plan). */
struct cchc_section *cchc_plan_add_section(struct cchc_plan *plan, const char *code,
					   const char *title);

/* Appends an empty task to the last section and returns it; pointers to
 * tasks are invalidated by the next call. */
struct cchc_task *cchc_plan_add_task(struct cchc_plan *plan);

void cchc_history_free(struct cchc_history_entry *entries, size_t count);

/* Frees what a task owns (its struct stays). */
void cchc_task_finish(struct cchc_task *task);

/* Index of the task with ref, or CCHC_NO_PARENT. */
size_t cchc_plan_find_task(const struct cchc_plan *plan, const char *ref);

void cchc_milestones_add(struct cchc_milestones *list, const char *label,
			 enum cchc_milestone_kind kind, cchc_day start, cchc_day due);
void cchc_milestones_finish(struct cchc_milestones *list);

/* Adds name unless already present. */
void cchc_names_add(struct cchc_names *names, const char *name);
bool cchc_names_contains(const struct cchc_names *names, const char *name);
void cchc_names_finish(struct cchc_names *names);

/* Latest due date of any milestone, or CCHC_NO_DAY. */
cchc_day cchc_task_last_due(const struct cchc_task *task);

/* Earliest due date among the milestones not yet reached, or CCHC_NO_DAY:
 * the task is overdue once today passes it. */
cchc_day cchc_task_next_due(const struct cchc_task *task);

/* The state rule of SPEC §4 on a task's summary: its status, completion
 * day, next unreached due date and last due date. */
enum cchc_task_state cchc_state_of(enum cchc_task_status status, cchc_day completed_on,
				   cchc_day next_due, cchc_day last_due, cchc_day today,
				   int *days_overdue);

/* Derives the state of a task on `today`; *days_overdue gets the days since
 * the earliest missed due date (0 unless overdue). */
enum cchc_task_state cchc_task_state(const struct cchc_task *task, cchc_day today,
				     int *days_overdue);

/* Stable keys used in the database and the exports. */
const char *cchc_task_status_key(enum cchc_task_status status);
const char *cchc_task_state_key(enum cchc_task_state state);
const char *cchc_milestone_kind_key(enum cchc_milestone_kind kind);
/* Parses a stable key; false when unknown. */
bool cchc_task_status_from_key(const char *key, enum cchc_task_status *out);
bool cchc_milestone_kind_from_key(const char *key, enum cchc_milestone_kind *out);

/* Untranslated English label (a msgid). */
const char *cchc_task_status_label(enum cchc_task_status status);
const char *cchc_task_state_label(enum cchc_task_state state);

#endif
