// SPDX-License-Identifier: GPL-3.0-or-later
/* The seven reform areas as panes: all at once on a large terminal, one
 * at a time under a tab bar on a small one. Rows are read from the store
 * only for the window each pane shows. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cchc/i18n.h"
#include "internal.h"

/* ---- layout ----------------------------------------------------------- */

static void grid(struct cchc_app *app)
{
	size_t n = app->section_count;
	size_t top = (n + 1) / 2;
	int avail = app->rows - 1;
	int top_h = avail / 2;
	for (size_t i = 0; i < n; i++) {
		bool upper = i < top;
		size_t per_row = upper ? top : n - top;
		size_t k = upper ? i : i - top;
		int w = app->cols / (int)per_row;
		struct pane *p = &app->panes[i];
		p->rect = (struct rect){(int)k * w, upper ? 0 : top_h,
					k + 1 == per_row ? app->cols - (int)k * w : w,
					upper ? top_h : avail - top_h};
		p->visible = true;
	}
}

static void tabs(struct cchc_app *app)
{
	for (size_t i = 0; i < app->section_count; i++) {
		struct pane *p = &app->panes[i];
		p->rect = (struct rect){0, 1, app->cols, app->rows - 2};
		p->visible = i == app->focus;
	}
}

void panes_layout(struct cchc_app *app)
{
	if (app->cols < MIN_COLS || app->rows < MIN_ROWS || app->section_count == 0) {
		app->layout = LAYOUT_TOO_SMALL;
		return;
	}
	bool roomy = app->cols >= 120 && app->rows >= 30 && app->section_count > 1;
	app->layout = roomy ? LAYOUT_GRID : LAYOUT_TABS;
	if (roomy) {
		grid(app);
	} else {
		tabs(app);
	}
	for (size_t i = 0; i < app->section_count; i++) {
		struct pane *p = &app->panes[i];
		/* border, counts line and bar line above the rows */
		p->list = (struct rect){p->rect.x + 1, p->rect.y + 3, p->rect.w - 2, p->rect.h - 4};
		if (p->list.h > MAX_PANE_ROWS) {
			p->list.h = MAX_PANE_ROWS;
		}
		clamp_cursor(&p->cursor, &p->top, app->sections[i].task_count, p->list.h);
	}
}

void panes_invalidate(struct cchc_app *app)
{
	for (size_t i = 0; i < MAX_SECTIONS; i++) {
		app->panes[i].rows_top = -1;
	}
}

/* ---- rows from the store ---------------------------------------------- */

static void load_rows(struct cchc_app *app, size_t index)
{
	struct pane *p = &app->panes[index];
	size_t want = p->list.h > 0 ? (size_t)p->list.h : 0;
	if (p->rows_top == p->top && p->rows_wanted == want) {
		return;
	}
	cchc_task_rows_clear(p->rows, p->row_count);
	p->row_count = 0;
	const struct cchc_section_view *s = &app->sections[index];
	struct cchc_error err = {0};
	if (want && cchc_store_task_rows(app->store, s->id, s->first_seq + p->top, want, app->today,
					 p->rows, &p->row_count, &err) != CCHC_OK) {
		cchc_app_message(app, err.message, true);
	}
	p->rows_top = p->top;
	p->rows_wanted = want;
}

long panes_current(const struct cchc_app *app)
{
	if (app->section_count == 0 || app->sections[app->focus].task_count == 0) {
		return -1;
	}
	return app->sections[app->focus].first_seq + app->panes[app->focus].cursor;
}

bool panes_show(struct cchc_app *app, long seq)
{
	for (size_t i = 0; i < app->section_count; i++) {
		const struct cchc_section_view *s = &app->sections[i];
		if (seq >= s->first_seq && seq < s->first_seq + s->task_count) {
			app->focus = i;
			panes_layout(app);
			struct pane *p = &app->panes[i];
			p->cursor = seq - s->first_seq;
			/* Put the task a third of the way down, with context above. */
			if (p->cursor < p->top || p->cursor >= p->top + p->list.h) {
				p->top = p->cursor - p->list.h / 3;
			}
			clamp_cursor(&p->cursor, &p->top, s->task_count, p->list.h);
			return true;
		}
	}
	return false;
}

