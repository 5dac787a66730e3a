// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "cchc/export.h"
#include "cchc/importer.h"
#include "cchc/store.h"
#include "check_compat.h"

static struct cchc_plan *seed_through_store(void)
{
	size_t n;
	char *doc = slurp(SOURCE_ROOT "/data/ke-hoach-cchc-khanh-hoa-2026.txt", &n);
	struct cchc_agency_catalogue *cat = cchc_agency_catalogue_builtin();
	struct cchc_plan *parsed = NULL, *loaded = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	struct cchc_store *store = NULL;
	ck_assert_int_eq(cchc_import_parse(doc, n, NULL, cat, &parsed, &notes, &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_open(":memory:", CCHC_STORE_READ_WRITE, &store, &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_save_plan(store, parsed, cat, false, &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_load_plan(store, &loaded, &err), CCHC_OK);
	cchc_store_close(store);
	cchc_plan_destroy(parsed);
	cchc_names_finish(&notes);
	cchc_agency_catalogue_destroy(cat);
	free(doc);
	return loaded;
}

static char *export_to_string(enum cchc_status (*fn)(FILE *, const struct cchc_plan *, long,
						     cchc_day, struct cchc_error *),
			      const struct cchc_plan *plan, long section)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct cchc_error err = {0};
	ck_assert_int_eq(fn(out, plan, section, cchc_date_from_ymd(2026, 12, 4), &err), CCHC_OK);
	fclose(out);
	return buf;
}

START_TEST(seed_json_matches_the_checked_fixture)
{
	struct cchc_plan *plan = seed_through_store();
	char *json = export_to_string(cchc_export_json, plan, -1);
	char *expected = slurp(SOURCE_ROOT "/tests/fixtures/seed-2026.expected.json", NULL);
	if (strcmp(json, expected) != 0) {
		FILE *f = fopen("seed-2026.actual.json", "w");
		fputs(json, f);
		fclose(f);
	}
	ck_assert_msg(strcmp(json, expected) == 0,
		      "export differs from tests/fixtures/seed-2026.expected.json (see seed-2026.actual.json)");
	free(json);
	free(expected);
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(sections_are_found_by_numeral_or_number)
{
	struct cchc_plan *plan = seed_through_store();
	ck_assert_int_eq(cchc_export_find_section(plan, "III"), 2);
	ck_assert_int_eq(cchc_export_find_section(plan, "iii"), 2);
	ck_assert_int_eq(cchc_export_find_section(plan, "3"), 2);
	ck_assert_int_eq(cchc_export_find_section(plan, "VIII"), -1);
	ck_assert_int_eq(cchc_export_find_section(plan, "0"), -1);
	char *json = export_to_string(cchc_export_json, plan, 1);
	ck_assert_ptr_nonnull(strstr(json, "\"code\": \"II\""));
	ck_assert_ptr_null(strstr(json, "\"code\": \"I\""));
	free(json);
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(csv_has_bom_header_and_inert_formulas)
{
	struct cchc_plan *plan = seed_through_store();
	free(plan->tasks[0].note);
	plan->tasks[0].note = strdup("=1+1");
	char *csv = export_to_string(cchc_export_csv, plan, 0);
	static const char head[] = "\xEF\xBB\xBF\"ref\",\"section\"";
	ck_assert(strncmp(csv, head, sizeof head - 1) == 0);
	ck_assert_ptr_nonnull(strstr(csv, "\"'=1+1\"\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "\"'- Sở Tư pháp chủ trì"));
	ck_assert_ptr_null(strstr(csv, "\"II.1\""));
	size_t rows = 0;
	for (const char *p = csv; (p = strstr(p, "\r\n\"I.")); p++) {
		rows++;
	}
	ck_assert_uint_eq(rows, 13);
	free(csv);
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(states_follow_status_and_today)
{
	struct cchc_plan *plan = seed_through_store();
	struct cchc_task *t = &plan->tasks[cchc_plan_find_task(plan, "I.10")]; /* Quý I/2026 */
	int days;
	ck_assert_int_eq(cchc_task_state(t, cchc_date_from_ymd(2026, 3, 31), &days), CCHC_STATE_ON_TRACK);
	ck_assert_int_eq(cchc_task_state(t, cchc_date_from_ymd(2026, 4, 2), &days), CCHC_STATE_OVERDUE);
	ck_assert_int_eq(days, 2);
	t->status = CCHC_TASK_DONE;
	t->completed_on = cchc_date_from_ymd(2026, 3, 31);
	ck_assert_int_eq(cchc_task_state(t, cchc_date_from_ymd(2026, 12, 4), &days), CCHC_STATE_DONE_ON_TIME);
	t->completed_on = cchc_date_from_ymd(2026, 4, 1);
	ck_assert_int_eq(cchc_task_state(t, cchc_date_from_ymd(2026, 12, 4), &days), CCHC_STATE_DONE_LATE);
	t->status = CCHC_TASK_CANCELLED;
	ck_assert_int_eq(cchc_task_state(t, cchc_date_from_ymd(2026, 12, 4), &days), CCHC_STATE_CANCELLED);
	t = &plan->tasks[cchc_plan_find_task(plan, "I.8")]; /* Thường xuyên */
	ck_assert_int_eq(cchc_task_state(t, cchc_date_from_ymd(2026, 12, 4), &days), CCHC_STATE_NO_DEADLINE);
	t = &plan->tasks[cchc_plan_find_task(plan, "VII.5")]; /* 6/2026 and 12/2026 */
	t->milestones.items[0].reached = true;
	ck_assert_int_eq(cchc_task_state(t, cchc_date_from_ymd(2026, 12, 4), &days), CCHC_STATE_ON_TRACK);
	cchc_plan_destroy(plan);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("export");
	tcase_add_test(tc, seed_json_matches_the_checked_fixture);
	tcase_add_test(tc, sections_are_found_by_numeral_or_number);
	tcase_add_test(tc, csv_has_bom_header_and_inert_formulas);
	tcase_add_test(tc, states_follow_status_and_today);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
