#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end checks of the cchc binary's command line (SPEC §5), as TAP.
# Usage: run.sh PATH/TO/cchc   (SOURCE_ROOT names the source tree)
set -u
CCHC=$(realpath "$1")
ROOT=${SOURCE_ROOT:-$(dirname "$0")/../..}
SEED="$ROOT/data/ke-hoach-cchc-khanh-hoa-2026.txt"
FIXTURE="$ROOT/tests/fixtures/seed-2026.expected.json"
WORK=$(mktemp -d)
chmod 755 "$WORK"
trap 'rm -rf "$WORK"' EXIT
export CCHC_DATA_DIR="$ROOT/data"
unset CCHC_DB CCHC_TODAY
# shellcheck source=../lib.sh
. "$ROOT/tests/lib.sh"

# run EXPECTED_STATUS ARGS...: runs cchc, keeps stdout/stderr, checks status
run() {
	local want=$1; shift
	"$CCHC" "$@" >"$WORK/out" 2>"$WORK/err"
	local got=$?
	[ "$got" -eq "$want" ] || { echo "status $got, wanted $want: $(head -c 400 "$WORK/err")"; return 1; }
}
stderr_has() { grep -q -- "$1" "$WORK/err" || { echo "stderr lacks '$1':"; cat "$WORK/err"; return 1; }; }
stderr_is_cchc() { [ ! -s "$WORK/err" ] || head -n1 "$WORK/err" | grep -q '^cchc: '; }
same_as_fixture() { diff -u "$FIXTURE" "$1" >"$WORK/diff" || { head -40 "$WORK/diff"; return 1; }; }

# import_and_compare NAME FILE [IMPORT OPTIONS...]
import_and_compare() {
	local name=$1 file=$2; shift 2
	local db="$WORK/$name.db"
	run 0 --db "$db" import "$file" "$@" || return 1
	run 0 --db "$db" --today 2026-12-04 export -o "$WORK/$name.json" || return 1
	same_as_fixture "$WORK/$name.json"
}

fingerprint() { # a database's bytes and its export, to prove nothing changed
	{ sha256sum "$1" | cut -d' ' -f1; "$CCHC" --db "$1" --today 2026-12-04 export 2>&1 | sha256sum; } 
}

# ---- help and version ----------------------------------------------------
t_help() { run 0 --help && grep -q 'cchc import FILE' "$WORK/out"; }
check "--help prints usage and exits 0" t_help
t_version() { run 0 --version && grep -q '^cchc [0-9]' "$WORK/out"; }
check "--version prints the version" t_version

