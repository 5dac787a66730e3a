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

/* ---- saving a plan --------------------------------------------------- */

/* Statements reused for every row of an import. */
struct writer {
	struct cchc_store *s;
	struct cchc_error *err;
	sqlite3_stmt *section;
	sqlite3_stmt *task;
	sqlite3_stmt *milestone;
	sqlite3_stmt *agency_find;
	sqlite3_stmt *agency_add;
	sqlite3_stmt *alias_add;
	sqlite3_stmt *link;
	sqlite3_stmt *search;
	int64_t *task_ids;
	/* Agency ids by name, filled as names are met. */
	char **names;
	int64_t *name_ids;
	size_t name_count;
	size_t name_cap;
};

static const char sql_section[] =
	"INSERT INTO section (plan_id, position, code, title) VALUES (?1, ?2, ?3, ?4)";
static const char sql_task[] =
	"INSERT INTO task (section_id, parent_id, seq, depth, ref, number, title, result, "
	"deadline_text, assignment_text, source_line, due_next, due_last, counted) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
static const char sql_search[] = "INSERT INTO task_search (task_id, key) VALUES (?1, ?2)";
static const char sql_milestone[] =
	"INSERT INTO milestone (task_id, position, label, kind, start_date, due_date, reached) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char sql_agency_find[] = "SELECT id FROM agency WHERE name = ?1";
static const char sql_agency_add[] = "INSERT INTO agency (name, collective) VALUES (?1, ?2)";
static const char sql_alias_add[] =
	"INSERT OR IGNORE INTO agency_alias (alias, agency_id) VALUES (?1, ?2)";
static const char sql_link[] =
	"INSERT INTO task_agency (task_id, agency_id, role, position) "
	"VALUES (?1, ?2, ?3, ?4)";

static bool writer_init(struct writer *w, struct cchc_store *s, struct cchc_error *err)
{
	*w = (struct writer){.s = s, .err = err};
	w->section = prepare(s, sql_section, err);
	w->task = w->section ? prepare(s, sql_task, err) : NULL;
	w->milestone = w->task ? prepare(s, sql_milestone, err) : NULL;
	w->agency_find = w->milestone ? prepare(s, sql_agency_find, err) : NULL;
	w->agency_add = w->agency_find ? prepare(s, sql_agency_add, err) : NULL;
	w->alias_add = w->agency_add ? prepare(s, sql_alias_add, err) : NULL;
	w->link = w->alias_add ? prepare(s, sql_link, err) : NULL;
	w->search = w->link ? prepare(s, sql_search, err) : NULL;
	return w->search != NULL;
}

static void writer_finish(struct writer *w)
{
	sqlite3_finalize(w->section);
	sqlite3_finalize(w->task);
	sqlite3_finalize(w->milestone);
	sqlite3_finalize(w->agency_find);
	sqlite3_finalize(w->agency_add);
	sqlite3_finalize(w->alias_add);
	sqlite3_finalize(w->link);
	sqlite3_finalize(w->search);
	free(w->task_ids);
	for (size_t i = 0; i < w->name_count; i++) {
		free(w->names[i]);
	}
	free(w->names);
	free(w->name_ids);
}

static int64_t cached_agency(const struct writer *w, const char *name)
{
	/* The last few names repeat most: look there first. */
	for (size_t i = w->name_count; i-- > 0;) {
		if (w->names[i][0] == name[0] && strcmp(w->names[i], name) == 0) {
			return w->name_ids[i];
		}
	}
	return 0;
}

static void remember_agency(struct writer *w, const char *name, int64_t id)
{
	size_t cap = w->name_cap;
	w->names = cchc_xgrow(w->names, &cap, w->name_count + 1, sizeof *w->names);
	w->name_ids = cchc_xgrow(w->name_ids, &w->name_cap, w->name_count + 1, sizeof *w->name_ids);
	w->names[w->name_count] = cchc_xstrdup(name);
	w->name_ids[w->name_count++] = id;
}

