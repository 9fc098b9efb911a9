#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The error decoder in a real terminal: a 401 the Python SDK printed,
# holding OpenAI's mask of the project's key, pasted into the hidden
# field (only its length shows), read on Enter against the keys found
# here: quotes sent with the key, or the .env key itself refused.  The
# key never shows, the error text neither before it is read.
. "$srcdir/tests/tui/tui.inc"

start_mock
use_key valid-unbound

# mask VALUE: OpenAI's own mask of VALUE (first 8, stars, last 4).
mask() {
	python3 -c 'import sys; v = sys.argv[1]
print(v[:8] + "*" * (len(v) - 12) + v[-4:])' "$1"
}

# py_error MASK: what the Python SDK prints for a 401 with that mask.
py_error() {
	printf "openai.AuthenticationError: Error code: 401 - {'error': "
	printf "{'message': 'Incorrect API key provided: %s. You can find " "$1"
	printf "your API key at "
	printf "https://platform.openai.com/account/api-keys.', "
	printf "'type': 'invalid_request_error', 'param': None, "
	printf "'code': 'invalid_api_key'}}"
}

# decode TEXT: pastes TEXT into the decoder's field, sees only its
# length, reads it with Enter and opens the whole answer (PgDn).
decode() {
	tui_wait_for 'Nothing pasted yet.'
	tui_paste "$1"
	tui_wait_for "${#1} characters pasted; Enter reads them."
	tui_expect -n 'AuthenticationError'
	tui_expect -n 'You can find your API key'
	tui_keys Enter
	tui_wait_for 'The error says:'
	tui_wait_for 'Nothing pasted yet.'	# the field was emptied
	tui_wait_for 'invalid_api_key'
	tui_keys NPage
	tui_wait_for 'What the error says'
	tui_keys G	# to the end of the answer
	tui_wait_for 'Likely cause: '
	tui_wait_for 'Which key sent it:'
}

new_project quotes	# docker sent the quotes of .env with the key
printf 'OPENAI_API_KEY="%s"\n' "$K" > "$P/.env"
chmod 600 "$P/.env"
tui_start -- --base-url "$MOCK_URL" --timeout 10 "$P"
tui_wait_for -l 0 ' fix401  Welcome'
tui_keys Enter
tui_wait_for -l 0 'step 2 of '
m=$(sed -n '1s/.*step 2 of \([0-9]*\):.*/\1/p' "$T/screen")
n=2
while [ "$n" -lt "$m" ]; do	# Right, step by step, past the last check
	n=$((n + 1))
	tui_keys Right
	tui_wait_for -l 0 "step $n of $m:"
done
tui_keys Right
tui_wait_for -l 0 ' fix401  Decode an error message'
tui_wait_for 'Paste the error message your program printed'
decode "$(py_error "$(mask "\"$K\"")")"
tui_expect 'Likely cause: quotes sent with the key'
tui_keys q	# closes the answer, not the wizard
tui_wait_for -n 'What the error says'
tui_keys Enter	# nothing pasted: on to the summary
tui_wait_for -l 0 ' fix401  Summary'
tui_wait_for '[FAIL] The .env line is clean'
tui_expect 'Press w to write a support report'
tui_keys w	# into the folder it runs in
tui_wait_for "Support report written to $P/fix401-report.txt"
grep -q 'The .env line is clean' "$P/fix401-report.txt" ||
	tui_fail "the support report does not hold the checks"
tui_no_secret "$P/fix401-report.txt"
tui_keys q
tui_wait_exit
[ "$tui_rc" -eq 1 ] || tui_fail "exit status $tui_rc, not 1 (the quotes)"
tui_stty_sane

new_project key-refused	# the .env key itself was refused
printf 'OPENAI_API_KEY=%s\n' "$K" > "$P/.env"
chmod 600 "$P/.env"
tui_start -- --base-url "$MOCK_URL" --timeout 10 "$P"
tui_wait_for -l 0 ' fix401  Welcome'
tui_wait_for 'No problems found.'
tui_keys Enter	# nothing to fix: the summary
tui_wait_for -l 0 ' fix401  Summary'
tui_keys Left	# the step before it
tui_wait_for -l 0 ' fix401  Decode an error message'
decode "$(py_error "$(mask "$K")")"
tui_expect 'Likely cause: key rejected'
tui_expect "OPENAI_API_KEY in $P/.env:1"
tui_keys Escape
tui_wait_for -n 'What the error says'
tui_keys Escape	# Esc with nothing in flight quits
tui_wait_exit
[ "$tui_rc" -eq 0 ] || tui_fail "exit status $tui_rc, not 0"
tui_stty_sane
exit 0
