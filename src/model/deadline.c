// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cchc/deadline.h"
#include "cchc/i18n.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"

/* A scanner over one line of a deadline cell. */
struct scan {
	const char *line;
	size_t pos;
	size_t len;
	int plan_year;
	struct cchc_milestones *out;
	struct cchc_error *err;
	bool failed;
};

static utf8proc_int32_t cp_at(const char *s, size_t n, size_t *adv)
{
	utf8proc_int32_t cp = 0;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
	*adv = k > 0 ? (size_t)k : 1;
	return k > 0 ? cp : -1;
}

static bool is_word_cp(utf8proc_int32_t cp)
{
	if (cp < 0) {
		return false;
	}
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_MN) ||
	       c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ND;
}

/* Bytes of sc->line at pos that spell `word` (given in lower case) ignoring
 * case and ending at a word boundary; 0 when they do not. */
static size_t lit_at(const struct scan *sc, size_t pos, const char *word)
{
	size_t i = pos;
	size_t j = 0;
	size_t wlen = strlen(word);
	utf8proc_int32_t last = -1;
	while (j < wlen) {
		if (i >= sc->len) {
			return 0;
		}
		size_t ai, aj;
		utf8proc_int32_t a = cp_at(sc->line + i, sc->len - i, &ai);
		last = cp_at(word + j, wlen - j, &aj);
		if (utf8proc_tolower(a) != last) {
			return 0;
		}
		i += ai;
		j += aj;
	}
	size_t adv;
	if (i < sc->len && is_word_cp(last) && is_word_cp(cp_at(sc->line + i, sc->len - i, &adv))) {
		return 0;
	}
	return i - pos;
}

static size_t skip_spaces(const struct scan *sc, size_t pos)
{
	while (pos < sc->len && sc->line[pos] == ' ') {
		pos++;
	}
	return pos;
}

/* Reads 1–max digits at pos; returns bytes read (0 if none). */
static size_t number_at(const struct scan *sc, size_t pos, int max, int *value)
{
	size_t i = pos;
	int v = 0;
	while (i < sc->len && sc->line[i] >= '0' && sc->line[i] <= '9' && (int)(i - pos) < max) {
		v = v * 10 + (sc->line[i] - '0');
		i++;
	}
	if (i < sc->len && sc->line[i] >= '0' && sc->line[i] <= '9') {
		return 0;
	}
	*value = v;
	return i - pos;
}

/* "/2026", " năm 2026" or "/ 2026" after a month, quarter or day. */
static size_t year_suffix_at(const struct scan *sc, size_t pos, int *year)
{
	size_t i = skip_spaces(sc, pos);
	size_t n = 0;
	if (i < sc->len && sc->line[i] == '/') {
		i = skip_spaces(sc, i + 1);
	} else if ((n = lit_at(sc, i, "năm")) > 0) {
		i = skip_spaces(sc, i + n);
	} else {
		return 0;
	}
	n = number_at(sc, i, 4, year);
	return n == 4 ? i + n - pos : 0;
}

static bool fail(struct scan *sc, size_t start, size_t end, const char *why)
{
	cchc_error_set(sc->err, CCHC_ERR_INPUT, _("“%.*s” is not a real date: %s"),
		       (int)(end - start), sc->line + start, why);
	sc->failed = true;
	return false;
}

static char *span(const struct scan *sc, size_t start, size_t end)
{
	return cchc_xstrndup(sc->line + start, end - start);
}

static void add(struct scan *sc, size_t start, size_t end, enum cchc_milestone_kind kind,
		cchc_day from, cchc_day due)
{
	char *label = span(sc, start, end);
	cchc_milestones_add(sc->out, label, kind, from, due);
	free(label);
}

static bool month_ok(struct scan *sc, size_t start, size_t end, int year, int month)
{
	if (month < 1 || month > 12) {
		return fail(sc, start, end, _("there is no such month"));
	}
	if (!cchc_date_valid(year, month, 1)) {
		return fail(sc, start, end, _("the year is out of range"));
	}
	return true;
}

static cchc_day month_end(int year, int month)
{
	return cchc_date_from_ymd(year, month, cchc_date_days_in_month(year, month));
}

