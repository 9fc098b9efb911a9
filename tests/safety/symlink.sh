#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# .env is a link to ../shared/real.env: the write goes to the real file,
# keeps its mode, leaves the link a link, and backs up the old bytes;
# undo puts them back through the link as well.
. "$srcdir/tests/safety/common.inc"
require_tool cmp

mkdir -p "$T/proj/app" "$T/proj/shared"
real=$T/proj/shared/real.env
printf 'A=1\nOPENAI_API_KEY="%s "\n' "$FAKE_KEY" >"$real"
chmod 640 "$real"
cp "$real" "$T/old"
ln -s ../shared/real.env "$T/proj/app/.env"
printf 'A=1\nOPENAI_API_KEY=%s\n' "$FAKE_KEY" >"$T/new"

run_tool w write "$T/proj/app/.env" <"$T/new"
[ "$status" = 0 ] || fail "write failed: $(cat "$T/w.err")"
[ -L "$T/proj/app/.env" ] || fail "the link was replaced by a file"
[ "$(readlink "$T/proj/app/.env")" = ../shared/real.env ] ||
	fail "the link now points elsewhere"
same "$real" "$T/new"
[ "$(mode_of "$real")" = 640 ] || fail "mode changed to $(mode_of "$real")"

backup=$(sed -n 's/^backup: //p' "$T/w.out")
[ -f "$backup" ] || fail "no backup reported"
case $backup in
"$BACKUPS"/????????????????/*.env) ;;
*) fail "backup in an unexpected place: $backup" ;;
esac
same "$backup" "$T/old"
[ "$(mode_of "$backup")" = 600 ] || fail "backup mode $(mode_of "$backup")"
origin=$(cat "${backup%/*}/origin")
[ "$origin" = "$(cd "$T/proj/shared" && pwd -P)/real.env" ] ||
	fail "origin names $origin"
no_temp_files "$T/proj/app"
no_temp_files "$T/proj/shared"

run_tool u undo "$T/proj/app/.env"
[ "$status" = 0 ] || fail "undo failed: $(cat "$T/u.err")"
[ -L "$T/proj/app/.env" ] || fail "undo replaced the link"
same "$real" "$T/old"
assert_no_secret "$FAKE_KEY" "$T/w.out" "$T/w.err" "$T/u.out" "$T/u.err"
exit 0
