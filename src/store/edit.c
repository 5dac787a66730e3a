// SPDX-License-Identifier: GPL-3.0-or-later
/* Changing tasks: every action of the officer is one transaction that
 * checks nobody changed the task since it was shown, records each field's
 * old and new value in the history, and keeps the derived columns (next
 * due date, search key) true. */
#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cchc/agency.h"
#include "cchc/deadline.h"
#include "cchc/i18n.h"
#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"
#include "internal.h"

static const struct {
	const char *key;
	const char *label;
} fields[] = {
#define CCHC_FIELD_ROW(id, key, label) [id] = {key, label},
	CCHC_FIELD_LIST(CCHC_FIELD_ROW)
#undef CCHC_FIELD_ROW
};

const char *cchc_field_key(enum cchc_field field)
{
	return fields[field].key;
}

bool cchc_field_from_key(const char *key, enum cchc_field *out)
{
	for (int i = 0; i < CCHC_FIELD_COUNT; i++) {
		if (strcmp(fields[i].key, key) == 0) {
			*out = (enum cchc_field)i;
			return true;
		}
	}
	return false;
}

const char *cchc_field_label(enum cchc_field field)
{
	return fields[field].label;
}

/* ---- history as officers read it ----------------------------------------- */

/* "2026-12-04" at the start of s: digits where digits belong. */
static bool iso_day(const char *s, size_t n)
{
	static const char shape[] = "dddd-dd-dd";
	for (size_t i = 0; i < 10; i++) {
		bool digit = s[i] >= '0' && s[i] <= '9';
		if (i >= n || (shape[i] == 'd' ? !digit : s[i] != '-')) {
			return false;
		}
	}
	return true;
}

