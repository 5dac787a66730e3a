#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Times `cchc import` of generated plans of 1,000, 10,000 and 100,000 tasks
# (goal: 100,000 in under 2 s) and prints the figures. A benchmark, not a
# test: it reports and never fails on a slow machine.
# Usage: bench_import.sh PATH/TO/cchc [PATH/TO/bench_phases] [SIZES...]
set -eu
CCHC=$(realpath "$1")
PHASES=${2:-}
shift $(( $# >= 2 ? 2 : 1 ))
SIZES=${*:-1000 10000 100000}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

seconds() { date +%s.%N; }
printf '%-8s %12s %10s %10s %12s\n' tasks bytes best_s median_s peak_rss_kb
for n in $SIZES; do
	plan="$WORK/plan-$n.txt"
	python3 "$HERE/gen_plan.py" "$n" >"$plan"
	times=()
	rss=0
	for run in 1 2 3; do
		rm -f "$WORK/bench.db"*
		start=$(seconds)
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f '%M' -o "$WORK/rss" "$CCHC" --db "$WORK/bench.db" import "$plan" >/dev/null 2>&1
			rss=$(cat "$WORK/rss")
		else
			"$CCHC" --db "$WORK/bench.db" import "$plan" >/dev/null 2>&1
		fi
		end=$(seconds)
		times+=("$(echo "$end - $start" | bc -l)")
	done
	sorted=$(printf '%s\n' "${times[@]}" | sort -n)
	best=$(echo "$sorted" | head -1)
	median=$(echo "$sorted" | sed -n 2p)
	printf '%-8s %12s %10.3f %10.3f %12s\n' "$n" "$(stat -c %s "$plan")" "$best" "$median" "$rss"
	if [ -n "$PHASES" ]; then
		"$PHASES" "$plan" "$WORK/phases.db" | sed 's/^/         phases: /'
	fi
done
