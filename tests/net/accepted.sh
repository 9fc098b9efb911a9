#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A working key: every live check passes, the two probes went out together
# with the key as python-dotenv reads it, and the JSON records them.
. "$srcdir/tests/net/common.inc"

new_case valid
use_key valid-unbound
dotenv_key
live
expect_rc 0
expect 'status("network") == "pass"' 'status("key-accepted") == "pass"' \
	'status("completion") == "pass"' 'j["live"] == "sent"' \
	'len(j["requests"]) == 2' \
	"$(req models)['status'] == 200" \
	"$(req models)['request_id'].startswith('req_')" \
	"$(req chat)['status'] == 200 and $(req chat)['reply']" \
	"$(req chat)['model'] == 'gpt-4.1-nano'" \
	"$(req chat)['candidate'] == 0" \
	'"replied" in summary("completion")'
seen 'sorted(paths) == ["GET /v1/models", "POST /v1/chat/completions"]' \
	'all(l["auth"] == "bearer" for l in log)' \
	'all(l["organization"] is None and l["project"] is None for l in log)' \
	'all("fix401" in l["user_agent"] for l in log)'

new_case legacy-key	# a 51-character sk- key
use_key valid-legacy
dotenv_key
live
expect_rc 0
expect 'status("key-accepted") == "pass"' 'status("completion") == "pass"'

new_case quoted-in-env	# the environment's copy, quotes stripped by python
use_key valid-unbound
printf 'OPENAI_API_KEY="%s"\n' "$K" > "$P/.env"
live
expect 'status("key-accepted") == "pass"'

new_case bound-right	# the right organization and project headers
use_key valid
dotenv_key
printf 'OPENAI_ORG_ID=org-7AaAKi9ESjMbufXy9mVdxCu2\nOPENAI_PROJECT_ID=proj_6644rRiZvRf9s27DeBv8Zu3z\n' >> "$P/.env"
live
expect_rc 0
expect 'status("org-project") == "pass"' \
	'"accepted" in summary("org-project")' \
	"$(req models)['organization_sent'] and $(req models)['project_sent']"
seen 'all(l["organization"] == "org-7AaAKi9ESjMbufXy9mVdxCu2" for l in log)'

new_case report		# --report: the support report, 0600, no key
use_key valid-unbound
dotenv_key
live -- --report "$T/report.txt"
expect_rc 0
[ -f "$T/report.txt" ] || fail "$CASE: no report written"
[ "$(stat -c %a "$T/report.txt")" = 600 ] || fail "$CASE: report not 0600"
grep -q 'req_' "$T/report.txt" || fail "$CASE: no request id in the report"
grep -q '127.0.0.1' "$T/report.txt" || fail "$CASE: no base URL in the report"
grep -q 'libcurl' "$T/report.txt" || fail "$CASE: no versions in the report"
for s in $SECRETS; do
	assert_no_secret "$s" "$T/report.txt"
done

new_case no-key		# nothing to send: the network is still probed
printf 'OTHER=1\n' > "$P/.env"
live
expect_rc 1
expect 'status("key-found") == "fail"' 'status("network") == "pass"' \
	'status("key-accepted") == "skip"' "$(req models)['candidate'] is None" \
	"$(req models)['status'] == 401"
seen 'paths == ["GET /v1/models"]' 'log[0]["auth"] == "none"'
