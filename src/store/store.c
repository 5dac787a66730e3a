// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cchc/i18n.h"
#include "cchc/store.h"
#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"

extern const char *const cchc_migrations[];
extern const size_t cchc_migrations_count;

struct cchc_store {
	sqlite3 *db;
	char *path;
};

/* ---- statements ------------------------------------------------------ */

static enum cchc_status db_error(struct cchc_store *s, struct cchc_error *err)
{
	int code = sqlite3_errcode(s->db);
	if (code == SQLITE_READONLY) {
		return cchc_error_set(err, CCHC_ERR_READ_ONLY, _("cannot write the database %s: %s"),
				      s->path, sqlite3_errmsg(s->db));
	}
	return cchc_error_set(err, CCHC_ERR_DB, _("database %s: %s"), s->path,
			      sqlite3_errmsg(s->db));
}

/* Prepares one statement and refuses SQL left after it, so a typo cannot
 * silently drop half a statement. */
static sqlite3_stmt *prepare(struct cchc_store *s, const char *sql, struct cchc_error *err)
{
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, &tail) != SQLITE_OK) {
		db_error(s, err);
		return NULL;
	}
	if (tail && !cchc_text_blank(tail)) {
		sqlite3_finalize(st);
		cchc_error_set(err, CCHC_ERR_DB, "%s", _("internal error: SQL after a statement"));
		return NULL;
	}
	return st;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v) {
		/* Values outlive the step that uses them. */
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_null(st, i);
	}
}

static void bind_day(sqlite3_stmt *st, int i, cchc_day d)
{
	if (d == CCHC_NO_DAY) {
		sqlite3_bind_null(st, i);
		return;
	}
	char buf[11];
	cchc_date_format_iso(d, buf);
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

static cchc_day column_day(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	cchc_day d;
	return t && cchc_date_parse_iso(t, &d) ? d : CCHC_NO_DAY;
}

static char *column_str(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return cchc_xstrdup(t ? t : "");
}

static char *column_str_or_null(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? cchc_xstrdup(t) : NULL;
}

/* Runs a statement that returns no rows, then resets it for reuse. */
static enum cchc_status step_done(struct cchc_store *s, sqlite3_stmt *st, struct cchc_error *err)
{
	int rc = sqlite3_step(st);
	enum cchc_status status = rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return status;
}

static enum cchc_status exec_simple(struct cchc_store *s, const char *sql, struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, sql, err);
	if (!st) {
		return err ? err->status : CCHC_ERR_DB;
	}
	enum cchc_status status = step_done(s, st, err);
	sqlite3_finalize(st);
	return status;
}

static enum cchc_status begin(struct cchc_store *s, struct cchc_error *err)
{
	return exec_simple(s, "BEGIN IMMEDIATE", err);
}

static enum cchc_status end(struct cchc_store *s, enum cchc_status status, struct cchc_error *err)
{
	if (status == CCHC_OK) {
		return exec_simple(s, "COMMIT", err);
	}
	exec_simple(s, "ROLLBACK", NULL);
	return status;
}

