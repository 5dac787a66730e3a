// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/xalloc.h"

static void *check(void *p)
{
	if (!p) {
		fputs("cchc: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *cchc_xmalloc(size_t size)
{
	return check(malloc(size ? size : 1));
}

void *cchc_xcalloc(size_t count, size_t size)
{
	return check(calloc(count ? count : 1, size ? size : 1));
}

void *cchc_xrealloc(void *ptr, size_t size)
{
	return check(realloc(ptr, size ? size : 1));
}

void *cchc_xgrow(void *ptr, size_t *capacity, size_t need, size_t elem)
{
	if (need <= *capacity) {
		return ptr;
	}
	size_t cap = *capacity ? *capacity : 8;
	while (cap < need) {
		cap *= 2;
	}
	*capacity = cap;
	return cchc_xrealloc(ptr, cap * elem);
}

char *cchc_xstrdup(const char *s)
{
	return cchc_xstrndup(s, strlen(s));
}

char *cchc_xstrndup(const char *s, size_t n)
{
	char *d = cchc_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}
