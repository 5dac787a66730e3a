// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "cchc/tui/canvas.h"
#include "cchc/xalloc.h"

void cchc_canvas_init(struct cchc_canvas *c, int cols, int rows)
{
	c->cols = cols > 0 ? cols : 1;
	c->rows = rows > 0 ? rows : 1;
	c->cells = cchc_xcalloc((size_t)c->cols * (size_t)c->rows, sizeof *c->cells);
	cchc_canvas_clear(c);
}

void cchc_canvas_finish(struct cchc_canvas *c)
{
	free(c->cells);
	c->cells = NULL;
	c->cols = c->rows = 0;
}

static struct cchc_cell *cell(struct cchc_canvas *c, int x, int y)
{
	return &c->cells[(size_t)y * (size_t)c->cols + (size_t)x];
}

const struct cchc_cell *cchc_canvas_at(const struct cchc_canvas *c, int x, int y)
{
	return &c->cells[(size_t)y * (size_t)c->cols + (size_t)x];
}

static void blank(struct cchc_cell *k, enum cchc_role role)
{
	k->text[0] = ' ';
	k->text[1] = '\0';
	k->width = 1;
	k->role = (unsigned char)role;
}

void cchc_canvas_clear(struct cchc_canvas *c)
{
	for (int i = 0; i < c->cols * c->rows; i++) {
		blank(&c->cells[i], CCHC_ROLE_NORMAL);
	}
}

static bool inside(const struct cchc_canvas *c, int x, int y)
{
	return x >= 0 && y >= 0 && x < c->cols && y < c->rows;
}

/* Overwriting half of a wide character leaves its other half blank. */
static void unsplit(struct cchc_canvas *c, int x, int y)
{
	struct cchc_cell *k = cell(c, x, y);
	if (k->width == 0 && x > 0) {
		blank(cell(c, x - 1, y), cell(c, x - 1, y)->role);
	}
	if (k->width == 2 && x + 1 < c->cols) {
		blank(cell(c, x + 1, y), cell(c, x + 1, y)->role);
	}
}

static void put_cluster(struct cchc_canvas *c, int x, int y, const char *s, size_t n, int w,
			enum cchc_role role)
{
	unsplit(c, x, y);
	if (w == 2) {
		unsplit(c, x + 1, y);
	}
	struct cchc_cell *k = cell(c, x, y);
	size_t keep = n < sizeof k->text ? n : sizeof k->text - 1;
	memcpy(k->text, s, keep);
	k->text[keep] = '\0';
	if (k->text[0] == '\t' || k->text[0] == '\n' || (unsigned char)k->text[0] < 0x20) {
		k->text[0] = ' ';
		k->text[1] = '\0';
	}
	k->width = (unsigned char)w;
	k->role = (unsigned char)role;
	if (w == 2) {
		struct cchc_cell *next = cell(c, x + 1, y);
		next->text[0] = '\0';
		next->width = 0;
		next->role = (unsigned char)role;
	}
}

int cchc_canvas_text(struct cchc_canvas *c, int x, int y, int max, const char *s,
		     enum cchc_role role)
{
	if (!inside(c, x, y)) {
		return 0;
	}
	int limit = max < c->cols - x ? max : c->cols - x;
	int used = 0;
	while (*s) {
		int w;
		size_t n = cchc_text_grapheme(s, &w);
		if (w <= 0) {
			/* A mark with nothing to sit on, or a control character:
			 * give it a cell of its own so columns stay true. */
			w = 1;
		}
		if (used + w > limit) {
			break;
		}
		put_cluster(c, x + used, y, s, n, w, role);
		used += w;
		s += n;
	}
	return used;
}

void cchc_canvas_fit(struct cchc_canvas *c, int x, int y, int width, const char *s,
		     enum cchc_role role)
{
	if (width <= 0) {
		return;
	}
	struct cchc_strbuf sb = {0};
	cchc_text_fit(&sb, s, (size_t)width, true);
	int used = cchc_canvas_text(c, x, y, width, cchc_strbuf_str(&sb), role);
	if (used < width) {
		cchc_canvas_fill(c, x + used, y, width - used, 1, role);
	}
	cchc_strbuf_finish(&sb);
}

void cchc_canvas_fill(struct cchc_canvas *c, int x, int y, int w, int h, enum cchc_role role)
{
	for (int j = y; j < y + h; j++) {
		for (int i = x; i < x + w; i++) {
			if (inside(c, i, j)) {
				unsplit(c, i, j);
				blank(cell(c, i, j), role);
			}
		}
	}
}

void cchc_canvas_paint(struct cchc_canvas *c, int x, int y, int w, enum cchc_role role)
{
	for (int i = x; i < x + w; i++) {
		if (inside(c, i, y)) {
			cell(c, i, y)->role = (unsigned char)role;
		}
	}
}

void cchc_canvas_box(struct cchc_canvas *c, int x, int y, int w, int h, enum cchc_role role)
{
	if (w < 2 || h < 2) {
		return;
	}
	for (int i = x + 1; i < x + w - 1; i++) {
		cchc_canvas_text(c, i, y, 1, "─", role);
		cchc_canvas_text(c, i, y + h - 1, 1, "─", role);
	}
	for (int j = y + 1; j < y + h - 1; j++) {
		cchc_canvas_text(c, x, j, 1, "│", role);
		cchc_canvas_text(c, x + w - 1, j, 1, "│", role);
	}
	cchc_canvas_text(c, x, y, 1, "┌", role);
	cchc_canvas_text(c, x + w - 1, y, 1, "┐", role);
	cchc_canvas_text(c, x, y + h - 1, 1, "└", role);
	cchc_canvas_text(c, x + w - 1, y + h - 1, 1, "┘", role);
}

char *cchc_canvas_row(const struct cchc_canvas *c, int y)
{
	struct cchc_strbuf sb = {0};
	for (int x = 0; x < c->cols; x++) {
		cchc_strbuf_puts(&sb, cchc_canvas_at(c, x, y)->text);
	}
	return cchc_strbuf_steal(&sb);
}
