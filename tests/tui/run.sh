#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end checks of the real binary in a real terminal (tmux), as TAP.
# Usage: run.sh PATH/TO/cchc   (SOURCE_ROOT names the source tree)
set -u
CCHC=$(realpath "$1")
ROOT=${SOURCE_ROOT:-$(dirname "$0")/../..}
WORK=$(mktemp -d)
SOCKET="cchc-test-$$"
# shellcheck source=../lib.sh
. "$ROOT/tests/lib.sh"
trap 'T kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8 CCHC_DATA_DIR="$ROOT/data" TERM=xterm-256color
unset CCHC_DB CCHC_TODAY NO_COLOR
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

t_report_dialog() {
	keys p && wait_for "Summary of" && wait_for "[ Save ]" && keys Up && keys C-u &&
	keys -l "$WORK/Báo cáo.md" && keys Up Up Right && wait_for "[md]" && keys Enter &&
	wait_for "Saved to $WORK/Báo cáo.md" && head -1 "$WORK/Báo cáo.md" | grep -q "^# Kế hoạch" &&
	keys m && wait_for "The minutes: changes made in this session" &&
	wait_for "No change was made in that time." && keys Escape && wait_for "q quit"
}
check "p saves the summary where the officer types, m shows the session's changes" t_report_dialog

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

# ---- editing ------------------------------------------------------------
T kill-session -t cchc 2>/dev/null
"$CCHC" --db "$WORK/edit.db" import "$ROOT/data/ke-hoach-cchc-khanh-hoa-2026.txt" >/dev/null 2>&1
start_on() { # start_on SESSION DB COLS ROWS
	T new-session -d -s "$1" -x "$3" -y "$4" \
		"'$CCHC' --db '$2' --today 2026-12-04; echo \"EXIT=\$?\" >'$WORK/exit-$1'; sleep 60"
}
export_json() { "$CCHC" --db "$1" --today 2026-12-04 export; }
# py EXPR: evaluates a Python expression over the JSON on stdin as d
py() { python3 -c "import json,sys; d=json.load(sys.stdin); t={x['ref']: x for s in d['sections'] for y in s['tasks'] for x in [y] + y['children'] + [z for c in y['children'] for z in c['children']]}; print($1)"; }
screen_of() { T capture-pane -p -t "$1"; }
wait_on() { # wait_on SESSION TEXT
	for _ in $(seq 50); do screen_of "$1" | grep -qF -- "$2" && return 0; sleep 0.1; done
	echo "never saw '$2' on $1:"; screen_of "$1"; return 1
}
# status_is SESSION TEXT: waits until the status bar starts with TEXT
status_is() {
	local line
	for _ in $(seq 50); do
		line=$(screen_of "$1" | sed '/^ *$/d' | tail -1)
		[ "${line:0:${#2}}" = "$2" ] && return 0
		sleep 0.1
	done
	echo "the status bar of $1 never began with '$2': $line"; return 1
}
start_on ed "$WORK/edit.db" 160 48
wait_on ed "q quit" >/dev/null

t_status_key() {
	T send-keys -t ed 3 && status_is ed "I.1: Status Not started → Done" || return 1
	local got; got=$(export_json "$WORK/edit.db" | py "t['I.1']['status'], t['I.1']['completed_on'], t['I.1']['history'][0]['who'], t['I.1']['history'][0]['new']")
	[ "$got" = "done 2026-12-04 $(id -un) done" ] || { echo "export says $got"; return 1; }
}
check "a status key commits at once: the export shows the status, completed_on and a history entry with the user" t_status_key

t_form_quarter() {
	T send-keys -t ed e && wait_on ed "Edit task" && T send-keys -t ed C-u "Quý III/2026" &&
	wait_on ed "→ 30/09/2026" && T send-keys -t ed C-s && wait_on ed "Deadline Tháng 01/2026 → Quý III/2026" &&
	[ "$(export_json "$WORK/edit.db" | py "t['I.1']['milestones'][0]['due']")" = "2026-09-30" ]
}
check "'Quý III/2026' typed in the edit form gives 2026-09-30" t_form_quarter

t_telex_note() {
	T send-keys -t ed e && wait_on ed "Edit task" &&
	for _ in 1 2 3 4 5 6 7; do T send-keys -t ed Down; done &&
	T send-keys -t ed C-t && wait_on ed "[Telex]" && T send-keys -t ed "hojp giao ban vieejt nam" &&
	wait_on ed "họp giao ban việt nam" && T send-keys -t ed C-s && wait_on ed "Note" &&
	[ "$(export_json "$WORK/edit.db" | py "t['I.1']['note'] == 'họp giao ban việt nam' and t['I.1']['note'].encode() == 'h\u1ecdp giao ban vi\u1ec7t nam'.encode()")" = "True" ]
}
check "a note typed with Telex is stored as NFC Vietnamese" t_telex_note

