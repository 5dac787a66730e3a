// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/strbuf.h"
#include "cchc/xalloc.h"

void cchc_strbuf_init(struct cchc_strbuf *sb)
{
	sb->data = NULL;
	sb->len = 0;
	sb->cap = 0;
}

void cchc_strbuf_finish(struct cchc_strbuf *sb)
{
	free(sb->data);
	cchc_strbuf_init(sb);
}

void cchc_strbuf_reset(struct cchc_strbuf *sb)
{
	sb->len = 0;
	if (sb->data) {
		sb->data[0] = '\0';
	}
}

void cchc_strbuf_append(struct cchc_strbuf *sb, const char *s, size_t n)
{
	sb->data = cchc_xgrow(sb->data, &sb->cap, sb->len + n + 1, 1);
	memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void cchc_strbuf_puts(struct cchc_strbuf *sb, const char *s)
{
	cchc_strbuf_append(sb, s, strlen(s));
}

void cchc_strbuf_putc(struct cchc_strbuf *sb, char c)
{
	cchc_strbuf_append(sb, &c, 1);
}

void cchc_strbuf_printf(struct cchc_strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0) {
		return;
	}
	sb->data = cchc_xgrow(sb->data, &sb->cap, sb->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

const char *cchc_strbuf_str(const struct cchc_strbuf *sb)
{
	return sb->data ? sb->data : "";
}

char *cchc_strbuf_steal(struct cchc_strbuf *sb)
{
	char *s = sb->data ? sb->data : cchc_xstrdup("");
	cchc_strbuf_init(sb);
	return s;
}
