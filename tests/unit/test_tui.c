// SPDX-License-Identifier: GPL-3.0-or-later
/* The interface without a terminal: events in, canvas rows out. */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cchc/importer.h"
#include "cchc/store.h"
#include "cchc/text.h"
#include "cchc/tui/app.h"
#include "cchc/tui/keymap.h"
#include "check_compat.h"
#include "src/tui/internal.h"

static char db_path[64];
static struct cchc_store *store;
static struct cchc_app *app;
static struct cchc_canvas canvas;

static void import_into_store(const char *doc, size_t n)
{
	struct cchc_agency_catalogue *cat = cchc_agency_catalogue_builtin();
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	ck_assert_msg(cchc_import_parse(doc, n, NULL, cat, &plan, &notes, &err) == CCHC_OK, "%s",
		      err.message);
	ck_assert_int_eq(cchc_store_save_plan(store, plan, cat, false, &err), CCHC_OK);
	cchc_plan_destroy(plan);
	cchc_names_finish(&notes);
	cchc_agency_catalogue_destroy(cat);
}

static void open_app(int cols, int rows)
{
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_app_create(store, cchc_date_from_ymd(2026, 12, 4), cols, rows, &app, &err),
			 CCHC_OK);
	cchc_canvas_init(&canvas, cols, rows);
	cchc_app_render(app, &canvas);
}

static void open_store(void)
{
	snprintf(db_path, sizeof db_path, "/tmp/cchc-tui-XXXXXX");
	close(mkstemp(db_path));
	unlink(db_path);
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_open(db_path, CCHC_STORE_READ_WRITE, &store, &err), CCHC_OK);
}

static void seed_setup(void)
{
	open_store();
	size_t n;
	char *doc = slurp(SOURCE_ROOT "/data/ke-hoach-cchc-khanh-hoa-2026.txt", &n);
	import_into_store(doc, n);
	free(doc);
	open_app(160, 48);
}

static void teardown(void)
{
	cchc_app_destroy(app);
	app = NULL;
	cchc_canvas_finish(&canvas);
	cchc_store_close(store);
	unlink(db_path);
}

static void key(int k)
{
	struct cchc_event ev = {.type = CCHC_EVENT_KEY, .key = k};
	cchc_app_handle(app, &ev);
	cchc_app_render(app, &canvas);
}

static void type(const char *s)
{
	for (; *s; s++) {
		key((unsigned char)*s);
	}
}

static void resize(int cols, int rows)
{
	struct cchc_event ev = {.type = CCHC_EVENT_RESIZE, .x = cols, .y = rows};
	cchc_app_handle(app, &ev);
	cchc_app_render(app, &canvas);
}

/* The whole screen as text, rows joined by newlines. */
static char *screen(void)
{
	struct cchc_strbuf sb = {0};
	for (int y = 0; y < canvas.rows; y++) {
		char *row = cchc_canvas_row(&canvas, y);
		cchc_strbuf_printf(&sb, "%s\n", row);
		free(row);
	}
	return cchc_strbuf_steal(&sb);
}

static bool screen_has(const char *needle)
{
	char *s = screen();
	bool found = strstr(s, needle) != NULL;
	free(s);
	return found;
}

#define ck_screen_has(needle) ck_assert_msg(screen_has(needle), "screen lacks “%s”", needle)

/* Whether the screen holds words, however wrapped: runs of spaces and
 * line breaks count as one space. */
