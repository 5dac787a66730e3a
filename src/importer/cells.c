// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cchc/cells.h"
#include "cchc/strbuf.h"
#include "cchc/text.h"
#include "cchc/xalloc.h"

/* Tags that close a paragraph or a list item in the source markup. */
static const char *const block_tags[] = {"p", "/p", "ul", "/ul", "ol", "/ol", "li", "/li",
					 "br", "br/", "div", "/div", NULL};

static bool tag_name_is(const char *tag, size_t len, const char *name)
{
	size_t n = strlen(name);
	if (len < n || strncasecmp(tag, name, n) != 0) {
		return false;
	}
	return len == n || tag[n] == ' ' || tag[n] == '/';
}

static bool is_block_tag(const char *tag, size_t len)
{
	for (const char *const *t = block_tags; *t; t++) {
		if (tag_name_is(tag, len, *t)) {
			return true;
		}
	}
	return false;
}

/* Length of a tag "<…>" starting at s, or 0 when s is a plain "<". */
static size_t tag_len(const char *s)
{
	if (s[0] != '<' || !(s[1] == '/' || (s[1] >= 'a' && s[1] <= 'z') ||
			     (s[1] >= 'A' && s[1] <= 'Z'))) {
		return 0;
	}
	const char *close = strpbrk(s + 1, "<>");
	return close && *close == '>' ? (size_t)(close - s) + 1 : 0;
}

static const struct {
	const char *name;
	const char *text;
} entities[] = {
	{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
	{"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "},
};

static size_t entity_at(const char *s, struct cchc_strbuf *out)
{
	for (size_t i = 0; i < sizeof entities / sizeof *entities; i++) {
		size_t n = strlen(entities[i].name);
		if (strncmp(s, entities[i].name, n) == 0) {
			cchc_strbuf_puts(out, entities[i].text);
			return n;
		}
	}
	return 0;
}

char *cchc_cell_clean(const char *raw)
{
	struct cchc_strbuf out = {0};
	for (const char *p = raw; *p;) {
		/* Copy plain text in runs; only markup and tabs need a look. */
		size_t run = strcspn(p, "<&\t");
		cchc_strbuf_append(&out, p, run);
		p += run;
		if (!*p) {
			break;
		}
		size_t n = tag_len(p);
		if (n) {
			if (is_block_tag(p + 1, n - 2)) {
				cchc_strbuf_putc(&out, '\n');
			}
			p += n;
			continue;
		}
		if (*p == '&' && (n = entity_at(p, &out)) > 0) {
			p += n;
			continue;
		}
		cchc_strbuf_putc(&out, *p == '\t' ? ' ' : *p);
		p++;
	}
	char *s = cchc_strbuf_steal(&out);
	return cchc_text_squeeze(s);
}

char *cchc_cell_join(const char *head, const char *tail)
{
	if (!*head || !*tail) {
		return cchc_xstrdup(*head ? head : tail);
	}
	struct cchc_strbuf out = {0};
	cchc_strbuf_puts(&out, head);
	cchc_strbuf_putc(&out, ' ');
	cchc_strbuf_puts(&out, tail);
	return cchc_text_squeeze(cchc_strbuf_steal(&out));
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* " - " at s splits items unless it sits between two numbers. */
static bool item_break(const char *line, const char *s)
{
	if (strncmp(s, " - ", 3) != 0) {
		return false;
	}
	return !(s > line && is_digit(s[-1]) && is_digit(s[3]) && is_digit(s[4]) &&
		 is_digit(s[5]) && is_digit(s[6]) && !is_digit(s[7]) && s[7] != '%');
}

static void split_line(struct cchc_strbuf *out, const char *line, size_t len)
{
	bool list = len >= 2 && line[0] == '-' && line[1] == ' ';
	size_t done = 0;
	for (size_t i = 0; list && i + 3 <= len; i++) {
		if (line[i] == ' ' && item_break(line, line + i)) {
			cchc_strbuf_append(out, line + done, i - done);
			cchc_strbuf_puts(out, "\n- ");
			i += 2;
			done = i + 1;
		}
	}
	cchc_strbuf_append(out, line + done, len - done);
}

char *cchc_cell_split_items(const char *text)
{
	struct cchc_strbuf out = {0};
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		split_line(&out, p, len);
		if (nl) {
			cchc_strbuf_putc(&out, '\n');
		}
		p += len + (nl != NULL);
	}
	return cchc_strbuf_steal(&out);
}