/* ---- drawing ---------------------------------------------------------- */

static const enum cchc_task_state count_order[] = {
	CCHC_STATE_DONE_ON_TIME, CCHC_STATE_DONE_LATE,   CCHC_STATE_ON_TRACK,
	CCHC_STATE_OVERDUE,      CCHC_STATE_NO_DEADLINE, CCHC_STATE_CANCELLED,
};

/* "✓3 ✓!0 ○5 !4 ∞1 ✗0": counts by state, each in its state's colour. */
static void draw_counts(struct cchc_canvas *c, const struct cchc_section_view *s, struct rect r)
{
	int x = r.x;
	for (size_t i = 0; i < sizeof count_order / sizeof *count_order; i++) {
		char buf[32];
		snprintf(buf, sizeof buf, "%s%d", state_symbol(count_order[i]), s->states[count_order[i]]);
		int room = r.x + r.w - x;
		if ((int)cchc_text_width(buf) > room) {
			break;
		}
		x += cchc_canvas_text(c, x, r.y, room, buf, state_role(count_order[i])) + 1;
	}
}

/* "█████░░░░░ 38% 5/13": tasks done out of those not cancelled. */
static void draw_bar(struct cchc_canvas *c, const struct cchc_section_view *s, struct rect r)
{
	int done = s->states[CCHC_STATE_DONE_ON_TIME] + s->states[CCHC_STATE_DONE_LATE];
	int total = s->counted - s->states[CCHC_STATE_CANCELLED];
	int percent = total > 0 ? done * 100 / total : 0;
	char text[48];
	snprintf(text, sizeof text, " %d%% %d/%d", percent, done, total);
	int bar = r.w - (int)cchc_text_width(text);
	if (bar < 4) {
		cchc_canvas_fit(c, r.x, r.y, r.w, text + 1, CCHC_ROLE_NORMAL);
		return;
	}
	int filled = total > 0 ? bar * done / total : 0;
	for (int i = 0; i < bar; i++) {
		cchc_canvas_text(c, r.x + i, r.y, 1, i < filled ? "█" : "░",
				 i < filled ? CCHC_ROLE_BAR_FILL : CCHC_ROLE_BAR_EMPTY);
	}
	cchc_canvas_text(c, r.x + bar, r.y, r.w - bar, text, CCHC_ROLE_NORMAL);
}

/* Column widths of a task row in a pane of inner width w whose refs need
 * ref_width columns. */
struct columns {
	int ref, title, lead, due, state;
};

static struct columns columns_for(int w, int ref_width)
{
	struct columns k = {.ref = ref_width, .due = 5, .state = 2};
	k.lead = w >= 70 ? 16 : w >= 44 ? 10 : 8;
	k.title = w - k.ref - k.lead - k.due - k.state - 4;
	if (k.title < 6) {
		k.lead = 0;
		k.title = w - k.ref - k.due - k.state - 3;
	}
	return k;
}

/* The number path of a ref without its section ("II.2.1" → "2.1"),
 * indented by depth. */
static void local_ref(const struct cchc_task_row *row, char buf[static 48])
{
	const char *dot = strchr(row->ref, '.');
	snprintf(buf, 48, "%*s%s", row->depth, "", dot ? dot + 1 : row->ref);
}

/* Columns the refs on screen need, so short numbers leave room for the
 * title. */
static int ref_width(const struct pane *p)
{
	int w = 2;
	for (size_t i = 0; i < p->row_count; i++) {
		char ref[48];
		local_ref(&p->rows[i], ref);
		int n = (int)cchc_text_width(ref);
		w = n > w ? n : w;
	}
	return w > 12 ? 12 : w;
}

