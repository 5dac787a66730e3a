// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <iconv.h>
#include <string.h>

#include "cchc/importer.h"
#include "cchc/strbuf.h"
#include "check_compat.h"

#define H "TT\tNhiệm vụ\tKết quả/sản phẩm đạt được\tTiến độ\tPhân công\n"
#define H0 "\tNhiệm vụ\tKết quả/sản phẩm đạt được\tTiến độ\tPhân công\n"

static struct cchc_agency_catalogue *cat;

static void setup(void)
{
	cat = cchc_agency_catalogue_builtin();
}

static void teardown(void)
{
	cchc_agency_catalogue_destroy(cat);
}

static enum cchc_status parse_enc(const char *doc, size_t n, const char *enc,
				  struct cchc_plan **plan, struct cchc_names *notes,
				  struct cchc_error *err)
{
	struct cchc_import_options opt = {.encoding = enc};
	return cchc_import_parse(doc, n, &opt, cat, plan, notes, err);
}

static struct cchc_plan *parse_ok(const char *doc)
{
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	enum cchc_status s = parse_enc(doc, strlen(doc), NULL, &plan, &notes, &err);
	ck_assert_msg(s == CCHC_OK, "import failed: %s", err.message);
	cchc_names_finish(&notes);
	return plan;
}

static void parse_fails(const char *doc, size_t n, const char *needle)
{
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	enum cchc_status s = parse_enc(doc, n, NULL, &plan, &notes, &err);
	ck_assert_int_eq(s, CCHC_ERR_INPUT);
	ck_assert_ptr_null(plan);
	ck_assert_msg(strstr(err.message, needle) != NULL, "message “%s” lacks “%s”", err.message,
		      needle);
	cchc_names_finish(&notes);
}

static const struct cchc_task *task(const struct cchc_plan *plan, const char *ref)
{
	size_t i = cchc_plan_find_task(plan, ref);
	ck_assert_msg(i != CCHC_NO_PARENT, "no task %s", ref);
	return &plan->tasks[i];
}

static const char basic[] =
	"QUYẾT ĐỊNH\n\nBan hành Kế hoạch cải cách hành chính tỉnh X năm 2026\n\nĐiều 1. Văn bản.\n\n"
	H "I\tCẢI CÁCH THỂ CHẾ\t\t\t\n"
	"1\tNhiệm vụ một\tKết quả một\tQuý I/2026\tSở Nội vụ chủ trì, phối hợp Sở Tư pháp\n"
	"\n" H
	"2\tNhiệm vụ hai\tKết quả hai\tTháng 01/2026\tSở Tư pháp chủ trì\n";

