// SPDX-License-Identifier: GPL-3.0-or-later
/* The list of search matches to pick from. */
#include "config.h"

#include <stdio.h>

#include "cchc/i18n.h"
#include "internal.h"

static int list_height(const struct cchc_app *app)
{
	return app->rows - 3;
}

void picker_render(struct cchc_app *app, struct cchc_canvas *c)
{
	struct cchc_strbuf header = {0};
	cchc_strbuf_printf(&header, ngettext_(" %zu task matches “%s”", " %zu tasks match “%s”",
					      app->hit_count),
			   app->hit_count, app->query ? app->query : "");
	cchc_canvas_fit(c, 0, 0, app->cols, header.data, CCHC_ROLE_HEADER);
	cchc_strbuf_finish(&header);
	int h = list_height(app);
	clamp_cursor(&app->picker_cursor, &app->picker_top, (long)app->hit_count, h);
	for (int i = 0; i < h && app->picker_top + i < (long)app->hit_count; i++) {
		long k = app->picker_top + i;
		const struct cchc_search_hit *hit = &app->hits[k];
		enum cchc_role role = k == app->picker_cursor ? CCHC_ROLE_CURSOR : CCHC_ROLE_NORMAL;
		cchc_canvas_fill(c, 1, 2 + i, app->cols - 2, 1, role);
		cchc_canvas_fit(c, 2, 2 + i, 10, hit->ref, role);
		cchc_canvas_fit(c, 13, 2 + i, app->cols - 15, hit->title, role);
	}
}

unsigned picker_handle(struct cchc_app *app, enum cchc_action action)
{
	long h = list_height(app);
	switch (action) {
	case CCHC_ACT_UP:
		app->picker_cursor--;
		break;
	case CCHC_ACT_DOWN:
		app->picker_cursor++;
		break;
	case CCHC_ACT_PAGE_UP:
		app->picker_cursor -= h;
		break;
	case CCHC_ACT_PAGE_DOWN:
		app->picker_cursor += h;
		break;
	case CCHC_ACT_HOME:
		app->picker_cursor = 0;
		break;
	case CCHC_ACT_END:
		app->picker_cursor = (long)app->hit_count - 1;
		break;
	case CCHC_ACT_OPEN:
		clamp_cursor(&app->picker_cursor, &app->picker_top, (long)app->hit_count, (int)h);
		app->hit_current = (size_t)app->picker_cursor;
		app->view = app->return_view;
		app_show_hit(app);
		break;
	case CCHC_ACT_BACK:
		app->view = app->return_view;
		break;
	default:
		break;
	}
	clamp_cursor(&app->picker_cursor, &app->picker_top, (long)app->hit_count, (int)h);
	return CCHC_EFFECT_REDRAW;
}
