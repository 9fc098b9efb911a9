#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# --explain: the server's mask in a pasted error is matched against every
# key fix401 finds, to name the one that was sent: the .env key with its
# quotes, a stale exported key, or one fix401 cannot see.
. "$srcdir/tests/scenario/common.inc"

# mask VALUE: OpenAI's own mask of VALUE (first 8, stars, last 4).
mask() {
	python3 -c 'import sys; v = sys.argv[1]; print(v[:8] + "*" * (len(v) - 12) + v[-4:])' "$1"
}

# ex TEXT [VAR=value...] [-- ARG...]: fix401 --explain TEXT [ARG...] run
# in $P.
ex() {
	text=$1
	shift
	take_vars "$@"
	shift $nvars
	in_sandbox "$T/out" sh -c 'cd "$1" && shift && exec "$@"' sh "$P" \
		"$FIX401" --explain "$text" "$@"
}

py_error() {	# the Python SDK's text for a 401 with message $1
	printf "Error code: 401 - {'error': {'message': '%s', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}" "$1"
}

new_case quotes-sent	# docker kept the quotes: the mask starts with "
printf 'OPENAI_API_KEY="%s"\n' "$KEY" > "$P/.env"
m=$(mask "\"$KEY\"")
ex "$(py_error "Incorrect API key provided: $m. You can find your API key at https://platform.openai.com/account/api-keys.")"
[ $rc -eq 0 ] || fail "$CASE: exit status $rc"
grep -q 'Likely cause: quotes sent with the key' "$T/out" ||
	fail "$CASE: quotes not named: $(cat "$T/out")"
grep -q "$P/.env:1" "$T/out" || fail "$CASE: the .env line is not named"
grep -q 'invalid_api_key' "$T/out" || fail "$CASE: the code is not shown"

# The same as JSON: the cause id, the match and which candidate.
ex "$(py_error "Incorrect API key provided: $m.")" -- --json
[ $rc -eq 0 ] || fail "$CASE --json: exit status $rc"
expect 'j["explain"]["cause"] == "quotes-sent"' 'j["match"] == "quoted"' \
	'j["explain"]["status"] == 401' \
	'j["explain"]["code"] == "invalid_api_key"' \
	'j["explain"]["key_length"] == 166' \
	'[j["candidates"][i]["line"] for i in j["matches"]] == [1]'

new_case stale-export	# the key in the error is the stale exported one
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
printf 'export OPENAI_API_KEY=%s\n' "$OLD" > "$H/.bashrc"
ex "$(py_error "Incorrect API key provided: $(mask "$OLD").")" \
	OPENAI_API_KEY="$OLD"
grep -q '\.bashrc:1' "$T/out" || fail "$CASE: ~/.bashrc:1 not named: $(cat "$T/out")"

new_case unknown-key	# no value fix401 sees produced the mask
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
ex "$(py_error "Incorrect API key provided: sk-proj-$(printf '%0152d' 0 | tr 0 '*')ZZZZ.")"
grep -q 'Likely cause: another key was sent' "$T/out" ||
	fail "$CASE: not called a stale key: $(cat "$T/out")"

new_case no-key-sent	# the route-specific no-key message
q="'"
ex "{\"error\": {\"message\": \"You didn${q}t provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you${q}re accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.\", \"type\": \"invalid_request_error\", \"param\": null, \"code\": null}}"
grep -q 'Likely cause: no key sent' "$T/out" || fail "$CASE: $(cat "$T/out")"

new_case quota
ex "Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}"
grep -q 'Likely cause: no credit left' "$T/out" || fail "$CASE: $(cat "$T/out")"

new_case control-chars	# server text is untrusted: no escapes reach the terminal
ex "$(printf 'Error code: 401 - {"error": {"message": "bad\033[31m key\033]0;x\007", "code": "invalid_api_key"}}')"
grep -q "$(printf '\033')" "$T/out" && fail "$CASE: an escape reached the output"

new_case blank
ex '   '
[ $rc -eq 2 ] || fail "$CASE: exit status $rc, not 2"
exit 0
