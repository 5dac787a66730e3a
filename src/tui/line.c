// SPDX-License-Identifier: GPL-3.0-or-later
/* A one-line editor for Vietnamese: the cursor and Backspace move by
 * grapheme cluster, the text is shown by display width and handed out in
 * NFC, and Telex (Ctrl-T) turns "vieejt" into "việt" for terminals with no
 * input method. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cchc/xalloc.h"
#include "internal.h"

void line_set(struct line_editor *e, const char *text)
{
	cchc_strbuf_reset(&e->text);
	cchc_strbuf_puts(&e->text, text ? text : "");
	e->cursor = e->text.len;
}

void line_finish(struct line_editor *e)
{
	cchc_strbuf_finish(&e->text);
	e->cursor = 0;
}

char *line_value(const struct line_editor *e)
{
	char *nfc = cchc_text_nfc(cchc_strbuf_str(&e->text));
	return cchc_text_squeeze(nfc);
}

/* Byte offset of the grapheme boundary before / after at. */
static size_t prev_boundary(const struct line_editor *e, size_t at)
{
	size_t pos = 0, last = 0;
	while (pos < at && pos < e->text.len) {
		int w;
		size_t n = cchc_text_grapheme(e->text.data + pos, &w);
		if (n == 0) {
			break;
		}
		last = pos;
		pos += n;
	}
	return last;
}

static size_t next_boundary(const struct line_editor *e, size_t at)
{
	int w;
	return at < e->text.len ? at + cchc_text_grapheme(e->text.data + at, &w) : at;
}

static void cut(struct line_editor *e, size_t from, size_t to)
{
	memmove(e->text.data + from, e->text.data + to, e->text.len - to + 1);
	e->text.len -= to - from;
	e->cursor = from;
}

static void insert(struct line_editor *e, const char *s, size_t n)
{
	cchc_strbuf_append(&e->text, s, n); /* grow; then move into place */
	memmove(e->text.data + e->cursor + n, e->text.data + e->cursor,
		e->text.len - n - e->cursor);
	memcpy(e->text.data + e->cursor, s, n);
	e->cursor += n;
}

static size_t word_start(const struct line_editor *e, size_t at)
{
	while (at > 0 && e->text.data[at - 1] == ' ') {
		at--;
	}
	while (at > 0 && e->text.data[at - 1] != ' ') {
		at--;
	}
	return at;
}

/* ---- Telex ------------------------------------------------------------- */

enum { MARK_CIRCUMFLEX = 0x0302, MARK_BREVE = 0x0306, MARK_HORN = 0x031B };

/* One letter of the word being typed, taken apart. */
struct letter {
	utf8proc_int32_t base;
	utf8proc_int32_t shape; /* circumflex, breve, horn or 0 */
	utf8proc_int32_t tone;  /* one of the five tone marks or 0 */
};

static bool is_tone(utf8proc_int32_t m)
{
	return m == 0x0301 || m == 0x0300 || m == 0x0309 || m == 0x0303 || m == 0x0323;
}

static bool is_vowel(utf8proc_int32_t c)
{
	return c && strchr("aeiouyAEIOUY", (int)c) != NULL;
}

/* Splits the word before the cursor into letters; false if it holds
 * something Telex does not know. */
static bool split_word(const char *s, size_t n, struct letter *out, size_t *count, size_t max)
{
	*count = 0;
	char *word = cchc_xstrndup(s, n);
	utf8proc_uint8_t *nfd = utf8proc_NFD((const utf8proc_uint8_t *)word);
	free(word);
	bool ok = nfd != NULL;
	const utf8proc_uint8_t *p = nfd;
	while (ok && p && *p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, -1, &cp);
		if (len <= 0) {
			ok = false;
			break;
		}
		p += len;
		if (cp == MARK_CIRCUMFLEX || cp == MARK_BREVE || cp == MARK_HORN) {
			ok = *count > 0;
			if (ok) {
				out[*count - 1].shape = cp;
			}
		} else if (is_tone(cp)) {
			ok = *count > 0;
			if (ok) {
				out[*count - 1].tone = cp;
			}
		} else if (*count < max) {
			out[(*count)++] = (struct letter){cp, 0, 0};
		} else {
			ok = false;
		}
	}
	free(nfd);
	return ok;
}

