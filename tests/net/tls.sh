#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# HTTPS: with the test's own CA trusted through SSL_CERT_FILE (or
# CURL_CA_BUNDLE) every live check passes; without it the certificate is
# not trusted: a clear TLS finding with the SSL_CERT_FILE fix, never a 401.
. "$srcdir/tests/lib.sh"
require_tool openssl
. "$srcdir/tests/scenario/common.inc"
. "$srcdir/tests/mock.inc"

# A CA and a certificate for 127.0.0.1 signed by it.
mkdir -p "$T/pki"
cd "$T/pki" || exit 99
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=fix401 test CA' \
	-keyout ca.key -out ca.pem >/dev/null 2>&1 || exit 99
openssl req -newkey rsa:2048 -nodes -subj '/CN=127.0.0.1' \
	-keyout server.key -out server.csr >/dev/null 2>&1 || exit 99
printf 'subjectAltName=IP:127.0.0.1\n' > ext.cnf
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
	-days 2 -extfile ext.cnf -out server.pem >/dev/null 2>&1 || exit 99
cd - >/dev/null || exit 99

start_mock --cert "$T/pki/server.pem" --key "$T/pki/server.key"
URL=$(printf '%s' "$MOCK_URL" | sed 's|^http:|https:|')
K=$(mock_key valid-unbound)
SECRETS="$SECRETS $K"

tls() {	# tls [VAR=value]...: fix401 against the HTTPS mock
	take_vars "$@"
	in_sandbox "$T/out" "$FIX401" --check --json --base-url "$URL" \
		--timeout 5 "$P"
}

new_case trusted
printf 'OPENAI_API_KEY=%s\n' "$K" > "$P/.env"
tls SSL_CERT_FILE="$T/pki/ca.pem"
expect_rc 0
expect 'status("network") == "pass"' 'status("completion") == "pass"'

new_case curl-ca-bundle
printf 'OPENAI_API_KEY=%s\n' "$K" > "$P/.env"
tls CURL_CA_BUNDLE="$T/pki/ca.pem"
expect_rc 0
expect 'status("key-accepted") == "pass"'

new_case untrusted	# the system's CAs do not know the test CA
printf 'OPENAI_API_KEY=%s\n' "$K" > "$P/.env"
tls
expect_rc 1
expect 'status("network") == "fail"' \
	"[r for r in j['requests'] if r['purpose'] == 'models'][0]['error'] == 'tls-ca'" \
	'"SSL_CERT_FILE" in fix("network")' \
	'status("key-accepted") == "skip"'
