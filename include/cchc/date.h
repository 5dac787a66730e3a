/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_DATE_H
#define CCHC_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* A calendar day as a count of days since 1970-01-01, so comparisons and
 * "days overdue" are plain integer arithmetic. */
typedef int32_t cchc_day;

#define CCHC_NO_DAY INT32_MIN

/* True when y-m-d is a real calendar day (years 1900–2999). */
bool cchc_date_valid(int year, int month, int day);

/* Day number of a valid y-m-d. */
cchc_day cchc_date_from_ymd(int year, int month, int day);

/* Splits a day number back into year, month and day. */
void cchc_date_to_ymd(cchc_day d, int *year, int *month, int *day);

/* Number of days in a month of a year. */
int cchc_date_days_in_month(int year, int month);

/* Parses exactly YYYY-MM-DD; false on anything else or an impossible day. */
bool cchc_date_parse_iso(const char *s, cchc_day *out);

/* Writes YYYY-MM-DD and a NUL into buf (11 bytes). */
void cchc_date_format_iso(cchc_day d, char buf[static 11]);

/* Today in local time. */
cchc_day cchc_date_today(void);

#endif
