// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "check_compat.h"

START_TEST(utf8_validation_finds_the_first_bad_byte)
{
	ck_assert_uint_eq(cchc_text_utf8_invalid("Việt", strlen("Việt")), strlen("Việt"));
	ck_assert_uint_eq(cchc_text_utf8_invalid("ab\xC3(", 4), 2);
	ck_assert_uint_eq(cchc_text_utf8_invalid("\xC0\xAF", 2), 0);         /* overlong */
	ck_assert_uint_eq(cchc_text_utf8_invalid("x\xED\xA0\x80", 4), 1);    /* surrogate */
	ck_assert_uint_eq(cchc_text_utf8_invalid("Vi\xE1\xBB", 4), 2);        /* cut short */
}
END_TEST

START_TEST(nfc_composes_decomposed_vietnamese)
{
	/* "Việt" written as V i e + U+0323 + U+0302 t */
	char *nfc = cchc_text_nfc("Vie\xCC\xA3\xCC\x82t");
	ck_assert_str_eq(nfc, "Việt");
	free(nfc);
	nfc = cchc_text_nfc("plain ascii");
	ck_assert_str_eq(nfc, "plain ascii");
	free(nfc);
}
END_TEST

START_TEST(casefold_keeps_marks_and_search_key_drops_them)
{
	char *f = cchc_text_casefold("SỞ TƯ PHÁP");
	ck_assert_str_eq(f, "sở tư pháp");
	free(f);
	char *k = cchc_text_search_key("Sở Tư pháp ĐÔN ĐỐC");
	ck_assert_str_eq(k, "so tu phap don doc");
	free(k);
	k = cchc_text_search_key("Ky\xCC\x89 luật"); /* NFD ỷ */
	ck_assert_str_eq(k, "ky luat");
	free(k);
}
END_TEST

START_TEST(width_counts_columns_not_bytes)
{
	ck_assert_uint_eq(cchc_text_width("Việt Nam"), 8);
	ck_assert_uint_eq(cchc_text_width("Vie\xCC\xA3\xCC\x82t"), 4);
	ck_assert_uint_eq(cchc_text_width("越南"), 4);
	ck_assert_uint_eq(cchc_text_width(""), 0);
}
END_TEST

START_TEST(squeeze_collapses_space_and_keeps_lines)
{
	char s[] = "  a \t b\xC2\xA0\xC2\xA0" "c \n\n  d  ";
	ck_assert_str_eq(cchc_text_squeeze(s), "a b c\nd");
	ck_assert(cchc_text_blank(" \t\xC2\xA0\n"));
	ck_assert(!cchc_text_blank(" x "));
}
END_TEST

START_TEST(graphemes_count_decomposed_letters_once)
{
	int w;
	ck_assert_uint_eq(cchc_text_grapheme("e\xCC\xA3\xCC\x82t", &w), 5);
	ck_assert_int_eq(w, 1);
	ck_assert_uint_eq(cchc_text_grapheme("越南", &w), 3);
	ck_assert_int_eq(w, 2);
	ck_assert_uint_eq(cchc_text_grapheme("", &w), 0);
}
END_TEST

START_TEST(fit_cuts_by_columns_and_pads)
{
	struct cchc_strbuf sb = {0};
	ck_assert_uint_eq(cchc_text_fit(&sb, "Việt Nam", 6, true), 6);
	ck_assert_str_eq(sb.data, "Việt …");
	cchc_strbuf_reset(&sb);
	ck_assert_uint_eq(cchc_text_fit(&sb, "Vie\xCC\xA3\xCC\x82t", 6, true), 6);
	ck_assert_str_eq(sb.data, "Vie\xCC\xA3\xCC\x82t  ");
	cchc_strbuf_reset(&sb);
	/* a wide character never straddles the edge */
	ck_assert_uint_eq(cchc_text_fit(&sb, "越南越南", 4, true), 4);
	ck_assert_str_eq(sb.data, "越… ");
	cchc_strbuf_reset(&sb);
	ck_assert_uint_eq(cchc_text_fit(&sb, "a\nb", 3, false), 3);
	ck_assert_str_eq(sb.data, "a b");
	cchc_strbuf_finish(&sb);
}
END_TEST

