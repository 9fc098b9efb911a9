#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SIGKILL at every write, fsync and rename envfile makes, just before and
# just after each: the target always holds the whole old or the whole new
# bytes with its mode, every backup is whole, and a normal write and an
# undo still work after each kill (stray temp files may remain).
. "$srcdir/tests/safety/common.inc"
require_tool cmp

shim=$T/killshim.so
${CC:-cc} -shared -fPIC -o "$shim" "$srcdir/tests/safety/killshim.c" \
    2>"$T/cc.err" ||
	${CC:-cc} -shared -fPIC -o "$shim" "$srcdir/tests/safety/killshim.c" \
	    -ldl 2>"$T/cc.err" ||
	skip "cannot build the LD_PRELOAD shim: $(cat "$T/cc.err")"
# An ASan build insists on being first in the library list.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
export ASAN_OPTIONS

mkdir "$T/p"
env=$T/p/.env
printf 'A=1\nOPENAI_API_KEY="%s"\n' "$FAKE_KEY" >"$T/old"
{
	printf 'A=1\nOPENAI_API_KEY=%s\n' "$FAKE_KEY"
	printf 'B=a longer file, so a torn write would show\n'
} >"$T/new"
printf 'C=after the kill\n' >"$T/next"

# whole FILE: FILE is byte-identical to old or new; prints which.
whole() {
	if cmp -s "$1" "$T/old"; then
		echo old
	elif cmp -s "$1" "$T/new"; then
		echo new
	else
		fail "$1 is neither the old nor the new file"
	fi
}

kills=0
for call in write fsync rename; do
	for when in before after; do
		n=1
		while :; do
			cp "$T/old" "$env"
			chmod 640 "$env"
			status=0
			LD_PRELOAD=$shim KILLSHIM_CALL=$call KILLSHIM_N=$n \
			    KILLSHIM_WHEN=$when "$TOOL" write "$env" \
			    <"$T/new" >"$T/k.out" 2>"$T/k.err" || status=$?
			state=$(whole "$env") || exit 1
			[ "$(mode_of "$env")" = 640 ] ||
				fail "$call #$n $when: mode $(mode_of "$env")"
			assert_no_secret "$FAKE_KEY" "$T/k.out" "$T/k.err"
			if [ "$status" = 0 ]; then	# ran past call #n
				[ "$state" = new ] || fail "success but old bytes"
				break
			fi
			[ "$status" = 137 ] ||
				fail "$call #$n $when: status $status: $(cat "$T/k.err")"
			kills=$((kills + 1))
			# Whatever the kill left behind must not get in the way.
			run_tool w write "$env" <"$T/next"
			[ "$status" = 0 ] ||
				fail "write after a kill: $(cat "$T/w.err")"
			same "$env" "$T/next"
			n=$((n + 1))
			[ "$n" -lt 50 ] || fail "$call: the tool never finished"
		done
		[ "$n" -gt 1 ] || fail "the shim never killed at $call ($when)"
	done
done

# Every backup is whole: it holds bytes the file really had.
for b in $(find "$BACKUPS" -type f -name '*.env'); do
	cmp -s "$b" "$T/old" || cmp -s "$b" "$T/new" ||
		cmp -s "$b" "$T/next" || fail "torn backup: $b"
	[ "$(mode_of "$b")" = 600 ] || fail "backup mode $(mode_of "$b")"
done
run_tool u undo "$env"
[ "$status" = 0 ] || fail "undo after the kills: $(cat "$T/u.err")"
whole "$env" >/dev/null || exit 1
left=$(ls -A "$T/p" | grep -c 'fix401-' || true)
echo "$kills kills; $left stray temp file(s) left, as expected after SIGKILL"
exit 0
