/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_STORE_INTERNAL_H
#define CCHC_STORE_INTERNAL_H

/* Shared by the files of the store module only. */

#include <sqlite3.h>
#include <stdint.h>

#include "cchc/store.h"

struct cchc_store {
	sqlite3 *db;
	char *path;
	/* Statements the interface runs on every keystroke, kept prepared. */
	sqlite3_stmt *cached[8];
};

enum cchc_status db_error(struct cchc_store *s, struct cchc_error *err);
/* Prepares one statement and refuses SQL left after it. */
sqlite3_stmt *prepare(struct cchc_store *s, const char *sql, struct cchc_error *err);
/* A statement of the store's cache, prepared on first use; not finalized
 * by the caller. */
sqlite3_stmt *cached(struct cchc_store *s, int slot, const char *sql, struct cchc_error *err);
/* Binds text without copying: values outlive the step that uses them. */
void bind_text(sqlite3_stmt *st, int i, const char *v);
void bind_day(sqlite3_stmt *st, int i, cchc_day d);
cchc_day column_day(sqlite3_stmt *st, int i);
char *column_str(sqlite3_stmt *st, int i);
char *column_str_or_null(sqlite3_stmt *st, int i);
/* A history entry from the six columns at, who, field, old, new, reason
 * that start at column first. */
void column_history(sqlite3_stmt *st, int first, struct cchc_history_entry *e);
/* Runs a statement that returns no rows, then resets it for reuse. */
enum cchc_status step_done(struct cchc_store *s, sqlite3_stmt *st, struct cchc_error *err);
enum cchc_status exec_simple(struct cchc_store *s, const char *sql, struct cchc_error *err);
enum cchc_status pragma_int(struct cchc_store *s, const char *sql, int *out, struct cchc_error *err);
/* BEGIN IMMEDIATE, and COMMIT or ROLLBACK by status. */
enum cchc_status begin(struct cchc_store *s, struct cchc_error *err);
enum cchc_status end(struct cchc_store *s, enum cchc_status status, struct cchc_error *err);
int64_t last_id(struct cchc_store *s);
/* Runs sql with text bound to ?1 and reads one integer: *found says
 * whether a row came back. */
enum cchc_status query_int(struct cchc_store *s, const char *sql, const char *text, int64_t *out,
			   bool *found, struct cchc_error *err);
void now_iso(char buf[static 32]);
/* The columns of a task every reader selects, in this order, and the
 * function that reads them from column first on. */
#define TASK_COLUMNS                                                                      \
	"t.depth, t.ref, t.number, t.title, t.result, t.deadline_text, t.assignment_text, " \
	"t.status, t.completed_on, t.progress, t.note, t.evidence_number, t.evidence_date, " \
	"t.evidence_issuer, t.source_line, nullif(t.extension_text, ''), "                 \
	"nullif(t.extension_document, ''), t.version "
void read_task_columns(sqlite3_stmt *st, int first, struct cchc_task *t);

/* The folded text "/" searches for a task. */
char *search_text(const struct cchc_task *t);

#endif
