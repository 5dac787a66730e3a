/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_XALLOC_H
#define CCHC_XALLOC_H

#include <stddef.h>

/* Allocation wrappers that abort on exhaustion: a plan tracker has no
 * sensible way to carry on without memory, and checking every call would
 * bury the logic. */
void *cchc_xmalloc(size_t size);
void *cchc_xcalloc(size_t count, size_t size);
void *cchc_xrealloc(void *ptr, size_t size);
/* Grows an array to hold at least `need` elements, doubling capacity. */
void *cchc_xgrow(void *ptr, size_t *capacity, size_t need, size_t elem);
char *cchc_xstrdup(const char *s);
char *cchc_xstrndup(const char *s, size_t n);

#endif