static void draw_row(struct cchc_app *app, struct cchc_canvas *c, const struct cchc_task_row *row,
		     struct rect at_row, int refs, enum cchc_role base)
{
	int x = at_row.x, y = at_row.y, w = at_row.w;
	struct columns k = columns_for(w, refs);
	char ref[48], due[16];
	local_ref(row, ref);
	short_date(row->due, app->today, due);
	enum cchc_role role = base == CCHC_ROLE_NORMAL && !row->counted ? CCHC_ROLE_LABEL : base;
	cchc_canvas_fill(c, x, y, w, 1, role);
	cchc_canvas_fit(c, x, y, k.ref, ref, role);
	int at = x + k.ref + 1;
	cchc_canvas_fit(c, at, y, k.title, row->title, role);
	at += k.title + 1;
	if (k.lead) {
		cchc_canvas_fit(c, at, y, k.lead, row->lead, role);
		at += k.lead + 1;
	}
	enum cchc_role due_role = row->state == CCHC_STATE_OVERDUE && base == CCHC_ROLE_NORMAL
					  ? CCHC_ROLE_OVERDUE
					  : role;
	cchc_canvas_fit(c, at, y, k.due, due, due_role);
	at += k.due + 1;
	if (row->counted) {
		cchc_canvas_fit(c, at, y, k.state, state_symbol(row->state),
				base == CCHC_ROLE_NORMAL ? state_role(row->state) : base);
	}
}

static void draw_rows(struct cchc_app *app, struct cchc_canvas *c, size_t index)
{
	struct pane *p = &app->panes[index];
	load_rows(app, index);
	bool focused = index == app->focus;
	int refs = ref_width(p);
	for (size_t i = 0; i < p->row_count && (int)i < p->list.h; i++) {
		long row = p->top + (long)i;
		enum cchc_role base = row != p->cursor ? CCHC_ROLE_NORMAL
				      : focused       ? CCHC_ROLE_CURSOR
						      : CCHC_ROLE_CURSOR_IDLE;
		struct rect line = {p->list.x, p->list.y + (int)i, p->list.w, 1};
		draw_row(app, c, &p->rows[i], line, refs, base);
	}
	long count = app->sections[index].task_count;
	int right = p->rect.x + p->rect.w - 1;
	if (p->top > 0) {
		cchc_canvas_text(c, right, p->list.y, 1, "↑", CCHC_ROLE_BORDER_FOCUS);
	}
	if (p->top + p->list.h < count) {
		cchc_canvas_text(c, right, p->list.y + p->list.h - 1, 1, "↓", CCHC_ROLE_BORDER_FOCUS);
	}
}

static void draw_pane(struct cchc_app *app, struct cchc_canvas *c, size_t index)
{
	struct pane *p = &app->panes[index];
	const struct cchc_section_view *s = &app->sections[index];
	bool focused = index == app->focus;
	struct rect r = p->rect;
	if (r.w < 8 || r.h < 5) {
		return;
	}
	cchc_canvas_box(c, r.x, r.y, r.w, r.h, focused ? CCHC_ROLE_BORDER_FOCUS : CCHC_ROLE_BORDER);
	char title[256];
	snprintf(title, sizeof title, " %s. %s ", s->code, s->title);
	struct cchc_strbuf fitted = {0};
	cchc_text_fit(&fitted, title, (size_t)(r.w - 4), false);
	cchc_canvas_text(c, r.x + 2, r.y, r.w - 4, fitted.data, CCHC_ROLE_TITLE);
	cchc_strbuf_finish(&fitted);
	draw_counts(c, s, (struct rect){r.x + 1, r.y + 1, r.w - 2, 1});
	draw_bar(c, s, (struct rect){r.x + 1, r.y + 2, r.w - 2, 1});
	draw_rows(app, c, index);
}

/* " III !4 ": a tab with the area's numeral and its overdue count. */
static void tab_label(const struct cchc_section_view *s, char buf[static 48])
{
	int overdue = s->states[CCHC_STATE_OVERDUE];
	if (overdue) {
		snprintf(buf, 48, " %s !%d ", s->code, overdue);
	} else {
		snprintf(buf, 48, " %s ", s->code);
	}
}

/* The tab bar of the small layout, the focused area highlighted. */
static void draw_tabs(struct cchc_app *app, struct cchc_canvas *c)
{
	int x = 0;
	for (size_t i = 0; i < app->section_count && x < app->cols; i++) {
		char tab[48];
		tab_label(&app->sections[i], tab);
		enum cchc_role role = i == app->focus ? CCHC_ROLE_CURSOR : CCHC_ROLE_HEADER;
		x += cchc_canvas_text(c, x, 0, app->cols - x, tab, role) + 1;
	}
}

