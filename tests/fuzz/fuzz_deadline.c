// SPDX-License-Identifier: GPL-3.0-or-later
/* libFuzzer target: any valid UTF-8 as the text of a "Tiến độ" cell. The
 * parser must return milestones or a message, with every date it returns a
 * real one and every range in order. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/deadline.h"
#include "cchc/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (memchr(data, 0, size) || cchc_text_utf8_invalid((const char *)data, size) != size) {
		return 0;
	}
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct cchc_milestones list = {0};
	struct cchc_error err = {0};
	if (cchc_deadline_parse(text, 2026, &list, &err) == CCHC_OK) {
		for (size_t i = 0; i < list.count; i++) {
			const struct cchc_milestone *m = &list.items[i];
			if (m->start != CCHC_NO_DAY && m->due != CCHC_NO_DAY && m->start > m->due &&
			    m->kind != CCHC_KIND_RANGE) {
				abort();
			}
			if (m->kind == CCHC_KIND_DATE && m->due == CCHC_NO_DAY) {
				abort();
			}
		}
	}
	cchc_milestones_finish(&list);
	free(text);
	return 0;
}
