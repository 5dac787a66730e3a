/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_STATUS_H
#define CCHC_STATUS_H

#include <stdarg.h>

#ifndef N_
#define N_(s) (s)
#endif

/* One table of outcomes: the enum, its exit status and its short message
 * all come from here so they cannot drift apart. */
#define CCHC_STATUS_LIST(X)                                                   \
	X(CCHC_OK, 0, N_("success"))                                              \
	X(CCHC_ERR_USAGE, 2, N_("bad usage"))                                     \
	X(CCHC_ERR_INPUT, 2, N_("bad input"))                                     \
	X(CCHC_ERR_EXISTS, 2, N_("the database already holds a plan"))            \
	X(CCHC_ERR_NOT_FOUND, 2, N_("not found"))                                 \
	X(CCHC_ERR_IO, 1, N_("input/output error"))                               \
	X(CCHC_ERR_DB, 1, N_("database error"))                                   \
	X(CCHC_ERR_NEWER, 1, N_("the database comes from a newer cchc"))          \
	X(CCHC_ERR_READ_ONLY, 1, N_("the database is read-only"))                 \
	X(CCHC_ERR_CONFLICT, 1, N_("changed by someone else meanwhile"))

enum cchc_status {
#define CCHC_STATUS_ENUM(name, exit_code, message) name,
	CCHC_STATUS_LIST(CCHC_STATUS_ENUM)
#undef CCHC_STATUS_ENUM
};

/* A status with the sentence that explains it to the officer. */
struct cchc_error {
	enum cchc_status status;
	char message[1024];
};

/* Short untranslated label of a status (a msgid). */
const char *cchc_status_label(enum cchc_status status);

/* Exit status of the program for an outcome (SPEC §5: 0, 1 or 2). */
int cchc_status_exit_code(enum cchc_status status);

/* Records status and a formatted, already translated message; returns
 * status so callers can write `return cchc_error_set(...)`. A NULL err is
 * allowed and ignored. */
enum cchc_status cchc_error_set(struct cchc_error *err,
				enum cchc_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Empties err (status OK, no message). */
void cchc_error_clear(struct cchc_error *err);

#endif
