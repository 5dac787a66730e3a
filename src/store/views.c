// SPDX-License-Identifier: GPL-3.0-or-later
/* What the interface reads: counts, the rows on screen, one task, search
 * hits. Each reads only what it returns, so their cost does not grow with
 * the plan; the statements stay prepared between keystrokes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cchc/i18n.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"
#include "internal.h"

enum { SLOT_SECTIONS, SLOT_COUNTS, SLOT_ROWS, SLOT_FIND, SLOT_SEARCH, SLOT_TASK, SLOT_MILESTONES,
       SLOT_AGENCIES };

#define CURRENT_PLAN "(SELECT max(id) FROM plan)"

static const char sql_sections[] =
	"SELECT s.id, s.code, s.title, "
	"(SELECT min(t.seq) FROM task t WHERE t.section_id = s.id) "
	"FROM section s WHERE s.plan_id = " CURRENT_PLAN " ORDER BY s.position";

/* Reads the covering index task_states alone. */
static const char sql_counts[] =
	"SELECT counted, status, due_next, due_last, completed_on, count(*) FROM task "
	"WHERE section_id = ?1 GROUP BY counted, status, due_next, due_last, completed_on";

static const char sql_rows[] =
	"SELECT t.seq, t.ref, t.title, t.depth, t.counted, t.status, t.completed_on, t.due_next, "
	"t.due_last, t.version, (SELECT group_concat(n, ', ') FROM (SELECT coalesce(a.short_name, a.name) AS n "
	"FROM task_agency ta JOIN agency a ON a.id = ta.agency_id "
	"WHERE ta.task_id = t.id AND ta.role = 'lead' ORDER BY ta.position)) "
	"FROM task t WHERE t.section_id = ?1 AND t.seq >= ?2 ORDER BY t.seq LIMIT ?3";

static const char sql_find[] =
	"SELECT t.seq FROM task t WHERE t.ref = ?1 AND t.section_id IN "
	"(SELECT id FROM section WHERE plan_id = " CURRENT_PLAN ")";

static const char sql_search[] =
	"SELECT t.seq, t.ref, t.title FROM task_search k JOIN task t ON t.id = k.task_id "
	"WHERE instr(k.key, ?1) > 0 AND t.section_id IN "
	"(SELECT id FROM section WHERE plan_id = " CURRENT_PLAN ") ORDER BY t.seq LIMIT ?2";

static const char sql_task[] =
	"SELECT t.id, " TASK_COLUMNS "FROM task t WHERE t.seq = ?1 AND t.section_id IN "
	"(SELECT id FROM section WHERE plan_id = " CURRENT_PLAN ")";

static const char sql_milestones[] =
	"SELECT label, kind, start_date, due_date, reached FROM milestone WHERE task_id = ?1 "
	"ORDER BY position";

static const char sql_agencies[] =
	"SELECT a.name, ta.role FROM task_agency ta JOIN agency a ON a.id = ta.agency_id "
	"WHERE ta.task_id = ?1 ORDER BY ta.role DESC, ta.position";

static enum cchc_task_status status_of(sqlite3_stmt *st, int column)
{
	enum cchc_task_status status = CCHC_TASK_NOT_STARTED;
	const char *key = (const char *)sqlite3_column_text(st, column);
	if (key) {
		cchc_task_status_from_key(key, &status);
	}
	return status;
}

/* ---- sections -------------------------------------------------------- */

static enum cchc_status count_states(struct cchc_store *s, struct cchc_section_view *v,
				     cchc_day today, struct cchc_error *err)
{
	sqlite3_stmt *st = cached(s, SLOT_COUNTS, sql_counts, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, v->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int n = sqlite3_column_int(st, 5);
		v->task_count += n;
		if (!sqlite3_column_int(st, 0)) {
			continue;
		}
		int days;
		enum cchc_task_state state =
			cchc_state_of(status_of(st, 1), column_day(st, 4), column_day(st, 2),
				      column_day(st, 3), today, &days);
		v->states[state] += n;
		v->counted += n;
	}
	return rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
}