/* Id of the agency called name, adding it when new. */
static int64_t agency_id(struct writer *w, const char *name, bool collective)
{
	int64_t id = cached_agency(w, name);
	if (id) {
		return id;
	}
	bind_text(w->agency_find, 1, name);
	if (sqlite3_step(w->agency_find) == SQLITE_ROW) {
		id = sqlite3_column_int64(w->agency_find, 0);
	}
	sqlite3_reset(w->agency_find);
	if (!id) {
		bind_text(w->agency_add, 1, name);
		sqlite3_bind_int(w->agency_add, 2, collective);
		if (step_done(w->s, w->agency_add, w->err) != CCHC_OK) {
			return 0;
		}
		id = last_id(w->s);
	}
	remember_agency(w, name, id);
	return id;
}

static enum cchc_status write_short_name(struct writer *w, int64_t id, const char *short_name)
{
	sqlite3_stmt *st = prepare(w->s, "UPDATE agency SET short_name = ?1 WHERE id = ?2", w->err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	bind_text(st, 1, short_name);
	sqlite3_bind_int64(st, 2, id);
	enum cchc_status status = step_done(w->s, st, w->err);
	sqlite3_finalize(st);
	return status;
}

static enum cchc_status write_catalogue(struct writer *w, const struct cchc_agency_catalogue *cat)
{
	for (size_t i = 0; cat && i < cchc_agency_catalogue_size(cat); i++) {
		const struct cchc_agency *a = cchc_agency_catalogue_get(cat, i);
		int64_t id = agency_id(w, a->name, a->collective);
		if (!id || write_short_name(w, id, a->short_name) != CCHC_OK) {
			return CCHC_ERR_DB;
		}
		for (size_t k = 0; k < a->aliases.count; k++) {
			bind_text(w->alias_add, 1, a->aliases.items[k]);
			sqlite3_bind_int64(w->alias_add, 2, id);
			if (step_done(w->s, w->alias_add, w->err) != CCHC_OK) {
				return CCHC_ERR_DB;
			}
		}
	}
	return CCHC_OK;
}

static enum cchc_status write_links(struct writer *w, int64_t task_id,
				    const struct cchc_names *names, const char *role)
{
	for (size_t i = 0; i < names->count; i++) {
		int64_t id = agency_id(w, names->items[i], false);
		if (!id) {
			return CCHC_ERR_DB;
		}
		sqlite3_bind_int64(w->link, 1, task_id);
		sqlite3_bind_int64(w->link, 2, id);
		bind_text(w->link, 3, role);
		sqlite3_bind_int64(w->link, 4, (int64_t)i);
		if (step_done(w->s, w->link, w->err) != CCHC_OK) {
			return CCHC_ERR_DB;
		}
	}
	return CCHC_OK;
}

static enum cchc_status write_milestones(struct writer *w, int64_t task_id,
					 const struct cchc_milestones *list)
{
	for (size_t i = 0; i < list->count; i++) {
		const struct cchc_milestone *m = &list->items[i];
		sqlite3_bind_int64(w->milestone, 1, task_id);
		sqlite3_bind_int64(w->milestone, 2, (int64_t)i);
		bind_text(w->milestone, 3, m->label);
		bind_text(w->milestone, 4, cchc_milestone_kind_key(m->kind));
		bind_day(w->milestone, 5, m->start);
		bind_day(w->milestone, 6, m->due);
		sqlite3_bind_int(w->milestone, 7, m->reached);
		if (step_done(w->s, w->milestone, w->err) != CCHC_OK) {
			return CCHC_ERR_DB;
		}
	}
	return CCHC_OK;
}

/* A heading that only gathers the tasks under it ("2.1 Thực hiện công bố,
 * công khai TTHC…" above 2.1–2.3) is not itself counted as a task. */
static bool counted(const struct cchc_plan *plan, size_t index)
{
	const struct cchc_task *t = &plan->tasks[index];
	bool has_children = index + 1 < plan->task_count && plan->tasks[index + 1].parent == index;
	return !(has_children && !*t->result && !*t->deadline_text && !*t->assignment_text);
}



static enum cchc_status write_search_key(struct cchc_store *s, sqlite3_stmt *st, int64_t id,
					 const struct cchc_task *t, struct cchc_error *err)
{
	char *key = search_text(t);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, key);
	enum cchc_status status = step_done(s, st, err);
	free(key);
	return status;
}

