// SPDX-License-Identifier: GPL-3.0-or-later
/* The summary as plain text within a width in display columns, with
 * pages for A4 when printed (the table header repeated, page numbers), and
 * as Markdown. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/export.h"
#include "cchc/i18n.h"
#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"
#include "doc.h"

/* Lines before pagination; each knows the table header it may repeat. */
struct line {
	char *text;
	long table;  /* block index of its table, or -1 */
	bool header; /* one of that table's header lines */
};

struct lines {
	struct line *items;
	size_t count;
	size_t cap;
};

static void emit(struct lines *l, const char *text, long table, bool header)
{
	l->items = cchc_xgrow(l->items, &l->cap, l->count + 1, sizeof *l->items);
	l->items[l->count++] = (struct line){cchc_xstrdup(text), table, header};
}

static void wrapped(struct lines *l, const char *text, int width)
{
	struct cchc_lines w = {0};
	cchc_text_wrap(text, (size_t)width, &w);
	for (size_t i = 0; i < w.count; i++) {
		emit(l, w.items[i], -1, false);
	}
	cchc_lines_finish(&w);
}

static void rule(struct lines *l, const char *ch, int n, long table, bool header)
{
	struct cchc_strbuf sb = {0};
	for (int i = 0; i < n; i++) {
		cchc_strbuf_puts(&sb, ch);
	}
	emit(l, cchc_strbuf_str(&sb), table, header);
	cchc_strbuf_finish(&sb);
}

/* One table row: every cell wrapped in its column, the row as tall as its
 * tallest cell. */
static void table_row(struct lines *l, const struct table *t, const char *const *cells,
		      const int *widths, long index, bool header)
{
	struct cchc_lines cell[DOC_MAX_COLUMNS] = {{0}};
	size_t height = 1;
	for (size_t c = 0; c < t->columns; c++) {
		cchc_text_wrap(cells[c], (size_t)widths[c], &cell[c]);
		height = cell[c].count > height ? cell[c].count : height;
	}
	for (size_t k = 0; k < height; k++) {
		struct cchc_strbuf sb = {0};
		for (size_t c = 0; c < t->columns; c++) {
			const char *text = k < cell[c].count ? cell[c].items[k] : "";
			size_t w = cchc_text_width(text);
			if (c) {
				cchc_strbuf_putc(&sb, ' ');
			}
			if (t->column[c].right && w < (size_t)widths[c]) {
				for (size_t p = w; p < (size_t)widths[c]; p++) {
					cchc_strbuf_putc(&sb, ' ');
				}
			}
			cchc_text_fit(&sb, text, (size_t)widths[c], !t->column[c].right);
		}
		/* no trailing spaces */
		while (sb.len && sb.data[sb.len - 1] == ' ') {
			sb.data[--sb.len] = '\0';
		}
		emit(l, cchc_strbuf_str(&sb), index, header);
		cchc_strbuf_finish(&sb);
	}
	for (size_t c = 0; c < t->columns; c++) {
		cchc_lines_finish(&cell[c]);
	}
}

static void table(struct lines *l, const struct table *t, int width, long index)
{
	int widths[DOC_MAX_COLUMNS];
	doc_widths(t, width, widths);
	const char *headers[DOC_MAX_COLUMNS];
	int used = (int)t->columns - 1;
	for (size_t c = 0; c < t->columns; c++) {
		headers[c] = t->column[c].header;
		used += widths[c];
	}
	table_row(l, t, headers, widths, index, true);
	rule(l, "-", used < width ? used : width, index, true);
	for (size_t r = 0; r < t->rows; r++) {
		table_row(l, t, (const char *const *)&t->cells[r * t->columns], widths, index, false);
	}
}

static void lay_out(struct lines *l, const struct doc *doc, int width)
{
	for (size_t i = 0; i < doc->count; i++) {
		const struct block *b = &doc->blocks[i];
		switch (b->kind) {
		case BLOCK_TITLE:
			wrapped(l, b->text, width);
			break;
		case BLOCK_HEADING:
			emit(l, "", -1, false);
			wrapped(l, b->text, width);
			rule(l, "=", (int)cchc_text_width(b->text) < width ? (int)cchc_text_width(b->text)
									 : width,
			     -1, false);
			break;
		case BLOCK_LINE:
			wrapped(l, b->text, width);
			break;
		case BLOCK_TABLE:
			table(l, &b->table, width, (long)i);
			emit(l, "", -1, false);
			break;
		}
	}
}

/* ---- pages ------------------------------------------------------------- */

static size_t header_lines(const struct lines *l, long table, size_t *first)
{
	size_t n = 0;
	for (size_t i = 0; i < l->count; i++) {
		if (l->items[i].table == table && l->items[i].header) {
			*first = n ? *first : i;
			n++;
		}
	}
	return n;
}