/* "tháng 9/2026", "tháng 01 năm 2026" */
static size_t rec_month(struct scan *sc, size_t pos)
{
	size_t n = lit_at(sc, pos, "tháng");
	if (!n) {
		return 0;
	}
	size_t i = skip_spaces(sc, pos + n);
	int month, year;
	size_t k = number_at(sc, i, 2, &month);
	if (!k) {
		return 0;
	}
	size_t y = year_suffix_at(sc, i + k, &year);
	if (!y) {
		return 0;
	}
	size_t end = i + k + y;
	if (month_ok(sc, pos, end, year, month)) {
		add(sc, pos, end, CCHC_KIND_DATE, CCHC_NO_DAY, month_end(year, month));
	}
	return end - pos;
}

/* "Từ tháng 6 - tháng 11/2026", "tháng 6 đến tháng 11/2026" */
static size_t rec_range(struct scan *sc, size_t pos)
{
	size_t i = pos;
	size_t n = lit_at(sc, i, "từ");
	i = n ? skip_spaces(sc, i + n) : i;
	if (!(n = lit_at(sc, i, "tháng"))) {
		return 0;
	}
	int m1, y1 = 0, m2, y2;
	size_t k = number_at(sc, i = skip_spaces(sc, i + n), 2, &m1);
	if (!k) {
		return 0;
	}
	i += k;
	size_t y = year_suffix_at(sc, i, &y1);
	i = skip_spaces(sc, i + y);
	if (i < sc->len && (sc->line[i] == '-')) {
		n = 1;
	} else if (!(n = lit_at(sc, i, "đến")) && !(n = lit_at(sc, i, "–"))) {
		return 0;
	}
	i = skip_spaces(sc, i + n);
	if (!(n = lit_at(sc, i, "tháng"))) {
		return 0;
	}
	k = number_at(sc, i = skip_spaces(sc, i + n), 2, &m2);
	size_t y2n = k ? year_suffix_at(sc, i + k, &y2) : 0;
	if (!y2n) {
		return 0;
	}
	size_t end = i + k + y2n;
	y1 = y ? y1 : y2;
	if (month_ok(sc, pos, end, y1, m1) && month_ok(sc, pos, end, y2, m2)) {
		add(sc, pos, end, CCHC_KIND_RANGE, cchc_date_from_ymd(y1, m1, 1), month_end(y2, m2));
	}
	return end - pos;
}

static int quarter_number(const struct scan *sc, size_t pos, size_t *len)
{
	static const char *const romans[] = {"iv", "iii", "ii", "i", "4", "3", "2", "1"};
	static const int values[] = {4, 3, 2, 1, 4, 3, 2, 1};
	for (size_t r = 0; r < sizeof romans / sizeof *romans; r++) {
		size_t n = lit_at(sc, pos, romans[r]);
		if (n) {
			*len = n;
			return values[r];
		}
	}
	return 0;
}

/* "Quý III/2026" */
static size_t rec_quarter(struct scan *sc, size_t pos)
{
	size_t n = lit_at(sc, pos, "quý");
	if (!n) {
		return 0;
	}
	size_t i = skip_spaces(sc, pos + n);
	size_t k = 0;
	int q = quarter_number(sc, i, &k);
	int year;
	size_t y = q ? year_suffix_at(sc, i + k, &year) : 0;
	if (!y) {
		return 0;
	}
	size_t end = i + k + y;
	if (month_ok(sc, pos, end, year, q * 3)) {
		add(sc, pos, end, CCHC_KIND_DATE, CCHC_NO_DAY, month_end(year, q * 3));
	}
	return end - pos;
}

/* "6 tháng đầu năm 2026", "6 tháng cuối năm 2026" */
static size_t rec_half(struct scan *sc, size_t pos)
{
	int six;
	size_t i = pos;
	size_t n = number_at(sc, i, 1, &six);
	if (!n || six != 6) {
		return 0;
	}
	i = skip_spaces(sc, i + n);
	if (!(n = lit_at(sc, i, "tháng"))) {
		return 0;
	}
	i = skip_spaces(sc, i + n);
	bool first = (n = lit_at(sc, i, "đầu")) > 0;
	if (!first && !(n = lit_at(sc, i, "cuối"))) {
		return 0;
	}
	int year;
	size_t y = year_suffix_at(sc, i + n, &year);
	if (!y) {
		return 0;
	}
	size_t end = i + n + y;
	if (!month_ok(sc, pos, end, year, 12)) {
		return end - pos;
	}
	if (first) {
		add(sc, pos, end, CCHC_KIND_DATE, CCHC_NO_DAY, month_end(year, 6));
	} else {
		add(sc, pos, end, CCHC_KIND_RANGE, cchc_date_from_ymd(year, 7, 1), month_end(year, 12));
	}
	return end - pos;
}

