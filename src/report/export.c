// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cchc/export.h"
#include "cchc/i18n.h"
#include "cchc/strbuf.h"
#include "cchc/xalloc.h"

long cchc_export_find_section(const struct cchc_plan *plan, const char *code)
{
	char *end = NULL;
	long number = strtol(code, &end, 10);
	for (size_t i = 0; i < plan->section_count; i++) {
		bool by_number = end && end != code && *end == '\0' && number == (long)i + 1;
		if (by_number || strcasecmp(plan->sections[i].code, code) == 0) {
			return (long)i;
		}
	}
	return -1;
}

/* ---- JSON ------------------------------------------------------------ */

static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (*p < 0x20) {
				fprintf(out, "\\u%04x", *p);
			} else {
				fputc(*p, out);
			}
		}
	}
	fputc('"', out);
}

static void json_string_or_null(FILE *out, const char *s)
{
	if (s) {
		json_string(out, s);
	} else {
		fputs("null", out);
	}
}

static void json_day(FILE *out, cchc_day d)
{
	if (d == CCHC_NO_DAY) {
		fputs("null", out);
		return;
	}
	char buf[11];
	cchc_date_format_iso(d, buf);
	fprintf(out, "\"%s\"", buf);
}

static void indent(FILE *out, int level)
{
	for (int i = 0; i < level; i++) {
		fputs("  ", out);
	}
}

static void json_names(FILE *out, const struct cchc_names *names)
{
	fputc('[', out);
	for (size_t i = 0; i < names->count; i++) {
		fputs(i ? ", " : "", out);
		json_string(out, names->items[i]);
	}
	fputc(']', out);
}

static void json_milestones(FILE *out, const struct cchc_milestones *list, int level)
{
	fputc('[', out);
	for (size_t i = 0; i < list->count; i++) {
		const struct cchc_milestone *m = &list->items[i];
		fputs(i ? ",\n" : "\n", out);
		indent(out, level + 1);
		fputs("{ \"label\": ", out);
		json_string(out, m->label);
		fprintf(out, ", \"kind\": \"%s\", \"start\": ", cchc_milestone_kind_key(m->kind));
		json_day(out, m->start);
		fputs(", \"due\": ", out);
		json_day(out, m->due);
		fprintf(out, ", \"reached\": %s }", m->reached ? "true" : "false");
	}
	if (list->count) {
		fputc('\n', out);
		indent(out, level);
	}
	fputc(']', out);
}

static void json_field(FILE *out, int level, const char *key)
{
	fputs(",\n", out);
	indent(out, level);
	fprintf(out, "\"%s\": ", key);
}

static void json_text_field(FILE *out, int level, const char *key, const char *value)
{
	json_field(out, level, key);
	json_string(out, value);
}

static void json_evidence(FILE *out, const struct cchc_task *t, int level)
{
	json_field(out, level, "evidence");
	fputs("{ \"number\": ", out);
	json_string_or_null(out, t->evidence_number);
	fputs(", \"date\": ", out);
	json_day(out, t->evidence_date);
	fputs(", \"issuer\": ", out);
	json_string_or_null(out, t->evidence_issuer);
	fputs(" }", out);
}

static void json_task(FILE *out, const struct cchc_plan *plan, size_t index, cchc_day today,
		      int level);

static void json_history(FILE *out, const struct cchc_task *t, int level)
{
	json_field(out, level, "history");
	fputc('[', out);
	for (size_t i = 0; i < t->history_count; i++) {
		const struct cchc_history_entry *e = &t->history[i];
		fputs(i ? ",\n" : "\n", out);
		indent(out, level + 1);
		fputs("{ \"at\": ", out);
		json_string(out, e->at);
		fputs(", \"who\": ", out);
		json_string(out, e->who);
		fputs(", \"field\": ", out);
		json_string(out, e->field);
		fputs(", \"old\": ", out);
		json_string_or_null(out, e->old_value);
		fputs(", \"new\": ", out);
		json_string_or_null(out, e->new_value);
		fputs(", \"reason\": ", out);
		json_string(out, e->reason);
		fputs(" }", out);
	}
	if (t->history_count) {
		fputc('\n', out);
		indent(out, level);
	}
	fputc(']', out);
}

