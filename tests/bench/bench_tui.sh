#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The interface on plans of 1,000 and 100,000 tasks:
#  - opening it, painting the first screen and quitting, in a real
#    pseudo-terminal (goal: under 0.1 s and 32 MB at 100,000 tasks);
#  - the instructions one ↓ costs, counted by callgrind (goal: the same at
#    1,000 and at 100,000 tasks).
# A benchmark, not a test: it prints figures and never fails on them.
# Usage: bench_tui.sh PATH/TO/cchc PATH/TO/bench_keys [SIZES...]
set -eu
CCHC=$(realpath "$1")
KEYS_BENCH=$(realpath "$2")
shift 2
SIZES=${*:-1000 100000}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LANG=C.UTF-8 TERM=xterm-256color

open_paint_quit() { # prints seconds and peak KB of one run
	python3 "$HERE/pty_open.py" "$CCHC" --db "$1" --today 2026-12-04
}

printf '%-8s %14s %14s %16s\n' tasks open_paint_s peak_rss_kb instr_per_keystroke
for n in $SIZES; do
	python3 "$HERE/gen_plan.py" "$n" >"$WORK/plan.txt"
	rm -f "$WORK/plan.db"*
	"$CCHC" --db "$WORK/plan.db" import "$WORK/plan.txt" >/dev/null 2>&1
	open_paint_quit "$WORK/plan.db" >/dev/null # warm the page cache
	runs=()
	for _ in 1 2 3 4 5; do runs+=("$(open_paint_quit "$WORK/plan.db")"); done
	median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p)
	keys=200
	ir="-"
	if command -v valgrind >/dev/null; then
		valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$WORK/cg.out" \
			"$KEYS_BENCH" "$WORK/plan.db" "$keys" >/dev/null 2>&1
		total=$(awk '/^summary:|^totals:/ {print $2; exit}' "$WORK/cg.out")
		ir=$((total / keys))
	fi
	printf '%-8s %14.3f %14s %16s\n' "$n" "${median% *}" "${median#* }" "$ir"
done
