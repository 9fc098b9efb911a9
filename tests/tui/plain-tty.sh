#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Plain mode on a real terminal (tmux): a key pasted at the hidden prompt
# never shows on the screen and is written after a "y"; SIGINT (Ctrl-C)
# at that prompt ends the run with the terminal's echo back and nothing
# written.
. "$srcdir/tests/tui/tui.inc"

start_mock
use_key valid-unbound

new_project paste	# no key anywhere: paste one with echo off
tui_start -- --plain --base-url "$MOCK_URL" --timeout 5 "$P"
tui_wait_for 'Paste a new key (input hidden), or press Enter to skip:'
tui_paste "$K"		# every capture is checked for the key
tui_keys Enter
tui_wait_for 'Write it? [y/N]'
grep -q '^  The pasted key: sk-proj-.*, 164 characters$' "$T/screen" ||
	tui_fail "the pasted key is not shown masked"
tui_keys y Enter
tui_wait_for 'Paste the error you got'
tui_keys Enter
tui_wait_for 'Write a support report (no secrets) to fix401-report.txt? [y/N]'
tui_keys Enter
tui_wait_exit
[ "$tui_rc" -eq 0 ] || tui_fail "exit status $tui_rc, not 0"
tui_stty_sane
printf 'OPENAI_API_KEY=%s\n' "$K" > "$T/expected"
cmp -s "$P/.env" "$T/expected" || tui_fail ".env does not hold the pasted key"
tui kill-server 2>/dev/null

new_project sigint	# Ctrl-C at the hidden prompt
tui_start -- --plain --base-url "$MOCK_URL" --timeout 5 "$P"
tui_wait_for 'Paste a new key (input hidden), or press Enter to skip:'
tui_keys -l 'sk-half-typed'
# What Ctrl-C does in cooked mode, aimed at fix401 alone: the wrapper
# shell tui_start runs would die of the terminal's SIGINT too.
kill -s INT "$(tui_pid)"
tui_wait_exit
[ "$tui_rc" -eq 130 ] || tui_fail "exit status $tui_rc, not 130"
tui_stty_sane		# echo is back on
grep -q 'sk-half-typed' "$T/screen" && tui_fail "the hidden input was shown"
[ ! -e "$P/.env" ] || tui_fail "a .env was written after Ctrl-C"
exit 0
