#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Root cause 4: the wrong thing was pasted: placeholders, a URL, prose, an
# organization id, a session token, a key cut short, a zero-width space.
. "$srcdir/tests/scenario/common.inc"

# case NAME VALUE: .env holds OPENAI_API_KEY=VALUE; key-format must fail.
bad_value() {
	new_case "$1"
	printf 'OPENAI_API_KEY=%s\n' "$2" > "$P/.env"
	fx
	expect_rc 1
	expect 'status("key-format") == "fail"' 'j["verdict"] == "problems"'
}

bad_value placeholder-sk-your sk-your-api-key-here
bad_value placeholder-upper YOUR_API_KEY
bad_value placeholder-none None
bad_value placeholder-undefined undefined
bad_value placeholder-brackets '<your-openai-key>'
bad_value own-name OPENAI_API_KEY
bad_value url https://platform.openai.com/api-keys
bad_value org-id org-AbCdEfGhIjKlMnOpQrStUvWx
bad_value project-id proj_AbCdEfGhIjKlMnOpQrStUvWx
bad_value session "sess-$(printf '%s' "$part" | cut -c1-40)"
bad_value truncated "$(printf '%s' "$KEY" | cut -c1-150)"
expect 'win("python-dotenv")["length"] == 150' \
	'win("python-dotenv")["kind"] == "openai-project"'
# A zero-width space inside the key (copied from a web page).
bad_value zero-width "$(printf '%s' "$KEY" | cut -c1-80)$(printf '\342\200\213')$(printf '%s' "$KEY" | cut -c81-)"

new_case prose	# a sentence pasted as the key
printf 'OPENAI_API_KEY="You are a helpful assistant"\n' > "$P/.env"
fx
expect_rc 1
expect 'status("key-format") == "fail"'

new_case good	# the real shape passes
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
fx
expect 'status("key-format") == "pass"'
exit 0
