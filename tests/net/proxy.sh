#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Proxies and clear text: the proxy from the environment is named (its
# password masked); a 401 without www-authenticate for api.openai.com means
# the proxy answered; the key never crosses plain http:// to another host
# without --allow-insecure (the network is probed without it).
. "$srcdir/tests/net/common.inc"

PROXY="http://user:pr0xyPassw0rd@127.0.0.1:${MOCK_URL##*:}"
PROXY=${PROXY%/v1}
SECRETS="$SECRETS pr0xyPassw0rd"

# via [ARG...]: fix401 for http://api.openai.com/v1 through the mock as
# the proxy.
via() {
	take_vars http_proxy="$PROXY"
	before=$(wc -l < "$MOCK_LOG")
	in_sandbox "$T/out" "$FIX401" --check --json --timeout 5 \
		--base-url http://api.openai.com/v1 "$@" "$P"
	tail -n +"$((before + 1))" "$MOCK_LOG" > "$T/seen"
}

new_case insecure	# no --allow-insecure: the key stays here
use_key valid-unbound
dotenv_key
via
expect_rc 1
expect 'j["live"] == "insecure"' 'status("key-accepted") == "skip"' \
	'"--allow-insecure" in summary("key-accepted")' \
	'status("network") == "pass"' 'j["proxy"] is not None' \
	'"***@" in j["proxy"]'
seen 'paths == ["GET /v1/models"]' 'log[0]["auth"] == "none"'

new_case proxy-answered	# OpenAI always sends www-authenticate on a 401
use_key proxy-401
dotenv_key
via --allow-insecure
expect_rc 1
expect "$(req models)['cause'] == 'proxy'" 'status("key-accepted") == "fail"' \
	'"proxy" in detail("network")'

new_case loopback-direct	# a server on this machine is never proxied
use_key valid-unbound
dotenv_key
live http_proxy=http://user:pr0xyPassw0rd@127.0.0.1:9 \
	HTTPS_PROXY=http://127.0.0.1:9 ALL_PROXY=http://127.0.0.1:9
expect_rc 0
expect 'status("key-accepted") == "pass"' 'j["proxy"] is None'

new_case proxy-refused	# a dead proxy is named, not the API
use_key valid-unbound
dotenv_key
take_vars https_proxy=http://user:pr0xyPassw0rd@127.0.0.1:9
in_sandbox "$T/out" "$FIX401" --check --json --timeout 3 "$P"
expect_rc 1
expect 'status("network") == "fail"' '"proxy" in summary("network")' \
	'"***@127.0.0.1:9" in summary("network")' \
	"$(req models)['error'] == 'refused'" 'status("key-accepted") == "skip"' \
	'status("completion") == "skip"'