static enum cchc_status write_task(struct writer *w, const struct cchc_plan *plan, size_t index,
				   int64_t section_id)
{
	const struct cchc_task *t = &plan->tasks[index];
	sqlite3_stmt *st = w->task;
	sqlite3_bind_int64(st, 1, section_id);
	if (t->parent == CCHC_NO_PARENT) {
		sqlite3_bind_null(st, 2);
	} else {
		sqlite3_bind_int64(st, 2, w->task_ids[t->parent]);
	}
	sqlite3_bind_int64(st, 3, (int64_t)index);
	sqlite3_bind_int(st, 4, t->depth);
	bind_text(st, 5, t->ref);
	bind_text(st, 6, t->number);
	bind_text(st, 7, t->title);
	bind_text(st, 8, t->result);
	bind_text(st, 9, t->deadline_text);
	bind_text(st, 10, t->assignment_text);
	sqlite3_bind_int64(st, 11, t->source_line);
	bind_day(st, 12, cchc_task_next_due(t));
	bind_day(st, 13, cchc_task_last_due(t));
	sqlite3_bind_int(st, 14, counted(plan, index));
	if (step_done(w->s, st, w->err) != CCHC_OK) {
		return CCHC_ERR_DB;
	}
	int64_t id = w->task_ids[index] = last_id(w->s);
	enum cchc_status status = write_milestones(w, id, &t->milestones);
	if (status == CCHC_OK) {
		status = write_search_key(w->s, w->search, id, t, w->err);
	}
	if (status == CCHC_OK) {
		status = write_links(w, id, &t->lead, "lead");
	}
	if (status == CCHC_OK) {
		status = write_links(w, id, &t->coordinating, "coordinating");
	}
	return status;
}

static enum cchc_status write_section(struct writer *w, const struct cchc_plan *plan,
				      size_t index, int64_t plan_id)
{
	const struct cchc_section *sec = &plan->sections[index];
	sqlite3_bind_int64(w->section, 1, plan_id);
	sqlite3_bind_int64(w->section, 2, (int64_t)index);
	bind_text(w->section, 3, sec->code);
	bind_text(w->section, 4, sec->title);
	if (step_done(w->s, w->section, w->err) != CCHC_OK) {
		return CCHC_ERR_DB;
	}
	int64_t section_id = last_id(w->s);
	enum cchc_status status = CCHC_OK;
	for (size_t t = sec->first_task; status == CCHC_OK && t < sec->first_task + sec->task_count;
	     t++) {
		status = write_task(w, plan, t, section_id);
	}
	return status;
}


