/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_IMPORTER_H
#define CCHC_IMPORTER_H

#include <stddef.h>

#include "cchc/agency.h"
#include "cchc/model.h"
#include "cchc/status.h"

/* The longest cell cchc accepts, in bytes: a bound far above any real
 * task (the seed's longest is under 1 KiB) that stops a runaway cell
 * from being taken as a title. */
#define CCHC_IMPORT_MAX_CELL 16384

struct cchc_import_options {
	const char *encoding; /* NULL: UTF-8, or UTF-16 with a BOM */
};

/* Reads a plan document (SPEC §3) into a new plan. Notes about repairs
 * (a section numeral taken by position) are added to notes. On error
 * *out stays NULL and err names the line. */
enum cchc_status cchc_import_parse(const char *bytes, size_t n,
				   const struct cchc_import_options *options,
				   const struct cchc_agency_catalogue *catalogue,
				   struct cchc_plan **out, struct cchc_names *notes,
				   struct cchc_error *err);

#endif
