#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole walkthrough in a real terminal: a quoted key in .env, fixed
# with f and proved by a real completion from fix401-mock in at most 5
# keystrokes from launch.  The .env is byte-exact afterwards but for the
# key's line, the old file is backed up (0600), q ends with the status
# fix401 --check gives the project, and the mock never saw the key in
# its log.
. "$srcdir/tests/tui/tui.inc"

start_mock
use_key valid-unbound

new_project quoted-key
# The key's line between lines that must not change by a byte: a
# comment with quotes, a blank line, an empty value, a line ending in
# CR LF, and a last line without a newline.
env_file() {	# env_file VALUE: the .env with VALUE as the key's value
	printf '# settings "here"\n\nEMPTY=\n'
	printf 'OPENAI_API_KEY=%s\nWIN=1\r\nLAST=1' "$1"
}
env_file "\"$K\"" > "$P/.env"
chmod 600 "$P/.env"
cp "$P/.env" "$T/original"
env_file "$K" > "$T/expected"

tui_start -- --base-url "$MOCK_URL" --timeout 10 "$P"
tui_wait_for -l 0 ' fix401  Welcome'
tui_keys Enter		# to the first problem: the quoted key
tui_wait_for -l 0 ': The .env line is clean'
tui_wait_for '[FAIL]'
tui_wait_for ' f fix '
tui_keys f		# the change, masked
tui_wait_for 'Write this change?'
tui_wait_for "File: $P/.env"
tui_wait_for '- 4: OPENAI_API_KEY="sk-proj-'
tui_wait_for '+ 4: OPENAI_API_KEY=sk-proj-'
tui_wait_for '>[Yes, write it]  [No]'
tui_cursor_on '>[Yes, write it]'	# the focus, where the cursor is
tui_keys y		# written, checked again: the completion proves it
tui_wait_for -l 0 ': A real request works'
tui_wait_for '[ OK ]'
tui_wait_for 'a real request with this key works'
[ "$TUI_KEYS" -le 5 ] ||
	tui_fail "$TUI_KEYS keystrokes to the confirmed completion, not <= 5"
tui_expect 'Wrote '

cmp -s "$P/.env" "$T/expected" || tui_fail ".env is not byte-exact after f"
[ "$(stat -c %a "$P/.env")" = 600 ] || tui_fail ".env is no longer 0600"
find "$S/backups" -type f ! -name origin > "$T/backups" 2>/dev/null
[ "$(wc -l < "$T/backups")" -eq 1 ] || tui_fail "not one backup of .env"
b=$(cat "$T/backups")
cmp -s "$b" "$T/original" || tui_fail "the backup is not the old .env"
[ "$(stat -c %a "$b")" = 600 ] || tui_fail "the backup is not 0600"

tui_keys q
tui_wait_exit
tui_stty_sane
# The wizard ends with the status --check gives the project now.
env -i HOME="$H" PATH=/usr/bin:/bin LC_ALL=C.UTF-8 LANGUAGE= \
	XDG_STATE_HOME="$H/.local/state" XDG_CONFIG_HOME="$H/.config" \
	FIX401_DATADIR="$FIX401_DATADIR" timeout 30 \
	"$FIX401" --check --base-url "$MOCK_URL" --timeout 10 "$P" \
	> "$T/check.out" 2>&1
check_rc=$?
tui_no_secret "$T/check.out"
[ "$check_rc" -eq 0 ] ||
	{ cat "$T/check.out" >&2; tui_fail "--check says $check_rc after f"; }
[ "$tui_rc" -eq "$check_rc" ] ||
	tui_fail "q ended with $tui_rc, --check with $check_rc"
tui_no_secret "$MOCK_LOG"
[ -s "$MOCK_LOG" ] || tui_fail "the mock saw no request"
exit 0
