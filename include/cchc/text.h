/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_TEXT_H
#define CCHC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Offset of the first byte that does not start a well-formed UTF-8
 * sequence (overlongs, surrogates and truncated sequences included), or n
 * when all n bytes are valid. */
size_t cchc_text_utf8_invalid(const char *s, size_t n);

/* Newly allocated NFC form of valid UTF-8 s. */
char *cchc_text_nfc(const char *s);

/* True when s is surely NFC already (a quick check that may say false for
 * some NFC text, never true for text that is not). */
bool cchc_text_is_nfc(const char *s);

/* Newly allocated case-folded NFC form, diacritics kept: "Sở" and "sở"
 * compare equal, "sở" and "so" do not. */
char *cchc_text_casefold(const char *s);

/* Newly allocated simple lower-case form of NFC s (per code point, so it
 * stays NFC for Vietnamese): cheap enough to run on every cell. */
char *cchc_text_lower(const char *s);

/* Newly allocated search key: case folded, diacritics removed and đ taken
 * as d, so "so tu phap" matches "Sở Tư pháp". */
char *cchc_text_search_key(const char *s);

struct cchc_strbuf;

/* Appends the search key of s (as cchc_text_search_key, unsqueezed). */
void cchc_text_search_key_append(struct cchc_strbuf *out, const char *s);

/* Newly allocated key for Vietnamese alphabetical order: strcmp of two
 * keys orders a ă â b c d đ e ê … with tones (level, huyền, hỏi, ngã, sắc,
 * nặng) as the secondary key; case and NFC/NFD make no difference. */
char *cchc_text_collation_key(const char *s);

/* Compares a and b in Vietnamese alphabetical order, then by bytes. */
int cchc_text_collate(const char *a, const char *b);

/* How a conversion between encodings ended. */
enum cchc_recode {
	CCHC_RECODE_OK,
	CCHC_RECODE_UNKNOWN,   /* iconv knows one of the names not */
	CCHC_RECODE_INVALID,   /* bytes not valid in from, or not writable in to */
	CCHC_RECODE_TRUNCATED, /* the input ends inside a character */
};

/* Converts n bytes of in from encoding from to encoding to, appending to
 * out; on failure out holds what was converted before it. */
enum cchc_recode cchc_text_recode(const char *in, size_t n, const char *from, const char *to,
				  struct cchc_strbuf *out);

/* Display width in terminal columns (combining marks 0, CJK 2). */
size_t cchc_text_width(const char *s);

/* Collapses runs of white space (including no-break space) into one
 * space and trims both ends, in place. Newlines are kept as line breaks
 * with the spaces around them removed. Returns s. */
char *cchc_text_squeeze(char *s);

/* True when s holds only white space or is empty. */
bool cchc_text_blank(const char *s);

/* True when s starts with prefix. */
bool cchc_text_starts_with(const char *s, const char *prefix);


/* ---- display: graphemes, fitting and wrapping ------------------------- */

/* Bytes of the grapheme cluster that starts s (0 at the end of s); *width
 * gets its width in columns. An NFD "ệ" is one cluster of width 1. */
size_t cchc_text_grapheme(const char *s, int *width);

/* Appends s cut to at most width columns, ending with "…" when cut, and
 * padded with spaces to exactly width when pad. Cuts fall between
 * graphemes; a wide character that would straddle the edge is left out.
 * Newlines and tabs count as spaces. Returns the columns appended. */
size_t cchc_text_fit(struct cchc_strbuf *out, const char *s, size_t width, bool pad);

/* Lines of text, each owned. */
struct cchc_lines {
	char **items;
	size_t count;
	size_t cap;
};

void cchc_lines_add(struct cchc_lines *lines, const char *line, size_t len);
void cchc_lines_finish(struct cchc_lines *lines);

/* Breaks s into lines of at most width columns, at spaces when it can and
 * between graphemes when a word is longer than a line; the line breaks of
 * s are kept. */
void cchc_text_wrap(const char *s, size_t width, struct cchc_lines *lines);

#endif