static int64_t last_id(struct cchc_store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

/* ---- opening --------------------------------------------------------- */

int cchc_store_schema_version(void)
{
	return (int)cchc_migrations_count;
}

static enum cchc_status pragma_int(struct cchc_store *s, const char *sql, int *out,
				   struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, sql, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	enum cchc_status status = rc == SQLITE_ROW || rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
	sqlite3_finalize(st);
	return status;
}

static char *search_text(const struct cchc_task *t);

/* Migration 2 adds search keys, which only C can fold. */
static enum cchc_status fill_search_keys(struct cchc_store *s, struct cchc_error *err)
{
	sqlite3_stmt *read = prepare(s,
				     "SELECT t.id, t.title, t.result, t.assignment_text, "
				     "(SELECT group_concat(a.name, char(10)) FROM task_agency ta "
				     "JOIN agency a ON a.id = ta.agency_id WHERE ta.task_id = t.id) "
				     "FROM task t",
				     err);
	sqlite3_stmt *write = read ? prepare(s, "INSERT INTO task_search (task_id, key) VALUES (?1, ?2)", err)
				   : NULL;
	enum cchc_status status = write ? CCHC_OK : CCHC_ERR_DB;
	while (status == CCHC_OK && sqlite3_step(read) == SQLITE_ROW) {
		struct cchc_task t = {0};
		t.title = column_str(read, 1);
		t.result = column_str(read, 2);
		t.assignment_text = column_str(read, 3);
		char *names = column_str(read, 4);
		cchc_names_add(&t.lead, names);
		char *key = search_text(&t);
		sqlite3_bind_int64(write, 1, sqlite3_column_int64(read, 0));
		bind_text(write, 2, key);
		status = step_done(s, write, err);
		free(key);
		free(names);
		free(t.title);
		free(t.result);
		free(t.assignment_text);
		cchc_names_finish(&t.lead);
	}
	sqlite3_finalize(read);
	sqlite3_finalize(write);
	return status;
}

/* Work a migration needs beyond its SQL, by version. */
static enum cchc_status (*const migration_hooks[])(struct cchc_store *, struct cchc_error *) = {
	[2] = fill_search_keys,
};

static enum cchc_status apply_migration(struct cchc_store *s, int version, struct cchc_error *err)
{
	enum cchc_status status = begin(s, err);
	if (status != CCHC_OK) {
		return status;
	}
	/* Migrations are our own constant SQL, several statements each. */
	char *msg = NULL;
	if (sqlite3_exec(s->db, cchc_migrations[version - 1], NULL, NULL, &msg) != SQLITE_OK) {
		status = cchc_error_set(err, CCHC_ERR_DB, _("database %s: migration %d failed: %s"),
					s->path, version, msg ? msg : "");
		sqlite3_free(msg);
		return end(s, status, err);
	}
	size_t hooks = sizeof migration_hooks / sizeof *migration_hooks;
	if ((size_t)version < hooks && migration_hooks[version]) {
		status = migration_hooks[version](s, err);
		if (status != CCHC_OK) {
			return end(s, status, err);
		}
	}
	sqlite3_stmt *st = NULL;
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
	st = prepare(s, pragma, err);
	status = st ? step_done(s, st, err) : CCHC_ERR_DB;
	sqlite3_finalize(st);
	return end(s, status, err);
}

static enum cchc_status migrate(struct cchc_store *s, struct cchc_error *err)
{
	int version = 0;
	enum cchc_status status = pragma_int(s, "PRAGMA user_version", &version, err);
	if (status != CCHC_OK) {
		return status;
	}
	if (version > cchc_store_schema_version()) {
		return cchc_error_set(err, CCHC_ERR_NEWER,
				      _("the database %s has schema version %d, newer than this cchc knows (%d); use a newer cchc"),
				      s->path, version, cchc_store_schema_version());
	}
	if (version < cchc_store_schema_version() && cchc_store_read_only(s)) {
		return cchc_error_set(err, CCHC_ERR_READ_ONLY,
				      _("the database %s needs an upgrade but cannot be written"), s->path);
	}
	for (int v = version + 1; status == CCHC_OK && v <= cchc_store_schema_version(); v++) {
		status = apply_migration(s, v, err);
	}
	return status;
}

/* SQLite creates files with the umask's mode; a plan database is the
 * officer's own business, so create it 0600 first. */
static enum cchc_status create_private(const char *path, struct cchc_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 && errno != EEXIST) {
		return cchc_error_set(err, CCHC_ERR_IO, _("cannot create the database %s: %s"), path,
				      strerror(errno));
	}
	if (fd >= 0) {
		close(fd);
	}
	return CCHC_OK;
}

