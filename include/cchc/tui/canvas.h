/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_TUI_CANVAS_H
#define CCHC_TUI_CANVAS_H

#include <stdbool.h>
#include <stddef.h>

/* What a cell means; the terminal backend turns roles into colours and
 * attributes, so the views never speak of either. */
enum cchc_role {
	CCHC_ROLE_NORMAL,
	CCHC_ROLE_BORDER,
	CCHC_ROLE_BORDER_FOCUS,
	CCHC_ROLE_TITLE,
	CCHC_ROLE_HEADER,
	CCHC_ROLE_LABEL,
	CCHC_ROLE_DIM,
	CCHC_ROLE_CURSOR,
	CCHC_ROLE_CURSOR_IDLE,
	CCHC_ROLE_DONE,
	CCHC_ROLE_DONE_LATE,
	CCHC_ROLE_ON_TRACK,
	CCHC_ROLE_OVERDUE,
	CCHC_ROLE_NO_DEADLINE,
	CCHC_ROLE_CANCELLED,
	CCHC_ROLE_BAR_FILL,
	CCHC_ROLE_BAR_EMPTY,
	CCHC_ROLE_STATUS,
	CCHC_ROLE_MESSAGE,
	CCHC_ROLE_ERROR,
	CCHC_ROLE_PROMPT,
	CCHC_ROLE_COUNT
};

/* One terminal cell: a grapheme cluster (UTF-8) and its role. A wide
 * character's second cell has width 0 and no text. */
struct cchc_cell {
	char text[24];
	unsigned char width;
	unsigned char role;
};

struct cchc_canvas {
	int cols;
	int rows;
	struct cchc_cell *cells;
};

void cchc_canvas_init(struct cchc_canvas *c, int cols, int rows);
void cchc_canvas_finish(struct cchc_canvas *c);
/* Blank cells of role NORMAL everywhere. */
void cchc_canvas_clear(struct cchc_canvas *c);

/* Writes s from (x, y) within max columns (never past the right edge);
 * returns the columns written. Clusters that do not fit are dropped. */
int cchc_canvas_text(struct cchc_canvas *c, int x, int y, int max, const char *s,
		     enum cchc_role role);

/* Like cchc_canvas_text, cut with "…" and padded to exactly width. */
void cchc_canvas_fit(struct cchc_canvas *c, int x, int y, int width, const char *s,
		     enum cchc_role role);

/* Fills a rectangle with spaces of role. */
void cchc_canvas_fill(struct cchc_canvas *c, int x, int y, int w, int h, enum cchc_role role);

/* Sets the role of w cells from (x, y), keeping their text. */
void cchc_canvas_paint(struct cchc_canvas *c, int x, int y, int w, enum cchc_role role);

/* A box drawn with line characters. */
void cchc_canvas_box(struct cchc_canvas *c, int x, int y, int w, int h, enum cchc_role role);

const struct cchc_cell *cchc_canvas_at(const struct cchc_canvas *c, int x, int y);

/* Newly allocated UTF-8 text of row y (for tests and screenshots). */
char *cchc_canvas_row(const struct cchc_canvas *c, int y);

#endif
