/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_REPORT_DOC_H
#define CCHC_REPORT_DOC_H

/* Shared by the report writers only: the summary as blocks, built once
 * and written as text, Markdown, HTML or PDF. */

#include <stddef.h>

#include "cchc/report.h"

#define DOC_MAX_COLUMNS 5

enum block_kind { BLOCK_TITLE, BLOCK_HEADING, BLOCK_LINE, BLOCK_TABLE };

struct column {
	const char *header; /* translated */
	int min, preferred; /* text widths in columns */
	bool flex;          /* takes what is left */
	bool right;         /* numbers */
};

struct table {
	size_t columns;
	struct column column[DOC_MAX_COLUMNS];
	char **cells; /* row-major */
	size_t rows;
	size_t cap;
	unsigned char *emphasis; /* per row: 1 for a heading row (a group) */
};

struct block {
	enum block_kind kind;
	char *text;
	struct table table;
};

struct doc {
	struct block *blocks;
	size_t count;
	size_t cap;
};

void doc_build(struct doc *doc, const struct cchc_plan *plan,
	       const struct cchc_report_options *options);
void doc_finish(struct doc *doc);

/* Text widths of the columns of t for a line of width columns. */
void doc_widths(const struct table *t, int width, int *out);

#endif
