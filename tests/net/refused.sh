#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Keys the API refuses, one case per answer: each names its cause, and the
# server's mask of the key points back at the line it came from.
. "$srcdir/tests/net/common.inc"

# refused NAME CAUSE [CHECK STATUS]: the mock key NAME in .env makes
# GET /models answer with CAUSE; CHECK (key-accepted) ends as STATUS.
refused() {
	new_case "$1"
	use_key "$1"
	dotenv_key
	live
	expect_rc 1
	expect "status('${3:-key-accepted}') == '${4:-fail}'" \
		"$(req models)['cause'] == '$2'" \
		"$(req models)['www_authenticate'] == ($(req models)['status'] == 401)"
}

refused revoked wrong-key
expect "$(req models)['code'] == 'invalid_api_key'" \
	"$(req models)['mask_candidate'] == 0" \
	"$(req models)['mask_match'] == 'exact'" \
	'".env:1" in detail("key-accepted")' \
	'status("completion") == "skip"'
refused deactivated account-deactivated
refused no-organization no-organization
refused ip-blocked ip-not-authorized
refused region unsupported-region
expect "$(req models)['status'] == 403"
refused restricted missing-scopes key-accepted warn
expect 'status("completion") == "fail"' \
	"$(req chat)['cause'] == 'missing-scopes'"

new_case restricted-chat-only	# may not list models, may chat: a warning
use_key restricted-chat-only
dotenv_key
live
expect_rc 0
expect 'status("key-accepted") == "warn"' 'status("completion") == "pass"'

new_case quotes-sent	# python-dotenv keeps the inner quotes of '"KEY"'
use_key revoked
printf "OPENAI_API_KEY='\"%s\"'\n" "$K" > "$P/.env"
live
expect_rc 1
expect "$(req models)['cause'] == 'quotes-sent'" \
	"$(req models)['mask_match'] == 'quoted'"
seen 'log[0]["key"].startswith("\"sk-proj")'

new_case truncated	# the first 150 of 164 characters
use_key valid-unbound
dotenv_key "$(printf '%s' "$K" | cut -c1-150)"
live
expect_rc 1
expect "$(req models)['cause'] == 'truncated-key'" \
	'status("key-format") == "fail"'

new_case consumer-login-shell	# a login shell has no key here: none is sent
use_key revoked
dotenv_key
live -- --consumer login-shell
expect "$(req models)['candidate'] is None" 'status("key-accepted") == "skip"'
