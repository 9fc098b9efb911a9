#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Resizing the terminal: below 80x24 the wizard says it is too small and
# how small; back at 80x24 it is where it was, with the same step and the
# same dialog open; q quits from the too-small screen too.
. "$srcdir/tests/tui/tui.inc"

start_mock
use_key valid-unbound

new_project resize
printf 'OPENAI_API_KEY="%s"\n' "$K" > "$P/.env"
chmod 600 "$P/.env"
cp "$P/.env" "$T/original"
tui_start -- --base-url "$MOCK_URL" --timeout 10 "$P"
tui_wait_for -l 0 ' fix401  Welcome'
tui_keys Enter
tui_wait_for -l 0 ' fix401  step 2 of 11: The .env line is clean'
tui_resize 60 20
tui_wait_for -l 0 'terminal too small (60x20, needs 80x24)'
tui_expect -n 'step 2 of 11'
tui_resize 80 24	# the same step again
tui_wait_for -l 0 ' fix401  step 2 of 11: The .env line is clean'
tui_wait_for '[FAIL]'
tui_wait_for 'Enter next  '
tui_resize 79 24	# one column short is too small
tui_wait_for -l 0 'terminal too small (79x24, needs 80x24)'
tui_resize 80 24
tui_wait_for -l 0 ' fix401  step 2 of 11: The .env line is clean'

tui_keys f	# a dialog survives a resize too
tui_wait_for 'Write this change?'
tui_resize 60 20
tui_wait_for -l 0 'terminal too small (60x20, needs 80x24)'
tui_expect -n 'Write this change?'
tui_keys y	# not a yes: nothing is answered on the too-small screen
tui_resize 80 24
tui_wait_for 'Write this change?'
tui_wait_for '>[Yes, write it]  [No]'
tui_expect -l 0 ' fix401  step 2 of 11: The .env line is clean'
cmp -s "$P/.env" "$T/original" || tui_fail ".env changed on the small screen"
tui_keys n
tui_wait_for 'Nothing was written.'
tui_expect -n 'Write this change?'

tui_resize 60 20	# q quits from the too-small screen
tui_wait_for -l 0 'terminal too small (60x20, needs 80x24)'
tui_keys q
tui_wait_exit
[ "$tui_rc" -eq 1 ] || tui_fail "exit status $tui_rc, not 1"
tui_stty_sane
cmp -s "$P/.env" "$T/original" || tui_fail ".env changed"
exit 0