static enum cchc_status configure(struct cchc_store *s, enum cchc_store_mode mode,
				  struct cchc_error *err)
{
	sqlite3_busy_timeout(s->db, 5000);
	sqlite3_extended_result_codes(s->db, 1);
	enum cchc_status status = exec_simple(s, "PRAGMA foreign_keys = ON", err);
	int ignored;
	if (status == CCHC_OK && mode == CCHC_STORE_READ_WRITE && !cchc_store_read_only(s) &&
	    strcmp(s->path, ":memory:") != 0) {
		status = pragma_int(s, "PRAGMA journal_mode = WAL", &ignored, err);
	}
	if (status == CCHC_OK) {
		/* Reading a page checks that the file is a database at all. */
		status = pragma_int(s, "SELECT count(*) FROM sqlite_schema", &ignored, err);
	}
	return status;
}

enum cchc_status cchc_store_open(const char *path, enum cchc_store_mode mode,
				 struct cchc_store **out, struct cchc_error *err)
{
	*out = NULL;
	bool memory = strcmp(path, ":memory:") == 0;
	if (!memory && mode == CCHC_STORE_READ_WRITE && create_private(path, err) != CCHC_OK) {
		return err->status;
	}
	struct cchc_store *s = cchc_xcalloc(1, sizeof *s);
	s->path = cchc_xstrdup(path);
	int flags = mode == CCHC_STORE_READ_ONLY ? SQLITE_OPEN_READONLY
						 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	enum cchc_status status = CCHC_OK;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		status = cchc_error_set(err, CCHC_ERR_DB, _("cannot open the database %s: %s"), path,
					s->db ? sqlite3_errmsg(s->db) : strerror(ENOMEM));
	}
	if (status == CCHC_OK) {
		status = configure(s, mode, err);
	}
	if (status == CCHC_OK) {
		status = migrate(s, err);
	}
	if (status != CCHC_OK) {
		cchc_store_close(s);
		return status;
	}
	*out = s;
	return CCHC_OK;
}

void cchc_store_close(struct cchc_store *store)
{
	if (!store) {
		return;
	}
	sqlite3_close(store->db);
	free(store->path);
	free(store);
}

bool cchc_store_read_only(const struct cchc_store *store)
{
	return sqlite3_db_readonly(store->db, "main") == 1;
}

enum cchc_status cchc_store_has_plan(struct cchc_store *store, bool *out, struct cchc_error *err)
{
	int count = 0;
	enum cchc_status status = pragma_int(store, "SELECT count(*) FROM plan", &count, err);
	*out = count > 0;
	return status;
}

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