/* "31/12/2026", "30/6/2026" */
static size_t rec_day(struct scan *sc, size_t pos)
{
	int d, m, y;
	size_t i = pos;
	size_t n = number_at(sc, i, 2, &d);
	if (!n || i + n >= sc->len || sc->line[i + n] != '/') {
		return 0;
	}
	i += n + 1;
	n = number_at(sc, i, 2, &m);
	if (!n || i + n >= sc->len || sc->line[i + n] != '/') {
		return 0;
	}
	i += n + 1;
	n = number_at(sc, i, 4, &y);
	if (n != 4) {
		return 0;
	}
	size_t end = i + n;
	if (!cchc_date_valid(y, m, d)) {
		fail(sc, pos, end, _("there is no such day"));
		return end - pos;
	}
	add(sc, pos, end, CCHC_KIND_DATE, CCHC_NO_DAY, cchc_date_from_ymd(y, m, d));
	return end - pos;
}

/* "Trong năm 2026", "Năm 2026", "cả năm 2026", and "Trong năm" alone. */
static size_t rec_year(struct scan *sc, size_t pos)
{
	size_t i = pos;
	size_t n = lit_at(sc, i, "trong");
	if (!n) {
		n = lit_at(sc, i, "cả");
	}
	bool lead = n > 0;
	i = lead ? skip_spaces(sc, i + n) : i;
	if (!(n = lit_at(sc, i, "năm"))) {
		return 0;
	}
	size_t after = i + n;
	int year;
	size_t k = number_at(sc, skip_spaces(sc, after), 4, &year);
	size_t end = k == 4 ? skip_spaces(sc, after) + k : after;
	if (k != 4) {
		if (!lead || sc->plan_year == 0) {
			return 0;
		}
		year = sc->plan_year;
	}
	if (month_ok(sc, pos, end, year, 12)) {
		add(sc, pos, end, CCHC_KIND_DATE, CCHC_NO_DAY, month_end(year, 12));
	}
	return end - pos;
}

static size_t rest_of_line(struct scan *sc, size_t pos, enum cchc_milestone_kind kind)
{
	size_t end = sc->len;
	while (end > pos && (sc->line[end - 1] == ' ' || sc->line[end - 1] == '.')) {
		end--;
	}
	add(sc, pos, end, kind, CCHC_NO_DAY, CCHC_NO_DAY);
	return sc->len - pos;
}

static size_t match_any(const struct scan *sc, size_t pos, const char *const *words)
{
	for (; *words; words++) {
		size_t n = lit_at(sc, pos, *words);
		if (n) {
			return n;
		}
	}
	return 0;
}

static size_t rec_ongoing(struct scan *sc, size_t pos)
{
	static const char *const words[] = {"thường xuyên", "hằng năm", "hàng năm", "định kỳ",
					    "thực hiện liên tục", "liên tục", NULL};
	return match_any(sc, pos, words) ? rest_of_line(sc, pos, CCHC_KIND_ONGOING) : 0;
}

static size_t rec_condition(struct scan *sc, size_t pos)
{
	static const char *const words[] = {"sau khi", NULL};
	return match_any(sc, pos, words) ? rest_of_line(sc, pos, CCHC_KIND_EXTERNAL) : 0;
}

static size_t rec_external(struct scan *sc, size_t pos)
{
	static const char *const words[] = {"theo", "căn cứ", "khi có", "tùy theo", "tuỳ theo",
					    NULL};
	return match_any(sc, pos, words) ? rest_of_line(sc, pos, CCHC_KIND_EXTERNAL) : 0;
}

typedef size_t (*recogniser)(struct scan *sc, size_t pos);

/* Recognisers tried anywhere in a line, most specific first. */
static const recogniser strong[] = {rec_range, rec_half, rec_quarter, rec_month, rec_day,
				    rec_ongoing, rec_condition};
/* Recognisers tried only where a phrase may begin, so that "Kế hoạch năm
 * 2026" in a label is not read as a deadline. */
static const recogniser weak[] = {rec_year, rec_external};

/* Words that join phrases without being one ("Đến 31/12/2026"). */
static size_t filler_at(const struct scan *sc, size_t pos)
{
	static const char *const words[] = {"đến ngày", "đến", "trước ngày", "trước", "ngày",
					    "chậm nhất", "hạn", "và", "hoặc", "trong", "từ",
					    "-", "–", NULL};
	return match_any(sc, pos, words);
}

