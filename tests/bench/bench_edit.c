// SPDX-License-Identifier: GPL-3.0-or-later
/* What a status key costs to commit (goal: under 5 ms on a plan of
 * 100,000 tasks): the store applies COUNT status edits to tasks spread over
 * the plan, each its own transaction with its history, and the times are
 * printed. Usage: bench_edit DB COUNT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cchc/store.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s DB COUNT\n", argv[0]);
		return 2;
	}
	int count = atoi(argv[2]);
	struct cchc_error err = {0};
	struct cchc_store *store = NULL;
	struct cchc_section_view *sections = NULL;
	size_t n = 0;
	if (cchc_store_open(argv[1], CCHC_STORE_READ_WRITE, &store, &err) != CCHC_OK ||
	    cchc_store_section_views(store, cchc_date_from_ymd(2026, 12, 4), &sections, &n, &err) != CCHC_OK) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	long tasks = 0;
	for (size_t i = 0; i < n; i++) {
		tasks += sections[i].task_count;
	}
	double *ms = calloc((size_t)count, sizeof *ms);
	for (int i = 0; i < count; i++) {
		long seq = (long)((i * 7919L) % tasks);
		struct cchc_task_row row = {0};
		size_t got = 0;
		size_t s = 0;
		while (s + 1 < n && seq >= sections[s + 1].first_seq) {
			s++;
		}
		cchc_store_task_rows(store, sections[s].id, seq, 1, cchc_date_from_ymd(2026, 12, 4), &row,
				     &got, &err);
		struct cchc_edit edit = {.seq = seq, .version = got ? row.version : 0};
		cchc_task_rows_clear(&row, got);
		cchc_edit_set(&edit, CCHC_FIELD_STATUS, i % 2 ? "in_progress" : "done");
		cchc_edit_set(&edit, CCHC_FIELD_COMPLETED_ON, i % 2 ? NULL : "2026-12-04");
		double t0 = now();
		if (cchc_store_apply_edit(store, &edit, &err) != CCHC_OK) {
			fprintf(stderr, "%s\n", err.message);
			return 1;
		}
		ms[i] = (now() - t0) * 1000;
		cchc_edit_finish(&edit);
	}
	qsort(ms, (size_t)count, sizeof *ms, by_value);
	printf("tasks %ld  status edits %d  median %.2f ms  p95 %.2f ms  max %.2f ms\n", tasks, count,
	       ms[count / 2], ms[count * 95 / 100], ms[count - 1]);
	free(ms);
	cchc_section_views_free(sections, n);
	cchc_store_close(store);
	return 0;
}
