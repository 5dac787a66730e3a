#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The commit cost of a status key on plans of 1,000 and 100,000 tasks
# (goal: under 5 ms at 100,000). Prints figures; never fails on them.
# Usage: bench_edit.sh PATH/TO/cchc PATH/TO/bench_edit [SIZES...]
set -eu
CCHC=$(realpath "$1")
EDIT=$(realpath "$2")
shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for n in ${*:-1000 100000}; do
	python3 "$HERE/gen_plan.py" "$n" >"$WORK/plan.txt"
	rm -f "$WORK/plan.db"*
	"$CCHC" --db "$WORK/plan.db" import "$WORK/plan.txt" >/dev/null 2>&1
	"$EDIT" "$WORK/plan.db" 500
done