static void footer(FILE *out, int page, int pages, int width)
{
	char text[64];
	snprintf(text, sizeof text, _("Page %d/%d"), page, pages);
	fprintf(out, "\n%*s\n", width, text);
}

/* Pages of page_lines: a table cut by a page starts the next page with
 * its header again. */
static void paginate(FILE *out, const struct lines *l, int page_lines, int width)
{
	int body = page_lines - 2;
	/* First pass counts pages, second writes them. */
	for (int pass = 0, pages = 0; pass < 2; pass++) {
		int page = 1, used = 0;
		for (size_t i = 0; i < l->count; i++) {
			const struct line *line = &l->items[i];
			if (used == body) {
				if (pass) {
					footer(out, page, pages, width);
					fputc('\f', out);
				}
				page++;
				used = 0;
				size_t first = 0, n = line->table >= 0 && !line->header
							      ? header_lines(l, line->table, &first)
							      : 0;
				for (size_t k = 0; k < n && used < body; k++, used++) {
					if (pass) {
						fprintf(out, "%s\n", l->items[first + k].text);
					}
				}
			}
			if (pass) {
				fprintf(out, "%s\n", line->text);
			}
			used++;
		}
		if (pass) {
			for (; used < body; used++) {
				fputc('\n', out);
			}
			footer(out, page, pages, width);
		}
		pages = page;
	}
}

static enum cchc_status finish(FILE *out, struct lines *l, struct cchc_error *err)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].text);
	}
	free(l->items);
	if (fflush(out) != 0 || ferror(out)) {
		return cchc_error_set(err, CCHC_ERR_IO, _("cannot write the report: %s"), strerror(errno));
	}
	return CCHC_OK;
}

enum cchc_status cchc_report_text(FILE *out, const struct cchc_plan *plan,
				  const struct cchc_report_options *options, struct cchc_error *err)
{
	int width = options->width >= 40 ? options->width : 40;
	struct doc doc;
	doc_build(&doc, plan, options);
	struct lines l = {0};
	lay_out(&l, &doc, width);
	doc_finish(&doc);
	if (options->page_lines > 10) {
		paginate(out, &l, options->page_lines, width);
	} else {
		for (size_t i = 0; i < l.count; i++) {
			fprintf(out, "%s\n", l.items[i].text);
		}
	}
	return finish(out, &l, err);
}

/* ---- Markdown ------------------------------------------------------------ */

static void md_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '\\' || *s == '*' || *s == '_' || *s == '`') {
			fputc('\\', out);
		}
		if (*s == '\n') {
			fputs("<br>", out);
		} else {
			fputc(*s, out);
		}
	}
}

static void md_table(FILE *out, const struct table *t)
{
	for (size_t c = 0; c < t->columns; c++) {
		fputs("| ", out);
		md_cell(out, t->column[c].header);
		fputc(' ', out);
	}
	fputs("|\n", out);
	for (size_t c = 0; c < t->columns; c++) {
		fputs(t->column[c].right ? "|---:" : "|---", out);
	}
	fputs("|\n", out);
	for (size_t r = 0; r < t->rows; r++) {
		for (size_t c = 0; c < t->columns; c++) {
			const char *cell = t->cells[r * t->columns + c];
			fputs("| ", out);
			bool strong = t->emphasis[r] && *cell;
			fputs(strong ? "**" : "", out);
			md_cell(out, cell);
			fputs(strong ? "** " : " ", out);
		}
		fputs("|\n", out);
	}
	fputc('\n', out);
}

enum cchc_status cchc_report_markdown(FILE *out, const struct cchc_plan *plan,
				      const struct cchc_report_options *options,
				      struct cchc_error *err)
{
	struct doc doc;
	doc_build(&doc, plan, options);
	for (size_t i = 0; i < doc.count; i++) {
		const struct block *b = &doc.blocks[i];
		switch (b->kind) {
		case BLOCK_TITLE:
			fputs("# ", out);
			md_cell(out, b->text);
			fputs("\n\n", out);
			break;
		case BLOCK_HEADING:
			fputs("## ", out);
			md_cell(out, b->text);
			fputs("\n\n", out);
			break;
		case BLOCK_LINE:
			md_cell(out, b->text);
			fputs("\n\n", out);
			break;
		case BLOCK_TABLE:
			md_table(out, &b->table);
			break;
		}
	}
	doc_finish(&doc);
	struct lines none = {0};
	return finish(out, &none, err);
}

enum cchc_status cchc_report_csv(FILE *out, const struct cchc_plan *plan,
				 const struct cchc_report_options *options, struct cchc_error *err)
{
	if (options->changes_since) {
		return cchc_error_set(err, CCHC_ERR_USAGE, "%s",
				      _("the minutes have no CSV form; choose text, md, html or pdf"));
	}
	return cchc_export_csv(out, plan, options->section, options->today, err);
}
