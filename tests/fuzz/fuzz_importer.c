// SPDX-License-Identifier: GPL-3.0-or-later
/* libFuzzer target: any bytes as a plan document, read as UTF-8 and, when
 * the first byte is odd, as CP1258. The importer must either produce a plan
 * or a message, never crash, hang or leak. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "cchc/importer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cchc_agency_catalogue *catalogue;
	if (!catalogue) {
		catalogue = cchc_agency_catalogue_builtin();
	}
	struct cchc_import_options options = {
		.encoding = size > 0 && (data[0] & 1) ? "CP1258" : NULL,
	};
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	cchc_import_parse((const char *)data, size, &options, catalogue, &plan, &notes, &err);
	cchc_plan_destroy(plan);
	cchc_names_finish(&notes);
	return 0;
}
