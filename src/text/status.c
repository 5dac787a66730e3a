// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "cchc/status.h"

static const struct {
	const char *label;
	int exit_code;
} table[] = {
#define CCHC_STATUS_ROW(name, exit_code, message) [name] = {message, exit_code},
	CCHC_STATUS_LIST(CCHC_STATUS_ROW)
#undef CCHC_STATUS_ROW
};

const char *cchc_status_label(enum cchc_status status)
{
	return table[status].label;
}

int cchc_status_exit_code(enum cchc_status status)
{
	return table[status].exit_code;
}

enum cchc_status cchc_error_set(struct cchc_error *err,
				enum cchc_status status, const char *fmt, ...)
{
	if (!err) {
		return status;
	}
	err->status = status;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return status;
}

void cchc_error_clear(struct cchc_error *err)
{
	err->status = CCHC_OK;
	err->message[0] = '\0';
}
