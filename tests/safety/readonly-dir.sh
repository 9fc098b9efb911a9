#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# .env in a folder that cannot be written: a clear message naming the
# file, the original untouched, no temp file and no stray backup.  As root
# permission bits do not stop writes, so root uses a read-only tmpfs.
. "$srcdir/tests/safety/common.inc"
require_tool cmp

dir=$T/ro
mkdir "$dir"
printf 'A=1\nOPENAI_API_KEY="%s"\n' "$FAKE_KEY" >"$T/old"
printf 'A=1\nOPENAI_API_KEY=%s\n' "$FAKE_KEY" >"$T/new"
if [ "$(id -u)" = 0 ]; then
	mount_tmpfs "$dir" size=64k,mode=0755 ||
		skip "root ignores chmod 0555 and tmpfs cannot be mounted here: $(cat "$T/mount.err")"
	cp "$T/old" "$dir/.env"
	mount -o remount,ro "$dir" 2>"$T/mount.err" ||
		skip "cannot remount the tmpfs read-only: $(cat "$T/mount.err")"
	want='read-only'
else
	cp "$T/old" "$dir/.env"
	chmod 0555 "$dir"
	want='not allowed'
fi

run_tool w write "$dir/.env" <"$T/new"
[ "$status" = 1 ] || fail "expected status 1, got $status"
grep -q "$want" "$T/w.err" || fail "unclear message: $(cat "$T/w.err")"
grep -qF "$dir/.env" "$T/w.err" || fail "the message does not name the file"
grep -q 'Nothing was changed' "$T/w.err" ||
	fail "the message does not say nothing was changed"
same "$dir/.env" "$T/old"
no_temp_files "$dir"
[ "$(backup_count)" = 0 ] || fail "a backup was left after the failure"
assert_no_secret "$FAKE_KEY" "$T/w.out" "$T/w.err"
exit 0
