#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# fix401-mock over HTTPS: a throwaway CA and a server certificate for
# 127.0.0.1 made with openssl; curl trusting the CA gets the API's answer,
# curl without it fails on the certificate.
. "$srcdir/tests/mock/common.inc"
require_tool openssl

pki="$T/pki"
mkdir -p "$pki"
# ossl ARG...: openssl, its chatter shown only when it fails.
ossl() {
	openssl "$@" > "$pki/openssl.log" 2>&1 ||
		{ cat "$pki/openssl.log" >&2; exit 99; }
}
ossl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=fix401 test CA' \
	-keyout "$pki/ca.key" -out "$pki/ca.pem" \
	-addext basicConstraints=critical,CA:TRUE \
	-addext keyUsage=critical,keyCertSign,cRLSign
ossl req -newkey rsa:2048 -nodes -subj '/CN=127.0.0.1' \
	-keyout "$pki/server.key" -out "$pki/server.csr"
printf '%s\n' subjectAltName=IP:127.0.0.1 basicConstraints=CA:FALSE \
	extendedKeyUsage=serverAuth > "$pki/ext"
ossl x509 -req -in "$pki/server.csr" -CA "$pki/ca.pem" \
	-CAkey "$pki/ca.key" -CAcreateserial -days 2 -extfile "$pki/ext" \
	-out "$pki/server.pem"

start_mock --cert "$pki/server.pem" --key "$pki/server.key"
printf '%s\n' "$MOCK_URL" | grep -qx 'https://127\.0\.0\.1:[1-9][0-9]*/v1' ||
	fail "TLS URL: $MOCK_URL"
key V valid-unbound
get /models --cacert "$pki/ca.pem" -H "Authorization: Bearer $V"
expect_status 200
expect_openai
get /models --cacert "$pki/ca.pem"
expect_error 401 'Missing bearer authentication in header' \
	invalid_request_error null null

# Without the CA the certificate is not trusted.
timeout 20 curl -sS -m 15 -o /dev/null "$MOCK_URL/models" 2> "$T/err"
rc=$?
[ "$rc" -eq 60 ] || fail "untrusted certificate: curl exit $rc, not 60"
grep -qi 'certificate' "$T/err" || fail "no certificate error: $(cat "$T/err")"
# The failed handshake did not hurt the server.
get /models --cacert "$pki/ca.pem"
expect_status 401

# --cert with a file that is not there: exit 1, named.
timeout 5 "$FIX401_MOCK" --port 0 --cert "$T/none.pem" \
	--key "$pki/server.key" > /dev/null 2> "$T/err"
rc=$?
[ "$rc" -eq 1 ] && grep -q 'none.pem' "$T/err" || fail "missing cert: exit $rc"
no_secret "$MOCK_LOG" "$MOCK_ERR"
echo "tls: ok"