static enum cchc_status write_catalogue(struct writer *w, const struct cchc_agency_catalogue *cat)
{
	for (size_t i = 0; cat && i < cchc_agency_catalogue_size(cat); i++) {
		const struct cchc_agency *a = cchc_agency_catalogue_get(cat, i);
		int64_t id = agency_id(w, a->name, a->collective);
		if (!id) {
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

static void append_names(struct cchc_strbuf *sb, const struct cchc_names *names)
{
	for (size_t i = 0; i < names->count; i++) {
		cchc_strbuf_putc(sb, '\n');
		cchc_text_search_key_append(sb, names->items[i]);
	}
}

/* The text "/" searches: title, result, agencies (canonical names and as
 * written), folded so that "so tu phap" finds "Sở Tư pháp". */
static char *search_text(const struct cchc_task *t)
{
	struct cchc_strbuf sb = {0};
	const char *parts[] = {t->title, t->result, t->assignment_text};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (i) {
			cchc_strbuf_putc(&sb, '\n');
		}
		cchc_text_search_key_append(&sb, parts[i]);
	}
	append_names(&sb, &t->lead);
	append_names(&sb, &t->coordinating);
	return cchc_strbuf_steal(&sb);
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

static void now_iso(char buf[static 32])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%S%z", &tm);
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
	"SELECT t.id, s.position, t.parent_id, t.depth, t.ref, t.number, t.title, t.result, "
	"t.deadline_text, t.assignment_text, t.status, t.completed_on, t.progress, t.note, "
	"t.evidence_number, t.evidence_date, t.evidence_issuer, t.source_line "
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
	t->depth = sqlite3_column_int(st, 3);
	char **text[] = {&t->ref, &t->number, &t->title, &t->result, &t->deadline_text,
			 &t->assignment_text};
	for (int i = 0; i < 6; i++) {
		free(*text[i]);
		*text[i] = column_str(st, 4 + i);
	}
	cchc_task_status_from_key((const char *)sqlite3_column_text(st, 10), &t->status);
	t->completed_on = column_day(st, 11);
	t->progress = sqlite3_column_int(st, 12);
	free(t->note);
	t->note = column_str(st, 13);
	t->evidence_number = column_str_or_null(st, 14);
	t->evidence_date = column_day(st, 15);
	t->evidence_issuer = column_str_or_null(st, 16);
	t->source_line = (long)sqlite3_column_int64(st, 17);
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
	exec_simple(store, "COMMIT", NULL);
	free(ids);
	if (status != CCHC_OK) {
		cchc_plan_destroy(plan);
		return status;
	}
	*out = plan;
	return CCHC_OK;
}

/* ---- changing a task ------------------------------------------------- */

static void login_name(char *buf, size_t size)
{
	struct passwd *pw = getpwuid(geteuid());
	const char *name = pw ? pw->pw_name : getenv("USER");
	snprintf(buf, size, "%s", name ? name : "?");
}

static enum cchc_status task_id_of(struct cchc_store *s, const char *ref, int64_t *id,
				   struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, "SELECT id FROM task WHERE ref = ?1 ORDER BY id DESC LIMIT 1",
				   err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	bind_text(st, 1, ref);
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW) {
		return CCHC_OK;
	}
	return rc == SQLITE_DONE ? cchc_error_set(err, CCHC_ERR_NOT_FOUND, _("no task %s"), ref)
				 : db_error(s, err);
}

/* A change to one column of one task, written with its history row. The
 * column comes from the fixed table below, never from input. */
struct change {
	const char *field;
	const char *select_sql;
	const char *update_sql;
	const char *value;
};

static char *current_value(struct cchc_store *s, const struct change *c, int64_t id,
			   struct cchc_error *err, bool *ok)
{
	sqlite3_stmt *st = prepare(s, c->select_sql, err);
	*ok = st != NULL;
	if (!st) {
		return NULL;
	}
	sqlite3_bind_int64(st, 1, id);
	char *old = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		old = column_str_or_null(st, 0);
	}
	sqlite3_finalize(st);
	return old;
}

static enum cchc_status write_history(struct cchc_store *s, int64_t id, const char *ref,
				      const struct change *c, const char *old, const char *reason,
				      struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s,
				   "INSERT INTO history (task_id, ref, at, who, field, old_value, new_value, reason) "
				   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
				   err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	char now[32], who[64];
	now_iso(now);
	login_name(who, sizeof who);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, ref);
	bind_text(st, 3, now);
	bind_text(st, 4, who);
	bind_text(st, 5, c->field);
	bind_text(st, 6, old);
	bind_text(st, 7, c->value);
	bind_text(st, 8, reason ? reason : "");
	enum cchc_status status = step_done(s, st, err);
	sqlite3_finalize(st);
	return status;
}

