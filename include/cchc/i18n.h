/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CCHC_I18N_H
#define CCHC_I18N_H

/* Include config.h before this header. */
#if defined(ENABLE_NLS) && ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define ngettext_(s, p, n) ngettext(s, p, n)
#else
#define _(s) (s)
#define ngettext_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#ifndef N_
#define N_(s) (s)
#endif

#endif
