/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_CELLS_H
#define CCHC_CELLS_H

/* Cleaning of the table cells of an extracted plan document (SPEC §3). */

/* Newly allocated text of a raw cell with the HTML fragments of the
 * extraction removed: <p>, <li>, <br> and <ul> boundaries become line
 * breaks, other tags vanish, entities are decoded, white space is
 * squeezed. */
char *cchc_cell_clean(const char *raw);

/* Newly allocated join of a cell and its continuation across a page
 * break, with one space between (none when either side is empty). */
char *cchc_cell_join(const char *head, const char *tail);

/* Newly allocated copy where a line that is a flattened list ("- A - B")
 * becomes one line per item ("- A\n- B"). A dash between two numbers
 * ("2026 - 2030") is not an item break. */
char *cchc_cell_split_items(const char *text);

#endif
