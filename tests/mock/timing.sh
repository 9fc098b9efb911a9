#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Time in fix401-mock: --latency delays every answer, a key's latency_ms
# its own, and "hang" never answers: the client gives up (curl -m), other
# clients are served meanwhile, and SIGTERM still stops the server.
. "$srcdir/tests/mock/common.inc"

# elapsed_ms CURL-ARG...: the request's total time in ms in $ms, its
# curl exit status in $crc (nothing may take over 15 s).
elapsed_ms() {
	t=$(timeout 20 curl -sS -m 15 -o "$T/body" -w '%{time_total}' "$@" \
		2> "$T/curl.err")
	crc=$?
	ms=$(printf '%s' "${t:-0}" | awk '{ printf "%d", $1 * 1000 }')
}

start_mock --latency 600
elapsed_ms "$MOCK_URL/models"
[ "$crc" -eq 0 ] || fail "--latency: curl $crc"
[ "$ms" -ge 600 ] || fail "--latency 600: answered in $ms ms"
[ "$(mock_log_field 1 delay_ms)" = 600 ] || fail "log delay_ms"

start_mock	# the log goes on: line 1 is the first server's
elapsed_ms "$MOCK_URL/models"
[ "$ms" -lt 600 ] || fail "no latency asked, yet $ms ms"

# slow: 3 s; a client that waits 1 s gives up, one that waits gets it.
key S slow
elapsed_ms -m 1 -H "Authorization: Bearer $S" "$MOCK_URL/models"
[ "$crc" -eq 28 ] || fail "slow: curl -m 1 did not time out ($crc, $ms ms)"
elapsed_ms -H "Authorization: Bearer $S" "$MOCK_URL/models"
[ "$crc" -eq 0 ] && [ "$ms" -ge 3000 ] || fail "slow: $crc after $ms ms"

# hang: the client gives up after 2 s; meanwhile others are answered.
key H hang
timeout 20 curl -sS -m 2 -o /dev/null -H "Authorization: Bearer $H" \
	"$MOCK_URL/chat/completions" -d '{}' 2> "$T/hang.err" &
hang_pid=$!
i=0	# wait until the hanging request is in the log (bounded)
while [ "$(wc -l < "$MOCK_LOG")" -lt 5 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(mock_log_field 5 status)" = null ] || fail "hang: log status is not null"
elapsed_ms "$MOCK_URL/models"
[ "$crc" -eq 0 ] && [ "$ms" -lt 1500 ] ||
	fail "hang blocks other clients ($crc, $ms ms)"
wait "$hang_pid"
[ $? -eq 28 ] || fail "hang: curl did not time out: $(cat "$T/hang.err")"

# A hanging request does not hold up the shutdown.
timeout 20 curl -sS -m 15 -o /dev/null -H "Authorization: Bearer $H" \
	"$MOCK_URL/models" 2> /dev/null &
hang_pid=$!
i=0
while [ "$(wc -l < "$MOCK_LOG")" -lt 7 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(mock_log_field 7 key_name)" = hang ] ||
	fail "the second hang never arrived"
start=$(date +%s)
stop_mock
[ "$MOCK_RC" -eq 0 ] || fail "stop with a hanging request: exit $MOCK_RC"
[ $(($(date +%s) - start)) -le 3 ] || fail "stop took over 3 s"
wait "$hang_pid"
no_secret "$MOCK_LOG" "$MOCK_ERR"
echo "timing: ok"
