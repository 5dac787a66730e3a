/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_AGENCY_H
#define CCHC_AGENCY_H

#include <stdbool.h>
#include <stddef.h>

#include "cchc/model.h"
#include "cchc/status.h"

struct cchc_agency {
	char *name;      /* canonical */
	bool collective; /* "Các sở, ban, ngành", "UBND cấp xã" */
	struct cchc_names aliases; /* as written, canonical name excluded */
	char *short_name;          /* for narrow columns ("Sở NV"), or NULL */
};

/* Known agencies and every spelling of them, indexed for matching. */
struct cchc_agency_catalogue;

struct cchc_agency_catalogue *cchc_agency_catalogue_create(void);
void cchc_agency_catalogue_destroy(struct cchc_agency_catalogue *cat);

/* The catalogue built into cchc (data/agencies.tsv). */
struct cchc_agency_catalogue *cchc_agency_catalogue_builtin(void);

/* Reads lines "name<TAB>agency|collective<TAB>alias|alias<TAB>short" (#
 * comments; empty fields allowed). */
enum cchc_status cchc_agency_catalogue_load(struct cchc_agency_catalogue *cat, const char *tsv,
					    struct cchc_error *err);

/* Adds an agency, or an alias to the existing agency of that name. */
void cchc_agency_catalogue_add(struct cchc_agency_catalogue *cat, const char *name,
			       bool collective, const char *alias);

size_t cchc_agency_catalogue_size(const struct cchc_agency_catalogue *cat);
const struct cchc_agency *cchc_agency_catalogue_get(const struct cchc_agency_catalogue *cat,
						    size_t index);

/* Reads an assignment cell ("Phân công") and fills the lead (chủ trì) and
 * coordinating (phối hợp) agencies by canonical name, in order of mention.
 * Explicit "X chủ trì" wins; without one, the subjects of the first item
 * lead. Names the catalogue lacks but the text puts before "chủ trì" are
 * kept as written. */
void cchc_agency_assign(const struct cchc_agency_catalogue *cat, const char *text,
			struct cchc_names *lead, struct cchc_names *coordinating);

#endif
