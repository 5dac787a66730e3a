#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end checks of the real binary in a real terminal (tmux), as TAP.
# Usage: run.sh PATH/TO/cchc   (SOURCE_ROOT names the source tree)
set -u
CCHC=$(realpath "$1")
ROOT=${SOURCE_ROOT:-$(dirname "$0")/../..}
WORK=$(mktemp -d)
SOCKET="cchc-test-$$"
T() { tmux -L "$SOCKET" -u "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8 CCHC_DATA_DIR="$ROOT/data" TERM=xterm-256color
unset CCHC_DB CCHC_TODAY NO_COLOR
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check() {
	local desc=$1; shift
	if "$@" >"$WORK/check.out" 2>&1; then ok "$desc"; else not_ok "$desc" "$(head -c 1500 "$WORK/check.out" | sed 's/^/  /')"; fi
}

screen() { T capture-pane -p -t cchc; }
# wait_for TEXT: polls the screen for up to 5 s
wait_for() {
	for _ in $(seq 50); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	echo "never saw '$1'; the screen was:"
	screen
	return 1
}
keys() { T send-keys -t cchc "$@"; }
# wait_for_words WORDS: like wait_for, however the screen wraps them
wait_for_words() {
	for _ in $(seq 50); do
		screen | tr -s ' \n' '  ' | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	echo "never saw '$1'; the screen was:"
	screen
	return 1
}

start() { # start COLS ROWS: cchc on a new database, its exit status kept
	T new-session -d -s cchc -x "$1" -y "$2" \
		"'$CCHC' --db '$WORK/plan.db' --today 2026-12-04; echo \"EXIT=\$?\" >'$WORK/exit'; sleep 60"
}

start 160 48

t_titles() {
	wait_for "imported the bundled plan" || return 1
	for title in "I. CẢI CÁCH THỂ CHẾ" "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH" "III. CẢI CÁCH TỔ CHỨC BỘ MÁY" \
		"IV. CẢI CÁCH CHẾ ĐỘ CÔNG VỤ" "V. CẢI CÁCH TÀI CHÍNH CÔNG" "VI. XÂY DỰNG CHÍNH QUYỀN" \
		"VII. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"; do
		screen | grep -qF "$title" || { echo "missing $title"; screen; return 1; }
	done
}
check "the first open imports the bundled plan and all seven areas show at 160x48" t_titles

t_goto() {
	keys g && wait_for "Go to task" && keys "III.6" && wait_for "(III.6): III.6" && keys Enter &&
	wait_for "III.6 — Lập mới hồ sơ" && keys Enter &&
	wait_for "Task detail" &&
	wait_for_words "Lập mới hồ sơ địa giới hành chính, bản đồ hành chính tỉnh Khánh Hòa mới theo Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp các đơn vị hành chính cấp tỉnh và Nghị quyết số 1667/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Khánh Hòa năm 2025"
}
check "g III.6 then Enter shows the task's whole joined title" t_goto

t_search() {
	keys Escape && wait_for "q quit" && keys / && wait_for "Search:" && keys "ky luat ky cuong" Enter &&
	wait_for "Match 1 of 1: IV.7" && keys Enter && wait_for "IV.7  Task detail" &&
	wait_for "Tiếp tục tăng cường kỷ luật kỷ cương"
}
check "searching 'ky luat ky cuong' reaches IV.7" t_search

t_resize() {
	keys Escape && wait_for "q quit" &&
	T resize-window -t cchc -x 80 -y 24 && wait_for " II " && wait_for "IV. CẢI CÁCH CHẾ ĐỘ CÔNG VỤ" &&
	T resize-window -t cchc -x 30 -y 8 && wait_for "too small" &&
	T resize-window -t cchc -x 160 -y 48 && wait_for "VII. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" &&
	[ ! -e "$WORK/exit" ]
}
check "resizing to 80x24, 30x8 and back keeps cchc running and drawing" t_resize

t_resize_detail() {
	keys Enter && wait_for "Task detail" && T resize-window -t cchc -x 60 -y 15 && sleep 0.2 &&
	T resize-window -t cchc -x 160 -y 48 && wait_for "Task detail" && keys '?' && wait_for "Keys" &&
	T resize-window -t cchc -x 35 -y 9 && wait_for "too small" && T resize-window -t cchc -x 160 -y 48 &&
	wait_for "Keys" && keys q && keys q && wait_for "q quit" && [ ! -e "$WORK/exit" ]
}
check "resizing with the detail and the help open never crashes" t_resize_detail

t_vietnamese_prompt() {
	keys / && wait_for "Search:" && keys "kỷ luật" && wait_for "Search: kỷ luật▏" && keys BSpace BSpace &&
	wait_for "Search: kỷ lu▏" && keys Escape && wait_for "q quit"
}
check "the search prompt takes Vietnamese and Backspace removes one letter" t_vietnamese_prompt

t_quit() {
	keys q
	for _ in $(seq 50); do [ -e "$WORK/exit" ] && break; sleep 0.1; done
	grep -qx "EXIT=0" "$WORK/exit" || { echo "exit: $(cat "$WORK/exit" 2>/dev/null)"; return 1; }
}
check "q exits with status 0" t_quit

t_no_color() {
	T kill-session -t cchc
	rm -f "$WORK/exit"
	T new-session -d -s cchc -x 100 -y 30 \
		"NO_COLOR=1 '$CCHC' --db '$WORK/plan.db' --today 2026-12-04; echo \"EXIT=\$?\" >'$WORK/exit'; sleep 60"
	wait_for "I. CẢI CÁCH THỂ CHẾ" && ! T capture-pane -e -p -t cchc | grep -q $'\e\\[3[0-7]m' &&
	keys q && sleep 0.5 && grep -qx "EXIT=0" "$WORK/exit"
}
check "with NO_COLOR set the screen has no colour and still reads" t_no_color

echo "1..$n"
[ "$failed" -eq 0 ]