static bool screen_has_words(const char *words)
{
	char *s = screen();
	char *w = s;
	bool space = false;
	for (const char *r = s; *r; r++) {
		if (*r == ' ' || *r == '\n') {
			space = true;
			continue;
		}
		if (space && w > s) {
			*w++ = ' ';
		}
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	bool found = strstr(s, words) != NULL;
	free(s);
	return found;
}

#define ck_screen_has_words(words) ck_assert_msg(screen_has_words(words), "screen lacks “%s”", words)

START_TEST(all_seven_areas_show_at_160x48)
{
	const char *titles[] = {"I. CẢI CÁCH THỂ CHẾ", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
				"III. CẢI CÁCH TỔ CHỨC BỘ MÁY", "IV. CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
				"V. CẢI CÁCH TÀI CHÍNH CÔNG", "VI. XÂY DỰNG CHÍNH QUYỀN",
				"VII. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"};
	for (size_t i = 0; i < 7; i++) {
		ck_screen_has(titles[i]);
	}
	/* counts by state and the completion bar of section I */
	ck_screen_has("✓0 ✓!0 ○4 !7 ∞2 ✗0");
	ck_screen_has("0% 0/13");
	ck_screen_has("q quit");
}
END_TEST

START_TEST(goto_then_enter_shows_the_whole_joined_title)
{
	key('g');
	type("iii.6");
	key(CCHC_KEY_ENTER);
	key(CCHC_KEY_ENTER);
	ck_screen_has("III.6");
	ck_screen_has_words("Lập mới hồ sơ địa giới hành chính, bản đồ hành chính tỉnh Khánh Hòa mới "
			    "theo Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp "
			    "xếp các đơn vị hành chính cấp tỉnh và Nghị quyết số 1667/NQ-UBTVQH15 ngày "
			    "16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành "
			    "chính cấp xã của tỉnh Khánh Hòa năm 2025");
	ck_screen_has("overdue 65 days");
	ck_screen_has("Sở Nội vụ");
	key(CCHC_KEY_ESCAPE);
	ck_screen_has("I. CẢI CÁCH THỂ CHẾ");
}
END_TEST

START_TEST(goto_accepts_arabic_section_numbers_and_says_when_no_task)
{
	key('g');
	type("3.6");
	key(CCHC_KEY_ENTER);
	key(CCHC_KEY_ENTER);
	ck_screen_has("Lập mới hồ sơ");
	key('q');
	key('g');
	type("III.99");
	key(CCHC_KEY_ENTER);
	ck_screen_has("no task III.99");
	key('g');
	type("xyz");
	key(CCHC_KEY_ENTER);
	ck_screen_has("is not a task number");
}
END_TEST

START_TEST(search_ignores_diacritics_and_reaches_iv7)
{
	key('/');
	type("ky luat ky cuong");
	key(CCHC_KEY_ENTER);
	ck_screen_has("Match 1 of 1: IV.7");
	key(CCHC_KEY_ENTER);
	ck_screen_has("IV.7");
	ck_screen_has("Tiếp tục tăng cường kỷ luật kỷ cương");
}
END_TEST

START_TEST(several_matches_open_a_list_and_n_steps_through)
{
	key('/');
	type("so tu phap");
	key(CCHC_KEY_ENTER);
	ck_screen_has("12 tasks match “so tu phap”");
	key(CCHC_KEY_DOWN);
	key(CCHC_KEY_ENTER);
	ck_screen_has("I.2");
	key('n');
	ck_screen_has("Match 3 of 12: I.3");
	key('N');
	key('N');
	ck_screen_has("Match 1 of 12: I.1");
	key('N');
	ck_screen_has("Match 12 of 12: II.7");
}
END_TEST

START_TEST(search_for_d_finds_dd)
{
	key('/');
	type("doi thoai voi doanh nghiep");
	key(CCHC_KEY_ENTER);
	ck_screen_has("Match 1 of 1: I.13");
}
END_TEST

START_TEST(small_window_uses_tabs_and_tiny_window_says_so)
{
	resize(80, 24);
	ck_screen_has(" I !7 ");
	ck_screen_has("I. CẢI CÁCH THỂ CHẾ");
	key(CCHC_KEY_RIGHT);
	ck_screen_has("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH");
	resize(30, 8);
	ck_screen_has("too small");
	resize(1, 1);
	resize(160, 48);
	ck_screen_has("VII. CÔNG TÁC CHỈ ĐẠO");
}
END_TEST

START_TEST(resize_with_detail_help_and_prompt_open)
{
	key(CCHC_KEY_ENTER);
	resize(50, 12);
	resize(200, 60);
	ck_screen_has("Task detail");
	key('?');
	resize(41, 10);
	resize(120, 30);
	ck_screen_has("Keys");
	key(CCHC_KEY_ESCAPE);
	key('/');
	type("abc");
	resize(30, 8);
	resize(100, 30);
	ck_screen_has("Search: abc");
	key(CCHC_KEY_ESCAPE);
}
END_TEST

START_TEST(help_lists_every_bound_action_from_the_key_table)
{
	key('?');
	ck_screen_has("Go to a task by number");
	ck_screen_has("Search titles, results and agencies");
	ck_screen_has("Esc q ←");
	key(CCHC_KEY_END);
	ck_screen_has("Overdue");
	key('q');
	ck_screen_has("I. CẢI CÁCH THỂ CHẾ");
}
END_TEST

START_TEST(moving_and_paging_stay_inside_the_area)
{
	key(CCHC_KEY_END);
	key(CCHC_KEY_DOWN);
	key(CCHC_KEY_ENTER);
	ck_screen_has("I.13");
	key('q');
	key(CCHC_KEY_HOME);
	key(CCHC_KEY_PAGE_DOWN);
	key(CCHC_KEY_PAGE_UP);
	key(CCHC_KEY_UP);
	key(CCHC_KEY_ENTER);
	ck_screen_has("I.1 ");
	key('q');
	key(CCHC_KEY_BACKTAB);
	key(CCHC_KEY_ENTER);
	ck_screen_has("VII.1 ");
}
END_TEST

START_TEST(a_click_focuses_a_pane_and_row)
{
	/* Section V's pane starts at row 23 at 160×48: its fourth task row. */
	struct cchc_event click = {.type = CCHC_EVENT_CLICK, .x = 10, .y = 23 + 3 + 3};
	cchc_app_handle(app, &click);
	key(CCHC_KEY_ENTER);
	ck_screen_has("V.4");
	key('q');
	struct cchc_event wheel = {.type = CCHC_EVENT_WHEEL, .x = 10, .y = 30, .delta = 1};
	cchc_app_handle(app, &wheel);
	key(CCHC_KEY_ENTER);
	ck_screen_has("V.7");
}
END_TEST

START_TEST(q_quits)
{
	struct cchc_event ev = {.type = CCHC_EVENT_KEY, .key = 'q'};
	ck_assert(cchc_app_handle(app, &ev) & CCHC_EFFECT_QUIT);
}
END_TEST

START_TEST(refs_parse_in_every_spelling)
{
	char out[32];
	ck_assert(cchc_app_parse_ref("III.6", out, sizeof out));
	ck_assert_str_eq(out, "III.6");
	ck_assert(cchc_app_parse_ref(" iii.6 ", out, sizeof out));
	ck_assert_str_eq(out, "III.6");
	ck_assert(cchc_app_parse_ref("3.6", out, sizeof out));
	ck_assert_str_eq(out, "III.6");
	ck_assert(cchc_app_parse_ref("2.2.2.A", out, sizeof out));
	ck_assert_str_eq(out, "II.2.2.a");
	ck_assert(!cchc_app_parse_ref("III", out, sizeof out));
	ck_assert(!cchc_app_parse_ref("X.", out, sizeof out));
	ck_assert(!cchc_app_parse_ref("abc.1", out, sizeof out));
	ck_assert(!cchc_app_parse_ref("99.1", out, sizeof out));
}
END_TEST

/* ---- changes ----------------------------------------------------------- */

static struct cchc_plan *load_plan(void)
{
	struct cchc_plan *plan = NULL;
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_load_plan(store, &plan, &err), CCHC_OK);
	return plan;
}

