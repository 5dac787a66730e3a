// SPDX-License-Identifier: GPL-3.0-or-later
/* Times the phases of an import (read, parse, store) of one document, so a
 * slow import can be traced to its phase. Prints figures; asserts nothing.
 * Usage: bench_phases PLAN.txt DB   (DB "-" times the parse alone) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cchc/importer.h"
#include "cchc/store.h"
#include "cchc/strbuf.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int read_all(const char *path, struct cchc_strbuf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	char buf[1 << 16];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		cchc_strbuf_append(out, buf, n);
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s PLAN.txt DB\n", argv[0]);
		return 2;
	}
	struct cchc_strbuf doc = {0};
	double t0 = now();
	if (read_all(argv[1], &doc) != 0) {
		return 1;
	}
	double t1 = now();
	struct cchc_agency_catalogue *cat = cchc_agency_catalogue_builtin();
	struct cchc_plan *plan = NULL;
	struct cchc_names notes = {0};
	struct cchc_error err = {0};
	if (cchc_import_parse(doc.data, doc.len, NULL, cat, &plan, &notes, &err) != CCHC_OK) {
		fprintf(stderr, "parse: %s\n", err.message);
		return 1;
	}
	double t2 = now();
	if (strcmp(argv[2], "-") == 0) {
		printf("tasks %zu  bytes %zu  read %.3f s  parse %.3f s\n", plan->task_count, doc.len,
		       t1 - t0, t2 - t1);
		return 0;
	}
	unlink(argv[2]);
	struct cchc_store *store = NULL;
	if (cchc_store_open(argv[2], CCHC_STORE_READ_WRITE, &store, &err) != CCHC_OK ||
	    cchc_store_save_plan(store, plan, cat, false, &err) != CCHC_OK) {
		fprintf(stderr, "store: %s\n", err.message);
		return 1;
	}
	cchc_store_close(store);
	double t3 = now();
	printf("tasks %zu  bytes %zu  read %.3f s  parse %.3f s  store %.3f s  total %.3f s\n",
	       plan->task_count, doc.len, t1 - t0, t2 - t1, t3 - t2, t3 - t0);
	cchc_plan_destroy(plan);
	cchc_names_finish(&notes);
	cchc_agency_catalogue_destroy(cat);
	cchc_strbuf_finish(&doc);
	return 0;
}
