#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every behaviour of data/mock.json over HTTP, byte for byte: account and
# binding refusals, scopes, quota and rate limits (with "times"), model
# access, parameters, server errors, hostile and foreign answers.
. "$srcdir/tests/mock/common.inc"

start_mock
ping='"messages": [{"role": "user", "content": "ping"}]'
body() {	# body MODEL [MEMBERS]: a chat request
	printf '{"model": "%s", %s%s}' "$1" "$ping" "${2:+, $2}"
}
as() {		# as NAME: the Authorization header for key NAME
	key _key "$1"
	auth="Authorization: Bearer $_key"
}
mismatch='should match'

as deactivated
get /models -H "$auth"
expect_error 401 'The OpenAI account associated with this API key has been deactivated. If you are the developer for this OpenAI app, please check your email for more information. If you are seeing this error while using another app or site, please reach out to them for more help.' \
	invalid_request_error null account_deactivated
as no-organization
chat "$(body gpt-4o-mini)" -H "$auth"
expect_error 401 'You must be a member of an organization to use the API. Please contact us through our help center at help.openai.com.' \
	invalid_request_error null no_organization
as ip-blocked
get /models -H "$auth"
expect_error 401 'IP not authorized: your request IP does not match the configured IP allowlist for your project or organization.' \
	invalid_request_error null ip_not_authorized
as region
get /models -H "$auth"
expect_status 403
expect_body "$(printf '{\n  "error": {\n    "code": "unsupported_country_region_territory",\n    "message": "Country, region, or territory not supported",\n    "param": null,\n    "type": "request_forbidden"\n  }\n}')"
expect_openai

# ---- organization and project bindings ----
as bound
get /models -H "$auth" -H 'OpenAI-Organization: org-0ther0rganizati0n000000'
expect_error 401 "OpenAI-Organization header $mismatch organization for API key" \
	invalid_request_error null mismatched_organization
get /models -H "$auth" -H 'OpenAI-Project: proj_0therPr0ject00000000000'
expect_error 401 "OpenAI-Project header $mismatch project for API key" \
	invalid_request_error null mismatched_project
get /models -H "$auth"
expect_status 200
expect_header openai-organization acme-research

# ---- restricted keys ----
scopes='You have insufficient permissions for this operation. Missing scopes: %s. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you'"'"'re using a restricted API key, that it has the necessary scopes.'
as restricted
get /models -H "$auth"
# shellcheck disable=SC2059
expect_error 403 "$(printf "$scopes" api.model.read)" invalid_request_error null null
chat "$(body gpt-4o-mini)" -H "$auth"
# shellcheck disable=SC2059
expect_error 401 "$(printf "$scopes" model.request)" invalid_request_error null null
as restricted-chat-only
chat "$(body gpt-4o-mini)" -H "$auth"
expect_status 200

# ---- quota and rate limits ----
as no-quota
get /models -H "$auth"
expect_status 200
chat "$(body gpt-4o-mini)" -H "$auth"
expect_error 429 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.' \
	insufficient_quota null insufficient_quota
rate='Rate limit reached for gpt-4o-mini in organization org-F1x401PracticeServer0 on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 1s. Visit https://platform.openai.com/account/rate-limits to learn more. You can increase your rate limit by adding a payment method to your account at https://platform.openai.com/account/billing.'
as rate-limited
chat "$(body gpt-4o-mini)" -H "$auth"
expect_error 429 "$rate" requests null rate_limit_exceeded
expect_header retry-after 1
chat "$(body gpt-4o-mini)" -H "$auth"
expect_status 200
as rate-limited-always
for i in 1 2; do
	chat "$(body gpt-4o-mini)" -H "$auth"
	expect_error 429 "$rate" requests null rate_limit_exceeded
done

