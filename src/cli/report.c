// SPDX-License-Identifier: GPL-3.0-or-later
/* "cchc report": a section summary or the minutes of a meeting, as text,
 * Markdown, HTML, CSV or PDF, saved, written out, or handed to the print
 * spooler. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cchc/export.h"
#include "cchc/i18n.h"
#include "cchc/report.h"
#include "cchc/safefile.h"
#include "cchc/strbuf.h"
#include "internal.h"

/* A4 at the size lp prints plain text: lines per page. */
#define A4_LINES 64

typedef enum cchc_status (*writer)(FILE *, const struct cchc_plan *,
				   const struct cchc_report_options *, struct cchc_error *);

static const struct {
	const char *name;
	writer write;
} formats[] = {
	{"text", cchc_report_text}, {"md", cchc_report_markdown}, {"html", cchc_report_html},
	{"csv", cchc_report_csv},               {"pdf", cchc_report_pdf},
};

static writer find_format(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		if (strcmp(formats[i].name, name) == 0) {
			return formats[i].write;
		}
	}
	return NULL;
}

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
	iconv_t cd = iconv_open(encoding, "UTF-8");
	if (cd == (iconv_t)-1) {
		return cchc_error_set(err, CCHC_ERR_USAGE, _("unknown encoding “%s”"), encoding);
	}
	char buf[8192];
	char *in = (char *)utf8;
	size_t left = n;
	enum cchc_status status = CCHC_OK;
	while (left > 0 && status == CCHC_OK) {
		char *o = buf;
		size_t room = sizeof buf;
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) {
			status = cchc_error_set(err, CCHC_ERR_INPUT,
						_("the report holds characters that %s cannot write"), encoding);
		}
		fwrite(buf, 1, (size_t)(o - buf), out);
	}
	char *o = buf;
	size_t room = sizeof buf;
	iconv(cd, NULL, NULL, &o, &room);
	fwrite(buf, 1, (size_t)(o - buf), out);
	iconv_close(cd);
	return status;
}

static enum cchc_status write_to(FILE *out, writer write, const struct cchc_plan *plan,
				 const struct cchc_report_options *o, const char *encoding,
				 struct cchc_error *err)
{
	if (!encoding || write == cchc_report_pdf) {
		return write(out, plan, o, err);
	}
	char *text = NULL;
	size_t n = 0;
	FILE *mem = open_memstream(&text, &n);
	enum cchc_status status = write(mem, plan, o, err);
	fclose(mem);
	if (status == CCHC_OK) {
		status = recode(text, n, encoding, out, err);
	}
	free(text);
	return status;
}

static int print_report(const struct cli *cli, writer write, const struct cchc_plan *plan,
			struct cchc_report_options *o)
{
	struct cchc_error err = {0};
	char path[] = "/tmp/cchc-report-XXXXXX";
	int fd = mkstemp(path);
	FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!out) {
		fprintf(stderr, _("cchc: cannot write %s: %s\n"), path, strerror(errno));
		return 1;
	}
	o->page_lines = write == cchc_report_text ? A4_LINES : 0;
	enum cchc_status s = write_to(out, write, plan, o, cli->encoding, &err);
	fclose(out);
	if (s == CCHC_OK) {
		s = cchc_report_print(path, cli->printer, plan->title, false, &err);
	}
	unlink(path);
	if (s != CCHC_OK) {
		return report(&err);
	}
	printf(_("Sent to the printer%s%s.\n"), cli->printer ? " " : "", cli->printer ? cli->printer : "");
	return 0;
}

static int save_report(const struct cli *cli, writer write, const struct cchc_plan *plan,
		       const struct cchc_report_options *o)
{
	struct cchc_error err = {0};
	if (!cli->output) {
		enum cchc_status s = write_to(stdout, write, plan, o, cli->encoding, &err);
		return s == CCHC_OK ? 0 : report(&err);
	}
	struct cchc_safe_file f;
	enum cchc_status s = cchc_safe_open(&f, cli->output, &err);
	if (s == CCHC_OK) {
		s = write_to(f.out, write, plan, o, cli->encoding, &err);
		enum cchc_status closed = cchc_safe_close(&f, s == CCHC_OK, &err);
		s = s == CCHC_OK ? closed : s;
	}
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
	*write = find_format(cli->format ? cli->format : default_format(cli));
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
