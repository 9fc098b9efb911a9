#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Errors get a clear message, the documented exit status, and with --json
# still a JSON document on stdout: a missing -e file, options that do not
# go together.
. "$srcdir/tests/scenario/common.inc"

new_case missing-env-file
fx -- -e "$P/nope.env"
expect_rc 2
expect 'j["verdict"] == "error"' '"nope.env" in j["error"]'
grep -q 'nope.env' "$T/err" || fail "$CASE: the file is not named on stderr"

new_case env-file	# -e FILE is read instead of looking for .env
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/prod.env"
fx -- -e "$P/prod.env"
expect 'win("python-dotenv")["source"] == "envfile"' \
	'win("python-dotenv")["path"] == "'"$P"'/prod.env"'

new_case env-file-chain	# with -e, DIR's own .env is read by nothing
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/prod.env"
printf 'OPENAI_API_KEY=%s\n' "$OLD" > "$P/.env"
fx -- -e "$P/prod.env"
expect 'win("python-dotenv")["path"] == "'"$P"'/prod.env"' \
	'cands(path="'"$P"'/.env")[0]["loaded"] is False' \
	'cands(path="'"$P"'/prod.env")[0]["loaded"] is True'

# -e with a relative name, run from the project folder (it used to loop
# looking for "/" above ".").
here=$(pwd)
new_case relative-env-file
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/prod.env"
cd "$P" || exit 99
fx -- -e prod.env
cd "$here" || exit 99
expect_rc 0
expect 'win("python-dotenv")["source"] == "envfile"'
new_case relative-env-file-with-dotenv
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/prod.env"
printf 'OPENAI_API_KEY=%s\n' "$OLD" > "$P/.env"
cd "$P" || exit 99
fx -- -e prod.env
cd "$here" || exit 99
expect 'win("python-dotenv")["source"] == "envfile"' \
	'cands(path="'"$P"'/.env")[0]["loaded"] is False' \
	'len(cands(name="OPENAI_API_KEY")) == 2'

# usage NAME ARGS...: a usage error: exit 2, nothing on stdout.
usage() {
	new_case "$1"
	shift
	"$FIX401" "$@" > "$T/out" 2> "$T/err" < /dev/null
	rc=$?
	[ $rc -eq 2 ] || fail "$CASE: exit status $rc, not 2"
	[ -s "$T/out" ] && fail "$CASE: a usage error wrote to stdout"
	grep -q "Try 'fix401 --help'" "$T/err" || fail "$CASE: no --help hint"
}
usage json-with-fix --fix --json
usage pid-and-env-file --pid 1 -e x.env
usage explain-and-check --check --explain x
exit 0
