#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A stale export shadowing .env, in a real terminal: ~/.bashrc exports a
# revoked key, which the shell fix401 runs from has too.  Enter lands
# on "The intended key wins" failing; f shows the .bashrc line and its
# commented-out form, masked; y comments it out (every other byte
# kept), the screen says how to clear the old key from open shells, and
# the completion passes with the key from .env.
. "$srcdir/tests/tui/tui.inc"

start_mock
use_key revoked
OLD=$K
use_key valid-unbound

new_project stale-export
printf 'OPENAI_API_KEY=%s\n' "$K" > "$P/.env"
chmod 600 "$P/.env"
bashrc() {	# bashrc PREFIX: a .bashrc whose line 3 exports the old key
	printf "# ~/.bashrc\nalias ll='ls -l'\n"
	printf '%sexport OPENAI_API_KEY=%s\n' "$1" "$OLD"
	printf "PS1='\\\\w\\\\$ '\n"
}
bashrc '' > "$H/.bashrc"
bashrc '# ' > "$T/expected"
cp "$P/.env" "$T/env.before"

tui_start OPENAI_API_KEY="$OLD" -- --base-url "$MOCK_URL" --timeout 10 "$P"
tui_wait_for -l 0 ' fix401  Welcome'
tui_keys Enter
tui_wait_for -l 0 ': The intended key wins'
tui_wait_for '[FAIL]'
# shellcheck disable=SC2088 # the text on screen, not a path
tui_wait_for '~/.bashrc:3'
tui_keys f
tui_wait_for 'Write this change?'
tui_wait_for "File: $H/.bashrc"
tui_wait_for '- 3: export OPENAI_API_KEY=sk-proj-…hUE0'
tui_wait_for '+ 3: # export OPENAI_API_KEY=sk-proj-…hUE0'
tui_keys y
tui_wait_for 'unset OPENAI_API_KEY'
tui_wait_for -l 0 ': A real request works'
tui_wait_for '[ OK ]'
tui_expect 'unset OPENAI_API_KEY'
cmp -s "$H/.bashrc" "$T/expected" ||
	tui_fail ".bashrc is not the old one with line 3 commented out"
cmp -s "$P/.env" "$T/env.before" || tui_fail ".env changed"
find "$S/backups" -type f ! -name origin > "$T/backups" 2>/dev/null
[ "$(wc -l < "$T/backups")" -eq 1 ] || tui_fail "not one backup"
bashrc '' | cmp -s - "$(cat "$T/backups")" ||
	tui_fail "the backup is not the old .bashrc"
tui_keys q
tui_wait_exit
[ "$tui_rc" -eq 0 ] || tui_fail "exit status $tui_rc, not 0"
tui_stty_sane
tui_no_secret "$MOCK_LOG"
exit 0
