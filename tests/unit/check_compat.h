/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_TESTS_CHECK_COMPAT_H
#define CCHC_TESTS_CHECK_COMPAT_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

/* Runs one suite with TAP output (meson's protocol) and returns the exit
 * status: 0 when every check passed. */
static inline int run_suite(Suite *suite)
{
	SRunner *runner = srunner_create(suite);
	srunner_run_all(runner, CK_SILENT);
	int failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Reads a whole file into a NUL-terminated buffer; aborts the check on
 * failure. */
static inline char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len) {
		*len = (size_t)n;
	}
	return buf;
}

#endif