static void join_word(const struct letter *letters, size_t count, struct cchc_strbuf *out)
{
	struct cchc_strbuf nfd = {0};
	for (size_t i = 0; i < count; i++) {
		utf8proc_int32_t cps[3] = {letters[i].base, letters[i].shape, letters[i].tone};
		for (int k = 0; k < 3; k++) {
			if (cps[k]) {
				utf8proc_uint8_t buf[4];
				cchc_strbuf_append(&nfd, (const char *)buf, (size_t)utf8proc_encode_char(cps[k], buf));
			}
		}
	}
	char *nfc = cchc_text_nfc(cchc_strbuf_str(&nfd));
	cchc_strbuf_puts(out, nfc);
	free(nfc);
	cchc_strbuf_finish(&nfd);
}

static utf8proc_int32_t lower(utf8proc_int32_t c)
{
	return utf8proc_tolower(c);
}

/* Where the tone goes, in the old style of "Khánh Hòa": on a shaped
 * vowel if there is one, else on the only vowel, else on the last vowel
 * before a final consonant, else on the first of two ("hòa", "thúy"). */
static long tone_target(const struct letter *w, size_t n)
{
	long first = -1, last = -1, shaped = -1;
	for (size_t i = 0; i < n; i++) {
		if (!is_vowel(w[i].base)) {
			continue;
		}
		/* the u of "qu" and the i of "gi" belong to the consonant */
		bool part_of_consonant = i > 0 && first < 0 && i + 1 < n && is_vowel(w[i + 1].base) &&
					 ((lower(w[i].base) == 'u' && lower(w[i - 1].base) == 'q') ||
					  (lower(w[i].base) == 'i' && lower(w[i - 1].base) == 'g'));
		if (part_of_consonant) {
			continue;
		}
		first = first < 0 ? (long)i : first;
		last = (long)i;
		if (w[i].shape) {
			shaped = (long)i;
		}
	}
	if (shaped >= 0 || first < 0) {
		return shaped;
	}
	bool final_consonant = (size_t)last + 1 < n;
	long vowels = last - first + 1;
	if (vowels == 1 || final_consonant) {
		return last;
	}
	return vowels >= 3 ? first + 1 : first;
}

static utf8proc_int32_t tone_of_key(int key)
{
	switch (key) {
	case 's': case 'S': return 0x0301;
	case 'f': case 'F': return 0x0300;
	case 'r': case 'R': return 0x0309;
	case 'x': case 'X': return 0x0303;
	case 'j': case 'J': return 0x0323;
	default: return 0;
	}
}

/* Applies a Telex key to the word; false when the key is just a letter. */
static bool telex_apply(struct letter *w, size_t *n, int key)
{
	int k = (int)lower(key);
	struct letter *last = *n ? &w[*n - 1] : NULL;
	if (k == 'd' && last && lower(last->base) == 'd' && !last->shape) {
		last->base = last->base == 'D' ? 0x0110 : 0x0111;
		return true;
	}
	if ((k == 'a' || k == 'e' || k == 'o') && last && lower(last->base) == k && !last->shape) {
		last->shape = MARK_CIRCUMFLEX;
		return true;
	}
	if (k == 'w') {
		for (size_t i = *n; i-- > 0;) {
			utf8proc_int32_t b = lower(w[i].base);
			if ((b == 'o' || b == 'u') && !w[i].shape) {
				w[i].shape = MARK_HORN;
				if (b == 'o' && i > 0 && lower(w[i - 1].base) == 'u' && !w[i - 1].shape) {
					w[i - 1].shape = MARK_HORN; /* "uow" → "ươ" */
				}
				return true;
			}
			if (b == 'a' && !w[i].shape) {
				w[i].shape = MARK_BREVE;
				return true;
			}
		}
		return false;
	}
	utf8proc_int32_t tone = tone_of_key(key);
	long at = tone || k == 'z' ? tone_target(w, *n) : -1;
	if (at < 0) {
		return false;
	}
	if (k == 'z' || w[at].tone == tone) {
		bool had = w[at].tone != 0;
		w[at].tone = 0;
		return had && k == 'z';
	}
	w[at].tone = tone;
	return true;
}