void cchc_time_describe(const char *iso, struct cchc_strbuf *out)
{
	size_t n = strlen(iso);
	if (!iso_day(iso, n)) {
		cchc_strbuf_append(out, iso, n);
		return;
	}
	cchc_strbuf_printf(out, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	if (n >= 16 && iso[10] == 'T') {
		cchc_strbuf_printf(out, " %.5s", iso + 11);
	}
}

static void value_describe(const char *field, const char *value, struct cchc_strbuf *out)
{
	enum cchc_task_status status;
	if (!value || !*value) {
		cchc_strbuf_puts(out, "–");
	} else if (strcmp(field, "status") == 0 && cchc_task_status_from_key(value, &status)) {
		cchc_strbuf_puts(out, _(cchc_task_status_label(status)));
	} else if (strlen(value) == 10 && iso_day(value, 10)) {
		cchc_time_describe(value, out);
	} else {
		cchc_strbuf_puts(out, value);
	}
}

void cchc_history_describe(const struct cchc_history_entry *e, struct cchc_strbuf *when,
			   struct cchc_strbuf *what)
{
	if (when) {
		cchc_time_describe(e->at, when);
	}
	enum cchc_field field;
	cchc_strbuf_puts(what, cchc_field_from_key(e->field, &field) ? _(cchc_field_label(field)) : e->field);
	cchc_strbuf_puts(what, ": ");
	value_describe(e->field, e->old_value, what);
	cchc_strbuf_puts(what, " → ");
	value_describe(e->field, e->new_value, what);
}

/* ---- edits ------------------------------------------------------------ */

static char *dup_or_null(const char *s)
{
	return s ? cchc_xstrdup(s) : NULL;
}

void cchc_edit_set(struct cchc_edit *edit, enum cchc_field field, const char *value)
{
	edit->changes = cchc_xgrow(edit->changes, &edit->cap, edit->count + 1, sizeof *edit->changes);
	edit->changes[edit->count++] = (struct cchc_change){field, NULL, dup_or_null(value)};
}

void cchc_edit_finish(struct cchc_edit *edit)
{
	for (size_t i = 0; i < edit->count; i++) {
		free(edit->changes[i].old_value);
		free(edit->changes[i].new_value);
	}
	free(edit->changes);
	free(edit->reason);
	memset(edit, 0, sizeof *edit);
}

void cchc_edit_inverse(const struct cchc_edit *edit, struct cchc_edit *out)
{
	memset(out, 0, sizeof *out);
	out->seq = edit->seq;
	out->version = edit->version;
	memcpy(out->ref, edit->ref, sizeof out->ref);
	for (size_t i = edit->count; i-- > 0;) {
		cchc_edit_set(out, edit->changes[i].field, edit->changes[i].old_value);
	}
}

/* ---- reading and writing one field -------------------------------------- */

/* Plain columns: their SQL, fixed here and never built from input. */
static const struct {
	const char *get;
	const char *set;
} columns[CCHC_FIELD_COUNT] = {
	[CCHC_FIELD_STATUS] = {"SELECT status FROM task WHERE id = ?1",
			       "UPDATE task SET status = ?2 WHERE id = ?1"},
	[CCHC_FIELD_COMPLETED_ON] = {"SELECT completed_on FROM task WHERE id = ?1",
				     "UPDATE task SET completed_on = ?2 WHERE id = ?1"},
	[CCHC_FIELD_PROGRESS] = {"SELECT progress FROM task WHERE id = ?1",
				 "UPDATE task SET progress = ?2 WHERE id = ?1"},
	[CCHC_FIELD_NOTE] = {"SELECT note FROM task WHERE id = ?1",
			     "UPDATE task SET note = coalesce(?2, '') WHERE id = ?1"},
	[CCHC_FIELD_DEADLINE] = {"SELECT deadline_text FROM task WHERE id = ?1",
				 "UPDATE task SET deadline_text = coalesce(?2, '') WHERE id = ?1"},
	[CCHC_FIELD_EXTENSION] = {"SELECT nullif(extension_text, '') FROM task WHERE id = ?1",
				  "UPDATE task SET extension_text = coalesce(?2, '') WHERE id = ?1"},
	[CCHC_FIELD_EXTENSION_DOCUMENT] = {
		"SELECT nullif(extension_document, '') FROM task WHERE id = ?1",
		"UPDATE task SET extension_document = coalesce(?2, '') WHERE id = ?1"},
	[CCHC_FIELD_REACHED] = {"SELECT group_concat(reached, '') FROM (SELECT reached FROM "
				"milestone WHERE task_id = ?1 ORDER BY position)",
				NULL},
	[CCHC_FIELD_LEAD] = {"SELECT group_concat(name, char(10)) FROM (SELECT a.name AS name "
			     "FROM task_agency ta JOIN agency a ON a.id = ta.agency_id "
			     "WHERE ta.task_id = ?1 AND ta.role = 'lead' ORDER BY ta.position)",
			     NULL},
	[CCHC_FIELD_COORDINATING] = {"SELECT group_concat(name, char(10)) FROM (SELECT a.name AS "
				     "name FROM task_agency ta JOIN agency a ON a.id = ta.agency_id "
				     "WHERE ta.task_id = ?1 AND ta.role = 'coordinating' "
				     "ORDER BY ta.position)",
				     NULL},
	[CCHC_FIELD_EVIDENCE_NUMBER] = {"SELECT evidence_number FROM task WHERE id = ?1",
					"UPDATE task SET evidence_number = ?2 WHERE id = ?1"},
	[CCHC_FIELD_EVIDENCE_DATE] = {"SELECT evidence_date FROM task WHERE id = ?1",
				      "UPDATE task SET evidence_date = ?2 WHERE id = ?1"},
	[CCHC_FIELD_EVIDENCE_ISSUER] = {"SELECT evidence_issuer FROM task WHERE id = ?1",
					"UPDATE task SET evidence_issuer = ?2 WHERE id = ?1"},
};

static enum cchc_status get_field(struct cchc_store *s, int64_t id, enum cchc_field field,
				  char **out, struct cchc_error *err)
{
	*out = NULL;
	sqlite3_stmt *st = prepare(s, columns[field].get, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = column_str_or_null(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CCHC_OK : db_error(s, err);
}

static enum cchc_status run_on_task(struct cchc_store *s, const char *sql, int64_t id,
				    const char *value, struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, sql, err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) >= 2) {
		bind_text(st, 2, value);
	}
	enum cchc_status status = step_done(s, st, err);
	sqlite3_finalize(st);
	return status;
}

static enum cchc_status write_milestones_of(struct cchc_store *s, int64_t id,
					    const struct cchc_milestones *list,
					    struct cchc_error *err);
static enum cchc_status link_agency(struct cchc_store *s, int64_t id, const char *name,
				    const char *role, int position, struct cchc_error *err);

/* Milestones of the task read again from its deadline, or from its
 * extension when one was granted; reached flags stay with their labels. */
static enum cchc_status rebuild_milestones(struct cchc_store *s, int64_t id,
					   struct cchc_error *err)
{
	char *deadline = NULL, *extension = NULL, *reached = NULL;
	enum cchc_status status = get_field(s, id, CCHC_FIELD_DEADLINE, &deadline, err);
	if (status == CCHC_OK) {
		status = get_field(s, id, CCHC_FIELD_EXTENSION, &extension, err);
	}
	int year = 0;
	if (status == CCHC_OK) {
		status = pragma_int(s, "SELECT year FROM plan ORDER BY id DESC LIMIT 1", &year, err);
	}
	struct cchc_milestones list = {0};
	if (status == CCHC_OK) {
		status = cchc_deadline_parse(extension ? extension : deadline ? deadline : "", year,
					     &list, err);
	}
	if (status == CCHC_OK) {
		status = write_milestones_of(s, id, &list, err);
	}
	cchc_milestones_finish(&list);
	free(deadline);
	free(extension);
	free(reached);
	return status;
}

static enum cchc_status set_reached(struct cchc_store *s, int64_t id, const char *value,
				    struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s, "UPDATE milestone SET reached = ?3 WHERE task_id = ?1 AND position = ?2",
				   err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	enum cchc_status status = CCHC_OK;
	for (size_t i = 0; status == CCHC_OK && value && value[i]; i++) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		sqlite3_bind_int(st, 3, value[i] == '1');
		status = step_done(s, st, err);
	}
	sqlite3_finalize(st);
	return status;
}

