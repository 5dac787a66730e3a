/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_CLI_INTERNAL_H
#define CCHC_CLI_INTERNAL_H

/* Shared by the commands of the command line only. */

#include <stdbool.h>

#include "cchc/date.h"
#include "cchc/model.h"
#include "cchc/status.h"

/* Everything the command line said. */
struct cli {
	const char *command;
	const char *args[4];
	int arg_count;
	const char *db;
	const char *today_text;
	const char *encoding;
	const char *format;
	const char *section;
	const char *output;
	const char *width;
	const char *printer;
	const char *changes_since;
	bool print;
	bool replace;
	bool read_only;
	bool help;
	bool version;
	cchc_day today;
	char *db_owned;
};

/* "cchc: " and the message, then a hint to --help; returns 2. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints err and returns its exit status. */
int report(const struct cchc_error *err);
/* The plan in the database, read-only. */
enum cchc_status load(const struct cli *cli, struct cchc_plan **plan, struct cchc_error *err);
/* The section the officer named, -1 for the whole plan; false (after a
 * message) when there is no such section. */
bool pick_section(const struct cli *cli, const struct cchc_plan *plan, long *section, int *rc);

int cmd_report(struct cli *cli);

#endif
