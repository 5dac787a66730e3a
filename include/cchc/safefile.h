/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_SAFEFILE_H
#define CCHC_SAFEFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "cchc/status.h"

/* A file written beside its final name and put in place only when all of
 * it is written, so a failed report never leaves the officer's earlier
 * file cut short. */
struct cchc_safe_file {
	FILE *out;
	char *path, *part;
};

/* Opens PATH.part for writing; CCHC_ERR_IO with a message when it cannot. */
enum cchc_status cchc_safe_open(struct cchc_safe_file *f, const char *path, struct cchc_error *err);

/* Closes the file and, when keep and every byte reached the disk, renames
 * it to its final name; otherwise removes it. Returns the outcome. */
enum cchc_status cchc_safe_close(struct cchc_safe_file *f, bool keep, struct cchc_error *err);

#endif
