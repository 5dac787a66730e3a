// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "cchc/cli.h"
#include "cchc/i18n.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
#if defined(ENABLE_NLS) && ENABLE_NLS
	/* CCHC_LOCALEDIR lets an uninstalled build find its translations. */
	const char *localedir = getenv("CCHC_LOCALEDIR");
	bindtextdomain(GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	textdomain(GETTEXT_PACKAGE);
#endif
	return cchc_cli_run(argc, argv);
}
