/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_SAFEFILE_H
#define CCHC_SAFEFILE_H

#include <stdio.h>

#include "cchc/status.h"

/* Writes what a file holds to out; the outcome says whether it all went. */
typedef enum cchc_status (*cchc_fill)(FILE *out, void *context, struct cchc_error *err);

/* Writes path through fill beside its final name (PATH.part) and puts it
 * in place only when all of it is written, so a failure never leaves the
 * officer's earlier file cut short. */
enum cchc_status cchc_safe_write(const char *path, cchc_fill fill, void *context,
				 struct cchc_error *err);

#endif
