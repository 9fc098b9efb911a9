#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# .env on a full 16 KiB tmpfs: writing a bigger file fails with a clear
# "disk is full" message, the original stays whole, no temp file or
# backup is left, and the same write works once there is room again.
. "$srcdir/tests/safety/common.inc"
require_tool cmp

mnt=$T/small
mkdir "$mnt"
mount_tmpfs "$mnt" size=16k,mode=0755 ||
	skip "cannot mount a small tmpfs (needs root and CAP_SYS_ADMIN): $(cat "$T/mount.err")"
printf 'A=1\nOPENAI_API_KEY="%s"\n' "$FAKE_KEY" >"$mnt/.env"
cp "$mnt/.env" "$T/old"
# Fill every free block; dd stops with "No space left on device".
dd if=/dev/zero of="$mnt/filler" bs=1024 count=1024 2>/dev/null
{
	printf 'OPENAI_API_KEY=%s\n' "$FAKE_KEY"
	i=0
	while [ $i -lt 1000 ]; do
		printf 'PADDING_%04d=0123456789012345678901234567890123456789\n' $i
		i=$((i + 1))
	done
} >"$T/new"

run_tool w write "$mnt/.env" <"$T/new"
[ "$status" = 1 ] || fail "expected status 1, got $status"
grep -q 'disk is full' "$T/w.err" || fail "unclear message: $(cat "$T/w.err")"
grep -q 'Nothing was changed' "$T/w.err" ||
	fail "the message does not say nothing was changed"
same "$mnt/.env" "$T/old"
no_temp_files "$mnt"
[ "$(backup_count)" = 0 ] || fail "a backup was left after the failure"

# With room again (the new file is ~50 KiB: drop the filler, grow the fs).
rm -f "$mnt/filler"
mount -o remount,size=1m "$mnt" || fail "cannot grow the tmpfs"
run_tool w2 write "$mnt/.env" <"$T/new"
[ "$status" = 0 ] || fail "write with room failed: $(cat "$T/w2.err")"
same "$mnt/.env" "$T/new"
assert_no_secret "$FAKE_KEY" "$T/w.out" "$T/w.err" "$T/w2.err"
exit 0
