// SPDX-License-Identifier: GPL-3.0-or-later
/* The summary as an A4 PDF drawn with Pango, so Vietnamese is set by a
 * real font that fontconfig finds, with the table header repeated on every
 * page and the page number at its foot. */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cchc/i18n.h"
#include "doc.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 42.0
#define PAD 2.5
#define FONT "DejaVu Sans"

struct page {
	cairo_t *cr;
	double y;
	int number;
	int total; /* pages in all, once a first pass has counted them; 0 before */
};

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int length)
{
	return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
							   : CAIRO_STATUS_WRITE_ERROR;
}

static PangoLayout *layout(cairo_t *cr, const char *text, double width, int size, bool bold)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	char font[64];
	snprintf(font, sizeof font, "%s %s%d", FONT, bold ? "Bold " : "", size);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(l, text, -1);
	return l;
}

static double height_of(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void footer(struct page *p)
{
	char text[64];
	if (p->total > 0) {
		snprintf(text, sizeof text, _("Page %d/%d"), p->number, p->total);
	} else {
		snprintf(text, sizeof text, _("Page %d"), p->number);
	}
	PangoLayout *l = layout(p->cr, text, PAGE_W - 2 * MARGIN, 8, false);
	pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	cairo_move_to(p->cr, MARGIN, PAGE_H - MARGIN + 10);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

static void new_page(struct page *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->number++;
	p->y = MARGIN;
}

static void paragraph(struct page *p, const char *text, int size, bool bold, bool centre)
{
	PangoLayout *l = layout(p->cr, text, PAGE_W - 2 * MARGIN, size, bold);
	if (centre) {
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	}
	double h = height_of(l);
	if (p->y + h > PAGE_H - MARGIN) {
		new_page(p);
	}
	cairo_move_to(p->cr, MARGIN, p->y);
	pango_cairo_show_layout(p->cr, l);
	p->y += h + size * 0.4;
	g_object_unref(l);
}

/* Width in points of text on one line. */
static double natural_width(cairo_t *cr, const char *text, bool bold)
{
	PangoLayout *l = layout(cr, text, 10000, 8, bold);
	pango_layout_set_width(l, -1);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	g_object_unref(l);
	return (double)w / PANGO_SCALE;
}

/* Width of the longest word of text, which a column must not split. */
static double longest_word(cairo_t *cr, const char *text, bool bold)
{
	double best = 0;
	char *copy = g_strdup(text);
	char *save = NULL;
	for (char *w = strtok_r(copy, " \n", &save); w; w = strtok_r(NULL, " \n", &save)) {
		double n = natural_width(cr, w, bold);
		best = n > best ? n : best;
	}
	g_free(copy);
	return best;
}

/* Every column but the flexible one as wide as its longest cell (up to a
 * its share in the text layout); the flexible one takes the rest. */
static void widths_in_points(cairo_t *cr, const struct table *t, double *out)
{
	double page = PAGE_W - 2 * MARGIN, used = 0;
	int flex = -1;
	for (size_t c = 0; c < t->columns; c++) {
		if (t->column[c].flex) {
			flex = (int)c;
			continue;
		}
		double w = natural_width(cr, t->column[c].header, true);
		double word = longest_word(cr, t->column[c].header, true);
		for (size_t r = 0; r < t->rows; r++) {
			const char *cell = t->cells[r * t->columns + c];
			double n = natural_width(cr, cell, t->emphasis[r]);
			double k = longest_word(cr, cell, t->emphasis[r]);
			w = n > w ? n : w;
			word = k > word ? k : word;
		}
		/* No wider than its share in the text layout, never narrower
		 * than its longest word. */
		double cap = page * t->column[c].preferred / 90.0;
		cap = cap > word ? cap : word;
		out[c] = (w < cap ? w : cap) + 2 * PAD + 1;
		used += out[c];
	}
	if (flex >= 0) {
		out[flex] = page - used;
	}
}

/* Draws one row of cells; returns false (drawing nothing) when it does
 * not fit on the page. */
static bool table_row(struct page *p, const struct table *t, const char *const *cells,
		      const double *w, bool head, bool strong)
{
	PangoLayout *l[DOC_MAX_COLUMNS];
	double h = 0;
	for (size_t c = 0; c < t->columns; c++) {
		l[c] = layout(p->cr, cells[c], w[c] - 2 * PAD, 8, head || strong);
		if (t->column[c].right) {
			pango_layout_set_alignment(l[c], PANGO_ALIGN_RIGHT);
		}
		double hc = height_of(l[c]) + 2 * PAD;
		h = hc > h ? hc : h;
	}
	bool fits = p->y + h <= PAGE_H - MARGIN;
	double x = MARGIN;
	for (size_t c = 0; fits && c < t->columns; c++) {
		if (head) {
			cairo_set_source_rgb(p->cr, 0.92, 0.92, 0.92);
			cairo_rectangle(p->cr, x, p->y, w[c], h);
			cairo_fill(p->cr);
		}
		cairo_set_source_rgb(p->cr, 0.4, 0.4, 0.4);
		cairo_set_line_width(p->cr, 0.5);
		cairo_rectangle(p->cr, x, p->y, w[c], h);
		cairo_stroke(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		cairo_move_to(p->cr, x + PAD, p->y + PAD);
		pango_cairo_show_layout(p->cr, l[c]);
		x += w[c];
	}
	for (size_t c = 0; c < t->columns; c++) {
		g_object_unref(l[c]);
	}
	if (fits) {
		p->y += h;
	}
	return fits;
}

static void table(struct page *p, const struct table *t)
{
	double w[DOC_MAX_COLUMNS];
	widths_in_points(p->cr, t, w);
	const char *headers[DOC_MAX_COLUMNS];
	for (size_t c = 0; c < t->columns; c++) {
		headers[c] = t->column[c].header;
	}
	if (!table_row(p, t, headers, w, true, false)) {
		new_page(p);
		table_row(p, t, headers, w, true, false);
	}
	for (size_t r = 0; r < t->rows; r++) {
		const char *const *cells = (const char *const *)&t->cells[r * t->columns];
		if (!table_row(p, t, cells, w, false, t->emphasis[r])) {
			new_page(p);
			table_row(p, t, headers, w, true, false);
			table_row(p, t, cells, w, false, t->emphasis[r]);
		}
	}
	p->y += 8;
}

bool cchc_report_has_pdf(void)
{
	return true;
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
	return CAIRO_STATUS_SUCCESS;
}

/* Lays doc out on surface; returns the number of pages. */
static int lay_out(cairo_surface_t *surface, const struct doc *doc, int total)
{
	struct page p = {cairo_create(surface), MARGIN, 1, total};
	for (size_t i = 0; i < doc->count; i++) {
		const struct block *b = &doc->blocks[i];
		switch (b->kind) {
		case BLOCK_TITLE:
			paragraph(&p, b->text, 13, true, true);
			break;
		case BLOCK_HEADING:
			p.y += 4;
			paragraph(&p, b->text, 11, true, false);
			break;
		case BLOCK_LINE:
			paragraph(&p, b->text, 9, false, i < 3);
			break;
		case BLOCK_TABLE:
			table(&p, &b->table);
			break;
		}
	}
	footer(&p);
	cairo_destroy(p.cr);
	return p.number;
}

/* Two passes: the first counts the pages so that each can say "Page 2/5". */
enum cchc_status cchc_report_pdf(FILE *out, const struct cchc_plan *plan,
				 const struct cchc_report_options *options, struct cchc_error *err)
{
	struct doc doc;
	doc_build(&doc, plan, options);
	cairo_surface_t *count = cairo_pdf_surface_create_for_stream(discard, NULL, PAGE_W, PAGE_H);
	int total = lay_out(count, &doc, 0);
	cairo_surface_destroy(count);
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(to_file, out, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, plan->title);
	lay_out(surface, &doc, total);
	doc_finish(&doc);
	cairo_surface_finish(surface);
	cairo_status_t status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (status != CAIRO_STATUS_SUCCESS || fflush(out) != 0) {
		return cchc_error_set(err, CCHC_ERR_IO, _("cannot write the PDF: %s"),
				      cairo_status_to_string(status));
	}
	return CCHC_OK;
}
