// SPDX-License-Identifier: GPL-3.0-or-later
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cchc/cli.h"
#include "cchc/i18n.h"

#if defined(ENABLE_NLS) && ENABLE_NLS
static bool has_catalogue(const char *dir)
{
	char mo[4096];
	snprintf(mo, sizeof mo, "%s/vi/LC_MESSAGES/%s.mo", dir, GETTEXT_PACKAGE);
	return access(mo, R_OK) == 0;
}

/* True when this program is the one in the build tree, not an installed
 * copy: then its own, newer translations come first. */
static bool in_build_tree(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	size_t root = strlen(CCHC_BUILD_ROOT);
	if (n <= 0) {
		return false;
	}
	exe[n] = '\0';
	return strncmp(exe, CCHC_BUILD_ROOT, root) == 0 && exe[root] == '/';
}

/* $CCHC_LOCALEDIR, else the build tree's translations for the program in
 * the build tree, else the installed ones. */
static const char *locale_dir(void)
{
	const char *given = getenv("CCHC_LOCALEDIR");
	if (given && *given) {
		return given;
	}
	return in_build_tree() && has_catalogue(CCHC_BUILD_LOCALEDIR) ? CCHC_BUILD_LOCALEDIR : LOCALEDIR;
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
