#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Another program saves .env between our read and our write (in place, or
# by renaming a new file over it): the write is refused with a clear
# message, the other program's bytes stay, and no backup is left.
. "$srcdir/tests/safety/common.inc"
require_tool cmp
require_tool mkfifo

mkdir "$T/p"
env=$T/p/.env
printf 'OPENAI_API_KEY=%s\n' "$FAKE_KEY" >"$T/new"

# race HOW: starts a paused write, lets "the editor" save the file HOW,
# then lets the write go on.
race() {
	printf 'A=1\nOPENAI_API_KEY= %s\n' "$FAKE_KEY" >"$env"
	rm -f "$T/go"
	mkfifo "$T/go"
	before=$(backup_count)
	"$TOOL" write --pause-after-read "$T/go" "$env" <"$T/new" \
	    >"$T/c.out" 2>"$T/c.err" &
	pid=$!
	# If the tool ends before it opens the fifo, a reader-writer open
	# (which never blocks) unblocks ours below.
	(
		while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
		exec 4<>"$T/go"
	) &
	dog=$!
	exec 3>"$T/go"	# returns once the tool has read the file
	case $1 in
	inplace) printf 'A=2 saved by the editor\n' >"$env" ;;
	rename)
		# same size and bytes as before: only the inode differs
		cp "$env" "$T/p/.env.swp"
		mv "$T/p/.env.swp" "$env"
		;;
	esac
	cp "$env" "$T/theirs"
	exec 3>&-
	status=0
	wait "$pid" || status=$?
	wait "$dog"
	[ "$status" = 1 ] || fail "$1: expected a refusal, got status $status"
	grep -q 'changed since it was read' "$T/c.err" ||
		fail "$1: unclear message: $(cat "$T/c.err")"
	grep -q "Nothing was written" "$T/c.err" ||
		fail "$1: the message does not say nothing was written"
	same "$env" "$T/theirs"
	[ "$(backup_count)" = "$before" ] || fail "$1: a backup was left"
	no_temp_files "$T/p"
	assert_no_secret "$FAKE_KEY" "$T/c.out" "$T/c.err"
}

race inplace
race rename

# Without the race the same write goes through.
run_tool w write "$env" <"$T/new"
[ "$status" = 0 ] || fail "plain write failed: $(cat "$T/w.err")"
same "$env" "$T/new"
exit 0
