// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cchc/agency.h"
#include "cchc/i18n.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"

extern const char *const cchc_agency_catalogue[];

/* One spelling, case folded, pointing at its agency. */
struct spelling {
	char *folded;
	size_t len;
	size_t first_word; /* bytes of the first word, the lookup key */
	size_t agency;
};

struct cchc_agency_catalogue {
	struct cchc_agency *agencies;
	size_t count;
	size_t cap;
	struct spelling *spellings;
	size_t spelling_count;
	size_t spelling_cap;
	bool sorted;
};

struct cchc_agency_catalogue *cchc_agency_catalogue_create(void)
{
	return cchc_xcalloc(1, sizeof(struct cchc_agency_catalogue));
}

void cchc_agency_catalogue_destroy(struct cchc_agency_catalogue *cat)
{
	if (!cat) {
		return;
	}
	for (size_t i = 0; i < cat->count; i++) {
		free(cat->agencies[i].name);
		free(cat->agencies[i].short_name);
		cchc_names_finish(&cat->agencies[i].aliases);
	}
	for (size_t i = 0; i < cat->spelling_count; i++) {
		free(cat->spellings[i].folded);
	}
	free(cat->agencies);
	free(cat->spellings);
	free(cat);
}

size_t cchc_agency_catalogue_size(const struct cchc_agency_catalogue *cat)
{
	return cat->count;
}

const struct cchc_agency *cchc_agency_catalogue_get(const struct cchc_agency_catalogue *cat,
						    size_t index)
{
	return &cat->agencies[index];
}

static size_t word_len(const char *s)
{
	size_t n = 0;
	while (s[n] && s[n] != ' ' && s[n] != ',' && s[n] != ';' && s[n] != ':' &&
	       s[n] != '(' && s[n] != ')' && s[n] != '/') {
		n++;
	}
	return n;
}

static void ensure_sorted(struct cchc_agency_catalogue *cat);

static void add_spelling(struct cchc_agency_catalogue *cat, const char *text, size_t agency)
{
	char *nfc = cchc_text_nfc(text);
	cchc_text_squeeze(nfc);
	char *folded = cchc_text_lower(nfc);
	free(nfc);
	if (!*folded) {
		free(folded);
		return;
	}
	cat->spellings = cchc_xgrow(cat->spellings, &cat->spelling_cap, cat->spelling_count + 1,
				    sizeof *cat->spellings);
	cat->spellings[cat->spelling_count++] = (struct spelling){
		.folded = folded,
		.len = strlen(folded),
		.first_word = word_len(folded),
		.agency = agency,
	};
	cat->sorted = false;
}

static size_t find_agency(const struct cchc_agency_catalogue *cat, const char *name)
{
	for (size_t i = 0; i < cat->count; i++) {
		if (strcmp(cat->agencies[i].name, name) == 0) {
			return i;
		}
	}
	return (size_t)-1;
}

void cchc_agency_catalogue_add(struct cchc_agency_catalogue *cat, const char *name,
			       bool collective, const char *alias)
{
	char *canon = cchc_text_nfc(name);
	cchc_text_squeeze(canon);
	size_t index = find_agency(cat, canon);
	if (index == (size_t)-1) {
		cat->agencies = cchc_xgrow(cat->agencies, &cat->cap, cat->count + 1,
					   sizeof *cat->agencies);
		index = cat->count++;
		cat->agencies[index] = (struct cchc_agency){.name = canon, .collective = collective};
		add_spelling(cat, canon, index);
	} else {
		free(canon);
	}
	if (alias && *alias) {
		char *a = cchc_text_nfc(alias);
		cchc_text_squeeze(a);
		cchc_names_add(&cat->agencies[index].aliases, a);
		add_spelling(cat, a, index);
		free(a);
	}
	ensure_sorted(cat);
}

/* Next tab-separated field of *line, empty fields kept. */
static char *next_field(char **line)
{
	char *field = *line;
	if (!field) {
		return "";
	}
	char *tab = strchr(field, '\t');
	*line = tab ? tab + 1 : NULL;
	if (tab) {
		*tab = '\0';
	}
	return field;
}