static size_t try_all(struct scan *sc, size_t pos, const recogniser *list, size_t count)
{
	for (size_t r = 0; r < count; r++) {
		size_t n = list[r](sc, pos);
		if (n || sc->failed) {
			return n;
		}
	}
	return 0;
}

static size_t skip_parens(const struct scan *sc, size_t pos)
{
	int depth = 0;
	size_t i = pos;
	for (; i < sc->len; i++) {
		depth += sc->line[i] == '(';
		depth -= sc->line[i] == ')';
		if (depth == 0) {
			return i + 1 - pos;
		}
	}
	return i - pos;
}

static size_t skip_word(const struct scan *sc, size_t pos)
{
	size_t i = pos;
	while (i < sc->len && sc->line[i] != ' ' && sc->line[i] != ',' && sc->line[i] != ';' &&
	       sc->line[i] != '(') {
		i++;
	}
	return i > pos ? i - pos : 1;
}

/* After "Tháng 02/2026:" the rest of the line names the milestone. */
static bool take_colon_label(struct scan *sc, size_t pos)
{
	size_t i = skip_spaces(sc, pos);
	if (i >= sc->len || sc->line[i] != ':' || sc->out->count == 0) {
		return false;
	}
	i = skip_spaces(sc, i + 1);
	if (i >= sc->len) {
		return false;
	}
	struct cchc_milestone *m = &sc->out->items[sc->out->count - 1];
	free(m->label);
	m->label = span(sc, i, sc->len);
	return true;
}

static size_t strip_bullet(const char *line, size_t len)
{
	if (len >= 2 && (line[0] == '-' || line[0] == '+' || line[0] == '*') && line[1] == ' ') {
		return 2;
	}
	if (len >= 4 && memcmp(line, "\xE2\x80\xA2 ", 4) == 0) {
		return 4;
	}
	return 0;
}

static void scan_line(struct scan *sc)
{
	bool phrase_start = true;
	bool labelled = false;
	size_t first = sc->out->count;
	while (sc->pos < sc->len && !sc->failed) {
		char c = sc->line[sc->pos];
		if (c == '(') {
			sc->pos += skip_parens(sc, sc->pos);
			continue;
		}
		if (c == ' ' || c == ',' || c == ';' || c == '.' || c == ':') {
			phrase_start = phrase_start || c != ' ';
			sc->pos++;
			continue;
		}
		size_t n = try_all(sc, sc->pos, strong, sizeof strong / sizeof *strong);
		if (!n && phrase_start && !sc->failed) {
			n = try_all(sc, sc->pos, weak, sizeof weak / sizeof *weak);
		}
		if (n) {
			sc->pos += n;
			phrase_start = true;
			if (take_colon_label(sc, sc->pos)) {
				labelled = true;
				break;
			}
			continue;
		}
		if ((n = filler_at(sc, sc->pos)) > 0) {
			sc->pos += n;
			continue;
		}
		sc->pos += skip_word(sc, sc->pos);
		phrase_start = false;
	}
	if (sc->failed) {
		return;
	}
	size_t added = sc->out->count - first;
	if (added == 1 && !labelled) {
		free(sc->out->items[first].label);
		sc->out->items[first].label = cchc_xstrndup(sc->line, sc->len);
	} else if (added == 0 && !cchc_text_blank(sc->line)) {
		rest_of_line(sc, 0, CCHC_KIND_EXTERNAL);
	}
}

static void parse_lines(struct scan *sc, char *text)
{
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line && !sc->failed;
	     line = strtok_r(NULL, "\n", &save)) {
		cchc_text_squeeze(line);
		size_t len = strlen(line);
		size_t skip = strip_bullet(line, len);
		sc->line = line + skip;
		sc->len = len - skip;
		sc->pos = 0;
		scan_line(sc);
	}
}

enum cchc_status cchc_deadline_parse(const char *text, int plan_year,
				     struct cchc_milestones *out, struct cchc_error *err)
{
	char *copy = cchc_text_nfc(text);
	struct cchc_milestones found = {0};
	struct scan sc = {.plan_year = plan_year, .out = &found, .err = err};
	parse_lines(&sc, copy);
	free(copy);
	if (sc.failed) {
		cchc_milestones_finish(&found);
		return CCHC_ERR_INPUT;
	}
	for (size_t i = 0; i < found.count; i++) {
		struct cchc_milestone *m = &found.items[i];
		cchc_milestones_add(out, m->label, m->kind, m->start, m->due);
	}
	cchc_milestones_finish(&found);
	return CCHC_OK;
}
