#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the man page and the bash completion keep in step with the
# program. Prints TAP; exits 1 if any check failed.
#
# Usage: check.sh PATH/TO/cchc     (SOURCE_ROOT names the source tree,
#                                   by default this script's ../..)
set -u

if (($# != 1)); then
    echo "usage: $0 PATH/TO/cchc" >&2
    exit 2
fi
CCHC=$1
SOURCE_ROOT=${SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PAGE=$SOURCE_ROOT/doc/cchc.1
COMPLETION=$SOURCE_ROOT/data/completion/cchc
export LC_ALL=C.UTF-8

tests=0
failed=0
ok() { # ok STATUS DESCRIPTION [DIAGNOSTICS]
    tests=$((tests + 1))
    if [[ $1 == 0 ]]; then
        echo "ok $tests - $2"
    else
        failed=$((failed + 1))
        echo "not ok $tests - $2"
        if [[ -n ${3-} ]]; then
            printf '%s\n' "$3" | sed 's/^/# /'
        fi
    fi
}
skip() { # skip DESCRIPTION REASON
    tests=$((tests + 1))
    echo "ok $tests - $1 # SKIP $2"
}
has() { command -v "$1" >/dev/null 2>&1; }

# ---- what the program says --------------------------------------------

help_rc=0
help=$("$CCHC" --help 2>&1) || help_rc=$?
version=$("$CCHC" --version 2>/dev/null | awk '{print $NF; exit}')

# Long options (and -o style short ones) and subcommands in --help.
mapfile -t long_options < <(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z-]*' | sort -u)
mapfile -t short_options < <(printf '%s\n' "$help" |
    grep -oE -- '(^|[[:space:][])-[a-zA-Z]([],[:space:]]|$)' | grep -oE -- '-[a-zA-Z]' | sort -u)
mapfile -t commands < <(printf '%s\n' "$help" | sed -nE 's/^[[:space:]]+cchc[[:space:]]+([a-z][a-z-]*).*/\1/p' | sort -u)

# The page as text to search: no comments, no font or character escapes,
# "\-" as "-", then no backslashes at all.
page_text=
if [[ -r $PAGE ]]; then
    page_text=$(grep -v '^\.\\"' "$PAGE" |
        sed -E 's/\\f(\[[^]]*\]|\(..|.)/ /g; s/\\\(..?/ /g; s/\\-/-/g; s/\\//g')
fi

# Completion: prints COMPREPLY, one per line, for the words given (the
# last one is the word being completed) in a plain bash, or with
# bash-completion loaded when $WITH_BASH_COMPLETION names it.
complete_words() {
    bash --norc --noprofile -c '
        if [[ -n ${WITH_BASH_COMPLETION-} ]]; then . "$WITH_BASH_COMPLETION" || exit 3; fi
        . "$1" || exit 3
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        COMPREPLY=()
        _cchc cchc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" || exit 4
        ((${#COMPREPLY[@]})) && printf "%s\n" "${COMPREPLY[@]}"
        exit 0
    ' check "$COMPLETION" "$@" 2>&1
}
contains() { grep -qxF -- "$2" <<<"$1"; }

bash_completion=
for f in /usr/share/bash-completion/bash_completion /etc/bash_completion; do
    if [[ -r $f ]]; then
        bash_completion=$f
        break
    fi
done

completion_checks=6
echo "1..$((5 + ${#long_options[@]} + ${#short_options[@]} + ${#commands[@]} + 2 * completion_checks))"

# ---- the man page -------------------------------------------------------

if has man; then
    out=$(MANWIDTH=80 MANPAGER=cat PAGER=cat man --warnings -l "$PAGE" 2>&1 >/dev/null)
    rc=$?
    [[ $rc == 0 && -z $out ]]
    ok $? "man --warnings -l renders doc/cchc.1 without warnings" "rc=$rc
$out"
elif has groff; then
    out=$(groff -k -man -Tutf8 -ww -z "$PAGE" 2>&1)
    rc=$?
    [[ $rc == 0 && -z $out ]]
    ok $? "groff renders doc/cchc.1 without warnings (no man here)" "rc=$rc
$out"
else
    ok 1 "doc/cchc.1 renders without warnings" "neither man nor groff is installed (man-db, groff-base)"
fi

if has groff; then
    # -k: preconv, as man does, for the page's UTF-8 Vietnamese.
    out=$(groff -k -man -Tutf8 -ww -z "$PAGE" 2>&1)
    rc=$?
    [[ $rc == 0 && -z $out ]]
    ok $? "groff -k -man -ww finds nothing to warn about in doc/cchc.1" "rc=$rc
$out"
else
    skip "groff -k -man -ww finds nothing to warn about in doc/cchc.1" "groff is not installed"
fi

[[ $help_rc == 0 && ${#long_options[@]} -ge 5 && ${#commands[@]} -ge 1 ]] &&
    contains "$(printf '%s\n' "${long_options[@]}")" --help
ok $? "cchc --help succeeds and lists options and subcommands" "rc=$help_rc
$help"

th_version=$(sed -nE 's/^\.TH[[:space:]]+CCHC[[:space:]]+1[[:space:]]+"[^"]*"[[:space:]]+"cchc ([^"]*)".*/\1/p' "$PAGE")
[[ -n $version && $th_version == "$version" ]]
ok $? "the page's .TH names the version cchc --version prints ($version)" "page: '$th_version'"

section_of_commands=$(printf '%s\n' "$page_text" | awk '/^\.SH/ {s = $0} s ~ /COMMANDS/')
[[ -n $section_of_commands ]]
ok $? "doc/cchc.1 has a COMMANDS section"

# The tags of the entries (.TP) of OPTIONS.
option_tags=$(printf '%s\n' "$page_text" |
    awk '/^\.SH/ {s = $0; tp = 0; next} s ~ /OPTIONS/ && tp {print} {tp = /^\.TP/}')
for o in "${long_options[@]}" "${short_options[@]}"; do
    # The whole option (--print must not pass on --printer), as an entry.
    grep -qE -- "(^|[^a-z-])${o}([^a-z-]|\$)" <<<"$option_tags"
    ok $? "doc/cchc.1 documents $o in OPTIONS"
done

for c in "${commands[@]}"; do
    # In the synopsis as "cchc WORD", and as an entry of COMMANDS.
    grep -qE -- "cchc[[:space:]]+${c}([^a-z-]|\$)" <<<"$page_text" &&
        printf '%s\n' "$section_of_commands" |
        awk -v c="$c" 'tp && $0 ~ "^\\.B[IR]?[[:space:]]+\"?" c "([^a-z-]|$)" {found = 1} {tp = /^\.TP/} END {exit !found}'
    ok $? "doc/cchc.1 documents the subcommand $c"
done

# ---- bash completion ----------------------------------------------------

completion_suite() { # completion_suite LABEL
    local label=$1 out
    out=$(complete_words cchc rep)
    [[ $out == report ]]
    ok $? "completion$label: cchc rep<Tab> gives report" "$out"

    out=$(complete_words cchc report --fo)
    [[ $out == --format ]]
    ok $? "completion$label: cchc report --fo<Tab> gives --format" "$out"

    out=$(complete_words cchc report --format '')
    contains "$out" pdf && contains "$out" md && ! contains "$out" json
    ok $? "completion$label: cchc report --format <Tab> offers pdf and md, not json" "$out"

    out=$(complete_words cchc export --format '')
    contains "$out" json && contains "$out" csv && ! contains "$out" pdf
    ok $? "completion$label: cchc export --format <Tab> offers json and csv, not pdf" "$out"

    out=$(complete_words cchc --db x.db report --section I)
    [[ $out == $'I\nII\nIII\nIV' ]]
    ok $? "completion$label: cchc --db x.db report --section I<Tab> offers I II III IV" "$out"

    local dir
    out=
    if dir=$(mktemp -d); then
        touch "$dir/plan one.txt" && out=$(cd "$dir" && complete_words cchc import pl)
        rm -rf "$dir"
    fi
    [[ $out == 'plan one.txt' ]]
    ok $? "completion$label: cchc import pl<Tab> completes a file name" "$out"
}

completion_suite " (plain bash)"
if [[ -n $bash_completion ]]; then
    WITH_BASH_COMPLETION=$bash_completion completion_suite " (bash-completion)"
else
    for ((i = 0; i < completion_checks; i++)); do
        skip "completion with bash-completion's helpers" "bash-completion is not installed"
    done
fi

if ((failed)); then
    echo "# $failed of $tests checks failed"
    exit 1
fi
exit 0