static void load_line(struct cchc_agency_catalogue *cat, char *line)
{
	char *name = next_field(&line);
	char *kind = next_field(&line);
	char *aliases = next_field(&line);
	char *short_name = next_field(&line);
	bool collective = strcmp(kind, "collective") == 0;
	cchc_agency_catalogue_add(cat, name, collective, NULL);
	char *asave = NULL;
	for (char *a = strtok_r(aliases, "|", &asave); a; a = strtok_r(NULL, "|", &asave)) {
		cchc_agency_catalogue_add(cat, name, collective, a);
	}
	if (*short_name) {
		char *canon = cchc_text_nfc(name);
		cchc_text_squeeze(canon);
		struct cchc_agency *agency = &cat->agencies[find_agency(cat, canon)];
		free(agency->short_name);
		agency->short_name = cchc_text_nfc(short_name);
		free(canon);
	}
}

enum cchc_status cchc_agency_catalogue_load(struct cchc_agency_catalogue *cat, const char *tsv,
					    struct cchc_error *err)
{
	if (cchc_text_utf8_invalid(tsv, strlen(tsv)) != strlen(tsv)) {
		return cchc_error_set(err, CCHC_ERR_INPUT, "%s",
				      _("the agency catalogue is not valid UTF-8"));
	}
	char *copy = cchc_xstrdup(tsv);
	char *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (line[0] != '#' && !cchc_text_blank(line)) {
			load_line(cat, line);
		}
	}
	free(copy);
	return CCHC_OK;
}

struct cchc_agency_catalogue *cchc_agency_catalogue_builtin(void)
{
	struct cchc_agency_catalogue *cat = cchc_agency_catalogue_create();
	cchc_agency_catalogue_load(cat, cchc_agency_catalogue[0], NULL);
	return cat;
}

/* Spellings sorted by first word, longest first within a word, so a
 * binary search finds every candidate and the first that fits is the
 * longest. */
static int spelling_cmp(const void *a, const void *b)
{
	const struct spelling *x = a, *y = b;
	size_t n = x->first_word < y->first_word ? x->first_word : y->first_word;
	int c = memcmp(x->folded, y->folded, n);
	if (c) {
		return c;
	}
	if (x->first_word != y->first_word) {
		return x->first_word < y->first_word ? -1 : 1;
	}
	return x->len > y->len ? -1 : x->len < y->len;
}

static void ensure_sorted(struct cchc_agency_catalogue *cat)
{
	if (!cat->sorted && cat->spelling_count) {
		qsort(cat->spellings, cat->spelling_count, sizeof *cat->spellings, spelling_cmp);
		cat->sorted = true;
	}
}

static int word_cmp(const char *w, size_t wlen, const struct spelling *s)
{
	size_t n = wlen < s->first_word ? wlen : s->first_word;
	int c = memcmp(w, s->folded, n);
	if (c) {
		return c;
	}
	return wlen < s->first_word ? -1 : wlen > s->first_word;
}

static bool boundary(const char *s)
{
	unsigned char c = (unsigned char)*s;
	return c == '\0' || c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' ||
	       c == ')' || c == '(' || c == '/' || c == '-';
}

/* Agency index of the longest spelling starting at text, or -1; *len gets
 * its length in bytes. */
static size_t match_at(const struct cchc_agency_catalogue *cat, const char *text, size_t *len)
{
	size_t wlen = word_len(text);
	if (wlen == 0) {
		return (size_t)-1;
	}
	size_t lo = 0, hi = cat->spelling_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (word_cmp(text, wlen, &cat->spellings[mid]) > 0) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	for (size_t i = lo; i < cat->spelling_count && word_cmp(text, wlen, &cat->spellings[i]) == 0;
	     i++) {
		const struct spelling *s = &cat->spellings[i];
		if (strncmp(text, s->folded, s->len) == 0 && boundary(text + s->len)) {
			*len = s->len;
			return s->agency;
		}
	}
	return (size_t)-1;
}

