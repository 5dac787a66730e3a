// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"

/* Length of the well-formed UTF-8 sequence at p (Unicode Table 3-7), or
 * 0. Hand-written because validating a whole document one code point at
 * a time through a library call dominated the cost of reading it. */
static size_t utf8_sequence(const unsigned char *p, size_t left)
{
	unsigned char c = p[0];
	size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	if (c < 0xC2 || c > 0xF4 || left < len) {
		return 0;
	}
	unsigned char lo = 0x80, hi = 0xBF;
	if (c == 0xE0) {
		lo = 0xA0;
	} else if (c == 0xED) {
		hi = 0x9F;
	} else if (c == 0xF0) {
		lo = 0x90;
	} else if (c == 0xF4) {
		hi = 0x8F;
	}
	if (p[1] < lo || p[1] > hi) {
		return 0;
	}
	for (size_t i = 2; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			return 0;
		}
	}
	return len;
}

size_t cchc_text_utf8_invalid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t len = utf8_sequence(p + i, n - i);
		if (len == 0) {
			return i;
		}
		i += len;
	}
	return n;
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

/* Precomposed Latin letters, Vietnamese ones included, that stay as they
 * are under NFC: none is a singleton or excluded from composition. */
static bool stable_latin(utf8proc_int32_t cp)
{
	return (cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

/* Scripts whose letters compose without combining marks (Indic vowel
 * signs, Hangul jamo): always take the full path for them. */
static bool composes_without_marks(utf8proc_int32_t cp)
{
	return (cp >= 0x0900 && cp <= 0x0DFF) || (cp >= 0x1100 && cp <= 0x11FF) ||
	       (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
	       (cp >= 0x1B00 && cp <= 0x1B7F) || cp >= 0x11000;
}

/* Text that is already composed is the common case, and the full
 * algorithm costs an allocation and a UTF-32 round trip per call. */
bool cchc_text_is_nfc(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			return false;
		}
		const utf8proc_property_t *prop = utf8proc_get_property(cp);
		bool decomposes = prop->decomp_seqindex != UINT16_MAX && prop->decomp_type == 0;
		if (prop->combining_class != 0 || composes_without_marks(cp) ||
		    (decomposes && !stable_latin(cp))) {
			return false;
		}
		p += len;
	}
	return true;
}

char *cchc_text_nfc(const char *s)
{
	if (cchc_text_is_nfc(s)) {
		return cchc_xstrdup(s);
	}
	return map(s, UTF8PROC_COMPOSE);
}

char *cchc_text_lower(const char *s)
{
	size_t n = strlen(s);
	char *out = cchc_xmalloc(n * 2 + 1);
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_uint8_t *w = (utf8proc_uint8_t *)out;
	while (*p) {
		if (*p < 0x80) {
			*w++ = (utf8proc_uint8_t)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
			p++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			*w++ = *p++;
			continue;
		}
		w += utf8proc_encode_char(utf8proc_tolower(cp), w);
		p += len;
	}
	*w = '\0';
	return out;
}

char *cchc_text_casefold(const char *s)
{
	return map(s, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

/* Appends the search form of one code point: case folded, marks dropped,
 * đ as d. */
static utf8proc_uint8_t *search_form(utf8proc_int32_t cp, utf8proc_uint8_t *w)
{
	if (cp == 0x0110 || cp == 0x0111) {
		*w++ = 'd';
		return w;
	}
	utf8proc_int32_t buf[8];
	int boundclass = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(
		cp, buf, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, &boundclass);
	if (n < 0 || n > 8) {
		return w + utf8proc_encode_char(cp, w);
	}
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		w += utf8proc_encode_char(buf[i], w);
	}
	return w;
}

/* Search forms of the Latin letters Vietnamese uses, worked out once:
 * the per-character library call is the cost of keying a large import. */
struct latin_form {
	unsigned char len;
	utf8proc_uint8_t bytes[7];
};

static const struct latin_form *latin_forms(utf8proc_int32_t cp)
{
	static struct latin_form low[0x0250 - 0x0080], viet[0x1F00 - 0x1E00];
	static bool ready;
	if (!ready) {
		for (utf8proc_int32_t c = 0x0080; c < 0x1F00; c++) {
			struct latin_form *f = c < 0x0250 ? &low[c - 0x0080]
				: c >= 0x1E00 ? &viet[c - 0x1E00] : NULL;
			if (!f) {
				continue;
			}
			utf8proc_uint8_t tmp[64];
			size_t n = (size_t)(search_form(c, tmp) - tmp);
			f->len = n <= sizeof f->bytes ? (unsigned char)n : UCHAR_MAX;
			memcpy(f->bytes, tmp, n <= sizeof f->bytes ? n : 0);
		}
		ready = true;
	}
	const struct latin_form *f = cp >= 0x0080 && cp < 0x0250 ? &low[cp - 0x0080]
		: cp >= 0x1E00 && cp < 0x1F00 ? &viet[cp - 0x1E00] : NULL;
	return f && f->len != UCHAR_MAX ? f : NULL;
}

void cchc_text_search_key_append(struct cchc_strbuf *out, const char *s)
{
	/* One code point at a time: the whole-string mapping costs a UTF-32
	 * copy, and search keys are made for every task of an import. */
	size_t n = strlen(s);
	out->data = cchc_xgrow(out->data, &out->cap, out->len + n * 4 + 1, 1);
	utf8proc_uint8_t *w = (utf8proc_uint8_t *)out->data + out->len;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		if (*p < 0x80) {
			*w++ = (utf8proc_uint8_t)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
			p++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			p++;
			continue;
		}
		const struct latin_form *f = latin_forms(cp);
		if (f) {
			memcpy(w, f->bytes, f->len);
			w += f->len;
		} else {
			w = search_form(cp, w);
		}
		p += len;
	}
	*w = '\0';
	out->len = (size_t)((char *)w - out->data);
}

char *cchc_text_search_key(const char *s)
{
	struct cchc_strbuf out = {0};
	cchc_text_search_key_append(&out, s);
	return cchc_text_squeeze(cchc_strbuf_steal(&out));
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
		unsigned char c = (unsigned char)*r;
		size_t len;
		if (c > ' ' && c != 0xC2) {
			/* The common case: an ordinary byte. */
			if (pending_space && w > s && w[-1] != '\n') {
				*w++ = ' ';
			}
			pending_space = false;
			*w++ = *r++;
			continue;
		}
		if (is_space_at(r, &len)) {
			pending_space = true;
			r += len;
			continue;
		}
		if (c == '\n') {
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

/* ---- display ---------------------------------------------------------- */

size_t cchc_text_grapheme(const char *s, int *width)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	*width = 0;
	if (!*p) {
		return 0;
	}
	utf8proc_int32_t first;
	utf8proc_ssize_t len = utf8proc_iterate(p, -1, &first);
	if (len <= 0) {
		*width = 1;
		return 1;
	}
	*width = utf8proc_charwidth(first);
	utf8proc_int32_t state = 0, prev = first;
	size_t n = (size_t)len;
	while (p[n]) {
		utf8proc_int32_t cp;
		len = utf8proc_iterate(p + n, -1, &cp);
		if (len <= 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) {
			break;
		}
		prev = cp;
		n += (size_t)len;
	}
	return n;
}

static void pad_spaces(struct cchc_strbuf *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		cchc_strbuf_putc(out, ' ');
	}
}

/* Columns and bytes of the longest prefix of s that fits in width. */
static size_t fitting_prefix(const char *s, size_t width, size_t *used)
{
	size_t bytes = 0;
	*used = 0;
	for (;;) {
		int w;
		size_t n = cchc_text_grapheme(s + bytes, &w);
		if (s[bytes] == '\n' || s[bytes] == '\t') {
			w = 1; /* shown as a space */
		}
		if (n == 0 || *used + (size_t)(w < 0 ? 0 : w) > width) {
			return bytes;
		}
		*used += (size_t)(w < 0 ? 0 : w);
		bytes += n;
	}
}

static void append_flat(struct cchc_strbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		cchc_strbuf_putc(out, s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
	}
}

size_t cchc_text_fit(struct cchc_strbuf *out, const char *s, size_t width, bool pad)
{
	size_t used;
	size_t bytes = fitting_prefix(s, width, &used);
	if (s[bytes] != '\0' && width > 0) {
		/* Cut: make room for the ellipsis. */
		bytes = fitting_prefix(s, width - 1, &used);
		append_flat(out, s, bytes);
		cchc_strbuf_puts(out, "…");
		used++;
	} else {
		append_flat(out, s, bytes);
	}
	if (pad && used < width) {
		pad_spaces(out, width - used);
		used = width;
	}
	return used;
}

void cchc_lines_add(struct cchc_lines *lines, const char *line, size_t len)
{
	lines->items = cchc_xgrow(lines->items, &lines->cap, lines->count + 1, sizeof *lines->items);
	lines->items[lines->count++] = cchc_xstrndup(line, len);
}

void cchc_lines_finish(struct cchc_lines *lines)
{
	for (size_t i = 0; i < lines->count; i++) {
		free(lines->items[i]);
	}
	free(lines->items);
	lines->items = NULL;
	lines->count = lines->cap = 0;
}

/* Wraps one paragraph (no newline inside). */
static void wrap_paragraph(const char *s, size_t len, size_t width, struct cchc_lines *lines)
{
	size_t start = 0;
	while (start < len) {
		while (start < len && s[start] == ' ') {
			start++;
		}
		size_t pos = start, cols = 0, last_space = 0;
		while (pos < len) {
			int w;
			size_t n = cchc_text_grapheme(s + pos, &w);
			if (cols + (size_t)(w < 0 ? 0 : w) > width) {
				break;
			}
			if (s[pos] == ' ') {
				last_space = pos;
			}
			cols += (size_t)(w < 0 ? 0 : w);
			pos += n;
		}
		size_t end = pos >= len ? len : last_space > start ? last_space : pos;
		if (end == start && pos < len) {
			end = pos + cchc_text_grapheme(s + pos, &(int){0});
		}
		cchc_lines_add(lines, s + start, end - start);
		start = end;
		if (start >= len) {
			break;
		}
	}
}

void cchc_text_wrap(const char *s, size_t width, struct cchc_lines *lines)
{
	width = width ? width : 1;
	size_t before = lines->count;
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		size_t start = lines->count;
		wrap_paragraph(s, len, width, lines);
		if (lines->count == start) {
			cchc_lines_add(lines, "", 0);
		}
		s += len + (nl != NULL);
	}
	if (lines->count == before) {
		cchc_lines_add(lines, "", 0);
	}
}

enum cchc_recode cchc_text_recode(const char *in, size_t n, const char *from, const char *to,
				  struct cchc_strbuf *out)
{
	iconv_t cd = iconv_open(to, from);
	if (cd == (iconv_t)-1) {
		return CCHC_RECODE_UNKNOWN;
	}
	char chunk[8192];
	char *next = (char *)in;
	enum cchc_recode result = CCHC_RECODE_OK;
	while (n > 0 && result == CCHC_RECODE_OK) {
		char *o = chunk;
		size_t room = sizeof chunk;
		size_t r = iconv(cd, &next, &n, &o, &room);
		cchc_strbuf_append(out, chunk, (size_t)(o - chunk));
		if (r == (size_t)-1 && errno != E2BIG) {
			result = errno == EINVAL ? CCHC_RECODE_TRUNCATED : CCHC_RECODE_INVALID;
		}
	}
	if (result == CCHC_RECODE_OK) {
		/* Stateful converters such as CP1258 hold the last character
		 * back until told the input has ended. */
		char *o = chunk;
		size_t room = sizeof chunk;
		iconv(cd, NULL, NULL, &o, &room);
		cchc_strbuf_append(out, chunk, (size_t)(o - chunk));
	}
	iconv_close(cd);
	return result;
}
