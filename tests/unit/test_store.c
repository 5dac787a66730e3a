// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cchc/importer.h"
#include "cchc/store.h"
#include "cchc/strbuf.h"
#include "check_compat.h"

#define H "TT\tNhiệm vụ\tKết quả/sản phẩm đạt được\tTiến độ\tPhân công\n"

static const char plan_v1[] =
	H "I\tMỘT\t\t\t\n"
	"1\tGiữ nguyên\tR\tQuý I/2026\tSở Nội vụ chủ trì, phối hợp Sở Tư pháp\n"
	"2\tSẽ đổi tên\tR\tTháng 5/2026\tSở Tư pháp chủ trì\n"
	"3\tSẽ bị bỏ\tR\tTrong năm 2026\tSở Tài chính chủ trì\n"
	"II\tHAI\t\t\t\n"
	"1\tNhiệm vụ hai một\tA\tTháng 02/2026\tSở Nội vụ chủ trì\n"
	"\t\tB\tTháng 5/2026\t\n";

static struct cchc_plan *parse(const char *doc)
{
	struct cchc_agency_catalogue *cat = cchc_agency_catalogue_builtin();
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	ck_assert_msg(cchc_import_parse(doc, strlen(doc), NULL, cat, &plan, &notes, &err) == CCHC_OK,
		      "%s", err.message);
	cchc_names_finish(&notes);
	cchc_agency_catalogue_destroy(cat);
	return plan;
}

static struct cchc_store *open_memory(void)
{
	struct cchc_store *store = NULL;
	struct cchc_error err = {0};
	ck_assert_msg(cchc_store_open(":memory:", CCHC_STORE_READ_WRITE, &store, &err) == CCHC_OK,
		      "%s", err.message);
	return store;
}

static void save(struct cchc_store *store, const char *doc, bool replace, enum cchc_status want)
{
	struct cchc_plan *plan = parse(doc);
	struct cchc_agency_catalogue *cat = cchc_agency_catalogue_builtin();
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_save_plan(store, plan, cat, replace, &err), want);
	cchc_agency_catalogue_destroy(cat);
	cchc_plan_destroy(plan);
}

/* No dangling reference after an import or a replace. */
static void foreign_keys_hold(const char *path)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *q;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &q, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL);
	ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(q, 0), "ok");
	sqlite3_finalize(q);
	sqlite3_close(db);
}

static struct cchc_plan *load(struct cchc_store *store)
{
	struct cchc_plan *plan = NULL;
	struct cchc_error err = {0};
	ck_assert_msg(cchc_store_load_plan(store, &plan, &err) == CCHC_OK, "%s", err.message);
	return plan;
}

static const struct cchc_task *task(const struct cchc_plan *plan, const char *ref)
{
	size_t i = cchc_plan_find_task(plan, ref);
	ck_assert_msg(i != CCHC_NO_PARENT, "no task %s", ref);
	return &plan->tasks[i];
}

START_TEST(a_new_database_is_migrated_private_and_in_wal)
{
	char path[] = "/tmp/cchc-store-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	struct cchc_store *store = NULL;
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_open(path, CCHC_STORE_READ_WRITE, &store, &err), CCHC_OK);
	cchc_store_close(store);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *q;
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL);
	ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(q, 0), cchc_store_schema_version());
	sqlite3_finalize(q);
	sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, NULL);
	ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(q, 0), "wal");
	sqlite3_finalize(q);
	sqlite3_close(db);
	unlink(path);
}
END_TEST

START_TEST(a_newer_database_is_refused)
{
	char path[] = "/tmp/cchc-store-XXXXXX";
	close(mkstemp(path));
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	struct cchc_store *store = NULL;
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_open(path, CCHC_STORE_READ_WRITE, &store, &err), CCHC_ERR_NEWER);
	ck_assert_ptr_null(store);
	ck_assert_ptr_nonnull(strstr(err.message, "newer"));
	unlink(path);
}
END_TEST

START_TEST(an_older_database_is_backed_up_then_migrated)
{
	char path[] = "/tmp/cchc-store-XXXXXX";
	close(mkstemp(path));
	unlink(path);
	char *v1 = slurp(SOURCE_ROOT "/schema/001_init.sql", NULL);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, v1, NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA user_version = 1; INSERT INTO plan (title, year, imported_at) "
					  "VALUES ('Kế hoạch', 2026, 'x')", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	free(v1);
	struct cchc_store *store = NULL;
	struct cchc_error err = {0};
	ck_assert_msg(cchc_store_open(path, CCHC_STORE_READ_WRITE, &store, &err) == CCHC_OK, "%s",
		      err.message);
	cchc_store_close(store);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "ls %s.backups/cchc-*-before-v%d.db >/dev/null", path,
		 cchc_store_schema_version());
	ck_assert_int_eq(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "rm -rf %s %s.backups %s-wal %s-shm", path, path, path, path);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(a_file_that_is_no_database_is_refused)
{
	char path[] = "/tmp/cchc-store-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_eq(write(fd, "this is not a database, just text that is long enough ....", 58), 58);
	close(fd);
	struct cchc_store *store = NULL;
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_open(path, CCHC_STORE_READ_WRITE, &store, &err), CCHC_ERR_DB);
	ck_assert_ptr_null(store);
	unlink(path);
}
END_TEST