START_TEST(wrap_breaks_at_spaces_by_columns)
{
	struct cchc_lines lines = {0};
	cchc_text_wrap("Sở Nội vụ chủ trì, phối hợp\nCác sở", 12, &lines);
	ck_assert_uint_eq(lines.count, 4);
	ck_assert_str_eq(lines.items[0], "Sở Nội vụ");
	ck_assert_str_eq(lines.items[1], "chủ trì,");
	ck_assert_str_eq(lines.items[2], "phối hợp");
	ck_assert_str_eq(lines.items[3], "Các sở");
	cchc_lines_finish(&lines);
	cchc_text_wrap("越南行政改革", 5, &lines);
	ck_assert_uint_eq(lines.count, 3);
	ck_assert_str_eq(lines.items[0], "越南");
	cchc_lines_finish(&lines);
	cchc_text_wrap("", 5, &lines);
	ck_assert_uint_eq(lines.count, 1);
	cchc_lines_finish(&lines);
}
END_TEST

static int collate_cmp(const void *a, const void *b)
{
	return cchc_text_collate(*(const char *const *)a, *(const char *const *)b);
}

/* sorts a shuffled copy of want[] and compares */
static void ck_sorts_as(const char *const *want, size_t n)
{
	const char *got[16];
	for (size_t i = 0; i < n; i++) {
		got[i] = want[(i * 7 + 3) % n]; /* 7 is prime to every n used */
	}
	qsort(got, n, sizeof *got, collate_cmp);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(strcmp(got[i], want[i]) == 0, "place %zu: got %s, want %s", i, got[i], want[i]);
	}
}

START_TEST(vietnamese_order_puts_each_letter_in_its_place)
{
	const char *letters[] = {"an", "ăn", "ấn", "ban", "dân", "Đà Nẵng", "em", "êm", "im", "om",
				 "ôm", "ơn", "um", "ưng", "yên"};
	ck_sorts_as(letters, 15);
	/* tones are the second key: ma mà mả mã má mạ, and only when letters tie */
	const char *tones[] = {"ma", "mà", "mả", "mã", "má", "mạ", "mai", "man"};
	ck_sorts_as(tones, 8);
	const char *agencies[] = {"Ban Quản lý các khu công nghiệp", "Công an tỉnh", "Đài Phát thanh",
				  "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Ủy ban nhân dân",
				  "Văn phòng UBND tỉnh"};
	ck_sorts_as(agencies, 9);
	/* case and NFD make no difference to the key */
	char *a = cchc_text_collation_key("SỞ TƯ PHÁP"), *b = cchc_text_collation_key("so\xcc\x9b\xcc\x89 tu\xcc\x9b pha\xcc\x81p");
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	ck_assert_int_lt(cchc_text_collate("", "a"), 0);
	/* bytes that are not UTF-8 sort after the letters, not before them */
	ck_assert_int_gt(cchc_text_collate("a\xff", "ác"), 0);
	ck_assert_int_gt(cchc_text_collate("\xffzz", "Yên"), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");
	tcase_add_test(tc, utf8_validation_finds_the_first_bad_byte);
	tcase_add_test(tc, nfc_composes_decomposed_vietnamese);
	tcase_add_test(tc, casefold_keeps_marks_and_search_key_drops_them);
	tcase_add_test(tc, width_counts_columns_not_bytes);
	tcase_add_test(tc, squeeze_collapses_space_and_keeps_lines);
	tcase_add_test(tc, graphemes_count_decomposed_letters_once);
	tcase_add_test(tc, fit_cuts_by_columns_and_pads);
	tcase_add_test(tc, wrap_breaks_at_spaces_by_columns);
	tcase_add_test(tc, vietnamese_order_puts_each_letter_in_its_place);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
