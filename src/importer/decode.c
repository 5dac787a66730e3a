// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cchc/decode.h"
#include "cchc/i18n.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"

static size_t line_of(const char *s, size_t offset)
{
	size_t line = 1;
	for (size_t i = 0; i < offset; i++) {
		line += s[i] == '\n';
	}
	return line;
}

/* Text documents hold no NUL and few control characters; a file that does
 * is something else (a PDF, a spreadsheet, an image). */
static bool looks_binary(const char *s, size_t n, size_t *where)
{
	size_t controls = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) {
			if (c == 0 || ++controls > 8) {
				*where = i;
				return true;
			}
		}
	}
	return false;
}

static enum cchc_status convert(const char *bytes, size_t n, const char *from,
				struct cchc_strbuf *out, struct cchc_error *err)
{
	switch (cchc_text_recode(bytes, n, from, "UTF-8", out)) {
	case CCHC_RECODE_UNKNOWN:
		return cchc_error_set(err, CCHC_ERR_USAGE, _("unknown encoding “%s”"), from);
	case CCHC_RECODE_TRUNCATED:
		return cchc_error_set(err, CCHC_ERR_INPUT,
				      _("line %zu: the text ends inside a character of encoding %s"),
				      line_of(cchc_strbuf_str(out), out->len), from);
	case CCHC_RECODE_INVALID:
		return cchc_error_set(err, CCHC_ERR_INPUT, _("line %zu: bytes that are not valid %s"),
				      line_of(cchc_strbuf_str(out), out->len), from);
	default:
		return CCHC_OK;
	}
}

static bool is_utf8_name(const char *encoding)
{
	return strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0;
}

static enum cchc_status to_utf8(const char *bytes, size_t n, const char *encoding,
				struct cchc_strbuf *out, struct cchc_error *err)
{
	const unsigned char *b = (const unsigned char *)bytes;
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		bytes += 3;
		n -= 3;
	} else if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
		const char *from = b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		return convert(bytes + 2, n - 2, from, out, err);
	}
	if (encoding && !is_utf8_name(encoding)) {
		return convert(bytes, n, encoding, out, err);
	}
	size_t where;
	if (looks_binary(bytes, n, &where)) {
		return cchc_error_set(err, CCHC_ERR_INPUT,
				      _("line %zu: binary data; this is not a plan document in text form"),
				      line_of(bytes, where));
	}
	size_t bad = cchc_text_utf8_invalid(bytes, n);
	if (bad != n) {
		return cchc_error_set(err, CCHC_ERR_INPUT,
				      _("line %zu: malformed UTF-8 (byte 0x%02X); give the encoding with --encoding"),
				      line_of(bytes, bad), (unsigned)(unsigned char)bytes[bad]);
	}
	cchc_strbuf_append(out, bytes, n);
	return CCHC_OK;
}

/* CRLF and lone CR become LF. */
static void normalise_line_ends(struct cchc_strbuf *sb)
{
	size_t w = 0;
	for (size_t r = 0; r < sb->len; r++) {
		char c = sb->data[r];
		if (c == '\r') {
			if (r + 1 < sb->len && sb->data[r + 1] == '\n') {
				continue;
			}
			c = '\n';
		}
		sb->data[w++] = c;
	}
	sb->len = w;
	if (sb->data) {
		sb->data[w] = '\0';
	}
}

enum cchc_status cchc_decode_document(const char *bytes, size_t n, const char *encoding,
				      struct cchc_strbuf *out, struct cchc_error *err)
{
	struct cchc_strbuf text = {0};
	enum cchc_status status = to_utf8(bytes, n, encoding, &text, err);
	bool converted = text.len != n || (n > 0 && memcmp(text.data, bytes, n) != 0);
	if (status == CCHC_OK && converted) {
		size_t where;
		if (looks_binary(cchc_strbuf_str(&text), text.len, &where)) {
			status = cchc_error_set(err, CCHC_ERR_INPUT,
						_("line %zu: binary data; this is not a plan document in text form"),
						line_of(text.data, where));
		}
	}
	if (status != CCHC_OK) {
		cchc_strbuf_finish(&text);
		return status;
	}
	normalise_line_ends(&text);
	cchc_strbuf_finish(out);
	*out = text;
	return CCHC_OK;
}
