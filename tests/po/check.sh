#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with a user-facing string is in po/POTFILES, and the
# Vietnamese catalogue translates every message, none fuzzy. As TAP.
set -u
ROOT=${SOURCE_ROOT:-$(dirname "$0")/../..}
cd "$ROOT" || exit 1
echo "1..3"
missing=$(grep -lE '(^|[^A-Za-z0-9_])N?_\("' -r src include | sort | comm -23 - <(sort po/POTFILES))
if [ -z "$missing" ]; then
	echo "ok 1 - po/POTFILES lists every file with a translatable string"
else
	echo "not ok 1 - po/POTFILES lacks:"
	printf '# %s\n' $missing
fi
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/vi.po 2>&1)
if [[ $stats =~ ^[0-9]+\ translated\ messages\.$ ]]; then
	echo "ok 2 - po/vi.po translates everything: $stats"
else
	echo "not ok 2 - po/vi.po: $stats"
fi
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
if ! out=$(xgettext --keyword=_ --keyword=N_ --keyword=ngettext_:1,2 --from-code=UTF-8 -C \
	--files-from=po/POTFILES -o "$pot" 2>&1) || [ ! -s "$pot" ]; then
	echo "not ok 3 - xgettext could not read the sources of po/POTFILES:"
	printf '%s\n' "$out" | head -5 | sed 's/^/# /'
elif out=$(msgcmp po/vi.po "$pot" 2>&1); then
	echo "ok 3 - po/vi.po holds every message of the sources"
else
	echo "not ok 3 - po/vi.po lacks messages of the sources (ninja cchc-update-po):"
	printf '%s\n' "$out" | head -20 | sed 's/^/# /'
fi
