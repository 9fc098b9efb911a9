#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --pid: a running process's environment is what it has, period: a stale
# key there is the answer for every consumer, whatever .env says.  And
# the clear failures: no such process, a bad --pid value.
. "$srcdir/tests/scenario/common.inc"

# start_service VAR=value...: a "service" (sleep) with only these
# variables and INVOCATION_ID, as systemd starts one; $svc is its pid once
# its /proc/PID/environ is complete (exec done).
start_service() {
	env -i "$@" INVOCATION_ID=0123456789abcdef sleep 60 &
	svc=$!
	n=0
	until tr '\0' '\n' < "/proc/$svc/environ" 2>/dev/null |
	    grep -q '^INVOCATION_ID='; do
		n=$((n + 1))
		[ $n -lt 500 ] || { kill $svc; fail "the service never started"; }
		sleep 0.01
	done
}

new_case service-with-stale-key
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
# The key the user exported in ~/.bashrc: a service never reads it.
printf 'export OPENAI_API_KEY=%s\n' "$KEY" > "$H/.bashrc"
start_service HOME="$H" OPENAI_API_KEY="$OLD"
fx -- --pid "$svc"
kill $svc
expect_rc 1
expect 'win("python-dotenv")["source"] == "pid"' \
	'win("node-dotenv")["source"] == "pid"' \
	'win("docker-env-file")["source"] == "pid"' \
	'win("python-dotenv")["fingerprint"] != cands(source="dotenv")[0]["fingerprint"]' \
	'status("key-shadowed") == "fail"' \
	'"service" in hints()'

new_case service-without-key	# the process lacks it, whatever .env says
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
start_service HOME="$H"
fx -- --pid "$svc"
kill $svc
expect_rc 1
expect '"environment has no" in summary("key-found")' \
	'"EnvironmentFile=" in j["checks"][0]["fix"]' \
	'"service" not in hints()'

new_case no-such-process
fx -- --pid 999999999
expect_rc 2
expect 'j["verdict"] == "error"' 'len(j["error"]) > 0'
grep -q 'fix401: ' "$T/err" || fail "no message on stderr"

# Another user's process: a clear "not allowed" (needs root to set up:
# run fix401 as nobody against a process of root's).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	new_case not-permitted
	sleep 60 &
	victim=$!
	chmod 755 "$T" "$T/case" "$P"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		env -i HOME="$H" PATH=/usr/bin:/bin LC_ALL=C.UTF-8 LANGUAGE= \
		FIX401_DATADIR="$FIX401_DATADIR" "$FIX401" --check --offline --pid $victim \
		"$P" > "$T/out" 2> "$T/err" < /dev/null
	rc=$?
	kill $victim
	expect_rc 2
	grep -qi 'not allowed\|permission\|root' "$T/err" ||
		fail "$CASE: no clear message: $(cat "$T/err")"
fi

new_case bad-pid-value
fx -- --pid abc
expect_rc 2
[ -s "$T/out" ] && fail "a usage error wrote to stdout"
grep -q -- '--pid' "$T/err" || fail "the usage error does not name --pid"
exit 0
