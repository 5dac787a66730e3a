// SPDX-License-Identifier: GPL-3.0-or-later
/* Vietnamese alphabetical order: a ă â b c d đ e ê … o ô ơ … u ư …, with
 * the tone as the secondary key (ngang, huyền, hỏi, ngã, sắc, nặng), as
 * dictionaries and agency lists order names. The key is a byte string, so
 * strcmp orders it; bytes 0 and 1 never occur inside a weight. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cchc/strbuf.h"
#include "cchc/text.h"

/* The letters of the Vietnamese alphabet and the Latin ones it lacks, in
 * order, as base letter plus the mark that makes a letter of its own. */
static const struct letter {
	utf8proc_int32_t base, mark;
} alphabet[] = {
	{'a', 0},      {'a', 0x0306}, {'a', 0x0302}, {'b', 0}, {'c', 0},      {'d', 0},
	{0x0111, 0},   {'e', 0},      {'e', 0x0302}, {'f', 0}, {'g', 0},      {'h', 0},
	{'i', 0},      {'j', 0},      {'k', 0},      {'l', 0}, {'m', 0},      {'n', 0},
	{'o', 0},      {'o', 0x0302}, {'o', 0x031B}, {'p', 0}, {'q', 0},      {'r', 0},
	{'s', 0},      {'t', 0},      {'u', 0},      {'u', 0x031B}, {'v', 0}, {'w', 0},
	{'x', 0},      {'y', 0},      {'z', 0},
};

/* The tones in dictionary order, after the level tone (no mark). */
static const utf8proc_int32_t tones[] = {0x0300, 0x0309, 0x0303, 0x0301, 0x0323};

enum { SPACE = 0x100, OTHER = 0x200, DIGIT = 0x800, LETTER = 0x1000, BEYOND = 0x10000 };

static int tone_of(utf8proc_int32_t c)
{
	for (size_t i = 0; i < sizeof tones / sizeof *tones; i++) {
		if (tones[i] == c) {
			return (int)i + 1;
		}
	}
	return -1;
}

static bool letter_mark(utf8proc_int32_t c)
{
	return c == 0x0306 || c == 0x0302 || c == 0x031B;
}

static int32_t letter_weight(utf8proc_int32_t base, utf8proc_int32_t mark)
{
	for (size_t i = 0; i < sizeof alphabet / sizeof *alphabet; i++) {
		if (alphabet[i].base == base && alphabet[i].mark == mark) {
			return LETTER + (int32_t)i;
		}
	}
	return -1;
}

static int32_t other_weight(utf8proc_int32_t c)
{
	if (c >= '0' && c <= '9') {
		return DIGIT + (c - '0');
	}
	if (c == ' ' || c == '\t' || c == '\n' || c == 0xA0) {
		return SPACE;
	}
	return c < 0x80 ? OTHER + c : BEYOND + c;
}

/* Three bytes, each 2..129, so that no weight holds a 0 or a 1. */
static void put_weight(struct cchc_strbuf *out, int32_t w)
{
	char b[3] = {(char)(2 + ((w >> 14) & 0x7f)), (char)(2 + ((w >> 7) & 0x7f)),
		     (char)(2 + (w & 0x7f))};
	cchc_strbuf_append(out, b, 3);
}

char *cchc_text_collation_key(const char *s)
{
	utf8proc_uint8_t *nfd = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfd,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
						  UTF8PROC_CASEFOLD);
	struct cchc_strbuf primary = {0}, secondary = {0};
	cchc_strbuf_append(&primary, "", 0);
	cchc_strbuf_append(&secondary, "", 0);
	for (const unsigned char *p = (const unsigned char *)s; n < 0 && *p; p++) {
		/* not UTF-8: byte by byte, after every letter, rather than first */
		put_weight(&primary, BEYOND + 0x110000 + *p);
		cchc_strbuf_append(&secondary, "\2", 1);
	}
	for (utf8proc_ssize_t i = 0; n > 0 && i < n;) {
		utf8proc_int32_t c, next, mark = 0;
		i += utf8proc_iterate(nfd + i, n - i, &c);
		int tone = 0;
		/* a letter's own mark and its tone follow it, in either order */
		while (i < n) {
			utf8proc_ssize_t len = utf8proc_iterate(nfd + i, n - i, &next);
			if (letter_mark(next) && !mark && letter_weight(c, next) >= 0) {
				mark = next;
			} else if (tone_of(next) > 0 && !tone) {
				tone = tone_of(next);
			} else {
				break;
			}
			i += len;
		}
		int32_t w = letter_weight(c, mark);
		put_weight(&primary, w >= 0 ? w : other_weight(c));
		char t = (char)(2 + tone);
		cchc_strbuf_append(&secondary, &t, 1);
	}
	free(nfd);
	char sep = 1;
	cchc_strbuf_append(&primary, &sep, 1);
	cchc_strbuf_append(&primary, secondary.data, secondary.len);
	cchc_strbuf_finish(&secondary);
	return primary.data;
}

int cchc_text_collate(const char *a, const char *b)
{
	char *x = cchc_text_collation_key(a), *y = cchc_text_collation_key(b);
	int c = strcmp(x, y);
	free(x);
	free(y);
	return c ? c : strcmp(a, b);
}
