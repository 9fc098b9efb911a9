#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# fix401 --demo: a practice run against its own fix401-mock, in plain
# mode.  It shows the practice banner, fixes the quoted key and the stale
# export (--yes), ends with a real completion passing, and leaves nothing
# behind: no scratch folder under $TMPDIR, no practice server, the real
# HOME untouched; also when it is stopped by SIGTERM or SIGHUP at a
# question, or killed outright.  No output holds a key.
. "$srcdir/tests/lib.sh"
require_tool python3
require_tool timeout
require_tool curl
require_tool pgrep

# A private copy of the data, so that the practice server's command line
# (--config $T/data/mock.json) names this test alone.
mkdir -p "$T/data" "$T/home" "$T/tmp" || exit 99
cp "$FIX401_DATADIR/mock.json" "$FIX401_DATADIR/providers.json" "$T/data/" ||
	exit 99
key() {
	python3 -c 'import json, sys
for k in json.load(open(sys.argv[1]))["keys"]:
    if k["name"] == sys.argv[2]: print(k["key"])' "$T/data/mock.json" "$1"
}
GOOD=$(key demo)
OLD=$(key demo-old)
[ -n "$GOOD" ] && [ -n "$OLD" ] || exit 99

# The practice servers of this test still running (none, after a run).
mocks() {
	pgrep -f -- "--config $T/data/mock.json" || :
}
# Kills any left over, so a failure does not leave a server behind.
trap 'for p in $(mocks); do kill "$p"; done; rm -rf "$T"' EXIT

# start_demo [ARG...]: starts fix401 --demo --plain ARG... in the
# background ($pid is fix401's) in a clean environment (TMPDIR=$T/tmp),
# stdin from $T/in, output to $T/out and $T/err.
start_demo() {
	(exec env -i HOME="$T/home" PATH=/usr/bin:/bin LC_ALL=C.UTF-8 \
		LANGUAGE= SHELL=/bin/sh TERM=dumb TMPDIR="$T/tmp" \
		FIX401_DATADIR="$T/data" FIX401_MOCK="$FIX401_MOCK" \
		"$FIX401" --demo --plain "$@" < "$T/in" > "$T/out" 2> "$T/err") &
	pid=$!
}

# finish: waits (at most 60 s) for fix401 to end; $rc gets its status.
finish() {
	end=$(( $(date +%s) + 60 ))
	while kill -0 "$pid" 2>/dev/null; do
		if [ "$(date +%s)" -ge "$end" ]; then
			kill -s KILL "$pid"
			show "fix401 --demo ran for over 60 seconds"
		fi
		sleep 0.05
	done
	wait "$pid"
	rc=$?
	no_secret
}

no_secret() {
	assert_no_secret "$GOOD" "$T/out" "$T/err"
	assert_no_secret "$OLD" "$T/out" "$T/err"
}

# clean: nothing of the run is left (waits up to 20 s for the janitor).
clean() {
	end=$(( $(date +%s) + 20 ))
	while [ -n "$(ls -A "$T/tmp")" ] || [ -n "$(mocks)" ]; do
		[ "$(date +%s)" -lt "$end" ] ||
			fail "$CASE: left behind: $(ls -A "$T/tmp") $(mocks)"
		sleep 0.05
	done
	[ -z "$(ls -A "$T/home")" ] || fail "$CASE: the real HOME was touched"
	port=$(sed -n 's|^Base URL: http://127\.0\.0\.1:\([0-9]*\)/v1.*|\1|p' \
		"$T/out" | head -n 1)
	[ -n "$port" ] || fail "$CASE: no practice server URL in the output"
	curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$port/v1/models" &&
		fail "$CASE: the practice server still answers"
	:
}

show() {
	sed 's/^/  | /' "$T/out" "$T/err" >&2
	fail "$CASE: $*"
}

CASE=yes	# the whole run, every fix accepted
: > "$T/in"
start_demo --yes
finish
[ "$rc" -eq 0 ] || show "exit status $rc, not 0"
grep -q '^Practice run (fix401 --demo)' "$T/out" || show "no practice banner"
grep -Eq "^Folder: $T/tmp/fix401-demo\.[A-Za-z0-9]+/project\$" "$T/out" ||
	show "the project is not a scratch folder under TMPDIR"
grep -q '^Step [0-9]* of [0-9]*: The \.env line is clean  \[FAIL\]$' \
	"$T/out" || show "the quoted key is not found"
grep -q '^Step [0-9]* of [0-9]*: The intended key wins  \[FAIL\]$' \
	"$T/out" || show "the stale export is not found"
grep -q 'yes (--yes)$' "$T/out" || show "no fix was accepted"
grep -q '^  \[ OK \] A real request works$' "$T/out" ||
	show "the completion does not pass in the end"
grep -q '^0 failed, ' "$T/out" || show "checks still fail in the end"
clean

CASE=no	# no answers: nothing fixed, the run fails, all is removed
start_demo
finish
[ "$rc" -eq 1 ] || show "exit status $rc, not 1"
grep -q 'no (end of input)$' "$T/out" || show "no question was declined"
clean

# stopped SIG STATUS: the run waits at its first question (stdin a FIFO
# kept open, so the read blocks), gets SIG, ends with STATUS (128 + the
# signal's number) and still removes everything.
stopped() {
	CASE=$1
	rm -f "$T/in" "$T/out" "$T/err"
	mkfifo "$T/in" || exit 99
	exec 3<> "$T/in"	# keeps the FIFO open: reads block, never end
	start_demo
	end=$(( $(date +%s) + 30 ))
	until grep -Eq '(\? \[y/N\] |^Paste .*:)$' "$T/out" 2>/dev/null; do
		kill -0 "$pid" 2>/dev/null || show "ended before the question"
		[ "$(date +%s)" -lt "$end" ] || show "no question after 30 s"
		sleep 0.05
	done
	[ -n "$(ls -A "$T/tmp")" ] || show "no scratch folder while running"
	kill -s "$1" "$pid"
	finish
	exec 3>&-
	[ "$rc" -eq "$2" ] || show "exit status $rc after SIG$1, not $2"
	clean
}
stopped TERM 143
stopped HUP 129
stopped KILL 137	# the janitor removes the folder, the server dies too
exit 0