static const struct cchc_task *find(const struct cchc_plan *plan, const char *ref)
{
	size_t i = cchc_plan_find_task(plan, ref);
	ck_assert_msg(i != CCHC_NO_PARENT, "no %s", ref);
	return &plan->tasks[i];
}

START_TEST(status_keys_change_the_focused_task_with_history)
{
	key('3');
	ck_screen_has("I.1: Status Not started → Done");
	ck_screen_has("✓!1");
	key(CCHC_KEY_DOWN);
	key('2');
	ck_screen_has("I.2: Status Not started → In progress");
	struct cchc_plan *plan = load_plan();
	const struct cchc_task *t = find(plan, "I.1");
	ck_assert_int_eq(t->status, CCHC_TASK_DONE);
	ck_assert_int_eq(t->completed_on, cchc_date_from_ymd(2026, 12, 4));
	ck_assert_uint_eq(t->history_count, 2);
	ck_assert_str_eq(t->history[0].field, "status");
	ck_assert_str_eq(t->history[0].new_value, "done");
	ck_assert(strlen(t->history[0].who) > 0);
	ck_assert_int_eq(find(plan, "I.2")->status, CCHC_TASK_IN_PROGRESS);
	cchc_plan_destroy(plan);
	/* in the detail the keys act on the task shown, and its history shows */
	key(CCHC_KEY_ENTER);
	key('4');
	ck_screen_has("I.2: Status In progress → Cancelled");
	ck_screen_has("History");
	ck_screen_has("Status: In progress → Cancelled");
	ck_assert(!screen_has("2026-12-04")); /* dates read dd/mm/yyyy */
}
END_TEST

START_TEST(undo_and_redo_restore_exactly)
{
	struct cchc_plan *before = load_plan();
	key('3');
	key(CCHC_KEY_RIGHT);
	key('2');
	key('u');
	ck_screen_has("Undone: II.1");
	key('u');
	ck_screen_has("Undone: I.1: Status Done → Not started");
	key('u');
	ck_screen_has("Nothing to undo");
	struct cchc_plan *after = load_plan();
	for (size_t i = 0; i < before->task_count; i++) {
		ck_assert_int_eq(after->tasks[i].status, before->tasks[i].status);
		ck_assert_int_eq(after->tasks[i].completed_on, before->tasks[i].completed_on);
	}
	cchc_plan_destroy(after);
	key(CCHC_CTRL('r'));
	ck_screen_has("Redone: I.1: Status Not started → Done");
	key(CCHC_CTRL('r'));
	ck_screen_has("Redone: II.1");
	struct cchc_plan *redone = load_plan();
	ck_assert_int_eq(find(redone, "I.1")->status, CCHC_TASK_DONE);
	ck_assert_int_eq(find(redone, "II.1")->status, CCHC_TASK_IN_PROGRESS);
	ck_assert_uint_eq(find(redone, "I.1")->history_count, 6);
	cchc_plan_destroy(redone);
	cchc_plan_destroy(before);
}
END_TEST

START_TEST(a_change_made_elsewhere_shows_and_a_stale_edit_is_refused)
{
	struct cchc_store *other = NULL;
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_open(db_path, CCHC_STORE_READ_WRITE, &other, &err), CCHC_OK);
	ck_assert_int_eq(cchc_store_set_status(other, "I.1", CCHC_TASK_DONE, cchc_date_from_ymd(2026, 1, 20),
					       "họp giao ban", &err),
			 CCHC_OK);
	struct cchc_event tick = {.type = CCHC_EVENT_TICK};
	ck_assert(cchc_app_handle(app, &tick) & CCHC_EFFECT_REDRAW);
	cchc_app_render(app, &canvas);
	ck_screen_has("✓1 ✓!0");
	ck_assert(!(cchc_app_handle(app, &tick) & CCHC_EFFECT_REDRAW));
	/* The detail shows version n; another instance changes the task. */
	key(CCHC_KEY_ENTER);
	ck_assert_int_eq(cchc_store_set_note(other, "I.1", "ghi chú khác", NULL, &err), CCHC_OK);
	key('2');
	ck_screen_has("was changed by someone else");
	struct cchc_plan *plan = load_plan();
	ck_assert_int_eq(find(plan, "I.1")->status, CCHC_TASK_DONE);
	cchc_plan_destroy(plan);
	cchc_store_close(other);
}
END_TEST