enum cchc_status cchc_store_section_views(struct cchc_store *store, cchc_day today,
					  struct cchc_section_view **out, size_t *count,
					  struct cchc_error *err)
{
	*out = NULL;
	*count = 0;
	sqlite3_stmt *st = cached(store, SLOT_SECTIONS, sql_sections, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = cchc_xgrow(*out, &cap, *count + 1, sizeof **out);
		struct cchc_section_view *v = &(*out)[(*count)++];
		memset(v, 0, sizeof *v);
		v->id = sqlite3_column_int64(st, 0);
		v->code = column_str(st, 1);
		v->title = column_str(st, 2);
		v->first_seq = sqlite3_column_int64(st, 3);
	}
	enum cchc_status status = rc == SQLITE_DONE ? CCHC_OK : db_error(store, err);
	sqlite3_reset(st);
	for (size_t i = 0; status == CCHC_OK && i < *count; i++) {
		status = count_states(store, &(*out)[i], today, err);
	}
	return status;
}

void cchc_section_views_free(struct cchc_section_view *views, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(views[i].code);
		free(views[i].title);
	}
	free(views);
}

/* ---- rows ------------------------------------------------------------ */

static void read_row(sqlite3_stmt *st, struct cchc_task_row *row, cchc_day today)
{
	row->seq = (long)sqlite3_column_int64(st, 0);
	row->ref = column_str(st, 1);
	row->title = column_str(st, 2);
	row->depth = sqlite3_column_int(st, 3);
	row->counted = sqlite3_column_int(st, 4) != 0;
	row->status = status_of(st, 5);
	cchc_day next = column_day(st, 7), last = column_day(st, 8);
	row->state = cchc_state_of(row->status, column_day(st, 6), next, last, today,
				   &row->days_overdue);
	row->due = next != CCHC_NO_DAY ? next : last;
	row->version = sqlite3_column_int64(st, 9);
	row->lead = column_str(st, 10);
}

enum cchc_status cchc_store_task_rows(struct cchc_store *store, int64_t section_id,
				      long first_seq, size_t max, cchc_day today,
				      struct cchc_task_row *rows, size_t *count,
				      struct cchc_error *err)
{
	*count = 0;
	sqlite3_stmt *st = cached(store, SLOT_ROWS, sql_rows, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, section_id);
	sqlite3_bind_int64(st, 2, first_seq);
	sqlite3_bind_int64(st, 3, (int64_t)max);
	int rc;
	while (*count < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, &rows[(*count)++], today);
	}
	enum cchc_status status = *count == max || rc == SQLITE_DONE ? CCHC_OK : db_error(store, err);
	sqlite3_reset(st);
	return status;
}

void cchc_task_rows_clear(struct cchc_task_row *rows, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(rows[i].ref);
		free(rows[i].title);
		free(rows[i].lead);
		memset(&rows[i], 0, sizeof rows[i]);
	}
}

/* ---- finding --------------------------------------------------------- */

enum cchc_status cchc_store_find_ref(struct cchc_store *store, const char *ref, long *seq,
				     struct cchc_error *err)
{
	sqlite3_stmt *st = cached(store, SLOT_FIND, sql_find, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	bind_text(st, 1, ref);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*seq = (long)sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		return CCHC_OK;
	}
	return rc == SQLITE_DONE ? cchc_error_set(err, CCHC_ERR_NOT_FOUND, _("no task %s"), ref)
				 : db_error(store, err);
}

enum cchc_status cchc_store_search(struct cchc_store *store, const char *query, size_t limit,
				   struct cchc_search_hit **hits, size_t *count,
				   struct cchc_error *err)
{
	*hits = NULL;
	*count = 0;
	char *key = cchc_text_search_key(query);
	sqlite3_stmt *st = cached(store, SLOT_SEARCH, sql_search, err);
	if (!st || !*key) {
		free(key);
		return st ? CCHC_OK : CCHC_ERR_DB;
	}
	bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*hits = cchc_xgrow(*hits, &cap, *count + 1, sizeof **hits);
		struct cchc_search_hit *h = &(*hits)[(*count)++];
		h->seq = (long)sqlite3_column_int64(st, 0);
		h->ref = column_str(st, 1);
		h->title = column_str(st, 2);
	}
	sqlite3_reset(st);
	free(key);
	return rc == SQLITE_DONE ? CCHC_OK : db_error(store, err);
}