strip_history() { python3 -c "import json,sys
d=json.load(sys.stdin)
def clean(t):
    for k in ('history',): t.pop(k, None)
    for c in t['children']: clean(c)
for s in d['sections']:
    for t in s['tasks']: clean(t)
print(json.dumps(d, ensure_ascii=False, sort_keys=True))"; }

t_undo_redo() {
	local before after redone
	before=$(export_json "$WORK/edit.db" | strip_history)
	T send-keys -t ed Right 2 && wait_on ed "II.1: Status" && T send-keys -t ed Down Down 4 && wait_on ed "II.2.1: Status" &&
	after=$(export_json "$WORK/edit.db" | strip_history) &&
	T send-keys -t ed u && wait_on ed "Undone: II.2.1" && T send-keys -t ed u && wait_on ed "Undone: II.1" &&
	[ "$(export_json "$WORK/edit.db" | strip_history)" = "$before" ] &&
	T send-keys -t ed C-r && wait_on ed "Redone: II.1" && T send-keys -t ed C-r && wait_on ed "Redone: II.2.1" &&
	redone=$(export_json "$WORK/edit.db" | strip_history) && [ "$redone" = "$after" ]
}
check "undo and redo restore the plan exactly" t_undo_redo

t_two_instances() {
	start_on other "$WORK/edit.db" 160 48 && wait_on other "q quit" &&
	local counts; counts=$(screen_of other | sed -n 2p) &&
	T send-keys -t ed Left Down 3 && status_is ed "I.2: Status Not started → Done" &&
	for _ in $(seq 30); do [ "$(screen_of other | sed -n 2p)" != "$counts" ] && break; sleep 0.1; done &&
	[ "$(screen_of other | sed -n 2p)" != "$counts" ] && screen_of other | sed -n 2p | grep -q "✓!2" ||
	{ echo "before: $counts"; echo "after:  $(screen_of other | sed -n 2p)"; return 1; }
}
check "two instances: one changes a status, the other's screen shows it by itself" t_two_instances

t_read_only() {
	T kill-session -t other
	T new-session -d -s ro -x 120 -y 30 "'$CCHC' --db '$WORK/edit.db' --read-only --today 2026-12-04; sleep 60" &&
	wait_on ro "[read-only]" && T send-keys -t ro 3 && wait_on ro "open read-only: nothing can be changed"
}
check "--read-only opens with a banner and the edit keys say why they do nothing" t_read_only

t_kill9() {
	T kill-session -t ro
	local burst=""
	for _ in $(seq 100); do burst="${burst}23"; done
	T send-keys -t ed Home && T send-keys -t ed "$burst" && sleep 0.3
	local seen; seen=$(screen_of ed | tail -1)
	pkill -9 -f -- "--db $WORK/edit.db" || true
	sleep 0.3
	python3 - "$WORK/edit.db" "$seen" <<'PY'
import sqlite3, sys, re
db = sqlite3.connect(sys.argv[1])
assert db.execute('PRAGMA integrity_check').fetchone()[0] == 'ok', 'integrity'
assert db.execute('PRAGMA foreign_key_check').fetchall() == [], 'foreign keys'
rows = db.execute("SELECT old_value, new_value FROM history h JOIN task t ON t.id = h.task_id "
                  "WHERE t.ref = 'I.1' AND h.field = 'status' ORDER BY h.id").fetchall()
status = db.execute("SELECT status FROM task WHERE ref = 'I.1'").fetchone()[0]
assert rows and rows[-1][1] == status, 'the last change is the status'
m = re.search(r'I\.1: Status (.+?) → (.+?)  ', sys.argv[2])
assert m, 'no confirmation seen: ' + sys.argv[2]
names = {'Not started': 'not_started', 'In progress': 'in_progress', 'Done': 'done', 'Cancelled': 'cancelled'}
assert (names[m.group(1)], names[m.group(2)]) in rows, 'the confirmed change is missing: %s, last %s' % (m.groups(), rows[-3:])
print(len(rows), 'status changes kept')
PY
}
check "kill -9 in a burst of 200 status changes leaves the database sound with every confirmed change" t_kill9

finish
