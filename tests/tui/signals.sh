#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Stopped with the confirm dialog of f open: Ctrl-C (SIGINT from the
# terminal), SIGHUP and SIGTERM each end the wizard with 128 + the
# signal's number, the terminal's settings back as they were, and .env
# untouched: no write, no backup, no temp file.  (hangup.sh: the
# terminal itself going away.)
. "$srcdir/tests/tui/tui.inc"
require_tool pgrep

start_mock
use_key valid-unbound

# at_the_question NAME: a project with the quoted key; the wizard on it,
# at the question f asks.
at_the_question() {
	new_project "$1"
	printf 'OPENAI_API_KEY="%s"\nOTHER=1\n' "$K" > "$P/.env"
	chmod 600 "$P/.env"
	cp "$P/.env" "$T/original"
	tui_start -- --base-url "$MOCK_URL" --timeout 10 "$P"
	tui_wait_for -l 0 ' fix401  Welcome'
	tui_keys Enter
	tui_wait_for -l 0 ': The .env line is clean'
	tui_keys f
	tui_wait_for 'Write this change?'
	tui_wait_for '>[Yes, write it]  [No]'
}

# stopped_with STATUS: fix401 ended with STATUS, the terminal sane, the
# project as it was.
stopped_with() {
	tui_wait_exit
	[ "$tui_rc" -eq "$1" ] || tui_fail "exit status $tui_rc, not $1"
	tui_stty_sane
	cmp -s "$P/.env" "$T/original" || tui_fail ".env changed"
	[ "$(ls -A "$P")" = .env ] ||
		tui_fail "left in the project: $(ls -A "$P")"
	[ ! -d "$S/backups" ] || [ -z "$(find "$S/backups" -type f)" ] ||
		tui_fail "a backup was made"
}

at_the_question ctrl-c
tui_keys C-c	# the terminal sends SIGINT to the foreground group
stopped_with 130

at_the_question sighup
kill -s HUP "$(tui_pid)"
stopped_with 129

at_the_question sigterm
kill -s TERM "$(tui_pid)"
stopped_with 143
exit 0
