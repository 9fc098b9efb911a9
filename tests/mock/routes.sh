#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# fix401-mock's routes, byte for byte: the URL line, no key (both
# route-specific texts), a wrong key and its mask, api-key auth, unknown
# URLs, the success shapes and headers, and the log (one JSON line per
# request, never a key).
. "$srcdir/tests/mock/common.inc"

start_mock
printf '%s\n' "$MOCK_URL" | grep -qx 'http://127\.0\.0\.1:[1-9][0-9]*/v1' ||
	fail "URL line: '$MOCK_URL'"
[ "$(head -n 1 "$T/mock.out")" = "$MOCK_URL" ] || fail "the URL is not the first line"
n=0	# requests made, for the log

# ---- no key ----
for p in /models /models/gpt-4o-mini /me; do
	get $p
	expect_error 401 'Missing bearer authentication in header' \
		invalid_request_error null null
	n=$((n + 1))
done
[ "$(header content-length)" = 151 ] || fail "no-key body is not 151 bytes"
chat '{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "ping"}]}'
expect_error 401 "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys." \
	invalid_request_error null null 4
[ "$(header content-length)" = 495 ] || fail "chat no-key body is not 495 bytes"
n=$((n + 1))

# ---- a wrong key: OpenAI's mask, as long as the key ----
get /models -H 'Authorization: Bearer fk-fakekey123'
expect_error 401 'Incorrect API key provided: fk-fakek*y123. You can find your API key at https://platform.openai.com/account/api-keys.' \
	invalid_request_error null invalid_api_key
[ "$(header content-length)" = 242 ] || fail "wrong-key body is not 242 bytes"
get /models -H 'Authorization: Bearer lm-studio'
expect_error 401 'Incorrect API key provided: lm-studio. You can find your API key at https://platform.openai.com/account/api-keys.' \
	invalid_request_error null invalid_api_key
key V valid
stars=$(printf '%*s' 154 '' | tr ' ' '*')
get /models -H "Authorization: Bearer \"$V\""
expect_error 401 "Incorrect API key provided: \"sk-proj$stars$(printf '%s' "$V" | tail -c 3)\". You can find your API key at https://platform.openai.com/account/api-keys." \
	invalid_request_error null invalid_api_key
key R revoked
get /models -H "Authorization: Bearer $R"
expect_error 401 "Incorrect API key provided: sk-proj-$(printf '%*s' 152 '' | tr ' ' '*')$(printf '%s' "$R" | tail -c 4). You can find your API key at https://platform.openai.com/account/api-keys." \
	invalid_request_error null invalid_api_key
n=$((n + 4))

# ---- unknown URLs ----
get /foo -H "Authorization: Bearer $V"
expect_error 404 'Invalid URL (GET /v1/foo)' invalid_request_error null null
get /chat/completions
expect_error 401 'Missing bearer or basic authentication in header' \
	invalid_request_error null null
n=$((n + 2))

# ---- success: models, one model, me; api-key works like Bearer ----
key U valid-unbound
get /models -H "api-key: $U"
expect_status 200
expect_openai
expect_length
header openai-organization | grep -qx 'user-[a-z0-9]\{24\}' ||
	fail "unbound: openai-organization '$(header openai-organization)'"
expect_no_header openai-project
python3 - "$T/body" <<'PY' || fail "models list shape"
import json, sys
j = json.load(open(sys.argv[1]))
assert list(j) == ["object", "data"] and j["object"] == "list", j
for m in j["data"]:
    assert list(m) == ["id", "object", "created", "owned_by"], m
    assert m["object"] == "model" and isinstance(m["created"], int)