void panes_render(struct cchc_app *app, struct cchc_canvas *c)
{
	if (app->layout == LAYOUT_TABS) {
		draw_tabs(app, c);
	}
	for (size_t i = 0; i < app->section_count; i++) {
		if (app->panes[i].visible) {
			draw_pane(app, c, i);
		}
	}
}

/* ---- actions ---------------------------------------------------------- */

static void move(struct cchc_app *app, long delta)
{
	struct pane *p = &app->panes[app->focus];
	p->cursor += delta;
	clamp_cursor(&p->cursor, &p->top, app->sections[app->focus].task_count, p->list.h);
}

static void focus(struct cchc_app *app, long delta)
{
	long n = (long)app->section_count;
	app->focus = (size_t)(((long)app->focus + delta + n) % n);
	panes_layout(app);
}

unsigned panes_handle(struct cchc_app *app, enum cchc_action action)
{
	if (app->section_count == 0) {
		/* No plan: nothing to move in, but q still quits. */
		return action == CCHC_ACT_QUIT ? CCHC_EFFECT_QUIT : CCHC_EFFECT_NONE;
	}
	struct pane *p = &app->panes[app->focus];
	long page = p->list.h > 1 ? p->list.h - 1 : 1;
	long count = app->sections[app->focus].task_count;
	switch (action) {
	case CCHC_ACT_UP:
		move(app, -1);
		break;
	case CCHC_ACT_DOWN:
		move(app, 1);
		break;
	case CCHC_ACT_PAGE_UP:
		p->top -= page;
		move(app, -page);
		break;
	case CCHC_ACT_PAGE_DOWN:
		p->top += page;
		move(app, page);
		break;
	case CCHC_ACT_HOME:
		move(app, -count);
		break;
	case CCHC_ACT_END:
		move(app, count);
		break;
	case CCHC_ACT_PREV_PANE:
		focus(app, -1);
		break;
	case CCHC_ACT_NEXT_PANE:
		focus(app, 1);
		break;
	case CCHC_ACT_OPEN:
		if (panes_current(app) >= 0) {
			app->view = CCHC_VIEW_DETAIL;
			detail_open(app, panes_current(app));
		}
		break;
	case CCHC_ACT_QUIT:
		return CCHC_EFFECT_QUIT;
	default:
		break;
	}
	return CCHC_EFFECT_REDRAW;
}

static bool contains(struct rect r, int x, int y)
{
	return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

static unsigned click_tab(struct cchc_app *app, int x)
{
	int at = 0;
	for (size_t i = 0; i < app->section_count; i++) {
		char tab[48];
		tab_label(&app->sections[i], tab);
		int w = (int)cchc_text_width(tab);
		if (x >= at && x < at + w) {
			app->focus = i;
			panes_layout(app);
			return CCHC_EFFECT_REDRAW;
		}
		at += w + 1;
	}
	return CCHC_EFFECT_NONE;
}

unsigned panes_click(struct cchc_app *app, int x, int y)
{
	if (app->layout == LAYOUT_TABS && y == 0) {
		return click_tab(app, x);
	}
	for (size_t i = 0; i < app->section_count; i++) {
		struct pane *p = &app->panes[i];
		if (!p->visible || !contains(p->rect, x, y)) {
			continue;
		}
		app->focus = i;
		if (contains(p->list, x, y)) {
			p->cursor = p->top + (y - p->list.y);
			clamp_cursor(&p->cursor, &p->top, app->sections[i].task_count, p->list.h);
		}
		return CCHC_EFFECT_REDRAW;
	}
	return CCHC_EFFECT_NONE;
}

unsigned panes_wheel(struct cchc_app *app, int x, int y, int delta)
{
	if (app->section_count == 0) {
		return CCHC_EFFECT_NONE;
	}
	for (size_t i = 0; i < app->section_count; i++) {
		if (app->panes[i].visible && contains(app->panes[i].rect, x, y)) {
			app->focus = i;
			break;
		}
	}
	move(app, 3L * delta);
	return CCHC_EFFECT_REDRAW;
}
