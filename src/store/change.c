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
	bool found;
	enum cchc_status status = query_int(
		s, "SELECT id FROM task WHERE ref = ?1 ORDER BY id DESC LIMIT 1", ref, id, &found, err);
	if (status == CCHC_OK && !found) {
		return cchc_error_set(err, CCHC_ERR_NOT_FOUND, _("no task %s"), ref);
	}
	return status;
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
	bool found;
	int64_t count = 0;
	enum cchc_status status = query_int(
		store, "SELECT count(*) FROM history h JOIN task t ON t.id = h.task_id WHERE t.ref = ?1",
		ref, &count, &found, err);
	*out = (int)count;
	return status;
}