/* ---- reading an assignment ------------------------------------------ */

/* ROLE_SUBJECT: opens an item and acts ("X thực hiện", "X phối hợp Y …");
 * ROLE_SUPPORT: opens an item with a reviewing verb ("X thẩm định");
 * ROLE_COORD_FORM: opens an item that only coordinates ("X: phối hợp,
 * hướng dẫn …"); ROLE_OBJECT: named after "phối hợp". */
enum role { ROLE_OTHER, ROLE_SUBJECT, ROLE_SUPPORT, ROLE_LEAD, ROLE_COORD_FORM, ROLE_OBJECT };

struct mention {
	size_t agency;  /* or -1 with a new name */
	char *new_name; /* a name before "chủ trì" that the catalogue lacks */
	enum role role;
	size_t item;
};

struct reading {
	const struct cchc_agency_catalogue *cat;
	struct mention *mentions;
	size_t count;
	size_t cap;
};

static void note(struct reading *r, size_t agency, char *new_name, enum role role, size_t item)
{
	r->mentions = cchc_xgrow(r->mentions, &r->cap, r->count + 1, sizeof *r->mentions);
	r->mentions[r->count++] = (struct mention){agency, new_name, role, item};
}

static bool word_is(const char *s, const char *const *words, size_t *len)
{
	for (; *words; words++) {
		size_t n = strlen(*words);
		if (strncmp(s, *words, n) == 0 && boundary(s + n)) {
			*len = n;
			return true;
		}
	}
	return false;
}

/* Words after which a named agency is an addressee, not a participant
 * ("tham mưu UBND tỉnh", "trình Chủ tịch UBND tỉnh", "của UBND tỉnh"). */
static const char *const addressee_words[] = {"tham mưu", "trình", "của", "giúp", "cho", "do",
					      NULL};
/* Words that may sit between the agencies of a subject. */
static const char *const subject_glue[] = {"và", "các", "đơn vị", "tổ chức", "cùng", NULL};
/* Verbs after which the agencies that open an item review or help rather
 * than carry the task. */
static const char *const support_words[] = {"thẩm định", "thẩm tra", "có ý kiến", "hướng dẫn",
					    "đôn đốc", "đơn đốc", "theo dõi", "tổng hợp", NULL};
static const char *const lead_words[] = {"chủ trì", NULL};
static const char *const coord_words[] = {"phối hợp", NULL};

/* State while reading one list item of an assignment. */
struct item_scan {
	const char *p;
	size_t item;
	bool in_subject;      /* no verb seen yet */
	bool subject_seen;    /* at least one agency in the subject */
	bool after_coord;     /* a "phối hợp" has been read */
	int addressee;        /* words left in which an agency is an addressee */
	bool prev_excluded;   /* the previous agency was an addressee */
	bool only_glue_since; /* nothing but punctuation since the last agency */
	size_t subject_start; /* index of the first mention of this item */
};

static void set_subject_role(struct reading *r, const struct item_scan *st, enum role role)
{
	for (size_t i = st->subject_start; i < r->count; i++) {
		if (r->mentions[i].role == ROLE_SUBJECT) {
			r->mentions[i].role = role;
		}
	}
}

static void on_marker(struct reading *r, struct item_scan *st, bool lead, const char *after)
{
	if (st->in_subject && st->subject_seen) {
		if (lead) {
			set_subject_role(r, st, ROLE_LEAD);
		} else {
			/* "X phối hợp Y" keeps X in front; "X: phối hợp, hướng
			 * dẫn Y" or "X phối hợp" alone puts X behind. */
			while (*after == ' ') {
				after++;
			}
			if (strncmp(after, "với ", strlen("với ")) == 0) {
				after += strlen("với ");
			}
			size_t len;
			if (match_at(r->cat, after, &len) == (size_t)-1) {
				set_subject_role(r, st, ROLE_COORD_FORM);
			}
		}
	}
	st->in_subject = false;
	if (!lead) {
		st->after_coord = true;
	}
}