static enum cchc_status write_plan_row(struct cchc_store *s, const struct cchc_plan *plan,
				       int64_t *plan_id, struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(
		s, "INSERT INTO plan (title, year, decision, imported_at) VALUES (?1, ?2, ?3, ?4)",
		err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	char now[32];
	now_iso(now);
	bind_text(st, 1, plan->title);
	sqlite3_bind_int(st, 2, plan->year);
	bind_text(st, 3, plan->decision);
	bind_text(st, 4, now);
	enum cchc_status status = step_done(s, st, err);
	sqlite3_finalize(st);
	*plan_id = last_id(s);
	return status;
}

static enum cchc_status write_plan(struct cchc_store *s, const struct cchc_plan *plan,
				   const struct cchc_agency_catalogue *cat, int64_t *plan_id,
				   struct cchc_error *err)
{
	struct writer w;
	enum cchc_status status = writer_init(&w, s, err) ? CCHC_OK : CCHC_ERR_DB;
	w.task_ids = cchc_xcalloc(plan->task_count + 1, sizeof *w.task_ids);
	if (status == CCHC_OK) {
		status = write_catalogue(&w, cat);
	}
	if (status == CCHC_OK) {
		status = write_plan_row(s, plan, plan_id, err);
	}
	for (size_t i = 0; status == CCHC_OK && i < plan->section_count; i++) {
		status = write_section(&w, plan, i, *plan_id);
	}
	writer_finish(&w);
	return status;
}

/* What --replace keeps: tracking of tasks whose ref and title match. */
static const char *const carry_over_sql[] = {
	"UPDATE task SET status = o.status, completed_on = o.completed_on, progress = o.progress, "
	"note = o.note, evidence_number = o.evidence_number, evidence_date = o.evidence_date, "
	"evidence_issuer = o.evidence_issuer, version = o.version + 1 "
	"FROM task AS o JOIN section AS os ON os.id = o.section_id "
	"WHERE os.plan_id = ?1 AND o.ref = task.ref AND o.title = task.title "
	"AND task.section_id IN (SELECT id FROM section WHERE plan_id = ?2)",

	"UPDATE milestone SET reached = om.reached "
	"FROM milestone AS om JOIN task AS o ON o.id = om.task_id "
	"JOIN section AS os ON os.id = o.section_id, task AS n "
	"WHERE os.plan_id = ?1 AND n.id = milestone.task_id AND o.ref = n.ref "
	"AND o.title = n.title AND om.label = milestone.label "
	"AND n.section_id IN (SELECT id FROM section WHERE plan_id = ?2)",

	"UPDATE task SET due_next = (SELECT min(m.due_date) FROM milestone m "
	"WHERE m.task_id = task.id AND m.reached = 0) "
	"WHERE section_id IN (SELECT id FROM section WHERE plan_id = ?2) AND ?1 IS NOT NULL",

	"UPDATE history SET task_id = n.id "
	"FROM task AS o JOIN section AS os ON os.id = o.section_id, task AS n "
	"WHERE os.plan_id = ?1 AND history.task_id = o.id AND n.ref = o.ref "
	"AND n.title = o.title AND n.section_id IN (SELECT id FROM section WHERE plan_id = ?2)",

	/* The old plan goes row by row: a plan is written with foreign keys
	 * off (see cchc_store_save_plan), so no cascade does it. */
	"UPDATE history SET task_id = NULL WHERE task_id IN (SELECT t.id FROM task t "
	"JOIN section s ON s.id = t.section_id WHERE s.plan_id = ?1)",
	"DELETE FROM task_search WHERE task_id IN (SELECT t.id FROM task t "
	"JOIN section s ON s.id = t.section_id WHERE s.plan_id = ?1)",
	"DELETE FROM milestone WHERE task_id IN (SELECT t.id FROM task t "
	"JOIN section s ON s.id = t.section_id WHERE s.plan_id = ?1)",
	"DELETE FROM task_agency WHERE task_id IN (SELECT t.id FROM task t "
	"JOIN section s ON s.id = t.section_id WHERE s.plan_id = ?1)",
	"DELETE FROM task WHERE section_id IN (SELECT id FROM section WHERE plan_id = ?1)",
	"DELETE FROM section WHERE plan_id = ?1",
	"DELETE FROM plan WHERE id = ?1",
};

static enum cchc_status carry_over(struct cchc_store *s, int64_t old_id, int64_t new_id,
				   struct cchc_error *err)
{
	enum cchc_status status = CCHC_OK;
	for (size_t i = 0; status == CCHC_OK && i < sizeof carry_over_sql / sizeof *carry_over_sql;
	     i++) {
		sqlite3_stmt *st = prepare(s, carry_over_sql[i], err);
		if (!st) {
			return CCHC_ERR_DB;
		}
		sqlite3_bind_int64(st, 1, old_id);
		if (sqlite3_bind_parameter_count(st) > 1) {
			sqlite3_bind_int64(st, 2, new_id);
		}
		status = step_done(s, st, err);
		sqlite3_finalize(st);
	}
	return status;
}

/* Indexes of the bulk-written tables, dropped while a plan is written and
 * built again afterwards: one sort is far cheaper than keeping them up to
 * date row by row. Their SQL comes from the schema itself. */
struct saved_indexes {
	struct cchc_names names;
	struct cchc_names sql;
};

static enum cchc_status drop_indexes(struct cchc_store *s, struct saved_indexes *saved,
				     struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s,
				   "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
				   "AND tbl_name IN ('task', 'milestone', 'task_agency')",
				   err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		cchc_names_add(&saved->names, (const char *)sqlite3_column_text(st, 0));
		cchc_names_add(&saved->sql, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	enum cchc_status status = CCHC_OK;
	for (size_t i = 0; status == CCHC_OK && i < saved->names.count; i++) {
		/* An identifier cannot be bound; these names are our own. */
		struct cchc_strbuf sql = {0};
		cchc_strbuf_printf(&sql, "DROP INDEX \"%s\"", saved->names.items[i]);
		status = exec_simple(s, cchc_strbuf_str(&sql), err);
		cchc_strbuf_finish(&sql);
	}
	return status;
}

static enum cchc_status restore_indexes(struct cchc_store *s, struct saved_indexes *saved,
					struct cchc_error *err)
{
	enum cchc_status status = CCHC_OK;
	for (size_t i = 0; status == CCHC_OK && i < saved->sql.count; i++) {
		status = exec_simple(s, saved->sql.items[i], err);
	}
	cchc_names_finish(&saved->names);
	cchc_names_finish(&saved->sql);
	return status;
}

static enum cchc_status existing_plan(struct cchc_store *s, int64_t *id, struct cchc_error *err)
{
	int value = 0;
	enum cchc_status status = pragma_int(s, "SELECT coalesce(max(id), 0) FROM plan", &value, err);
	*id = value;
	return status;
}

static enum cchc_status save_plan(struct cchc_store *store, const struct cchc_plan *plan,
				  const struct cchc_agency_catalogue *catalogue, bool replace,
				  struct cchc_error *err);

/* Writes the plan in one transaction with foreign keys off: every id it
 * writes comes from the rows it has just written, and checking each of
 * several hundred thousand references made a large import twice as
 * slow. The tests run PRAGMA foreign_key_check after imports. */
enum cchc_status cchc_store_save_plan(struct cchc_store *store, const struct cchc_plan *plan,
				      const struct cchc_agency_catalogue *catalogue, bool replace,
				      struct cchc_error *err)
{
	exec_simple(store, "PRAGMA foreign_keys = OFF", NULL);
	enum cchc_status status = save_plan(store, plan, catalogue, replace, err);
	exec_simple(store, "PRAGMA foreign_keys = ON", NULL);
	return status;
}

static enum cchc_status save_plan(struct cchc_store *store, const struct cchc_plan *plan,
				  const struct cchc_agency_catalogue *catalogue, bool replace,
				  struct cchc_error *err)
{
	enum cchc_status status = begin(store, err);
	if (status != CCHC_OK) {
		return status;
	}
	int64_t old_id = 0, new_id = 0;
	status = existing_plan(store, &old_id, err);
	if (status == CCHC_OK && old_id && !replace) {
		status = cchc_error_set(err, CCHC_ERR_EXISTS,
					_("the database %s already holds a plan; use --replace to import a revised one"),
					store->path);
	}
	struct saved_indexes saved = {0};
	if (status == CCHC_OK) {
		status = drop_indexes(store, &saved, err);
	}
	if (status == CCHC_OK) {
		/* A plan is written in one transaction: a cache that holds it
		 * keeps SQLite from spilling pages half way. */
		exec_simple(store, "PRAGMA cache_size = -65536", NULL);
		status = write_plan(store, plan, catalogue, &new_id, err);
		exec_simple(store, "PRAGMA cache_size = -2000", NULL);
	}
	enum cchc_status restored = restore_indexes(store, &saved, status == CCHC_OK ? err : NULL);
	status = status == CCHC_OK ? restored : status;
	if (status == CCHC_OK && old_id) {
		status = carry_over(store, old_id, new_id, err);
	}
	return end(store, status, err);
}
