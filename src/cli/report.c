// SPDX-License-Identifier: GPL-3.0-or-later
/* "cchc report": a section summary or the minutes of a meeting, as text,
 * Markdown, HTML, CSV or PDF, saved, written out, or handed to the print
 * spooler. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/i18n.h"
#include "cchc/report.h"
#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "internal.h"

typedef cchc_report_writer writer;

/* What one run writes: fills a file, a print job or standard output. */
struct job {
	writer write;
	const struct cchc_plan *plan;
	const struct cchc_report_options *options;
	const char *encoding;
};

/* "2026-12-04", "2026-12-04 08:00" or "2026-12-04T08:00" as ISO text. */
static bool since(const char *text, char out[static 32])
{
	cchc_day day;
	char date[11];
	snprintf(date, sizeof date, "%s", text);
	size_t n = strlen(text);
	if (!cchc_date_parse_iso(date, &day) || (n != 10 && n != 16 && n != 19)) {
		return false;
	}
	snprintf(out, 32, "%s", text);
	if (n > 10) {
		out[10] = 'T';
	}
	return true;
}

/* Converts what was written into out's encoding, as --encoding asks. */
static enum cchc_status recode(const char *utf8, size_t n, const char *encoding, FILE *out,
			       struct cchc_error *err)
{
	struct cchc_strbuf text = {0};
	enum cchc_recode r = cchc_text_recode(utf8, n, "UTF-8", encoding, &text);
	enum cchc_status status =
		r == CCHC_RECODE_UNKNOWN
			? cchc_error_set(err, CCHC_ERR_USAGE, _("unknown encoding “%s”"), encoding)
		: r != CCHC_RECODE_OK
			? cchc_error_set(err, CCHC_ERR_INPUT,
					 _("the report holds characters that %s cannot write"), encoding)
			: CCHC_OK;
	if (status == CCHC_OK) {
		fwrite(text.data, 1, text.len, out);
	}
	cchc_strbuf_finish(&text);
	return status;
}

static enum cchc_status write_to(FILE *out, void *context, struct cchc_error *err)
{
	const struct job *j = context;
	if (!j->encoding || j->write == cchc_report_pdf) {
		return j->write(out, j->plan, j->options, err);
	}
	char *text = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&text, &n);
	enum cchc_status status = j->write(mem, j->plan, j->options, err);
	fclose(mem);
	if (status == CCHC_OK) {
		status = recode(text, n, j->encoding, out, err);
	}
	free(text);
	return status;
}

static int print_report(const struct cli *cli, writer write, const struct cchc_plan *plan,
			struct cchc_report_options *o)
{
	struct cchc_error err = {0};
	o->page_lines = write == cchc_report_text ? CCHC_REPORT_A4_LINES : 0;
	struct job j = {write, plan, o, cli->encoding};
	if (cchc_report_print(write_to, &j, cli->printer, plan->title, false, &err) != CCHC_OK) {
		return report(&err);
	}
	printf(_("Sent to the printer%s%s.\n"), cli->printer ? " " : "", cli->printer ? cli->printer : "");
	return 0;
}

static int save_report(const struct cli *cli, writer write, const struct cchc_plan *plan,
		       const struct cchc_report_options *o)
{
	struct cchc_error err = {0};
	struct job j = {write, plan, o, cli->encoding};
	enum cchc_status s = cli->output ? cchc_safe_write(cli->output, write_to, &j, &err)
					 : write_to(stdout, &j, &err);
	return s == CCHC_OK ? 0 : report(&err);
}

/* A print queue's own text filter has no glyphs for most Vietnamese
 * letters (CUPS texttopdf leaves blanks for "ế" or "ạ"), so what goes to a
 * printer is the PDF laid out with a Vietnamese font, unless asked. */
static const char *default_format(const struct cli *cli)
{
	return cli->print && !cli->encoding && !cli->width && cchc_report_has_pdf() ? "pdf" : "text";
}

static int check_options(const struct cli *cli, writer *write, struct cchc_report_options *o,
			 char since_iso[static 32])
{
	const struct cchc_report_format *format =
		cchc_report_format_named(cli->format ? cli->format : default_format(cli));
	*write = format ? format->write : NULL;
	if (!*write) {
		return usage_error(_("unknown report format “%s” (text, md, html, csv or pdf)"), cli->format);
	}
	if (cli->arg_count) {
		return usage_error(_("report takes no FILE argument (“%s”); use -o FILE"), cli->args[0]);
	}
	char *end = NULL;
	long width = cli->width ? strtol(cli->width, &end, 10) : 80;
	if (cli->width && (*end || width < 40 || width > 400)) {
		return usage_error(_("--width takes a number of columns from 40 to 400, not “%s”"), cli->width);
	}
	if (cli->changes_since && !since(cli->changes_since, since_iso)) {
		return usage_error(_("“%s” is not a date or time; write YYYY-MM-DD or YYYY-MM-DD HH:MM"),
				   cli->changes_since);
	}
	*o = (struct cchc_report_options){.today = cli->today, .width = (int)width,
					  .changes_since = cli->changes_since ? since_iso : NULL};
	return 0;
}

int cmd_report(struct cli *cli)
{
	writer write;
	struct cchc_report_options o;
	char since_iso[32];
	int rc = check_options(cli, &write, &o, since_iso);
	if (rc) {
		return rc;
	}
	struct cchc_error err = {0};
	struct cchc_plan *plan = NULL;
	if (load(cli, &plan, &err) != CCHC_OK) {
		return report(&err);
	}
	if (pick_section(cli, plan, &o.section, &rc)) {
		rc = cli->print ? print_report(cli, write, plan, &o) : save_report(cli, write, plan, &o);
	}
	cchc_plan_destroy(plan);
	return rc;
}
