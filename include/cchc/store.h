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

/* The whole task at seq, milestones and agencies included, into *task
 * (zeroed first; release with cchc_task_finish). */
enum cchc_status cchc_store_load_task(struct cchc_store *store, long seq, struct cchc_task *task,
				      struct cchc_error *err);

#endif