static enum cchc_status set_agencies(struct cchc_store *s, int64_t id, const char *role,
				     const char *value, struct cchc_error *err)
{
	sqlite3_stmt *del = prepare(s, "DELETE FROM task_agency WHERE task_id = ?1 AND role = ?2", err);
	if (!del) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(del, 1, id);
	bind_text(del, 2, role);
	enum cchc_status status = step_done(s, del, err);
	sqlite3_finalize(del);
	char *copy = cchc_xstrdup(value ? value : "");
	char *save = NULL;
	int position = 0;
	for (char *name = strtok_r(copy, "\n", &save); status == CCHC_OK && name;
	     name = strtok_r(NULL, "\n", &save)) {
		status = link_agency(s, id, name, role, position++, err);
	}
	free(copy);
	return status;
}

static enum cchc_status set_field(struct cchc_store *s, int64_t id, enum cchc_field field,
				  const char *value, struct cchc_error *err)
{
	switch (field) {
	case CCHC_FIELD_REACHED:
		return set_reached(s, id, value, err);
	case CCHC_FIELD_LEAD:
		return set_agencies(s, id, "lead", value, err);
	case CCHC_FIELD_COORDINATING:
		return set_agencies(s, id, "coordinating", value, err);
	default:
		break;
	}
	enum cchc_status status = run_on_task(s, columns[field].set, id, value, err);
	if (status == CCHC_OK && (field == CCHC_FIELD_DEADLINE || field == CCHC_FIELD_EXTENSION)) {
		status = rebuild_milestones(s, id, err);
	}
	return status;
}

/* ---- checking values ----------------------------------------------------- */

static bool all_digits(const char *s)
{
	if (!*s) {
		return false;
	}
	for (; *s; s++) {
		if (*s < '0' || *s > '9') {
			return false;
		}
	}
	return true;
}

static enum cchc_status check_date(const char *value, const char *what, struct cchc_error *err)
{
	cchc_day day;
	if (value && *value && !cchc_date_parse_iso(value, &day)) {
		return cchc_error_set(err, CCHC_ERR_INPUT, _("%s: “%s” is not a real date"), _(what),
				      value);
	}
	return CCHC_OK;
}

enum cchc_status cchc_store_check_value(struct cchc_store *store, enum cchc_field field,
					const char *value, struct cchc_error *err)
{
	enum cchc_task_status status;
	struct cchc_milestones list = {0};
	enum cchc_status result = CCHC_OK;
	switch (field) {
	case CCHC_FIELD_STATUS:
		if (!value || !cchc_task_status_from_key(value, &status)) {
			result = cchc_error_set(err, CCHC_ERR_INPUT, _("unknown status “%s”"), value ? value : "");
		}
		break;
	case CCHC_FIELD_PROGRESS:
		if (!value || !all_digits(value) || strlen(value) > 3 || atoi(value) > 100) {
			result = cchc_error_set(err, CCHC_ERR_INPUT,
						_("progress must be a whole number from 0 to 100, not “%s”"),
						value ? value : "");
		}
		break;
	case CCHC_FIELD_COMPLETED_ON:
	case CCHC_FIELD_EVIDENCE_DATE:
		result = check_date(value, cchc_field_label(field), err);
		break;
	case CCHC_FIELD_DEADLINE:
	case CCHC_FIELD_EXTENSION:
		result = cchc_deadline_parse(value ? value : "", 2026, &list, err);
		cchc_milestones_finish(&list);
		break;
	case CCHC_FIELD_LEAD:
		if (!value || cchc_text_blank(value)) {
			result = cchc_error_set(err, CCHC_ERR_INPUT, "%s",
						_("a task needs at least one lead agency"));
		}
		break;
	default:
		break;
	}
	if (result == CCHC_OK && value && cchc_text_utf8_invalid(value, strlen(value)) != strlen(value)) {
		result = cchc_error_set(err, CCHC_ERR_INPUT, "%s", _("the text is not valid UTF-8"));
	}
	(void)store;
	return result;
}