static void json_extension(FILE *out, const struct cchc_task *t, int level)
{
	json_field(out, level, "extension");
	if (!t->extension_text) {
		fputs("null", out);
		return;
	}
	fputs("{ \"deadline_text\": ", out);
	json_string(out, t->extension_text);
	fputs(", \"document\": ", out);
	json_string_or_null(out, t->extension_document);
	fputs(" }", out);
}

static void json_children(FILE *out, const struct cchc_plan *plan, size_t index, cchc_day today,
			  int level)
{
	json_field(out, level, "children");
	fputc('[', out);
	bool any = false;
	for (size_t j = index + 1;
	     j < plan->task_count && plan->tasks[j].depth > plan->tasks[index].depth; j++) {
		if (plan->tasks[j].parent == index) {
			fputs(any ? ",\n" : "\n", out);
			json_task(out, plan, j, today, level + 1);
			any = true;
		}
	}
	if (any) {
		fputc('\n', out);
		indent(out, level);
	}
	fputc(']', out);
}

static void json_task(FILE *out, const struct cchc_plan *plan, size_t index, cchc_day today,
		      int level)
{
	const struct cchc_task *t = &plan->tasks[index];
	int days = 0;
	enum cchc_task_state state = cchc_task_state(t, today, &days);
	indent(out, level);
	fputs("{\n", out);
	indent(out, level + 1);
	fputs("\"ref\": ", out);
	json_string(out, t->ref);
	json_text_field(out, level + 1, "number", t->number);
	json_text_field(out, level + 1, "title", t->title);
	json_text_field(out, level + 1, "result", t->result);
	json_text_field(out, level + 1, "deadline_text", t->deadline_text);
	json_field(out, level + 1, "milestones");
	json_milestones(out, &t->milestones, level + 1);
	json_field(out, level + 1, "lead");
	json_names(out, &t->lead);
	json_field(out, level + 1, "coordinating");
	json_names(out, &t->coordinating);
	json_text_field(out, level + 1, "assignment_text", t->assignment_text);
	json_text_field(out, level + 1, "status", cchc_task_status_key(t->status));
	json_text_field(out, level + 1, "state", cchc_task_state_key(state));
	json_field(out, level + 1, "completed_on");
	json_day(out, t->completed_on);
	json_field(out, level + 1, "progress");
	fprintf(out, "%d", t->progress);
	json_text_field(out, level + 1, "note", t->note);
	json_field(out, level + 1, "days_overdue");
	fprintf(out, "%d", days);
	json_evidence(out, t, level + 1);
	json_extension(out, t, level + 1);
	json_history(out, t, level + 1);
	json_children(out, plan, index, today, level + 1);
	fputc('\n', out);
	indent(out, level);
	fputc('}', out);
}

static void json_section(FILE *out, const struct cchc_plan *plan, size_t index, cchc_day today)
{
	const struct cchc_section *s = &plan->sections[index];
	fputs("    {\n      \"code\": ", out);
	json_string(out, s->code);
	fputs(",\n      \"title\": ", out);
	json_string(out, s->title);
	fputs(",\n      \"tasks\": [", out);
	bool any = false;
	for (size_t t = s->first_task; t < s->first_task + s->task_count; t++) {
		if (plan->tasks[t].parent == CCHC_NO_PARENT) {
			fputs(any ? ",\n" : "\n", out);
			json_task(out, plan, t, today, 4);
			any = true;
		}
	}
	fputs(any ? "\n      ]\n    }" : "]\n    }", out);
}

static enum cchc_status check_written(FILE *out, struct cchc_error *err)
{
	if (fflush(out) != 0 || ferror(out)) {
		return cchc_error_set(err, CCHC_ERR_IO, _("cannot write the export: %s"),
				      strerror(errno));
	}
	return CCHC_OK;
}

