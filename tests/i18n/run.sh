#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Under a Vietnamese locale everything the officer reads is Vietnamese:
# --help, an error, a report, the first screen and the help screen. As TAP.
# Usage: run.sh PATH/TO/cchc LOCALEDIR   (SOURCE_ROOT names the source tree)
set -u
CCHC=$(realpath "$1")
export CCHC_LOCALEDIR=$(realpath "$2")
ROOT=${SOURCE_ROOT:-$(dirname "$0")/../..}
WORK=$(mktemp -d)
SOCKET="cchc-i18n-$$"
# shellcheck source=../lib.sh
. "$ROOT/tests/lib.sh"
trap 'T kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
export LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8 CCHC_DATA_DIR="$ROOT/data" TERM=xterm-256color
unset CCHC_DB CCHC_TODAY NO_COLOR LANGUAGE
t_locale() { locale -a | grep -qix 'vi_VN.utf8' || { echo "no vi_VN.UTF-8 locale: run tools/setup"; return 1; }; }
check "the vi_VN.UTF-8 locale exists" t_locale

t_help() {
	"$CCHC" --help >"$WORK/out" && head -1 "$WORK/out" | grep -qx "Cách dùng:" &&
	grep -q "Mã thoát: 0 thành công" "$WORK/out" && ! grep -q "Usage" "$WORK/out"
}
check "--help is in Vietnamese" t_help

"$CCHC" --db "$WORK/plan.db" import "$ROOT/data/ke-hoach-cchc-khanh-hoa-2026.txt" >"$WORK/import.out" 2>&1
t_import() { grep -q "Đã nạp 87 nhiệm vụ" "$WORK/import.out" || { cat "$WORK/import.out"; return 1; }; }
check "the import says what it did in Vietnamese" t_import

t_error() {
	"$CCHC" --db "$WORK/plan.db" report --section XI 2>"$WORK/err"
	[ $? -eq 2 ] && grep -q "^cchc: không có mục “XI”" "$WORK/err"
}
check "an error message is in Vietnamese and starts with 'cchc: '" t_error

t_report() {
	"$CCHC" --db "$WORK/plan.db" --today 2026-12-04 report --section II >"$WORK/r.txt" &&
	grep -q "^Mục II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH" "$WORK/r.txt" &&
	grep -q "^Tính đến ngày 04/12/2026" "$WORK/r.txt" &&
	grep -q "^0/17 nhiệm vụ đã hoàn thành (0%)" "$WORK/r.txt" &&
	grep -q "Chủ trì" "$WORK/r.txt" && grep -q "31/12/2026" "$WORK/r.txt"
}
check "a report is in Vietnamese with dates as dd/mm/yyyy" t_report

T new-session -d -s cchc -x 160 -y 48 "'$CCHC' --db '$WORK/plan.db' --today 2026-12-04; sleep 60"
t_screen() {
	wait_for "I. CẢI CÁCH THỂ CHẾ" && wait_for "↑↓ di chuyển" && wait_for "? trợ giúp" && wait_for "q thoát" &&
	! screen | grep -q "quit"
}
check "the first screen is in Vietnamese" t_screen

t_help_screen() {
	T send-keys -t cchc '?' && wait_for "Phím tắt — cchc" && wait_for "Ở danh sách lĩnh vực cải cách" &&
	wait_for "Đặt trạng thái: đã hoàn thành" && ! screen | grep -q "Set the status"
}
check "the help screen is in Vietnamese" t_help_screen

t_detail() {
	T send-keys -t cchc q && T send-keys -t cchc Enter && wait_for "Chi tiết nhiệm vụ" && wait_for "Chủ trì"
}
check "a task's detail is in Vietnamese" t_detail

t_form() {
	T send-keys -t cchc e && wait_for "Sửa nhiệm vụ" && wait_for "(thời hạn)" && wait_for "Lý do thay đổi" &&
	! screen | grep -qE "\((date|range|ongoing)\)"
}
check "the edit form and its deadline preview are in Vietnamese" t_form

finish