START_TEST(prose_and_repeated_headers_are_skipped)
{
	struct cchc_plan *plan = parse_ok(basic);
	ck_assert_str_eq(plan->title, "Kế hoạch cải cách hành chính tỉnh X năm 2026");
	ck_assert_int_eq(plan->year, 2026);
	ck_assert_uint_eq(plan->section_count, 1);
	ck_assert_str_eq(plan->sections[0].title, "CẢI CÁCH THỂ CHẾ");
	ck_assert_uint_eq(plan->task_count, 2);
	ck_assert_str_eq(task(plan, "I.2")->title, "Nhiệm vụ hai");
	ck_assert_str_eq(task(plan, "I.1")->lead.items[0], "Sở Nội vụ");
	ck_assert_str_eq(task(plan, "I.1")->coordinating.items[0], "Sở Tư pháp");
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(continuation_after_header_joins_cell_by_cell)
{
	struct cchc_plan *plan = parse_ok(
		H "I\tA\t\t\t\n"
		"13\tTổ chức đối thoại\tHội nghị với\tTrong năm 2026 (theo tiến độ kế\t- Sở Tư pháp chủ trì, phối\n"
		"\n" H0
		"\tcủa tỉnh\tdoanh nghiệp\thoạch)\t<p>hợp Sở Tài chính tổ chức.</p> <p>- Các cơ quan, đơn vị, địa phương thực hiện</p>\n");
	const struct cchc_task *t = task(plan, "I.13");
	ck_assert_uint_eq(plan->task_count, 1);
	ck_assert_str_eq(t->title, "Tổ chức đối thoại của tỉnh");
	ck_assert_str_eq(t->result, "Hội nghị với doanh nghiệp");
	ck_assert_str_eq(t->deadline_text, "Trong năm 2026 (theo tiến độ kế hoạch)");
	ck_assert_str_eq(t->assignment_text,
			 "- Sở Tư pháp chủ trì, phối hợp Sở Tài chính tổ chức.\n"
			 "- Các cơ quan, đơn vị, địa phương thực hiện");
	ck_assert_uint_eq(t->milestones.count, 1);
	ck_assert_str_eq(t->coordinating.items[0], "Sở Tài chính");
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(empty_row_not_after_header_is_another_deliverable)
{
	struct cchc_plan *plan = parse_ok(
		H "I\tA\t\t\t\n"
		"5\tKhảo sát\tKế hoạch khảo sát\tTháng 6/2026\tSở Nội vụ chủ trì\n"
		"\t\tKết quả được phê duyệt\tTháng 12/2026\t\n");
	const struct cchc_task *t = task(plan, "I.5");
	ck_assert_uint_eq(plan->task_count, 1);
	ck_assert_str_eq(t->result, "Kế hoạch khảo sát\nKết quả được phê duyệt");
	ck_assert_str_eq(t->deadline_text, "Tháng 6/2026\nTháng 12/2026");
	ck_assert_uint_eq(t->milestones.count, 2);
	ck_assert_str_eq(t->milestones.items[0].label, "Kế hoạch khảo sát");
	ck_assert_str_eq(t->milestones.items[1].label, "Kết quả được phê duyệt");
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(html_fragments_are_removed_and_items_kept_apart)
{
	struct cchc_plan *plan = parse_ok(
		H "I\tA\t\t\t\n"
		"1\t<p>Tiêu đề</p>\t<ul style=\"list-style-type: none\"> - Một - Hai \t<p>Theo quy định</p>\t<p>Sở Nội vụ chủ trì</p> <p>(ghi chú)</p>\n");
	const struct cchc_task *t = task(plan, "I.1");
	ck_assert_str_eq(t->title, "Tiêu đề");
	ck_assert_str_eq(t->result, "- Một\n- Hai");
	ck_assert_str_eq(t->deadline_text, "Theo quy định");
	ck_assert_str_eq(t->assignment_text, "Sở Nội vụ chủ trì\n(ghi chú)");
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(section_numerals_follow_position)
{
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	const char doc[] = H "I\tMỘT\t\t\t\n1\tA\t\t\t\nI\tHAI\t\t\t\n1\tB\t\t\t\n"
			   "III BA CÓ TIÊU ĐỀ\t\t\t\t\n1\tC\t\t\t\n";
	ck_assert_int_eq(parse_enc(doc, strlen(doc), NULL, &plan, &notes, &err), CCHC_OK);
	ck_assert_uint_eq(plan->section_count, 3);
	ck_assert_str_eq(plan->sections[1].code, "II");
	ck_assert_str_eq(plan->sections[1].title, "HAI");
	ck_assert_str_eq(plan->sections[2].title, "BA CÓ TIÊU ĐỀ");
	ck_assert_str_eq(task(plan, "II.1")->title, "B");
	ck_assert_str_eq(task(plan, "III.1")->title, "C");
	ck_assert_uint_eq(notes.count, 1);
	ck_assert_ptr_nonnull(strstr(notes.items[0], "taken as II"));
	cchc_names_finish(&notes);
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(group_row_repeating_first_child_number)
{
	struct cchc_plan *plan = parse_ok(
		H "I\tA\t\t\t\n1\tMột\tR\tQuý I/2026\tSở Nội vụ chủ trì\n"
		"2.1\tNhóm công bố\t\t\t\n2.1\tCon một\tR\tThường xuyên\tSở Nội vụ chủ trì\n"
		"2.2\tNhóm con\t\t\t\n\t- Mục thứ nhất\tR\t\tSở Nội vụ chủ trì\n\t- Mục thứ hai\tR\t\tSở Nội vụ chủ trì\n"
		"2.3\tCon ba\tR\tQuý II/2026\tSở Nội vụ chủ trì\n3\tBa\tR\tQuý III/2026\tSở Nội vụ chủ trì\n");
	ck_assert_uint_eq(plan->task_count, 8);
	const char *refs[] = {"I.1", "I.2", "I.2.1", "I.2.2", "I.2.2.a", "I.2.2.b", "I.2.3", "I.3"};
	const int depths[] = {0, 0, 1, 1, 2, 2, 1, 0};
	for (size_t i = 0; i < 8; i++) {
		ck_assert_str_eq(plan->tasks[i].ref, refs[i]);
		ck_assert_int_eq(plan->tasks[i].depth, depths[i]);
	}
	ck_assert_str_eq(task(plan, "I.2")->title, "Nhóm công bố");
	ck_assert_str_eq(task(plan, "I.2")->number, "2");
	ck_assert_str_eq(task(plan, "I.2.2.a")->title, "Mục thứ nhất");
	ck_assert_uint_eq(task(plan, "I.2.2.b")->parent, cchc_plan_find_task(plan, "I.2.2"));
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(a_list_item_right_after_a_page_break_is_an_item)
{
	struct cchc_plan *plan = parse_ok(
		H "I\tA\t\t\t\n7\tNhóm\t\t\t\n"
		"\n" H "\t- Mục một\tR\tQuý I/2026\tSở Nội vụ chủ trì\n"
		"\n" H "\t- Mục hai\tR\tQuý II/2026\tSở Nội vụ chủ trì\n"
		"\n" H "\tcòn tiếp\tR tiếp\t\t\n");
	ck_assert_uint_eq(plan->task_count, 3);
	ck_assert_str_eq(task(plan, "I.7.a")->title, "Mục một");
	ck_assert_str_eq(task(plan, "I.7.b")->title, "Mục hai còn tiếp");
	ck_assert_str_eq(task(plan, "I.7.b")->result, "R R tiếp");
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(decomposed_text_is_stored_composed)
{
	/* "Việt" with combining marks in the title */
	struct cchc_plan *plan = parse_ok(H "I\tA\t\t\t\n1\tVie\xCC\xA3\xCC\x82t\tR\tQuy\xCC\x81 I/2026\tSở Nội vụ chủ trì\n");
	ck_assert_str_eq(task(plan, "I.1")->title, "Việt");
	ck_assert_uint_eq(task(plan, "I.1")->milestones.count, 1);
	cchc_plan_destroy(plan);
}
END_TEST

static char *convert(const char *doc, const char *to, size_t *out_len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	ck_assert(cd != (iconv_t)-1);
	size_t in_left = strlen(doc), cap = in_left * 4 + 16, out_left = cap;
	char *out = malloc(cap), *o = out, *in = (char *)doc;
	ck_assert(iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1);
	iconv_close(cd);
	*out_len = cap - out_left;
	return out;
}

static void same_plan(const char *bytes, size_t n, const char *enc)
{
	struct cchc_plan *ref = parse_ok(basic);
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	ck_assert_msg(parse_enc(bytes, n, enc, &plan, &notes, &err) == CCHC_OK, "%s", err.message);
	ck_assert_uint_eq(plan->task_count, ref->task_count);
	ck_assert_str_eq(plan->title, ref->title);
	for (size_t i = 0; i < ref->task_count; i++) {
		ck_assert_str_eq(plan->tasks[i].title, ref->tasks[i].title);
		ck_assert_str_eq(plan->tasks[i].assignment_text, ref->tasks[i].assignment_text);
	}
	cchc_names_finish(&notes);
	cchc_plan_destroy(plan);
	cchc_plan_destroy(ref);
}

START_TEST(crlf_bom_utf16_and_cp1258_read_the_same)
{
	struct cchc_strbuf crlf = {0};
	for (const char *p = basic; *p; p++) {
		cchc_strbuf_puts(&crlf, *p == '\n' ? "\r\n" : (char[]){*p, 0});
	}
	same_plan(crlf.data, crlf.len, NULL);
	struct cchc_strbuf bom = {0};
	cchc_strbuf_puts(&bom, "\xEF\xBB\xBF");
	cchc_strbuf_puts(&bom, basic);
	same_plan(bom.data, bom.len, NULL);
	size_t n;
	char *le = convert(basic, "UTF-16LE", &n);
	char *with_bom = malloc(n + 2);
	memcpy(with_bom, "\xFF\xFE", 2);
	memcpy(with_bom + 2, le, n);
	same_plan(with_bom, n + 2, NULL);
	char *be = convert(basic, "UTF-16BE", &n);
	memcpy(with_bom, "\xFE\xFF", 2);
	memcpy(with_bom + 2, be, n);
	same_plan(with_bom, n + 2, NULL);
	char *cp = convert(basic, "CP1258", &n);
	same_plan(cp, n, "CP1258");
	free(le);
	free(be);
	free(cp);
	free(with_bom);
	cchc_strbuf_finish(&crlf);
	cchc_strbuf_finish(&bom);
}
END_TEST

START_TEST(malformed_utf8_names_the_line)
{
	const char doc[] = H "I\tA\t\t\t\n1\tBad \xC3\x28 byte\tR\tD\tA\n";
	parse_fails(doc, strlen(doc), "line 3: malformed UTF-8");
}
END_TEST

START_TEST(binary_data_is_refused)
{
	const char doc[] = "%PDF-1.4\n\0\0\0binary";
	parse_fails(doc, sizeof doc - 1, "binary data");
}
END_TEST

START_TEST(a_row_cut_off_is_refused)
{
	const char doc[] = H "I\tA\t\t\t\n1\tNhiệm vụ\tKết quả\tQuý I/2026\tSở Nội vụ chủ trì\n2\tNhiệm vụ bị cắt\tKết";
	parse_fails(doc, strlen(doc), "line 4: a row of 3 cells");
}
END_TEST

START_TEST(no_table_is_refused)
{
	const char doc[] = "Just a letter.\nNo table here.\n";
	parse_fails(doc, strlen(doc), "no plan table");
}
END_TEST

START_TEST(an_impossible_deadline_names_the_line)
{
	const char doc[] = H "I\tA\t\t\t\n1\tA\tB\tĐến 31/02/2026: X\tSở Nội vụ chủ trì\n";
	parse_fails(doc, strlen(doc), "line 3:");
}
END_TEST

START_TEST(a_100kb_title_is_refused)
{
	struct cchc_strbuf doc = {0};
	cchc_strbuf_puts(&doc, H "I\tA\t\t\t\n1\t");
	for (int i = 0; i < 100 * 1024 / 8; i++) {
		cchc_strbuf_puts(&doc, "Nhiệm v ");
	}
	cchc_strbuf_puts(&doc, "\tR\tQuý I/2026\tSở Nội vụ chủ trì\n");
	parse_fails(doc.data, doc.len, "longer than");
	cchc_strbuf_finish(&doc);
}
END_TEST

START_TEST(unknown_encoding_is_a_usage_error)
{
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	ck_assert_int_eq(parse_enc(basic, strlen(basic), "NO-SUCH-ENCODING", &plan, &notes, &err),
			 CCHC_ERR_USAGE);
	ck_assert_ptr_null(plan);
}
END_TEST

START_TEST(the_seed_has_every_task)
{
	size_t n;
	char *doc = slurp(SOURCE_ROOT "/data/ke-hoach-cchc-khanh-hoa-2026.txt", &n);
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	ck_assert_int_eq(parse_enc(doc, n, NULL, &plan, &notes, &err), CCHC_OK);
	ck_assert_uint_eq(plan->section_count, 7);
	ck_assert_uint_eq(plan->task_count, 87);
	const size_t per_section[] = {13, 19, 9, 11, 7, 15, 13};
	for (size_t i = 0; i < 7; i++) {
		ck_assert_uint_eq(plan->sections[i].task_count, per_section[i]);
	}
	ck_assert_str_eq(task(plan, "III.6")->title + strlen(task(plan, "III.6")->title) -
				 strlen("cấp xã của tỉnh Khánh Hòa năm 2025"),
			 "cấp xã của tỉnh Khánh Hòa năm 2025");
	cchc_names_finish(&notes);
	cchc_plan_destroy(plan);
	free(doc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("importer");
	TCase *tc = tcase_create("importer");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, prose_and_repeated_headers_are_skipped);
	tcase_add_test(tc, continuation_after_header_joins_cell_by_cell);
	tcase_add_test(tc, empty_row_not_after_header_is_another_deliverable);
	tcase_add_test(tc, html_fragments_are_removed_and_items_kept_apart);
	tcase_add_test(tc, section_numerals_follow_position);
	tcase_add_test(tc, group_row_repeating_first_child_number);
	tcase_add_test(tc, a_list_item_right_after_a_page_break_is_an_item);
	tcase_add_test(tc, decomposed_text_is_stored_composed);
	tcase_add_test(tc, crlf_bom_utf16_and_cp1258_read_the_same);
	tcase_add_test(tc, malformed_utf8_names_the_line);
	tcase_add_test(tc, binary_data_is_refused);
	tcase_add_test(tc, a_row_cut_off_is_refused);
	tcase_add_test(tc, no_table_is_refused);
	tcase_add_test(tc, an_impossible_deadline_names_the_line);
	tcase_add_test(tc, a_100kb_title_is_refused);
	tcase_add_test(tc, unknown_encoding_is_a_usage_error);
	tcase_add_test(tc, the_seed_has_every_task);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
