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

extern const char *const cchc_migrations[];
extern const size_t cchc_migrations_count;

/* ---- opening --------------------------------------------------------- */

int cchc_store_schema_version(void)
{
	return (int)cchc_migrations_count;
}



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
	if (version > 0 && version < cchc_store_schema_version()) {
		/* A copy first: a migration that goes wrong must not cost
		 * the officer the plan. */
		char tag[32], *made = NULL;
		snprintf(tag, sizeof tag, "-before-v%d", cchc_store_schema_version());
		status = cchc_store_backup_rotated(s, tag, &made, err);
		free(made);
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
	if (status == CCHC_OK && mode == CCHC_STORE_READ_WRITE) {
		/* Task rows run to a kilobyte or more; larger pages make a large
		 * import 10% faster. Only a new, empty database takes it. */
		exec_simple(s, "PRAGMA page_size = 8192", NULL);
	}
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
	for (size_t i = 0; i < sizeof store->cached / sizeof *store->cached; i++) {
		sqlite3_finalize(store->cached[i]);
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
