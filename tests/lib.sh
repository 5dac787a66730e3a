# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the end-to-end scripts: TAP lines and, for those that drive the
# real binary in a terminal, tmux. Source it after setting WORK (a scratch
# directory) and, for tmux, SOCKET.
n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check() { # check DESCRIPTION COMMAND... : passes when the command succeeds
	local desc=$1; shift
	if "$@" >"$WORK/check.out" 2>&1; then ok "$desc"; else not_ok "$desc" "$(head -c 1500 "$WORK/check.out" | sed 's/^/  /')"; fi
}
# finish: the TAP plan, and the exit status of the whole script
finish() { echo "1..$n"; [ "$failed" -eq 0 ]; }

T() { tmux -L "$SOCKET" -u "$@"; }
screen() { T capture-pane -p -t cchc; }
keys() { T send-keys -t cchc "$@"; }
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