/* Typing key with Telex on: rewrites the word before the cursor when the
 * key is a Telex key there; false when it should go in as typed. */
static bool telex(struct line_editor *e, int key)
{
	if (key >= 0x80 || !strchr("dDaAeEoOwWsSfFrRxXjJzZ", key)) {
		return false;
	}
	size_t start = word_start(e, e->cursor);
	if (start == e->cursor || e->text.data[e->cursor - 1] == ' ') {
		return false;
	}
	struct letter letters[32];
	size_t n;
	if (!split_word(e->text.data + start, e->cursor - start, letters, &n, 32) ||
	    !telex_apply(letters, &n, key)) {
		return false;
	}
	struct cchc_strbuf word = {0};
	join_word(letters, n, &word);
	cut(e, start, e->cursor);
	insert(e, word.data, word.len);
	cchc_strbuf_finish(&word);
	return true;
}

/* ---- keys --------------------------------------------------------------- */

static bool move_key(struct line_editor *e, int key)
{
	switch (key) {
	case CCHC_KEY_LEFT:
		e->cursor = prev_boundary(e, e->cursor);
		return true;
	case CCHC_KEY_RIGHT:
		e->cursor = next_boundary(e, e->cursor);
		return true;
	case CCHC_KEY_HOME:
	case CCHC_CTRL('a'):
		e->cursor = 0;
		return true;
	case CCHC_KEY_END:
	case CCHC_CTRL('e'):
		e->cursor = e->text.len;
		return true;
	default:
		return false;
	}
}

static bool delete_key(struct line_editor *e, int key)
{
	switch (key) {
	case CCHC_KEY_BACKSPACE:
		cut(e, prev_boundary(e, e->cursor), e->cursor);
		return true;
	case CCHC_KEY_DELETE:
		cut(e, e->cursor, next_boundary(e, e->cursor));
		return true;
	case CCHC_CTRL('k'):
		cut(e, e->cursor, e->text.len);
		return true;
	case CCHC_CTRL('u'):
		cut(e, 0, e->cursor);
		return true;
	case CCHC_CTRL('w'):
		cut(e, word_start(e, e->cursor), e->cursor);
		return true;
	default:
		return false;
	}
}

enum line_result line_key(struct line_editor *e, int key)
{
	if (!e->text.data) {
		cchc_strbuf_puts(&e->text, "");
	}
	if (key == CCHC_KEY_ENTER) {
		return LINE_DONE;
	}
	if (key == CCHC_KEY_ESCAPE) {
		return LINE_CANCEL;
	}
	if (key == CCHC_CTRL('t')) {
		e->telex = !e->telex;
		return LINE_CONTINUE;
	}
	if (move_key(e, key) || delete_key(e, key)) {
		return LINE_CONTINUE;
	}
	if (key < 0x20 || key >= 0x110000 || key == 0x7f || e->text.len > 4000) {
		return LINE_IGNORED;
	}
	if (e->telex && telex(e, key)) {
		return LINE_CONTINUE;
	}
	utf8proc_uint8_t buf[4];
	insert(e, (const char *)buf, (size_t)utf8proc_encode_char(key, buf));
	return LINE_CONTINUE;
}

void line_render(const struct line_editor *e, struct cchc_canvas *c, int x, int y, int w,
		 enum cchc_role role, bool focused)
{
	const char *text = cchc_strbuf_str(&e->text);
	/* Scroll so the cursor stays in view. */
	size_t start = 0;
	char *before = cchc_xstrndup(text, e->cursor);
	while ((int)cchc_text_width(before + start) > w - 2 && before[start]) {
		int gw;
		start += cchc_text_grapheme(before + start, &gw);
	}
	int used = cchc_canvas_text(c, x, y, w, before + start, role);
	if (focused && used < w) {
		cchc_canvas_text(c, x + used, y, 1, "▏", CCHC_ROLE_PROMPT);
		used++;
	}
	if (used < w) {
		used += cchc_canvas_text(c, x + used, y, w - used, text + e->cursor, role);
	}
	free(before);
}