/* ---- derived rows -------------------------------------------------------- */

/* Replaces the milestones of task id with list; a milestone keeps its
 * reached flag when one with the same label was reached before. */
static enum cchc_status write_milestones_of(struct cchc_store *s, int64_t id,
					    const struct cchc_milestones *list,
					    struct cchc_error *err)
{
	struct cchc_names reached = {0};
	sqlite3_stmt *st = prepare(s, "SELECT label FROM milestone WHERE task_id = ?1 AND reached = 1", err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		cchc_names_add(&reached, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	enum cchc_status status = run_on_task(s, "DELETE FROM milestone WHERE task_id = ?1", id, NULL, err);
	st = status == CCHC_OK ? prepare(s,
					 "INSERT INTO milestone (task_id, position, label, kind, start_date, "
					 "due_date, reached) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
					 err)
			       : NULL;
	for (size_t i = 0; st && status == CCHC_OK && i < list->count; i++) {
		const struct cchc_milestone *m = &list->items[i];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		bind_text(st, 3, m->label);
		bind_text(st, 4, cchc_milestone_kind_key(m->kind));
		bind_day(st, 5, m->start);
		bind_day(st, 6, m->due);
		sqlite3_bind_int(st, 7, cchc_names_contains(&reached, m->label));
		status = step_done(s, st, err);
	}
	sqlite3_finalize(st);
	cchc_names_finish(&reached);
	return st || status != CCHC_OK ? status : CCHC_ERR_DB;
}

/* Links task id to the agency called name, adding the agency if new. */
static enum cchc_status link_agency(struct cchc_store *s, int64_t id, const char *name,
				    const char *role, int position, struct cchc_error *err)
{
	char *nfc = cchc_text_nfc(name);
	cchc_text_squeeze(nfc);
	int64_t agency = 0;
	bool found = false;
	enum cchc_status status = query_int(s, "SELECT id FROM agency WHERE name = ?1", nfc, &agency,
					    &found, err);
	if (status == CCHC_OK && !found) {
		status = query_int(s, "INSERT INTO agency (name) VALUES (?1) RETURNING id", nfc, &agency,
				   &found, err);
	}
	sqlite3_stmt *st = status == CCHC_OK
				   ? prepare(s, "INSERT OR IGNORE INTO task_agency (task_id, agency_id, role, position) "
						"VALUES (?1, ?2, ?3, ?4)",
					     err)
				   : NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, agency);
		bind_text(st, 3, role);
		sqlite3_bind_int(st, 4, position);
		status = step_done(s, st, err);
		sqlite3_finalize(st);
	} else if (status == CCHC_OK) {
		status = CCHC_ERR_DB;
	}
	free(nfc);
	return status;
}

/* Next and last due dates, and the search key, after a change. */
static enum cchc_status refresh_derived(struct cchc_store *s, int64_t id, struct cchc_error *err)
{
	enum cchc_status status = run_on_task(
		s,
		"UPDATE task SET due_last = (SELECT max(due_date) FROM milestone WHERE task_id = ?1), "
		"due_next = (SELECT min(due_date) FROM milestone WHERE task_id = ?1 AND reached = 0) "
		"WHERE id = ?1",
		id, NULL, err);
	struct cchc_task t = {0};
	char *lead = NULL, *coordinating = NULL;
	if (status == CCHC_OK) {
		status = get_field(s, id, CCHC_FIELD_LEAD, &lead, err);
	}
	if (status == CCHC_OK) {
		status = get_field(s, id, CCHC_FIELD_COORDINATING, &coordinating, err);
	}
	sqlite3_stmt *st = status == CCHC_OK
				   ? prepare(s, "SELECT title, result, assignment_text FROM task WHERE id = ?1", err)
				   : NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			t.title = column_str(st, 0);
			t.result = column_str(st, 1);
			t.assignment_text = column_str(st, 2);
		}
		sqlite3_finalize(st);
		cchc_names_add(&t.lead, lead ? lead : "");
		cchc_names_add(&t.coordinating, coordinating ? coordinating : "");
		char *key = search_text(&t);
		status = run_on_task(s, "INSERT OR REPLACE INTO task_search (task_id, key) VALUES (?1, ?2)",
				     id, key, err);
		free(key);
	}
	free(t.title);
	free(t.result);
	free(t.assignment_text);
	cchc_names_finish(&t.lead);
	cchc_names_finish(&t.coordinating);
	free(lead);
	free(coordinating);
	return status;
}

