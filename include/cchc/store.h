/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_STORE_H
#define CCHC_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cchc/agency.h"
#include "cchc/date.h"
#include "cchc/model.h"
#include "cchc/status.h"

#ifndef N_
#define N_(s) (s)
#endif

/* The plan database: one SQLite file in WAL mode, the only code that
 * speaks SQL. Every change is one transaction. */
struct cchc_store;

enum cchc_store_mode {
	CCHC_STORE_READ_WRITE,
	CCHC_STORE_READ_ONLY,
};

/* Opens (creating with mode 0600 when missing, unless read-only) and
 * migrates the database at path; ":memory:" gives a private one. A
 * database from a newer cchc is refused with CCHC_ERR_NEWER. */
enum cchc_status cchc_store_open(const char *path, enum cchc_store_mode mode,
				 struct cchc_store **out, struct cchc_error *err);

/* Closes the database; NULL is allowed. */
void cchc_store_close(struct cchc_store *store);

/* Schema version this build writes (the number of migrations). */
int cchc_store_schema_version(void);

/* True when the database cannot be written. */
bool cchc_store_read_only(const struct cchc_store *store);

enum cchc_status cchc_store_has_plan(struct cchc_store *store, bool *out,
				     struct cchc_error *err);

/* Stores plan with the catalogue's agencies. With a plan already there,
 * fails with CCHC_ERR_EXISTS unless replace, which keeps the status,
 * progress, note, evidence, reached milestones and history of every task
 * whose ref and title are unchanged. */
enum cchc_status cchc_store_save_plan(struct cchc_store *store, const struct cchc_plan *plan,
				      const struct cchc_agency_catalogue *catalogue, bool replace,
				      struct cchc_error *err);

/* Loads the whole plan; CCHC_ERR_NOT_FOUND when there is none. */
enum cchc_status cchc_store_load_plan(struct cchc_store *store, struct cchc_plan **out,
				      struct cchc_error *err);

/* ---- changing tasks ---------------------------------------------------- */

/* What an officer may change, each recorded under its key in the history.
 * Values travel as text: a status key, ISO dates, digits, names one per
 * line, and for REACHED one '0' or '1' per milestone. */
#define CCHC_FIELD_LIST(X)                                                       \
	X(CCHC_FIELD_STATUS, "status", N_("Status"))                            \
	X(CCHC_FIELD_COMPLETED_ON, "completed_on", N_("Completed on"))          \
	X(CCHC_FIELD_PROGRESS, "progress", N_("Progress"))                      \
	X(CCHC_FIELD_NOTE, "note", N_("Note"))                                  \
	X(CCHC_FIELD_DEADLINE, "deadline_text", N_("Deadline"))                 \
	X(CCHC_FIELD_EXTENSION, "extension_text", N_("Extended deadline"))      \
	X(CCHC_FIELD_EXTENSION_DOCUMENT, "extension_document", N_("Extension approved by")) \
	X(CCHC_FIELD_REACHED, "reached", N_("Milestones reached"))              \
	X(CCHC_FIELD_LEAD, "lead", N_("Lead"))                                  \
	X(CCHC_FIELD_COORDINATING, "coordinating", N_("Coordinating"))          \
	X(CCHC_FIELD_EVIDENCE_NUMBER, "evidence_number", N_("Evidence number")) \
	X(CCHC_FIELD_EVIDENCE_DATE, "evidence_date", N_("Evidence date"))       \
	X(CCHC_FIELD_EVIDENCE_ISSUER, "evidence_issuer", N_("Evidence issuer"))

enum cchc_field {
#define CCHC_FIELD_ENUM(id, key, label) id,
	CCHC_FIELD_LIST(CCHC_FIELD_ENUM)
#undef CCHC_FIELD_ENUM
	CCHC_FIELD_COUNT
};

const char *cchc_field_key(enum cchc_field field);
/* The field of a history key; false when unknown. */
bool cchc_field_from_key(const char *key, enum cchc_field *out);
/* Untranslated label (a msgid). */
const char *cchc_field_label(enum cchc_field field);

struct cchc_strbuf;
struct cchc_history_entry;

/* Appends a history entry as officers read it: its time as "04/12/2026
 * 16:40" to when (if not NULL), and "Status: Not started → Done" to what,
 * with statuses by name, dates as dd/mm/yyyy and "–" for none. */
void cchc_history_describe(const struct cchc_history_entry *e, struct cchc_strbuf *when,
			   struct cchc_strbuf *what);

/* Appends an ISO date or time ("2026-12-04", "2026-12-04T16:40:00+0700")
 * as "04/12/2026" or "04/12/2026 16:40"; anything else as it is. */
void cchc_time_describe(const char *iso, struct cchc_strbuf *out);

struct cchc_change {
	enum cchc_field field;
	char *old_value; /* filled in when the edit is applied */
	char *new_value; /* NULL clears the field */
};

/* One action of the officer on one task: one transaction, one undo step. */
struct cchc_edit {
	long seq;        /* the task */
	int64_t version; /* the version the officer saw; the new one after */
	char ref[64];    /* filled in when applied */
	struct cchc_change *changes;
	size_t count;
	size_t cap;
	char *reason;
};