void cchc_search_hits_free(struct cchc_search_hit *hits, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(hits[i].ref);
		free(hits[i].title);
	}
	free(hits);
}

/* ---- one task -------------------------------------------------------- */

static void read_fields(sqlite3_stmt *st, struct cchc_task *t)
{
	read_task_columns(st, 1, t);
	t->parent = CCHC_NO_PARENT;
}

static enum cchc_status read_milestones(struct cchc_store *s, int64_t id, struct cchc_task *t,
					struct cchc_error *err)
{
	sqlite3_stmt *st = cached(s, SLOT_MILESTONES, sql_milestones, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		enum cchc_milestone_kind kind = CCHC_KIND_EXTERNAL;
		cchc_milestone_kind_from_key((const char *)sqlite3_column_text(st, 1), &kind);
		const char *label = (const char *)sqlite3_column_text(st, 0);
		cchc_milestones_add(&t->milestones, label ? label : "", kind, column_day(st, 2),
				    column_day(st, 3));
		t->milestones.items[t->milestones.count - 1].reached = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
}

static enum cchc_status read_agencies(struct cchc_store *s, int64_t id, struct cchc_task *t,
				      struct cchc_error *err)
{
	sqlite3_stmt *st = cached(s, SLOT_AGENCIES, sql_agencies, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		bool lead = strcmp((const char *)sqlite3_column_text(st, 1), "lead") == 0;
		cchc_names_add(lead ? &t->lead : &t->coordinating, name);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
}

enum cchc_status cchc_store_load_task(struct cchc_store *store, long seq, struct cchc_task *task,
				      struct cchc_error *err)
{
	memset(task, 0, sizeof *task);
	sqlite3_stmt *st = cached(store, SLOT_TASK, sql_task, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, seq);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? cchc_error_set(err, CCHC_ERR_NOT_FOUND, _("no task %s"), "?")
					 : db_error(store, err);
	}
	int64_t id = sqlite3_column_int64(st, 0);
	read_fields(st, task);
	sqlite3_reset(st);
	enum cchc_status status = read_milestones(store, id, task, err);
	if (status == CCHC_OK) {
		status = read_agencies(store, id, task, err);
	}
	return status;
}

/* ---- for the edit form ---------------------------------------------------- */

enum cchc_status cchc_store_plan_year(struct cchc_store *store, int *year, struct cchc_error *err)
{
	*year = 0;
	return pragma_int(store, "SELECT year FROM plan ORDER BY id DESC LIMIT 1", year, err);
}

static int by_collation(const void *a, const void *b)
{
	return cchc_text_collate(*(const char *const *)a, *(const char *const *)b);
}

/* Named agencies first, then the collective ones ("Các sở, ban, ngành"),
 * each in Vietnamese alphabetical order, which SQLite's collations lack. */
enum cchc_status cchc_store_agency_names(struct cchc_store *store, struct cchc_names *out,
					 struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(store, "SELECT name, collective FROM agency", err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	struct cchc_names group[2] = {{0}, {0}};
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cchc_names_add(&group[sqlite3_column_int(st, 1) != 0], (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	for (int g = 0; g < 2; g++) {
		if (group[g].count) {
			qsort(group[g].items, group[g].count, sizeof *group[g].items, by_collation);
		}
		for (size_t i = 0; i < group[g].count; i++) {
			cchc_names_add(out, group[g].items[i]);
		}
		cchc_names_finish(&group[g]);
	}
	return rc == SQLITE_DONE ? CCHC_OK : db_error(store, err);
}
