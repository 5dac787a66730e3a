// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/cells.h"
#include "cchc/deadline.h"
#include "cchc/decode.h"
#include "cchc/i18n.h"
#include "cchc/importer.h"
#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"

enum { COL_TT, COL_TASK, COL_RESULT, COL_DEADLINE, COL_ASSIGNMENT, COL_COUNT };

/* One table row of a task: the first holds the task, further ones are
 * extra deliverables with their own deadline (VII.5). */
struct draft_row {
	char *result;
	char *deadline;
	char *assignment;
};

struct draft {
	struct draft_row *rows;
	size_t count;
	size_t cap;
	int bullets; /* lettered children so far */
};

/* Tasks of the current section by number, so finding a parent does not
 * walk a section of thousands of tasks. Open addressing, own keys. */
struct number_index {
	char **keys;
	size_t *tasks;
	size_t cap;
	size_t count;
};

struct importer {
	const struct cchc_agency_catalogue *catalogue;
	struct cchc_plan *plan;
	struct cchc_names *notes;
	struct cchc_error *err;
	struct draft *drafts; /* parallel to plan->tasks */
	size_t draft_cap;
	bool in_appendix;
	bool after_header;
	size_t last_numbered; /* task index, or CCHC_NO_PARENT */
	struct number_index numbers;
	size_t line;
	char *cells[COL_COUNT];
};

/* ---- rows ------------------------------------------------------------ */

