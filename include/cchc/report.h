/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_REPORT_H
#define CCHC_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "cchc/date.h"
#include "cchc/model.h"
#include "cchc/safefile.h"
#include "cchc/status.h"

/* Counts the way provincial reports put them. Group headings that only
 * gather other tasks are not counted. */
struct cchc_report_counts {
	int total;
	int states[CCHC_TASK_STATE_COUNT];
	int done;    /* on time and late */
	int percent; /* done out of those not cancelled */
};

struct cchc_report_options {
	long section;   /* index, or -1 for the whole plan */
	cchc_day today;
	int width;      /* text: columns per line */
	int page_lines; /* text: lines per printed page, 0 for no pages */
	const char *changes_since; /* ISO date or time: the minutes of a meeting */
};

void cchc_report_count(const struct cchc_plan *plan, long section, cchc_day today,
		       struct cchc_report_counts *out);

/* The section summary (SPEC §7) as text fitting options->width display
 * columns, Markdown, or one self-contained HTML file. */
enum cchc_status cchc_report_text(FILE *out, const struct cchc_plan *plan,
				  const struct cchc_report_options *options, struct cchc_error *err);
enum cchc_status cchc_report_markdown(FILE *out, const struct cchc_plan *plan,
				      const struct cchc_report_options *options,
				      struct cchc_error *err);
enum cchc_status cchc_report_html(FILE *out, const struct cchc_plan *plan,
				  const struct cchc_report_options *options, struct cchc_error *err);

/* A4 PDF with a font that has Vietnamese glyphs; CCHC_ERR_USAGE when this
 * build has no PDF support. */
enum cchc_status cchc_report_pdf(FILE *out, const struct cchc_plan *plan,
				 const struct cchc_report_options *options, struct cchc_error *err);

/* The tasks as the export's CSV (SPEC §5); the minutes have no CSV form
 * and are refused with CCHC_ERR_USAGE. */
enum cchc_status cchc_report_csv(FILE *out, const struct cchc_plan *plan,
				 const struct cchc_report_options *options, struct cchc_error *err);

typedef enum cchc_status (*cchc_report_writer)(FILE *out, const struct cchc_plan *plan,
					      const struct cchc_report_options *options,
					      struct cchc_error *err);

/* The formats a report is written in, in the order they are offered, PDF
 * last (a build without it offers one fewer). */
struct cchc_report_format {
	const char *name;      /* as --format takes it */
	const char *extension; /* of a file in that format */
	cchc_report_writer write;
};
extern const struct cchc_report_format cchc_report_formats[];
extern const size_t cchc_report_format_count;

/* The format called name, or NULL. */
const struct cchc_report_format *cchc_report_format_named(const char *name);

/* Lines of an A4 page as lp prints plain text. */
#define CCHC_REPORT_A4_LINES 64

/* Writes a report through fill into a temporary file and hands it to the
 * print spooler (lp, to printer or the default one); no spooler, or a
 * refusal, is CCHC_ERR_IO with a message that says so. quiet keeps lp's
 * words off the terminal (a full-screen interface) and puts a refusal's
 * reason into the message instead. */
enum cchc_status cchc_report_print(cchc_fill fill, void *context, const char *printer,
				   const char *title, bool quiet, struct cchc_error *err);

/* True when this build writes PDF. */
bool cchc_report_has_pdf(void);

#endif
