#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# fix401-mock's command line: --help, --version, usage errors (exit 2),
# --bind (the URL and the warning), bad configs and a busy port (exit 1),
# and a clean exit 0 on SIGINT and SIGTERM.
. "$srcdir/tests/mock/common.inc"

# run ARG...: fix401-mock ARG... (5 s at most); $rc, $T/o and $T/e.
run() {
	timeout 5 "$FIX401_MOCK" "$@" > "$T/o" 2> "$T/e" < /dev/null
	rc=$?
}

run --help
[ "$rc" -eq 0 ] || fail "--help: exit $rc"
grep -q -- '--latency=MS' "$T/o" && grep -q -- '--cert=FILE' "$T/o" ||
	fail "--help lacks options"
run -V
[ "$rc" -eq 0 ] && grep -q '^fix401-mock (fix401) ' "$T/o" || fail "-V"

for bad in --nope '--port x' '--port 65536' '--port -1' '--latency 1e3' \
	'--bind localhost' '--bind 999.1.1.1' '--cert a.pem' operand; do
	# shellcheck disable=SC2086
	run $bad
	[ "$rc" -eq 2 ] || fail "'$bad': exit $rc, not 2"
	grep -q "Try 'fix401-mock --help'" "$T/e" ||
		fail "'$bad': no usage hint"
	[ ! -s "$T/o" ] || fail "'$bad': wrote to stdout"
done

# A config that is not right names the file and stops the start.
printf '{"keys": [{"name": "a", "key": "k"}]}' > "$T/bad.json"
run --port 0 --config "$T/bad.json"
[ "$rc" -eq 1 ] && grep -q "bad.json: keys\[0\] needs" "$T/e" ||
	fail "bad config: exit $rc: $(cat "$T/e")"
printf '{\n  "keys": [\n' > "$T/broken.json"
run --port 0 --config "$T/broken.json"
[ "$rc" -eq 1 ] && grep -q "broken.json: not valid JSON" "$T/e" ||
	fail "broken config: exit $rc: $(cat "$T/e")"
run --port 0 --config "$T/missing.json"
[ "$rc" -eq 1 ] && grep -q "missing.json: No such file" "$T/e" ||
	fail "missing config: exit $rc: $(cat "$T/e")"
FIX401_DATADIR="$T" run --port 0
[ "$rc" -eq 1 ] && grep -q "$T/mock.json" "$T/e" ||
	fail "FIX401_DATADIR is not where the config is read"

# --bind: loopback is quiet, anything else warns; the URL uses it.
start_mock
[ ! -s "$MOCK_ERR" ] || fail "127.0.0.1 warned: $(cat "$MOCK_ERR")"
port=${MOCK_URL##*:}
port=${port%/v1}
run --port "$port"
[ "$rc" -eq 1 ] && grep -q "cannot listen on 127.0.0.1 port $port" "$T/e" ||
	fail "busy port: exit $rc: $(cat "$T/e")"
start_mock --bind 0.0.0.0
printf '%s\n' "$MOCK_URL" | grep -qx 'http://0\.0\.0\.0:[1-9][0-9]*/v1' ||
	fail "--bind 0.0.0.0 URL: $MOCK_URL"
warning='warning: listening on 0.0.0.0: anyone who can reach this address'
warning="$warning can use the practice keys"
grep -qF "$warning" "$MOCK_ERR" || fail "no warning for 0.0.0.0"
port=${MOCK_URL##*:}
what="GET /models on 0.0.0.0"
call "http://127.0.0.1:$port/models"
expect_status 401
stop_mock
[ "$MOCK_RC" -eq 0 ] || fail "SIGTERM: exit $MOCK_RC"

# SIGINT stops it cleanly too.
start_mock
kill -INT "$MOCK_PID"
i=0
while kill -0 "$MOCK_PID" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
wait "$MOCK_PID"
rc=$?
MOCK_PID=
[ "$rc" -eq 0 ] || fail "SIGINT: exit $rc"
echo "options: ok"
