// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <string.h>

#include "cchc/report.h"

const struct cchc_report_format cchc_report_formats[] = {
	{"text", "txt", cchc_report_text}, {"md", "md", cchc_report_markdown},
	{"html", "html", cchc_report_html}, {"csv", "csv", cchc_report_csv},
	{"pdf", "pdf", cchc_report_pdf},
};
const size_t cchc_report_format_count = sizeof cchc_report_formats / sizeof *cchc_report_formats;

const struct cchc_report_format *cchc_report_format_named(const char *name)
{
	for (size_t i = 0; i < cchc_report_format_count; i++) {
		if (strcmp(cchc_report_formats[i].name, name) == 0) {
			return &cchc_report_formats[i];
		}
	}
	return NULL;
}
