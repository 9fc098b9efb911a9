#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A slow server (fix401-mock's "slow" key answers after 3 s): the wizard
# answers keys while the requests are in flight (? shows the help with
# "checking" still in the title bar), and Esc cancels them: the live
# checks say so, the rest stands.  The mock's log never holds the key.
. "$srcdir/tests/tui/tui.inc"

start_mock
use_key slow

new_project help-while-busy
printf 'OPENAI_API_KEY=%s\n' "$K" > "$P/.env"
chmod 600 "$P/.env"
tui_start -- --base-url "$MOCK_URL" --timeout 20 "$P"
tui_wait_for -l 0 ' fix401  Welcome'
tui_wait_for -l 0 'checking'
tui_expect 'Esc cancel'
t0=$(date +%s)
tui_keys '?'
tui_wait_for 'Help: the keys'
tui_wait_for 'Press any key to close the help.'
# the same capture: the requests are still in flight
tui_expect -l 0 'checking'
[ $(( $(date +%s) - t0 )) -le 2 ] || tui_fail "the help took over 2 s"
tui_keys x	# any key closes it
tui_wait_for -n 'Help: the keys'
tui_wait_for -n -l 0 'checking'	# the answers come in: all is well
tui_wait_for 'No problems found.'
tui_expect 'r re-run'
tui_keys q
tui_wait_exit
[ "$tui_rc" -eq 0 ] || tui_fail "exit status $tui_rc, not 0"
tui_stty_sane

new_project esc-cancels
printf 'OPENAI_API_KEY=%s\n' "$K" > "$P/.env"
chmod 600 "$P/.env"
: > "$MOCK_LOG"
tui_start -- --base-url "$MOCK_URL" --timeout 20 "$P"
tui_wait_for -l 0 ' fix401  Welcome'
tui_wait_for -l 0 'checking'
tui_keys Escape
tui_wait_for 'Cancelled the requests in flight.'
tui_wait_for -n -l 0 'checking'
tui_expect 'r re-run'
tui_keys Enter	# nothing failed: the summary
tui_wait_for -l 0 ' fix401  Summary'
for check in 'The API answers' 'The API accepts the key' \
    'A real request works'; do
	tui_expect "[SKIP] $check: cancelled (Esc); press r to try again"
done
tui_expect '[ OK ] The .env line is clean'
# checks that were not done never add up to "no problems"
tui_expect 'the checks with the server were cancelled: press r'
tui_expect -n 'No problems found.'
tui_keys q
tui_wait_exit
[ "$tui_rc" -eq 0 ] || tui_fail "exit status $tui_rc, not 0"
tui_stty_sane
tui_no_secret "$MOCK_LOG"
exit 0