static size_t split_cells(char *line, char **cells)
{
	size_t n = 0;
	char *p = line;
	for (;;) {
		char *tab = strchr(p, '\t');
		if (n < COL_COUNT) {
			cells[n] = p;
		}
		n++;
		if (!tab) {
			break;
		}
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

static bool header_row(char *const *cells)
{
	const char *tt = cells[COL_TT];
	return (cchc_text_blank(tt) || strcmp(tt, "TT") == 0 || strcmp(tt, "STT") == 0) &&
	       cchc_text_starts_with(cells[COL_TASK], "Nhiệm vụ") &&
	       cchc_text_starts_with(cells[COL_RESULT], "Kết quả");
}

static int roman_value(const char *s, size_t len)
{
	static const char *const numerals[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII",
					       "IX", "X", "XI", "XII", "XIII", "XIV", "XV"};
	for (size_t i = 0; i < sizeof numerals / sizeof *numerals; i++) {
		if (strlen(numerals[i]) == len && strncmp(numerals[i], s, len) == 0) {
			return (int)i + 1;
		}
	}
	return 0;
}

static const char *roman_text(int value)
{
	static const char *const numerals[] = {"", "I", "II", "III", "IV", "V", "VI", "VII",
					       "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
					       "XV"};
	return value > 0 && value <= 15 ? numerals[value] : "";
}

static bool rest_blank(char *const *cells, int from)
{
	for (int i = from; i < COL_COUNT; i++) {
		if (!cchc_text_blank(cells[i])) {
			return false;
		}
	}
	return true;
}

/* "II<TAB>TITLE<TAB><TAB><TAB>" or "VI TITLE<TAB><TAB><TAB><TAB>": the
 * written numeral goes to *written and the title to *title. */
static bool section_row(char *const *cells, int *written, const char **title)
{
	const char *tt = cells[COL_TT];
	size_t len = strspn(tt, "IVX");
	if (len == 0 || (*written = roman_value(tt, len)) == 0) {
		return false;
	}
	if (tt[len] == '\0' && !cchc_text_blank(cells[COL_TASK]) && rest_blank(cells, COL_RESULT)) {
		*title = cells[COL_TASK];
		return true;
	}
	if (tt[len] == ' ' && !cchc_text_blank(tt + len) && rest_blank(cells, COL_TASK)) {
		*title = tt + len + 1;
		return true;
	}
	return false;
}

/* "1", "2.1", "2.1." → number without the trailing dot. */
static bool task_number(const char *tt, char **number)
{
	size_t len = strlen(tt);
	while (len > 0 && tt[len - 1] == '.') {
		len--;
	}
	if (len == 0 || tt[0] < '0' || tt[0] > '9') {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		bool digit = tt[i] >= '0' && tt[i] <= '9';
		if (!digit && !(tt[i] == '.' && tt[i - 1] != '.')) {
			return false;
		}
	}
	*number = cchc_xstrndup(tt, len);
	return true;
}

/* ---- task numbers ---------------------------------------------------- */

static size_t hash_number(const char *s)
{
	size_t h = 2166136261u;
	for (; *s; s++) {
		h = (h ^ (unsigned char)*s) * 16777619u;
	}
	return h;
}

static void index_clear(struct number_index *ix)
{
	for (size_t i = 0; i < ix->cap; i++) {
		free(ix->keys[i]);
	}
	free(ix->keys);
	free(ix->tasks);
	memset(ix, 0, sizeof *ix);
}

static size_t *index_slot(struct number_index *ix, const char *number, bool *found)
{
	size_t mask = ix->cap - 1;
	for (size_t i = hash_number(number) & mask;; i = (i + 1) & mask) {
		if (!ix->keys[i] || strcmp(ix->keys[i], number) == 0) {
			*found = ix->keys[i] != NULL;
			return &ix->tasks[i];
		}
	}
}

static void index_grow(struct number_index *ix)
{
	struct number_index old = *ix;
	ix->cap = old.cap ? old.cap * 2 : 64;
	ix->keys = cchc_xcalloc(ix->cap, sizeof *ix->keys);
	ix->tasks = cchc_xcalloc(ix->cap, sizeof *ix->tasks);
	for (size_t i = 0; i < old.cap; i++) {
		if (old.keys[i]) {
			bool found;
			size_t *slot = index_slot(ix, old.keys[i], &found);
			ix->keys[slot - ix->tasks] = old.keys[i];
			*slot = old.tasks[i];
		}
	}
	free(old.keys);
	free(old.tasks);
}

/* Maps number to task; a later task with the same number replaces it. */
static void index_put(struct number_index *ix, const char *number, size_t task)
{
	if ((ix->count + 1) * 2 > ix->cap) {
		index_grow(ix);
	}
	bool found;
	size_t *slot = index_slot(ix, number, &found);
	if (!found) {
		ix->keys[slot - ix->tasks] = cchc_xstrdup(number);
		ix->count++;
	}
	*slot = task;
}

static size_t index_get(struct number_index *ix, const char *number)
{
	if (ix->cap == 0) {
		return CCHC_NO_PARENT;
	}
	bool found;
	size_t *slot = index_slot(ix, number, &found);
	return found ? *slot : CCHC_NO_PARENT;
}

/* ---- drafts ---------------------------------------------------------- */

static struct draft *draft_of(struct importer *im, size_t task)
{
	return &im->drafts[task];
}

static void draft_add_row(struct importer *im, size_t task, char *const *cells)
{
	struct draft *d = draft_of(im, task);
	d->rows = cchc_xgrow(d->rows, &d->cap, d->count + 1, sizeof *d->rows);
	d->rows[d->count++] = (struct draft_row){
		.result = cchc_cell_clean(cells[COL_RESULT]),
		.deadline = cchc_cell_clean(cells[COL_DEADLINE]),
		.assignment = cchc_cell_clean(cells[COL_ASSIGNMENT]),
	};
}

static void join_into(char **target, const char *raw)
{
	char *clean = cchc_cell_clean(raw);
	char *joined = cchc_cell_join(*target, clean);
	free(clean);
	free(*target);
	*target = joined;
}

static void drafts_finish(struct importer *im)
{
	for (size_t t = 0; t < im->plan->task_count; t++) {
		struct draft *d = draft_of(im, t);
		for (size_t r = 0; r < d->count; r++) {
			free(d->rows[r].result);
			free(d->rows[r].deadline);
			free(d->rows[r].assignment);
		}
		free(d->rows);
	}
	free(im->drafts);
}

static struct cchc_task *new_task(struct importer *im, const char *number, size_t parent,
				  char *const *cells)
{
	size_t index = im->plan->task_count;
	struct cchc_task *t = cchc_plan_add_task(im->plan);
	im->drafts = cchc_xgrow(im->drafts, &im->draft_cap, im->plan->task_count, sizeof *im->drafts);
	memset(&im->drafts[index], 0, sizeof im->drafts[index]);
	struct cchc_section *s = &im->plan->sections[im->plan->section_count - 1];
	struct cchc_strbuf ref = {0};
	/* A numbered task's ref is its section and full number ("II.2.1");
	 * a lettered item hangs off its parent's ref ("II.2.2.a"). */
	bool lettered = number[0] < '0' || number[0] > '9';
	if (parent == CCHC_NO_PARENT || !lettered) {
		cchc_strbuf_printf(&ref, "%s.%s", s->code, number);
	} else {
		cchc_strbuf_printf(&ref, "%s.%s", im->plan->tasks[parent].ref, number);
	}
	if (parent != CCHC_NO_PARENT) {
		t->depth = im->plan->tasks[parent].depth + 1;
	}
	free(t->ref);
	t->ref = cchc_strbuf_steal(&ref);
	free(t->number);
	t->number = cchc_xstrdup(number);
	free(t->title);
	t->title = cchc_cell_clean(cells[COL_TASK]);
	t->parent = parent;
	t->source_line = (long)im->line;
	draft_add_row(im, index, cells);
	return t;
}

/* ---- the kinds of row ------------------------------------------------ */

static enum cchc_status fail(struct importer *im, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum cchc_status fail(struct importer *im, const char *fmt, ...)
{
	char what[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	return cchc_error_set(im->err, CCHC_ERR_INPUT, _("line %zu: %s"), im->line, what);
}

static enum cchc_status on_section(struct importer *im, int written, const char *title)
{
	int position = (int)im->plan->section_count + 1;
	const char *code = roman_text(position);
	if (written != position) {
		struct cchc_strbuf msg = {0};
		cchc_strbuf_printf(&msg, _("line %zu: section numbered %s taken as %s by its position"),
				   im->line, roman_text(written), code);
		cchc_names_add(im->notes, cchc_strbuf_str(&msg));
		cchc_strbuf_finish(&msg);
	}
	char *clean = cchc_cell_clean(title);
	cchc_plan_add_section(im->plan, code, clean);
	free(clean);
	im->last_numbered = CCHC_NO_PARENT;
	index_clear(&im->numbers);
	return CCHC_OK;
}

/* The task of this section numbered `number` (the latest, if repeated). */
static size_t find_in_section(struct importer *im, const char *number)
{
	return index_get(&im->numbers, number);
}

static size_t parent_of(struct importer *im, const char *number)
{
	const char *dot = strrchr(number, '.');
	if (!dot) {
		return CCHC_NO_PARENT;
	}
	char *path = cchc_xstrndup(number, (size_t)(dot - number));
	size_t parent = find_in_section(im, path);
	free(path);
	return parent;
}

static bool empty_group(const struct importer *im, size_t task)
{
	const struct draft *d = &im->drafts[task];
	return d->count == 1 && !*d->rows[0].result && !*d->rows[0].deadline &&
	       !*d->rows[0].assignment;
}

/* A heading row that repeats its first child's number ("2.1 Thực hiện
 * công bố…" above "2.1 Công bố TTHC…") is the group "2". */
static void regroup(struct importer *im, size_t task, const char *number)
{
	struct cchc_task *t = &im->plan->tasks[task];
	const char *dot = strrchr(number, '.');
	free(t->number);
	t->number = cchc_xstrndup(number, (size_t)(dot - number));
	struct cchc_strbuf ref = {0};
	cchc_strbuf_printf(&ref, "%s.%s", im->plan->sections[im->plan->section_count - 1].code,
			   t->number);
	free(t->ref);
	t->ref = cchc_strbuf_steal(&ref);
	index_put(&im->numbers, t->number, task);
}

static enum cchc_status on_numbered(struct importer *im, char *number)
{
	size_t last = im->last_numbered;
	if (last != CCHC_NO_PARENT && strchr(number, '.') &&
	    strcmp(im->plan->tasks[last].number, number) == 0 && empty_group(im, last) &&
	    im->plan->tasks[last].parent == CCHC_NO_PARENT) {
		regroup(im, last, number);
	}
	size_t parent = parent_of(im, number);
	struct cchc_task *t = new_task(im, number, parent, im->cells);
	im->last_numbered = im->plan->task_count - 1;
	index_put(&im->numbers, t->number, im->last_numbered);
	free(number);
	return CCHC_OK;
}

static enum cchc_status on_bullet(struct importer *im)
{
	size_t parent = im->last_numbered;
	if (parent == CCHC_NO_PARENT) {
		return fail(im, "%s", _("a list item comes before any numbered task"));
	}
	struct draft *d = draft_of(im, parent);
	char letter[16];
	unsigned n = (unsigned)d->bullets++;
	if (n < 26) {
		snprintf(letter, sizeof letter, "%c", 'a' + n);
	} else {
		snprintf(letter, sizeof letter, "%c%u", 'a' + n % 26, (n / 26) % 1000000u);
	}
	struct cchc_task *t = new_task(im, letter, parent, im->cells);
	/* The item's dash is list markup, not part of the task's name. */
	if (t->title[0] == '-' && t->title[1] == ' ') {
		memmove(t->title, t->title + 2, strlen(t->title + 2) + 1);
	}
	return CCHC_OK;
}

/* A row after a repeated header with an empty TT continues the task
 * above across the page break, cell by cell. */
static enum cchc_status on_continuation(struct importer *im)
{
	size_t task = im->plan->task_count - 1;
	struct cchc_task *t = &im->plan->tasks[task];
	struct draft *d = draft_of(im, task);
	struct draft_row *row = &d->rows[d->count - 1];
	join_into(&t->title, im->cells[COL_TASK]);
	join_into(&row->result, im->cells[COL_RESULT]);
	join_into(&row->deadline, im->cells[COL_DEADLINE]);
	join_into(&row->assignment, im->cells[COL_ASSIGNMENT]);
	return CCHC_OK;
}

/* After a page break an empty TT usually continues the task above, but a
 * row that opens with a list dash among lettered items, or under a group
 * that has none yet, is the next item. */
static bool bullet_after_break(const struct importer *im)
{
	const char *title = im->cells[COL_TASK];
	if (!(title[0] == '-' && title[1] == ' ') || im->last_numbered == CCHC_NO_PARENT) {
		return false;
	}
	const struct cchc_task *last = &im->plan->tasks[im->plan->task_count - 1];
	bool lettered = last->number[0] < '0' || last->number[0] > '9';
	return lettered || empty_group(im, im->last_numbered);
}

static enum cchc_status on_row(struct importer *im)
{
	char *const *cells = im->cells;
	int written;
	const char *title;
	char *number = NULL;
	bool after_header = im->after_header;
	im->after_header = false;
	if (section_row(cells, &written, &title)) {
		return on_section(im, written, title);
	}
	if (im->plan->section_count == 0) {
		return fail(im, "%s", _("a task comes before the first section (I, II, …)"));
	}
	if (task_number(cells[COL_TT], &number)) {
		return on_numbered(im, number);
	}
	if (!cchc_text_blank(cells[COL_TT])) {
		return fail(im, _("“%s” is neither a task number nor a section numeral"), cells[COL_TT]);
	}
	bool has_task = im->plan->sections[im->plan->section_count - 1].task_count > 0;
	if (!has_task) {
		return rest_blank(cells, COL_TASK) ? CCHC_OK : on_bullet(im);
	}
	if (after_header && !bullet_after_break(im)) {
		return on_continuation(im);
	}
	if (cchc_text_blank(cells[COL_TASK])) {
		draft_add_row(im, im->plan->task_count - 1, cells);
		return CCHC_OK;
	}
	return on_bullet(im);
}

/* ---- the document ---------------------------------------------------- */

/* "Ban hành Kế hoạch … năm 2026" before the appendix names the plan. */
static void take_title(struct importer *im, const char *line)
{
	if (*im->plan->title) {
		return;
	}
	const char *k = strstr(line, "Kế hoạch");
	if (!k) {
		k = strstr(line, "KẾ HOẠCH");
	}
	if (!k || !strstr(k, "năm")) {
		return;
	}
	char *title = cchc_cell_clean(k);
	size_t len = strlen(title);
	while (len > 0 && (title[len - 1] == ')' || title[len - 1] == '.' || title[len - 1] == ' ')) {
		title[--len] = '\0';
	}
	free(im->plan->title);
	im->plan->title = title;
	for (const char *p = title; *p; p++) {
		if ((p[0] == '1' || p[0] == '2') && strspn(p, "0123456789") == 4) {
			im->plan->year = atoi(p);
		}
	}
}

static void take_decision(struct importer *im, const char *line)
{
	if (!im->plan->decision && cchc_text_starts_with(line, "Số:")) {
		char *d = cchc_cell_clean(line + strlen("Số:"));
		if (*d) {
			im->plan->decision = d;
		} else {
			free(d);
		}
	}
}

static enum cchc_status on_line(struct importer *im, char *line)
{
	size_t n = split_cells(line, im->cells);
	if (!im->in_appendix) {
		if (n == COL_COUNT && header_row(im->cells)) {
			im->in_appendix = true;
			im->after_header = true;
		} else if (n == 1) {
			take_title(im, line);
			take_decision(im, line);
		}
		return CCHC_OK;
	}
	if (n == 1) {
		return CCHC_OK; /* prose or a blank line inside the appendix */
	}
	if (n < COL_COUNT) {
		return fail(im, _("a row of %zu cells where 5 are expected; is the document cut off?"), n);
	}
	if (n > COL_COUNT) {
		return fail(im, "%s", _("a row of more than 5 cells"));
	}
	if (header_row(im->cells)) {
		im->after_header = true;
		return CCHC_OK;
	}
	return on_row(im);
}

static enum cchc_status parse_lines(struct importer *im, char *text)
{
	/* Most documents arrive composed: one check of the whole text spares
	 * a normalised copy of every line. */
	bool composed = cchc_text_is_nfc(text);
	char *p = text;
	while (p) {
		char *nl = strchr(p, '\n');
		if (nl) {
			*nl = '\0';
		}
		im->line++;
		char *nfc = composed ? p : cchc_text_nfc(p);
		enum cchc_status s = on_line(im, nfc);
		if (!composed) {
			free(nfc);
		}
		if (s != CCHC_OK) {
			return s;
		}
		p = nl ? nl + 1 : NULL;
	}
	if (!im->in_appendix || im->plan->task_count == 0) {
		return cchc_error_set(im->err, CCHC_ERR_INPUT, "%s",
				      _("no plan table found (a header row “TT, Nhiệm vụ, Kết quả…” followed by tasks)"));
	}
	return CCHC_OK;
}

/* ---- finishing the tasks --------------------------------------------- */

static char *join_rows(const struct draft *d, size_t offset)
{
	struct cchc_strbuf out = {0};
	for (size_t r = 0; r < d->count; r++) {
		const char *cell = *(char *const *)((const char *)&d->rows[r] + offset);
		if (*cell) {
			if (out.len) {
				cchc_strbuf_putc(&out, '\n');
			}
			cchc_strbuf_puts(&out, cell);
		}
	}
	char *joined = cchc_cell_split_items(cchc_strbuf_str(&out));
	cchc_strbuf_finish(&out);
	return joined;
}

static enum cchc_status check_length(struct importer *im, const struct cchc_task *t)
{
	const char *cells[] = {t->title, t->result, t->deadline_text, t->assignment_text};
	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
		if (strlen(cells[i]) > CCHC_IMPORT_MAX_CELL) {
			im->line = (size_t)t->source_line;
			return fail(im, _("task %s has a cell longer than 16384 bytes"), t->ref);
		}
	}
	return CCHC_OK;
}

static enum cchc_status row_milestones(struct importer *im, struct cchc_task *t,
				       const struct draft *d)
{
	for (size_t r = 0; r < d->count; r++) {
		char *deadline = cchc_cell_split_items(d->rows[r].deadline);
		size_t before = t->milestones.count;
		struct cchc_error local;
		enum cchc_status s = cchc_deadline_parse(deadline, im->plan->year, &t->milestones, &local);
		free(deadline);
		if (s != CCHC_OK) {
			im->line = (size_t)t->source_line;
			return fail(im, "%s", local.message);
		}
		/* A task with several deliverable rows names each milestone
		 * after its deliverable. */
		bool relabel = d->count > 1 && t->milestones.count == before + 1 && *d->rows[r].result;
		if (relabel) {
			free(t->milestones.items[before].label);
			t->milestones.items[before].label = cchc_xstrdup(d->rows[r].result);
		}
	}
	return CCHC_OK;
}

static enum cchc_status finish_task(struct importer *im, size_t index)
{
	struct cchc_task *t = &im->plan->tasks[index];
	const struct draft *d = draft_of(im, index);
	char *split = cchc_cell_split_items(t->title);
	free(t->title);
	t->title = split;
	free(t->result);
	t->result = join_rows(d, offsetof(struct draft_row, result));
	free(t->deadline_text);
	t->deadline_text = join_rows(d, offsetof(struct draft_row, deadline));
	free(t->assignment_text);
	t->assignment_text = join_rows(d, offsetof(struct draft_row, assignment));
	enum cchc_status s = check_length(im, t);
	if (s == CCHC_OK) {
		s = row_milestones(im, t, d);
	}
	if (s == CCHC_OK) {
		cchc_agency_assign(im->catalogue, t->assignment_text, &t->lead, &t->coordinating);
	}
	return s;
}

enum cchc_status cchc_import_parse(const char *bytes, size_t n,
				   const struct cchc_import_options *options,
				   const struct cchc_agency_catalogue *catalogue,
				   struct cchc_plan **out, struct cchc_names *notes,
				   struct cchc_error *err)
{
	*out = NULL;
	struct cchc_strbuf text = {0};
	enum cchc_status s = cchc_decode_document(bytes, n, options ? options->encoding : NULL,
						  &text, err);
	if (s != CCHC_OK) {
		return s;
	}
	struct importer im = {
		.catalogue = catalogue,
		.plan = cchc_plan_create(),
		.notes = notes,
		.err = err,
		.last_numbered = CCHC_NO_PARENT,
	};
	s = parse_lines(&im, text.data ? text.data : (char[]){""});
	for (size_t i = 0; s == CCHC_OK && i < im.plan->task_count; i++) {
		s = finish_task(&im, i);
	}
	drafts_finish(&im);
	index_clear(&im.numbers);
	cchc_strbuf_finish(&text);
	if (s != CCHC_OK) {
		cchc_plan_destroy(im.plan);
		return s;
	}
	*out = im.plan;
	return CCHC_OK;
}
