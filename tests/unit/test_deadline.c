// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "cchc/deadline.h"
#include "cchc/strbuf.h"
#include "check_compat.h"

/* Milestones as "kind start due label" lines, "-" for no date. */
static char *render(const struct cchc_milestones *list)
{
	struct cchc_strbuf sb = {0};
	for (size_t i = 0; i < list->count; i++) {
		const struct cchc_milestone *m = &list->items[i];
		char start[11] = "-", due[11] = "-";
		if (m->start != CCHC_NO_DAY) {
			cchc_date_format_iso(m->start, start);
		}
		if (m->due != CCHC_NO_DAY) {
			cchc_date_format_iso(m->due, due);
		}
		cchc_strbuf_printf(&sb, "%s%s %s %s %s", i ? "\n" : "", cchc_milestone_kind_key(m->kind),
				   start, due, m->label);
	}
	return cchc_strbuf_steal(&sb);
}

struct row {
	const char *text;
	const char *expected;
};

/* Every deadline phrase of the 2026 Khánh Hòa plan, then the SPEC table,
 * then text that must not become a deadline. Plan year 2026. */
static const struct row rows[] = {
	/* the seed */
	{"Tháng 01/2026", "date - 2026-01-31 Tháng 01/2026"},
	{"Tháng 02/2026", "date - 2026-02-28 Tháng 02/2026"},
	{"Tháng 6/2026", "date - 2026-06-30 Tháng 6/2026"},
	{"Tháng 9/2026", "date - 2026-09-30 Tháng 9/2026"},
	{"Tháng 12/2026", "date - 2026-12-31 Tháng 12/2026"},
	{"Theo hướng dẫn, tiến độ Trung ương",
	 "external - - Theo hướng dẫn, tiến độ Trung ương"},
	{"Tháng 01/2026 Trong năm 2026",
	 "date - 2026-01-31 Tháng 01/2026\ndate - 2026-12-31 Trong năm 2026"},
	{"Trong năm 2026", "date - 2026-12-31 Trong năm 2026"},
	{"Thường xuyên", "ongoing - - Thường xuyên"},
	{"- Tháng 02/2026: Ban hành Kế hoạch giai đoạn 2026-2030.\n- Tháng 5/2026: ban hành Kế hoạch năm 2026.",
	 "date - 2026-02-28 Ban hành Kế hoạch giai đoạn 2026-2030.\n"
	 "date - 2026-05-31 ban hành Kế hoạch năm 2026."},
	{"Quý I/2026", "date - 2026-03-31 Quý I/2026"},
	{"Trong năm (theo tiến độ phân công)",
	 "date - 2026-12-31 Trong năm (theo tiến độ phân công)"},
	{"Quý II/2026 (sau khi công bố kết quả PCI năm 2025)",
	 "date - 2026-06-30 Quý II/2026 (sau khi công bố kết quả PCI năm 2025)"},
	{"Trong năm 2026 (theo tiến độ kế hoạch)",
	 "date - 2026-12-31 Trong năm 2026 (theo tiến độ kế hoạch)"},
	{"Trong năm 2026 (theo tiến độ kế hoạch được phê duyệt)",
	 "date - 2026-12-31 Trong năm 2026 (theo tiến độ kế hoạch được phê duyệt)"},
	{"Trong năm 2026 (theo tiến độ Kế hoạch)",
	 "date - 2026-12-31 Trong năm 2026 (theo tiến độ Kế hoạch)"},
	{"Thực hiện liên tục, chủ động sắp xếp trên cơ sở hướng dẫn của Trung ương",
	 "ongoing - - Thực hiện liên tục, chủ động sắp xếp trên cơ sở hướng dẫn của Trung ương"},
	{"Thực hiện liên tục, chủ động theo hướng dẫn của Trung ương",
	 "ongoing - - Thực hiện liên tục, chủ động theo hướng dẫn của Trung ương"},
	{"Triển khai sau khi có Quyết định của Ban Tổ chức Trung ương, Ban Thường vụ Tỉnh ủy và Nghị quyết của HĐND tỉnh",
	 "external - - Triển khai sau khi có Quyết định của Ban Tổ chức Trung ương, Ban Thường vụ Tỉnh ủy và Nghị quyết của HĐND tỉnh"},
	{"Theo tiến độ và chủ trương của Trung ương",
	 "external - - Theo tiến độ và chủ trương của Trung ương"},
	{"Theo tiến độ, chủ trương và văn bản chỉ đạo của Trung ương",
	 "external - - Theo tiến độ, chủ trương và văn bản chỉ đạo của Trung ương"},
	{"Sau khi Đề án được phê duyệt", "external - - Sau khi Đề án được phê duyệt"},
	{"Theo quy định", "external - - Theo quy định"},
	{"Theo đề xuất của các cơ quan, tổ chức, đơn vị, địa phương",
	 "external - - Theo đề xuất của các cơ quan, tổ chức, đơn vị, địa phương"},
	{"Theo lộ trình kế hoạch giải ngân vốn đầu tư công năm 2026\n"
	 "- Đến 31/12/2026: Hoàn thành tối thiểu 90% kế hoạch được giao\n"
	 "- Đến 31/01/2027: Hoàn thành 100% kế hoạch được giao",
	 "external - - Theo lộ trình kế hoạch giải ngân vốn đầu tư công năm 2026\n"
	 "date - 2026-12-31 Hoàn thành tối thiểu 90% kế hoạch được giao\n"
	 "date - 2027-01-31 Hoàn thành 100% kế hoạch được giao"},
	{"Thường xuyên trong năm 2026", "ongoing - - Thường xuyên trong năm 2026"},
	{"Theo tiến độ", "external - - Theo tiến độ"},
	{"Từ tháng 6 - tháng 11/2026", "range 2026-06-01 2026-11-30 Từ tháng 6 - tháng 11/2026"},
	{"Theo Quy chế của UBND tỉnh", "external - - Theo Quy chế của UBND tỉnh"},
	{"Theo tiến độ của Bộ Nội vụ", "external - - Theo tiến độ của Bộ Nội vụ"},
	{"Theo tiến độ Kế hoạch của Bộ Nội vụ", "external - - Theo tiến độ Kế hoạch của Bộ Nội vụ"},
	{"Theo tiến độ được giao", "external - - Theo tiến độ được giao"},
	{"", ""},
	/* the SPEC table */
	{"tháng 9/2026", "date - 2026-09-30 tháng 9/2026"},
	{"Quý III/2026", "date - 2026-09-30 Quý III/2026"},
	{"Quý IV/2026", "date - 2026-12-31 Quý IV/2026"},
	{"6 tháng đầu năm 2026", "date - 2026-06-30 6 tháng đầu năm 2026"},
	{"Năm 2026", "date - 2026-12-31 Năm 2026"},
	{"Đến 31/12/2026: tổng kết", "date - 2026-12-31 tổng kết"},
	{"trước ngày 30/6/2026", "date - 2026-06-30 trước ngày 30/6/2026"},
	{"30/9/2026", "date - 2026-09-30 30/9/2026"},
	{"Hằng năm", "ongoing - - Hằng năm"},
	{"Theo hướng dẫn của Bộ", "external - - Theo hướng dẫn của Bộ"},
	{"Sau khi có hướng dẫn", "external - - Sau khi có hướng dẫn"},
	{"Tháng 02/2028", "date - 2028-02-29 Tháng 02/2028"},
	{"Quý 2/2026", "date - 2026-06-30 Quý 2/2026"},
	{"tháng 3 năm 2026", "date - 2026-03-31 tháng 3 năm 2026"},
	{"QUÝ I/2026", "date - 2026-03-31 QUÝ I/2026"},
	{"6 tháng cuối năm 2026", "range 2026-07-01 2026-12-31 6 tháng cuối năm 2026"},
	/* not deadlines */
	{"Khi cần thiết", "external - - Khi cần thiết"},
	{"Ban hành Kế hoạch năm 2026", "external - - Ban hành Kế hoạch năm 2026"},
};

