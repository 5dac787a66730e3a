/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_EXPORT_H
#define CCHC_EXPORT_H

#include <stdio.h>

#include "cchc/date.h"
#include "cchc/model.h"
#include "cchc/status.h"

/* Index of the section a user named ("III", "iii" or "3"), or -1. */
long cchc_export_find_section(const struct cchc_plan *plan, const char *code);

/* Writes the plan (or only section_index, when >= 0) as JSON "cchc/1"
 * (SPEC §5), states computed on today. */
enum cchc_status cchc_export_json(FILE *out, const struct cchc_plan *plan, long section_index,
				  cchc_day today, struct cchc_error *err);

/* Writes one CSV row per task in tree order: UTF-8 with a BOM, CRLF, a
 * header row, and cells starting with = + - @ made inert with a leading
 * apostrophe so spreadsheets show them as text. */
enum cchc_status cchc_export_csv(FILE *out, const struct cchc_plan *plan, long section_index,
				 cchc_day today, struct cchc_error *err);

#endif
