// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cchc/text.h"
#include "cchc/xalloc.h"

size_t cchc_text_utf8_invalid(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (len <= 0) {
			return i;
		}
		i += (size_t)len;
	}
	return n;
}

static bool all_ascii(const char *s)
{
	for (; *s; s++) {
		if ((unsigned char)*s >= 0x80) {
			return false;
		}
	}
	return true;
}

static char *map(const char *s, utf8proc_option_t options)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  options | UTF8PROC_NULLTERM | UTF8PROC_STABLE);
	if (n < 0) {
		/* Callers validate first, so only exhaustion lands here. */
		return cchc_xstrdup(s);
	}
	char *copy = cchc_xstrdup((char *)out);
	free(out);
	return copy;
}

char *cchc_text_nfc(const char *s)
{
	if (all_ascii(s)) {
		return cchc_xstrdup(s);
	}
	return map(s, UTF8PROC_COMPOSE);
}

char *cchc_text_casefold(const char *s)
{
	return map(s, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

char *cchc_text_search_key(const char *s)
{
	char *key = map(s, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	/* đ (U+0111) has no decomposition, so STRIPMARK leaves it: map it to
	 * d by hand, which shortens the string and is safe in place. */
	char *w = key;
	for (const char *r = key; *r;) {
		if ((unsigned char)r[0] == 0xC4 && (unsigned char)r[1] == 0x91) {
			*w++ = 'd';
			r += 2;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return key;
}

size_t cchc_text_width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t width = 0;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			width++;
			p++;
			continue;
		}
		int w = utf8proc_charwidth(cp);
		width += w > 0 ? (size_t)w : 0;
		p += len;
	}
	return width;
}

static bool is_space_at(const char *s, size_t *len)
{
	unsigned char c = (unsigned char)s[0];
	if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
		*len = 1;
		return true;
	}
	if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
		*len = 2;
		return true;
	}
	return false;
}

char *cchc_text_squeeze(char *s)
{
	char *w = s;
	bool pending_space = false;
	for (const char *r = s; *r;) {
		size_t len;
		if (is_space_at(r, &len)) {
			pending_space = true;
			r += len;
			continue;
		}
		if (*r == '\n') {
			while (w > s && w[-1] == '\n') {
				w--;
			}
			if (w > s) {
				*w++ = '\n';
			}
			pending_space = false;
			r++;
			continue;
		}
		if (pending_space && w > s && w[-1] != '\n') {
			*w++ = ' ';
		}
		pending_space = false;
		*w++ = *r++;
	}
	while (w > s && w[-1] == '\n') {
		w--;
	}
	*w = '\0';
	return s;
}

bool cchc_text_blank(const char *s)
{
	while (*s) {
		size_t len = 1;
		if (*s != '\n' && !is_space_at(s, &len)) {
			return false;
		}
		s += len;
	}
	return true;
}

bool cchc_text_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
