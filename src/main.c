// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cchc/cli.h"
#include "cchc/i18n.h"

#if defined(ENABLE_NLS) && ENABLE_NLS
/* $CCHC_LOCALEDIR, the installed translations, or those of the build tree,
 * so that build/src/cchc speaks Vietnamese before it is installed. */
static const char *locale_dir(void)
{
	const char *given = getenv("CCHC_LOCALEDIR");
	if (given && *given) {
		return given;
	}
	const char *dirs[] = {LOCALEDIR, CCHC_BUILD_LOCALEDIR};
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		char mo[4096];
		snprintf(mo, sizeof mo, "%s/vi/LC_MESSAGES/%s.mo", dirs[i], GETTEXT_PACKAGE);
		if (access(mo, R_OK) == 0) {
			return dirs[i];
		}
	}
	return LOCALEDIR;
}
#endif

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
#if defined(ENABLE_NLS) && ENABLE_NLS
	bindtextdomain(GETTEXT_PACKAGE, locale_dir());
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	textdomain(GETTEXT_PACKAGE);
#endif
	return cchc_cli_run(argc, argv);
}
