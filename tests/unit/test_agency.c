// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "cchc/agency.h"
#include "cchc/strbuf.h"
#include "check_compat.h"

static char *joined(const struct cchc_names *n)
{
	struct cchc_strbuf sb = {0};
	for (size_t i = 0; i < n->count; i++) {
		cchc_strbuf_printf(&sb, "%s%s", i ? " | " : "", n->items[i]);
	}
	return cchc_strbuf_steal(&sb);
}

struct row {
	const char *text;
	const char *lead;
	const char *coordinating;
};

static const struct row rows[] = {
	{"Sở Nội vụ chủ trì, phối hợp các Sở, ban, ngành và Ủy ban nhân dân cấp xã", "Sở Nội vụ",
	 "Các sở, ban, ngành | UBND cấp xã"},
	{"- Các sở, ban, ngành, UBND cấp xã thực hiện\n- Sở Tư pháp: phối hợp, hướng dẫn triển khai",
	 "Các sở, ban, ngành | UBND cấp xã", "Sở Tư pháp"},
	{"Văn phòng UBND tỉnh chủ trì; các Sở, ban, ngành phối hợp", "Văn phòng UBND tỉnh",
	 "Các sở, ban, ngành"},
	{"- Cơ quan chủ trì: Các sở, ban, ngành\n- Cơ quan phối hợp: Văn phòng UBND tỉnh và các đơn vị có liên quan",
	 "Các sở, ban, ngành", "Văn phòng UBND tỉnh | Các cơ quan, đơn vị liên quan"},
	/* aliases reach one canonical name */
	{"Trung tâm Xúc tiến thương mại và Du lịch chủ trì", "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch", ""},
	{"Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh chủ trì",
	 "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch", ""},
	/* addressees are not participants */
	{"Sở Nội vụ chủ trì, tham mưu UBND tỉnh", "Sở Nội vụ", ""},
	{"- Văn phòng UBND tỉnh thẩm tra, trình Chủ tịch UBND tỉnh xem xét", "Văn phòng UBND tỉnh", ""},
	{"- Các sở, ban, ngành rà soát theo tiến độ yêu cầu của UBND tỉnh, Văn phòng UBND tỉnh.",
	 "Các sở, ban, ngành", ""},
	{"- Các sở, ban, ngành thực hiện\n- Văn phòng UBND tỉnh có ý kiến tại dự thảo do các sở, ban, ngành trình HĐND/UBND tỉnh ban hành.",
	 "Các sở, ban, ngành", "Văn phòng UBND tỉnh"},
	/* "X phối hợp, hướng dẫn Y thực hiện": Y does the work */
	{"Sở Nội vụ phối hợp, hướng dẫn các cơ quan, đơn vị, địa phương triển khai thực hiện",
	 "Các cơ quan, đơn vị, địa phương", "Sở Nội vụ"},
	/* "X phối hợp Y thực hiện": X leads */
	{"Sở Nội vụ phối hợp Sở Tài chính, các Sở, ngành, đơn vị, địa phương thực hiện.", "Sở Nội vụ",
	 "Sở Tài chính | Các sở, ban, ngành | Các cơ quan, đơn vị, địa phương"},
	/* a stray second "chủ trì" does not make the partners lead */
	{"Sở Khoa học và Công nghệ chủ trì phối hợp với các cơ quan, đơn vị liên quan chủ trì",
	 "Sở Khoa học và Công nghệ", "Các cơ quan, đơn vị liên quan"},
	/* numbered items and an agency the catalogue lacks */
	{"1. Sở Du lịch Biển chủ trì thực hiện.\n2. Sở Tài chính có ý kiến", "Sở Du lịch Biển",
	 "Sở Tài chính"},
	/* case and diacritics of the writer do not matter beyond case */
	{"SỞ TƯ PHÁP chủ trì", "Sở Tư pháp", ""},
	{"", "", ""},
};

START_TEST(assignment_table)
{
	struct cchc_agency_catalogue *cat = cchc_agency_catalogue_builtin();
	const struct row *r = &rows[_i];
	struct cchc_names lead = {0}, coord = {0};
	cchc_agency_assign(cat, r->text, &lead, &coord);
	char *l = joined(&lead), *c = joined(&coord);
	ck_assert_msg(strcmp(l, r->lead) == 0 && strcmp(c, r->coordinating) == 0,
		      "\n“%s”\n lead [%s] coord [%s]\n expected lead [%s] coord [%s]", r->text, l, c,
		      r->lead, r->coordinating);
	free(l);
	free(c);
	cchc_names_finish(&lead);
	cchc_names_finish(&coord);
	cchc_agency_catalogue_destroy(cat);
}
END_TEST

START_TEST(catalogue_keeps_aliases)
{
	struct cchc_agency_catalogue *cat = cchc_agency_catalogue_create();
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_agency_catalogue_load(cat, "# c\nSở A\tagency\tSA|Sở Ây\nCác B\tcollective\t\n", &err),
			 CCHC_OK);
	ck_assert_uint_eq(cchc_agency_catalogue_size(cat), 2);
	const struct cchc_agency *a = cchc_agency_catalogue_get(cat, 0);
	ck_assert_str_eq(a->name, "Sở A");
	ck_assert_uint_eq(a->aliases.count, 2);
	ck_assert(cchc_agency_catalogue_get(cat, 1)->collective);
	struct cchc_names lead = {0}, coord = {0};
	cchc_agency_assign(cat, "Sở Ây chủ trì, phối hợp các B", &lead, &coord);
	ck_assert_uint_eq(lead.count, 1);
	ck_assert_str_eq(lead.items[0], "Sở A");
	ck_assert_str_eq(coord.items[0], "Các B");
	cchc_names_finish(&lead);
	cchc_names_finish(&coord);
	cchc_agency_catalogue_destroy(cat);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("agency");
	TCase *tc = tcase_create("agency");
	tcase_add_loop_test(tc, assignment_table, 0, (int)(sizeof rows / sizeof *rows));
	tcase_add_test(tc, catalogue_keeps_aliases);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
