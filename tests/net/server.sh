#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Answers that are not an OpenAI API's or not an answer at all: server
# errors (retried), HTML, plain text, a redirect (never followed), a huge
# body (capped), escape sequences (cleaned), a proxy's 401, other
# providers' shapes, a slow and a hanging server (bounded by --timeout).
. "$srcdir/tests/net/common.inc"
ESC=$(printf '\033')

# answer NAME CAUSE [STATUS]: /models answers the mock key NAME with
# CAUSE; key-accepted ends as STATUS (fail).
answer() {
	new_case "$1"
	use_key "$1"
	dotenv_key
	live
	expect 'status("network") == "pass"' \
		"status('key-accepted') == '${3:-fail}'" \
		"$(req models)['cause'] == '$2'"
}

# A server error is the server's problem, not the key's: a warning after
# three tries.
answer server-500 unknown warn
expect_rc 0
expect "$(req models)['attempts'] == 3" "$(req models)['status'] == 500" \
	'"not the key" in fix("key-accepted")'
answer server-503 unknown warn
expect "$(req models)['attempts'] == 3"
answer html not-openai
expect "$(req models)['content_type'].startswith('text/html')"
answer not-json not-openai
answer redirect not-openai
expect '"redirects to http://portal.example" in detail("key-accepted")'
answer proxy-401 proxy
expect "not $(req models)['www_authenticate']"
answer ansi wrong-key
grep -q "$ESC" "$T/out" && fail "$CASE: an escape sequence reached the JSON"
in_sandbox "$T/text" "$FIX401" --check --base-url "$MOCK_URL" --timeout 5 "$P"
grep -q "$ESC" "$T/text" && fail "$CASE: an escape sequence reached the checklist"
answer openrouter wrong-key
answer mistral wrong-key
answer vllm wrong-key
answer azure wrong-key
answer gemini wrong-key
answer xai other-provider	# xAI answered: an OpenAI key sent to xAI

new_case huge		# over 1 MiB: kept up to the cap, still understood
use_key huge
dotenv_key
live
expect 'status("key-accepted") == "pass"'

new_case slow		# 3 s per answer, 1 s allowed: a timeout
use_key slow
dotenv_key
live -- --timeout 1
expect_rc 1
expect 'status("network") == "fail"' "$(req models)['error'] == 'timeout'" \
	'"--timeout" in fix("network")'

new_case hang		# never answers: bounded by --timeout
use_key hang
dotenv_key
live -- --timeout 2
expect_rc 1
expect "$(req models)['error'] == 'timeout'" \
	"$(req chat)['error'] == 'timeout'"

new_case refused	# nothing listens: a clear network failure
use_key valid-unbound
dotenv_key
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
in_sandbox "$T/out" "$FIX401" --check --json --base-url \
	"http://127.0.0.1:$port/v1" "$P"
expect_rc 1
expect 'status("network") == "fail"' "$(req models)['error'] == 'refused'" \
	'status("key-accepted") == "skip"'
