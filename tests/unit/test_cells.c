// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "cchc/cells.h"
#include "check_compat.h"

static void expect_clean(const char *raw, const char *expected)
{
	char *got = cchc_cell_clean(raw);
	ck_assert_str_eq(got, expected);
	free(got);
}

START_TEST(markup_is_stripped_and_blocks_become_lines)
{
	expect_clean("<p>Sở Nội vụ chủ trì</p> <p>(Ưu tiên cấp xã)</p>",
		     "Sở Nội vụ chủ trì\n(Ưu tiên cấp xã)");
	expect_clean("<ul style=\"list-style-type: none\"> - A - B ", "- A - B");
	expect_clean("<p>Theo lộ trình</p> <ul style=\"x\"> - Đến 31/12/2026: X",
		     "Theo lộ trình\n- Đến 31/12/2026: X");
	expect_clean("a <b>bold</b> &amp; &lt;tag&gt;", "a bold & <tag>");
	expect_clean("x < 5% and 3 > 2", "x < 5% and 3 > 2");
	expect_clean("  many   spaces\there ", "many spaces here");
}
END_TEST

START_TEST(continuations_join_with_one_space)
{
	char *j = cchc_cell_join("Trong năm 2026 (theo tiến độ kế", "hoạch)");
	ck_assert_str_eq(j, "Trong năm 2026 (theo tiến độ kế hoạch)");
	free(j);
	j = cchc_cell_join("", "phương");
	ck_assert_str_eq(j, "phương");
	free(j);
	j = cchc_cell_join("đối với tối ", "đạt 70%\n- Phát hiện");
	ck_assert_str_eq(j, "đối với tối đạt 70%\n- Phát hiện");
	free(j);
}
END_TEST

START_TEST(flattened_lists_split_into_items)
{
	char *s = cchc_cell_split_items("- Sở Tư pháp chủ trì - Các sở, ban, ngành thực hiện");
	ck_assert_str_eq(s, "- Sở Tư pháp chủ trì\n- Các sở, ban, ngành thực hiện");
	free(s);
	s = cchc_cell_split_items("- Chương trình giai đoạn 2026 - 2030 - Văn bản");
	ck_assert_str_eq(s, "- Chương trình giai đoạn 2026 - 2030\n- Văn bản");
	free(s);
	s = cchc_cell_split_items("- Tổng số 2026 - 100% hồ sơ");
	ck_assert_str_eq(s, "- Tổng số 2026\n- 100% hồ sơ");
	free(s);
	/* a line that is not a list keeps its dashes */
	s = cchc_cell_split_items("Phần mềm quản lý chấm điểm - Bộ chỉ số");
	ck_assert_str_eq(s, "Phần mềm quản lý chấm điểm - Bộ chỉ số");
	free(s);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cells");
	TCase *tc = tcase_create("cells");
	tcase_add_test(tc, markup_is_stripped_and_blocks_become_lines);
	tcase_add_test(tc, continuations_join_with_one_space);
	tcase_add_test(tc, flattened_lists_split_into_items);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
