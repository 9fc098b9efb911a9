#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The wizard on the terminals people have: a vt100 at 80x24 with
# NO_COLOR draws the welcome exactly as welcome-vt100.screen, without
# colour; xterm, xterm-256color, screen, tmux and linux each reach a
# check's screen and quit with the terminal restored; colour only where
# the terminal has it and NO_COLOR / --no-color are not given; a locale
# without UTF-8 (or --ascii) gets ASCII only: "[FAIL]" without its mark,
# "<-" in the action bar.
. "$srcdir/tests/tui/tui.inc"

start_mock
use_key valid-unbound
esc=$(printf '\033')

# coloured FILE: a capture with attributes (tui_screen -e) sets a colour
# (SGR 30-38, 40-48, 90-97, 100-107; 39 and 49 are the defaults).
coloured() {
	grep -Eq \
	    "$esc\\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]*)*m" "$1"
}

# start [-t TERM] [VAR=value]...: the wizard on the quoted-key project.
start() {
	tui_start "$@" -- --base-url "$MOCK_URL" --timeout 10 "$P"
	tui_wait_for -l 0 ' fix401  Welcome'
}

# to_the_failure MARK LEFT: Enter goes to the quoted key's screen, which
# shows MARK before "[FAIL]" and LEFT for "back" in the action bar; q
# ends with status 1 and the terminal restored.
to_the_failure() {
	tui_keys Enter
	tui_wait_for -l 0 'step 2 of '
	tui_wait_for "$1[FAIL]"
	tui_wait_for "  $2 back  "
	cp "$T/screen" "$T/seen"
	tui_keys q
	tui_wait_exit
	[ "$tui_rc" -eq 1 ] || tui_fail "exit status $tui_rc, not 1"
	tui_stty_sane
}

new_project vt100	# the welcome, whole, and no colour anywhere
printf 'OPENAI_API_KEY="%s"\n' "$K" > "$P/.env"
chmod 600 "$P/.env"
start -t vt100 NO_COLOR=1
tui_wait_screen "$srcdir/tests/tui/welcome-vt100.screen"
tui_screen -e "$T/attrs"
coloured "$T/attrs" && tui_fail "colour on a vt100 with NO_COLOR"
head -n 1 "$T/attrs" | grep -q "^$esc\\[7m fix401  Welcome" ||
	tui_fail "the title bar is not in reverse video"
tui_keys Enter
tui_wait_for '✗ [FAIL]'
tui_screen -e "$T/attrs"
coloured "$T/attrs" && tui_fail "colour on a check's screen with NO_COLOR"
tui_keys q
tui_wait_exit
[ "$tui_rc" -eq 1 ] || tui_fail "exit status $tui_rc, not 1"
tui_stty_sane

for term in xterm xterm-256color screen tmux linux; do
	CASE=$term
	if command -v infocmp >/dev/null 2>&1 &&
	    ! infocmp "$term" >/dev/null 2>&1; then
		echo "no terminfo entry for $term here: not tried"
		continue
	fi
	start -t "$term"
	to_the_failure '✗ ' '←'
done

CASE=colour	# a colour terminal gets colour, unless told not to
start -t xterm-256color
tui_wait_for '1 problem found'
tui_screen -e "$T/attrs"
coloured "$T/attrs" || tui_fail "no colour on xterm-256color"
start -t xterm-256color NO_COLOR=1
tui_wait_for '1 problem found'
tui_screen -e "$T/attrs"
coloured "$T/attrs" && tui_fail "colour with NO_COLOR=1"
tui_start -t xterm-256color -- --no-color --base-url "$MOCK_URL" \
	--timeout 10 "$P"
tui_wait_for '1 problem found'
tui_screen -e "$T/attrs"
coloured "$T/attrs" && tui_fail "colour with --no-color"

CASE=lc-c	# no UTF-8: ASCII marks and arrows
TUI_LC=C
start -t xterm-256color
to_the_failure ' ' '<-'
grep -q '✗\|←' "$T/seen" && tui_fail "UTF-8 marks without a UTF-8 locale"
TUI_LC=

CASE=ascii	# --ascii in a UTF-8 locale: the same
tui_start -t xterm-256color -- --ascii --base-url "$MOCK_URL" --timeout 10 \
	"$P"
tui_wait_for -l 0 ' fix401  Welcome'
to_the_failure ' ' '<-'
grep -q '✗\|←' "$T/seen" && tui_fail "UTF-8 marks with --ascii"
exit 0