enum cchc_status cchc_export_json(FILE *out, const struct cchc_plan *plan, long section_index,
				  cchc_day today, struct cchc_error *err)
{
	char day[11];
	cchc_date_format_iso(today, day);
	fprintf(out, "{\n  \"format\": \"cchc/1\",\n  \"today\": \"%s\",\n  \"plan\": { \"title\": ", day);
	json_string(out, plan->title);
	fprintf(out, ", \"year\": %d, \"decision\": ", plan->year);
	json_string_or_null(out, plan->decision);
	fputs(" },\n  \"sections\": [", out);
	bool any = false;
	for (size_t i = 0; i < plan->section_count; i++) {
		if (section_index < 0 || (size_t)section_index == i) {
			fputs(any ? ",\n" : "\n", out);
			json_section(out, plan, i, today);
			any = true;
		}
	}
	fputs(any ? "\n  ]\n}\n" : "]\n}\n", out);
	return check_written(out, err);
}

/* ---- CSV ------------------------------------------------------------- */

static void csv_cell(FILE *out, const char *s, bool last)
{
	bool inert = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
	fputc('"', out);
	if (inert) {
		fputc('\'', out);
	}
	for (const char *p = s; *p; p++) {
		if (*p == '"') {
			fputc('"', out);
		}
		fputc(*p, out);
	}
	fputc('"', out);
	fputs(last ? "\r\n" : ",", out);
}

static char *joined_names(const struct cchc_names *names)
{
	struct cchc_strbuf sb = {0};
	for (size_t i = 0; i < names->count; i++) {
		cchc_strbuf_puts(&sb, i ? "; " : "");
		cchc_strbuf_puts(&sb, names->items[i]);
	}
	return cchc_strbuf_steal(&sb);
}

static char *joined_dues(const struct cchc_milestones *list)
{
	struct cchc_strbuf sb = {0};
	for (size_t i = 0; i < list->count; i++) {
		if (list->items[i].due != CCHC_NO_DAY) {
			char buf[11];
			cchc_date_format_iso(list->items[i].due, buf);
			cchc_strbuf_puts(&sb, sb.len ? "; " : "");
			cchc_strbuf_puts(&sb, buf);
		}
	}
	return cchc_strbuf_steal(&sb);
}

static const char *const csv_header[] = {
	"ref", "section", "number", "title", "result", "deadline_text", "due", "lead",
	"coordinating", "assignment_text", "status", "state", "days_overdue", "completed_on",
	"progress", "note",
};

static void csv_task(FILE *out, const struct cchc_plan *plan, size_t section, size_t index,
		     cchc_day today)
{
	const struct cchc_task *t = &plan->tasks[index];
	int days = 0;
	enum cchc_task_state state = cchc_task_state(t, today, &days);
	char completed[11] = "", overdue[16], progress[8];
	if (t->completed_on != CCHC_NO_DAY) {
		cchc_date_format_iso(t->completed_on, completed);
	}
	snprintf(overdue, sizeof overdue, "%d", days);
	snprintf(progress, sizeof progress, "%d", t->progress);
	char *lead = joined_names(&t->lead);
	char *coordinating = joined_names(&t->coordinating);
	char *dues = joined_dues(&t->milestones);
	const char *cells[] = {
		t->ref, plan->sections[section].code, t->number, t->title, t->result,
		t->deadline_text, dues, lead, coordinating, t->assignment_text,
		cchc_task_status_key(t->status), cchc_task_state_key(state), overdue, completed,
		progress, t->note,
	};
	size_t n = sizeof cells / sizeof *cells;
	for (size_t i = 0; i < n; i++) {
		csv_cell(out, cells[i], i + 1 == n);
	}
	free(lead);
	free(coordinating);
	free(dues);
}

enum cchc_status cchc_export_csv(FILE *out, const struct cchc_plan *plan, long section_index,
				 cchc_day today, struct cchc_error *err)
{
	fputs("\xEF\xBB\xBF", out);
	size_t n = sizeof csv_header / sizeof *csv_header;
	for (size_t i = 0; i < n; i++) {
		csv_cell(out, csv_header[i], i + 1 == n);
	}
	for (size_t s = 0; s < plan->section_count; s++) {
		if (section_index >= 0 && (size_t)section_index != s) {
			continue;
		}
		const struct cchc_section *sec = &plan->sections[s];
		for (size_t t = sec->first_task; t < sec->first_task + sec->task_count; t++) {
			csv_task(out, plan, s, t, today);
		}
	}
	return check_written(out, err);
}