/* ---- applying ------------------------------------------------------------ */

static void login_name(char *buf, size_t size)
{
	struct passwd *pw = getpwuid(geteuid());
	const char *name = pw ? pw->pw_name : getenv("USER");
	snprintf(buf, size, "%s", name ? name : "?");
}

static enum cchc_status write_history(struct cchc_store *s, int64_t id, const char *ref,
				      const struct cchc_change *c, const char *reason,
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
	bind_text(st, 5, cchc_field_key(c->field));
	bind_text(st, 6, c->old_value);
	bind_text(st, 7, c->new_value);
	bind_text(st, 8, reason ? reason : "");
	enum cchc_status status = step_done(s, st, err);
	sqlite3_finalize(st);
	return status;
}

static bool same(const char *a, const char *b)
{
	const char *x = a && *a ? a : NULL, *y = b && *b ? b : NULL;
	return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

static enum cchc_status apply_change(struct cchc_store *s, int64_t id, const char *ref,
				     struct cchc_change *c, const char *reason, bool *changed,
				     struct cchc_error *err)
{
	free(c->old_value);
	enum cchc_status status = get_field(s, id, c->field, &c->old_value, err);
	if (status != CCHC_OK || same(c->old_value, c->new_value)) {
		return status;
	}
	*changed = true;
	status = set_field(s, id, c->field, c->new_value, err);
	if (status == CCHC_OK) {
		status = write_history(s, id, ref, c, reason, err);
	}
	return status;
}

/* The task at seq in the current plan: its id, ref and version. */
static enum cchc_status locate(struct cchc_store *s, struct cchc_edit *edit, int64_t *id,
			       int64_t *version, struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s,
				   "SELECT id, ref, version FROM task WHERE seq = ?1 AND section_id IN "
				   "(SELECT id FROM section WHERE plan_id = (SELECT max(id) FROM plan))",
				   err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, edit->seq);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		snprintf(edit->ref, sizeof edit->ref, "%s", (const char *)sqlite3_column_text(st, 1));
		*version = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW) {
		return CCHC_OK;
	}
	return rc == SQLITE_DONE ? cchc_error_set(err, CCHC_ERR_NOT_FOUND, "%s", _("the task is gone"))
				 : db_error(s, err);
}

static enum cchc_status apply_all(struct cchc_store *s, struct cchc_edit *edit,
				  struct cchc_error *err)
{
	int64_t id = 0, version = 0;
	enum cchc_status status = locate(s, edit, &id, &version, err);
	if (status == CCHC_OK && version != edit->version) {
		return cchc_error_set(err, CCHC_ERR_CONFLICT,
				      _("%s was changed by someone else since it was shown; nothing was changed, look again"),
				      edit->ref);
	}
	bool changed = false;
	for (size_t i = 0; status == CCHC_OK && i < edit->count; i++) {
		status = apply_change(s, id, edit->ref, &edit->changes[i], edit->reason, &changed, err);
	}
	if (status == CCHC_OK && changed) {
		status = refresh_derived(s, id, err);
	}
	if (status == CCHC_OK && changed) {
		status = run_on_task(s, "UPDATE task SET version = version + 1 WHERE id = ?1", id, NULL, err);
		edit->version = version + 1;
	}
	return status;
}

enum cchc_status cchc_store_apply_edit(struct cchc_store *store, struct cchc_edit *edit,
				       struct cchc_error *err)
{
	for (size_t i = 0; i < edit->count; i++) {
		enum cchc_status status = cchc_store_check_value(store, edit->changes[i].field,
								 edit->changes[i].new_value, err);
		if (status != CCHC_OK) {
			return status;
		}
	}
	int64_t before = edit->version;
	enum cchc_status status = begin(store, err);
	if (status == CCHC_OK) {
		status = apply_all(store, edit, err);
		status = end(store, status, err);
	}
	if (status != CCHC_OK) {
		edit->version = before;
	}
	return status;
}

