#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Realism: the official openai npm package, installed from the registry
# into $T, reads fix401-mock's answers as it reads the real API's
# (tests/mock/sdk-probe.js).  Skipped without npm or a registry, except
# under CI.
. "$srcdir/tests/mock/common.inc"
require_tool node
require_tool npm

timeout 120 npm install --prefix "$T/sdk" --no-audit --no-fund \
	--loglevel=error openai > "$T/npm.log" 2>&1 ||
	skip "npm install openai failed: $(tail -n 3 "$T/npm.log")"
start_mock
timeout 60 node "$srcdir/tests/mock/sdk-probe.js" "$T/sdk" "$MOCK_URL" \
	"$FIX401_DATADIR/mock.json" > "$T/probe" 2>&1
rc=$?
cat "$T/probe"
[ "$rc" -eq 0 ] || fail "the SDK read an answer wrongly (exit $rc)"
# The retry test: the first request was refused, the second answered.
grep '"key_name":"rate-limited"' "$MOCK_LOG" | grep -c '"status":429' |
	grep -qx 1 || fail "rate-limited: not exactly one 429"
grep '"key_name":"rate-limited"' "$MOCK_LOG" | grep -q '"status":200' ||
	fail "rate-limited: the retry was not answered"
echo "sdk: ok"