static void on_agency(struct reading *r, struct item_scan *st, size_t agency)
{
	bool excluded = st->addressee > 0 || (st->prev_excluded && st->only_glue_since);
	st->prev_excluded = excluded;
	st->only_glue_since = true;
	st->addressee = 0;
	if (excluded) {
		return;
	}
	enum role role = st->in_subject ? ROLE_SUBJECT : st->after_coord ? ROLE_OBJECT : ROLE_OTHER;
	if (st->in_subject) {
		st->subject_seen = true;
	}
	note(r, agency, NULL, role, st->item);
}

/* A word that is neither an agency nor a marker. The first one after the
 * opening agencies is their verb; an item that opens with a word ("Căn
 * cứ …, Sở X …") has no subject. */
static void on_word(struct reading *r, struct item_scan *st, bool glue)
{
	if (!glue && st->in_subject && st->subject_seen) {
		size_t len;
		if (word_is(st->p, support_words, &len)) {
			set_subject_role(r, st, ROLE_SUPPORT);
		}
	}
	if (!glue) {
		st->in_subject = false;
	}
	st->only_glue_since = st->only_glue_since && glue;
}

static void scan_item(struct reading *r, const char *folded, size_t item)
{
	struct item_scan st = {.p = folded, .item = item, .in_subject = true,
			       .subject_start = r->count};
	while (*st.p) {
		size_t len = 0;
		unsigned char c = (unsigned char)*st.p;
		if (c == '(') {
			const char *close = strchr(st.p, ')');
			st.p = close ? close + 1 : st.p + strlen(st.p);
			continue;
		}
		if (c == ' ' || c == ',' || c == ';' || c == ':' || c == '/' || c == '.' || c == ')') {
			st.p++;
			continue;
		}
		size_t agency = match_at(r->cat, st.p, &len);
		if (agency != (size_t)-1) {
			on_agency(r, &st, agency);
		} else if (word_is(st.p, lead_words, &len)) {
			on_marker(r, &st, true, st.p + len);
		} else if (word_is(st.p, coord_words, &len)) {
			on_marker(r, &st, false, st.p + len);
		} else if (word_is(st.p, addressee_words, &len)) {
			/* "trình HĐND/UBND tỉnh": the addressee may follow
			 * one word later. */
			st.addressee = 2;
			on_word(r, &st, false);
		} else {
			bool glue = word_is(st.p, subject_glue, &len);
			len = glue ? len : word_len(st.p);
			len = len ? len : 1;
			st.addressee = st.addressee > 0 ? st.addressee - 1 : 0;
			on_word(r, &st, glue);
		}
		st.p += len;
	}
}

/* Strips "- ", "+ ", "1. " and "a) " from the front of an item. */
static const char *item_body(const char *s)
{
	while (*s == ' ') {
		s++;
	}
	if ((*s == '-' || *s == '+' || *s == '*') && s[1] == ' ') {
		return s + 2;
	}
	const char *d = s;
	while (*d >= '0' && *d <= '9') {
		d++;
	}
	if (d > s && (*d == '.' || *d == ')') && d[1] == ' ') {
		return d + 2;
	}
	return s;
}

/* "Cơ quan chủ trì: X" and "Cơ quan phối hợp: Y" name the roles first. */
static bool labelled_item(struct reading *r, const char *body, size_t item)
{
	static const char lead_label[] = "cơ quan chủ trì";
	static const char coord_label[] = "cơ quan phối hợp";
	bool lead = strncmp(body, lead_label, strlen(lead_label)) == 0;
	bool coord = strncmp(body, coord_label, strlen(coord_label)) == 0;
	if (!lead && !coord) {
		return false;
	}
	size_t first = r->count;
	scan_item(r, body + strlen(lead ? lead_label : coord_label), item);
	for (size_t i = first; i < r->count; i++) {
		r->mentions[i].role = lead ? ROLE_LEAD : ROLE_OBJECT;
	}
	return true;
}

