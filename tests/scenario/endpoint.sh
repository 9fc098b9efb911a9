#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Root causes 5 and 7: the key goes to the wrong endpoint or provider:
# another provider's key sent to OpenAI, an OpenAI key sent elsewhere,
# broken base URLs, a leftover pre-1.0 OPENAI_API_BASE, Azure.
. "$srcdir/tests/scenario/common.inc"

OR_KEY="sk-or-v1-$(printf '%s%s' "$part" "$part" | cut -c1-64 | tr 'A-Zfkae' '0-9a-f0-9abc' | tr -cd '0-9a-f' | cut -c1-64)"
SECRETS="$SECRETS $OR_KEY"

new_case openrouter-key-to-openai
printf 'OPENAI_API_KEY=%s\n' "$OR_KEY" > "$P/.env"
fx
expect_rc 1
expect 'status("key-provider") == "fail"' \
	'win("python-dotenv")["provider"] == "openrouter"'

new_case openrouter-key-to-openrouter	# what OpenRouter's docs say to do
printf 'OPENAI_API_KEY=%s\nOPENAI_BASE_URL=https://openrouter.ai/api/v1\n' \
	"$OR_KEY" > "$P/.env"
fx
expect 'status("key-provider") == "pass"' 'status("base-url") == "pass"' \
	'j["base_url"] == "https://openrouter.ai/api/v1"'

new_case openai-key-to-groq
printf 'OPENAI_API_KEY=%s\n' "$KEY" > "$P/.env"
fx OPENAI_BASE_URL=https://api.groq.com/openai/v1
expect_rc 1
expect 'status("key-provider") == "fail"' \
	'j["base_url"] == "https://api.groq.com/openai/v1"'

new_case base-url-option	# --base-url wins over the variable
printf 'OPENAI_API_KEY=%s\nOPENAI_BASE_URL=https://api.groq.com/openai/v1\n' \
	"$KEY" > "$P/.env"
fx -- --base-url https://api.openai.com/v1
expect 'j["base_url"] == "https://api.openai.com/v1"' \
	'status("key-provider") == "pass"'

# bad_url NAME URL STATUS: OPENAI_BASE_URL=URL makes base-url STATUS.
bad_url() {
	new_case "$1"
	printf 'OPENAI_API_KEY=%s\nOPENAI_BASE_URL=%s\n' "$KEY" "$2" > "$P/.env"
	fx
	expect "status('base-url') == '$3'"
}
bad_url endpoint-path https://api.openai.com/v1/chat/completions fail
bad_url no-v1 https://api.openai.com fail
bad_url plain-http http://api.openai.com/v1 fail
bad_url empty '' fail
bad_url loopback-http http://127.0.0.1:8080/v1 pass

new_case legacy-api-base	# the 1.x SDKs ignore OPENAI_API_BASE
printf 'OPENAI_API_KEY=%s\nOPENAI_API_BASE=https://example.invalid/v1\n' \
	"$KEY" > "$P/.env"
fx
expect 'status("base-url") == "warn"' \
	'j["base_url"] == "https://api.openai.com/v1"'
exit 0
