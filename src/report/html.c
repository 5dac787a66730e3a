// SPDX-License-Identifier: GPL-3.0-or-later
/* The summary as one self-contained HTML file that prints on A4: every
 * value escaped, table headers repeated on each printed page. */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "cchc/i18n.h"
#include "doc.h"

static void escaped(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		case '\n':
			fputs("<br>", out);
			break;
		default:
			fputc(*s, out);
		}
	}
}

static const char style[] =
	"<style>\n"
	"@page { size: A4; margin: 15mm 12mm; }\n"
	"body { font-family: \"DejaVu Sans\", \"Noto Sans\", Arial, sans-serif; font-size: 10pt; "
	"color: #111; margin: 1em auto; max-width: 60em; }\n"
	"h1 { font-size: 14pt; text-align: center; text-transform: uppercase; }\n"
	"h2 { font-size: 12pt; margin-top: 1.2em; }\n"
	"p.meta { text-align: center; margin: 0.2em; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }\n"
	"th, td { border: 1px solid #777; padding: 2px 4px; vertical-align: top; text-align: left; }\n"
	"th { background: #eee; }\n"
	"td.n, th.n { text-align: right; }\n"
	"tr.group td { font-weight: bold; }\n"
	"thead { display: table-header-group; }\n"
	"tr { page-break-inside: avoid; }\n"
	"@media print { body { margin: 0; max-width: none; } }\n"
	"</style>\n";

static void table(FILE *out, const struct table *t)
{
	fputs("<table>\n<thead><tr>", out);
	for (size_t c = 0; c < t->columns; c++) {
		fputs(t->column[c].right ? "<th class=\"n\">" : "<th>", out);
		escaped(out, t->column[c].header);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t r = 0; r < t->rows; r++) {
		fputs(t->emphasis[r] ? "<tr class=\"group\">" : "<tr>", out);
		for (size_t c = 0; c < t->columns; c++) {
			fputs(t->column[c].right ? "<td class=\"n\">" : "<td>", out);
			escaped(out, t->cells[r * t->columns + c]);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
}

enum cchc_status cchc_report_html(FILE *out, const struct cchc_plan *plan,
				  const struct cchc_report_options *options, struct cchc_error *err)
{
	struct doc doc;
	doc_build(&doc, plan, options);
	fputs("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
	escaped(out, plan->title);
	fputs("</title>\n", out);
	fputs(style, out);
	fputs("</head>\n<body>\n", out);
	for (size_t i = 0; i < doc.count; i++) {
		const struct block *b = &doc.blocks[i];
		static const char *const open[] = {"<h1>", "<h2>", "<p>", ""};
		static const char *const close[] = {"</h1>\n", "</h2>\n", "</p>\n", ""};
		bool meta = b->kind == BLOCK_LINE && i < 3;
		fputs(meta ? "<p class=\"meta\">" : open[b->kind], out);
		if (b->kind == BLOCK_TABLE) {
			table(out, &b->table);
		} else {
			escaped(out, b->text);
		}
		fputs(close[b->kind], out);
	}
	fputs("</body>\n</html>\n", out);
	doc_finish(&doc);
	if (fflush(out) != 0 || ferror(out)) {
		return cchc_error_set(err, CCHC_ERR_IO, _("cannot write the report: %s"), strerror(errno));
	}
	return CCHC_OK;
}