/* A name the catalogue lacks, written before "chủ trì" in the original. */
static char *unknown_lead(const char *original_item)
{
	const char *body = item_body(original_item);
	const char *mark = strstr(body, "chủ trì");
	if (!mark) {
		mark = strstr(body, "Chủ trì");
	}
	if (!mark || mark == body) {
		return NULL;
	}
	size_t n = (size_t)(mark - body);
	while (n > 0 && (body[n - 1] == ' ' || body[n - 1] == ',' || body[n - 1] == ':')) {
		n--;
	}
	if (n == 0 || n > 120) {
		return NULL;
	}
	return cchc_xstrndup(body, n);
}

static void read_items(struct reading *r, const char *text)
{
	char *copy = cchc_xstrdup(text);
	char *save = NULL;
	size_t item = 0;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *folded = cchc_text_lower(line);
		const char *body = item_body(folded);
		size_t before = r->count;
		if (!labelled_item(r, body, item)) {
			scan_item(r, body, item);
		}
		char *name = r->count == before ? unknown_lead(line) : NULL;
		if (name) {
			note(r, (size_t)-1, name, ROLE_LEAD, item);
		}
		free(folded);
		item++;
	}
	free(copy);
}

static const char *mention_name(const struct reading *r, const struct mention *m)
{
	return m->new_name ? m->new_name : r->cat->agencies[m->agency].name;
}

/* Turns every mention with role `from` (and, for objects, only those in
 * items whose subject only coordinates) into a lead; true if any. */
static bool promote(struct reading *r, enum role from)
{
	bool any = false;
	for (size_t i = 0; i < r->count; i++) {
		struct mention *m = &r->mentions[i];
		if (m->role != from) {
			continue;
		}
		if (from == ROLE_OBJECT) {
			bool coordinated = false;
			for (size_t j = 0; j < r->count; j++) {
				coordinated |= r->mentions[j].item == m->item &&
					       r->mentions[j].role == ROLE_COORD_FORM;
			}
			if (!coordinated) {
				continue;
			}
		}
		m->role = ROLE_LEAD;
		any = true;
	}
	return any;
}

/* Without an explicit "chủ trì" the agencies that open an item and carry
 * it lead ("Các sở thực hiện", "Sở Nội vụ phối hợp Sở Tài chính …");
 * failing those, the agencies a coordinator works with ("Sở Nội vụ phối
 * hợp, hướng dẫn các cơ quan … thực hiện"); failing those, the reviewers,
 * then the coordinators. */
static void promote_implicit_leads(struct reading *r)
{
	static const enum role order[] = {ROLE_LEAD, ROLE_SUBJECT, ROLE_OBJECT, ROLE_SUPPORT,
					  ROLE_COORD_FORM};
	for (size_t i = 0; i < r->count; i++) {
		if (r->mentions[i].role == ROLE_LEAD) {
			return;
		}
	}
	for (size_t k = 1; k < sizeof order / sizeof *order; k++) {
		if (promote(r, order[k])) {
			return;
		}
	}
}

void cchc_agency_assign(const struct cchc_agency_catalogue *cat, const char *text,
			struct cchc_names *lead, struct cchc_names *coordinating)
{
	struct reading r = {.cat = cat};
	read_items(&r, text);
	promote_implicit_leads(&r);
	for (size_t i = 0; i < r.count; i++) {
		if (r.mentions[i].role == ROLE_LEAD) {
			cchc_names_add(lead, mention_name(&r, &r.mentions[i]));
		}
	}
	for (size_t i = 0; i < r.count; i++) {
		const char *name = mention_name(&r, &r.mentions[i]);
		if (r.mentions[i].role != ROLE_LEAD && !cchc_names_contains(lead, name)) {
			cchc_names_add(coordinating, name);
		}
	}
	for (size_t i = 0; i < r.count; i++) {
		free(r.mentions[i].new_name);
	}
	free(r.mentions);
}
