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
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check() { # check DESCRIPTION COMMAND... : passes when the command succeeds
	local desc=$1; shift
	if "$@" >"$WORK/check.out" 2>&1; then ok "$desc"; else not_ok "$desc" "$(head -c 600 "$WORK/check.out")"; fi
}

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

echo "1..$n"
[ "$failed" -eq 0 ]
