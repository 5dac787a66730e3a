// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cchc/i18n.h"
#include "cchc/safefile.h"
#include "cchc/strbuf.h"

static enum cchc_status cannot_write(const char *path, struct cchc_error *err)
{
	return cchc_error_set(err, CCHC_ERR_IO, _("cannot write %s: %s"), path, strerror(errno));
}

enum cchc_status cchc_safe_write(const char *path, cchc_fill fill, void *context,
				 struct cchc_error *err)
{
	struct cchc_strbuf part = {0};
	cchc_strbuf_printf(&part, "%s.part", path);
	FILE *out = fopen(part.data, "wb");
	enum cchc_status s = out ? fill(out, context, err) : cannot_write(path, err);
	bool closed = !out || fclose(out) == 0;
	if (s == CCHC_OK && (!closed || rename(part.data, path) != 0)) {
		s = cannot_write(path, err);
	}
	if (out && s != CCHC_OK) {
		remove(part.data);
	}
	cchc_strbuf_finish(&part);
	return s;
}
