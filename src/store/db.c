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

#include <dirent.h>

/* Backups kept in the rotation of a database's folder of backups. */
#define BACKUPS_KEPT 10

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Removes all but the newest BACKUPS_KEPT backups (their names sort by
 * time). */
static void prune_backups(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		return;
	}
	char **names = NULL;
	size_t count = 0, cap = 0;
	for (struct dirent *e = readdir(d); e; e = readdir(d)) {
		if (strncmp(e->d_name, "cchc-", 5) == 0) {
			names = cchc_xgrow(names, &cap, count + 1, sizeof *names);
			names[count++] = cchc_xstrdup(e->d_name);
		}
	}
	closedir(d);
	if (count) {
		qsort(names, count, sizeof *names, by_name);
	}
	for (size_t i = 0; i < count; i++) {
		if (i + BACKUPS_KEPT < count) {
			struct cchc_strbuf path = {0};
			cchc_strbuf_printf(&path, "%s/%s", dir, names[i]);
			unlink(path.data);
			cchc_strbuf_finish(&path);
		}
		free(names[i]);
	}
	free(names);
}

/* ---- statements ------------------------------------------------------ */

enum cchc_status db_error(struct cchc_store *s, struct cchc_error *err)
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
sqlite3_stmt *prepare(struct cchc_store *s, const char *sql, struct cchc_error *err)
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

void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v) {
		/* Values outlive the step that uses them. */
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	} else {
		sqlite3_bind_null(st, i);
	}
}

void bind_day(sqlite3_stmt *st, int i, cchc_day d)
{
	if (d == CCHC_NO_DAY) {
		sqlite3_bind_null(st, i);
		return;
	}
	char buf[11];
	cchc_date_format_iso(d, buf);
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

cchc_day column_day(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	cchc_day d;
	return t && cchc_date_parse_iso(t, &d) ? d : CCHC_NO_DAY;
}

char *column_str(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return cchc_xstrdup(t ? t : "");
}

char *column_str_or_null(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? cchc_xstrdup(t) : NULL;
}

void column_history(sqlite3_stmt *st, int first, struct cchc_history_entry *e)
{
	e->at = column_str(st, first);
	e->who = column_str(st, first + 1);
	e->field = column_str(st, first + 2);
	e->old_value = column_str_or_null(st, first + 3);
	e->new_value = column_str_or_null(st, first + 4);
	e->reason = column_str(st, first + 5);
}

/* Runs a statement that returns no rows, then resets it for reuse. */
enum cchc_status step_done(struct cchc_store *s, sqlite3_stmt *st, struct cchc_error *err)
{
	int rc = sqlite3_step(st);
	enum cchc_status status = rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return status;
}

enum cchc_status exec_simple(struct cchc_store *s, const char *sql, struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, sql, err);
	if (!st) {
		return err ? err->status : CCHC_ERR_DB;
	}
	enum cchc_status status = step_done(s, st, err);
	sqlite3_finalize(st);
	return status;
}

enum cchc_status begin(struct cchc_store *s, struct cchc_error *err)
{
	return exec_simple(s, "BEGIN IMMEDIATE", err);
}

enum cchc_status end(struct cchc_store *s, enum cchc_status status, struct cchc_error *err)
{
	if (status == CCHC_OK) {
		return exec_simple(s, "COMMIT", err);
	}
	exec_simple(s, "ROLLBACK", NULL);
	return status;
}

int64_t last_id(struct cchc_store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

enum cchc_status pragma_int(struct cchc_store *s, const char *sql, int *out,
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

void now_iso(char buf[static 32])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%S%z", &tm);
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
char *search_text(const struct cchc_task *t)
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

sqlite3_stmt *cached(struct cchc_store *s, int slot, const char *sql, struct cchc_error *err)
{
	if (!s->cached[slot]) {
		s->cached[slot] = prepare(s, sql, err);
	} else {
		sqlite3_reset(s->cached[slot]);
		sqlite3_clear_bindings(s->cached[slot]);
	}
	return s->cached[slot];
}

enum cchc_status query_int(struct cchc_store *s, const char *sql, const char *text, int64_t *out,
			   bool *found, struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, sql, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	bind_text(st, 1, text);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	*out = *found ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
}

enum cchc_status cchc_store_backup(struct cchc_store *store, const char *path,
				   struct cchc_error *err)
{
	sqlite3 *to = NULL;
	enum cchc_status status = CCHC_OK;
	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		status = cchc_error_set(err, CCHC_ERR_IO, _("cannot write the backup %s: %s"), path,
					to ? sqlite3_errmsg(to) : "");
	}
	sqlite3_backup *b = status == CCHC_OK ? sqlite3_backup_init(to, "main", store->db, "main") : NULL;
	if (status == CCHC_OK && !b) {
		status = cchc_error_set(err, CCHC_ERR_IO, _("cannot write the backup %s: %s"), path,
					sqlite3_errmsg(to));
	}
	if (b) {
		/* All pages at once; a busy writer elsewhere only delays it. */
		int rc;
		while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			sqlite3_sleep(20);
		}
		sqlite3_backup_finish(b);
		if (rc != SQLITE_DONE) {
			status = cchc_error_set(err, CCHC_ERR_IO, _("cannot write the backup %s: %s"), path,
						sqlite3_errstr(rc));
		}
	}
	sqlite3_close(to);
	if (status == CCHC_OK) {
		chmod(path, 0600);
	}
	return status;
}

enum cchc_status cchc_store_backup_rotated(struct cchc_store *store, const char *tag,
					   char **made, struct cchc_error *err)
{
	struct cchc_strbuf dir = {0}, path = {0};
	cchc_strbuf_printf(&dir, "%s.backups", store->path);
	mkdir(dir.data, 0700);
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	cchc_strbuf_printf(&path, "%s/cchc-%s%s.db", dir.data, stamp, tag ? tag : "");
	enum cchc_status status = cchc_store_backup(store, path.data, err);
	if (status == CCHC_OK) {
		prune_backups(dir.data);
	}
	*made = status == CCHC_OK ? cchc_strbuf_steal(&path) : NULL;
	cchc_strbuf_finish(&path);
	cchc_strbuf_finish(&dir);
	return status;
}

/* Replaces a text field, which may hold a default already. */
static void set_text(char **field, char *value)
{
	free(*field);
	*field = value;
}

void read_task_columns(sqlite3_stmt *st, int first, struct cchc_task *t)
{
	int c = first;
	t->depth = sqlite3_column_int(st, c++);
	char **text[] = {&t->ref, &t->number, &t->title, &t->result, &t->deadline_text,
			 &t->assignment_text};
	for (size_t i = 0; i < sizeof text / sizeof *text; i++) {
		set_text(text[i], column_str(st, c++));
	}
	const char *status = (const char *)sqlite3_column_text(st, c++);
	t->status = CCHC_TASK_NOT_STARTED;
	if (status) {
		cchc_task_status_from_key(status, &t->status);
	}
	t->completed_on = column_day(st, c++);
	t->progress = sqlite3_column_int(st, c++);
	set_text(&t->note, column_str(st, c++));
	set_text(&t->evidence_number, column_str_or_null(st, c++));
	t->evidence_date = column_day(st, c++);
	set_text(&t->evidence_issuer, column_str_or_null(st, c++));
	t->source_line = (long)sqlite3_column_int64(st, c++);
	set_text(&t->extension_text, column_str_or_null(st, c++));
	set_text(&t->extension_document, column_str_or_null(st, c++));
	t->version = sqlite3_column_int64(st, c++);
}
