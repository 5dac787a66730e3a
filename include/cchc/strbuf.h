/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_STRBUF_H
#define CCHC_STRBUF_H

#include <stddef.h>

/* A growable NUL-terminated byte string. Zero-initialise, or use
 * cchc_strbuf_init; the buffer is always a valid C string once written. */
struct cchc_strbuf {
	char *data;
	size_t len;
	size_t cap;
};

void cchc_strbuf_init(struct cchc_strbuf *sb);
void cchc_strbuf_finish(struct cchc_strbuf *sb);
void cchc_strbuf_reset(struct cchc_strbuf *sb);
void cchc_strbuf_append(struct cchc_strbuf *sb, const char *s, size_t n);
void cchc_strbuf_puts(struct cchc_strbuf *sb, const char *s);
void cchc_strbuf_putc(struct cchc_strbuf *sb, char c);
void cchc_strbuf_printf(struct cchc_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The contents ("" when nothing was written). */
const char *cchc_strbuf_str(const struct cchc_strbuf *sb);
/* Hands the buffer to the caller (who frees it) and empties sb. */
char *cchc_strbuf_steal(struct cchc_strbuf *sb);

#endif