enum cchc_status cchc_store_data_version(struct cchc_store *store, int64_t *out,
					 struct cchc_error *err)
{
	int v = 0;
	enum cchc_status status = pragma_int(store, "PRAGMA data_version", &v, err);
	*out = v;
	return status;
}

/* ---- history ------------------------------------------------------------- */

enum cchc_status cchc_store_history(struct cchc_store *store, long seq,
				    struct cchc_history_entry **out, size_t *count,
				    struct cchc_error *err)
{
	*out = NULL;
	*count = 0;
	sqlite3_stmt *st = prepare(store,
				   "SELECT h.at, h.who, h.field, h.old_value, h.new_value, h.reason "
				   "FROM history h JOIN task t ON t.id = h.task_id WHERE t.seq = ?1 AND "
				   "t.section_id IN (SELECT id FROM section WHERE plan_id = "
				   "(SELECT max(id) FROM plan)) ORDER BY h.id",
				   err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	sqlite3_bind_int64(st, 1, seq);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = cchc_xgrow(*out, &cap, *count + 1, sizeof **out);
		column_history(st, 0, &(*out)[(*count)++]);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CCHC_OK : db_error(store, err);
}


/* ---- by ref, for scripts and tests -------------------------------------- */

static enum cchc_status edit_by_ref(struct cchc_store *s, const char *ref, struct cchc_edit *edit,
				   struct cchc_error *err)
{
	sqlite3_stmt *st = prepare(s,
				   "SELECT seq, version FROM task WHERE ref = ?1 AND section_id IN "
				   "(SELECT id FROM section WHERE plan_id = (SELECT max(id) FROM plan))",
				   err);
	if (!st) {
		return CCHC_ERR_DB;
	}
	bind_text(st, 1, ref);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		edit->seq = (long)sqlite3_column_int64(st, 0);
		edit->version = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW) {
		return cchc_store_apply_edit(s, edit, err);
	}
	return rc == SQLITE_DONE ? cchc_error_set(err, CCHC_ERR_NOT_FOUND, _("no task %s"), ref)
				 : db_error(s, err);
}

enum cchc_status cchc_store_set_status(struct cchc_store *store, const char *ref,
				       enum cchc_task_status status, cchc_day today,
				       const char *reason, struct cchc_error *err)
{
	struct cchc_edit edit = {.reason = reason ? cchc_xstrdup(reason) : NULL};
	char day[11];
	cchc_date_format_iso(today, day);
	cchc_edit_set(&edit, CCHC_FIELD_STATUS, cchc_task_status_key(status));
	cchc_edit_set(&edit, CCHC_FIELD_COMPLETED_ON, status == CCHC_TASK_DONE ? day : NULL);
	enum cchc_status result = edit_by_ref(store, ref, &edit, err);
	cchc_edit_finish(&edit);
	return result;
}

enum cchc_status cchc_store_set_progress(struct cchc_store *store, const char *ref, int progress,
					 const char *reason, struct cchc_error *err)
{
	char value[16];
	snprintf(value, sizeof value, "%d", progress);
	if (progress < 0) {
		return cchc_error_set(err, CCHC_ERR_INPUT,
				      _("progress must be a whole number from 0 to 100, not “%s”"), value);
	}
	struct cchc_edit edit = {.reason = reason ? cchc_xstrdup(reason) : NULL};
	cchc_edit_set(&edit, CCHC_FIELD_PROGRESS, value);
	enum cchc_status result = edit_by_ref(store, ref, &edit, err);
	cchc_edit_finish(&edit);
	return result;
}

enum cchc_status cchc_store_set_note(struct cchc_store *store, const char *ref, const char *note,
				     const char *reason, struct cchc_error *err)
{
	if (cchc_text_utf8_invalid(note, strlen(note)) != strlen(note)) {
		return cchc_error_set(err, CCHC_ERR_INPUT, "%s", _("the text is not valid UTF-8"));
	}
	char *nfc = cchc_text_nfc(note);
	struct cchc_edit edit = {.reason = reason ? cchc_xstrdup(reason) : NULL};
	cchc_edit_set(&edit, CCHC_FIELD_NOTE, nfc);
	enum cchc_status result = edit_by_ref(store, ref, &edit, err);
	cchc_edit_finish(&edit);
	free(nfc);
	return result;
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
