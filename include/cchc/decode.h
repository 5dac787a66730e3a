/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_DECODE_H
#define CCHC_DECODE_H

#include <stddef.h>

#include "cchc/status.h"
#include "cchc/strbuf.h"

/* Turns the bytes of a document into UTF-8 text with LF line ends.
 * Without an encoding, a UTF-8 BOM is dropped, a UTF-16 BOM selects
 * UTF-16 and anything else must be UTF-8. With one (any name iconv
 * knows, such as CP1258 or TCVN5712-1) the bytes are converted from it.
 * Binary data and malformed bytes are errors whose message names the
 * line; nothing is ever replaced silently. */
enum cchc_status cchc_decode_document(const char *bytes, size_t n, const char *encoding,
				      struct cchc_strbuf *out, struct cchc_error *err);

#endif
