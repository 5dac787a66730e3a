// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/i18n.h"
#include "cchc/safefile.h"
#include "cchc/strbuf.h"
#include "cchc/xalloc.h"

enum cchc_status cchc_safe_open(struct cchc_safe_file *f, const char *path, struct cchc_error *err)
{
	struct cchc_strbuf part = {0};
	cchc_strbuf_printf(&part, "%s.part", path);
	f->path = cchc_xstrdup(path);
	f->part = part.data;
	f->out = fopen(f->part, "wb");
	if (!f->out) {
		enum cchc_status s = cchc_error_set(err, CCHC_ERR_IO, _("cannot write %s: %s"), path,
						    strerror(errno));
		free(f->path);
		free(f->part);
		*f = (struct cchc_safe_file){0};
		return s;
	}
	return CCHC_OK;
}

enum cchc_status cchc_safe_close(struct cchc_safe_file *f, bool keep, struct cchc_error *err)
{
	enum cchc_status s = CCHC_OK;
	bool written = fclose(f->out) == 0;
	if (keep && (!written || rename(f->part, f->path) != 0)) {
		s = cchc_error_set(err, CCHC_ERR_IO, _("cannot write %s: %s"), f->path, strerror(errno));
	}
	if (!keep || s != CCHC_OK) {
		remove(f->part);
	}
	free(f->path);
	free(f->part);
	*f = (struct cchc_safe_file){0};
	return s;
}