START_TEST(a_read_only_database_explains_why_keys_do_nothing)
{
	cchc_app_destroy(app);
	cchc_store_close(store);
	struct cchc_error err = {0};
	ck_assert_int_eq(cchc_store_open(db_path, CCHC_STORE_READ_ONLY, &store, &err), CCHC_OK);
	ck_assert_int_eq(cchc_app_create(store, cchc_date_from_ymd(2026, 12, 4), 160, 48, &app, &err),
			 CCHC_OK);
	cchc_app_render(app, &canvas);
	ck_screen_has("[read-only]");
	key('3');
	ck_screen_has("open read-only: nothing can be changed");
	key('u');
	ck_screen_has("Nothing to undo");
}
END_TEST

START_TEST(an_empty_database_says_so_and_survives_every_key)
{
	cchc_app_destroy(app);
	cchc_store_close(store);
	unlink(db_path);
	cchc_canvas_finish(&canvas);
	open_store();
	open_app(120, 40);
	ck_screen_has("holds no plan yet");
	const int keys[] = {CCHC_KEY_DOWN, CCHC_KEY_UP, CCHC_KEY_RIGHT, CCHC_KEY_LEFT, CCHC_KEY_ENTER,
			    CCHC_KEY_PAGE_DOWN, CCHC_KEY_END, '1', '3', 'e', 'u', CCHC_CTRL('r'), 'n', 'N', '?'};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		key(keys[i]);
	}
	key(CCHC_KEY_ESCAPE);
	key('m');
	key(CCHC_KEY_ESCAPE);
	key('p');
	key(CCHC_KEY_ESCAPE);
	key('/');
	type("so tu phap");
	key(CCHC_KEY_ENTER);
	key('g');
	type("I.1");
	key(CCHC_KEY_ENTER);
	struct cchc_event click = {.type = CCHC_EVENT_CLICK, .x = 3, .y = 3};
	cchc_app_handle(app, &click);
	struct cchc_event wheel = {.type = CCHC_EVENT_WHEEL, .x = 3, .y = 3, .delta = 1};
	cchc_app_handle(app, &wheel);
	struct cchc_event q = {.type = CCHC_EVENT_KEY, .key = 'q'};
	ck_assert(cchc_app_handle(app, &q) & CCHC_EFFECT_QUIT);
}
END_TEST

/* ---- reports and the minutes ------------------------------------------- */

static char home[64];

static void type_utf8(const char *s);

