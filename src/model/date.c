// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cchc/date.h"

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cchc_date_days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12) {
		return 0;
	}
	return month == 2 && leap(year) ? 29 : days[month - 1];
}

bool cchc_date_valid(int year, int month, int day)
{
	return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 &&
	       day >= 1 && day <= cchc_date_days_in_month(year, month);
}

/* Howard Hinnant's days_from_civil, valid for the proleptic Gregorian
 * calendar without tables. */
cchc_day cchc_date_from_ymd(int year, int month, int day)
{
	int y = year - (month <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int mp = (month + 9) % 12;
	int doy = (153 * mp + 2) / 5 + day - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cchc_date_to_ymd(cchc_day d, int *year, int *month, int *day)
{
	int z = d + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*day = doy - (153 * mp + 2) / 5 + 1;
	*month = mp < 10 ? mp + 3 : mp - 9;
	*year = yoe + era * 400 + (*month <= 2);
}

bool cchc_date_parse_iso(const char *s, cchc_day *out)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
		return false;
	}
	for (int i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
			return false;
		}
	}
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (!cchc_date_valid(y, m, d)) {
		return false;
	}
	*out = cchc_date_from_ymd(y, m, d);
	return true;
}

void cchc_date_format_iso(cchc_day d, char buf[static 11])
{
	int y, m, dd;
	cchc_date_to_ymd(d, &y, &m, &dd);
	/* Valid days keep every field in range; the masks tell the compiler. */
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)dd % 100u);
}

cchc_day cchc_date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return cchc_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
