#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The chat completion: billing, rate limits (retried, bounded, honouring
# retry-after), model access with one fallback to a listed model, and the
# one-time parameter fallback.
. "$srcdir/tests/net/common.inc"

# chat NAME [ARG...]: the mock key NAME in .env, fix401 with ARG.
chat() {
	new_case "$1"
	use_key "$1"
	shift
	dotenv_key
	live -- "$@"
}

chat no-quota
expect_rc 1
expect 'status("key-accepted") == "pass"' 'status("completion") == "fail"' \
	"$(req chat)['cause'] == 'insufficient-quota'" \
	"$(req chat)['attempts'] == 1" '"billing" in fix("completion")'

chat rate-limited	# 429 once with retry-after: 1, then a reply
expect_rc 0
expect 'status("completion") == "pass"' "$(req chat)['attempts'] == 2"
seen 'paths.count("POST /v1/chat/completions") == 2'

chat rate-limited-always	# 429 every time: three tries, then a warning
expect 'status("completion") == "warn"' "$(req chat)['attempts'] == 3" \
	"$(req chat)['cause'] == 'rate-limit'"

chat model-allowlist	# gpt-4.1-nano refused (403): gpt-4o-mini works
expect_rc 0
expect 'status("completion") == "pass"' \
	"$(req chat)['model'] == 'gpt-4o-mini'" "$(req chat)['fallback']"
seen '[l["model"] for l in log if l["path"].endswith("completions")] == ["gpt-4.1-nano", "gpt-4o-mini"]'

chat model-allowlist --model gpt-4o	# --model: no fallback
expect_rc 1
expect 'status("completion") == "fail"' \
	"$(req chat)['cause'] == 'model-not-found'" \
	"$(req chat)['status'] == 403" '"gpt-4o" in summary("completion")'

chat valid-unbound --model no-such-model
expect_rc 1
expect "$(req chat)['status'] == 404" \
	"$(req chat)['cause'] == 'model-not-found'"

chat legacy-params	# max_completion_tokens refused once: max_tokens
expect_rc 0
expect 'status("completion") == "pass"' "$(req chat)['fallback']" \
	"$(req chat)['attempts'] == 2"
seen '[l["token_param"] for l in log if l["path"].endswith("completions")] == ["max_completion_tokens", "max_tokens"]'