assert "gpt-4.1-nano" in [m["id"] for m in j["data"]]
PY
get /models -H "Authorization: Bearer $V"
expect_status 200
org=$(python3 -c 'import json,sys
print([k for k in json.load(open(sys.argv[1]))["keys"] if k["name"] == "valid"][0]["project"])' "$FIX401_DATADIR/mock.json")
expect_header openai-project "$org"
expect_header openai-organization fix401-practice
get /models/gpt-4o-mini -H "Authorization: Bearer $V"
expect_status 200
python3 -c 'import json,sys; j = json.load(open(sys.argv[1]))
assert list(j) == ["id", "object", "created", "owned_by"] and j["id"] == "gpt-4o-mini"' \
	"$T/body" || fail "model object"
get /models/gpt-0 -H "Authorization: Bearer $V"
expect_error 404 'The model `gpt-0` does not exist or you do not have access to it.' \
	invalid_request_error null model_not_found
get /me -H "Authorization: Bearer $V"
expect_status 200
n=$((n + 5))

chat '{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "ping"}], "max_completion_tokens": 50}' \
	-H "Authorization: Bearer $V" -A 'fix401-test/1.0'
expect_status 200
expect_openai
expect_length
expect_header x-ratelimit-limit-requests 500
[ -n "$(header x-ratelimit-remaining-tokens)" ] || fail "no x-ratelimit-remaining-tokens"
python3 - "$T/body" <<'PY' || fail "chat completion shape"
import json, sys
raw = open(sys.argv[1], "rb").read()
assert not raw.endswith(b"\n") and raw.startswith(b'{\n  "id": "chatcmpl-')
j = json.loads(raw)
assert list(j) == ["id", "object", "created", "model", "choices", "usage",
                   "service_tier", "system_fingerprint"], list(j)
assert j["object"] == "chat.completion" and j["model"] == "gpt-4o-mini-2024-07-18"
c = j["choices"][0]
assert list(c) == ["index", "message", "logprobs", "finish_reason"]
assert c["message"] == {"role": "assistant", "content": c["message"]["content"],
                        "refusal": None, "annotations": []}
assert c["message"]["content"] and c["finish_reason"] == "stop"
u = j["usage"]
assert u["total_tokens"] == u["prompt_tokens"] + u["completion_tokens"]
assert set(u["completion_tokens_details"]) == {"reasoning_tokens", "audio_tokens",
    "accepted_prediction_tokens", "rejected_prediction_tokens"}
assert j["system_fingerprint"].startswith("fp_")
PY
n=$((n + 1))

# ---- the log: one line per request, what arrived, never a key ----
[ "$(wc -l < "$MOCK_LOG")" -eq "$n" ] || fail "log has $(wc -l < "$MOCK_LOG") lines for $n requests"
[ "$(mock_log_field 1 auth)" = none ] || fail "log 1 auth"
[ "$(mock_log_field 1 status)" = 401 ] || fail "log 1 status"
[ "$(mock_log_field 1 key)" = null ] || fail "log 1 key"
[ "$(mock_log_field 5 key)" = 'fk-fakek*y123' ] || fail "log 5: mask"
[ "$(mock_log_field 6 key)" = '*********' ] || fail "log 6: short key not all stars"
[ "$(mock_log_field 7 key_length)" = 166 ] || fail "log 7: quoted key length"
[ "$(mock_log_field 8 key_name)" = revoked ] || fail "log 8 key_name"
[ "$(mock_log_field 11 auth)" = api-key ] || fail "log 11 auth"
[ "$(mock_log_field $n method)" = POST ] || fail "last method"
[ "$(mock_log_field $n path)" = /v1/chat/completions ] || fail "last path"
[ "$(mock_log_field $n model)" = gpt-4o-mini ] || fail "last model"
[ "$(mock_log_field $n token_param)" = max_completion_tokens ] || fail "token_param"
[ "$(mock_log_field $n user_agent)" = fix401-test/1.0 ] || fail "user_agent"
[ "$(mock_log_field $n organization)" = null ] || fail "organization"
[ "$(mock_log_field $n status)" = 200 ] || fail "last status"
mock_log_field $n key | grep -qx 'sk-proj-\*\{152\}.\{4\}' || fail "log mask"
no_secret "$MOCK_LOG" "$T/mock.out" "$MOCK_ERR"

stop_mock
[ "$MOCK_RC" -eq 0 ] || fail "exit status $MOCK_RC after SIGTERM"
echo "routes: $n requests checked"
