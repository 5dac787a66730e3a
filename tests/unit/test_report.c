// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "cchc/importer.h"
#include "cchc/report.h"
#include "cchc/store.h"
#include "check_compat.h"

static struct cchc_store *store;

static void setup(void)
{
	size_t n;
	char *doc = slurp(SOURCE_ROOT "/data/ke-hoach-cchc-khanh-hoa-2026.txt", &n);
	struct cchc_agency_catalogue *cat = cchc_agency_catalogue_builtin();
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_import_parse(doc, n, NULL, cat, &plan, &notes, &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_open(":memory:", CCHC_STORE_READ_WRITE, &store, &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_save_plan(store, plan, cat, false, &err), CCHC_OK);
	cchc_plan_destroy(plan);
	cchc_names_finish(&notes);
	cchc_agency_catalogue_destroy(cat);
	free(doc);
}

static void teardown(void)
{
	cchc_store_close(store);
}

static char *render(enum cchc_status (*fn)(FILE *, const struct cchc_plan *,
					   const struct cchc_report_options *, struct cchc_error *),
		    const struct cchc_report_options *o)
{
	struct cchc_plan *plan = NULL;
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_load_plan(store, &plan, &err), CCHC_OK);
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	ck_assert_int_eq(fn(out, plan, o, &err), CCHC_OK);
	fclose(out);
	cchc_plan_destroy(plan);
	return buf;
}

START_TEST(counts_follow_the_provincial_way)
{
	struct cchc_error err = {0};
	cchc_day today = cchc_date_from_ymd(2026, 12, 4);
	cchc_store_set_status(store, "II.1", CCHC_TASK_DONE, today, NULL, &err);
	cchc_store_set_status(store, "II.3", CCHC_TASK_DONE, cchc_date_from_ymd(2026, 6, 1), NULL, &err);
	cchc_store_set_status(store, "II.4", CCHC_TASK_CANCELLED, today, NULL, &err);
	struct cchc_plan *plan = NULL;
	ck_assert_int_eq(cchc_store_load_plan(store, &plan, &err), CCHC_OK);
	struct cchc_report_counts c;
	cchc_report_count(plan, 1, today, &c);
	ck_assert_int_eq(c.total, 17); /* 19 rows less the two group headings */
	ck_assert_int_eq(c.done, 2);
	ck_assert_int_eq(c.states[CCHC_STATE_CANCELLED], 1);
	ck_assert_int_eq(c.percent, 2 * 100 / 16);
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(minutes_list_each_change_with_time_reason_and_who)
{
	struct cchc_error err = {0};
	cchc_store_set_status(store, "III.6", CCHC_TASK_DONE, cchc_date_from_ymd(2026, 12, 4),
			      "họp giao ban tháng 12", &err);
	cchc_store_set_note(store, "I.1", "Đã trình", NULL, &err);
	struct cchc_report_options o = {.section = -1, .today = cchc_date_from_ymd(2026, 12, 4),
					.width = 200, .changes_since = "2000-01-01"};
	char *text = render(cchc_report_text, &o);
	ck_assert_ptr_nonnull(strstr(text, "Changes since 01/01/2000"));
	ck_assert_ptr_nonnull(strstr(text, "III.6"));
	ck_assert_ptr_nonnull(strstr(text, "Status: Not started → Done"));
	ck_assert_ptr_nonnull(strstr(text, "họp giao ban tháng 12"));
	ck_assert_ptr_nonnull(strstr(text, "Note: – → Đã trình"));
	free(text);
	o.changes_since = "2999-01-01";
	text = render(cchc_report_text, &o);
	ck_assert_ptr_nonnull(strstr(text, "No change was made"));
	free(text);
}
END_TEST

START_TEST(printed_pages_repeat_the_table_header_and_are_numbered)
{
	struct cchc_report_options o = {.section = -1, .today = cchc_date_from_ymd(2026, 12, 4),
					.width = 80, .page_lines = 40};
	char *text = render(cchc_report_text, &o);
	int pages = 1, tops_with_header = 0;
	char *save = NULL;
	for (char *page = strtok_r(text, "\f", &save); page; page = strtok_r(NULL, "\f", &save)) {
		int lines = 0;
		for (char *p = page; *p; p++) {
			lines += *p == '\n';
		}
		ck_assert_int_le(lines, 40 + 1);
		char want[32];
		snprintf(want, sizeof want, "Page %d/", pages);
		ck_assert_msg(strstr(page, want) != NULL, "page %d lacks its number", pages);
		tops_with_header += strncmp(page, "No.", 3) == 0;
		pages++;
	}
	ck_assert_int_gt(pages, 10);
	ck_assert_int_gt(tops_with_header, 5);
	free(text);
}
END_TEST

START_TEST(html_is_one_self_contained_file)
{
	struct cchc_report_options o = {.section = 2, .today = cchc_date_from_ymd(2026, 12, 4), .width = 80};
	char *html = render(cchc_report_html, &o);
	ck_assert(strncmp(html, "<!DOCTYPE html>", 15) == 0);
	ck_assert_ptr_null(strstr(html, "<link"));
	ck_assert_ptr_null(strstr(html, "<script"));
	ck_assert_ptr_nonnull(strstr(html, "thead { display: table-header-group; }"));
	ck_assert_ptr_nonnull(strstr(html, "III. CẢI CÁCH TỔ CHỨC BỘ MÁY"));
	free(html);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, counts_follow_the_provincial_way);
	tcase_add_test(tc, minutes_list_each_change_with_time_reason_and_who);
	tcase_add_test(tc, printed_pages_repeat_the_table_header_and_are_numbered);
	tcase_add_test(tc, html_is_one_self_contained_file);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