static enum cchc_status apply_change(struct cchc_store *s, int64_t id, const char *ref,
				     const struct change *c, const char *reason,
				     struct cchc_error *err)
{
	bool ok;
	char *old = current_value(s, c, id, err, &ok);
	enum cchc_status status = ok ? CCHC_OK : CCHC_ERR_DB;
	bool same = (old == NULL && c->value == NULL) ||
		    (old && c->value && strcmp(old, c->value) == 0);
	if (status == CCHC_OK && !same) {
		sqlite3_stmt *st = prepare(s, c->update_sql, err);
		status = st ? CCHC_OK : CCHC_ERR_DB;
		if (st) {
			bind_text(st, 1, c->value);
			sqlite3_bind_int64(st, 2, id);
			status = step_done(s, st, err);
			sqlite3_finalize(st);
		}
		if (status == CCHC_OK) {
			status = write_history(s, id, ref, c, old, reason, err);
		}
	}
	free(old);
	return status;
}

static const struct change change_status = {
	"status", "SELECT status FROM task WHERE id = ?1",
	"UPDATE task SET status = ?1, version = version + 1 WHERE id = ?2", NULL};
static const struct change change_completed = {
	"completed_on", "SELECT completed_on FROM task WHERE id = ?1",
	"UPDATE task SET completed_on = ?1, version = version + 1 WHERE id = ?2", NULL};
static const struct change change_progress = {
	"progress", "SELECT progress FROM task WHERE id = ?1",
	"UPDATE task SET progress = ?1, version = version + 1 WHERE id = ?2", NULL};
static const struct change change_note = {
	"note", "SELECT note FROM task WHERE id = ?1",
	"UPDATE task SET note = ?1, version = version + 1 WHERE id = ?2", NULL};

/* Applies changes to the task ref in one transaction. */
static enum cchc_status change_task(struct cchc_store *s, const char *ref,
				    const struct change *changes, size_t count, const char *reason,
				    struct cchc_error *err)
{
	enum cchc_status status = begin(s, err);
	if (status != CCHC_OK) {
		return status;
	}
	int64_t id = 0;
	status = task_id_of(s, ref, &id, err);
	for (size_t i = 0; status == CCHC_OK && i < count; i++) {
		status = apply_change(s, id, ref, &changes[i], reason, err);
	}
	return end(s, status, err);
}

enum cchc_status cchc_store_set_status(struct cchc_store *store, const char *ref,
				       enum cchc_task_status status, cchc_day today,
				       const char *reason, struct cchc_error *err)
{
	char day[11] = "";
	if (status == CCHC_TASK_DONE) {
		cchc_date_format_iso(today, day);
	}
	struct change changes[2] = {change_status, change_completed};
	changes[0].value = cchc_task_status_key(status);
	changes[1].value = status == CCHC_TASK_DONE ? day : NULL;
	return change_task(store, ref, changes, 2, reason, err);
}

enum cchc_status cchc_store_set_progress(struct cchc_store *store, const char *ref, int progress,
					 const char *reason, struct cchc_error *err)
{
	if (progress < 0 || progress > 100) {
		return cchc_error_set(err, CCHC_ERR_INPUT, _("progress must be between 0 and 100, not %d"),
				      progress);
	}
	char value[8];
	snprintf(value, sizeof value, "%d", progress);
	struct change c = change_progress;
	c.value = value;
	return change_task(store, ref, &c, 1, reason, err);
}

enum cchc_status cchc_store_set_note(struct cchc_store *store, const char *ref, const char *note,
				     const char *reason, struct cchc_error *err)
{
	if (cchc_text_utf8_invalid(note, strlen(note)) != strlen(note)) {
		return cchc_error_set(err, CCHC_ERR_INPUT, "%s", _("the note is not valid UTF-8"));
	}
	char *nfc = cchc_text_nfc(note);
	struct change c = change_note;
	c.value = nfc;
	enum cchc_status status = change_task(store, ref, &c, 1, reason, err);
	free(nfc);
	return status;
}

enum cchc_status cchc_store_history_count(struct cchc_store *store, const char *ref, int *out,
					  struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(store, "SELECT count(*) FROM history h JOIN task t ON t.id = h.task_id WHERE t.ref = ?1",
				   err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	bind_text(st, 1, ref);
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CCHC_OK : db_error(store, err);
}
