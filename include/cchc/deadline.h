/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_DEADLINE_H
#define CCHC_DEADLINE_H

#include "cchc/model.h"
#include "cchc/status.h"

/* Reads the Vietnamese deadline phrases of a "Tiến độ" cell (SPEC §4) and
 * appends one milestone per phrase to out. Each line of text is read on
 * its own; parenthesised conditions and text after "phrase:" are labels,
 * never dates. plan_year supplies the year of "Trong năm" written without
 * one. A line with words but no phrase becomes one `external` milestone.
 * An impossible date (31/02/2026, tháng 13/2026) is an error with a
 * translated message; out is then left as it was. */
enum cchc_status cchc_deadline_parse(const char *text, int plan_year,
				     struct cchc_milestones *out, struct cchc_error *err);

#endif