static void reports_setup(void)
{
	snprintf(home, sizeof home, "/tmp/cchc-home-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(home));
	setenv("HOME", home, 1);
	seed_setup();
}

static void reports_teardown(void)
{
	teardown();
	char command[128];
	snprintf(command, sizeof command, "rm -rf '%s'", home);
	ck_assert_int_eq(system(command), 0);
}

static char *home_file(const char *name)
{
	char path[160];
	snprintf(path, sizeof path, "%s/%s", home, name);
	size_t n;
	return slurp(path, &n);
}

START_TEST(p_saves_the_area_summary_where_the_dialog_says)
{
	key(CCHC_KEY_RIGHT);
	key('p');
	ck_screen_has("Summary of II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH");
	char where[160];
	snprintf(where, sizeof where, "%s/cchc-II-2026-12-04.txt", home);
	ck_screen_has(where);
	key(CCHC_KEY_ENTER);
	ck_screen_has("Saved to");
	ck_assert_int_eq(app->view, CCHC_VIEW_PANES);
	char *text = home_file("cchc-II-2026-12-04.txt");
	ck_assert_ptr_nonnull(strstr(text, "II.1"));
	ck_assert_ptr_null(strstr(text, "III.1 "));
	free(text);
	/* the whole plan, as Markdown: the name follows the format */
	key('P');
	key(CCHC_KEY_UP);
	key(CCHC_KEY_UP);
	key(CCHC_KEY_UP);
	key(CCHC_KEY_RIGHT);
	ck_screen_has("cchc-plan-2026-12-04.md");
	key(CCHC_CTRL('s'));
	text = home_file("cchc-plan-2026-12-04.md");
	ck_assert_msg(text[0] == '#', "%.40s", text);
	ck_assert_ptr_nonnull(strstr(text, "VII.1"));
	free(text);
	/* a typed name keeps its words; only its extension follows the format */
	key('p');
	key(CCHC_KEY_UP);
	key(CCHC_CTRL('u'));
	type_utf8("/tmp/Báo cáo.md");
	key(CCHC_KEY_UP);
	key(CCHC_KEY_UP);
	key(CCHC_KEY_RIGHT);
	ck_screen_has("/tmp/Báo cáo.html");
	key(CCHC_KEY_LEFT);
	key(CCHC_KEY_DOWN);
	key(CCHC_KEY_DOWN);
	key(CCHC_CTRL('u'));
	type_utf8("/tmp/biên bản");
	key(CCHC_KEY_UP);
	key(CCHC_KEY_UP);
	key(CCHC_KEY_RIGHT);
	ck_screen_has("/tmp/biên bản ");
	key(CCHC_KEY_ESCAPE);
}
END_TEST

START_TEST(the_dialog_refuses_a_place_it_cannot_write_and_stays)
{
	key('p');
	key(CCHC_KEY_UP); /* the file name */
	for (int i = 0; i < 80; i++) {
		key(CCHC_KEY_BACKSPACE);
	}
	type("/no/such/dir/r.txt");
	key(CCHC_KEY_ENTER);
	ck_screen_has("cannot write /no/such/dir/r.txt");
	ck_screen_has("Summary of I.");
	key(CCHC_KEY_ESCAPE);
	ck_assert_int_eq(app->view, CCHC_VIEW_PANES);
}
END_TEST

static void stand_in_lp(const char *body)
{
	char dir[160], path[200];
	snprintf(dir, sizeof dir, "%s/bin", home);
	mkdir(dir, 0700);
	snprintf(path, sizeof path, "%s/lp", dir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	chmod(path, 0700);
	char search[200];
	snprintf(search, sizeof search, "%s:/usr/bin:/bin", dir);
	setenv("PATH", search, 1);
}

START_TEST(the_dialog_prints_through_lp_and_shows_a_refusal)
{
	char *saved_path = strdup(getenv("PATH"));
	stand_in_lp("echo 'lp: The printer or class does not exist.' >&2; exit 1");
	key('p');
	key(CCHC_KEY_UP);
	key(CCHC_KEY_UP); /* a file / the printer */
	key(CCHC_KEY_RIGHT);
	ck_screen_has("[the printer]");
	ck_screen_has("[pdf]"); /* prints as it looks */
	key(CCHC_KEY_UP);
	key(CCHC_KEY_LEFT);
	key(CCHC_KEY_LEFT);
	key(CCHC_KEY_LEFT);
	key(CCHC_KEY_LEFT); /* back to text, on purpose */
	ck_screen_has("[text]");
	key(CCHC_KEY_DOWN);
	key(CCHC_KEY_DOWN);
	type("Phong_hop");
	key(CCHC_KEY_ENTER);
	ck_screen_has("cannot print: lp: The printer or class does not exist.");
	char job[200];
	snprintf(job, sizeof job, "for last; do :; done; cp \"$last\" '%s/printed'; echo \"$@\" >'%s/args'",
		 home, home);
	stand_in_lp(job);
	key(CCHC_CTRL('s'));
	ck_screen_has("Sent to the printer Phong_hop");
	char *args = home_file("args");
	ck_assert_ptr_nonnull(strstr(args, "-d Phong_hop -t cchc-I-2026-12-04"));
	char *printed = home_file("printed");
	ck_assert_ptr_nonnull(strstr(printed, "\f")); /* text goes out in A4 pages */
	free(args);
	free(printed);
	setenv("PATH", saved_path, 1);
	free(saved_path);
}
END_TEST

START_TEST(m_lists_the_changes_of_this_session)
{
	key('m');
	ck_screen_has("No change was made in that time.");
	key(CCHC_KEY_ESCAPE);
	key('3');
	key('m');
	ck_screen_has("The minutes: changes made in this session");
	ck_screen_has("Status: Not started → Done");
	ck_screen_has("Completed on: – → 04/12/2026"); /* dates as officers write them */
	resize(60, 20); /* wrapped again to fit */
	for (size_t i = 0; i < app->minutes.count; i++) {
		ck_assert_msg(cchc_text_width(app->minutes.items[i]) <= 56, "%s", app->minutes.items[i]);
	}
	ck_screen_has("Status: Not"); /* the change column keeps its share */
	ck_screen_has("started → Done");
	resize(160, 48);
	key('p');
	ck_screen_has("cchc-minutes-2026-12-04.txt");
	key(CCHC_KEY_UP);
	key(CCHC_KEY_UP);
	key(CCHC_KEY_UP);
	key(CCHC_KEY_LEFT); /* text → pdf, and back over csv, which the minutes lack */
	key(CCHC_KEY_LEFT);
	ck_screen_has("[html]");
	key(CCHC_KEY_RIGHT);
	key(CCHC_KEY_RIGHT);
	ck_screen_has("[text]");
	key(CCHC_KEY_ENTER);
	ck_assert_int_eq(app->view, CCHC_VIEW_MINUTES);
	char *text = home_file("cchc-minutes-2026-12-04.txt");
	ck_assert_ptr_nonnull(strstr(text, "I.1"));
	ck_assert_ptr_nonnull(strstr(text, "started → Done")); /* wrapped at 80 */
	free(text);
	key('q');
	ck_assert_int_eq(app->view, CCHC_VIEW_PANES);
}
END_TEST

/* ---- the line editor ----------------------------------------------------- */

static char *typed(const char *keys, bool telex)
{
	struct line_editor e = {.telex = telex};
	line_set(&e, "");
	for (const char *k = keys; *k; k++) {
		line_key(&e, (unsigned char)*k);
	}
	char *v = line_value(&e);
	line_finish(&e);
	return v;
}

static const struct {
	const char *keys;
	const char *text;
} telex_rows[] = {
	{"vieejt", "việt"}, {"dd", "đ"}, {"uow", "ươ"}, {"nguowif", "người"},
	{"hoaf", "hòa"}, {"quys", "quý"}, {"luaatj", "luật"}, {"kyr", "kỷ"},
	{"Khanhs Hoaf", "Khánh Hòa"}, {"ddoonf", "đồn"}, {"truwowngf", "trường"},
	{"kyr luaatj kyr cuwowng", "kỷ luật kỷ cương"}, {"aw", "ă"}, {"thuys", "thúy"},
	{"giaf", "già"}, {"taoj", "tạo"}, {"hoafz", "hoa"}, {"sao", "sao"}, {"xin", "xin"},
};

START_TEST(telex_turns_keys_into_vietnamese)
{
	char *v = typed(telex_rows[_i].keys, true);
	ck_assert_msg(strcmp(v, telex_rows[_i].text) == 0, "“%s” gave “%s”, not “%s”",
		      telex_rows[_i].keys, v, telex_rows[_i].text);
	char *nfc = cchc_text_nfc(v);
	ck_assert_str_eq(nfc, v);
	free(nfc);
	free(v);
}
END_TEST

START_TEST(telex_off_types_letters_as_they_are)
{
	char *v = typed("vieejt", false);
	ck_assert_str_eq(v, "vieejt");
	free(v);
}
END_TEST

START_TEST(the_cursor_and_backspace_move_by_grapheme)
{
	struct line_editor e = {0};
	line_set(&e, "Vie\xCC\xA3\xCC\x82t Nam");
	line_key(&e, CCHC_KEY_HOME);
	line_key(&e, CCHC_KEY_RIGHT);
	line_key(&e, CCHC_KEY_RIGHT);
	line_key(&e, CCHC_KEY_RIGHT); /* after the decomposed ệ */
	line_key(&e, CCHC_KEY_BACKSPACE);
	char *v = line_value(&e);
	ck_assert_str_eq(v, "Vit Nam");
	free(v);
	line_key(&e, CCHC_CTRL('e'));
	line_key(&e, CCHC_CTRL('w'));
	v = line_value(&e);
	ck_assert_str_eq(v, "Vit");
	free(v);
	line_key(&e, CCHC_CTRL('a'));
	line_key(&e, CCHC_KEY_DELETE);
	line_key(&e, CCHC_CTRL('k'));
	v = line_value(&e);
	ck_assert_str_eq(v, "");
	free(v);
	ck_assert_int_eq(line_key(&e, CCHC_KEY_ESCAPE), LINE_CANCEL);
	ck_assert_int_eq(line_key(&e, CCHC_KEY_ENTER), LINE_DONE);
	line_finish(&e);
}
END_TEST

/* ---- the edit form ------------------------------------------------------- */

static void type_utf8(const char *s)
{
	while (*s) {
		int cp = (unsigned char)*s;
		int n = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
		int v = n == 1 ? cp : cp & (0x3F >> (n - 1));
		for (int i = 1; i < n; i++) {
			v = (v << 6) | (s[i] & 0x3F);
		}
		key(v);
		s += n;
	}
}

/* Opens the form on I.1 and puts text in the field at row. */
static void form_field(int row, const char *text)
{
	key('e');
	for (int i = 0; i < row; i++) {
		key(CCHC_KEY_DOWN);
	}
	key(CCHC_CTRL('u'));
	type_utf8(text);
}

static void refused(const char *message)
{
	key(CCHC_CTRL('s'));
	ck_screen_has(message);
	ck_screen_has("Edit task");
	key(CCHC_KEY_ESCAPE);
	struct cchc_plan *plan = load_plan();
	ck_assert_uint_eq(find(plan, "I.1")->history_count, 0);
	cchc_plan_destroy(plan);
}

START_TEST(form_refuses_an_impossible_deadline)
{
	form_field(0, "31/02/2026");
	ck_screen_has("“31/02/2026” is not a real date: there is no such day");
	refused("“31/02/2026” is not a real date: there is no such day");
}
END_TEST

START_TEST(form_refuses_a_month_that_does_not_exist)
{
	form_field(0, "tháng 13/2026");
	refused("there is no such month");
}
END_TEST

START_TEST(form_refuses_an_impossible_extension)
{
	form_field(1, "Đến 30/02/2027: xong");
	refused("“30/02/2027” is not a real date");
}
END_TEST

START_TEST(form_refuses_progress_out_of_range)
{
	form_field(5, "150");
	refused("progress must be a whole number from 0 to 100, not “150”");
	form_field(5, "mười");
	refused("progress must be a whole number from 0 to 100, not “mười”");
}
END_TEST

START_TEST(form_refuses_an_impossible_evidence_date)
{
	form_field(9, "31/4/2026");
	refused("Evidence date: “31/4/2026” is not a real date (dd/mm/yyyy)");
	form_field(6, "29/2/2026");
	refused("Completed on: “29/2/2026” is not a real date (dd/mm/yyyy)");
}
END_TEST

START_TEST(form_refuses_a_task_without_lead)
{
	key('e');
	key(CCHC_KEY_DOWN);
	key(CCHC_KEY_DOWN);
	key(CCHC_KEY_DOWN);
	key(CCHC_KEY_ENTER); /* the lead agencies */
	type_utf8("so tu phap");
	key(CCHC_KEY_ENTER); /* untick Sở Tư pháp */
	key(CCHC_KEY_ESCAPE);
	refused("a task needs at least one lead agency");
}
END_TEST

START_TEST(form_saves_a_quarter_deadline_as_its_last_day)
{
	form_field(0, "Quý III/2026");
	ck_screen_has("→ 30/09/2026");
	key(CCHC_KEY_DOWN);
	key(CCHC_KEY_DOWN);
	type_utf8("QĐ 123/QĐ-UBND");
	key(CCHC_CTRL('s'));
	ck_screen_has("I.1: Deadline Tháng 01/2026 → Quý III/2026");
	struct cchc_plan *plan = load_plan();
	const struct cchc_task *t = find(plan, "I.1");
	ck_assert_uint_eq(t->milestones.count, 1);
	ck_assert_int_eq(t->milestones.items[0].due, cchc_date_from_ymd(2026, 9, 30));
	ck_assert_str_eq(t->extension_document, "QĐ 123/QĐ-UBND");
	cchc_plan_destroy(plan);
	key('u');
	plan = load_plan();
	ck_assert_str_eq(find(plan, "I.1")->deadline_text, "Tháng 01/2026");
	ck_assert_int_eq(find(plan, "I.1")->milestones.items[0].due, cchc_date_from_ymd(2026, 1, 31));
	ck_assert_ptr_null(find(plan, "I.1")->extension_document);
	cchc_plan_destroy(plan);
}
END_TEST

START_TEST(form_edits_the_day_a_task_was_completed)
{
	key('3');
	form_field(6, "20/1/2026");
	key(CCHC_CTRL('s'));
	struct cchc_plan *plan = load_plan();
	ck_assert_int_eq(find(plan, "I.1")->completed_on, cchc_date_from_ymd(2026, 1, 20));
	cchc_plan_destroy(plan);
	ck_screen_has("✓1 ✓!0");
}
END_TEST

START_TEST(form_keeps_a_telex_note_in_nfc)
{
	key('e');
	for (int i = 0; i < 7; i++) {
		key(CCHC_KEY_DOWN);
	}
	key(CCHC_CTRL('t'));
	ck_screen_has("[Telex]");
	type_utf8("hojp giao ban, ddax xong vieejc");
	key(CCHC_CTRL('s'));
	struct cchc_plan *plan = load_plan();
	ck_assert_str_eq(find(plan, "I.1")->note, "họp giao ban, đã xong việc");
	cchc_plan_destroy(plan);
}
END_TEST

/* ---- borders stay in their columns whatever the text ------------------- */

#define H "TT\tNhiệm vụ\tKết quả/sản phẩm đạt được\tTiến độ\tPhân công\n"

static void mixed_setup(void)
{
	open_store();
	static const char doc[] =
		H "I\tTIẾNG VIỆT DỰNG SẴN\t\t\t\n"
		"1\tNghiên cứu chuyển giao thủ tục cấp phép cho doanh nghiệp\tR\tQuý I/2026\tSở Nội vụ chủ trì\n"
		"2\tĐổi mới toàn diện việc tiếp nhận, giải quyết TTHC\tR\tTrong năm 2026\tSở Tư pháp chủ trì\n"
		"II\tTIẾNG VIỆT TỔ HỢP\t\t\t\n"
		"1\tplaceholder one\tR\tQuý I/2026\tSở Nội vụ chủ trì\n"
		"2\tplaceholder two\tR\tThường xuyên\tSở Nội vụ chủ trì\n"
		"III\t中文 双宽字符\t\t\t\n"
		"1\t越南行政改革计划任务越南行政改革计划任务\tR\tQuý I/2026\tSở Nội vụ chủ trì\n"
		"2\t混合 Việt 和 中文 một 二 ba\tR\tQuý II/2026\tSở Nội vụ chủ trì\n";
	import_into_store(doc, sizeof doc - 1);
	/* The importer composes everything; put decomposed text in by hand,
	 * as another program writing the database might. */
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db,
				      "UPDATE task SET title = 'Nghie\xCC\x82\xCC\x81n cu\xCC\x9B\xCC\x81u "
				      "chuye\xCC\x82\xCC\x89n giao thu\xCC\x89 tu\xCC\xA3\x63 ca\xCC\x82\xCC\x81p "
				      "phe\xCC\x81p cho doanh nghie\xCC\xA3\xCC\x82p' WHERE ref LIKE 'II.%'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	open_app(160, 48);
}

/* Display columns where the grapheme g occurs in row, as a terminal
 * would place it. */
static size_t columns_of(const char *row, const char *g, int *cols, size_t max)
{
	size_t found = 0;
	int at = 0;
	while (*row) {
		int w;
		size_t n = cchc_text_grapheme(row, &w);
		if (strlen(g) == n && strncmp(row, g, n) == 0 && found < max) {
			cols[found++] = at;
		}
		at += w > 0 ? w : 0;
		row += n;
	}
	return found;
}

static void borders_in_place(int width, int height)
{
	resize(width, height);
	for (int y = 0; y < canvas.rows - 1; y++) {
		char *row = cchc_canvas_row(&canvas, y);
		ck_assert_msg((int)cchc_text_width(row) == width, "row %d is %zu columns, not %d: %s", y,
			      cchc_text_width(row), width, row);
		/* Every cell that holds a vertical border in the canvas must be
		 * at that display column in the row's text. */
		int expected[32], got[32];
		size_t n_expected = 0;
		for (int x = 0; x < canvas.cols && n_expected < 32; x++) {
			if (strcmp(cchc_canvas_at(&canvas, x, y)->text, "│") == 0) {
				expected[n_expected++] = x;
			}
		}
		size_t n_got = columns_of(row, "│", got, 32);
		ck_assert_uint_eq(n_got, n_expected);
		for (size_t i = 0; i < n_got; i++) {
			ck_assert_msg(got[i] == expected[i], "%dx%d row %d: border at %d, not %d: %s",
				      width, height, y, got[i], expected[i], row);
		}
		free(row);
	}
}

START_TEST(borders_hold_with_nfc_nfd_and_cjk_at_several_widths)
{
	ck_screen_has("越南行政改革");
	ck_screen_has("Nghie\xCC\x82\xCC\x81n");
	const int sizes[][2] = {{160, 48}, {200, 50}, {137, 40}, {120, 30}, {100, 30},
				{81, 24}, {80, 24}, {61, 20}, {47, 12}, {40, 10}};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		borders_in_place(sizes[i][0], sizes[i][1]);
		/* the three areas in tabs mode */
		key(CCHC_KEY_RIGHT);
		borders_in_place(sizes[i][0], sizes[i][1]);
		key(CCHC_KEY_RIGHT);
		borders_in_place(sizes[i][0], sizes[i][1]);
		key(CCHC_KEY_RIGHT);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tui");
	TCase *tc = tcase_create("seed");
	tcase_add_checked_fixture(tc, seed_setup, teardown);
	tcase_add_test(tc, all_seven_areas_show_at_160x48);
	tcase_add_test(tc, goto_then_enter_shows_the_whole_joined_title);
	tcase_add_test(tc, goto_accepts_arabic_section_numbers_and_says_when_no_task);
	tcase_add_test(tc, search_ignores_diacritics_and_reaches_iv7);
	tcase_add_test(tc, several_matches_open_a_list_and_n_steps_through);
	tcase_add_test(tc, search_for_d_finds_dd);
	tcase_add_test(tc, small_window_uses_tabs_and_tiny_window_says_so);
	tcase_add_test(tc, resize_with_detail_help_and_prompt_open);
	tcase_add_test(tc, help_lists_every_bound_action_from_the_key_table);
	tcase_add_test(tc, moving_and_paging_stay_inside_the_area);
	tcase_add_test(tc, a_click_focuses_a_pane_and_row);
	tcase_add_test(tc, q_quits);
	tcase_add_test(tc, status_keys_change_the_focused_task_with_history);
	tcase_add_test(tc, undo_and_redo_restore_exactly);
	tcase_add_test(tc, a_change_made_elsewhere_shows_and_a_stale_edit_is_refused);
	tcase_add_test(tc, a_read_only_database_explains_why_keys_do_nothing);
	tcase_add_test(tc, form_refuses_an_impossible_deadline);
	tcase_add_test(tc, form_refuses_a_month_that_does_not_exist);
	tcase_add_test(tc, form_refuses_an_impossible_extension);
	tcase_add_test(tc, form_refuses_progress_out_of_range);
	tcase_add_test(tc, form_refuses_an_impossible_evidence_date);
	tcase_add_test(tc, form_refuses_a_task_without_lead);
	tcase_add_test(tc, form_saves_a_quarter_deadline_as_its_last_day);
	tcase_add_test(tc, form_keeps_a_telex_note_in_nfc);
	tcase_add_test(tc, form_edits_the_day_a_task_was_completed);
	tcase_add_test(tc, an_empty_database_says_so_and_survives_every_key);
	suite_add_tcase(s, tc);
	TCase *pure = tcase_create("pure");
	tcase_add_test(pure, refs_parse_in_every_spelling);
	tcase_add_loop_test(pure, telex_turns_keys_into_vietnamese, 0,
			    (int)(sizeof telex_rows / sizeof *telex_rows));
	tcase_add_test(pure, telex_off_types_letters_as_they_are);
	tcase_add_test(pure, the_cursor_and_backspace_move_by_grapheme);
	suite_add_tcase(s, pure);
	TCase *reports = tcase_create("reports");
	tcase_add_checked_fixture(reports, reports_setup, reports_teardown);
	tcase_add_test(reports, p_saves_the_area_summary_where_the_dialog_says);
	tcase_add_test(reports, the_dialog_refuses_a_place_it_cannot_write_and_stays);
	tcase_add_test(reports, the_dialog_prints_through_lp_and_shows_a_refusal);
	tcase_add_test(reports, m_lists_the_changes_of_this_session);
	suite_add_tcase(s, reports);
	TCase *mixed = tcase_create("mixed");
	tcase_add_checked_fixture(mixed, mixed_setup, teardown);
	tcase_add_test(mixed, borders_hold_with_nfc_nfd_and_cjk_at_several_widths);
	suite_add_tcase(s, mixed);
	return run_suite(s);
}