START_TEST(a_saved_plan_loads_back)
{
	struct cchc_store *store = open_memory();
	save(store, plan_v1, false, CCHC_OK);
	struct cchc_plan *plan = load(store);
	ck_assert_uint_eq(plan->section_count, 2);
	ck_assert_uint_eq(plan->task_count, 4);
	ck_assert_uint_eq(plan->sections[1].first_task, 3);
	const struct cchc_task *t = task(plan, "II.1");
	ck_assert_uint_eq(t->milestones.count, 2);
	ck_assert_str_eq(t->milestones.items[1].label, "B");
	ck_assert_str_eq(task(plan, "I.1")->coordinating.items[0], "Sở Tư pháp");
	cchc_plan_destroy(plan);
	cchc_store_close(store);
}
END_TEST

START_TEST(a_second_import_needs_replace)
{
	struct cchc_store *store = open_memory();
	save(store, plan_v1, false, CCHC_OK);
	save(store, plan_v1, false, CCHC_ERR_EXISTS);
	struct cchc_plan *plan = load(store);
	ck_assert_uint_eq(plan->task_count, 4);
	cchc_plan_destroy(plan);
	cchc_store_close(store);
}
END_TEST

START_TEST(replace_keeps_tracking_of_unchanged_tasks)
{
	struct cchc_store *store = open_memory();
	struct cchc_error err = {0};
	save(store, plan_v1, false, CCHC_OK);
	cchc_day today = cchc_date_from_ymd(2026, 3, 15);
	ck_assert_int_eq(cchc_store_set_status(store, "I.1", CCHC_TASK_DONE, today, "họp", &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_set_progress(store, "I.1", 100, NULL, &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_set_note(store, "I.1", "Đã xong", NULL, &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_set_status(store, "I.2", CCHC_TASK_IN_PROGRESS, today, NULL, &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_set_progress(store, "I.2", 40, NULL, &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_set_progress(store, "I.9", 40, NULL, &err), CCHC_ERR_NOT_FOUND);
	ck_assert_int_eq(cchc_store_set_progress(store, "I.1", 101, NULL, &err), CCHC_ERR_INPUT);

	const char revised[] =
		H "I\tMỘT\t\t\t\n"
		"1\tGiữ nguyên\tR mới\tQuý II/2026\tSở Nội vụ chủ trì\n"
		"2\tĐã đổi tên\tR\tTháng 5/2026\tSở Tư pháp chủ trì\n"
		"4\tMới thêm\tR\tTrong năm 2026\tSở Tài chính chủ trì\n"
		"II\tHAI\t\t\t\n1\tNhiệm vụ hai một\tR\tTháng 02/2026\tSở Nội vụ chủ trì\n";
	save(store, revised, true, CCHC_OK);
	struct cchc_plan *plan = load(store);
	ck_assert_uint_eq(plan->task_count, 4);
	const struct cchc_task *kept = task(plan, "I.1");
	ck_assert_int_eq(kept->status, CCHC_TASK_DONE);
	ck_assert_int_eq(kept->completed_on, today);
	ck_assert_int_eq(kept->progress, 100);
	ck_assert_str_eq(kept->note, "Đã xong");
	ck_assert_str_eq(kept->result, "R mới");
	const struct cchc_task *renamed = task(plan, "I.2");
	ck_assert_int_eq(renamed->status, CCHC_TASK_NOT_STARTED);
	ck_assert_int_eq(renamed->progress, 0);
	ck_assert_uint_eq(cchc_plan_find_task(plan, "I.3"), CCHC_NO_PARENT);
	int count = 0;
	ck_assert_int_eq(cchc_store_history_count(store, "I.1", &count, &err), CCHC_OK);
	ck_assert_int_eq(count, 4); /* status, completed_on, progress, note */
	ck_assert_int_eq(cchc_store_history_count(store, "I.2", &count, &err), CCHC_OK);
	ck_assert_int_eq(count, 0);
	cchc_plan_destroy(plan);
	cchc_store_close(store);
}
END_TEST

START_TEST(imports_and_replaces_leave_no_dangling_reference)
{
	char path[] = "/tmp/cchc-store-XXXXXX";
	close(mkstemp(path));
	unlink(path);
	struct cchc_store *store = NULL;
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_open(path, CCHC_STORE_READ_WRITE, &store, &err), CCHC_OK);
	save(store, plan_v1, false, CCHC_OK);
	cchc_store_set_status(store, "I.1", CCHC_TASK_DONE, cchc_date_from_ymd(2026, 3, 1), NULL, &err);
	cchc_store_set_note(store, "I.3", "bị bỏ", NULL, &err);
	foreign_keys_hold(path);
	save(store, plan_v1, true, CCHC_OK);
	foreign_keys_hold(path);
	int count = 0;
	ck_assert_int_eq(cchc_store_history_count(store, "I.1", &count, &err), CCHC_OK);
	ck_assert_int_eq(count, 2);
	cchc_store_close(store);
	foreign_keys_hold(path);
	unlink(path);
}
END_TEST

START_TEST(undone_status_clears_completed_on)
{
	struct cchc_store *store = open_memory();
	struct cchc_error err = {0};
	save(store, plan_v1, false, CCHC_OK);
	cchc_day today = cchc_date_from_ymd(2026, 3, 15);
	cchc_store_set_status(store, "I.1", CCHC_TASK_DONE, today, NULL, &err);
	cchc_store_set_status(store, "I.1", CCHC_TASK_IN_PROGRESS, today, NULL, &err);
	struct cchc_plan *plan = load(store);
	ck_assert_int_eq(task(plan, "I.1")->completed_on, CCHC_NO_DAY);
	cchc_plan_destroy(plan);
	cchc_store_close(store);
}
END_TEST

static size_t place(const struct cchc_names *names, const char *name)
{
	for (size_t i = 0; i < names->count; i++) {
		if (strcmp(names->items[i], name) == 0) {
			return i;
		}
	}
	ck_abort_msg("no %s", name);
	return 0;
}

static void ck_described(const char *iso, const char *want)
{
	struct cchc_strbuf out = {0};
	cchc_time_describe(iso, &out);
	ck_assert_str_eq(out.data, want);
	cchc_strbuf_finish(&out);
}

START_TEST(times_read_as_officers_write_them)
{
	ck_described("2026-12-04T16:40:00+0700", "04/12/2026 16:40");
	ck_described("2026-12-01", "01/12/2026");
	ck_described("XONG-01-02", "XONG-01-02"); /* a note, not a date */
	ck_described("Q.12-ab-cd", "Q.12-ab-cd");
	struct cchc_history_entry e = {.field = "note", .old_value = NULL, .new_value = "2026-1-02x"};
	e.at = "2026-12-04T08:00:00+0700";
	struct cchc_strbuf when = {0}, what = {0};
	cchc_history_describe(&e, &when, &what);
	ck_assert_str_eq(when.data, "04/12/2026 08:00");
	ck_assert_str_eq(what.data, "Note: – → 2026-1-02x");
	cchc_strbuf_finish(&when);
	cchc_strbuf_finish(&what);
}
END_TEST

START_TEST(agencies_come_in_vietnamese_order)
{
	struct cchc_store *store = open_memory();
	size_t n;
	char *doc = slurp(SOURCE_ROOT "/data/ke-hoach-cchc-khanh-hoa-2026.txt", &n);
	save(store, doc, false, CCHC_OK);
	free(doc);
	struct cchc_names names = {0};
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_agency_names(store, &names, &err), CCHC_OK);
	/* a byte order would put "Báo" before "Ban", "Bộ" after "Công", "Các đ…" after "Các s…" */
	const char *in_order[] = {"Ban Quản lý Khu kinh tế Vân Phong", "Báo và Phát thanh, Truyền hình Khánh Hòa",
				  "Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh", "HĐND tỉnh", "Sở Tài chính",
				  "Sở Tư pháp", "Văn phòng UBND tỉnh", "Các địa phương", "Các sở, ban, ngành",
				  "Đại biểu HĐND tỉnh", "UBND cấp xã"};
	for (size_t i = 1; i < sizeof in_order / sizeof *in_order; i++) {
		ck_assert_msg(place(&names, in_order[i - 1]) < place(&names, in_order[i]), "%s before %s",
			      in_order[i - 1], in_order[i]);
	}
	cchc_names_finish(&names);
	cchc_store_close(store);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");
	tcase_add_test(tc, a_new_database_is_migrated_private_and_in_wal);
	tcase_add_test(tc, a_newer_database_is_refused);
	tcase_add_test(tc, a_file_that_is_no_database_is_refused);
	tcase_add_test(tc, an_older_database_is_backed_up_then_migrated);
	tcase_add_test(tc, a_saved_plan_loads_back);
	tcase_add_test(tc, a_second_import_needs_replace);
	tcase_add_test(tc, replace_keeps_tracking_of_unchanged_tasks);
	tcase_add_test(tc, imports_and_replaces_leave_no_dangling_reference);
	tcase_add_test(tc, undone_status_clears_completed_on);
	tcase_add_test(tc, agencies_come_in_vietnamese_order);
	tcase_add_test(tc, times_read_as_officers_write_them);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