# ---- models and parameters ----
as model-allowlist
proj=$(python3 -c 'import json,sys
print([k for k in json.load(open(sys.argv[1]))["keys"] if k["name"] == "model-allowlist"][0]["project"])' "$FIX401_DATADIR/mock.json")
chat "$(body gpt-4.1-nano)" -H "$auth"
expect_error 403 "Project \`$proj\` does not have access to model \`gpt-4.1-nano\`" \
	invalid_request_error null model_not_found
chat "$(body gpt-4o-mini)" -H "$auth"
expect_status 200
as valid-unbound
chat "$(body gpt-9)" -H "$auth"
expect_error 404 'The model `gpt-9` does not exist or you do not have access to it.' \
	invalid_request_error null model_not_found
chat "$(body gpt-5-nano '"max_tokens": 5')" -H "$auth"
expect_error 400 "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead." \
	invalid_request_error max_tokens unsupported_parameter
as legacy-params
chat "$(body gpt-4o-mini '"max_completion_tokens": 5')" -H "$auth"
expect_error 400 "Unsupported parameter: 'max_completion_tokens' is not supported with this model. Use 'max_tokens' instead." \
	invalid_request_error max_completion_tokens unsupported_parameter
chat "$(body gpt-4o-mini '"max_tokens": 5')" -H "$auth"
expect_status 200

# ---- the server ----
as server-500
get /models -H "$auth"
expect_error 500 'The server had an error while processing your request. Sorry about that!' \
	server_error null null
as server-503
chat "$(body gpt-4o-mini)" -H "$auth"
expect_error 503 'The server is overloaded or not ready yet.' server_error null null
as huge
get /models -H "$auth"
expect_status 200
expect_length
[ "$(wc -c < "$T/body")" -gt 1048576 ] || fail "huge: models list under 1 MiB"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/body" ||
	fail "huge: not JSON"
chat "$(body gpt-4o-mini)" -H "$auth"
[ "$(wc -c < "$T/body")" -gt 1048576 ] || fail "huge: answer under 1 MiB"
as ansi
get /models -H "$auth"
expect_status 401
expect_openai
python3 - "$T/body" <<'PY' || fail "ansi: no control characters in the message"
import json, sys
m = json.load(open(sys.argv[1]))["error"]["message"]
assert "\x1b[" in m and "\x1b]" in m and "\r" in m and "\x07" in m, repr(m)
assert "\b" in m and "\x7f" in m and "\u202e" in m, repr(m)
PY

# ---- what stands in for the API ----
as html
get /models -H "$auth"
expect_status 200
expect_header content-type 'text/html; charset=utf-8'
expect_no_header x-request-id
head -n 2 "$T/body" | grep -q '^<html>$' || fail "html: not a page"
as not-json
get /models -H "$auth"
expect_status 200
expect_header content-type 'text/plain; charset=utf-8'
expect_body OK
as redirect
get /models -H "$auth"
expect_status 302
expect_header location http://portal.example/login
as proxy-401
get /models -H "$auth"
expect_status 401
expect_no_header www-authenticate
expect_no_header x-request-id
python3 -c 'import json,sys
e = json.load(open(sys.argv[1]))["error"]
assert e["code"] == "invalid_api_key" and e["message"].startswith("Incorrect API key provided: sk-proj-***")' \
	"$T/body" || fail "proxy-401: body"
as text-401
chat "$(body gpt-4o-mini)" -H "$auth"
expect_status 401
expect_header content-type 'text/plain; charset=utf-8'
expect_header x-openai-ide-error-code invalid_api_key
header x-error-json | python3 -c 'import base64,json,sys
raw = base64.b64decode(sys.stdin.read().strip())
j = json.loads(raw)
assert list(j) == ["error", "status"] and j["status"] == 401
assert list(j["error"]) == ["message", "type", "code", "param"]
assert raw == json.dumps(j, indent=2).encode()' || fail "text-401: x-error-json"
get /models -H "$auth"
expect_status 401
expect_header content-type application/json

as azure
get /models -H "$auth"
expect_status 401
expect_body '{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}'
header apim-request-id | grep -qx '[0-9a-f]\{8\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{4\}-[0-9a-f]\{12\}' ||
	fail "azure: apim-request-id"
as openrouter
get /models -H "$auth"
expect_status 401
expect_body '{"error":{"message":"User not found.","code":401}}'
as mistral
get /models -H "$auth"
expect_status 401
expect_body '{"detail":"Unauthorized"}'
as vllm
get /models -H "$auth"
expect_status 401
expect_body '{"error":"Unauthorized"}'
as xai
get /models -H "$auth"
expect_status 400
expect_body "{\"code\":\"Client specified an invalid argument\",\"error\":\"Incorrect API key provided: sk***$(printf '%s' "$_key" | tail -c 2). You can obtain an API key from https://console.x.ai.\"}"
as gemini
get /models -H "$auth"
expect_status 400
expect_header content-type 'application/json; charset=UTF-8'
python3 - "$T/body" <<'PY' || fail "gemini: body"
import json, sys
raw = open(sys.argv[1], "rb").read()
j = json.loads(raw)
assert isinstance(j, list) and j[0]["error"]["code"] == 400
assert j[0]["error"]["details"][0]["reason"] == "API_KEY_INVALID"
assert raw == b"[" + json.dumps(j[0], indent=2).encode() + b"\n]"
PY

no_secret "$MOCK_LOG" "$T/mock.out" "$MOCK_ERR"
echo "behaviours: $(wc -l < "$MOCK_LOG") requests checked"
