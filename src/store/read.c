// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cchc/i18n.h"
#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"
#include "internal.h"

/* ---- loading a plan -------------------------------------------------- */

static enum cchc_status load_header(struct cchc_store *s, struct cchc_plan *plan,
				    int64_t *plan_id, struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, "SELECT id, title, year, decision FROM plan ORDER BY id DESC LIMIT 1",
				   err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	enum cchc_status status = CCHC_OK;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*plan_id = sqlite3_column_int64(st, 0);
		free(plan->title);
		plan->title = column_str(st, 1);
		plan->year = sqlite3_column_int(st, 2);
		plan->decision = column_str_or_null(st, 3);
	} else if (rc == SQLITE_DONE) {
		status = cchc_error_set(err, CCHC_ERR_NOT_FOUND, _("the database %s holds no plan yet; import one with “cchc import FILE”"),
					s->path);
	} else {
		status = db_error(s, err);
	}
	sqlite3_finalize(st);
	return status;
}

static enum cchc_status load_sections(struct cchc_store *s, struct cchc_plan *plan,
				      int64_t plan_id, struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, "SELECT code, title FROM section WHERE plan_id = ?1 ORDER BY position",
				   err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, plan_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cchc_plan_add_section(plan, (const char *)sqlite3_column_text(st, 0),
				      (const char *)sqlite3_column_text(st, 1));
	}
	enum cchc_status status = rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
	sqlite3_finalize(st);
	return status;
}

static const char sql_tasks[] =
	"SELECT t.id, s.position, t.parent_id, " TASK_COLUMNS
	"FROM task t JOIN section s ON s.id = t.section_id WHERE s.plan_id = ?1 ORDER BY t.seq";

static size_t index_of_id(const int64_t *ids, size_t count, int64_t id)
{
	for (size_t i = count; i-- > 0;) {
		if (ids[i] == id) {
			return i;
		}
	}
	return CCHC_NO_PARENT;
}

static void read_task(sqlite3_stmt *st, struct cchc_task *t, const int64_t *ids, size_t index)
{
	t->parent = sqlite3_column_type(st, 2) == SQLITE_NULL
			    ? CCHC_NO_PARENT
			    : index_of_id(ids, index, sqlite3_column_int64(st, 2));
	read_task_columns(st, 3, t);
}

static enum cchc_status load_tasks(struct cchc_store *s, struct cchc_plan *plan, int64_t plan_id,
				   int64_t **ids_out, struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, sql_tasks, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, plan_id);
	int64_t *ids = NULL;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t section = (size_t)sqlite3_column_int(st, 1);
		size_t index = plan->task_count;
		ids = cchc_xgrow(ids, &cap, index + 1, sizeof *ids);
		ids[index] = sqlite3_column_int64(st, 0);
		/* Tasks come in document order, so each belongs to the last
		 * section opened so far. */
		size_t saved = plan->section_count;
		plan->section_count = section + 1;
		read_task(st, cchc_plan_add_task(plan), ids, index);
		plan->section_count = saved;
	}
	*ids_out = ids;
	size_t first = 0;
	for (size_t i = 0; i < plan->section_count; i++) {
		plan->sections[i].first_task = first;
		first += plan->sections[i].task_count;
	}
	enum cchc_status status = rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
	sqlite3_finalize(st);
	return status;
}

static const char sql_milestones[] =
	"SELECT m.task_id, m.label, m.kind, m.start_date, m.due_date, m.reached "
	"FROM milestone m JOIN task t ON t.id = m.task_id JOIN section s ON s.id = t.section_id "
	"WHERE s.plan_id = ?1 ORDER BY t.seq, m.position";
static const char sql_links[] =
	"SELECT ta.task_id, a.name, ta.role "
	"FROM task_agency ta JOIN agency a ON a.id = ta.agency_id JOIN task t ON t.id = ta.task_id "
	"JOIN section s ON s.id = t.section_id "
	"WHERE s.plan_id = ?1 ORDER BY t.seq, ta.role DESC, ta.position";

static const char sql_history[] =
	"SELECT h.task_id, h.at, h.who, h.field, h.old_value, h.new_value, h.reason "
	"FROM history h JOIN task t ON t.id = h.task_id JOIN section s ON s.id = t.section_id "
	"WHERE s.plan_id = ?1 ORDER BY t.seq, h.id";

/* Walks rows ordered like the tasks, advancing a cursor over ids. */
static size_t advance(const int64_t *ids, size_t count, size_t cursor, int64_t id)
{
	while (cursor < count && ids[cursor] != id) {
		cursor++;
	}
	return cursor;
}

static void read_milestone(sqlite3_stmt *st, struct cchc_task *t)
{
	enum cchc_milestone_kind kind = CCHC_KIND_EXTERNAL;
	cchc_milestone_kind_from_key((const char *)sqlite3_column_text(st, 2), &kind);
	const char *label = (const char *)sqlite3_column_text(st, 1);
	cchc_milestones_add(&t->milestones, label ? label : "", kind, column_day(st, 3),
			    column_day(st, 4));
	t->milestones.items[t->milestones.count - 1].reached = sqlite3_column_int(st, 5) != 0;
}

static void read_link(sqlite3_stmt *st, struct cchc_task *t)
{
	const char *name = (const char *)sqlite3_column_text(st, 1);
	const char *role = (const char *)sqlite3_column_text(st, 2);
	cchc_names_add(strcmp(role, "lead") == 0 ? &t->lead : &t->coordinating, name);
}

static void read_history(sqlite3_stmt *st, struct cchc_task *t)
{
	t->history = cchc_xrealloc(t->history, (t->history_count + 1) * sizeof *t->history);
	column_history(st, 1, &t->history[t->history_count++]);
}

static enum cchc_status load_children(struct cchc_store *s, struct cchc_plan *plan,
				      int64_t plan_id, const int64_t *ids, const char *sql,
				      void (*read)(sqlite3_stmt *, struct cchc_task *),
				      struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, sql, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, plan_id);
	size_t cursor = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cursor = advance(ids, plan->task_count, cursor, sqlite3_column_int64(st, 0));
		if (cursor < plan->task_count) {
			read(st, &plan->tasks[cursor]);
		}
	}
	enum cchc_status status = rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
	sqlite3_finalize(st);
	return status;
}

enum cchc_status cchc_store_load_plan(struct cchc_store *store, struct cchc_plan **out,
				      struct cchc_error *err)
{
	*out = NULL;
	struct cchc_plan *plan = cchc_plan_create();
	int64_t plan_id = 0;
	int64_t *ids = NULL;
	enum cchc_status status = exec_simple(store, "BEGIN", err);
	if (status == CCHC_OK) {
		status = load_header(store, plan, &plan_id, err);
	}
	if (status == CCHC_OK) {
		status = load_sections(store, plan, plan_id, err);
	}
	if (status == CCHC_OK) {
		status = load_tasks(store, plan, plan_id, &ids, err);
	}
	if (status == CCHC_OK) {
		status = load_children(store, plan, plan_id, ids, sql_milestones, read_milestone, err);
	}
	if (status == CCHC_OK) {
		status = load_children(store, plan, plan_id, ids, sql_links, read_link, err);
	}
	if (status == CCHC_OK) {
		status = load_children(store, plan, plan_id, ids, sql_history, read_history, err);
	}
	exec_simple(store, "COMMIT", NULL);
	free(ids);
	if (status != CCHC_OK) {
		cchc_plan_destroy(plan);
		return status;
	}
	*out = plan;
	return CCHC_OK;
}