START_TEST(phrase_table)
{
	const struct row *r = &rows[_i];
	struct cchc_milestones list = {0};
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_deadline_parse(r->text, 2026, &list, &err), CCHC_OK);
	char *got = render(&list);
	ck_assert_msg(strcmp(got, r->expected) == 0, "\n“%s”\n gave\n%s\n expected\n%s", r->text,
		      got, r->expected);
	free(got);
	cchc_milestones_finish(&list);
}
END_TEST

static const char *const impossible[] = {
	"31/02/2026", "Tháng 13/2026", "30/2/2027", "Quý I/3026", "Đến 32/12/2026: x",
};

START_TEST(impossible_dates_are_errors)
{
	struct cchc_milestones list = {0};
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_deadline_parse(impossible[_i], 2026, &list, &err), CCHC_ERR_INPUT);
	ck_assert_uint_eq(list.count, 0);
	ck_assert_msg(strstr(err.message, "not a real date") != NULL, "%s", err.message);
}
END_TEST

START_TEST(decomposed_input_reads_the_same)
{
	struct cchc_milestones list = {0};
	struct cchc_error err = {0};
	/* "Quý" with a decomposed ý */
	ck_assert_int_eq(cchc_deadline_parse("Quy\xCC\x81 II/2026", 2026, &list, &err), CCHC_OK);
	ck_assert_uint_eq(list.count, 1);
	char due[11];
	cchc_date_format_iso(list.items[0].due, due);
	ck_assert_str_eq(due, "2026-06-30");
	cchc_milestones_finish(&list);
}
END_TEST

START_TEST(trong_nam_needs_a_year)
{
	struct cchc_milestones list = {0};
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_deadline_parse("Trong năm", 0, &list, &err), CCHC_OK);
	ck_assert_uint_eq(list.count, 1);
	ck_assert_int_eq(list.items[0].kind, CCHC_KIND_EXTERNAL);
	cchc_milestones_finish(&list);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("deadline");
	TCase *tc = tcase_create("deadline");
	tcase_add_loop_test(tc, phrase_table, 0, (int)(sizeof rows / sizeof *rows));
	tcase_add_loop_test(tc, impossible_dates_are_errors, 0,
			    (int)(sizeof impossible / sizeof *impossible));
	tcase_add_test(tc, decomposed_input_reads_the_same);
	tcase_add_test(tc, trong_nam_needs_a_year);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
