// SPDX-License-Identifier: GPL-3.0-or-later
/* Builds without cairo and pango write no PDF, and say so. */
#include "config.h"

#include "cchc/i18n.h"
#include "cchc/report.h"

bool cchc_report_has_pdf(void)
{
	return false;
}

enum cchc_status cchc_report_pdf(FILE *out, const struct cchc_plan *plan,
				 const struct cchc_report_options *options, struct cchc_error *err)
{
	(void)out;
	(void)plan;
	(void)options;
	return cchc_error_set(err, CCHC_ERR_USAGE, "%s",
			      _("this cchc was built without PDF support (cairo and pango)"));
}