# ---- the seed --------------------------------------------------------------
check "the seed imports and exports exactly the checked fixture" import_and_compare seed "$SEED"
t_mode() { [ "$(stat -c %a "$WORK/seed.db")" = 600 ]; }
check "a new database is created with mode 0600" t_mode
t_global_after() { run 0 export --today 2026-12-04 --db "$WORK/seed.db" && same_as_fixture "$WORK/out"; }
check "--db and --today work after the subcommand" t_global_after
t_env() { CCHC_DB="$WORK/seed.db" CCHC_TODAY=2026-12-04 run 0 export && same_as_fixture "$WORK/out"; }
check "CCHC_DB and CCHC_TODAY stand in for the options" t_env
t_section() { run 0 --db "$WORK/seed.db" export --section iii --today 2026-12-04 && grep -q '"code": "III"' "$WORK/out" && ! grep -q '"code": "II"' "$WORK/out"; }
check "export --section picks one section" t_section
t_csv() { run 0 --db "$WORK/seed.db" export --format csv -o "$WORK/seed.csv" && head -c 3 "$WORK/seed.csv" | od -An -tx1 | grep -q 'ef bb bf' && [ "$(grep -c $'^"[IVX]*\\.' "$WORK/seed.csv")" -eq 87 ]; }
check "export --format csv writes a BOM and one row per task" t_csv
t_default_db() { HOME="$WORK/home" XDG_DATA_HOME= run 0 import "$SEED" && [ -f "$WORK/home/.local/share/cchc/cchc.db" ]; }
check "without --db the database lives in ~/.local/share/cchc" t_default_db
t_first_open() { run 2 --db "$WORK/first.db" </dev/null && grep -q '87' "$WORK/out" && stderr_has 'needs a terminal' && run 0 --db "$WORK/first.db" --today 2026-12-04 export && same_as_fixture "$WORK/out"; }
check "opening a new database imports the bundled plan (the interface itself needs a terminal)" t_first_open

# ---- the same document in other forms --------------------------------------
python3 -c 'import sys,unicodedata; sys.stdout.write(unicodedata.normalize("NFD", open(sys.argv[1], encoding="utf-8").read()))' "$SEED" >"$WORK/nfd.txt"
sed 's/$/\r/' "$SEED" >"$WORK/crlf.txt"
{ printf '\357\273\277'; cat "$SEED"; } >"$WORK/bom.txt"
iconv -f UTF-8 -t UTF-16 "$SEED" >"$WORK/utf16.txt"
iconv -f UTF-8 -t CP1258 "$SEED" >"$WORK/cp1258.txt"
# TCVN3 has no curly quotes: compare it with the same text in UTF-8.
sed 's/[“”]/"/g' "$SEED" >"$WORK/straight.txt"
iconv -f UTF-8 -t TCVN5712-1 "$WORK/straight.txt" >"$WORK/tcvn.txt"
t_differs() { ! cmp -s "$SEED" "$1"; }
check "the NFD copy really differs from the seed" t_differs "$WORK/nfd.txt"
check "NFD text exports identically" import_and_compare nfd "$WORK/nfd.txt"
check "CRLF line ends export identically" import_and_compare crlf "$WORK/crlf.txt"
check "UTF-8 with a BOM exports identically" import_and_compare bom "$WORK/bom.txt"
check "UTF-16 with a BOM exports identically" import_and_compare utf16 "$WORK/utf16.txt"
check "CP1258 with --encoding CP1258 exports identically" import_and_compare cp1258 "$WORK/cp1258.txt" --encoding CP1258
t_tcvn() {
	run 0 --db "$WORK/straight.db" import "$WORK/straight.txt" && run 0 --db "$WORK/straight.db" --today 2026-12-04 export -o "$WORK/straight.json" &&
	run 0 --db "$WORK/tcvn.db" import --encoding TCVN5712-1 "$WORK/tcvn.txt" && run 0 --db "$WORK/tcvn.db" --today 2026-12-04 export -o "$WORK/tcvn.json" &&
	diff -u "$WORK/straight.json" "$WORK/tcvn.json"
}
check "TCVN5712-1 with --encoding exports identically" t_tcvn

# ---- bad input changes nothing ---------------------------------------------
cp "$WORK/seed.db" "$WORK/guard.db"
BEFORE=$(fingerprint "$WORK/guard.db")
unchanged() { [ "$(fingerprint "$WORK/guard.db")" = "$BEFORE" ] || { echo "the database changed"; return 1; }; }

printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\020' >"$WORK/binary.png"
t_binary() { run 2 --db "$WORK/guard.db" import --replace "$WORK/binary.png" && stderr_is_cchc && stderr_has 'binary data' && unchanged; }
check "a binary file is refused and changes nothing" t_binary

sed '60s/Sở/S\xffở/' "$SEED" >"$WORK/malformed.txt"
t_malformed() { run 2 --db "$WORK/guard.db" import --replace "$WORK/malformed.txt" && stderr_is_cchc && stderr_has 'line 60: malformed UTF-8' && unchanged; }
check "malformed UTF-8 is refused, naming the line, and changes nothing" t_malformed

head -c "$(( $(head -n 96 "$SEED" | wc -c) + 120 ))" "$SEED" >"$WORK/cut.txt"
t_cut() { run 2 --db "$WORK/guard.db" import --replace "$WORK/cut.txt" && stderr_is_cchc && stderr_has 'line 97: .*cut off' && unchanged; }
check "a document cut off in a row is refused and changes nothing" t_cut

t_again() { run 2 --db "$WORK/guard.db" import "$SEED" && stderr_is_cchc && stderr_has 'already holds a plan' && stderr_has '\-\-replace' && unchanged; }
check "a second import without --replace is refused and changes nothing" t_again

t_missing() { run 2 --db "$WORK/guard.db" import "$WORK/no-such-file.txt" && stderr_is_cchc && stderr_has 'cannot read' && unchanged; }
check "a missing file is refused and changes nothing" t_missing
t_missing_new() { run 2 --db "$WORK/never.db" import "$WORK/no-such-file.txt" && [ ! -e "$WORK/never.db" ]; }
check "a failed import does not even create a new database" t_missing_new

t_enc() { run 2 --db "$WORK/guard.db" import --encoding NOPE "$SEED" && stderr_has 'unknown encoding' && unchanged; }
check "an unknown encoding is bad usage and changes nothing" t_enc

# An unwritable database: as root, file modes do not stop writes, so the
# import runs as nobody against a file nobody may read but not write.
t_unwritable() {
	mkdir -p "$WORK/ro" && cp "$WORK/guard.db" "$WORK/ro/ro.db" && chmod 755 "$WORK/ro" && chmod 644 "$WORK/ro/ro.db"
	local before; before=$(sha256sum "$WORK/ro/ro.db")
	cp "$CCHC" "$WORK/cchc-copy" && chmod 755 "$WORK/cchc-copy"
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$WORK/cchc-copy" --db "$WORK/ro/ro.db" import --replace "$SEED" >"$WORK/out" 2>"$WORK/err"
	else
		chmod 555 "$WORK/ro" && chmod 444 "$WORK/ro/ro.db"
		"$WORK/cchc-copy" --db "$WORK/ro/ro.db" import --replace "$SEED" >"$WORK/out" 2>"$WORK/err"
	fi
	local got=$?
	chmod 755 "$WORK/ro"
	[ "$got" -eq 1 ] && stderr_is_cchc && stderr_has 'cannot write\|read-only\|readonly' && [ "$(sha256sum "$WORK/ro/ro.db")" = "$before" ]
}
check "an unwritable database is refused with exit 1 and left as it was" t_unwritable

t_newer() {
	cp "$WORK/seed.db" "$WORK/newer.db"
	python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version=99"); c.commit()' "$WORK/newer.db"
	run 1 --db "$WORK/newer.db" export && stderr_is_cchc && stderr_has 'newer'
}
check "a database from a newer cchc is refused" t_newer

printf 'not a database at all, only some text that is long enough to fill a header' >"$WORK/garbage.db"
t_garbage() { run 1 --db "$WORK/garbage.db" export && stderr_is_cchc && stderr_has 'not a database'; }
check "a file that is not a database is refused" t_garbage

t_today() { run 2 --db "$WORK/seed.db" --today 2026-02-31 export && stderr_has 'not a date'; }
check "an impossible --today is bad usage" t_today
t_option() { run 2 --frobnicate && stderr_is_cchc && stderr_has 'unknown option'; }
check "an unknown option is bad usage" t_option
t_command() { run 2 --db "$WORK/seed.db" frobnicate && stderr_has 'unknown command'; }
check "an unknown command is bad usage" t_command
t_nosection() { run 2 --db "$WORK/seed.db" export --section VIII && stderr_has 'no section'; }
check "an unknown section is bad usage" t_nosection
t_format() { run 2 --db "$WORK/seed.db" export --format xml && stderr_has 'unknown export format'; }
check "an unknown format is bad usage" t_format
t_noplan() { run 2 --db "$WORK/empty.db" export --read-only 2>/dev/null; run 2 --db "$WORK/empty2.db" import "$WORK/binary.png"; [ ! -e "$WORK/empty2.db" ]; }
check "nothing is created for a refused document" t_noplan

# ---- reports ------------------------------------------------------------------
golden() { # golden NAME ARGS...: the report equals tests/fixtures/NAME
	local name=$1; shift
	run 0 --db "$WORK/seed.db" --today 2026-12-04 report "$@" &&
	diff -u "$ROOT/tests/fixtures/$name" "$WORK/out" >"$WORK/diff" || { head -30 "$WORK/diff"; return 1; }
}
check "the text summary of section II matches its golden file" golden report-II.txt --section II
check "the text summary of the whole plan matches its golden file" golden report-all.txt
check "the Markdown summary of section II matches its golden file" golden report-II.md --section II --format md
check "the Markdown summary of the whole plan matches its golden file" golden report-all.md --format md
fits() { # fits WIDTH: every line of the text report is at most WIDTH columns
	run 0 --db "$WORK/seed.db" --today 2026-12-04 report --width "$1" &&
	python3 -c 'import sys, unicodedata
w = int(sys.argv[1])
cols = lambda l: sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
bad = [l for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if cols(l) > w]
sys.exit("too wide: %r" % bad[:3] if bad else 0)' "$1" "$WORK/out"
}
check "every line of the text report fits 80 columns" fits 80
check "every line of the text report fits 50 columns" fits 50
check "every line of the text report fits 132 columns" fits 132
check "every line of the text report fits 40 columns" fits 40

H=$'TT\tNhiệm vụ\tKết quả\tTiến độ\tPhân công'
printf '%s\nI\tMỘT\t\t\t\n1\tThu phí < 5%% & lệ phí > 2%%\tR\tQuý I/2026\tSở Tài chính chủ trì\n2\t=1+1 ước tính\t@kết quả\tQuý II/2026\tSở Nội vụ chủ trì\n' "$H" >"$WORK/markup.txt"
"$CCHC" --db "$WORK/markup.db" import "$WORK/markup.txt" >/dev/null 2>&1
t_html() {
	run 0 --db "$WORK/markup.db" --today 2026-12-04 report --format html -o "$WORK/r.html" &&
	grep -q 'Thu phí &lt; 5% &amp; lệ phí &gt; 2%' "$WORK/r.html" && ! grep -q 'phí < 5' "$WORK/r.html" &&
	grep -q '@page { size: A4' "$WORK/r.html" && grep -q '<meta charset="utf-8">' "$WORK/r.html"
}
check "the HTML report escapes <, & and > and prints on A4" t_html
t_csv() {
	run 0 --db "$WORK/markup.db" --today 2026-12-04 report --format csv -o "$WORK/r.csv" &&
	run 0 --db "$WORK/seed.db" --today 2026-12-04 report --format csv --section III -o "$WORK/seed.csv" &&
	python3 - "$WORK/r.csv" "$WORK/seed.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert rows[1]["title"] == "'=1+1 ước tính", rows[1]["title"]
assert rows[1]["result"] == "'@kết quả", rows[1]["result"]
seed = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
t = [r for r in seed if r["ref"] == "III.6"][0]
assert t["title"].startswith("Lập mới hồ sơ địa giới hành chính"), t["title"]
assert t["lead"] == "Sở Nội vụ", t["lead"]
PY
}
check "the CSV report keeps =1+1 as text and its Vietnamese survives a CSV reader" t_csv
t_pdf() {
	run 0 --db "$WORK/seed.db" --today 2026-12-04 report --section II --format pdf -o "$WORK/r.pdf" &&
	head -c 5 "$WORK/r.pdf" | grep -q '%PDF-' && pdftotext "$WORK/r.pdf" "$WORK/r.txt" &&
	grep -q "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" "$WORK/r.txt" && grep -q "Kiểm soát quy định TTHC" "$WORK/r.txt" &&
	grep -q "Công bố TTHC nội bộ cấp tỉnh" "$WORK/r.txt" && pdfinfo "$WORK/r.pdf" | grep -q "595.* x 841.* pts" &&
	pages=$(pdfinfo "$WORK/r.pdf" | awk '/^Pages:/ {print $2}') && [ "$pages" -ge 2 ] &&
	grep -q "^Page 1/$pages\$" "$WORK/r.txt" && grep -q "^Page $pages/$pages\$" "$WORK/r.txt"
}
check "the PDF report is A4, numbered 'Page N/M', and its text reads back with its diacritics" t_pdf
t_encoding() {
	run 0 --db "$WORK/seed.db" --today 2026-12-04 report --section II --encoding CP1258 -o "$WORK/r1258.txt" &&
	iconv -f CP1258 -t UTF-8 "$WORK/r1258.txt" | python3 -c 'import sys,unicodedata; sys.stdout.write(unicodedata.normalize("NFC", sys.stdin.read()))' >"$WORK/back.txt" &&
	diff -q "$ROOT/tests/fixtures/report-II.txt" "$WORK/back.txt"
}
check "--encoding CP1258 writes the same report in that encoding" t_encoding

mkdir -p "$WORK/bin" "$WORK/nolp"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/lp-args"\nfor last; do :; done\ncp "$last" "%s/lp-file"\necho "request id is stand-in-1"\n' "$WORK" "$WORK" >"$WORK/bin/lp"
chmod +x "$WORK/bin/lp"
t_print() {
	PATH="$WORK/bin:$PATH" run 0 --db "$WORK/seed.db" --today 2026-12-04 report --section II --format text --print --printer Phong_hop &&
	grep -qx -- "-d" "$WORK/lp-args" && grep -qx "Phong_hop" "$WORK/lp-args" &&
	grep -q "Page 1/" "$WORK/lp-file" && grep -q "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" "$WORK/lp-file" &&
	grep -q $'\f' "$WORK/lp-file"
}
check "--print hands a paginated report to lp, with --printer as -d" t_print
t_print_pdf() {
	PATH="$WORK/bin:$PATH" run 0 --db "$WORK/seed.db" --today 2026-12-04 report --print &&
	! grep -qx -- "-d" "$WORK/lp-args" && head -c 5 "$WORK/lp-file" | grep -q '%PDF-'
}
check "--print sends the PDF to the default printer unless told otherwise" t_print_pdf
t_no_spooler() {
	PATH="$WORK/nolp" run 1 --db "$WORK/seed.db" --today 2026-12-04 report --print &&
	stderr_is_cchc && stderr_has 'no print spooler'
}
check "--print without a print spooler says so and exits 1" t_no_spooler
t_report_usage() {
	run 2 --db "$WORK/seed.db" report --format doc && stderr_has 'unknown report format' &&
	run 2 --db "$WORK/seed.db" report --width 10 && stderr_has 'from 40 to 400' &&
	run 2 --db "$WORK/seed.db" report --changes-since yesterday && stderr_has 'not a date or time'
}
check "a bad report format, width or date is bad usage" t_report_usage
t_minutes() {
	run 0 --db "$WORK/seed.db" --today 2026-12-04 report --changes-since 2026-01-01 &&
	grep -q "Changes since 01/01/2026" "$WORK/out" && grep -q "No change was made" "$WORK/out"
}
check "--changes-since with no change says so" t_minutes
t_minutes_csv() {
	run 2 --db "$WORK/seed.db" report --format csv --changes-since 2026-01-01 -o "$WORK/m.csv" &&
	stderr_has 'the minutes have no CSV form' && [ ! -e "$WORK/m.csv" ] && [ ! -e "$WORK/m.csv.part" ]
}
check "the minutes as CSV are refused and no file is left" t_minutes_csv
t_print_encoding() {
	PATH="$WORK/bin:$PATH" run 0 --db "$WORK/seed.db" --today 2026-12-04 report --section II --print \
		--encoding CP1258 --width 60 &&
	! head -c 5 "$WORK/lp-file" | grep -q '%PDF-' &&
	iconv -f CP1258 -t UTF-8 "$WORK/lp-file" | grep -q "C.*I C.*CH TH.*T.*C H.*NH CH.*NH"
}
check "--print with --encoding or --width sends text as asked, not the PDF" t_print_encoding
t_keep_old() {
	printf 'the earlier report\n' >"$WORK/kept.txt" &&
	run 2 --db "$WORK/seed.db" report --format csv --changes-since 2026-01-01 -o "$WORK/kept.txt" &&
	grep -qx 'the earlier report' "$WORK/kept.txt" && [ ! -e "$WORK/kept.txt.part" ] &&
	run 0 --db "$WORK/seed.db" --today 2026-12-04 report --section II -o "$WORK/kept.txt" &&
	diff -q "$ROOT/tests/fixtures/report-II.txt" "$WORK/kept.txt"
}
check "a failed report leaves the earlier file whole; a good one replaces it" t_keep_old

# ---- backups ------------------------------------------------------------------
t_backup() {
	run 0 --db "$WORK/seed.db" backup -o "$WORK/copy.db" && [ "$(stat -c %a "$WORK/copy.db")" = 600 ] &&
	run 0 --db "$WORK/copy.db" --today 2026-12-04 export && same_as_fixture "$WORK/out" &&
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do run 0 --db "$WORK/seed.db" backup || return 1; sleep 0.01; done &&
	grep -q "seed.db.backups/cchc-" "$WORK/out" &&
	[ "$(ls "$WORK/seed.db.backups" | wc -l)" -le 10 ]
}
check "cchc backup copies the database, and keeps a rotation of ten" t_backup

# ---- --replace ---------------------------------------------------------------
sed -e 's/^1\tRà soát, hệ thống hóa/1\tRà soát lại, hệ thống hóa/' -e '/^12\tTổ chức đánh giá chất lượng/d' "$SEED" >"$WORK/revised.txt"
t_replace() {
	cp "$WORK/seed.db" "$WORK/replace.db"
	run 0 --db "$WORK/replace.db" import --replace "$WORK/revised.txt" && grep -q 'Imported 86 tasks' "$WORK/out" &&
	run 0 --db "$WORK/replace.db" export && grep -q 'Rà soát lại, hệ thống hóa' "$WORK/out"
}
check "--replace imports a revised plan" t_replace

finish