/* Adds a change of field to value (NULL to clear). */
void cchc_edit_set(struct cchc_edit *edit, enum cchc_field field, const char *value);
void cchc_edit_finish(struct cchc_edit *edit);
/* The edit that takes an applied one back. */
void cchc_edit_inverse(const struct cchc_edit *edit, struct cchc_edit *out);

/* Checks a value before it is applied; the message says what is wrong. */
enum cchc_status cchc_store_check_value(struct cchc_store *store, enum cchc_field field,
					const char *value, struct cchc_error *err);

/* Applies edit in one transaction: refuses with CCHC_ERR_CONFLICT when the
 * task changed since edit->version was read, records each change that
 * changes something in the history (login name, time, reason), and
 * leaves the old values and the new version in edit. */
enum cchc_status cchc_store_apply_edit(struct cchc_store *store, struct cchc_edit *edit,
				       struct cchc_error *err);

/* Changes every other connection's commits make to this number. */
enum cchc_status cchc_store_data_version(struct cchc_store *store, int64_t *out,
					 struct cchc_error *err);

/* The history of the task at seq, oldest first. */
enum cchc_status cchc_store_history(struct cchc_store *store, long seq,
				    struct cchc_history_entry **out, size_t *count,
				    struct cchc_error *err);

/* A copy of the database, made while others may use it, at path. */
enum cchc_status cchc_store_backup(struct cchc_store *store, const char *path,
				   struct cchc_error *err);

/* A backup in the rotation beside the database (FILE.backups/, the ten
 * newest kept); *made gets its path. tag ends the name ("-before-v3"). */
enum cchc_status cchc_store_backup_rotated(struct cchc_store *store, const char *tag,
					   char **made, struct cchc_error *err);

/* Sets the status of the task ref; done records completed_on = today,
 * any other status clears it. Recorded in the history with reason. */
enum cchc_status cchc_store_set_status(struct cchc_store *store, const char *ref,
				       enum cchc_task_status status, cchc_day today,
				       const char *reason, struct cchc_error *err);

/* Sets progress (0–100) of the task ref, with history. */
enum cchc_status cchc_store_set_progress(struct cchc_store *store, const char *ref, int progress,
					 const char *reason, struct cchc_error *err);

/* Sets the note of the task ref (stored NFC), with history. */
enum cchc_status cchc_store_set_note(struct cchc_store *store, const char *ref, const char *note,
				     const char *reason, struct cchc_error *err);

/* Number of history rows of the task ref (for checks and the UI). */
enum cchc_status cchc_store_history_count(struct cchc_store *store, const char *ref, int *out,
					  struct cchc_error *err);


/* ---- what the interface reads: only what is on screen ---------------- */

/* A section with its counts by state on a given day (group headings not
 * counted). Tasks of a section have consecutive seq numbers. */
struct cchc_section_view {
	int64_t id;
	char *code;
	char *title;
	long first_seq;
	long task_count; /* rows, headings included */
	int states[CCHC_TASK_STATE_COUNT];
	int counted; /* tasks counted in states[] */
};

/* One row of a pane. */
struct cchc_task_row {
	long seq;
	char *ref;
	char *title;
	char *lead; /* short names, comma separated */
	int depth;
	bool counted;
	enum cchc_task_status status;
	enum cchc_task_state state;
	int days_overdue;
	cchc_day due; /* next unreached due date, else the last one */
	int64_t version;
};

struct cchc_search_hit {
	long seq;
	char *ref;
	char *title;
};

enum cchc_status cchc_store_section_views(struct cchc_store *store, cchc_day today,
					  struct cchc_section_view **out, size_t *count,
					  struct cchc_error *err);
void cchc_section_views_free(struct cchc_section_view *views, size_t count);

/* Fills up to max rows with seq from first_seq on, within section_id;
 * *count gets how many. Free with cchc_task_rows_clear. */
enum cchc_status cchc_store_task_rows(struct cchc_store *store, int64_t section_id,
				      long first_seq, size_t max, cchc_day today,
				      struct cchc_task_row *rows, size_t *count,
				      struct cchc_error *err);
void cchc_task_rows_clear(struct cchc_task_row *rows, size_t count);

/* seq of the task ref (exact, as stored); CCHC_ERR_NOT_FOUND if none. */
enum cchc_status cchc_store_find_ref(struct cchc_store *store, const char *ref, long *seq,
				     struct cchc_error *err);

/* Tasks whose title, result or agencies contain query, ignoring case and
 * diacritics, in plan order, at most limit. */
enum cchc_status cchc_store_search(struct cchc_store *store, const char *query, size_t limit,
				   struct cchc_search_hit **hits, size_t *count,
				   struct cchc_error *err);
void cchc_search_hits_free(struct cchc_search_hit *hits, size_t count);

/* The year of the plan ("Trong năm" means this one). */
enum cchc_status cchc_store_plan_year(struct cchc_store *store, int *year, struct cchc_error *err);

/* Every agency's canonical name, single agencies first. */
enum cchc_status cchc_store_agency_names(struct cchc_store *store, struct cchc_names *out,
					 struct cchc_error *err);

/* The whole task at seq, milestones and agencies included, into *task
 * (zeroed first; release with cchc_task_finish). */
enum cchc_status cchc_store_load_task(struct cchc_store *store, long seq, struct cchc_task *task,
				      struct cchc_error *err);

#endif
